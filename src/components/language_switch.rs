//! Suomeksi / På svenska / In English: links that change only the `lang` parameter of the URL; the
//! language chosen is remembered on the device for the next visit and the installed app.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use perheopas_core::model::Lang;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{remember_lang, use_lang};

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let params = use_query_map();
    let current = use_lang();
    let link = move |lang: Lang| {
        let mut p = params.get();
        p.replace("lang", lang.code().to_string());
        if lang == Lang::Fi {
            p.remove("lang");
        }
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "/".into());
        format!("{path}{}", p.to_query_string())
    };
    view! {
        <nav class="language-switch" aria-label=move || td_string!(locale(current.get()), language)>
            <ul>
                // Each language named in itself, so it is found by those who read it.
                {[Lang::Fi, Lang::Sv, Lang::En]
                    .into_iter()
                    .map(|lang| (lang, td_string!(locale(lang), language_switch_name)))
                    .map(|(lang, name)| view! {
                        <li>
                            <a
                                href=move || link(lang)
                                hreflang=lang.code()
                                lang=lang.code()
                                aria-current=move || (current.get() == lang).then_some("true")
                                on:click=move |_| remember_lang(lang)
                            >
                                {name}
                            </a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
