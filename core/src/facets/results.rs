//! What a query returns: the ranked hits and every facet's counts.

use super::docs::Served;
use crate::model::{Accessibility, Catalogue, Channel, Level, OrgKind};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Indexes into `catalogue.services`, best first.
    pub hits: Vec<u32>,
    pub levels: Vec<(Level, usize)>,
    pub categories: Vec<(String, usize)>,
    /// (index into `catalogue.counties`, count), in catalogue order.
    pub counties: Vec<(u16, usize)>,
    /// (index into `catalogue.municipalities`, count), in catalogue order.
    pub municipalities: Vec<(u16, usize)>,
    /// Counts per entry of [`AGE_BANDS`].
    pub ages: Vec<((i8, i8), usize)>,
    pub languages: Vec<(String, usize)>,
    pub free: usize,
    pub contact_self: usize,
    pub providers: Vec<(OrgKind, usize)>,
    pub channels: Vec<(Channel, usize)>,
    pub open_now: usize,
    pub features: Vec<(Accessibility, usize)>,
}

impl Results {
    pub fn count<T: PartialEq>(list: &[(T, usize)], key: &T) -> usize {
        list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    }
}

/// Municipality counts gathered one service at a time. A service serving whole counties or the
/// whole country is tallied once and spread over the municipalities at the end, rather than
/// counted in each of them as it is met.
pub(super) struct MunicipalityTally {
    nationwide: usize,
    county_wide: Vec<usize>,
}

impl MunicipalityTally {
    pub(super) fn new(counties: usize) -> MunicipalityTally {
        MunicipalityTally {
            nationwide: 0,
            county_wide: vec![0; counties],
        }
    }

    /// Adds `times` services serving the places of `sv`.
    pub(super) fn add(&mut self, sv: &Served, times: usize, r: &mut Results) {
        if sv.nationwide {
            self.nationwide += times;
            return;
        }
        for &c in &sv.counties {
            self.county_wide[c as usize] += times;
        }
        for &m in &sv.municipalities {
            r.municipalities[m as usize].1 += times;
        }
    }

    /// Adds the county-wide and nationwide services; returns how many were nationwide.
    pub(super) fn finish(self, cat: &Catalogue, r: &mut Results) -> usize {
        for (m, (_, count)) in r.municipalities.iter_mut().enumerate() {
            *count += self.nationwide + self.county_wide[cat.municipalities[m].county as usize];
        }
        self.nationwide
    }
}
