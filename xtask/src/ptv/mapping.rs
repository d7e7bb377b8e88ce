//! The table that maps PTV service classes (and keywords of service names) to our service types.

use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
struct MappingRow {
    ptv_code: String,
    service_type: String,
    #[allow(dead_code)] // for people reading the table
    note: String,
}

/// The service-class mapping table (`data/mapping/ptv_service_classes.csv`). A row's `ptv_code`
/// is a class code (`P3.7`), a class code and a keyword of the Finnish service name
/// (`P5.2+lastenneuvola`), or any class and a keyword (`*+turvakoti`); an empty `service_type`
/// marks a class too generic to map without a keyword.
#[derive(Debug)]
pub struct Mapping {
    rows: Vec<Row>,
}

/// Class code (or `*`), keyword of the Finnish name, service type (empty: class too generic).
type Row = (String, Option<String>, String);

impl Mapping {
    pub fn load(
        path: &Path,
        types: &[perheopas_core::model::ServiceType],
    ) -> Result<Mapping, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Mapping::parse(&text, types).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(
        text: &str,
        types: &[perheopas_core::model::ServiceType],
    ) -> Result<Mapping, String> {
        let mut rows = Vec::new();
        let mut bad = Vec::new();
        for (i, row) in csv::Reader::from_reader(text.as_bytes())
            .deserialize::<MappingRow>()
            .enumerate()
        {
            let line = i + 2;
            let row = row.map_err(|e| format!("line {line}: {e}"))?;
            let (class, keyword) = match row.ptv_code.split_once('+') {
                Some((c, k)) => (c.trim().to_string(), Some(k.trim().to_lowercase())),
                None => (row.ptv_code.trim().to_string(), None),
            };
            let ty = row.service_type.trim().to_string();
            if !ty.is_empty() && !types.iter().any(|t| t.id == ty) {
                bad.push(format!("line {line}: unknown service type \"{ty}\""));
            }
            if class.is_empty() || keyword.as_deref() == Some("") {
                bad.push(format!(
                    "line {line}: write ptv_code as P3.7, P5.2+keyword or *+keyword"
                ));
            }
            rows.push((class, keyword, ty));
        }
        if bad.is_empty() {
            Ok(Mapping { rows })
        } else {
            Err(bad.join("\n"))
        }
    }

    /// The service type for these class codes and Finnish name: a class row with a keyword found
    /// in the name wins (the longest keyword), then an any-class keyword, then a plain class row.
    /// Whether some row (`*+keyword`) maps by name alone, whatever the classes.
    pub fn has_any_class_rows(&self) -> bool {
        self.rows
            .iter()
            .any(|(c, _, ty)| c == "*" && !ty.is_empty())
    }

    pub fn resolve(&self, classes: &[String], name_fi: &str) -> Option<String> {
        let name = name_fi.to_lowercase();
        let mut best: Option<(u8, usize, &Row)> = None;
        for row in &self.rows {
            let (class, keyword, ty) = row;
            if ty.is_empty() {
                continue;
            }
            let class_ok = class == "*" || classes.iter().any(|c| c == class);
            let rank = match keyword {
                Some(k) if class_ok && name.contains(k.as_str()) => {
                    (if class == "*" { 2 } else { 3 }, k.chars().count())
                }
                None if class_ok && class != "*" => (1, 0),
                _ => continue,
            };
            if best.is_none_or(|(r, l, _)| (rank.0, rank.1) > (r, l)) {
                best = Some((rank.0, rank.1, row));
            }
        }
        best.map(|(_, _, (_, _, ty))| ty.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue_writer as w;

    #[test]
    fn mapping_prefers_keywords_then_classes() {
        let types = w::reference().unwrap().service_types;
        let m = Mapping::parse(
            "ptv_code,service_type,note\nP5.2,,generic\nP5.2+lastenneuvola,child_health_clinic,\nP5.2+äitiysneuvola,maternity_clinic,\nP3.7,family_counselling,\n*+turvakoti,shelter,\n",
            &types,
        )
        .unwrap();
        let r = |classes: &[&str], name: &str| {
            m.resolve(
                &classes.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
                name,
            )
        };
        assert_eq!(
            r(&["P5.2"], "Lastenneuvola Kuopio").as_deref(),
            Some("child_health_clinic")
        );
        assert_eq!(r(&["P5.2"], "Neuvolapalvelut"), None);
        assert_eq!(
            r(&["P3.7", "P5.2"], "Perheneuvola").as_deref(),
            Some("family_counselling")
        );
        assert_eq!(r(&["P4.14"], "Turvakoti Savo").as_deref(), Some("shelter"));
        assert!(
            Mapping::parse("ptv_code,service_type,note\nP1,no_such_type,\n", &types)
                .unwrap_err()
                .contains("line 2")
        );
    }
}
