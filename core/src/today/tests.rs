//! Tests of "today here": a small catalogue around a kiosk, with compiled weekly schedules
//! from Mon 7.12.2026 for four weeks.

use super::*;
use crate::hours::{epoch_day, Day, Schedule, Span};
use crate::model::{DeliveryPoint, Service, Status, Text};

/// The kiosk stands here; 0.01° of latitude is about 1.1 km.
const HERE: (f64, f64) = (63.0, 30.0);

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, 0)
        .unwrap()
}

/// Thursday 10.12.2026 at `h`.`m`.
fn thu(h: u32, m: u32) -> NaiveDateTime {
    at(2026, 12, 10, h, m)
}

/// The same stretches (from, to, unknown) every weekday Monday to Friday, nothing at weekends,
/// from Mon 7.12.2026 for 28 days.
fn weekdays(spans: &[(u16, u16, bool)]) -> Schedule {
    Schedule {
        first: epoch_day(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()),
        len: 28,
        days: vec![
            Day::default(),
            Day {
                spans: spans
                    .iter()
                    .map(|&(from, to, unknown)| Span { from, to, unknown })
                    .collect(),
                exceptional: false,
            },
        ],
        week: [1, 1, 1, 1, 1, 0, 0],
        exceptions: vec![],
    }
}

/// An in-person place `north` degrees of latitude north of the kiosk with hours `hours`.
fn place(north: f64, hours: &str, walk_in: bool) -> DeliveryPoint {
    DeliveryPoint {
        location: Some(((HERE.0 + north) as f32, HERE.1 as f32)),
        hours: Some(hours.into()),
        walk_in,
        ..DeliveryPoint::bare(Channel::InPerson)
    }
}

/// A day's stretches: (from, to, unknown).
type Stretches = &'static [(u16, u16, bool)];
/// (service id, kind, spans) of one row.
type Row = (String, Kind, Vec<(u16, u16)>);

/// Hours by name; each is a [`weekdays`] schedule.
const HOURS: &[(&str, Stretches)] = &[
    ("appointment", &[(480, 960, true)]),
    ("club", &[(570, 690, false)]),
    ("drop", &[(540, 600, false)]),
    ("evening", &[(1200, 1440, false)]),
    ("long", &[(480, 960, false)]),
    ("mixed", &[(480, 600, true), (720, 840, false)]),
    ("place", &[(570, 720, false)]),
    ("split", &[(480, 600, false), (780, 900, false)]),
];

/// The meeting place "place" at the kiosk, a group ("club", its type meets in sessions), a
/// walk-in hour, two clinics opening at 8.00 (the farther listed first), one beyond 5 km, one
/// temporarily closed through Thursday, one by appointment only, one with an appointment
/// stretch and an open one, an evening to midnight, and a phone line.
fn around() -> Catalogue {
    let mut cat = crate::search::tests::tiny_catalogue();
    cat.service_types[1].sessions = true;
    let base = cat.services[0].clone();
    let svc = |id: &str, ty: u16, delivery: Vec<DeliveryPoint>| Service {
        id: id.into(),
        name: Text::fi(id),
        service_type: ty,
        delivery,
        ..base.clone()
    };
    let mut closed = svc("closed", 0, vec![place(0.005, "long", false)]);
    closed.status = Status::TemporarilyClosed;
    closed.closed_until = Some("2026-12-10".into());
    let mut phone = place(0.0, "long", false);
    phone.channel = Channel::Phone;
    cat.services = vec![
        svc("far-clinic", 0, vec![place(0.03, "split", false)]),
        svc("club", 1, vec![place(0.01, "club", false)]),
        svc("place", 0, vec![place(0.0, "place", true)]),
        svc("drop", 0, vec![place(0.02, "drop", true)]),
        // Two places: the nearer counts, though listed second.
        svc(
            "near-clinic",
            0,
            vec![place(0.04, "long", false), place(0.01, "long", false)],
        ),
        svc("beyond", 0, vec![place(0.06, "long", false)]),
        closed,
        svc("appointment", 0, vec![place(0.01, "appointment", false)]),
        svc("mixed", 0, vec![place(0.02, "mixed", false)]),
        svc("evening", 0, vec![place(0.02, "evening", false)]),
        svc("phone", 0, vec![phone]),
    ];
    cat.schedules = HOURS
        .iter()
        .map(|(name, spans)| (name.to_string(), weekdays(spans)))
        .collect();
    cat
}

/// (service id, kind, spans) of each row, in order.
fn rows(cat: &Catalogue, plan: &Plan) -> Vec<Row> {
    plan.offers
        .iter()
        .map(|o| (cat.services[o.service].id.clone(), o.kind, o.spans.clone()))
        .collect()
}

fn row(id: &str, kind: Kind, spans: &[(u16, u16)]) -> Row {
    (id.into(), kind, spans.to_vec())
}

#[test]
fn the_place_first_then_groups_and_walk_in_by_time_then_the_rest_nearest_first() {
    let cat = around();
    let p = plan(&cat, Some("place"), HERE, thu(8, 0)).unwrap();
    assert_eq!((p.date, p.today), (thu(0, 0).date(), true));
    assert_eq!(
        rows(&cat, &p),
        [
            // The meeting place, though the walk-in hour starts earlier.
            row("place", Kind::Here, &[(570, 720)]),
            // Walk-in at 9.00 before the group at 9.30, both before clinics opening at 8.00.
            row("drop", Kind::WalkIn, &[(540, 600)]),
            row("club", Kind::Session, &[(570, 690)]),
            // Both open at 8.00: the nearer (1.1 km) before the farther (3.3 km).
            row("near-clinic", Kind::Open, &[(480, 960)]),
            row("far-clinic", Kind::Open, &[(480, 600), (780, 900)]),
            // Only the open stretch of a day that is partly by appointment.
            row("mixed", Kind::Open, &[(720, 840)]),
            row("evening", Kind::Open, &[(1200, 1440)]),
        ]
    );
    // The row is at the service's nearest place.
    let near = &p.offers[3];
    assert_eq!(near.delivery, 1);
    assert!((near.km - 1.11).abs() < 0.01, "{}", near.km);
}

#[test]
fn without_a_place_the_meeting_place_is_an_ordinary_row() {
    let cat = around();
    let p = plan(&cat, None, HERE, thu(8, 0)).unwrap();
    let got = rows(&cat, &p);
    assert_eq!(got[0], row("drop", Kind::WalkIn, &[(540, 600)]));
    assert_eq!(got[1], row("place", Kind::WalkIn, &[(570, 720)]));
    assert_eq!(got[2].0, "club");
}

#[test]
fn places_beyond_reach_phone_lines_closures_and_appointments_are_left_out() {
    let cat = around();
    let p = plan(&cat, Some("place"), HERE, thu(8, 0)).unwrap();
    let ids: Vec<_> = rows(&cat, &p).into_iter().map(|r| r.0).collect();
    for gone in ["beyond", "phone", "closed", "appointment"] {
        assert!(!ids.iter().any(|i| i == gone), "{gone} in {ids:?}");
    }
    // 6.7 km away: out. Moved to 4.4 km: in.
    let mut cat = around();
    let beyond = cat.service_by_id("beyond").unwrap().0;
    cat.services[beyond].delivery[0].location = Some(((HERE.0 + 0.04) as f32, HERE.1 as f32));
    let p = plan(&cat, Some("place"), HERE, thu(8, 0)).unwrap();
    assert!(p.offers.iter().any(|o| o.service == beyond));
    // The closure ends with Thursday: the service is back on Friday.
    let cat = around();
    let friday = plan(&cat, Some("place"), HERE, at(2026, 12, 11, 8, 0)).unwrap();
    assert!(rows(&cat, &friday).iter().any(|r| r.0 == "closed"));
}

#[test]
fn today_only_what_is_still_to_come() {
    let cat = around();
    let p = plan(&cat, Some("place"), HERE, thu(11, 0)).unwrap();
    assert_eq!(
        rows(&cat, &p),
        [
            row("place", Kind::Here, &[(570, 720)]),
            row("club", Kind::Session, &[(570, 690)]),
            row("near-clinic", Kind::Open, &[(480, 960)]),
            row("mixed", Kind::Open, &[(720, 840)]),
            // The morning stretch is over; the afternoon one is left.
            row("far-clinic", Kind::Open, &[(780, 900)]),
            row("evening", Kind::Open, &[(1200, 1440)]),
        ]
    );
    // A stretch that ends at this minute is over.
    let p = plan(&cat, Some("place"), HERE, thu(10, 0)).unwrap();
    assert!(!rows(&cat, &p).iter().any(|r| r.0 == "drop"));
    // Late in the evening only the stretch to midnight is left.
    let p = plan(&cat, Some("place"), HERE, thu(23, 59)).unwrap();
    assert_eq!(
        rows(&cat, &p),
        [row("evening", Kind::Open, &[(1200, 1440)])]
    );
}

#[test]
fn a_day_with_nothing_gives_the_next_day_with_something() {
    let cat = around();
    // Saturday noon: nothing at the weekend, so Monday, with the whole day.
    let p = plan(&cat, Some("place"), HERE, at(2026, 12, 12, 12, 0)).unwrap();
    assert_eq!(
        (p.date, p.today),
        (NaiveDate::from_ymd_opt(2026, 12, 14).unwrap(), false)
    );
    assert_eq!(
        rows(&cat, &p)[..3],
        [
            row("place", Kind::Here, &[(570, 720)]),
            row("drop", Kind::WalkIn, &[(540, 600)]),
            row("club", Kind::Session, &[(570, 690)]),
        ]
    );
    // The last day the catalogue covers is a Sunday: nothing is guessed after it.
    assert_eq!(plan(&cat, Some("place"), HERE, at(2027, 1, 3, 8, 0)), None);
    // Nothing within reach at all.
    assert_eq!(plan(&cat, Some("place"), (60.17, 24.94), thu(8, 0)), None);
}

#[test]
fn spans_read_as_each_language_writes_times() {
    let spans = [(570, 720), (780, 900)];
    assert_eq!(spans_label(&spans, Lang::Fi), "9.30–12.00, 13.00–15.00");
    assert_eq!(spans_label(&spans, Lang::Sv), "9.30–12.00, 13.00–15.00");
    assert_eq!(spans_label(&spans, Lang::En), "9:30–12:00, 13:00–15:00");
    assert_eq!(spans_label(&[(1200, 1440)], Lang::Fi), "20.00–24.00");
    assert_eq!(spans_label(&[(1200, 1440)], Lang::Sv), "20.00–24.00");
    assert_eq!(spans_label(&[(0, 1440)], Lang::En), "0:00–24:00");
    assert_eq!(spans_label(&[], Lang::Fi), "");
}
