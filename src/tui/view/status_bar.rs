//! The status bar: a transient message (what was copied and how) or the current keys,
//! taken from the keymap, and on the right whether the mouse is left to the terminal.

use super::two_sided;
use crate::tui::input::keymap;
use crate::tui::lang::Lang;
use crate::tui::state::app::App;
use crate::tui::state::status::{CopySummary, Status};
use crate::tui::wrap::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let left: Vec<Span> = match &app.status {
        // As much of the note as fits: a copied text comes last, so only it is cut.
        Some(s) => {
            let style = if s.is_error() { t.error() } else { t.message() };
            let text = format!(" {}", status_text(s, app.lang));
            vec![Span::styled(
                truncate(&text, usize::from(area.width)),
                style,
            )]
        }
        None => {
            // Whole hints only: a hint cut in half reads as a different key.
            let cost = |key: &str, label: &str| width(key) + width(label) + 3;
            keymap::fitting_hints(app.context(), app.lang, usize::from(area.width), cost)
                .into_iter()
                .flat_map(|(key, label)| {
                    [
                        Span::styled(format!(" {key}"), t.key()),
                        Span::raw(format!(" {label} ")),
                    ]
                })
                .collect()
        }
    };
    let right = match app.mouse {
        true => vec![],
        false => vec![Span::styled(
            app.lang.pick("鼠标: 终端 ", "mouse: terminal "),
            t.dim(),
        )],
    };
    let line = two_sided(left, right, usize::from(area.width));
    frame.render_widget(Paragraph::new(line), area);
}

/// A status note in words.
pub fn status_text(status: &Status, lang: Lang) -> String {
    match status {
        Status::Copied {
            summary,
            chars,
            outcome,
        } => copied(lang, summary, *chars, outcome),
        Status::Mouse(true) => lang
            .pick("鼠标：本程序使用", "Mouse: used by the app")
            .into(),
        Status::Mouse(false) => lang
            .pick(
                "鼠标：交给终端（可选中文字）",
                "Mouse: left to the terminal (select text)",
            )
            .into(),
        Status::NoHits => lang
            .pick("没有搜索结果：按 / 搜索", "No hits: press / to search")
            .into(),
        Status::Sorted(sort) => sort.label(lang).into(),
        Status::CompareSorted(sort) => sort.label(lang).into(),
        Status::NotAFigure => lang
            .pick(
                "先选中一个数字（Tab 进入正文）",
                "Select a figure first (Tab to the text)",
            )
            .into(),
        Status::Unreadable(message) => message.clone(),
        Status::NotOpened(n) => match lang {
            Lang::Zh => format!("{n} 个文件无法打开，错误信息在退出后显示"),
            Lang::En => format!("{n} file(s) could not be opened: errors shown on exit"),
        },
    }
}

/// How many characters were copied, by which means (honestly), then what, on one line;
/// the status bar shows as much of it as fits.
fn copied(
    lang: Lang,
    summary: &CopySummary,
    chars: usize,
    outcome: &crate::clipboard::Outcome,
) -> String {
    let what: String = match summary {
        CopySummary::Text(text) => text
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect(),
        CopySummary::TableRows(n) => format!(
            "{} {n} {}",
            lang.pick("统计表", "table,"),
            lang.pick("行 TSV", "rows TSV")
        ),
        CopySummary::ComparisonRows(n) => format!(
            "{} {n} {}",
            lang.pick("对比矩阵", "comparison,"),
            lang.pick("行 TSV", "rows TSV")
        ),
        CopySummary::Figures { place, rows } => {
            format!("{place} {rows} {}", lang.pick("行 TSV", "rows TSV"))
        }
    };
    let how = match (&outcome.osc52, &outcome.system) {
        (Ok(()), Ok(())) => format!("OSC 52 + {}", lang.pick("系统剪贴板", "system clipboard")),
        (Ok(()), Err(_)) => lang.pick("仅 OSC 52", "OSC 52 only").to_string(),
        (Err(_), Ok(())) => lang
            .pick("仅系统剪贴板", "system clipboard only")
            .to_string(),
        (Err(e), Err(_)) => return format!("{}: {e}", lang.pick("复制失败", "Copy failed")),
    };
    format!(
        "{} {chars} {} ({how}): {what}",
        lang.pick("已复制", "Copied"),
        lang.pick("字", "chars"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clipboard::Outcome;

    fn copied(osc52: Result<(), String>, system: Result<(), String>) -> Status {
        Status::Copied {
            summary: "执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告）\n第二行"
                .into(),
            chars: 41,
            outcome: Outcome { osc52, system },
        }
    }

    #[test]
    fn a_copy_says_what_went_where_in_the_ui_language() {
        let both = copied(Ok(()), Ok(()));
        assert_eq!(
            status_text(&both, Lang::Zh),
            "已复制 41 字 (OSC 52 + 系统剪贴板): 执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告） 第二行"
        );
        assert_eq!(
            status_text(&copied(Ok(()), Err("no display".into())), Lang::En),
            "Copied 41 chars (OSC 52 only): 执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告） 第二行"
        );
        assert_eq!(
            status_text(&copied(Err("x".into()), Ok(())), Lang::Zh),
            "已复制 41 字 (仅系统剪贴板): 执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告） 第二行"
        );
        let ok = Outcome {
            osc52: Ok(()),
            system: Ok(()),
        };
        let table = Status::Copied {
            summary: CopySummary::TableRows(38),
            chars: 2048,
            outcome: ok.clone(),
        };
        assert_eq!(
            status_text(&table, Lang::En),
            "Copied 2048 chars (OSC 52 + system clipboard): table, 38 rows TSV"
        );
        let figures = Status::Copied {
            summary: CopySummary::Figures {
                place: "四 › (三)".into(),
                rows: 2,
            },
            chars: 90,
            outcome: ok,
        };
        assert_eq!(
            status_text(&figures, Lang::Zh),
            "已复制 90 字 (OSC 52 + 系统剪贴板): 四 › (三) 2 行 TSV"
        );
        let failed = copied(Err("closed".into()), Err("no display".into()));
        assert_eq!(status_text(&failed, Lang::En), "Copy failed: closed");
        assert!(failed.is_error() && !both.is_error());
    }

    #[test]
    fn every_note_has_words_in_both_languages() {
        let notes = [
            copied(Ok(()), Ok(())),
            Status::Mouse(true),
            Status::Mouse(false),
            Status::NoHits,
            Status::NotAFigure,
            Status::CompareSorted(crate::tui::state::compare_view::CompareSort::ChangeDown),
            Status::Sorted(crate::tui::state::stats_table::Sort::ValueDown),
            Status::NotOpened(3),
        ];
        for n in &notes {
            let (zh, en) = (status_text(n, Lang::Zh), status_text(n, Lang::En));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{n:?}");
        }
        assert_eq!(
            status_text(&Status::NotOpened(3), Lang::En),
            "3 file(s) could not be opened: errors shown on exit"
        );
    }
}
