//! Every facet with live counts: area, age, level, access and cost, open now, topic, way of
//! contact, language, provider and accessibility. Each change is a history entry, so "back"
//! undoes it.

mod facets;
mod selects;

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;

use crate::i18n::*;
use crate::state::use_engine;
use facets::{facets, FacetFieldset};
use selects::{AgeSelect, AreaSelect};

/// The filter panel: open on wide screens, folded on phones so the results come first.
#[component]
pub fn Filters(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0);
    let selected = move || {
        query.with(|q| {
            q.chips()
                .iter()
                .filter(|c| !matches!(c, perheopas_core::filter::Chip::Text(_)))
                .count()
        })
    };
    // Folded, the panel's contents (a few hundred elements with live counts) are built when first
    // opened, not before the first results; once built they stay.
    let unfolded = RwSignal::new(wide);
    view! {
        <details class="filters" open=wide on:toggle=move |ev| {
            if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                unfolded.set(true);
            }
        }>
            <summary>{move || t_string!(i18n, filters_summary, count = selected()).to_string()}</summary>
            <Show when=move || unfolded.get()>
                <FilterFields query results on_change/>
            </Show>
        </details>
    }
}

/// Every field of the panel: the two selects, then the checkbox facets.
#[component]
fn FilterFields(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let fieldsets = facets(&engine)
        .into_iter()
        .map(|facet| view! { <FacetFieldset facet query results on_change/> })
        .collect_view();
    view! {
        <AreaSelect query results on_change/>
        <AgeSelect query results on_change/>
        {fieldsets}
    }
}
