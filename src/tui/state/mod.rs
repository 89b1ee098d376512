//! What the browser holds between keystrokes: `App` and the pieces it is made of (the
//! section tree, a node's laid-out document, the search screen, the statistics table, the
//! line editor). `update` changes it; views only read it.

pub mod app;
pub mod compare_view;
pub mod document;
pub mod finder;
pub mod library;
pub mod line_input;
pub mod search_engine;
pub mod stats_table;
pub mod status;
pub mod tree;
