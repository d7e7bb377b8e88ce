//! The results page: what was found as a list or on the map, with the active filters, the
//! area's contact point, the filter panel, "near me", and crisis numbers first for urgent
//! searches and on every empty result.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::components::chips::{ActiveFilters, ZeroResultHelp};
use crate::components::contact_point::ContactPoints;
use crate::components::crisis::CrisisHelp;
use crate::components::filters::Filters;
use crate::components::kiosk::HereNote;
use crate::components::map::MapView;
use crate::components::origin::NearMe;
use crate::components::result_list::ResultList;
use crate::i18n::*;
use crate::search::Search;
use crate::url_state::{href, href_map};

#[component]
pub fn ResultsPage(
    search: Search,
    in_map: Memo<bool>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let Search {
        query,
        open,
        results,
        county,
        urgent,
        ..
    } = search;
    view! {
        <HereNote/>
        // Violence, mental health, child protection: the numbers to call come before any
        // service.
        <Show when=move || urgent.get()>
            <CrisisHelp county compact=true/>
        </Show>
        <ActiveFilters query on_change/>
        <ContactPoints query/>
        <div class="finder-grid">
            <Filters query results on_change/>
            <div>
                <ViewSwitch query in_map/>
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
}

/// List or map, as two links that keep the search.
#[component]
fn ViewSwitch(query: Memo<Query>, in_map: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="view-switch" aria-label=move || t_string!(i18n, views_label).to_string()>
            <a href=move || query.with(|q| href(q, None)) aria-current=move || (!in_map.get()).then_some("page")>{t!(i18n, view_list)}</a>
            <a href=move || query.with(href_map) aria-current=move || in_map.get().then_some("page")>{t!(i18n, view_map)}</a>
        </nav>
    }
}
