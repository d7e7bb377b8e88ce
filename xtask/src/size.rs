//! Size report of a built site: raw, gzip and brotli bytes of every file, the totals, the
//! first-screen download (HTML, JS glue and Wasm) against its budget, and what the Wasm is made of
//! ([`crate::wasm_breakdown`]).

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

/// What `size` is asked for besides the file table.
#[derive(Debug, Default)]
pub struct SizeOptions<'a> {
    pub save: Option<&'a str>,
    pub compare: Option<&'a str>,
    /// The unoptimised module with its name section, for the breakdown by crate and function.
    pub wasm: Option<&'a Path>,
    /// Fail when the first-screen download passes this many KB (1 000 bytes) gzip.
    pub budget_kb: Option<usize>,
}

/// Whether a shipped file is part of what a family downloads before the first screen works:
/// the page, the app's JS glue and its Wasm (the catalogue is counted on its own).
pub fn first_screen(name: &str) -> bool {
    let key = strip_hash(name);
    key == "index.html" || key == "perheopas.js" || key == "perheopas_bg.wasm"
}

pub fn run(dir: &Path, opts: &SizeOptions) -> Result<(), String> {
    let (save, compare) = (opts.save, opts.compare);
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
    let mut first = [0usize; 3];
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
            if first_screen(&name) {
                first[i] += row[i];
            }
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
    println!(
        "{:<48} {:>10} {:>10} {:>10}",
        "first screen (index.html, JS glue, Wasm)", first[0], first[1], first[2]
    );
    if let Some(w) = opts.wasm {
        let bytes = std::fs::read(w).map_err(|e| format!("{}: {e}", w.display()))?;
        crate::wasm_breakdown::Breakdown::read(&bytes)
            .map_err(|e| format!("{}: {e}", w.display()))?
            .print(20);
    }
    if let Some(kb) = opts.budget_kb {
        let over = first[1] > kb * 1000;
        println!(
            "first-screen budget: {:.1} KB gzip of {kb} KB — {}",
            first[1] as f64 / 1000.0,
            if over { "OVER" } else { "within" }
        );
        if over {
            return Err(format!(
                "the first-screen download is {} bytes gzip, over its budget of {kb} KB: see the \
                 breakdown above for what grew",
                first[1]
            ));
        }
    }
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

/// `perheopas-9f86d081884c7d65_bg.wasm` → `perheopas_bg.wasm`: Trunk's hash removed. Trunk
/// writes a 64-bit hash in hex without leading zeros, so it has 16 digits or a few fewer.
fn strip_hash(name: &str) -> String {
    let b = name.as_bytes();
    for i in 0..b.len() {
        if b[i] != b'-' {
            continue;
        }
        let digits = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        let end = i + 1 + digits;
        if (12..=16).contains(&digits) && matches!(b.get(end), Some(b'.' | b'_')) {
            return format!("{}{}", &name[..i], &name[end..]);
        }
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_first_screen_is_the_page_the_glue_and_the_wasm() {
        for name in [
            "index.html",
            "perheopas-9f86d081884c7d65.js",
            "perheopas-9f86d081884c7d65_bg.wasm",
        ] {
            assert!(super::first_screen(name), "{name}");
        }
        for name in [
            "catalogue.bin",
            "sw.js",
            "basemap.bin",
            "fonts/x.woff2",
            "embed.js",
        ] {
            assert!(!super::first_screen(name), "{name}");
        }
    }

    #[test]
    fn hashes_are_stripped_from_names() {
        assert_eq!(
            super::strip_hash("perheopas-9f86d081884c7d65_bg.wasm"),
            "perheopas_bg.wasm"
        );
        assert_eq!(super::strip_hash("style-0123456789abcdef.css"), "style.css");
        // A hash with a leading zero is written one digit shorter.
        assert_eq!(
            super::strip_hash("perheopas-789343eafc86dfd_bg.wasm"),
            "perheopas_bg.wasm"
        );
        assert_eq!(super::strip_hash("sw.js"), "sw.js");
        assert_eq!(super::strip_hash("icon-192.png"), "icon-192.png");
    }
}
