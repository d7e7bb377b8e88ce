//! WGS84 longitude/latitude ↔ ETRS-TM35FIN (EPSG:3067) metres, the grid Finnish maps use.
//!
//! Hand-written instead of pulling in `proj4rs`: the measured Wasm cost of `proj4rs` (a general
//! PROJ port with a proj-string parser and dozens of projections) is 134–154 KB gzip, far above the
//! ~30 KB budget for the map, while this one projection is ~6 KB, mostly libm. See
//! `core/src/map/mod.rs` for the figures.
//!
//! Method: the Transverse Mercator projection by Krüger's series to order n⁴, in the form given by
//! the Finnish public-administration recommendation JHS 154 ("ETRS89-järjestelmään liittyvät
//! karttaprojektiot, tasokoordinaatistot ja karttalehtijako", Appendix 1: projection formulas), which
//! matches Karney, C. F. F. (2011), "Transverse Mercator with an accuracy of a few nanometers",
//! J. Geodesy 85, 475–485 (Krüger's series in the third flattening n). Within Finland (at most
//! ~430 km from the central meridian) the order-n⁴ series is accurate to well under a millimetre;
//! the tests hold it to 0.1 mm against PROJ.
//!
//! ETRS89 (EUREF-FIN) and WGS84 differ by less than a metre in Finland (National Land Survey),
//! far below what a map of services needs, so GPS positions are used as ETRS89 directly.

/// GRS80 semi-major axis (metres).
pub const A: f64 = 6_378_137.0;
/// GRS80 flattening.
pub const F: f64 = 1.0 / 298.257_222_101;
/// Central meridian of TM35FIN (degrees east).
pub const LON0_DEG: f64 = 27.0;
/// Scale factor on the central meridian.
pub const K0: f64 = 0.9996;
/// False easting (metres); there is no false northing.
pub const FALSE_EASTING: f64 = 500_000.0;

/// Third flattening n = f / (2 − f): every series coefficient is a polynomial in it.
const N: f64 = F / (2.0 - F);
/// First eccentricity e = √(f(2 − f)); a literal because `sqrt` is not `const` (a test checks it).
const E: f64 = 0.081_819_191_042_815_79;
/// Rectifying radius A₁ = a / (1 + n) · (1 + n²/4 + n⁴/64), times k0.
const K0_A1: f64 = K0 * A / (1.0 + N) * (1.0 + N * N / 4.0 + N * N * N * N / 64.0);

const N2: f64 = N * N;
const N3: f64 = N2 * N;
const N4: f64 = N3 * N;

/// Forward coefficients h₁′…h₄′ (Karney's α).
const ALPHA: [f64; 4] = [
    N / 2.0 - 2.0 * N2 / 3.0 + 5.0 * N3 / 16.0 + 41.0 * N4 / 180.0,
    13.0 * N2 / 48.0 - 3.0 * N3 / 5.0 + 557.0 * N4 / 1440.0,
    61.0 * N3 / 240.0 - 103.0 * N4 / 140.0,
    49561.0 * N4 / 161280.0,
];

/// Inverse coefficients h₁…h₄ (Karney's β).
const BETA: [f64; 4] = [
    N / 2.0 - 2.0 * N2 / 3.0 + 37.0 * N3 / 96.0 - N4 / 360.0,
    N2 / 48.0 + N3 / 15.0 - 437.0 * N4 / 1440.0,
    17.0 * N3 / 480.0 - 37.0 * N4 / 840.0,
    4397.0 * N4 / 161280.0,
];

/// Krüger's sums Σ cⱼ·sin(2jξ)·cosh(2jη) and Σ cⱼ·cos(2jξ)·sinh(2jη), j = 1…4.
/// The multiple angles come from one `sin_cos` and one `exp` by angle addition and powers, instead
/// of sixteen transcendental calls: projecting thousands of markers is several times faster, and
/// four steps of the recurrence lose nothing measurable (the tests hold to a millimetre).
fn series(c: &[f64; 4], xi: f64, eta: f64) -> (f64, f64) {
    let (s2, c2) = (2.0 * xi).sin_cos();
    let e2 = (2.0 * eta).exp();
    let (mut s, mut co, mut e) = (s2, c2, e2);
    let (mut dxi, mut deta) = (0.0, 0.0);
    for (j, cj) in c.iter().enumerate() {
        if j > 0 {
            (s, co) = (s * c2 + co * s2, co * c2 - s * s2);
            e *= e2;
        }
        let (ch, sh) = ((e + 1.0 / e) / 2.0, (e - 1.0 / e) / 2.0);
        dxi += cj * s * ch;
        deta += cj * co * sh;
    }
    (dxi, deta)
}

/// WGS84 (longitude, latitude) in degrees → TM35FIN (easting x, northing y) in metres.
pub fn to_tm35(lon: f64, lat: f64) -> (f64, f64) {
    let phi = lat.to_radians();
    let dl = (lon - LON0_DEG).to_radians();
    // Isometric latitude Q, then the conformal latitude β = atan(sinh Q) (JHS 154 step 2).
    let q = phi.tan().asinh() - E * (E * phi.sin()).atanh();
    let beta = q.sinh().atan();
    // Spherical TM on the conformal sphere (ξ′, η′), then Krüger's correction to the ellipsoid.
    let eta1 = (beta.cos() * dl.sin()).atanh();
    let xi1 = beta.sin().atan2(beta.cos() * dl.cos());
    let (dxi, deta) = series(&ALPHA, xi1, eta1);
    (FALSE_EASTING + K0_A1 * (eta1 + deta), K0_A1 * (xi1 + dxi))
}

/// TM35FIN (easting x, northing y) in metres → WGS84 (longitude, latitude) in degrees.
pub fn from_tm35(x: f64, y: f64) -> (f64, f64) {
    let xi = y / K0_A1;
    let eta = (x - FALSE_EASTING) / K0_A1;
    let (dxi, deta) = series(&BETA, xi, eta);
    let (xi1, eta1) = (xi - dxi, eta - deta);
    let beta = (xi1.sin() / eta1.cosh()).asin();
    let dl = (eta1.tanh() / beta.cos()).asin();
    // Conformal → geodetic latitude: fixed-point iteration on the isometric latitude
    // Q = Q′ + e·atanh(e·tanh Q) (JHS 154 step 3). It contracts by e² ≈ 0.0067 per step, so five
    // steps reach double precision from any start.
    let q1 = beta.tan().asinh();
    let mut q = q1;
    for _ in 0..5 {
        q = q1 + E * (E * q.tanh()).atanh();
    }
    let phi = q.sinh().atan();
    (LON0_DEG + dl.to_degrees(), phi.to_degrees())
}

/// Convenience for the catalogue's (lat, lon) tuples: (lat, lon) → (x, y) metres.
pub fn latlon_to_tm35(latlon: (f64, f64)) -> (f64, f64) {
    to_tm35(latlon.1, latlon.0)
}

/// Convenience: (x, y) metres → (lat, lon) degrees, the catalogue's order.
pub fn tm35_to_latlon(x: f64, y: f64) -> (f64, f64) {
    let (lon, lat) = from_tm35(x, y);
    (lat, lon)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, lon, lat, x, y). Reference values from PROJ 9 (pyproj 3.7.2,
    /// `Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True)`), which implements
    /// EPSG:3067 with the Poder/Engsager extended TM, independent of this code. The central
    /// meridian row is k0 × the GRS80 meridian arc to 60° (6 654 072.819 m), a textbook figure.
    const REFERENCE: &[(&str, f64, f64, f64, f64)] = &[
        (
            "Helsinki, Senate Square",
            24.9522,
            60.1693,
            386374.7778,
            6672027.7536,
        ),
        (
            "Joensuu centre",
            29.7654,
            62.5998,
            641956.8609,
            6944043.6905,
        ),
        (
            "Lieksa centre",
            30.04088,
            63.31184,
            652340.3433,
            7023947.4025,
        ),
        (
            "Nuorgam (north tip)",
            27.9,
            70.08,
            534221.3399,
            7775047.2670,
        ),
        (
            "Eckerö, Åland (far west)",
            19.62692,
            60.2121,
            91954.9317,
            6697865.3414,
        ),
        ("central meridian 60°N", 27.0, 60.0, 500000.0, 6651411.1902),
        ("Hanko", 22.95, 59.82, 272967.9559, 6638305.9623),
        (
            "Ilomantsi, east border",
            31.58,
            62.9,
            732636.7846,
            6982731.0677,
        ),
        ("Kilpisjärvi", 20.8, 69.05, 252958.7634, 7672435.3167),
    ];

    #[test]
    fn eccentricity_literal_matches_flattening() {
        assert!((E - (F * (2.0 - F)).sqrt()).abs() < 1e-17);
    }

    #[test]
    fn forward_matches_proj_to_a_tenth_of_a_millimetre() {
        for &(name, lon, lat, x, y) in REFERENCE {
            let (px, py) = to_tm35(lon, lat);
            assert!(
                (px - x).abs() < 0.0001 && (py - y).abs() < 0.0001,
                "{name}: got ({px:.4}, {py:.4}), want ({x}, {y})"
            );
        }
    }

    #[test]
    fn inverse_matches_proj_and_round_trips() {
        for &(name, lon, lat, x, y) in REFERENCE {
            let (plon, plat) = from_tm35(x, y);
            // 1e-8° is about 1 mm on the ground.
            assert!(
                (plon - lon).abs() < 1e-8 && (plat - lat).abs() < 1e-8,
                "{name}: got ({plon}, {plat})"
            );
        }
        // A grid over all of Finland and a margin: forward then inverse comes back within 1e-9°.
        for i in 0..=30 {
            for j in 0..=30 {
                let lon = 18.0 + 15.0 * i as f64 / 30.0;
                let lat = 59.0 + 12.0 * j as f64 / 30.0;
                let (x, y) = to_tm35(lon, lat);
                let (lon2, lat2) = from_tm35(x, y);
                assert!(
                    (lon2 - lon).abs() < 1e-9 && (lat2 - lat).abs() < 1e-9,
                    "{lon},{lat}"
                );
            }
        }
    }

    #[test]
    fn latlon_helpers_keep_the_catalogue_order() {
        let (x, y) = latlon_to_tm35((60.1693, 24.9522));
        assert!((x - 386_374.78).abs() < 0.01 && (y - 6_672_027.75).abs() < 0.01);
        let (lat, lon) = tm35_to_latlon(x, y);
        assert!((lat - 60.1693).abs() < 1e-9 && (lon - 24.9522).abs() < 1e-9);
    }

    #[test]
    fn distances_on_the_grid_agree_with_great_circle_distance() {
        // Joensuu–Lieksa: 80.4 km by air (geo_util). TM35FIN scale there is ~0.9999–1.0002, so the
        // grid distance must agree to well under 0.1 %.
        let (jx, jy) = to_tm35(29.7654, 62.5998);
        let (lx, ly) = to_tm35(30.04088, 63.31184);
        let grid_km = ((jx - lx).powi(2) + (jy - ly).powi(2)).sqrt() / 1000.0;
        let air_km = crate::geo_util::distance_km((62.5998, 29.7654), (63.31184, 30.04088));
        assert!(
            (grid_km - air_km).abs() / air_km < 0.003,
            "grid {grid_km}, air {air_km}"
        );
    }
}
