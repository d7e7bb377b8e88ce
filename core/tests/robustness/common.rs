//! Shared fixtures: the seed catalogue, its compiled form, proptest settings and the checks every
//! area uses.

use std::sync::LazyLock;

use perheopas_core::facets::Engine;
use perheopas_core::source::{
    self, Problem, Report, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE,
};
use perheopas_core::Catalogue;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

pub(crate) const MUNIS: &str = include_str!("../../../data/reference/municipalities.csv");
pub(crate) const TYPES: &str = include_str!("../../../data/reference/service_types.csv");
pub(crate) const ORGS_FILE: &str = "organisations.toml";
pub(crate) const SERVICES_FILE: &str = "services/test.toml";
/// Far enough ahead that no generated `last_checked` date trips the "in the future" rule by
/// accident; the wild generator writes later dates on purpose.
pub(crate) const TODAY: &str = "2026-11-23";

pub(crate) const ORGS: &str = r#"
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
pub(crate) const SEED: &str = r#"
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

pub(crate) fn files(services: &str) -> Vec<SourceFile> {
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

pub(crate) fn compile(services: &str) -> Result<(Catalogue, Report), Vec<Problem>> {
    source::compile(&files(services), "2026-11-23T12:00:00Z", TODAY)
}

/// The seed catalogue, compiled once: all reference municipalities, counties and service types,
/// plus the seed's services.
pub(crate) static CAT: LazyLock<Catalogue> = LazyLock::new(|| match compile(SEED) {
    Ok((cat, _)) => cat,
    Err(p) => panic!("the seed catalogue must compile: {p:#?}"),
});

/// A fixed seed unless the environment asks for another, so CI runs the same cases every time;
/// no regression files are written beside the sources.
pub(crate) fn config(cases: u32) -> ProptestConfig {
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
pub(crate) fn any_text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => any::<String>(),
        2 => proptest::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter),
        1 => "[ \t\r\n,;#=\\[\\]{}\"'.\\\\]{0,8}",
    ]
    .boxed()
}

/// A TOML basic string holding exactly `s`: the generators must write well-formed TOML, so a
/// problem is the validator's finding, not a quoting slip of the test.
pub(crate) fn toml_str(s: &str) -> String {
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
pub(crate) fn toml_f64(x: f64) -> String {
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

pub(crate) fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

/// Every problem names the services file (the only one that varies), says something, and points
/// at a line inside it; line 0 is kept for problems about a whole file, which name no record.
pub(crate) fn check_problems(
    problems: &[Problem],
    given: &[SourceFile],
) -> Result<(), TestCaseError> {
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
pub(crate) fn tally(services: &str) -> Option<(usize, usize)> {
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

/// The engine over the seed catalogue, as the app builds it.
pub(crate) static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(CAT.clone()));
