//! Rows as tab- or comma-separated values, header first: the one writer behind
//! `stats --format tsv|csv` and the browser's `Y`, so a pasted table reads as `stats` does.

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
/// Columns named in `numbers` hold numbers and are written as they are; every other body
/// cell is text and goes through `spreadsheet_text`, so no caller can forget it.
pub fn delimited(
    header: &[&str],
    body: &[Vec<String>],
    separator: Separator,
    numbers: &[&str],
) -> String {
    let (sep, field): (&str, fn(&str) -> String) = match separator {
        Separator::Tab => ("\t", tsv_field),
        Separator::Comma => (",", csv_field),
    };
    let mut out = String::new();
    let line = |cells: Vec<String>| cells.join(sep) + "\n";
    out.push_str(&line(header.iter().map(|h| field(h)).collect()));
    let is_number: Vec<bool> = header.iter().map(|h| numbers.contains(h)).collect();
    for row in body {
        let cells = row.iter().enumerate().map(|(i, c)| {
            if is_number.get(i).copied().unwrap_or(false) {
                field(c)
            } else {
                field(&spreadsheet_text(c))
            }
        });
        out.push_str(&line(cells.collect()));
    }
    out
}

/// A text cell a spreadsheet will not run as a formula (OWASP, "CSV injection"): one that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`. Some
/// spreadsheets show the `'`; a label that starts so is rare, a formula run is worse.
pub fn spreadsheet_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
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
            delimited(&["x", "y"], &body, Separator::Tab, &[]),
            "x\ty\na b\tc,\"d\" e\n"
        );
        assert_eq!(
            delimited(&["x", "y"], &body, Separator::Comma, &[]),
            "x,y\na\tb,\"c,\"\"d\"\"\ne\"\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_stay_numbers() {
        let body = vec![vec![
            "=HYPERLINK(\"http://x\")".to_string(),
            "-3.2".to_string(),
            "@SUM(A1)".to_string(),
            "-2".to_string(),
            "718".to_string(),
        ]];
        assert_eq!(
            delimited(
                &["a", "b", "c", "d", "e"],
                &body,
                Separator::Tab,
                &["b", "e"]
            ),
            "a\tb\tc\td\te\n'=HYPERLINK(\"http://x\")\t-3.2\t'@SUM(A1)\t'-2\t718\n"
        );
    }
}
