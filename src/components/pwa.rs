//! The installable app's side of offline use: an offline indicator and the "new version
//! available" prompt (the service worker is registered by `public/pwa.js`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::state::use_online;

#[component]
pub fn OfflineNotice() -> impl IntoView {
    let online = use_online();
    let i18n = use_i18n();
    view! {
        <Show when=move || !online.get()>
            <p class="notice offline-notice" role="status">{t!(i18n, offline_notice)}</p>
        </Show>
    }
}

fn update_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"perheopasUpdateWaiting".into()).ok())
        .is_some_and(|v| v.is_truthy())
}

#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new(update_waiting());
    let handle = window_event_listener_untyped("perheopas-update", move |_| waiting.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        let Some(w) = web_sys::window() else { return };
        if let Ok(f) = js_sys::Reflect::get(&w, &"perheopasApplyUpdate".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&w);
            }
        }
    };
    view! {
        <Show when=move || waiting.get()>
            <div class="notice update-prompt" role="status">
                <p>{t!(i18n, update_available)}</p>
                <button type="button" class="action" on:click=apply>{t!(i18n, update_now)}</button>
            </div>
        </Show>
    }
}
