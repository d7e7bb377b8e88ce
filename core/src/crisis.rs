//! Crisis help in the app's own words: the emergency number, the national crisis and violence
//! helplines and the area's social emergency service (*sosiaalipäivystys*).
//!
//! These lines are not catalogue services. They come from `data/crisis/`, are checked by the
//! catalogue tool (`source::crisis`) and compiled into the app itself (`build.rs`), so they are
//! there offline, before the catalogue has loaded and when it cannot load at all. The national
//! numbers are real, each with the page it was checked on; entries marked `sample` are
//! demonstration data and the app says so next to them.

use serde::{Deserialize, Serialize};

use crate::filter::Query;
use crate::model::{Catalogue, Lang, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CrisisKind {
    /// 112: danger to life, health or safety now.
    Emergency,
    /// The area's social emergency service.
    SocialEmergency,
    /// A helpline for violence in close relationships.
    ViolenceLine,
    /// A crisis line for anyone in mental distress.
    CrisisLine,
    /// A helpline for children and young people.
    ChildLine,
}

impl CrisisKind {
    /// In the order the app lists them: the most urgent first.
    pub const ALL: [CrisisKind; 5] = [
        CrisisKind::Emergency,
        CrisisKind::SocialEmergency,
        CrisisKind::ViolenceLine,
        CrisisKind::CrisisLine,
        CrisisKind::ChildLine,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CrisisKind::Emergency => "emergency",
            CrisisKind::SocialEmergency => "social_emergency",
            CrisisKind::ViolenceLine => "violence_line",
            CrisisKind::CrisisLine => "crisis_line",
            CrisisKind::ChildLine => "child_line",
        }
    }

    pub fn from_id(id: &str) -> Option<CrisisKind> {
        CrisisKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// One number to call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrisisLine {
    pub id: String,
    pub kind: CrisisKind,
    pub nationwide: bool,
    /// Codes of the wellbeing services counties served, when not nationwide.
    pub counties: Vec<String>,
    pub name: Text,
    /// When to call, in plain words.
    pub when: Text,
    /// As dialled in Finland, e.g. "09 2525 0111".
    pub phone: String,
    pub hours: Text,
    pub web: Option<String>,
    /// The operator's page the number was checked on, and when (YYYY-MM-DD).
    pub source: Option<String>,
    pub checked: Option<String>,
    /// Demonstration data, not a real number.
    pub sample: bool,
}

impl CrisisLine {
    /// A `tel:` link: digits only, so every phone dials it the same way.
    pub fn tel_href(&self) -> String {
        let digits: String = self
            .phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }

    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang).text
    }
}

/// The lines for a family in `county` (a county code), or anywhere when none is known: every
/// nationwide line and that county's own, most urgent first. Without a county no area's
/// social emergency service is shown, since the wrong county's number would mislead.
pub fn lines_for<'a>(lines: &'a [CrisisLine], county: Option<&str>) -> Vec<&'a CrisisLine> {
    let mut out: Vec<&CrisisLine> = lines
        .iter()
        .filter(|l| l.nationwide || county.is_some_and(|c| l.counties.iter().any(|k| k == c)))
        .collect();
    // Stable: within a kind the file's order stays (the Finnish line before the Swedish one).
    crate::order::sort_by_key(&mut out, |l| l.kind);
    out
}

/// Topics (service categories) where crisis help comes before the services: violence, mental
/// health and child protection.
pub const URGENT_CATEGORIES: [&str; 3] = ["violence", "mental_health", "child_welfare"];

/// Beginnings of words, folded as the search folds them (`text::words`), that say a family may
/// be in danger or in crisis now, in Finnish, Swedish and English. A match only adds the help
/// lines above the results; it never hides a service, so a wider net costs little.
const URGENT_WORDS: [&str; 40] = [
    // Finnish: violence, hitting, threat, abuse, shelter, suicide, self-harm, depression, anxiety,
    // crisis, emergency, danger, fear, rape, child protection.
    "vakival",
    "lyo",
    "lyon",
    "lyoty",
    "hakka",
    "pahoinpit",
    "uhka",
    "uhkail",
    "kaltoin",
    "turvakoti",
    "itsemurh",
    "itsetuho",
    "masenn",
    "masent",
    "ahdist",
    "kriisi",
    "hata",
    "vaara",
    "pelka",
    "pelottaa",
    "raiskau",
    "lastensuojel",
    "viiltel",
    "viilto",
    "yliannost",
    // Swedish.
    "vald",
    "misshand",
    "sjalvmord",
    "kris",
    "nod",
    "skyddshem",
    "sjalvskad",
    // English.
    "violen",
    "abuse",
    "suicid",
    "crisis",
    "emergenc",
    "danger",
    "selfharm",
    "overdos",
];

/// Two words in a row that speak of self-harm where neither does alone ("skär sig", "self harm",
/// "kill myself"): the first word's beginning, then one of the next word's beginnings.
const URGENT_PAIRS: [(&str, &[&str]); 7] = [
    ("satutta", &["itse"]),
    ("vahingoitta", &["itse"]),
    ("skar", &["sig"]),
    ("skada", &["sig"]),
    ("self", &["harm", "injur"]),
    (
        "hurt",
        &["myself", "himself", "herself", "themsel", "yourself"],
    ),
    (
        "kill",
        &["myself", "himself", "herself", "themsel", "yourself"],
    ),
];

/// Should crisis help come first for this search? Yes for the urgent topics and for free text
/// that speaks of violence, danger, suicide or crisis.
pub fn query_is_urgent(q: &Query) -> bool {
    q.categories
        .iter()
        .any(|c| URGENT_CATEGORIES.contains(&c.as_str()))
        || {
            let words = crate::text::words(&q.text);
            words
                .iter()
                .any(|w| URGENT_WORDS.iter().any(|u| w.starts_with(u)))
                || words.windows(2).any(|pair| {
                    URGENT_PAIRS.iter().any(|(first, next)| {
                        pair[0].starts_with(first) && next.iter().any(|n| pair[1].starts_with(n))
                    })
                })
        }
}

/// The one county a search is about, for its social emergency service: the county chosen, or
/// the county of every municipality chosen. Several counties, or none, give none.
pub fn county_of(cat: &Catalogue, q: &Query) -> Option<String> {
    let from_munis = q.municipalities.iter().map(|m| {
        let i = cat.municipality_by_code(m)?;
        let county = cat.municipalities.get(i)?.county as usize;
        cat.counties.get(county).map(|c| c.code.clone())
    });
    let mut all = q.counties.iter().cloned().map(Some).chain(from_munis);
    let first = all.next()??;
    all.all(|c| c.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// The compiled lines as bytes, for the app to carry (`build.rs`).
pub fn encode(lines: &[CrisisLine]) -> Vec<u8> {
    postcard::to_allocvec(lines).expect("crisis lines serialise")
}

pub fn decode(bytes: &[u8]) -> Result<Vec<CrisisLine>, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("crisis lines: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(id: &str, kind: CrisisKind, counties: &[&str]) -> CrisisLine {
        CrisisLine {
            id: id.into(),
            kind,
            nationwide: counties.is_empty(),
            counties: counties.iter().map(|c| c.to_string()).collect(),
            name: Text::fi(id),
            when: Text::default(),
            phone: "09 2525 0111".into(),
            hours: Text::default(),
            web: None,
            source: None,
            checked: None,
            sample: false,
        }
    }

    #[test]
    fn nationwide_lines_and_the_own_county_most_urgent_first() {
        let lines = [
            line("crisis", CrisisKind::CrisisLine, &[]),
            line("social-12", CrisisKind::SocialEmergency, &["12"]),
            line("social-14", CrisisKind::SocialEmergency, &["14"]),
            line("112", CrisisKind::Emergency, &[]),
        ];
        let ids = |c| {
            lines_for(&lines, c)
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Some("14")), ["112", "social-14", "crisis"]);
        assert_eq!(ids(None), ["112", "crisis"]);
    }

    #[test]
    fn violence_and_crisis_searches_are_urgent_in_three_languages() {
        let text = |t: &str| Query {
            text: t.into(),
            ..Query::default()
        };
        for t in [
            "väkivalta",
            "Puoliso lyö",
            "itsemurha-ajatukset",
            "masennus",
            "nuori masentunut",
            "våld i hemmet",
            "domestic violence",
            "suicidal",
            // Self-harm, as families write it (the held-out relevance set found the Swedish one
            // missing): cutting, hurting or killing oneself.
            "tytär viiltelee",
            "poika satuttaa itseään",
            "min dotter skär sig",
            "han skadar sig själv",
            "självskadebeteende",
            "my daughter is self-harming",
            "he wants to kill himself",
            "she hurts herself",
        ] {
            assert!(query_is_urgent(&text(t)), "{t}");
        }
        for t in [
            "neuvola",
            "päiväkoti",
            "familjeklubb",
            "speech therapy",
            "",
            "skärgården",
            "self-help group",
            "itsenäistyvä nuori",
        ] {
            assert!(!query_is_urgent(&text(t)), "{t}");
        }
        assert!(query_is_urgent(&Query {
            categories: vec!["violence".into()],
            ..Query::default()
        }));
        assert!(!query_is_urgent(&Query {
            categories: vec!["health".into()],
            ..Query::default()
        }));
    }

    #[test]
    fn the_county_of_a_search() {
        let cat = crate::search::tests::tiny_catalogue();
        let q = |counties: &[&str], munis: &[&str]| Query {
            counties: counties.iter().map(|c| c.to_string()).collect(),
            municipalities: munis.iter().map(|c| c.to_string()).collect(),
            ..Query::default()
        };
        // Joensuu and Lieksa lie in county "11", Kuopio in "10" (the tiny catalogue's codes).
        assert_eq!(
            county_of(&cat, &q(&[], &["167", "422"])).as_deref(),
            Some("11")
        );
        assert_eq!(county_of(&cat, &q(&["10"], &[])).as_deref(), Some("10"));
        assert_eq!(county_of(&cat, &q(&[], &["167", "297"])), None);
        assert_eq!(county_of(&cat, &q(&[], &[])), None);
        assert_eq!(county_of(&cat, &q(&[], &["999"])), None);
    }

    #[test]
    fn tel_links_dial_digits_only_and_round_trip() {
        assert_eq!(
            line("a", CrisisKind::CrisisLine, &[]).tel_href(),
            "tel:0925250111"
        );
        let lines = vec![
            line("a", CrisisKind::Emergency, &[]),
            line("b", CrisisKind::ChildLine, &["12"]),
        ];
        assert_eq!(decode(&encode(&lines)).unwrap(), lines);
        assert!(decode(&[200, 1]).is_err());
    }
}
