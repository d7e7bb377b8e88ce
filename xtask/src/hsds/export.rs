//! What `export-hsds` writes: the stream of HSDS `service` objects (every service, then each
//! county's contact point) and the report of it.

use std::fmt;

use perheopas_core::model::{Catalogue, Text};
use serde_json::{Map, Value};

use super::export_service::{county_contact, service};

/// What an export wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    pub services: usize,
    pub county_contacts: usize,
    pub delivery_points: usize,
    /// Organisations without services: not in a service-centred export.
    pub organisations_left_out: Vec<String>,
}

impl fmt::Display for ExportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "HSDS 3.0 export: {} services ({} delivery points) and {} county contact points",
            self.services, self.delivery_points, self.county_contacts
        )?;
        if !self.organisations_left_out.is_empty() {
            writeln!(
                f,
                "  {} organisation(s) provide no service and are not exported: {}",
                self.organisations_left_out.len(),
                self.organisations_left_out.join(", ")
            )?;
        }
        Ok(())
    }
}

pub(super) fn objects(cat: &Catalogue) -> impl Iterator<Item = Value> + '_ {
    let contacts = cat.counties.iter().filter_map(move |c| {
        c.contact
            .as_ref()
            .map(|contact| county_contact(cat, c, contact))
    });
    cat.services
        .iter()
        .map(move |s| service(cat, s))
        .chain(contacts)
}

pub(super) fn report(cat: &Catalogue) -> ExportReport {
    let mut provides = vec![false; cat.organisations.len()];
    for s in &cat.services {
        provides[s.organisation as usize] = true;
    }
    ExportReport {
        services: cat.services.len(),
        county_contacts: cat.counties.iter().filter(|c| c.contact.is_some()).count(),
        delivery_points: cat.delivery_point_count(),
        organisations_left_out: cat
            .organisations
            .iter()
            .zip(&provides)
            .filter(|(_, p)| !**p)
            .map(|(o, _)| o.id.clone())
            .collect(),
    }
}

/// `Some(t)` when the source file would give the text (see `catalogue_writer`).
pub(super) fn given(t: &Text) -> Option<&Text> {
    (!t.is_empty() || !t.machine.is_empty()).then_some(t)
}

pub(super) fn put(obj: &mut Map<String, Value>, key: &str, v: Option<&str>) {
    if let Some(v) = v.filter(|v| !v.is_empty()) {
        obj.insert(key.into(), Value::String(v.into()));
    }
}
