//! The aliases file (`--aliases FILE`): a user pins pairings the machine missed and
//! splits pairings it got wrong.
//!
//! One rule a line; `#` starts a comment. A figure is named by its label as the report
//! prints it (`群众法律咨询`), or by report and id (`市桥街 2020#1.4.p1.s2`; the report
//! as its column is headed, or its title):
//!
//! ```text
//! 接受群众咨询 = 群众法律咨询 = 提供法律咨询     # one indicator
//! 市桥街 2021#5.p1.s1 != 市桥街 2022#5.p2.s1    # never the same indicator
//! ```

use crate::identity::Identity;
use crate::model::{Report, Statistic};

/// One side of a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRef {
    /// A report's column name (spaces ignored) or title; `None`: any report.
    pub report: Option<String>,
    /// A label, or (with a report) a statistic id.
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Same(Vec<FigureRef>),
    Apart(FigureRef, FigureRef),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    pub rules: Vec<Rule>,
}

impl Aliases {
    /// Parse the file's text; the error names the line (1-based) and what is wrong.
    pub fn parse(text: &str) -> Result<Aliases, (usize, String)> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = strip_comment(line);
            if line.is_empty() {
                continue;
            }
            let bad = |m: &str| (n + 1, m.to_string());
            if let Some((a, b)) = line.split_once("!=") {
                let (a, b) = (figure_ref(a), figure_ref(b));
                match (a, b) {
                    (Some(a), Some(b)) => rules.push(Rule::Apart(a, b)),
                    _ => return Err(bad("`!=` needs a figure on each side")),
                }
            } else if line.contains('=') {
                let refs: Option<Vec<FigureRef>> = line.split('=').map(figure_ref).collect();
                match refs {
                    Some(refs) if refs.len() >= 2 => rules.push(Rule::Same(refs)),
                    _ => return Err(bad("`=` needs a figure on each side")),
                }
            } else {
                return Err(bad("a rule is `A = B` (one indicator) or `A != B` (apart)"));
            }
        }
        Ok(Aliases { rules })
    }
}

/// A comment starts at a `#` preceded by a space or at the line's start; a `#` inside
/// a figure name (`市桥街 2020#1.4.p1.s2`) is part of it.
fn strip_comment(raw: &str) -> String {
    let mut out = String::new();
    let mut prev = ' ';
    for c in raw.chars() {
        if c == '#' && prev.is_whitespace() {
            break;
        }
        out.push(c);
        prev = c;
    }
    out.trim().to_string()
}

fn figure_ref(text: &str) -> Option<FigureRef> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    Some(match text.rsplit_once('#') {
        Some((report, name)) if !report.trim().is_empty() && !name.trim().is_empty() => FigureRef {
            report: Some(report.trim().to_string()),
            name: name.trim().to_string(),
        },
        _ => FigureRef {
            report: None,
            name: text.to_string(),
        },
    })
}

impl FigureRef {
    pub fn matches(&self, report: &Report, stat: &Statistic) -> bool {
        let report_ok = match &self.report {
            None => true,
            Some(name) => {
                let squeeze = |s: &str| s.split_whitespace().collect::<String>();
                let column = Identity::of(report).name(report);
                squeeze(name) == squeeze(&column) || name == &report.title
            }
        };
        report_ok && (stat.label == self.name || (self.report.is_some() && stat.id == self.name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_comments_and_report_ids() {
        let text = "# pins\n接受群众咨询 = 群众法律咨询 = 提供法律咨询  # one\n\n市桥街 2021#5.p1.s1 != 市桥街2022#5.p2.s1\n";
        let a = Aliases::parse(text).unwrap();
        assert_eq!(a.rules.len(), 2);
        assert!(
            matches!(&a.rules[0], Rule::Same(r) if r.len() == 3 && r[2].name == "提供法律咨询")
        );
        let Rule::Apart(x, y) = &a.rules[1] else {
            panic!("apart rule")
        };
        assert_eq!(x.report.as_deref(), Some("市桥街 2021"));
        assert_eq!((x.name.as_str(), y.name.as_str()), ("5.p1.s1", "5.p2.s1"));
    }

    #[test]
    fn malformed_lines_name_their_line() {
        assert_eq!(Aliases::parse("a = b\njust words\n").unwrap_err().0, 2);
        assert_eq!(Aliases::parse(" = b\n").unwrap_err().0, 1);
        assert_eq!(Aliases::parse("a != \n").unwrap_err().0, 1);
    }

    #[test]
    fn ids_match_only_with_their_report() {
        let r = crate::embedded::report().unwrap();
        let stat = r.all_statistics()[1].1;
        let by_id = figure_ref("市桥街 2020#1.4.p1.s2").unwrap();
        assert!(by_id.matches(&r, stat));
        assert!(!figure_ref("1.4.p1.s2").unwrap().matches(&r, stat));
        assert!(figure_ref("群众法律咨询").unwrap().matches(&r, stat));
    }
}
