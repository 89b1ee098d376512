//! Command-line interface: clap arguments, subcommands, and exit codes.
//!
//! Exit codes: 0 success, 1 nothing found (like grep), 2 bad input or usage.

mod data;
mod open;

mod search_hits;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use crate::export::StatFormat;

#[derive(Parser, Debug)]
#[command(
    name = "report-tui",
    version,
    about = "Browse, search and copy from Chinese government work reports"
)]
pub struct Cli {
    /// Open this report instead of the embedded one: a plain-text report, a JSON model
    /// (as `import` writes it), or a folder of them, searched recursively. Repeatable.
    #[arg(long = "report", short = 'r', global = true, value_name = "PATH")]
    pub reports: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Browser: leave the mouse to the terminal (for selecting text).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Do not read or write the index cache (kept in the platform's cache folder).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Browser: UI language (default: from the locale, else Chinese).
    #[arg(long, global = true, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the section tree, one node per line (id, then the indented heading).
    Outline {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print a section or sub-item (`4`, `4.3`) as it stands in the report.
    Show {
        /// Section id, as `outline` prints it; `intro` for the preamble.
        id: String,
        /// Print the section's model as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print every statistic (figure) with its label, value, unit and source clause.
    Stats {
        /// Only the statistics of this section or sub-item and its sub-items.
        #[arg(long)]
        section: Option<String>,
        #[arg(long, value_enum, default_value = "table")]
        format: StatFormat,
    },
    /// Write the model of a plain-text report as JSON.
    Import {
        file: PathBuf,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Apply a labels file: `{"title": "…", "labels": {"1.4.p1.s2": "群众法律咨询"}}`
        /// (the embedded report's are assets/labels.json).
        #[arg(long, value_name = "FILE")]
        labels: Option<PathBuf>,
    },
    /// Search sections, measures and statistics: hanzi, pinyin, figures.
    Search(search_hits::SearchArgs),
    /// Show or empty the index cache (`--report` folders' search index, kept between runs).
    Cache {
        #[arg(value_enum)]
        action: CacheAction,
    },
    /// Write N synthetic reports (other places, years and figures) into a folder, as plain
    /// text, for trying and measuring many reports.
    #[command(hide = true)]
    GenCorpus { count: usize, folder: PathBuf },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum CacheAction {
    /// Print the cache folder and its entries with their sizes.
    Info,
    /// Remove every entry.
    Clear,
}

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are "errors" that print to stdout and succeed.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return 0;
        }
        Err(e) => {
            eprintln!("report-tui: {}", one_line(&e.render().to_string()));
            return 2;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            say(&e);
            2
        }
    }
}

/// One error line on stderr. Every message may quote a name or text from a file, so the
/// whole line is made terminal-safe and single here, whatever built it.
pub(crate) fn say(message: &dyn std::fmt::Display) {
    eprintln!(
        "report-tui: {}",
        crate::sanitize::one_line(&message.to_string())
    );
}

/// The full-screen browser. Reports load inside it, behind a loading line; the files
/// that failed are printed once the terminal is restored, and make the exit code 2.
#[cfg(feature = "tui")]
fn browse(cli: &Cli) -> crate::Result<i32> {
    let options = crate::tui::Options {
        no_mouse: cli.no_mouse,
        lang: cli.lang.clone(),
    };
    let (code, errors) = crate::tui::run(
        |progress| open::open_for_browser(&cli.reports, cli.no_cache, progress),
        &options,
    )?;
    for e in &errors {
        say(e);
    }
    Ok(if errors.is_empty() { code } else { 2 })
}

/// clap's usage error (message, hints, usage, "For more information…") as one line.
fn one_line(rendered: &str) -> String {
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more"))
        .collect();
    let line = parts.join("; ");
    let line = line.strip_prefix("error: ").unwrap_or(&line);
    // clap quotes the arguments it could not use: they are untrusted too.
    crate::sanitize::one_line(&format!("{line} (see --help)"))
}

/// `--format`'s values, from the domain's list, so clap stays out of `export`.
impl clap::ValueEnum for StatFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &StatFormat::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()))
    }
}

fn run(cli: Cli) -> crate::Result<i32> {
    let paths = &cli.reports;
    match cli.command {
        Some(Command::Import {
            file,
            output,
            labels,
        }) => data::import(&file, output.as_deref(), labels.as_deref()),
        Some(Command::GenCorpus { count, folder }) => data::gen_corpus(count, &folder),
        Some(Command::Cache { action }) => data::cache(action),
        Some(Command::Outline { json }) => with_reports(paths, |r| data::outline(&r, json)),
        Some(Command::Show { id, json }) => with_reports(paths, |r| data::show(&r, &id, json)),
        Some(Command::Stats { section, format }) => {
            with_reports(paths, |r| data::stats(&r, section.as_deref(), format))
        }
        Some(Command::Search(args)) => Ok(search_hits::run(args, paths, cli.no_cache)),
        #[cfg(feature = "tui")]
        None => browse(&cli),
        // Without the terminal stack, no subcommand prints the outline.
        #[cfg(not(feature = "tui"))]
        None => with_reports(paths, |r| data::outline(&r, false)),
    }
}

/// Open the reports and run a command on them. Files that failed were reported as they
/// loaded; the exit code still says so.
fn with_reports(
    paths: &[PathBuf],
    command: impl FnOnce(Vec<crate::Report>) -> crate::Result<i32>,
) -> crate::Result<i32> {
    let opened = open::open(paths)?;
    let code = command(opened.reports)?;
    Ok(if opened.errors.is_empty() { code } else { 2 })
}
