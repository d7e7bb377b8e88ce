//! Builds the offline base map (`generated/basemap.bin`) from the GeoJSON in `data/map/`: projects
//! to ETRS-TM35FIN, simplifies with `geo`'s Douglas–Peucker keeping shared borders shared, snaps to
//! the asset's 100 m grid and writes the postcard file the app draws as SVG.
//!
//! Simplification is topology-preserving for borders between regions: every ring is cut into arcs
//! at junctions (vertices where the neighbouring vertices differ between the rings using them, as
//! TopoJSON does), each distinct arc is simplified once, and the rings are stitched back from the
//! simplified arcs. Simplifying each region on its own would move the two copies of a shared border
//! differently and leave slivers and gaps between regions when zoomed in.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use geo::{Area, Centroid, Contains, Coord, InteriorPoint, LineString, Point, Polygon, Simplify};
use perheopas_core::map::basemap::{
    rings_bounds, snap, union, BaseMap, Bounds, Centre, Region, Ring, QUANTUM,
};
use perheopas_core::map::projection::to_tm35;
use serde_json::Value;

/// Douglas–Peucker tolerance, metres. 250 m is a quarter of a pixel at the whole-country scale
/// on a phone (~1.8 km/px) and under one pixel at a county view (~300 m/px); above it the coast and
/// the eastern border start to look cut with a knife when zoomed to one region. See the table in
/// xtask/tests/basemap.rs for what each tolerance costs in bytes.
pub const TOLERANCE_M: f64 = 250.0;
/// Islands and lake rings smaller than this (m²) are dropped: below a few pixels at any zoom the
/// app offers, and at the 100 m grid they would be a handful of points at most.
pub const MIN_RING_AREA_M2: f64 = 1.0e6;

pub const ATTRIBUTION: &str =
    "Map data: Natural Earth (public domain). Municipality centres and facts: \
Statistics Finland, National Land Survey of Finland, THL Sotkanet, GeoNames (CC BY 4.0).";

const COUNTRY: &str = "ne10m_finland_country.geojson";
const REGIONS: &str = "ne10m_finland_regions.geojson";
const LAKES: &str = "ne50m_finland_lakes.geojson";
const CENTRES: &str = "fi_municipality_centres_2025.geojson";

/// What went in and came out of one layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerReport {
    pub rings_in: usize,
    pub points_in: usize,
    pub rings_out: usize,
    pub points_out: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BaseMapReport {
    pub tolerance_m: f64,
    pub country: LayerReport,
    pub regions: LayerReport,
    pub lakes: LayerReport,
    pub centres: usize,
    pub bounds: Bounds,
    pub raw_bytes: usize,
    pub gzip_bytes: usize,
    /// Characters of SVG path data for all layers in the kilometre frame (`SvgTransform::km`):
    /// what the app puts into the DOM.
    pub svg_path_chars: usize,
}

/// Reads the GeoJSON from `data` (the project's `data/`, whose files are in `data/map/`, or the
/// shared data folder, with the files at its top), builds the base map and writes it to `out`.
pub fn build_basemap(data: &Path, out: &Path) -> Result<BaseMapReport, String> {
    let (map, mut report) = build(data, TOLERANCE_M)?;
    let bytes = map.encode();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    report.raw_bytes = bytes.len();
    report.gzip_bytes = gzip_len(&bytes);
    print_report(out, &report);
    Ok(report)
}

pub fn print_report(out: &Path, r: &BaseMapReport) {
    println!(
        "base map {} (Douglas–Peucker {} m, grid {} m)",
        out.display(),
        r.tolerance_m,
        QUANTUM
    );
    for (name, l) in [
        ("country", &r.country),
        ("regions", &r.regions),
        ("lakes", &r.lakes),
    ] {
        println!(
            "  {name:<8} {:>4} rings {:>6} points  →  {:>4} rings {:>6} points",
            l.rings_in, l.points_in, l.rings_out, l.points_out
        );
    }
    println!("  centres  {:>4}", r.centres);
    println!(
        "  bounds   x {}..{}  y {}..{} (EPSG:3067 m)",
        r.bounds[0], r.bounds[2], r.bounds[1], r.bounds[3]
    );
    println!(
        "  size     {} bytes raw, {} bytes gzip; SVG path data {} chars",
        r.raw_bytes, r.gzip_bytes, r.svg_path_chars
    );
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory").len()
}

/// Builds the base map in memory with the given tolerance (the report's byte counts are left 0).
pub fn build(data: &Path, tolerance_m: f64) -> Result<(BaseMap, BaseMapReport), String> {
    let mut report = BaseMapReport {
        tolerance_m,
        ..Default::default()
    };

    let country_json = read_json(&find(data, COUNTRY)?)?;
    let country_features: Vec<Vec<Vec<[f64; 2]>>> = features(&country_json)?
        .iter()
        .map(rings_of)
        .collect::<Result<_, _>>()?;
    let country: Vec<Ring> = simplify_layer(&country_features, tolerance_m, &mut report.country)
        .into_iter()
        .flatten()
        .collect();

    let regions_json = read_json(&find(data, REGIONS)?)?;
    let region_features = features(&regions_json)?;
    let region_rings: Vec<Vec<Vec<[f64; 2]>>> = region_features
        .iter()
        .map(rings_of)
        .collect::<Result<_, _>>()?;
    let simplified = simplify_layer(&region_rings, tolerance_m, &mut report.regions);
    let mut regions = Vec::new();
    for (f, rings) in region_features.iter().zip(simplified) {
        let prop = |k: &str| {
            f["properties"][k]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{REGIONS}: a region without \"{k}\""))
        };
        let code = prop("maakunta")?;
        let label = label_point(&rings)
            .ok_or_else(|| format!("{REGIONS}: region {code} vanished when simplified"))?;
        regions.push(Region {
            code,
            name_fi: prop("name_fi")?,
            name_sv: prop("name_sv")?,
            name_en: prop("name_en")?,
            rings,
            label,
        });
    }

    let lakes_json = read_json(&find(data, LAKES)?)?;
    let lake_features: Vec<Vec<Vec<[f64; 2]>>> = features(&lakes_json)?
        .iter()
        .map(rings_of)
        .collect::<Result<_, _>>()?;
    let lakes: Vec<Ring> = simplify_layer(&lake_features, tolerance_m, &mut report.lakes)
        .into_iter()
        .flatten()
        .collect();

    let centres = read_centres(data)?;
    report.centres = centres.len();

    let mut bounds = rings_bounds(&country).ok_or("the country outline is empty")?;
    for r in &regions {
        bounds = union(bounds, r.bounds().unwrap_or(bounds));
    }
    for c in &centres {
        bounds = union(bounds, [c.x, c.y, c.x, c.y]);
    }
    report.bounds = bounds;

    let map = BaseMap {
        bounds,
        country,
        regions,
        lakes,
        centres,
        attribution: ATTRIBUTION.into(),
    };
    let t = perheopas_core::map::basemap::SvgTransform::km(bounds);
    report.svg_path_chars = perheopas_core::map::basemap::rings_to_svg_path(&map.country, &t).len()
        + map
            .regions
            .iter()
            .map(|r| perheopas_core::map::basemap::rings_to_svg_path(&r.rings, &t).len())
            .sum::<usize>()
        + perheopas_core::map::basemap::rings_to_svg_path(&map.lakes, &t).len();
    Ok((map, report))
}

/// `data/map/NAME` when `data` is the project's data folder, else `data/NAME`.
fn find(data: &Path, name: &str) -> Result<PathBuf, String> {
    [data.join("map").join(name), data.join(name)]
        .into_iter()
        .find(|p| p.is_file())
        .ok_or_else(|| {
            format!(
                "{name} is neither in {}/map nor in {}",
                data.display(),
                data.display()
            )
        })
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn features(v: &Value) -> Result<&Vec<Value>, String> {
    v["features"]
        .as_array()
        .ok_or_else(|| "not a GeoJSON FeatureCollection".to_string())
}

/// All rings of a Polygon or MultiPolygon feature, projected to metres, without the closing
/// duplicate point.
fn rings_of(f: &Value) -> Result<Vec<Vec<[f64; 2]>>, String> {
    let g = &f["geometry"];
    let polys: Vec<&Value> = match g["type"].as_str() {
        Some("Polygon") => vec![&g["coordinates"]],
        Some("MultiPolygon") => g["coordinates"]
            .as_array()
            .ok_or("MultiPolygon without coordinates")?
            .iter()
            .collect(),
        other => {
            return Err(format!(
                "expected a Polygon or MultiPolygon, found {other:?}"
            ))
        }
    };
    let mut out = Vec::new();
    for p in polys {
        for ring in p.as_array().ok_or("polygon without rings")? {
            let mut pts: Vec<[f64; 2]> = ring
                .as_array()
                .ok_or("ring is not an array")?
                .iter()
                .map(|c| match (c[0].as_f64(), c[1].as_f64()) {
                    (Some(lon), Some(lat)) => {
                        let (x, y) = to_tm35(lon, lat);
                        Ok([x, y])
                    }
                    _ => Err(format!("bad coordinate {c}")),
                })
                .collect::<Result<_, String>>()?;
            if pts.len() > 1 && pts.first() == pts.last() {
                pts.pop();
            }
            out.push(pts);
        }
    }
    Ok(out)
}

type Key = (u64, u64);

fn key(p: [f64; 2]) -> Key {
    (p[0].to_bits(), p[1].to_bits())
}

/// Simplifies a layer (features → rings → points, metres) keeping borders shared between rings
/// identical, then snaps to the asset grid and drops degenerate and tiny rings.
pub fn simplify_layer(
    features: &[Vec<Vec<[f64; 2]>>],
    tolerance: f64,
    report: &mut LayerReport,
) -> Vec<Vec<Ring>> {
    let rings: Vec<&Vec<[f64; 2]>> = features.iter().flatten().collect();
    report.rings_in += rings.len();
    report.points_in += rings.iter().map(|r| r.len()).sum::<usize>();

    // 1. Junctions: a vertex seen with different (unordered) neighbour pairs. Shared border
    //    vertices have the same pair in both rings; where borders meet the coast or a third
    //    region, the pairs differ.
    let mut seen: HashMap<Key, ((Key, Key), bool)> = HashMap::new();
    for r in &rings {
        let n = r.len();
        for i in 0..n {
            let (a, b) = (key(r[(i + n - 1) % n]), key(r[(i + 1) % n]));
            let pair = if a <= b { (a, b) } else { (b, a) };
            seen.entry(key(r[i]))
                .and_modify(|(first, junction)| *junction |= *first != pair)
                .or_insert((pair, false));
        }
    }
    let is_junction = |p: [f64; 2]| seen.get(&key(p)).is_some_and(|s| s.1);

    // 2. Cut every ring into arcs between junctions; deduplicate arcs by their canonical direction.
    let mut arc_index: HashMap<Vec<Key>, usize> = HashMap::new();
    let mut arcs: Vec<Vec<[f64; 2]>> = Vec::new();
    // Per ring: (arc, reversed) in order.
    let mut ring_arcs: Vec<Vec<(usize, bool)>> = Vec::new();
    for r in &rings {
        let n = r.len();
        let cuts: Vec<usize> = (0..n).filter(|&i| is_junction(r[i])).collect();
        let pieces: Vec<Vec<[f64; 2]>> = if cuts.is_empty() {
            // A ring of its own (an island, or a border ring with no junction): start at its
            // smallest vertex so identical rings in two features give the identical closed arc.
            let start = (0..n).min_by_key(|&i| key(r[i])).unwrap_or(0);
            vec![(0..=n).map(|k| r[(start + k) % n]).collect()]
        } else {
            (0..cuts.len())
                .map(|c| {
                    let (from, to) = (cuts[c], cuts[(c + 1) % cuts.len()]);
                    let len = (to + n - from) % n;
                    let len = if len == 0 { n } else { len };
                    (0..=len).map(|k| r[(from + k) % n]).collect()
                })
                .collect()
        };
        let mut refs = Vec::new();
        for piece in pieces {
            let fwd: Vec<Key> = piece.iter().map(|&p| key(p)).collect();
            let mut rev = fwd.clone();
            rev.reverse();
            let reversed = rev < fwd;
            let canon = if reversed { rev } else { fwd };
            let id = *arc_index.entry(canon).or_insert_with(|| {
                let mut pts = piece.clone();
                if reversed {
                    pts.reverse();
                }
                arcs.push(pts);
                arcs.len() - 1
            });
            refs.push((id, reversed));
        }
        ring_arcs.push(refs);
    }

    // 3. Simplify each distinct arc once, endpoints fixed. Closed arcs (whole rings) go through
    //    geo's polygon simplification, which never collapses a ring below four points.
    let simplified: Vec<Vec<[f64; 2]>> = arcs
        .iter()
        .map(|a| {
            let ls: LineString<f64> = a.iter().map(|p| Coord { x: p[0], y: p[1] }).collect();
            let out = if a.first() == a.last() {
                Polygon::new(ls, vec![])
                    .simplify(tolerance)
                    .exterior()
                    .clone()
            } else {
                ls.simplify(tolerance)
            };
            out.0.iter().map(|c| [c.x, c.y]).collect()
        })
        .collect();

    // 4. Stitch rings back, snap to the grid, drop repeats, degenerate and tiny rings.
    let mut out = Vec::with_capacity(features.len());
    let mut k = 0;
    for f in features {
        let mut rings_out = Vec::new();
        for _ in f {
            let mut pts: Vec<[i32; 2]> = Vec::new();
            for &(id, reversed) in &ring_arcs[k] {
                let arc = &simplified[id];
                let it: Box<dyn Iterator<Item = &[f64; 2]>> = if reversed {
                    Box::new(arc.iter().rev())
                } else {
                    Box::new(arc.iter())
                };
                // Each arc's first point is the previous arc's last: skip it.
                for p in it.skip(if pts.is_empty() { 0 } else { 1 }) {
                    let q = [snap(p[0]), snap(p[1])];
                    if pts.last() != Some(&q) {
                        pts.push(q);
                    }
                }
            }
            k += 1;
            while pts.len() > 1 && pts.first() == pts.last() {
                pts.pop();
            }
            let ring = Ring(pts);
            if ring.0.len() >= 3 && ring.area2().abs() / 2.0 >= MIN_RING_AREA_M2 {
                report.rings_out += 1;
                report.points_out += ring.0.len();
                rings_out.push(ring);
            }
        }
        out.push(rings_out);
    }
    out
}

/// A point inside the largest ring for the region's name: its centroid when that falls inside
/// (the usual case, and visually the middle), else geo's interior point.
fn label_point(rings: &[Ring]) -> Option<[i32; 2]> {
    let largest = rings
        .iter()
        .max_by(|a, b| a.area2().abs().total_cmp(&b.area2().abs()))?;
    let poly = Polygon::new(
        largest
            .0
            .iter()
            .map(|p| Coord {
                x: p[0] as f64,
                y: p[1] as f64,
            })
            .collect::<LineString<f64>>(),
        vec![],
    );
    if poly.unsigned_area() == 0.0 {
        return None;
    }
    let c = poly
        .centroid()
        .filter(|c| poly.contains(c))
        .or_else(|| poly.interior_point())?;
    let Point(Coord { x, y }) = c;
    Some([x.round() as i32, y.round() as i32])
}

/// Municipality centres from the GeoJSON, with region, wellbeing county and land area from the
/// municipality reference table (`data/reference/municipalities.csv`, or the shared
/// `fi_municipalities_2025.csv`).
fn read_centres(data: &Path) -> Result<Vec<Centre>, String> {
    let json = read_json(&find(data, CENTRES)?)?;
    let csv_path = [
        data.join("reference/municipalities.csv"),
        data.join("fi_municipalities_2025.csv"),
    ]
    .into_iter()
    .find(|p| p.is_file())
    .ok_or_else(|| {
        format!(
            "no municipality table (reference/municipalities.csv) in {}",
            data.display()
        )
    })?;
    let csv =
        std::fs::read_to_string(&csv_path).map_err(|e| format!("{}: {e}", csv_path.display()))?;
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{}: no column {name}", csv_path.display()))
    };
    let (c_code, c_region, c_county, c_land) = (
        col("code")?,
        col("maakunta_code")?,
        col("hva_code")?,
        col("land_km2")?,
    );
    // The reference file has no quoted fields (checked by the catalogue's own reader too).
    let mut facts: HashMap<String, (String, String, u32)> = HashMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split(',').collect();
        let land = f
            .get(c_land)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            .round() as u32;
        facts.insert(
            f[c_code].to_string(),
            (f[c_region].to_string(), f[c_county].to_string(), land),
        );
    }

    let mut out = Vec::new();
    for f in features(&json)? {
        let p = &f["properties"];
        let s = |k: &str| p[k].as_str().unwrap_or_default().to_string();
        let code = s("code");
        let (region, county, land_km2) = facts.get(&code).cloned().ok_or_else(|| {
            format!(
                "{CENTRES}: municipality {code} is not in {}",
                csv_path.display()
            )
        })?;
        let c = &f["geometry"]["coordinates"];
        let (lon, lat) = c[0]
            .as_f64()
            .zip(c[1].as_f64())
            .ok_or_else(|| format!("{CENTRES}: {code} has no point"))?;
        let (x, y) = to_tm35(lon, lat);
        let (name, sv) = (s("name_fi"), s("name_sv"));
        out.push(Centre {
            name_sv: (!sv.is_empty() && sv != name).then_some(sv),
            name,
            code,
            region,
            county,
            x: x.round() as i32,
            y: y.round() as i32,
            population: p["population_2022"].as_u64().unwrap_or(0) as u32,
            land_km2,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square_with_wiggle(x0: f64, wiggles: usize) -> Vec<[f64; 2]> {
        // A 10 km square whose bottom edge zig-zags by ±20 m: DP at 250 m flattens it.
        let mut pts = vec![];
        for i in 0..=wiggles {
            pts.push([
                x0 + 10_000.0 * i as f64 / wiggles as f64,
                if i % 2 == 0 { 0.0 } else { 20.0 },
            ]);
        }
        pts.push([x0 + 10_000.0, 10_000.0]);
        pts.push([x0, 10_000.0]);
        pts
    }

    #[test]
    fn simplification_shrinks_and_keeps_rings_closed_and_valid() {
        let mut rep = LayerReport::default();
        let out = simplify_layer(&[vec![square_with_wiggle(0.0, 40)]], 250.0, &mut rep);
        assert_eq!(rep.points_in, 43);
        assert_eq!(out[0].len(), 1);
        let r = &out[0][0];
        assert!(r.0.len() < 10, "{r:?}");
        assert_eq!(r.0.len(), rep.points_out);
        // "Closed": no repeated closing point (SVG's Z closes), no consecutive duplicates, and the
        // shape still encloses ~10 km × 10 km.
        assert_ne!(r.0.first(), r.0.last());
        assert!(r.0.windows(2).all(|w| w[0] != w[1]));
        assert!(
            (r.area2().abs() / 2.0 - 1.0e8).abs() < 1.0e6,
            "{}",
            r.area2()
        );
        assert!(r
            .0
            .iter()
            .all(|p| p[0] % QUANTUM == 0 && p[1] % QUANTUM == 0));
    }

    #[test]
    fn shared_borders_stay_identical_after_simplification() {
        // Two squares sharing a wiggly vertical border at x = 10 km, listed in opposite directions.
        let border: Vec<[f64; 2]> = (0..=50)
            .map(|i| {
                [
                    10_000.0 + if i % 2 == 1 { 30.0 } else { 0.0 },
                    200.0 * i as f64,
                ]
            })
            .collect();
        let mut left = vec![[0.0, 10_000.0], [0.0, 0.0]];
        left.extend(border.iter().copied());
        let mut right = vec![[20_000.0, 0.0], [20_000.0, 10_000.0]];
        right.extend(border.iter().rev().copied());
        let mut rep = LayerReport::default();
        let out = simplify_layer(&[vec![left], vec![right]], 250.0, &mut rep);
        let on_border = |r: &Ring| {
            let mut v: Vec<[i32; 2]> = r.0.iter().copied().filter(|p| p[0] == 10_000).collect();
            v.sort();
            v
        };
        assert_eq!(on_border(&out[0][0]), on_border(&out[1][0]));
        assert_eq!(on_border(&out[0][0]), vec![[10_000, 0], [10_000, 10_000]]);
        assert!(rep.points_out < rep.points_in / 5, "{rep:?}");
    }

    #[test]
    fn tiny_islands_are_dropped() {
        let island = vec![[0.0, 0.0], [300.0, 0.0], [300.0, 300.0], [0.0, 300.0]];
        let mut rep = LayerReport::default();
        let out = simplify_layer(
            &[vec![square_with_wiggle(50_000.0, 4), island]],
            250.0,
            &mut rep,
        );
        assert_eq!((rep.rings_in, rep.rings_out, out[0].len()), (2, 1, 1));
    }
}
