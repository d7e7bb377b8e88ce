//! HSDS `service` objects: one per catalogue service (with its organisation, languages, cost and
//! service areas) and one per county contact point.

use perheopas_core::model::{Catalogue, ContactPoint, Cost, County, OrgKind, Service, Status};
use serde_json::{json, Map, Value};

use super::attributes::Attrs;
use super::export::{given, put};
use super::export_location::delivery;
use super::schedules::schedules_from_osm;
use super::{uid, ACCESS, CATEGORY, COST, LEVEL, ORG_KIND, SERVICE_TYPE, TARGET_GROUP};
use crate::catalogue_writer::f32_as_f64;

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

pub(super) fn service(cat: &Catalogue, s: &Service) -> Value {
    let id = uid(&format!("service/{}", s.id));
    let ty = cat.service_type(s);
    let mut obj = Map::new();
    obj.insert("id".into(), json!(id));
    obj.insert("name".into(), json!(s.name.fi));
    obj.insert(
        "status".into(),
        json!(if s.status == Status::Active {
            "active"
        } else {
            "temporarily closed"
        }),
    );
    obj.insert(
        "organization_id".into(),
        json!(uid(&format!("organisation/{}", cat.organisation(s).id))),
    );
    obj.insert("organization".into(), organization(cat, s.organisation));
    put(&mut obj, "description", Some(&s.description.fi));
    put(&mut obj, "application_process", Some(&s.how_to_get.fi));
    put(&mut obj, "fees_description", Some(&s.cost_text.fi));
    put(
        &mut obj,
        "interpretation_services",
        Some(&s.language_note.fi),
    );
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
    obj.insert(
        "service_at_locations".into(),
        Value::Array(
            s.delivery
                .iter()
                .enumerate()
                .map(|(i, d)| delivery(cat, s, &id, i, d))
                .collect(),
        ),
    );

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
    a.term(
        SERVICE_TYPE,
        &ty.id,
        ty.name.en.as_deref().unwrap_or(&ty.name.fi),
        &ty.id,
    );
    a.term(LEVEL, ty.level.id(), ty.level.id(), ty.level.id());
    a.term(CATEGORY, &ty.category, &ty.category, &ty.category);
    a.term(ACCESS, s.access.id(), s.access.id(), s.access.id());
    a.term(COST, s.cost.id(), cost_label(s.cost), s.cost.id());
    for g in &s.target_groups {
        a.term(TARGET_GROUP, g, g, g);
    }
    if !s.name.machine.is_empty() {
        a.field(
            "machine_translated",
            &s.name
                .machine
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    a.text("name", Some(&s.name), true);
    a.text("summary", given(&s.summary), false);
    a.text("description", given(&s.description), true);
    a.text("how_to_get", given(&s.how_to_get), true);
    a.text("language_note", given(&s.language_note), true);
    a.text("cost_text", given(&s.cost_text), true);
    a.text("alert", given(&s.alert), true);
    if let Some(d) = &s.closed_until {
        a.field("closed_until", d);
    }
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

pub(super) fn county_contact(cat: &Catalogue, c: &County, contact: &ContactPoint) -> Value {
    let key = format!("county/{}/contact", c.code);
    let id = uid(&key);
    let mut obj = Map::new();
    obj.insert("id".into(), json!(id));
    obj.insert("name".into(), json!(contact.name.fi));
    obj.insert("status".into(), json!("active"));
    obj.insert(
        "description".into(),
        json!(format!(
            "The family-centre network's single contact point of {}",
            c.name.fi
        )),
    );
    put(&mut obj, "url", contact.web.as_deref());
    if let Some(p) = &contact.phone {
        obj.insert("phones".into(), json!([{ "id": uid(&format!("{key}/phone")), "service_id": id, "number": p, "type": "voice" }]));
    }
    if let Some(h) = &contact.hours {
        obj.insert(
            "schedules".into(),
            Value::Array(schedules_from_osm(h, &key, "", None)),
        );
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
