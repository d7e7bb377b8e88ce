//! Generates the `i18n` module from `locales/{fi,sv,en}.json`: every key the UI uses is checked
//! at compile time, and every locale must have every key.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR not set")?).join("i18n");
    // Plain strings with values filled in are needed for attributes and option labels.
    let options = ParseOptions::new().interpolate_display(true);
    let cfg = Config::new("fi")?.add_locale("sv")?.add_locale("en")?.parse_options(options);
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
