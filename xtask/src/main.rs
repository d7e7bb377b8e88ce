//! The Perheopas catalogue tool: checks the human-edited catalogue in `data/`, compiles it into
//! the compact asset the app fetches, writes the sample catalogue, and measures search speed and
//! the size of the built site.

mod basemap;
mod bench;
mod broken;
mod catalogue_writer;
mod coverage_cmd;
mod csp;
mod data_files;
mod hsds;
mod map_bench;
mod peer;
mod ptv;
mod sample;
mod scale;
mod size;
mod sw;
mod synth;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: perheopas-xtask <command> [options]

commands:
  check  [--data DIR]                 check the catalogue files and print what was read
  build  [--data DIR] --out FILE      check, then write the compiled catalogue asset
  sample [--data DIR]                 rewrite the sample catalogue files in DIR
  bench  [--services N | --data DIR] [--save NAME] [--compare NAME]
                                      search + facet benchmark over a generated catalogue
                                      (or over the catalogue in DIR)
  basemap [--data DIR] --out FILE     build the offline base map from DIR/map (default data)
  map-bench [--points N]              project + cluster N points (default 5000) at 3 zooms
  sw     [--dir DIR]                  write the Content-Security-Policy into index.html and
                                      fill in the service worker's precache list and version
                                      (Trunk post-build hook; DIR defaults to $TRUNK_STAGING_DIR)
  size   DIR [--save NAME] [--compare NAME]
                                      raw / gzip / brotli bytes of every file in a built site
  import-ptv FILE --out DIR [--mapping CSV]
                                      import a PTV open-API export (services, serviceChannels,
                                      organizations) into catalogue files in DIR (a folder of its
                                      own); mapping defaults to DATA/mapping/ptv_service_classes.csv
  import-hsds FILE --out DIR          import HSDS 3.0 JSON into catalogue files in DIR
  export-hsds [--data DIR] --out FILE write the catalogue as HSDS 3.0 JSON (docs/hsds.md)
  coverage --county CODE|NAME [--data DIR] [--levels L,..] [--providers K,..] [--csv FILE]
                                      delivery points per municipality and service type, gaps
                                      marked --; levels universal,basic,specialist; providers
                                      wellbeing_county,municipality,ngo,parish,private,state
  synth  --services N --out FILE      write a generated catalogue asset (for browser benchmarks)
  peer-data [--services N] --out DIR  data for the peer benchmark page (benchpage/): the asset,
                                      the same records for MiniSearch, and the queries
  scale  [--services N]               time writing, reading, validating and compiling a generated
                                      catalogue (default 50 000), and its HSDS export and import
  broken-catalogue IN OUT             copy catalogue asset IN to OUT with its first service's
                                      organisation past the end of the list, header and checksum
                                      valid (for the browser test of the fallback); prints what
                                      the decoder says of it
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let data_dir = PathBuf::from(opt("--data").unwrap_or_else(|| "data".into()));
    let data = &data_dir;
    let result = match args.first().map(String::as_str) {
        Some("check") => check(data, None),
        Some("build") => match opt("--out") {
            Some(out) => check(data, Some(Path::new(&out))),
            None => Err("build needs --out FILE".into()),
        },
        Some("sample") => sample::write_sample(data).map_err(|e| e.to_string()).map(|s| {
            println!(
                "sample catalogue written to {}: {} files, {} organisations, {} services, {} delivery points",
                data.display(),
                s.files,
                s.organisations,
                s.services,
                s.delivery_points
            );
        }),
        Some("bench") => {
            let n = opt("--services").map_or(Ok(50_000), |s| s.parse::<usize>().map_err(|e| format!("--services: {e}")));
            let data = opt("--data").map(PathBuf::from);
            n.and_then(|n| bench::run(n, data.as_deref(), opt("--save").as_deref(), opt("--compare").as_deref()))
        }
        Some("peer-data") => match opt("--out") {
            Some(out) => opt("--services")
                .map_or(Ok(50_000), |s| s.parse::<usize>().map_err(|e| format!("--services: {e}")))
                .and_then(|n| peer::write(n, Path::new(&out))),
            None => Err("peer-data needs --out DIR".into()),
        },
        Some("basemap") => match opt("--out") {
            Some(out) => basemap::build_basemap(data, Path::new(&out)).map(|_| ()),
            None => Err("basemap needs --out FILE".into()),
        },
        Some("map-bench") => {
            let n = opt("--points").map_or(Ok(5_000), |s| s.parse::<usize>().map_err(|e| format!("--points: {e}")));
            n.map(map_bench::run)
        }
        Some("sw") => match opt("--dir").or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) {
            // The policy goes into index.html first: the worker's version hashes the final files.
            Some(dir) => csp::write(Path::new(&dir))
                .and_then(|_| sw::write(Path::new(&dir)))
                .map(|(n, v)| println!("content security policy written; service worker {v}: {n} files precached")),
            None => Err("sw needs --dir DIR or TRUNK_STAGING_DIR".into()),
        },
        Some("size") => match args.get(1) {
            Some(dir) if !dir.starts_with("--") => size::run(Path::new(dir), opt("--save").as_deref(), opt("--compare").as_deref()),
            _ => Err("size needs the built site's folder, e.g. dist".into()),
        },
        Some("import-ptv") => match (args.get(1).filter(|a| !a.starts_with("--")), opt("--out")) {
            (Some(input), Some(out)) => {
                let mapping = opt("--mapping").map_or_else(|| data.join("mapping/ptv_service_classes.csv"), PathBuf::from);
                ptv::import_ptv(Path::new(input), Path::new(&out), &mapping).map(|r| print!("{r}"))
            }
            _ => Err("import-ptv needs the PTV JSON file and --out DIR".into()),
        },
        Some("import-hsds") => match (args.get(1).filter(|a| !a.starts_with("--")), opt("--out")) {
            (Some(input), Some(out)) => hsds::import_hsds(Path::new(input), Path::new(&out)).map(|r| print!("{r}")),
            _ => Err("import-hsds needs the HSDS JSON file and --out DIR".into()),
        },
        Some("export-hsds") => match opt("--out") {
            Some(out) => hsds::export_hsds(data, Path::new(&out)).map(|r| print!("{r}")),
            None => Err("export-hsds needs --out FILE".into()),
        },
        Some("coverage") => match opt("--county") {
            Some(county) => coverage_cmd::parse_levels(&opt("--levels").unwrap_or_default()).and_then(|levels| {
                let providers = coverage_cmd::parse_providers(&opt("--providers").unwrap_or_default())?;
                coverage_cmd::print_coverage(data, &county, &levels, &providers, opt("--csv").as_deref().map(Path::new))
            }),
            None => Err("coverage needs --county CODE or NAME".into()),
        },
        Some("synth") => match (opt("--services").map(|s| s.parse::<usize>()), opt("--out")) {
            (Some(Ok(n)), Some(out)) => {
                let cat = synth::catalogue(n);
                let located = cat.services.iter().flat_map(|s| &s.delivery).filter(|d| d.location.is_some()).count();
                std::fs::write(&out, perheopas_core::asset::encode(&cat))
                    .map_err(|e| format!("{out}: {e}"))
                    .map(|_| println!("{out}: {n} services, {located} located delivery points"))
            }
            _ => Err("synth needs --services N and --out FILE".into()),
        },
        Some("broken-catalogue") => match (args.get(1), args.get(2)) {
            (Some(input), Some(out)) => broken::write(Path::new(input), Path::new(out)),
            _ => Err("broken-catalogue needs the catalogue asset to copy and the file to write".into()),
        },
        Some("scale") => opt("--services")
            .map_or(Ok(50_000), |s| s.parse::<usize>().map_err(|e| format!("--services: {e}")))
            .and_then(scale::scale_report),
        _ => Err(USAGE.trim_end().into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Checks the catalogue; with `out`, also writes the compiled asset there.
fn check(data: &Path, out: Option<&Path>) -> Result<(), String> {
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
            let real = lines.iter().filter(|l| !l.sample).count();
            println!(
                "  crisis lines    {:>6} ({real} real, {} sample)",
                lines.len(),
                lines.len() - real
            );
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
            Ok(())
        }
    }
}
