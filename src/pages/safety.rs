//! "Browse safely": what quick exit does, what a web page cannot erase, and how to leave fewer
//! traces; with the offer to empty My list and forget the home municipality on this device.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{try_use_home, use_engine, use_lang, use_my_list, HomeChoice};

#[component]
pub fn SafetyPage() -> impl IntoView {
    let i18n = use_i18n();
    let list = use_my_list();
    let cleared = RwSignal::new(false);
    let (engine, lang) = (use_engine(), use_lang());
    // The stored home municipality says where a family lives to whoever picks up the phone.
    let home = try_use_home().filter(|h| h.remembers);
    let home_name = move || {
        let code = home.and_then(|h| h.municipality())?;
        let cat = &engine.catalogue;
        let m = cat.municipalities.iter().find(|m| m.code == code)?;
        Some(m.name.get(lang.get()).text.to_string())
    };
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
            <h2>{t!(i18n, safety_home_title)}</h2>
            <p>{t!(i18n, safety_home_text)}</p>
            {move || match home_name() {
                Some(place) => view! {
                    <button type="button" class="action" on:click=move |_| {
                        if let Some(h) = home { h.answer(HomeChoice::Skipped) }
                    }>
                        {t_string!(i18n, safety_home_forget, place = place.clone()).to_string()}
                    </button>
                }.into_any(),
                None => view! { <p role="status">{t!(i18n, safety_home_forgotten)}</p> }.into_any(),
            }}
        </article>
    }
}
