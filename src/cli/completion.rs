//! `completions SHELL` and `man`, generated from the clap definitions; and the section
//! argument's completion candidates (the embedded report's sections, by id and by the
//! number a reader sees), which any section of any report may also be.

use super::Cli;
use crate::error::{Error, Result};
use clap::builder::{PossibleValue, TypedValueParser};
use clap::CommandFactory;
use std::io::Write;

/// Print the completion script for `shell` to stdout.
pub fn script(shell: clap_complete::Shell) -> Result<i32> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "report-tui", &mut out);
    write(&out)
}

/// Print the man page (roff) to stdout.
pub fn man() -> Result<i32> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|source| Error::Io {
            path: "stdout".into(),
            source,
        })?;
    write(&out)
}

fn write(bytes: &[u8]) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Io {
            path: "stdout".into(),
            source: e,
        }),
        _ => Ok(0),
    }
}

/// Takes any text (reports differ; `section_ref` resolves it later) but offers the
/// embedded report's sections to shell completion: ids (`4.3`), numbers (`六`,
/// `四(三)`), each described by its label where the shell shows descriptions.
#[derive(Clone)]
pub struct SectionParser;

impl TypedValueParser for SectionParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let report = crate::embedded::report().ok()?;
        let mut values = vec![PossibleValue::new("intro").help(crate::model::PREAMBLE_NAME)];
        for s in report.all_sections() {
            let label = s.label();
            values.push(PossibleValue::new(s.id.to_string()).help(label.clone()));
            let path = report.section_path(&s.id);
            let number: String = path.iter().map(|p| p.number.as_str()).collect();
            values.push(PossibleValue::new(number).help(label));
        }
        Some(Box::new(values.into_iter()))
    }
}
