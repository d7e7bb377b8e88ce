//! "Today here" on a kiosk: what the meeting place and the services around it offer today —
//! group sessions, open hours, walk-in — read from the catalogue's compiled schedules and the
//! clock. On a day with nothing left, it says so and shows the next day that has something.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use leptos::prelude::*;
use perheopas_core::datefmt::{day_label, time_label};
use perheopas_core::geo_util::distance_km;
use perheopas_core::model::{Catalogue, Channel, Lang};

use crate::components::content::Content;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_clock, use_config, use_engine, use_here, use_lang};
use crate::url_state::href;

/// "Around" the meeting place: a walk or a short bus ride away.
const RADIUS_KM: f64 = 5.0;
/// Rows shown at first (the rest behind "show all" on the start screen): the start screen still
/// shows the life situations.
const SHOWN: usize = 8;
/// How far ahead the next day with something is looked for (the hours' look-ahead).
const LOOKAHEAD_DAYS: i64 = perheopas_core::hours::LOOKAHEAD_DAYS;

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
        offers.sort_by(|a, b| {
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
fn offers_on(
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
fn spans_label(spans: &[(u16, u16)], lang: Lang) -> String {
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

/// The section, on the start screen (rows link to the services) or on the attract screen
/// (`attract`: plain text, the whole screen is one "touch to start"; the title in all three
/// languages, since the visitor has not chosen one yet).
#[component]
pub fn TodayHere(#[prop(optional)] attract: bool) -> impl IntoView {
    let engine = use_engine();
    let clock = use_clock();
    let lang = use_lang();
    let place = use_config().place;
    let here = use_here();
    let all = RwSignal::new(false);
    let id = if attract {
        "today-attract-title"
    } else {
        "today-title"
    };
    here.map(|h| {
        move || {
            let lang = lang.get();
            let loc = locale(lang);
            let now = clock.get();
            let cat = &engine.catalogue;
            let plan = plan(cat, place.as_deref(), h.location, now);
            let title = if attract {
                view! {
                    <span lang="fi">{td_string!(Locale::fi, kiosk_today_title)}</span>
                    " · " <span lang="sv">{td_string!(Locale::sv, kiosk_today_title)}</span>
                    " · " <span lang="en">{td_string!(Locale::en, kiosk_today_title)}</span>
                }
                .into_any()
            } else {
                view! { {td_string!(loc, kiosk_today_title)} }.into_any()
            };
            let today = day_label(now.date(), lang);
            let body = match plan {
                None => view! { <p>{td_string!(loc, kiosk_today_nothing_soon)}</p> }.into_any(),
                Some(p) => {
                    let lead = if p.today {
                        view! { <p class="today-day">{today.clone()}</p> }.into_any()
                    } else {
                        view! {
                            <p class="today-none">{td_string!(loc, kiosk_today_none)}</p>
                            <p class="today-day">{td_string!(loc, kiosk_today_next, day = day_label(p.date, lang)).to_string()}</p>
                        }
                        .into_any()
                    };
                    let total = p.offers.len();
                    let shown = if all.get() { total } else { SHOWN.min(total) };
                    let rest = total - SHOWN.min(total);
                    let more = (rest > 0).then(|| {
                        if attract {
                            view! { <p class="today-more">{td_string!(loc, kiosk_today_more, count = rest).to_string()}</p> }.into_any()
                        } else {
                            let label = if all.get() {
                                td_string!(loc, kiosk_today_fewer).to_string()
                            } else {
                                td_string!(loc, kiosk_today_all, count = total).to_string()
                            };
                            view! {
                                <button type="button" class="action today-all" aria-expanded=all.get().to_string() on:click=move |_| all.update(|a| *a = !*a)>{label}</button>
                            }
                            .into_any()
                        }
                    });
                    let rows = p
                        .offers
                        .iter()
                        .take(shown)
                        .map(|o| {
                            let s = &cat.services[o.service];
                            let d = &s.delivery[o.delivery];
                            let when = spans_label(&o.spans, lang);
                            let what = match o.kind {
                                Kind::Here => td_string!(loc, kiosk_today_here).to_string(),
                                Kind::Session => td_string!(loc, kiosk_today_session).to_string(),
                                Kind::WalkIn => td_string!(loc, kiosk_today_walk_in).to_string(),
                                Kind::Open => td_string!(loc, kiosk_today_open).to_string(),
                            };
                            let walk_in = (o.kind == Kind::Here && d.walk_in)
                                .then(|| format!(", {}", td_string!(loc, kiosk_today_walk_in_short)));
                            let face = view! {
                                <span class="today-when">{when}</span>
                                <span class="today-what">
                                    <span class="today-name"><Content text=s.name.clone() lang/></span>
                                    {(!d.name.is_empty()).then(|| view! { <span class="today-place"><Content text=d.name.clone() lang/></span> })}
                                    <span class="today-kind">{what}{walk_in}</span>
                                </span>
                            };
                            let class = match o.kind {
                                Kind::Here => "today-row here",
                                _ => "today-row",
                            };
                            if attract {
                                view! { <li class=class>{face}</li> }.into_any()
                            } else {
                                let link = href(&perheopas_core::filter::Query::default(), Some(&s.id));
                                view! { <li><a class=class href=link>{face}</a></li> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { {lead} <ul class="today-list">{rows}</ul> {more} }.into_any()
                }
            };
            view! {
                <section class="today-here" aria-labelledby=id>
                    <h2 id=id>{title}</h2>
                    {body}
                </section>
            }
        }
    })
}
