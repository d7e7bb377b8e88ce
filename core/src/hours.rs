//! Opening hours of places in Finnish local time: "open now?", the next change, a weekly table,
//! and short fi/sv/en descriptions.
//!
//! The catalogue tool evaluates each `opening_hours` expression (with Finnish public holidays)
//! when it compiles the catalogue and stores the result as a [`Schedule`]: an ordinary week plus
//! the dated days that differ from it. Reading a schedule costs a lookup, and the browser does
//! not carry an `opening_hours` parser and evaluator (a large share of the Wasm binary).
//!
//! Nothing here reads the clock, so the same code runs in the browser (Wasm) and in tests: callers
//! pass the current time, converting it with [`helsinki_now`].

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc, Weekday,
};
use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// How far [`Schedule::state`] looks for the next opening.
pub const LOOKAHEAD_DAYS: i64 = 14;
/// An opening longer than this is reported as "around the clock" rather than with a closing time.
pub const AROUND_THE_CLOCK_DAYS: i64 = 7;
const DAY_MINUTES: u16 = 24 * 60;

/// One stretch of a day, in minutes from midnight; `to` is at most 1440 (midnight at the end).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub from: u16,
    pub to: u16,
    /// The expression says "unknown" here (e.g. `unknown "by appointment"`), not open.
    pub unknown: bool,
}

/// One day's hours. Closed outside the spans.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Day {
    /// In order, not overlapping; neighbours of the same kind are already joined.
    pub spans: Vec<Span>,
    /// The hours differ from the regular week because a holiday or a dated/seasonal rule applies.
    pub exceptional: bool,
}

/// An expression evaluated for every day of a window of dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// First day covered, as days since 1970-01-01.
    pub first: i32,
    /// Number of days covered.
    pub len: u16,
    /// The distinct days; `week` and `exceptions` point into this list.
    pub days: Vec<Day>,
    /// Monday to Sunday of an ordinary week.
    pub week: [u16; 7],
    /// (day offset from `first`, index into `days`) for each day unlike its ordinary weekday,
    /// ascending by offset.
    pub exceptions: Vec<(u16, u16)>,
}

/// Whether a place is open at a given moment, and when that changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    /// `closes: None` means open around the clock for at least the next 7 days.
    Open { closes: Option<NaiveDateTime> },
    /// `opens: None` means it does not open within the next 14 days.
    Closed { opens: Option<NaiveDateTime> },
    /// The expression says "unknown" (e.g. `Mo 10:00-12:00 unknown "by appointment"`), or the
    /// moment lies outside the dates the catalogue was compiled for.
    Unknown,
}

/// One day of the weekly table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub date: NaiveDate,
    /// Open intervals within this day, in order. An interval that runs to midnight ends at 00:00
    /// (`NaiveTime` has no 24:00); one that started the day before starts at 00:00.
    pub intervals: Vec<(NaiveTime, NaiveTime)>,
    pub exceptional: bool,
}

pub fn epoch_day(date: NaiveDate) -> i32 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")).num_days() as i32
}

fn at_minute(date: NaiveDate, minute: u16) -> NaiveDateTime {
    date.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(minute))
}

impl Schedule {
    /// The first and last date covered.
    pub fn window(&self) -> (NaiveDate, NaiveDate) {
        let first = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
            + TimeDelta::days(i64::from(self.first));
        (first, first + TimeDelta::days(i64::from(self.len) - 1))
    }

    /// The hours of `date`, or `None` outside the window.
    pub fn day(&self, date: NaiveDate) -> Option<&Day> {
        let offset = epoch_day(date) - self.first;
        if offset < 0 || offset >= i32::from(self.len) {
            return None;
        }
        let offset = offset as u16;
        let index = match self.exceptions.binary_search_by_key(&offset, |e| e.0) {
            Ok(i) => self.exceptions[i].1,
            Err(_) => self.week[date.weekday().num_days_from_monday() as usize],
        };
        self.days.get(usize::from(index))
    }

    pub fn state(&self, now: NaiveDateTime) -> OpenState {
        let Some(today) = self.day(now.date()) else {
            return OpenState::Unknown;
        };
        let minute = (now.hour() * 60 + now.minute()) as u16;
        // `None` from the helpers means the answer lies past the window: not known, not guessed.
        let state = match today
            .spans
            .iter()
            .position(|s| s.from <= minute && minute < s.to)
        {
            Some(i) if today.spans[i].unknown => None,
            Some(i) => self
                .closing(now, i)
                .map(|closes| OpenState::Open { closes }),
            None => self
                .next_opening(now, minute)
                .map(|opens| OpenState::Closed { opens }),
        };
        state.unwrap_or(OpenState::Unknown)
    }

    /// Where the open stretch that includes span `i` of today ends, following it past midnight:
    /// `Some(None)` when that is a week or more away, `None` when the window ends first.
    fn closing(&self, now: NaiveDateTime, mut i: usize) -> Option<Option<NaiveDateTime>> {
        let limit = now + TimeDelta::days(AROUND_THE_CLOCK_DAYS);
        let mut date = now.date();
        let mut day = self.day(date)?;
        loop {
            let span = day.spans[i];
            let end = at_minute(date, span.to);
            if end >= limit {
                return Some(None);
            }
            match day.spans.get(i + 1) {
                Some(next) if next.from == span.to && !next.unknown => i += 1,
                Some(_) => return Some(Some(end)),
                None if span.to == DAY_MINUTES => {
                    date = date.succ_opt()?;
                    day = self.day(date)?;
                    match day.spans.first() {
                        Some(first) if first.from == 0 && !first.unknown => i = 0,
                        _ => return Some(Some(end)),
                    }
                }
                None => return Some(Some(end)),
            }
        }
    }

    /// The start of the next open span after `now` within the look-ahead: `Some(None)` when
    /// there is none, `None` when the window ends before the look-ahead does.
    fn next_opening(&self, now: NaiveDateTime, minute: u16) -> Option<Option<NaiveDateTime>> {
        let horizon = now + TimeDelta::days(LOOKAHEAD_DAYS);
        let mut date = now.date();
        // Today only spans starting after now count; on later days any span does.
        let mut after = Some(minute);
        loop {
            let day = self.day(date)?;
            if let Some(s) = day
                .spans
                .iter()
                .find(|s| !s.unknown && after.is_none_or(|m| s.from > m))
            {
                let start = at_minute(date, s.from);
                return Some((start < horizon).then_some(start));
            }
            date = date.succ_opt()?;
            if date.and_time(NaiveTime::MIN) >= horizon {
                return Some(None);
            }
            after = None;
        }
    }

    /// The seven days starting at `day`, as far as the window reaches.
    pub fn week(&self, day: NaiveDate) -> Vec<DayHours> {
        day.iter_days()
            .take(7)
            .filter_map(|date| {
                let d = self.day(date)?;
                let intervals = d
                    .spans
                    .iter()
                    .filter(|s| !s.unknown)
                    .map(|s| {
                        let time = |m: u16| {
                            NaiveTime::from_hms_opt(
                                u32::from(m % DAY_MINUTES) / 60,
                                u32::from(m % 60),
                                0,
                            )
                        };
                        (
                            time(s.from).expect("valid time"),
                            time(s.to).expect("valid time"),
                        )
                    })
                    .collect();
                Some(DayHours {
                    date,
                    intervals,
                    exceptional: d.exceptional,
                })
            })
            .collect()
    }
}

/// Finnish local time (Europe/Helsinki) for a UTC instant.
///
/// Finland follows the EU summer-time rule (since 1981): UTC+3 from the last Sunday of March
/// 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+2 otherwise. Writing that out costs a
/// few instructions, where chrono-tz would add its zone tables and build-time machinery to the
/// Wasm binary for the one zone the app ever needs. Revisit if the EU ends clock changes.
pub fn helsinki_now(utc: DateTime<Utc>) -> NaiveDateTime {
    let utc = utc.naive_utc();
    let year = utc.year();
    let switch = |month| {
        let last =
            NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
        let sunday = last - TimeDelta::days(i64::from(last.weekday().num_days_from_sunday()));
        sunday.and_hms_opt(1, 0, 0).expect("valid time")
    };
    let summer = (switch(3)..switch(10)).contains(&utc);
    utc + TimeDelta::hours(if summer { 3 } else { 2 })
}

/// The weekday's name for the weekly table (fi "maanantai", sv "måndag", en "Monday").
pub fn weekday_name(wd: Weekday, lang: Lang) -> &'static str {
    let i = wd.num_days_from_monday() as usize;
    match lang {
        Lang::Fi => [
            "maanantai",
            "tiistai",
            "keskiviikko",
            "torstai",
            "perjantai",
            "lauantai",
            "sunnuntai",
        ][i],
        Lang::Sv => [
            "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
        ][i],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][i],
    }
}

/// Finnish essive ("on Monday"), the form that goes with "avautuu".
fn weekday_essive_fi(wd: Weekday) -> &'static str {
    [
        "maanantaina",
        "tiistaina",
        "keskiviikkona",
        "torstaina",
        "perjantaina",
        "lauantaina",
        "sunnuntaina",
    ][wd.num_days_from_monday() as usize]
}

/// A short sentence for the state, e.g. "Suljettu, avautuu huomenna klo 8.00".
pub fn describe(state: &OpenState, now: NaiveDateTime, lang: Lang) -> String {
    match (*state, lang) {
        (OpenState::Open { closes: None }, Lang::Fi) => "Avoinna ympäri vuorokauden".into(),
        (OpenState::Open { closes: None }, Lang::Sv) => "Öppet dygnet runt".into(),
        (OpenState::Open { closes: None }, Lang::En) => "Open 24 hours".into(),
        (OpenState::Open { closes: Some(t) }, Lang::Fi) => {
            format!("Avoinna nyt, sulkeutuu {}", when(t, now, lang, true))
        }
        (OpenState::Open { closes: Some(t) }, Lang::Sv) => {
            format!("Öppet nu, stänger {}", when(t, now, lang, true))
        }
        (OpenState::Open { closes: Some(t) }, Lang::En) => {
            format!("Open now, closes {}", when(t, now, lang, true))
        }
        (OpenState::Closed { opens: None }, Lang::Fi) => "Suljettu".into(),
        (OpenState::Closed { opens: None }, Lang::Sv) => "Stängt".into(),
        (OpenState::Closed { opens: None }, Lang::En) => "Closed".into(),
        (OpenState::Closed { opens: Some(t) }, Lang::Fi) => {
            format!("Suljettu, avautuu {}", when(t, now, lang, false))
        }
        (OpenState::Closed { opens: Some(t) }, Lang::Sv) => {
            format!("Stängt, öppnar {}", when(t, now, lang, false))
        }
        (OpenState::Closed { opens: Some(t) }, Lang::En) => {
            format!("Closed, opens {}", when(t, now, lang, false))
        }
        (OpenState::Unknown, Lang::Fi) => "Aukiolo epävarma".into(),
        (OpenState::Unknown, Lang::Sv) => "Öppettiderna osäkra".into(),
        (OpenState::Unknown, Lang::En) => "Opening hours uncertain".into(),
    }
}

/// "tänään klo 12.00", "i morgon kl. 8.00", "Monday at 8:00", "on 3 Aug at 8:00". A closing
/// time later today stands alone ("sulkeutuu klo 16.00"), as in everyday speech.
fn when(t: NaiveDateTime, now: NaiveDateTime, lang: Lang, closing: bool) -> String {
    // Closing at midnight reads as "24.00" that day, not "tomorrow at 0.00".
    let (date, hour) = match t.date().pred_opt() {
        Some(eve) if closing && t.time() == NaiveTime::MIN && t > now => (eve, 24),
        _ => (t.date(), t.hour()),
    };
    let minute = t.minute();
    let time = match lang {
        Lang::Fi => format!("klo {hour}.{minute:02}"),
        Lang::Sv => format!("kl. {hour}.{minute:02}"),
        Lang::En => format!("at {hour}:{minute:02}"),
    };
    let day = match ((date - now.date()).num_days(), lang) {
        (..=0, _) if closing => return time,
        (..=0, Lang::Fi) => "tänään".to_string(),
        (..=0, Lang::Sv) => "i dag".to_string(),
        (..=0, Lang::En) => "today".to_string(),
        (1, Lang::Fi) => "huomenna".to_string(),
        (1, Lang::Sv) => "i morgon".to_string(),
        (1, Lang::En) => "tomorrow".to_string(),
        // Within the coming week a weekday is unambiguous; beyond it, a date is.
        (2..=6, Lang::Fi) => weekday_essive_fi(date.weekday()).to_string(),
        (2..=6, _) => weekday_name(date.weekday(), lang).to_string(),
        (_, Lang::Fi | Lang::Sv) => format!("{}.{}.", date.day(), date.month()),
        (_, Lang::En) => format!("on {} {}", date.day(), MONTHS_EN[date.month0() as usize]),
    };
    format!("{day} {time}")
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

// The schedules under test are compiled by the catalogue tool's evaluator (feature `source`,
// which `cargo test --workspace` enables through perheopas-xtask).
#[cfg(all(test, feature = "source"))]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn hours(s: &str) -> Schedule {
        let expression = crate::source::hours::Expression::parse(s).unwrap();
        expression.schedule(date("2026-01-01"), 800)
    }

    const OFFICE: &str = "Mo-Fr 08:00-16:00; PH off";

    #[test]
    fn open_on_a_normal_tuesday_closes_at_16() {
        let now = at("2026-05-05 10:00");
        let state = hours(OFFICE).state(now);
        assert_eq!(
            state,
            OpenState::Open {
                closes: Some(at("2026-05-05 16:00"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Avoinna nyt, sulkeutuu klo 16.00"
        );
        assert_eq!(
            describe(&state, now, Lang::Sv),
            "Öppet nu, stänger kl. 16.00"
        );
        assert_eq!(describe(&state, now, Lang::En), "Open now, closes at 16:00");
    }

    #[test]
    fn closed_before_opening_opens_today() {
        let now = at("2026-05-05 06:15");
        let state = hours("Mo-Fr 12:00-16:00").state(now);
        assert_eq!(
            state,
            OpenState::Closed {
                opens: Some(at("2026-05-05 12:00"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Suljettu, avautuu tänään klo 12.00"
        );
        assert_eq!(
            describe(&state, now, Lang::Sv),
            "Stängt, öppnar i dag kl. 12.00"
        );
        assert_eq!(
            describe(&state, now, Lang::En),
            "Closed, opens today at 12:00"
        );
    }

    #[test]
    fn closed_in_the_evening_opens_tomorrow() {
        let now = at("2026-05-05 17:00");
        let state = hours(OFFICE).state(now);
        assert_eq!(
            state,
            OpenState::Closed {
                opens: Some(at("2026-05-06 08:00"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Suljettu, avautuu huomenna klo 8.00"
        );
        assert_eq!(
            describe(&state, now, Lang::Sv),
            "Stängt, öppnar i morgon kl. 8.00"
        );
        assert_eq!(
            describe(&state, now, Lang::En),
            "Closed, opens tomorrow at 8:00"
        );
    }

    #[test]
    fn friday_evening_opens_next_monday() {
        let now = at("2026-05-08 18:30");
        let state = hours(OFFICE).state(now);
        assert_eq!(
            state,
            OpenState::Closed {
                opens: Some(at("2026-05-11 08:00"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Suljettu, avautuu maanantaina klo 8.00"
        );
        assert_eq!(
            describe(&state, now, Lang::Sv),
            "Stängt, öppnar måndag kl. 8.00"
        );
        assert_eq!(
            describe(&state, now, Lang::En),
            "Closed, opens Monday at 8:00"
        );
    }

    #[test]
    fn public_holidays_close_ph_off() {
        let h = hours(OFFICE);
        // May Day (Friday): closed, next opening after the weekend.
        assert_eq!(
            h.state(at("2026-05-01 10:00")),
            OpenState::Closed {
                opens: Some(at("2026-05-04 08:00"))
            }
        );
        // Epiphany 2027 (Wednesday).
        assert_eq!(
            h.state(at("2027-01-06 10:00")),
            OpenState::Closed {
                opens: Some(at("2027-01-07 08:00"))
            }
        );
        // Christmas Day (Friday); Boxing Day is a Saturday anyway.
        assert_eq!(
            h.state(at("2026-12-25 10:00")),
            OpenState::Closed {
                opens: Some(at("2026-12-28 08:00"))
            }
        );
        // Good Friday, Easter Monday, Ascension Day, Midsummer Eve.
        for day in ["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19"] {
            assert!(
                matches!(
                    h.state(date(day).and_time(hm(10, 0))),
                    OpenState::Closed { .. }
                ),
                "{day}"
            );
        }
        // Independence Day 2026 is a Sunday, so only an always-open place shows it.
        let always = hours("24/7; PH off");
        let now = at("2026-12-06 12:00");
        assert_eq!(
            always.state(now),
            OpenState::Closed {
                opens: Some(at("2026-12-07 00:00"))
            }
        );
        assert_eq!(
            describe(&always.state(now), now, Lang::Fi),
            "Suljettu, avautuu huomenna klo 0.00"
        );
        assert_eq!(
            always.state(at("2026-12-05 12:00")),
            OpenState::Open {
                closes: Some(at("2026-12-06 00:00"))
            }
        );
        // Christmas Eve is not a public holiday: open unless the expression says otherwise.
        assert_eq!(
            h.state(at("2026-12-24 10:00")),
            OpenState::Open {
                closes: Some(at("2026-12-24 16:00"))
            }
        );
        let daycare = hours("Mo-Fr 06:30-17:00; Dec 24-26 off; PH off");
        assert_eq!(
            daycare.state(at("2026-12-24 10:00")),
            OpenState::Closed {
                opens: Some(at("2026-12-28 06:30"))
            }
        );
        assert_eq!(
            daycare.state(at("2026-12-23 07:00")),
            OpenState::Open {
                closes: Some(at("2026-12-23 17:00"))
            }
        );
    }

    #[test]
    fn summer_closure_reopens_in_august() {
        let h = hours("Tu,Th 09:30-12:00; Jul off; PH off");
        assert_eq!(
            h.state(at("2026-06-30 10:00")),
            OpenState::Open {
                closes: Some(at("2026-06-30 12:00"))
            }
        );
        // A Thursday in July, inside the opening hours: closed.
        assert_eq!(
            h.state(at("2026-07-02 10:00")),
            OpenState::Closed { opens: None }
        );
        // Close enough to August to see the first Tuesday.
        let now = at("2026-07-25 10:00");
        let state = h.state(now);
        assert_eq!(
            state,
            OpenState::Closed {
                opens: Some(at("2026-08-04 09:30"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Suljettu, avautuu 4.8. klo 9.30"
        );
        assert_eq!(
            describe(&state, now, Lang::En),
            "Closed, opens on 4 Aug at 9:30"
        );
        assert_eq!(
            describe(&OpenState::Closed { opens: None }, now, Lang::Sv),
            "Stängt"
        );

        let evenings = hours("We 17:00-19:00; Jun-Aug off");
        assert_eq!(
            evenings.state(at("2026-08-26 18:00")),
            OpenState::Closed {
                opens: Some(at("2026-09-02 17:00"))
            }
        );
        assert_eq!(
            evenings.state(at("2026-09-02 18:00")),
            OpenState::Open {
                closes: Some(at("2026-09-02 19:00"))
            }
        );
    }

    #[test]
    fn around_the_clock() {
        let now = at("2026-12-25 03:00");
        let state = hours("24/7").state(now);
        assert_eq!(state, OpenState::Open { closes: None });
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Avoinna ympäri vuorokauden"
        );
        assert_eq!(describe(&state, now, Lang::En), "Open 24 hours");
        let week = hours("24/7").week(date("2026-12-21"));
        assert!(week
            .iter()
            .all(|d| d.intervals == [(hm(0, 0), hm(0, 0))] && !d.exceptional));
    }

    #[test]
    fn closing_at_midnight_reads_24() {
        let now = at("2026-05-05 20:00");
        let state = hours("Mo-Su 18:00-24:00").state(now);
        assert_eq!(
            state,
            OpenState::Open {
                closes: Some(at("2026-05-06 00:00"))
            }
        );
        assert_eq!(
            describe(&state, now, Lang::Fi),
            "Avoinna nyt, sulkeutuu klo 24.00"
        );
    }

    #[test]
    fn unknown_state() {
        let now = at("2026-05-05 10:00");
        let state = hours(r#"Tu 09:00-12:00 unknown "ajanvarauksella""#).state(now);
        assert_eq!(state, OpenState::Unknown);
        assert_eq!(describe(&state, now, Lang::Fi), "Aukiolo epävarma");
    }

    #[test]
    fn helsinki_time_follows_eu_summer_time() {
        let utc = |s: &str| Utc.from_utc_datetime(&at(s));
        assert_eq!(
            helsinki_now(utc("2026-01-15 12:00")),
            at("2026-01-15 14:00")
        );
        assert_eq!(
            helsinki_now(utc("2026-07-15 12:00")),
            at("2026-07-15 15:00")
        );
        // Spring forward: 03:00 local never happens on 2026-03-29.
        assert_eq!(
            helsinki_now(utc("2026-03-29 00:59")),
            at("2026-03-29 02:59")
        );
        assert_eq!(
            helsinki_now(utc("2026-03-29 01:00")),
            at("2026-03-29 04:00")
        );
        // Fall back: 03:00–03:59 local happens twice on 2026-10-25.
        assert_eq!(
            helsinki_now(utc("2026-10-25 00:59")),
            at("2026-10-25 03:59")
        );
        assert_eq!(
            helsinki_now(utc("2026-10-25 01:00")),
            at("2026-10-25 03:00")
        );
        // New Year's Eve in UTC is already next year in Helsinki.
        assert_eq!(
            helsinki_now(utc("2026-12-31 23:30")),
            at("2027-01-01 01:30")
        );
    }

    #[test]
    fn week_marks_holidays_as_exceptional() {
        let week = hours(OFFICE).week(date("2026-12-21"));
        assert_eq!(week.len(), 7);
        assert_eq!(week[0].date, date("2026-12-21"));
        assert_eq!(week[6].date, date("2026-12-27"));
        let office = vec![(hm(8, 0), hm(16, 0))];
        for day in &week[..4] {
            assert_eq!(
                (&day.intervals, day.exceptional),
                (&office, false),
                "{}",
                day.date
            );
        }
        // Christmas Day: closed, unlike a regular Friday.
        assert_eq!(
            (week[4].intervals.is_empty(), week[4].exceptional),
            (true, true)
        );
        // Boxing Day is a Saturday, closed anyway: nothing exceptional to show.
        assert_eq!(
            (week[5].intervals.is_empty(), week[5].exceptional),
            (true, false)
        );
        assert_eq!(
            (week[6].intervals.is_empty(), week[6].exceptional),
            (true, false)
        );
    }

    #[test]
    fn week_marks_summer_closure_as_exceptional() {
        let week = hours("Tu,Th 09:30-12:00; Jul off; PH off").week(date("2026-06-29"));
        let open = vec![(hm(9, 30), hm(12, 0))];
        assert_eq!((&week[1].intervals, week[1].exceptional), (&open, false)); // Tue 30 June
        assert_eq!(
            (week[2].intervals.is_empty(), week[2].exceptional),
            (true, false)
        ); // Wed 1 July
        assert_eq!(
            (week[3].intervals.is_empty(), week[3].exceptional),
            (true, true)
        ); // Thu 2 July

        let dec = hours("Mo-Fr 06:30-17:00; Dec 24-26 off; PH off").week(date("2026-12-21"));
        assert_eq!(
            dec.iter().map(|d| d.exceptional).collect::<Vec<_>>(),
            [false, false, false, true, true, false, false]
        );
    }

    #[test]
    fn week_splits_intervals_and_overnight_hours() {
        let week = hours("Mo 08:00-11:00,12:00-16:00; Fr 22:00-02:00").week(date("2026-05-04"));
        assert_eq!(
            week[0].intervals,
            [(hm(8, 0), hm(11, 0)), (hm(12, 0), hm(16, 0))]
        );
        assert_eq!(week[4].intervals, [(hm(22, 0), hm(0, 0))]);
        assert_eq!(week[5].intervals, [(hm(0, 0), hm(2, 0))]);
    }

    #[test]
    fn seasonal_only_expressions_still_flag_holidays() {
        let h = hours("Jun-Aug Mo-Fr 10:00-14:00; Sep-May Mo-Fr 08:00-16:00; PH off");
        let week = h.week(date("2026-06-15"));
        assert_eq!(week[0].intervals, [(hm(10, 0), hm(14, 0))]);
        assert!(!week[0].exceptional);
        assert!(week[4].intervals.is_empty() && week[4].exceptional); // Midsummer Eve
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday_name(Weekday::Mon, Lang::Fi), "maanantai");
        assert_eq!(weekday_name(Weekday::Wed, Lang::Sv), "onsdag");
        assert_eq!(weekday_name(Weekday::Sun, Lang::En), "Sunday");
        assert_eq!(weekday_essive_fi(Weekday::Thu), "torstaina");
    }
}
