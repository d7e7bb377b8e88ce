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

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use perheopas_core::model::*;
use serde_json::{json, Map, Value};
use uuid::Uuid;

use crate::catalogue_writer::{self as w, f32_as_f64, AddressRecord, CountyRecord, DeliveryRecord, ImportReport, OrgRecord, PhoneRecord, Records, ServiceRecord};

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
    let ns = NS.get_or_init(|| Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://perheopas.example/hsds"));
    Uuid::new_v5(ns, name.as_bytes()).to_string()
}

// ------------------------------------------------------------------------------------ export

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
        writeln!(f, "HSDS 3.0 export: {} services ({} delivery points) and {} county contact points", self.services, self.delivery_points, self.county_contacts)?;
        if !self.organisations_left_out.is_empty() {
            writeln!(f, "  {} organisation(s) provide no service and are not exported: {}", self.organisations_left_out.len(), self.organisations_left_out.join(", "))?;
        }
        Ok(())
    }
}

/// Compiles the catalogue in `data` and writes it to `out` as HSDS 3.0 JSON.
pub fn export_hsds(data: &Path, out: &Path) -> Result<ExportReport, String> {
    let files = crate::data_files::read(data)?;
    let (cat, _) = perheopas_core::source::compile(&files, &w::now_stamp(), &w::today())
        .map_err(|p| format!("the catalogue in {} has {} problem(s); run `check` first", data.display(), p.len()))?;
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
pub fn write_export(cat: &Catalogue, out: &mut impl std::io::Write) -> std::io::Result<ExportReport> {
    out.write_all(b"[")?;
    for (i, v) in objects(cat).enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &v)?;
    }
    out.write_all(b"\n]\n")?;
    Ok(report(cat))
}

/// The catalogue as HSDS `service` objects: every service, then each county's contact point.
#[allow(dead_code)] // the tool streams with `write_export`; the tests check these objects
pub fn export(cat: &Catalogue) -> (Vec<Value>, ExportReport) {
    (objects(cat).collect(), report(cat))
}

fn objects(cat: &Catalogue) -> impl Iterator<Item = Value> + '_ {
    let contacts = cat.counties.iter().filter_map(move |c| c.contact.as_ref().map(|contact| county_contact(cat, c, contact)));
    cat.services.iter().map(move |s| service(cat, s)).chain(contacts)
}

fn report(cat: &Catalogue) -> ExportReport {
    let mut provides = vec![false; cat.organisations.len()];
    for s in &cat.services {
        provides[s.organisation as usize] = true;
    }
    ExportReport {
        services: cat.services.len(),
        county_contacts: cat.counties.iter().filter(|c| c.contact.is_some()).count(),
        delivery_points: cat.delivery_point_count(),
        organisations_left_out: cat.organisations.iter().zip(&provides).filter(|(_, p)| !**p).map(|(o, _)| o.id.clone()).collect(),
    }
}

/// Attributes of one HSDS object.
struct Attrs {
    link: String,
    entity: &'static str,
    list: Vec<Value>,
}

impl Attrs {
    fn new(link: &str, entity: &'static str) -> Attrs {
        Attrs { link: link.to_string(), entity, list: vec![] }
    }

    fn term(&mut self, taxonomy: &str, code: &str, name: &str, value: &str) {
        let term_id = uid(&format!("term/{taxonomy}/{code}"));
        self.list.push(json!({
            "id": uid(&format!("{}/attribute/{taxonomy}/{code}/{value}", self.link)),
            "link_id": self.link,
            "link_entity": self.entity,
            "taxonomy_term_id": term_id,
            "taxonomy_term": {
                "id": term_id,
                "code": code,
                "name": name,
                "description": term_description(taxonomy, code),
                "taxonomy": taxonomy,
            },
            "value": value,
        }));
    }

    fn field(&mut self, code: &str, value: &str) {
        self.term(FIELD, code, code, value);
    }

    /// A text's languages beyond the one in the natural HSDS field (`natural_fi`), and a marker
    /// for a text that is given but blank, so absent and blank stay apart.
    fn text(&mut self, key: &str, t: Option<&Text>, natural_fi: bool) {
        let Some(t) = t else { return };
        if t.fi.is_empty() && t.sv.is_none() && t.en.is_none() {
            self.field(key, "");
        }
        if !natural_fi && !t.fi.is_empty() {
            self.field(&format!("{key}.fi"), &t.fi);
        }
        for (l, v) in [("sv", &t.sv), ("en", &t.en)] {
            if let Some(v) = v {
                self.field(&format!("{key}.{l}"), v);
            }
        }
    }

    fn done(self, obj: &mut Map<String, Value>) {
        if !self.list.is_empty() {
            obj.insert("attributes".into(), Value::Array(self.list));
        }
    }
}

fn term_description(taxonomy: &str, code: &str) -> String {
    match taxonomy {
        FIELD => format!("Perheopas catalogue field {code} (see docs/hsds.md)"),
        SERVICE_TYPE => format!("Perheopas family-centre service type {code}"),
        LEVEL => format!("Family-centre level {code}"),
        CATEGORY => format!("Perheopas service category {code}"),
        ACCESS => format!("How a family gets the service: {code}"),
        COST => format!("Cost: {code}"),
        TARGET_GROUP => format!("PTV target group {code}"),
        ORG_KIND => format!("Kind of organisation: {code}"),
        CHANNEL => format!("Delivery channel: {code}"),
        _ => code.to_string(),
    }
}

/// `Some(t)` when the source file would give the text (see `catalogue_writer`).
fn given(t: &Text) -> Option<&Text> {
    (!t.is_empty() || !t.machine.is_empty()).then_some(t)
}

fn put(obj: &mut Map<String, Value>, key: &str, v: Option<&str>) {
    if let Some(v) = v.filter(|v| !v.is_empty()) {
        obj.insert(key.into(), Value::String(v.into()));
    }
}

fn organization(cat: &Catalogue, index: u32) -> Value {
    let o = &cat.organisations[index as usize];
    let id = uid(&format!("organisation/{}", o.id));
    let mut obj = Map::new();
    obj.insert("id".into(), json!(id));
    obj.insert("name".into(), json!(o.name.fi));
    obj.insert("description".into(), json!(org_kind_label(o.kind)));
    put(&mut obj, "website", o.website.as_deref());
    let mut a = Attrs::new(&id, "organization");
    a.field("id", &o.id);
    a.field("position", &index.to_string());
    a.term(ORG_KIND, o.kind.id(), org_kind_label(o.kind), o.kind.id());
    a.text("name", Some(&o.name), true);
    a.done(&mut obj);
    Value::Object(obj)
}

fn org_kind_label(k: OrgKind) -> &'static str {
    match k {
        OrgKind::WellbeingCounty => "Wellbeing services county",
        OrgKind::Municipality => "Municipality",
        OrgKind::Ngo => "Non-governmental organisation",
        OrgKind::Parish => "Parish",
        OrgKind::Private => "Private company",
        OrgKind::State => "State agency",
    }
}

fn service(cat: &Catalogue, s: &Service) -> Value {
    let id = uid(&format!("service/{}", s.id));
    let ty = cat.service_type(s);
    let mut obj = Map::new();
    obj.insert("id".into(), json!(id));
    obj.insert("name".into(), json!(s.name.fi));
    obj.insert("status".into(), json!(if s.status == Status::Active { "active" } else { "temporarily closed" }));
    obj.insert("organization_id".into(), json!(uid(&format!("organisation/{}", cat.organisation(s).id))));
    obj.insert("organization".into(), organization(cat, s.organisation));
    put(&mut obj, "description", Some(&s.description.fi));
    put(&mut obj, "application_process", Some(&s.how_to_get.fi));
    put(&mut obj, "fees_description", Some(&s.cost_text.fi));
    put(&mut obj, "interpretation_services", Some(&s.language_note.fi));
    put(&mut obj, "alert", Some(&s.alert.fi));
    obj.insert("minimum_age".into(), json!(f32_as_f64(s.age_min)));
    obj.insert("maximum_age".into(), json!(f32_as_f64(s.age_max)));
    obj.insert("assured_date".into(), json!(s.last_checked));

    obj.insert(
        "languages".into(),
        Value::Array(
            s.languages.iter().map(|l| json!({ "id": uid(&format!("service/{}/language/{l}", s.id)), "service_id": id, "code": l, "name": language_name(l) })).collect(),
        ),
    );
    obj.insert(
        "cost_options".into(),
        json!([{
            "id": uid(&format!("service/{}/cost", s.id)),
            "service_id": id,
            "option": s.cost.id(),
            "currency": "EUR",
            "amount_description": if s.cost_text.fi.is_empty() { cost_label(s.cost) } else { s.cost_text.fi.as_str() },
        }]),
    );
    obj.insert("service_areas".into(), Value::Array(areas(cat, s, &id)));
    obj.insert("service_at_locations".into(), Value::Array(s.delivery.iter().enumerate().map(|(i, d)| delivery(cat, s, &id, i, d)).collect()));

    let mut a = Attrs::new(&id, "service");
    a.field("id", &s.id);
    if let Some(v) = &s.source_id {
        a.field("source_id", v);
    }
    if let Some(v) = &s.source {
        a.field("source", v);
    }
    if cat.sample {
        a.field("sample", "true");
    }
    a.term(SERVICE_TYPE, &ty.id, ty.name.en.as_deref().unwrap_or(&ty.name.fi), &ty.id);
    a.term(LEVEL, ty.level.id(), ty.level.id(), ty.level.id());
    a.term(CATEGORY, &ty.category, &ty.category, &ty.category);
    a.term(ACCESS, s.access.id(), s.access.id(), s.access.id());
    a.term(COST, s.cost.id(), cost_label(s.cost), s.cost.id());
    for g in &s.target_groups {
        a.term(TARGET_GROUP, g, g, g);
    }
    if !s.name.machine.is_empty() {
        a.field("machine_translated", &s.name.machine.iter().map(|l| l.code()).collect::<Vec<_>>().join(","));
    }
    a.text("name", Some(&s.name), true);
    a.text("summary", given(&s.summary), false);
    a.text("description", given(&s.description), true);
    a.text("how_to_get", given(&s.how_to_get), true);
    a.text("language_note", given(&s.language_note), true);
    a.text("cost_text", given(&s.cost_text), true);
    a.text("alert", given(&s.alert), true);
    a.done(&mut obj);
    Value::Object(obj)
}

fn cost_label(c: Cost) -> &'static str {
    match c {
        Cost::Free => "Free of charge",
        Cost::Fee => "Fee",
        Cost::Voucher => "Service voucher",
    }
}

fn language_name(code: &str) -> &str {
    match code {
        "fi" => "Finnish",
        "sv" => "Swedish",
        "en" => "English",
        "se" => "Northern Sami",
        "ru" => "Russian",
        "et" => "Estonian",
        "ar" => "Arabic",
        "so" => "Somali",
        "uk" => "Ukrainian",
        "fa" => "Persian",
        "ku" => "Kurdish",
        "sq" => "Albanian",
        "zh" => "Chinese",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        other => other,
    }
}

fn areas(cat: &Catalogue, s: &Service, sid: &str) -> Vec<Value> {
    let mut list: Vec<(String, String)> = Vec::new();
    if s.areas.nationwide {
        list.push(("nationwide".into(), "Koko Suomi".into()));
    }
    for &c in &s.areas.counties {
        let c = &cat.counties[c as usize];
        list.push((format!("county:{}", c.code), c.name.fi.clone()));
    }
    for &m in &s.areas.municipalities {
        let m = &cat.municipalities[m as usize];
        list.push((m.code.clone(), m.name.fi.clone()));
    }
    list.into_iter()
        .map(|(code, name)| {
            let id = uid(&format!("service/{}/area/{code}", s.id));
            let mut obj = Map::new();
            obj.insert("id".into(), json!(id));
            obj.insert("service_id".into(), json!(sid));
            obj.insert("name".into(), json!(name));
            obj.insert("extent_type".into(), json!("text"));
            obj.insert("extent".into(), json!(code));
            let mut a = Attrs::new(&id, "service_area");
            a.field("area", &code);
            a.done(&mut obj);
            Value::Object(obj)
        })
        .collect()
}

fn delivery(cat: &Catalogue, s: &Service, sid: &str, i: usize, d: &DeliveryPoint) -> Value {
    let key = format!("service/{}/delivery/{i}", s.id);
    let sal_id = uid(&key);
    let loc_id = uid(&format!("{key}/location"));

    let mut loc = Map::new();
    loc.insert("id".into(), json!(loc_id));
    loc.insert("location_type".into(), json!(if d.address.is_some() { "physical" } else { "virtual" }));
    put(&mut loc, "name", Some(&d.name.fi));
    put(&mut loc, "url", d.web.as_deref());
    if let Some((lat, lon)) = d.location {
        loc.insert("latitude".into(), json!(f32_as_f64(lat)));
        loc.insert("longitude".into(), json!(f32_as_f64(lon)));
    }
    if let Some(a) = &d.address {
        let m = &cat.municipalities[a.municipality as usize];
        let addr_id = uid(&format!("{key}/address"));
        let mut addr = Map::new();
        addr.insert("id".into(), json!(addr_id));
        addr.insert("location_id".into(), json!(loc_id));
        addr.insert("address_1".into(), json!(a.street.fi));
        addr.insert("city".into(), json!(a.post_office.fi));
        addr.insert("region".into(), json!(m.name.fi));
        addr.insert("state_province".into(), json!(cat.counties[m.county as usize].name.fi));
        addr.insert("postal_code".into(), json!(a.postcode));
        addr.insert("country".into(), json!("FI"));
        addr.insert("address_type".into(), json!("physical"));
        let mut at = Attrs::new(&addr_id, "address");
        at.field("municipality", &m.code);
        at.text("street", Some(&a.street), true);
        at.text("post_office", Some(&a.post_office), true);
        at.done(&mut addr);
        loc.insert("addresses".into(), json!([addr]));
    }
    let mut access: Vec<Value> = d
        .accessibility
        .iter()
        .map(|f| json!({ "id": uid(&format!("{key}/accessibility/{}", f.id())), "location_id": loc_id, "description": accessibility_label(*f), "details": f.id() }))
        .collect();
    if !d.accessibility_note.fi.is_empty() {
        access.push(json!({ "id": uid(&format!("{key}/accessibility/note")), "location_id": loc_id, "description": d.accessibility_note.fi }));
    }
    if !access.is_empty() {
        loc.insert("accessibility".into(), Value::Array(access));
    }
    let mut la = Attrs::new(&loc_id, "location");
    la.text("name", given(&d.name), true);
    la.text("accessibility_note", given(&d.accessibility_note), true);
    la.done(&mut loc);

    let mut sal = Map::new();
    sal.insert("id".into(), json!(sal_id));
    sal.insert("service_id".into(), json!(sid));
    sal.insert("location_id".into(), json!(loc_id));
    sal.insert("location".into(), Value::Object(loc));
    let phones: Vec<Value> = d
        .phones
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let pid = uid(&format!("{key}/phone/{k}"));
            let mut ph = Map::new();
            ph.insert("id".into(), json!(pid));
            ph.insert("service_at_location_id".into(), json!(sal_id));
            ph.insert("number".into(), json!(p.number));
            ph.insert("type".into(), json!("voice"));
            put(&mut ph, "description", Some(&p.note.fi));
            let mut pa = Attrs::new(&pid, "phone");
            pa.text("note", given(&p.note), true);
            pa.done(&mut ph);
            Value::Object(ph)
        })
        .collect();
    if !phones.is_empty() {
        sal.insert("phones".into(), Value::Array(phones));
    }
    if let Some(e) = &d.email {
        sal.insert("contacts".into(), json!([{ "id": uid(&format!("{key}/contact")), "service_at_location_id": sal_id, "email": e }]));
    }
    if let Some(h) = &d.hours {
        let mut schedules = schedules_from_osm(h, &key, &sal_id, d.booking.as_deref());
        for sch in &mut schedules {
            if let (Some(obj), false) = (sch.as_object_mut(), d.hours_note.fi.is_empty()) {
                obj.insert("notes".into(), json!(d.hours_note.fi));
            }
        }
        sal.insert("schedules".into(), Value::Array(schedules));
    }
    let mut a = Attrs::new(&sal_id, "service_at_location");
    a.term(CHANNEL, d.channel.id(), d.channel.id(), d.channel.id());
    if let Some(h) = &d.hours {
        a.field("opening_hours", h);
    }
    a.text("hours_note", given(&d.hours_note), false);
    if let Some(b) = &d.booking {
        a.field("booking", b);
    }
    if d.walk_in {
        a.field("walk_in", "true");
    }
    a.done(&mut sal);
    Value::Object(sal)
}

fn accessibility_label(a: Accessibility) -> &'static str {
    match a {
        Accessibility::StepFree => "Step-free entrance",
        Accessibility::Stroller => "Stroller access",
        Accessibility::AccessibleToilet => "Accessible toilet",
        Accessibility::BabyCareRoom => "Baby care room",
        Accessibility::HearingLoop => "Hearing loop",
    }
}

fn county_contact(cat: &Catalogue, c: &County, contact: &ContactPoint) -> Value {
    let key = format!("county/{}/contact", c.code);
    let id = uid(&key);
    let mut obj = Map::new();
    obj.insert("id".into(), json!(id));
    obj.insert("name".into(), json!(contact.name.fi));
    obj.insert("status".into(), json!("active"));
    obj.insert("description".into(), json!(format!("The family-centre network's single contact point of {}", c.name.fi)));
    put(&mut obj, "url", contact.web.as_deref());
    if let Some(p) = &contact.phone {
        obj.insert("phones".into(), json!([{ "id": uid(&format!("{key}/phone")), "service_id": id, "number": p, "type": "voice" }]));
    }
    if let Some(h) = &contact.hours {
        obj.insert("schedules".into(), Value::Array(schedules_from_osm(h, &key, "", None)));
    }
    obj.insert(
        "service_areas".into(),
        json!([{ "id": uid(&format!("{key}/area")), "service_id": id, "name": c.name.fi, "extent_type": "text", "extent": format!("county:{}", c.code) }]),
    );
    let mut a = Attrs::new(&id, "service");
    a.field("record", "county_contact");
    a.field("county", &c.code);
    if cat.sample {
        a.field("sample", "true");
    }
    if let Some(h) = &contact.hours {
        a.field("opening_hours", h);
    }
    a.text("name", Some(&contact.name), true);
    a.done(&mut obj);
    Value::Object(obj)
}

// ------------------------------------------------------------------------------------ schedules

use crate::catalogue_writer::{osm_weekdays as weekdays, OSM_DAYS as DAYS};
const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// One weekly rule of the simple kind: days, times and optionally a dated validity.
#[derive(Debug, PartialEq)]
pub struct WeeklyRule {
    pub days: Vec<usize>,
    pub times: Vec<(String, String)>,
    pub valid: Option<(String, String)>,
}

fn parse_days(s: &str) -> Option<Vec<usize>> {
    let mut days = Vec::new();
    for part in s.split(',') {
        let idx = |d: &str| DAYS.iter().position(|x| *x == d);
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (idx(a)?, idx(b)?);
                if a > b {
                    return None;
                }
                days.extend(a..=b);
            }
            None => days.push(idx(part)?),
        }
    }
    Some(days)
}

fn parse_time(s: &str) -> Option<String> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.len() == 5).then(|| s.to_string())
}

/// "2026 Jun 01-2026 Aug 31" or "2026 Jun 01-30" → ("2026-06-01", "2026-08-31").
fn parse_dates(s: &str) -> Option<(String, String)> {
    let date = |y: &str, m: &str, d: &str| -> Option<String> {
        let (y, d) = (y.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        let m = MONTHS.iter().position(|x| *x == m)? + 1;
        Some(format!("{y:04}-{m:02}-{d:02}"))
    };
    let (a, b) = s.split_once('-')?;
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    match (a.as_slice(), b.as_slice()) {
        ([y, m, d], [y2, m2, d2]) => Some((date(y, m, d)?, date(y2, m2, d2)?)),
        ([y, m, d], [d2]) => Some((date(y, m, d)?, date(y, m, d2)?)),
        _ => None,
    }
}

/// The rule if it is a plain weekly opening (`[2026 Jun 01-2026 Aug 31 ]Mo-Fr 08:00-16:00[,…]`),
/// with every span within one day.
pub fn simple_rule(rule: &str) -> Option<WeeklyRule> {
    let words: Vec<&str> = rule.split_whitespace().collect();
    let [prefix @ .., days, times] = words.as_slice() else { return None };
    let valid = if prefix.is_empty() { None } else { Some(parse_dates(&prefix.join(" "))?) };
    let days = parse_days(days)?;
    let times = times
        .split(',')
        .map(|span| {
            let (a, b) = span.split_once('-')?;
            let (a, b) = (parse_time(a)?, parse_time(b)?);
            (a < b).then_some((a, b))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(WeeklyRule { days, times, valid })
}

/// HSDS schedules for OSM opening hours: one WEEKLY entry per time span of each plain weekly
/// rule; when some rule is not plain (closures, holidays, spans past midnight), one more entry
/// whose description holds the whole OSM string, so nothing is silently lost to a reader.
pub fn schedules_from_osm(osm: &str, key: &str, sal_id: &str, booking: Option<&str>) -> Vec<Value> {
    let mut out = Vec::new();
    let mut all_plain = true;
    for (r, rule) in osm.split(';').map(str::trim).filter(|r| !r.is_empty()).enumerate() {
        let Some(w) = simple_rule(rule) else {
            all_plain = false;
            continue;
        };
        for (t, (opens, closes)) in w.times.iter().enumerate() {
            let mut s = Map::new();
            s.insert("id".into(), json!(uid(&format!("{key}/schedule/{r}/{t}"))));
            if !sal_id.is_empty() {
                s.insert("service_at_location_id".into(), json!(sal_id));
            }
            s.insert("freq".into(), json!("WEEKLY"));
            s.insert("byday".into(), json!(w.days.iter().map(|&d| RRULE_DAYS[d]).collect::<Vec<_>>().join(",")));
            s.insert("opens_at".into(), json!(opens));
            s.insert("closes_at".into(), json!(closes));
            if let Some((from, to)) = &w.valid {
                s.insert("valid_from".into(), json!(from));
                s.insert("valid_to".into(), json!(to));
            }
            put(&mut s, "schedule_link", booking);
            out.push(Value::Object(s));
        }
    }
    if !all_plain || out.is_empty() {
        let mut s = Map::new();
        s.insert("id".into(), json!(uid(&format!("{key}/schedule/all"))));
        if !sal_id.is_empty() {
            s.insert("service_at_location_id".into(), json!(sal_id));
        }
        s.insert("description".into(), json!(format!("Opening hours (OpenStreetMap opening_hours syntax, Finnish time): {osm}")));
        put(&mut s, "schedule_link", booking);
        out.push(Value::Object(s));
    }
    out
}

/// A schedule's `valid_from` and `valid_to`.
type Validity = (Option<String>, Option<String>);

/// OSM opening hours from HSDS WEEKLY schedules (for HSDS from elsewhere): entries with the same
/// validity and times are merged by day. Entries that are not plain weekly ones are reported.
pub fn osm_from_schedules(schedules: &[Value], notes: &mut Vec<String>) -> Option<String> {
    // Validity → day → time spans. A later OSM rule replaces earlier ones on its days, so each
    // day's spans must be in one rule; undated rules come first, dated ones override them.
    let mut by_validity: BTreeMap<Validity, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for s in schedules {
        let get = |k: &str| s.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(opens), Some(closes)) = (get("opens_at"), get("closes_at")) else { continue };
        let freq_ok = get("freq").is_none_or(|f| f.eq_ignore_ascii_case("WEEKLY"));
        let days: Option<Vec<usize>> = get("byday")
            .unwrap_or_else(|| RRULE_DAYS.join(","))
            .split(',')
            .map(|d| RRULE_DAYS.iter().position(|x| x.eq_ignore_ascii_case(d.trim())))
            .collect();
        let clock = |t: &str| parse_time(t.get(..5).unwrap_or(t));
        let (Some(days), true, Some(o), Some(c)) = (days, freq_ok, clock(&opens), clock(&closes)) else {
            notes.push(format!("schedule {:?} is not a plain weekly one; left out", get("id").unwrap_or_default()));
            continue;
        };
        let per_day = by_validity.entry((get("valid_from"), get("valid_to"))).or_default();
        for d in days {
            let spans = per_day.entry(d).or_default();
            let span = format!("{o}-{c}");
            if !spans.contains(&span) {
                spans.push(span);
                spans.sort();
            }
        }
    }
    let mut rules = Vec::new();
    for ((from, to), per_day) in by_validity {
        let prefix = match (from.as_deref().and_then(osm_date), to.as_deref().and_then(osm_date)) {
            (Some(a), Some(b)) => format!("{a}-{b} "),
            (Some(a), None) => format!("{a}-2099 Dec 31 "),
            (None, Some(b)) => format!("2000 Jan 01-{b} "),
            (None, None) => String::new(),
        };
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (d, spans) in per_day {
            let key = spans.join(",");
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, days)) => days.push(d),
                None => groups.push((key, vec![d])),
            }
        }
        rules.extend(groups.into_iter().map(|(times, days)| format!("{prefix}{} {times}", weekdays(&days))));
    }
    let out = rules.join("; ");
    if out.is_empty() {
        return None;
    }
    match opening_hours_syntax::parse(&out) {
        Ok(_) => Some(out),
        Err(_) => {
            notes.push(format!("schedules became \"{out}\", which does not parse; hours left out"));
            None
        }
    }
}

fn osm_date(iso: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some(format!("{} {} {:02}", d.year(), MONTHS[d.month0() as usize], d.day()))
}

// ------------------------------------------------------------------------------------ import

/// Imports HSDS 3.0 JSON (an array of `service` objects, or an object with such an array in
/// `contents` as the HSDS API pages them) into catalogue files under `out_dir`.
pub fn import_hsds(input: &Path, out_dir: &Path) -> Result<ImportReport, String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let (mut records, mut report) = convert(&text, input, &w::reference())?;
    let files = w::keep_valid(&mut records, &mut report, &format!("import-hsds from {}", input.display()))?;
    report.count(&records);
    report.files = w::write_files(out_dir, &files)?;
    Ok(report)
}

type Skip = (String, String);

/// The extension values of an object, by (taxonomy, code) in the order given.
struct Ext<'a> {
    list: Vec<(&'a str, &'a str, &'a str)>,
}

impl<'a> Ext<'a> {
    fn of(obj: &'a Value) -> Ext<'a> {
        let list = obj
            .get("attributes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|at| {
                        let term = at.get("taxonomy_term")?;
                        let taxonomy = term.get("taxonomy").and_then(Value::as_str).unwrap_or("");
                        let code = term.get("code").and_then(Value::as_str)?;
                        Some((taxonomy, code, at.get("value").and_then(Value::as_str).unwrap_or(code)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ext { list }
    }

    fn field(&self, code: &str) -> Option<&'a str> {
        self.list.iter().find(|(t, c, _)| *t == FIELD && *c == code).map(|(_, _, v)| *v)
    }

    fn terms(&self, taxonomy: &str) -> Vec<&'a str> {
        self.list.iter().filter(|(t, _, _)| *t == taxonomy).map(|(_, _, v)| *v).collect()
    }

    fn term(&self, taxonomy: &str) -> Option<&'a str> {
        self.terms(taxonomy).first().copied()
    }

    /// A text from its natural HSDS field (Finnish) and its extension fields; `None` when neither
    /// gives it (a blank marker gives an empty text).
    fn text(&self, key: &str, natural: Option<&str>) -> Option<Text> {
        let fi = natural.filter(|s| !s.is_empty()).map(str::to_string).or_else(|| self.field(&format!("{key}.fi")).map(str::to_string));
        let sv = self.field(&format!("{key}.sv")).map(str::to_string);
        let en = self.field(&format!("{key}.en")).map(str::to_string);
        if fi.is_none() && sv.is_none() && en.is_none() && self.field(key).is_none() {
            return None;
        }
        Some(Text { fi: fi.unwrap_or_default(), sv, en, machine: vec![] })
    }
}

/// A string field: absent → None; not a string → the field is reported bad.
fn string<'a>(obj: &'a Value, key: &str, path: &str) -> Result<Option<&'a str>, Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err((format!("{path}{key}"), format!("expected a string, found {other}"))),
    }
}

fn number(obj: &Value, key: &str, path: &str) -> Result<Option<f64>, Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(Value::String(s)) => s.trim().parse().map(Some).map_err(|_| (format!("{path}{key}"), format!("\"{s}\" is not a number"))),
        Some(other) => Err((format!("{path}{key}"), format!("expected a number, found {other}"))),
    }
}

fn array<'a>(obj: &'a Value, key: &str, path: &str) -> Result<&'a [Value], Skip> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err((format!("{path}{key}"), format!("expected an array, found {other}"))),
    }
}

/// The records of an HSDS file, and what was read and skipped. Errors only when the file as a
/// whole is not HSDS services.
pub fn convert(json: &str, input: &Path, reference: &Catalogue) -> Result<(Records, ImportReport), String> {
    let shape = "expected a JSON array of HSDS 3.0 service objects (or an object with them in \"contents\")";
    let v: Value = serde_json::from_str(json).map_err(|e| format!("{}: not valid JSON ({e}); {shape}", input.display()))?;
    let items = match &v {
        Value::Array(a) => a,
        Value::Object(o) => o.get("contents").and_then(Value::as_array).ok_or_else(|| format!("{}: {shape}", input.display()))?,
        _ => return Err(format!("{}: {shape}", input.display())),
    };
    let mut report = ImportReport::new(input);
    let mut records = Records::default();
    let mut orgs: Vec<(Option<u64>, OrgRecord)> = Vec::new();
    let mut im = Importer { reference, report: &mut report, today: w::today() };
    for (i, item) in items.iter().enumerate() {
        let label = item.get("id").and_then(Value::as_str).map_or(format!("#{}", i + 1), str::to_string);
        if !item.is_object() {
            im.report.services_read += 1;
            im.report.skip(&format!("service {label}"), "", "not an object");
            continue;
        }
        let ext = Ext::of(item);
        if ext.field("record") == Some("county_contact") {
            match im.county(item, &ext) {
                Ok(c) => records.counties.push(c),
                Err((field, why)) => im.report.skip(&format!("county contact {label}"), &field, &why),
            }
            continue;
        }
        im.report.services_read += 1;
        if ext.field("sample") == Some("true") {
            records.sample = true;
        }
        match im.service(item, &ext) {
            Ok((s, org, position)) => {
                if !orgs.iter().any(|(_, o)| o.id == org.id) {
                    orgs.push((position, org));
                }
                records.services.push(s);
            }
            Err((field, why)) => {
                let id = ext.field("id").map_or(format!("service hsds-{label}"), |id| format!("service {id}"));
                im.report.skip(&id, &field, &why);
            }
        }
    }
    // Organisations in their exported order (a stable sort keeps the others as first met).
    orgs.sort_by_key(|(p, _)| p.unwrap_or(u64::MAX));
    records.organisations = orgs.into_iter().map(|(_, o)| o).collect();
    report.other_read = vec![("organisations".into(), records.organisations.len()), ("county contacts".into(), records.counties.len())];
    Ok((records, report))
}

struct Importer<'a> {
    reference: &'a Catalogue,
    report: &'a mut ImportReport,
    today: String,
}

impl Importer<'_> {
    fn county(&mut self, item: &Value, ext: &Ext) -> Result<CountyRecord, Skip> {
        let code = ext.field("county").ok_or(("attributes".to_string(), "a county contact without its county code".to_string()))?;
        let name = ext.text("name", string(item, "name", "")?).ok_or(("name".to_string(), "no name".to_string()))?;
        let phone = array(item, "phones", "")?.first().map(|p| string(p, "number", "phones[0].")).transpose()?.flatten().map(str::to_string);
        let hours = ext.field("opening_hours").map(str::to_string);
        Ok(CountyRecord { code: code.to_string(), contact: ContactPoint { name, phone, web: string(item, "url", "")?.map(str::to_string), hours } })
    }

    fn service(&mut self, item: &Value, ext: &Ext) -> Result<(ServiceRecord, OrgRecord, Option<u64>), Skip> {
        let hsds_id = string(item, "id", "")?.filter(|i| !i.is_empty()).ok_or(("id".to_string(), "no id (HSDS requires one)".to_string()))?.to_string();
        let id = ext.field("id").map(str::to_string).unwrap_or_else(|| format!("hsds-{hsds_id}"));
        let rec = format!("service {id}");
        let name = ext.text("name", string(item, "name", "")?).filter(|t| !t.fi.is_empty()).ok_or(("name".to_string(), "no name".to_string()))?;

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
        r.source_id = ext.field("source_id").map(str::to_string).or_else(|| ext.field("id").is_none().then(|| hsds_id.clone()));
        r.source = ext.field("source").map(str::to_string);
        r.summary = ext.text("summary", None);
        r.description = ext.text("description", string(item, "description", "")?);
        r.how_to_get = ext.text("how_to_get", string(item, "application_process", "")?);
        r.language_note = ext.text("language_note", string(item, "interpretation_services", "")?);
        r.cost_text = ext.text("cost_text", string(item, "fees_description", "")?);
        r.alert = ext.text("alert", string(item, "alert", "")?);
        r.machine_translated = ext.field("machine_translated").map(|m| m.split(',').filter_map(Lang::from_code).collect()).unwrap_or_default();
        r.target_groups = ext.terms(TARGET_GROUP).into_iter().map(str::to_string).collect();
        r.access = match ext.term(ACCESS) {
            Some(a) => Some(Access::from_id(a).ok_or(("attributes".to_string(), format!("unknown access \"{a}\"")))?),
            None => None,
        };
        // One age given: the other comes from the service type.
        let (min, max) = (number(item, "minimum_age", "")?, number(item, "maximum_age", "")?);
        if min.is_some() || max.is_some() {
            let ty = self.reference.service_types.iter().find(|t| t.id == r.service_type);
            let (dmin, dmax) = ty.map_or((0.0, 18.0), |t| (t.age_min, t.age_max));
            r.ages = Some((min.map_or(dmin, |a| a as f32), max.map_or(dmax, |b| b as f32)));
        }
        r.status = match string(item, "status", "")? {
            Some("active") | None => Status::Active,
            Some("temporarily closed") => Status::TemporarilyClosed,
            Some(other) => return Err(("status".into(), format!("\"{other}\": only active and temporarily closed services are imported"))),
        };
        r.last_checked = match string(item, "assured_date", "")?.or(string(item, "last_modified", "")?).and_then(|d| d.get(..10)) {
            Some(d) if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok() && d <= self.today.as_str() => d.to_string(),
            _ => {
                self.report.note(&rec, "assured_date", "missing or in the future; today's date used as last checked");
                self.today.clone()
            }
        };
        r.languages = Vec::new();
        for (i, l) in array(item, "languages", "")?.iter().enumerate() {
            match string(l, "code", &format!("languages[{i}]."))? {
                Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_lowercase()) => r.languages.push(c.to_string()),
                other => self.report.note(&rec, &format!("languages[{i}]"), &format!("{other:?} is not a two-letter ISO 639-1 code; left out")),
            }
        }
        if r.languages.is_empty() {
            r.languages.push("fi".into());
            self.report.note(&rec, "languages", "none given; Finnish assumed");
        }
        r.cost = self.cost(&rec, item, ext)?;

        for (i, sal) in array(item, "service_at_locations", "")?.iter().enumerate() {
            if let Some(d) = self.delivery(&rec, sal, &format!("service_at_locations[{i}].")) ? {
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
    fn loose_channels(&mut self, rec: &str, item: &Value, r: &mut ServiceRecord) -> Result<(), Skip> {
        let phones: Vec<PhoneRecord> = array(item, "phones", "")?
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let number = string(p, "number", &format!("phones[{i}]."))?.unwrap_or("").to_string();
                let note = string(p, "description", &format!("phones[{i}]."))?.filter(|s| !s.is_empty()).map(Text::fi);
                Ok(PhoneRecord { number, note })
            })
            .collect::<Result<_, Skip>>()?;
        let phones: Vec<PhoneRecord> = phones.into_iter().filter(|p| !r.delivery.iter().any(|d| d.phones.iter().any(|q| q.number == p.number))).collect();
        if !phones.is_empty() {
            let mut d = DeliveryRecord::new(Channel::Phone);
            d.phones = phones;
            r.delivery.push(d);
            self.report.note(rec, "phones", "the service's own phones make a phone delivery point");
        }
        if let Some(url) = string(item, "url", "")? {
            if !r.delivery.iter().any(|d| d.web.as_deref() == Some(url)) {
                let mut d = DeliveryRecord::new(Channel::Online);
                d.web = Some(url.to_string());
                d.email = string(item, "email", "")?.map(str::to_string);
                r.delivery.push(d);
                self.report.note(rec, "url", "the service's own web address makes an online delivery point");
            }
        }
        Ok(())
    }

    fn organisation(&mut self, item: &Value) -> Result<(OrgRecord, Option<u64>), Skip> {
        let Some(o) = item.get("organization").filter(|o| o.is_object()) else {
            return Err(("organization".into(), "no organization object (the catalogue needs the provider)".into()));
        };
        let ext = Ext::of(o);
        let hsds_id = string(o, "id", "organization.")?.unwrap_or("");
        let id = ext.field("id").map(str::to_string).unwrap_or_else(|| format!("hsds-org-{hsds_id}"));
        let name = ext.text("name", string(o, "name", "organization.")?).filter(|t| !t.fi.is_empty()).ok_or(("organization.name".to_string(), "no name".to_string()))?;
        let kind = match ext.term(ORG_KIND) {
            Some(k) => OrgKind::from_id(k).ok_or(("organization.attributes".to_string(), format!("unknown organisation kind \"{k}\"")))?,
            None => w::guess_org_kind(&name.fi).ok_or(("organization".to_string(), format!("the kind of \"{}\" is unknown: add a {ORG_KIND} attribute", name.fi)))?,
        };
        let website = string(o, "website", "organization.")?.or(string(o, "url", "organization.")?).map(str::to_string);
        let position = ext.field("position").and_then(|p| p.parse().ok());
        Ok((OrgRecord { id, kind, name, website }, position))
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

    fn municipality_by_name(&self, name: &str) -> Option<String> {
        let n = name.trim().to_lowercase();
        self.reference.municipalities.iter().find(|m| m.name.all().any(|x| x.to_lowercase() == n)).map(|m| m.code.clone())
    }

    fn areas(&mut self, rec: &str, item: &Value, delivery: &[DeliveryRecord]) -> Result<Vec<String>, Skip> {
        let mut out: Vec<String> = Vec::new();
        for (i, a) in array(item, "service_areas", "")?.iter().enumerate() {
            let path = format!("service_areas[{i}].");
            let name = string(a, "name", &path)?.unwrap_or("");
            let code = Ext::of(a).field("area").map(str::to_string).or_else(|| {
                let lower = name.trim().to_lowercase();
                if ["koko suomi", "finland", "suomi", "hela finland", "nationwide"].contains(&lower.as_str()) {
                    return Some("nationwide".into());
                }
                if let Some(m) = self.municipality_by_name(name) {
                    return Some(m);
                }
                self.reference.counties.iter().find(|c| c.name.all().any(|x| x.to_lowercase() == lower)).map(|c| format!("county:{}", c.code))
            });
            match code {
                Some(c) => out.push(c),
                None => self.report.note(rec, &format!("{path}name"), &format!("\"{name}\" is no municipality, wellbeing services county or \"Koko Suomi\"; left out")),
            }
        }
        if out.is_empty() {
            out.extend(delivery.iter().filter_map(|d| d.address.as_ref().map(|a| a.municipality.clone())));
            out.dedup();
            if out.is_empty() {
                return Err(("service_areas".into(), "no area: no service area and no place".into()));
            }
            self.report.note(rec, "service_areas", "no usable service area; the municipalities of its places are used");
        }
        Ok(out)
    }

    fn delivery(&mut self, rec: &str, sal: &Value, path: &str) -> Result<Option<DeliveryRecord>, Skip> {
        let ext = Ext::of(sal);
        let empty = Value::Null;
        let loc = sal.get("location").unwrap_or(&empty);
        let lext = Ext::of(loc);
        let addresses = array(loc, "addresses", &format!("{path}location."))?;
        let phones: Vec<&Value> = array(sal, "phones", path)?.iter().chain(array(loc, "phones", &format!("{path}location."))?).collect();
        let web = string(loc, "url", &format!("{path}location."))?.map(str::to_string);
        let channel = match ext.term(CHANNEL) {
            Some(c) => Channel::from_id(c).ok_or((format!("{path}attributes"), format!("unknown channel \"{c}\"")))?,
            None if !addresses.is_empty() => Channel::InPerson,
            None if web.is_some() => Channel::Online,
            None if !phones.is_empty() => Channel::Phone,
            None => {
                self.report.note(rec, path, "neither address, web address nor phone; left out");
                return Ok(None);
            }
        };
        let mut d = DeliveryRecord::new(channel);
        d.name = lext.text("name", string(loc, "name", &format!("{path}location."))?);
        d.web = web;
        for (k, p) in phones.iter().enumerate() {
            let pp = format!("{path}phones[{k}].");
            let number = string(p, "number", &pp)?.unwrap_or("").to_string();
            d.phones.push(PhoneRecord { number, note: Ext::of(p).text("note", string(p, "description", &pp)?) });
        }
        d.email = array(sal, "contacts", path)?.iter().find_map(|c| c.get("email").and_then(Value::as_str)).map(str::to_string);
        d.booking = ext.field("booking").map(str::to_string);
        d.walk_in = ext.field("walk_in") == Some("true");
        d.hours_note = ext.text("hours_note", None);
        d.hours = match ext.field("opening_hours") {
            Some(h) => Some(h.to_string()),
            None => {
                let mut notes = Vec::new();
                let mut schedules: Vec<Value> = array(sal, "schedules", path)?.to_vec();
                schedules.extend(array(loc, "schedules", &format!("{path}location."))?.iter().cloned());
                if d.hours_note.is_none() {
                    d.hours_note = schedules.iter().find_map(|s| s.get("notes").and_then(Value::as_str)).filter(|n| !n.is_empty()).map(Text::fi);
                }
                let h = osm_from_schedules(&schedules, &mut notes);
                for n in notes {
                    self.report.note(rec, &format!("{path}schedules"), &n);
                }
                h
            }
        };
        for (k, a) in array(loc, "accessibility", &format!("{path}location."))?.iter().enumerate() {
            let ap = format!("{path}location.accessibility[{k}].");
            match string(a, "details", &ap)?.and_then(Accessibility::from_id) {
                Some(f) => d.accessibility.push(f),
                None => {
                    if let Some(desc) = string(a, "description", &ap)?.filter(|s| !s.is_empty()) {
                        let note = d.accessibility_note.get_or_insert_with(Text::default);
                        note.fi = if note.fi.is_empty() { desc.to_string() } else { format!("{}; {desc}", note.fi) };
                    }
                }
            }
        }
        let from_attrs = lext.text("accessibility_note", None);
        if let Some(mut t) = from_attrs {
            if let Some(n) = &d.accessibility_note {
                t.fi = n.fi.clone();
            }
            d.accessibility_note = Some(t);
        }

        if let Some(a) = addresses.first() {
            let ap = format!("{path}location.addresses[0].");
            let aext = Ext::of(a);
            let municipality = aext
                .field("municipality")
                .map(str::to_string)
                .or_else(|| string(a, "region", &ap).ok().flatten().and_then(|r| self.municipality_by_name(r)))
                .or_else(|| string(a, "city", &ap).ok().flatten().and_then(|c| self.municipality_by_name(c)));
            let Some(municipality) = municipality else {
                self.report.note(rec, &format!("{ap}city"), "no Finnish municipality matches the address; this place is left out");
                return Ok(None);
            };
            let street = aext.text("street", string(a, "address_1", &ap)?).unwrap_or_default();
            let post_office = aext.text("post_office", string(a, "city", &ap)?).unwrap_or_default();
            let postcode = string(a, "postal_code", &ap)?.unwrap_or("").to_string();
            d.address = Some(AddressRecord { street, postcode, post_office, municipality });
            let lp = format!("{path}location.");
            match (number(loc, "latitude", &lp)?, number(loc, "longitude", &lp)?) {
                (Some(lat), Some(lon)) => d.location = Some((lat, lon)),
                _ if channel == Channel::InPerson => {
                    self.report.note(rec, &format!("{lp}latitude"), "a place without coordinates is left out");
                    return Ok(None);
                }
                _ => {}
            }
        }
        Ok(Some(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_weekly_rules_become_schedules() {
        assert_eq!(
            simple_rule("Mo-We,Fr 08:00-11:00,12:00-16:00"),
            Some(WeeklyRule { days: vec![0, 1, 2, 4], times: vec![("08:00".into(), "11:00".into()), ("12:00".into(), "16:00".into())], valid: None })
        );
        assert_eq!(simple_rule("2026 Jun 01-2026 Aug 31 Mo-Fr 09:00-15:00").unwrap().valid, Some(("2026-06-01".into(), "2026-08-31".into())));
        assert_eq!(simple_rule("2026 Jun 01-30 Sa 10:00-12:00").unwrap().valid, Some(("2026-06-01".into(), "2026-06-30".into())));
        for not_plain in ["PH off", "Jul off", "24/7", "Mo 22:00-06:00", "Dec 24-26 off", "Mo-Fr 08:00-16:00 \"ajanvaraus\""] {
            assert_eq!(simple_rule(not_plain), None, "{not_plain}");
        }
        let s = schedules_from_osm("Mo-Fr 08:00-16:00; PH off", "k", "", None);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0]["byday"], "MO,TU,WE,TH,FR");
        assert!(s[1]["description"].as_str().unwrap().ends_with("Mo-Fr 08:00-16:00; PH off"));
        assert_eq!(schedules_from_osm("Tu,Th 09:30-12:00", "k", "", None).len(), 1);
    }

    #[test]
    fn weekly_schedules_become_osm() {
        let s = |byday: &str, o: &str, c: &str| json!({ "id": "x", "freq": "WEEKLY", "byday": byday, "opens_at": o, "closes_at": c });
        let mut notes = vec![];
        let osm = osm_from_schedules(&[s("MO,TU,WE,TH", "08:00", "16:00"), s("FR", "08:00", "14:00"), s("WE", "17:00:00", "19:00:00")], &mut notes);
        assert_eq!(osm.as_deref(), Some("Mo-Tu,Th 08:00-16:00; We 08:00-16:00,17:00-19:00; Fr 08:00-14:00"));
        let monthly = json!({ "id": "m", "freq": "MONTHLY", "byday": "1MO", "opens_at": "10:00", "closes_at": "12:00" });
        assert_eq!(osm_from_schedules(&[monthly], &mut notes), None);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn ids_are_stable_uuids() {
        assert_eq!(uid("service/a"), uid("service/a"));
        assert_ne!(uid("service/a"), uid("service/b"));
        assert_eq!(Uuid::parse_str(&uid("service/a")).unwrap().get_version_num(), 5);
    }
}
