//! The tmux harness of the end-to-end tests: a pane of our own running the binary, keys
//! sent with send-keys, the screen read with capture-pane, the clipboard with show-buffer.
#![allow(dead_code, clippy::unwrap_used)]

use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed on drop, so tests never touch the
/// user's sessions and can run in parallel.
pub struct Tmux {
    pub socket: String,
}

impl Tmux {
    pub fn start(name: &str, args: &str) -> Tmux {
        Tmux::start_program(name, env!("CARGO_BIN_EXE_report-tui"), args)
    }

    pub fn start_program(name: &str, bin: &str, args: &str) -> Tmux {
        // After the app exits, print its exit code and the terminal modes on one line
        // (ending in END, so a test never reads half of it), then keep the pane open.
        let script = format!(
            "'{bin}' {args}; code=$?; modes=$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '); echo \"EXIT:$code $modes END\"; sleep 60"
        );
        Tmux::start_command(name, &["sh", "-c", &script])
    }

    /// A 120x40 pane running `command`, with set-clipboard on.
    pub fn start_command(name: &str, command: &[&str]) -> Tmux {
        let tmux = Tmux {
            socket: format!("report-tui-e2e-{}-{name}", std::process::id()),
        };
        let mut args = vec![
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-e",
            "LANG=C.UTF-8",
        ];
        args.extend(command);
        let out = tmux.run(&args);
        assert!(
            out.status.success(),
            "tmux failed to start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // tmux catches an application's OSC 52 only with set-clipboard on.
        tmux.run(&["set", "-g", "set-clipboard", "on"]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let available = Command::new("tmux").arg("-V").output();
        assert!(
            available.is_ok(),
            "tmux is not installed (.ci/run installs it)"
        );
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap()
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "0", k]);
        }
    }

    /// Type text literally (send-keys -l), as an IME would commit it.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "0", "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// Wait until the screen shows `text`; fail with the screen after 10 s.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_up_to(text, Duration::from_secs(10))
    }

    /// Wait until the screen shows `text`; fail with the screen after `limit`.
    pub fn wait_for_up_to(&self, text: &str, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < limit,
                "waited for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn format(&self, f: &str) -> String {
        let out = self.run(&["display", "-p", "-t", "0", f]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// In an interactive shell: `q` quits the app; once the shell has the terminal back
    /// (no alternate screen), check the app's exit code was 0.
    pub fn quit_to_shell(&self) {
        self.keys(&["q"]);
        let start = Instant::now();
        while self.format("#{alternate_on}") != "0" {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "q did not leave the app"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        self.type_text("echo EXIT:$?");
        self.keys(&["Enter"]);
        self.wait_for("EXIT:0");
    }

    pub fn buffer(&self) -> String {
        String::from_utf8_lossy(&self.run(&["show-buffer"]).stdout).into_owned()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// Wait for the app to end, check the terminal is restored (cooked mode with echo, main
/// screen, no mouse reporting, cursor shown) and return the screen with its exit line.
pub fn ended_restored(t: &Tmux) -> String {
    let screen = t.wait_for(" END");
    assert!(
        screen.contains("icanon") && !screen.contains("-icanon"),
        "{screen}"
    );
    assert!(
        screen.contains("echo") && !screen.contains("-echo "),
        "{screen}"
    );
    assert_eq!(
        t.format("#{alternate_on} #{mouse_any_flag} #{cursor_flag}"),
        "0 0 1"
    );
    screen
}

/// The pid of the app running in the pane (the child of the pane's `sh -c`).
pub fn app_pid(t: &Tmux) -> String {
    let shell = t.format("#{pane_pid}");
    let out = Command::new("ps")
        .args(["-o", "pid=", "--ppid", &shell])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty(), "no child of the pane's shell {shell}");
    pid
}
