//! Facet counting one candidate at a time: cheapest when a query leaves few candidates.

use super::results::{MunicipalityTally, Results};
use super::selection::{channel_bit, feature_bit, overlaps, Selection};
use super::{bit, Engine};
use crate::filter::Query;

impl Engine {
    /// Walks the candidates one by one, counting each facet over the documents that fail no
    /// other selection.
    pub(super) fn count_per_document(
        &self,
        scored: &[(u32, u32)],
        q: &Query,
        sel: &Selection,
        open: Option<&[bool]>,
        r: &mut Results,
    ) -> Vec<(u32, u32)> {
        let cat = &self.catalogue;
        let Selection {
            categories,
            munis,
            counties,
            langs,
            channels,
            features,
            has_area,
        } = sel;
        let (channels, features, has_area) = (*channels, *features, *has_area);
        let mut municipalities = MunicipalityTally::new(cat.counties.len());
        let mut hits: Vec<(u32, u32)> = Vec::new();

        for &(doc, score) in scored {
            let d = &self.docs[doc as usize];
            let is_open = open.is_some_and(|o| o.get(doc as usize).copied().unwrap_or(false));
            let mut failed = 0u16;
            if !q.levels.is_empty() && !q.levels.contains(&d.level) {
                failed |= bit::LEVEL;
            }
            if !q.categories.is_empty() && !categories.contains(&d.category) {
                failed |= bit::CATEGORY;
            }
            if has_area && !self.area_ok(&d.served, munis, counties) {
                failed |= bit::AREA;
            }
            if q.age.is_some_and(|a| !overlaps(d.ages, a)) {
                failed |= bit::AGE;
            }
            if !q.languages.is_empty() && !d.languages.iter().any(|l| langs.contains(l)) {
                failed |= bit::LANGUAGE;
            }
            if q.free && !d.free {
                failed |= bit::FREE;
            }
            if q.contact_self && !d.contact_self {
                failed |= bit::SELF;
            }
            if !q.providers.is_empty() && !q.providers.contains(&d.provider) {
                failed |= bit::PROVIDER;
            }
            if channels != 0 && d.channels & channels == 0 {
                failed |= bit::CHANNEL;
            }
            if q.open_now && !is_open {
                failed |= bit::OPEN;
            }
            if features != 0 && !d.places.iter().any(|p| p & features == features) {
                failed |= bit::FEATURE;
            }
            // Counted for facet `f` when nothing but `f` itself failed.
            let counts_for = |f: u16| failed & !f == 0;

            if failed == 0 {
                hits.push((doc, score));
            }
            if counts_for(bit::LEVEL) {
                r.levels[d.level as usize].1 += 1;
            }
            if counts_for(bit::CATEGORY) {
                r.categories[d.category as usize].1 += 1;
            }
            if counts_for(bit::AREA) {
                let sv = &d.served;
                municipalities.add(sv, 1, r);
                if !sv.nationwide {
                    for &c in sv.counties.iter().chain(&sv.via_municipalities) {
                        r.counties[c as usize].1 += 1;
                    }
                }
            }
            if counts_for(bit::AGE) {
                for (band, n) in r.ages.iter_mut() {
                    if overlaps(d.ages, *band) {
                        *n += 1;
                    }
                }
            }
            if counts_for(bit::LANGUAGE) {
                for &l in &d.languages {
                    r.languages[l as usize].1 += 1;
                }
            }
            if counts_for(bit::FREE) && d.free {
                r.free += 1;
            }
            if counts_for(bit::SELF) && d.contact_self {
                r.contact_self += 1;
            }
            if counts_for(bit::PROVIDER) {
                r.providers[d.provider as usize].1 += 1;
            }
            if counts_for(bit::CHANNEL) {
                for (c, n) in r.channels.iter_mut() {
                    if d.channels & channel_bit(*c) != 0 {
                        *n += 1;
                    }
                }
            }
            if counts_for(bit::OPEN) && is_open {
                r.open_now += 1;
            }
            if counts_for(bit::FEATURE) {
                for (a, n) in r.features.iter_mut() {
                    let want = features | feature_bit(*a);
                    if d.places.iter().any(|p| p & want == want) {
                        *n += 1;
                    }
                }
            }
        }
        let nationwide = municipalities.finish(cat, r);
        for (_, count) in r.counties.iter_mut() {
            *count += nationwide;
        }
        hits
    }
}
