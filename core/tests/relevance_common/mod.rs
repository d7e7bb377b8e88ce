//! What the two relevance tests share: the sample catalogue compiled as the build does, and one
//! run of a set of searches with its misses and figures printed.

use std::path::Path;

use perheopas_core::facets::Engine;
use perheopas_core::search::relevance;
use perheopas_core::source::{compile, SourceFile};

/// The target.
pub const RECALL_TARGET: f64 = 0.95;

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

/// The sample catalogue of `data/` as the build compiles it, and how many vocabulary entries it
/// carries.
pub fn sample_engine() -> (Engine, usize) {
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
    (Engine::new(cat), report.vocabulary.entries)
}

/// Runs one relevance set: prints every miss and the figures, and returns the report with the
/// searches whose crisis help was not raised.
pub fn run_set(
    engine: &Engine,
    name: &str,
    cases: &[relevance::Case],
) -> (relevance::Report, Vec<String>) {
    let report = relevance::evaluate(engine, cases);
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
        "{name}: {} searches, recall@{} {:.3}, MRR {:.3} (target recall ≥ {RECALL_TARGET})",
        cases.len(),
        relevance::TOP,
        report.recall,
        report.mrr
    );
    let crisis_missed = report
        .outcomes
        .iter()
        .filter(|o| !o.crisis_ok)
        .map(|o| o.case.query.clone())
        .collect();
    (report, crisis_missed)
}
