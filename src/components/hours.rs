//! Opening hours in words ("Avoinna nyt, sulkeutuu klo 16.00") and as a table for the coming
//! week, in Finnish local time, read from the schedules compiled into the catalogue. Dates and
//! times are written as the UI language writes them (`perheopas_core::datefmt`).

use leptos::prelude::*;
use perheopas_core::closure::Closure;
use perheopas_core::datefmt::{date_label, time_label};
use perheopas_core::hours::{describe, weekday_name, OpenState, Schedule};
use perheopas_core::model::Lang;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_clock, use_engine};

/// One line saying whether the place is open now and when that changes. A temporary closure
/// overrides the hours while it lasts: the hours are the usual week, not this one.
#[component]
pub fn OpenStatus(
    hours: Option<String>,
    lang: Lang,
    #[prop(optional_no_strip)] closure: Option<Closure>,
) -> impl IntoView {
    let now = use_clock();
    let parsed = hours.as_deref().and_then(schedule);
    let loc = locale(lang);
    move || {
        let now = now.get();
        if let Some(c) = closure.filter(|c| c.covers(now.date())) {
            let text = match c.until {
                Some(d) => td_string!(loc, closed_until, date = date_label(d, lang)).to_string(),
                None => td_string!(loc, closed_for_now).to_string(),
            };
            return Some(
                view! { <p class="open-status closed temporarily-closed">{text}</p> }.into_any(),
            );
        }
        let parsed = parsed.as_ref()?;
        let state = parsed.state(now);
        let class = match state {
            OpenState::Open { .. } => "open-status open",
            OpenState::Closed { .. } => "open-status closed",
            OpenState::Unknown => "open-status",
        };
        Some(view! { <p class=class>{describe(&state, now, lang)}</p> }.into_any())
    }
}

/// The catalogue holds a schedule for every expression it contains.
fn schedule(hours: &str) -> Option<Schedule> {
    use_engine().catalogue.schedule(hours).cloned()
}

/// A day of the table without its weekday: "8.12." in Finnish and Swedish, "8 Dec" in English.
fn day_month(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    match lang {
        Lang::En => d.format("%-d %b").to_string(),
        Lang::Fi | Lang::Sv => format!("{}.{}.", d.day(), d.month()),
    }
}

/// The seven days from today with their hours; days under a holiday or seasonal rule are marked.
#[component]
pub fn WeekTable(
    hours: String,
    lang: Lang,
    #[prop(optional_no_strip)] closure: Option<Closure>,
) -> impl IntoView {
    let now = use_clock();
    let parsed = schedule(&hours);
    let loc = locale(lang);
    move || {
        let parsed = parsed.as_ref()?;
        let today = now.get().date();
        let week = parsed.week(today);
        // Past the dates the catalogue was compiled for there is no table to show; the status
        // line already says the hours are uncertain.
        if week.is_empty() {
            return None;
        }
        let rows = week
            .into_iter()
            .map(|day| {
                use chrono::Datelike;
                let name = weekday_name(day.date.weekday(), lang);
                let date = day_month(day.date, lang);
                let closed_now = closure.is_some_and(|c| c.covers(day.date));
                let open = if closed_now {
                    td_string!(loc, closed_day).to_string()
                } else if day.intervals.is_empty() {
                    td_string!(loc, closed).to_string()
                } else {
                    day.intervals
                        .iter()
                        .map(|(a, b)| {
                            let end = if *b == chrono::NaiveTime::MIN {
                                if lang == Lang::En { "24:00" } else { "24.00" }.to_string()
                            } else {
                                time_label(*b, lang)
                            };
                            format!("{}–{end}", time_label(*a, lang))
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let is_today = day.date == today;
                view! {
                    <tr class:today=is_today class:exceptional=day.exceptional class:temporarily-closed=closed_now>
                        <th scope="row">{name} " " {date} {is_today.then(|| view! { " (" {td_string!(loc, today)} ")" })}</th>
                        <td>{open} {(day.exceptional && !closed_now).then(|| view! { " " <em>"(" {td_string!(loc, special_hours)} ")"</em> })}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <table class="week-table">
                <caption>{td_string!(loc, week_title)}</caption>
                <tbody>{rows}</tbody>
            </table>
        })
    }
}
