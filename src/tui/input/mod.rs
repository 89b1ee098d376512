//! What the user can ask for and how keys ask it: the `Action` and `Effect` enums, the key
//! bindings as data, the keymap that reads them both ways (dispatch, hints and help), and
//! the step from a terminal event to an action.

pub mod action;
pub mod bindings;
pub mod event;
pub mod keymap;
