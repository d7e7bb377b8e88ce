//! Each validation rule, proven on a small in-memory catalogue built on the real reference tables.

use super::*;

const MUNIS: &str = include_str!("../../../data/reference/municipalities.csv");
const TYPES: &str = include_str!("../../../data/reference/service_types.csv");

const ORGS: &str = r#"
[catalogue]
sample = true

[[organisation]]
id = "siun-sote"
kind = "wellbeing_county"
name.fi = "Pohjois-Karjalan hyvinvointialue Siun sote"
website = "https://www.siunsote.fi"

[[county]]
code = "14"
contact.name.fi = "Perheneuvo"
contact.phone = "013 000 0100"
"#;

const GOOD: &str = r#"
[[service]]
id = "lieksa-neuvola"
organisation = "siun-sote"
type = "maternity_clinic"
name.fi = "Äitiysneuvola Lieksa"
name.sv = "Mödrarådgivning Lieksa"
summary.fi = "Raskauden seuranta."
languages = ["fi"]
cost = "free"
areas = ["422"]
last_checked = 2026-10-01

[[service.delivery]]
channel = "in_person"
address = { street.fi = "Esimerkkikatu 1", postcode = "81700", post_office.fi = "Lieksa", municipality = "422" }
location = [63.315, 30.03]
hours = "Mo-Fr 08:00-16:00; PH off"
phones = [{ number = "013 000 1234" }]
accessibility = ["step_free", "stroller"]

[[service.delivery]]
channel = "phone"
phones = [{ number = "+358 13 000 1235", note.fi = "Ajanvaraus" }]
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
            path: "organisations.toml".into(),
            text: ORGS.into(),
        },
        SourceFile {
            path: "services/lieksa.toml".into(),
            text: services.into(),
        },
    ]
}

fn problems(services: &str) -> Vec<Problem> {
    match compile(&files(services), "2026-11-23T12:00:00Z", "2026-11-23") {
        Ok(_) => panic!("the catalogue should have failed to compile"),
        Err(p) => p,
    }
}

/// Replaces the first `from` in the good service with `to`.
fn broken(from: &str, to: &str) -> String {
    assert!(GOOD.contains(from), "fixture lacks {from}");
    GOOD.replacen(from, to, 1)
}

fn one(services: &str) -> Problem {
    let p = problems(services);
    assert_eq!(p.len(), 1, "expected one problem, got {p:#?}");
    p.into_iter().next().unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn good_catalogue_compiles_and_counts_match() {
    let (cat, report) = compile(&files(GOOD), "2026-11-23T12:00:00Z", "2026-11-23").unwrap();
    assert!(cat.sample);
    assert_eq!(report.services_read, 1);
    assert_eq!(report.services_written, 1);
    assert_eq!(report.delivery_points_read, 2);
    assert_eq!(report.delivery_points_written, 2);
    assert_eq!(report.service_types, 59);
    assert_eq!(report.municipalities, 308);
    let s = &cat.services[0];
    assert_eq!(cat.level(s), Level::Universal);
    assert_eq!(
        s.access,
        Access::None,
        "access defaults to the service type's"
    );
    assert_eq!((s.age_min, s.age_max), (-1.0, 0.0));
    let a = s.delivery[0].address.as_ref().unwrap();
    assert_eq!(
        cat.municipalities[a.municipality as usize].name.fi,
        "Lieksa"
    );
    assert_eq!(
        s.delivery[0].accessibility,
        [Accessibility::StepFree, Accessibility::Stroller]
    );
    let county = &cat.counties[cat.county_by_code("14").unwrap()];
    assert_eq!(
        county.contact.as_ref().unwrap().phone.as_deref(),
        Some("013 000 0100")
    );
    assert_eq!(
        cat.municipalities[cat.municipality_by_code("422").unwrap()].county as usize,
        cat.county_by_code("14").unwrap()
    );
}

#[test]
fn unknown_service_type() {
    let text = broken("type = \"maternity_clinic\"", "type = \"maternity_clnic\"");
    let p = one(&text);
    assert_eq!(
        (p.file.as_str(), p.line),
        ("services/lieksa.toml", line_of(&text, "type ="))
    );
    assert_eq!(p.place, "service \"lieksa-neuvola\" type");
    assert!(p
        .message
        .contains("unknown service type \"maternity_clnic\""));
}

#[test]
fn missing_finnish_name() {
    let text = broken("name.fi = \"Äitiysneuvola Lieksa\"\n", "");
    let p = one(&text);
    assert_eq!(p.place, "service \"lieksa-neuvola\" name");
    assert_eq!(p.message, "missing Finnish text (fi)");
    assert_eq!(p.line, line_of(&text, "name.sv"));
}

#[test]
fn coordinates_outside_finland_and_swapped() {
    let text = broken("location = [63.315, 30.03]", "location = [30.03, 63.315]");
    let p = one(&text);
    assert_eq!(p.line, line_of(&text, "location ="));
    assert!(p.message.contains("outside Finland"), "{}", p.message);
}

#[test]
fn coordinates_far_from_the_stated_municipality() {
    // Kuopio's coordinates under a Lieksa address.
    let text = broken(
        "location = [63.315, 30.03]",
        "location = [62.8924, 27.6783]",
    );
    let p = one(&text);
    assert_eq!(p.place, "service \"lieksa-neuvola\" delivery[1] location");
    assert!(
        p.message.contains("km from the centre of Lieksa"),
        "{}",
        p.message
    );
}

#[test]
fn unknown_municipality_code() {
    let text = broken("areas = [\"422\"]", "areas = [\"999\"]");
    let p = one(&text);
    assert_eq!(p.line, line_of(&text, "areas ="));
    assert!(p.message.contains("unknown municipality code \"999\""));
}

#[test]
fn duplicate_id_points_at_the_first() {
    // The same record twice: the second copy repeats the first one's id.
    let text = format!("{GOOD}\n{GOOD}");
    let p = one(&text);
    assert_eq!(p.place, "service \"lieksa-neuvola\" id");
    assert!(
        p.message
            .contains("duplicate id (first defined at services/lieksa.toml:2)"),
        "{}",
        p.message
    );
}

#[test]
fn dangling_organisation_reference() {
    let text = broken(
        "organisation = \"siun-sote\"",
        "organisation = \"siunsote\"",
    );
    let p = one(&text);
    assert_eq!(p.line, line_of(&text, "organisation ="));
    assert!(p.message.contains("no organisation with id \"siunsote\""));
}

#[test]
fn unparseable_hours() {
    let text = broken("Mo-Fr 08:00-16:00; PH off", "ma-pe 8-16");
    let p = one(&text);
    assert_eq!(p.place, "service \"lieksa-neuvola\" delivery[1] hours");
    assert_eq!(p.line, line_of(&text, "hours ="));
}

#[test]
fn non_https_url() {
    let text = broken(
        "last_checked = 2026-10-01",
        "last_checked = 2026-10-01\nsource = \"http://www.siunsote.fi\"",
    );
    let p = one(&text);
    assert_eq!(p.place, "service \"lieksa-neuvola\" source");
    assert!(p.message.contains("must use https"));
}

#[test]
fn bad_phone_ages_and_future_date() {
    let text = broken("013 000 1234", "555-1234")
        .replace(
            "languages = [\"fi\"]",
            "languages = [\"fi\"]\nages = [7, 3]",
        )
        .replace("2026-10-01", "2027-01-01");
    let p = problems(&text);
    let places: Vec<&str> = p.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(
        places,
        [
            "service \"lieksa-neuvola\" ages",
            "service \"lieksa-neuvola\" last_checked",
            "service \"lieksa-neuvola\" delivery[1] phones[1]"
        ]
    );
}

#[test]
fn unknown_field_is_a_syntax_problem_with_its_line() {
    let text = broken("cost = \"free\"", "cost = \"free\"\ncolour = \"blue\"");
    let p = one(&text);
    assert_eq!(p.line, line_of(&text, "colour"));
    assert!(p.message.contains("colour"), "{}", p.message);
}

#[test]
fn all_problems_are_reported_at_once_across_files() {
    let mut f = files(&broken("type = \"maternity_clinic\"", "type = \"nope\""));
    f.push(SourceFile {
        path: "services/other.toml".into(),
        text: "[[service]\nid = 1".into(),
    });
    let p = compile(&f, "x", "2026-11-23").unwrap_err();
    let files: Vec<(&str, usize)> = p.iter().map(|p| (p.file.as_str(), p.line)).collect();
    assert_eq!(files.len(), 2, "{p:#?}");
    assert!(files.contains(&("services/other.toml", 1)));
}

#[test]
fn in_person_needs_an_address() {
    let text = broken("address = { street.fi = \"Esimerkkikatu 1\", postcode = \"81700\", post_office.fi = \"Lieksa\", municipality = \"422\" }\n", "");
    let p = one(&text);
    assert!(p.message.contains("needs an address"));
}
