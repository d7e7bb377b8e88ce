//! The active filters as removable chips, and — when nothing matches — which filter to drop.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

#[component]
pub fn ActiveFilters(query: Memo<Query>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    move || {
        let q = query.get();
        let chips = q.chips();
        if chips.is_empty() {
            return None;
        }
        let lang = lang.get();
        let items = chips
            .into_iter()
            .map(|chip| {
                let name = labels::chip(lang, &chip, &engine.catalogue);
                let label = td_string!(locale(lang), remove_chip, name = name.clone()).to_string();
                let next = q.without(&chip);
                view! {
                    <li>
                        <button type="button" class="chip" aria-label=label on:click=move |_| on_change.run((next.clone(), false))>
                            {name} <span aria-hidden="true">" ×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="chips" aria-label=move || t_string!(i18n, chips_title).to_string()>
                <ul>
                    {items}
                    <li>
                        <button type="button" class="chip clear" on:click=move |_| on_change.run((Query::default(), false))>
                            {t!(i18n, clear_all)}
                        </button>
                    </li>
                </ul>
            </section>
        })
    }
}

/// Offered when a search finds nothing: each filter whose removal would bring results back.
#[component]
pub fn ZeroResultHelp(
    query: Memo<Query>,
    open: Memo<Vec<bool>>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    move || {
        let q = query.get();
        let lang = lang.get();
        let loc = locale(lang);
        let mut fixes: Vec<(String, Query, usize)> = open.with(|open| {
            q.chips()
                .into_iter()
                .map(|chip| {
                    let next = q.without(&chip);
                    let n = engine
                        .run(&next.resolved(&engine.catalogue), Some(open))
                        .hits
                        .len();
                    (labels::chip(lang, &chip, &engine.catalogue), next, n)
                })
                .filter(|(_, _, n)| *n > 0)
                .collect()
        });
        perheopas_core::order::sort_by_key(&mut fixes, |f| std::cmp::Reverse(f.2));
        (!fixes.is_empty()).then(|| {
            view! {
                <div class="zero-help">
                    <p>{td_string!(loc, zero_hint)}</p>
                    <ul>
                        {fixes
                            .into_iter()
                            .map(|(name, next, n)| view! {
                                <li>
                                    <button type="button" class="action" on:click=move |_| on_change.run((next.clone(), false))>
                                        {td_string!(loc, zero_fix, name = name.clone(), count = n).to_string()}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The family's home municipality as one chip that reopens "where do you live?"; nothing in a
/// widget or a kiosk, which never ask.
#[component]
pub fn HomeChip() -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let home = crate::state::use_home();
    move || {
        if !home.remembers || home.should_ask() {
            return None;
        }
        let loc = locale(lang.get());
        let name = home.municipality().and_then(|c| {
            let cat = &engine.catalogue;
            cat.municipality_by_code(&c)
                .map(|i| cat.municipalities[i].name.get(lang.get()).text.to_string())
        });
        let (text, label) = match name {
            Some(n) => (
                td_string!(loc, home_chip, name = n.clone()).to_string(),
                td_string!(loc, home_chip_label, name = n).to_string(),
            ),
            None => {
                let t = td_string!(loc, home_chip_none).to_string();
                (t.clone(), t)
            }
        };
        Some(view! {
            <p class="home-chip-row">
                <button
                    type="button"
                    id="home-chip"
                    class="chip home-chip"
                    aria-label=label
                    on:click=move |_| {
                        home.asking.set(true);
                        crate::components::area_prompt::focus_later("home-input");
                    }
                >
                    <span aria-hidden="true">"⌂ "</span>
                    {text}
                </button>
            </p>
        })
    }
}
