//! The free-text search field. Each keystroke updates the URL in place (no history entry per
//! letter); results follow from the URL.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::i18n::*;

#[component]
pub fn SearchBox(query: Memo<Query>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form role="search" class="search-box" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{t!(i18n, search_label)}</label>
            <input
                id="search-input"
                type="search"
                autocomplete="off"
                placeholder=move || t_string!(i18n, search_placeholder).to_string()
                prop:value=move || query.with(|q| q.text.clone())
                on:input=move |ev| {
                    let mut q = query.get_untracked();
                    q.text = event_target_value(&ev);
                    on_change.run((q, true));
                }
            />
        </form>
    }
}
