//! "Today here" on a kiosk: the view over `perheopas_core::today`, which works out what the
//! meeting place and the services around it offer today (or on the next day with something)
//! from the catalogue's compiled schedules and the clock.

use leptos::prelude::*;
use perheopas_core::datefmt::day_label;
use perheopas_core::today::{plan, spans_label, Kind};

use crate::components::content::Content;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_clock, use_config, use_engine, use_here, use_lang};
use crate::url_state::href;

/// Rows shown at first (the rest behind "show all" on the start screen): the start screen still
/// shows the life situations.
const SHOWN: usize = 8;

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
