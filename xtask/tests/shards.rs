//! The catalogue cut by county (issue 23): merging every shard of a cut gives the catalogue
//! back, on the sample of `data/` and on a generated national catalogue; a shard from another
//! build or county, or merged twice, is refused with the catalogue kept; the files and the
//! manifest written by `shards` agree.

use std::path::Path;

use perheopas_core::asset::{self, shard, DecodeError};
use perheopas_core::Catalogue;
use perheopas_xtask::{check_cmd, shards_cmd, synth};

fn sample() -> Catalogue {
    check_cmd::compiled(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data")).unwrap()
}

/// A catalogue back from its parts: the same services (by id, every field, the same
/// organisation), the same hours for every place, the same family centre for every area.
fn assert_same(whole: &Catalogue, merged: &Catalogue) {
    assert_eq!(whole.services.len(), merged.services.len());
    for s in &whole.services {
        let (_, m) = merged.service_by_id(&s.id).expect("every service is back");
        assert_eq!(
            whole.organisation(s),
            merged.organisation(m),
            "organisation of {}",
            s.id
        );
        let m = perheopas_core::Service {
            organisation: s.organisation,
            ..m.clone()
        };
        assert_eq!(s, &m);
        for d in &s.delivery {
            if let Some(h) = &d.hours {
                assert_eq!(whole.schedule(h), merged.schedule(h), "hours {h}");
            }
        }
    }
    for a in &whole.service_areas {
        let b = merged.service_areas.iter().find(|b| b.id == a.id).unwrap();
        assert_eq!(
            a.family_centre.map(|s| &whole.services[s as usize].id),
            b.family_centre.map(|s| &merged.services[s as usize].id),
            "family centre of {}",
            a.id
        );
    }
}

fn round_trip(whole: &Catalogue) {
    let (common, shards) = shard::split(whole);
    let mut merged = asset::decode(&asset::encode(&common)).unwrap();
    // In any order: a family opens the counties in the order it needs them.
    for s in shards.into_iter().rev() {
        merge_bytes(&mut merged, &shard::encode(&s));
    }
    assert_same(whole, &merged);
}

fn merge_bytes(cat: &mut Catalogue, bytes: &[u8]) {
    shard::merge(cat, shard::decode(bytes).unwrap()).unwrap();
}

#[test]
fn the_sample_merged_from_its_shards_is_the_catalogue() {
    let whole = sample();
    let (common, shards) = shard::split(&whole);
    assert!(shards.len() >= 3, "{} shards", shards.len());
    assert!(
        common.services.len() < whole.services.len() / 2,
        "{} of {} services are common",
        common.services.len(),
        whole.services.len()
    );
    round_trip(&whole);
}

#[test]
fn a_national_catalogue_merged_from_its_shards_is_the_catalogue() {
    let whole = synth::catalogue(5_000);
    let (_, shards) = shard::split(&whole);
    assert!(shards.len() >= 20, "{} shards", shards.len());
    round_trip(&whole);
    // Too big to fetch whole: the app takes it a shard at a time.
    let dir = std::env::temp_dir().join(format!("perheopas-national-{}", std::process::id()));
    let written = shards_cmd::write(&whole, &dir).unwrap();
    assert_eq!(written.manifest.whole, None);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_common_part_alone_is_a_whole_catalogue_with_every_family_centre() {
    let whole = sample();
    let (common, _) = shard::split(&whole);
    // The family centres and nothing else: nationwide services are the wide shard's.
    assert!(!common.services.iter().any(|s| s.areas.nationwide));
    let common = asset::decode(&asset::encode(&common)).expect("checked like any catalogue");
    let mut centres = 0;
    for a in &whole.service_areas {
        let Some(s) = a.family_centre else { continue };
        let b = common.service_areas.iter().find(|b| b.id == a.id).unwrap();
        let in_common = b.family_centre.expect("the family centre is kept");
        assert_eq!(
            common.services[in_common as usize].id,
            whole.services[s as usize].id
        );
        centres += 1;
    }
    assert!(centres > 0, "the sample has family centres to keep");
}

#[test]
fn a_shard_holds_only_services_of_its_own_area() {
    for whole in [sample(), synth::catalogue(3_000)] {
        let (_, shards) = shard::split(&whole);
        let kinds = |f: fn(&shard::Area) -> bool| shards.iter().filter(|s| f(&s.area)).count();
        assert_eq!(kinds(|a| *a == shard::Area::Wide), 1);
        assert!(kinds(|a| matches!(a, shard::Area::County(_))) >= 3);
        assert!(kinds(|a| matches!(a, shard::Area::Municipality(_))) >= 3);
        for s in &shards {
            for service in &s.services {
                let (_, original) = whole.service_by_id(&service.id).unwrap();
                assert_eq!(shard::home(&whole, original), s.area, "{}", service.id);
                // Its areas and places all lie in the shard's area.
                let munis = original.areas.municipalities.iter().copied().chain(
                    original
                        .delivery
                        .iter()
                        .filter_map(|d| d.address.as_ref())
                        .map(|a| a.municipality),
                );
                for m in munis {
                    let m = &whole.municipalities[m as usize];
                    match &s.area {
                        shard::Area::Wide => {}
                        shard::Area::County(c) => {
                            assert_eq!(&whole.counties[m.county as usize].code, c)
                        }
                        shard::Area::Municipality(code) => assert_eq!(&m.code, code),
                    }
                }
            }
        }
    }
}

#[test]
fn a_wrong_shard_is_refused_by_name_and_the_catalogue_kept() {
    let whole = sample();
    let (common, shards) = shard::split(&whole);
    let mut cat = common.clone();
    let other_build = shard::Shard {
        built: "2020-01-01T00:00:00Z".into(),
        ..shards[0].clone()
    };
    let e = shard::merge(&mut cat, other_build).unwrap_err();
    assert!(e.contains("do not belong together"), "{e}");
    let nowhere = shard::Shard {
        area: shard::Area::County("99".into()),
        ..shards[0].clone()
    };
    assert_eq!(
        shard::merge(&mut cat, nowhere).unwrap_err(),
        "shard \"county-99\": no such area in the catalogue"
    );
    assert_eq!(
        cat, common,
        "a refused shard leaves the catalogue as it was"
    );
    shard::merge(&mut cat, shards[0].clone()).unwrap();
    let kept = cat.clone();
    let e = shard::merge(&mut cat, shards[0].clone()).unwrap_err();
    assert!(e.contains("already used"), "{e}");
    assert_eq!(cat, kept);
}

#[test]
fn a_shard_is_never_read_as_a_catalogue_nor_the_reverse() {
    let (common, shards) = shard::split(&sample());
    assert_eq!(
        asset::decode(&shard::encode(&shards[0])),
        Err(DecodeError::NotACatalogue)
    );
    assert_eq!(
        shard::decode(&asset::encode(&common)),
        Err(DecodeError::NotACatalogue)
    );
    let mut bytes = shard::encode(&shards[0]);
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    assert_eq!(shard::decode(&bytes), Err(DecodeError::ChecksumMismatch));
}

#[test]
fn the_written_files_are_the_manifest_and_merge_back() {
    let whole = sample();
    let dir = std::env::temp_dir().join(format!("perheopas-shards-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = shards_cmd::write(&whole, &dir).unwrap();
    let read: shards_cmd::Manifest =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(read, written.manifest);
    assert_eq!(read.built, whole.built);
    let bytes = std::fs::read(dir.join(&read.common.file)).unwrap();
    assert_eq!(bytes.len(), read.common.bytes);
    let mut cat = asset::decode(&bytes).unwrap();
    let mut services = read.common.services;
    for part in &read.shards {
        let bytes = std::fs::read(dir.join(&part.file)).unwrap();
        assert_eq!(bytes.len(), part.bytes, "{}", part.file);
        // The name carries the start of the content hash: a changed part is a new address.
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(part.file, format!("{}.{}.bin", part.key, &hash[..8]));
        services += part.services;
        merge_bytes(&mut cat, &bytes);
    }
    assert_eq!(services, whole.services.len());
    assert_same(&whole, &cat);
    // The sample is small enough to be fetched whole too; that file is the whole catalogue.
    let one = read
        .whole
        .as_ref()
        .expect("a small catalogue is written whole");
    let bytes = std::fs::read(dir.join(&one.file)).unwrap();
    assert_same(&whole, &asset::decode(&bytes).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The ids a query finds, best first, and its municipality and level counts by name.
fn found(
    e: &perheopas_core::facets::Engine,
    q: &perheopas_core::filter::Query,
) -> (Vec<String>, Vec<(String, usize)>) {
    let r = e.run(&q.resolved(&e.catalogue), None);
    let ids = r
        .hits
        .iter()
        .map(|&i| e.catalogue.services[i as usize].id.clone())
        .collect();
    let counts = r
        .municipalities
        .iter()
        .map(|&(m, n)| (e.catalogue.municipalities[m as usize].code.clone(), n))
        .chain(r.levels.iter().map(|(l, n)| (format!("{l:?}"), *n)))
        .collect();
    (ids, counts)
}

/// A search limited to an area, run on the common part and the shards its scope names, finds
/// what it finds on the whole catalogue, in the same order, with the same counts for every
/// level and for the areas asked for (the app shows no count for an area whose shards it has
/// not fetched).
fn scoped_search_is_exact(whole: &Catalogue, queries: &[perheopas_core::filter::Query]) {
    let full = perheopas_core::facets::Engine::new(whole.clone());
    let (common, shards) = shard::split(whole);
    for q in queries {
        let scope = shard::scope(whole, q);
        let wanted = scope.shards(whole).expect("limited to an area");
        assert!(!wanted.is_empty(), "{q:?}");
        let mut part = common.clone();
        for s in shards.iter().filter(|s| wanted.contains(&s.area)) {
            shard::merge(&mut part, s.clone()).unwrap();
        }
        assert!(
            part.services.len() < whole.services.len(),
            "{q:?} needs less"
        );
        let part = perheopas_core::facets::Engine::new(part);
        let (ids, counts) = found(&full, q);
        let (part_ids, part_counts) = found(&part, q);
        assert!(!ids.is_empty(), "{q:?} finds something");
        assert_eq!(ids, part_ids, "{q:?}");
        let asked = |k: &str| match whole.municipality_by_code(k) {
            Some(m) => {
                q.municipalities.iter().any(|a| a == k)
                    || q.counties
                        .contains(&whole.counties[whole.municipalities[m].county as usize].code)
            }
            None => true,
        };
        let keep = |c: &Vec<(String, usize)>| -> Vec<(String, usize)> {
            c.iter().filter(|(k, _)| asked(k)).cloned().collect()
        };
        assert_eq!(keep(&counts), keep(&part_counts), "{q:?}");
    }
}

#[test]
fn a_search_in_an_area_needs_only_its_shards_and_finds_the_same() {
    use perheopas_core::filter::Query;
    let muni = |m: &str, text: &str| Query {
        municipalities: vec![m.into()],
        text: text.into(),
        ..Query::default()
    };
    scoped_search_is_exact(
        &sample(),
        &[
            muni("422", ""),
            muni("422", "neuvola"),
            muni("297", "perhe"),
        ],
    );
    scoped_search_is_exact(
        &synth::catalogue(4000),
        &[
            muni("422", ""),
            muni("091", "perhe"),
            Query {
                counties: vec!["14".into()],
                ..Query::default()
            },
        ],
    );
}

#[test]
fn the_scope_of_a_search_is_its_areas_nothing_or_the_country() {
    use perheopas_core::filter::Query;
    let cat = sample();
    let lieksa = Query {
        municipalities: vec!["422".into()],
        ..Query::default()
    };
    let m = cat.municipality_by_code("422").unwrap() as u16;
    assert_eq!(
        shard::scope(&cat, &lieksa),
        shard::Scope::Areas {
            counties: vec![],
            municipalities: vec![m]
        }
    );
    // Lieksa's services: the wide shard, North Karelia's own and Lieksa's own.
    assert_eq!(
        shard::scope(&cat, &lieksa).shards(&cat),
        Some(vec![
            shard::Area::Wide,
            shard::Area::County("14".into()),
            shard::Area::Municipality("422".into())
        ])
    );
    assert_eq!(shard::scope(&cat, &Query::default()), shard::Scope::NOTHING);
    assert_eq!(shard::Scope::NOTHING.shards(&cat), Some(vec![]));
    let text = Query {
        text: "neuvola".into(),
        ..Query::default()
    };
    assert_eq!(shard::scope(&cat, &text), shard::Scope::Country);
}

#[test]
fn a_batch_of_shards_merges_at_once_and_a_bad_one_is_refused_alone() {
    let whole = synth::catalogue(3_000);
    let (common, shards) = shard::split(&whole);
    let mut cat = common.clone();
    let mut batch = shards.clone();
    // One shard of another build among them.
    batch[5].built = "2020-01-01T00:00:00Z".into();
    let bad = batch[5].area.clone();
    let refused = shard::merge_many(&mut cat, batch);
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert_eq!(refused[0].0, bad);
    assert!(
        refused[0].1.contains("do not belong together"),
        "{}",
        refused[0].1
    );
    assert_eq!(
        cat.services.len(),
        whole.services.len() - shards[5].services.len()
    );
    // Every other shard at once: the catalogue back.
    let mut all = common;
    assert!(shard::merge_many(&mut all, shards).is_empty());
    assert_same(&whole, &all);
}

/// The app merges the whole country and builds its engine while the family types (issue 23):
/// the work asks to pause after every unit (a service copied, appended, checked, indexed, a
/// word), and ends with the same engine as the work done at once.
#[test]
fn the_country_is_merged_and_indexed_in_steps_to_the_same_results() {
    use perheopas_core::facets::Engine;
    use perheopas_core::pace::{self, Pace, Pause};

    let whole = synth::catalogue(4_000);
    let services = whole.services.len() as u32;
    let (common, shards) = shard::split(&whole);
    let base = asset::decode(&asset::encode(&common)).unwrap();
    let mut at_once = base.clone();
    assert!(shard::merge_many(&mut at_once, shards.clone()).is_empty());
    let at_once = Engine::new(at_once);

    let mut pause = || -> Pause { Box::pin(std::future::ready(())) };
    let mut pace = Pace::new(1, &mut pause);
    let mut cat = pace::now(shard::copy_in_steps(&base, &mut pace));
    let copied = pace.asked();
    assert!(pace::now(shard::merge_many_in_steps(&mut cat, shards, &mut pace)).is_empty());
    let merged = pace.asked() - copied;
    // Each new service appended, then checked with the rest; the shards then let go of.
    assert!(
        merged >= 3 * (services - base.services.len() as u32),
        "{merged} asks merging"
    );
    let stepped = pace::now(Engine::build(cat, &mut pace));
    let built = pace.asked() - copied - merged;
    // Indexed, named for the alphabetical order, sorted by it, and its facets worked out.
    assert!(built >= 4 * services, "{built} asks building");

    assert_eq!(stepped.catalogue, at_once.catalogue);
    let open = at_once.open_at(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .unwrap(),
    );
    for (label, query) in perheopas_xtask::bench::cases(&at_once) {
        assert_eq!(
            stepped.run(&query, Some(&open)),
            at_once.run(&query, Some(&open)),
            "{label}"
        );
    }
    let before = pace.asked();
    pace::now(stepped.drop_in_steps(&mut pace));
    assert!(pace.asked() - before >= 2 * services, "let go of in steps");
}
