//! PTV coordinates (ETRS-TM35FIN metres or degrees) as WGS84 degrees, with the core's projection
//! (`perheopas_core::map::projection`, the one the map uses) and the core's "inside Finland" rule.

use perheopas_core::geo_util::in_finland;
use perheopas_core::map::projection::tm35_to_latlon;

/// PTV's (latitude, longitude) strings, in TM35FIN metres (latitude = northing, longitude =
/// easting) or in degrees, as WGS84 (lat, lon) rounded to five decimals (about a metre: enough for
/// a door, and it keeps the files readable). ETRS89 and WGS84 differ by well under a metre in
/// Finland, which the catalogue's checks and maps cannot see.
pub fn to_wgs84(lat: &str, lon: &str) -> Result<(f64, f64), String> {
    let num = |s: &str| {
        s.trim()
            .replace(',', ".")
            .parse::<f64>()
            .map_err(|_| format!("coordinate \"{s}\" is not a number"))
    };
    let (y, x) = (num(lat)?, num(lon)?);
    // Degrees never exceed 180; TM35FIN metres in Finland are in the hundreds of thousands.
    let (lat, lon) = if y > 1000.0 && x > 1000.0 {
        tm35_to_latlon(x, y)
    } else {
        (y, x)
    };
    if !lat.is_finite() || !lon.is_finite() || !in_finland(lat, lon) {
        return Err(format!(
            "coordinates ({lat:.5}, {lon:.5}) are outside Finland"
        ));
    }
    let round = |v: f64| (v * 1e5).round() / 1e5;
    Ok((round(lat), round(lon)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use perheopas_core::geo_util::distance_km;

    /// (northing, easting, lat, lon): the TM35FIN coordinates of the PTV fixture and test
    /// places over Finland (Helsinki, the central meridian, Vaasa, Utsjoki area, Åland), as the
    /// importer's earlier `proj4rs` conversion (proj4rs 0.3, `+proj=utm +zone=35 +ellps=GRS80`)
    /// gave them, printed to 1e-9°.
    const PROJ4RS: [(f64, f64, f64, f64); 7] = [
        (6973782.4, 534468.3, 62.892400285, 27.677999968),
        (6973000.0, 534000.0, 62.885422362, 27.668629288),
        (6672250.0, 386000.0, 60.171189787, 24.945326102),
        (6980000.0, 500000.0, 62.949835023, 27.000000000),
        (7010000.0, 230000.0, 63.117950012, 21.643345229),
        (7740000.0, 480000.0, 69.767226108, 26.481815353),
        (6680000.0, 100000.0, 60.060922764, 19.805943669),
    ];

    #[test]
    fn the_cores_projection_equals_proj4rs_on_ptv_coordinates() {
        for (y, x, lat, lon) in PROJ4RS {
            let got = tm35_to_latlon(x, y);
            let metres = distance_km(got, (lat, lon)) * 1000.0;
            assert!(
                metres < 0.01,
                "({y}, {x}): {got:?} is {metres} m from proj4rs"
            );
            // And what the importer writes after rounding is proj4rs's value rounded.
            let round = |v: f64| (v * 1e5).round() / 1e5;
            assert_eq!(
                to_wgs84(&y.to_string(), &x.to_string()).unwrap(),
                (round(lat), round(lon))
            );
        }
    }

    #[test]
    fn tm35fin_becomes_wgs84() {
        // Helsinki Senate Square, about N 6 672 250, E 386 000 in ETRS-TM35FIN.
        let (lat, lon) = to_wgs84("6672250", "386000").unwrap();
        assert!(
            (lat - 60.169).abs() < 0.01 && (lon - 24.952).abs() < 0.02,
            "{lat} {lon}"
        );
        // On the central meridian (27° E) the easting is 500 000.
        let (_, lon) = to_wgs84("6980000", "500000").unwrap();
        assert!((lon - 27.0).abs() < 1e-6, "{lon}");
        assert_eq!(to_wgs84("62.89", "27.68").unwrap(), (62.89, 27.68));
        assert!(to_wgs84("52.5", "13.4")
            .unwrap_err()
            .contains("outside Finland"));
    }
}
