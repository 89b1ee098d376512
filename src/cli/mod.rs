//! Command-line interface: clap arguments, subcommands, and exit codes.
//!
//! Exit codes: 0 success, 1 nothing found (like grep), 2 bad input or usage.

mod compare_command;
mod completion;
mod data;
mod open;
mod print_hits;

mod search_hits;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use crate::export::StatFormat;

#[derive(Parser, Debug)]
#[command(
    name = "report-tui",
    version,
    about = "Browse, search and copy from Chinese government work reports",
    long_about = "Browse, search and copy from Chinese government work reports.\n\n\
        With no command, opens the full-screen browser on the embedded report (or on the \
        --report files). The commands print to stdout for scripts and pipes."
)]
pub struct Cli {
    #[command(flatten)]
    pub open: ReportArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Browser: leave the mouse to the terminal (for selecting text).
    #[arg(long)]
    pub no_mouse: bool,
    /// Do not read or write the index cache (kept in the platform's cache folder).
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Browser: UI language (default: from the locale, else Chinese).
    #[arg(long, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
}

/// The reports a command reads; taken before or after the command's name.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct ReportArgs {
    /// Open this report instead of the embedded one: a plain-text report, a JSON model
    /// (as `import` writes it), or a folder of them, searched recursively. Repeatable;
    /// `@embedded` names the built-in report, to open it beside others.
    #[arg(long = "report", short = 'r', value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub reports: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the section tree, one node per line (id, then the indented heading).
    Outline {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        open: ReportArgs,
    },
    /// Print a section or sub-item as it stands in the report.
    Show {
        /// The section or sub-item, as the report numbers it or as `outline` prints it:
        /// `6`, `六`, `4.3`, `四(三)`, `四（三）`; `intro` or `引言` for the preamble.
        #[arg(value_name = "SECTION", value_parser = completion::SectionParser, hide_possible_values = true)]
        id: String,
        /// Print the section's model as JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        open: ReportArgs,
    },
    /// Print every statistic (figure) with its label, value, unit and source clause.
    Stats {
        /// Only the statistics of this section or sub-item and its sub-items, named as
        /// the report numbers it or as `outline` prints it: `6`, `六`, `4.3`, `四(三)`.
        #[arg(long, value_name = "SECTION", value_parser = completion::SectionParser, hide_possible_values = true)]
        section: Option<String>,
        /// How to print them: an aligned table, TSV or CSV for a spreadsheet, a
        /// Markdown table, or JSON.
        #[arg(long, value_enum, default_value = "table")]
        format: StatFormat,
        #[command(flatten)]
        open: ReportArgs,
    },
    /// Write the model of a plain-text report as JSON.
    Import {
        /// The plain-text report to read (UTF-8, with or without BOM).
        #[arg(value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Apply a labels file: `{"title": "…", "labels": {"1.4.p1.s2": "群众法律咨询"}}`
        /// (the embedded report's are assets/labels.json).
        #[arg(long, value_name = "FILE")]
        labels: Option<PathBuf>,
    },
    /// Line up the same indicator across the open reports (years, places), with the
    /// change between neighbouring columns.
    Compare(compare_command::CompareArgs),
    /// Search sections, measures and statistics: hanzi, pinyin, figures.
    Search(search_hits::SearchArgs),
    /// Show or empty the index cache (`--report` folders' search index, kept between runs).
    Cache {
        #[arg(value_enum)]
        action: CacheAction,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// Section arguments complete to the embedded report's sections, by id and by number.
    /// For bash: `report-tui completions bash >
    /// ~/.local/share/bash-completion/completions/report-tui`.
    Completions {
        /// The shell to write it for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    ///
    /// `report-tui man > ~/.local/share/man/man1/report-tui.1`, then `man report-tui`.
    Man,
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
    let paths = cli.open.reports.clone();
    let no_cache = cli.no_cache;
    // Warnings (a text without headings) are kept for the restored terminal, as the
    // errors are; they do not change the exit code.
    let warnings = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = warnings.clone();
    let (code, errors) = crate::tui::run(
        move |progress| {
            let opened = open::open_for_browser(&paths, no_cache, progress)?;
            if let Ok(mut kept) = sink.lock() {
                kept.extend(opened.warnings.iter().cloned());
            }
            Ok(opened)
        },
        &options,
    )?;
    if let Ok(kept) = warnings.lock() {
        kept.iter().for_each(|w| say(w));
    }
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
    // A line ending in `:` introduces the next ("not provided: <QUERY>"), so no `;`.
    let mut line = String::new();
    for p in parts {
        if !line.is_empty() {
            line.push_str(if line.ends_with(':') { " " } else { "; " });
        }
        line.push_str(p);
    }
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
    let mut paths = cli.open.reports.clone();
    match &cli.command {
        Some(Command::Import { .. } | Command::GenCorpus { .. }) if !paths.is_empty() => {
            Err(crate::Error::ImportWithReport)
        }
        Some(Command::Import {
            file,
            output,
            labels,
        }) => data::import(file, output.as_deref(), labels.as_deref()),
        Some(Command::GenCorpus { count, folder }) => data::gen_corpus(*count, folder),
        Some(Command::Cache { action }) => data::cache(*action),
        Some(Command::Completions { shell }) => completion::script(*shell),
        Some(Command::Man) => completion::man(),
        Some(Command::Outline { json, open }) => {
            paths.extend(open.reports.iter().cloned());
            with_reports(&paths, cli.no_cache, |r| data::outline(&r, *json))
        }
        Some(Command::Show { id, json, open }) => {
            paths.extend(open.reports.iter().cloned());
            with_reports(&paths, cli.no_cache, |r| data::show(&r, id, *json))
        }
        Some(Command::Stats {
            section,
            format,
            open,
        }) => {
            paths.extend(open.reports.iter().cloned());
            with_reports(&paths, cli.no_cache, |r| {
                data::stats(&r, section.as_deref(), *format)
            })
        }
        Some(Command::Search(args)) => {
            paths.extend(args.open.reports.iter().cloned());
            Ok(search_hits::run(args.clone(), &paths, cli.no_cache))
        }
        Some(Command::Compare(args)) => {
            paths.extend(args.open.reports.iter().cloned());
            with_reports(&paths, cli.no_cache, |r| {
                data::print(&compare_command::run(args, &r)?)
            })
        }
        #[cfg(feature = "tui")]
        None => browse(&cli),
        // Without the terminal stack, no subcommand prints the outline.
        #[cfg(not(feature = "tui"))]
        None => with_reports(&paths, cli.no_cache, |r| data::outline(&r, false)),
    }
}

/// Open the reports and run a command on them. Files that failed were reported as they
/// loaded; the exit code still says so.
fn with_reports(
    paths: &[PathBuf],
    no_cache: bool,
    command: impl FnOnce(Vec<crate::Report>) -> crate::Result<i32>,
) -> crate::Result<i32> {
    let opened = open::open_cached(paths, no_cache)?;
    let code = command(opened.reports)?;
    Ok(if opened.errors.is_empty() { code } else { 2 })
}
