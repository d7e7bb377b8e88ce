//! Geography helpers: great-circle distance and Finland's extent, on top of the `geo` crate.

use geo::{Distance, Haversine, Point};

/// Finland's bounding box with a small margin (lat, lon), Åland and Lapland included.
pub const FINLAND_LAT: (f64, f64) = (59.3, 70.2);
pub const FINLAND_LON: (f64, f64) = (19.0, 31.7);

pub fn in_finland(lat: f64, lon: f64) -> bool {
    (FINLAND_LAT.0..=FINLAND_LAT.1).contains(&lat) && (FINLAND_LON.0..=FINLAND_LON.1).contains(&lon)
}

/// How far from its centre a place can lie and still be in a municipality of `land_km2` square
/// kilometres of land: the radius of a circle of that area, times 3.5 for elongated shapes,
/// archipelagos and merged municipalities whose centre sits at one end (Vähäkyrö, part of Vaasa
/// since 2013, lies ~26 km from Vaasa's centre, whose circle radius is 11 km), and never under
/// 30 km. Beyond it a location is wrong (a typo, swapped digits, another municipality's point):
/// the catalogue check refuses it and importers drop it.
pub fn municipality_reach_km(land_km2: f64) -> f64 {
    (3.5 * (land_km2.max(0.0) / std::f64::consts::PI).sqrt()).max(30.0)
}

/// Where places of a municipality usually lie: twice its circle radius, never under 20 km. Past
/// it (and within [`municipality_reach_km`]) importers keep the location with a warning.
pub fn municipality_usual_km(land_km2: f64) -> f64 {
    (2.0 * (land_km2.max(0.0) / std::f64::consts::PI).sqrt()).max(20.0)
}

/// Distance in kilometres between two WGS84 (lat, lon) points along the great circle.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_municipalitys_far_village_is_within_reach() {
        // Vaasa: 364.84 km² of land, centre 63.09507, 21.61207 (data/reference); Vähäkyrö's
        // centre 63.05, 22.12 (Wikipedia "Vähäkyrö"): unusual, not wrong.
        let d = distance_km((63.09507, 21.61207), (63.05, 22.12));
        assert!(d > municipality_usual_km(364.84), "{d}");
        assert!(d < municipality_reach_km(364.84), "{d}");
        // Tallinn is no part of Helsinki (214 km²), however generous the rule.
        let d = distance_km((60.16986, 24.93837), (59.437, 24.7536));
        assert!(d > municipality_reach_km(214.0), "{d}");
    }

    #[test]
    fn joensuu_to_lieksa_is_about_86_km() {
        let joensuu = (62.5998, 29.7654);
        let lieksa = (63.31184, 30.04088);
        let d = distance_km(joensuu, lieksa);
        // Centre to centre by air; the 86 km often quoted is measured between other points.
        assert!((d - 80.4).abs() < 0.5, "got {d}");
    }

    #[test]
    fn finland_box_rejects_stockholm_and_swapped_coordinates() {
        assert!(in_finland(62.6, 29.76));
        assert!(!in_finland(59.33, 18.07));
        assert!(!in_finland(29.76, 62.6));
    }
}
