//! Base map build and map benchmark, tested on the project's real `data/map` files: the output
//! decodes, covers Finland, stays small, keeps region borders shared, and "which municipality"
//! gives the right answers at known places. Also measures what the tolerance and the size weighting
//! buy, printing the tables quoted in the source comments (`cargo test --test basemap -- --nocapture`).

use perheopas_xtask::{basemap, map_bench};

use std::path::PathBuf;
use std::sync::OnceLock;

use perheopas_core::map::basemap::BaseMap;
use perheopas_core::map::locate::{nearest_centre, which_municipality, SIZE_EXPONENT};
use perheopas_core::map::projection::{latlon_to_tm35, tm35_to_latlon};
use perheopas_core::model::{Catalogue, Municipality, Text};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Built once per test run, into target/, never into generated/ (see `write_generated_basemap`).
fn built() -> &'static (BaseMap, basemap::BaseMapReport) {
    static B: OnceLock<(BaseMap, basemap::BaseMapReport)> = OnceLock::new();
    B.get_or_init(|| {
        let out = root().join("target/test-basemap/basemap.bin");
        let report = basemap::build_basemap(&root().join("data"), &out).expect("base map builds");
        let map = BaseMap::decode(&std::fs::read(&out).unwrap()).expect("base map decodes");
        (map, report)
    })
}

/// The catalogue's municipalities as the compiler makes them (code, name, centre), from the CSV.
fn catalogue() -> Catalogue {
    let csv = std::fs::read_to_string(root().join("data/reference/municipalities.csv")).unwrap();
    let mut cat = Catalogue::default();
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        cat.municipalities.push(Municipality {
            code: f[0].into(),
            name: Text::fi(f[1]),
            county: 0,
            centre: (f[13].parse().unwrap(), f[14].parse().unwrap()),
        });
    }
    cat
}

#[test]
fn output_decodes_covers_finland_and_is_small() {
    let (map, r) = built();
    let b = map.bounds;
    // Åland's west edge is near x 80 000, Nuorgam near y 7 780 000.
    assert!(b[0] > 50_000 && b[0] < 120_000, "{b:?}");
    assert!(b[2] > 700_000 && b[2] < 760_000, "{b:?}");
    assert!(b[1] > 6_600_000 && b[1] < 6_650_000, "{b:?}");
    assert!(b[3] > 7_750_000 && b[3] < 7_800_000, "{b:?}");
    assert_eq!(map.regions.len(), 19);
    assert_eq!(map.centres.len(), 308);
    assert_eq!(map.lakes.len(), r.lakes.rings_out);
    assert!(map.lakes.len() >= 10, "{}", map.lakes.len());
    assert!(map.country.len() >= 2);
    assert!(r.gzip_bytes <= 60_000, "{r:?}");
    // Every point simplification kept is on the 100 m grid and inside the bounds.
    let all_rings = map
        .country
        .iter()
        .chain(map.lakes.iter())
        .chain(map.regions.iter().flat_map(|g| g.rings.iter()));
    for ring in all_rings {
        assert!(ring.0.len() >= 3);
        for p in &ring.0 {
            assert!(p[0] % 100 == 0 && p[1] % 100 == 0);
            assert!(p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3]);
        }
    }
    // The sources are already generalised (1:10 million), so 250 m removes about a third.
    assert!(
        r.regions.points_out * 10 < r.regions.points_in * 7,
        "{:?}",
        r.regions
    );
}

#[test]
fn regions_have_names_labels_inside_and_shared_borders() {
    let (map, _) = built();
    let mut codes: Vec<&str> = map.regions.iter().map(|r| r.code.as_str()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 19);
    for r in &map.regions {
        assert!(!r.name_fi.is_empty() && !r.name_sv.is_empty() && !r.name_en.is_empty());
        assert!(
            r.contains(r.label[0] as f64, r.label[1] as f64),
            "label of {} is outside it",
            r.name_fi
        );
    }
    let pk = map.region("12").unwrap();
    assert_eq!(
        (
            pk.name_fi.as_str(),
            pk.name_sv.as_str(),
            pk.name_en.as_str()
        ),
        ("Pohjois-Karjala", "Norra Karelen", "North Karelia")
    );
    // Pohjois-Karjala and Pohjois-Savo share a border: after simplification they still share the
    // very same vertices (a dozen or more), so no gap or sliver opens between them.
    let ps = map.region("11").unwrap();
    let a: std::collections::HashSet<[i32; 2]> =
        pk.rings.iter().flat_map(|r| r.0.iter().copied()).collect();
    let shared = ps
        .rings
        .iter()
        .flat_map(|r| r.0.iter())
        .filter(|p| a.contains(*p))
        .count();
    assert!(shared >= 10, "only {shared} shared vertices");
    // Joensuu's centre lies in Pohjois-Karjala, Kuopio's in Pohjois-Savo, Mariehamn's in Åland.
    for (code, region) in [
        ("167", "12"),
        ("297", "11"),
        ("478", "21"),
        ("091", "01"),
        ("698", "19"),
    ] {
        let c = map.centre(code).unwrap();
        assert_eq!(
            map.region_at(c.x as f64, c.y as f64)
                .map(|r| r.code.as_str()),
            Some(region),
            "{}",
            c.name
        );
        assert_eq!(c.region, region);
    }
}

#[test]
fn centres_carry_facts_and_counties_get_extents() {
    let (map, _) = built();
    let lieksa = map.centre("422").unwrap();
    assert_eq!(
        (
            lieksa.name.as_str(),
            lieksa.region.as_str(),
            lieksa.county.as_str()
        ),
        ("Lieksa", "12", "14")
    );
    assert_eq!(lieksa.population, 10_372);
    assert_eq!(lieksa.land_km2, 3418);
    assert_eq!(
        map.centre("091").unwrap().name_sv.as_deref(),
        Some("Helsingfors")
    );
    assert_eq!(lieksa.name_sv, None);
    let (lat, lon) = tm35_to_latlon(lieksa.x as f64, lieksa.y as f64);
    assert!((lat - 63.31184).abs() < 1e-4 && (lon - 30.04088).abs() < 1e-4);
    // Siun sote (county 14) is the whole of Pohjois-Karjala: the region's outline.
    assert_eq!(map.county_bounds("14"), map.region("12").unwrap().bounds());
    // Helsinki (county 90) is part of Uusimaa: a box around its centre, inside Uusimaa's extent.
    let h = map.county_bounds("90").unwrap();
    let u = map.region("01").unwrap().bounds().unwrap();
    assert!(h[2] - h[0] < 60_000 && h[0] > u[0] - 20_000 && h[2] < u[2]);
}

#[test]
fn which_municipality_at_known_places() {
    let (map, _) = built();
    let cat = catalogue();
    let name = |l: Option<perheopas_core::map::locate::Located>| {
        cat.municipalities[l.unwrap().municipality as usize]
            .name
            .fi
            .clone()
    };
    // (place, lat, lon, municipality)
    let places = [
        ("central Lieksa", 63.3190, 30.0250, "Lieksa"),
        ("Ukko-Koli", 63.0975, 29.8066, "Lieksa"),
        ("Olavinlinna", 61.8644, 28.9003, "Savonlinna"),
        ("Kuopio market square", 62.8924, 27.6780, "Kuopio"),
        ("Puijo tower", 62.9094, 27.6556, "Kuopio"),
        ("Joensuu railway station", 62.5985, 29.7760, "Joensuu"),
        ("Helsinki Senate Square", 60.1693, 24.9522, "Helsinki"),
        ("Mariehamn harbour", 60.0940, 19.9280, "Maarianhamina"),
        (
            "Rovaniemi Santa Claus village",
            66.5436,
            25.8473,
            "Rovaniemi",
        ),
        ("Mikkeli market square", 61.6886, 27.2723, "Mikkeli"),
        ("Nurmes centre", 63.5440, 29.1370, "Nurmes"),
    ];
    for (place, lat, lon, want) in places {
        let got = which_municipality(&cat, map, (lat, lon));
        assert!(got.unwrap().in_region, "{place}");
        assert_eq!(name(got), want, "{place}");
    }
    // At sea between Åland and Sweden: no region, nearest centre, flagged.
    let sea = which_municipality(&cat, map, (59.95, 19.0)).unwrap();
    assert!(!sea.in_region);
    assert_eq!(sea, nearest_centre(&cat, (59.95, 19.0)).unwrap());
}

/// Measures how often the size-weighted nearest centre lies in the region that really contains a
/// random point (Natural Earth region polygons as ground truth), for several exponents. The only
/// boundary truth the project has; it scores the border placement the weighting is meant to fix.
#[test]
fn size_weighting_exponent_is_the_measured_best() {
    let (map, _) = built();
    let radius: Vec<f64> = map.centres.iter().map(|c| c.radius_km() * 1000.0).collect();
    let mut s = 0x1234_5678_9ABC_DEF1u64;
    let mut rnd = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let b = map.bounds;
    let mut pts = Vec::new();
    while pts.len() < 12_000 {
        let (x, y) = (
            b[0] as f64 + rnd() * (b[2] - b[0]) as f64,
            b[1] as f64 + rnd() * (b[3] - b[1]) as f64,
        );
        if let Some(r) = map.region_at(x, y) {
            pts.push((x, y, r.code.clone()));
        }
    }
    let mut table = Vec::new();
    for alpha in [0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0] {
        let w: Vec<f64> = radius.iter().map(|r| r.powf(alpha)).collect();
        let hits = pts
            .iter()
            .filter(|(x, y, region)| {
                let best = map
                    .centres
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        (
                            i,
                            ((c.x as f64 - x).powi(2) + (c.y as f64 - y).powi(2)).sqrt() / w[i],
                        )
                    })
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .unwrap()
                    .0;
                &map.centres[best].region == region
            })
            .count();
        table.push((alpha, hits as f64 / pts.len() as f64));
    }
    println!("size exponent → share of random points whose chosen centre is in the right region");
    for (a, share) in &table {
        println!("  {a:.2}  {:.1} %", share * 100.0);
    }
    let best = table.iter().map(|t| t.1).fold(0.0, f64::max);
    let ours = table
        .iter()
        .find(|t| (t.0 - SIZE_EXPONENT).abs() < 1e-9)
        .unwrap()
        .1;
    assert!(
        ours >= best - 0.005,
        "SIZE_EXPONENT {SIZE_EXPONENT} scores {ours}, best {best}: {table:?}"
    );
    assert!(
        ours > table[0].1,
        "weighting must beat plain nearest: {table:?}"
    );
}

/// What each tolerance costs, for the choice of `TOLERANCE_M` (printed with --nocapture).
#[test]
fn tolerance_table() {
    let data = root().join("data");
    let mut rows = Vec::new();
    for tol in [0.0, 100.0, 250.0, 500.0, 1000.0] {
        let (map, r) = basemap::build(&data, tol).unwrap();
        let bytes = map.encode();
        let points = r.country.points_out + r.regions.points_out + r.lakes.points_out;
        rows.push((
            tol,
            points,
            bytes.len(),
            basemap::gzip_len(&bytes),
            r.svg_path_chars,
        ));
    }
    println!("tolerance m | points | raw bytes | gzip bytes | SVG path chars");
    for (t, p, raw, gz, svg) in &rows {
        println!("{t:>11} | {p:>6} | {raw:>9} | {gz:>10} | {svg:>8}");
    }
    assert!(
        rows.windows(2)
            .all(|w| w[1].1 <= w[0].1 && w[1].3 <= w[0].3),
        "{rows:?}"
    );
}

#[test]
fn points_for_the_benchmark_are_in_finland_and_deterministic() {
    let a = map_bench::points(5000);
    assert_eq!(a, map_bench::points(5000));
    assert_eq!(a.len(), 5000);
    let (map, _) = built();
    let inside = a
        .iter()
        .filter(|&&(lat, lon)| {
            let (x, y) = latlon_to_tm35((lat, lon));
            map.region_at(x, y).is_some()
        })
        .count();
    assert!(inside > 4000, "{inside}");
    // And the benchmark itself runs (small n keeps the test fast).
    map_bench::run_with(500, &root().join("target/test-basemap/basemap.bin"));
}

/// Writes `generated/basemap.bin` for the app: `cargo test -p perheopas-xtask --test basemap -- --ignored`
/// (the `basemap --out` subcommand does the same once it is wired into main.rs).
#[test]
#[ignore]
fn write_generated_basemap() {
    let out = root().join("generated/basemap.bin");
    let r = basemap::build_basemap(&root().join("data"), &out).unwrap();
    assert!(r.gzip_bytes <= 60_000);
}

/// Writes preview SVGs (whole country at 412×915, Pohjois-Karjala at 1080×1080, both with 5 000
/// clustered benchmark points) into target/test-basemap/ to look at the simplification:
/// `cargo test -p perheopas-xtask --test basemap preview -- --ignored`.
#[test]
#[ignore]
fn preview_svgs() {
    use perheopas_core::map::basemap::{rings_to_svg_path, SvgTransform};
    use perheopas_core::map::cluster::cluster;
    let (map, _) = built();
    let pts: Vec<(u32, f64, f64)> = map_bench::points(5000)
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let (x, y) = latlon_to_tm35(p);
            (i as u32, x, y)
        })
        .collect();
    let views = [
        ("country", map.bounds, 412.0, 915.0),
        (
            "pohjois-karjala",
            map.county_bounds("14").unwrap(),
            1080.0,
            1080.0,
        ),
    ];
    for (name, bounds, w, h) in views {
        let t = SvgTransform::fit(bounds, w, h, 8.0);
        let mut svg = format!("<svg xmlns='http://www.w3.org/2000/svg' width='{w}' height='{h}' viewBox='0 0 {w} {h}'>");
        svg += "<rect width='100%' height='100%' fill='#dcecf5'/>";
        for r in &map.regions {
            svg += &format!("<path d='{}' fill='#f4f1e8' stroke='#9a8f7a' stroke-width='0.8' fill-rule='evenodd'/>", rings_to_svg_path(&r.rings, &t));
        }
        svg += &format!(
            "<path d='{}' fill='#b8d8ea' stroke='#7aa7c2' stroke-width='0.5' fill-rule='evenodd'/>",
            rings_to_svg_path(&map.lakes, &t)
        );
        svg += &format!(
            "<path d='{}' fill='none' stroke='#444' stroke-width='1'/>",
            rings_to_svg_path(&map.country, &t)
        );
        for r in &map.regions {
            let (x, y) = t.apply(r.label[0] as f64, r.label[1] as f64);
            svg += &format!("<text x='{x:.1}' y='{y:.1}' font-size='10' text-anchor='middle' font-family='sans-serif'>{}</text>", r.name_fi);
        }
        for c in cluster(&pts, t.metres_per_unit(), 44.0) {
            let (x, y) = t.apply(c.x, c.y);
            let rad = 6.0 + (c.len() as f64).log10() * 5.0;
            svg += &format!(
                "<circle cx='{x:.1}' cy='{y:.1}' r='{rad:.1}' fill='#0b5fff' fill-opacity='0.8'/>"
            );
            if c.len() > 1 {
                svg += &format!("<text x='{x:.1}' y='{:.1}' font-size='9' fill='white' text-anchor='middle' font-family='sans-serif'>{}</text>", y + 3.0, c.len());
            }
        }
        svg += "</svg>";
        std::fs::write(root().join(format!("target/test-basemap/{name}.svg")), svg).unwrap();
    }
}

/// The benchmark at full size, optimised:
/// `cargo test --profile tool -p perheopas-xtask --test basemap map_bench_5000 -- --ignored --nocapture`.
#[test]
#[ignore]
fn map_bench_5000() {
    map_bench::run_with(5000, &root().join("generated/basemap.bin"));
}
