//! The command line, parsed by `clap`: every command, flag and default the scripts, Trunk hooks
//! and tests use, and an unknown or misspelt flag refused by name (`bench --servics 10` used to
//! run the default 50 000 services without a word).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::catalogue_writer::ImportOptions;
use crate::{
    basemap, bench, broken, check_cmd, coverage_cmd, csp, hsds, map_bench, national, peer, ptv,
    sample, scale, shards_cmd, size, sw, synth,
};

/// The Perheopas catalogue tool.
#[derive(Debug, Parser)]
#[command(name = "perheopas-xtask", about, long_about = None)]
pub struct Cli {
    /// The catalogue folder (default `data`). Accepted by every command, as before; the commands
    /// that read a catalogue or its reference tables use it.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The default catalogue folder.
const DATA: &str = "data";

/// The default size of a generated catalogue for `bench`, `peer-data` and `scale`.
const SERVICES: usize = 50_000;

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the catalogue files and print what was read.
    Check,
    /// Check, then write the compiled catalogue asset (and, with --parts, the same catalogue
    /// cut into county shards with their manifest: what the app fetches).
    Build {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "DIR")]
        parts: Option<PathBuf>,
    },
    /// Rewrite the sample catalogue files in the data folder.
    Sample,
    /// Search + facet benchmark over a generated catalogue (or over the one given with --data).
    Bench {
        #[arg(long, value_name = "N", default_value_t = SERVICES)]
        services: usize,
        /// Save the timings as a named baseline (target/bench/NAME.json).
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
        /// Compare with a saved baseline.
        #[arg(long, value_name = "NAME")]
        compare: Option<String>,
    },
    /// Build the offline base map from DATA/map.
    Basemap {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Project + cluster N points at three zooms.
    MapBench {
        #[arg(long, value_name = "N", default_value_t = 5_000)]
        points: usize,
    },
    /// Write the Content-Security-Policy into index.html and fill in the service worker's
    /// precache list and version (Trunk post-build hook).
    Sw {
        #[arg(long, value_name = "DIR", env = "TRUNK_STAGING_DIR")]
        dir: PathBuf,
    },
    /// Raw / gzip / brotli bytes of every file in a built site.
    Size {
        /// The built site's folder, e.g. dist.
        dir: PathBuf,
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
        #[arg(long, value_name = "NAME")]
        compare: Option<String>,
        /// The unoptimised module (with its name section) to break down by crate and function,
        /// e.g. target/wasm32-unknown-unknown/release/perheopas.wasm.
        #[arg(long, value_name = "FILE")]
        wasm: Option<PathBuf>,
        /// Fail when the first-screen download (HTML, JS glue, Wasm) passes this many KB gzip.
        #[arg(long, value_name = "KB")]
        budget_kb: Option<usize>,
    },
    /// Import a PTV open-API export (services, serviceChannels, organizations) into catalogue
    /// files in a folder of its own.
    ImportPtv {
        /// The PTV JSON file.
        input: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Service-class mapping (default DATA/mapping/ptv_service_classes.csv).
        #[arg(long, value_name = "CSV")]
        mapping: Option<PathBuf>,
        /// Write even when the import has no services or far fewer than the files it replaces.
        #[arg(long)]
        allow_shrink: bool,
    },
    /// Import HSDS 3.0 JSON into catalogue files in a folder of its own.
    ImportHsds {
        /// The HSDS JSON file.
        input: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Taxonomy mapping for other publishers' terms (default DATA/mapping/hsds_taxonomy.csv).
        #[arg(long, value_name = "CSV")]
        mapping: Option<PathBuf>,
        /// Write even when the import has no services or far fewer than the files it replaces.
        #[arg(long)]
        allow_shrink: bool,
    },
    /// Write the catalogue as HSDS 3.0 JSON (docs/hsds.md).
    ExportHsds {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Delivery points per municipality and service type, gaps marked --.
    Coverage {
        /// County code or name.
        #[arg(long, value_name = "CODE|NAME")]
        county: String,
        /// universal,basic,specialist
        #[arg(long, value_name = "L,..", default_value = "")]
        levels: String,
        /// wellbeing_county,municipality,ngo,parish,private,state
        #[arg(long, value_name = "K,..", default_value = "")]
        providers: String,
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Write a generated catalogue asset (for browser benchmarks).
    Synth {
        #[arg(long, value_name = "N")]
        services: usize,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Data for the peer benchmark page (benchpage/): the asset, the same records for
    /// MiniSearch, and the queries.
    PeerData {
        #[arg(long, value_name = "N", default_value_t = SERVICES)]
        services: usize,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Time writing, reading, validating and compiling a generated catalogue, and its HSDS
    /// export and import.
    Scale {
        #[arg(long, value_name = "N", default_value_t = SERVICES)]
        services: usize,
    },
    /// Write the catalogue as a common part and one shard per county, with a manifest
    /// (the catalogue of DATA, or a generated one of N services).
    Shards {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, value_name = "N")]
        services: Option<usize>,
    },
    /// Copy the built app (DIST) to OUT with a generated national catalogue of N services in
    /// place of the sample, cut into county shards, and its own service worker.
    National {
        #[arg(long, value_name = "DIR", default_value = "dist")]
        dist: PathBuf,
        #[arg(long, value_name = "DIR", default_value = "dist-national")]
        out: PathBuf,
        #[arg(long, value_name = "N", default_value_t = SERVICES)]
        services: usize,
    },
    /// Copy catalogue asset IN to OUT with its first service's organisation past the end of the
    /// list, header and checksum valid (for the browser test of the fallback).
    BrokenCatalogue { input: PathBuf, output: PathBuf },
}

/// Runs one parsed command; the error is the message to print.
pub fn run(cli: Cli) -> Result<(), String> {
    let given_data = cli.data.clone();
    let data_dir = cli.data.unwrap_or_else(|| PathBuf::from(DATA));
    let data = data_dir.as_path();
    match cli.command {
        Command::Check => check_cmd::check(data, None).map(|_| ()),
        Command::Build { out, parts } => {
            let cat = check_cmd::check(data, Some(&out))?;
            match parts {
                Some(dir) => shards_cmd::run(&cat, &dir),
                None => Ok(()),
            }
        }
        Command::Shards { out, services } => {
            let cat = match services {
                Some(n) => synth::catalogue(n),
                None => check_cmd::compiled(data)?,
            };
            shards_cmd::run(&cat, &out)
        }
        Command::National {
            dist,
            out,
            services,
        } => national::run(&dist, &out, services),
        Command::Sample => write_sample(data),
        // Only an explicit --data benchmarks a real catalogue; without it, a generated one.
        Command::Bench {
            services,
            save,
            compare,
        } => bench::run(
            services,
            given_data.as_deref(),
            save.as_deref(),
            compare.as_deref(),
        ),
        Command::PeerData { services, out } => peer::write(services, &out),
        Command::Basemap { out } => basemap::build_basemap(data, &out).map(|_| ()),
        Command::MapBench { points } => {
            map_bench::run(points);
            Ok(())
        }
        // The policy goes into index.html first: the worker's version hashes the final files.
        Command::Sw { dir } => csp::write(&dir)
            .and_then(|_| sw::write(&dir))
            .map(|(n, v)| {
                println!("content security policy written; service worker {v}: {n} files precached")
            }),
        Command::Size {
            dir,
            save,
            compare,
            wasm,
            budget_kb,
        } => size::run(
            &dir,
            &size::SizeOptions {
                save: save.as_deref(),
                compare: compare.as_deref(),
                wasm: wasm.as_deref(),
                budget_kb,
            },
        ),
        Command::ImportPtv {
            input,
            out,
            mapping,
            allow_shrink,
        } => {
            let mapping = mapping.unwrap_or_else(|| data.join("mapping/ptv_service_classes.csv"));
            let opts = ImportOptions { allow_shrink };
            ptv::import_ptv(&input, &out, &mapping, &opts).map(|r| print!("{r}"))
        }
        Command::ImportHsds {
            input,
            out,
            mapping,
            allow_shrink,
        } => {
            let mapping = mapping.unwrap_or_else(|| data.join("mapping/hsds_taxonomy.csv"));
            let opts = ImportOptions { allow_shrink };
            hsds::import_hsds(&input, &out, &mapping, &opts).map(|r| print!("{r}"))
        }
        Command::ExportHsds { out } => hsds::export_hsds(data, &out).map(|r| print!("{r}")),
        Command::Coverage {
            county,
            levels,
            providers,
            csv,
        } => {
            let levels = coverage_cmd::parse_levels(&levels)?;
            let providers = coverage_cmd::parse_providers(&providers)?;
            coverage_cmd::print_coverage(data, &county, &levels, &providers, csv.as_deref())
        }
        Command::Synth { services, out } => write_synth(services, &out),
        Command::BrokenCatalogue { input, output } => broken::write(&input, &output),
        Command::Scale { services } => scale::scale_report(services),
    }
}

fn write_sample(data: &Path) -> Result<(), String> {
    let s = sample::write_sample(data).map_err(|e| e.to_string())?;
    println!(
        "sample catalogue written to {}: {} files, {} organisations, {} services, {} delivery \
         points",
        data.display(),
        s.files,
        s.organisations,
        s.services,
        s.delivery_points
    );
    Ok(())
}

fn write_synth(services: usize, out: &Path) -> Result<(), String> {
    let cat = synth::catalogue(services);
    let located = cat
        .services
        .iter()
        .flat_map(|s| &s.delivery)
        .filter(|d| d.location.is_some())
        .count();
    std::fs::write(out, perheopas_core::asset::encode(&cat))
        .map_err(|e| format!("{}: {e}", out.display()))?;
    println!(
        "{}: {services} services, {located} located delivery points",
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("perheopas-xtask").chain(args.iter().copied()))
    }

    #[test]
    fn a_misspelt_flag_is_refused_by_name() {
        let err = parse(&["bench", "--servics", "10"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("--servics"), "{err}");
    }

    #[test]
    fn defaults_are_kept() {
        match parse(&["bench"]).unwrap().command {
            Command::Bench { services, .. } => assert_eq!(services, 50_000),
            c => panic!("{c:?}"),
        }
        match parse(&["map-bench"]).unwrap().command {
            Command::MapBench { points } => assert_eq!(points, 5_000),
            c => panic!("{c:?}"),
        }
        let cli = parse(&["build", "--data", "elsewhere", "--out", "x.bin"]).unwrap();
        assert_eq!(cli.data, Some(PathBuf::from("elsewhere")));
    }

    #[test]
    fn a_bad_number_names_its_flag() {
        let err = parse(&["scale", "--services", "many"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("--services"), "{err}");
    }
}
