//! Generates the `i18n` module from `locales/{fi,sv,en}.json` (every key the UI uses is checked
//! at compile time, and every locale must have every key), and compiles the crisis lines of
//! `data/crisis/` into the app, so they are there before, and without, the catalogue.

use std::error::Error;
use std::path::{Path, PathBuf};

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use perheopas_core::source::{crisis, SourceFile, MUNICIPALITIES_FILE};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?);
    // Plain strings with values filled in are needed for attributes and option labels.
    let options = ParseOptions::new().interpolate_display(true);
    let cfg = Config::new("fi")?
        .add_locale("sv")?
        .add_locale("en")?
        .parse_options(options);
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out_dir.join("i18n"))?;
    crisis_lines(&out_dir)
}

/// Checks `data/crisis/*.toml` as `xtask check` does and writes them for `include_bytes!`.
fn crisis_lines(out_dir: &Path) -> Result<(), Box<dyn Error>> {
    let data = Path::new("data");
    let dir = data.join(crisis::CRISIS_DIR);
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths.push(data.join(MUNICIPALITIES_FILE));
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "csv"))
    {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rel = path
            .strip_prefix(data)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        files.push(SourceFile { path: rel, text });
    }
    // The dates the numbers were checked on are bounded by `xtask check` (run before every app
    // build), which knows today's date; a build script has no clock of its own here.
    let lines = crisis::compile_crisis(&files, "9999-12-31").map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("data/{p}")).collect();
        format!("crisis lines:\n{}", list.join("\n"))
    })?;
    std::fs::write(
        out_dir.join("crisis.bin"),
        perheopas_core::crisis::encode(&lines),
    )?;
    Ok(())
}
