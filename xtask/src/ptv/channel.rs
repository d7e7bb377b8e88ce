//! One PTV service channel as a delivery point: phones, e-mail, web address, hours and the
//! visiting address of a service location.

use perheopas_core::model::{Channel, Text};

use super::hours::hours_to_osm;
use super::input::{Address, Hours, LangValue, PhoneNumber, ServiceChannel, Street};
use super::values::{muni_code, pick_lang, pick_url, text};
use super::{coordinates, Ctx};
use crate::catalogue_writer::{self as w, AddressRecord, DeliveryRecord, PhoneRecord};

/// A visiting address with its WGS84 (lat, lon) and a warning about it, or why it cannot be used.
type Place = Result<(AddressRecord, (f64, f64), Option<String>), String>;

impl Ctx<'_> {
    pub(super) fn delivery(
        &mut self,
        rec: &str,
        ch: &ServiceChannel,
        hours: &[Hours],
    ) -> Vec<DeliveryRecord> {
        let field = format!("channel {}", ch.id.to_lowercase());
        let channel = match ch.service_channel_type.as_str() {
            "ServiceLocation" => Channel::InPerson,
            "Phone" => Channel::Phone,
            "EChannel" | "WebPage" => Channel::Online,
            other => {
                self.report.note(
                    rec,
                    &field,
                    &format!("{other} channels are not delivery points; left out"),
                );
                return vec![];
            }
        };
        let mut d = DeliveryRecord::new(channel);
        d.name = text(&ch.service_channel_names, Some(&["Name"]))
            .map(|t| self.fit(rec, &format!("{field} name"), t, 120));
        let phones = if ch.phone_numbers.is_empty() {
            &ch.support_phones
        } else {
            &ch.phone_numbers
        };
        d.phones = self.phones(rec, &field, phones);
        let emails = if ch.emails.is_empty() {
            &ch.support_emails
        } else {
            &ch.emails
        };
        d.email =
            pick_lang(emails.iter().map(|e| (e.language.as_str(), e.value.trim()))).filter(|e| {
                let ok = e.contains('@')
                    && e.split('@').nth(1).is_some_and(|d| d.contains('.'))
                    && !e.contains(char::is_whitespace);
                if !ok {
                    self.report.note(
                        rec,
                        &format!("{field} email"),
                        &format!("\"{e}\" is not an e-mail address; left out"),
                    );
                }
                ok
            });
        d.web = pick_url(&ch.web_pages);
        if d.web.is_none() && !ch.web_pages.is_empty() {
            self.report.note(
                rec,
                &format!("{field} webPages"),
                "no https address; left out",
            );
        }
        match hours_to_osm(hours) {
            Ok((h, notes)) => {
                for n in notes {
                    self.report.note(rec, &format!("{field} serviceHours"), &n);
                }
                d.hours = h;
            }
            Err(e) => self.report.note(
                rec,
                &format!("{field} serviceHours"),
                &format!("{e}; hours left out"),
            ),
        }
        d.hours_note =
            hours_note(hours).map(|t| self.fit(rec, &format!("{field} hours note"), t, 500));

        match channel {
            // Every visiting address of a location is a delivery point of its own (a channel may
            // name a second building); one that cannot be placed is left out with a note.
            Channel::InPerson => {
                let mut out = Vec::new();
                for (i, place) in self.places(ch).into_iter().enumerate() {
                    match place {
                        Ok((address, location, warning)) => {
                            if let Some(w) = warning {
                                self.report.note(
                                    rec,
                                    &format!("{field} addresses[{i}] location"),
                                    &w,
                                );
                            }
                            let mut here = d.clone();
                            here.address = Some(address);
                            here.location = Some(location);
                            out.push(here);
                        }
                        Err(why) => self.report.note(
                            rec,
                            &format!("{field} addresses[{i}]"),
                            &format!("{why}; this location is left out"),
                        ),
                    }
                }
                return out;
            }
            Channel::Phone if d.phones.is_empty() => {
                self.report.note(
                    rec,
                    &format!("{field} phoneNumbers"),
                    "no usable phone number; this channel is left out",
                );
                return vec![];
            }
            Channel::Online if d.web.is_none() => {
                self.report.note(
                    rec,
                    &format!("{field} webPages"),
                    "no https address; this channel is left out",
                );
                return vec![];
            }
            _ => {}
        }
        vec![d]
    }

    /// Phone numbers, one per number (PTV repeats a number per language), with their notes.
    fn phones(&mut self, rec: &str, field: &str, list: &[PhoneNumber]) -> Vec<PhoneRecord> {
        let mut by_number: Vec<(String, Vec<LangValue>)> = Vec::new();
        for p in list {
            let Some(number) = phone_number(p) else {
                self.report.note(
                    rec,
                    &format!("{field} phone"),
                    &format!(
                        "\"{} {}\" is not a Finnish number; left out",
                        p.prefix_number.as_deref().unwrap_or(""),
                        p.number
                    ),
                );
                continue;
            };
            let mut note = p
                .additional_information
                .clone()
                .unwrap_or_default()
                .trim()
                .to_string();
            if let Some(c) = p
                .charge_description
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                note = if note.is_empty() {
                    c.to_string()
                } else {
                    format!("{note} ({c})")
                };
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
                entry.1.push(LangValue {
                    language: lang,
                    value: note,
                    kind: None,
                });
            }
        }
        by_number
            .into_iter()
            .map(|(number, notes)| PhoneRecord {
                number,
                note: text(&notes, None)
                    .map(|t| self.fit(rec, &format!("{field} phone note"), t, 500)),
            })
            .collect()
    }

    /// Every visiting address of a service location with its WGS84 point, or why it cannot be
    /// used; "no visiting street address" when there is none.
    fn places(&self, ch: &ServiceChannel) -> Vec<Place> {
        let visiting = |a: &&Address| {
            a.kind
                .as_deref()
                .is_none_or(|k| matches!(k, "Visiting" | "Location"))
                && a.sub_type.as_deref() != Some("PostOfficeBox")
        };
        let streets: Vec<&Street> = ch
            .addresses
            .iter()
            .filter(visiting)
            .filter_map(|a| a.street_address.as_ref())
            .collect();
        if streets.is_empty() {
            return vec![Err("no visiting street address".into())];
        }
        streets.into_iter().map(|s| self.place(s)).collect()
    }

    /// One visiting address and its WGS84 point.
    fn place(&self, street: &Street) -> Place {
        let Some(mut street_text) = text(&street.street, None) else {
            return Err("the street has no Finnish name".into());
        };
        if let Some(n) = street
            .street_number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            street_text.fi = format!("{} {n}", street_text.fi);
            for s in [street_text.sv.as_mut(), street_text.en.as_mut()]
                .into_iter()
                .flatten()
            {
                *s = format!("{s} {n}");
            }
        }
        let mut post_office =
            text(&street.post_office, None).ok_or("no Finnish post office name")?;
        for s in [
            Some(&mut post_office.fi),
            post_office.sv.as_mut(),
            post_office.en.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            *s = title_case(s);
        }
        let municipality = street
            .municipality
            .as_ref()
            .map(|m| muni_code(&m.code))
            .ok_or("no municipality")?;
        if self.reference.municipality_by_code(&municipality).is_none() {
            return Err(format!("unknown municipality code \"{municipality}\""));
        }
        let (Some(lat), Some(lon)) = (street.latitude.as_deref(), street.longitude.as_deref())
        else {
            return Err("no coordinates".into());
        };
        let location = coordinates::to_wgs84(lat, lon)?;
        let warning = self.places.check(&municipality, location)?;
        Ok((
            AddressRecord {
                street: street_text,
                postcode: street.postal_code.trim().to_string(),
                post_office,
                municipality,
            },
            location,
            warning,
        ))
    }
}

/// Every `additionalInformation` of the hours used (each language's texts joined, in order, once
/// each), after "By appointment." when an entry is `isReservation`.
fn hours_note(hours: &[Hours]) -> Option<Text> {
    let reservation = hours.iter().any(|h| h.is_reservation);
    let join = |lang: &str, lead: &str| {
        let mut parts: Vec<String> = Vec::new();
        if reservation {
            parts.push(lead.to_string());
        }
        for v in hours.iter().flat_map(|h| &h.additional_information) {
            let v_text = v.value.trim();
            if v.language == lang && !v_text.is_empty() && !parts.iter().any(|p| p == v_text) {
                parts.push(v_text.to_string());
            }
        }
        (!parts.is_empty()).then(|| parts.join(" "))
    };
    let fi = join("fi", "Ajanvarauksella.")?;
    Some(Text {
        fi,
        sv: join("sv", "Med tidsbokning."),
        en: join("en", "By appointment."),
        machine: vec![],
    })
}

/// PTV writes post offices in capitals ("PIEKSÄMÄKI"); the catalogue writes names ("Pieksämäki").
fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase())
        } else {
            out.extend(c.to_lowercase())
        }
        start = !c.is_alphanumeric();
    }
    out
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
    w::finnish_phone(&out).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_take_the_prefix() {
        let p = |prefix: Option<&str>, number: &str, service: bool| PhoneNumber {
            prefix_number: prefix.map(str::to_string),
            number: number.into(),
            is_finnish_service_number: service,
            ..PhoneNumber::default()
        };
        assert_eq!(
            phone_number(&p(Some("+358"), "17 000 1234", false)).as_deref(),
            Some("+358 17 000 1234")
        );
        assert_eq!(
            phone_number(&p(Some("+358"), "017 000 1234", false)).as_deref(),
            Some("+358 17 000 1234")
        );
        assert_eq!(
            phone_number(&p(None, "116 117", true)).as_deref(),
            Some("116 117")
        );
        assert_eq!(phone_number(&p(Some("+46"), "8 123 456", false)), None);
        assert_eq!(phone_number(&p(Some("+358"), "12", false)), None);
    }
}
