//! Parts the pages are built from.

pub mod content;
pub mod filters;
pub mod language_switch;
pub mod level_badge;
pub mod notices;
pub mod result_list;
pub mod search_box;
