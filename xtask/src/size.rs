//! Size report of a built site: raw, gzip and brotli bytes of every file, and the totals.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

fn gzip(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap().len()
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).unwrap();
    out.len()
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

pub fn run(dir: &Path, save: Option<&str>, compare: Option<&str>) -> Result<(), String> {
    let mut paths = Vec::new();
    files(dir, &mut paths).map_err(|e| format!("{}: {e}", dir.display()))?;
    paths.sort();
    let old: Option<BTreeMap<String, [usize; 3]>> = compare
        .map(|n| {
            std::fs::read_to_string(format!("target/bench/size-{n}.json"))
                .map_err(|e| format!("baseline {n}: {e}"))
        })
        .transpose()?
        .map(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        .transpose()?;
    let mut report: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut total = [0usize; 3];
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    for p in paths {
        let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p.strip_prefix(dir).unwrap().to_string_lossy().to_string();
        let row = [bytes.len(), gzip(&bytes), brotli(&bytes)];
        for i in 0..3 {
            total[i] += row[i];
        }
        // Hashed names change every build; compare by the name without the hash.
        let key = strip_hash(&name);
        let versus = old
            .as_ref()
            .and_then(|o| o.get(&key))
            .map_or(String::new(), |b| {
                format!("  gzip {:+}", row[1] as i64 - b[1] as i64)
            });
        println!(
            "{name:<48} {:>10} {:>10} {:>10}{versus}",
            row[0], row[1], row[2]
        );
        report.insert(key, row);
    }
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "total", total[0], total[1], total[2]
    );
    if let Some(n) = save {
        std::fs::create_dir_all("target/bench").map_err(|e| e.to_string())?;
        std::fs::write(
            format!("target/bench/size-{n}.json"),
            serde_json::to_string_pretty(&report).unwrap(),
        )
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `perheopas-9f86d081884c7d65_bg.wasm` → `perheopas_bg.wasm`: Trunk's 16-digit hash removed.
fn strip_hash(name: &str) -> String {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'-' && b.len() >= i + 17 && b[i + 1..i + 17].iter().all(u8::is_ascii_hexdigit) {
            return format!("{}{}", &name[..i], &name[i + 17..]);
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_are_stripped_from_names() {
        assert_eq!(
            super::strip_hash("perheopas-9f86d081884c7d65_bg.wasm"),
            "perheopas_bg.wasm"
        );
        assert_eq!(super::strip_hash("style-0123456789abcdef.css"), "style.css");
        assert_eq!(super::strip_hash("sw.js"), "sw.js");
        assert_eq!(super::strip_hash("icon-192.png"), "icon-192.png");
    }
}
