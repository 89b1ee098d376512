//! Drawing: one file per pane, each reading `App` and writing a frame, never changing state.

pub mod compare_pane;
pub mod detail_pane;
pub mod help_pane;
pub mod search_pane;
pub mod stats_pane;
pub mod status_bar;
pub mod title_bar;
pub mod tree_pane;

use super::layout;
use super::state::app::{App, Mode};
use super::wrap;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::ops::Range;

pub fn draw(frame: &mut Frame, app: &App) {
    draw_panes(frame, app);
    if app.narrow_ambiguous {
        super::terminal::ambiguous_width::narrow_buffer(frame.buffer_mut());
    }
}

fn draw_panes(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if layout::too_small(area.width, area.height) {
        too_small(frame, app, area);
        return;
    }
    let screen = layout::screen(area.width, area.height);
    title_bar::draw(frame, app, screen.title);
    status_bar::draw(frame, app, screen.status);
    // Areas come from the frame's size, which the event loop also records in `App` on
    // resize; using the frame here means a missed resize can never draw out of bounds.
    let (w, h) = (area.width, area.height);
    match app.mode {
        Mode::Browse => {
            let areas = layout::browse_with(w, h, app.focus, app.tree_cols);
            if let Some(p) = areas.tree {
                tree_pane::draw(frame, app, p);
            }
            if let Some(sep) = areas.separator {
                let bar = vec![Line::raw("|"); usize::from(sep.height)];
                frame.render_widget(Paragraph::new(bar).style(app.theme.dim()), sep);
            }
            if let Some(p) = areas.detail {
                detail_pane::draw(frame, app, p);
            }
        }
        Mode::Search => search_pane::draw(frame, app, layout::search(w, h)),
        Mode::Stats => stats_pane::draw(frame, app, layout::stats(w, h)),
        Mode::Compare => compare_pane::draw(frame, app, layout::stats(w, h)),
        Mode::Help => help_pane::draw(frame, app, screen.body),
    }
}

/// Below the minimum size: say so, wrapped to whatever room there is.
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let note = format!(
        "{} {}x{} ({} {}x{})",
        app.lang.pick("终端太小", "Terminal too small"),
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT,
        app.lang.pick("当前", "now"),
        area.width,
        area.height
    );
    let lines: Vec<Line> = wrap::wrap(&note, usize::from(area.width), &[])
        .into_iter()
        .map(|r| Line::styled(note[r].to_string(), app.theme.heading()))
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// `text[range]` as spans, each byte styled by the last layer covering it over `base`.
/// Layers are byte ranges into `text`; later layers win where they overlap.
pub fn layered<'a>(
    text: &'a str,
    range: Range<usize>,
    base: Style,
    layers: &[(Range<usize>, Style)],
) -> Vec<Span<'a>> {
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for (r, _) in layers {
        cuts.extend([r.start, r.end].into_iter().filter(|c| range.contains(c)));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter_map(|w| {
            let piece = text.get(w[0]..w[1])?;
            let style = layers
                .iter()
                .filter(|(r, _)| r.start <= w[0] && w[1] <= r.end)
                .fold(base, |s, (_, l)| s.patch(*l));
            Some(Span::styled(piece, style))
        })
        .collect()
}

/// A line of `cols` cells: `left`, padding, then `right` (dropped if there is no room).
/// Padding to the full width lets a row's reverse-video selection span the pane.
pub fn two_sided<'a>(mut left: Vec<Span<'a>>, right: Vec<Span<'a>>, cols: usize) -> Line<'a> {
    let lw: usize = left.iter().map(|s| wrap::width(&s.content)).sum();
    let rw: usize = right.iter().map(|s| wrap::width(&s.content)).sum();
    if lw + rw <= cols {
        left.push(Span::raw(" ".repeat(cols - lw - rw)));
        left.extend(right);
    } else if lw < cols {
        left.push(Span::raw(" ".repeat(cols - lw)));
    }
    Line::from(left)
}

/// Byte ranges in `text` of the chars at `indices` (the engine reports char indices).
pub fn char_ranges(text: &str, indices: &[usize]) -> Vec<Range<usize>> {
    text.char_indices()
        .enumerate()
        .filter(|(i, _)| indices.contains(i))
        .map(|(_, (b, c))| b..b + c.len_utf8())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_split_text_where_styles_change() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = layered(
            "共计44台，以",
            0.."共计44台，以".len(),
            Style::new(),
            &[(6..11, bold)],
        );
        let parts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, vec!["共计", "44台", "，以"]);
        assert_eq!(spans[1].style, bold);
    }

    #[test]
    fn char_indices_become_byte_ranges() {
        assert_eq!(char_ranges("执法a", &[1, 2]), vec![3..6, 6..7]);
    }
}
