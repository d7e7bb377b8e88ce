//! Catalogue import and export (issue 8), end to end: the TOML writer round-trips the real
//! catalogue, the PTV fixture imports into files that build, the HSDS export validates against
//! the official schemas and imports back into the same catalogue, coverage prints, and the
//! 50 000-service catalogue goes through the writer.

use perheopas_xtask::{catalogue_writer, coverage_cmd, data_files, hsds, ptv, scale};

use std::path::{Path, PathBuf};

use perheopas_core::source::compile;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A scratch folder, removed when the test ends (the HSDS export of the catalogue is ~20 MB).
struct TempDir(PathBuf);

impl std::ops::Deref for TempDir {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("perheopas-ie-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    TempDir(dir)
}

const BUILT: &str = "2026-11-23T00:00:00Z";

fn real_catalogue() -> perheopas_core::Catalogue {
    let files = data_files::read(&root().join("data")).unwrap();
    compile(&files, BUILT, &catalogue_writer::today())
        .unwrap_or_else(|p| panic!("data/ does not compile: {:?}", &p[..p.len().min(5)]))
        .0
}

#[test]
fn writer_round_trips_the_real_catalogue() {
    let cat = real_catalogue();
    let records = catalogue_writer::from_catalogue(&cat);
    let mut files = catalogue_writer::render(&records, "round trip test", 100);
    files.extend(service_areas().into_iter().map(|f| (f.path, f.text)));
    let back = catalogue_writer::check(&files, BUILT).unwrap_or_else(|p| panic!("{}", p[0]));
    assert_eq!(back.services.len(), cat.services.len());
    assert_eq!(back, cat);
}

fn hsds_mapping() -> PathBuf {
    root().join("data/mapping/hsds_taxonomy.csv")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The written files plus the reference tables, compiled as the build would.
fn compile_dir(dir: &Path) -> perheopas_core::Catalogue {
    compile_with(dir, vec![])
}

/// The real catalogue's service areas (`data/reference/service_areas.csv`): they name family
/// centres by service id, so they compile only with the real services. An import's folder is
/// built together with `data/`, which holds them; neither the TOML records nor HSDS carry them.
fn service_areas() -> Vec<perheopas_core::source::SourceFile> {
    let path = "reference/service_areas.csv";
    let text = std::fs::read_to_string(root().join("data").join(path)).unwrap();
    vec![perheopas_core::source::SourceFile {
        path: path.into(),
        text,
    }]
}

fn compile_with(
    dir: &Path,
    extra: Vec<perheopas_core::source::SourceFile>,
) -> perheopas_core::Catalogue {
    let mut files = data_files::read(dir).unwrap();
    files.extend(extra);
    files.extend(catalogue_writer::reference_files());
    compile(&files, BUILT, &catalogue_writer::today())
        .unwrap_or_else(|p| {
            panic!(
                "{}",
                p.iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .0
}

#[test]
fn ptv_fixture_imports_into_files_that_build() {
    let out = temp_dir("ptv");
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    let report = ptv::import_ptv(
        &fixture("ptv_sample.json"),
        &out,
        &mapping,
        &Default::default(),
    )
    .unwrap();
    println!("{report}");
    assert_eq!(report.services_read, 5);
    assert_eq!(report.services_written, 3);
    assert_eq!(
        report.services_skipped(),
        2,
        "records in = written + skipped"
    );

    let unmapped = report
        .skipped
        .iter()
        .find(|i| i.record.ends_with("1d04"))
        .expect("the unmapped service is listed");
    assert_eq!(unmapped.field, "serviceClasses");
    assert!(
        unmapped.why.contains("P1.4 Asumisen tuet"),
        "{}",
        unmapped.why
    );
    let bad = report
        .skipped
        .iter()
        .find(|i| i.record.ends_with("1d05"))
        .expect("the service with a bad field is listed");
    assert_eq!(bad.field, "languages");
    assert!(bad.why.contains("expected a sequence"), "{}", bad.why);
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.field.contains("c1a00000-0000-4000-8000-000000000006")
                && n.why.contains("999"))
    );
    assert!(report.notes.iter().any(|n| n.why.contains("PrintableForm")));

    let cat = compile_dir(&out);
    assert_eq!(cat.services.len(), 3);
    let (_, clinic) = cat
        .service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d01")
        .unwrap();
    assert_eq!(cat.service_type(clinic).id, "child_health_clinic");
    assert_eq!(
        clinic.name.sv.as_deref(),
        Some("Barnrådgivningen i Kuopio, Esimerkkikatu")
    );
    assert_eq!(clinic.target_groups, ["KR1.2"]);
    assert_eq!(clinic.languages, ["fi", "sv"]);
    let place = &clinic.delivery[0];
    assert_eq!(place.hours.as_deref(), Some("Mo-Th 08:00-16:00; Fr 08:00-14:00; 2026 Jul 01-2026 Aug 02 off; 2026 Dec 23 08:00-12:00; 2026 Dec 24-26 off"));
    let (lat, lon) = place.location.unwrap();
    assert!(
        (lat - 62.8924).abs() < 1e-3 && (lon - 27.678).abs() < 1e-3,
        "EPSG:3067 converted: {lat} {lon}"
    );
    assert_eq!(place.address.as_ref().unwrap().street.fi, "Esimerkkikatu 5");
    assert_eq!(place.phones[0].number, "+358 17 000 2001");
    assert_eq!(
        place.phones[0].note.sv.as_deref(),
        Some("Tidsbokning (lna/msa)")
    );
    assert_eq!(clinic.delivery[1].channel, perheopas_core::Channel::Phone);

    let (_, counselling) = cat
        .service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d02")
        .unwrap();
    let county = cat.county_by_code("13").unwrap() as u16;
    assert_eq!(
        counselling.areas.counties,
        [county],
        "region 11 is the whole of county 13"
    );
    let channels: Vec<_> = counselling.delivery.iter().map(|d| d.channel).collect();
    use perheopas_core::Channel::*;
    assert_eq!(channels, [InPerson, Online, Online]);
    assert_eq!(counselling.delivery[1].hours.as_deref(), Some("24/7"));

    let (_, emergency) = cat
        .service_by_id("ptv-7a3e0c52-1f4b-4d2a-9b61-0c5e2f8a1d03")
        .unwrap();
    assert_eq!(cat.service_type(emergency).id, "social_emergency");
    assert_eq!(
        emergency.delivery[0].hours.as_deref(),
        Some("Mo 15:00-08:00, Tu 15:00-08:00, We 15:00-08:00, Th 15:00-08:00, Fr 15:00-24:00, Sa-Su 00:00-24:00, Mo 00:00-08:00")
    );
    assert_eq!(emergency.last_checked, "2026-11-02");

    // The same import again replaces its own files.
    assert!(ptv::import_ptv(
        &fixture("ptv_sample.json"),
        &out,
        &mapping,
        &Default::default()
    )
    .is_ok());
}

#[test]
fn ptv_imports_compile_together_with_the_real_catalogue() {
    let out = temp_dir("ptv-data");
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    ptv::import_ptv(
        &fixture("ptv_sample.json"),
        &out.join("ptv"),
        &mapping,
        &Default::default(),
    )
    .unwrap();
    let mut files = data_files::read(&root().join("data")).unwrap();
    let before = compile(&files, BUILT, &catalogue_writer::today())
        .unwrap()
        .0
        .services
        .len();
    for mut f in data_files::read(&out).unwrap() {
        f.path = format!("imported/{}", f.path);
        files.push(f);
    }
    let cat = compile(&files, BUILT, &catalogue_writer::today())
        .unwrap_or_else(|p| panic!("{}", p[0]))
        .0;
    assert_eq!(cat.services.len(), before + 3);
}

#[test]
fn a_file_that_is_not_a_ptv_export_writes_nothing() {
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    let dir = temp_dir("ptv-bad");
    std::fs::create_dir_all(&*dir).unwrap();
    for (name, text, says) in [
        ("broken.json", "{ \"services\": [", "not valid JSON"),
        (
            "shape.json",
            "[1, 2]",
            "\"services\" and \"serviceChannels\"",
        ),
        (
            "nochannels.json",
            "{ \"services\": [] }",
            "no \"serviceChannels\"",
        ),
    ] {
        let input = dir.join(name);
        std::fs::write(&input, text).unwrap();
        let out = dir.join(format!("out-{name}"));
        let err = ptv::import_ptv(&input, &out, &mapping, &Default::default()).unwrap_err();
        assert!(err.contains(says), "{err}");
        assert!(!out.exists(), "nothing written for {name}");
    }
    // A folder holding files this tool did not write is never overwritten.
    let out = dir.join("taken");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("organisations.toml"), "[[organisation]]\n").unwrap();
    assert!(ptv::import_ptv(
        &fixture("ptv_sample.json"),
        &out,
        &mapping,
        &Default::default()
    )
    .unwrap_err()
    .contains("not written by this tool"));
    assert_eq!(
        std::fs::read_to_string(out.join("organisations.toml")).unwrap(),
        "[[organisation]]\n"
    );
    assert!(!out.join("services").exists());
}

/// Catalogues differ: say where first, rather than printing two whole catalogues.
fn assert_same(back: &perheopas_core::Catalogue, cat: &perheopas_core::Catalogue) {
    assert_eq!(back.sample, cat.sample);
    assert_eq!(back.counties, cat.counties);
    assert_eq!(back.organisations, cat.organisations);
    assert_eq!(back.services.len(), cat.services.len());
    for (a, b) in back.services.iter().zip(&cat.services) {
        assert_eq!(a, b, "service {}", b.id);
    }
    assert_eq!(back, cat);
}

#[test]
fn hsds_export_imports_back_into_the_same_catalogue() {
    let cat = real_catalogue();
    let (services, report) = hsds::export(&cat);
    assert!(report.organisations_left_out.is_empty(), "{report}");
    assert_eq!(report.services, cat.services.len());
    assert_eq!(services.len(), cat.services.len() + report.county_contacts);
    let dir = temp_dir("hsds-rt");
    std::fs::create_dir_all(&*dir).unwrap();
    let file = dir.join("export.json");
    std::fs::write(&file, serde_json::to_string_pretty(&services).unwrap()).unwrap();

    let imported = hsds::import_hsds(
        &file,
        &dir.join("imported"),
        &hsds_mapping(),
        &Default::default(),
    )
    .unwrap();
    assert!(imported.skipped.is_empty(), "{imported}");
    assert!(imported.notes.is_empty(), "{imported}");
    assert_eq!(imported.services_written, cat.services.len());
    assert_same(&compile_with(&dir.join("imported"), service_areas()), &cat);
}

#[test]
fn hsds_round_trip_of_the_ptv_import_keeps_every_field() {
    // The PTV records exercise what the sample data does not: dated and over-midnight hours,
    // target groups, source ids, organisations with only some translations.
    let dir = temp_dir("hsds-ptv");
    let mapping = root().join("data/mapping/ptv_service_classes.csv");
    ptv::import_ptv(
        &fixture("ptv_sample.json"),
        &dir.join("ptv"),
        &mapping,
        &Default::default(),
    )
    .unwrap();
    let cat = compile_dir(&dir.join("ptv"));
    let file = dir.join("export.json");
    std::fs::write(&file, serde_json::to_string(&hsds::export(&cat).0).unwrap()).unwrap();
    hsds::import_hsds(
        &file,
        &dir.join("back"),
        &hsds_mapping(),
        &Default::default(),
    )
    .unwrap();
    assert_same(&compile_dir(&dir.join("back")), &cat);
}

/// The official HSDS 3.0 `service` schema, its `$ref`s to other files resolved by file name from
/// the copy kept in the repository (`tests/fixtures/hsds-3.0/schema/`, CC BY-SA 4.0, Open
/// Referral; source and licence in that folder's README.md).
fn hsds_validator() -> jsonschema::Validator {
    struct ByFileName(PathBuf);
    impl jsonschema::Retrieve for ByFileName {
        fn retrieve(
            &self,
            uri: &jsonschema::Uri<String>,
        ) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
            let name = uri.as_str().rsplit('/').next().unwrap_or_default();
            let text =
                std::fs::read_to_string(self.0.join(name)).map_err(|e| format!("{name}: {e}"))?;
            Ok(serde_json::from_str(&text)?)
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/hsds-3.0/schema");
    let text = std::fs::read_to_string(dir.join("service.json")).unwrap_or_else(|e| {
        panic!(
            "the HSDS 3.0 schemas are expected in {}: {e}",
            dir.display()
        )
    });
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::options()
        .with_base_uri("https://hsds.invalid/schema/service.json")
        .with_retriever(ByFileName(dir))
        .should_validate_formats(true)
        .build(&schema)
        .expect("the HSDS schemas compile")
}

fn schema_errors(v: &jsonschema::Validator, service: &serde_json::Value) -> Vec<String> {
    v.iter_errors(service)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_exported_service_validates_against_the_official_hsds_schema() {
    let v = hsds_validator();
    let cat = real_catalogue();
    let (services, _) = hsds::export(&cat);
    for s in &services {
        let errors = schema_errors(&v, s);
        assert!(
            errors.is_empty(),
            "service {} is not valid HSDS 3.0:\n{}",
            s["name"],
            errors.join("\n")
        );
    }

    // The validator does reject what is not HSDS: each of these breaks one rule of the schema.
    let good = &services[0];
    let broken = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut s = good.clone();
        f(&mut s);
        schema_errors(&v, &s)
    };
    assert!(!broken(&|s| {
        s.as_object_mut().unwrap().remove("name");
    })
    .is_empty());
    assert!(!broken(&|s| s["status"] = "maybe".into()).is_empty());
    assert!(
        !broken(&|s| s["id"] = "not-a-uuid".into()).is_empty(),
        "uuid format is checked"
    );
    assert!(
        !broken(&|s| {
            s["organization"]
                .as_object_mut()
                .unwrap()
                .remove("description");
        })
        .is_empty(),
        "the organization file is reached"
    );
    assert!(
        !broken(&|s| {
            s["service_at_locations"][0]["location"]["addresses"][0]
                .as_object_mut()
                .unwrap()
                .remove("country");
        })
        .is_empty(),
        "nested references are followed"
    );
    assert!(
        !broken(&|s| s["service_at_locations"][0]["schedules"][0]["freq"] = "DAILY".into())
            .is_empty()
    );
}

#[test]
fn hsds_fixture_is_valid_hsds_and_imports_into_files_that_build() {
    let v = hsds_validator();
    let text = std::fs::read_to_string(fixture("hsds_sample.json")).unwrap();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    for s in &items {
        assert!(
            schema_errors(&v, s).is_empty(),
            "{:?}",
            schema_errors(&v, s)
        );
    }

    let out = temp_dir("hsds-fixture");
    let report = hsds::import_hsds(
        &fixture("hsds_sample.json"),
        &out,
        &hsds_mapping(),
        &Default::default(),
    )
    .unwrap();
    println!("{report}");
    assert_eq!(
        (
            report.services_read,
            report.services_written,
            report.services_skipped()
        ),
        (3, 2, 1)
    );
    let skipped = &report.skipped[0];
    assert!(
        skipped.record.contains("2a413452")
            // The JSON path into the input: record [2] of the file.
            && skipped.field == "[2].attributes"
            && skipped.why.contains("no service type"),
        "{skipped}"
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.why.contains("not a plain weekly one")),
        "the monthly schedule is reported"
    );

    let cat = compile_dir(&out);
    assert_eq!(cat.services.len(), 2);
    let (_, cafe) = cat
        .service_by_id("hsds-5b8e1a60-3c2d-4e7f-9a10-2b3c4d5e6f71")
        .unwrap();
    assert_eq!(cat.service_type(cafe).id, "meeting_place");
    assert_eq!(cat.organisation(cafe).kind, perheopas_core::OrgKind::Ngo);
    assert_eq!(cafe.cost, perheopas_core::Cost::Free);
    assert_eq!(cafe.languages, ["fi", "en"]);
    let place = &cafe.delivery[0];
    assert_eq!(
        cat.municipalities[place.address.as_ref().unwrap().municipality as usize]
            .name
            .fi,
        "Mikkeli"
    );
    assert_eq!(place.hours.as_deref(), Some("Tu,Th 09:30-12:00"));
    // The monthly father-and-child morning cannot be weekly hours; its description is kept in the
    // note, a sentence of its own.
    assert_eq!(
        place.hours_note.fi,
        "Ei kesä-heinäkuussa. Isä-lapsi-aamu kuun ensimmäisenä lauantaina."
    );
    assert_eq!(
        place.accessibility,
        [perheopas_core::Accessibility::StepFree]
    );
    assert_eq!(place.accessibility_note.fi, "Vaunuparkki pihalla");
    assert_eq!(cafe.delivery[1].channel, perheopas_core::Channel::Online);

    let (_, chat) = cat
        .service_by_id("hsds-e0a1f4a2-b1a3-4ef5-8c13-c4d5e6f7a8b9")
        .unwrap();
    assert!(chat.areas.nationwide);
    assert_eq!(chat.last_checked, "2026-10-20");
    let channels: Vec<_> = chat.delivery.iter().map(|d| d.channel).collect();
    assert_eq!(
        channels,
        [
            perheopas_core::Channel::Chat,
            perheopas_core::Channel::Phone
        ]
    );
    assert_eq!(chat.delivery[0].hours.as_deref(), Some("Mo-Th 18:00-21:00"));

    // Not HSDS at all: an error, and nothing written.
    let dir = temp_dir("hsds-bad");
    std::fs::create_dir_all(&*dir).unwrap();
    std::fs::write(dir.join("bad.json"), "{\"services\": 1}").unwrap();
    assert!(hsds::import_hsds(
        &dir.join("bad.json"),
        &dir.join("out"),
        &hsds_mapping(),
        &Default::default()
    )
    .unwrap_err()
    .contains("record [0] is an object with neither id nor name, not a service"));
    assert!(!dir.join("out").exists());
}

#[test]
fn coverage_table_shows_the_sample_catalogues_gaps() {
    let cat = real_catalogue();
    let code = coverage_cmd::find_county(&cat, "Pohjois-Savo").unwrap();
    assert_eq!(code, "13");
    let c = perheopas_core::coverage::coverage(&cat, &code, &[], &[]);
    assert_eq!(c.rows.len(), 19, "Pohjois-Savo has 19 municipalities");
    assert_eq!(c.columns.len(), cat.service_types.len());
    let table = coverage_cmd::table(&c);
    assert!(
        table.contains("UNIVERSAL") && table.contains("SPECIALIST"),
        "{table}"
    );
    assert!(
        !c.gaps().is_empty() && table.contains(" --"),
        "the sample network has gaps"
    );
    // Every municipality has a child health clinic in the sample catalogue.
    let clinic = c
        .columns
        .iter()
        .position(|x| x.type_id == "child_health_clinic")
        .unwrap();
    assert!((0..c.rows.len()).all(|r| c.count(r, clinic) > 0));

    let dir = temp_dir("coverage");
    std::fs::create_dir_all(&*dir).unwrap();
    let csv = dir.join("coverage.csv");
    let levels = coverage_cmd::parse_levels("basic").unwrap();
    let providers = coverage_cmd::parse_providers("wellbeing_county,ngo").unwrap();
    coverage_cmd::print_coverage(&root().join("data"), "13", &levels, &providers, Some(&csv))
        .unwrap();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 1 + 19);
    assert!(text
        .lines()
        .next()
        .unwrap()
        .split(',')
        .skip(2)
        .all(|h| h.starts_with("basic:")));
    assert!(coverage_cmd::parse_levels("top").is_err());
    assert!(coverage_cmd::find_county(&cat, "Atlantis").is_err());
}

#[test]
fn generated_catalogue_goes_through_the_writer_and_back() {
    let t = scale::scale_run(1500).unwrap();
    println!("{t}");
    assert_eq!(t.services, 1500);
    assert_eq!(
        t.files,
        1 + 1 + 2,
        "catalogue.toml, organisations.toml and two service files"
    );
}

/// The scale figures: `cargo test --profile tool -p perheopas-xtask --test import_export
/// scale_50000 -- --ignored --nocapture` (or the `scale` command once wired).
#[test]
#[ignore = "takes a minute in a debug build; run with --profile tool"]
fn scale_50000() {
    scale::scale_report(50_000).unwrap();
}
