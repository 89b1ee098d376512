//! Copying text out of the app: always an OSC 52 sequence, and the system clipboard too
//! when a display server is reachable; the `Clipboard` trait lets tests use a fake.
//!
//! OSC 52 reaches the clipboard of the terminal the user sits at, over SSH and through
//! tmux (with `set -g set-clipboard on`), but the app cannot learn whether the terminal
//! accepted it. The system clipboard (arboard) works without terminal support but needs
//! a display. Doing both, and saying which was done, is the honest choice.

use crossterm::clipboard::CopyToClipboard;
use crossterm::QueueableCommand;
use std::io::Write;

/// What happened to one copy: each mechanism either worked or says why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The OSC 52 sequence was written to the terminal.
    pub osc52: Result<(), String>,
    /// The system clipboard took the text.
    pub system: Result<(), String>,
}

pub trait Clipboard {
    /// Copy `text`; never blocks for long and never panics.
    fn copy(&mut self, text: &str) -> Outcome;
}

/// OSC 52 to a terminal, plus one long-lived system clipboard handle. On X11 the copied
/// text lives only as long as the handle (unless a clipboard manager takes it), so the
/// handle is made once and kept for the whole session.
pub struct TerminalClipboard<W: Write> {
    out: W,
    system: Result<arboard::Clipboard, String>,
}

impl<W: Write> TerminalClipboard<W> {
    /// Without a display arboard fails within microseconds; we keep the reason to report.
    pub fn new(out: W) -> Self {
        let system = arboard::Clipboard::new().map_err(|e| e.to_string());
        TerminalClipboard { out, system }
    }
}

impl<W: Write> Clipboard for TerminalClipboard<W> {
    fn copy(&mut self, text: &str) -> Outcome {
        Outcome {
            osc52: write_osc52(&mut self.out, text).map_err(|e| e.to_string()),
            system: match &mut self.system {
                Ok(c) => c.set_text(text).map_err(|e| e.to_string()),
                Err(e) => Err(e.clone()),
            },
        }
    }
}

/// Write the OSC 52 "set clipboard" sequence for `text`.
pub fn write_osc52(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.queue(CopyToClipboard::to_clipboard_from(text))?;
    out.flush()
}

/// A clipboard for tests: records every copy and reports what it is told to.
#[derive(Debug, Default)]
pub struct FakeClipboard {
    pub copied: Vec<String>,
    /// When set, the system clipboard "fails" with this reason.
    pub no_system: Option<String>,
}

impl Clipboard for FakeClipboard {
    fn copy(&mut self, text: &str) -> Outcome {
        self.copied.push(text.to_string());
        Outcome {
            osc52: Ok(()),
            system: match &self.no_system {
                Some(reason) => Err(reason.clone()),
                None => Ok(()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let mut out = Vec::new();
        write_osc52(&mut out, "44台").unwrap();
        // base64("44台") = NDTlj7A=
        assert_eq!(out, b"\x1b]52;c;NDTlj7A=\x1b\\");
    }

    #[test]
    fn without_a_system_clipboard_copying_still_sends_osc52_and_says_why_not() {
        // Built as `new` builds it where arboard finds no display, whatever this machine has.
        let mut c = TerminalClipboard {
            out: Vec::new(),
            system: Err("no display".to_string()),
        };
        let outcome = c.copy("44台");
        assert_eq!(outcome.osc52, Ok(()));
        assert_eq!(outcome.system, Err("no display".to_string()));
        assert_eq!(c.out, b"\x1b]52;c;NDTlj7A=\x1b\\");
    }

    #[test]
    fn a_terminal_that_cannot_be_written_is_reported_not_hidden() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut c = TerminalClipboard {
            out: Closed,
            system: Err("no display".to_string()),
        };
        let outcome = c.copy("44台");
        assert!(outcome.osc52.is_err() && outcome.system.is_err());
    }
}
