//! What each facet needs to know of one service, worked out once when the engine is built.

use super::selection::{channel_bit, feature_bit};
use crate::model::{Access, Catalogue, Cost, Level, OrgKind, Service};
use crate::pace::Pace;

/// The places a service serves, with overlaps removed so each service counts once per place.
#[derive(Debug, Default, PartialEq, Eq, Hash)]
pub(super) struct Served {
    pub(super) nationwide: bool,
    pub(super) counties: Vec<u16>,
    /// Municipalities outside `counties`.
    pub(super) municipalities: Vec<u16>,
    /// Counties reached only through `municipalities`, each once.
    pub(super) via_municipalities: Vec<u16>,
}

/// What each facet needs to know of one service, precomputed once.
#[derive(Debug)]
pub(super) struct Doc {
    pub(super) level: Level,
    pub(super) category: u16,
    pub(super) served: Served,
    pub(super) ages: (f32, f32),
    pub(super) languages: Vec<u16>,
    pub(super) free: bool,
    pub(super) contact_self: bool,
    /// Not referral-only: the family can contact, apply or ask for an assessment itself.
    pub(super) reachable: bool,
    pub(super) provider: OrgKind,
    pub(super) channels: u8,
    /// Accessibility features of each in-person place, as bit sets.
    pub(super) places: Vec<u8>,
}

/// Every service's facts, in catalogue order.
pub(super) async fn build(
    catalogue: &Catalogue,
    category_names: &[String],
    languages: &[String],
    pace: &mut Pace<'_>,
) -> Vec<Doc> {
    let mut out = Vec::with_capacity(catalogue.services.len());
    for s in &catalogue.services {
        out.push(doc(catalogue, s, category_names, languages));
        pace.tick().await;
    }
    out
}

/// One service's facts.
fn doc(catalogue: &Catalogue, s: &Service, category_names: &[String], languages: &[String]) -> Doc {
    let t = catalogue.service_type(s);
    let mut served = Served {
        nationwide: s.areas.nationwide,
        ..Served::default()
    };
    if !served.nationwide {
        served.counties = s.areas.counties.clone();
        crate::order::sort_dedup(&mut served.counties);
        let places = s
            .delivery
            .iter()
            .filter_map(|d| d.address.as_ref().map(|a| a.municipality));
        for m in s.areas.municipalities.iter().copied().chain(places) {
            let county = catalogue.municipalities[m as usize].county;
            if !served.counties.contains(&county) && !served.municipalities.contains(&m) {
                served.municipalities.push(m);
                if !served.via_municipalities.contains(&county) {
                    served.via_municipalities.push(county);
                }
            }
        }
    }
    Doc {
        level: t.level,
        category: category_names
            .iter()
            .position(|c| *c == t.category)
            .unwrap_or(0) as u16,
        served,
        ages: (s.age_min, s.age_max),
        languages: {
            // A language listed twice must still count the service once.
            let mut l: Vec<u16> = s
                .languages
                .iter()
                .filter_map(|l| languages.iter().position(|x| x == l))
                .map(|i| i as u16)
                .collect();
            crate::order::sort_dedup(&mut l);
            l
        },
        free: s.cost == Cost::Free,
        contact_self: s.access == Access::None,
        reachable: !matches!(s.access, Access::Referral | Access::Decision),
        provider: catalogue.organisation(s).kind,
        channels: s.delivery.iter().fold(0, |m, d| m | channel_bit(d.channel)),
        places: s
            .delivery
            .iter()
            .filter(|d| d.address.is_some())
            .map(|d| d.accessibility.iter().fold(0, |m, a| m | feature_bit(*a)))
            .collect(),
    }
}
