//! Issue 22, items 2–4: what the PTV importer used to drop or get wrong without a word, each on
//! the PTV fixture with one change a real export makes: a second visiting address, connection
//! hours that give no hours, several `additionalInformation` texts and `isReservation`, an `http`
//! organisation site, and a place in a merged municipality's far village.

mod ptv_common;

use std::path::{Path, PathBuf};

use perheopas_core::model::Catalogue;
use perheopas_xtask::catalogue_writer::{ImportOptions, ImportReport};
use perheopas_xtask::ptv;
use ptv_common::{compile_written, in_person, service};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture() -> Value {
    let p = root().join("xtask/tests/fixtures/ptv_sample.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// Imports the fixture after `edit`, and compiles what was written.
fn import(name: &str, edit: impl FnOnce(&mut Value)) -> (ImportReport, Catalogue) {
    let dir = std::env::temp_dir().join(format!("perheopas-ptvf-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut json = fixture();
    edit(&mut json);
    let input = dir.join("export.json");
    std::fs::write(&input, json.to_string()).unwrap();
    let out = dir.join("out");
    let report = ptv::import_ptv(
        &input,
        &out,
        &root().join("data/mapping/ptv_service_classes.csv"),
        &ImportOptions { allow_shrink: true },
    )
    .unwrap();
    let cat = compile_written(&out);
    let _ = std::fs::remove_dir_all(dir);
    (report, cat)
}

#[test]
fn a_second_visiting_address_is_a_second_delivery_point() {
    let (_, before) = import("one-address", |_| {});
    let (_, cat) = import("two-addresses", |j| {
        let addresses = j["serviceChannels"][0]["addresses"].as_array_mut().unwrap();
        let mut second = addresses[0].clone();
        second["streetAddress"]["street"] = json!([{"value": "Toinenkatu", "language": "fi"}]);
        second["streetAddress"]["latitude"] = json!("6973000");
        second["streetAddress"]["longitude"] = json!("534000");
        addresses.push(second);
    });
    let one = in_person(service(&before, "1d01")).len();
    let places = in_person(service(&cat, "1d01"));
    assert_eq!(places.len(), one + 1);
    assert!(places.iter().any(|d| d
        .address
        .as_ref()
        .is_some_and(|a| a.street.fi.starts_with("Toinenkatu"))));
}

#[test]
fn unusable_connection_hours_do_not_replace_the_channels() {
    let (_, before) = import("channel-hours", |_| {});
    let (report, cat) = import("empty-connection-hours", |j| {
        j["services"][0]["serviceChannels"][0]["serviceHours"] =
            json!([{"serviceHourType": "DaysOfTheWeek", "openingHour": []}]);
    });
    let hours = |c: &Catalogue| in_person(service(c, "1d01"))[0].hours.clone();
    assert!(hours(&before).is_some());
    assert_eq!(hours(&cat), hours(&before));
    assert!(report
        .notes
        .iter()
        .any(|n| n.why.contains("the channel's hours are used")));
}

#[test]
fn every_additional_information_and_reservation_are_kept() {
    let (_, cat) = import("additional-info", |j| {
        let h = &mut j["serviceChannels"][0]["serviceHours"][0];
        h["isReservation"] = json!(true);
        h["additionalInformation"]
            .as_array_mut()
            .unwrap()
            .push(json!({"value": "Lounastauko 12-13", "language": "fi"}));
    });
    let note = in_person(service(&cat, "1d01"))[0].hours_note.clone();
    assert!(note.fi.starts_with("Ajanvarauksella."), "{}", note.fi);
    assert!(
        note.fi.contains("Vastaanotto ajanvarauksella") && note.fi.contains("Lounastauko 12-13"),
        "{}",
        note.fi
    );
}

#[test]
fn an_http_organisation_site_is_noted() {
    let (report, _) = import("http-org", |j| {
        j["organizations"][0]["webPages"] =
            json!([{"url": "http://pohjois-savo.perheopas.example/", "language": "fi"}]);
    });
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.field == "webPages"
                && n.why.contains("http://pohjois-savo.perheopas.example/")),
        "{report}"
    );
}

#[test]
fn a_place_in_a_merged_municipalitys_far_village_is_kept_with_a_warning() {
    // Channel 3 moved to Vähäkyrö's centre (63.05, 22.12), part of Vaasa (905) since 2013:
    // 26 km from Vaasa's centre, where the old fixed radius (22 km) rejected the whole service.
    let (report, cat) = import("vahakyro", |j| {
        let a = &mut j["serviceChannels"][2]["addresses"][0]["streetAddress"];
        a["municipality"]["code"] = json!("905");
        a["latitude"] = json!("63.05");
        a["longitude"] = json!("22.12");
    });
    let s = service(&cat, "1d02");
    assert!(in_person(s)
        .iter()
        .any(|d| d.location.is_some_and(|l| (l.0 - 63.05).abs() < 1e-4)));
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.why.contains("Vaasa") && n.why.contains("kept")),
        "{report}"
    );
    // A point in Tallinn for the same place drops the place, not the service.
    let (report, cat) = import("tallinn", |j| {
        let a = &mut j["serviceChannels"][2]["addresses"][0]["streetAddress"];
        a["latitude"] = json!("59.437");
        a["longitude"] = json!("24.7536");
    });
    assert!(
        cat.services.iter().any(|s| s.id.ends_with("1d02")),
        "{report}"
    );
    assert!(report.notes.iter().any(|n| n.why.contains("left out")));
}
