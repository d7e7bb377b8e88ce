//! Geography helpers: great-circle distance and Finland's extent, on top of the `geo` crate.

use geo::{Distance, Haversine, Point};

/// Finland's bounding box with a small margin (lat, lon), Åland and Lapland included.
pub const FINLAND_LAT: (f64, f64) = (59.3, 70.2);
pub const FINLAND_LON: (f64, f64) = (19.0, 31.7);

pub fn in_finland(lat: f64, lon: f64) -> bool {
    (FINLAND_LAT.0..=FINLAND_LAT.1).contains(&lat) && (FINLAND_LON.0..=FINLAND_LON.1).contains(&lon)
}

/// Distance in kilometres between two WGS84 (lat, lon) points along the great circle.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

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
