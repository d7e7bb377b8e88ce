//! The app's pages, one per view, and [`Pages`], the one place that matches the address's
//! [`View`] to its page: the finder (start, results, map), one service, my list or a shared
//! list, crisis help, safe browsing, and the coordinators' tools.

pub mod accessibility;
pub mod coverage;
pub mod embed;
pub mod finder;
pub mod help;
pub mod my_list;
pub mod results;
pub mod safety;
pub mod service;
pub mod start;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::notices::ParamNotice;
use crate::search::Search;
use crate::state::{
    config_problems, not_starting_on_list, provide_highlight, try_use_engine, use_parts,
};
use crate::url_state::{href, View};

use accessibility::AccessibilityPage;
use coverage::CoveragePage;
use embed::EmbedPage;
use finder::FinderPage;
use help::HelpPage;
use my_list::MyListPage;
use safety::SafetyPage;
use service::ServicePage;

#[component]
pub fn Pages() -> impl IntoView {
    let params = use_query_map();
    let search = Search::from_address();
    let query = search.query;
    let parsed = Memo::new(move |_| {
        let searching = !query.with(perheopas_core::filter::Query::is_empty);
        params.with(|p| View::from_query(p, searching))
    });
    let view = Memo::new(move |_| parsed.with(|v| v.0.clone()));
    let at_start = Memo::new(move |_| view.with(|v| *v == View::Start));
    let in_map = Memo::new(move |_| view.with(|v| *v == View::Map));
    provide_highlight(in_map);
    // The finder's three views are one page: moving between the start, the list and the map
    // (typing the first letter, filtering, switching to the map) never rebuilds the search box
    // or the filter panel, so focus and the panel's state stay.
    let page = Memo::new(move |_| match view.get() {
        View::Start | View::Map => View::Results,
        other => other,
    });

    let service = Memo::new(move |_| match view.get() {
        View::Service(id) => Some(id),
        _ => None,
    });
    // Opened on a shared service link, the first list comes with "back", which focuses a card.
    if service.get_untracked().is_some() {
        not_starting_on_list();
    }
    // Back from a service page, focus returns to that service in the list (or to the search box
    // when it is not on screen), not to the top of the page or the footer.
    Effect::new(move |before: Option<Option<String>>| {
        let now = service.get();
        if let (Some(Some(left)), None) = (before, &now) {
            // The id came from the URL: only a service of the catalogue (a checked slug) is
            // looked up by selector.
            let known =
                try_use_engine().is_some_and(|e| e.catalogue.service_by_id(&left).is_some());
            request_animation_frame(move || focus_result(known.then_some(left.as_str())));
        }
        now
    });
    rewrite_presets(query);
    fetch_what_is_needed(query, view);

    let config_notes = config_problems();
    // Notes about embed presets outlive the rewrite of the address that drops the bad values.
    let preset_notes: Vec<_> = search
        .problems
        .get_untracked()
        .into_iter()
        .filter(|p| p.param == "area" || p.param == "situation")
        .collect();
    let notice = move || {
        let mut problems = config_notes.clone();
        problems.extend(preset_notes.iter().cloned());
        search
            .problems
            .with(|p| problems.extend(p.iter().filter(|x| !preset_notes.contains(x)).cloned()));
        problems.extend(parsed.with(|v| v.1.clone()));
        view! { <ParamNotice problems/> }
    };

    let engine = use_parts().engine;
    view! {
        {notice}
        {move || match page.get() {
            View::Start | View::Results | View::Map => {
                view! { <FinderPage search at_start in_map/> }.into_any()
            }
            // Redrawn when a county's shard arrives: the page may need a service from it.
            other => (move || {
                engine.track();
                other_page(other.clone(), search, query)
            })
            .into_any(),
        }}
    }
}

/// Every page but the finder's, which keeps its search box while shards arrive.
fn other_page(view: View, search: Search, query: Memo<perheopas_core::filter::Query>) -> AnyView {
    match view {
        View::Service(id) => view! { <ServicePage id query=query.get_untracked()/> }.into_any(),
        View::MyList => view! { <MyListPage shared=None/> }.into_any(),
        View::SharedList(ids) => view! { <MyListPage shared=Some(ids)/> }.into_any(),
        View::Embed => view! { <EmbedPage/> }.into_any(),
        View::Coverage => view! { <CoveragePage/> }.into_any(),
        View::Accessibility => view! { <AccessibilityPage/> }.into_any(),
        View::Help => view! { <HelpPage county=search.county/> }.into_any(),
        View::Safety => view! { <SafetyPage/> }.into_any(),
        View::Start | View::Results | View::Map => ().into_any(),
    }
}

/// Asks for the county shards the search and the page need (`parts::Parts::ensure`): an area's
/// counties, the whole country for a search without one, and for a service, a saved list or the
/// coverage view, the whole country unless every service they name is already here.
fn fetch_what_is_needed(query: Memo<perheopas_core::filter::Query>, view: Memo<View>) {
    use perheopas_core::asset::shard::{scope, Scope};
    let parts = use_parts();
    let my_list = crate::state::use_my_list();
    Effect::new(move |_| {
        let engine = parts.engine.get();
        let cat = &engine.catalogue;
        let missing = |ids: &[String]| ids.iter().any(|id| cat.service_by_id(id).is_none());
        let needed = match view.get() {
            View::Service(id) if missing(std::slice::from_ref(&id)) => Scope::Country,
            View::SharedList(ids)
                if missing(&ids.split(',').map(str::to_string).collect::<Vec<_>>()) =>
            {
                Scope::Country
            }
            View::MyList if my_list.with(|l| missing(l)) => Scope::Country,
            View::Coverage => Scope::Country,
            // The list and the map of an empty search show every service.
            View::Results | View::Map if query.with(|q| q.is_empty()) => Scope::Country,
            _ => query.with(|q| scope(cat, q)),
        };
        parts.ensure(&needed);
    });
}

/// Embed presets (`area`, `situation`) become ordinary filters in the address, once.
fn rewrite_presets(query: Memo<perheopas_core::filter::Query>) {
    let params = use_query_map();
    let navigate = use_navigate();
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
