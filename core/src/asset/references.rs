//! Every reference between the records of a decoded catalogue, checked before the app uses it.
//!
//! Records point at each other by number (a service at its organisation and service type, an
//! area at counties and municipalities, a municipality at its county) and by text (a place's
//! opening hours at their compiled schedule). The engine and the views follow those numbers with
//! plain indexing, in some twenty places. The header's checksum only proves that the bytes are
//! the ones written: a buggy writer can still write a number past the end of a list, and in the
//! browser (`panic = "abort"`) one such number leaves a blank page, with the saved last-good copy
//! never tried. So [`check`] runs on every decode, and a file that fails it is refused with the
//! record and the number named, like any other damaged file; the app then shows the saved copy.
//!
//! What is checked, and who relies on it:
//! - lists indexed by 16-bit numbers (counties, municipalities, service types) have at most
//!   65 535 entries: the engine counts over them as `0..len as u16`;
//! - service: organisation, service type, area counties and area municipalities in range
//!   (engine, search index, result cards, service page, coverage page);
//! - delivery point: the address's municipality in range (engine, delivery card, kiosk), and its
//!   hours have a compiled schedule (open-now filter, hours line and week table);
//! - service area: county, municipalities and family centre in range (the area filter, "your
//!   family centre"); ids unique;
//! - municipality: its county in range (engine's county counts and sets, contact points);
//! - county: its contact point's hours have a compiled schedule;
//! - schedules: sorted by text, each text once (found by binary search); in each, the weekdays
//!   and exceptions point at its days, exceptions in ascending order (binary search), and its
//!   window of dates within the years 1900–9999, so no date step from it can overflow;
//! - ids and codes the app looks records up by are unique: services (links, the saved list),
//!   counties and municipalities (the area filter), service types (the coverage page). A second
//!   record under one id could never be reached.
//!
//! Strings need nothing here: the text table's numbers are checked as they are read
//! (`strings`), and the spans of a schedule's days are read safely whatever their values.
//!
//! Numbers in messages count from 0, as the records do when they refer to each other.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::hours::{epoch_day, Schedule};
use crate::model::{Catalogue, DeliveryPoint, Service};

/// The longest list a 16-bit index reaches whole (the engine counts `0..len as u16`).
const U16_LIST: usize = u16::MAX as usize;

/// Checks every reference of a decoded catalogue; the error names the record and the problem.
pub(super) fn check(cat: &Catalogue) -> Result<(), String> {
    crate::pace::now(check_in_steps(cat, &mut crate::pace::Pace::never()))
}

/// [`check`], a service at a time (see [`crate::pace`]).
pub(super) async fn check_in_steps(
    cat: &Catalogue,
    pace: &mut crate::pace::Pace<'_>,
) -> Result<(), String> {
    for (len, many) in [
        (cat.counties.len(), "counties"),
        (cat.municipalities.len(), "municipalities"),
        (cat.service_types.len(), "service types"),
    ] {
        if len > U16_LIST {
            return Err(format!(
                "{len} {many}, more than the {U16_LIST} that 16-bit numbers reach"
            ));
        }
    }
    unique(
        "county",
        "code",
        cat.counties.iter().map(|c| c.code.as_str()),
    )?;
    unique(
        "municipality",
        "code",
        cat.municipalities.iter().map(|m| m.code.as_str()),
    )?;
    unique(
        "service type",
        "id",
        cat.service_types.iter().map(|t| t.id.as_str()),
    )?;
    unique("service", "id", cat.services.iter().map(|s| s.id.as_str()))?;
    for (i, m) in cat.municipalities.iter().enumerate() {
        within(m.county.into(), cat.counties.len(), "county", "counties")
            .map_err(|e| format!("municipality {} (number {i}): {e}", quoted(&m.code)))?;
    }
    // Before any hours are looked up: the lookup is a binary search that needs the order.
    schedules(&cat.schedules)?;
    for (i, c) in cat.counties.iter().enumerate() {
        if let Some(hours) = c.contact.as_ref().and_then(|c| c.hours.as_deref()) {
            has_schedule(cat, hours).map_err(|e| {
                format!(
                    "county {} (number {i}), contact point: {e}",
                    quoted(&c.code)
                )
            })?;
        }
    }
    for (i, s) in cat.services.iter().enumerate() {
        let place = || format!("service {} (number {i})", quoted(&s.id));
        service(cat, s).map_err(|e| format!("{}: {e}", place()))?;
        for (j, d) in s.delivery.iter().enumerate() {
            delivery_point(cat, d).map_err(|e| format!("{}, delivery point {j}: {e}", place()))?;
        }
        pace.tick().await;
    }
    unique(
        "service area",
        "id",
        cat.service_areas.iter().map(|a| a.id.as_str()),
    )?;
    for (i, a) in cat.service_areas.iter().enumerate() {
        service_area(cat, a)
            .map_err(|e| format!("service area {} (number {i}): {e}", quoted(&a.id)))?;
    }
    for (i, e) in cat.vocabulary.entries.iter().enumerate() {
        for &t in &e.types {
            within(
                t.into(),
                cat.service_types.len(),
                "service type",
                "service types",
            )
            .map_err(|e| format!("vocabulary entry {i}: {e}"))?;
        }
    }
    Ok(())
}

/// A service area's county, members and family centre (the "your family centre" box, the area
/// filter).
fn service_area(cat: &Catalogue, a: &crate::service_area::ServiceArea) -> Result<(), String> {
    within(a.county.into(), cat.counties.len(), "county", "counties")?;
    for &m in &a.municipalities {
        within(
            m.into(),
            cat.municipalities.len(),
            "municipality",
            "municipalities",
        )?;
    }
    if let Some(s) = a.family_centre {
        within(s as usize, cat.services.len(), "service", "services")?;
    }
    Ok(())
}

fn within(index: usize, len: usize, one: &str, many: &str) -> Result<(), String> {
    if index < len {
        Ok(())
    } else {
        Err(format!("{one} {index} beyond the {len} {many}"))
    }
}

/// A text in a message: quoted and escaped, and cut short, since it may be anything at all.
fn quoted(s: &str) -> String {
    const SHOWN: usize = 60;
    match s.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{:?}…", &s[..cut]),
        None => format!("{s:?}"),
    }
}

fn unique<'a>(
    record: &str,
    key: &str,
    ids: impl ExactSizeIterator<Item = &'a str>,
) -> Result<(), String> {
    let mut first: FxHashMap<&str, usize> = FxHashMap::default();
    first.reserve(ids.len());
    for (i, id) in ids.enumerate() {
        if let Some(earlier) = first.insert(id, i) {
            return Err(format!(
                "{record} {} (number {i}): {key} already used by number {earlier}",
                quoted(id)
            ));
        }
    }
    Ok(())
}

fn service(cat: &Catalogue, s: &Service) -> Result<(), String> {
    within(
        s.organisation as usize,
        cat.organisations.len(),
        "organisation",
        "organisations",
    )?;
    within(
        s.service_type.into(),
        cat.service_types.len(),
        "service type",
        "service types",
    )?;
    for &c in &s.areas.counties {
        within(c.into(), cat.counties.len(), "area county", "counties")?;
    }
    for &m in &s.areas.municipalities {
        within(
            m.into(),
            cat.municipalities.len(),
            "area municipality",
            "municipalities",
        )?;
    }
    Ok(())
}

fn delivery_point(cat: &Catalogue, d: &DeliveryPoint) -> Result<(), String> {
    if let Some(a) = &d.address {
        within(
            a.municipality.into(),
            cat.municipalities.len(),
            "municipality",
            "municipalities",
        )?;
    }
    match d.hours.as_deref() {
        Some(hours) => has_schedule(cat, hours),
        None => Ok(()),
    }
}

fn has_schedule(cat: &Catalogue, hours: &str) -> Result<(), String> {
    match cat.schedule_index(hours) {
        Some(_) => Ok(()),
        None => Err(format!("hours {} have no compiled schedule", quoted(hours))),
    }
}

fn schedules(list: &[(String, Schedule)]) -> Result<(), String> {
    for (i, pair) in list.windows(2).enumerate() {
        let (a, b) = (&pair[0].0, &pair[1].0);
        if a == b {
            return Err(format!(
                "schedules {i} and {}: hours {} given twice",
                i + 1,
                quoted(a)
            ));
        }
        if a > b {
            return Err(format!(
                "schedules {i} and {}: hours {} before {}, out of order",
                i + 1,
                quoted(a),
                quoted(b)
            ));
        }
    }
    for (i, (text, s)) in list.iter().enumerate() {
        schedule(s).map_err(|e| format!("schedule {} (number {i}): {e}", quoted(text)))?;
    }
    Ok(())
}

fn schedule(s: &Schedule) -> Result<(), String> {
    // Far inside chrono's range (about ±262 000 years): the window, a week table from any day in
    // it and the 14-day look-ahead all stay representable, and `day`'s subtraction fits an i32.
    let day = |y| epoch_day(NaiveDate::from_ymd_opt(y, 1, 1).expect("valid date"));
    let (earliest, after) = (day(1900), day(10_000));
    let end = i64::from(s.first) + i64::from(s.len);
    if s.first < earliest || end > i64::from(after) {
        return Err(format!(
            "its {} days from day {} (since 1970) fall outside the years 1900–9999",
            s.len, s.first
        ));
    }
    for (weekday, &d) in s.week.iter().enumerate() {
        within(
            d.into(),
            s.days.len(),
            &format!("weekday {weekday}: day"),
            "days",
        )?;
    }
    let mut before: Option<u16> = None;
    for (k, &(offset, d)) in s.exceptions.iter().enumerate() {
        within(
            d.into(),
            s.days.len(),
            &format!("exception {k}: day"),
            "days",
        )?;
        if before.is_some_and(|b| offset <= b) {
            return Err(format!(
                "exception {k}: date {offset} not after the one before it, out of order"
            ));
        }
        before = Some(offset);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::{Day, Span};
    use crate::model::*;
    use crate::search::tests::tiny_catalogue;

    /// Open on weekdays, closed at weekends, one exceptional closed day: a compiled schedule's
    /// shape, written out.
    fn weekdays() -> Schedule {
        let open = Day {
            spans: vec![Span {
                from: 480,
                to: 960,
                unknown: false,
            }],
            exceptional: false,
        };
        let closed = Day::default();
        let first = epoch_day(NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date"));
        Schedule {
            first,
            len: 60,
            days: vec![open, closed],
            week: [0, 0, 0, 0, 0, 1, 1],
            exceptions: vec![(35, 1)],
        }
    }

    fn point(hours: Option<&str>, municipality: Option<u16>) -> DeliveryPoint {
        DeliveryPoint {
            address: municipality.map(|municipality| Address {
                street: Text::fi("Esimerkkikatu 1"),
                postcode: "81700".into(),
                post_office: Text::fi("Lieksa"),
                municipality,
            }),
            hours: hours.map(Into::into),
            ..DeliveryPoint::bare(Channel::InPerson)
        }
    }

    /// The tiny catalogue with places, hours and a contact point: every kind of reference used.
    fn whole() -> Catalogue {
        let mut cat = tiny_catalogue();
        cat.schedules = vec![
            ("Mo-Fr 08:00-16:00".into(), weekdays()),
            ("Tu 09:00-11:00".into(), weekdays()),
        ];
        cat.services[0].delivery =
            vec![point(Some("Mo-Fr 08:00-16:00"), Some(1)), point(None, None)];
        cat.services[1].delivery = vec![point(Some("Tu 09:00-11:00"), None)];
        cat.services[1].areas.counties = vec![1];
        cat.counties[0].contact = Some(ContactPoint {
            name: Text::fi("Perheneuvo"),
            phone: None,
            web: None,
            hours: Some("Tu 09:00-11:00".into()),
        });
        cat
    }

    fn problem(cat: &Catalogue) -> String {
        check(cat).expect_err("a broken reference")
    }

    #[test]
    fn a_whole_catalogue_passes() {
        assert_eq!(check(&tiny_catalogue()), Ok(()));
        assert_eq!(check(&whole()), Ok(()));
        assert_eq!(check(&Catalogue::default()), Ok(()));
    }

    #[test]
    fn a_service_pointing_past_a_list_is_named() {
        let mut cat = whole();
        cat.services[2].organisation = 1;
        assert_eq!(
            problem(&cat),
            "service \"c\" (number 2): organisation 1 beyond the 1 organisations"
        );
        let mut cat = whole();
        cat.services[3].service_type = 9999;
        assert_eq!(
            problem(&cat),
            "service \"d\" (number 3): service type 9999 beyond the 3 service types"
        );
        let mut cat = whole();
        cat.services[0].areas.counties.push(2);
        assert_eq!(
            problem(&cat),
            "service \"a\" (number 0): area county 2 beyond the 2 counties"
        );
        let mut cat = whole();
        cat.services[0].areas.municipalities = vec![0, 3];
        assert_eq!(
            problem(&cat),
            "service \"a\" (number 0): area municipality 3 beyond the 3 municipalities"
        );
    }

    #[test]
    fn a_place_in_no_municipality_is_named() {
        let mut cat = whole();
        cat.services[0].delivery[0]
            .address
            .as_mut()
            .unwrap()
            .municipality = 3;
        assert_eq!(problem(&cat), "service \"a\" (number 0), delivery point 0: municipality 3 beyond the 3 municipalities");
    }

    #[test]
    fn hours_without_a_compiled_schedule_are_named() {
        let mut cat = whole();
        cat.services[1].delivery[0].hours = Some("Su 10:00-12:00".into());
        assert_eq!(problem(&cat), "service \"b\" (number 1), delivery point 0: hours \"Su 10:00-12:00\" have no compiled schedule");
        let mut cat = whole();
        cat.counties[0].contact.as_mut().unwrap().hours = Some("24/7".into());
        assert_eq!(
            problem(&cat),
            "county \"11\" (number 0), contact point: hours \"24/7\" have no compiled schedule"
        );
        // A catalogue with no schedules at all and hours nonetheless.
        let mut cat = whole();
        cat.schedules.clear();
        assert!(problem(&cat).contains("have no compiled schedule"));
    }

    #[test]
    fn a_municipality_in_no_county_is_named() {
        let mut cat = whole();
        cat.municipalities[2].county = 7;
        assert_eq!(
            problem(&cat),
            "municipality \"297\" (number 2): county 7 beyond the 2 counties"
        );
    }

    #[test]
    fn a_service_area_pointing_past_a_list_is_named() {
        let mut cat = whole();
        cat.service_areas = vec![crate::service_area::ServiceArea {
            id: "pk".into(),
            name: Text::fi("Pohjois-Karjala"),
            county: 0,
            municipalities: vec![0, 1],
            family_centre: Some(1),
            sample: true,
            source: None,
        }];
        assert_eq!(check(&cat), Ok(()));
        cat.service_areas[0].municipalities.push(9);
        assert_eq!(
            problem(&cat),
            "service area \"pk\" (number 0): municipality 9 beyond the 3 municipalities"
        );
        cat.service_areas[0].municipalities.pop();
        cat.service_areas[0].family_centre = Some(7);
        assert_eq!(
            problem(&cat),
            "service area \"pk\" (number 0): service 7 beyond the 4 services"
        );
        cat.service_areas[0].family_centre = None;
        cat.service_areas.push(cat.service_areas[0].clone());
        assert!(problem(&cat).contains("service area"), "{}", problem(&cat));
    }

    #[test]
    fn schedules_out_of_order_or_given_twice_are_named() {
        let mut cat = whole();
        cat.schedules.swap(0, 1);
        assert_eq!(problem(&cat), "schedules 0 and 1: hours \"Tu 09:00-11:00\" before \"Mo-Fr 08:00-16:00\", out of order");
        let mut cat = whole();
        cat.schedules.insert(1, cat.schedules[0].clone());
        assert_eq!(
            problem(&cat),
            "schedules 0 and 1: hours \"Mo-Fr 08:00-16:00\" given twice"
        );
    }

    #[test]
    fn a_schedule_pointing_past_its_days_is_named() {
        let mut cat = whole();
        cat.schedules[1].1.week[6] = 2;
        assert_eq!(
            problem(&cat),
            "schedule \"Tu 09:00-11:00\" (number 1): weekday 6: day 2 beyond the 2 days"
        );
        let mut cat = whole();
        cat.schedules[0].1.exceptions[0].1 = 5;
        assert_eq!(
            problem(&cat),
            "schedule \"Mo-Fr 08:00-16:00\" (number 0): exception 0: day 5 beyond the 2 days"
        );
        let mut cat = whole();
        cat.schedules[0].1.exceptions = vec![(35, 1), (35, 0)];
        assert_eq!(problem(&cat), "schedule \"Mo-Fr 08:00-16:00\" (number 0): exception 1: date 35 not after the one before it, out of order");
    }

    #[test]
    fn a_schedule_window_beyond_the_dates_the_app_steps_through_is_named() {
        for first in [i32::MIN, -25_568, 2_932_897 - 59, i32::MAX] {
            let mut cat = whole();
            cat.schedules[0].1.first = first;
            assert!(
                problem(&cat).ends_with("fall outside the years 1900–9999"),
                "{first}: {}",
                problem(&cat)
            );
        }
        // The edges themselves are fine: 1 January 1900 and 31 December 9999.
        for first in [-25_567, 2_932_897 - 60] {
            let mut cat = whole();
            cat.schedules[0].1.first = first;
            assert_eq!(check(&cat), Ok(()), "{first}");
        }
    }

    #[test]
    fn an_id_or_code_used_twice_is_named() {
        let mut cat = whole();
        cat.services[3].id = "b".into();
        assert_eq!(
            problem(&cat),
            "service \"b\" (number 3): id already used by number 1"
        );
        let mut cat = whole();
        cat.counties[1].code = "11".into();
        assert_eq!(
            problem(&cat),
            "county \"11\" (number 1): code already used by number 0"
        );
        let mut cat = whole();
        cat.municipalities[2].code = "167".into();
        assert_eq!(
            problem(&cat),
            "municipality \"167\" (number 2): code already used by number 0"
        );
        let mut cat = whole();
        cat.service_types[2].id = "speech_therapy".into();
        assert_eq!(
            problem(&cat),
            "service type \"speech_therapy\" (number 2): id already used by number 1"
        );
    }

    #[test]
    fn more_counties_than_16_bit_numbers_reach_are_refused() {
        let mut cat = whole();
        let county = cat.counties[1].clone();
        cat.counties
            .extend((cat.counties.len()..=U16_LIST).map(|i| County {
                code: format!("new-{i}"),
                ..county.clone()
            }));
        assert_eq!(
            check(&cat),
            Err("65536 counties, more than the 65535 that 16-bit numbers reach".into())
        );
        cat.counties.pop();
        assert_eq!(check(&cat), Ok(()));
    }

    #[test]
    fn a_long_or_strange_text_is_quoted_short_and_escaped() {
        assert_eq!(quoted("Mo \"x\"\n"), "\"Mo \\\"x\\\"\\n\"");
        let long = "ä".repeat(100);
        assert_eq!(quoted(&long), format!("\"{}\"…", "ä".repeat(60)));
    }
}
