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
//! northing, `longitude` the easting); such values are converted to WGS84 with `proj4rs`. Values
//! that already look like degrees are taken as WGS84.
//!
//! **Nothing dropped silently.** A record that cannot be read or mapped is skipped and listed with
//! why; a record written with a field left out or shortened is listed too. The written records are
//! checked by the catalogue compiler before anything touches the disk; a file that is not a PTV
//! export at all is an error and nothing is written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use perheopas_core::model::{Catalogue, Channel, Cost, OrgKind, Text};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::catalogue_writer::{self as w, AddressRecord, DeliveryRecord, ImportReport, OrgRecord, PhoneRecord, Records, ServiceRecord};

// ------------------------------------------------------------------------------------ input

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LangValue {
    pub language: String,
    pub value: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct IdName {
    id: String,
    name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Finto {
    code: Option<String>,
    uri: Option<String>,
    name: Vec<LangValue>,
}

impl Finto {
    /// The code, or the last part of the URI (`…/ptvserclass2/code/P5.2`).
    fn code(&self) -> Option<String> {
        self.code.clone().filter(|c| !c.is_empty()).or_else(|| self.uri.as_deref().and_then(|u| u.rsplit('/').next()).map(str::to_string))
    }
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Muni {
    code: String,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Area {
    #[serde(rename = "type")]
    kind: String,
    code: Option<String>,
    municipalities: Vec<Muni>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Connection {
    service_channel: IdName,
    service_hours: Vec<Hours>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct OrgRole {
    organization: IdName,
    role_type: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Service {
    id: String,
    service_names: Vec<LangValue>,
    service_descriptions: Vec<LangValue>,
    service_charge_type: Option<String>,
    service_vouchers_in_use: bool,
    area_type: Option<String>,
    areas: Vec<Area>,
    languages: Vec<String>,
    service_classes: Vec<Finto>,
    target_groups: Vec<Finto>,
    service_channels: Vec<Connection>,
    organizations: Vec<OrgRole>,
    publishing_status: Option<String>,
    modified: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
struct PhoneNumber {
    additional_information: Option<String>,
    charge_description: Option<String>,
    prefix_number: Option<String>,
    is_finnish_service_number: bool,
    number: String,
    language: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
struct WebPage {
    url: String,
    language: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Street {
    street: Vec<LangValue>,
    street_number: Option<String>,
    postal_code: String,
    post_office: Vec<LangValue>,
    municipality: Option<Muni>,
    latitude: Option<String>,
    longitude: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Address {
    #[serde(rename = "type")]
    kind: Option<String>,
    sub_type: Option<String>,
    street_address: Option<Street>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct OpeningHour {
    pub day_from: Option<String>,
    pub day_to: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default, rename_all = "camelCase")]
pub struct Hours {
    pub service_hour_type: String,
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub is_closed: bool,
    pub is_always_open: bool,
    pub additional_information: Vec<LangValue>,
    pub opening_hour: Vec<OpeningHour>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct ServiceChannel {
    id: String,
    service_channel_type: String,
    service_channel_names: Vec<LangValue>,
    phone_numbers: Vec<PhoneNumber>,
    support_phones: Vec<PhoneNumber>,
    emails: Vec<LangValue>,
    support_emails: Vec<LangValue>,
    web_pages: Vec<WebPage>,
    addresses: Vec<Address>,
    service_hours: Vec<Hours>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct Organization {
    id: String,
    organization_names: Vec<LangValue>,
    organization_type: Option<String>,
    web_pages: Vec<WebPage>,
}

/// The API writes `null` for missing values; dropping them lets serde's defaults apply.
fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

/// Reads one record; on failure, the path of the bad field and what is wrong with it.
fn record<T: DeserializeOwned>(v: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| (e.path().to_string(), e.inner().to_string()))
}

fn id_of(v: &Value) -> String {
    v.get("id").and_then(Value::as_str).unwrap_or("(no id)").to_lowercase()
}

// ------------------------------------------------------------------------------------ mapping table

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
    pub fn load(path: &Path, types: &[perheopas_core::model::ServiceType]) -> Result<Mapping, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Mapping::parse(&text, types).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str, types: &[perheopas_core::model::ServiceType]) -> Result<Mapping, String> {
        let mut rows = Vec::new();
        let mut bad = Vec::new();
        for (i, row) in csv::Reader::from_reader(text.as_bytes()).deserialize::<MappingRow>().enumerate() {
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
                bad.push(format!("line {line}: write ptv_code as P3.7, P5.2+keyword or *+keyword"));
            }
            rows.push((class, keyword, ty));
        }
        if bad.is_empty() { Ok(Mapping { rows }) } else { Err(bad.join("\n")) }
    }

    /// The service type for these class codes and Finnish name: a class row with a keyword found
    /// in the name wins (the longest keyword), then an any-class keyword, then a plain class row.
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
                Some(k) if class_ok && name.contains(k.as_str()) => (if class == "*" { 2 } else { 3 }, k.chars().count()),
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

// ------------------------------------------------------------------------------------ import

/// Imports a PTV export (see the module notes) into catalogue files under `out_dir`.
pub fn import_ptv(input: &Path, out_dir: &Path, mapping: &Path) -> Result<ImportReport, String> {
    let reference = w::reference();
    let mapping = Mapping::load(mapping, &reference.service_types)?;
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let (mut records, mut report) = convert(&text, input, &mapping, &reference)?;
    let files = w::keep_valid(&mut records, &mut report, &format!("import-ptv from {}", input.display()))?;
    report.count(&records);
    report.files = w::write_files(out_dir, &files)?;
    Ok(report)
}

/// The records of a PTV export, and what was read and skipped. Errors only when the file as a
/// whole is not a PTV export.
pub fn convert(json: &str, input: &Path, mapping: &Mapping, reference: &Catalogue) -> Result<(Records, ImportReport), String> {
    let shape = "expected a JSON object with \"services\" and \"serviceChannels\" arrays (PTV open API v11 records)";
    let mut v: Value = serde_json::from_str(json).map_err(|e| format!("{}: not valid JSON ({e}); {shape}", input.display()))?;
    strip_nulls(&mut v);
    let array = |key: &str, required: bool| -> Result<Vec<Value>, String> {
        match v.get(key) {
            Some(Value::Array(a)) => Ok(a.clone()),
            None if !required => Ok(vec![]),
            Some(_) => Err(format!("{}: \"{key}\" is not an array; {shape}", input.display())),
            None => Err(format!("{}: no \"{key}\"; {shape}", input.display())),
        }
    };
    if !v.is_object() {
        return Err(format!("{}: {shape}", input.display()));
    }
    let (services, channels, orgs) = (array("services", true)?, array("serviceChannels", true)?, array("organizations", false)?);

    let mut report = ImportReport::new(input);
    report.services_read = services.len();
    report.other_read = vec![("channels".into(), channels.len()), ("organizations".into(), orgs.len())];

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
            Err((field, why)) => report.note(&format!("organization {}", id_of(o)), &field, &format!("not read ({why}); its kind is guessed from its name")),
        }
    }

    let mut ctx = Ctx { reference, mapping, channels: &channel_map, orgs: &org_map, report: &mut report, proj: Proj::new()?, today: w::today() };
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
            ctx.report.skip(&format!("service ptv-{id}"), "id", "the same service appears twice in the file");
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

struct Ctx<'a> {
    reference: &'a Catalogue,
    mapping: &'a Mapping,
    channels: &'a BTreeMap<String, ServiceChannel>,
    orgs: &'a BTreeMap<String, Organization>,
    report: &'a mut ImportReport,
    proj: Proj,
    today: String,
}

type Skip = (String, String);

fn skip<T>(field: &str, why: impl Into<String>) -> Result<T, Skip> {
    Err((field.to_string(), why.into()))
}

/// The fi, sv and en values of a multilingual list (of one `type`, when given).
fn text(list: &[LangValue], kind: Option<&[&str]>) -> Option<Text> {
    let get = |l: &str| {
        list.iter()
            .filter(|v| kind.is_none_or(|k| v.kind.as_deref().is_none_or(|t| k.contains(&t))))
            .find(|v| v.language == l && !v.value.trim().is_empty())
            .map(|v| v.value.trim().to_string())
    };
    let fi = get("fi")?;
    Some(Text { fi, sv: get("sv"), en: get("en"), machine: vec![] })
}

fn has_other_languages(list: &[LangValue]) -> bool {
    list.iter().any(|v| v.language != "fi" && !v.value.trim().is_empty())
}

fn https(url: &str) -> bool {
    url.strip_prefix("https://").is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
}

impl Ctx<'_> {
    fn service(&mut self, s: &Service) -> Result<(ServiceRecord, OrgRecord), Skip> {
        if s.id.trim().is_empty() {
            return skip("id", "no id");
        }
        let id = format!("ptv-{}", s.id.to_lowercase());
        let rec = format!("service {id}");
        if let Some(st) = s.publishing_status.as_deref().filter(|st| *st != "Published") {
            return skip("publishingStatus", format!("\"{st}\", only published services are imported"));
        }
        let Some(name) = text(&s.service_names, Some(&["Name"])) else {
            return skip("serviceNames", "no Finnish name (language \"fi\", type \"Name\")");
        };
        let classes: Vec<String> = s.service_classes.iter().filter_map(Finto::code).collect();
        let Some(service_type) = self.mapping.resolve(&classes, &name.fi) else {
            let named: Vec<String> = s
                .service_classes
                .iter()
                .map(|c| format!("{} {}", c.code().unwrap_or_default(), text(&c.name, None).map(|t| t.fi).unwrap_or_default()).trim().to_string())
                .collect();
            let list = if named.is_empty() { "none".to_string() } else { named.join(", ") };
            return skip("serviceClasses", format!("no service type for classes [{list}] and name \"{}\"; add a row to data/mapping/ptv_service_classes.csv", name.fi));
        };
        let org = self.organisation(s)?;
        let mut r = ServiceRecord::new(id.clone(), org.id.clone(), service_type, self.fit(&rec, "serviceNames", name, 120));
        r.source_id = Some(s.id.to_lowercase());
        r.source = Some(format!("https://api.palvelutietovaranto.suomi.fi/api/v11/Service/{}", s.id.to_lowercase()));

        let desc = |kinds: &[&str]| text(&s.service_descriptions, Some(kinds));
        r.summary = desc(&["Summary", "ShortDescription"]).map(|t| self.fit(&rec, "summary", t, 150));
        r.description = desc(&["Description"]).map(|t| self.fit(&rec, "description", t, 3000));
        r.how_to_get = desc(&["UserInstruction", "ServiceUserInstruction"]).map(|t| self.fit(&rec, "userInstruction", t, 500));
        r.cost_text = desc(&["ChargeTypeAdditionalInfo"]).map(|t| self.fit(&rec, "chargeTypeAdditionalInfo", t, 500));
        if text(&s.service_descriptions, None).is_none() && has_other_languages(&s.service_descriptions) {
            self.report.note(&rec, "serviceDescriptions", "no Finnish texts; Swedish and English ones are not imported without a Finnish one");
        }

        r.languages = s.languages.iter().map(|l| l.trim().to_lowercase()).filter(|l| l.len() == 2 && l.chars().all(|c| c.is_ascii_lowercase())).collect();
        if r.languages.len() != s.languages.len() {
            self.report.note(&rec, "languages", &format!("kept {:?} of {:?} (two-letter codes only)", r.languages, s.languages));
        }
        if r.languages.is_empty() {
            r.languages = vec!["fi".into()];
            self.report.note(&rec, "languages", "none given; Finnish assumed");
        }
        r.cost = match (s.service_vouchers_in_use, s.service_charge_type.as_deref()) {
            (true, _) => Cost::Voucher,
            (false, Some("FreeOfCharge" | "Free")) => Cost::Free,
            (false, Some("Chargeable" | "Charged")) => Cost::Fee,
            (false, other) => {
                self.report.note(&rec, "serviceChargeType", &format!("{other:?}: imported as fee (the catalogue never says free without the source saying so)"));
                Cost::Fee
            }
        };
        r.target_groups = s.target_groups.iter().filter_map(Finto::code).collect();
        r.last_checked = match s.modified.as_deref().and_then(local_date) {
            Some(d) if d <= self.today => d,
            _ => {
                self.report.note(&rec, "modified", "missing or in the future; today's date used as last checked");
                self.today.clone()
            }
        };

        for conn in &s.service_channels {
            let cid = conn.service_channel.id.to_lowercase();
            let Some(ch) = self.channels.get(&cid) else {
                self.report.note(&rec, &format!("serviceChannels[{cid}]"), "the channel is not in the file (or was skipped); left out");
                continue;
            };
            let hours = if conn.service_hours.is_empty() { &ch.service_hours } else { &conn.service_hours };
            if let Some(d) = self.delivery(&rec, ch, hours) {
                r.delivery.push(d);
            }
        }
        if r.delivery.is_empty() {
            return skip("serviceChannels", "no usable service channel (location with address and coordinates, phone, e-service or web page)");
        }
        r.areas = self.areas(&rec, s, &r.delivery)?;
        Ok((r, org))
    }

    fn fit(&mut self, rec: &str, field: &str, mut t: Text, max: usize) -> Text {
        for (lang, s) in [("fi", Some(&mut t.fi)), ("sv", t.sv.as_mut()), ("en", t.en.as_mut())] {
            if let Some(s) = s {
                if let Some(short) = w::shorten(s, max) {
                    self.report.note(rec, &format!("{field}.{lang}"), &format!("{} characters, shortened to {max}", s.chars().count()));
                    *s = short;
                }
            }
        }
        t
    }

    fn organisation(&mut self, s: &Service) -> Result<OrgRecord, Skip> {
        let role = |r: &str| s.organizations.iter().find(|o| o.role_type.as_deref() == Some(r));
        let Some(o) = role("Responsible").or_else(|| role("Producer")).or(s.organizations.first()) else {
            return skip("organizations", "no responsible organisation");
        };
        let oid = o.organization.id.to_lowercase();
        let full = self.orgs.get(&oid);
        let name = full
            .and_then(|f| text(&f.organization_names, Some(&["Name"])))
            .or_else(|| o.organization.name.clone().filter(|n| !n.trim().is_empty()).map(|n| Text::fi(n.trim())));
        let Some(name) = name else { return skip("organizations", format!("organisation {oid} has no Finnish name")) };
        let by_type = match full.and_then(|f| f.organization_type.as_deref()) {
            Some("Municipality") => Some(OrgKind::Municipality),
            Some("State") => Some(OrgKind::State),
            Some("Region" | "RegionalOrganization" | "SotePublic" | "WellbeingServicesCounty") => Some(OrgKind::WellbeingCounty),
            Some("Company" | "SotePrivate" | "TT2") => Some(OrgKind::Private),
            // "Organization" covers associations, foundations and parishes alike: the name tells.
            Some("Organization") => Some(w::guess_org_kind(&name.fi).filter(|k| *k == OrgKind::Parish).unwrap_or(OrgKind::Ngo)),
            _ => None,
        };
        let Some(kind) = by_type.or_else(|| w::guess_org_kind(&name.fi)) else {
            return skip("organizations", format!("the kind of organisation \"{}\" ({oid}) is unknown: add it to \"organizations\"", name.fi));
        };
        let website = full.and_then(|f| pick_url(&f.web_pages));
        let id = format!("ptv-org-{oid}");
        let name = self.fit(&format!("organisation {id}"), "organizationNames", name, 120);
        Ok(OrgRecord { id, kind, name, website })
    }

    fn delivery(&mut self, rec: &str, ch: &ServiceChannel, hours: &[Hours]) -> Option<DeliveryRecord> {
        let field = format!("channel {}", ch.id.to_lowercase());
        let channel = match ch.service_channel_type.as_str() {
            "ServiceLocation" => Channel::InPerson,
            "Phone" => Channel::Phone,
            "EChannel" | "WebPage" => Channel::Online,
            other => {
                self.report.note(rec, &field, &format!("{other} channels are not delivery points; left out"));
                return None;
            }
        };
        let mut d = DeliveryRecord::new(channel);
        d.name = text(&ch.service_channel_names, Some(&["Name"])).map(|t| self.fit(rec, &format!("{field} name"), t, 120));
        let phones = if ch.phone_numbers.is_empty() { &ch.support_phones } else { &ch.phone_numbers };
        d.phones = self.phones(rec, &field, phones);
        let emails = if ch.emails.is_empty() { &ch.support_emails } else { &ch.emails };
        d.email = pick_lang(emails.iter().map(|e| (e.language.as_str(), e.value.trim()))).filter(|e| {
            let ok = e.contains('@') && e.split('@').nth(1).is_some_and(|d| d.contains('.')) && !e.contains(char::is_whitespace);
            if !ok {
                self.report.note(rec, &format!("{field} email"), &format!("\"{e}\" is not an e-mail address; left out"));
            }
            ok
        });
        d.web = pick_url(&ch.web_pages);
        if d.web.is_none() && !ch.web_pages.is_empty() {
            self.report.note(rec, &format!("{field} webPages"), "no https address; left out");
        }
        match hours_to_osm(hours) {
            Ok((h, notes)) => {
                for n in notes {
                    self.report.note(rec, &format!("{field} serviceHours"), &n);
                }
                d.hours = h;
            }
            Err(e) => self.report.note(rec, &format!("{field} serviceHours"), &format!("{e}; hours left out")),
        }
        let info: Vec<LangValue> = hours.iter().flat_map(|h| h.additional_information.iter().cloned()).collect();
        d.hours_note = text(&info, None).map(|t| self.fit(rec, &format!("{field} hours note"), t, 500));

        match channel {
            Channel::InPerson => match self.place(ch) {
                Ok((address, location)) => {
                    d.address = Some(address);
                    d.location = Some(location);
                }
                Err(why) => {
                    self.report.note(rec, &format!("{field} addresses"), &format!("{why}; this location is left out"));
                    return None;
                }
            },
            Channel::Phone if d.phones.is_empty() => {
                self.report.note(rec, &format!("{field} phoneNumbers"), "no usable phone number; this channel is left out");
                return None;
            }
            Channel::Online if d.web.is_none() => {
                self.report.note(rec, &format!("{field} webPages"), "no https address; this channel is left out");
                return None;
            }
            _ => {}
        }
        Some(d)
    }

    /// Phone numbers, one per number (PTV repeats a number per language), with their notes.
    fn phones(&mut self, rec: &str, field: &str, list: &[PhoneNumber]) -> Vec<PhoneRecord> {
        let mut by_number: Vec<(String, Vec<LangValue>)> = Vec::new();
        for p in list {
            let Some(number) = phone_number(p) else {
                self.report.note(rec, &format!("{field} phone"), &format!("\"{} {}\" is not a Finnish number; left out", p.prefix_number.as_deref().unwrap_or(""), p.number));
                continue;
            };
            let mut note = p.additional_information.clone().unwrap_or_default().trim().to_string();
            if let Some(c) = p.charge_description.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                note = if note.is_empty() { c.to_string() } else { format!("{note} ({c})") };
            }
            let lang = p.language.clone().unwrap_or_else(|| "fi".into());
            let entry = match by_number.iter_mut().find(|(n, _)| *n == number) {
                Some(e) => e,
                None => {
                    by_number.push((number, vec![]));
                    by_number.last_mut().expect("just pushed")
                }
            };
            if !note.is_empty() {
                entry.1.push(LangValue { language: lang, value: note, kind: None });
            }
        }
        by_number.into_iter().map(|(number, notes)| PhoneRecord { number, note: text(&notes, None).map(|t| self.fit(rec, &format!("{field} phone note"), t, 500)) }).collect()
    }

    /// The visiting address and WGS84 point of a service location.
    fn place(&self, ch: &ServiceChannel) -> Result<(AddressRecord, (f64, f64)), String> {
        let visiting = |a: &&Address| a.kind.as_deref().is_none_or(|k| matches!(k, "Visiting" | "Location")) && a.sub_type.as_deref() != Some("PostOfficeBox");
        let Some(street) = ch.addresses.iter().filter(visiting).find_map(|a| a.street_address.as_ref()) else {
            return Err("no visiting street address".into());
        };
        let Some(mut street_text) = text(&street.street, None) else { return Err("the street has no Finnish name".into()) };
        if let Some(n) = street.street_number.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            street_text.fi = format!("{} {n}", street_text.fi);
            for s in [street_text.sv.as_mut(), street_text.en.as_mut()].into_iter().flatten() {
                *s = format!("{s} {n}");
            }
        }
        let mut post_office = text(&street.post_office, None).ok_or("no Finnish post office name")?;
        for s in [Some(&mut post_office.fi), post_office.sv.as_mut(), post_office.en.as_mut()].into_iter().flatten() {
            *s = title_case(s);
        }
        let municipality = street.municipality.as_ref().map(|m| muni_code(&m.code)).ok_or("no municipality")?;
        if self.reference.municipality_by_code(&municipality).is_none() {
            return Err(format!("unknown municipality code \"{municipality}\""));
        }
        let (Some(lat), Some(lon)) = (street.latitude.as_deref(), street.longitude.as_deref()) else {
            return Err("no coordinates".into());
        };
        let location = self.proj.to_wgs84(lat, lon)?;
        Ok((AddressRecord { street: street_text, postcode: street.postal_code.trim().to_string(), post_office, municipality }, location))
    }

    fn areas(&mut self, rec: &str, s: &Service, delivery: &[DeliveryRecord]) -> Result<Vec<String>, Skip> {
        if matches!(s.area_type.as_deref(), Some("Nationwide" | "NationwideExceptAlandIslands" | "WholeCountry" | "WholeCountryExceptAlandIslands")) {
            return Ok(vec!["nationwide".into()]);
        }
        let mut codes = BTreeSet::new();
        for a in &s.areas {
            let listed: Vec<String> = a.municipalities.iter().map(|m| muni_code(&m.code)).collect();
            match (a.kind.as_str(), a.code.as_deref()) {
                ("Municipality", Some(code)) => {
                    codes.insert(muni_code(code));
                }
                _ if !listed.is_empty() => codes.extend(listed),
                ("Region" | "Province", Some(code)) => codes.extend(region_municipalities(code)),
                (kind, code) => self.report.note(rec, "areas", &format!("area {kind} {code:?} lists no municipalities; left out")),
            }
        }
        let unknown: Vec<String> = codes.iter().filter(|c| self.reference.municipality_by_code(c).is_none()).cloned().collect();
        if !unknown.is_empty() {
            self.report.note(rec, "areas", &format!("unknown municipality codes {unknown:?} left out"));
            codes.retain(|c| !unknown.contains(c));
        }
        if codes.is_empty() {
            codes.extend(delivery.iter().filter_map(|d| d.address.as_ref().map(|a| a.municipality.clone())));
            if codes.is_empty() {
                return skip("areas", "no area: no municipality, region or nationwide area and no location");
            }
            self.report.note(rec, "areas", "no area given; the municipalities of its locations are used");
        }
        Ok(compress_areas(self.reference, &codes))
    }
}

/// Whole counties as `county:<code>`, the rest as municipality codes.
fn compress_areas(cat: &Catalogue, codes: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut covered = BTreeSet::new();
    for (ci, county) in cat.counties.iter().enumerate() {
        let members: Vec<&str> = cat.municipalities.iter().filter(|m| m.county as usize == ci).map(|m| m.code.as_str()).collect();
        if !members.is_empty() && members.iter().all(|m| codes.contains(*m)) {
            out.push(format!("county:{}", county.code));
            covered.extend(members);
        }
    }
    out.extend(codes.iter().filter(|c| !covered.contains(c.as_str())).cloned());
    out
}

/// The municipalities of a region (maakunta) code, from the reference table.
fn region_municipalities(code: &str) -> Vec<String> {
    #[derive(Deserialize)]
    struct Row {
        code: String,
        maakunta_code: String,
    }
    let muni_file = w::reference_files().into_iter().next().expect("municipalities first");
    let want = format!("{:0>2}", code.trim());
    csv::Reader::from_reader(muni_file.text.as_bytes()).deserialize::<Row>().flatten().filter(|r| r.maakunta_code == want).map(|r| r.code).collect()
}

fn muni_code(code: &str) -> String {
    let c = code.trim();
    if c.chars().all(|ch| ch.is_ascii_digit()) && c.len() < 3 { format!("{c:0>3}") } else { c.to_string() }
}

/// PTV writes post offices in capitals ("PIEKSÄMÄKI"); the catalogue writes names ("Pieksämäki").
fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start { out.extend(c.to_uppercase()) } else { out.extend(c.to_lowercase()) }
        start = !c.is_alphanumeric();
    }
    out
}

/// fi first, then sv, en, anything.
fn pick_lang<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Option<String> {
    let all: Vec<(&str, &str)> = items.filter(|(_, v)| !v.is_empty()).collect();
    ["fi", "sv", "en"].iter().find_map(|l| all.iter().find(|(x, _)| x == l)).or(all.first()).map(|(_, v)| v.to_string())
}

fn pick_url(pages: &[WebPage]) -> Option<String> {
    let usable: Vec<&WebPage> = pages.iter().filter(|p| https(p.url.trim())).collect();
    pick_lang(usable.iter().map(|p| (p.language.as_deref().unwrap_or(""), p.url.trim())))
}

/// `+358` and `40 0001234` → `+358 40 0001234`; service numbers (0800…, 116 117) as they are.
fn phone_number(p: &PhoneNumber) -> Option<String> {
    let number = p.number.trim();
    let prefix = p.prefix_number.as_deref().map(str::trim).unwrap_or("");
    let out = if p.is_finnish_service_number || prefix.is_empty() {
        number.to_string()
    } else if prefix == "+358" {
        format!("+358 {}", number.trim_start_matches('0'))
    } else {
        return None; // a foreign number: the catalogue takes Finnish numbers only
    };
    finnish(&out).then_some(out)
}

/// The catalogue's rule for a Finnish number (as `source::checks` has it): +358 and 5–12 digits
/// not starting with 0, or 0 and 6–12 digits, or a short service number starting with 1.
fn finnish(s: &str) -> bool {
    let compact: String = s.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')')).collect();
    let digits = |x: &str| x.chars().all(|c| c.is_ascii_digit());
    if let Some(rest) = compact.strip_prefix("+358") {
        (5..=12).contains(&rest.len()) && digits(rest) && !rest.starts_with('0')
    } else if compact.starts_with('0') {
        (6..=12).contains(&compact.len()) && digits(&compact)
    } else {
        compact.starts_with('1') && (3..=6).contains(&compact.len()) && digits(&compact)
    }
}

// ------------------------------------------------------------------------------------ hours

use crate::catalogue_writer::{osm_weekdays as weekdays, OSM_DAYS as DAYS};
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn day_index(name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].iter().position(|d| *d == n)
}

/// "08:00:00" → "08:00".
fn clock(t: &str) -> Option<String> {
    let mut parts = t.trim().split(':');
    let (h, m) = (parts.next()?.parse::<u32>().ok()?, parts.next()?.parse::<u32>().ok()?);
    (h <= 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The Finnish calendar date of a PTV timestamp: as written when it has no offset, else moved to
/// Finnish time (a midnight written in UTC is the evening before).
fn local_date(ts: &str) -> Option<String> {
    let ts = ts.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(ts) {
        return Some(perheopas_core::hours::helsinki_now(t.with_timezone(&chrono::Utc)).format("%Y-%m-%d").to_string());
    }
    let date = ts.get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok().map(|_| date.to_string())
}

/// "2026 Dec 24", "2026 Dec 24-26" or "2026 Jul 01-2026 Aug 02".
fn date_range(from: &str, to: Option<&str>) -> Option<String> {
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let a = parse(&local_date(from)?)?;
    let b = match to.and_then(local_date) {
        Some(t) => parse(&t)?,
        None => a,
    };
    use chrono::Datelike;
    let day = |d: chrono::NaiveDate| format!("{} {} {:02}", d.year(), MONTHS[d.month0() as usize], d.day());
    Some(if a >= b {
        day(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}-{:02}", day(a), b.day())
    } else {
        format!("{}-{}", day(a), day(b))
    })
}

fn span(o: &OpeningHour) -> Option<(String, String)> {
    let from = clock(o.from.as_deref()?)?;
    let mut to = clock(o.to.as_deref()?)?;
    if to == "00:00" && from != "00:00" {
        to = "24:00".into(); // closing at midnight
    }
    Some((from, to))
}

/// PTV service hours as one OpenStreetMap opening_hours string (None when there are none), plus
/// notes about entries that could not be used. Weekly rules come first, rules across midnight are
/// added to them (`,` does not override), and dated exceptions come last so they override both.
pub fn hours_to_osm(hours: &[Hours]) -> Result<(Option<String>, Vec<String>), String> {
    let (mut weekly, mut extra, mut dated): (Vec<String>, Vec<String>, Vec<(String, String)>) = (vec![], vec![], vec![]);
    let mut notes = Vec::new();
    for h in hours {
        let range = |h: &Hours| h.valid_to.as_deref().and(h.valid_from.as_deref()).and_then(|f| date_range(f, h.valid_to.as_deref()));
        let prefixed = |p: &Option<String>, rule: String| match p {
            Some(p) => format!("{p} {rule}"),
            None => rule,
        };
        match h.service_hour_type.as_str() {
            "DaysOfTheWeek" | "Standard" => {
                let prefix = range(h);
                if h.is_always_open {
                    weekly.push(prefixed(&prefix, if prefix.is_some() { "00:00-24:00".into() } else { "24/7".into() }));
                    continue;
                }
                let mut per_day: BTreeMap<usize, Vec<String>> = BTreeMap::new();
                for o in &h.opening_hour {
                    let (Some(d1), Some((f, t))) = (o.day_from.as_deref().and_then(day_index), span(o)) else {
                        notes.push(format!("opening hour {:?} {:?}-{:?} is not a weekday and times; left out", o.day_from, o.from, o.to));
                        continue;
                    };
                    let d2 = o.day_to.as_deref().and_then(day_index).filter(|&d| d >= d1).unwrap_or(d1);
                    for d in d1..=d2 {
                        per_day.entry(d).or_default().push(format!("{f}-{t}"));
                    }
                }
                let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
                for (d, mut times) in per_day {
                    times.sort();
                    let key = times.join(",");
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, days)) => days.push(d),
                        None => groups.push((key, vec![d])),
                    }
                }
                for (times, days) in groups {
                    weekly.push(prefixed(&prefix, format!("{} {times}", weekdays(&days))));
                }
            }
            "OverMidnight" | "Special" => {
                let prefix = range(h);
                for o in &h.opening_hour {
                    let (Some(d1), Some((f, t))) = (o.day_from.as_deref().and_then(day_index), span(o)) else {
                        notes.push(format!("over-midnight hour {:?} {:?}-{:?} is not weekdays and times; left out", o.day_from, o.from, o.to));
                        continue;
                    };
                    let d2 = o.day_to.as_deref().and_then(day_index).unwrap_or(d1);
                    let t = if t == "24:00" { "00:00".to_string() } else { t };
                    let nights = (d2 + 7 - d1) % 7;
                    if nights <= 1 {
                        // Within a day, or into the next morning: OSM wraps "22:00-06:00" past midnight.
                        extra.push(prefixed(&prefix, format!("{} {f}-{}", DAYS[d1], if nights == 0 && t == "00:00" { "24:00" } else { &t })));
                    } else {
                        extra.push(prefixed(&prefix, format!("{} {f}-24:00", DAYS[d1])));
                        let middle: Vec<usize> = (1..nights).map(|k| (d1 + k) % 7).collect();
                        extra.push(prefixed(&prefix, format!("{} 00:00-24:00", weekdays(&middle))));
                        extra.push(prefixed(&prefix, format!("{} 00:00-{t}", DAYS[d2])));
                    }
                }
            }
            "Exceptional" | "Exception" => {
                let Some(when) = h.valid_from.as_deref().and_then(|f| date_range(f, h.valid_to.as_deref())) else {
                    notes.push("an exception without a valid date (validFrom) is left out".into());
                    continue;
                };
                let key = h.valid_from.as_deref().and_then(local_date).unwrap_or_default();
                if h.is_closed {
                    dated.push((key, format!("{when} off")));
                } else if h.is_always_open {
                    dated.push((key, format!("{when} 00:00-24:00")));
                } else {
                    let times: Vec<String> = h.opening_hour.iter().filter_map(span).map(|(f, t)| format!("{f}-{t}")).collect();
                    if times.is_empty() {
                        notes.push(format!("exception {when} has neither times nor isClosed; left out"));
                    } else {
                        dated.push((key, format!("{when} {}", times.join(","))));
                    }
                }
            }
            other => notes.push(format!("unknown serviceHourType \"{other}\"; left out")),
        }
    }
    dated.sort();
    let mut out = weekly.join("; ");
    if !extra.is_empty() {
        out = if out.is_empty() { extra.join(", ") } else { format!("{out}, {}", extra.join(", ")) };
    }
    for (_, rule) in dated {
        out = if out.is_empty() { rule } else { format!("{out}; {rule}") };
    }
    if out.is_empty() {
        return Ok((None, notes));
    }
    opening_hours_syntax::parse(&out).map_err(|e| format!("converted hours \"{out}\" do not parse ({})", e.to_string().lines().next().unwrap_or("")))?;
    Ok((Some(out), notes))
}

// ------------------------------------------------------------------------------------ coordinates

/// EPSG:3067 (ETRS89 / TM35FIN) → WGS84 degrees. ETRS89 and WGS84 differ by well under a metre
/// in Finland, which the catalogue's checks and maps cannot see.
pub struct Proj {
    tm35fin: proj4rs::Proj,
    wgs84: proj4rs::Proj,
}

impl Proj {
    pub fn new() -> Result<Proj, String> {
        let p = |s: &str| proj4rs::Proj::from_proj_string(s).map_err(|e| format!("projection {s}: {e}"));
        Ok(Proj { tm35fin: p("+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs")?, wgs84: p("+proj=longlat +datum=WGS84 +no_defs")? })
    }

    /// PTV's (latitude, longitude) strings, in TM35FIN metres or in degrees, as WGS84 (lat, lon).
    pub fn to_wgs84(&self, lat: &str, lon: &str) -> Result<(f64, f64), String> {
        let num = |s: &str| s.trim().replace(',', ".").parse::<f64>().map_err(|_| format!("coordinate \"{s}\" is not a number"));
        let (y, x) = (num(lat)?, num(lon)?);
        let (lat, lon) = if y > 1000.0 && x > 1000.0 {
            let mut p = (x, y, 0.0);
            proj4rs::transform::transform(&self.tm35fin, &self.wgs84, &mut p).map_err(|e| format!("coordinates ({y}, {x}): {e}"))?;
            (p.1.to_degrees(), p.0.to_degrees())
        } else {
            (y, x)
        };
        if !(59.0..=70.5).contains(&lat) || !(19.0..=32.0).contains(&lon) {
            return Err(format!("coordinates ({lat:.5}, {lon:.5}) are outside Finland"));
        }
        // Five decimals is about a metre: enough for a door, and it keeps the files readable.
        let round = |v: f64| (v * 1e5).round() / 1e5;
        Ok((round(lat), round(lon)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(kind: &str, from: Option<&str>, to: Option<&str>, closed: bool, open: &[(&str, &str, &str, &str)]) -> Hours {
        Hours {
            service_hour_type: kind.into(),
            valid_from: from.map(str::to_string),
            valid_to: to.map(str::to_string),
            is_closed: closed,
            opening_hour: open
                .iter()
                .map(|(d1, d2, f, t)| OpeningHour {
                    day_from: Some(d1.to_string()),
                    day_to: (!d2.is_empty()).then(|| d2.to_string()),
                    from: Some(f.to_string()),
                    to: Some(t.to_string()),
                })
                .collect(),
            ..Hours::default()
        }
    }

    #[test]
    fn weekly_hours_group_days_with_the_same_times() {
        let week = [("Monday", "", "08:00:00", "16:00:00"), ("Tuesday", "", "08:00", "16:00"), ("Wednesday", "", "08:00", "16:00"), ("Friday", "", "08:00", "14:00"), ("Thursday", "", "08:00", "16:00")];
        let (oh, notes) = hours_to_osm(&[h("DaysOfTheWeek", None, None, false, &week)]).unwrap();
        assert_eq!(oh.as_deref(), Some("Mo-Th 08:00-16:00; Fr 08:00-14:00"));
        assert!(notes.is_empty());
    }

    #[test]
    fn exceptions_become_dated_rules_after_the_week() {
        let hours = [
            h("Exceptional", Some("2026-12-24T00:00:00"), Some("2026-12-26T00:00:00"), true, &[]),
            h("DaysOfTheWeek", None, None, false, &[("Monday", "", "09:00", "15:00"), ("Wednesday", "", "09:00", "15:00")]),
            h("Exceptional", Some("2026-07-01T00:00:00"), Some("2026-08-02T00:00:00"), true, &[]),
            h("Exceptional", Some("2026-12-23T00:00:00"), None, false, &[("Wednesday", "", "10:00", "12:00")]),
        ];
        let (oh, _) = hours_to_osm(&hours).unwrap();
        assert_eq!(oh.as_deref(), Some("Mo,We 09:00-15:00; 2026 Jul 01-2026 Aug 02 off; 2026 Dec 23 10:00-12:00; 2026 Dec 24-26 off"));
    }

    #[test]
    fn a_midnight_in_utc_is_the_finnish_day_after() {
        assert_eq!(local_date("2026-12-23T22:00:00Z").as_deref(), Some("2026-12-24"));
        assert_eq!(local_date("2026-12-24T00:00:00").as_deref(), Some("2026-12-24"));
    }

    #[test]
    fn over_midnight_adds_without_overriding() {
        let hours = [
            h("DaysOfTheWeek", None, None, false, &[("Monday", "", "08:00", "16:00")]),
            h("OverMidnight", None, None, false, &[("Friday", "Monday", "15:00", "08:00"), ("Tuesday", "Wednesday", "22:00", "06:00")]),
        ];
        let (oh, _) = hours_to_osm(&hours).unwrap();
        assert_eq!(oh.as_deref(), Some("Mo 08:00-16:00, Fr 15:00-24:00, Sa-Su 00:00-24:00, Mo 00:00-08:00, Tu 22:00-06:00"));
    }

    #[test]
    fn dated_weekly_hours_and_always_open() {
        let hours = [
            h("DaysOfTheWeek", None, None, false, &[("Monday", "Friday", "08:00", "16:00")]),
            h("DaysOfTheWeek", Some("2026-06-01"), Some("2026-08-31"), false, &[("Monday", "Friday", "09:00", "15:00")]),
        ];
        assert_eq!(hours_to_osm(&hours).unwrap().0.as_deref(), Some("Mo-Fr 08:00-16:00; 2026 Jun 01-2026 Aug 31 Mo-Fr 09:00-15:00"));
        let always = Hours { service_hour_type: "DaysOfTheWeek".into(), is_always_open: true, ..Hours::default() };
        assert_eq!(hours_to_osm(&[always]).unwrap().0.as_deref(), Some("24/7"));
        assert_eq!(hours_to_osm(&[]).unwrap().0, None);
    }

    #[test]
    fn tm35fin_becomes_wgs84() {
        let p = Proj::new().unwrap();
        // Helsinki Senate Square, about N 6 672 250, E 386 000 in ETRS-TM35FIN.
        let (lat, lon) = p.to_wgs84("6672250", "386000").unwrap();
        assert!((lat - 60.169).abs() < 0.01 && (lon - 24.952).abs() < 0.02, "{lat} {lon}");
        // On the central meridian (27° E) the easting is 500 000.
        let (_, lon) = p.to_wgs84("6980000", "500000").unwrap();
        assert!((lon - 27.0).abs() < 1e-6, "{lon}");
        assert_eq!(p.to_wgs84("62.89", "27.68").unwrap(), (62.89, 27.68));
        assert!(p.to_wgs84("52.5", "13.4").unwrap_err().contains("outside Finland"));
    }

    #[test]
    fn phone_numbers_take_the_prefix() {
        let p = |prefix: Option<&str>, number: &str, service: bool| PhoneNumber {
            prefix_number: prefix.map(str::to_string),
            number: number.into(),
            is_finnish_service_number: service,
            ..PhoneNumber::default()
        };
        assert_eq!(phone_number(&p(Some("+358"), "17 000 1234", false)).as_deref(), Some("+358 17 000 1234"));
        assert_eq!(phone_number(&p(Some("+358"), "017 000 1234", false)).as_deref(), Some("+358 17 000 1234"));
        assert_eq!(phone_number(&p(None, "116 117", true)).as_deref(), Some("116 117"));
        assert_eq!(phone_number(&p(Some("+46"), "8 123 456", false)), None);
        assert_eq!(phone_number(&p(Some("+358"), "12", false)), None);
    }

    #[test]
    fn mapping_prefers_keywords_then_classes() {
        let types = w::reference().service_types;
        let m = Mapping::parse(
            "ptv_code,service_type,note\nP5.2,,generic\nP5.2+lastenneuvola,child_health_clinic,\nP5.2+äitiysneuvola,maternity_clinic,\nP3.7,family_counselling,\n*+turvakoti,shelter,\n",
            &types,
        )
        .unwrap();
        let r = |classes: &[&str], name: &str| m.resolve(&classes.iter().map(|c| c.to_string()).collect::<Vec<_>>(), name);
        assert_eq!(r(&["P5.2"], "Lastenneuvola Kuopio").as_deref(), Some("child_health_clinic"));
        assert_eq!(r(&["P5.2"], "Neuvolapalvelut"), None);
        assert_eq!(r(&["P3.7", "P5.2"], "Perheneuvola").as_deref(), Some("family_counselling"));
        assert_eq!(r(&["P4.14"], "Turvakoti Savo").as_deref(), Some("shelter"));
        assert!(Mapping::parse("ptv_code,service_type,note\nP1,no_such_type,\n", &types).unwrap_err().contains("line 2"));
    }
}
