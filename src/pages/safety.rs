//! "Browse safely": what quick exit does, what a web page cannot erase, and how to leave fewer
//! traces; with the offer to empty My list on this device.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_my_list;

#[component]
pub fn SafetyPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = use_my_list();
    let cleared = RwSignal::new(false);
    view! {
        <article class="safety-page">
            <h1>{t!(i18n, safety_title)}</h1>
            <p class="lead">{t!(i18n, safety_lead)}</p>
            <h2>{t!(i18n, safety_exit_title)}</h2>
            <p>{t!(i18n, safety_exit_text)}</p>
            <h2>{t!(i18n, safety_cannot_title)}</h2>
            <ul>
                <li>{t!(i18n, safety_cannot_history)}</li>
                <li>{t!(i18n, safety_cannot_tabs)}</li>
                <li>{t!(i18n, safety_cannot_earlier)}</li>
                <li>{t!(i18n, safety_cannot_device)}</li>
            </ul>
            <h2>{t!(i18n, safety_private_title)}</h2>
            <ul>
                <li>{t!(i18n, safety_private_window)}</li>
                <li>{t!(i18n, safety_private_clear)}</li>
                <li>{t!(i18n, safety_private_device)}</li>
            </ul>
            <h2>{t!(i18n, safety_list_title)}</h2>
            <p>{t!(i18n, safety_list_text)}</p>
            <Show
                when=move || !list.with(Vec::is_empty)
                fallback=move || view! {
                    <p role="status">{move || if cleared.get() { t_string!(i18n, safety_list_cleared).to_string() } else { t_string!(i18n, safety_list_empty).to_string() }}</p>
                }
            >
                <button type="button" class="action" on:click=move |_| { list.set(Vec::new()); cleared.set(true); }>
                    {move || t_string!(i18n, safety_list_clear, count = list.with(Vec::len)).to_string()}
                </button>
            </Show>
        </article>
    }
}
