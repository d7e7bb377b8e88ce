//! One HSDS `service_at_location` (with its location) as a delivery point.

use perheopas_core::model::{Accessibility, Channel, Text};
use serde_json::Value;

use super::attributes::Ext;
use super::fields::{array, number, string, Skip};
use super::import::Importer;
use super::schedules::osm_from_schedules;
use super::CHANNEL;
use crate::catalogue_writer::{self as w, AddressRecord, DeliveryRecord, PhoneRecord};

impl Importer<'_> {
    pub(super) fn delivery(
        &mut self,
        rec: &str,
        sal: &Value,
        path: &str,
        service_schedules: &[Value],
    ) -> Result<Option<DeliveryRecord>, Skip> {
        let ext = Ext::of(sal);
        let empty = Value::Null;
        let loc = sal.get("location").unwrap_or(&empty);
        let lext = Ext::of(loc);
        let addresses = array(loc, "addresses", &format!("{path}location."))?;
        let phones: Vec<&Value> = array(sal, "phones", path)?
            .iter()
            .chain(array(loc, "phones", &format!("{path}location."))?)
            .collect();
        // A bad optional field drops the field with a note, never the place or the service.
        let web = string(loc, "url", &format!("{path}location."))?
            .map(str::to_string)
            .filter(|u| {
                let ok = w::https_url(u);
                if !ok {
                    self.report.note(
                        rec,
                        &format!("{path}location.url"),
                        &format!("\"{u}\" is not an https address; left out"),
                    );
                }
                ok
            });
        let channel = match ext.term(CHANNEL) {
            Some(c) => Channel::from_id(c).ok_or((
                format!("{path}attributes"),
                format!("unknown channel \"{c}\""),
            ))?,
            None if !addresses.is_empty() => Channel::InPerson,
            None if web.is_some() => Channel::Online,
            None if !phones.is_empty() => Channel::Phone,
            None => {
                self.report.note(
                    rec,
                    path,
                    "neither address, web address nor phone; left out",
                );
                return Ok(None);
            }
        };
        let mut d = DeliveryRecord::new(channel);
        d.name = lext.text("name", string(loc, "name", &format!("{path}location."))?);
        d.web = web;
        for (k, p) in phones.iter().enumerate() {
            let pp = format!("{path}phones[{k}].");
            let number = string(p, "number", &pp)?.unwrap_or("").to_string();
            if !w::finnish_phone(&number) {
                self.report.note(
                    rec,
                    &format!("{pp}number"),
                    &format!("\"{number}\" is not a Finnish number; left out"),
                );
                continue;
            }
            let mut note = Ext::of(p).text("note", string(p, "description", &pp)?);
            // An extension is part of how to call: kept in the number's note.
            if let Some(ext) = p.get("extension").and_then(|e| match e {
                Value::Number(n) => Some(n.to_string()),
                Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                _ => None,
            }) {
                let n = note.get_or_insert_with(Text::default);
                n.fi = if n.fi.is_empty() {
                    format!("alanumero {ext}")
                } else {
                    format!("{} (alanumero {ext})", n.fi)
                };
            }
            d.phones.push(PhoneRecord { number, note });
        }
        d.email = array(sal, "contacts", path)?
            .iter()
            .find_map(|c| c.get("email").and_then(Value::as_str))
            .map(str::to_string);
        d.booking = ext.field("booking").map(str::to_string);
        d.walk_in = ext.field("walk_in") == Some("true");
        d.hours_note = ext.text("hours_note", None);
        d.hours = match ext.field("opening_hours") {
            Some(h) => Some(h.to_string()),
            None => {
                let mut notes = Vec::new();
                let mut schedules: Vec<Value> = array(sal, "schedules", path)?.to_vec();
                schedules.extend(
                    array(loc, "schedules", &format!("{path}location."))?
                        .iter()
                        .cloned(),
                );
                // A place without its own schedules keeps the service's.
                if schedules.is_empty() {
                    schedules = service_schedules.to_vec();
                }
                if d.hours_note.is_none() {
                    // Every schedule's description and notes, once each, in order.
                    let mut texts: Vec<&str> = Vec::new();
                    for t in schedules.iter().flat_map(|s| {
                        ["description", "notes"]
                            .into_iter()
                            .filter_map(|k| s.get(k).and_then(Value::as_str))
                    }) {
                        let t = t.trim();
                        if !t.is_empty() && !texts.contains(&t) {
                            texts.push(t);
                        }
                    }
                    // Several texts are sentences of their own: "Ei kesä-heinäkuussa" and
                    // "Isä-lapsi-aamu …" run together would read as one.
                    let joined = match texts.as_slice() {
                        [] => None,
                        [one] => Some(one.to_string()),
                        many => Some(
                            many.iter()
                                .map(|t| {
                                    if t.ends_with(['.', '!', '?']) {
                                        t.to_string()
                                    } else {
                                        format!("{t}.")
                                    }
                                })
                                .collect::<Vec<_>>()
                                .join(" "),
                        ),
                    };
                    d.hours_note = joined.map(Text::fi);
                }
                let h = osm_from_schedules(&schedules, &mut notes);
                for n in notes {
                    self.report.note(rec, &format!("{path}schedules"), &n);
                }
                h
            }
        };
        for (k, a) in array(loc, "accessibility", &format!("{path}location."))?
            .iter()
            .enumerate()
        {
            let ap = format!("{path}location.accessibility[{k}].");
            match string(a, "details", &ap)?.and_then(Accessibility::from_id) {
                Some(f) => d.accessibility.push(f),
                None => {
                    if let Some(desc) = string(a, "description", &ap)?.filter(|s| !s.is_empty()) {
                        let note = d.accessibility_note.get_or_insert_with(Text::default);
                        note.fi = if note.fi.is_empty() {
                            desc.to_string()
                        } else {
                            format!("{}; {desc}", note.fi)
                        };
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
                .or_else(|| {
                    string(a, "region", &ap)
                        .ok()
                        .flatten()
                        .and_then(|r| self.municipality_by_name(r))
                })
                .or_else(|| {
                    string(a, "city", &ap)
                        .ok()
                        .flatten()
                        .and_then(|c| self.municipality_by_name(c))
                });
            let Some(municipality) = municipality else {
                self.report.note(
                    rec,
                    &format!("{ap}city"),
                    "no Finnish municipality matches the address; this place is left out",
                );
                return Ok(None);
            };
            let street = aext
                .text("street", string(a, "address_1", &ap)?)
                .unwrap_or_default();
            let post_office = aext
                .text("post_office", string(a, "city", &ap)?)
                .unwrap_or_default();
            let postcode = string(a, "postal_code", &ap)?.unwrap_or("").to_string();
            d.address = Some(AddressRecord {
                street,
                postcode,
                post_office,
                municipality,
            });
            let lp = format!("{path}location.");
            match (
                number(loc, "latitude", &lp)?,
                number(loc, "longitude", &lp)?,
            ) {
                (Some(lat), Some(lon)) => {
                    let code = d.address.as_ref().map(|a| a.municipality.clone());
                    match self.places.check(&code.unwrap_or_default(), (lat, lon)) {
                        Ok(warning) => {
                            if let Some(w) = warning {
                                self.report.note(rec, &format!("{lp}latitude"), &w);
                            }
                            d.location = Some((lat, lon));
                        }
                        // A wrong point drops the place (an in-person place needs one), never
                        // the service: its other places and channels are kept.
                        Err(why) => {
                            self.report.note(
                                rec,
                                &format!("{lp}latitude"),
                                &format!("{why}; this place is left out"),
                            );
                            return Ok(None);
                        }
                    }
                }
                _ if channel == Channel::InPerson => {
                    self.report.note(
                        rec,
                        &format!("{lp}latitude"),
                        "a place without coordinates is left out",
                    );
                    return Ok(None);
                }
                _ => {}
            }
        }
        Ok(Some(d))
    }
}
