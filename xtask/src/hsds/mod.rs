//! `export-hsds` and `import-hsds`: the catalogue as Open Referral HSDS 3.0 JSON — an array of
//! `service` objects, each with its `organization`, `service_at_locations` (with `location`,
//! address, phones, schedules), `languages`, `cost_options`, `service_areas` and `attributes`.
//!
//! HSDS holds one language and no family-centre levels; what it cannot hold goes into
//! `attributes` with `taxonomy_term`s of our own taxonomies (`perheopas:…`), documented in
//! `docs/hsds.md`. Ids are uuid v5 of our ids, so the same catalogue always exports the same ids.
//! Exporting and importing gives back the same compiled catalogue (tested), except organisations
//! that provide no service, which a service-centred export cannot carry (the export says how many).
//!
//! Import also takes HSDS from elsewhere: texts become Finnish, the service type comes from a
//! `perheopas:service_type` attribute or a taxonomy term whose code is one of our type ids, places
//! are matched by municipality name; records that cannot be mapped are skipped with why.

mod attributes;
mod export;
mod export_location;
mod export_service;
mod fields;
mod import;
mod import_location;
mod schedules;
mod stream;
pub mod taxonomy;

use std::path::Path;

use perheopas_core::model::Catalogue;
use serde_json::Value;
use uuid::Uuid;

use crate::catalogue_writer::{self as w, ImportReport};
use export::ExportReport;
use import::convert;

/// Free-valued extension fields (translations, our ids, hours): `code` names the field.
pub const FIELD: &str = "perheopas:field";
pub const SERVICE_TYPE: &str = "perheopas:service_type";
pub const LEVEL: &str = "perheopas:level";
pub const CATEGORY: &str = "perheopas:category";
pub const ACCESS: &str = "perheopas:access";
pub const COST: &str = "perheopas:cost";
pub const TARGET_GROUP: &str = "perheopas:target_group";
pub const ORG_KIND: &str = "perheopas:organisation_kind";
pub const CHANNEL: &str = "perheopas:channel";

/// uuid v5 of a name in our own namespace (itself the v5 of a URL naming this export).
fn uid(name: &str) -> String {
    static NS: std::sync::OnceLock<Uuid> = std::sync::OnceLock::new();
    let ns =
        NS.get_or_init(|| Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://perheopas.example/hsds"));
    Uuid::new_v5(ns, name.as_bytes()).to_string()
}

/// Compiles the catalogue in `data` and writes it to `out` as HSDS 3.0 JSON.
pub fn export_hsds(data: &Path, out: &Path) -> Result<ExportReport, String> {
    let files = crate::data_files::read(data)?;
    let (cat, _) =
        perheopas_core::source::compile(&files, &w::now_stamp(), &w::today()).map_err(|p| {
            format!(
                "the catalogue in {} has {} problem(s); run `check` first",
                data.display(),
                p.len()
            )
        })?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let file = std::fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut writer = std::io::BufWriter::new(file);
    let report = write_export(&cat, &mut writer).map_err(|e| format!("{}: {e}", out.display()))?;
    std::io::Write::flush(&mut writer).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(report)
}

/// Writes the export as a JSON array with one service per line, building one service at a time
/// (a 50 000-service catalogue never sits in memory as a JSON tree).
pub fn write_export(
    cat: &Catalogue,
    out: &mut impl std::io::Write,
) -> std::io::Result<ExportReport> {
    out.write_all(b"[")?;
    for (i, v) in export::objects(cat).enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &v)?;
    }
    out.write_all(b"\n]\n")?;
    Ok(export::report(cat))
}

/// The catalogue as HSDS `service` objects: every service, then each county's contact point.
#[allow(dead_code)] // the tool streams with `write_export`; the tests check these objects
pub fn export(cat: &Catalogue) -> (Vec<Value>, ExportReport) {
    (export::objects(cat).collect(), export::report(cat))
}

/// Imports HSDS 3.0 JSON (an array of `service` objects, or an object with such an array in
/// `contents` as the HSDS API pages them) into catalogue files under `out_dir`.
pub fn import_hsds(
    input: &Path,
    out_dir: &Path,
    mapping: &Path,
    opts: &w::ImportOptions,
) -> Result<ImportReport, String> {
    let reference = w::reference()?;
    let taxonomy = taxonomy::TaxonomyMap::load(mapping, &reference.service_types)?;
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let (mut records, mut report) = convert(&text, input, &reference, &taxonomy)?;
    let files = w::keep_valid(
        &mut records,
        &mut report,
        &format!("import-hsds from {}", input.display()),
    )?;
    report.count(&records);
    w::check_shrink(out_dir, records.services.len(), opts).map_err(|e| format!("{report}{e}"))?;
    report.files = w::write_files(out_dir, &files)?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids() {
        assert_eq!(uid("service/a"), uid("service/a"));
        assert_ne!(uid("service/a"), uid("service/b"));
        assert_eq!(
            Uuid::parse_str(&uid("service/a"))
                .unwrap()
                .get_version_num(),
            5
        );
    }
}
