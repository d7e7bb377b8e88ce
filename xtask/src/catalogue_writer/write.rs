//! Putting the files on disk all at once or not at all, touching only files this tool wrote.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::MARKER;

/// Writes the files under `out_dir` all together: nothing is touched unless every file can be
/// replaced (files that exist must have been written by this tool), each file goes to a temporary
/// name first and is renamed into place only when all were written, and earlier written service
/// files that this run no longer makes are removed (they would duplicate records).
pub fn write_files(out_dir: &Path, files: &[(String, String)]) -> Result<Vec<PathBuf>, String> {
    let targets: Vec<PathBuf> = files.iter().map(|(rel, _)| out_dir.join(rel)).collect();
    for t in &targets {
        if t.exists() && !ours(t) {
            return Err(format!("{} exists and was not written by this tool; not overwriting it (import into an empty folder)", t.display()));
        }
    }
    let mut temps = Vec::new();
    let result = (|| {
        for ((_, text), target) in files.iter().zip(&targets) {
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let tmp = target.with_extension("toml.partial");
            std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
            temps.push(tmp);
        }
        Ok::<(), String>(())
    })();
    if let Err(e) = result {
        for t in &temps {
            let _ = std::fs::remove_file(t);
        }
        return Err(e);
    }
    for (tmp, target) in temps.iter().zip(&targets) {
        std::fs::rename(tmp, target).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    let keep: BTreeSet<&PathBuf> = targets.iter().collect();
    for dir in [out_dir.to_path_buf(), out_dir.join("services")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "toml") && !keep.contains(&path) && ours(&path)
            {
                std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(targets)
}

fn ours(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.starts_with(MARKER))
}
