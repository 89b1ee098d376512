//! Every intent the UI understands (`Action`) and every side effect `update` asks the event
//! loop to carry out (`Effect`).

use crate::tui::state::line_input::Edit;
use crate::tui::state::status::CopySummary;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Stop the app as Ctrl-z does in a shell, the terminal restored until `fg`.
    Suspend,
    /// Move the selection (tree, results, table) or the cursor (detail) one step up.
    Up,
    /// One step down.
    Down,
    /// To the first row or target.
    Top,
    /// To the last row or target.
    Bottom,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// Half a page up.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// Collapse the node, or go to its parent if it is collapsed or a leaf.
    Left,
    /// Expand the node, or go to its first child if it is open.
    Right,
    /// Open the node in the detail pane, or jump to the selected hit or figure.
    Open,
    /// Switch focus between tree and detail.
    SwitchFocus,
    /// Open the search screen, the last query selected so typing replaces it.
    Search,
    /// Put the previous query of the history in the search line.
    OlderQuery,
    /// Put the next query of the history in the search line.
    NewerQuery,
    /// Close a screen, leave the detail pane, or forget the last hits.
    Back,
    /// Jump to the next hit of the last search.
    NextHit,
    /// Jump to the previous hit of the last search.
    PrevHit,
    /// Open the statistics table.
    Statistics,
    /// Open the comparison screen: every indicator across the open reports.
    Compare,
    /// Show the selected figure's indicator across every open report.
    CompareFigure,
    /// Copy the figure, sentence or node text.
    Copy,
    /// Copy with a citation (in the table: the table as TSV).
    CopyCited,
    /// The statistics table: between the node it opened on and every figure.
    ToggleScope,
    /// Copy the selected node's figures as TSV, as its figures table lists them.
    CopyFigures,
    /// Show every key.
    Help,
    /// Capture the mouse, or leave it to the terminal for selecting text.
    ToggleMouse,
    /// Type into the table's filter line.
    Filter,
    /// Sort the table by place, value down, value up (comparison: by change).
    Sort,
    /// Finish typing the filter and keep it.
    KeepFilter,
    /// Edit the query or filter line.
    Edit(Edit),
    /// A mouse click at a cell.
    Click { column: u16, row: u16 },
    /// The mouse moved to a cell with the left button held.
    Drag { column: u16, row: u16 },
    /// Make the tree wider (the text narrower).
    WiderTree,
    /// Make the tree narrower (the text wider).
    NarrowerTree,
    /// The mouse wheel at a cell; `down` scrolls towards the end.
    Wheel { column: u16, row: u16, down: bool },
    /// The terminal has a new size.
    Resize { width: u16, height: u16 },
    /// The event loop reports how a copy went.
    Copied {
        summary: CopySummary,
        /// How many characters went to the clipboard.
        chars: usize,
        outcome: crate::clipboard::Outcome,
    },
}

/// What only the event loop can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Quit,
    /// Hand the terminal back and stop the process; continue where it was on `fg`.
    Suspend,
    /// Put `text` on the clipboard; `summary` names it in the status bar.
    Copy {
        text: String,
        summary: CopySummary,
    },
    /// Turn mouse capture on or off.
    Mouse(bool),
}
