//! The installable app's side of offline use: an offline indicator, the connection state for
//! links that need the network, and the "new version available" prompt (the service worker is
//! registered by `public/pwa.js`).

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;

#[derive(Clone, Copy)]
pub struct Online(pub RwSignal<bool>);

pub fn provide_online() {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    let on = window_event_listener(ev::online, move |_| online.set(true));
    let off = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    provide_context(Online(online));
}

pub fn use_online() -> RwSignal<bool> {
    expect_context::<Online>().0
}

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

/// A web or booking link; offline it says it needs a connection instead of failing silently,
/// and on a kiosk it is handed to the visitor's phone as a QR code.
#[component]
pub fn NetLink(href: String, #[prop(into)] label: String) -> impl IntoView {
    if crate::components::kiosk::is_kiosk() {
        return view! { <crate::components::kiosk::PhoneHandoff url=href label/> }.into_any();
    }
    let online = use_online();
    let i18n = use_i18n();
    view! {
        <a href=href target="_blank" rel="noopener">{label}</a>
        <Show when=move || !online.get()>
            " " <span class="needs-network">"(" {t!(i18n, needs_network)} ")"</span>
        </Show>
    }
    .into_any()
}

/// A phone number: tap to call, or on a kiosk the number with a QR code for the phone.
#[component]
pub fn PhoneLink(number: String) -> impl IntoView {
    let tel = format!("tel:{}", number.replace([' ', '-'], ""));
    if crate::components::kiosk::is_kiosk() {
        return view! { <crate::components::kiosk::PhoneHandoff url=tel label=number/> }.into_any();
    }
    view! { <a class="phone" href=tel>{number}</a> }.into_any()
}

/// An e-mail address: a mailto link, or on a kiosk a QR code.
#[component]
pub fn MailLink(address: String) -> impl IntoView {
    let mailto = format!("mailto:{address}");
    if crate::components::kiosk::is_kiosk() {
        return view! { <crate::components::kiosk::PhoneHandoff url=mailto label=address/> }
            .into_any();
    }
    view! { <a href=mailto>{address}</a> }.into_any()
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
