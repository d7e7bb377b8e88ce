//! Perheopas UI: a thin Leptos layer over `perheopas-core`. `app` holds the providers and the
//! router, `pages` the views, `components` their parts, `labels` the words for the catalogue's
//! codes; `i18n` is generated from `locales/*.json` at build time.

pub mod app;
pub mod components;
pub mod config;
pub mod labels;
pub mod load;
pub mod pages;
pub mod parts;
pub mod search;
pub mod state;
pub mod timing;
pub mod url_state;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
