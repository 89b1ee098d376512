//! Command-line interface: clap arguments, subcommands, and exit codes.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "report-tui",
    version,
    about = "Browse, search and copy from Chinese government work reports"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Browser: leave the mouse to the terminal (for selecting text).
    #[arg(long, global = true)]
    pub no_mouse: bool,
    /// Browser: UI language (default: from the locale, else Chinese).
    #[arg(long, global = true, value_parser = ["en", "zh"])]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write the model of a plain-text report as JSON.
    Import {
        file: PathBuf,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

/// Run the CLI; returns the process exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("report-tui: {e}");
            2
        }
    }
}

fn run(cli: Cli) -> crate::Result<i32> {
    match cli.command {
        Some(Command::Import { file, output }) => {
            let path = file.display().to_string();
            let bytes = std::fs::read(&file).map_err(|source| crate::Error::Io {
                path: path.clone(),
                source,
            })?;
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let report =
                crate::import::import_bytes(&bytes, &stem).map_err(|e| e.in_file(&path))?;
            let json = serde_json::to_string_pretty(&report).map_err(crate::Error::from)?;
            match output {
                Some(out) => {
                    std::fs::write(&out, json + "\n").map_err(|source| crate::Error::Io {
                        path: out.display().to_string(),
                        source,
                    })?
                }
                None => println!("{json}"),
            }
            Ok(0)
        }
        #[cfg(feature = "tui")]
        None => {
            let options = crate::tui::Options {
                no_mouse: cli.no_mouse,
                lang: cli.lang,
            };
            crate::tui::run(vec![crate::embedded::report()?], &options)
        }
        #[cfg(not(feature = "tui"))]
        None => Err(crate::Error::Io {
            path: "report-tui".into(),
            source: std::io::Error::other("built without the terminal browser (feature `tui`)"),
        }),
    }
}
