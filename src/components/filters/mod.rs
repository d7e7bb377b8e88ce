//! Every facet with live counts: area, age, level, access and cost, open now, topic, way of
//! contact, language, provider and accessibility. Each change is a history entry, so "back"
//! undoes it.

mod facets;
mod kept_sheet;
mod selects;

pub use kept_sheet::KeptSheet;

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;

use crate::i18n::*;
use crate::state::use_engine;
use facets::{facets, FacetFieldset};
use selects::{AgeSelect, AreaSelect};

/// The filter panel: open beside the results on wide screens; on phones a button that opens
/// the fields as a sheet over the results (a modal dialog: focus stays inside, Escape closes).
/// Either way it has live counts and ends with a sticky "show N services" button that moves
/// focus to the results heading (closing the sheet). After the panel, a link skips to the
/// results.
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
    let skip = view! {
        <a class="skip-results" href="#results-title" on:click=|ev| {
            ev.prevent_default();
            crate::pages::results::focus_results_heading();
        }>{t!(i18n, skip_to_results)}</a>
    };
    let total = move || results.with(|r| r.hits.len());
    // "Show N services": says what the fields now find and moves focus to the results heading.
    // A change inside the fields keeps focus where it is (WCAG 3.2.2 On Input: ticking several
    // boxes, or typing a name into a select, must not throw the user out); the heading says the
    // new count as a polite live region, and this button is the step on to the results.
    let show_label = move || match total() {
        1 => t_string!(i18n, show_results_one).to_string(),
        n => t_string!(i18n, show_results, count = n).to_string(),
    };
    if wide {
        return view! {
            <div class="filters-column">
                <details class="filters" open=true>
                    <summary>{move || t_string!(i18n, filters_summary, count = selected()).to_string()}</summary>
                    <FilterFields query results on_change/>
                    <div class="panel-foot">
                        <button type="button" class="show-results" on:click=|_| crate::pages::results::focus_results_heading()>
                            {show_label}
                        </button>
                    </div>
                </details>
                {skip}
            </div>
        }
        .into_any();
    }
    let sheet = NodeRef::<leptos::html::Dialog>::new();
    let open_sheet = move |_| {
        unfolded.set(true);
        if let Some(d) = sheet.get() {
            call(&d, "showModal");
        }
    };
    // Drawn again while the family had the sheet open (a shard merged): open it again.
    let reopen = move || {
        if let Some(d) = sheet.get() {
            call(&d, "showModal");
        }
    };
    if use_context::<KeptSheet>().is_some_and(|k| k.reopen(sheet, reopen)) {
        unfolded.set(true);
    }
    let show = move |_| {
        if let Some(d) = sheet.get() {
            call(&d, "close");
        }
        crate::pages::results::focus_results_heading();
    };
    view! {
        <div class="filters-column">
            <button type="button" class="filters-open" aria-haspopup="dialog" on:click=open_sheet>
                {move || t_string!(i18n, filters_summary, count = selected()).to_string()}
            </button>
            <dialog node_ref=sheet class="filter-sheet" aria-labelledby="filter-sheet-title">
                <div class="sheet-head">
                    <h2 id="filter-sheet-title">{t!(i18n, filters_title)}</h2>
                    <button type="button" class="sheet-close" aria-label=move || t_string!(i18n, filters_close).to_string() on:click=move |_| {
                        if let Some(d) = sheet.get() {
                            call(&d, "close");
                        }
                    }>
                        <span aria-hidden="true">"×"</span>
                    </button>
                </div>
                <div class="sheet-body">
                    <Show when=move || unfolded.get()>
                        <FilterFields query results on_change/>
                    </Show>
                </div>
                <div class="sheet-foot">
                    <button type="button" class="show-results" on:click=show>{show_label}</button>
                </div>
            </dialog>
            {skip}
        </div>
    }
    .into_any()
}

/// Calls a method of the dialog element (`showModal`, `close`) without the web-sys feature.
fn call(el: &web_sys::HtmlElement, method: &str) {
    let f = js_sys::Reflect::get(el, &method.into())
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    if let Some(f) = f {
        if let Err(e) = f.call0(el) {
            web_sys::console::warn_1(&e);
        }
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
