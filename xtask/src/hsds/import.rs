//! HSDS 3.0 `service` objects (ours or from elsewhere) as catalogue records: services, their
//! organisations and areas, and county contact points.

use std::collections::HashSet;
use std::path::Path;

use perheopas_core::model::{
    Access, Catalogue, Channel, ContactPoint, Cost, Lang, OrgKind, Status, Text,
};
use serde_json::Value;

use super::attributes::Ext;
use super::fields::{array, number, string, Skip};
use super::stream;
use super::{ACCESS, COST, ORG_KIND, SERVICE_TYPE, TARGET_GROUP};
use crate::catalogue_writer::{
    self as w, CountyRecord, DeliveryRecord, ImportReport, OrgRecord, PhoneRecord, Records,
    ServiceRecord,
};

/// The records of an HSDS file, and what was read and skipped. Errors only when the file as a
/// whole is not HSDS services.
pub fn convert(
    json: &str,
    input: &Path,
    reference: &Catalogue,
) -> Result<(Records, ImportReport), String> {
    let shape = "expected a JSON array of HSDS 3.0 service objects (or an object with them in \"contents\")";
    let mut report = ImportReport::new(input);
    let mut records = Records::default();
    let mut orgs: Vec<(Option<u64>, OrgRecord)> = Vec::new();
    // Every service repeats its organisation: a set keeps the check from growing with the list.
    let mut seen_orgs: HashSet<String> = HashSet::new();
    let mut im = Importer {
        reference,
        report: &mut report,
        today: w::today(),
        places: w::Places::load(),
    };
    let mut i = 0;
    stream::for_each_item(json, shape, &mut |item| {
        i += 1;
        let label = item
            .get("id")
            .and_then(Value::as_str)
            .map_or(format!("#{i}"), str::to_string);
        if !item.is_object() {
            im.report.services_read += 1;
            im.report
                .skip(&format!("service {label}"), "", "not an object");
            return;
        }
        let ext = Ext::of(&item);
        if ext.field("record") == Some("county_contact") {
            match im.county(&item, &ext) {
                Ok(c) => records.counties.push(c),
                Err((field, why)) => {
                    im.report
                        .skip(&format!("county contact {label}"), &field, &why)
                }
            }
            return;
        }
        im.report.services_read += 1;
        if ext.field("sample") == Some("true") {
            records.sample = true;
        }
        match im.service(&item, &ext) {
            Ok((s, org, position)) => {
                if seen_orgs.insert(org.id.clone()) {
                    orgs.push((position, org));
                }
                records.services.push(s);
            }
            Err((field, why)) => {
                let id = ext
                    .field("id")
                    .map_or(format!("service hsds-{label}"), |id| {
                        format!("service {id}")
                    });
                im.report.skip(&id, &field, &why);
            }
        }
    })
    .map_err(|e| format!("{}: {e}", input.display()))?;
    // Organisations in their exported order (a stable sort keeps the others as first met).
    orgs.sort_by_key(|(p, _)| p.unwrap_or(u64::MAX));
    records.organisations = orgs.into_iter().map(|(_, o)| o).collect();
    report.other_read = vec![
        ("organisations".into(), records.organisations.len()),
        ("county contacts".into(), records.counties.len()),
    ];
    Ok((records, report))
}

pub(super) struct Importer<'a> {
    pub(super) reference: &'a Catalogue,
    pub(super) report: &'a mut ImportReport,
    pub(super) today: String,
    pub(super) places: w::Places,
}

impl Importer<'_> {
    fn county(&mut self, item: &Value, ext: &Ext) -> Result<CountyRecord, Skip> {
        let code = ext.field("county").ok_or((
            "attributes".to_string(),
            "a county contact without its county code".to_string(),
        ))?;
        let name = ext
            .text("name", string(item, "name", "")?)
            .ok_or(("name".to_string(), "no name".to_string()))?;
        let phone = array(item, "phones", "")?
            .first()
            .map(|p| string(p, "number", "phones[0]."))
            .transpose()?
            .flatten()
            .map(str::to_string);
        let hours = ext.field("opening_hours").map(str::to_string);
        Ok(CountyRecord {
            code: code.to_string(),
            contact: ContactPoint {
                name,
                phone,
                web: string(item, "url", "")?.map(str::to_string),
                hours,
            },
        })
    }

    fn service(
        &mut self,
        item: &Value,
        ext: &Ext,
    ) -> Result<(ServiceRecord, OrgRecord, Option<u64>), Skip> {
        let hsds_id = string(item, "id", "")?
            .filter(|i| !i.is_empty())
            .ok_or(("id".to_string(), "no id (HSDS requires one)".to_string()))?
            .to_string();
        let id = ext
            .field("id")
            .map(str::to_string)
            .unwrap_or_else(|| format!("hsds-{hsds_id}"));
        let rec = format!("service {id}");
        let name = ext
            .text("name", string(item, "name", "")?)
            .filter(|t| !t.fi.is_empty())
            .ok_or(("name".to_string(), "no name".to_string()))?;

        let service_type = match ext.term(SERVICE_TYPE) {
            Some(t) => t.to_string(),
            None => ext
                .list
                .iter()
                .map(|(_, code, _)| *code)
                .find(|c| self.reference.service_types.iter().any(|t| t.id == *c))
                .map(str::to_string)
                .ok_or(("attributes".to_string(), format!("no service type: add a {SERVICE_TYPE} attribute (one of data/reference/service_types.csv)")))?,
        };
        let (org, position) = self.organisation(item)?;
        let mut r = ServiceRecord::new(id.clone(), org.id.clone(), service_type, name);
        r.source_id = ext
            .field("source_id")
            .map(str::to_string)
            .or_else(|| ext.field("id").is_none().then(|| hsds_id.clone()));
        r.source = ext.field("source").map(str::to_string);
        r.summary = ext.text("summary", None);
        r.description = ext.text("description", string(item, "description", "")?);
        r.how_to_get = ext.text("how_to_get", string(item, "application_process", "")?);
        r.language_note = ext.text(
            "language_note",
            string(item, "interpretation_services", "")?,
        );
        r.cost_text = ext.text("cost_text", string(item, "fees_description", "")?);
        r.alert = ext.text("alert", string(item, "alert", "")?);
        r.closed_until = ext.field("closed_until").map(str::to_string);
        r.machine_translated = ext
            .field("machine_translated")
            .map(|m| m.split(',').filter_map(Lang::from_code).collect())
            .unwrap_or_default();
        r.target_groups = ext
            .terms(TARGET_GROUP)
            .into_iter()
            .map(str::to_string)
            .collect();
        r.access = match ext.term(ACCESS) {
            Some(a) => Some(
                Access::from_id(a)
                    .ok_or(("attributes".to_string(), format!("unknown access \"{a}\"")))?,
            ),
            None => None,
        };
        // One age given: the other comes from the service type.
        let (min, max) = (
            number(item, "minimum_age", "")?,
            number(item, "maximum_age", "")?,
        );
        if min.is_some() || max.is_some() {
            let ty = self
                .reference
                .service_types
                .iter()
                .find(|t| t.id == r.service_type);
            let (dmin, dmax) = ty.map_or((0.0, 18.0), |t| (t.age_min, t.age_max));
            r.ages = Some((
                min.map_or(dmin, |a| a as f32),
                max.map_or(dmax, |b| b as f32),
            ));
        }
        r.status = match string(item, "status", "")? {
            Some("active") | None => Status::Active,
            Some("temporarily closed") => Status::TemporarilyClosed,
            Some(other) => {
                return Err((
                    "status".into(),
                    format!(
                        "\"{other}\": only active and temporarily closed services are imported"
                    ),
                ))
            }
        };
        r.last_checked = match string(item, "assured_date", "")?
            .or(string(item, "last_modified", "")?)
            .and_then(|d| d.get(..10))
        {
            Some(d)
                if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
                    && d <= self.today.as_str() =>
            {
                d.to_string()
            }
            _ => {
                self.report.note(
                    &rec,
                    "assured_date",
                    "missing or in the future; today's date used as last checked",
                );
                self.today.clone()
            }
        };
        r.languages = Vec::new();
        for (i, l) in array(item, "languages", "")?.iter().enumerate() {
            match string(l, "code", &format!("languages[{i}]."))? {
                Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_lowercase()) => {
                    r.languages.push(c.to_string())
                }
                other => self.report.note(
                    &rec,
                    &format!("languages[{i}]"),
                    &format!("{other:?} is not a two-letter ISO 639-1 code; left out"),
                ),
            }
        }
        if r.languages.is_empty() {
            r.languages.push("fi".into());
            self.report
                .note(&rec, "languages", "none given; Finnish assumed");
        }
        r.cost = self.cost(&rec, item, ext)?;

        for (i, sal) in array(item, "service_at_locations", "")?.iter().enumerate() {
            if let Some(d) = self.delivery(&rec, sal, &format!("service_at_locations[{i}]."))? {
                r.delivery.push(d);
            }
        }
        self.loose_channels(&rec, item, &mut r)?;
        if r.delivery.is_empty() {
            return Err(("service_at_locations".into(), "no usable delivery point (a location with address and coordinates, phones or a web address)".into()));
        }
        r.areas = self.areas(&rec, item, &r.delivery)?;
        Ok((r, org, position))
    }

    /// Phones and a web address given on the service itself (HSDS from elsewhere) become phone and
    /// online delivery points when no delivery point already has them.
    fn loose_channels(
        &mut self,
        rec: &str,
        item: &Value,
        r: &mut ServiceRecord,
    ) -> Result<(), Skip> {
        let phones: Vec<PhoneRecord> = array(item, "phones", "")?
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let number = string(p, "number", &format!("phones[{i}]."))?
                    .unwrap_or("")
                    .to_string();
                let note = string(p, "description", &format!("phones[{i}]."))?
                    .filter(|s| !s.is_empty())
                    .map(Text::fi);
                Ok(PhoneRecord { number, note })
            })
            .collect::<Result<_, Skip>>()?;
        let phones: Vec<PhoneRecord> = phones
            .into_iter()
            .filter(|p| {
                !r.delivery
                    .iter()
                    .any(|d| d.phones.iter().any(|q| q.number == p.number))
            })
            .collect();
        if !phones.is_empty() {
            let mut d = DeliveryRecord::new(Channel::Phone);
            d.phones = phones;
            r.delivery.push(d);
            self.report.note(
                rec,
                "phones",
                "the service's own phones make a phone delivery point",
            );
        }
        if let Some(url) = string(item, "url", "")? {
            if !r.delivery.iter().any(|d| d.web.as_deref() == Some(url)) {
                let mut d = DeliveryRecord::new(Channel::Online);
                d.web = Some(url.to_string());
                d.email = string(item, "email", "")?.map(str::to_string);
                r.delivery.push(d);
                self.report.note(
                    rec,
                    "url",
                    "the service's own web address makes an online delivery point",
                );
            }
        }
        Ok(())
    }

    fn organisation(&mut self, item: &Value) -> Result<(OrgRecord, Option<u64>), Skip> {
        let Some(o) = item.get("organization").filter(|o| o.is_object()) else {
            return Err((
                "organization".into(),
                "no organization object (the catalogue needs the provider)".into(),
            ));
        };
        let ext = Ext::of(o);
        let hsds_id = string(o, "id", "organization.")?.unwrap_or("");
        let id = ext
            .field("id")
            .map(str::to_string)
            .unwrap_or_else(|| format!("hsds-org-{hsds_id}"));
        let name = ext
            .text("name", string(o, "name", "organization.")?)
            .filter(|t| !t.fi.is_empty())
            .ok_or(("organization.name".to_string(), "no name".to_string()))?;
        let kind = match ext.term(ORG_KIND) {
            Some(k) => OrgKind::from_id(k).ok_or((
                "organization.attributes".to_string(),
                format!("unknown organisation kind \"{k}\""),
            ))?,
            None => w::guess_org_kind(&name.fi).ok_or((
                "organization".to_string(),
                format!(
                    "the kind of \"{}\" is unknown: add a {ORG_KIND} attribute",
                    name.fi
                ),
            ))?,
        };
        let website = string(o, "website", "organization.")?
            .or(string(o, "url", "organization.")?)
            .map(str::to_string);
        let position = ext.field("position").and_then(|p| p.parse().ok());
        Ok((
            OrgRecord {
                id,
                kind,
                name,
                website,
            },
            position,
        ))
    }

    fn cost(&mut self, rec: &str, item: &Value, ext: &Ext) -> Result<Cost, Skip> {
        if let Some(c) = ext.term(COST) {
            return Cost::from_id(c).ok_or(("attributes".into(), format!("unknown cost \"{c}\"")));
        }
        for (i, o) in array(item, "cost_options", "")?.iter().enumerate() {
            let path = format!("cost_options[{i}].");
            let option = string(o, "option", &path)?.unwrap_or("").to_lowercase();
            let amount = number(o, "amount", &path)?;
            if let Some(c) = Cost::from_id(&option) {
                return Ok(c);
            }
            if option.contains("voucher") || option.contains("seteli") {
                return Ok(Cost::Voucher);
            }
            if amount == Some(0.0) || option.contains("free") || option.contains("maksuton") {
                return Ok(Cost::Free);
            }
            if amount.is_some_and(|a| a > 0.0) {
                return Ok(Cost::Fee);
            }
        }
        self.report.note(rec, "cost_options", "no cost given; imported as fee (the catalogue never says free without the source saying so)");
        Ok(Cost::Fee)
    }

    pub(super) fn municipality_by_name(&self, name: &str) -> Option<String> {
        let n = name.trim().to_lowercase();
        self.reference
            .municipalities
            .iter()
            .find(|m| m.name.all().any(|x| x.to_lowercase() == n))
            .map(|m| m.code.clone())
    }

    fn areas(
        &mut self,
        rec: &str,
        item: &Value,
        delivery: &[DeliveryRecord],
    ) -> Result<Vec<String>, Skip> {
        let mut out: Vec<String> = Vec::new();
        for (i, a) in array(item, "service_areas", "")?.iter().enumerate() {
            let path = format!("service_areas[{i}].");
            let name = string(a, "name", &path)?.unwrap_or("");
            let code = Ext::of(a).field("area").map(str::to_string).or_else(|| {
                let lower = name.trim().to_lowercase();
                if [
                    "koko suomi",
                    "finland",
                    "suomi",
                    "hela finland",
                    "nationwide",
                ]
                .contains(&lower.as_str())
                {
                    return Some("nationwide".into());
                }
                if let Some(m) = self.municipality_by_name(name) {
                    return Some(m);
                }
                self.reference
                    .counties
                    .iter()
                    .find(|c| c.name.all().any(|x| x.to_lowercase() == lower))
                    .map(|c| format!("county:{}", c.code))
            });
            match code {
                Some(c) => out.push(c),
                None => self.report.note(rec, &format!("{path}name"), &format!("\"{name}\" is no municipality, wellbeing services county or \"Koko Suomi\"; left out")),
            }
        }
        if out.is_empty() {
            out.extend(
                delivery
                    .iter()
                    .filter_map(|d| d.address.as_ref().map(|a| a.municipality.clone())),
            );
            out.dedup();
            if out.is_empty() {
                return Err((
                    "service_areas".into(),
                    "no area: no service area and no place".into(),
                ));
            }
            self.report.note(
                rec,
                "service_areas",
                "no usable service area; the municipalities of its places are used",
            );
        }
        Ok(out)
    }
}
