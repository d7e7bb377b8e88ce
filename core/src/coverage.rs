//! Coverage of a county's family-centre network for coordinators: municipalities × service types
//! (grouped by level), each cell the number of delivery points families of that municipality can
//! use; a zero cell is a gap.
//!
//! **Counting rule.** A delivery point of a service counts in municipality *m* when a family living
//! in *m* can use it:
//! - a point with an address (a place) counts in its own municipality, and also in every other
//!   municipality the service serves by its areas (listed municipality, whole county or
//!   nationwide) — families there are sent to that place;
//! - a point without an address (phone, online, chat, home visit) counts in every municipality
//!   the service serves, by its areas or by having a place there.
//!
//! So a municipal clinic with two places counts 2 at home and 0 elsewhere; a county-wide hospital
//! clinic with one place and a phone line counts 2 in every municipality of the county; a
//! national helpline counts 1 everywhere. Filters: the service type's level and the provider's
//! organisation kind; an empty filter means all.

use crate::model::{Catalogue, Level, OrgKind, Service};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub type_id: String,
    pub name: String,
    pub level: Level,
}

/// The table for one county. Rows are sorted by Finnish name; columns by level (universal, basic,
/// specialist), then in the order of the service types table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    pub county_code: String,
    pub county_name: String,
    pub rows: Vec<Row>,
    pub columns: Vec<Column>,
    /// Row-major: `counts[row * columns.len() + column]`.
    pub counts: Vec<u32>,
}

impl Coverage {
    pub fn count(&self, row: usize, column: usize) -> u32 {
        self.counts[row * self.columns.len() + column]
    }

    /// The cell of a municipality code and service type id, if both are in the table.
    pub fn cell(&self, municipality: &str, type_id: &str) -> Option<u32> {
        let r = self.rows.iter().position(|r| r.code == municipality)?;
        let c = self.columns.iter().position(|c| c.type_id == type_id)?;
        Some(self.count(r, c))
    }

    /// Every zero cell as (row, column).
    pub fn gaps(&self) -> Vec<(usize, usize)> {
        let w = self.columns.len();
        self.counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n == 0)
            .map(|(i, _)| (i / w, i % w))
            .collect()
    }

    /// `municipality_code,municipality,<level>:<type id>,…` then one line per municipality.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("municipality_code,municipality");
        for c in &self.columns {
            out.push(',');
            out.push_str(&csv_field(&format!("{}:{}", c.level.id(), c.type_id)));
        }
        out.push('\n');
        for (r, row) in self.rows.iter().enumerate() {
            out.push_str(&csv_field(&row.code));
            out.push(',');
            out.push_str(&csv_field(&row.name));
            for c in 0..self.columns.len() {
                out.push(',');
                out.push_str(&self.count(r, c).to_string());
            }
            out.push('\n');
        }
        out
    }
}

/// RFC 4180 quoting where needed.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Points of `s` usable from municipality `m` (see the module's counting rule).
fn points_for(cat: &Catalogue, s: &Service, m: u16) -> u32 {
    let county = cat.municipalities[m as usize].county;
    let by_area = s.areas.nationwide
        || s.areas.counties.contains(&county)
        || s.areas.municipalities.contains(&m);
    let has_place_here = s
        .delivery
        .iter()
        .any(|d| d.address.as_ref().is_some_and(|a| a.municipality == m));
    if !by_area && !has_place_here {
        return 0;
    }
    s.delivery
        .iter()
        .filter(|d| match &d.address {
            Some(a) => a.municipality == m || by_area,
            None => true,
        })
        .count() as u32
}

/// The coverage table of a county (by code); empty rows when the code is unknown.
pub fn coverage(
    cat: &Catalogue,
    county_code: &str,
    levels: &[Level],
    providers: &[OrgKind],
) -> Coverage {
    let county = cat.county_by_code(county_code);
    let mut munis: Vec<u16> = (0..cat.municipalities.len() as u16)
        .filter(|&m| Some(cat.municipalities[m as usize].county as usize) == county)
        .collect();
    crate::order::sort_by(&mut munis, |&a, &b| {
        cat.municipalities[a as usize]
            .name
            .fi
            .cmp(&cat.municipalities[b as usize].name.fi)
    });

    let mut types: Vec<usize> = (0..cat.service_types.len())
        .filter(|&t| levels.is_empty() || levels.contains(&cat.service_types[t].level))
        .collect();
    crate::order::sort_by_key(&mut types, |&t| cat.service_types[t].level); // stable: keeps the table's order within a level
    let column_of = |t: usize| types.iter().position(|&x| x == t);

    let mut counts = vec![0u32; munis.len() * types.len()];
    for s in &cat.services {
        if !providers.is_empty() && !providers.contains(&cat.organisation(s).kind) {
            continue;
        }
        let Some(c) = column_of(s.service_type as usize) else {
            continue;
        };
        for (r, &m) in munis.iter().enumerate() {
            counts[r * types.len() + c] += points_for(cat, s, m);
        }
    }

    Coverage {
        county_code: county_code.to_string(),
        county_name: county
            .map(|c| cat.counties[c].name.fi.clone())
            .unwrap_or_default(),
        rows: munis
            .iter()
            .map(|&m| Row {
                code: cat.municipalities[m as usize].code.clone(),
                name: cat.municipalities[m as usize].name.fi.clone(),
            })
            .collect(),
        columns: types
            .iter()
            .map(|&t| {
                let ty = &cat.service_types[t];
                Column {
                    type_id: ty.id.clone(),
                    name: ty.name.fi.clone(),
                    level: ty.level,
                }
            })
            .collect(),
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn muni(code: &str, name: &str, county: u16) -> Municipality {
        Municipality {
            code: code.into(),
            name: Text::fi(name),
            county,
            centre: (62.0, 27.0),
        }
    }

    fn ty(id: &str, level: Level) -> ServiceType {
        ServiceType {
            id: id.into(),
            level,
            category: "health".into(),
            name: Text::fi(id),
            age_min: 0.0,
            age_max: 18.0,
            access: Access::None,
            sessions: false,
        }
    }

    fn point(channel: Channel, municipality: Option<u16>) -> DeliveryPoint {
        DeliveryPoint {
            address: municipality.map(|m| Address {
                street: Text::fi("Esimerkkikatu 1"),
                postcode: "70100".into(),
                post_office: Text::fi("X"),
                municipality: m,
            }),
            location: municipality.map(|_| (62.0, 27.0)),
            ..DeliveryPoint::bare(channel)
        }
    }

    fn service(
        id: &str,
        org: u32,
        service_type: u16,
        areas: Areas,
        delivery: Vec<DeliveryPoint>,
    ) -> Service {
        Service {
            id: id.into(),
            source_id: None,
            organisation: org,
            service_type,
            name: Text::fi(id),
            summary: Text::default(),
            description: Text::default(),
            how_to_get: Text::default(),
            age_min: 0.0,
            age_max: 18.0,
            target_groups: vec![],
            languages: vec!["fi".into()],
            language_note: Text::default(),
            cost: Cost::Free,
            cost_text: Text::default(),
            access: Access::None,
            areas,
            status: Status::Active,
            closed_until: None,
            alert: Text::default(),
            last_checked: "2026-10-01".into(),
            source: None,
            delivery,
        }
    }

    fn munis(list: &[u16]) -> Areas {
        Areas {
            municipalities: list.to_vec(),
            ..Areas::default()
        }
    }

    /// County 0 ("13") has Kuopio (0), Iisalmi (1) and Kaavi (2); county 1 ("14") has Joensuu (3).
    fn catalogue() -> Catalogue {
        let org = |id: &str, kind| Organisation {
            id: id.into(),
            name: Text::fi(id),
            kind,
            website: None,
        };
        Catalogue {
            counties: vec![
                County {
                    code: "13".into(),
                    name: Text::fi("Pohjois-Savo"),
                    contact: None,
                },
                County {
                    code: "14".into(),
                    name: Text::fi("Pohjois-Karjala"),
                    contact: None,
                },
            ],
            municipalities: vec![
                muni("297", "Kuopio", 0),
                muni("140", "Iisalmi", 0),
                muni("204", "Kaavi", 0),
                muni("167", "Joensuu", 1),
            ],
            service_types: vec![
                ty("child_health_clinic", Level::Universal),
                ty("child_psychiatry", Level::Specialist),
                ty("family_work", Level::Basic),
            ],
            organisations: vec![
                org("hva", OrgKind::WellbeingCounty),
                org("mll", OrgKind::Ngo),
                org("state", OrgKind::State),
            ],
            services: vec![
                // Clinics: two places in Kuopio, one in Iisalmi plus its phone line; none in Kaavi.
                service(
                    "kuopio-neuvola",
                    0,
                    0,
                    munis(&[0]),
                    vec![
                        point(Channel::InPerson, Some(0)),
                        point(Channel::InPerson, Some(0)),
                    ],
                ),
                service(
                    "iisalmi-neuvola",
                    0,
                    0,
                    munis(&[1]),
                    vec![
                        point(Channel::InPerson, Some(1)),
                        point(Channel::Phone, None),
                    ],
                ),
                // County-wide psychiatry: one place in Kuopio and a phone line, for the whole county.
                service(
                    "psykiatria",
                    0,
                    1,
                    Areas {
                        counties: vec![0],
                        ..Areas::default()
                    },
                    vec![
                        point(Channel::InPerson, Some(0)),
                        point(Channel::Phone, None),
                    ],
                ),
                // An NGO clinic in Joensuu (another county) counts nowhere in county 13.
                service(
                    "joensuu-neuvola",
                    1,
                    0,
                    munis(&[3]),
                    vec![point(Channel::InPerson, Some(3))],
                ),
                // A national chat counts once in every municipality.
                service(
                    "chat",
                    2,
                    2,
                    Areas {
                        nationwide: true,
                        ..Areas::default()
                    },
                    vec![point(Channel::Chat, None)],
                ),
                // Home visits listed for Kaavi only.
                service(
                    "kotikaynnit",
                    1,
                    2,
                    munis(&[2]),
                    vec![point(Channel::HomeVisit, None)],
                ),
            ],
            ..Catalogue::default()
        }
    }

    #[test]
    fn counts_places_at_home_and_area_services_everywhere_they_serve() {
        let cat = catalogue();
        let c = coverage(&cat, "13", &[], &[]);
        assert_eq!(c.county_name, "Pohjois-Savo");
        assert_eq!(
            c.rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
            ["Iisalmi", "Kaavi", "Kuopio"]
        );
        assert_eq!(
            c.columns
                .iter()
                .map(|c| c.type_id.as_str())
                .collect::<Vec<_>>(),
            ["child_health_clinic", "family_work", "child_psychiatry"]
        );
        assert_eq!(c.cell("297", "child_health_clinic"), Some(2));
        assert_eq!(c.cell("140", "child_health_clinic"), Some(2));
        assert_eq!(c.cell("204", "child_health_clinic"), Some(0));
        for m in ["297", "140", "204"] {
            assert_eq!(c.cell(m, "child_psychiatry"), Some(2), "{m}");
        }
        assert_eq!(c.cell("204", "family_work"), Some(2)); // chat + home visits
        assert_eq!(c.cell("297", "family_work"), Some(1)); // chat only
        assert_eq!(c.gaps(), vec![(1, 0)]);
    }

    #[test]
    fn filters_by_level_and_provider() {
        let cat = catalogue();
        let c = coverage(&cat, "13", &[Level::Basic], &[OrgKind::Ngo]);
        assert_eq!(c.columns.len(), 1);
        assert_eq!(c.counts, vec![0, 1, 0]); // Iisalmi, Kaavi, Kuopio: only the NGO's home visits
        let c = coverage(&cat, "14", &[Level::Universal], &[]);
        assert_eq!(c.cell("167", "child_health_clinic"), Some(1));
        assert!(coverage(&cat, "99", &[], &[]).rows.is_empty());
    }

    #[test]
    fn csv_has_a_header_and_a_line_per_municipality() {
        let cat = catalogue();
        let csv = coverage(&cat, "13", &[Level::Universal, Level::Specialist], &[]).to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "municipality_code,municipality,universal:child_health_clinic,specialist:child_psychiatry");
        assert_eq!(lines[1], "140,Iisalmi,2,2");
        assert_eq!(lines[2], "204,Kaavi,0,2");
        assert_eq!(lines[3], "297,Kuopio,2,2");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}
