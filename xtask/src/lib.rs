//! The Perheopas catalogue tool as a library: checks the human-edited catalogue in `data/`,
//! compiles it into the compact asset the app fetches, writes the sample catalogue, imports and
//! exports (PTV, HSDS), and measures search speed and the size of the built site. The binary
//! (`src/main.rs`) only parses the command line ([`cli`]) and runs it; the integration tests use
//! the modules directly.

pub mod basemap;
pub mod bench;
pub mod broken;
pub mod catalogue_writer;
pub mod check_cmd;
pub mod cli;
pub mod coverage_cmd;
pub mod csp;
pub mod data_files;
pub mod hsds;
pub mod map_bench;
pub mod national;
pub mod peer;
pub mod ptv;
pub mod sample;
pub mod scale;
pub mod shards_cmd;
pub mod size;
pub mod sw;
pub mod synth;
pub mod wasm_breakdown;
