//! "Which municipality am I in?" and "how far is it?", answered offline on the device.
//!
//! Limitation: the project has no municipal boundary polygons (they are National Land Survey data
//! that no package registry ships; see `shared/data/README.md`), so the answer is the municipality
//! whose *centre* is nearest, not the one whose border contains the point. Near a border, or in a
//! large municipality whose centre lies off to one side, it can name the neighbour. Two things make
//! it better when the base map is at hand ([`which_municipality`]):
//! - the region outlines are real polygons, so the candidates are only the municipalities of the
//!   region that contains the point (a centre across a region border is never chosen);
//! - distances are divided by a power of each municipality's size (the radius of a circle of its
//!   land area), so a big rural municipality reaches further from its centre than a small town.
//!   The exponent was chosen by measuring, over random points in Finland, how often the chosen
//!   municipality lies in the region that really contains the point (xtask/tests/basemap.rs).
//!
//! The UI should word the answer as "near X" / "closest municipality centre: X" and let the user
//! change it.

use crate::geo_util::distance_km;
use crate::map::basemap::BaseMap;
use crate::map::projection::latlon_to_tm35;
use crate::model::{Catalogue, Service};

/// Exponent of the size weighting: score = distance / radius^SIZE_EXPONENT. 0 is plain nearest
/// centre; 1 is a multiplicatively weighted Voronoi diagram, each municipality reaching in
/// proportion to its size. Measured (12 000 random points, xtask/tests/basemap.rs): the share of
/// points whose chosen centre is in the right region is 92.3 % at 0, 93.4 % at 0.5, 93.7 % at 0.75,
/// a flat top of 93.9 % at 1 and 1.25, and falls again above (93.5 % at 1.5, 92.2 % at 2).
pub const SIZE_EXPONENT: f64 = 1.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Located {
    /// Index into `Catalogue::municipalities`.
    pub municipality: u16,
    /// Great-circle distance from the point to that municipality's centre, km.
    pub distance_km: f64,
    /// The point lies inside one of the base map's region outlines and the answer was chosen among
    /// that region's municipalities. False at sea, abroad, or without a base map: then the answer is
    /// only the nearest centre and the UI may say "you seem to be outside Finland" when it is far.
    pub in_region: bool,
}

/// The municipality with the nearest centre to `at` (WGS84 lat, lon), by great-circle distance.
pub fn nearest_centre(cat: &Catalogue, at: (f64, f64)) -> Option<Located> {
    cat.municipalities
        .iter()
        .enumerate()
        .map(|(i, m)| (i, distance_km(at, (m.centre.0 as f64, m.centre.1 as f64))))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, d)| Located {
            municipality: i as u16,
            distance_km: d,
            in_region: false,
        })
}

/// The best offline guess with the base map: candidates restricted to the region containing the
/// point, distances weighted by municipality size. Falls back to [`nearest_centre`] when the point
/// is in no region or the base map knows none of that region's municipalities.
pub fn which_municipality(cat: &Catalogue, base: &BaseMap, at: (f64, f64)) -> Option<Located> {
    let (x, y) = latlon_to_tm35(at);
    let Some(region) = base.region_at(x, y) else {
        return nearest_centre(cat, at);
    };
    let best = cat
        .municipalities
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let c = base.centre(&m.code)?;
            if c.region != region.code {
                return None;
            }
            let d = distance_km(at, (m.centre.0 as f64, m.centre.1 as f64));
            Some((i, d, d / c.radius_km().powf(SIZE_EXPONENT)))
        })
        .min_by(|a, b| a.2.total_cmp(&b.2));
    match best {
        Some((i, d, _)) => Some(Located {
            municipality: i as u16,
            distance_km: d,
            in_region: true,
        }),
        None => nearest_centre(cat, at),
    }
}

/// Distance from `from` (lat, lon) to the nearest located delivery point of the service:
/// (index into `service.delivery`, km). None for services with no place (phone, online, home
/// visits): the UI lists those beside the map and after the sorted ones.
pub fn service_distance_km(s: &Service, from: (f64, f64)) -> Option<(usize, f64)> {
    s.delivery
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            d.location
                .map(|(lat, lon)| (i, distance_km(from, (lat as f64, lon as f64))))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// Distances of the hits (service indexes, e.g. `Results::hits`), in the same order.
pub fn distances_km(cat: &Catalogue, hits: &[u32], from: (f64, f64)) -> Vec<Option<f64>> {
    hits.iter()
        .map(|&h| service_distance_km(&cat.services[h as usize], from).map(|(_, d)| d))
        .collect()
}

/// Sorts hits nearest first; hits without a place keep their relative order after the others, so
/// they are never dropped. Stable, so equal distances keep the search ranking.
pub fn sort_by_distance(cat: &Catalogue, hits: &mut [u32], from: (f64, f64)) {
    let d = distances_km(cat, hits, from);
    let mut keyed: Vec<(f64, u32)> = d
        .iter()
        .zip(hits.iter())
        .map(|(d, &h)| (d.unwrap_or(f64::INFINITY), h))
        .collect();
    crate::order::sort_by(&mut keyed, |a, b| a.0.total_cmp(&b.0));
    for (slot, (_, h)) in hits.iter_mut().zip(keyed) {
        *slot = h;
    }
}

/// A marker on the map: one located delivery point of a hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MarkerId {
    /// Index into `Catalogue::services`.
    pub service: u32,
    /// Index into that service's `delivery`.
    pub delivery: u16,
}

/// The hits as projected markers (input for [`crate::map::cluster::cluster`]) and the hits that
/// have no located delivery point at all, in their original order, for the list beside the map.
pub fn service_markers(cat: &Catalogue, hits: &[u32]) -> (Vec<(MarkerId, f64, f64)>, Vec<u32>) {
    let mut markers = Vec::with_capacity(hits.len());
    let mut unplaced = Vec::new();
    for &h in hits {
        let before = markers.len();
        for (i, d) in cat.services[h as usize].delivery.iter().enumerate() {
            if let Some((lat, lon)) = d.location {
                let (x, y) = latlon_to_tm35((lat as f64, lon as f64));
                markers.push((
                    MarkerId {
                        service: h,
                        delivery: i as u16,
                    },
                    x,
                    y,
                ));
            }
        }
        if markers.len() == before {
            unplaced.push(h);
        }
    }
    (markers, unplaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::basemap::{BaseMap, Centre, Region, Ring};
    use crate::model::{Municipality, Text};

    /// All 308 municipalities of 2025 from the project's reference file (code, name, centre).
    fn catalogue() -> (Catalogue, Vec<(String, u32, String)>) {
        let csv = include_str!("../../../data/reference/municipalities.csv");
        let mut cat = Catalogue::default();
        let mut extra = Vec::new();
        for line in csv.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            cat.municipalities.push(Municipality {
                code: f[0].into(),
                name: Text::fi(f[1]),
                county: 0,
                centre: (f[13].parse().unwrap(), f[14].parse().unwrap()),
            });
            // (region code, land km², wellbeing county code)
            extra.push((
                f[5].to_string(),
                f[19].parse::<f64>().unwrap().round() as u32,
                f[9].to_string(),
            ));
        }
        (cat, extra)
    }

    fn name(cat: &Catalogue, l: Option<Located>) -> &str {
        &cat.municipalities[l.unwrap().municipality as usize].name.fi
    }

    #[test]
    fn central_lieksa_is_lieksa_and_joensuu_is_80_km_away() {
        let (cat, _) = catalogue();
        // Lieksa church / Pielisjoki bridge area, a few hundred metres from the centre point.
        let l = nearest_centre(&cat, (63.3190, 30.0250));
        assert_eq!(name(&cat, l), "Lieksa");
        assert!(l.unwrap().distance_km < 2.0);
        assert!(!l.unwrap().in_region);
        // From Joensuu centre to Lieksa's centre: 80.4 km by air (geo_util's figure).
        let joensuu = cat
            .municipalities
            .iter()
            .find(|m| m.name.fi == "Joensuu")
            .unwrap()
            .centre;
        let lieksa = cat
            .municipalities
            .iter()
            .find(|m| m.name.fi == "Lieksa")
            .unwrap()
            .centre;
        let d = distance_km(
            (joensuu.0 as f64, joensuu.1 as f64),
            (lieksa.0 as f64, lieksa.1 as f64),
        );
        assert!((d - 80.4).abs() < 0.5, "{d}");
        // Koli national park is in Lieksa (north of Joensuu, west of Lieksa centre).
        assert_eq!(
            name(&cat, nearest_centre(&cat, (63.0960, 29.8070))),
            "Lieksa"
        );
        assert_eq!(
            name(&cat, nearest_centre(&cat, (60.1699, 24.9384))),
            "Helsinki"
        );
        assert_eq!(
            name(&cat, nearest_centre(&cat, (62.8924, 27.6770))),
            "Kuopio"
        );
        assert!(nearest_centre(&Catalogue::default(), (60.0, 25.0)).is_none());
    }

    #[test]
    fn region_outline_and_size_weighting_change_the_answer() {
        let (cat, extra) = catalogue();
        let centres = cat
            .municipalities
            .iter()
            .zip(&extra)
            .map(|(m, (region, land, county))| {
                let (x, y) = latlon_to_tm35((m.centre.0 as f64, m.centre.1 as f64));
                Centre {
                    code: m.code.clone(),
                    name: m.name.fi.clone(),
                    name_sv: None,
                    region: region.clone(),
                    county: county.clone(),
                    x: x as i32,
                    y: y as i32,
                    population: 0,
                    land_km2: *land,
                }
            })
            .collect();
        // A made-up "region 12" box around Pohjois-Karjala's centres only.
        let (x0, y0) = latlon_to_tm35((61.6, 28.8));
        let (x1, y1) = latlon_to_tm35((64.0, 31.6));
        let (x0, y0, x1, y1) = (x0 as i32, y0 as i32, x1 as i32, y1 as i32);
        let base = BaseMap {
            regions: vec![Region {
                code: "12".into(),
                name_fi: "Pohjois-Karjala".into(),
                name_sv: String::new(),
                name_en: String::new(),
                rings: vec![Ring(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]])],
                label: [0, 0],
            }],
            centres,
            ..BaseMap::default()
        };
        let here = (63.3190, 30.0250);
        let l = which_municipality(&cat, &base, here).unwrap();
        assert!(l.in_region);
        assert_eq!(name(&cat, Some(l)), "Lieksa");
        // Outside every region: plain nearest centre, flagged.
        let hki = which_municipality(&cat, &base, (60.1699, 24.9384)).unwrap();
        assert!(!hki.in_region);
        assert_eq!(name(&cat, Some(hki)), "Helsinki");
        // Between Joensuu (2 382 km²) and Kontiolahti (795 km²) centres, slightly nearer
        // Kontiolahti: plain nearest says Kontiolahti, the size weighting says Joensuu.
        let j = cat
            .municipalities
            .iter()
            .find(|m| m.name.fi == "Joensuu")
            .unwrap()
            .centre;
        let k = cat
            .municipalities
            .iter()
            .find(|m| m.name.fi == "Kontiolahti")
            .unwrap()
            .centre;
        let t = 0.55;
        let p = (
            j.0 as f64 + t * (k.0 - j.0) as f64,
            j.1 as f64 + t * (k.1 - j.1) as f64,
        );
        assert_eq!(name(&cat, nearest_centre(&cat, p)), "Kontiolahti");
        assert_eq!(name(&cat, which_municipality(&cat, &base, p)), "Joensuu");
    }

    #[test]
    fn service_distances_markers_and_sorting_keep_unplaced_services() {
        let mut cat = crate::search::tests::tiny_catalogue();
        let from = (62.5998, 29.7654); // Joensuu centre
        let placed: Vec<u32> = (0..cat.services.len() as u32)
            .filter(|&i| {
                cat.services[i as usize]
                    .delivery
                    .iter()
                    .any(|d| d.location.is_some())
            })
            .collect();
        let unplaced: Vec<u32> = (0..cat.services.len() as u32)
            .filter(|i| !placed.contains(i))
            .collect();
        // Make sure both kinds exist, whatever the tiny catalogue holds.
        if unplaced.is_empty() {
            let last = cat.services.len() - 1;
            for d in &mut cat.services[last].delivery {
                d.location = None;
            }
        }
        let all: Vec<u32> = (0..cat.services.len() as u32).rev().collect();
        let (markers, unplaced) = service_markers(&cat, &all);
        assert!(!unplaced.is_empty());
        for (m, x, y) in &markers {
            assert!(!unplaced.contains(&m.service));
            assert!(
                (50_000.0..760_000.0).contains(x) && (6_600_000.0..7_800_000.0).contains(y),
                "{m:?} {x} {y}"
            );
        }
        let mut sorted = all.clone();
        sort_by_distance(&cat, &mut sorted, from);
        let d = distances_km(&cat, &sorted, from);
        let n = d.iter().filter(|d| d.is_some()).count();
        assert!(d[..n].windows(2).all(|w| w[0].unwrap() <= w[1].unwrap()));
        assert!(d[n..].iter().all(Option::is_none));
        // Unplaced ones keep their original (reversed) order at the end.
        assert_eq!(&sorted[n..], &unplaced[..]);
        assert_eq!(sorted.len(), all.len());
    }
}
