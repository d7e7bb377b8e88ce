//! The `check` and `build` commands: the catalogue in `data/` checked with every problem named
//! by file and line, and with `build` the compiled asset written.

use std::path::Path;

use crate::data_files;

/// Checks the catalogue; with `out`, also writes the compiled asset there.
pub fn check(data: &Path, out: Option<&Path>) -> Result<perheopas_core::Catalogue, String> {
    let cat = compiled(data)?;
    if let Some(out) = out {
        let bytes = perheopas_core::asset::encode(&cat);
        if let Some(dir) = out.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
        println!(
            "  wrote {} ({} bytes, built {})",
            out.display(),
            bytes.len(),
            cat.built
        );
    }
    Ok(cat)
}

/// The catalogue checked and compiled, with what was read and every warning printed; every
/// problem is printed and named in the error.
pub fn compiled(data: &Path) -> Result<perheopas_core::Catalogue, String> {
    let files = data_files::read(data)?;
    let now = chrono::Utc::now();
    let built = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let today = now.format("%Y-%m-%d").to_string();
    // The crisis lines travel in the app itself (build.rs), but they are checked here with the
    // catalogue, so one command tells a coordinator everything that is wrong.
    let crisis = perheopas_core::source::crisis::compile_crisis(&files, &today);
    let result = match (
        perheopas_core::source::compile(&files, &built, &today),
        crisis,
    ) {
        (Ok(c), Ok(lines)) => Ok((c, lines)),
        (a, b) => Err(a
            .err()
            .into_iter()
            .flatten()
            .chain(b.err().into_iter().flatten())
            .collect::<Vec<_>>()),
    };
    match result {
        Err(problems) => {
            for p in &problems {
                // Paths are shown from the project root so editors can click through.
                eprintln!("{}/{p}", data.display());
            }
            Err(format!(
                "catalogue check failed: {} problem(s) in {}",
                problems.len(),
                data.display()
            ))
        }
        Ok(((cat, r), lines)) => {
            println!("catalogue {}: {} files read", data.display(), r.files);
            println!(
                "  organisations   {:>6} read, {:>6} written",
                r.organisations_read, r.organisations_written
            );
            println!(
                "  services        {:>6} read, {:>6} written",
                r.services_read, r.services_written
            );
            println!(
                "  delivery points {:>6} read, {:>6} written",
                r.delivery_points_read, r.delivery_points_written
            );
            println!(
                "  reference: {} municipalities, {} service types",
                r.municipalities, r.service_types
            );
            // Warnings do not stop the build, but a coordinator must see them: e.g. a service no
            // family can get in touch with (the core's `actions::reachable`).
            println!("  warnings        {:>6}", r.warnings.len());
            for w in &r.warnings {
                println!("  warning: {}/{w}", data.display());
            }
            let real = lines.iter().filter(|l| !l.sample).count();
            println!(
                "  crisis lines    {:>6} ({real} real, {} sample)",
                lines.len(),
                lines.len() - real
            );
            Ok(cat)
        }
    }
}
