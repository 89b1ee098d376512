//! `report-tui compare`: the open reports side by side, one row per indicator.

use std::path::PathBuf;

use crate::compare::{self, Aliases};
use crate::error::{Error, Result};
use crate::export::comparison::{render, statistics, Line};
use crate::export::StatFormat;
use crate::model::Report;

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// Output: an aligned table, tsv, csv, md (Markdown) or json.
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatFormat,
    /// Only rows whose value changed between two reports.
    #[arg(long)]
    pub changed: bool,
    /// Only rows with a figure in this section: an id (`5`, `1.4`) or words of a
    /// section's title (`行政复议`).
    #[arg(long)]
    pub section: Option<String>,
    /// Pin or split pairings: lines `A = B` (one indicator) and `A != B` (apart); a
    /// figure is a label, or `place year#id` (see the README).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    #[command(flatten)]
    pub open: super::ReportArgs,
}

pub fn run(args: &CompareArgs, reports: &[Report]) -> Result<String> {
    if reports.len() < 2 {
        return Err(Error::TooFewReports);
    }
    let aliases = match &args.aliases {
        Some(path) => read_aliases(path)?,
        None => Aliases::default(),
    };
    // Only JSON shows each cell's confidence, the costly part over many reports.
    let alignment = match args.format {
        StatFormat::Json => compare::align(reports, &aliases),
        _ => compare::align_rows(reports, &aliases),
    };
    let listed = statistics(reports);
    let lines: Vec<Line> = alignment
        .rows
        .iter()
        .map(|row| Line::new(&listed, row))
        .filter(|l| !args.changed || l.changed())
        .filter(|l| match &args.section {
            None => true,
            Some(s) => in_section(reports, l, s),
        })
        .collect();
    Ok(render(reports, &alignment, &lines, args.format))
}

fn read_aliases(path: &std::path::Path) -> Result<Aliases> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: name.clone(),
        source,
    })?;
    let text =
        std::str::from_utf8(&bytes).map_err(|e| Error::not_utf8(&bytes, e).in_file(&name))?;
    Aliases::parse(text).map_err(|(line, message)| Error::Aliases {
        path: name,
        line,
        message,
    })
}

/// A row is in a section when one of its figures is: by id (`1.4` and below) or by
/// a heading on the way to it that contains `section`.
fn in_section(reports: &[Report], line: &Line, section: &str) -> bool {
    line.row.cells.iter().zip(&line.stats).any(|(cell, stat)| {
        let (Some(cell), Some((node, _))) = (cell, stat) else {
            return false;
        };
        if *node == section || node.starts_with(&format!("{section}.")) {
            return true;
        }
        reports[cell.report]
            .section_path(node)
            .iter()
            .any(|s| s.title.contains(section))
    })
}
