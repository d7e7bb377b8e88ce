//! `shards`: the catalogue written as a common part and one shard per wellbeing services county
//! (`perheopas_core::asset::shard`), with a manifest naming every file, its county, size and
//! content hash, so a phone can fetch the country a county at a time (issue 23). Prints each
//! part's raw and gzip size and the time the cut took.
//!
//! `cargo run --profile tool -p perheopas-xtask -- shards --out generated/shards` cuts the
//! catalogue of `data/`; `--services 50000` cuts a generated national one instead.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use perheopas_core::asset::{self, shard};
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
}

#[derive(Debug, Serialize, serde::Deserialize, PartialEq)]
pub struct Part {
    /// File name beside the manifest.
    pub file: String,
    /// County code; none for the common part.
    pub county: Option<String>,
    /// The codes of the county's municipalities where services are offered locally (none for
    /// the common part): the app offers them as areas before their shard is fetched, and a page
    /// script can pick a family's shard from its municipality.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub municipalities: Vec<String>,
    pub services: usize,
    pub bytes: usize,
    /// Hex SHA-256 of the file: a cached copy with the same hash need not be fetched again.
    pub sha256: String,
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
        Vec::new(),
        common.services.len(),
        asset::encode(&common),
    )];
    for s in &shards {
        let c = cat
            .county_by_code(&s.county)
            .expect("split names only the catalogue's counties");
        let municipalities = with_services
            .iter()
            .map(|&m| &cat.municipalities[m as usize])
            .filter(|m| usize::from(m.county) == c)
            .map(|m| m.code.clone())
            .collect();
        files.push((
            format!("county-{}", s.county),
            Some(s.county.clone()),
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
    for (stem, county, municipalities, services, bytes) in files {
        let sha256 = hex(&Sha256::digest(&bytes));
        let file = format!("{stem}.{}.bin", &sha256[..8]);
        let path = out.join(&file);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        gzip.push(gzipped(&bytes));
        parts.push(Part {
            file,
            county,
            municipalities,
            services,
            bytes: bytes.len(),
            sha256,
        });
    }
    let mut parts = parts.into_iter();
    let manifest = Manifest {
        built: cat.built.clone(),
        format: asset::FORMAT_VERSION,
        common: parts.next().expect("the common part is always written"),
        shards: parts.collect(),
    };
    let path = out.join("manifest.json");
    let json = serde_json::to_string_pretty(&manifest).expect("a manifest always serialises");
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
        "shards: {} services cut into a common part and {} county shards in {:.2} s → {}",
        cat.services.len(),
        w.manifest.shards.len(),
        w.seconds,
        out.display()
    );
    println!(
        "  {:<20} {:>8} {:>10} {:>10}",
        "file", "services", "bytes", "gzip"
    );
    let parts = std::iter::once(&w.manifest.common).chain(&w.manifest.shards);
    for (p, gz) in parts.zip(&w.gzip) {
        println!(
            "  {:<20} {:>8} {:>10} {:>10}",
            p.file, p.services, p.bytes, gz
        );
    }
    let largest = w.gzip[1..].iter().max().copied().unwrap_or(0);
    println!(
        "  a start in one county: common part + its shard ≤ {:.1} KB gzip",
        (w.gzip[0] + largest) as f64 / 1024.0
    );
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
