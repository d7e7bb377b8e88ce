//! The free-text search field. Each keystroke updates the URL in place (no history entry per
//! letter); results follow from the URL. While there is text, a clear button follows the field
//! (so it comes next in Tab order): it empties the search and gives the focus back to the field,
//! which keeps an on-screen keyboard up for the next word.

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use perheopas_core::filter::Query;

use crate::i18n::*;
use crate::url_state::{href_view, View};

#[component]
pub fn SearchBox(query: Memo<Query>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    let field = NodeRef::<html::Input>::new();
    let params = use_query_map();
    let navigate = use_navigate();
    let has_text = Memo::new(move |_| query.with(|q| !q.text.is_empty()));
    let clear = move |_| {
        let mut q = query.get_untracked();
        q.text.clear();
        let in_map = params.with_untracked(|p| View::from_query(p, true).0 == View::Map);
        if q.is_empty() && !in_map {
            // An empty search would be the start page; the person was reading a list, so the
            // list stays, of every service.
            navigate(
                &href_view(&View::Results),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        } else {
            on_change.run((q, true));
        }
        if let Some(input) = field.get_untracked() {
            let _ = input.focus();
        }
    };
    view! {
        <form role="search" class="search-box" on:submit=|ev| ev.prevent_default()>
            <label for="search-input">{t!(i18n, search_label)}</label>
            <div class="search-field">
                <input
                    id="search-input"
                    type="search"
                    autocomplete="off"
                    node_ref=field
                    placeholder=move || t_string!(i18n, search_placeholder).to_string()
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| {
                        let mut q = query.get_untracked();
                        q.text = event_target_value(&ev);
                        on_change.run((q, true));
                    }
                />
                <Show when=move || has_text.get()>
                    <button type="button" class="search-clear" on:click=clear.clone()>
                        <span aria-hidden="true">"✕"</span>
                        <span class="search-clear-text">{t!(i18n, kiosk_search_clear)}</span>
                    </button>
                </Show>
            </div>
        </form>
    }
}
