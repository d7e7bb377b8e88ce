//! The regional structure of the family-centre plans — county → service area → municipality —
//! and "your family centre" for a municipality: its area's family centre, the nearest open
//! meeting place and the county's perheneuvo contact point.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::geo_util::distance_km;
use crate::model::{Catalogue, ContactPoint, Text};

/// The service type of open meeting places (kohtaamispaikka).
pub const MEETING_PLACE_TYPE: &str = "meeting_place";

/// A service area of a wellbeing services county: a group of its municipalities with one family
/// centre and its network.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceArea {
    /// Stable id, used in links (`service_area=`).
    pub id: String,
    pub name: Text,
    /// Index into `Catalogue::counties`.
    pub county: u16,
    /// Indexes into `Catalogue::municipalities`, each in at most one area, all in `county`.
    pub municipalities: Vec<u16>,
    /// Index into `Catalogue::services`: the area's family centre, when the catalogue has it.
    pub family_centre: Option<u32>,
    /// The composition is an example, not taken from the county's published plan: the UI says so.
    pub sample: bool,
    /// Where the composition comes from (https), if anywhere.
    pub source: Option<String>,
}

/// The nearest open meeting place to a municipality's centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MeetingPlace {
    /// Index into `Catalogue::services`.
    pub service: usize,
    /// Index into the service's `delivery`: the place that is nearest.
    pub delivery: usize,
    /// Straight-line distance from the municipality's centre.
    pub km: f64,
}

/// What "your family centre" shows above the results once the municipality is known. Each part
/// is `None` when the catalogue does not know it; the UI leaves that line out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YourFamilyCentre<'a> {
    /// Index into `Catalogue::service_areas`.
    pub area: Option<usize>,
    /// Index into `Catalogue::services`: the area's family centre.
    pub family_centre: Option<usize>,
    pub meeting_place: Option<MeetingPlace>,
    /// The county's single contact point (perheneuvo).
    pub contact: Option<&'a ContactPoint>,
}

impl Catalogue {
    /// The service area a municipality belongs to.
    pub fn area_of(&self, municipality: u16) -> Option<usize> {
        self.service_areas
            .iter()
            .position(|a| a.municipalities.contains(&municipality))
    }

    pub fn service_area_by_id(&self, id: &str) -> Option<usize> {
        self.service_areas.iter().position(|a| a.id == id)
    }

    /// The area's municipalities, sorted by Finnish name (for a list under the area's name).
    pub fn area_municipalities(&self, area: usize) -> Vec<u16> {
        let mut out = self.service_areas[area].municipalities.clone();
        crate::order::sort_by(&mut out, |&a, &b| {
            self.municipalities[a as usize]
                .name
                .fi
                .cmp(&self.municipalities[b as usize].name.fi)
        });
        out
    }

    /// The service areas of a county, in the order of the data file.
    pub fn county_areas(&self, county: u16) -> Vec<usize> {
        (0..self.service_areas.len())
            .filter(|&i| self.service_areas[i].county == county)
            .collect()
    }

    /// The open meeting place nearest to the municipality's centre that is not closed on `today`.
    /// Any county's place counts: across a border may be nearer than one's own.
    pub fn nearest_meeting_place(
        &self,
        municipality: u16,
        today: NaiveDate,
    ) -> Option<MeetingPlace> {
        let centre = self.municipalities[municipality as usize].centre;
        let centre = (f64::from(centre.0), f64::from(centre.1));
        let mut best: Option<MeetingPlace> = None;
        for (i, s) in self.services.iter().enumerate() {
            if self.service_type(s).id != MEETING_PLACE_TYPE || s.closed_on(today) {
                continue;
            }
            for (j, d) in s.delivery.iter().enumerate() {
                let Some((lat, lon)) = d.location else {
                    continue;
                };
                let km = distance_km(centre, (f64::from(lat), f64::from(lon)));
                if best.is_none_or(|b| km < b.km) {
                    best = Some(MeetingPlace {
                        service: i,
                        delivery: j,
                        km,
                    });
                }
            }
        }
        best
    }

    /// "Your family centre" for a municipality, on `today` (temporarily closed places skipped).
    pub fn your_family_centre(&self, municipality: u16, today: NaiveDate) -> YourFamilyCentre<'_> {
        let area = self.area_of(municipality);
        let county = self.municipalities[municipality as usize].county;
        YourFamilyCentre {
            area,
            family_centre: area
                .and_then(|a| self.service_areas[a].family_centre)
                .map(|s| s as usize),
            meeting_place: self.nearest_meeting_place(municipality, today),
            contact: self.counties[county as usize].contact.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    /// Tiny catalogue (Joensuu 0 and Lieksa 1 in county 0, Kuopio 2 in county 1) with one area.
    fn with_area() -> Catalogue {
        let mut cat = tiny_catalogue();
        cat.service_areas = vec![ServiceArea {
            id: "pk".into(),
            name: Text::fi("Pohjois-Karjala"),
            county: 0,
            municipalities: vec![1, 0],
            family_centre: Some(0),
            sample: true,
            source: None,
        }];
        cat
    }

    #[test]
    fn area_of_a_municipality_and_its_members() {
        let cat = with_area();
        assert_eq!(cat.area_of(1), Some(0));
        assert_eq!(cat.area_of(2), None);
        assert_eq!(cat.service_area_by_id("pk"), Some(0));
        assert_eq!(cat.service_area_by_id("x"), None);
        // Sorted by name: Joensuu before Lieksa.
        assert_eq!(cat.area_municipalities(0), [0, 1]);
        assert_eq!(cat.county_areas(0), [0]);
        assert!(cat.county_areas(1).is_empty());
    }

    #[test]
    fn your_family_centre_joins_area_meeting_place_and_contact() {
        let mut cat = with_area();
        let meeting = cat
            .service_types
            .iter()
            .position(|t| t.id == MEETING_PLACE_TYPE);
        let meeting = match meeting {
            Some(i) => i,
            None => {
                let mut t = cat.service_types[0].clone();
                t.id = MEETING_PLACE_TYPE.into();
                cat.service_types.push(t);
                cat.service_types.len() - 1
            }
        } as u16;
        let place = |lat: f32, lon: f32| crate::model::DeliveryPoint {
            location: Some((lat, lon)),
            walk_in: true,
            ..crate::model::DeliveryPoint::bare(crate::model::Channel::InPerson)
        };
        let mut far = cat.services[0].clone();
        far.id = "far".into();
        far.service_type = meeting;
        far.delivery = vec![place(62.6, 29.77)];
        let mut near = far.clone();
        near.id = "near".into();
        // A far place first, then one a few kilometres from Lieksa's centre.
        near.delivery = vec![place(60.2, 24.9), place(63.3, 30.0)];
        cat.services.push(far);
        cat.services.push(near);
        let (near_i, far_i) = (cat.services.len() - 1, cat.services.len() - 2);
        cat.counties[0].contact = Some(ContactPoint {
            name: Text::fi("Perheneuvo"),
            phone: Some("013 000 0100".into()),
            web: None,
            hours: None,
        });
        let lieksa = 1;
        let y = cat.your_family_centre(lieksa, day());
        assert_eq!(y.area, Some(0));
        assert_eq!(y.family_centre, Some(0));
        let m = y.meeting_place.unwrap();
        assert_eq!((m.service, m.delivery), (near_i, 1));
        assert!(m.km < 20.0, "{}", m.km);
        assert_eq!(y.contact.unwrap().name.fi, "Perheneuvo");

        // Closed today: the next nearest is taken instead.
        cat.services[near_i].status = crate::model::Status::TemporarilyClosed;
        let m = cat.nearest_meeting_place(lieksa, day()).unwrap();
        assert_eq!(m.service, far_i);

        // Kuopio has no area and its county no contact point.
        let y = cat.your_family_centre(2, day());
        assert_eq!((y.area, y.family_centre, y.contact), (None, None, None));
        assert_eq!(y.meeting_place.map(|m| m.service), Some(far_i));
    }
}
