//! URL search state: any parameters through `filter::Query` are used or reported, and both
//! ways of counting facets agree on every valid query.

use perheopas_core::config::CONFIG_PARAMS;
use perheopas_core::facets::Counting;
use perheopas_core::filter::{self, Query};
use perheopas_core::situations::SITUATIONS;
use perheopas_core::{Accessibility, Channel, Lang, Level, OrgKind};
use proptest::prelude::*;
use proptest::sample::{select, subsequence};

use crate::common::*;

/// Keys that `Query::from_params` acts on or deliberately leaves to other parts of the app.
const QUERY_KEYS: [&str; 19] = [
    "q",
    "level",
    "category",
    "county",
    "municipality",
    "age",
    "language",
    "provider",
    "channel",
    "feature",
    "free",
    "self",
    "open",
    "lang",
    "area",
    "situation",
    "service",
    "view",
    "ids",
];

fn known_key(k: &str) -> bool {
    QUERY_KEYS.contains(&k) || CONFIG_PARAMS.contains(&k)
}

/// Every value any key accepts, and some that none does.
fn vocabulary() -> Vec<String> {
    let cat = &*CAT;
    let mut v: Vec<String> = Vec::new();
    v.extend(Level::ALL.iter().map(|l| l.id().to_string()));
    v.extend(cat.categories().iter().map(|c| c.to_string()));
    v.extend(cat.counties.iter().map(|c| c.code.clone()));
    v.extend(cat.municipalities.iter().take(40).map(|m| m.code.clone()));
    v.extend(OrgKind::ALL.iter().map(|k| k.id().to_string()));
    v.extend(Channel::ALL.iter().map(|c| c.id().to_string()));
    v.extend(Accessibility::ALL.iter().map(|a| a.id().to_string()));
    v.extend(SITUATIONS.iter().map(|s| s.to_string()));
    v.extend(
        [
            "fi",
            "sv",
            "en",
            "ar",
            "de",
            "FI",
            "pregnancy",
            "0",
            "1",
            "4",
            "0-2",
            "7-3",
            "-1",
            "121",
            "true",
            "no",
            "maybe",
        ]
        .map(String::from),
    );
    v.extend(
        [
            "app", "widget", "kiosk", "new-tab", "#006644", "#fff", "90", "", " ", ",", "999",
        ]
        .map(String::from),
    );
    v
}

pub(crate) fn param_key() -> BoxedStrategy<String> {
    let keys: Vec<String> = QUERY_KEYS
        .iter()
        .chain(CONFIG_PARAMS.iter())
        .map(|k| k.to_string())
        .collect();
    prop_oneof![
        6 => select(keys.clone()),
        1 => select(keys).prop_map(|k| k.to_uppercase()),
        1 => select(vec!["utm_source", "fbclid", "Level", " q", "level ", "", "?q"]).prop_map(String::from),
        2 => any_text(),
    ]
    .boxed()
}

fn param_value() -> BoxedStrategy<String> {
    let words = vocabulary();
    prop_oneof![
        4 => proptest::collection::vec(prop_oneof![4 => select(words), 1 => any_text()], 1..4).prop_map(|v| v.join(",")),
        1 => any_text(),
    ]
    .boxed()
}

/// The items of a list parameter as `from_params` splits them.
fn items(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',').map(str::trim).filter(|v| !v.is_empty())
}

pub(crate) fn is_flag(v: &str) -> bool {
    matches!(v, "1" | "true" | "yes" | "0" | "false" | "no")
}

proptest! {
    #![proptest_config(config(256))]

    /// Every pair is used or reported. Precisely: an unknown key gives exactly one "unknown
    /// parameter" problem carrying the raw value; each item of a list key either ends up in the
    /// query or is reported by key and item; a scalar key's value is used or reported by key and
    /// raw value; and nothing is reported that was fine.
    #[test]
    fn query_params_are_used_or_reported(pairs in proptest::collection::vec((param_key(), param_value()), 0..8)) {
        let cat = &*CAT;
        let (q, problems) = Query::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), cat);
        let categories = cat.categories();
        let mut expected: Vec<(String, String)> = Vec::new();
        let mut report = |k: &str, v: &str| expected.push((k.to_string(), v.to_string()));
        for (k, raw) in &pairs {
            let (k, raw) = (k.as_str(), raw.as_str());
            match k {
                "q" => {}
                "level" | "category" | "county" | "municipality" | "language" | "provider" | "channel" | "feature" | "area" => {
                    for item in items(raw) {
                        let used = match k {
                            "level" => Level::from_id(item).is_some_and(|l| q.levels.contains(&l)),
                            "category" => categories.contains(&item) && q.categories.iter().any(|c| c == item),
                            "county" => cat.county_by_code(item).is_some() && q.counties.iter().any(|c| c == item),
                            "municipality" => cat.municipality_by_code(item).is_some() && q.municipalities.iter().any(|c| c == item),
                            "language" => item.len() == 2 && item.bytes().all(|b| b.is_ascii_lowercase()) && q.languages.iter().any(|c| c == item),
                            "provider" => OrgKind::from_id(item).is_some_and(|p| q.providers.contains(&p)),
                            "channel" => Channel::from_id(item).is_some_and(|c| q.channels.contains(&c)),
                            "feature" => Accessibility::from_id(item).is_some_and(|f| q.features.contains(&f)),
                            _ => (cat.municipality_by_code(item).is_some() && q.municipalities.iter().any(|c| c == item))
                                || (cat.county_by_code(item).is_some() && q.counties.iter().any(|c| c == item)),
                        };
                        if !used {
                            report(k, item);
                        }
                    }
                }
                "age" => if filter::parse_age(raw.trim()).is_none() { report(k, raw) },
                "free" | "self" | "open" => if !is_flag(raw) { report(k, raw) },
                "lang" => if Lang::from_code(raw).is_none() { report(k, raw) },
                "situation" => if !SITUATIONS.contains(&raw) { report(k, raw) },
                // Left to the router and the configuration, which report their own.
                k if known_key(k) => {}
                _ => report(k, raw),
            }
        }
        let seen: Vec<(String, String)> = problems.iter().map(|p| (p.param.clone(), p.value.clone())).collect();
        prop_assert_eq!(seen, expected);
        for p in &problems {
            prop_assert!(!p.problem.is_empty());
            if !known_key(&p.param) {
                prop_assert_eq!(p.problem, "unknown parameter");
            }
        }
        // The last free-text value is the search text, cut to 200 characters.
        if let Some((_, raw)) = pairs.iter().rev().find(|(k, _)| k == "q") {
            prop_assert_eq!(q.text, raw.chars().take(200).collect::<String>());
        }
    }
}

/// A query made only of values the catalogue and the app know.
fn valid_query() -> impl Strategy<Value = Query> {
    let cat = &*CAT;
    let categories: Vec<String> = cat.categories().iter().map(|c| c.to_string()).collect();
    let counties: Vec<String> = cat.counties.iter().map(|c| c.code.clone()).collect();
    let municipalities: Vec<String> = cat.municipalities.iter().map(|m| m.code.clone()).collect();
    // Shuffled subsets: order is part of the state (it is the order chips appear in).
    fn set<T: Clone + std::fmt::Debug + 'static>(all: Vec<T>, max: usize) -> BoxedStrategy<Vec<T>> {
        let n = all.len();
        subsequence(all, 0..=max.min(n)).prop_shuffle().boxed()
    }
    let text = prop_oneof![
        Just(String::new()),
        // Anything up to the 200 characters a link keeps, but not blank: blank text is not a
        // search, so no link carries it.
        proptest::collection::vec(any::<char>(), 1..=200)
            .prop_map(String::from_iter)
            .prop_filter("blank", |t| !t.trim().is_empty()),
    ];
    let age = proptest::option::of(prop_oneof![
        Just((-1i8, -1i8)),
        (0..=120i8).prop_flat_map(|a| (Just(a), a..=120i8)),
    ]);
    let languages = proptest::collection::btree_set("[a-z]{2}", 0..4)
        .prop_map(|s| s.into_iter().collect::<Vec<_>>())
        .prop_shuffle();
    (
        (
            text,
            set(Level::ALL.to_vec(), 3),
            set(categories, 4),
            set(counties, 3),
            set(municipalities, 5),
            age,
        ),
        (
            languages,
            any::<[bool; 3]>(),
            set(OrgKind::ALL.to_vec(), 6),
            set(Channel::ALL.to_vec(), 5),
            set(Accessibility::ALL.to_vec(), 5),
        ),
    )
        .prop_map(
            |(
                (text, levels, categories, counties, municipalities, age),
                (languages, [free, contact_self, open_now], providers, channels, features),
            )| Query {
                text,
                levels,
                categories,
                counties,
                municipalities,
                // Service areas are proven in core/src/filter.rs (they need a catalogue with areas).
                service_areas: Vec::new(),
                age,
                languages,
                free,
                contact_self,
                providers,
                channels,
                open_now,
                features,
            },
        )
}

proptest! {
    #![proptest_config(config(256))]

    /// The two ways of counting facets must agree on every query, or the count a family sees
    /// would depend on how many services their search happens to leave.
    #[test]
    fn both_counting_strategies_agree(q in valid_query(), text in select(vec!["", "neuvola", "perhe", "l", "tuki lapsi"]), open_mask in any::<u64>(), stray in 0..4u8) {
        let engine = &*ENGINE;
        let mut q = Query { text: text.to_string(), ..q };
        // A query built in code may hold codes the catalogue does not know (the URL reader drops
        // them); both ways must treat them alike.
        match stray {
            1 => q.municipalities.push("999".into()),
            2 => q.counties.push("99".into()),
            3 => q.languages.push("xx".into()),
            _ => {}
        }
        let open: Vec<bool> = (0..engine.catalogue.services.len()).map(|i| open_mask >> (i % 64) & 1 == 1).collect();
        let by_document = engine.run_with(&q, Some(&open), Counting::PerDocument);
        let by_sets = engine.run_with(&q, Some(&open), Counting::Sets);
        prop_assert_eq!(by_document, by_sets);
    }

    #[test]
    fn query_round_trips_through_params(q in valid_query()) {
        let params = q.to_params();
        let (back, problems) = Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())), &CAT);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(back, q);
    }
}
