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

/// The build of the sources this program was made from (a hash over `src/`, `assets/`
/// and the manifests, by `build.rs`): cache entries written by another build are stale.
pub const BUILD: u128 = match u128::from_str_radix(env!("REPORT_TUI_BUILD"), 16) {
    Ok(build) => build,
    Err(_) => panic!("build.rs writes REPORT_TUI_BUILD as 32 hex digits"),
};
