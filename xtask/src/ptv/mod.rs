//! `import-ptv`: reads services and service channels from the national service catalogue
//! (Suomi.fi Palvelutietovaranto, PTV, open API v11) and writes catalogue files in the `data/`
//! format.
//!
//! **Input.** One JSON file, an object with the API's records as the API returns them:
//! `{ "services": [Service…], "serviceChannels": [ServiceChannel…], "organizations": [Organization…] }`
//! (`/api/v11/Service/list`, `/api/v11/ServiceChannel/list`, `/api/v11/Organization/list`
//! item lists; `organizations` is optional and only gives organisation kinds and web sites).
//!
//! **Mapping.** Texts per language (fi, sv, en; others ignored): `Name` → name, `Summary` →
//! summary, `Description` → description, `UserInstruction` → how to get, `ChargeTypeAdditionalInfo`
//! → cost text. Channels: ServiceLocation → in_person (visiting address, coordinates), Phone →
//! phone, EChannel and WebPage → online; PrintableForm is not a delivery point. Service hours:
//! `DaysOfTheWeek` (v7: `Standard`) → weekly rules, `OverMidnight` (`Special`) → additional
//! rules across midnight, `Exceptional` (`Exception`) → dated rules (`2026 Dec 24-26 off`), all in
//! OpenStreetMap opening_hours syntax; validFrom/validTo bound a rule to dates. Areas →
//! municipality codes (a whole county's municipalities become `county:<code>`), `Nationwide` →
//! nationwide. Target group codes (KR1.2 …) are kept. Service classes (P3.7 …) → one of our service
//! types through `data/mapping/ptv_service_classes.csv` (see its README). Charge type:
//! `FreeOfCharge` → free, `Chargeable` → fee, vouchers in use → voucher, `Other` or none → fee (the
//! catalogue never claims free without the source saying so).
//!
//! **Coordinates.** PTV keeps them in ETRS-TM35FIN (EPSG:3067; the API's `latitude` is the
//! northing, `longitude` the easting); such values are converted to WGS84 with the core's projection (the one the map
//! uses). Values
//! that already look like degrees are taken as WGS84.
//!
//! **Nothing dropped silently.** A record that cannot be read or mapped is skipped and listed with
//! why; a record written with a field left out or shortened is listed too. The written records are
//! checked by the catalogue compiler before anything touches the disk; a file that is not a PTV
//! export at all is an error and nothing is written.

mod channel;
mod coordinates;
mod hours;
mod input;
pub mod mapping;
mod service;
mod values;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use perheopas_core::model::Catalogue;
use serde_json::Value;

use crate::catalogue_writer::{self as w, ImportReport, Records};
use input::{id_of, record, strip_nulls, Organization, Service, ServiceChannel};
use mapping::Mapping;

/// Imports a PTV export (see the module notes) into catalogue files under `out_dir`.
pub fn import_ptv(
    input: &Path,
    out_dir: &Path,
    mapping: &Path,
    opts: &w::ImportOptions,
) -> Result<ImportReport, String> {
    let reference = w::reference()?;
    let mapping = Mapping::load(mapping, &reference.service_types)?;
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let (mut records, mut report) = convert(&text, input, &mapping, &reference)?;
    let files = w::keep_valid(
        &mut records,
        &mut report,
        &format!("import-ptv from {}", input.display()),
    )?;
    report.count(&records);
    w::check_shrink(out_dir, records.services.len(), opts).map_err(|e| format!("{report}{e}"))?;
    report.files = w::write_files(out_dir, &files)?;
    Ok(report)
}

/// The records of a PTV export, and what was read and skipped. Errors only when the file as a
/// whole is not a PTV export.
pub fn convert(
    json: &str,
    input: &Path,
    mapping: &Mapping,
    reference: &Catalogue,
) -> Result<(Records, ImportReport), String> {
    let shape = "expected a JSON object with \"services\" and \"serviceChannels\" arrays (PTV open API v11 records)";
    let mut v: Value = serde_json::from_str(json)
        .map_err(|e| format!("{}: not valid JSON ({e}); {shape}", input.display()))?;
    strip_nulls(&mut v);
    let array = |key: &str, required: bool| -> Result<Vec<Value>, String> {
        match v.get(key) {
            Some(Value::Array(a)) => Ok(a.clone()),
            None if !required => Ok(vec![]),
            Some(_) => Err(format!(
                "{}: \"{key}\" is not an array; {shape}",
                input.display()
            )),
            None => Err(format!("{}: no \"{key}\"; {shape}", input.display())),
        }
    };
    if !v.is_object() {
        return Err(format!("{}: {shape}", input.display()));
    }
    let (services, channels, orgs) = (
        array("services", true)?,
        array("serviceChannels", true)?,
        array("organizations", false)?,
    );

    let mut report = ImportReport::new(input);
    report.services_read = services.len();
    report.other_read = vec![
        ("channels".into(), channels.len()),
        ("organizations".into(), orgs.len()),
    ];

    let mut channel_map: BTreeMap<String, ServiceChannel> = BTreeMap::new();
    for c in &channels {
        match record::<ServiceChannel>(c) {
            Ok(ch) => {
                channel_map.insert(ch.id.to_lowercase(), ch);
            }
            Err((field, why)) => report.skip(&format!("channel {}", id_of(c)), &field, &why),
        }
    }
    let mut org_map: BTreeMap<String, Organization> = BTreeMap::new();
    for o in &orgs {
        match record::<Organization>(o) {
            Ok(org) => {
                org_map.insert(org.id.to_lowercase(), org);
            }
            Err((field, why)) => report.note(
                &format!("organization {}", id_of(o)),
                &field,
                &format!("not read ({why}); its kind is guessed from its name"),
            ),
        }
    }

    let mut ctx = Ctx {
        reference,
        mapping,
        channels: &channel_map,
        orgs: &org_map,
        report: &mut report,
        today: w::today(),
        places: w::Places::load(),
    };
    let mut records = Records::default();
    let mut seen = BTreeSet::new();
    for s in &services {
        let id = id_of(s);
        let service = match record::<Service>(s) {
            Ok(x) => x,
            Err((field, why)) => {
                ctx.report.skip(&format!("service ptv-{id}"), &field, &why);
                continue;
            }
        };
        if !seen.insert(id.clone()) {
            ctx.report.skip(
                &format!("service ptv-{id}"),
                "id",
                "the same service appears twice in the file",
            );
            continue;
        }
        match ctx.service(&service) {
            Ok((rec, org)) => {
                if !records.organisations.iter().any(|o| o.id == org.id) {
                    records.organisations.push(org);
                }
                records.services.push(rec);
            }
            Err((field, why)) => ctx.report.skip(&format!("service ptv-{id}"), &field, &why),
        }
    }
    Ok((records, report))
}

/// One conversion's lookups and report; `service.rs` and `channel.rs` hold its methods.
struct Ctx<'a> {
    reference: &'a Catalogue,
    mapping: &'a Mapping,
    channels: &'a BTreeMap<String, ServiceChannel>,
    orgs: &'a BTreeMap<String, Organization>,
    report: &'a mut ImportReport,
    today: String,
    places: w::Places,
}
