//! "Today here" for a kiosk: what a meeting place and the services around it offer on the day —
//! group sessions, open hours, walk-in — read from the catalogue's compiled schedules and the
//! clock. On a day with nothing left it looks ahead to the next day that has something.
//!
//! Nothing here reads the clock or touches the page: the kiosk view (`src/components/kiosk/
//! today.rs`) passes the time and draws the rows.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use crate::datefmt::time_label;
use crate::geo_util::distance_km;
use crate::model::{Catalogue, Channel, Lang};

/// "Around" the meeting place: a walk or a short bus ride away.
pub const RADIUS_KM: f64 = 5.0;
/// How far ahead the next day with something is looked for (the hours' look-ahead).
pub const LOOKAHEAD_DAYS: i64 = crate::hours::LOOKAHEAD_DAYS;

/// What a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The meeting place the kiosk stands in.
    Here,
    /// A group that meets at set times.
    Session,
    /// Open, and one can come without an appointment.
    WalkIn,
    /// Open hours.
    Open,
}

/// One service's offer on the day, at its nearest place within reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    /// Index into `Catalogue::services`.
    pub service: usize,
    /// Index into the service's `delivery`.
    pub delivery: usize,
    pub kind: Kind,
    /// The day's stretches still to come (minutes from midnight), in order.
    pub spans: Vec<(u16, u16)>,
    pub km: f64,
}

/// The first day from `now` on that has something, and what.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub date: NaiveDate,
    pub today: bool,
    pub offers: Vec<Offer>,
}

/// The plan for a kiosk at `here` (lat, lon) in the meeting place `place` (a service id).
/// `None` when nothing opens within the look-ahead (or the catalogue's window ends first).
pub fn plan(
    cat: &Catalogue,
    place: Option<&str>,
    here: (f64, f64),
    now: NaiveDateTime,
) -> Option<Plan> {
    (0..=LOOKAHEAD_DAYS).find_map(|d| {
        let date = now.date() + TimeDelta::days(d);
        let after = (d == 0).then(|| (now.hour() * 60 + now.minute()) as u16);
        let mut offers = offers_on(cat, place, here, date, after);
        // The place itself, then what one can simply come to (groups, walk-in) by time, then
        // the rest by time; nearest first at the same time.
        let rank = |o: &Offer| match o.kind {
            Kind::Here => 0,
            Kind::Session | Kind::WalkIn => 1,
            Kind::Open => 2,
        };
        crate::order::sort_by(&mut offers, |a, b| {
            (rank(a), a.spans[0].0)
                .cmp(&(rank(b), b.spans[0].0))
                .then(a.km.total_cmp(&b.km))
        });
        (!offers.is_empty()).then_some(Plan {
            date,
            today: d == 0,
            offers,
        })
    })
}

/// Every service with an in-person place within reach that has hours on `date` ending after
/// minute `after` (today) — one row per service, at its nearest such place.
pub fn offers_on(
    cat: &Catalogue,
    place: Option<&str>,
    here: (f64, f64),
    date: NaiveDate,
    after: Option<u16>,
) -> Vec<Offer> {
    let mut out = Vec::new();
    for (i, s) in cat.services.iter().enumerate() {
        if s.closed_on(date) {
            continue;
        }
        let best = s
            .delivery
            .iter()
            .enumerate()
            .filter(|(_, d)| d.channel == Channel::InPerson)
            .filter_map(|(j, d)| {
                let (lat, lon) = d.location?;
                let km = distance_km(here, (lat as f64, lon as f64));
                if km > RADIUS_KM {
                    return None;
                }
                let day = cat.schedule(d.hours.as_deref()?)?.day(date)?;
                // "By appointment" stretches are not something to come to.
                let spans: Vec<(u16, u16)> = day
                    .spans
                    .iter()
                    .filter(|x| !x.unknown && after.is_none_or(|m| x.to > m))
                    .map(|x| (x.from, x.to))
                    .collect();
                if spans.is_empty() {
                    return None;
                }
                let kind = if place == Some(s.id.as_str()) {
                    Kind::Here
                } else if cat.has_sessions(s) {
                    Kind::Session
                } else if d.walk_in {
                    Kind::WalkIn
                } else {
                    Kind::Open
                };
                Some(Offer {
                    service: i,
                    delivery: j,
                    kind,
                    spans,
                    km,
                })
            })
            .min_by(|a, b| a.km.total_cmp(&b.km));
        out.extend(best);
    }
    out
}

/// "9.30–12.00, 13.00–15.00" as the language writes times; a stretch to midnight ends 24.00.
pub fn spans_label(spans: &[(u16, u16)], lang: Lang) -> String {
    let time = |m: u16| {
        if m >= 24 * 60 {
            return if lang == Lang::En { "24:00" } else { "24.00" }.to_string();
        }
        let t = NaiveTime::from_hms_opt(u32::from(m / 60), u32::from(m % 60), 0)
            .unwrap_or(NaiveTime::MIN);
        time_label(t, lang)
    };
    spans
        .iter()
        .map(|(a, b)| format!("{}–{}", time(*a), time(*b)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests;
