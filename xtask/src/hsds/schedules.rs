//! Opening hours between OpenStreetMap opening_hours and HSDS `schedule` objects, both ways.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::export::put;
use super::uid;
use crate::catalogue_writer::{osm_weekdays as weekdays, OSM_DAYS as DAYS};

const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// One weekly rule of the simple kind: days, times and optionally a dated validity.
#[derive(Debug, PartialEq)]
pub struct WeeklyRule {
    pub days: Vec<usize>,
    pub times: Vec<(String, String)>,
    pub valid: Option<(String, String)>,
}

fn parse_days(s: &str) -> Option<Vec<usize>> {
    let mut days = Vec::new();
    for part in s.split(',') {
        let idx = |d: &str| DAYS.iter().position(|x| *x == d);
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (idx(a)?, idx(b)?);
                if a > b {
                    return None;
                }
                days.extend(a..=b);
            }
            None => days.push(idx(part)?),
        }
    }
    Some(days)
}

fn parse_time(s: &str) -> Option<String> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.len() == 5).then(|| s.to_string())
}

/// "2026 Jun 01-2026 Aug 31" or "2026 Jun 01-30" → ("2026-06-01", "2026-08-31").
fn parse_dates(s: &str) -> Option<(String, String)> {
    let date = |y: &str, m: &str, d: &str| -> Option<String> {
        let (y, d) = (y.parse::<u32>().ok()?, d.parse::<u32>().ok()?);
        let m = MONTHS.iter().position(|x| *x == m)? + 1;
        Some(format!("{y:04}-{m:02}-{d:02}"))
    };
    let (a, b) = s.split_once('-')?;
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    match (a.as_slice(), b.as_slice()) {
        ([y, m, d], [y2, m2, d2]) => Some((date(y, m, d)?, date(y2, m2, d2)?)),
        ([y, m, d], [d2]) => Some((date(y, m, d)?, date(y, m, d2)?)),
        _ => None,
    }
}

/// The rule if it is a plain weekly opening (`[2026 Jun 01-2026 Aug 31 ]Mo-Fr 08:00-16:00[,…]`),
/// with every span within one day.
pub fn simple_rule(rule: &str) -> Option<WeeklyRule> {
    let words: Vec<&str> = rule.split_whitespace().collect();
    let [prefix @ .., days, times] = words.as_slice() else {
        return None;
    };
    let valid = if prefix.is_empty() {
        None
    } else {
        Some(parse_dates(&prefix.join(" "))?)
    };
    let days = parse_days(days)?;
    let times = times
        .split(',')
        .map(|span| {
            let (a, b) = span.split_once('-')?;
            let (a, b) = (parse_time(a)?, parse_time(b)?);
            (a < b).then_some((a, b))
        })
        .collect::<Option<Vec<_>>>()?;
    Some(WeeklyRule { days, times, valid })
}

/// The UTC offset written with every exported schedule (`timezone`): Finnish standard time. HSDS
/// reads times without one as UTC; one number cannot follow daylight saving, so the description
/// says the times are Finnish local time (UTC+3 in summer).
pub const FINNISH_OFFSET: i32 = 2;

/// HSDS schedules for OSM opening hours, meaning what the `opening_hours` means. HSDS adds
/// schedules up while `opening_hours` lets a later rule replace an earlier one on its days, so
/// the plain undated weekly rules are first resolved into each weekday's effective hours
/// (`Mo-Fr 08:00-16:00; Fr 08:00-12:00` is Friday until 12, never 16) and written one WEEKLY entry
/// per time span of each group of days with the same hours. Dated weekly rules are written with
/// their validity. When some rule is not plain (closures, holidays, spans past midnight) or a dated
/// rule overrides the week, one more entry's description holds the whole OSM string, so nothing
/// is silently lost to a reader.
pub fn schedules_from_osm(osm: &str, key: &str, sal_id: &str, booking: Option<&str>) -> Vec<Value> {
    let mut out = Vec::new();
    let mut all_plain = true;
    let mut week: BTreeMap<usize, Vec<(String, String)>> = BTreeMap::new();
    let mut dated: Vec<WeeklyRule> = Vec::new();
    for rule in osm.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        let Some(w) = simple_rule(rule) else {
            all_plain = false;
            continue;
        };
        if w.valid.is_some() {
            dated.push(w);
        } else {
            for &d in &w.days {
                week.insert(d, w.times.clone());
            }
        }
    }
    // Weekdays with the same effective hours, in weekday order.
    let mut groups: Vec<WeeklyRule> = Vec::new();
    for (d, times) in week {
        match groups.iter_mut().find(|g| g.times == times) {
            Some(g) => g.days.push(d),
            None => groups.push(WeeklyRule {
                days: vec![d],
                times,
                valid: None,
            }),
        }
    }
    // A dated rule replaces the week's hours in its period, which HSDS schedules cannot say.
    all_plain &= dated.is_empty() || groups.is_empty();
    for (r, w) in groups.iter().chain(&dated).enumerate() {
        for (t, (opens, closes)) in w.times.iter().enumerate() {
            let mut s = Map::new();
            s.insert("id".into(), json!(uid(&format!("{key}/schedule/{r}/{t}"))));
            if !sal_id.is_empty() {
                s.insert("service_at_location_id".into(), json!(sal_id));
            }
            s.insert("freq".into(), json!("WEEKLY"));
            s.insert(
                "byday".into(),
                json!(w
                    .days
                    .iter()
                    .map(|&d| RRULE_DAYS[d])
                    .collect::<Vec<_>>()
                    .join(",")),
            );
            s.insert("opens_at".into(), json!(opens));
            s.insert("closes_at".into(), json!(closes));
            s.insert("timezone".into(), json!(FINNISH_OFFSET));
            if let Some((from, to)) = &w.valid {
                s.insert("valid_from".into(), json!(from));
                s.insert("valid_to".into(), json!(to));
            }
            s.insert(
                "description".into(),
                json!("Finnish local time (Europe/Helsinki: UTC+2, UTC+3 in summer)"),
            );
            put(&mut s, "schedule_link", booking);
            out.push(Value::Object(s));
        }
    }
    if !all_plain || out.is_empty() {
        let mut s = Map::new();
        s.insert("id".into(), json!(uid(&format!("{key}/schedule/all"))));
        if !sal_id.is_empty() {
            s.insert("service_at_location_id".into(), json!(sal_id));
        }
        s.insert(
            "description".into(),
            json!(format!(
                "Opening hours (OpenStreetMap opening_hours syntax, Finnish time; a later rule \
                 replaces an earlier one on its days): {osm}"
            )),
        );
        put(&mut s, "schedule_link", booking);
        out.push(Value::Object(s));
    }
    out
}

/// A schedule's `valid_from` and `valid_to`.
type Validity = (Option<String>, Option<String>);

/// OSM opening hours from HSDS WEEKLY schedules (for HSDS from elsewhere): entries with the same
/// validity and times are merged by day. Entries that are not plain weekly ones are reported.
pub fn osm_from_schedules(schedules: &[Value], notes: &mut Vec<String>) -> Option<String> {
    // Validity → day → time spans. A later OSM rule replaces earlier ones on its days, so each
    // day's spans must be in one rule; undated rules come first, dated ones override them.
    let mut by_validity: BTreeMap<Validity, BTreeMap<usize, Vec<String>>> = BTreeMap::new();
    for s in schedules {
        let get = |k: &str| s.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(opens), Some(closes)) = (get("opens_at"), get("closes_at")) else {
            continue;
        };
        let freq_ok = get("freq").is_none_or(|f| f.eq_ignore_ascii_case("WEEKLY"));
        let days: Option<Vec<usize>> = get("byday")
            .unwrap_or_else(|| RRULE_DAYS.join(","))
            .split(',')
            .map(|d| {
                RRULE_DAYS
                    .iter()
                    .position(|x| x.eq_ignore_ascii_case(d.trim()))
            })
            .collect();
        let id = get("id").unwrap_or_default();
        // What our weekly model cannot hold is named, and the schedule left out, rather than
        // read as every week (`interval: 2` is fortnightly; week numbers and counts pick weeks).
        let number = |k: &str| s.get(k).and_then(Value::as_f64);
        let interval = number("interval").unwrap_or(1.0);
        let unheld: Vec<String> = [
            (interval != 1.0).then(|| format!("interval {interval} (every {interval} weeks)")),
            get("byweekno").map(|w| format!("byweekno {w}")),
            number("count").map(|c| format!("count {c}")),
            get("bymonthday").map(|d| format!("bymonthday {d}")),
            get("byyearday").map(|d| format!("byyearday {d}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !unheld.is_empty() {
            notes.push(format!(
                "schedule {id:?}: {} cannot be held by weekly opening hours; left out",
                unheld.join(", ")
            ));
            continue;
        }
        let offset = utc_offset(s);
        let clock = |t: &str| local_clock(t, offset);
        let (Some(days), true, Some(o), Some(c)) = (days, freq_ok, clock(&opens), clock(&closes))
        else {
            notes.push(format!(
                "schedule {id:?} is not a plain weekly one; left out"
            ));
            continue;
        };
        if offset.is_some_and(|h| h != FINNISH_OFFSET && h != FINNISH_OFFSET + 1) {
            notes.push(format!(
                "schedule {id:?}: times given at UTC{:+} moved to Finnish standard time (UTC+2); \
                 in summer they may be an hour off",
                offset.unwrap_or(0)
            ));
        }
        // `until` ends the rule: where no valid_to is given it is the last day.
        let valid_to = get("valid_to").or_else(|| get("until"));
        let per_day = by_validity
            .entry((get("valid_from").or_else(|| get("dtstart")), valid_to))
            .or_default();
        for d in days {
            let spans = per_day.entry(d).or_default();
            let span = format!("{o}-{c}");
            if !spans.contains(&span) {
                spans.push(span);
                spans.sort();
            }
        }
    }
    let mut rules = Vec::new();
    for ((from, to), per_day) in by_validity {
        let prefix = match (
            from.as_deref().and_then(osm_date),
            to.as_deref().and_then(osm_date),
        ) {
            (Some(a), Some(b)) => format!("{a}-{b} "),
            (Some(a), None) => format!("{a}-2099 Dec 31 "),
            (None, Some(b)) => format!("2000 Jan 01-{b} "),
            (None, None) => String::new(),
        };
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (d, spans) in per_day {
            let key = spans.join(",");
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, days)) => days.push(d),
                None => groups.push((key, vec![d])),
            }
        }
        rules.extend(
            groups
                .into_iter()
                .map(|(times, days)| format!("{prefix}{} {times}", weekdays(&days))),
        );
    }
    let out = rules.join("; ");
    if out.is_empty() {
        return None;
    }
    match opening_hours_syntax::parse(&out) {
        Ok(_) => Some(out),
        Err(_) => {
            notes.push(format!(
                "schedules became \"{out}\", which does not parse; hours left out"
            ));
            None
        }
    }
}

/// The UTC offset (whole hours) a schedule's times are given in: an offset or `Z` on `opens_at`,
/// else the `timezone` number; `None` when neither says (Finnish local time is assumed).
fn utc_offset(s: &Value) -> Option<i32> {
    let opens = s.get("opens_at").and_then(Value::as_str).unwrap_or("");
    if opens.ends_with('Z') {
        return Some(0);
    }
    if let Some(i) = opens.get(5..).and_then(|rest| rest.find(['+', '-'])) {
        let sign = if opens[5 + i..].starts_with('-') {
            -1
        } else {
            1
        };
        let hours: i32 = opens.get(6 + i..8 + i)?.parse().ok()?;
        return Some(sign * hours);
    }
    s.get("timezone").and_then(Value::as_f64).map(|t| t as i32)
}

/// "09:00", "09:00:00", "09:00Z" or "09:00:00-05:00" as Finnish (standard) local "HH:MM".
fn local_clock(t: &str, offset: Option<i32>) -> Option<String> {
    let hm = parse_time(t.get(..5).unwrap_or(t))?;
    match offset {
        Some(h) if h != FINNISH_OFFSET && h != FINNISH_OFFSET + 1 => {
            let (hh, mm) = hm.split_once(':')?;
            let hh: i32 = hh.parse().ok()?;
            Some(format!(
                "{:02}:{mm}",
                (hh - h + FINNISH_OFFSET).rem_euclid(24)
            ))
        }
        _ => Some(hm),
    }
}

fn osm_date(iso: &str) -> Option<String> {
    let d = chrono::NaiveDate::parse_from_str(iso.get(..10)?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some(format!(
        "{} {} {:02}",
        d.year(),
        MONTHS[d.month0() as usize],
        d.day()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_weekly_rules_become_schedules() {
        assert_eq!(
            simple_rule("Mo-We,Fr 08:00-11:00,12:00-16:00"),
            Some(WeeklyRule {
                days: vec![0, 1, 2, 4],
                times: vec![
                    ("08:00".into(), "11:00".into()),
                    ("12:00".into(), "16:00".into())
                ],
                valid: None
            })
        );
        assert_eq!(
            simple_rule("2026 Jun 01-2026 Aug 31 Mo-Fr 09:00-15:00")
                .unwrap()
                .valid,
            Some(("2026-06-01".into(), "2026-08-31".into()))
        );
        assert_eq!(
            simple_rule("2026 Jun 01-30 Sa 10:00-12:00").unwrap().valid,
            Some(("2026-06-01".into(), "2026-06-30".into()))
        );
        for not_plain in [
            "PH off",
            "Jul off",
            "24/7",
            "Mo 22:00-06:00",
            "Dec 24-26 off",
            "Mo-Fr 08:00-16:00 \"ajanvaraus\"",
        ] {
            assert_eq!(simple_rule(not_plain), None, "{not_plain}");
        }
        let s = schedules_from_osm("Mo-Fr 08:00-16:00; PH off", "k", "", None);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0]["byday"], "MO,TU,WE,TH,FR");
        assert!(s[1]["description"]
            .as_str()
            .unwrap()
            .ends_with("Mo-Fr 08:00-16:00; PH off"));
        assert_eq!(
            schedules_from_osm("Tu,Th 09:30-12:00", "k", "", None).len(),
            1
        );
    }

    #[test]
    fn a_later_rule_overrides_and_times_carry_the_finnish_offset() {
        // Issue 22 item 7: this was two schedules adding up to Friday 08-16.
        let s = schedules_from_osm("Mo-Fr 08:00-16:00; Fr 08:00-12:00", "k", "", None);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0]["byday"], "MO,TU,WE,TH");
        assert_eq!(
            (&s[0]["opens_at"], &s[0]["closes_at"]),
            (&json!("08:00"), &json!("16:00"))
        );
        assert_eq!(s[1]["byday"], "FR");
        assert_eq!(s[1]["closes_at"], "12:00");
        assert!(s.iter().all(|x| x["timezone"] == json!(2)));
        // Read back, the schedules mean the same hours.
        let mut notes = vec![];
        assert_eq!(
            osm_from_schedules(&s, &mut notes).as_deref(),
            Some("Mo-Th 08:00-16:00; Fr 08:00-12:00")
        );
        // A dated period overriding the week is also given whole in a description.
        let s = schedules_from_osm(
            "Mo-Fr 08:00-16:00; 2026 Jun 01-2026 Aug 31 Mo-Fr 09:00-15:00",
            "k",
            "",
            None,
        );
        assert!(s.last().unwrap()["description"]
            .as_str()
            .unwrap()
            .contains("2026 Jun 01-2026 Aug 31"));
    }

    #[test]
    fn weekly_schedules_become_osm() {
        let s = |byday: &str, o: &str, c: &str| json!({ "id": "x", "freq": "WEEKLY", "byday": byday, "opens_at": o, "closes_at": c });
        let mut notes = vec![];
        let osm = osm_from_schedules(
            &[
                s("MO,TU,WE,TH", "08:00", "16:00"),
                s("FR", "08:00", "14:00"),
                s("WE", "17:00:00", "19:00:00"),
            ],
            &mut notes,
        );
        assert_eq!(
            osm.as_deref(),
            Some("Mo-Tu,Th 08:00-16:00; We 08:00-16:00,17:00-19:00; Fr 08:00-14:00")
        );
        let monthly = json!({ "id": "m", "freq": "MONTHLY", "byday": "1MO", "opens_at": "10:00", "closes_at": "12:00" });
        assert_eq!(osm_from_schedules(&[monthly], &mut notes), None);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn what_weekly_hours_cannot_hold_is_named_and_offsets_are_read() {
        // The official HSDS 3.0 example schedule (service_full.json): count, byweekno,
        // bymonthday and byyearday cannot be held, so it is named and left out, not read as weekly.
        let full: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/hsds-examples/service_full.json"
        ))
        .unwrap();
        let mut notes = vec![];
        assert_eq!(
            osm_from_schedules(full["schedules"].as_array().unwrap(), &mut notes),
            None
        );
        assert!(
            notes[0].contains("count 3") && notes[0].contains("byweekno 41,42"),
            "{notes:?}"
        );
        // Fortnightly is not weekly.
        let fortnightly = json!({"id": "f", "freq": "WEEKLY", "interval": 2, "byday": "MO",
                                 "opens_at": "10:00", "closes_at": "12:00"});
        let mut notes = vec![];
        assert_eq!(osm_from_schedules(&[fortnightly], &mut notes), None);
        assert!(notes[0].contains("every 2 weeks"), "{notes:?}");
        // UTC times become Finnish standard time; `until` bounds the rule.
        let utc = json!({"id": "u", "freq": "WEEKLY", "byday": "MO", "opens_at": "07:00Z",
                         "closes_at": "14:00Z", "dtstart": "2026-01-05", "until": "2026-06-29"});
        let mut notes = vec![];
        assert_eq!(
            osm_from_schedules(&[utc], &mut notes).as_deref(),
            Some("2026 Jan 05-2026 Jun 29 Mo 09:00-16:00")
        );
        assert!(notes[0].contains("UTC+0"), "{notes:?}");
        // Our own export (timezone 2) reads back unchanged, with no note.
        let ours = json!({"id": "o", "freq": "WEEKLY", "byday": "TU", "opens_at": "08:00",
                          "closes_at": "16:00", "timezone": 2});
        let mut notes = vec![];
        assert_eq!(
            osm_from_schedules(&[ours], &mut notes).as_deref(),
            Some("Tu 08:00-16:00")
        );
        assert!(notes.is_empty());
    }
}
