//! Rows as columns padded by display width, for reading in a terminal: the one layout
//! behind the table format of `stats` and of `compare`.

use unicode_width::UnicodeWidthStr;

/// Each row a line: cells padded to their column's widest by display width (hanzi take
/// two cells), two spaces apart, trailing spaces trimmed. Columns from `numbers_from` on
/// are right-aligned, as figures read best.
pub fn padded(rows: &[Vec<&str>], numbers_from: usize) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (k, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - cell.width());
            if k < numbers_from {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str(&pad);
                line.push_str(cell);
            }
            line.push_str("  ");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_line_up_by_display_width() {
        let rows = vec![
            vec!["指标", "单位", "2020"],
            vec!["法律咨询", "人次", "718"],
        ];
        assert_eq!(
            super::padded(&rows, 2),
            "指标      单位  2020\n法律咨询  人次   718\n"
        );
        assert_eq!(
            super::padded(&rows, usize::MAX),
            "指标      单位  2020\n法律咨询  人次  718\n"
        );
    }
}
