//! The compiled base map: Finland's outline, the 19 regions, the large lakes and the municipality
//! centres in TM35FIN metres, written by the catalogue tool (`xtask basemap`) and drawn by the app
//! as SVG with no network and no tile server.
//!
//! The file is a short header (magic, format version) and the postcard-encoded [`BaseMap`], like the
//! catalogue asset. Rings are stored as deltas in [`QUANTUM`]-metre units, because consecutive
//! vertices are close: a delta is one or two varint bytes where an absolute coordinate is four.
//! In memory they are plain absolute metres, so the UI never sees the encoding.

use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 4] = b"PHMP";
/// Bump when the shape of [`BaseMap`] changes, so a cached old file is refused, not misread.
pub const FORMAT_VERSION: u16 = 1;
/// Grid step of ring coordinates on the wire, metres. The sources are 1:10 million Natural Earth
/// outlines (detail ≈ 1 km), so 100 m loses nothing visible even zoomed to one municipality.
pub const QUANTUM: i32 = 100;

/// Extent in TM35FIN metres: min x, min y, max x, max y.
pub type Bounds = [i32; 4];

/// A closed ring of (x, y) TM35FIN metres. The first point is not repeated at the end: SVG's `Z`
/// closes it. A ring is drawn with others of its feature in one path with `fill-rule="evenodd"`, so
/// holes (islands in lakes, enclaves) need no orientation rules.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "WireRing", into = "WireRing")]
pub struct Ring(pub Vec<[i32; 2]>);

/// The wire form of a ring: first point then deltas, flattened, in `QUANTUM` units.
#[derive(Serialize, Deserialize)]
struct WireRing(Vec<i32>);

impl From<Ring> for WireRing {
    fn from(r: Ring) -> Self {
        let mut out = Vec::with_capacity(r.0.len() * 2);
        let (mut px, mut py) = (0i32, 0i32);
        for [x, y] in r.0 {
            // Rounds to the grid; the builder already snaps, so this is exact for built files.
            let (qx, qy) = (div_round(x, QUANTUM), div_round(y, QUANTUM));
            out.push(qx - px);
            out.push(qy - py);
            (px, py) = (qx, qy);
        }
        WireRing(out)
    }
}

impl From<WireRing> for Ring {
    fn from(w: WireRing) -> Self {
        let (mut x, mut y) = (0i32, 0i32);
        let pts =
            w.0.chunks_exact(2)
                .map(|d| {
                    x = x.wrapping_add(d[0]);
                    y = y.wrapping_add(d[1]);
                    [x.wrapping_mul(QUANTUM), y.wrapping_mul(QUANTUM)]
                })
                .collect();
        Ring(pts)
    }
}

/// Integer division rounding half away from zero (so −150 m → −2 quanta, like 150 m → 2).
fn div_round(v: i32, q: i32) -> i32 {
    if v >= 0 {
        (v + q / 2) / q
    } else {
        -((-v + q / 2) / q)
    }
}

/// Snaps metres to the wire grid: what a ring coordinate becomes after encoding.
pub fn snap(v: f64) -> i32 {
    (v / QUANTUM as f64).round() as i32 * QUANTUM
}

impl Ring {
    pub fn bounds(&self) -> Option<Bounds> {
        let first = self.0.first()?;
        Some(
            self.0
                .iter()
                .fold([first[0], first[1], first[0], first[1]], |b, p| {
                    [
                        b[0].min(p[0]),
                        b[1].min(p[1]),
                        b[2].max(p[0]),
                        b[3].max(p[1]),
                    ]
                }),
        )
    }

    /// Even-odd crossing test; callers combine the rings of a feature with XOR.
    pub fn crosses(&self, x: f64, y: f64) -> bool {
        let pts = &self.0;
        let mut inside = false;
        let mut j = pts.len().wrapping_sub(1);
        for i in 0..pts.len() {
            let (xi, yi) = (pts[i][0] as f64, pts[i][1] as f64);
            let (xj, yj) = (pts[j][0] as f64, pts[j][1] as f64);
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                inside = !inside;
            }
            j = i;
        }
        inside
    }

    /// Twice the signed area (shoelace), m²; positive when counter-clockwise.
    pub fn area2(&self) -> f64 {
        let p = &self.0;
        (0..p.len())
            .map(|i| {
                let (a, b) = (p[i], p[(i + 1) % p.len()]);
                a[0] as f64 * b[1] as f64 - b[0] as f64 * a[1] as f64
            })
            .sum()
    }
}

/// Is (x, y) inside the feature made of `rings` (even-odd rule, as drawn)?
pub fn rings_contain(rings: &[Ring], x: f64, y: f64) -> bool {
    rings
        .iter()
        .fold(false, |inside, r| inside ^ r.crosses(x, y))
}

/// Union of the rings' extents.
pub fn rings_bounds(rings: &[Ring]) -> Option<Bounds> {
    rings.iter().filter_map(Ring::bounds).reduce(union)
}

pub fn union(a: Bounds, b: Bounds) -> Bounds {
    [
        a[0].min(b[0]),
        a[1].min(b[1]),
        a[2].max(b[2]),
        a[3].max(b[3]),
    ]
}

/// A region (maakunta).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Statistics Finland's two-digit region code, e.g. "12" for Pohjois-Karjala.
    pub code: String,
    pub name_fi: String,
    pub name_sv: String,
    pub name_en: String,
    pub rings: Vec<Ring>,
    /// Where the name goes: a point inside the region's largest part.
    pub label: [i32; 2],
}

impl Region {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        rings_contain(&self.rings, x, y)
    }

    pub fn bounds(&self) -> Option<Bounds> {
        rings_bounds(&self.rings)
    }
}

/// A municipality's centre (its main built-up area), with the facts the map and "which
/// municipality am I in" use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Centre {
    /// Three-digit municipality code, as in the catalogue.
    pub code: String,
    pub name: String,
    /// Swedish name when it differs from the Finnish one.
    pub name_sv: Option<String>,
    /// Region (maakunta) code.
    pub region: String,
    /// Wellbeing services county code: the catalogue's `County::code`.
    pub county: String,
    pub x: i32,
    pub y: i32,
    /// Population 31.12.2022 (THL Sotkanet).
    pub population: u32,
    /// Land area, km² (0 when unknown).
    pub land_km2: u32,
}

/// The compiled base map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseMap {
    /// Extent of everything drawn.
    pub bounds: Bounds,
    /// Finland and Åland (Natural Earth admin-0).
    pub country: Vec<Ring>,
    pub regions: Vec<Region>,
    /// The large lakes (Natural Earth 1:50m), one ring each (plus island rings, if any).
    pub lakes: Vec<Ring>,
    pub centres: Vec<Centre>,
    /// Attribution to show with the map.
    pub attribution: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotABaseMap,
    WrongVersion { found: u16, expected: u16 },
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotABaseMap => write!(f, "the file is not a Perheopas base map"),
            DecodeError::WrongVersion { found, expected } => write!(
                f,
                "base map format {found}, this app reads format {expected}"
            ),
            DecodeError::Corrupt(e) => write!(f, "the base map file is damaged or cut short ({e})"),
        }
    }
}

impl BaseMap {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 * 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&postcard::to_allocvec(self).expect("a base map always serialises"));
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<BaseMap, DecodeError> {
        if bytes.len() < 6 || &bytes[..4] != MAGIC {
            return Err(DecodeError::NotABaseMap);
        }
        let found = u16::from_le_bytes([bytes[4], bytes[5]]);
        if found != FORMAT_VERSION {
            return Err(DecodeError::WrongVersion {
                found,
                expected: FORMAT_VERSION,
            });
        }
        postcard::from_bytes(&bytes[6..]).map_err(|e| DecodeError::Corrupt(e.to_string()))
    }

    pub fn region(&self, code: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// The region whose outline contains the point (metres), if any (not at sea or abroad).
    pub fn region_at(&self, x: f64, y: f64) -> Option<&Region> {
        self.regions.iter().find(|r| r.contains(x, y))
    }

    pub fn centre(&self, code: &str) -> Option<&Centre> {
        self.centres.iter().find(|c| c.code == code)
    }

    /// The extent to show for a wellbeing services county (the catalogue's county code). Where the
    /// county is a whole region (all but Uusimaa's four counties and Helsinki) that is the region's
    /// outline; otherwise the county's municipality centres with a margin of their reach.
    pub fn county_bounds(&self, county: &str) -> Option<Bounds> {
        let members: Vec<&Centre> = self.centres.iter().filter(|c| c.county == county).collect();
        let first = members.first()?;
        let region = &first.region;
        let same_region = members.iter().all(|c| &c.region == region);
        let whole_region = self
            .centres
            .iter()
            .filter(|c| &c.region == region)
            .all(|c| c.county == county);
        if same_region && whole_region {
            if let Some(b) = self.region(region).and_then(Region::bounds) {
                return Some(b);
            }
        }
        members.iter().map(|c| c.reach_bounds()).reduce(union)
    }

    /// The extent to show for one municipality, around its centre.
    pub fn municipality_bounds(&self, code: &str) -> Option<Bounds> {
        self.centre(code).map(Centre::reach_bounds)
    }
}

impl Centre {
    /// Radius of a circle of the municipality's land area, km (at least 5 km).
    pub fn radius_km(&self) -> f64 {
        (self.land_km2 as f64 / std::f64::consts::PI)
            .sqrt()
            .max(5.0)
    }

    /// A square around the centre, 1.5 × the radius each way: municipalities are not circles and
    /// centres are rarely in the middle, so a little extra keeps the whole area in view.
    pub fn reach_bounds(&self) -> Bounds {
        let r = (self.radius_km() * 1500.0) as i32;
        [self.x - r, self.y - r, self.x + r, self.y + r]
    }
}

/// Maps TM35FIN metres to SVG user units: `sx = (x − origin_x)·scale`, `sy = (origin_y − y)·scale`.
/// The minus on y flips the axis so north is up.
///
/// Two ways to use it: a screen transform (`fit` to the viewport, recompute paths on every pan or
/// zoom), or — cheaper — build every path once with [`SvgTransform::km`] and pan/zoom by changing
/// the `<svg viewBox>` only (with `vector-effect: non-scaling-stroke` on strokes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SvgTransform {
    pub origin_x: f64,
    pub origin_y: f64,
    /// SVG units per metre (1 / metres per pixel for a screen transform).
    pub scale: f64,
}

impl SvgTransform {
    /// Kilometre units with the top-left corner of `bounds` at (0, 0): a fixed frame for viewBox
    /// pan and zoom. All of Finland is then about 0..700 × 0..1200.
    pub fn km(bounds: Bounds) -> SvgTransform {
        SvgTransform {
            origin_x: bounds[0] as f64,
            origin_y: bounds[3] as f64,
            scale: 0.001,
        }
    }

    /// Fits `bounds` into a `width` × `height` pixel viewport with `pad` pixels on every side,
    /// centred, keeping the aspect ratio.
    pub fn fit(bounds: Bounds, width: f64, height: f64, pad: f64) -> SvgTransform {
        let (bw, bh) = (
            ((bounds[2] - bounds[0]) as f64).max(1.0),
            ((bounds[3] - bounds[1]) as f64).max(1.0),
        );
        let (w, h) = ((width - 2.0 * pad).max(1.0), (height - 2.0 * pad).max(1.0));
        let scale = (w / bw).min(h / bh);
        let cx = (bounds[0] as f64 + bounds[2] as f64) / 2.0;
        let cy = (bounds[1] as f64 + bounds[3] as f64) / 2.0;
        SvgTransform {
            origin_x: cx - width / 2.0 / scale,
            origin_y: cy + height / 2.0 / scale,
            scale,
        }
    }

    pub fn metres_per_unit(&self) -> f64 {
        1.0 / self.scale
    }

    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            (x - self.origin_x) * self.scale,
            (self.origin_y - y) * self.scale,
        )
    }

    /// SVG units back to metres (a tap on the map → a place).
    pub fn invert(&self, sx: f64, sy: f64) -> (f64, f64) {
        (
            self.origin_x + sx / self.scale,
            self.origin_y - sy / self.scale,
        )
    }

    /// Zooms by `factor` (> 1 in) keeping the point under (sx, sy) fixed: wheel and pinch.
    pub fn zoom_at(&self, factor: f64, sx: f64, sy: f64) -> SvgTransform {
        let (mx, my) = self.invert(sx, sy);
        let scale = self.scale * factor;
        SvgTransform {
            origin_x: mx - sx / scale,
            origin_y: my + sy / scale,
            scale,
        }
    }

    /// Moves the content by (dx, dy) SVG units: drag and arrow keys.
    pub fn pan(&self, dx: f64, dy: f64) -> SvgTransform {
        SvgTransform {
            origin_x: self.origin_x - dx / self.scale,
            origin_y: self.origin_y + dy / self.scale,
            ..*self
        }
    }
}

/// SVG path data for one ring: `M x y l dx dy … Z`, with coordinates rounded to 0.1 unit.
/// Relative steps are taken between rounded points, so rounding never drifts, and steps that round
/// to nothing are dropped (at country scale many vertices fall within a tenth of a pixel).
pub fn to_svg_path(ring: &Ring, t: &SvgTransform) -> String {
    let mut out = String::with_capacity(ring.0.len() * 8);
    push_ring(&mut out, ring, t);
    out
}

/// One path for several rings (a layer or a feature with holes): draw with `fill-rule="evenodd"`.
pub fn rings_to_svg_path(rings: &[Ring], t: &SvgTransform) -> String {
    let mut out = String::with_capacity(rings.iter().map(|r| r.0.len() * 8).sum());
    for r in rings {
        push_ring(&mut out, r, t);
    }
    out
}

fn push_ring(out: &mut String, ring: &Ring, t: &SvgTransform) {
    use std::fmt::Write;
    let tenths = |p: &[i32; 2]| {
        let (sx, sy) = t.apply(p[0] as f64, p[1] as f64);
        ((sx * 10.0).round() as i64, (sy * 10.0).round() as i64)
    };
    let mut pts = ring.0.iter().map(tenths);
    let Some(first) = pts.next() else { return };
    if !out.is_empty() {
        out.push(' ');
    }
    let _ = write!(out, "M{} {}", Tenths(first.0), Tenths(first.1));
    let mut prev = first;
    let mut steps = 0;
    for p in pts {
        let (dx, dy) = (p.0 - prev.0, p.1 - prev.1);
        if dx == 0 && dy == 0 {
            continue;
        }
        // SVG lets a minus sign separate numbers, which saves a byte per negative step.
        let _ = write!(
            out,
            "{}{}",
            if steps == 0 {
                "l"
            } else if dx < 0 {
                ""
            } else {
                " "
            },
            Tenths(dx)
        );
        let _ = write!(out, "{}{}", if dy < 0 { "" } else { " " }, Tenths(dy));
        prev = p;
        steps += 1;
    }
    out.push('Z');
}

/// Formats tenths as a short decimal: 12 → "1.2", −5 → "-.5", 30 → "3".
struct Tenths(i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = self.0;
        let (sign, a) = if v < 0 { ("-", -v) } else { ("", v) };
        match (a / 10, a % 10) {
            (i, 0) => write!(f, "{sign}{i}"),
            (0, d) => write!(f, "{sign}.{d}"),
            (i, d) => write!(f, "{sign}{i}.{d}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Ring {
        Ring(vec![[0, 0], [1000, 0], [1000, 1000], [0, 1000]])
    }

    pub(crate) fn tiny_basemap() -> BaseMap {
        let centre = |code: &str, name: &str, region: &str, county: &str, x, y, land| Centre {
            code: code.into(),
            name: name.into(),
            name_sv: None,
            region: region.into(),
            county: county.into(),
            x,
            y,
            population: 1000,
            land_km2: land,
        };
        BaseMap {
            bounds: [0, 0, 100_000, 100_000],
            country: vec![Ring(vec![
                [0, 0],
                [100_000, 0],
                [100_000, 100_000],
                [0, 100_000],
            ])],
            regions: vec![
                Region {
                    code: "01".into(),
                    name_fi: "Länsi".into(),
                    name_sv: "Väst".into(),
                    name_en: "West".into(),
                    rings: vec![Ring(vec![
                        [0, 0],
                        [50_000, 0],
                        [50_000, 100_000],
                        [0, 100_000],
                    ])],
                    label: [25_000, 50_000],
                },
                Region {
                    code: "02".into(),
                    name_fi: "Itä".into(),
                    name_sv: "Öst".into(),
                    name_en: "East".into(),
                    rings: vec![Ring(vec![
                        [50_000, 0],
                        [100_000, 0],
                        [100_000, 100_000],
                        [50_000, 100_000],
                    ])],
                    label: [75_000, 50_000],
                },
            ],
            lakes: vec![],
            centres: vec![
                centre("001", "Aa", "01", "90", 20_000, 50_000, 300),
                centre("002", "Bb", "01", "91", 40_000, 50_000, 300),
                centre("003", "Cc", "02", "92", 80_000, 50_000, 2000),
            ],
            attribution: "test".into(),
        }
    }

    #[test]
    fn rings_round_trip_through_deltas() {
        let b = tiny_basemap();
        let bytes = b.encode();
        assert_eq!(BaseMap::decode(&bytes).unwrap(), b);
        // Negative and off-grid values round to the nearest 100 m, half away from zero.
        let r = Ring(vec![[-150, 149], [7_000_050, -7_000_049]]);
        let wire: WireRing = r.into();
        assert_eq!(
            Ring::from(wire).0,
            vec![[-200, 100], [7_000_100, -7_000_000]]
        );
        assert_eq!(snap(149.9), 100);
        assert_eq!(snap(-150.0), -200);
    }

    #[test]
    fn refuses_foreign_truncated_and_future_files() {
        let bytes = tiny_basemap().encode();
        assert_eq!(
            BaseMap::decode(b"PHOP\x01\x00"),
            Err(DecodeError::NotABaseMap)
        );
        assert!(matches!(
            BaseMap::decode(&bytes[..bytes.len() / 2]),
            Err(DecodeError::Corrupt(_))
        ));
        let mut future = bytes.clone();
        future[4] = 9;
        assert_eq!(
            BaseMap::decode(&future),
            Err(DecodeError::WrongVersion {
                found: 9,
                expected: FORMAT_VERSION
            })
        );
    }

    #[test]
    fn point_in_rings_uses_even_odd() {
        let outer = Ring(vec![[0, 0], [10, 0], [10, 10], [0, 10]]);
        let hole = Ring(vec![[3, 3], [7, 3], [7, 7], [3, 7]]);
        let rings = [outer, hole];
        assert!(rings_contain(&rings, 1.0, 1.0));
        assert!(!rings_contain(&rings, 5.0, 5.0));
        assert!(!rings_contain(&rings, 11.0, 5.0));
        assert_eq!(rings_bounds(&rings), Some([0, 0, 10, 10]));
        assert_eq!(square().area2(), 2.0 * 1_000_000.0);
    }

    #[test]
    fn svg_path_flips_y_and_uses_relative_steps() {
        let t = SvgTransform {
            origin_x: 0.0,
            origin_y: 1000.0,
            scale: 0.01,
        };
        // (0,0) is the bottom-left: SVG (0, 10). Then right 10, up 10 (negative SVG y), left 10.
        assert_eq!(to_svg_path(&square(), &t), "M0 10l10 0 0-10-10 0Z");
        let two = rings_to_svg_path(&[square(), square()], &t);
        assert_eq!(two, "M0 10l10 0 0-10-10 0Z M0 10l10 0 0-10-10 0Z");
        // Tenths, dropped zero steps, no drift: 0.333 px steps round per point, not per step.
        let t = SvgTransform {
            origin_x: 0.0,
            origin_y: 0.0,
            scale: 1.0 / 3.0,
        };
        let r = Ring(vec![[0, 0], [1, 0], [2, 0], [3, 0], [4, 0]]);
        assert_eq!(to_svg_path(&r, &t), "M0 0l.3 0 .4 0 .3 0 .3 0Z");
        assert_eq!(
            to_svg_path(&Ring(vec![[0, 0], [0, 0], [-30, 0]]), &t),
            "M0 0l-10 0Z"
        );
        assert_eq!(to_svg_path(&Ring::default(), &t), "");
    }

    #[test]
    fn transform_fit_zoom_and_pan() {
        // Finland-sized box into a 412 × 915 phone viewport.
        let b: Bounds = [50_000, 6_600_000, 760_000, 7_800_000];
        let t = SvgTransform::fit(b, 412.0, 915.0, 8.0);
        let (x0, y0) = t.apply(b[0] as f64, b[3] as f64);
        let (x1, y1) = t.apply(b[2] as f64, b[1] as f64);
        assert!(
            x0 >= 7.99 && x1 <= 404.01 && y0 >= 7.99 && y1 <= 907.01,
            "{x0} {y0} {x1} {y1}"
        );
        assert!(((x0 + x1) / 2.0 - 206.0).abs() < 1e-6 && ((y0 + y1) / 2.0 - 457.5).abs() < 1e-6);
        // ~1.8 km per pixel: the whole-country scale the clustering is tuned for.
        assert!(
            (t.metres_per_unit() - 710_000.0 / 396.0).abs() < 1e-6,
            "{}",
            t.metres_per_unit()
        );
        let (mx, my) = t.invert(100.0, 200.0);
        let z = t.zoom_at(2.0, 100.0, 200.0);
        let (sx, sy) = z.apply(mx, my);
        assert!((sx - 100.0).abs() < 1e-9 && (sy - 200.0).abs() < 1e-9);
        assert!((z.metres_per_unit() * 2.0 - t.metres_per_unit()).abs() < 1e-9);
        let p = z.pan(10.0, -5.0);
        let (sx, sy) = p.apply(mx, my);
        assert!((sx - 110.0).abs() < 1e-9 && (sy - 195.0).abs() < 1e-9);
        let k = SvgTransform::km(b);
        assert_eq!(k.apply(50_000.0, 7_800_000.0), (0.0, 0.0));
        assert_eq!(k.apply(760_000.0, 6_600_000.0), (710.0, 1200.0));
    }

    #[test]
    fn county_and_municipality_extents() {
        let b = tiny_basemap();
        // County 92 is the whole region 02: its outline.
        assert_eq!(b.county_bounds("92"), Some([50_000, 0, 100_000, 100_000]));
        // Counties 90 and 91 split region 01: their centres with a margin (radius ≥ 5 km × 1.5).
        let r = (b.centre("001").unwrap().radius_km() * 1500.0) as i32;
        assert_eq!(
            b.county_bounds("90"),
            Some([20_000 - r, 50_000 - r, 20_000 + r, 50_000 + r])
        );
        assert_eq!(b.county_bounds("99"), None);
        assert_eq!(
            b.municipality_bounds("003").map(|m| m[2] - m[0]),
            Some(2 * (b.centres[2].radius_km() * 1500.0) as i32)
        );
        assert_eq!(
            b.region_at(60_000.0, 10.0).map(|r| r.code.as_str()),
            Some("02")
        );
        assert!(b.region_at(-1.0, 10.0).is_none());
    }
}
