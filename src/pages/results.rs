//! The results page: what was found as a list or on the map, with the active filters, the
//! area's contact point, the filter panel, "near me", and crisis numbers first for urgent
//! searches and on every empty result.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::components::chips::{ActiveFilters, ZeroResultHelp};
use crate::components::contact_point::ContactPoints;
use crate::components::crisis::CrisisHelp;
use crate::components::did_you_mean::DidYouMean;
use crate::components::family_centre::FamilyCentre;
use crate::components::filters::Filters;
use crate::components::kiosk::HereNote;
use crate::components::map::MapView;
use crate::components::origin::NearMe;
use crate::components::parts_status::PartsStatus;
use crate::components::result_list::ResultList;
use crate::i18n::*;
use crate::search::Search;
use crate::state::take_results_focus;
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
    // A situation or an area just chosen: focus lands on the results heading once it is drawn.
    Effect::new(move |_| {
        results.track();
        if take_results_focus() {
            request_animation_frame(focus_results_heading);
        }
    });
    view! {
        <HereNote/>
        // Violence, mental health, child protection: the numbers to call come before any
        // service.
        <Show when=move || urgent.get()>
            <CrisisHelp county compact=true/>
        </Show>
        <ActiveFilters query on_change/>
        // The family centre and the perheneuvo of the area, together.
        <FamilyCentre query/>
        <ContactPoints query/>
        <div class="finder-grid">
            <Filters query results on_change/>
            <div>
                <ViewSwitch query in_map/>
                <NearMe query on_change/>
                <Show when=move || in_map.get()>
                    <MapView query results/>
                </Show>
                <PartsStatus/>
                <ResultList query results/>
                // Few or no results for a text: the words meant and the situations that fit.
                <DidYouMean query results on_change/>
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

/// Moves focus to the results heading (the count), so the next Tab goes on into the results; it
/// takes focus from script only, not from Tab.
pub fn focus_results_heading() {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("results-title"))
    else {
        return;
    };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
        let _ = el.focus();
        el.scroll_into_view();
    }
}
