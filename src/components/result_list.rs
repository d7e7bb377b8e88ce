//! The result list: how many services were found and the first of them, each linking to its page.

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;
use perheopas_core::model::{Catalogue, Channel, Lang, Service};

use crate::components::actions::ActionBar;
use crate::components::content::{any_machine, Content, MachineNotice};
use crate::components::hours::OpenStatus;
use crate::components::level_badge::LevelBadge;
use crate::components::my_list::SaveButton;
use crate::components::origin::use_measured_from;
use crate::components::sessions::NextSession;
use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{
    take_first_list, try_use_nearest_first, use_config, use_engine, use_highlight, use_lang,
};
use crate::url_state::{full_app_href, href};
use perheopas_core::config::{LinkTarget, Mode};
use perheopas_core::map::locate::{service_distance_km, sort_by_distance};

/// Results in the list and added per "show more".
const PAGE: usize = 30;
/// When the app opens on a list, the first paint carries only this many cards (a phone shows
/// two or three); the rest of the page follows after that frame. On the slow phones the budget
/// is set for, each card costs about 15 ms to build and lay out, so 30 at once held the first
/// results back by ~300 ms (scripts/bench-throttled.mjs, 4× CPU).
const FIRST_PAINT: usize = 10;

/// One service as a card in a list.
#[component]
pub fn ServiceCard<'a>(index: u32, cat: &'a Catalogue, lang: Lang, link: String) -> impl IntoView {
    let s: &Service = &cat.services[index as usize];
    // A widget may be set to open services as the full app in a new tab.
    let new_tab = use_config().links == LinkTarget::NewTab && use_config().mode == Mode::Widget;
    let link = if new_tab { full_app_href(&s.id) } else { link };
    let loc = locale(lang);
    let mut channels: Vec<Channel> = s.delivery.iter().map(|d| d.channel).collect();
    perheopas_core::order::sort_dedup(&mut channels);
    let channels = channels
        .into_iter()
        .map(|c| labels::channel(lang, c))
        .collect::<Vec<_>>()
        .join(", ");
    let hours = s.delivery.iter().find_map(|d| d.hours.clone());
    // How far the service's nearest place is from where distances are measured from: near me,
    // a kiosk's meeting place, or the home municipality's centre (`origin`), said with which.
    let distance = untrack(use_measured_from()).and_then(|from| {
        service_distance_km(s, from.point(cat)).map(|(_, km)| from.distance_label(cat, lang, km))
    });
    // On the map view a located service can be shown on the map, and a marker picks its card.
    let highlight = use_highlight();
    let located = s.delivery.iter().any(|d| d.location.is_some());
    let picked = move || highlight.is_some_and(|h| h.service.get() == Some(index));
    let show_on_map = move || highlight.is_some_and(|h| h.map_on.get()) && located;
    // Types that meet at set times show their next session instead of opening hours; a
    // closure still says so first.
    let sessions = cat.has_sessions(s);
    view! {
        <article class="result" class:picked=picked>
            <h3><a href=link target=new_tab.then_some("_blank") data-service=s.id.clone()><Content text=s.name.clone() lang/></a></h3>
            <ActionBar service=s lang card=true/>
            <LevelBadge level=cat.level(s)/>
            <p class="summary"><Content text=s.summary.clone() lang tag=true/></p>
            <dl class="facts">
                <div><dt>{td_string!(loc, fact_where)}</dt><dd>{cat.place_name(s, lang)}</dd></div>
                <div><dt>{td_string!(loc, fact_how)}</dt><dd>{channels}</dd></div>
                <div><dt>{td_string!(loc, fact_access)}</dt><dd>{labels::access(lang, s.access)}</dd></div>
            </dl>
            {distance.map(|d| view! { <p class="distance">{d}</p> })}
            {if sessions {
                view! { <OpenStatus hours=None lang closure=s.closure()/> <NextSession index lang/> }.into_any()
            } else {
                view! { <OpenStatus hours lang closure=s.closure()/> }.into_any()
            }}
            <SaveButton id=s.id.clone()/>
            <Show when=show_on_map>
                <button type="button" class="action" aria-pressed=move || picked().to_string() on:click=move |_| {
                    if let Some(h) = highlight {
                        h.service.set(Some(index));
                        if let Some(map) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(".map-frame").ok().flatten()) {
                            map.scroll_into_view();
                        }
                    }
                }>{td_string!(loc, show_on_map)}</button>
            </Show>
        </article>
    }
}

#[component]
pub fn ResultList(query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let starting = take_first_list();
    let shown = RwSignal::new(if starting { FIRST_PAINT } else { PAGE });
    if starting {
        // After the frame with the first cards is painted, the rest of the page follows.
        request_animation_frame(move || {
            // `try_`: the list may already be gone if the family moved on within that frame.
            set_timeout(
                move || {
                    shown.try_update(|n| *n = (*n).max(PAGE));
                },
                std::time::Duration::ZERO,
            );
        });
    }
    // A new search starts from the top of the list again.
    Effect::watch(move || query.track(), move |_, _, _| shown.set(PAGE), false);
    let total = move || results.with(|r| r.hits.len());
    // Distances show whenever there is an origin; the list is sorted by them only when asked.
    let measured_from = use_measured_from();
    let nearest_first = try_use_nearest_first();
    let items = {
        let engine = engine.clone();
        move || {
            let q = query.get();
            let lang = lang.get();
            let cat = &engine.catalogue;
            let from = measured_from().filter(|_| nearest_first.is_some_and(|n| n.get()));
            results.with(|r| {
            // Nearest first when chosen; services without a place keep their order last.
            let sorted;
            let hits: &[u32] = match from {
                Some(from) => {
                    let mut h = r.hits.clone();
                    sort_by_distance(cat, &mut h, from.point(cat));
                    sorted = h;
                    &sorted
                }
                None => &r.hits,
            };
            hits.iter()
                .take(shown.get())
                .map(|&i| view! { <li><ServiceCard index=i cat lang link=href(&q, Some(&cat.services[i as usize].id))/></li> })
                .collect_view()
        })
        }
    };
    // `elementtiming`: the browser notes when the result count is first painted, which the load
    // benchmark reads (scripts/bench-throttled.mjs), as field monitoring could.
    let count_heading = view! {
        <h2 id="results-title" class="results-title" aria-live="polite">
            {move || match total() {
                0 => t_string!(i18n, results_none).to_string(),
                1 => t_string!(i18n, results_one).to_string(),
                n => t_string!(i18n, results_many, count = n).to_string(),
            }}
        </h2>
    }
    .attr("elementtiming", "first-results");
    // Machine translations are said once above the list, not on every card.
    let machine = move || {
        let lang = lang.get();
        let cat = &engine.catalogue;
        let any = results.with(|r| {
            r.hits.iter().any(|&i| {
                let s = &cat.services[i as usize];
                any_machine([&s.name, &s.summary], lang)
            })
        });
        any.then(|| view! { <MachineNotice lang/> })
    };
    view! {
        <section class="results" aria-labelledby="results-title">
            {count_heading}
            {machine}
            <ul class="result-list">{items}</ul>
            <Show when=move || { total() > shown.get() }>
                <button class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || t_string!(i18n, show_more, count = total() - shown.get()).to_string()}
                </button>
            </Show>
        </section>
    }
}
