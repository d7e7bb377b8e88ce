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

use std::cell::Cell;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use perheopas_core::asset::{self, DecodeError};
use perheopas_core::config::{Config, LinkTarget, Mode, CONFIG_PARAMS};
use perheopas_core::facets::{Counting, Engine};
use perheopas_core::filter::{self, Query};
use perheopas_core::hours::{OpenState, Schedule};
use perheopas_core::situations::SITUATIONS;
use perheopas_core::source::hours::Expression;
use perheopas_core::source::{
    self, Problem, Report, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE,
};
use perheopas_core::{Accessibility, Catalogue, Channel, Lang, Level, OrgKind};
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::{RngSeed, TestRunner};

// ---------------------------------------------------------------------------------------------
// Shared fixtures
// ---------------------------------------------------------------------------------------------

const MUNIS: &str = include_str!("../../data/reference/municipalities.csv");
const TYPES: &str = include_str!("../../data/reference/service_types.csv");
const ORGS_FILE: &str = "organisations.toml";
const SERVICES_FILE: &str = "services/test.toml";
/// Far enough ahead that no generated `last_checked` date trips the "in the future" rule by
/// accident; the wild generator writes later dates on purpose.
const TODAY: &str = "2026-11-23";

const ORGS: &str = r#"
[catalogue]
sample = true

[[organisation]]
id = "siun-sote"
kind = "wellbeing_county"
name.fi = "Pohjois-Karjalan hyvinvointialue Siun sote"
website = "https://www.siunsote.fi"

[[organisation]]
id = "esimerkki-ry"
kind = "ngo"
name.fi = "Esimerkki ry"

[[county]]
code = "14"
contact.name.fi = "Perheneuvo"
contact.phone = "013 000 0100"
"#;

/// A valid services file using most fields: the seed that the mutation strategy damages, and the
/// source of the small catalogue the URL-state and asset properties run against.
const SEED: &str = r#"
[[service]]
id = "lieksa-neuvola"
organisation = "siun-sote"
type = "maternity_clinic"
name.fi = "Äitiysneuvola Lieksa"
name.sv = "Mödrarådgivning Lieksa"
summary.fi = "Raskauden seuranta."
description = { fi = "Terveydenhoitaja tapaa perhettä.", en = "A nurse meets the family." }
ages = [-1, 0]
languages = ["fi", "sv"]
cost = "free"
areas = ["422", "county:14"]
last_checked = 2026-10-01
source = "https://www.siunsote.fi/neuvola"
machine_translated = ["en"]

[[service.delivery]]
channel = "in_person"
address = { street.fi = "Esimerkkikatu 1", postcode = "81700", post_office.fi = "Lieksa", municipality = "422" }
location = [63.315, 30.03]
hours = "Mo-Fr 08:00-16:00; PH off"
phones = [{ number = "013 000 1234" }]
accessibility = ["step_free", "stroller"]
walk_in = true

[[service.delivery]]
channel = "phone"
phones = [{ number = "+358 13 000 1235", note.fi = "Ajanvaraus" }]
hours = "Mo-Th 09:00-11:00"

[[service]]
id = "chat-apu"
organisation = "esimerkki-ry"
type = "family_coaching"
name.fi = "Perhechat"
languages = ["fi", "ar"]
cost = "fee"
cost_text.fi = "5 € kerta"
access = "referral"
areas = ["nationwide"]
status = "temporarily_closed"
alert.fi = "Tauolla joulukuun."
last_checked = 2025-01-31

[[service.delivery]]
channel = "chat"
web = "https://chat.esimerkki.fi/"
booking = "https://chat.esimerkki.fi/varaa"
email = "chat@esimerkki.fi"
hours = "Mo-Fr 18:00-21:00; Dec 24-26 off"
"#;

fn files(services: &str) -> Vec<SourceFile> {
    vec![
        SourceFile {
            path: MUNICIPALITIES_FILE.into(),
            text: MUNIS.into(),
        },
        SourceFile {
            path: SERVICE_TYPES_FILE.into(),
            text: TYPES.into(),
        },
        SourceFile {
            path: ORGS_FILE.into(),
            text: ORGS.into(),
        },
        SourceFile {
            path: SERVICES_FILE.into(),
            text: services.into(),
        },
    ]
}

fn compile(services: &str) -> Result<(Catalogue, Report), Vec<Problem>> {
    source::compile(&files(services), "2026-11-23T12:00:00Z", TODAY)
}

/// The seed catalogue, compiled once: all reference municipalities, counties and service types,
/// plus the seed's services.
static CAT: LazyLock<Catalogue> = LazyLock::new(|| match compile(SEED) {
    Ok((cat, _)) => cat,
    Err(p) => panic!("the seed catalogue must compile: {p:#?}"),
});

/// A fixed seed unless the environment asks for another, so CI runs the same cases every time;
/// no regression files are written beside the sources.
fn config(cases: u32) -> ProptestConfig {
    let from_env = ProptestConfig::default();
    ProptestConfig {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            from_env.cases
        } else {
            cases
        },
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            from_env.rng_seed
        } else {
            RngSeed::Fixed(0x0009_2026)
        },
        failure_persistence: None,
        ..from_env
    }
}

/// Strings of every kind: printable, control characters, lone combining marks, empty.
fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => any::<String>(),
        2 => proptest::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => "[ \t\r\n,;#=\\[\\]{}\"'.\\\\]{0,8}",
    ]
    .boxed()
}

/// A TOML basic string holding exactly `s`: the generators must write well-formed TOML, so a
/// problem is the validator's finding, not a quoting slip of the test.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML float for any f64, the special values included.
fn toml_f64(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else {
        format!("{x:?}")
    }
}

fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

/// Every problem names the services file (the only one that varies), says something, and points
/// at a line inside it; line 0 is kept for problems about a whole file, which name no record.
fn check_problems(problems: &[Problem], given: &[SourceFile]) -> Result<(), TestCaseError> {
    prop_assert!(!problems.is_empty(), "Err with no problem at all");
    for p in problems {
        prop_assert!(
            !p.message.trim().is_empty(),
            "problem without a message: {p:?}"
        );
        prop_assert!(!p.file.is_empty(), "problem without a file: {p:?}");
        // Only the services file varies; the others are valid, so nothing may be blamed on them.
        prop_assert_eq!(
            &p.file,
            SERVICES_FILE,
            "problem blamed on a valid file: {:?}",
            p
        );
        let f = given
            .iter()
            .find(|f| f.path == p.file)
            .expect("the services file is given");
        prop_assert!(
            p.line <= line_count(&f.text),
            "line {} is past the end of {} ({} lines): {p:?}",
            p.line,
            p.file,
            line_count(&f.text)
        );
        prop_assert!(
            p.line >= 1 || p.place.is_empty(),
            "line 0 on a record-level problem: {p:?}"
        );
    }
    Ok(())
}

/// How many `[[service]]` records (and their delivery points) the text holds, counted by the TOML
/// parser alone: the independent tally that compile's report must match.
fn tally(services: &str) -> Option<(usize, usize)> {
    let table: toml::Table = toml::from_str(services).ok()?;
    let Some(list) = table.get("service") else {
        return Some((0, 0));
    };
    let list = list.as_array()?;
    let points = list
        .iter()
        .map(|s| {
            s.get("delivery")
                .and_then(|d| d.as_array())
                .map_or(0, Vec::len)
        })
        .sum();
    Some((list.len(), points))
}

// ---------------------------------------------------------------------------------------------
// 1. Catalogue source: arbitrary text
// ---------------------------------------------------------------------------------------------

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
struct GenService {
    id: String,
    name_fi: String,
    points: usize,
    toml: String,
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

fn catalogue_records() -> impl Strategy<Value = (bool, Vec<GenService>)> {
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

// ---------------------------------------------------------------------------------------------
// 2. Opening hours
// ---------------------------------------------------------------------------------------------

const HOURS_TOKENS: [&str; 24] = [
    "Mo", "-", "Fr", " ", "08:00", "24:00", ";", ",", "off", "PH", "Jan", "week", "1", "/", "[",
    "]", "+", "\"", "24/7", "||", "easter", "sunrise", "(", ")",
];

/// Expressions built from the grammar's pieces: many parse, many nearly do.
fn hours_expr() -> BoxedStrategy<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 9] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH", "SH"];
    let time = (0..=48u32, 0..=60u32).prop_map(|(h, m)| format!("{h:02}:{m:02}"));
    let year = prop_oneof![
        (1900..2200u32).prop_map(|y| y.to_string()),
        (1990..2110u32, 1990..2110u32).prop_map(|(a, b)| format!("{a}-{b}")),
        (1990..2110u32, 1..5u32).prop_map(|(a, s)| format!("{a}-2099/{s}")),
    ];
    let month = (
        select(MONTHS.to_vec()),
        proptest::option::of(0..=32u32),
        proptest::option::of(select(MONTHS.to_vec())),
    )
        .prop_map(|(m, d, m2)| match (d, m2) {
            (None, None) => m.to_string(),
            (None, Some(m2)) => format!("{m}-{m2}"),
            (Some(d), None) => format!("{m} {d}"),
            (Some(d), Some(m2)) => format!("{m} {d}-{m2} {d}"),
        });
    let week =
        (0..=54u32, 0..=54u32, proptest::option::of(1..4u32)).prop_map(|(a, b, s)| match s {
            Some(s) => format!("week {a}-{b}/{s}"),
            None => format!("week {a}-{b}"),
        });
    let weekdays = proptest::collection::vec(
        prop_oneof![
            select(DAYS.to_vec()).prop_map(String::from),
            (select(DAYS.to_vec()), select(DAYS.to_vec())).prop_map(|(a, b)| format!("{a}-{b}")),
            (select(DAYS[..7].to_vec()), -6..=6i32).prop_map(|(a, n)| format!("{a}[{n}]")),
        ],
        1..3,
    )
    .prop_map(|d| d.join(","));
    let times = proptest::collection::vec(
        prop_oneof![
            4 => (time.clone(), time.clone()).prop_map(|(a, b)| format!("{a}-{b}")),
            1 => time.clone().prop_map(|a| format!("{a}+")),
            1 => Just("sunrise-sunset".to_string()),
            1 => (time.clone()).prop_map(|b| format!("(sunrise-01:00)-{b}")),
            1 => (time.clone(), time.clone(), 1..120u32).prop_map(|(a, b, p)| format!("{a}-{b}/{p}")),
        ],
        1..3,
    )
    .prop_map(|t| t.join(","));
    let modifier = select(vec![
        "",
        " off",
        " closed",
        " open",
        " unknown",
        " \"ajanvaraus\"",
        " unknown \"x\"",
        " || ",
    ]);
    let rule = (
        proptest::option::of(year),
        proptest::option::of(prop_oneof![
            month,
            Just("easter".to_string()),
            Just("easter +1 day".to_string())
        ]),
        proptest::option::of(week),
        proptest::option::of(weekdays),
        proptest::option::of(times),
        modifier,
    )
        .prop_map(|(y, m, w, d, t, modi)| {
            let parts: Vec<String> = [y, m, w, d, t].into_iter().flatten().collect();
            format!("{}{modi}", parts.join(" "))
        });
    let rules =
        proptest::collection::vec((rule, select(vec!["; ", ", ", " || "])), 1..4).prop_map(|rs| {
            let mut out = String::new();
            for (i, (r, sep)) in rs.iter().enumerate() {
                if i > 0 {
                    out += sep;
                }
                out += r;
            }
            out
        });
    prop_oneof![
        6 => rules,
        1 => Just("24/7".to_string()),
        1 => proptest::collection::vec(select(HOURS_TOKENS.to_vec()), 0..14)
            .prop_map(|t| t.concat()),
    ]
    .boxed()
}

/// Any date in 2000–2099, the years the holiday calendar covers.
fn date_2000s() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    (0..=(end - start).num_days()).prop_map(move |d| start + TimeDelta::days(d))
}

fn datetime_2000s() -> impl Strategy<Value = NaiveDateTime> {
    (date_2000s(), 0..86_400u32)
        .prop_map(|(d, s)| d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap()))
}

fn check_hours(h: &Schedule, now: NaiveDateTime, day: NaiveDate) -> Result<(), TestCaseError> {
    match h.state(now) {
        // A change reported in the past (or now) would read "closes at 10.00" at 10.00.
        OpenState::Open { closes: Some(t) } => prop_assert!(t > now, "closes {t} not after {now}"),
        OpenState::Closed { opens: Some(t) } => prop_assert!(t > now, "opens {t} not after {now}"),
        _ => {}
    }
    let week = h.week(day);
    prop_assert_eq!(week.len(), 7);
    let midnight = NaiveTime::MIN;
    for (i, d) in week.iter().enumerate() {
        prop_assert_eq!(d.date, day + TimeDelta::days(i as i64));
        for &(start, end) in &d.intervals {
            prop_assert!(
                start < end || end == midnight,
                "{}: interval {start}-{end} runs backwards",
                d.date
            );
        }
        for pair in d.intervals.windows(2) {
            let ((_, end), (next, _)) = (pair[0], pair[1]);
            // Only the day's last interval may run to midnight; the rest are in order, apart.
            prop_assert!(
                end != midnight && end <= next,
                "{}: intervals out of order {:?}",
                d.date,
                d.intervals
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn hours_parse_never_panics_on_any_string(s in any_text()) {
        let _ = Expression::parse(&s);
    }

    /// Any expression compiles to a schedule that reads without panic and answers "open now?"
    /// exactly as the evaluator does. The window is short to keep the cases fast, but long
    /// enough for the look-ahead.
    #[test]
    fn compiled_hours_agree_with_the_evaluator_at_any_moment(expr in hours_expr(), now in datetime_2000s(), offset in 0..20i64) {
        if let Ok(e) = Expression::parse(&expr) {
            let first = now.date() - TimeDelta::days(3);
            let schedule = e.schedule(first, 40);
            prop_assert_eq!(schedule.state(now), e.state(now), "{} at {}", expr, now);
            check_hours(&schedule, now, first + TimeDelta::days(offset))?;
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Hours the catalogue check accepts must be hours the app can evaluate, or a delivery point
    /// would silently lose its opening times in the app; and the check must not refuse hours the
    /// app reads.
    #[test]
    fn compiler_and_app_agree_on_hours(expr in hours_expr()) {
        let text = SEED.replacen("\"Mo-Th 09:00-11:00\"", &toml_str(&expr), 1);
        let compiled = compile(&text);
        let readable = Expression::parse(&expr).is_ok();
        prop_assert_eq!(compiled.is_ok(), readable, "compiler accepts: {}, evaluator reads: {}", compiled.is_ok(), readable);
        if let Ok((cat, _)) = compiled {
            prop_assert!(cat.schedule(&expr).is_some(), "no schedule compiled for {}", expr);
            // And the app's decoder takes the schedules the compiler writes.
            let back = asset::decode(&asset::encode(&cat));
            prop_assert_eq!(back.as_ref(), Ok(&cat));
        }
    }
}

#[test]
fn hours_properties_hit_parseable_expressions() {
    // The grammar generator is only useful if most of its output parses; check it does.
    let mut runner = TestRunner::new(config(200));
    let parsed = Cell::new(0);
    runner
        .run(&hours_expr(), |e| {
            parsed.set(parsed.get() + usize::from(Expression::parse(&e).is_ok()));
            Ok(())
        })
        .unwrap();
    assert!(
        parsed.get() > 40,
        "only {} of 200 generated expressions parsed",
        parsed.get()
    );
}

// ---------------------------------------------------------------------------------------------
// 3. URL state
// ---------------------------------------------------------------------------------------------

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

fn param_key() -> BoxedStrategy<String> {
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

fn is_flag(v: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// 4. Embed and kiosk configuration
// ---------------------------------------------------------------------------------------------

/// WCAG 2 contrast, written out here rather than borrowed from the code under test.
fn contrast_with_white(r: u8, g: u8, b: u8) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    1.05 / (l + 0.05)
}

/// `#rgb` / `#rrggbb` in any letter case, parsed independently of `config::parse_hex_colour`.
fn hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize, w: usize| {
        u8::from_str_radix(&hex[i..i + w], 16)
            .ok()
            .map(|v| if w == 1 { v * 17 } else { v })
    };
    match hex.len() {
        3 => Some((byte(0, 1)?, byte(1, 1)?, byte(2, 1)?)),
        6 => Some((byte(0, 2)?, byte(2, 2)?, byte(4, 2)?)),
        _ => None,
    }
}

fn colour() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (any::<[u8; 3]>(), any::<bool>()).prop_map(|([r, g, b], upper)| {
            let s = format!("#{r:02x}{g:02x}{b:02x}");
            if upper { s.to_uppercase() } else { s }
        }),
        1 => "#[0-9a-fA-F]{3}",
        1 => "#?[0-9a-fA-FxX]{0,8}",
        1 => any_text(),
    ]
    .boxed()
}

const CONFIG_WORDS: [&str; 19] = [
    "app",
    "widget",
    "kiosk",
    "popup",
    "App",
    "new-tab",
    "1",
    "0",
    "true",
    "no",
    "maybe",
    "5",
    "4",
    "3600",
    "3601",
    "+60",
    " 60",
    "",
    "lieksa-neuvola",
];

fn config_value() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(CONFIG_WORDS.to_vec()).prop_map(String::from),
        2 => colour(),
        1 => any::<u32>().prop_map(|n| n.to_string()),
        1 => any_text(),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(256))]

    /// Each configuration pair is applied or reported, never both and never neither; the result
    /// holds the last accepted value of each setting, and an accent is only ever accepted with a
    /// contrast of at least 4.5:1 against white text.
    #[test]
    fn config_values_are_applied_or_reported(pairs in proptest::collection::vec(
        (prop_oneof![4 => select(CONFIG_PARAMS.to_vec()).prop_map(String::from), 1 => param_key()], config_value()),
        0..8,
    )) {
        let (c, problems) = Config::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut want = Config::default();
        let mut expected: Vec<(String, String)> = Vec::new();
        for (k, v) in &pairs {
            let (k, v) = (k.as_str(), v.as_str());
            let ok = match k {
                "mode" => match v {
                    "app" => { want.mode = Mode::App; true }
                    "widget" => { want.mode = Mode::Widget; true }
                    "kiosk" => { want.mode = Mode::Kiosk; true }
                    _ => false,
                },
                "compact" | "header" => {
                    let on = matches!(v, "1" | "true" | "yes");
                    if is_flag(v) {
                        if k == "compact" { want.compact = on } else { want.header = on }
                    }
                    is_flag(v)
                }
                "accent" => match hex_colour(v) {
                    Some((r, g, b)) if contrast_with_white(r, g, b) >= 4.5 => {
                        want.accent = Some(format!("#{r:02x}{g:02x}{b:02x}"));
                        true
                    }
                    _ => false,
                },
                "links" => match v {
                    "widget" => { want.links = LinkTarget::Widget; true }
                    "new-tab" => { want.links = LinkTarget::NewTab; true }
                    _ => false,
                },
                "idle" => match v.parse::<u32>() {
                    Ok(s) if (5..=3600).contains(&s) => { want.idle_seconds = s; true }
                    _ => false,
                },
                "place" => { want.place = Some(v.to_string()); true }
                // Not configuration: the query reads (and reports) it.
                _ => true,
            };
            if !ok {
                expected.push((k.to_string(), v.to_string()));
            }
        }
        let seen: Vec<(String, String)> = problems.iter().map(|p| (p.param.clone(), p.value.clone())).collect();
        prop_assert_eq!(seen, expected);
        prop_assert_eq!(&c, &want);
        if let Some(a) = &c.accent {
            let (r, g, b) = hex_colour(a).unwrap();
            prop_assert!(contrast_with_white(r, g, b) >= 4.5, "accent {} lacks contrast", a);
        }
    }
}

#[test]
fn every_short_accent_is_judged_by_contrast() {
    // All 4096 #rgb colours, exhaustively: accepted exactly when white text on them reaches 4.5:1.
    for n in 0..4096u32 {
        let s = format!("#{:03x}", n);
        let (c, problems) = Config::from_params([("accent", s.as_str())]);
        let (r, g, b) = hex_colour(&s).unwrap();
        let enough = contrast_with_white(r, g, b) >= 4.5;
        assert_eq!(c.accent.is_some(), enough, "{s}");
        assert_eq!(problems.len(), usize::from(!enough), "{s}: {problems:?}");
        if !enough {
            assert!(
                problems[0].problem.contains("contrast"),
                "{s}: {problems:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Compiled asset
// ---------------------------------------------------------------------------------------------

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(CAT.clone()));

static ENCODED: LazyLock<Vec<u8>> = LazyLock::new(|| asset::encode(&CAT));

/// Magic, format version, body length and CRC-32.
const HEADER_LEN: usize = 14;

fn with_valid_header(body: &[u8]) -> Vec<u8> {
    let mut bytes = b"PHOP".to_vec();
    bytes.extend_from_slice(&asset::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

/// The tests below build files by hand; if the header changed they would only ever test its
/// refusal, so they first prove they make what the real writer makes.
#[test]
fn the_hand_made_header_is_the_real_one() {
    assert_eq!(with_valid_header(&ENCODED[HEADER_LEN..]), *ENCODED);
}

/// Moments to ask the hours about: a weekday and a holiday near the seed's build date, and a
/// day past every compiled window.
fn moments() -> [NaiveDateTime; 3] {
    let at = |d: &str| NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M").expect("valid moment");
    [
        at("2026-11-24 12:00"),
        at("2026-12-06 09:30"),
        at("2031-01-01 00:00"),
    ]
}

/// What the app does with a catalogue it has decoded, done natively because the UI crate only
/// builds for Wasm: the engine built, the finder's queries run both ways of counting, and every
/// accessor the views call walked for every service, county and municipality (result cards,
/// service pages, the filter panel, contact points, the coverage page, the map, the kiosk's
/// "you are here", the saved list). In the browser a bad number here aborts the app
/// (`panic = "abort"`) and leaves a blank page; here it fails the test.
fn use_like_the_app(cat: Catalogue) -> Result<(), TestCaseError> {
    let engine = Engine::new(cat);
    let cat = &engine.catalogue;
    let [now, ..] = moments();
    let open = engine.open_at(now);
    prop_assert_eq!(open.len(), cat.services.len());

    // The finder: no search, text searches, and each filter value on its own.
    let q = Query::default;
    let mut queries = vec![
        q(),
        Query {
            text: "neuvola".into(),
            ..q()
        },
        Query {
            text: "a".into(),
            ..q()
        },
    ];
    queries.extend(Level::ALL.map(|l| Query {
        levels: vec![l],
        ..q()
    }));
    queries.extend(cat.categories().into_iter().map(|c| Query {
        categories: vec![c.into()],
        ..q()
    }));
    queries.extend(cat.counties.iter().map(|c| Query {
        counties: vec![c.code.clone()],
        ..q()
    }));
    // Municipalities are many: those named by a service, and a few others.
    let named = cat.services.iter().flat_map(|s| {
        let places = s
            .delivery
            .iter()
            .filter_map(|d| d.address.as_ref().map(|a| a.municipality));
        s.areas
            .municipalities
            .iter()
            .copied()
            .chain(places)
            .collect::<Vec<_>>()
    });
    let municipalities = named
        .chain(0..3)
        .filter_map(|m| cat.municipalities.get(usize::from(m)));
    queries.extend(municipalities.map(|m| Query {
        municipalities: vec![m.code.clone()],
        ..q()
    }));
    queries.extend(filter::AGE_BANDS.map(|a| Query {
        age: Some(a),
        ..q()
    }));
    queries.extend(engine.languages().iter().map(|l| Query {
        languages: vec![l.clone()],
        ..q()
    }));
    queries.extend([
        Query { free: true, ..q() },
        Query {
            contact_self: true,
            ..q()
        },
        Query {
            open_now: true,
            ..q()
        },
    ]);
    queries.extend(OrgKind::ALL.map(|k| Query {
        providers: vec![k],
        ..q()
    }));
    queries.extend(Channel::ALL.map(|c| Query {
        channels: vec![c],
        ..q()
    }));
    queries.extend(Accessibility::ALL.map(|a| Query {
        features: vec![a],
        ..q()
    }));
    for query in &queries {
        let by_document = engine.run_with(query, Some(&open), Counting::PerDocument);
        let by_sets = engine.run_with(query, Some(&open), Counting::Sets);
        prop_assert!(by_document
            .hits
            .iter()
            .all(|&h| (h as usize) < cat.services.len()));
        prop_assert_eq!(by_document, by_sets);
    }
    for moment in moments() {
        prop_assert_eq!(engine.open_at(moment).len(), cat.services.len());
    }

    // The filter panel and the embed page: places with services, grouped by county, with counts.
    let results = engine.run(&q(), Some(&open));
    let (counties, municipalities) = cat.places_with_services();
    for &c in &counties {
        let _ = (&cat.counties[c as usize].name, results.counties[c as usize]);
        for &m in municipalities
            .iter()
            .filter(|&&m| cat.municipalities[m as usize].county == c)
        {
            let _ = (
                &cat.municipalities[m as usize].name,
                results.municipalities[m as usize],
            );
        }
    }
    // Contact points (a municipality's county, and its hours), the coverage page, the chips.
    for m in &cat.municipalities {
        let county = &cat.counties[m.county as usize];
        if let Some(hours) = county.contact.as_ref().and_then(|c| c.hours.as_deref()) {
            show_hours(cat, hours)?;
        }
        prop_assert!(cat.municipality_by_code(&m.code).is_some());
    }
    for c in &cat.counties {
        let table = perheopas_core::coverage::coverage(cat, &c.code, &[], &[]);
        prop_assert_eq!(table.counts.len(), table.rows.len() * table.columns.len());
        let _ = cat.county_by_code(&c.code).map(|i| &cat.counties[i].name);
    }

    // Every service as a result card, a service page and an entry of the saved list.
    for (i, s) in cat.services.iter().enumerate() {
        // A link or a saved entry names the service by id: it must lead to this service.
        prop_assert_eq!(
            cat.service_by_id(&s.id).map(|(j, _)| j),
            Some(i),
            "id {:?} leads elsewhere",
            s.id
        );
        let _ = (
            cat.level(s),
            &cat.service_type(s).name,
            &cat.organisation(s).name,
        );
        for lang in Lang::ALL {
            let _ = cat.place_name(s, lang);
        }
        for d in &s.delivery {
            if let Some(a) = &d.address {
                // The delivery card's municipality and the kiosk's "you are here".
                let _ = (
                    &cat.municipalities[a.municipality as usize].name,
                    &cat.municipalities[a.municipality as usize].code,
                );
            }
            if let Some(hours) = d.hours.as_deref() {
                show_hours(cat, hours)?;
            }
        }
        for m in 0..cat.municipalities.len() as u16 {
            let _ = cat.serves(s, m);
        }
    }

    // The map: markers of every service, nearest first from a point, the nearest municipality.
    let mut all: Vec<u32> = (0..cat.services.len() as u32).collect();
    let (markers, _) = perheopas_core::map::locate::service_markers(cat, &all);
    for (id, _, _) in markers {
        let _ = &cat.services[id.service as usize].delivery[usize::from(id.delivery)];
    }
    perheopas_core::map::locate::sort_by_distance(cat, &mut all, (62.6, 29.76));
    if let Some(near) = perheopas_core::map::locate::nearest_centre(cat, (62.6, 29.76)) {
        let _ = &cat.municipalities[near.municipality as usize].name;
    }
    Ok(())
}

/// An opening-hours line and week table, as the views draw them: the catalogue holds a
/// schedule for every expression it contains, or the place silently shows no hours.
fn show_hours(cat: &Catalogue, hours: &str) -> Result<(), TestCaseError> {
    let schedule = cat.schedule(hours);
    prop_assert!(
        schedule.is_some(),
        "hours {:?} have no compiled schedule",
        hours
    );
    let schedule = schedule.unwrap();
    for now in moments() {
        let state = schedule.state(now);
        for lang in Lang::ALL {
            let _ = perheopas_core::hours::describe(&state, now, lang);
        }
        let _ = schedule.week(now.date());
    }
    Ok(())
}

/// The references [`alter`] can break.
#[derive(Clone, Copy, Debug)]
enum Reference {
    Organisation,
    ServiceType,
    AreaCounty,
    AreaMunicipality,
    AddressMunicipality,
    MunicipalityCounty,
    PlaceHours,
    ContactHours,
    ScheduleOrder,
    ScheduleWeekDay,
    ScheduleException,
    ScheduleWindow,
    ServiceId,
    CountyCode,
    MunicipalityCode,
    ServiceTypeId,
}

const REFERENCES: [Reference; 16] = [
    Reference::Organisation,
    Reference::ServiceType,
    Reference::AreaCounty,
    Reference::AreaMunicipality,
    Reference::AddressMunicipality,
    Reference::MunicipalityCounty,
    Reference::PlaceHours,
    Reference::ContactHours,
    Reference::ScheduleOrder,
    Reference::ScheduleWeekDay,
    Reference::ScheduleException,
    Reference::ScheduleWindow,
    Reference::ServiceId,
    Reference::CountyCode,
    Reference::MunicipalityCode,
    Reference::ServiceTypeId,
];

/// One reference of the seed catalogue set to a number in range (`beyond` false), or to one
/// `past` beyond the end of its list.
#[derive(Clone, Debug)]
struct Alteration {
    what: Reference,
    at: Index,
    value: Index,
    beyond: bool,
    past: u16,
}

fn alteration() -> impl Strategy<Value = Alteration> {
    (
        select(REFERENCES.to_vec()),
        any::<Index>(),
        any::<Index>(),
        any::<bool>(),
        0..1000u16,
    )
        .prop_map(|(what, at, value, beyond, past)| Alteration {
            what,
            at,
            value,
            beyond,
            past,
        })
}

/// The altered catalogue, and whether it is broken (an alteration with nothing to act on in the
/// seed, such as a schedule without exceptions, leaves it whole).
fn alter(seed: &Catalogue, a: &Alteration) -> (Catalogue, bool) {
    let mut cat = seed.clone();
    // A number for a list of `len`: in range, or `past` beyond its end.
    let number = |len: usize| {
        if a.beyond {
            len + usize::from(a.past)
        } else {
            a.value.index(len.max(1))
        }
    };
    let services = cat.services.len();
    let changed = match a.what {
        Reference::Organisation => {
            cat.services[a.at.index(services)].organisation =
                number(cat.organisations.len()) as u32;
            true
        }
        Reference::ServiceType => {
            cat.services[a.at.index(services)].service_type =
                number(cat.service_types.len()) as u16;
            true
        }
        Reference::AreaCounty => {
            let c = number(cat.counties.len()) as u16;
            cat.services[a.at.index(services)].areas.counties.push(c);
            true
        }
        Reference::AreaMunicipality => {
            let m = number(cat.municipalities.len()) as u16;
            cat.services[a.at.index(services)]
                .areas
                .municipalities
                .push(m);
            true
        }
        Reference::AddressMunicipality => {
            let m = number(cat.municipalities.len()) as u16;
            let mut addresses: Vec<_> = cat
                .services
                .iter_mut()
                .flat_map(|s| &mut s.delivery)
                .filter_map(|d| d.address.as_mut())
                .collect();
            let n = addresses.len();
            n > 0 && {
                addresses[a.at.index(n)].municipality = m;
                true
            }
        }
        Reference::MunicipalityCounty => {
            let c = number(cat.counties.len()) as u16;
            let n = cat.municipalities.len();
            cat.municipalities[a.at.index(n)].county = c;
            true
        }
        Reference::PlaceHours | Reference::ContactHours => {
            // In range: another expression the catalogue compiled; beyond: one it did not.
            let hours = if a.beyond {
                format!("Mo {:02}:00-23:00 uncompiled", a.past % 23)
            } else {
                cat.schedules[a.value.index(cat.schedules.len())].0.clone()
            };
            match a.what {
                Reference::PlaceHours => {
                    let mut places: Vec<_> = cat
                        .services
                        .iter_mut()
                        .flat_map(|s| &mut s.delivery)
                        .collect();
                    let n = places.len();
                    places[a.at.index(n)].hours = Some(hours);
                }
                _ => {
                    let mut contacts: Vec<_> = cat
                        .counties
                        .iter_mut()
                        .filter_map(|c| c.contact.as_mut())
                        .collect();
                    let n = contacts.len();
                    contacts[a.at.index(n)].hours = Some(hours);
                }
            }
            true
        }
        Reference::ScheduleOrder => {
            // Binary search needs them sorted and distinct: two swapped, or one given twice.
            let i = a.at.index(cat.schedules.len() - 1);
            if a.beyond && a.past.is_multiple_of(2) {
                cat.schedules.swap(i, i + 1);
            } else if a.beyond {
                let twice = cat.schedules[i].clone();
                cat.schedules.insert(i, twice);
            }
            a.beyond
        }
        Reference::ScheduleWeekDay | Reference::ScheduleException => {
            let n = cat.schedules.len();
            let schedule = &mut cat.schedules[a.at.index(n)].1;
            let day = number(schedule.days.len()) as u16;
            match a.what {
                Reference::ScheduleWeekDay => {
                    schedule.week[usize::from(a.past % 7)] = day;
                    true
                }
                _ => {
                    let n = schedule.exceptions.len();
                    n > 0 && {
                        schedule.exceptions[usize::from(a.past) % n].1 = day;
                        true
                    }
                }
            }
        }
        Reference::ScheduleWindow => {
            // Past the dates the app can step through: day arithmetic on it would overflow.
            let n = cat.schedules.len();
            let schedule = &mut cat.schedules[a.at.index(n)].1;
            if a.beyond {
                schedule.first = if a.past.is_multiple_of(2) {
                    i32::MIN + i32::from(a.past)
                } else {
                    i32::MAX - i32::from(a.past)
                };
            }
            a.beyond
        }
        Reference::ServiceId
        | Reference::CountyCode
        | Reference::MunicipalityCode
        | Reference::ServiceTypeId => {
            // Beyond: one record takes another's id, so links and lookups lead to the first.
            fn share(mut ids: Vec<&mut String>, at: Index, to: bool) -> bool {
                let n = ids.len();
                let (i, j) = (at.index(n), (at.index(n) + 1) % n);
                if to && i != j {
                    *ids[j] = ids[i].clone();
                }
                to && i != j
            }
            match a.what {
                Reference::ServiceId => share(
                    cat.services.iter_mut().map(|s| &mut s.id).collect(),
                    a.at,
                    a.beyond,
                ),
                Reference::CountyCode => share(
                    cat.counties.iter_mut().map(|c| &mut c.code).collect(),
                    a.at,
                    a.beyond,
                ),
                Reference::MunicipalityCode => share(
                    cat.municipalities.iter_mut().map(|m| &mut m.code).collect(),
                    a.at,
                    a.beyond,
                ),
                _ => share(
                    cat.service_types.iter_mut().map(|t| &mut t.id).collect(),
                    a.at,
                    a.beyond,
                ),
            }
        }
    };
    (cat, changed && a.beyond)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn decode_never_panics_and_refuses_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        // Random bytes essentially never start with the magic; they must all be refused.
        prop_assume!(!bytes.starts_with(b"PHOP"));
        prop_assert_eq!(asset::decode(&bytes), Err(DecodeError::NotACatalogue));
    }

    #[test]
    fn decode_refuses_a_right_header_with_a_random_body(body in proptest::collection::vec(any::<u8>(), 0..4096), claim in any::<bool>()) {
        // With the length right (or not), the checksum still has to match.
        let mut bytes = b"PHOP".to_vec();
        bytes.extend_from_slice(&asset::FORMAT_VERSION.to_le_bytes());
        let length = if claim { body.len() as u32 } else { body.len() as u32 ^ 1 };
        bytes.extend_from_slice(&length.to_le_bytes());
        bytes.extend_from_slice(&0u32.to_le_bytes());
        bytes.extend_from_slice(&body);
        prop_assert!(asset::decode(&bytes).is_err());
    }

    #[test]
    fn a_random_body_behind_a_valid_checksum_is_refused(body in proptest::collection::vec(any::<u8>(), 0..4096)) {
        // Past the header the records themselves are read: nonsense is an error, never a panic.
        prop_assert!(asset::decode(&with_valid_header(&body)).is_err());
    }

    #[test]
    fn changed_records_behind_a_valid_checksum_never_panic(flips in proptest::collection::vec((any::<Index>(), any::<u8>()), 1..8)) {
        // What a buggy writer could produce. A change inside a string may still read as a
        // catalogue; then it is a whole one, that writes and reads back the same.
        let mut body = ENCODED[HEADER_LEN..].to_vec();
        for (i, b) in flips {
            let at = i.index(body.len());
            body[at] = b;
        }
        if let Ok(cat) = asset::decode(&with_valid_header(&body)) {
            let again = asset::decode(&asset::encode(&cat));
            prop_assert_eq!(again.as_ref(), Ok(&cat));
            // And the app can use it: decoding is only the first step where a bad number bites.
            use_like_the_app(cat)?;
        }
    }

    #[test]
    fn a_corrupted_catalogue_is_refused(flips in proptest::collection::vec((any::<Index>(), any::<u8>()), 1..8)) {
        let mut bytes = ENCODED.clone();
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        // Any changed byte is caught by the header or the checksum, never read as records.
        prop_assume!(bytes != *ENCODED);
        prop_assert!(asset::decode(&bytes).is_err());
    }

    #[test]
    fn a_truncated_catalogue_is_refused(cut in any::<Index>()) {
        let bytes = &*ENCODED;
        let len = cut.index(bytes.len());
        prop_assert!(asset::decode(&bytes[..len]).is_err(), "cut at {} of {} bytes decoded", len, bytes.len());
    }

    #[test]
    fn a_truncated_random_catalogue_is_refused(records in catalogue_records(), cut in any::<Index>()) {
        let (_, records) = records;
        let text: String = records.iter().map(|r| r.toml.as_str()).collect();
        if let Ok((cat, _)) = compile(&text) {
            let bytes = asset::encode(&cat);
            let back = asset::decode(&bytes);
            prop_assert_eq!(back.as_ref(), Ok(&cat));
            let len = cut.index(bytes.len());
            prop_assert!(asset::decode(&bytes[..len]).is_err(), "cut at {} of {} bytes decoded", len, bytes.len());
        }
    }
}

proptest! {
    // Each case walks the whole app over the catalogue: fewer cases, still several per reference.
    #![proptest_config(config(128))]

    /// A catalogue whose bytes are exactly as written, checksum and all, but with one reference
    /// set to a number in range or past it: what a buggy writer makes. The decoder must refuse
    /// every broken one, naming it, and every file it accepts must be one the app can show.
    #[test]
    fn a_broken_reference_behind_a_valid_checksum_is_refused(alteration in alteration()) {
        let (cat, broken) = alter(&CAT, &alteration);
        // `encode` writes whatever it is given; only `decode` checks.
        match asset::decode(&asset::encode(&cat)) {
            Ok(back) => {
                // The app first: a broken number it meets is the crash the decoder must prevent.
                use_like_the_app(back)?;
                prop_assert!(!broken, "decoded a broken catalogue: {:?}", alteration);
            }
            Err(DecodeError::Corrupt(e)) => {
                prop_assert!(broken, "refused a whole catalogue ({:?}): {}", alteration, e);
                prop_assert!(e.starts_with("records: "), "{}", e);
            }
            Err(e) => prop_assert!(false, "{:?}: {}", alteration, e),
        }
    }
}

#[test]
fn every_cut_near_the_ends_of_a_catalogue_is_refused() {
    // The header, the first records and the last fields are where an off-by-one would hide.
    let bytes = &*ENCODED;
    assert_eq!(asset::decode(bytes).as_ref(), Ok(&*CAT));
    let ends = (0..bytes.len().min(512)).chain(bytes.len().saturating_sub(512)..bytes.len());
    for len in ends {
        assert!(
            asset::decode(&bytes[..len]).is_err(),
            "cut at {len} of {} bytes decoded",
            bytes.len()
        );
    }
}
