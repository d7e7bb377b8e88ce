//! The app shell: i18n and router providers, the chosen language from the URL, the catalogue
//! loaded once and provided to every view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use perheopas_core::facets::Engine;
use perheopas_core::model::Lang;
use wasm_bindgen::JsCast;

use crate::components::kiosk::choice::{provide_chosen, ChosenTray};
use crate::components::kiosk::{provide_attract, resolve_here, AttractToday, KioskLayer};
use crate::components::language_switch::LanguageSwitch;
use crate::components::notices::{FallbackNotice, SampleNotice};
use crate::components::pwa::{OfflineNotice, UpdatePrompt};
use crate::components::quick_exit::QuickExit;
use crate::config::{keep_host_history_clean, report_height_to_host};
use crate::i18n::*;
use crate::labels::locale;
use crate::pages::Pages;
use crate::state::{self, use_my_list};
use crate::url_state::{href_view, View};
use perheopas_core::config::Mode;

#[component]
pub fn App() -> impl IntoView {
    leptos_meta::provide_meta_context();
    view! {
        <I18nContextProvider>
            <Router>
                <Shell/>
            </Router>
        </I18nContextProvider>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let (config, problems) = crate::config::read();
    state::provide_config(config.clone(), problems);
    if config.mode == Mode::Widget {
        report_height_to_host();
    }
    // Neither a host page nor a kiosk keeps a trail of the app's steps in its history, nor a
    // browser where quick exit could not take them back out.
    if crate::config::replaces_history(config.mode) {
        let navigate = leptos_router::hooks::use_navigate();
        keep_host_history_clean(move |url| {
            navigate(
                url,
                leptos_router::NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        });
    }
    let show_header = config.header;
    // A kiosk keeps no list a family could never see again: what they choose goes to their own
    // phone as one QR code (`kiosk::choice`).
    let kiosk = config.mode == Mode::Kiosk;
    if kiosk {
        provide_attract();
        provide_chosen();
    }
    let place = config.place.clone();
    let params = use_query_map();
    // Only the full app remembers a family's choices; a widget and a kiosk keep their presets.
    let remembers = config.mode == Mode::App;
    state::provide_default_lang(remembers);
    let fallback_lang = state::default_lang();
    // The address's `lang` wins; without one, the language chosen before or the browser's.
    let lang = Memo::new(move |_| {
        params.with(|p| {
            p.get_str("lang")
                .and_then(Lang::from_code)
                .unwrap_or_else(|| fallback_lang.get())
        })
    });
    state::provide_lang(lang);
    state::provide_results_focus();
    let i18n = use_i18n();
    Effect::new(move |_| {
        i18n.set_locale(locale(lang.get()));
        state::set_document_lang(lang.get());
    });
    state::provide_clock();
    state::provide_my_list();
    state::provide_online();
    let my_list = use_my_list();

    let whole_country = place.is_some();
    let catalogue = LocalResource::new(move || crate::parts::start(remembers, whole_country));
    view! {
        // The router would take this same-page link over and only scroll; the link moves focus
        // itself, so the next Tab starts inside the main content.
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            let main = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("main"));
            if let Some(main) = main.and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = main.focus();
            }
        }>{t!(i18n, skip_link)}</a>
        <QuickExit/>
        <KioskLayer/>
        <header class="site-header" hidden=!show_header>
            <div class="brand-row">
                // A kiosk's start keeps its configuration; "./" would leave kiosk mode.
                <a class="brand" href=move || if kiosk { href_view(&View::Start) } else { "./".to_string() }>"Perheopas"</a>
                <p class="tagline">{t!(i18n, tagline)}</p>
            </div>
            <div class="header-row">
                <LanguageSwitch/>
                {(!kiosk).then(|| view! {
                    <a class="my-list-link" href=move || { lang.track(); href_view(&View::MyList) }>
                        {move || t_string!(i18n, mylist_link, count = my_list.with(Vec::len)).to_string()}
                    </a>
                })}
                // Beside quick exit: what it does, and what a page cannot erase.
                <a class="my-list-link" href=move || { lang.track(); href_view(&View::Safety) }>{t!(i18n, safety_link)}</a>
            </div>
        </header>
        <main id="main" tabindex="-1">
            <UpdatePrompt/>
            <OfflineNotice/>
            {move || match catalogue.get() {
                None => view! { <p class="loading" role="status">{t!(i18n, loading)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="error" role="alert">
                        <h1>{t!(i18n, load_failed_title)}</h1>
                        <p>{t!(i18n, load_failed_hint)}</p>
                        <p class="detail" lang="en">{e}</p>
                    </div>
                    // The crisis lines are part of the app, not of the catalogue that failed.
                    <crate::components::crisis::CrisisHelp county=Signal::derive(|| None::<String>)/>
                }
                .into_any(),
                Some(Ok((parts, fallback))) => {
                    state::provide_parts(parts);
                    let engine = parts.engine.get_untracked();
                    let here = place.as_deref().and_then(|p| resolve_here(&engine, p));
                    if let (Some(p), None) = (&place, &here) {
                        web_sys::console::warn_1(&format!("Perheopas: place={p} is not a service with an address; no 'you are here'").into());
                    }
                    state::provide_here(here);
                    let cat = engine.clone();
                    state::provide_home(remembers, move |code| cat.catalogue.municipality_by_code(code).is_some());
                    state::provide_origin();
                    state::provide_first_list();
                    let fallback = fallback.map(|f| view! { <FallbackNotice built=format_built(&f.built) problem=f.problem/> });
                    // Parts shown from a saved copy as they arrive.
                    let part_fallbacks = move || parts.status.with(|s| s.fallbacks.clone()).into_iter().map(|f| view! { <FallbackNotice built=format_built(&f.built) problem=f.problem/> }).collect_view();
                    view! { {fallback} {part_fallbacks} <Routed engine/> }.into_any()
                }
            }}
        </main>
    }
}

#[component]
fn Routed(engine: Arc<Engine>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::state::use_lang();
    let sample = engine.catalogue.sample;
    let built = format_built(&engine.catalogue.built);
    // The coverage view and the embed builder are for coordinators, not for families at a kiosk.
    let coordinators = crate::state::use_config().mode != perheopas_core::config::Mode::Kiosk;
    view! {
        {sample.then(|| view! { <SampleNotice/> })}
        // One route: the address's query string says which page is shown (`pages::Pages`).
        <Routes fallback=|| view! { <Pages/> }>
            <Route path=path!("") view=Pages/>
        </Routes>
        // Kiosk parts that need the catalogue.
        <ChosenTray/>
        <AttractToday/>
        <footer class="site-footer">
            <p>{t!(i18n, catalogue_updated, date = built.clone())}</p>
            <p>{t!(i18n, privacy_note)}</p>
            <crate::components::parts_status::OfflineAreas/>
            <p class="sources">{t!(i18n, map_attribution)}</p>
            {coordinators.then(|| view! {
                <p><a href=move || { lang.track(); href_view(&View::Embed) }>{t!(i18n, embed_link)}</a></p>
                <p><a href=move || { lang.track(); href_view(&View::Coverage) }>{t!(i18n, coverage_link)}</a></p>
            })}
            <p><a href=move || { lang.track(); href_view(&View::Accessibility) }>{t!(i18n, a11y_link)}</a></p>
        </footer>
    }
}

/// "2026-11-23T12:00:00Z" → "23.11.2026", as dates are written in all three languages here.
fn format_built(built: &str) -> String {
    let d: Vec<&str> = built.get(..10).unwrap_or_default().split('-').collect();
    match d.as_slice() {
        [y, m, d] => format!(
            "{}.{}.{y}",
            d.trim_start_matches('0'),
            m.trim_start_matches('0')
        ),
        _ => built.to_string(),
    }
}
