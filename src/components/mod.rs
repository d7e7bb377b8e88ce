//! Parts the pages are built from.

pub mod actions;
pub mod area_prompt;
pub mod chips;
pub mod contact_point;
pub mod content;
pub mod crisis;
pub mod did_you_mean;
pub mod family_centre;
pub mod filters;
pub mod hours;
pub mod kiosk;
pub mod language_switch;
pub mod level_badge;
pub mod links;
pub mod map;
pub mod my_list;
pub mod notices;
pub mod origin;
pub mod parts_status;
pub mod pwa;
pub mod quick_exit;
pub mod result_list;
pub mod search_box;
pub mod sessions;
pub mod share;
