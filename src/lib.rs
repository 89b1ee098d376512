//! report-tui: browse, search and copy from Chinese government work reports.
//!
//! The domain (`model`, `import`, `search`, `export`) has no terminal dependency; the
//! `tui` feature adds the terminal browser on top.

pub mod cache;
pub mod cli;
#[cfg(feature = "tui")]
pub mod clipboard;
pub mod compare;
pub mod embedded;
pub mod error;
pub mod export;
pub mod identity;
pub mod import;
pub mod load;
pub mod model;
mod model_check;
pub mod parallel;
pub mod rebuild;
pub mod sanitize;
pub mod search;
pub mod section_ref;
#[cfg(feature = "tui")]
pub mod tui;

pub use error::{Error, Result};
pub use model::Report;
