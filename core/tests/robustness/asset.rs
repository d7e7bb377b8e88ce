//! Compiled asset: `asset::decode` refuses damage by name, and whatever it accepts the app can use.

use std::sync::LazyLock;

use chrono::NaiveDateTime;
use perheopas_core::asset::{self, DecodeError};
use perheopas_core::facets::{Counting, Engine};
use perheopas_core::filter::{self, Query};
use perheopas_core::{Accessibility, Catalogue, Channel, Lang, Level, OrgKind};
use proptest::prelude::*;
use proptest::sample::{select, Index};

use crate::catalogue::catalogue_records;
use crate::common::*;

static ENCODED: LazyLock<Vec<u8>> = LazyLock::new(|| asset::encode(&CAT));

/// Magic, format version, body length and CRC-32.
const HEADER_LEN: usize = 14;

fn with_valid_header(body: &[u8]) -> Vec<u8> {
    let mut bytes = b"PHOP".to_vec();
    bytes.extend_from_slice(&asset::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(body.len() as u32).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    bytes.extend_from_slice(body);
    bytes
}

/// The tests below build files by hand; if the header changed they would only ever test its
/// refusal, so they first prove they make what the real writer makes.
#[test]
fn the_hand_made_header_is_the_real_one() {
    assert_eq!(with_valid_header(&ENCODED[HEADER_LEN..]), *ENCODED);
}

/// Moments to ask the hours about: a weekday and a holiday near the seed's build date, and a
/// day past every compiled window.
fn moments() -> [NaiveDateTime; 3] {
    let at = |d: &str| NaiveDateTime::parse_from_str(d, "%Y-%m-%d %H:%M").expect("valid moment");
    [
        at("2026-11-24 12:00"),
        at("2026-12-06 09:30"),
        at("2031-01-01 00:00"),
    ]
}

/// What the app does with a catalogue it has decoded, done natively because the UI crate only
/// builds for Wasm: the engine built, the finder's queries run both ways of counting, and every
/// accessor the views call walked for every service, county and municipality (result cards,
/// service pages, the filter panel, contact points, the coverage page, the map, the kiosk's
/// "you are here", the saved list). In the browser a bad number here aborts the app
/// (`panic = "abort"`) and leaves a blank page; here it fails the test.
fn use_like_the_app(cat: Catalogue) -> Result<(), TestCaseError> {
    let engine = Engine::new(cat);
    let cat = &engine.catalogue;
    let [now, ..] = moments();
    let open = engine.open_at(now);
    prop_assert_eq!(open.len(), cat.services.len());

    // The finder: no search, text searches, and each filter value on its own.
    let q = Query::default;
    let mut queries = vec![
        q(),
        Query {
            text: "neuvola".into(),
            ..q()
        },
        Query {
            text: "a".into(),
            ..q()
        },
    ];
    queries.extend(Level::ALL.map(|l| Query {
        levels: vec![l],
        ..q()
    }));
    queries.extend(cat.categories().into_iter().map(|c| Query {
        categories: vec![c.into()],
        ..q()
    }));
    queries.extend(cat.counties.iter().map(|c| Query {
        counties: vec![c.code.clone()],
        ..q()
    }));
    // Municipalities are many: those named by a service, and a few others.
    let named = cat.services.iter().flat_map(|s| {
        let places = s
            .delivery
            .iter()
            .filter_map(|d| d.address.as_ref().map(|a| a.municipality));
        s.areas
            .municipalities
            .iter()
            .copied()
            .chain(places)
            .collect::<Vec<_>>()
    });
    let municipalities = named
        .chain(0..3)
        .filter_map(|m| cat.municipalities.get(usize::from(m)));
    queries.extend(municipalities.map(|m| Query {
        municipalities: vec![m.code.clone()],
        ..q()
    }));
    queries.extend(filter::AGE_BANDS.map(|a| Query {
        age: Some(a),
        ..q()
    }));
    queries.extend(engine.languages().iter().map(|l| Query {
        languages: vec![l.clone()],
        ..q()
    }));
    queries.extend([
        Query { free: true, ..q() },
        Query {
            contact_self: true,
            ..q()
        },
        Query {
            open_now: true,
            ..q()
        },
    ]);
    queries.extend(OrgKind::ALL.map(|k| Query {
        providers: vec![k],
        ..q()
    }));
    queries.extend(Channel::ALL.map(|c| Query {
        channels: vec![c],
        ..q()
    }));
    queries.extend(Accessibility::ALL.map(|a| Query {
        features: vec![a],
        ..q()
    }));
    for query in &queries {
        let by_document = engine.run_with(query, Some(&open), Counting::PerDocument);
        let by_sets = engine.run_with(query, Some(&open), Counting::Sets);
        prop_assert!(by_document
            .hits
            .iter()
            .all(|&h| (h as usize) < cat.services.len()));
        prop_assert_eq!(by_document, by_sets);
    }
    for moment in moments() {
        prop_assert_eq!(engine.open_at(moment).len(), cat.services.len());
    }

    // The filter panel and the embed page: places with services, grouped by county, with counts.
    let results = engine.run(&q(), Some(&open));
    let (counties, municipalities) = cat.places_with_services();
    for &c in &counties {
        let _ = (&cat.counties[c as usize].name, results.counties[c as usize]);
        for &m in municipalities
            .iter()
            .filter(|&&m| cat.municipalities[m as usize].county == c)
        {
            let _ = (
                &cat.municipalities[m as usize].name,
                results.municipalities[m as usize],
            );
        }
    }
    // Contact points (a municipality's county, and its hours), the coverage page, the chips.
    for m in &cat.municipalities {
        let county = &cat.counties[m.county as usize];
        if let Some(hours) = county.contact.as_ref().and_then(|c| c.hours.as_deref()) {
            show_hours(cat, hours)?;
        }
        prop_assert!(cat.municipality_by_code(&m.code).is_some());
    }
    for c in &cat.counties {
        let table = perheopas_core::coverage::coverage(cat, &c.code, &[], &[]);
        prop_assert_eq!(table.counts.len(), table.rows.len() * table.columns.len());
        let _ = cat.county_by_code(&c.code).map(|i| &cat.counties[i].name);
    }

    // Every service as a result card, a service page and an entry of the saved list.
    for (i, s) in cat.services.iter().enumerate() {
        // A link or a saved entry names the service by id: it must lead to this service.
        prop_assert_eq!(
            cat.service_by_id(&s.id).map(|(j, _)| j),
            Some(i),
            "id {:?} leads elsewhere",
            s.id
        );
        let _ = (
            cat.level(s),
            &cat.service_type(s).name,
            &cat.organisation(s).name,
        );
        for lang in Lang::ALL {
            let _ = cat.place_name(s, lang);
        }
        for d in &s.delivery {
            if let Some(a) = &d.address {
                // The delivery card's municipality and the kiosk's "you are here".
                let _ = (
                    &cat.municipalities[a.municipality as usize].name,
                    &cat.municipalities[a.municipality as usize].code,
                );
            }
            if let Some(hours) = d.hours.as_deref() {
                show_hours(cat, hours)?;
            }
        }
        for m in 0..cat.municipalities.len() as u16 {
            let _ = cat.serves(s, m);
        }
    }

    // The map: markers of every service, nearest first from a point, the nearest municipality.
    let mut all: Vec<u32> = (0..cat.services.len() as u32).collect();
    let (markers, _) = perheopas_core::map::locate::service_markers(cat, &all);
    for (id, _, _) in markers {
        let _ = &cat.services[id.service as usize].delivery[usize::from(id.delivery)];
    }
    perheopas_core::map::locate::sort_by_distance(cat, &mut all, (62.6, 29.76));
    if let Some(near) = perheopas_core::map::locate::nearest_centre(cat, (62.6, 29.76)) {
        let _ = &cat.municipalities[near.municipality as usize].name;
    }
    Ok(())
}

/// An opening-hours line and week table, as the views draw them: the catalogue holds a
/// schedule for every expression it contains, or the place silently shows no hours.
fn show_hours(cat: &Catalogue, hours: &str) -> Result<(), TestCaseError> {
    let schedule = cat.schedule(hours);
    prop_assert!(
        schedule.is_some(),
        "hours {:?} have no compiled schedule",
        hours
    );
    let schedule = schedule.unwrap();
    for now in moments() {
        let state = schedule.state(now);
        for lang in Lang::ALL {
            let _ = perheopas_core::hours::describe(&state, now, lang);
        }
        let _ = schedule.week(now.date());
    }
    Ok(())
}

/// The references [`alter`] can break.
#[derive(Clone, Copy, Debug)]
enum Reference {
    Organisation,
    ServiceType,
    AreaCounty,
    AreaMunicipality,
    AddressMunicipality,
    MunicipalityCounty,
    PlaceHours,
    ContactHours,
    ScheduleOrder,
    ScheduleWeekDay,
    ScheduleException,
    ScheduleWindow,
    ServiceId,
    CountyCode,
    MunicipalityCode,
    ServiceTypeId,
}

const REFERENCES: [Reference; 16] = [
    Reference::Organisation,
    Reference::ServiceType,
    Reference::AreaCounty,
    Reference::AreaMunicipality,
    Reference::AddressMunicipality,
    Reference::MunicipalityCounty,
    Reference::PlaceHours,
    Reference::ContactHours,
    Reference::ScheduleOrder,
    Reference::ScheduleWeekDay,
    Reference::ScheduleException,
    Reference::ScheduleWindow,
    Reference::ServiceId,
    Reference::CountyCode,
    Reference::MunicipalityCode,
    Reference::ServiceTypeId,
];

/// One reference of the seed catalogue set to a number in range (`beyond` false), or to one
/// `past` beyond the end of its list.
#[derive(Clone, Debug)]
struct Alteration {
    what: Reference,
    at: Index,
    value: Index,
    beyond: bool,
    past: u16,
}

fn alteration() -> impl Strategy<Value = Alteration> {
    (
        select(REFERENCES.to_vec()),
        any::<Index>(),
        any::<Index>(),
        any::<bool>(),
        0..1000u16,
    )
        .prop_map(|(what, at, value, beyond, past)| Alteration {
            what,
            at,
            value,
            beyond,
            past,
        })
}

/// The altered catalogue, and whether it is broken (an alteration with nothing to act on in the
/// seed, such as a schedule without exceptions, leaves it whole).
fn alter(seed: &Catalogue, a: &Alteration) -> (Catalogue, bool) {
    let mut cat = seed.clone();
    // A number for a list of `len`: in range, or `past` beyond its end.
    let number = |len: usize| {
        if a.beyond {
            len + usize::from(a.past)
        } else {
            a.value.index(len.max(1))
        }
    };
    let services = cat.services.len();
    let changed = match a.what {
        Reference::Organisation => {
            cat.services[a.at.index(services)].organisation =
                number(cat.organisations.len()) as u32;
            true
        }
        Reference::ServiceType => {
            cat.services[a.at.index(services)].service_type =
                number(cat.service_types.len()) as u16;
            true
        }
        Reference::AreaCounty => {
            let c = number(cat.counties.len()) as u16;
            cat.services[a.at.index(services)].areas.counties.push(c);
            true
        }
        Reference::AreaMunicipality => {
            let m = number(cat.municipalities.len()) as u16;
            cat.services[a.at.index(services)]
                .areas
                .municipalities
                .push(m);
            true
        }
        Reference::AddressMunicipality => {
            let m = number(cat.municipalities.len()) as u16;
            let mut addresses: Vec<_> = cat
                .services
                .iter_mut()
                .flat_map(|s| &mut s.delivery)
                .filter_map(|d| d.address.as_mut())
                .collect();
            let n = addresses.len();
            n > 0 && {
                addresses[a.at.index(n)].municipality = m;
                true
            }
        }
        Reference::MunicipalityCounty => {
            let c = number(cat.counties.len()) as u16;
            let n = cat.municipalities.len();
            cat.municipalities[a.at.index(n)].county = c;
            true
        }
        Reference::PlaceHours | Reference::ContactHours => {
            // In range: another expression the catalogue compiled; beyond: one it did not.
            let hours = if a.beyond {
                format!("Mo {:02}:00-23:00 uncompiled", a.past % 23)
            } else {
                cat.schedules[a.value.index(cat.schedules.len())].0.clone()
            };
            match a.what {
                Reference::PlaceHours => {
                    let mut places: Vec<_> = cat
                        .services
                        .iter_mut()
                        .flat_map(|s| &mut s.delivery)
                        .collect();
                    let n = places.len();
                    places[a.at.index(n)].hours = Some(hours);
                }
                _ => {
                    let mut contacts: Vec<_> = cat
                        .counties
                        .iter_mut()
                        .filter_map(|c| c.contact.as_mut())
                        .collect();
                    let n = contacts.len();
                    contacts[a.at.index(n)].hours = Some(hours);
                }
            }
            true
        }
        Reference::ScheduleOrder => {
            // Binary search needs them sorted and distinct: two swapped, or one given twice.
            let i = a.at.index(cat.schedules.len() - 1);
            if a.beyond && a.past.is_multiple_of(2) {
                cat.schedules.swap(i, i + 1);
            } else if a.beyond {
                let twice = cat.schedules[i].clone();
                cat.schedules.insert(i, twice);
            }
            a.beyond
        }
        Reference::ScheduleWeekDay | Reference::ScheduleException => {
            let n = cat.schedules.len();
            let schedule = &mut cat.schedules[a.at.index(n)].1;
            let day = number(schedule.days.len()) as u16;
            match a.what {
                Reference::ScheduleWeekDay => {
                    schedule.week[usize::from(a.past % 7)] = day;
                    true
                }
                _ => {
                    let n = schedule.exceptions.len();
                    n > 0 && {
                        schedule.exceptions[usize::from(a.past) % n].1 = day;
                        true
                    }
                }
            }
        }
        Reference::ScheduleWindow => {
            // Past the dates the app can step through: day arithmetic on it would overflow.
            let n = cat.schedules.len();
            let schedule = &mut cat.schedules[a.at.index(n)].1;
            if a.beyond {
                schedule.first = if a.past.is_multiple_of(2) {
                    i32::MIN + i32::from(a.past)
                } else {
                    i32::MAX - i32::from(a.past)
                };
            }
            a.beyond
        }
        Reference::ServiceId
        | Reference::CountyCode
        | Reference::MunicipalityCode
        | Reference::ServiceTypeId => {
            // Beyond: one record takes another's id, so links and lookups lead to the first.
            fn share(mut ids: Vec<&mut String>, at: Index, to: bool) -> bool {
                let n = ids.len();
                let (i, j) = (at.index(n), (at.index(n) + 1) % n);
                if to && i != j {
                    *ids[j] = ids[i].clone();
                }
                to && i != j
            }
            match a.what {
                Reference::ServiceId => share(
                    cat.services.iter_mut().map(|s| &mut s.id).collect(),
                    a.at,
                    a.beyond,
                ),
                Reference::CountyCode => share(
                    cat.counties.iter_mut().map(|c| &mut c.code).collect(),
                    a.at,
                    a.beyond,
                ),
                Reference::MunicipalityCode => share(
                    cat.municipalities.iter_mut().map(|m| &mut m.code).collect(),
                    a.at,
                    a.beyond,
                ),
                _ => share(
                    cat.service_types.iter_mut().map(|t| &mut t.id).collect(),
                    a.at,
                    a.beyond,
                ),
            }
        }
    };
    (cat, changed && a.beyond)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn decode_never_panics_and_refuses_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        // Random bytes essentially never start with the magic; they must all be refused.
        prop_assume!(!bytes.starts_with(b"PHOP"));
        prop_assert_eq!(asset::decode(&bytes), Err(DecodeError::NotACatalogue));
    }

    #[test]
    fn decode_refuses_a_right_header_with_a_random_body(body in proptest::collection::vec(any::<u8>(), 0..4096), claim in any::<bool>()) {
        // With the length right (or not), the checksum still has to match.
        let mut bytes = b"PHOP".to_vec();
        bytes.extend_from_slice(&asset::FORMAT_VERSION.to_le_bytes());
        let length = if claim { body.len() as u32 } else { body.len() as u32 ^ 1 };
        bytes.extend_from_slice(&length.to_le_bytes());
        bytes.extend_from_slice(&0u32.to_le_bytes());
        bytes.extend_from_slice(&body);
        prop_assert!(asset::decode(&bytes).is_err());
    }

    #[test]
    fn a_random_body_behind_a_valid_checksum_is_refused(body in proptest::collection::vec(any::<u8>(), 0..4096)) {
        // Past the header the records themselves are read: nonsense is an error, never a panic.
        prop_assert!(asset::decode(&with_valid_header(&body)).is_err());
    }

    #[test]
    fn changed_records_behind_a_valid_checksum_never_panic(flips in proptest::collection::vec((any::<Index>(), any::<u8>()), 1..8)) {
        // What a buggy writer could produce. A change inside a string may still read as a
        // catalogue; then it is a whole one, that writes and reads back the same.
        let mut body = ENCODED[HEADER_LEN..].to_vec();
        for (i, b) in flips {
            let at = i.index(body.len());
            body[at] = b;
        }
        if let Ok(cat) = asset::decode(&with_valid_header(&body)) {
            let again = asset::decode(&asset::encode(&cat));
            prop_assert_eq!(again.as_ref(), Ok(&cat));
            // And the app can use it: decoding is only the first step where a bad number bites.
            use_like_the_app(cat)?;
        }
    }

    #[test]
    fn a_corrupted_catalogue_is_refused(flips in proptest::collection::vec((any::<Index>(), any::<u8>()), 1..8)) {
        let mut bytes = ENCODED.clone();
        for (i, b) in flips {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        // Any changed byte is caught by the header or the checksum, never read as records.
        prop_assume!(bytes != *ENCODED);
        prop_assert!(asset::decode(&bytes).is_err());
    }

    #[test]
    fn a_truncated_catalogue_is_refused(cut in any::<Index>()) {
        let bytes = &*ENCODED;
        let len = cut.index(bytes.len());
        prop_assert!(asset::decode(&bytes[..len]).is_err(), "cut at {} of {} bytes decoded", len, bytes.len());
    }

    #[test]
    fn a_truncated_random_catalogue_is_refused(records in catalogue_records(), cut in any::<Index>()) {
        let (_, records) = records;
        let text: String = records.iter().map(|r| r.toml.as_str()).collect();
        if let Ok((cat, _)) = compile(&text) {
            let bytes = asset::encode(&cat);
            let back = asset::decode(&bytes);
            prop_assert_eq!(back.as_ref(), Ok(&cat));
            let len = cut.index(bytes.len());
            prop_assert!(asset::decode(&bytes[..len]).is_err(), "cut at {} of {} bytes decoded", len, bytes.len());
        }
    }
}

proptest! {
    // Each case walks the whole app over the catalogue: fewer cases, still several per reference.
    #![proptest_config(config(128))]

    /// A catalogue whose bytes are exactly as written, checksum and all, but with one reference
    /// set to a number in range or past it: what a buggy writer makes. The decoder must refuse
    /// every broken one, naming it, and every file it accepts must be one the app can show.
    #[test]
    fn a_broken_reference_behind_a_valid_checksum_is_refused(alteration in alteration()) {
        let (cat, broken) = alter(&CAT, &alteration);
        // `encode` writes whatever it is given; only `decode` checks.
        match asset::decode(&asset::encode(&cat)) {
            Ok(back) => {
                // The app first: a broken number it meets is the crash the decoder must prevent.
                use_like_the_app(back)?;
                prop_assert!(!broken, "decoded a broken catalogue: {:?}", alteration);
            }
            Err(DecodeError::Corrupt(e)) => {
                prop_assert!(broken, "refused a whole catalogue ({:?}): {}", alteration, e);
                prop_assert!(e.starts_with("records: "), "{}", e);
            }
            Err(e) => prop_assert!(false, "{:?}: {}", alteration, e),
        }
    }
}

#[test]
fn every_cut_near_the_ends_of_a_catalogue_is_refused() {
    // The header, the first records and the last fields are where an off-by-one would hide.
    let bytes = &*ENCODED;
    assert_eq!(asset::decode(bytes).as_ref(), Ok(&*CAT));
    let ends = (0..bytes.len().min(512)).chain(bytes.len().saturating_sub(512)..bytes.len());
    for len in ends {
        assert!(
            asset::decode(&bytes[..len]).is_err(),
            "cut at {len} of {} bytes decoded",
            bytes.len()
        );
    }
}
