//! Robustness properties (issue 9): no input makes a parser panic, and nothing is dropped silently.
//!
//! Every bad value must come back as a reported problem, and every record read must be written.
//! Covered: the catalogue source compiler (`source::compile`), opening hours (`source::hours::Expression` and the compiled
//! `hours::Schedule` the app reads),
//! the URL search state (`filter::Query`), the embed/kiosk configuration (`config::Config`) and
//! the compiled asset (`asset::decode`; whatever it accepts is then used as the app uses it, see
//! `use_like_the_app`, since a bad number inside a well-formed file crashes the app, not the
//! decoder). Each property runs a modest, fixed-seed number of cases
//! so the file stays fast and CI stays reproducible; set `PROPTEST_CASES` and `PROPTEST_RNG_SEED`
//! to search further locally (`cargo test -p perheopas-core --features source --test robustness`).
//!
//! The file needs the `source` feature (it builds its test catalogue with the real compiler);
//! `cargo test --workspace` has it on through perheopas-xtask.
//!
//! One test binary, one file per area: `common` (fixtures), `catalogue`, `hours`, `url`, `embed`,
//! `asset`.

mod asset;
mod catalogue;
mod common;
mod embed;
mod hours;
mod url;
