//! Catalogue records as the source files hold them (string ids), and the records of a compiled
//! catalogue, so writing them back gives the same catalogue.

use perheopas_core::model::*;

#[derive(Clone, Debug, PartialEq)]
pub struct OrgRecord {
    pub id: String,
    pub kind: OrgKind,
    pub name: Text,
    pub website: Option<String>,
}

/// A wellbeing services county's single contact point (`[[county]]`).
#[derive(Clone, Debug, PartialEq)]
pub struct CountyRecord {
    pub code: String,
    pub contact: ContactPoint,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressRecord {
    pub street: Text,
    pub postcode: String,
    pub post_office: Text,
    pub municipality: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhoneRecord {
    pub number: String,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeliveryRecord {
    pub channel: Channel,
    pub name: Option<Text>,
    pub address: Option<AddressRecord>,
    /// WGS84 (lat, lon).
    pub location: Option<(f64, f64)>,
    pub accessibility: Vec<Accessibility>,
    pub accessibility_note: Option<Text>,
    pub phones: Vec<PhoneRecord>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub booking: Option<String>,
    pub hours: Option<String>,
    pub hours_note: Option<Text>,
    pub walk_in: bool,
}

impl DeliveryRecord {
    pub fn new(channel: Channel) -> DeliveryRecord {
        DeliveryRecord {
            channel,
            name: None,
            address: None,
            location: None,
            accessibility: vec![],
            accessibility_note: None,
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: None,
            hours_note: None,
            walk_in: false,
        }
    }
}

/// A `[[service]]`. Optional texts are `None` when the file leaves them out; the machine flags
/// belong to the service, as in the files (the `machine` field of each `Text` is not written).
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceRecord {
    pub id: String,
    pub source_id: Option<String>,
    pub organisation: String,
    pub service_type: String,
    pub name: Text,
    pub summary: Option<Text>,
    pub description: Option<Text>,
    pub how_to_get: Option<Text>,
    /// `None` keeps the service type's ages.
    pub ages: Option<(f32, f32)>,
    pub target_groups: Vec<String>,
    pub languages: Vec<String>,
    pub language_note: Option<Text>,
    pub cost: Cost,
    pub cost_text: Option<Text>,
    /// `None` keeps the service type's access.
    pub access: Option<Access>,
    /// Municipality codes, `county:<code>`, `nationwide`.
    pub areas: Vec<String>,
    pub status: Status,
    /// YYYY-MM-DD, the last day of a temporary closure.
    pub closed_until: Option<String>,
    pub alert: Option<Text>,
    /// YYYY-MM-DD.
    pub last_checked: String,
    pub source: Option<String>,
    pub machine_translated: Vec<Lang>,
    pub delivery: Vec<DeliveryRecord>,
}

impl ServiceRecord {
    pub fn new(
        id: String,
        organisation: String,
        service_type: String,
        name: Text,
    ) -> ServiceRecord {
        ServiceRecord {
            id,
            source_id: None,
            organisation,
            service_type,
            name,
            summary: None,
            description: None,
            how_to_get: None,
            ages: None,
            target_groups: vec![],
            languages: vec![],
            language_note: None,
            cost: Cost::Free,
            cost_text: None,
            access: None,
            areas: vec![],
            status: Status::Active,
            closed_until: None,
            alert: None,
            last_checked: String::new(),
            source: None,
            machine_translated: vec![],
            delivery: vec![],
        }
    }
}

/// Everything one import writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// Demonstration data: written as `[catalogue] sample = true`.
    pub sample: bool,
    pub organisations: Vec<OrgRecord>,
    pub counties: Vec<CountyRecord>,
    pub services: Vec<ServiceRecord>,
}

// ------------------------------------------------------------------------------------ from the model

/// A text as the file holds it: absent when the compiler would have produced the default. A text
/// given but left blank still carries the service's machine flags, so it is kept as `{}`.
fn opt(t: &Text) -> Option<Text> {
    (!t.is_empty() || !t.machine.is_empty()).then(|| t.clone())
}

/// The source records of a compiled catalogue: compiling what [`render`] makes of them gives the
/// same catalogue back (the build time is the caller's).
pub fn from_catalogue(cat: &Catalogue) -> Records {
    let counties = cat
        .counties
        .iter()
        .filter_map(|c| {
            c.contact.as_ref().map(|contact| CountyRecord {
                code: c.code.clone(),
                contact: contact.clone(),
            })
        })
        .collect();
    let organisations = cat
        .organisations
        .iter()
        .map(|o| OrgRecord {
            id: o.id.clone(),
            kind: o.kind,
            name: o.name.clone(),
            website: o.website.clone(),
        })
        .collect();
    let services = cat
        .services
        .iter()
        .map(|s| service_record(cat, s))
        .collect();
    Records {
        sample: cat.sample,
        organisations,
        counties,
        services,
    }
}

fn service_record(cat: &Catalogue, s: &Service) -> ServiceRecord {
    let ty = cat.service_type(s);
    let mut areas = Vec::new();
    if s.areas.nationwide {
        areas.push("nationwide".to_string());
    }
    areas.extend(
        s.areas
            .counties
            .iter()
            .map(|&c| format!("county:{}", cat.counties[c as usize].code)),
    );
    areas.extend(
        s.areas
            .municipalities
            .iter()
            .map(|&m| cat.municipalities[m as usize].code.clone()),
    );
    let delivery = s
        .delivery
        .iter()
        .map(|d| DeliveryRecord {
            channel: d.channel,
            name: opt(&d.name),
            address: d.address.as_ref().map(|a| AddressRecord {
                street: a.street.clone(),
                postcode: a.postcode.clone(),
                post_office: a.post_office.clone(),
                municipality: cat.municipalities[a.municipality as usize].code.clone(),
            }),
            location: d
                .location
                .map(|(lat, lon)| (f32_as_f64(lat), f32_as_f64(lon))),
            accessibility: d.accessibility.clone(),
            accessibility_note: opt(&d.accessibility_note),
            phones: d
                .phones
                .iter()
                .map(|p| PhoneRecord {
                    number: p.number.clone(),
                    note: opt(&p.note),
                })
                .collect(),
            email: d.email.clone(),
            web: d.web.clone(),
            booking: d.booking.clone(),
            hours: d.hours.clone(),
            hours_note: opt(&d.hours_note),
            walk_in: d.walk_in,
        })
        .collect();
    ServiceRecord {
        id: s.id.clone(),
        source_id: s.source_id.clone(),
        organisation: cat.organisation(s).id.clone(),
        service_type: ty.id.clone(),
        name: s.name.clone(),
        summary: opt(&s.summary),
        description: opt(&s.description),
        how_to_get: opt(&s.how_to_get),
        ages: (s.age_min != ty.age_min || s.age_max != ty.age_max)
            .then_some((s.age_min, s.age_max)),
        target_groups: s.target_groups.clone(),
        languages: s.languages.clone(),
        language_note: opt(&s.language_note),
        cost: s.cost,
        cost_text: opt(&s.cost_text),
        access: (s.access != ty.access).then_some(s.access),
        areas,
        status: s.status,
        closed_until: s.closed_until.clone(),
        alert: opt(&s.alert),
        last_checked: s.last_checked.clone(),
        source: s.source.clone(),
        // Every text of a service carries the service's flags; the name is always there.
        machine_translated: s.name.machine.clone(),
        delivery,
    }
}

/// The shortest decimal that reads back as the same `f32`, as an `f64`: the files then say
/// `61.90687`, not `61.906871795654297`. Falls back to the exact value where double rounding
/// (decimal → f64 → f32) would land elsewhere.
pub fn f32_as_f64(x: f32) -> f64 {
    let short: f64 = format!("{x}").parse().unwrap_or(x as f64);
    if short as f32 == x {
        short
    } else {
        x as f64
    }
}
