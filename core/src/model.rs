//! The compiled catalogue: what the app fetches and searches. Records reference each other by
//! index so the asset stays compact; the human-edited source files use string ids instead.

use serde::{Deserialize, Serialize};

/// A language of the UI and of catalogue texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text in Finnish (always present) with optional Swedish and English versions. In the
/// compiled asset its strings sit in a shared table (`asset::strings` writes and reads it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub fi: String,
    pub sv: Option<String>,
    pub en: Option<String>,
    /// Languages whose version was machine translated (the UI flags them).
    pub machine: Vec<Lang>,
}

/// A text as shown in one language: which language it really is in, and whether a machine wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub machine: bool,
}

impl Text {
    pub fn fi(s: impl Into<String>) -> Text {
        Text {
            fi: s.into(),
            ..Text::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fi.is_empty() && self.sv.is_none() && self.en.is_none()
    }

    /// The text in `lang`, falling back to Finnish when that version is missing.
    pub fn get(&self, lang: Lang) -> Localized<'_> {
        let wanted = match lang {
            Lang::Fi => None,
            Lang::Sv => self.sv.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        match wanted {
            Some(text) if !text.is_empty() => Localized {
                text,
                lang,
                machine: self.machine.contains(&lang),
            },
            _ => Localized {
                text: &self.fi,
                lang: Lang::Fi,
                machine: self.machine.contains(&Lang::Fi),
            },
        }
    }

    /// Every language version, for search.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.fi.as_str())
            .chain(self.sv.as_deref())
            .chain(self.en.as_deref())
    }
}

/// The three levels of the family-centre model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    Universal,
    Basic,
    Specialist,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Universal, Level::Basic, Level::Specialist];

    pub fn id(self) -> &'static str {
        match self {
            Level::Universal => "universal",
            Level::Basic => "basic",
            Level::Specialist => "specialist",
        }
    }

    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

/// How a family gets the service: the question behind the levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Access {
    /// Contact the service yourself.
    None,
    Assessment,
    Referral,
    Application,
    Decision,
}

impl Access {
    pub const ALL: [Access; 5] = [
        Access::None,
        Access::Assessment,
        Access::Referral,
        Access::Application,
        Access::Decision,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Access::None => "none",
            Access::Assessment => "assessment",
            Access::Referral => "referral",
            Access::Application => "application",
            Access::Decision => "decision",
        }
    }

    pub fn from_id(id: &str) -> Option<Access> {
        Access::ALL.into_iter().find(|a| a.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Cost {
    Free,
    Fee,
    Voucher,
}

impl Cost {
    pub const ALL: [Cost; 3] = [Cost::Free, Cost::Fee, Cost::Voucher];

    pub fn id(self) -> &'static str {
        match self {
            Cost::Free => "free",
            Cost::Fee => "fee",
            Cost::Voucher => "voucher",
        }
    }

    pub fn from_id(id: &str) -> Option<Cost> {
        Cost::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum OrgKind {
    WellbeingCounty,
    Municipality,
    Ngo,
    Parish,
    Private,
    State,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::WellbeingCounty,
        OrgKind::Municipality,
        OrgKind::Ngo,
        OrgKind::Parish,
        OrgKind::Private,
        OrgKind::State,
    ];

    pub fn id(self) -> &'static str {
        match self {
            OrgKind::WellbeingCounty => "wellbeing_county",
            OrgKind::Municipality => "municipality",
            OrgKind::Ngo => "ngo",
            OrgKind::Parish => "parish",
            OrgKind::Private => "private",
            OrgKind::State => "state",
        }
    }

    pub fn from_id(id: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Channel {
    InPerson,
    HomeVisit,
    Phone,
    Online,
    Chat,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::InPerson,
        Channel::HomeVisit,
        Channel::Phone,
        Channel::Online,
        Channel::Chat,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Channel::InPerson => "in_person",
            Channel::HomeVisit => "home_visit",
            Channel::Phone => "phone",
            Channel::Online => "online",
            Channel::Chat => "chat",
        }
    }

    pub fn from_id(id: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Accessibility {
    StepFree,
    Stroller,
    AccessibleToilet,
    BabyCareRoom,
    HearingLoop,
}

impl Accessibility {
    pub const ALL: [Accessibility; 5] = [
        Accessibility::StepFree,
        Accessibility::Stroller,
        Accessibility::AccessibleToilet,
        Accessibility::BabyCareRoom,
        Accessibility::HearingLoop,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Accessibility::StepFree => "step_free",
            Accessibility::Stroller => "stroller",
            Accessibility::AccessibleToilet => "accessible_toilet",
            Accessibility::BabyCareRoom => "baby_care_room",
            Accessibility::HearingLoop => "hearing_loop",
        }
    }

    pub fn from_id(id: &str) -> Option<Accessibility> {
        Accessibility::ALL.into_iter().find(|a| a.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Active,
    TemporarilyClosed,
}

/// One of the family-centre service types; it fixes the level and the category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceType {
    pub id: String,
    pub level: Level,
    pub category: String,
    pub name: Text,
    pub age_min: f32,
    pub age_max: f32,
    pub access: Access,
    /// The type meets at set times (family coaching, groups, clubs, cafés): its hours are
    /// sessions to come to (`sessions.rs`), not opening hours.
    pub sessions: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct County {
    pub code: String,
    pub name: Text,
    /// The area's single contact point to the family-centre network (perheneuvo / palveluohjaus).
    pub contact: Option<ContactPoint>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContactPoint {
    pub name: Text,
    pub phone: Option<String>,
    pub web: Option<String>,
    pub hours: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Municipality {
    pub code: String,
    pub name: Text,
    /// Index into `Catalogue::counties`.
    pub county: u16,
    /// Centre point, WGS84 (lat, lon).
    pub centre: (f32, f32),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: Text,
    pub kind: OrgKind,
    pub website: Option<String>,
}

/// Where a service is offered: everywhere, or in some counties and municipalities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Areas {
    pub nationwide: bool,
    /// Indexes into `Catalogue::counties`: every municipality of the county is served.
    pub counties: Vec<u16>,
    /// Indexes into `Catalogue::municipalities`.
    pub municipalities: Vec<u16>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub street: Text,
    pub postcode: String,
    pub post_office: Text,
    /// Index into `Catalogue::municipalities`.
    pub municipality: u16,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
    pub note: Text,
}

/// Where and how a service is delivered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeliveryPoint {
    pub channel: Channel,
    pub name: Text,
    pub address: Option<Address>,
    /// WGS84 (lat, lon).
    pub location: Option<(f32, f32)>,
    pub accessibility: Vec<Accessibility>,
    pub accessibility_note: Text,
    pub phones: Vec<Phone>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub booking: Option<String>,
    /// OpenStreetMap `opening_hours` syntax, checked at build.
    pub hours: Option<String>,
    pub hours_note: Text,
    pub walk_in: bool,
}

/// A place with nothing but its channel, for tests to fill in the field they are about.
#[cfg(test)]
impl DeliveryPoint {
    pub fn bare(channel: Channel) -> DeliveryPoint {
        DeliveryPoint {
            channel,
            name: Text::default(),
            address: None,
            location: None,
            accessibility: vec![],
            accessibility_note: Text::default(),
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: None,
            hours_note: Text::default(),
            walk_in: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub source_id: Option<String>,
    pub organisation: u32,
    pub service_type: u16,
    pub name: Text,
    pub summary: Text,
    pub description: Text,
    pub how_to_get: Text,
    /// Years; −1 stands for pregnancy.
    pub age_min: f32,
    pub age_max: f32,
    pub target_groups: Vec<String>,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    pub language_note: Text,
    pub cost: Cost,
    pub cost_text: Text,
    pub access: Access,
    pub areas: Areas,
    pub status: Status,
    /// Last day (ISO date) of a temporary closure; none while closed until further notice.
    /// Only set with `Status::TemporarilyClosed`; see `closure.rs`.
    pub closed_until: Option<String>,
    pub alert: Text,
    /// ISO date (YYYY-MM-DD).
    pub last_checked: String,
    pub source: Option<String>,
    pub delivery: Vec<DeliveryPoint>,
}

/// Everything the app needs, in one file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalogue {
    /// ISO date and time of compilation (UTC).
    pub built: String,
    /// True for demonstration data: the UI must say so.
    pub sample: bool,
    pub counties: Vec<County>,
    pub municipalities: Vec<Municipality>,
    pub service_types: Vec<ServiceType>,
    pub organisations: Vec<Organisation>,
    pub services: Vec<Service>,
    /// Every distinct opening-hours expression of the catalogue, compiled by the catalogue tool,
    /// sorted by its text.
    pub schedules: Vec<(String, crate::hours::Schedule)>,
    /// What families say, pointing to service types (`data/vocabulary/`).
    pub vocabulary: crate::vocabulary::Vocabulary,
    /// The counties' family-centre service areas (`reference/service_areas.csv`); queries in
    /// `service_area.rs`.
    pub service_areas: Vec<crate::service_area::ServiceArea>,
}

impl Catalogue {
    /// The compiled hours for an expression found in this catalogue.
    pub fn schedule(&self, hours: &str) -> Option<&crate::hours::Schedule> {
        Some(&self.schedules[self.schedule_index(hours)?].1)
    }

    /// Position of an expression's schedule in `schedules`.
    pub fn schedule_index(&self, hours: &str) -> Option<usize> {
        self.schedules
            .binary_search_by(|(t, _)| t.as_str().cmp(hours))
            .ok()
    }

    pub fn service_type(&self, s: &Service) -> &ServiceType {
        &self.service_types[s.service_type as usize]
    }

    pub fn level(&self, s: &Service) -> Level {
        self.service_type(s).level
    }

    pub fn organisation(&self, s: &Service) -> &Organisation {
        &self.organisations[s.organisation as usize]
    }

    pub fn service_by_id(&self, id: &str) -> Option<(usize, &Service)> {
        self.services.iter().enumerate().find(|(_, s)| s.id == id)
    }

    pub fn municipality_by_code(&self, code: &str) -> Option<usize> {
        self.municipalities.iter().position(|m| m.code == code)
    }

    pub fn county_by_code(&self, code: &str) -> Option<usize> {
        self.counties.iter().position(|c| c.code == code)
    }

    /// Categories in the order they first appear among the service types.
    pub fn categories(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in &self.service_types {
            if !out.contains(&t.category.as_str()) {
                out.push(&t.category);
            }
        }
        out
    }

    /// Does the service serve the municipality (by its areas, or by having a place there)?
    pub fn serves(&self, s: &Service, municipality: u16) -> bool {
        let county = self.municipalities[municipality as usize].county;
        s.areas.nationwide
            || s.areas.municipalities.contains(&municipality)
            || s.areas.counties.contains(&county)
            || s.delivery.iter().any(|d| {
                d.address
                    .as_ref()
                    .is_some_and(|a| a.municipality == municipality)
            })
    }

    /// Counties and municipalities where some service is offered locally (not only nationwide),
    /// each sorted by Finnish name: the places worth offering as filters.
    pub fn places_with_services(&self) -> (Vec<u16>, Vec<u16>) {
        let mut munis = vec![false; self.municipalities.len()];
        let mut counties = vec![false; self.counties.len()];
        for s in &self.services {
            for &c in &s.areas.counties {
                counties[c as usize] = true;
            }
            let places = s
                .delivery
                .iter()
                .filter_map(|d| d.address.as_ref().map(|a| a.municipality));
            for m in s.areas.municipalities.iter().copied().chain(places) {
                munis[m as usize] = true;
                counties[self.municipalities[m as usize].county as usize] = true;
            }
        }
        let mut c: Vec<u16> = (0..counties.len() as u16)
            .filter(|&i| counties[i as usize])
            .collect();
        let mut m: Vec<u16> = (0..munis.len() as u16)
            .filter(|&i| munis[i as usize])
            .collect();
        crate::order::sort_by(&mut c, |&a, &b| {
            self.counties[a as usize]
                .name
                .fi
                .cmp(&self.counties[b as usize].name.fi)
        });
        crate::order::sort_by(&mut m, |&a, &b| {
            self.municipalities[a as usize]
                .name
                .fi
                .cmp(&self.municipalities[b as usize].name.fi)
        });
        (c, m)
    }

    /// Where a service is, in a few words: the municipality of its first place, else its area.
    pub fn place_name(&self, s: &Service, lang: Lang) -> String {
        if let Some(a) = s.delivery.iter().find_map(|d| d.address.as_ref()) {
            return self.municipalities[a.municipality as usize]
                .name
                .get(lang)
                .text
                .to_string();
        }
        if s.areas.nationwide {
            return match lang {
                Lang::Fi => "Koko Suomi",
                Lang::Sv => "Hela Finland",
                Lang::En => "All of Finland",
            }
            .to_string();
        }
        let counties = s
            .areas
            .counties
            .iter()
            .map(|&c| self.counties[c as usize].name.get(lang).text);
        let munis = s
            .areas
            .municipalities
            .iter()
            .map(|&m| self.municipalities[m as usize].name.get(lang).text);
        counties.chain(munis).collect::<Vec<_>>().join(", ")
    }

    /// Every service language in the catalogue: fi, sv, en first, then alphabetical.
    pub fn service_languages(&self) -> Vec<String> {
        // A catalogue has a few dozen languages over tens of thousands of services: each is
        // looked up among those already seen, not every service's copied and sorted.
        let mut languages: Vec<String> = Vec::new();
        for l in self.services.iter().flat_map(|s| &s.languages) {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        let rank = |l: &str| ["fi", "sv", "en"].iter().position(|x| *x == l).unwrap_or(3);
        crate::order::sort_by(&mut languages, |a, b| {
            rank(a).cmp(&rank(b)).then_with(|| a.cmp(b))
        });
        languages
    }

    pub fn delivery_point_count(&self) -> usize {
        self.services.iter().map(|s| s.delivery.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_falls_back_to_finnish_and_says_so() {
        let t = Text {
            fi: "Lastenneuvola".into(),
            sv: Some("Barnrådgivning".into()),
            en: None,
            machine: vec![Lang::Sv],
        };
        assert_eq!(
            t.get(Lang::Sv),
            Localized {
                text: "Barnrådgivning",
                lang: Lang::Sv,
                machine: true
            }
        );
        assert_eq!(
            t.get(Lang::En),
            Localized {
                text: "Lastenneuvola",
                lang: Lang::Fi,
                machine: false
            }
        );
        assert_eq!(
            t.all().collect::<Vec<_>>(),
            ["Lastenneuvola", "Barnrådgivning"]
        );
    }

    #[test]
    fn empty_translation_counts_as_missing() {
        let t = Text {
            fi: "Neuvola".into(),
            sv: Some(String::new()),
            en: None,
            machine: vec![],
        };
        assert_eq!(t.get(Lang::Sv).lang, Lang::Fi);
    }

    #[test]
    fn ids_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::from_id(l.id()), Some(l));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::from_id(c.id()), Some(c));
        }
        for a in Access::ALL {
            assert_eq!(Access::from_id(a.id()), Some(a));
        }
        assert_eq!(Level::from_id("Universal"), None);
    }
}
