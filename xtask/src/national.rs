//! `national`: the built app with a generated national catalogue in place of the sample — every
//! one of the 308 municipalities, N services (`synth`), cut into county shards — so the
//! country-scale delivery can be tried in a browser and measured (issue 23).
//!
//! `cargo run --profile tool -p perheopas-xtask -- national --dist dist --out dist-national
//! --services 50000`, then `node tests/serve.mjs dist-national 8090`. The copy gets its own
//! service worker (the precache list and version name the new parts).

use std::path::Path;

use crate::{shards_cmd, sw, synth};

/// The service worker as written in the repository, before the build fills it in.
const WORKER_TEMPLATE: &str = include_str!("../../public/sw.js");

pub fn run(dist: &Path, out: &Path, services: usize) -> Result<(), String> {
    if !dist.join("index.html").is_file() {
        return Err(format!(
            "{}: no built app here (run `trunk build --release` first)",
            dist.display()
        ));
    }
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    copy_dir(dist, out)?;
    let parts = out.join("parts");
    std::fs::remove_dir_all(&parts).map_err(|e| format!("{}: {e}", parts.display()))?;
    let cat = synth::catalogue(services);
    shards_cmd::run(&cat, &parts)?;
    let worker = out.join("sw.js");
    std::fs::write(&worker, WORKER_TEMPLATE).map_err(|e| format!("{}: {e}", worker.display()))?;
    let (n, version) = sw::write(out)?;
    println!(
        "national: {} with {services} generated services; service worker {version}: {n} files precached",
        out.display()
    );
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().expect("a directory entry has a name"));
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
