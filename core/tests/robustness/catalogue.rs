//! Catalogue source: arbitrary text and randomised records through `source::compile`; every
//! record read is written or reported.

use std::cell::Cell;

use perheopas_core::source::{self};
use perheopas_core::{Accessibility, Channel};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::TestRunner;

use crate::common::*;
use crate::hours::hours_expr;

/// One edit to the seed file. Positions are taken modulo the text length in characters, so every
/// edit lands on a character boundary.
#[derive(Clone, Debug)]
enum Edit {
    Delete(Index, usize),
    Insert(Index, String),
    /// Copies a stretch of the text to another place: duplicated keys, records and tables.
    Splice(Index, usize, Index),
    /// Whole-line edits keep the file well-formed more often, so more damaged files compile and
    /// the records-in = records-out check gets exercised.
    DeleteLine(Index),
    CopyLine(Index, Index),
}

fn toml_token() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(vec![
            "[[service]]\n", "[[service.delivery]]\n", "[service]\n", "[catalogue]\n", "[[organisation]]\n",
            "\n", "\r\n", "\"", "'", "'''", "\"\"\"", "=", " = ", ",", ".", "[", "]", "{", "}", "#", "\\", "\\u",
            "\\U0010FFFF", "\\uD800", "1e999", "nan", "-inf", "0x7F", "-1", "2026-02-30", "2026-10-01T25:00:00",
            "1979-05-27T07:32:00Z", "id = \"x\"\n", "id = \"lieksa-neuvola\"\n", "channel = \"in_person\"\n",
            "delivery = []\n", "service = 1\n", "ages = [1]\n", "location = [\"a\", 1]\n", "name = \"x\"\n",
            "hours = \"\"\n", "areas = []\n", "\u{0}", "\u{FEFF}", "é", "\u{301}",
        ])
        .prop_map(String::from),
        1 => any_text(),
    ]
    .boxed()
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), 1..40usize).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<Index>(), toml_token()).prop_map(|(i, s)| Edit::Insert(i, s)),
        (any::<Index>(), 1..400usize, any::<Index>()).prop_map(|(a, n, b)| Edit::Splice(a, n, b)),
        any::<Index>().prop_map(Edit::DeleteLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::CopyLine(a, b)),
    ]
}

fn apply(seed: &str, edits: &[Edit]) -> String {
    let mut text = seed.to_string();
    for e in edits {
        let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
        let n = lines.len().max(1);
        match e {
            Edit::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i.index(n));
            }
            Edit::CopyLine(a, b) if !lines.is_empty() => {
                let line = lines[a.index(n)];
                lines.insert(b.index(n + 1), line);
            }
            Edit::DeleteLine(_) | Edit::CopyLine(..) => {}
            other => {
                text = apply_chars(&text, other);
                continue;
            }
        }
        text = lines.concat();
    }
    text
}

fn apply_chars(text: &str, e: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let len = chars.len().max(1);
    match e {
        Edit::Delete(i, n) => {
            let at = i.index(len).min(chars.len());
            let end = (at + n).min(chars.len());
            chars.drain(at..end);
        }
        Edit::Insert(i, s) => {
            let at = i.index(len + 1).min(chars.len());
            chars.splice(at..at, s.chars());
        }
        Edit::Splice(a, n, b) => {
            let from = a.index(len).min(chars.len());
            let piece: Vec<char> = chars[from..(from + n).min(chars.len())].to_vec();
            let to = b.index(len + 1).min(chars.len());
            chars.splice(to..to, piece);
        }
        Edit::DeleteLine(_) | Edit::CopyLine(..) => {
            unreachable!("line edits are applied by `apply`")
        }
    }
    chars.into_iter().collect()
}

/// Services-file text: plain noise, a soup of TOML fragments, or the seed with a few edits.
fn services_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any_text(),
        2 => proptest::collection::vec(toml_token(), 0..40).prop_map(|t| t.concat()),
        5 => proptest::collection::vec(edit(), 1..4).prop_map(|e| apply(SEED, &e)),
    ]
}

/// Ok means every record read was written, matching an independent count of the file; Err
/// means well-formed, locatable problems.
fn check_compile(services: &str) -> Result<bool, TestCaseError> {
    let given = files(services);
    match source::compile(&given, "2026-11-23T12:00:00Z", TODAY) {
        Ok((cat, report)) => {
            prop_assert_eq!(report.services_read, report.services_written);
            prop_assert_eq!(report.delivery_points_read, report.delivery_points_written);
            prop_assert_eq!(report.organisations_read, report.organisations_written);
            prop_assert_eq!(cat.services.len(), report.services_written);
            prop_assert_eq!(cat.delivery_point_count(), report.delivery_points_written);
            let counted = tally(services);
            prop_assert!(counted.is_some(), "compiled a file the TOML parser rejects");
            let (services_in, points_in) = counted.unwrap();
            prop_assert_eq!(
                (services_in, points_in),
                (cat.services.len(), cat.delivery_point_count()),
                "records lost or invented"
            );
            Ok(true)
        }
        Err(problems) => {
            check_problems(&problems, &given)?;
            Ok(false)
        }
    }
}

#[test]
fn source_compile_never_panics_and_accounts_for_every_record() {
    let (ok, err) = (Cell::new(0), Cell::new(0));
    let result = TestRunner::new(config(256)).run(&services_text(), |text| {
        let compiled = check_compile(&text)?;
        let counter = if compiled { &ok } else { &err };
        counter.set(counter.get() + 1);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Damaged seeds that still compile are where a silently dropped record would show.
    eprintln!(
        "arbitrary services files: {} compiled, {} rejected",
        ok.get(),
        err.get()
    );
    assert!(
        ok.get() > 0 && err.get() > 0,
        "ok {} err {}",
        ok.get(),
        err.get()
    );
}

#[test]
fn source_compile_survives_deep_nesting_and_odd_files() {
    // Recursion in the TOML parser is the classic way for text to crash a process outright.
    for depth in [64, 1_000, 20_000] {
        for text in [
            format!("x = {}{}", "[".repeat(depth), "]".repeat(depth)),
            format!("x = {}1{}", "{a=".repeat(depth), "}".repeat(depth)),
            format!("x.{} = 1", vec!["a"; depth].join(".")),
            "[".repeat(depth),
        ] {
            let _ = check_compile(&text).unwrap();
        }
    }
    for text in [
        "",
        "\u{FEFF}",
        "\r",
        "[[service]]",
        "service = []",
        "[[service]]\n[[service]]\n",
    ] {
        let _ = check_compile(text).unwrap();
    }
    assert!(check_compile(SEED).unwrap(), "the seed compiles");
}

// ---------------------------------------------------------------------------------------------
// 1b. Catalogue source: structurally valid, randomised records
// ---------------------------------------------------------------------------------------------

/// A generated service record and what must come out of it when the catalogue compiles.
#[derive(Clone, Debug)]
pub(crate) struct GenService {
    id: String,
    name_fi: String,
    points: usize,
    pub(crate) toml: String,
}

/// `clean` records use only values the rules accept (random names, numbers in range, real codes,
/// https links); the others take a wild value in about one field in eight.
fn pick(
    clean: bool,
    good: BoxedStrategy<String>,
    wild: BoxedStrategy<String>,
) -> BoxedStrategy<String> {
    if clean {
        good
    } else {
        prop_oneof![7 => good, 1 => wild].boxed()
    }
}

/// An optional `key = value` line.
fn opt_line(key: &'static str, value: BoxedStrategy<String>) -> BoxedStrategy<String> {
    proptest::option::of(value)
        .prop_map(move |v| v.map_or(String::new(), |v| format!("{key} = {v}\n")))
        .boxed()
}

fn name_good() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[A-ZÅÄÖ][a-zåäö]{1,12}( [A-Za-zÅÄÖåäö0-9-]{1,12}){0,4}",
        // Starts with a letter so that trimming leaves something; then anything at all.
        1 => ("\\p{L}", proptest::collection::vec(any::<char>(), 0..60)).prop_map(|(a, b)| a + &String::from_iter(b)),
    ]
    .boxed()
}

fn name_wild() -> BoxedStrategy<String> {
    prop_oneof![
        any_text(),
        Just(String::new()),
        Just("   ".to_string()),
        "x{121,200}"
    ]
    .boxed()
}

fn https_url() -> BoxedStrategy<String> {
    // At most one hyphen per label: "xn--…" would be (invalid) punycode, which the check rightly
    // refuses.
    const LABEL: &str = "[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,5})?";
    const PATH: &str = "(/[A-Za-z0-9._~%-]{0,12}){0,3}(\\?[a-z]{1,5}=[a-z0-9]{0,5})?";
    let pattern = format!("https://{LABEL}(\\.{LABEL}){{0,2}}\\.(fi|example|org){PATH}");
    proptest::string::string_regex(&pattern)
        .expect("a valid pattern")
        .boxed()
}

fn url_wild() -> BoxedStrategy<String> {
    prop_oneof![
        "(https?|ftp|mailto|javascript|file|):(//)?[^\\s]{0,30}",
        "https://[a-z]{1,10}(/[a-z]{0,5})?",
        any_text(),
    ]
    .boxed()
}

fn url_line(key: &'static str, clean: bool) -> BoxedStrategy<String> {
    opt_line(
        key,
        pick(clean, https_url(), url_wild())
            .prop_map(|u| toml_str(&u))
            .boxed(),
    )
}

/// Optional `field.fi` (and sometimes `.sv`, `.en`) lines.
fn text_lines(field: &'static str, clean: bool, required: bool) -> BoxedStrategy<String> {
    let value = || pick(clean, name_good(), name_wild());
    let fi = if required {
        value().prop_map(Some).boxed()
    } else {
        proptest::option::of(value()).boxed()
    };
    (
        fi,
        proptest::option::of(value()),
        proptest::option::of(value()),
    )
        .prop_map(move |(fi, sv, en)| {
            let mut out = String::new();
            // Without Finnish, other languages are a reported problem; keep them to wild records.
            let sv = if fi.is_some() || !clean { sv } else { None };
            let en = if fi.is_some() || !clean { en } else { None };
            for (lang, v) in [("fi", fi), ("sv", sv), ("en", en)] {
                if let Some(v) = v {
                    out += &format!("{field}.{lang} = {}\n", toml_str(&v));
                }
            }
            out
        })
        .boxed()
}

fn phone_good() -> BoxedStrategy<String> {
    prop_oneof![
        "0[1-9]0 000 [0-9]{4}",
        "\\+358 [1-9]0 [0-9]{3} [0-9]{4}",
        "1[0-9]{2,5}"
    ]
    .boxed()
}

const HOURS_GOOD: [&str; 9] = [
    "Mo-Fr 08:00-16:00; PH off",
    "24/7",
    "Tu,Th 09:30-12:00; Jul off; PH off",
    "Mo-Fr 06:30-17:00; Dec 24-26 off; PH off",
    "We 17:00-19:00; Jun-Aug off",
    "Mo 08:00-11:00,12:00-16:00; Fr 22:00-02:00",
    "Jun-Aug Mo-Fr 10:00-14:00; Sep-May Mo-Fr 08:00-16:00; PH off",
    "Tu 09:00-12:00 unknown \"ajanvarauksella\"",
    "Mo-Su 18:00-24:00",
];

fn hours_line(clean: bool) -> BoxedStrategy<String> {
    let good = select(HOURS_GOOD.to_vec()).prop_map(String::from).boxed();
    let wild = prop_oneof![hours_expr(), any_text()].boxed();
    opt_line(
        "hours",
        pick(clean, good, wild).prop_map(|h| toml_str(&h)).boxed(),
    )
}

/// Municipalities as (code, centre) from the compiled seed catalogue.
fn municipality() -> BoxedStrategy<(String, (f32, f32))> {
    select(
        CAT.municipalities
            .iter()
            .map(|m| (m.code.clone(), m.centre))
            .collect::<Vec<_>>(),
    )
    .boxed()
}

fn delivery(clean: bool) -> BoxedStrategy<String> {
    let channel = pick(
        clean,
        select(Channel::ALL.to_vec())
            .prop_map(|c| c.id().to_string())
            .boxed(),
        any_text(),
    );
    let address = (
        municipality(),
        pick(clean, "[0-9]{5}".boxed(), any_text()),
        name_good(),
        name_good(),
        -0.05..0.05f64,
        -0.05..0.05f64,
    )
        .prop_map(|((code, (lat, lon)), postcode, street, office, dlat, dlon)| {
            let address = format!(
                "address = {{ street.fi = {}, postcode = {}, post_office.fi = {}, municipality = {} }}\n",
                toml_str(&street),
                toml_str(&postcode),
                toml_str(&office),
                toml_str(&code)
            );
            let location = format!("location = [{}, {}]\n", toml_f64(lat as f64 + dlat), toml_f64(lon as f64 + dlon));
            (address, location)
        });
    let address = pick(
        clean,
        address.clone().prop_map(|(a, l)| a + &l).boxed(),
        prop_oneof![
            // A real address with a wild location, and wild locations of every shape.
            (address.prop_map(|(a, _)| a), any::<f64>(), any::<f64>()).prop_map(
                |(a, lat, lon)| format!("{a}location = [{}, {}]\n", toml_f64(lat), toml_f64(lon))
            ),
            (50.0..80.0f64, 10.0..40.0f64)
                .prop_map(|(lat, lon)| format!("location = [{lat}, {lon}]\n")),
            proptest::collection::vec(-100.0..100.0f64, 0..4).prop_map(|v| format!(
                "location = [{}]\n",
                v.iter()
                    .map(|x| toml_f64(*x))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Just("location = \"here\"\n".to_string()),
        ]
        .boxed(),
    );
    let phones = proptest::collection::vec(
        (
            pick(clean, phone_good(), any_text()),
            proptest::option::of(name_good()),
        ),
        1..3,
    )
    .prop_map(|ps| {
        let items: Vec<String> = ps
            .iter()
            .map(|(n, note)| match note {
                Some(note) => format!(
                    "{{ number = {}, note.fi = {} }}",
                    toml_str(n),
                    toml_str(note)
                ),
                None => format!("{{ number = {} }}", toml_str(n)),
            })
            .collect();
        format!("phones = [{}]\n", items.join(", "))
    });
    let accessibility = pick(
        clean,
        subsequence(Accessibility::ALL.to_vec(), 0..=Accessibility::ALL.len())
            .prop_map(|a| {
                format!(
                    "accessibility = [{}]\n",
                    a.iter()
                        .map(|x| toml_str(x.id()))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .boxed(),
        any_text()
            .prop_map(|a| format!("accessibility = [{}]\n", toml_str(&a)))
            .boxed(),
    );
    let email = opt_line(
        "email",
        pick(
            clean,
            "[a-z]{1,8}(\\.[a-z]{1,8})?@[a-z]{1,8}\\.(fi|example)".boxed(),
            any_text(),
        )
        .prop_map(|e| toml_str(&e))
        .boxed(),
    );
    let walk_in = pick(
        clean,
        any::<bool>().prop_map(|b| b.to_string()).boxed(),
        Just("\"yes\"".to_string()).boxed(),
    );
    (
        channel,
        (address, any::<bool>()),
        (phones, any::<bool>()),
        (pick(clean, https_url(), url_wild()), any::<bool>()),
        url_line("booking", clean),
        hours_line(clean),
        text_lines("name", clean, false),
        text_lines("hours_note", clean, false),
        proptest::option::of(accessibility),
        email,
        proptest::option::of(walk_in),
    )
        .prop_map(
            move |(
                channel,
                (address, with_address),
                (phones, with_phones),
                (web, with_web),
                booking,
                hours,
                name,
                hours_note,
                accessibility,
                email,
                walk_in,
            )| {
                // A clean point carries what its channel requires: an address and a location in
                // person, a number by phone, a web address online or in chat.
                let needs = |c: &str| clean && channel == c;
                let mut out = format!("\n[[service.delivery]]\nchannel = {}\n", toml_str(&channel));
                out += &name;
                if with_address || needs("in_person") {
                    out += &address;
                }
                if with_phones || needs("phone") {
                    out += &phones;
                }
                if with_web || needs("online") || needs("chat") {
                    out += &format!("web = {}\n", toml_str(&web));
                }
                out += &booking;
                out += &hours;
                out += &hours_note;
                out += accessibility.as_deref().unwrap_or("");
                out += &email;
                if let Some(w) = walk_in {
                    out += &format!("walk_in = {w}\n");
                }
                out
            },
        )
        .boxed()
}

fn date_good() -> BoxedStrategy<String> {
    (2000..=2025i32, 1..=12u32, 1..=28u32)
        .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .boxed()
}

fn date_wild() -> BoxedStrategy<String> {
    prop_oneof![
        (0..=9999i32, 0..=13u32, 0..=32u32).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        (2027..=2099i32).prop_map(|y| format!("{y}-01-01")),
        Just("2026-01-01T10:00:00".to_string()),
        Just("10:00:00".to_string()),
        any_text().prop_map(|s| toml_str(&s)),
    ]
    .boxed()
}

fn ages_line(clean: bool) -> BoxedStrategy<String> {
    let good = prop_oneof![
        (-1..=120i32)
            .prop_flat_map(|a| (Just(a), a..=120))
            .prop_map(|(a, b)| format!("[{a}, {b}]")),
        (-1.0..=120.0f64)
            .prop_flat_map(|a| (Just(a), a..=120.0))
            .prop_map(|(a, b)| format!("[{}, {}]", toml_f64(a), toml_f64(b))),
    ]
    .boxed();
    let wild = prop_oneof![
        (any::<f64>(), any::<f64>()).prop_map(|(a, b)| format!(
            "[{}, {}]",
            toml_f64(a),
            toml_f64(b)
        )),
        proptest::collection::vec(-5..130i32, 0..4).prop_map(|v| format!("{v:?}")),
        Just("\"0-6\"".to_string()),
    ]
    .boxed();
    opt_line("ages", pick(clean, good, wild))
}

fn areas_line(clean: bool) -> BoxedStrategy<String> {
    let county_codes: Vec<String> = CAT
        .counties
        .iter()
        .map(|c| format!("county:{}", c.code))
        .collect();
    let area = prop_oneof![
        4 => municipality().prop_map(|(code, _)| code),
        2 => select(county_codes),
        1 => Just("nationwide".to_string()),
    ];
    let area = pick(
        clean,
        area.boxed(),
        prop_oneof![
            any_text(),
            Just("county:99".to_string()),
            Just("999".to_string())
        ]
        .boxed(),
    );
    proptest::collection::vec(area, if clean { 1..4 } else { 0..4 })
        .prop_map(|a| {
            format!(
                "areas = [{}]\n",
                a.iter().map(|x| toml_str(x)).collect::<Vec<_>>().join(", ")
            )
        })
        .boxed()
}

fn service(i: usize, clean: bool) -> BoxedStrategy<GenService> {
    // Clean ids are unique by their index; wild ones collide ("dup") or are anything at all.
    let id = pick(
        clean,
        "[a-z0-9-]{0,12}"
            .prop_map(move |s| format!("s{i}-{s}"))
            .boxed(),
        prop_oneof![Just("dup".to_string()), any_text()].boxed(),
    );
    let type_ids: Vec<String> = CAT.service_types.iter().map(|t| t.id.clone()).collect();
    let languages = pick(
        clean,
        "[a-z]{2}".boxed(),
        prop_oneof![any_text(), "[A-Za-z]{1,3}"].boxed(),
    );
    let status = pick(
        clean,
        select(vec![
            "",
            "status = \"active\"\n",
            "status = \"temporarily_closed\"\nalert.fi = \"Suljettu remontin ajan.\"\n",
        ])
        .prop_map(String::from)
        .boxed(),
        prop_oneof![
            Just("status = \"temporarily_closed\"\n".to_string()),
            any_text().prop_map(|s| format!("status = {}\n", toml_str(&s)))
        ]
        .boxed(),
    );
    let head = (
        id,
        pick(
            clean,
            select(vec!["siun-sote".to_string(), "esimerkki-ry".to_string()]).boxed(),
            any_text(),
        ),
        pick(clean, select(type_ids).boxed(), any_text()),
        pick(clean, name_good(), name_wild()),
        text_lines("summary", clean, false),
        text_lines("description", clean, false),
        ages_line(clean),
        proptest::collection::vec(languages, if clean { 1..4 } else { 0..4 }),
        pick(
            clean,
            select(vec!["free", "fee", "voucher"])
                .prop_map(String::from)
                .boxed(),
            any_text(),
        ),
        proptest::option::of(pick(
            clean,
            select(vec![
                "none",
                "assessment",
                "referral",
                "application",
                "decision",
            ])
            .prop_map(String::from)
            .boxed(),
            any_text(),
        )),
    );
    let tail = (
        areas_line(clean),
        status,
        pick(clean, date_good(), date_wild()),
        url_line("source", clean),
        subsequence(vec!["fi", "sv", "en"], 0..=3),
        proptest::collection::vec(any_text(), 0..3),
        proptest::option::of(any_text()),
        proptest::collection::vec(delivery(clean), if clean { 1..4 } else { 0..4 }),
    );
    (head, tail)
        .prop_map(
            |(
                (id, org, stype, name, summary, description, ages, languages, cost, access),
                (areas, status, date, source, machine, groups, source_id, points),
            )| {
                let mut t = format!("\n[[service]]\nid = {}\n", toml_str(&id));
                t += &format!(
                    "organisation = {}\ntype = {}\nname.fi = {}\n",
                    toml_str(&org),
                    toml_str(&stype),
                    toml_str(&name)
                );
                t += &summary;
                t += &description;
                t += &ages;
                let langs: Vec<String> = languages.iter().map(|l| toml_str(l)).collect();
                t += &format!(
                    "languages = [{}]\ncost = {}\n",
                    langs.join(", "),
                    toml_str(&cost)
                );
                if let Some(a) = access {
                    t += &format!("access = {}\n", toml_str(&a));
                }
                t += &areas;
                t += &status;
                t += &format!("last_checked = {date}\n");
                t += &source;
                let machine: Vec<String> = machine.iter().map(|m| toml_str(m)).collect();
                t += &format!("machine_translated = [{}]\n", machine.join(", "));
                let groups: Vec<String> = groups.iter().map(|g| toml_str(g)).collect();
                t += &format!("target_groups = [{}]\n", groups.join(", "));
                if let Some(s) = source_id {
                    t += &format!("source_id = {}\n", toml_str(&s));
                }
                for p in &points {
                    t += p;
                }
                GenService {
                    id,
                    name_fi: name,
                    points: points.len(),
                    toml: t,
                }
            },
        )
        .boxed()
}

pub(crate) fn catalogue_records() -> impl Strategy<Value = (bool, Vec<GenService>)> {
    (any::<bool>(), 1..4usize).prop_flat_map(|(clean, n)| {
        (
            Just(clean),
            (0..n).map(|i| service(i, clean)).collect::<Vec<_>>(),
        )
    })
}

#[test]
fn source_compile_random_records_in_equal_records_out() {
    let (ok, err, clean_rejected) = (Cell::new(0), Cell::new(0), Cell::new(0));
    let mut runner = TestRunner::new(config(192));
    let result = runner.run(&catalogue_records(), |(clean, records)| {
        let text: String = records.iter().map(|r| r.toml.as_str()).collect();
        let given = files(&text);
        match source::compile(&given, "2026-11-23T12:00:00Z", TODAY) {
            Ok((cat, report)) => {
                ok.set(ok.get() + 1);
                let points: usize = records.iter().map(|r| r.points).sum();
                prop_assert_eq!(
                    (report.services_read, report.services_written),
                    (records.len(), records.len())
                );
                prop_assert_eq!(
                    (report.delivery_points_read, report.delivery_points_written),
                    (points, points)
                );
                // Each record is there, under its id, with its name and all its delivery points.
                for r in &records {
                    let found = cat.service_by_id(&r.id).map(|(_, s)| s);
                    prop_assert!(found.is_some(), "service {:?} missing", r.id);
                    let s = found.unwrap();
                    prop_assert_eq!(&s.name.fi, r.name_fi.trim());
                    prop_assert_eq!(s.delivery.len(), r.points);
                }
            }
            Err(problems) => {
                err.set(err.get() + 1);
                if clean {
                    clean_rejected.set(clean_rejected.get() + 1);
                    // Only values the rules accept went in: any problem is a false alarm.
                    return Err(TestCaseError::fail(format!(
                        "a clean catalogue was rejected: {problems:#?}\n{text}"
                    )));
                }
                check_problems(&problems, &given)?;
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Both outcomes must have been exercised, or the property proved nothing.
    eprintln!(
        "random records: {} compiled, {} rejected",
        ok.get(),
        err.get()
    );
    assert!(
        ok.get() > 10 && err.get() > 10,
        "ok {} err {}",
        ok.get(),
        err.get()
    );
    assert_eq!(clean_rejected.get(), 0);
}
