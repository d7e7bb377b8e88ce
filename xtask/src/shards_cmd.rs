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

/// Cuts `cat` and writes the parts and `manifest.json` into `out`.
pub fn write(cat: &Catalogue, out: &Path) -> Result<Written, String> {
    let started = Instant::now();
    let (common, shards) = shard::split(cat);
    let mut files = vec![(
        "common.bin".to_string(),
        None,
        common.services.len(),
        asset::encode(&common),
    )];
    for s in &shards {
        files.push((
            format!("county-{}.bin", s.county),
            Some(s.county.clone()),
            s.services.len(),
            shard::encode(s),
        ));
    }
    let seconds = started.elapsed().as_secs_f64();
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut parts = Vec::new();
    let mut gzip = Vec::new();
    for (file, county, services, bytes) in files {
        let path = out.join(&file);
        std::fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        gzip.push(gzipped(&bytes));
        parts.push(Part {
            file,
            county,
            services,
            bytes: bytes.len(),
            sha256: hex(&Sha256::digest(&bytes)),
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

fn gzipped(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory").len()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
