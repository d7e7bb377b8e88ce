//! PTV service hours as OpenStreetMap opening_hours: weekly rules, rules across midnight and dated
//! exceptions.

use std::collections::BTreeMap;

use super::input::{Hours, OpeningHour};
use crate::catalogue_writer::{osm_weekdays as weekdays, OSM_DAYS as DAYS};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn day_index(name: &str) -> Option<usize> {
    let n = name.trim().to_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .position(|d| *d == n)
}

/// "08:00:00" → "08:00".
fn clock(t: &str) -> Option<String> {
    let mut parts = t.trim().split(':');
    let (h, m) = (
        parts.next()?.parse::<u32>().ok()?,
        parts.next()?.parse::<u32>().ok()?,
    );
    (h <= 24 && m < 60).then(|| format!("{h:02}:{m:02}"))
}

/// The Finnish calendar date of a PTV timestamp: as written when it has no offset, else moved to
/// Finnish time (a midnight written in UTC is the evening before).
pub(super) fn local_date(ts: &str) -> Option<String> {
    let ts = ts.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(ts) {
        return Some(
            perheopas_core::hours::helsinki_now(t.with_timezone(&chrono::Utc))
                .format("%Y-%m-%d")
                .to_string(),
        );
    }
    let date = ts.get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|_| date.to_string())
}

/// "2026 Dec 24", "2026 Dec 24-26" or "2026 Jul 01-2026 Aug 02".
fn date_range(from: &str, to: Option<&str>) -> Option<String> {
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let a = parse(&local_date(from)?)?;
    let b = match to.and_then(local_date) {
        Some(t) => parse(&t)?,
        None => a,
    };
    use chrono::Datelike;
    let day = |d: chrono::NaiveDate| {
        format!(
            "{} {} {:02}",
            d.year(),
            MONTHS[d.month0() as usize],
            d.day()
        )
    };
    Some(if a >= b {
        day(a)
    } else if (a.year(), a.month()) == (b.year(), b.month()) {
        format!("{}-{:02}", day(a), b.day())
    } else {
        format!("{}-{}", day(a), day(b))
    })
}

fn span(o: &OpeningHour) -> Option<(String, String)> {
    let from = clock(o.from.as_deref()?)?;
    let mut to = clock(o.to.as_deref()?)?;
    if to == "00:00" && from != "00:00" {
        to = "24:00".into(); // closing at midnight
    }
    Some((from, to))
}

/// The last day an open-ended period (`validFrom` without `validTo`) is written to reach: far
/// past any window the catalogue compiles, and a plain date range every evaluator reads.
const OPEN_END: &str = "2099-12-31";

/// A dated weekly period: its `opening_hours` date range and start (for ordering), and its rules.
struct Period {
    start: String,
    rules: Vec<String>,
    extra: Vec<String>,
}

/// "`from` to `to`" (or to [`OPEN_END`] when `to` is missing) as an `opening_hours` date range
/// and the start date; `None` when `from` is missing or not a date.
fn period_range(h: &Hours) -> Option<(String, String)> {
    let from = h.valid_from.as_deref()?;
    let start = local_date(from)?;
    let range = date_range(from, Some(h.valid_to.as_deref().unwrap_or(OPEN_END)))?;
    Some((range, start))
}

/// Weekday rules of one weekly entry: (days, "08:00-12:00,13:00-16:00") groups, and the weekdays
/// it lists.
fn weekly_groups(h: &Hours, notes: &mut Vec<String>) -> (Vec<String>, Vec<usize>) {
    let mut per_day: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for o in &h.opening_hour {
        let (Some(d1), Some((f, t))) = (o.day_from.as_deref().and_then(day_index), span(o)) else {
            notes.push(format!(
                "opening hour {:?} {:?}-{:?} is not a weekday and times; left out",
                o.day_from, o.from, o.to
            ));
            continue;
        };
        let d2 = o
            .day_to
            .as_deref()
            .and_then(day_index)
            .filter(|&d| d >= d1)
            .unwrap_or(d1);
        for d in d1..=d2 {
            per_day.entry(d).or_default().push(format!("{f}-{t}"));
        }
    }
    let listed: Vec<usize> = per_day.keys().copied().collect();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (d, mut times) in per_day {
        times.sort();
        let key = times.join(",");
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, days)) => days.push(d),
            None => groups.push((key, vec![d])),
        }
    }
    let rules = groups
        .into_iter()
        .map(|(times, days)| format!("{} {times}", weekdays(&days)))
        .collect();
    (rules, listed)
}

/// Over-midnight entries as additional rules (they add to the day's hours, never override).
fn over_midnight(h: &Hours, notes: &mut Vec<String>) -> Vec<String> {
    let mut extra = Vec::new();
    for o in &h.opening_hour {
        let (Some(d1), Some((f, t))) = (o.day_from.as_deref().and_then(day_index), span(o)) else {
            notes.push(format!(
                "over-midnight hour {:?} {:?}-{:?} is not weekdays and times; left out",
                o.day_from, o.from, o.to
            ));
            continue;
        };
        let d2 = o.day_to.as_deref().and_then(day_index).unwrap_or(d1);
        let t = if t == "24:00" { "00:00".to_string() } else { t };
        let nights = (d2 + 7 - d1) % 7;
        if nights <= 1 {
            // Within a day, or into the next morning: OSM wraps "22:00-06:00" past midnight.
            let end = if nights == 0 && t == "00:00" {
                "24:00"
            } else {
                &t
            };
            extra.push(format!("{} {f}-{end}", DAYS[d1]));
        } else {
            extra.push(format!("{} {f}-24:00", DAYS[d1]));
            let middle: Vec<usize> = (1..nights).map(|k| (d1 + k) % 7).collect();
            extra.push(format!("{} 00:00-24:00", weekdays(&middle)));
            extra.push(format!("{} 00:00-{t}", DAYS[d2]));
        }
    }
    extra
}

/// PTV service hours as one OpenStreetMap opening_hours string (None when there are none), plus
/// notes about entries that could not be used.
///
/// What PTV means, in the order `opening_hours` needs (a later rule overrides an earlier one for
/// the days it names, whatever order PTV listed them in):
/// 1. the normal weekly hours without dates, then their over-midnight additions (`,`: they add);
/// 2. dated weekly periods (summer hours, a holiday week; `validFrom` without `validTo` from that
///    date on), by start date: in its period a period replaces the whole week, so the weekdays it
///    does not list are written `off`;
/// 3. dated exceptions (closed days, single days with other hours), overriding both.
pub fn hours_to_osm(hours: &[Hours]) -> Result<(Option<String>, Vec<String>), String> {
    let (mut weekly, mut extra, mut periods, mut dated) =
        (vec![], vec![], Vec::<Period>::new(), vec![]);
    let mut notes = Vec::new();
    for h in hours {
        match h.service_hour_type.as_str() {
            kind @ ("DaysOfTheWeek" | "Standard" | "OverMidnight" | "Special") => {
                let overnight = matches!(kind, "OverMidnight" | "Special");
                let (rules, more) = if overnight {
                    (vec![], over_midnight(h, &mut notes))
                } else if h.is_always_open {
                    (vec!["00:00-24:00".to_string()], vec![])
                } else {
                    let (rules, listed) = weekly_groups(h, &mut notes);
                    let mut rules = rules;
                    let unlisted: Vec<usize> = (0..7).filter(|d| !listed.contains(d)).collect();
                    // Only a dated period closes the days it leaves out (see below).
                    if h.valid_from.is_some() && !unlisted.is_empty() && !listed.is_empty() {
                        rules.push(format!("{} off", weekdays(&unlisted)));
                    }
                    (rules, vec![])
                };
                if h.valid_from.is_some() {
                    let Some((range, start)) = period_range(h) else {
                        notes.push(format!(
                            "{kind} hours with validFrom {:?} validTo {:?}: not dates; left out",
                            h.valid_from, h.valid_to
                        ));
                        continue;
                    };
                    let with = |r: &String| format!("{range} {r}");
                    periods.push(Period {
                        start,
                        rules: rules.iter().map(with).collect(),
                        extra: more.iter().map(with).collect(),
                    });
                } else {
                    if h.is_always_open && !overnight {
                        weekly.push("24/7".to_string());
                    } else {
                        weekly.extend(rules);
                    }
                    extra.extend(more);
                }
            }
            "Exceptional" | "Exception" => {
                let Some(when) = h
                    .valid_from
                    .as_deref()
                    .and_then(|f| date_range(f, h.valid_to.as_deref()))
                else {
                    notes.push("an exception without a valid date (validFrom) is left out".into());
                    continue;
                };
                let key = h
                    .valid_from
                    .as_deref()
                    .and_then(local_date)
                    .unwrap_or_default();
                if h.is_closed {
                    dated.push((key, format!("{when} off")));
                } else if h.is_always_open {
                    dated.push((key, format!("{when} 00:00-24:00")));
                } else {
                    let times: Vec<String> = h
                        .opening_hour
                        .iter()
                        .filter_map(span)
                        .map(|(f, t)| format!("{f}-{t}"))
                        .collect();
                    if times.is_empty() {
                        notes.push(format!(
                            "exception {when} has neither times nor isClosed; left out"
                        ));
                    } else {
                        dated.push((key, format!("{when} {}", times.join(","))));
                    }
                }
            }
            other => notes.push(format!("unknown serviceHourType \"{other}\"; left out")),
        }
    }
    periods.sort_by(|a, b| a.start.cmp(&b.start));
    dated.sort();
    let mut out = weekly.join("; ");
    let add = |out: &mut String, sep: &str, rule: &str| {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(rule);
    };
    for e in &extra {
        add(&mut out, ", ", e);
    }
    for p in &periods {
        for r in &p.rules {
            add(&mut out, "; ", r);
        }
        for e in &p.extra {
            add(&mut out, ", ", e);
        }
    }
    for (_, rule) in &dated {
        add(&mut out, "; ", rule);
    }
    if out.is_empty() {
        return Ok((None, notes));
    }
    opening_hours_syntax::parse(&out).map_err(|e| {
        format!(
            "converted hours \"{out}\" do not parse ({})",
            e.to_string().lines().next().unwrap_or("")
        )
    })?;
    Ok((Some(out), notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(
        kind: &str,
        from: Option<&str>,
        to: Option<&str>,
        closed: bool,
        open: &[(&str, &str, &str, &str)],
    ) -> Hours {
        Hours {
            service_hour_type: kind.into(),
            valid_from: from.map(str::to_string),
            valid_to: to.map(str::to_string),
            is_closed: closed,
            opening_hour: open
                .iter()
                .map(|(d1, d2, f, t)| OpeningHour {
                    day_from: Some(d1.to_string()),
                    day_to: (!d2.is_empty()).then(|| d2.to_string()),
                    from: Some(f.to_string()),
                    to: Some(t.to_string()),
                })
                .collect(),
            ..Hours::default()
        }
    }

    #[test]
    fn weekly_hours_group_days_with_the_same_times() {
        let week = [
            ("Monday", "", "08:00:00", "16:00:00"),
            ("Tuesday", "", "08:00", "16:00"),
            ("Wednesday", "", "08:00", "16:00"),
            ("Friday", "", "08:00", "14:00"),
            ("Thursday", "", "08:00", "16:00"),
        ];
        let (oh, notes) = hours_to_osm(&[h("DaysOfTheWeek", None, None, false, &week)]).unwrap();
        assert_eq!(oh.as_deref(), Some("Mo-Th 08:00-16:00; Fr 08:00-14:00"));
        assert!(notes.is_empty());
    }

    #[test]
    fn exceptions_become_dated_rules_after_the_week() {
        let hours = [
            h(
                "Exceptional",
                Some("2026-12-24T00:00:00"),
                Some("2026-12-26T00:00:00"),
                true,
                &[],
            ),
            h(
                "DaysOfTheWeek",
                None,
                None,
                false,
                &[
                    ("Monday", "", "09:00", "15:00"),
                    ("Wednesday", "", "09:00", "15:00"),
                ],
            ),
            h(
                "Exceptional",
                Some("2026-07-01T00:00:00"),
                Some("2026-08-02T00:00:00"),
                true,
                &[],
            ),
            h(
                "Exceptional",
                Some("2026-12-23T00:00:00"),
                None,
                false,
                &[("Wednesday", "", "10:00", "12:00")],
            ),
        ];
        let (oh, _) = hours_to_osm(&hours).unwrap();
        assert_eq!(oh.as_deref(), Some("Mo,We 09:00-15:00; 2026 Jul 01-2026 Aug 02 off; 2026 Dec 23 10:00-12:00; 2026 Dec 24-26 off"));
    }

    #[test]
    fn a_midnight_in_utc_is_the_finnish_day_after() {
        assert_eq!(
            local_date("2026-12-23T22:00:00Z").as_deref(),
            Some("2026-12-24")
        );
        assert_eq!(
            local_date("2026-12-24T00:00:00").as_deref(),
            Some("2026-12-24")
        );
    }

    #[test]
    fn over_midnight_adds_without_overriding() {
        let hours = [
            h(
                "DaysOfTheWeek",
                None,
                None,
                false,
                &[("Monday", "", "08:00", "16:00")],
            ),
            h(
                "OverMidnight",
                None,
                None,
                false,
                &[
                    ("Friday", "Monday", "15:00", "08:00"),
                    ("Tuesday", "Wednesday", "22:00", "06:00"),
                ],
            ),
        ];
        let (oh, _) = hours_to_osm(&hours).unwrap();
        assert_eq!(
            oh.as_deref(),
            Some(
                "Mo 08:00-16:00, Fr 15:00-24:00, Sa-Su 00:00-24:00, Mo 00:00-08:00, Tu 22:00-06:00"
            )
        );
    }

    #[test]
    fn dated_weekly_hours_and_always_open() {
        let hours = [
            h(
                "DaysOfTheWeek",
                None,
                None,
                false,
                &[("Monday", "Friday", "08:00", "16:00")],
            ),
            h(
                "DaysOfTheWeek",
                Some("2026-06-01"),
                Some("2026-08-31"),
                false,
                &[("Monday", "Friday", "09:00", "15:00")],
            ),
        ];
        assert_eq!(
            hours_to_osm(&hours).unwrap().0.as_deref(),
            Some(
                "Mo-Fr 08:00-16:00; 2026 Jun 01-2026 Aug 31 Mo-Fr 09:00-15:00; \
                 2026 Jun 01-2026 Aug 31 Sa-Su off"
            )
        );
        let always = Hours {
            service_hour_type: "DaysOfTheWeek".into(),
            is_always_open: true,
            ..Hours::default()
        };
        assert_eq!(hours_to_osm(&[always]).unwrap().0.as_deref(), Some("24/7"));
        assert_eq!(hours_to_osm(&[]).unwrap().0, None);
    }

    /// What PTV means on `date` (minutes from midnight, open spans), computed straight from the
    /// PTV entries, independently of the conversion: an exception covering the day wins; else the
    /// dated weekly period covering the day with the latest start; else the normal hours.
    fn ptv_meaning(hours: &[Hours], date: chrono::NaiveDate) -> Vec<(u16, u16)> {
        use chrono::Datelike;
        let day = |s: &Option<String>| {
            s.as_deref()
                .and_then(local_date)
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        };
        let minutes = |t: &str| {
            let (h, m) = t.split_once(':').unwrap();
            let m: u16 = m[..2].parse().unwrap();
            h.parse::<u16>().unwrap() * 60 + m
        };
        let spans = |h: &Hours| -> Vec<(u16, u16)> {
            if h.is_always_open {
                return vec![(0, 1440)];
            }
            let wd = date.weekday().num_days_from_monday() as usize;
            let mut out: Vec<(u16, u16)> = h
                .opening_hour
                .iter()
                .filter(|o| {
                    let d1 = o.day_from.as_deref().and_then(day_index);
                    let d2 = o.day_to.as_deref().and_then(day_index).or(d1);
                    h.service_hour_type == "Exceptional"
                        || matches!((d1, d2), (Some(a), Some(b)) if (a..=b).contains(&wd))
                })
                .map(|o| {
                    let to = minutes(o.to.as_deref().unwrap());
                    (
                        minutes(o.from.as_deref().unwrap()),
                        if to == 0 { 1440 } else { to },
                    )
                })
                .collect();
            out.sort();
            out
        };
        let covers = |h: &Hours| {
            let from = day(&h.valid_from).unwrap();
            let to = day(&h.valid_to).unwrap_or(if h.service_hour_type == "Exceptional" {
                from
            } else {
                chrono::NaiveDate::MAX
            });
            (from..=to).contains(&date)
        };
        if let Some(e) = hours
            .iter()
            .rev()
            .find(|h| h.service_hour_type == "Exceptional" && covers(h))
        {
            return if e.is_closed { vec![] } else { spans(e) };
        }
        let period = hours
            .iter()
            .filter(|h| h.service_hour_type == "DaysOfTheWeek" && h.valid_from.is_some())
            .filter(|h| covers(h))
            .max_by_key(|h| day(&h.valid_from));
        let normal = hours
            .iter()
            .find(|h| h.service_hour_type == "DaysOfTheWeek" && h.valid_from.is_none());
        period.or(normal).map(spans).unwrap_or_default()
    }

    #[test]
    fn the_written_hours_mean_what_ptv_means_every_day_of_a_year() {
        // As PTV lists them: the dated periods first, the normal hours after them.
        let hours = [
            h(
                "DaysOfTheWeek",
                Some("2027-06-01T00:00:00"),
                Some("2027-08-15T00:00:00"),
                false,
                &[("Monday", "Thursday", "09:00", "15:00")],
            ),
            h(
                "DaysOfTheWeek",
                Some("2027-10-04T00:00:00"),
                None,
                false,
                &[
                    ("Monday", "Friday", "08:00", "17:00"),
                    ("Saturday", "", "10:00", "14:00"),
                ],
            ),
            h(
                "DaysOfTheWeek",
                None,
                None,
                false,
                &[
                    ("Monday", "Friday", "08:00", "16:00"),
                    ("Thursday", "", "17:00", "19:00"),
                ],
            ),
            h(
                "Exceptional",
                Some("2027-12-24T00:00:00"),
                Some("2027-12-26T00:00:00"),
                true,
                &[],
            ),
            h(
                "Exceptional",
                Some("2027-06-10T00:00:00"),
                None,
                false,
                &[("Thursday", "", "10:00", "12:00")],
            ),
            h("Exceptional", Some("2027-10-08T00:00:00"), None, true, &[]),
        ];
        let (oh, notes) = hours_to_osm(&hours).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        let oh = oh.unwrap();
        let first = chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let schedule = perheopas_core::source::hours::Expression::parse(&oh)
            .unwrap()
            .schedule(first, 366);
        let mut wrong = Vec::new();
        for date in first.iter_days().take(366) {
            let written: Vec<(u16, u16)> = schedule
                .day(date)
                .unwrap()
                .spans
                .iter()
                .map(|s| (s.from, s.to))
                .collect();
            let meant = ptv_meaning(&hours, date);
            if written != meant {
                wrong.push(format!("{date}: written {written:?}, PTV means {meant:?}"));
            }
        }
        assert!(wrong.is_empty(), "{oh}\n{}", wrong.join("\n"));
    }
}
