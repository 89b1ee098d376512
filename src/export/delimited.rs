//! Rows as tab- or comma-separated values, header first: the one writer behind
//! `stats --format tsv|csv` and the browser's `Y`, so a pasted table reads as `stats` does.
//! Every cell is made spreadsheet-safe here (see `spreadsheet_text`).

/// What separates the cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separator {
    /// TSV: spreadsheets take it from the clipboard as columns.
    Tab,
    /// CSV (RFC 4180).
    Comma,
}

/// `header` (the caller chooses the names: `stats` prints field names, the browser the
/// column names it shows) and then one line per row, each ending in a line break.
pub fn delimited(header: &[&str], body: &[Vec<String>], separator: Separator) -> String {
    let (sep, field): (&str, fn(&str) -> String) = match separator {
        Separator::Tab => ("\t", tsv_field),
        Separator::Comma => (",", csv_field),
    };
    let mut out = String::new();
    let line = |cells: Vec<String>| cells.join(sep) + "\n";
    out.push_str(&line(header.iter().map(|h| field(h)).collect()));
    for row in body {
        out.push_str(&line(
            row.iter().map(|c| field(&spreadsheet_text(c))).collect(),
        ));
    }
    out
}

/// A cell a spreadsheet will not run as a formula: text that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP, "CSV injection"); a number
/// (`-3`, `143.4`) stays a number.
pub fn spreadsheet_text(s: &str) -> String {
    let number =
        s.chars().all(|c| c.is_ascii_digit() || ".+-eE".contains(c)) && s.parse::<f64>().is_ok();
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// Tabs and line breaks would shift a spreadsheet's columns: they become spaces.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_row_or_a_column() {
        let body = vec![vec!["a\tb".to_string(), "c,\"d\"\ne".to_string()]];
        assert_eq!(
            delimited(&["x", "y"], &body, Separator::Tab),
            "x\ty\na b\tc,\"d\" e\n"
        );
        assert_eq!(
            delimited(&["x", "y"], &body, Separator::Comma),
            "x,y\na\tb,\"c,\"\"d\"\"\ne\"\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        let row = |cells: &[&str]| vec![cells.iter().map(|c| c.to_string()).collect()];
        let body = row(&[
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-A1",
            "@SUM(A1)",
            "\tx",
            "-3",
            "+2.5",
            "1e3",
        ]);
        let header = ["a", "b", "c", "d", "e", "f", "g", "h"];
        assert_eq!(
            delimited(&header, &body, Separator::Tab)
                .lines()
                .nth(1)
                .unwrap(),
            "'=HYPERLINK(\"http://x\")\t'+1+1\t'-A1\t'@SUM(A1)\t' x\t-3\t+2.5\t1e3"
        );
        assert_eq!(
            delimited(&header, &body, Separator::Comma)
                .lines()
                .nth(1)
                .unwrap(),
            "\"'=HYPERLINK(\"\"http://x\"\")\",'+1+1,'-A1,'@SUM(A1),'\tx,-3,+2.5,1e3"
        );
        assert_eq!(spreadsheet_text("-inf"), "'-inf");
        assert_eq!(spreadsheet_text("执法"), "执法");
    }
}
