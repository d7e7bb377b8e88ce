//! Other publishers' taxonomy terms → Perheopas service types, for HSDS feeds that do not carry
//! our `perheopas:service_type` attribute: `data/mapping/hsds_taxonomy.csv` (columns `taxonomy`,
//! `code`, `service_type`, `note`), where `code` takes the forms of the PTV table (`CODE`,
//! `CODE+keyword`, `*+keyword`; see data/mapping/README.md), and terms of the national PTV service
//! classification (taxonomy `ptvserclass2`, as Finnish publishers use it) through
//! `data/mapping/ptv_service_classes.csv`. Rows of the taxonomy `perheopas:organisation_kind`
//! give the kind of a publisher's organisations (code: the organization's id or name, or `*`),
//! which a real feed never carries and a name does not always tell.

use std::path::Path;

use perheopas_core::model::{OrgKind, ServiceType};

use super::ORG_KIND;
use crate::ptv::mapping::Mapping;

/// The taxonomy name under which PTV service classes (P3.7, …) are published (Finto's id).
pub const PTV_TAXONOMY: &str = "ptvserclass2";

/// One mapping per taxonomy, in the table's order.
#[derive(Debug)]
pub struct TaxonomyMap {
    by_taxonomy: Vec<(String, Mapping)>,
    /// (organization id or name, or `*`; kind), in the table's order.
    org_kinds: Vec<(String, OrgKind)>,
}

impl TaxonomyMap {
    /// Reads the HSDS table at `path` and the PTV classes table beside it.
    pub fn load(path: &Path, types: &[ServiceType]) -> Result<TaxonomyMap, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut map =
            TaxonomyMap::parse(&text, types).map_err(|e| format!("{}: {e}", path.display()))?;
        let ptv = path.with_file_name("ptv_service_classes.csv");
        if ptv.exists() {
            map.by_taxonomy
                .push((PTV_TAXONOMY.to_string(), Mapping::load(&ptv, types)?));
        }
        Ok(map)
    }

    /// The HSDS table's text (without the PTV table).
    pub fn parse(text: &str, types: &[ServiceType]) -> Result<TaxonomyMap, String> {
        let mut per: Vec<(String, String)> = Vec::new();
        let mut org_kinds = Vec::new();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| e.to_string())?.clone();
        if headers.iter().collect::<Vec<_>>() != ["taxonomy", "code", "service_type", "note"] {
            return Err("the header must be taxonomy,code,service_type,note".into());
        }
        for (i, row) in reader.records().enumerate() {
            let row = row.map_err(|e| format!("line {}: {e}", i + 2))?;
            let taxonomy = row[0].trim().to_lowercase();
            if taxonomy == ORG_KIND {
                let kind = OrgKind::from_id(row[2].trim()).ok_or_else(|| {
                    format!(
                        "line {}: unknown organisation kind \"{}\" (one of {})",
                        i + 2,
                        row[2].trim(),
                        OrgKind::ALL.map(|k| k.id()).join(", ")
                    )
                })?;
                org_kinds.push((row[1].trim().to_string(), kind));
                continue;
            }
            // Each taxonomy's rows become a PTV-style table, keeping line numbers readable.
            let line = format!("{},{},line {}\n", &row[1], &row[2], i + 2);
            match per.iter_mut().find(|(t, _)| *t == taxonomy) {
                Some((_, rows)) => rows.push_str(&line),
                None => per.push((taxonomy, format!("ptv_code,service_type,note\n{line}"))),
            }
        }
        let mut by_taxonomy = Vec::new();
        for (taxonomy, rows) in per {
            let m = Mapping::parse(&rows, types)
                .map_err(|e| format!("taxonomy \"{taxonomy}\": {e}"))?;
            by_taxonomy.push((taxonomy, m));
        }
        Ok(TaxonomyMap {
            by_taxonomy,
            org_kinds,
        })
    }

    /// The kind the table gives an organization: by its id, else its name (any case), else a
    /// `*` row.
    pub fn org_kind(&self, id: &str, name: &str) -> Option<OrgKind> {
        let find = |hit: &dyn Fn(&str) -> bool| {
            self.org_kinds
                .iter()
                .find(|(key, _)| hit(key))
                .map(|(_, kind)| *kind)
        };
        find(&|k| !id.is_empty() && k == id)
            .or_else(|| find(&|k| k.eq_ignore_ascii_case(name.trim())))
            .or_else(|| find(&|k| k == "*"))
    }

    /// The service type for a service with these (taxonomy, code) terms and Finnish name, or the
    /// terms that no row maps (for the report).
    pub fn resolve(&self, terms: &[(String, String)], name_fi: &str) -> Result<String, String> {
        for (taxonomy, mapping) in &self.by_taxonomy {
            let codes: Vec<String> = terms
                .iter()
                .filter(|(t, _)| t.eq_ignore_ascii_case(taxonomy))
                .map(|(_, c)| c.clone())
                .collect();
            if codes.is_empty() && !mapping_has_any_class(mapping) {
                continue;
            }
            if let Some(ty) = mapping.resolve(&codes, name_fi) {
                return Ok(ty);
            }
        }
        Err(if terms.is_empty() {
            "no taxonomy terms".to_string()
        } else {
            terms
                .iter()
                .map(|(t, c)| format!("{t}/{c}"))
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

/// Whether a mapping has `*+keyword` rows that can match without a term of its taxonomy.
fn mapping_has_any_class(m: &Mapping) -> bool {
    m.has_any_class_rows()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue_writer as w;

    #[test]
    fn terms_map_by_taxonomy_code_and_keyword() {
        let types = w::reference().unwrap().service_types;
        let m = TaxonomyMap::parse(
            "taxonomy,code,service_type,note\n\
             ESD Service Types,1186,family_counselling,\n\
             esd service types,*+perhekahvila,meeting_place,\n",
            &types,
        )
        .unwrap();
        let t = |t: &str, c: &str| (t.to_string(), c.to_string());
        assert_eq!(
            m.resolve(&[t("esd service types", "1186")], "Perheneuvola")
                .unwrap(),
            "family_counselling"
        );
        assert_eq!(
            m.resolve(&[], "Perhekahvila Mikkeli").unwrap(),
            "meeting_place"
        );
        assert_eq!(
            m.resolve(&[t("other", "x")], "Jotain").unwrap_err(),
            "other/x"
        );
        assert!(TaxonomyMap::parse(
            "taxonomy,code,service_type,note\nx,1,no_such_type,\n",
            &types
        )
        .unwrap_err()
        .contains("unknown service type"));
    }

    #[test]
    fn organisation_kinds_by_id_then_name_then_any() {
        let types = w::reference().unwrap().service_types;
        let m = TaxonomyMap::parse(
            "taxonomy,code,service_type,note\n\
             perheopas:organisation_kind,org-1,municipality,\n\
             perheopas:organisation_kind,Example Organization Inc.,ngo,\n\
             perheopas:organisation_kind,*,private,\n",
            &types,
        )
        .unwrap();
        assert_eq!(m.org_kind("org-1", "Whatever"), Some(OrgKind::Municipality));
        assert_eq!(
            m.org_kind("x", "example organization inc."),
            Some(OrgKind::Ngo)
        );
        assert_eq!(m.org_kind("x", "Other"), Some(OrgKind::Private));
        let none = TaxonomyMap::parse("taxonomy,code,service_type,note\n", &types).unwrap();
        assert_eq!(none.org_kind("org-1", "Example Organization Inc."), None);
        assert!(TaxonomyMap::parse(
            "taxonomy,code,service_type,note\nperheopas:organisation_kind,x,charity,\n",
            &types
        )
        .unwrap_err()
        .contains("line 2: unknown organisation kind \"charity\""));
    }
}
