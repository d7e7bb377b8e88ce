//! Held-out relevance of the search (issue 17): the searches of `relevance_heldout.csv`, written
//! by a reviewer blind to the search's vocabulary, over the sample catalogue in `data/`. Prints
//! recall@10, MRR and every miss; fails below the target recall, so what fails shows.
//!
//! `cargo test -p perheopas-core --features source --test relevance_heldout -- --nocapture`

mod relevance_common;

use perheopas_core::search::relevance;
use relevance_common::{run_set, sample_engine, RECALL_TARGET};

#[test]
fn heldout_searches_find_fitting_services() {
    let (engine, _) = sample_engine();
    let cases = relevance::parse(include_str!("relevance_heldout.csv")).unwrap();
    assert!(cases.len() >= 90, "{} searches", cases.len());
    let (report, crisis_missed) = run_set(&engine, "held-out relevance", &cases);
    println!("crisis help not raised for {crisis_missed:?}");
    assert!(
        report.recall >= RECALL_TARGET,
        "recall@10 {:.3} below {RECALL_TARGET}",
        report.recall
    );
    assert!(
        crisis_missed.is_empty(),
        "crisis help not raised for {crisis_missed:?}"
    );
}
