//! Temporary closures: whether a service is closed on a given day, and the nearest service of
//! the same type that is not.
//!
//! A closed service must never read "open now", whatever its opening hours say: the hours are
//! its usual week, the closure overrides them. A closure with an end date ends by itself the day
//! after, so a forgotten record does not keep a reopened service closed.

use chrono::NaiveDate;

use crate::geo_util::distance_km;
use crate::model::{Catalogue, Service, Status};

/// A temporary closure: until further notice, or through its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Closure {
    pub until: Option<NaiveDate>,
}

impl Closure {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.until.is_none_or(|last| day <= last)
    }
}

impl Service {
    /// The service's temporary closure, if it has one (it may have ended already).
    pub fn closure(&self) -> Option<Closure> {
        (self.status == Status::TemporarilyClosed).then(|| Closure {
            until: self
                .closed_until
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        })
    }

    /// Closed on `day`: temporarily closed until further notice, or up to and including the
    /// closure's last day.
    pub fn closed_on(&self, day: NaiveDate) -> bool {
        self.closure().is_some_and(|c| c.covers(day))
    }

    fn locations(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.delivery
            .iter()
            .filter_map(|d| d.location)
            .map(|(lat, lon)| (lat as f64, lon as f64))
    }
}

/// Another service of the same type that is open on the day asked about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Alternative {
    /// Index into `Catalogue::services`.
    pub service: usize,
    /// Between the nearest places of the two services, when both have one.
    pub km: Option<f64>,
}

impl Catalogue {
    /// The nearest service of the same type as `closed` that is not closed on `day`. Nearest by
    /// the places of both; without places, one serving the same municipality or county.
    pub fn open_alternative(&self, closed: usize, day: NaiveDate) -> Option<Alternative> {
        let s = self.services.get(closed)?;
        let from: Vec<(f64, f64)> = s.locations().collect();
        let candidates =
            self.services.iter().enumerate().filter(|&(i, c)| {
                i != closed && c.service_type == s.service_type && !c.closed_on(day)
            });
        let mut best: Option<(f64, Alternative)> = None;
        for (i, c) in candidates {
            let km = from
                .iter()
                .flat_map(|&a| c.locations().map(move |b| distance_km(a, b)))
                .min_by(f64::total_cmp);
            // Unlocated candidates count only when they serve where the closed one does, and
            // then after every located one.
            let rank = match km {
                Some(km) => km,
                None if self.shares_area(s, c) => f64::MAX / 2.0,
                None => continue,
            };
            if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                best = Some((rank, Alternative { service: i, km }));
            }
        }
        best.map(|(_, a)| a)
    }

    fn shares_area(&self, a: &Service, b: &Service) -> bool {
        b.areas.nationwide
            || a.areas.municipalities.iter().any(|&m| self.serves(b, m))
            || a.areas
                .counties
                .iter()
                .any(|c| b.areas.counties.contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn close(cat: &mut Catalogue, i: usize, until: Option<&str>) {
        cat.services[i].status = Status::TemporarilyClosed;
        cat.services[i].closed_until = until.map(str::to_string);
    }

    #[test]
    fn closed_through_the_last_day_then_open() {
        let mut cat = tiny_catalogue();
        close(&mut cat, 0, Some("2027-01-31"));
        let s = &cat.services[0];
        assert!(s.closed_on(day("2026-12-07")));
        assert!(
            s.closed_on(day("2027-01-31")),
            "the last day is still closed"
        );
        assert!(!s.closed_on(day("2027-02-01")));
    }

    #[test]
    fn closed_without_an_end_stays_closed_and_active_never_is() {
        let mut cat = tiny_catalogue();
        close(&mut cat, 0, None);
        assert!(cat.services[0].closed_on(day("2030-01-01")));
        assert!(!cat.services[1].closed_on(day("2026-12-07")));
    }

    #[test]
    fn the_nearest_open_service_of_the_same_type_is_offered() {
        let mut cat = tiny_catalogue();
        // "a" and "d" are both child health clinics; "d" also gets a far twin "e".
        let mut far = cat.services[3].clone();
        far.id = "e".into();
        cat.services.push(far);
        let place = |lat: f32, lon: f32| crate::model::DeliveryPoint {
            channel: crate::model::Channel::InPerson,
            name: Default::default(),
            address: None,
            location: Some((lat, lon)),
            accessibility: vec![],
            accessibility_note: Default::default(),
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: None,
            hours_note: Default::default(),
            walk_in: false,
        };
        cat.services[0].delivery = vec![place(62.60, 29.77)];
        cat.services[3].delivery = vec![place(62.70, 29.80)];
        cat.services[4].delivery = vec![place(63.31, 30.04)];
        close(&mut cat, 0, Some("2027-01-31"));
        let alt = cat.open_alternative(0, day("2026-12-07")).unwrap();
        assert_eq!(cat.services[alt.service].id, "d");
        assert!((alt.km.unwrap() - 11.3).abs() < 1.0, "{alt:?}");
        // With the nearest closed as well, the next one; with every twin closed, none.
        close(&mut cat, 3, None);
        assert_eq!(
            cat.services[cat.open_alternative(0, day("2026-12-07")).unwrap().service].id,
            "e"
        );
        close(&mut cat, 4, None);
        assert_eq!(cat.open_alternative(0, day("2026-12-07")), None);
    }
}
