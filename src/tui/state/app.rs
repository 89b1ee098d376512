//! The whole UI state. `update` changes it; views only read it.

use super::compare_view::CompareView;
use super::document::Doc;
use super::finder::{Finder, Jump};
use super::library::Library;
use super::search_engine::Engine;
use super::stats_table::StatsTable;
use super::status::Status;
use super::tree::{self, NodeKey, Row};
use crate::model::Report;
use crate::tui::input::keymap::Context;
use crate::tui::lang::Lang;
use crate::tui::layout;
use crate::tui::theme::Theme;
use std::collections::HashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    Stats,
    /// Every indicator across the open reports.
    Compare,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
}

#[derive(Debug, Clone, Default)]
pub struct TreeState {
    pub expanded: HashSet<NodeKey>,
    /// The visible rows; recomputed whenever `expanded` changes.
    pub rows: Vec<Row>,
    pub selected: usize,
    /// First visible row.
    pub scroll: usize,
}

impl TreeState {
    pub fn selected_key(&self) -> Option<&NodeKey> {
        self.rows.get(self.selected).map(|r| &r.key)
    }
}

/// A node's content as shown in a pane, with its scroll position and current target.
#[derive(Debug, Clone, PartialEq)]
pub struct DocView {
    pub doc: Doc,
    pub scroll: usize,
    /// The measure or statistic stepped to, an index into `doc.targets`.
    pub cursor: Option<usize>,
}

/// The hits of the last search, for `n` / `N` after the search screen has closed: in
/// document order, as a pager walks its matches, with what to highlight in the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Hits {
    pub jumps: Vec<Jump>,
    pub at: usize,
    /// The query's words as typed (kind prefix and `'` dropped): every occurrence in the
    /// detail pane is highlighted, as less does.
    pub words: Vec<String>,
    /// Sentence id → the matched chars (indices into its text), for what matched by
    /// pinyin or fuzzily and so is not a literal occurrence of a word.
    pub marks: std::collections::HashMap<String, Vec<usize>>,
}

pub struct App {
    /// The open reports, with the index the tree and panes look nodes up in; shared with
    /// the thread that lines them up for the comparison screen.
    pub reports: std::sync::Arc<Library>,
    pub lang: Lang,
    pub width: u16,
    pub height: u16,
    pub mode: Mode,
    /// The mode help returns to.
    pub help_from: Mode,
    pub help_scroll: usize,
    pub focus: Focus,
    pub tree: TreeState,
    pub detail: DocView,
    pub finder: Finder,
    /// The selected hit in context, beside the results.
    pub preview: Option<DocView>,
    pub engine: Engine,
    pub hits: Option<Hits>,
    pub table: StatsTable,
    /// Whether `table` has been built from the reports yet.
    pub table_built: bool,
    pub compare: CompareView,
    /// The mode the comparison screen returns to.
    pub compare_from: Mode,
    /// A transient note (what was copied); cleared by the next key.
    pub status: Option<Status>,
    pub mouse: bool,
    pub theme: Theme,
    /// The terminal draws ambiguous-width characters two cells wide: draw look-alikes.
    pub narrow_ambiguous: bool,
    /// The tree's width as the user set it (`<` `>` or a drag on the border); `None`
    /// follows the terminal.
    pub tree_cols: Option<u16>,
    /// A drag that started on the border between tree and text is moving it.
    pub dragging_border: bool,
}

impl App {
    pub fn new(reports: Vec<Report>, lang: Lang, engine: Engine, size: (u16, u16)) -> App {
        App::open(Library::new(reports), lang, engine, size)
    }

    /// The app over `reports` as opened (decoded, or read on demand from the cache).
    pub fn open(reports: Library, lang: Lang, engine: Engine, size: (u16, u16)) -> App {
        let mut tree = TreeState::default();
        // With several reports, open each one a level so its sections show.
        if reports.len() > 1 {
            tree.expanded.extend(tree::roots(&reports));
        }
        tree.rows = tree::flatten(&reports, &tree.expanded);
        let key = tree.selected_key().cloned().unwrap_or(NodeKey::Report(0));
        let width = layout::detail_text_width(size.0);
        // Built when first opened (`ensure_table`): over 1,000 reports its 38,000 rows took
        // ~80 ms of the first frame, for a screen many sessions never open.
        let table = StatsTable::default();
        let doc = Doc::build(&reports, &key, width);
        App {
            reports: std::sync::Arc::new(reports),
            lang,
            width: size.0,
            height: size.1,
            mode: Mode::Browse,
            help_from: Mode::Browse,
            help_scroll: 0,
            focus: Focus::Tree,
            tree,
            detail: DocView {
                doc,
                scroll: 0,
                cursor: None,
            },
            finder: Finder::default(),
            preview: None,
            engine,
            hits: None,
            table,
            table_built: false,
            compare: CompareView::default(),
            compare_from: Mode::Browse,
            status: None,
            mouse: true,
            theme: Theme::default(),
            narrow_ambiguous: false,
            tree_cols: None,
            dragging_border: false,
        }
    }

    /// Build the statistics table the first time it is needed.
    pub fn ensure_table(&mut self) {
        if !self.table_built {
            self.table = StatsTable::new(&self.reports, self.lang);
            self.table_built = true;
        }
    }

    /// Where the browse screen's panes sit now.
    pub fn browse_areas(&self, focus: Focus) -> layout::BrowseAreas {
        layout::browse_with(self.width, self.height, focus, self.tree_cols)
    }

    /// The detail pane's wrap width and height now.
    pub fn detail_text_size(&self) -> (usize, usize) {
        layout::detail_text_size_with(self.width, self.height, self.tree_cols)
    }

    /// Where keys are read now.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Browse => Context::Browse,
            Mode::Search => Context::Search,
            Mode::Stats if self.table.editing => Context::StatsFilter,
            Mode::Stats => Context::Stats,
            Mode::Compare if self.compare.editing => Context::CompareFilter,
            Mode::Compare => Context::Compare,
            Mode::Help => Context::Help,
        }
    }
}
