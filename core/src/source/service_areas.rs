//! Reads the counties' family-centre service areas (`reference/service_areas.csv`) and checks
//! them: ids unique, known county, every member a known municipality of that county and in at
//! most one area, the family centre a catalogue service offered in the area, https sources.

use std::collections::HashMap;

use serde::Deserialize;

use super::checks;
use super::problem::Problem;
use crate::model::{County, Municipality, Service, Text};
use crate::service_area::ServiceArea;

pub const SERVICE_AREAS_FILE: &str = "reference/service_areas.csv";

#[derive(Debug, Deserialize)]
struct Row {
    id: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    county: String,
    /// Municipality codes separated by spaces.
    municipalities: String,
    /// A service id, or empty when the area's family centre is not in the catalogue.
    family_centre: String,
    /// `yes` when the composition is an example, `no` when taken from the county's plan.
    sample: String,
    source: String,
}

/// The service areas of the file, or none when the catalogue has no such file. `services` are
/// the compiled services, for the family centres.
pub fn read(
    file: &str,
    data: &str,
    counties: &[County],
    municipalities: &[Municipality],
    services: &[Service],
    problems: &mut Vec<Problem>,
) -> Vec<ServiceArea> {
    let mut out = Vec::new();
    let mut member_of: HashMap<u16, (String, usize)> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    let unreadable = |e: csv::Error| Problem {
        file: file.into(),
        line: e.position().map_or(0, |p| p.line() as usize),
        place: String::new(),
        message: format!("unreadable row: {e}"),
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            problems.push(unreadable(e));
            return out;
        }
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(unreadable(e));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row = match record.deserialize::<Row>(Some(&headers)) {
            Ok(r) => r,
            Err(e) => {
                problems.push(Problem {
                    line,
                    ..unreadable(e)
                });
                continue;
            }
        };
        let place = format!("service area \"{}\"", row.id);
        let before = problems.len();
        let mut bad = |field: &str, message: String| {
            problems.push(Problem {
                file: file.into(),
                line,
                place: format!("{place} {field}"),
                message,
            })
        };
        if row.id.is_empty()
            || !row
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            bad("id", "write the id in a-z, 0-9 and -".into());
        }
        if let Some(first) = ids.get(&row.id) {
            bad(
                "id",
                format!("duplicate id (first defined on line {first})"),
            );
        }
        ids.entry(row.id.clone()).or_insert(line);
        if row.name_fi.trim().is_empty() {
            bad("name_fi", "missing Finnish name".into());
        }
        let county = counties.iter().position(|c| c.code == row.county);
        if county.is_none() {
            bad(
                "county",
                format!("unknown wellbeing services county code \"{}\"", row.county),
            );
        }
        let mut members = Vec::new();
        for code in row.municipalities.split_whitespace() {
            let Some(m) = municipalities.iter().position(|m| m.code == code) else {
                bad(
                    "municipalities",
                    format!("unknown municipality code \"{code}\""),
                );
                continue;
            };
            let m = m as u16;
            if let Some(c) = county.filter(|&c| municipalities[m as usize].county as usize != c) {
                bad(
                    "municipalities",
                    format!(
                        "{code} {} is not in county {}",
                        municipalities[m as usize].name.fi, counties[c].code
                    ),
                );
            }
            if let Some((other, other_line)) = member_of.get(&m) {
                bad(
                    "municipalities",
                    format!(
                        "{code} {} is already in service area \"{other}\" (line {other_line})",
                        municipalities[m as usize].name.fi
                    ),
                );
            } else {
                member_of.insert(m, (row.id.clone(), line));
            }
            members.push(m);
        }
        if row.municipalities.split_whitespace().next().is_none() {
            bad(
                "municipalities",
                "list the area's municipality codes, separated by spaces".into(),
            );
        }
        let family_centre = match row.family_centre.trim() {
            "" => None,
            id => {
                match services.iter().position(|s| s.id == id) {
                    None => {
                        bad("family_centre", format!("no service with id \"{id}\""));
                        None
                    }
                    Some(i)
                        if !members
                            .iter()
                            .any(|&m| serves(&services[i], m, municipalities)) =>
                    {
                        bad(
                        "family_centre",
                        format!("service \"{id}\" is not offered in any of the area's municipalities"),
                    );
                        None
                    }
                    Some(i) => Some(i as u32),
                }
            }
        };
        let sample = match row.sample.as_str() {
            "yes" => true,
            "no" => false,
            other => {
                bad("sample", format!("\"{other}\" is not yes or no"));
                true
            }
        };
        let source = Some(row.source.trim().to_string()).filter(|s| !s.is_empty());
        if let Some(Err(m)) = source.as_deref().map(checks::https_url) {
            bad("source", m);
        }
        if !sample && source.is_none() {
            bad(
                "source",
                "an area not marked sample needs the source of its composition".into(),
            );
        }
        if problems.len() == before {
            let opt = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
            out.push(ServiceArea {
                id: row.id,
                name: Text {
                    fi: row.name_fi.trim().to_string(),
                    sv: opt(row.name_sv),
                    en: opt(row.name_en),
                    machine: vec![],
                },
                county: county.unwrap_or(0) as u16,
                municipalities: members,
                family_centre,
                sample,
                source,
            });
        }
    }
    out
}

/// Offered in the municipality: the same rule as `Catalogue::serves`, over the records not yet
/// gathered into a catalogue.
fn serves(s: &Service, m: u16, municipalities: &[Municipality]) -> bool {
    s.areas.nationwide
        || s.areas.municipalities.contains(&m)
        || s.areas
            .counties
            .contains(&municipalities[m as usize].county)
        || s.delivery
            .iter()
            .any(|d| d.address.as_ref().is_some_and(|a| a.municipality == m))
}

#[cfg(test)]
mod tests {
    use crate::source::{compile, Problem, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE};

    const MUNIS: &str = include_str!("../../../data/reference/municipalities.csv");
    const TYPES: &str = include_str!("../../../data/reference/service_types.csv");
    const HEADER: &str =
        "id,name_fi,name_sv,name_en,county,municipalities,family_centre,sample,source\n";

    const SERVICES: &str = r#"
[[organisation]]
id = "siun-sote"
kind = "wellbeing_county"
name.fi = "Siun sote"

[[service]]
id = "lieksa-perheneuvola"
organisation = "siun-sote"
type = "family_counselling"
name.fi = "Perheneuvola Lieksa"
languages = ["fi"]
cost = "free"
areas = ["422"]
last_checked = 2026-10-01

[[service.delivery]]
channel = "phone"
phones = [{ number = "013 000 1234" }]
"#;

    fn compiled(areas: &str) -> Result<crate::Catalogue, Vec<Problem>> {
        let files = [
            (MUNICIPALITIES_FILE, MUNIS),
            (SERVICE_TYPES_FILE, TYPES),
            ("services/x.toml", SERVICES),
            (super::SERVICE_AREAS_FILE, areas),
        ];
        let files: Vec<SourceFile> = files
            .iter()
            .map(|(p, t)| SourceFile {
                path: p.to_string(),
                text: format!(
                    "{}{}",
                    if *p == super::SERVICE_AREAS_FILE {
                        HEADER
                    } else {
                        ""
                    },
                    t
                ),
            })
            .collect();
        compile(&files, "2026-11-23T12:00:00Z", "2026-11-23").map(|(c, _)| c)
    }

    fn problems(areas: &str) -> Vec<String> {
        compiled(areas)
            .expect_err("should fail")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_area_is_carried_with_its_members_and_family_centre() {
        let cat = compiled(
            "pielisen-karjala,Pielisen Karjala,,Pielinen Karelia,14,422 541,lieksa-perheneuvola,yes,\n",
        )
        .unwrap();
        let a = &cat.service_areas[0];
        assert_eq!(a.id, "pielisen-karjala");
        assert_eq!(a.name.en.as_deref(), Some("Pielinen Karelia"));
        assert_eq!(a.name.sv, None);
        assert_eq!(cat.counties[a.county as usize].code, "14");
        let codes: Vec<&str> = a
            .municipalities
            .iter()
            .map(|&m| cat.municipalities[m as usize].code.as_str())
            .collect();
        assert_eq!(codes, ["422", "541"]);
        assert_eq!(
            cat.services[a.family_centre.unwrap() as usize].id,
            "lieksa-perheneuvola"
        );
        assert!(a.sample);
        let lieksa = cat.municipality_by_code("422").unwrap() as u16;
        assert_eq!(cat.area_of(lieksa), Some(0));
    }

    #[test]
    fn each_rule_is_named_with_file_line_and_field() {
        let p = problems(concat!(
            "a,A,,,14,422 541,,yes,\n",
            "b,B,,,14,422 297 999,,maybe,http://x.fi\n",
            "a,,,,99,,nobody,no,\n",
        ));
        assert_eq!(
            p,
            [
                "reference/service_areas.csv:3: service area \"b\" municipalities: 422 Lieksa is already in service area \"a\" (line 2)",
                "reference/service_areas.csv:3: service area \"b\" municipalities: 297 Kuopio is not in county 14",
                "reference/service_areas.csv:3: service area \"b\" municipalities: unknown municipality code \"999\"",
                "reference/service_areas.csv:3: service area \"b\" sample: \"maybe\" is not yes or no",
                "reference/service_areas.csv:3: service area \"b\" source: \"http://x.fi\" must use https, not http",
                "reference/service_areas.csv:4: service area \"a\" id: duplicate id (first defined on line 2)",
                "reference/service_areas.csv:4: service area \"a\" name_fi: missing Finnish name",
                "reference/service_areas.csv:4: service area \"a\" county: unknown wellbeing services county code \"99\"",
                "reference/service_areas.csv:4: service area \"a\" municipalities: list the area's municipality codes, separated by spaces",
                "reference/service_areas.csv:4: service area \"a\" family_centre: no service with id \"nobody\"",
                "reference/service_areas.csv:4: service area \"a\" source: an area not marked sample needs the source of its composition",
            ]
        );
    }

    #[test]
    fn a_family_centre_elsewhere_is_refused() {
        let p = problems("k,Kuopio,,,13,297,lieksa-perheneuvola,yes,\n");
        assert_eq!(
            p,
            ["reference/service_areas.csv:2: service area \"k\" family_centre: service \"lieksa-perheneuvola\" is not offered in any of the area's municipalities"]
        );
    }

    #[test]
    fn the_real_file_reads_without_problems_against_the_reference_tables() {
        // Family centres are services of the full data folder (checked by `xtask check`); here
        // the composition alone: every municipality known, in its county, in one area.
        let real = include_str!("../../../data/reference/service_areas.csv");
        let without_centres: String = real
            .lines()
            .skip(1)
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                format!("{},,{}\n", f[..6].join(","), f[7..].join(","))
            })
            .collect();
        let cat = compiled(&without_centres).unwrap();
        let county = |code: &str| {
            let c = cat.county_by_code(code).unwrap() as u16;
            cat.municipalities.iter().filter(|m| m.county == c).count()
        };
        for (code, n) in [("12", 3), ("13", 5), ("14", 3)] {
            let c = cat.county_by_code(code).unwrap() as u16;
            assert_eq!(cat.county_areas(c).len(), n, "county {code}");
            let members: usize = cat
                .county_areas(c)
                .iter()
                .map(|&a| cat.service_areas[a].municipalities.len())
                .sum();
            assert_eq!(
                members,
                county(code),
                "every municipality of {code} in an area"
            );
        }
    }
}
