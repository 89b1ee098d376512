//! The status bar: a transient message (what was copied and how) or the current keys,
//! taken from the keymap, and on the right whether the mouse is left to the terminal.

use super::two_sided;
use crate::tui::input::keymap;
use crate::tui::lang::Lang;
use crate::tui::state::app::App;
use crate::tui::state::status::Status;
use crate::tui::wrap::{truncate, width};
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let t = &app.theme;
    let left: Vec<Span> = match &app.status {
        Some(s) => {
            let style = if s.is_error() { t.error() } else { t.message() };
            vec![Span::styled(
                format!(" {}", status_text(s, app.lang)),
                style,
            )]
        }
        None => {
            // Whole hints only: a hint cut in half reads as a different key.
            let mut spans = Vec::new();
            let mut used = 0;
            for (key, label) in keymap::hints(app.context(), app.lang) {
                let (key, label) = (format!(" {key}"), format!(" {label} "));
                used += width(&key) + width(&label);
                if used > usize::from(area.width) {
                    break;
                }
                spans.extend([Span::styled(key, t.key()), Span::raw(label)]);
            }
            spans
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
        Status::Copied { summary, outcome } => copied(lang, summary, outcome),
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
        Status::NotOpened(n) => match lang {
            Lang::Zh => format!("{n} 个文件无法打开，错误信息在退出后显示"),
            Lang::En => format!("{n} file(s) could not be opened: errors shown on exit"),
        },
    }
}

/// What was copied, and by which means, honestly.
fn copied(lang: Lang, summary: &str, outcome: &crate::clipboard::Outcome) -> String {
    let what = truncate(summary.lines().next().unwrap_or(""), 24);
    match (&outcome.osc52, &outcome.system) {
        (Ok(()), Ok(())) => format!(
            "{} {what} (OSC 52 + {})",
            lang.pick("已复制", "Copied"),
            lang.pick("系统剪贴板", "system clipboard")
        ),
        (Ok(()), Err(_)) => format!(
            "{} {what} ({})",
            lang.pick("已复制", "Copied"),
            lang.pick(
                "仅 OSC 52，无系统剪贴板",
                "OSC 52 only, no system clipboard"
            )
        ),
        (Err(_), Ok(())) => format!(
            "{} {what} ({})",
            lang.pick("已复制", "Copied"),
            lang.pick("仅系统剪贴板", "system clipboard only")
        ),
        (Err(e), Err(_)) => format!("{}: {e}", lang.pick("复制失败", "Copy failed")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clipboard::Outcome;

    fn copied(osc52: Result<(), String>, system: Result<(), String>) -> Status {
        Status::Copied {
            summary: "执法记录仪等执法设备：44台（市桥街2020年法治政府建设工作报告）\n第二行"
                .into(),
            outcome: Outcome { osc52, system },
        }
    }

    #[test]
    fn a_copy_says_what_went_where_in_the_ui_language() {
        let both = copied(Ok(()), Ok(()));
        assert_eq!(
            status_text(&both, Lang::Zh),
            "已复制 执法记录仪等执法设备：.. (OSC 52 + 系统剪贴板)"
        );
        assert_eq!(
            status_text(&copied(Ok(()), Err("no display".into())), Lang::En),
            "Copied 执法记录仪等执法设备：.. (OSC 52 only, no system clipboard)"
        );
        assert_eq!(
            status_text(&copied(Err("x".into()), Ok(())), Lang::Zh),
            "已复制 执法记录仪等执法设备：.. (仅系统剪贴板)"
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
