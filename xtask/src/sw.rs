//! Trunk post-build step: writes the precache list and a content-hash version into the staged
//! service worker, so every deployment (new code or new catalogue) is a new worker.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const WORKER: &str = "sw.js";

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Fills in `sw.js` in `dir` (Trunk's staging folder). Returns (files precached, version).
pub fn write(dir: &Path) -> Result<(usize, String), String> {
    let mut paths = Vec::new();
    files(dir, &mut paths)?;
    paths.sort();
    let mut hash = Sha256::new();
    let mut precache = vec!["./".to_string()];
    for p in &paths {
        let rel = p
            .strip_prefix(dir)
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel == WORKER {
            continue;
        }
        let bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        hash.update(rel.as_bytes());
        hash.update(&bytes);
        // The shell is cached as "./", the address the app is opened at. Of the catalogue only
        // the manifest, the common part and a small catalogue's whole file are precached: the
        // app fetches and keeps the shards the family opens (src/parts.rs), so a phone never
        // stores the whole country unasked.
        let shard = rel.starts_with("parts/")
            && rel != "parts/manifest.json"
            && !rel.starts_with("parts/common.")
            && !rel.starts_with("parts/whole.");
        if rel != "index.html" && !shard {
            precache.push(rel);
        }
    }
    let version: String = hash
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let worker = dir.join(WORKER);
    let template =
        std::fs::read_to_string(&worker).map_err(|e| format!("{}: {e}", worker.display()))?;
    if !template.contains("__PERHEOPAS_PRECACHE__") {
        return Err(format!(
            "{}: no __PERHEOPAS_PRECACHE__ placeholder (already filled?)",
            worker.display()
        ));
    }
    let list = serde_json::to_string(&precache).map_err(|e| e.to_string())?;
    let filled = template
        .replace("'__PERHEOPAS_VERSION__'", &format!("'{version}'"))
        .replace("__PERHEOPAS_PRECACHE__", &list);
    std::fs::write(&worker, filled).map_err(|e| format!("{}: {e}", worker.display()))?;
    Ok((precache.len(), version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_worker_and_changes_version_with_content() {
        let dir = std::env::temp_dir().join(format!("perheopas-sw-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("fonts")).unwrap();
        std::fs::create_dir_all(dir.join("parts")).unwrap();
        let template =
            "const VERSION = '__PERHEOPAS_VERSION__';\nconst PRECACHE = __PERHEOPAS_PRECACHE__;\n";
        std::fs::write(dir.join("sw.js"), template).unwrap();
        std::fs::write(dir.join("index.html"), "<html>").unwrap();
        std::fs::write(dir.join("parts/common.aa.bin"), "v1").unwrap();
        std::fs::write(dir.join("parts/county-14.bb.bin"), "v1").unwrap();
        std::fs::write(dir.join("parts/municipality-422.cc.bin"), "v1").unwrap();
        std::fs::write(dir.join("parts/wide.dd.bin"), "v1").unwrap();
        std::fs::write(dir.join("fonts/a.woff2"), "font").unwrap();
        let (n, v1) = write(&dir).unwrap();
        assert_eq!(n, 3);
        let sw = std::fs::read_to_string(dir.join("sw.js")).unwrap();
        // Shards are the app's to fetch and keep, not precached.
        assert!(
            sw.contains(r#"const PRECACHE = ["./","fonts/a.woff2","parts/common.aa.bin"];"#),
            "{sw}"
        );
        assert!(sw.contains(&format!("const VERSION = '{v1}';")));
        assert!(write(&dir).is_err(), "a filled worker is not filled twice");

        std::fs::write(dir.join("sw.js"), template).unwrap();
        std::fs::write(dir.join("parts/county-14.bb.bin"), "v2").unwrap();
        let (_, v2) = write(&dir).unwrap();
        assert_ne!(v1, v2, "a new shard is a new version");
        let _ = std::fs::remove_dir_all(dir);
    }
}
