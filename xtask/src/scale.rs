//! `scale`: the generated catalogue (every municipality, every service type, all channel types
//! and hours) written as TOML files through the catalogue writer, then read, validated and
//! compiled as the build does, and exported to and imported from HSDS — each step timed, and the
//! compiled result checked to be the catalogue that was written.

use std::fmt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::catalogue_writer as w;

/// Steps and their times, plus what they handled.
#[derive(Debug, Default)]
pub struct Timings {
    pub services: usize,
    pub delivery_points: usize,
    pub files: usize,
    pub toml_bytes: usize,
    pub hsds_bytes: usize,
    pub steps: Vec<(&'static str, Duration)>,
}

impl fmt::Display for Timings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "scale: {} services, {} delivery points; {} TOML files ({:.1} MB), HSDS JSON {:.1} MB",
            self.services,
            self.delivery_points,
            self.files,
            self.toml_bytes as f64 / 1e6,
            self.hsds_bytes as f64 / 1e6
        )?;
        for (step, d) in &self.steps {
            writeln!(f, "  {step:<44} {:>9.3} s", d.as_secs_f64())?;
        }
        Ok(())
    }
}

fn timed<T>(
    steps: &mut Vec<(&'static str, Duration)>,
    name: &'static str,
    f: impl FnOnce() -> T,
) -> T {
    let start = Instant::now();
    let out = f();
    steps.push((name, start.elapsed()));
    out
}

/// Runs every step on a generated catalogue of `n` services in a temporary folder.
pub fn scale_run(n: usize) -> Result<Timings, String> {
    let dir = std::env::temp_dir().join(format!("perheopas-scale-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let result = run_in(n, &dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_in(n: usize, dir: &Path) -> Result<Timings, String> {
    const BUILT: &str = "2026-11-23T00:00:00Z"; // the generator's build time, so the results compare
    let mut t = Timings::default();
    let s = &mut t.steps;
    let mut cat = timed(s, "generate catalogue (synth)", || {
        crate::synth::catalogue(n)
    });
    // The written folder carries the reference files with the families' vocabulary, which the
    // generator leaves out: the catalogue read back has it.
    cat.vocabulary = w::reference()?.vocabulary;
    let files = timed(s, "records → TOML text (catalogue writer)", || {
        w::render(&w::from_catalogue(&cat), "scale test", 1000)
    });
    let data = dir.join("data");
    timed(s, "write files", || -> Result<(), String> {
        w::write_files(&data, &files)?;
        for f in w::reference_files() {
            let path = data.join(&f.path);
            std::fs::create_dir_all(path.parent().expect("a folder")).map_err(|e| e.to_string())?;
            std::fs::write(&path, &f.text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(())
    })?;
    let read = timed(s, "read files (data_files::read)", || {
        crate::data_files::read(&data)
    })?;
    let (compiled, report) = timed(s, "validate + compile (source::compile)", || {
        perheopas_core::source::compile(&read, BUILT, &w::today())
    })
    .map_err(|p| {
        format!(
            "the written catalogue does not compile: {} problem(s), first: {}",
            p.len(),
            p[0]
        )
    })?;
    if compiled != cat {
        return Err("the compiled catalogue differs from the one written".into());
    }
    if report.services_read != report.services_written {
        return Err(format!(
            "{} services read but {} written",
            report.services_read, report.services_written
        ));
    }
    let json_file = dir.join("export.json");
    timed(
        s,
        "export HSDS 3.0 (write JSON file)",
        || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&json_file)?);
            crate::hsds::write_export(&compiled, &mut out)?;
            std::io::Write::flush(&mut out)
        },
    )
    .map_err(|e| format!("{}: {e}", json_file.display()))?;
    let imported = timed(s, "import HSDS 3.0 (read, map, validate, write)", || {
        crate::hsds::import_hsds(
            &json_file,
            &dir.join("hsds"),
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/mapping/hsds_taxonomy.csv"),
            &Default::default(),
        )
    })?;
    if imported.services_written != n {
        return Err(format!(
            "HSDS import wrote {} of {n} services",
            imported.services_written
        ));
    }
    t.services = compiled.services.len();
    t.delivery_points = compiled.delivery_point_count();
    t.files = files.len();
    t.toml_bytes = files.iter().map(|(_, text)| text.len()).sum();
    t.hsds_bytes = std::fs::metadata(&json_file).map_or(0, |m| m.len() as usize);
    Ok(t)
}

/// Prints the timings of [`scale_run`]; run it with `--profile tool` for real figures.
pub fn scale_report(n: usize) -> Result<(), String> {
    let t = scale_run(n)?;
    print!("{t}");
    println!("  compiled catalogue equals the generated one; HSDS import wrote all {n} services");
    Ok(())
}
