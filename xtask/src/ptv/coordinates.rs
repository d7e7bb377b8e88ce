//! PTV coordinates (ETRS-TM35FIN metres or degrees) as WGS84 degrees.

/// EPSG:3067 (ETRS89 / TM35FIN) → WGS84 degrees. ETRS89 and WGS84 differ by well under a metre
/// in Finland, which the catalogue's checks and maps cannot see.
pub struct Proj {
    tm35fin: proj4rs::Proj,
    wgs84: proj4rs::Proj,
}

impl Proj {
    pub fn new() -> Result<Proj, String> {
        let p = |s: &str| {
            proj4rs::Proj::from_proj_string(s).map_err(|e| format!("projection {s}: {e}"))
        };
        Ok(Proj {
            tm35fin: p("+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs")?,
            wgs84: p("+proj=longlat +datum=WGS84 +no_defs")?,
        })
    }

    /// PTV's (latitude, longitude) strings, in TM35FIN metres or in degrees, as WGS84 (lat, lon).
    pub fn to_wgs84(&self, lat: &str, lon: &str) -> Result<(f64, f64), String> {
        let num = |s: &str| {
            s.trim()
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| format!("coordinate \"{s}\" is not a number"))
        };
        let (y, x) = (num(lat)?, num(lon)?);
        let (lat, lon) = if y > 1000.0 && x > 1000.0 {
            let mut p = (x, y, 0.0);
            proj4rs::transform::transform(&self.tm35fin, &self.wgs84, &mut p)
                .map_err(|e| format!("coordinates ({y}, {x}): {e}"))?;
            (p.1.to_degrees(), p.0.to_degrees())
        } else {
            (y, x)
        };
        if !(59.0..=70.5).contains(&lat) || !(19.0..=32.0).contains(&lon) {
            return Err(format!(
                "coordinates ({lat:.5}, {lon:.5}) are outside Finland"
            ));
        }
        // Five decimals is about a metre: enough for a door, and it keeps the files readable.
        let round = |v: f64| (v * 1e5).round() / 1e5;
        Ok((round(lat), round(lon)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tm35fin_becomes_wgs84() {
        let p = Proj::new().unwrap();
        // Helsinki Senate Square, about N 6 672 250, E 386 000 in ETRS-TM35FIN.
        let (lat, lon) = p.to_wgs84("6672250", "386000").unwrap();
        assert!(
            (lat - 60.169).abs() < 0.01 && (lon - 24.952).abs() < 0.02,
            "{lat} {lon}"
        );
        // On the central meridian (27° E) the easting is 500 000.
        let (_, lon) = p.to_wgs84("6980000", "500000").unwrap();
        assert!((lon - 27.0).abs() < 1e-6, "{lon}");
        assert_eq!(p.to_wgs84("62.89", "27.68").unwrap(), (62.89, 27.68));
        assert!(p
            .to_wgs84("52.5", "13.4")
            .unwrap_err()
            .contains("outside Finland"));
    }
}
