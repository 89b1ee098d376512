//! The real terminal: entering and leaving the full screen (restored on every exit path),
//! asking how wide it draws ambiguous characters, and the loading line shown while
//! reports are read. Nothing here is needed by `update` or its tests.

pub mod ambiguous_width;
pub mod backend;
pub mod guard;
pub(super) mod loading;
