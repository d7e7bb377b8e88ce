//! Perheopas core: the catalogue model, its validation and compilation, and the search and facet
//! engine that runs in the browser. Nothing here touches web APIs, so it is tested with plain
//! `cargo test` and shared by the app (Wasm) and the native catalogue tool.

pub mod actions;
pub mod asset;
pub mod closure;
pub mod collate;
pub mod config;
pub mod coverage;
pub mod crisis;
pub mod datefmt;
pub mod facets;
pub mod filter;
pub mod freshness;
pub mod geo_util;
pub mod hours;
pub mod ics;
pub mod map;
pub mod model;
pub mod order;
pub mod pace;
pub mod search;
pub mod service_area;
pub mod sessions;
pub mod situations;
pub mod today;
pub mod vocabulary;

pub mod text;

#[cfg(feature = "source")]
pub mod source;

pub use model::*;
