//! One delivery point as an HSDS `service_at_location`, with its location, address, accessibility,
//! phones, e-mail and schedules.

use perheopas_core::model::{Accessibility, Catalogue, DeliveryPoint, Service};
use serde_json::{json, Map, Value};

use super::attributes::Attrs;
use super::export::{given, put};
use super::schedules::schedules_from_osm;
use super::{uid, CHANNEL};
use crate::catalogue_writer::f32_as_f64;

pub(super) fn delivery(
    cat: &Catalogue,
    s: &Service,
    sid: &str,
    i: usize,
    d: &DeliveryPoint,
) -> Value {
    let key = format!("service/{}/delivery/{i}", s.id);
    let sal_id = uid(&key);
    let loc_id = uid(&format!("{key}/location"));

    let mut loc = Map::new();
    loc.insert("id".into(), json!(loc_id));
    loc.insert(
        "location_type".into(),
        json!(if d.address.is_some() {
            "physical"
        } else {
            "virtual"
        }),
    );
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
        addr.insert(
            "state_province".into(),
            json!(cat.counties[m.county as usize].name.fi),
        );
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
