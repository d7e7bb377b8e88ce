//! The offline map's data and geometry, with no UI: projection to ETRS-TM35FIN, the compiled base
//! map and its SVG path data, marker clustering, and "which municipality am I in".
//!
//! Everything works in TM35FIN metres (x east, y north), the grid of Finnish maps: distances on it
//! are true to within 0.1 % across the country, so clustering and hit tests can use plain
//! Euclidean arithmetic. The SVG y axis points down; [`basemap::SvgTransform`] does the flip.
//!
//! Projection choice (measured 2026-11, rustc 1.95, wasm32-unknown-unknown, `opt-level = "z"`,
//! LTO, then `wasm-opt -Oz`, gzip -9), a cdylib exporting forward + inverse only:
//!
//! | implementation | wasm-opt bytes | gzip bytes |
//! |---|---|---|
//! | empty baseline | 334 | 309 |
//! | this crate's Krüger series ([`projection`]) | 13 675 | 6 369 |
//! | `proj4rs` 0.1.10 (default features off) | 454 710 | 134 091 |
//! | `proj4rs` 0.3.0 (default features off) | 503 155 | 154 157 |
//!
//! `proj4rs` brings a proj-string parser, every projection and, on wasm32, its own wasm-bindgen
//! exports, so it costs 130–150 KB gzip against a ~30 KB budget; most of the 6 KB of the
//! hand-written one is the libm functions (`asinh`, `atanh`, `exp` …) that the app partly has anyway.
//! The whole module as the app uses it (decode, SVG paths, clustering, locate, projection) adds
//! 37 KB wasm-opt / 16.5 KB gzip to a cdylib that already decodes the catalogue. (The native
//! catalogue tool may use `proj4rs` freely; the grid is the same.)

pub mod basemap;
pub mod cluster;
pub mod labels;
pub mod locate;
pub mod projection;
