//! An import never destroys what it cannot replace: before the files are written, the services
//! the import would write are compared with those the folder holds from the last import.
//!
//! The rule: refuse when the import writes no services at all, or fewer than half of the services
//! the folder's tool-written files hold now ([`SHRINK_LIMIT`]). A municipality's services change by
//! a few per cent between exports; losing half of them at once is a broken or truncated download,
//! a wrong file or a mapping gone wrong, and replacing the folder would take them off the service.
//! `--allow-shrink` writes anyway (a municipality that really closed its services, a first import
//! that is meant to be small).

use std::path::Path;

use super::MARKER;

/// What an import may do to the folder it writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Write even when the import has no services or far fewer than the folder holds.
    pub allow_shrink: bool,
}

/// The import must write at least this share of the services the folder holds now.
pub const SHRINK_LIMIT: f64 = 0.5;

/// Services (`[[service]]` tables) in the files of `out_dir` that this tool wrote earlier.
pub fn services_in_folder(out_dir: &Path) -> usize {
    let mut n = 0;
    for dir in [out_dir.to_path_buf(), out_dir.join("services")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if text.starts_with(MARKER) {
                n += text.lines().filter(|l| l.trim() == "[[service]]").count();
            }
        }
    }
    n
}

/// `Err` with the reason when writing `services` services into `out_dir` would lose what is
/// there (see the module notes); nothing is touched either way.
pub fn check_shrink(out_dir: &Path, services: usize, opts: &ImportOptions) -> Result<(), String> {
    if opts.allow_shrink {
        return Ok(());
    }
    let before = services_in_folder(out_dir);
    let hint = "left as it was; check the input, or pass --allow-shrink to write anyway";
    if services == 0 {
        return Err(format!(
            "the import has no services to write; {} {hint}",
            out_dir.display()
        ));
    }
    if (services as f64) < before as f64 * SHRINK_LIMIT {
        return Err(format!(
            "the import has {services} services where {} holds {before} from the last import \
             (fewer than {:.0} %); {} {hint}",
            out_dir.display(),
            SHRINK_LIMIT * 100.0,
            out_dir.display()
        ));
    }
    Ok(())
}
