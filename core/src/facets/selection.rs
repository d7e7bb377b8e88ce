//! A query's selections resolved to the engine's own numbers once, before any document is looked at.

use super::Engine;
use crate::filter::Query;
use crate::model::{Accessibility, Channel};

/// The query's selections resolved to the engine's indexes. The URL reader reports and drops
/// unknown values; should a query still hold one (built in code), it matches no document.
pub(super) struct Selection {
    pub(super) categories: Vec<u16>,
    pub(super) munis: Vec<u16>,
    pub(super) counties: Vec<u16>,
    pub(super) langs: Vec<u16>,
    pub(super) channels: u8,
    pub(super) features: u8,
    pub(super) has_area: bool,
}

impl Selection {
    pub(super) fn new(e: &Engine, q: &Query) -> Selection {
        let cat = &e.catalogue;
        Selection {
            categories: q
                .categories
                .iter()
                .filter_map(|c| {
                    e.category_names
                        .iter()
                        .position(|n| n == c)
                        .map(|i| i as u16)
                })
                .collect(),
            munis: q
                .municipalities
                .iter()
                .filter_map(|c| cat.municipality_by_code(c))
                .map(|i| i as u16)
                .collect(),
            counties: q
                .counties
                .iter()
                .filter_map(|c| cat.county_by_code(c))
                .map(|i| i as u16)
                .collect(),
            langs: q
                .languages
                .iter()
                .filter_map(|l| e.languages.iter().position(|x| x == l))
                .map(|i| i as u16)
                .collect(),
            channels: q.channels.iter().fold(0u8, |m, c| m | channel_bit(*c)),
            features: q.features.iter().fold(0u8, |m, a| m | feature_bit(*a)),
            has_area: !q.municipalities.is_empty() || !q.counties.is_empty(),
        }
    }
}

pub(super) fn channel_bit(c: Channel) -> u8 {
    1 << (c as u8)
}

pub(super) fn feature_bit(a: Accessibility) -> u8 {
    1 << (a as u8)
}

pub(super) fn overlaps(ages: (f32, f32), (a, b): (i8, i8)) -> bool {
    ages.1 >= a as f32 && ages.0 <= b as f32
}
