//! Where each pane sits for a terminal size: one function per screen, shared by `update`
//! (scrolling, mouse hits, wrap width) and the views, so the two always agree.

use super::state::app::Focus;
use ratatui::layout::Rect;

/// Below this the layout is replaced by a short note.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this width tree and detail (or results and preview) sit side by side; below it
/// only the focused one shows, full width.
pub const SIDE_BY_SIDE: u16 = 80;

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Title bar, body and status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub title: Rect,
    pub body: Rect,
    pub status: Rect,
}

pub fn screen(width: u16, height: u16) -> Screen {
    if too_small(width, height) {
        let zero = Rect::new(0, 0, 0, 0);
        return Screen {
            title: zero,
            body: zero,
            status: zero,
        };
    }
    Screen {
        title: Rect::new(0, 0, width, 1),
        body: Rect::new(0, 1, width, height - 2),
        status: Rect::new(0, height - 1, width, 1),
    }
}

/// A pane: a one-line header (its name, or where it is) over its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pane {
    pub header: Rect,
    pub content: Rect,
}

fn pane(area: Rect) -> Pane {
    let header = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let content = Rect::new(
        area.x,
        area.y + header.height,
        area.width,
        area.height - header.height,
    );
    Pane { header, content }
}

/// Splits `body` into a left part, a one-column separator and a right part.
fn split(body: Rect, left: u16) -> (Rect, Rect, Rect) {
    let left = left.min(body.width.saturating_sub(2));
    let right = body.width.saturating_sub(left + 1);
    (
        Rect::new(body.x, body.y, left, body.height),
        Rect::new(body.x + left, body.y, body.width.min(1), body.height),
        Rect::new(body.x + left + 1, body.y, right, body.height),
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrowseAreas {
    pub tree: Option<Pane>,
    pub separator: Option<Rect>,
    pub detail: Option<Pane>,
}

/// The tree's share of the width when the user has not set it: about a third, so long
/// headings read at 200 columns and the text keeps most of 80.
pub fn default_tree_width(width: u16) -> u16 {
    (width * 7 / 20).max(24)
}

/// The tree's width kept within reason: at least 16 columns, and at least 30 left for
/// the text.
pub fn clamp_tree_width(width: u16, tree: u16) -> u16 {
    tree.min(width.saturating_sub(30)).max(16)
}

pub fn browse(width: u16, height: u16, focus: Focus) -> BrowseAreas {
    browse_with(width, height, focus, None)
}

/// `tree`: the width the user set for the tree (keys or a drag on the border); `None`
/// follows the terminal.
pub fn browse_with(width: u16, height: u16, focus: Focus, tree: Option<u16>) -> BrowseAreas {
    let body = screen(width, height).body;
    if width >= SIDE_BY_SIDE {
        let tree = clamp_tree_width(width, tree.unwrap_or_else(|| default_tree_width(width)));
        let (l, s, r) = split(body, tree);
        return BrowseAreas {
            tree: Some(pane(l)),
            separator: Some(s),
            detail: Some(pane(r)),
        };
    }
    let only = Some(pane(body));
    match focus {
        Focus::Tree => BrowseAreas {
            tree: only,
            separator: None,
            detail: None,
        },
        Focus::Detail => BrowseAreas {
            tree: None,
            separator: None,
            detail: only,
        },
    }
}

/// Where text goes inside a detail or preview pane's content: one column of margin each side.
pub fn text_area(content: Rect) -> Rect {
    let margin = content.width.min(2);
    Rect::new(
        content.x + margin / 2,
        content.y,
        content.width - margin,
        content.height,
    )
}

/// The wrap width and height of the detail pane's text, whether or not it shows now
/// (in a narrow terminal it shows full width once focused).
pub fn detail_text_size(width: u16, height: u16) -> (usize, usize) {
    detail_text_size_with(width, height, None)
}

pub fn detail_text_size_with(width: u16, height: u16, tree: Option<u16>) -> (usize, usize) {
    let area = browse_with(width, height, Focus::Detail, tree)
        .detail
        .map(|p| text_area(p.content));
    area.map_or((1, 0), |a| {
        (usize::from(a.width.max(1)), usize::from(a.height))
    })
}

pub fn detail_text_width(width: u16) -> usize {
    detail_text_width_with(width, None)
}

pub fn detail_text_width_with(width: u16, tree: Option<u16>) -> usize {
    detail_text_size_with(width, MIN_HEIGHT.max(24), tree).0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchAreas {
    pub query: Rect,
    pub results: Rect,
    pub separator: Option<Rect>,
    pub preview: Option<Pane>,
}

pub fn search(width: u16, height: u16) -> SearchAreas {
    let body = screen(width, height).body;
    // The query line sits over the rest as a pane's header over its content.
    let Pane {
        header: query,
        content: rest,
    } = pane(body);
    if width < SIDE_BY_SIDE {
        return SearchAreas {
            query,
            results: rest,
            separator: None,
            preview: None,
        };
    }
    let (l, s, r) = split(rest, width / 2);
    SearchAreas {
        query,
        results: l,
        separator: Some(s),
        preview: Some(pane(r)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsAreas {
    /// Filter line and sort order.
    pub filter: Rect,
    /// Column names.
    pub columns: Rect,
    pub rows: Rect,
}

pub fn stats(width: u16, height: u16) -> StatsAreas {
    let body = screen(width, height).body;
    let line = |i: u16| {
        Rect::new(
            body.x,
            body.y + i.min(body.height),
            body.width,
            body.height.min(1),
        )
    };
    StatsAreas {
        filter: line(0),
        columns: line(1),
        rows: Rect::new(
            body.x,
            body.y + 2.min(body.height),
            body.width,
            body.height.saturating_sub(2),
        ),
    }
}

/// Whether a cell lies inside an area.
pub fn contains(area: Rect, column: u16, row: u16) -> bool {
    column >= area.x && column < area.x + area.width && row >= area.y && row < area.y + area.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fit_the_screen_at_every_size() {
        for (w, h) in [
            (40, 10),
            (79, 24),
            (80, 24),
            (120, 40),
            (120, 5),
            (250, 80),
            (1, 1),
            (0, 0),
        ] {
            let screen = Rect::new(0, 0, w, h);
            let b = browse(w, h, Focus::Tree);
            for p in [b.tree, b.detail].into_iter().flatten() {
                assert!(screen.contains(p.content.as_position()) || p.content.area() == 0);
                assert!(p.content.right() <= w && p.content.bottom() <= h);
            }
            let s = search(w, h);
            assert!(s.results.right() <= w && s.results.bottom() <= h);
        }
    }

    #[test]
    fn narrow_terminals_show_only_the_focused_pane() {
        let b = browse(60, 20, Focus::Detail);
        assert!(b.tree.is_none());
        assert_eq!(b.detail.unwrap().content.width, 60);
        let wide = browse(120, 40, Focus::Tree);
        assert_eq!(wide.tree.unwrap().content.width, 42);
        let huge = browse(200, 60, Focus::Tree);
        assert_eq!(
            huge.tree.unwrap().content.width,
            70,
            "the tree grows with the terminal"
        );
        let set = browse_with(120, 40, Focus::Tree, Some(200));
        assert_eq!(
            set.tree.unwrap().content.width,
            90,
            "30 columns stay for the text"
        );
    }
}
