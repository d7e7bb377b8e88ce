//! Evaluates `opening_hours` expressions (OpenStreetMap syntax, Finnish public holidays as `PH`)
//! at catalogue build time and compiles each into a [`Schedule`] the app reads without an
//! evaluator of its own.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, LazyLock};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use compact_calendar::CompactCalendar;
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};

use crate::hours::{
    epoch_day, Day, OpenState, Schedule, Span, AROUND_THE_CLOCK_DAYS, LOOKAHEAD_DAYS,
};
use crate::model::Catalogue;

/// Days before the build date a schedule covers, so a device clock somewhat behind, or a
/// catalogue built just after midnight, still finds today.
pub const WINDOW_BEFORE_DAYS: i64 = 31;
/// Days after the build date (the window's last day is 549 days on): a year and a half, longer
/// than a catalogue should go without a rebuild. Past it the app says the hours are uncertain
/// rather than guess.
pub const WINDOW_AFTER_DAYS: i64 = 550;

/// A parsed expression, evaluated with the Finnish public holidays as `PH`.
#[derive(Clone, Debug)]
pub struct Expression {
    oh: OpeningHours,
    /// The same expression without its exceptions (holidays, dated and seasonal rules): what a
    /// day is compared against to flag it exceptional.
    regular: OpeningHours,
}

impl Expression {
    /// The error is the parser's own message (with the position), fit for a catalogue report.
    pub fn parse(s: &str) -> Result<Expression, String> {
        let plain = s.parse::<OpeningHours>().map_err(|e| e.to_string())?;
        let regular = regular_week(&plain);
        let oh = plain.with_context(Context::default().with_holidays(FINNISH_HOLIDAYS.clone()));
        Ok(Expression { oh, regular })
    }

    /// The state straight from the evaluator: the reference the compiled [`Schedule`] is tested
    /// against.
    pub fn state(&self, now: NaiveDateTime) -> OpenState {
        let horizon = now + TimeDelta::days(LOOKAHEAD_DAYS);
        let mut ranges = self.oh.iter_range(now, horizon);
        let Some(first) = ranges.next() else {
            return OpenState::Unknown;
        };
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
            RuleKind::Closed => OpenState::Closed {
                opens: ranges
                    .find(|r| r.kind == RuleKind::Open)
                    .map(|r| r.range.start),
            },
            RuleKind::Unknown => OpenState::Unknown,
        }
    }

    /// Evaluates `len` days from `first` into a schedule: the most common hours of each weekday
    /// make the ordinary week, and every other day is stored as an exception.
    pub fn schedule(&self, first: NaiveDate, len: u16) -> Schedule {
        let dates: Vec<NaiveDate> = first.iter_days().take(usize::from(len)).collect();
        let evaluated: Vec<Day> = dates
            .iter()
            .map(|&date| {
                let actual = spans(&self.oh, date);
                let open = |s: &[Span]| {
                    s.iter()
                        .filter(|s| !s.unknown)
                        .map(|s| (s.from, s.to))
                        .collect::<Vec<_>>()
                };
                let exceptional = open(&actual) != open(&spans(&self.regular, date));
                Day {
                    spans: actual,
                    exceptional,
                }
            })
            .collect();

        let mut days: Vec<Day> = Vec::new();
        let mut index_of = |day: &Day| -> u16 {
            let i = days.iter().position(|d| d == day).unwrap_or_else(|| {
                days.push(day.clone());
                days.len() - 1
            });
            i as u16
        };
        let ids: Vec<u16> = evaluated.iter().map(&mut index_of).collect();

        let mut week = [0u16; 7];
        for (wd, slot) in week.iter_mut().enumerate() {
            let mut counts: HashMap<u16, (usize, usize)> = HashMap::new();
            for (n, (date, id)) in dates.iter().zip(&ids).enumerate() {
                if date.weekday().num_days_from_monday() as usize == wd {
                    counts.entry(*id).or_insert((0, n)).0 += 1;
                }
            }
            // Most common, ties to the earliest seen: the same input always gives the same asset.
            *slot = counts
                .into_iter()
                .max_by_key(|(_, (count, first))| (*count, std::cmp::Reverse(*first)))
                .map_or(0, |(id, _)| id);
        }
        if days.is_empty() {
            days.push(Day::default());
        }
        let exceptions = dates
            .iter()
            .zip(&ids)
            .enumerate()
            .filter(|(_, (date, id))| week[date.weekday().num_days_from_monday() as usize] != **id)
            .map(|(n, (_, id))| (n as u16, *id))
            .collect();
        Schedule {
            first: epoch_day(first),
            len,
            days,
            week,
            exceptions,
        }
    }
}

/// The open and unknown stretches of one day, neighbours of one kind joined (the evaluator splits
/// ranges wherever the comment changes).
fn spans(
    oh: &OpeningHours<impl opening_hours::localization::Localize<DateTime = NaiveDateTime>>,
    date: NaiveDate,
) -> Vec<Span> {
    let start = date.and_time(NaiveTime::MIN);
    let minute = |t: NaiveDateTime| ((t - start).num_minutes().clamp(0, 1440)) as u16;
    let mut out: Vec<Span> = Vec::new();
    for r in oh.iter_range(start, start + TimeDelta::days(1)) {
        let unknown = match r.kind {
            RuleKind::Open => false,
            RuleKind::Unknown => true,
            RuleKind::Closed => continue,
        };
        let (from, to) = (minute(r.range.start), minute(r.range.end));
        if from >= to {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.to == from && last.unknown == unknown => last.to = to,
            _ => out.push(Span { from, to, unknown }),
        }
    }
    out
}

fn regular_week(oh: &OpeningHours) -> OpeningHours {
    let mut expr = (*oh.get_expression()).clone();
    let all = expr.rules.len();
    expr.rules.retain(|r| {
        r.day_selector.year.is_empty()
            && r.day_selector.monthday.is_empty()
            && r.day_selector.week.is_empty()
    });
    // Nothing left that opens (e.g. only seasonal rules and "PH off"): no week to call regular.
    if expr.rules.len() == all || !expr.rules.iter().any(|r| r.kind == RuleKind::Open) {
        return oh.clone();
    }
    // The crate can only build an evaluator by parsing; the syntax tree prints back as valid
    // syntax, and should that ever fail we fall back to comparing holidays only.
    expr.to_string().parse().unwrap_or_else(|_| oh.clone())
}

/// The window of dates schedules cover for a catalogue built on `built` (YYYY-MM-DD…).
pub fn window(built: &str) -> Result<(NaiveDate, u16), String> {
    let day = built
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let day =
        day.ok_or_else(|| format!("build date \"{built}\" does not start with YYYY-MM-DD"))?;
    Ok((
        day - TimeDelta::days(WINDOW_BEFORE_DAYS),
        (WINDOW_BEFORE_DAYS + WINDOW_AFTER_DAYS) as u16,
    ))
}

/// Compiles every distinct hours expression of the catalogue (places and contact points) into
/// `cat.schedules`, for the window around its build date.
pub fn attach(cat: &mut Catalogue) -> Result<(), String> {
    let places = cat
        .services
        .iter()
        .flat_map(|s| &s.delivery)
        .filter_map(|d| d.hours.as_deref());
    let contacts = cat
        .counties
        .iter()
        .filter_map(|c| c.contact.as_ref()?.hours.as_deref());
    let texts: BTreeSet<&str> = places.chain(contacts).collect();
    if texts.is_empty() {
        cat.schedules.clear();
        return Ok(());
    }
    let (first, len) = window(&cat.built)?;
    cat.schedules = texts
        .into_iter()
        .map(|t| {
            let e = Expression::parse(t).map_err(|e| format!("opening hours \"{t}\": {e}"))?;
            Ok((t.to_string(), e.schedule(first, len)))
        })
        .collect::<Result<_, String>>()?;
    Ok(())
}

/// Finnish public holidays for 2000–2099, computed rather than taken from the crate's
/// `Country::FI`, whose embedded database covers every country and brings a deflate decoder.
/// Outside these years `PH` never matches.
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
                (Weekday::Sat.num_days_from_monday() + 7 - first.weekday().num_days_from_monday())
                    % 7,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::DayHours;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Expressions of the kinds the catalogue holds, and the odd ones the syntax allows.
    const EXPRESSIONS: [&str; 14] = [
        "Mo-Fr 08:00-16:00; PH off",
        "Mo-Fr 12:00-16:00",
        "Tu,Th 09:30-12:00; Jul off; PH off",
        "We 17:00-19:00; Jun-Aug off",
        "24/7",
        "24/7; PH off",
        "Mo-Su 18:00-24:00",
        "Mo 08:00-11:00,12:00-16:00; Fr 22:00-02:00",
        "Mo-Fr 06:30-17:00; Dec 24-26 off; PH off",
        "Jun-Aug Mo-Fr 10:00-14:00; Sep-May Mo-Fr 08:00-16:00; PH off",
        r#"Tu 09:00-12:00 unknown "ajanvarauksella""#,
        r#"Mo-Fr 08:00-12:00 "neuvonta", 12:00-16:00 "ajanvaraus"; Sa 10:00-14:00 unknown"#,
        "Mo-Fr 08:00-16:00; week 1-53/2 Sa 10:00-12:00",
        "Mo-Th 08:00-15:00; Dec 21-Jan 06 off; PH off",
    ];

    /// The compiled schedule answers exactly as the evaluator does: every state (open, closed,
    /// unknown, with the next change) at many moments, including span edges and midnights; and
    /// the weekly table has a row for every day with as many intervals as the day has.
    #[test]
    fn compiled_schedules_agree_with_the_evaluator() {
        let (first, len) = window("2026-11-23T10:00:00Z").unwrap();
        let stretches = [("2026-11-20", 70), ("2027-03-25", 30), ("2027-06-10", 70)];
        let mut checked = 0;
        for text in EXPRESSIONS {
            let e = Expression::parse(text).unwrap();
            let schedule = e.schedule(first, len);
            for (from, days) in stretches {
                for day in date(from).iter_days().take(days) {
                    let edges = schedule
                        .day(day)
                        .unwrap()
                        .spans
                        .iter()
                        .flat_map(|s| [s.from, s.to]);
                    let minutes: BTreeSet<u16> = (0..1440)
                        .step_by(97)
                        .chain(edges.flat_map(|m| [m.saturating_sub(1), m]))
                        .collect();
                    for m in minutes.into_iter().filter(|m| *m < 1440) {
                        let now = day.and_time(NaiveTime::MIN) + TimeDelta::minutes(i64::from(m));
                        assert_eq!(schedule.state(now), e.state(now), "{text} at {now}");
                        checked += 1;
                    }
                    let open: Vec<_> = spans(&e.oh, day)
                        .into_iter()
                        .filter(|s| !s.unknown)
                        .collect();
                    let week: Vec<DayHours> = schedule.week(day);
                    assert_eq!(week[0].intervals.len(), open.len(), "{text} on {day}");
                }
            }
        }
        assert!(checked > 30_000, "{checked}");
    }

    #[test]
    fn schedules_store_an_ordinary_week_and_the_days_unlike_it() {
        let (first, len) = window("2026-11-23").unwrap();
        assert_eq!(first, date("2026-10-23"));
        let s = Expression::parse("Mo-Fr 08:00-16:00; PH off")
            .unwrap()
            .schedule(first, len);
        // Open weekdays, closed weekends: two distinct days, plus the holiday that closes a weekday.
        assert_eq!(s.days.len(), 3);
        let holidays: Vec<NaiveDate> = s
            .exceptions
            .iter()
            .map(|(offset, _)| first + TimeDelta::days(i64::from(*offset)))
            .collect();
        assert!(holidays.contains(&date("2026-12-25")) && holidays.contains(&date("2027-01-06")));
        assert!(!holidays.contains(&date("2026-12-24")));
        assert!(holidays
            .iter()
            .all(|d| d.weekday() != Weekday::Sat && d.weekday() != Weekday::Sun));
        assert_eq!(
            s.window(),
            (first, first + TimeDelta::days(i64::from(len) - 1))
        );
        // Outside the window nothing is claimed, nor near its end where the answer lies past it.
        assert_eq!(
            s.state(date("2026-10-01").and_hms_opt(10, 0, 0).unwrap()),
            OpenState::Unknown
        );
        let last = s.window().1;
        let evening = last.and_hms_opt(18, 0, 0).unwrap();
        assert_eq!(
            s.state(evening),
            OpenState::Unknown,
            "next opening lies past the window"
        );
        let always = Expression::parse("24/7").unwrap().schedule(first, len);
        assert_eq!(
            always.state(last.and_hms_opt(12, 0, 0).unwrap()),
            OpenState::Unknown,
            "closing lies past the window"
        );
        assert_eq!(
            always.state(date("2026-11-24").and_hms_opt(12, 0, 0).unwrap()),
            OpenState::Open { closes: None }
        );
        assert_eq!(
            s.state(date("2030-10-01").and_hms_opt(10, 0, 0).unwrap()),
            OpenState::Unknown
        );
        assert!(s.week(date("2030-01-01")).is_empty());
    }

    #[test]
    fn attach_compiles_every_distinct_expression_once() {
        let mut cat = crate::search::tests::tiny_catalogue();
        cat.built = "2026-11-23T10:00:00Z".into();
        attach(&mut cat).unwrap();
        assert!(cat.schedules.is_empty());
        let contact = |hours: &str| {
            Some(crate::model::ContactPoint {
                name: crate::model::Text::fi("Perheneuvo"),
                phone: None,
                web: None,
                hours: Some(hours.into()),
            })
        };
        cat.counties[0].contact = contact("Mo-Fr 09:00-15:00");
        cat.counties[1].contact = contact("Mo-Fr 09:00-15:00");
        cat.services[0].delivery = vec![];
        attach(&mut cat).unwrap();
        assert_eq!(cat.schedules.len(), 1);
        let noon = date("2026-11-24").and_hms_opt(12, 0, 0).unwrap();
        assert!(matches!(
            cat.schedule("Mo-Fr 09:00-15:00").unwrap().state(noon),
            OpenState::Open { .. }
        ));
        assert!(cat.schedule("Mo-Fr 09:00-16:00").is_none());
        cat.built = "yesterday".into();
        assert!(attach(&mut cat).unwrap_err().contains("\"yesterday\""));
    }

    #[test]
    fn finnish_calendar_matches_the_crates_apart_from_christmas_eve() {
        let theirs = opening_hours::localization::Country::FI.holidays();
        let ours = &*FINNISH_HOLIDAYS;
        let mut checked = 0;
        for day in date("2000-01-01")
            .iter_days()
            .take_while(|d| d.year() <= 2076)
        {
            let expected =
                theirs.get_public().contains(day) && !(day.month() == 12 && day.day() == 24);
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
    fn rejects_non_osm_syntax() {
        assert!(Expression::parse("ma-pe 8-16").is_err());
        assert!(Expression::parse("ma-pe 8-16")
            .unwrap_err()
            .contains("ma-pe"));
        assert!(Expression::parse("").is_err());
    }
}
