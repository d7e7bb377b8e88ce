//! Opening hours: expressions from the grammar's pieces through `source::hours::Expression` and the
//! compiled `hours::Schedule`.

use std::cell::Cell;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use perheopas_core::asset::{self};
use perheopas_core::hours::{OpenState, Schedule};
use perheopas_core::source::hours::Expression;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;

use crate::common::*;

const HOURS_TOKENS: [&str; 24] = [
    "Mo", "-", "Fr", " ", "08:00", "24:00", ";", ",", "off", "PH", "Jan", "week", "1", "/", "[",
    "]", "+", "\"", "24/7", "||", "easter", "sunrise", "(", ")",
];

/// Expressions built from the grammar's pieces: many parse, many nearly do.
pub(crate) fn hours_expr() -> BoxedStrategy<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    const DAYS: [&str; 9] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su", "PH", "SH"];
    let time = (0..=48u32, 0..=60u32).prop_map(|(h, m)| format!("{h:02}:{m:02}"));
    let year = prop_oneof![
        (1900..2200u32).prop_map(|y| y.to_string()),
        (1990..2110u32, 1990..2110u32).prop_map(|(a, b)| format!("{a}-{b}")),
        (1990..2110u32, 1..5u32).prop_map(|(a, s)| format!("{a}-2099/{s}")),
    ];
    let month = (
        select(MONTHS.to_vec()),
        proptest::option::of(0..=32u32),
        proptest::option::of(select(MONTHS.to_vec())),
    )
        .prop_map(|(m, d, m2)| match (d, m2) {
            (None, None) => m.to_string(),
            (None, Some(m2)) => format!("{m}-{m2}"),
            (Some(d), None) => format!("{m} {d}"),
            (Some(d), Some(m2)) => format!("{m} {d}-{m2} {d}"),
        });
    let week =
        (0..=54u32, 0..=54u32, proptest::option::of(1..4u32)).prop_map(|(a, b, s)| match s {
            Some(s) => format!("week {a}-{b}/{s}"),
            None => format!("week {a}-{b}"),
        });
    let weekdays = proptest::collection::vec(
        prop_oneof![
            select(DAYS.to_vec()).prop_map(String::from),
            (select(DAYS.to_vec()), select(DAYS.to_vec())).prop_map(|(a, b)| format!("{a}-{b}")),
            (select(DAYS[..7].to_vec()), -6..=6i32).prop_map(|(a, n)| format!("{a}[{n}]")),
        ],
        1..3,
    )
    .prop_map(|d| d.join(","));
    let times = proptest::collection::vec(
        prop_oneof![
            4 => (time.clone(), time.clone()).prop_map(|(a, b)| format!("{a}-{b}")),
            1 => time.clone().prop_map(|a| format!("{a}+")),
            1 => Just("sunrise-sunset".to_string()),
            1 => (time.clone()).prop_map(|b| format!("(sunrise-01:00)-{b}")),
            1 => (time.clone(), time.clone(), 1..120u32).prop_map(|(a, b, p)| format!("{a}-{b}/{p}")),
        ],
        1..3,
    )
    .prop_map(|t| t.join(","));
    let modifier = select(vec![
        "",
        " off",
        " closed",
        " open",
        " unknown",
        " \"ajanvaraus\"",
        " unknown \"x\"",
        " || ",
    ]);
    let rule = (
        proptest::option::of(year),
        proptest::option::of(prop_oneof![
            month,
            Just("easter".to_string()),
            Just("easter +1 day".to_string())
        ]),
        proptest::option::of(week),
        proptest::option::of(weekdays),
        proptest::option::of(times),
        modifier,
    )
        .prop_map(|(y, m, w, d, t, modi)| {
            let parts: Vec<String> = [y, m, w, d, t].into_iter().flatten().collect();
            format!("{}{modi}", parts.join(" "))
        });
    let rules =
        proptest::collection::vec((rule, select(vec!["; ", ", ", " || "])), 1..4).prop_map(|rs| {
            let mut out = String::new();
            for (i, (r, sep)) in rs.iter().enumerate() {
                if i > 0 {
                    out += sep;
                }
                out += r;
            }
            out
        });
    prop_oneof![
        6 => rules,
        1 => Just("24/7".to_string()),
        1 => proptest::collection::vec(select(HOURS_TOKENS.to_vec()), 0..14)
            .prop_map(|t| t.concat()),
    ]
    .boxed()
}

/// Any date in 2000–2099, the years the holiday calendar covers.
fn date_2000s() -> impl Strategy<Value = NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    (0..=(end - start).num_days()).prop_map(move |d| start + TimeDelta::days(d))
}

fn datetime_2000s() -> impl Strategy<Value = NaiveDateTime> {
    (date_2000s(), 0..86_400u32)
        .prop_map(|(d, s)| d.and_time(NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap()))
}

fn check_hours(h: &Schedule, now: NaiveDateTime, day: NaiveDate) -> Result<(), TestCaseError> {
    match h.state(now) {
        // A change reported in the past (or now) would read "closes at 10.00" at 10.00.
        OpenState::Open { closes: Some(t) } => prop_assert!(t > now, "closes {t} not after {now}"),
        OpenState::Closed { opens: Some(t) } => prop_assert!(t > now, "opens {t} not after {now}"),
        _ => {}
    }
    let week = h.week(day);
    prop_assert_eq!(week.len(), 7);
    let midnight = NaiveTime::MIN;
    for (i, d) in week.iter().enumerate() {
        prop_assert_eq!(d.date, day + TimeDelta::days(i as i64));
        for &(start, end) in &d.intervals {
            prop_assert!(
                start < end || end == midnight,
                "{}: interval {start}-{end} runs backwards",
                d.date
            );
        }
        for pair in d.intervals.windows(2) {
            let ((_, end), (next, _)) = (pair[0], pair[1]);
            // Only the day's last interval may run to midnight; the rest are in order, apart.
            prop_assert!(
                end != midnight && end <= next,
                "{}: intervals out of order {:?}",
                d.date,
                d.intervals
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn hours_parse_never_panics_on_any_string(s in any_text()) {
        let _ = Expression::parse(&s);
    }

    /// Any expression compiles to a schedule that reads without panic and answers "open now?"
    /// exactly as the evaluator does. The window is short to keep the cases fast, but long
    /// enough for the look-ahead.
    #[test]
    fn compiled_hours_agree_with_the_evaluator_at_any_moment(expr in hours_expr(), now in datetime_2000s(), offset in 0..20i64) {
        if let Ok(e) = Expression::parse(&expr) {
            let first = now.date() - TimeDelta::days(3);
            let schedule = e.schedule(first, 40);
            prop_assert_eq!(schedule.state(now), e.state(now), "{} at {}", expr, now);
            check_hours(&schedule, now, first + TimeDelta::days(offset))?;
        }
    }
}

proptest! {
    #![proptest_config(config(128))]

    /// Hours the catalogue check accepts must be hours the app can evaluate, or a delivery point
    /// would silently lose its opening times in the app; and the check must not refuse hours the
    /// app reads.
    #[test]
    fn compiler_and_app_agree_on_hours(expr in hours_expr()) {
        let text = SEED.replacen("\"Mo-Th 09:00-11:00\"", &toml_str(&expr), 1);
        let compiled = compile(&text);
        let readable = Expression::parse(&expr).is_ok();
        prop_assert_eq!(compiled.is_ok(), readable, "compiler accepts: {}, evaluator reads: {}", compiled.is_ok(), readable);
        if let Ok((cat, _)) = compiled {
            prop_assert!(cat.schedule(&expr).is_some(), "no schedule compiled for {}", expr);
            // And the app's decoder takes the schedules the compiler writes.
            let back = asset::decode(&asset::encode(&cat));
            prop_assert_eq!(back.as_ref(), Ok(&cat));
        }
    }
}

#[test]
fn hours_properties_hit_parseable_expressions() {
    // The grammar generator is only useful if most of its output parses; check it does.
    let mut runner = TestRunner::new(config(200));
    let parsed = Cell::new(0);
    runner
        .run(&hours_expr(), |e| {
            parsed.set(parsed.get() + usize::from(Expression::parse(&e).is_ok()));
            Ok(())
        })
        .unwrap();
    assert!(
        parsed.get() > 40,
        "only {} of 200 generated expressions parsed",
        parsed.get()
    );
}
