//! Search + facet benchmark over a generated catalogue. Prints median and p95 per query and can
//! save a run and compare a later one against it (`target/bench/<name>.json`). It also prints
//! the relevance of the search (recall@10 and MRR of `core/tests/relevance_queries.csv` and of the
//! held-out `core/tests/relevance_heldout.csv` over the sample catalogue), so a change that buys
//! speed with relevance shows here too.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use perheopas_core::model::Level;

use crate::synth;

const RUNS: usize = 21;

/// The families' vocabulary, as the app's catalogue carries it.
const VOCABULARY: [(&str, &str); 3] = [
    (
        "vocabulary/fi.csv",
        include_str!("../../data/vocabulary/fi.csv"),
    ),
    (
        "vocabulary/sv.csv",
        include_str!("../../data/vocabulary/sv.csv"),
    ),
    (
        "vocabulary/en.csv",
        include_str!("../../data/vocabulary/en.csv"),
    ),
];

/// The relevance sets of the core's relevance tests: the one written with the search, and the
/// one a reviewer wrote blind to it.
const RELEVANCE: [(&str, &str); 2] = [
    (
        "own set",
        include_str!("../../core/tests/relevance_queries.csv"),
    ),
    (
        "held-out set",
        include_str!("../../core/tests/relevance_heldout.csv"),
    ),
];

/// A generated catalogue of `services` services with the families' vocabulary, so the
/// benchmarks search as the app does (vocabulary, word forms, typos).
pub fn generated(services: usize) -> perheopas_core::model::Catalogue {
    let mut cat = synth::catalogue(services);
    let files: Vec<perheopas_core::source::SourceFile> = VOCABULARY
        .iter()
        .map(|(path, text)| perheopas_core::source::SourceFile {
            path: (*path).into(),
            text: (*text).into(),
        })
        .collect();
    let mut problems = Vec::new();
    cat.vocabulary =
        perheopas_core::source::vocabulary::read(&files, &cat.service_types, &mut problems);
    assert!(
        problems.is_empty(),
        "the vocabulary is checked: {problems:?}"
    );
    cat
}

pub fn cases(e: &Engine) -> Vec<(String, Query)> {
    let muni = |name: &str| {
        e.catalogue
            .municipalities
            .iter()
            .find(|m| m.name.fi == name)
            .map(|m| m.code.clone())
            .unwrap_or_default()
    };
    let q = |text: &str| Query {
        text: text.into(),
        ..Query::default()
    };
    let mut out: Vec<(String, Query)> = vec![
        ("all (no query)".into(), Query::default()),
        ("text: neuvola".into(), q("neuvola")),
        ("text: terapia (compound part)".into(), q("terapia")),
        ("text: barnrådgivning (sv)".into(), q("barnrådgivning")),
        ("text: perhe kuopio (2 words)".into(), q("perhe kuopio")),
        ("text: e (1 letter)".into(), q("e")),
        ("text: neuvolaan (word form)".into(), q("neuvolaan")),
        ("text: neovola (typo)".into(), q("neovola")),
        ("text: puheterpia (typo)".into(), q("puheterpia")),
        (
            "text: nuori masentunut (vocabulary)".into(),
            q("nuori masentunut"),
        ),
        (
            "text: lapsen puhe ei kehity".into(),
            q("lapsen puhe ei kehity"),
        ),
        (
            "level: basic".into(),
            Query {
                levels: vec![Level::Basic],
                ..Query::default()
            },
        ),
        (
            "age 4 + free + contact self + open now".into(),
            Query {
                age: Some((4, 4)),
                free: true,
                contact_self: true,
                open_now: true,
                ..Query::default()
            },
        ),
        (
            "teen situation + step-free + phone or chat".into(),
            Query {
                age: Some((13, 17)),
                features: vec![perheopas_core::model::Accessibility::StepFree],
                channels: vec![
                    perheopas_core::model::Channel::Phone,
                    perheopas_core::model::Channel::Chat,
                ],
                ..Query::default()
            },
        ),
        (
            "municipality: Lieksa".into(),
            Query {
                municipalities: vec![muni("Lieksa")],
                ..Query::default()
            },
        ),
        (
            "county 14 + specialist + text psykiatria".into(),
            Query {
                text: "psykiatria".into(),
                counties: vec!["14".into()],
                levels: vec![Level::Specialist],
                ..Query::default()
            },
        ),
        (
            "category health + Kuopio + text neuvola".into(),
            Query {
                text: "neuvola".into(),
                categories: vec!["health".into()],
                municipalities: vec![muni("Kuopio")],
                ..Query::default()
            },
        ),
    ];
    // Typing "lastenneuvola" one letter at a time: each prefix is one keystroke.
    let word = "lastenneuvola";
    for n in 1..=word.chars().count() {
        let prefix: String = word.chars().take(n).collect();
        out.push((format!("keystroke {n:>2}: {prefix}"), q(&prefix)));
    }
    out
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn baseline_path(name: &str) -> PathBuf {
    PathBuf::from("target/bench").join(format!("{name}.json"))
}

/// Benchmarks the catalogue in `data` when given, else a generated one of `services` services.
pub fn run(
    services: usize,
    data: Option<&std::path::Path>,
    save: Option<&str>,
    compare: Option<&str>,
) -> Result<(), String> {
    let t = Instant::now();
    let cat = match data {
        Some(dir) => {
            let files = crate::data_files::read(dir)?;
            perheopas_core::source::compile(&files, "2026-11-23T00:00:00Z", "2099-12-31")
                .map_err(|p| {
                    format!(
                        "{}: {} problem(s); run the check command",
                        dir.display(),
                        p.len()
                    )
                })?
                .0
        }
        None => generated(services),
    };
    let gen_ms = t.elapsed().as_secs_f64() * 1e3;
    let bytes = perheopas_core::asset::encode(&cat);
    let t = Instant::now();
    let decoded = perheopas_core::asset::decode(&bytes).map_err(|e| e.to_string())?;
    let decode_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let engine = Engine::new(decoded);
    let index_ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "catalogue: {} services, {} delivery points, asset {} bytes; generate {gen_ms:.0} ms, decode {decode_ms:.1} ms, index {index_ms:.1} ms ({} words)",
        engine.catalogue.services.len(),
        engine.catalogue.delivery_point_count(),
        bytes.len(),
        engine.search_index().word_count()
    );

    let t = Instant::now();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("a valid time");
    let open = engine.open_at(now);
    println!(
        "open now: {} of {} services open on Tue 24.11.2026 12:00, evaluated in {:.1} ms",
        open.iter().filter(|o| **o).count(),
        open.len(),
        t.elapsed().as_secs_f64() * 1e3
    );

    let old: Option<BTreeMap<String, f64>> = match compare {
        Some(name) => {
            let text = std::fs::read_to_string(baseline_path(name))
                .map_err(|e| format!("baseline {name}: {e}"))?;
            Some(serde_json::from_str(&text).map_err(|e| format!("baseline {name}: {e}"))?)
        }
        None => None,
    };
    let mut medians = BTreeMap::new();
    let mut keystrokes = Vec::new();
    println!(
        "{:<44} {:>8} {:>10} {:>10}{}",
        "query",
        "hits",
        "median µs",
        "p95 µs",
        if old.is_some() { "   vs baseline" } else { "" }
    );
    for (label, query) in cases(&engine) {
        let mut times = Vec::with_capacity(RUNS);
        let mut hits = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = engine.run(&query, Some(&open));
            times.push(t.elapsed().as_secs_f64() * 1e6);
            hits = std::hint::black_box(r).hits.len();
        }
        times.sort_by(|a, b| a.total_cmp(b));
        let median = percentile(&times, 0.5);
        let p95 = percentile(&times, 0.95);
        let versus = old
            .as_ref()
            .and_then(|o| o.get(&label))
            .map_or(String::new(), |b| {
                format!("   {:>+6.1} %", (median / b - 1.0) * 100.0)
            });
        println!("{label:<44} {hits:>8} {median:>10.0} {p95:>10.0}{versus}");
        if label.starts_with("keystroke") {
            keystrokes.push(median);
        }
        medians.insert(label, median);
    }
    keystrokes.sort_by(|a, b| a.total_cmp(b));
    println!(
        "per keystroke (search + all facet counts): median {:.2} ms, worst {:.2} ms",
        percentile(&keystrokes, 0.5) / 1e3,
        keystrokes.last().copied().unwrap_or(0.0) / 1e3
    );
    relevance(data.unwrap_or(std::path::Path::new("data")));
    if let Some(name) = save {
        let path = baseline_path(name);
        std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(&path, serde_json::to_string_pretty(&medians).unwrap())
            .map_err(|e| e.to_string())?;
        println!("saved as {}", path.display());
    }
    Ok(())
}

/// Recall@10 and MRR of the relevance set over the catalogue in `dir` (the sample catalogue by
/// default), as the core's relevance test measures them.
fn relevance(dir: &std::path::Path) {
    let result = crate::data_files::read(dir).and_then(|files| {
        perheopas_core::source::compile(&files, "2026-11-23T00:00:00Z", "2099-12-31")
            .map_err(|p| format!("{} problem(s); run the check command", p.len()))
    });
    let cat = match result {
        Ok((cat, _)) => cat,
        Err(e) => {
            println!("relevance: not measured ({}: {e})", dir.display());
            return;
        }
    };
    let engine = Engine::new(cat);
    for (name, set) in RELEVANCE {
        let cases = match perheopas_core::search::relevance::parse(set) {
            Ok(c) => c,
            Err(e) => {
                println!("relevance: not measured ({name}: {e})");
                continue;
            }
        };
        let t = Instant::now();
        let report = perheopas_core::search::relevance::evaluate(&engine, &cases);
        println!(
            "relevance over {} ({} services), {name}: {} searches, recall@{} {:.3}, MRR {:.3} (target recall ≥ 0.95); {:.1} ms for all",
            dir.display(),
            engine.catalogue.services.len(),
            cases.len(),
            perheopas_core::search::relevance::TOP,
            report.recall,
            report.mrr,
            t.elapsed().as_secs_f64() * 1e3
        );
        for o in report.misses() {
            println!("  miss: {:?} needs {:?}", o.case.query, o.case.types);
        }
    }
}

#[cfg(test)]
mod tests {
    use perheopas_core::facets::{Counting, Engine};
    use perheopas_core::filter::Query;
    use perheopas_core::model::{Accessibility, Channel, Level, OrgKind};

    /// On a generated catalogue big enough for either strategy, every benchmark case and a
    /// spread of combined selections give identical results both ways.
    #[test]
    fn both_counting_strategies_agree_on_a_generated_catalogue() {
        let engine = Engine::new(super::generated(4000));
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap();
        let open = engine.open_at(now);
        let cat = &engine.catalogue;
        let mut queries: Vec<Query> = super::cases(&engine).into_iter().map(|(_, q)| q).collect();
        for i in 0..60usize {
            let pick = |n: usize| (i * 7919 + n * 104_729) % 97;
            queries.push(Query {
                text: ["", "neuvola", "la", "perhe tuki", "e"][i % 5].into(),
                levels: if pick(1) % 3 == 0 {
                    vec![Level::ALL[i % 3]]
                } else {
                    vec![]
                },
                categories: if pick(2) % 4 == 0 {
                    vec![cat.categories()[i % cat.categories().len()].to_string()]
                } else {
                    vec![]
                },
                municipalities: if pick(3) % 3 == 0 {
                    vec![cat.municipalities[i * 5 % cat.municipalities.len()]
                        .code
                        .clone()]
                } else {
                    vec![]
                },
                service_areas: Vec::new(),
                counties: if pick(4) % 5 == 0 {
                    vec![cat.counties[i % cat.counties.len()].code.clone()]
                } else {
                    vec![]
                },
                age: if pick(5) % 3 == 0 {
                    Some(((i % 18) as i8 - 1, (i % 18) as i8 + 2))
                } else {
                    None
                },
                languages: if pick(6) % 4 == 0 {
                    vec!["fi".into(), "sv".into()]
                } else {
                    vec![]
                },
                free: pick(7) % 3 == 0,
                contact_self: pick(8) % 3 == 0,
                providers: if pick(9) % 4 == 0 {
                    vec![OrgKind::ALL[i % 6]]
                } else {
                    vec![]
                },
                channels: if pick(10) % 3 == 0 {
                    vec![Channel::ALL[i % 5]]
                } else {
                    vec![]
                },
                open_now: pick(11) % 4 == 0,
                features: match pick(12) % 5 {
                    0 => vec![Accessibility::ALL[i % 5]],
                    1 => vec![Accessibility::ALL[i % 5], Accessibility::ALL[(i + 1) % 5]],
                    _ => vec![],
                },
            });
        }
        for q in &queries {
            let a = engine.run_with(q, Some(&open), Counting::PerDocument);
            let b = engine.run_with(q, Some(&open), Counting::Sets);
            assert_eq!(a, b, "{q:?}");
        }
    }
}
