//! Opening hours of delivery points (OpenStreetMap `opening_hours` syntax) evaluated in Finnish
//! local time with Finnish public holidays: "open now?", the next change, a weekly table, and
//! short fi/sv/en descriptions.
//!
//! Nothing here reads the clock, so the same code runs in the browser (Wasm) and in tests: callers
//! pass the current time, converting it with [`helsinki_now`].

use std::sync::{Arc, LazyLock};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc, Weekday};
use compact_calendar::CompactCalendar;
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};

use crate::model::Lang;

/// How far [`Hours::state`] looks for the next opening.
const LOOKAHEAD_DAYS: i64 = 14;
/// An opening longer than this is reported as "around the clock" rather than with a closing time.
const AROUND_THE_CLOCK_DAYS: i64 = 7;

/// A parsed `opening_hours` expression, evaluated with the Finnish public holidays as `PH`.
#[derive(Clone, Debug)]
pub struct Hours {
    oh: OpeningHours,
    /// The same expression without its exceptions (holidays, dated and seasonal rules): what
    /// [`Hours::week`] compares against to flag exceptional days.
    regular: OpeningHours,
}

/// Whether a place is open at a given moment, and when that changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    /// `closes: None` means open around the clock for at least the next 7 days.
    Open { closes: Option<NaiveDateTime> },
    /// `opens: None` means it does not open within the next 14 days.
    Closed { opens: Option<NaiveDateTime> },
    /// The expression says "unknown" (e.g. `Mo 10:00-12:00 unknown "by appointment"`).
    Unknown,
}

/// One day of the weekly table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub date: NaiveDate,
    /// Open intervals within this day, in order. An interval that runs to midnight ends at 00:00
    /// (`NaiveTime` has no 24:00); one that started the day before starts at 00:00.
    pub intervals: Vec<(NaiveTime, NaiveTime)>,
    /// The hours differ from the regular week because a holiday or a dated/seasonal rule applies.
    pub exceptional: bool,
}

impl Hours {
    /// The error is the parser's own message (with the position), fit for a catalogue report.
    pub fn parse(s: &str) -> Result<Hours, String> {
        let plain = s.parse::<OpeningHours>().map_err(|e| e.to_string())?;
        let regular = regular_week(&plain);
        let oh = plain.with_context(Context::default().with_holidays(FINNISH_HOLIDAYS.clone()));
        Ok(Hours { oh, regular })
    }

    pub fn state(&self, now: NaiveDateTime) -> OpenState {
        let horizon = now + TimeDelta::days(LOOKAHEAD_DAYS);
        let mut ranges = self.oh.iter_range(now, horizon);
        let Some(first) = ranges.next() else { return OpenState::Unknown };
        match first.kind {
            RuleKind::Open => {
                // Ranges are split by comment too, so skip every open one to find the real close.
                let closes = std::iter::once(first)
                    .chain(ranges)
                    .find(|r| r.kind != RuleKind::Open)
                    .map(|r| r.range.start)
                    .filter(|&t| t < now + TimeDelta::days(AROUND_THE_CLOCK_DAYS));
                OpenState::Open { closes }
            }
            RuleKind::Closed => {
                OpenState::Closed { opens: ranges.find(|r| r.kind == RuleKind::Open).map(|r| r.range.start) }
            }
            RuleKind::Unknown => OpenState::Unknown,
        }
    }

    /// The seven days starting at `day`.
    ///
    /// A day is `exceptional` when its intervals differ from what the regular week gives that
    /// weekday. The regular week is the expression with every rule that names years, months, dates
    /// or weeks removed and with no holidays known; the crate does not say which rule produced a
    /// day, so comparing the two evaluations is the simplest reliable signal. An expression made
    /// only of dated rules (e.g. `Jun-Aug …; Sep-May …`) keeps them, and then only holidays count.
    pub fn week(&self, day: NaiveDate) -> Vec<DayHours> {
        day.iter_days()
            .take(7)
            .map(|date| {
                let intervals = open_intervals(&self.oh, date);
                let exceptional = intervals != open_intervals(&self.regular, date);
                DayHours { date, intervals, exceptional }
            })
            .collect()
    }
}

fn open_intervals<L: opening_hours::localization::Localize<DateTime = NaiveDateTime>>(
    oh: &OpeningHours<L>,
    date: NaiveDate,
) -> Vec<(NaiveTime, NaiveTime)> {
    let start = date.and_time(NaiveTime::MIN);
    let mut out: Vec<(NaiveTime, NaiveTime)> = Vec::new();
    for r in oh.iter_range(start, start + TimeDelta::days(1)).filter(|r| r.kind == RuleKind::Open) {
        let (from, to) = (r.range.start.time(), r.range.end.time());
        // Open ranges that differ only by comment come back split; the table shows one interval.
        match out.last_mut() {
            Some(last) if last.1 == from => last.1 = to,
            _ => out.push((from, to)),
        }
    }
    out
}

fn regular_week(oh: &OpeningHours) -> OpeningHours {
    let mut expr = (*oh.get_expression()).clone();
    let all = expr.rules.len();
    expr.rules.retain(|r| {
        r.day_selector.year.is_empty() && r.day_selector.monthday.is_empty() && r.day_selector.week.is_empty()
    });
    // Nothing left that opens (e.g. only seasonal rules and "PH off"): no week to call regular.
    if expr.rules.len() == all || !expr.rules.iter().any(|r| r.kind == RuleKind::Open) {
        return oh.clone();
    }
    // The crate can only build an evaluator by parsing; the syntax tree prints back as valid
    // syntax, and should that ever fail we fall back to comparing holidays only.
    expr.to_string().parse().unwrap_or_else(|_| oh.clone())
}

/// Finnish public holidays for 2000–2099, computed rather than taken from the crate's
/// `Country::FI`, whose embedded database covers every country (and would bring a deflate
/// decoder) into the Wasm binary. Outside these years `PH` never matches.
///
/// The set is the official holidays (including those that always fall on a Sunday or Saturday)
/// plus Midsummer Eve, a de facto day off. Christmas Eve has the same de facto status but is left
/// out on purpose: it is not an official holiday, and entries that close on it say so
/// (`Dec 24-26 off`). A test checks the set against the crate's own Finnish calendar.
static FINNISH_HOLIDAYS: LazyLock<ContextHolidays> = LazyLock::new(|| {
    let public: CompactCalendar = (2000..=2099).flat_map(finnish_holidays).collect();
    ContextHolidays::new(Arc::new(public), Arc::default())
});

fn finnish_holidays(year: i32) -> [NaiveDate; 14] {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("valid holiday date");
    // Midsummer Day and All Saints' Day are the Saturday within a fixed week.
    let saturday_from = |m, d| {
        let first: NaiveDate = ymd(m, d);
        first
            + TimeDelta::days(i64::from(
                (Weekday::Sat.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7,
            ))
    };
    let easter = easter_sunday(year);
    let midsummer = saturday_from(6, 20);
    [
        ymd(1, 1),
        ymd(1, 6),
        easter - TimeDelta::days(2),
        easter,
        easter + TimeDelta::days(1),
        ymd(5, 1),
        easter + TimeDelta::days(39),
        easter + TimeDelta::days(49),
        midsummer - TimeDelta::days(1),
        midsummer,
        saturday_from(10, 31),
        ymd(12, 6),
        ymd(12, 25),
        ymd(12, 26),
    ]
}

/// Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).
fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter date")
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
        let last = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
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
        Lang::Fi => ["maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"][i],
        Lang::Sv => ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"][i],
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i],
    }
}

/// Finnish essive ("on Monday"), the form that goes with "avautuu".
fn weekday_essive_fi(wd: Weekday) -> &'static str {
    ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina", "sunnuntaina"]
        [wd.num_days_from_monday() as usize]
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
        (OpenState::Open { closes: Some(t) }, Lang::Sv) => format!("Öppet nu, stänger {}", when(t, now, lang, true)),
        (OpenState::Open { closes: Some(t) }, Lang::En) => format!("Open now, closes {}", when(t, now, lang, true)),
        (OpenState::Closed { opens: None }, Lang::Fi) => "Suljettu".into(),
        (OpenState::Closed { opens: None }, Lang::Sv) => "Stängt".into(),
        (OpenState::Closed { opens: None }, Lang::En) => "Closed".into(),
        (OpenState::Closed { opens: Some(t) }, Lang::Fi) => format!("Suljettu, avautuu {}", when(t, now, lang, false)),
        (OpenState::Closed { opens: Some(t) }, Lang::Sv) => format!("Stängt, öppnar {}", when(t, now, lang, false)),
        (OpenState::Closed { opens: Some(t) }, Lang::En) => format!("Closed, opens {}", when(t, now, lang, false)),
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

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

#[cfg(test)]
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

    fn hours(s: &str) -> Hours {
        Hours::parse(s).unwrap()
    }

    const OFFICE: &str = "Mo-Fr 08:00-16:00; PH off";

    #[test]
    fn open_on_a_normal_tuesday_closes_at_16() {
        let now = at("2026-05-05 10:00");
        let state = hours(OFFICE).state(now);
        assert_eq!(state, OpenState::Open { closes: Some(at("2026-05-05 16:00")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Avoinna nyt, sulkeutuu klo 16.00");
        assert_eq!(describe(&state, now, Lang::Sv), "Öppet nu, stänger kl. 16.00");
        assert_eq!(describe(&state, now, Lang::En), "Open now, closes at 16:00");
    }

    #[test]
    fn closed_before_opening_opens_today() {
        let now = at("2026-05-05 06:15");
        let state = hours("Mo-Fr 12:00-16:00").state(now);
        assert_eq!(state, OpenState::Closed { opens: Some(at("2026-05-05 12:00")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Suljettu, avautuu tänään klo 12.00");
        assert_eq!(describe(&state, now, Lang::Sv), "Stängt, öppnar i dag kl. 12.00");
        assert_eq!(describe(&state, now, Lang::En), "Closed, opens today at 12:00");
    }

    #[test]
    fn closed_in_the_evening_opens_tomorrow() {
        let now = at("2026-05-05 17:00");
        let state = hours(OFFICE).state(now);
        assert_eq!(state, OpenState::Closed { opens: Some(at("2026-05-06 08:00")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Suljettu, avautuu huomenna klo 8.00");
        assert_eq!(describe(&state, now, Lang::Sv), "Stängt, öppnar i morgon kl. 8.00");
        assert_eq!(describe(&state, now, Lang::En), "Closed, opens tomorrow at 8:00");
    }

    #[test]
    fn friday_evening_opens_next_monday() {
        let now = at("2026-05-08 18:30");
        let state = hours(OFFICE).state(now);
        assert_eq!(state, OpenState::Closed { opens: Some(at("2026-05-11 08:00")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Suljettu, avautuu maanantaina klo 8.00");
        assert_eq!(describe(&state, now, Lang::Sv), "Stängt, öppnar måndag kl. 8.00");
        assert_eq!(describe(&state, now, Lang::En), "Closed, opens Monday at 8:00");
    }

    #[test]
    fn public_holidays_close_ph_off() {
        let h = hours(OFFICE);
        // May Day (Friday): closed, next opening after the weekend.
        assert_eq!(h.state(at("2026-05-01 10:00")), OpenState::Closed { opens: Some(at("2026-05-04 08:00")) });
        // Epiphany 2027 (Wednesday).
        assert_eq!(h.state(at("2027-01-06 10:00")), OpenState::Closed { opens: Some(at("2027-01-07 08:00")) });
        // Christmas Day (Friday); Boxing Day is a Saturday anyway.
        assert_eq!(h.state(at("2026-12-25 10:00")), OpenState::Closed { opens: Some(at("2026-12-28 08:00")) });
        // Good Friday, Easter Monday, Ascension Day, Midsummer Eve.
        for day in ["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19"] {
            assert!(matches!(h.state(date(day).and_time(hm(10, 0))), OpenState::Closed { .. }), "{day}");
        }
        // Independence Day 2026 is a Sunday, so only an always-open place shows it.
        let always = hours("24/7; PH off");
        let now = at("2026-12-06 12:00");
        assert_eq!(always.state(now), OpenState::Closed { opens: Some(at("2026-12-07 00:00")) });
        assert_eq!(describe(&always.state(now), now, Lang::Fi), "Suljettu, avautuu huomenna klo 0.00");
        assert_eq!(always.state(at("2026-12-05 12:00")), OpenState::Open { closes: Some(at("2026-12-06 00:00")) });
        // Christmas Eve is not a public holiday: open unless the expression says otherwise.
        assert_eq!(h.state(at("2026-12-24 10:00")), OpenState::Open { closes: Some(at("2026-12-24 16:00")) });
        let daycare = hours("Mo-Fr 06:30-17:00; Dec 24-26 off; PH off");
        assert_eq!(daycare.state(at("2026-12-24 10:00")), OpenState::Closed { opens: Some(at("2026-12-28 06:30")) });
        assert_eq!(daycare.state(at("2026-12-23 07:00")), OpenState::Open { closes: Some(at("2026-12-23 17:00")) });
    }

    #[test]
    fn finnish_calendar_matches_the_crates_apart_from_christmas_eve() {
        let theirs = opening_hours::localization::Country::FI.holidays();
        let ours = &*FINNISH_HOLIDAYS;
        let mut checked = 0;
        for day in date("2000-01-01").iter_days().take_while(|d| d.year() <= 2076) {
            let expected = theirs.get_public().contains(day) && !(day.month() == 12 && day.day() == 24);
            assert_eq!(ours.get_public().contains(day), expected, "{day}");
            checked += usize::from(expected);
        }
        // 14 a year, but in 2008 Ascension Day fell on May Day.
        assert_eq!(checked, 77 * 14 - 1);
        assert!(!ours.get_public().contains(date("2026-12-24")));
        assert!(ours.get_public().contains(date("2026-12-06")));
        assert!(ours.get_public().contains(date("2026-06-20")));
        assert!(ours.get_public().contains(date("2026-10-31")));
    }

    #[test]
    fn summer_closure_reopens_in_august() {
        let h = hours("Tu,Th 09:30-12:00; Jul off; PH off");
        assert_eq!(h.state(at("2026-06-30 10:00")), OpenState::Open { closes: Some(at("2026-06-30 12:00")) });
        // A Thursday in July, inside the opening hours: closed.
        assert_eq!(h.state(at("2026-07-02 10:00")), OpenState::Closed { opens: None });
        // Close enough to August to see the first Tuesday.
        let now = at("2026-07-25 10:00");
        let state = h.state(now);
        assert_eq!(state, OpenState::Closed { opens: Some(at("2026-08-04 09:30")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Suljettu, avautuu 4.8. klo 9.30");
        assert_eq!(describe(&state, now, Lang::En), "Closed, opens on 4 Aug at 9:30");
        assert_eq!(describe(&OpenState::Closed { opens: None }, now, Lang::Sv), "Stängt");

        let evenings = hours("We 17:00-19:00; Jun-Aug off");
        assert_eq!(evenings.state(at("2026-08-26 18:00")), OpenState::Closed { opens: Some(at("2026-09-02 17:00")) });
        assert_eq!(evenings.state(at("2026-09-02 18:00")), OpenState::Open { closes: Some(at("2026-09-02 19:00")) });
    }

    #[test]
    fn around_the_clock() {
        let now = at("2026-12-25 03:00");
        let state = hours("24/7").state(now);
        assert_eq!(state, OpenState::Open { closes: None });
        assert_eq!(describe(&state, now, Lang::Fi), "Avoinna ympäri vuorokauden");
        assert_eq!(describe(&state, now, Lang::En), "Open 24 hours");
        let week = hours("24/7").week(date("2026-12-21"));
        assert!(week.iter().all(|d| d.intervals == [(hm(0, 0), hm(0, 0))] && !d.exceptional));
    }

    #[test]
    fn closing_at_midnight_reads_24() {
        let now = at("2026-05-05 20:00");
        let state = hours("Mo-Su 18:00-24:00").state(now);
        assert_eq!(state, OpenState::Open { closes: Some(at("2026-05-06 00:00")) });
        assert_eq!(describe(&state, now, Lang::Fi), "Avoinna nyt, sulkeutuu klo 24.00");
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
        assert_eq!(helsinki_now(utc("2026-01-15 12:00")), at("2026-01-15 14:00"));
        assert_eq!(helsinki_now(utc("2026-07-15 12:00")), at("2026-07-15 15:00"));
        // Spring forward: 03:00 local never happens on 2026-03-29.
        assert_eq!(helsinki_now(utc("2026-03-29 00:59")), at("2026-03-29 02:59"));
        assert_eq!(helsinki_now(utc("2026-03-29 01:00")), at("2026-03-29 04:00"));
        // Fall back: 03:00–03:59 local happens twice on 2026-10-25.
        assert_eq!(helsinki_now(utc("2026-10-25 00:59")), at("2026-10-25 03:59"));
        assert_eq!(helsinki_now(utc("2026-10-25 01:00")), at("2026-10-25 03:00"));
        // New Year's Eve in UTC is already next year in Helsinki.
        assert_eq!(helsinki_now(utc("2026-12-31 23:30")), at("2027-01-01 01:30"));
    }

    #[test]
    fn week_marks_holidays_as_exceptional() {
        let week = hours(OFFICE).week(date("2026-12-21"));
        assert_eq!(week.len(), 7);
        assert_eq!(week[0].date, date("2026-12-21"));
        assert_eq!(week[6].date, date("2026-12-27"));
        let office = vec![(hm(8, 0), hm(16, 0))];
        for day in &week[..4] {
            assert_eq!((&day.intervals, day.exceptional), (&office, false), "{}", day.date);
        }
        // Christmas Day: closed, unlike a regular Friday.
        assert_eq!((week[4].intervals.is_empty(), week[4].exceptional), (true, true));
        // Boxing Day is a Saturday, closed anyway: nothing exceptional to show.
        assert_eq!((week[5].intervals.is_empty(), week[5].exceptional), (true, false));
        assert_eq!((week[6].intervals.is_empty(), week[6].exceptional), (true, false));
    }

    #[test]
    fn week_marks_summer_closure_as_exceptional() {
        let week = hours("Tu,Th 09:30-12:00; Jul off; PH off").week(date("2026-06-29"));
        let open = vec![(hm(9, 30), hm(12, 0))];
        assert_eq!((&week[1].intervals, week[1].exceptional), (&open, false)); // Tue 30 June
        assert_eq!((week[2].intervals.is_empty(), week[2].exceptional), (true, false)); // Wed 1 July
        assert_eq!((week[3].intervals.is_empty(), week[3].exceptional), (true, true)); // Thu 2 July

        let dec = hours("Mo-Fr 06:30-17:00; Dec 24-26 off; PH off").week(date("2026-12-21"));
        assert_eq!(
            dec.iter().map(|d| d.exceptional).collect::<Vec<_>>(),
            [false, false, false, true, true, false, false]
        );
    }

    #[test]
    fn week_splits_intervals_and_overnight_hours() {
        let week = hours("Mo 08:00-11:00,12:00-16:00; Fr 22:00-02:00").week(date("2026-05-04"));
        assert_eq!(week[0].intervals, [(hm(8, 0), hm(11, 0)), (hm(12, 0), hm(16, 0))]);
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
    fn rejects_non_osm_syntax() {
        assert!(Hours::parse("ma-pe 8-16").is_err());
        assert!(Hours::parse("ma-pe 8-16").unwrap_err().contains("ma-pe"));
        assert!(Hours::parse("").is_err());
    }

    #[test]
    fn weekday_names() {
        assert_eq!(weekday_name(Weekday::Mon, Lang::Fi), "maanantai");
        assert_eq!(weekday_name(Weekday::Wed, Lang::Sv), "onsdag");
        assert_eq!(weekday_name(Weekday::Sun, Lang::En), "Sunday");
        assert_eq!(weekday_essive_fi(Weekday::Thu), "torstaina");
    }
}
