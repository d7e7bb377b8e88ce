//! `shards`: the catalogue written as a common part and its shards by area (nationwide, each
//! county's, each municipality's: `perheopas_core::asset::shard`), with a manifest naming every
//! file, its area, size and content hash, so a phone can fetch the country as a family needs it
//! (issue 23). Prints the parts' raw and gzip sizes and the time the cut took.
//!
//! `cargo run --profile tool -p perheopas-xtask -- shards --out generated/shards` cuts the
//! catalogue of `data/`; `--services 50000` cuts a generated national one instead.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use perheopas_core::asset;
use perheopas_core::asset::shard::{self, Area};
use perheopas_core::Catalogue;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// `manifest.json`: what the app reads first to know which files make the catalogue.
#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Manifest {
    /// The build the parts were cut from; every part carries the same.
    pub built: String,
    /// The asset format version the parts are written in.
    pub format: u16,
    pub common: Part,
    pub shards: Vec<Part>,
    /// The whole catalogue in one file, written when its shards together are at most
    /// [`WHOLE_BELOW`]: the app then fetches this alone (one download, every search exact from
    /// the first result) and the shards are not used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whole: Option<Part>,
}

/// A region's catalogue (the sample's 750 services are 1.06 MB in 47 shards, 400 KB gzip, and
/// 470 KB / 100 KB whole) is best fetched whole; cutting by area pays at national scale
/// (50 000 services are 27 MB).
pub const WHOLE_BELOW: usize = 2 * 1024 * 1024;

#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Part {
    /// File name beside the manifest.
    pub file: String,
    /// The shard's area (`Area::key`: `wide`, `county-14`, `municipality-422`); `common` for the
    /// common part.
    pub key: String,
    /// County code, for a county's part and its municipalities' (and the county's name for
    /// people reading the manifest is in the common part).
    pub county: Option<String>,
    /// Municipality code, for a municipality's part.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// The codes of the county's municipalities where services are offered locally (none for
    /// the common part): the app offers them as areas before their shard is fetched, and a page
    /// script can pick a family's shard from its municipality.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub municipalities: Vec<String>,
    pub services: usize,
    pub bytes: usize,
}

/// What one run wrote, for printing and for the tests.
pub struct Written {
    pub manifest: Manifest,
    pub gzip: Vec<usize>,
    pub seconds: f64,
}

/// Cuts `cat` and writes the parts and `manifest.json` into `out`, after removing the parts of
/// an earlier build there.
///
/// A part's file name carries the start of its content hash (`county-14.3f9a0c1d.bin`): a
/// changed part is a new address, so browsers and the service worker may keep a part for as long
/// as they like and still never show a stale one.
pub fn write(cat: &Catalogue, out: &Path) -> Result<Written, String> {
    let started = Instant::now();
    let (common, shards) = shard::split(cat);
    let (_, with_services) = cat.places_with_services();
    let mut files = vec![(
        "common".to_string(),
        None,
        None,
        Vec::new(),
        common.services.len(),
        asset::encode(&common),
    )];
    for s in &shards {
        let (county, municipality, municipalities) = match &s.area {
            Area::Wide => (None, None, Vec::new()),
            Area::County(code) => {
                let c = cat
                    .county_by_code(code)
                    .expect("split names only the catalogue's counties");
                let municipalities = with_services
                    .iter()
                    .map(|&m| &cat.municipalities[m as usize])
                    .filter(|m| usize::from(m.county) == c)
                    .map(|m| m.code.clone())
                    .collect();
                (Some(code.clone()), None, municipalities)
            }
            Area::Municipality(code) => {
                let m = cat
                    .municipality_by_code(code)
                    .expect("split names only the catalogue's municipalities");
                let county = &cat.counties[cat.municipalities[m].county as usize].code;
                (Some(county.clone()), Some(code.clone()), Vec::new())
            }
        };
        files.push((
            s.area.key(),
            county,
            municipality,
            municipalities,
            s.services.len(),
            shard::encode(s),
        ));
    }
    let seconds = started.elapsed().as_secs_f64();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    remove_old_parts(out)?;
    let mut parts = Vec::new();
    let mut gzip = Vec::new();
    for (key, county, municipality, municipalities, services, bytes) in files {
        let sha256 = hex(&Sha256::digest(&bytes));
        let file = format!("{key}.{}.bin", &sha256[..8]);
        let path = out.join(&file);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        gzip.push(gzipped(&bytes));
        parts.push(Part {
            file,
            key,
            county,
            municipality,
            municipalities,
            services,
            bytes: bytes.len(),
        });
    }
    let shard_bytes: usize = parts.iter().skip(1).map(|p| p.bytes).sum();
    let whole = if shard_bytes <= WHOLE_BELOW {
        let bytes = asset::encode(cat);
        let sha256 = hex(&Sha256::digest(&bytes));
        let file = format!("whole.{}.bin", &sha256[..8]);
        let path = out.join(&file);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Some(Part {
            file,
            key: "whole".into(),
            county: None,
            municipality: None,
            municipalities: Vec::new(),
            services: cat.services.len(),
            bytes: bytes.len(),
        })
    } else {
        None
    };
    let mut parts = parts.into_iter();
    let manifest = Manifest {
        built: cat.built.clone(),
        format: asset::FORMAT_VERSION,
        common: parts.next().expect("the common part is always written"),
        shards: parts.collect(),
        whole,
    };
    let path = out.join("manifest.json");
    // Compact: the manifest is the first thing every visit fetches.
    let json = serde_json::to_string(&manifest).expect("a manifest always serialises");
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Written {
        manifest,
        gzip,
        seconds,
    })
}

/// The command: cut, write, print.
pub fn run(cat: &Catalogue, out: &Path) -> Result<(), String> {
    let w = write(cat, out)?;
    println!(
        "shards: {} services cut into a common part and {} shards in {:.2} s → {}",
        cat.services.len(),
        w.manifest.shards.len(),
        w.seconds,
        out.display()
    );
    println!(
        "  {:<28} {:>8} {:>10} {:>10}",
        "file", "services", "bytes", "gzip"
    );
    let parts: Vec<&Part> = std::iter::once(&w.manifest.common)
        .chain(&w.manifest.shards)
        .collect();
    // Every part but the municipalities' one by one; those as a summary.
    for (p, gz) in parts.iter().zip(&w.gzip) {
        if p.municipality.is_none() {
            println!(
                "  {:<28} {:>8} {:>10} {:>10}",
                p.file, p.services, p.bytes, gz
            );
        }
    }
    let gzip_of = |key: &str| {
        parts
            .iter()
            .zip(&w.gzip)
            .find(|(p, _)| p.key == key)
            .map_or(0, |(_, g)| *g)
    };
    let mut starts: Vec<(usize, &str)> = parts
        .iter()
        .filter_map(|p| {
            let m = p.municipality.as_deref()?;
            let county = format!("county-{}", p.county.as_deref()?);
            Some((
                w.gzip[0] + gzip_of(&county) + gzip_of(&format!("municipality-{m}")),
                m,
            ))
        })
        .collect();
    starts.sort_unstable();
    let manifest_gzip = gzipped(
        serde_json::to_string(&w.manifest)
            .expect("a manifest always serialises")
            .as_bytes(),
    );
    println!(
        "  {} municipality parts; manifest.json {} bytes gzip",
        starts.len(),
        manifest_gzip
    );
    if let Some(whole) = &w.manifest.whole {
        println!(
            "  small enough to fetch whole: {} ({} bytes) is what the app fetches",
            whole.file, whole.bytes
        );
    }
    if let (Some(median), Some(largest)) = (starts.get(starts.len() / 2), starts.last()) {
        println!(
            "  first results in one municipality (manifest + common + its county's part + its own): median {:.1} KB gzip, largest {:.1} KB ({}); the wide part ({:.1} KB) follows",
            (manifest_gzip + median.0) as f64 / 1024.0,
            (manifest_gzip + largest.0) as f64 / 1024.0,
            largest.1,
            gzip_of("wide") as f64 / 1024.0,
        );
    }
    Ok(())
}

/// The `.bin` files and manifest an earlier run left: a folder of parts is one build's.
fn remove_old_parts(out: &Path) -> Result<(), String> {
    for entry in std::fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".bin") || name == "manifest.json" {
            std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn gzipped(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory").len()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
