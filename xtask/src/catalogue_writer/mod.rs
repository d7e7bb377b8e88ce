//! Writes catalogue records as TOML files in the `data/` format, checks them with the same
//! compiler the build uses, and puts them on disk all at once or not at all. Shared by every
//! importer (PTV, HSDS) and by the scale test.
//!
//! Records here mirror the source files, with string ids (organisation id, service type id,
//! municipality codes), so importers never deal with the compiled model's indexes. Strings are
//! escaped by the `toml` crate; the layout (dotted `name.fi = …` keys, one record after another)
//! follows the hand-edited files so an imported file reads like the others in a diff.
//!
//! The parts, by what they hold: [`records`] (the record types and how a compiled catalogue
//! becomes them), [`render`] (TOML text), [`check`] (compiling with the reference tables and
//! taking out rejected records), [`guard`] (refusing an import that would lose services),
//! [`place`] (does a location fit its municipality), [`write`] (all-or-nothing writes), [`report`] (what an import
//! read, wrote and skipped) and [`heuristics`] (guesses and text helpers importers share).

pub mod check;
pub mod guard;
pub mod heuristics;
pub mod place;
pub mod records;
pub mod render;
pub mod report;
pub mod write;

pub use check::*;
pub use guard::*;
pub use heuristics::*;
pub use place::Places;
pub use records::*;
pub use render::*;
pub use report::*;
pub use write::*;

/// First line of every written file: only files starting with it are ever overwritten or removed.
pub const MARKER: &str = "# Written by perheopas-xtask";
