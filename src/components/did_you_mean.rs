//! "Did you mean": with few or no results for a search, the closest known words and the life
//! situations that fit, so a search never ends in nothing to do. The choices come from the core
//! (`Engine::did_you_mean`); this only shows them. The crisis lines stay on every empty result
//! (the finder shows them apart from this), and the zero-result help still offers filters to drop.

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;
use perheopas_core::situations::{preset, SITUATIONS};

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

#[component]
pub fn DidYouMean(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    move || {
        let q = query.get();
        let lang = lang.get();
        let s = results.with(|r| engine.did_you_mean(&q, r))?;
        let loc = locale(lang);
        let (ask, fits, label) = (
            td_string!(loc, dym_ask),
            td_string!(loc, dym_fits),
            td_string!(loc, dym_label),
        );
        // Nothing near at all: the life situations of the start view are the way on.
        let situations: Vec<String> = if s.is_empty() {
            SITUATIONS.iter().map(|s| s.to_string()).collect()
        } else {
            s.situations.clone()
        };
        let corrections = s
            .corrections
            .iter()
            .map(|text| {
                let next = Query {
                    text: text.clone(),
                    ..q.clone()
                };
                let text = text.clone();
                view! {
                    <li>
                        <button type="button" class="action" on:click=move |_| on_change.run((next.clone(), false))>
                            {text}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let situations = situations
            .into_iter()
            .filter_map(|id| {
                let mut next = preset(&id, engine.languages())?;
                // The area chosen stays chosen.
                next.municipalities = q.municipalities.clone();
                next.counties = q.counties.clone();
                Some(view! {
                    <li>
                        <button type="button" class="action" on:click=move |_| on_change.run((next.clone(), false))>
                            {labels::situation(lang, &id)}
                        </button>
                    </li>
                })
            })
            .collect_view();
        let has_corrections = !s.corrections.is_empty();
        Some(view! {
            <section class="zero-help did-you-mean" aria-label=label>
                {has_corrections.then(|| view! { <p>{ask}</p> })}
                <ul>{corrections}</ul>
                <p>{fits}</p>
                <ul>{situations}</ul>
            </section>
        })
    }
}
