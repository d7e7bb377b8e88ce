//! Grid clustering of map markers: points that would overlap on screen at the current scale are
//! drawn as one cluster with a count, so thousands of services stay readable and cheap to draw.
//!
//! The grid is anchored at the projection's origin, not at the view, so panning does not reshuffle
//! clusters; only a change of scale does. One pass puts points into cells (hash map, O(n)), a second
//! merges neighbouring cells whose centroids ended up closer than half a cell, which removes most of
//! the "two clusters touching across a cell edge" artefacts of plain grids. Output order is the
//! order in which cells first appear in the input, so it is deterministic for a given input and does
//! not depend on hash seeds.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A group of markers drawn as one. Coordinates are TM35FIN metres.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster<T> {
    /// Mean position of the members: where the cluster marker goes.
    pub x: f64,
    pub y: f64,
    /// Member ids in input order.
    pub ids: Vec<T>,
    /// Extent of the members (min x, min y, max x, max y): "zoom to this cluster".
    pub bounds: [f64; 4],
}

impl<T> Cluster<T> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Clusters `points` (id, x, y in metres) for a view of `metres_per_px`, so that markers closer
/// than about `cell_px` pixels share a cluster. Non-finite points are skipped (they have no place).
/// A `cell_px` or scale of zero or less gives one cluster per distinct position.
pub fn cluster<T: Copy>(
    points: &[(T, f64, f64)],
    metres_per_px: f64,
    cell_px: f64,
) -> Vec<Cluster<T>> {
    let cell = metres_per_px * cell_px;
    // Without a positive cell size, fall back to 1 mm cells: only coincident points merge.
    let cell = if cell.is_finite() && cell > 0.0 {
        cell
    } else {
        0.001
    };
    let key = |x: f64, y: f64| ((x / cell).floor() as i64, (y / cell).floor() as i64);

    // Pass 1: bucket into cells, accumulating sums for the centroid.
    let mut cells: HashMap<(i64, i64), usize, BuildHasherDefault<CellHasher>> =
        HashMap::with_capacity_and_hasher(points.len().min(1 << 16), Default::default());
    let mut acc: Vec<Acc<T>> = Vec::new();
    for &(id, x, y) in points {
        if !x.is_finite() || !y.is_finite() {
            continue;
        }
        let k = key(x, y);
        let i = *cells.entry(k).or_insert_with(|| {
            acc.push(Acc::new(k));
            acc.len() - 1
        });
        acc[i].add(id, x, y);
    }

    // Pass 2: merge with later neighbours (8 surrounding cells) whose centroid is within half a
    // cell. Only later cells are absorbed, so each pair is looked at once and the result does not
    // depend on the hash map's iteration order.
    let near = (cell * 0.5) * (cell * 0.5);
    for i in 0..acc.len() {
        if acc[i].absorbed {
            continue;
        }
        let (cx, cy) = acc[i].cell;
        for dx in -1..=1 {
            for dy in -1..=1 {
                if dx == 0 && dy == 0 {
                    continue;
                }
                let Some(&j) = cells.get(&(cx + dx, cy + dy)) else {
                    continue;
                };
                if j <= i || acc[j].absorbed {
                    continue;
                }
                let (ax, ay) = acc[i].centroid();
                let (bx, by) = acc[j].centroid();
                if (ax - bx) * (ax - bx) + (ay - by) * (ay - by) < near {
                    let other = std::mem::replace(&mut acc[j], Acc::new((0, 0)));
                    acc[j].absorbed = true;
                    acc[i].merge(other);
                }
            }
        }
    }

    acc.into_iter()
        .filter(|a| !a.absorbed)
        .map(|a| {
            let (x, y) = a.centroid();
            Cluster {
                x,
                y,
                ids: a.ids,
                bounds: a.bounds,
            }
        })
        .collect()
}

struct Acc<T> {
    cell: (i64, i64),
    sx: f64,
    sy: f64,
    ids: Vec<T>,
    bounds: [f64; 4],
    absorbed: bool,
}

impl<T> Acc<T> {
    fn new(cell: (i64, i64)) -> Self {
        let bounds = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        Acc {
            cell,
            sx: 0.0,
            sy: 0.0,
            ids: Vec::new(),
            bounds,
            absorbed: false,
        }
    }

    fn add(&mut self, id: T, x: f64, y: f64) {
        self.sx += x;
        self.sy += y;
        self.ids.push(id);
        self.bounds = [
            self.bounds[0].min(x),
            self.bounds[1].min(y),
            self.bounds[2].max(x),
            self.bounds[3].max(y),
        ];
    }

    fn merge(&mut self, o: Acc<T>) {
        self.sx += o.sx;
        self.sy += o.sy;
        self.ids.extend(o.ids);
        self.bounds = [
            self.bounds[0].min(o.bounds[0]),
            self.bounds[1].min(o.bounds[1]),
            self.bounds[2].max(o.bounds[2]),
            self.bounds[3].max(o.bounds[3]),
        ];
    }

    fn centroid(&self) -> (f64, f64) {
        let n = self.ids.len().max(1) as f64;
        (self.sx / n, self.sy / n)
    }
}

/// A fixed, fast hasher for cell keys: SipHash's flood resistance is not needed for map cells, and
/// a fixed hasher keeps behaviour identical natively and in Wasm.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }

    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        // FxHash's mixing step (rustc-hash), good enough for small integer keys.
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::projection::to_tm35;

    fn ids<T: Copy + Ord>(c: &Cluster<T>) -> Vec<T> {
        let mut v = c.ids.clone();
        v.sort();
        v
    }

    #[test]
    fn nearby_points_share_a_cluster_and_far_ones_do_not() {
        // Joensuu centre, a point 300 m away, and Lieksa 80 km north.
        let (jx, jy) = to_tm35(29.7654, 62.5998);
        let (lx, ly) = to_tm35(30.04088, 63.31184);
        let pts = [(1u32, jx, jy), (2, jx + 300.0, jy), (3, lx, ly)];
        // Whole-country view on a phone: ~1 700 m per px, 40 px cells = 68 km: Lieksa stays apart.
        let c = cluster(&pts, 1700.0, 40.0);
        assert_eq!(c.len(), 2);
        assert_eq!(ids(&c[0]), vec![1, 2]);
        assert_eq!(ids(&c[1]), vec![3]);
        // Street level, 2 m per px: 80 m cells split the Joensuu pair.
        assert_eq!(cluster(&pts, 2.0, 40.0).len(), 3);
        // Very coarse: everything together, centroid the mean.
        let all = cluster(&pts, 10_000.0, 40.0);
        assert_eq!(all.len(), 1);
        assert!((all[0].x - (2.0 * jx + 300.0 + lx) / 3.0).abs() < 1e-6);
        assert_eq!(all[0].bounds, [jx, jy.min(ly), lx.max(jx + 300.0), ly]);
    }

    #[test]
    fn points_either_side_of_a_cell_edge_merge() {
        // 10 m apart but on both sides of the x = 1000 m grid line with 1 000 m cells.
        let pts = [(0u32, 995.0, 500.0), (1, 1005.0, 500.0)];
        let c = cluster(&pts, 25.0, 40.0);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].ids, vec![0, 1]);
        assert_eq!((c[0].x, c[0].y), (1000.0, 500.0));
    }

    #[test]
    fn every_point_is_in_exactly_one_cluster_and_output_is_deterministic() {
        // 5 000 pseudo-random points over Finland's extent (xorshift, fixed seed).
        let mut s = 0x9E37_79B9_7F4A_7C15u64;
        let mut rnd = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        let pts: Vec<(u32, f64, f64)> = (0..5000)
            .map(|i| {
                (
                    i,
                    80_000.0 + rnd() * 660_000.0,
                    6_630_000.0 + rnd() * 1_150_000.0,
                )
            })
            .collect();
        for mpp in [2000.0, 400.0, 50.0] {
            let a = cluster(&pts, mpp, 44.0);
            let b = cluster(&pts, mpp, 44.0);
            assert_eq!(a, b);
            let mut seen = vec![false; pts.len()];
            for c in &a {
                for &id in &c.ids {
                    assert!(!seen[id as usize], "id {id} twice");
                    seen[id as usize] = true;
                }
                assert!(
                    c.bounds[0] <= c.x
                        && c.x <= c.bounds[2]
                        && c.bounds[1] <= c.y
                        && c.y <= c.bounds[3]
                );
            }
            assert!(seen.iter().all(|&s| s));
        }
        // Fewer, bigger clusters as the view zooms out.
        let counts: Vec<usize> = [50.0, 400.0, 2000.0]
            .iter()
            .map(|&m| cluster(&pts, m, 44.0).len())
            .collect();
        assert!(counts[0] > counts[1] && counts[1] > counts[2], "{counts:?}");
    }

    #[test]
    fn degenerate_input() {
        assert!(cluster::<u32>(&[], 100.0, 40.0).is_empty());
        let pts = [(7u32, 1.0, 1.0), (8, 1.0, 1.0), (9, f64::NAN, 1.0)];
        let c = cluster(&pts, 0.0, 40.0);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].ids, vec![7, 8]);
        // Negative coordinates floor correctly (cells are not mirrored around zero).
        let c = cluster(&[(1u32, -10.0, 0.0), (2, 10.0, 0.0)], 1.0, 5.0);
        assert_eq!(c.len(), 2);
    }
}
