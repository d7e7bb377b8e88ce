//! Reference tables the catalogue builds on: the municipalities with their wellbeing services
//! counties (Statistics Finland, CC BY 4.0) and the 59 family-centre service types.

use serde::Deserialize;

use super::problem::Problem;
use crate::model::{Access, Level, Text};

#[derive(Debug, Deserialize)]
struct MunicipalityRow {
    code: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    hva_code: String,
    hva_fi: String,
    hva_sv: String,
    hva_en: String,
    centre_lat: f64,
    centre_lon: f64,
    land_km2: f64,
}

#[derive(Debug, Deserialize)]
struct ServiceTypeRow {
    id: String,
    level: String,
    category: String,
    name_fi: String,
    name_sv: String,
    name_en: String,
    age_min: f32,
    age_max: f32,
    access: String,
    /// `yes` for types that meet at set times (groups, clubs, cafés, coaching).
    sessions: String,
}

#[derive(Debug, Clone)]
pub struct RefMunicipality {
    pub code: String,
    pub name: Text,
    pub county_code: String,
    pub county_name: Text,
    pub centre: (f64, f64),
    pub land_km2: f64,
}

fn text(fi: String, sv: String, en: String) -> Text {
    // The source tables carry stray spaces in some names.
    let opt = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Text {
        fi: fi.trim().to_string(),
        sv: opt(sv),
        en: opt(en),
        machine: vec![],
    }
}

fn rows<T: for<'de> Deserialize<'de>>(
    file: &str,
    data: &str,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, T)> {
    let mut out = Vec::new();
    let mut reader = csv::Reader::from_reader(data.as_bytes());
    for row in reader.deserialize::<T>() {
        match row {
            Ok(r) => out.push((0, r)),
            Err(e) => problems.push(Problem {
                file: file.into(),
                line: e.position().map_or(0, |p| p.line() as usize),
                place: String::new(),
                message: format!("unreadable row: {e}"),
            }),
        }
    }
    out
}

pub fn municipalities(file: &str, data: &str, problems: &mut Vec<Problem>) -> Vec<RefMunicipality> {
    rows::<MunicipalityRow>(file, data, problems)
        .into_iter()
        .map(|(_, r)| RefMunicipality {
            code: r.code,
            name: text(r.name_fi, r.name_sv, r.name_en),
            county_code: r.hva_code,
            county_name: text(r.hva_fi, r.hva_sv, r.hva_en),
            centre: (r.centre_lat, r.centre_lon),
            land_km2: r.land_km2,
        })
        .collect()
}

pub fn service_types(
    file: &str,
    data: &str,
    problems: &mut Vec<Problem>,
) -> Vec<crate::model::ServiceType> {
    let mut out = Vec::new();
    for (i, (_, r)) in rows::<ServiceTypeRow>(file, data, problems)
        .into_iter()
        .enumerate()
    {
        let line = i + 2;
        let sessions = match r.sessions.as_str() {
            "yes" => true,
            "no" => false,
            other => {
                problems.push(Problem {
                    file: file.into(),
                    line,
                    place: format!("service type \"{}\" sessions", r.id),
                    message: format!("\"{other}\" is not yes or no"),
                });
                continue;
            }
        };
        let level = Level::from_id(&r.level);
        let access = Access::from_id(&r.access);
        if level.is_none() || access.is_none() {
            problems.push(Problem {
                file: file.into(),
                line,
                place: format!("service type \"{}\"", r.id),
                message: format!("unknown level \"{}\" or access \"{}\"", r.level, r.access),
            });
            continue;
        }
        out.push(crate::model::ServiceType {
            id: r.id,
            level: level.unwrap(),
            category: r.category,
            name: text(r.name_fi, r.name_sv, r.name_en),
            age_min: r.age_min,
            age_max: r.age_max,
            access: access.unwrap(),
            sessions,
        });
    }
    out
}
