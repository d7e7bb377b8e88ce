//! HSDS 3.0 `service` objects (ours or from elsewhere) as catalogue records: services, their
//! organisations and areas, and county contact points.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use perheopas_core::model::{
    Access, Catalogue, Channel, ContactPoint, Cost, Lang, OrgKind, Status, Text,
};
use serde_json::Value;

use super::attributes::Ext;
use super::fields::{array, number, string, Skip};
use super::stream;
use super::taxonomy::TaxonomyMap;
use super::{ACCESS, COST, ORG_KIND, SERVICE_TYPE, TARGET_GROUP};
use crate::catalogue_writer::{
    self as w, CountyRecord, DeliveryRecord, ImportReport, OrgRecord, PhoneRecord, Records,
    ServiceRecord,
};

/// What a top-level record of an HSDS file is, from the fields it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Service,
    /// An organization; its nested `services` are imported.
    Organization,
    /// A service_at_location: its `service`, with its `location` as the place.
    ServiceAtLocation,
    /// Records the catalogue cannot use by themselves: the file is refused by their name.
    Other(&'static str),
}

fn shape_of(item: &Value) -> Shape {
    let has = |k: &str| item.get(k).is_some();
    if item.get("service").is_some_and(Value::is_object) {
        Shape::ServiceAtLocation
    } else if item.get("services").is_some_and(Value::is_array)
        || (has("legal_status") || has("year_incorporated") || has("tax_status"))
            && !has("organization")
    {
        Shape::Organization
    } else if has("code") && (has("taxonomy") || has("taxonomy_detail") || has("term_uri")) {
        Shape::Other("an HSDS taxonomy_term")
    } else if has("location_type") || (has("latitude") && !has("organization")) {
        Shape::Other("an HSDS location")
    } else if has("vocabulary") && has("name") && !has("organization") {
        Shape::Other("an HSDS taxonomy")
    } else if !has("id") && !has("name") {
        Shape::Other("an object with neither id nor name")
    } else {
        Shape::Service
    }
}

/// The service records in one top-level record of `shape`, each with the place it came from.
fn services_in(item: Value, shape: Shape, at: &str) -> Vec<(String, Value)> {
    match shape {
        Shape::Service => vec![(at.to_string(), item)],
        Shape::Organization => {
            let mut org = item;
            let services = org
                .as_object_mut()
                .and_then(|o| o.remove("services"))
                .and_then(|s| match s {
                    Value::Array(a) => Some(a),
                    _ => None,
                })
                .unwrap_or_default();
            services
                .into_iter()
                .enumerate()
                .map(|(i, mut s)| {
                    // A nested service names its organisation by the one it sits in.
                    if let Some(o) = s.as_object_mut() {
                        o.entry("organization").or_insert_with(|| org.clone());
                    }
                    (format!("{at}.services[{i}]"), s)
                })
                .collect()
        }
        Shape::ServiceAtLocation => {
            let mut sal = item;
            let Some(mut service) = sal.as_object_mut().and_then(|o| o.remove("service")) else {
                return vec![];
            };
            if let Some(o) = service.as_object_mut() {
                if o.get("service_at_locations").is_none() {
                    o.insert("service_at_locations".into(), Value::Array(vec![sal]));
                }
            }
            vec![(format!("{at}.service"), service)]
        }
        Shape::Other(_) => vec![],
    }
}

/// The records of an HSDS file, and what was read and skipped. Errors only when the file as a
/// whole is not HSDS services (naming what it holds instead).
pub fn convert(
    json: &str,
    input: &Path,
    reference: &Catalogue,
    taxonomy: &TaxonomyMap,
) -> Result<(Records, ImportReport), String> {
    let shape = "expected HSDS 3.0 services: a JSON array (or an API page with \"contents\") of \
                 service, organization (with nested services) or service_at_location objects, \
                 or one such object";
    // A byte order mark is valid UTF-8 and some tools write one; JSON parsers refuse it.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut report = ImportReport::new(input);
    let mut records = Records::default();
    let mut orgs: Vec<(Option<u64>, OrgRecord)> = Vec::new();
    // Every service repeats its organisation: a set keeps the check from growing with the list.
    let mut seen_orgs: HashSet<String> = HashSet::new();
    // Service id → index in `records.services`: a repeat is reported (or, for another
    // service_at_location of the same service, its place is added to the first).
    let mut seen_services: HashMap<String, usize> = HashMap::new();
    let mut im = Importer {
        reference,
        report: &mut report,
        today: w::today(),
        places: w::Places::load(),
        taxonomy,
    };
    let (mut i, mut refused, mut organizations, mut sals) = (0, None, 0, 0);
    stream::for_each_item(json, shape, &mut |item| {
        i += 1;
        let at = format!("[{}]", i - 1);
        let kind = if item.is_object() {
            shape_of(&item)
        } else {
            Shape::Service
        };
        match kind {
            Shape::Other(name) => {
                refused.get_or_insert((at.clone(), name));
                return;
            }
            Shape::Organization => organizations += 1,
            Shape::ServiceAtLocation => sals += 1,
            Shape::Service => {}
        }
        for (path, item) in services_in(item, kind, &at) {
            let label = item
                .get("id")
                .and_then(Value::as_str)
                .map_or(format!("at {path}"), str::to_string);
            if !item.is_object() {
                im.report.services_read += 1;
                im.report
                    .skip(&format!("service {label}"), &path, "not an object");
                continue;
            }
            let ext = Ext::of(&item);
            if ext.field("record") == Some("county_contact") {
                match im.county(&item, &ext) {
                    Ok(c) => records.counties.push(c),
                    Err((field, why)) => im.report.skip(
                        &format!("county contact {label}"),
                        &format!("{path}.{field}"),
                        &why,
                    ),
                }
                continue;
            }
            let first = match item.get("id").and_then(Value::as_str) {
                Some(id) => seen_services.get(id).copied(),
                None => None,
            };
            if kind != Shape::ServiceAtLocation || first.is_none() {
                im.report.services_read += 1;
            }
            if ext.field("sample") == Some("true") {
                records.sample = true;
            }
            match im.service(&item, &ext) {
                Ok((s, org, position)) => match first {
                    Some(k) if kind == Shape::ServiceAtLocation => {
                        // Another place of a service already read: add it to the first.
                        let first = &mut records.services[k];
                        for d in s.delivery {
                            if !first.delivery.contains(&d) {
                                first.delivery.push(d);
                            }
                        }
                    }
                    Some(k) => im.report.skip(
                        &format!("service {}", s.id),
                        &format!("{path}.id"),
                        &format!(
                            "the id \"{label}\" repeats record {} (service {}); the first is kept",
                            k + 1,
                            records.services[k].id
                        ),
                    ),
                    None => {
                        if seen_orgs.insert(org.id.clone()) {
                            orgs.push((position, org));
                        }
                        seen_services.insert(label.clone(), records.services.len());
                        records.services.push(s);
                    }
                },
                Err((field, why)) => {
                    let id = ext
                        .field("id")
                        .map_or(format!("service hsds-{label}"), |id| {
                            format!("service {id}")
                        });
                    im.report.skip(&id, &format!("{path}.{field}"), &why);
                }
            }
        }
    })
    .map_err(|e| format!("{}: {e}", input.display()))?;
    if let Some((at, name)) = refused {
        return Err(format!(
            "{}: record {at} is {name}, not a service: import-hsds takes services (a list \
             or API page of service, organization-with-services or service_at_location \
             objects, or one such object); nothing written",
            input.display()
        ));
    }
    // Organisations in their exported order (a stable sort keeps the others as first met).
    orgs.sort_by_key(|(p, _)| p.unwrap_or(u64::MAX));
    records.organisations = orgs.into_iter().map(|(_, o)| o).collect();
    report.other_read = vec![
        ("organisations".into(), records.organisations.len()),
        ("county contacts".into(), records.counties.len()),
    ];
    if organizations > 0 {
        report
            .other_read
            .push(("organization records".into(), organizations));
    }
    if sals > 0 {
        report
            .other_read
            .push(("service_at_location records".into(), sals));
    }
    Ok((records, report))
}

pub(super) struct Importer<'a> {
    pub(super) reference: &'a Catalogue,
    pub(super) report: &'a mut ImportReport,
    pub(super) today: String,
    pub(super) places: w::Places,
    pub(super) taxonomy: &'a TaxonomyMap,
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
                .map_or_else(
                    || {
                        let terms: Vec<(String, String)> = ext
                            .list
                            .iter()
                            .map(|(t, c, _)| (t.to_string(), c.to_string()))
                            .collect();
                        self.taxonomy.resolve(&terms, &name.fi).map_err(|unmapped| {
                            (
                                "attributes".to_string(),
                                format!(
                                    "no service type: no {SERVICE_TYPE} attribute, and no row of \
                                     data/mapping/hsds_taxonomy.csv maps its terms ({unmapped}) \
                                     or its name"
                                ),
                            )
                        })
                    },
                    Ok,
                )?,
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

        let service_schedules = array(item, "schedules", "")?;
        for (i, sal) in array(item, "service_at_locations", "")?.iter().enumerate() {
            let path = format!("service_at_locations[{i}].");
            if let Some(d) = self.delivery(&rec, sal, &path, service_schedules)? {
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
            .enumerate()
            .filter(|(i, p)| {
                let ok = w::finnish_phone(&p.number);
                if !ok {
                    self.report.note(
                        rec,
                        &format!("phones[{i}].number"),
                        &format!("\"{}\" is not a Finnish number; left out", p.number),
                    );
                }
                ok
            })
            .map(|(_, p)| p)
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
            // A real feed carries no kind of ours: the mapping table's word first, then the name.
            None => self
                .taxonomy
                .org_kind(hsds_id, &name.fi)
                .or_else(|| w::guess_org_kind(&name.fi))
                .ok_or((
                    "organization".to_string(),
                    format!(
                        "the kind of \"{}\" is unknown: add a {ORG_KIND} attribute, or a \
                         {ORG_KIND} row for it to data/mapping/hsds_taxonomy.csv",
                        name.fi
                    ),
                ))?,
        };
        let website = string(o, "website", "organization.")?
            .or(string(o, "url", "organization.")?)
            .map(str::to_string)
            .filter(|u| {
                // A bad optional field drops the field, never the organisation and its services.
                let ok = w::https_url(u);
                if !ok {
                    self.report.note(
                        &format!("organisation {id}"),
                        "organization.website",
                        &format!("\"{u}\" is not an https address; the web site is left out"),
                    );
                }
                ok
            });
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
