//! The finder: the start view, search, filters and results, all driven by the URL. With
//! `service=<id>` the service's page is shown instead and with `view=mylist` the saved list,
//! keeping the search for the way back.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use wasm_bindgen::JsCast;

use crate::clock::use_clock;
use crate::components::chips::{ActiveFilters, ZeroResultHelp};
use crate::components::contact_point::ContactPoints;
use crate::components::crisis::CrisisHelp;
use crate::components::filters::Filters;
use crate::components::kiosk::{Here, HereNote};
use crate::components::map::{Highlight, MapView};
use crate::components::notices::ParamNotice;
use crate::components::origin::{provide_origin, NearMe};
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::components::start::StartView;
use crate::config::{config_problems, use_config};
use crate::i18n::*;
use crate::pages::accessibility::AccessibilityPage;
use crate::pages::coverage::CoveragePage;
use crate::pages::embed::EmbedPage;
use crate::pages::help::HelpPage;
use crate::pages::my_list::MyListPage;
use crate::pages::safety::SafetyPage;
use crate::pages::service::ServicePage;
use crate::url_state::{href, href_in_view};
use perheopas_core::crisis::{county_of, query_is_urgent};

#[component]
pub fn FinderPage() -> impl IntoView {
    let engine = expect_context::<Arc<Engine>>();
    let params = use_query_map();
    let navigate = use_navigate();
    let i18n = use_i18n();
    let clock = use_clock();

    let e = engine.clone();
    let parsed = Memo::new(move |_| {
        params.with(|p| {
            Query::from_params(
                p.latest_values().map(|(k, v)| (k.as_ref(), v)),
                &e.catalogue,
            )
        })
    });
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    // Which services are open is recomputed as the clock ticks, not on every keystroke.
    let e = engine.clone();
    let open = Memo::new(move |_| e.open_at(clock.get()));
    let e = engine.clone();
    let results = Memo::new(move |_| query.with(|q| open.with(|o| e.run(q, Some(o)))));
    let service = Memo::new(move |_| params.with(|p| p.get("service")));
    // Opened on a shared service link, the first list comes with "back", which focuses a card.
    if service.get_untracked().is_some() {
        crate::components::result_list::not_starting_on_list();
    }
    // Back from a service page, focus returns to that service in the list (or to the search box
    // when it is not on screen), not to the top of the page or the footer.
    Effect::new(move |before: Option<Option<String>>| {
        let now = service.get();
        if let (Some(Some(left)), None) = (before, &now) {
            // The id came from the URL: only a service of the catalogue (a checked slug) is
            // looked up by selector.
            let known = use_context::<Arc<Engine>>()
                .is_some_and(|e| e.catalogue.service_by_id(&left).is_some());
            request_animation_frame(move || focus_result(known.then_some(left.as_str())));
        }
        now
    });
    let view_name = Memo::new(move |_| params.with(|p| p.get("view")));
    let shared_ids = Memo::new(move |_| params.with(|p| p.get("ids")));
    // Only a change between the start view and the results rebuilds the page, so typing or
    // filtering never resets the filter panel or the focus.
    let showing_list = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("mylist")));
    let showing_embed = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("embed")));
    let showing_coverage = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("coverage")));
    let showing_statement =
        Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("accessibility")));
    let showing_help = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("help")));
    let showing_safety = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("safety")));
    let in_map = Memo::new(move |_| view_name.with(|v| v.as_deref() == Some("map")));
    provide_context(Highlight {
        service: RwSignal::new(None),
        map_on: in_map,
    });
    let at_start = Memo::new(move |_| {
        query.with(Query::is_empty)
            && view_name.with(|v| !matches!(v.as_deref(), Some("list" | "map")))
    });

    // A widget never adds to the host page's history; nor does the app where quick exit could
    // not take its steps back out (see `config::replaces_history`).
    let embedded = crate::config::replaces_history(use_config().mode);
    provide_origin();
    let here = use_context::<Option<Here>>().flatten();
    // The area whose social emergency service the crisis help shows: the search's own county,
    // else the kiosk's.
    let e = engine.clone();
    let here_county = here.as_ref().and_then(|h| {
        county_of(
            &e.catalogue,
            &Query {
                municipalities: vec![h.municipality.clone()],
                ..Query::default()
            },
        )
    });
    let county = Signal::derive(move || {
        query
            .with(|q| county_of(&e.catalogue, q))
            .or_else(|| here_county.clone())
    });
    let urgent = Memo::new(move |_| query.with(query_is_urgent));
    let nav = navigate.clone();
    let on_change = Callback::new(move |(mut q, replace): (Query, bool)| {
        // A kiosk's first search is about its own municipality.
        if let Some(h) = &here {
            if query.with_untracked(Query::is_empty)
                && q.municipalities.is_empty()
                && q.counties.is_empty()
            {
                q.municipalities.push(h.municipality.clone());
            }
        }
        let url = if in_map.get_untracked() {
            href_in_view(&q, "map")
        } else {
            href(&q, None)
        };
        nav(
            &url,
            NavigateOptions {
                replace: replace || embedded,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    // Embed presets (`area`, `situation`) become ordinary filters in the address, once.
    Effect::new(move |_| {
        if params.with(|p| p.get_str("area").is_some() || p.get_str("situation").is_some()) {
            navigate(
                &href(&query.get_untracked(), None),
                NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                },
            );
        }
    });
    let config_notes = config_problems();
    // Notes about embed presets outlive the rewrite of the address that drops the bad values.
    let preset_notes: Vec<_> = parsed
        .get_untracked()
        .1
        .into_iter()
        .filter(|p| p.param == "area" || p.param == "situation")
        .collect();

    view! {
        {move || parsed.with(|p| {
            let mut problems = config_notes.clone();
            problems.extend(preset_notes.iter().cloned());
            problems.extend(p.1.iter().filter(|x| !preset_notes.contains(x)).cloned());
            view! { <ParamNotice problems/> }
        })}
        {move || match (service.get(), showing_list.get()) {
            (Some(id), _) => view! { <ServicePage id query=query.get_untracked()/> }.into_any(),
            (None, false) if showing_embed.get() => view! { <EmbedPage/> }.into_any(),
            (None, false) if showing_coverage.get() => view! { <CoveragePage/> }.into_any(),
            (None, false) if showing_statement.get() => view! { <AccessibilityPage/> }.into_any(),
            (None, false) if showing_help.get() => view! { <HelpPage county/> }.into_any(),
            (None, false) if showing_safety.get() => view! { <SafetyPage/> }.into_any(),
            (None, true) => view! { <MyListPage shared=shared_ids.get()/> }.into_any(),
            _ => view! {
                <h1 class="page-title">{t!(i18n, page_title)}</h1>
                <SearchBox query on_change/>
                {move || {
                    if at_start.get() {
                        view! { <StartView/> }.into_any()
                    } else {
                        view! {
                            <HereNote/>
                            // Violence, mental health, child protection: the numbers to call
                            // come before any service.
                            <Show when=move || urgent.get()>
                                <CrisisHelp county compact=true/>
                            </Show>
                            <ActiveFilters query on_change/>
                            <ContactPoints query/>
                            <div class="finder-grid">
                                <Filters query results on_change/>
                                <div>
                                    <nav class="view-switch" aria-label=move || t_string!(i18n, views_label).to_string()>
                                        <a href=move || query.with(|q| href(q, None)) aria-current=move || (!in_map.get()).then_some("page")>{t!(i18n, view_list)}</a>
                                        <a href=move || query.with(|q| href_in_view(q, "map")) aria-current=move || in_map.get().then_some("page")>{t!(i18n, view_map)}</a>
                                    </nav>
                                    <NearMe query on_change/>
                                    <Show when=move || in_map.get()>
                                        <MapView query results/>
                                    </Show>
                                    <ResultList query results/>
                                    <Show when=move || results.with(|r| r.hits.is_empty())>
                                        <ZeroResultHelp query open on_change/>
                                        // Nobody leaves an empty result without a number to call.
                                        <Show when=move || !urgent.get()>
                                            <CrisisHelp county compact=true/>
                                        </Show>
                                    </Show>
                                </div>
                            </div>
                        }
                        .into_any()
                    }
                }}
            }
            .into_any(),
        }}
    }
}

fn focus_result(id: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let card = id.and_then(|id| {
        doc.query_selector(&format!("a[data-service=\"{id}\"]"))
            .ok()
            .flatten()
    });
    let target = card.or_else(|| doc.get_element_by_id("search-input"));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
