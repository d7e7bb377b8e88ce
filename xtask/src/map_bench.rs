//! Map micro-benchmark: projects and clusters `n` service-like points over Finland at three zoom
//! levels, and (when `generated/basemap.bin` exists) decodes the base map and builds its SVG path
//! data. Prints median times; native figures, the browser's drawing time is measured separately.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use perheopas_core::map::basemap::{rings_to_svg_path, BaseMap, SvgTransform};
use perheopas_core::map::cluster::cluster;
use perheopas_core::map::projection::to_tm35;

const RUNS: usize = 31;
/// Cell size of a cluster marker, px: a 44 px touch target.
const CELL_PX: f64 = 44.0;

/// (name, metres per pixel): a phone showing all of Finland, a region, a town.
const ZOOMS: [(&str, f64); 3] = [
    ("country 1 800 m/px", 1800.0),
    ("region 300 m/px", 300.0),
    ("town 20 m/px", 20.0),
];

/// Towns where services concentrate (lat, lon): real centres, so clusters look like real ones.
const TOWNS: [(f64, f64); 20] = [
    (60.1699, 24.9384), // Helsinki
    (60.2055, 24.6559), // Espoo
    (61.4978, 23.7610), // Tampere
    (60.4518, 22.2666), // Turku
    (65.0121, 25.4651), // Oulu
    (62.2426, 25.7473), // Jyväskylä
    (62.8924, 27.6770), // Kuopio
    (60.9827, 25.6612), // Lahti
    (61.4851, 21.7974), // Pori
    (62.5998, 29.7654), // Joensuu
    (61.0550, 28.1897), // Lappeenranta
    (61.6887, 27.2721), // Mikkeli
    (61.8699, 28.8794), // Savonlinna
    (63.0960, 21.6158), // Vaasa
    (66.5039, 25.7294), // Rovaniemi
    (64.2270, 27.7285), // Kajaani
    (63.3118, 30.0409), // Lieksa
    (63.5633, 27.1903), // Iisalmi
    (62.7903, 22.8403), // Seinäjoki
    (60.0973, 19.9348), // Mariehamn
];

/// Deterministic xorshift64*: the same points on every run and machine, no `rand` dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.next().max(1e-12), self.next());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// `n` (lat, lon) points: 70 % around the towns (σ ≈ 8 km), 30 % anywhere in mainland Finland's box.
pub fn points(n: usize) -> Vec<(f64, f64)> {
    let mut r = Rng(0x5EED_2026_0000_0001);
    (0..n)
        .map(|_| {
            if r.next() < 0.7 {
                let (lat, lon) = TOWNS[(r.next() * TOWNS.len() as f64) as usize % TOWNS.len()];
                (lat + r.normal() * 0.07, lon + r.normal() * 0.14)
            } else {
                (60.0 + r.next() * 9.8, 21.5 + r.next() * 9.5)
            }
        })
        .collect()
}

fn median_us(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..RUNS)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[RUNS / 2]
}

pub fn run(n: usize) {
    run_with(n, Path::new("generated/basemap.bin"));
}

/// As [`run`], timing the base map at `basemap` (the path is relative to the working directory).
pub fn run_with(n: usize, basemap: &Path) {
    let pts = points(n);
    println!("map benchmark: {n} points, median of {RUNS} runs (native, this machine)");
    let project = median_us(|| {
        let v: Vec<(u32, f64, f64)> = pts
            .iter()
            .enumerate()
            .map(|(i, &(lat, lon))| {
                let (x, y) = to_tm35(lon, lat);
                (i as u32, x, y)
            })
            .collect();
        black_box(v);
    });
    println!("  {:<28} {:>9.1} µs", "project to TM35FIN", project);
    let projected: Vec<(u32, f64, f64)> = pts
        .iter()
        .enumerate()
        .map(|(i, &(lat, lon))| {
            let (x, y) = to_tm35(lon, lat);
            (i as u32, x, y)
        })
        .collect();
    for (name, mpp) in ZOOMS {
        let clusters = cluster(&projected, mpp, CELL_PX).len();
        let t = median_us(|| {
            black_box(cluster(black_box(&projected), mpp, CELL_PX));
        });
        println!(
            "  {:<28} {:>9.1} µs  → {clusters} clusters",
            format!("cluster {name}"),
            t
        );
    }

    match std::fs::read(basemap) {
        Ok(bytes) => match BaseMap::decode(&bytes) {
            Ok(map) => {
                let decode = median_us(|| {
                    black_box(BaseMap::decode(black_box(&bytes)).ok());
                });
                println!(
                    "  {:<28} {:>9.1} µs  ({} bytes)",
                    "decode base map",
                    decode,
                    bytes.len()
                );
                let t = SvgTransform::fit(map.bounds, 412.0, 915.0, 8.0);
                let mut chars = 0;
                let paths = median_us(|| {
                    chars = rings_to_svg_path(&map.country, &t).len()
                        + map
                            .regions
                            .iter()
                            .map(|r| rings_to_svg_path(&r.rings, &t).len())
                            .sum::<usize>()
                        + rings_to_svg_path(&map.lakes, &t).len();
                });
                println!(
                    "  {:<28} {:>9.1} µs  ({chars} chars at 412×915)",
                    "base map SVG path data", paths
                );
            }
            Err(e) => println!("  {}: {e}", basemap.display()),
        },
        Err(_) => println!(
            "  (no {}: run `basemap --out generated/basemap.bin` to time the base map)",
            basemap.display()
        ),
    }
}
