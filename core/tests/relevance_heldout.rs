//! Held-out relevance of the search (issue 17): the searches of `relevance_heldout.csv`, written
//! by a reviewer blind to the search's vocabulary, over the sample catalogue in `data/`. Prints
//! recall@10, MRR and every miss; fails below the target recall, so what fails shows.
//!
//! `cargo test -p perheopas-core --features source --test relevance_heldout -- --nocapture`

use std::path::Path;

use perheopas_core::facets::Engine;
use perheopas_core::search::relevance;
use perheopas_core::source::{compile, SourceFile};

/// The target.
const RECALL_TARGET: f64 = 0.95;

fn read_data(root: &Path, dir: &Path, out: &mut Vec<SourceFile>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_data(root, &path, out);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "csv")
        ) {
            let rel = path.strip_prefix(root).unwrap();
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(SourceFile {
                path: rel,
                text: std::fs::read_to_string(&path).unwrap(),
            });
        }
    }
}

fn sample_engine() -> Engine {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let mut files = Vec::new();
    read_data(&root, &root, &mut files);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let (cat, report) = match compile(&files, "2026-12-01T00:00:00Z", "2099-12-31") {
        Ok(c) => c,
        Err(p) => panic!(
            "the sample catalogue must compile:\n{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    // The catalogue grows by the vocabulary, never by a list of word forms.
    let with = perheopas_core::asset::encode(&cat).len();
    let without = perheopas_core::asset::encode(&perheopas_core::Catalogue {
        vocabulary: Default::default(),
        ..cat.clone()
    })
    .len();
    println!(
        "vocabulary: {}; {} bytes of the catalogue's {with} ({} KB before gzip)",
        report.vocabulary,
        with - without,
        (with - without) / 1024
    );
    Engine::new(cat)
}

#[test]
fn heldout_searches_find_fitting_services() {
    let engine = sample_engine();
    let cases = relevance::parse(include_str!("relevance_heldout.csv")).unwrap();
    assert!(cases.len() >= 90, "{} searches", cases.len());
    let report = relevance::evaluate(&engine, &cases);
    for o in report.misses() {
        println!(
            "miss line {}: {:?} needs {:?}; first {:?} crisis {}; top: {:?}",
            o.case.line,
            o.case.query,
            o.case.types,
            o.first,
            if o.crisis_ok { "ok" } else { "MISSING" },
            o.top_types
        );
    }
    println!(
        "held-out relevance: {} searches, recall@{} {:.3}, MRR {:.3} (target recall ≥ {RECALL_TARGET})",
        cases.len(),
        relevance::TOP,
        report.recall,
        report.mrr
    );
    let crisis_missed: Vec<&str> = report
        .outcomes
        .iter()
        .filter(|o| !o.crisis_ok)
        .map(|o| o.case.query.as_str())
        .collect();
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
