//! Links out of the app: web and booking pages, phone numbers, e-mail addresses. Offline a web
//! link says it needs a connection; on a kiosk every one is handed to the visitor's phone as a
//! QR code instead of being followed.

use leptos::prelude::*;

use crate::components::kiosk::{is_kiosk, PhoneHandoff};
use crate::i18n::*;
use crate::state::use_online;

/// A web or booking link.
#[component]
pub fn NetLink(href: String, #[prop(into)] label: String) -> impl IntoView {
    if is_kiosk() {
        return view! { <PhoneHandoff url=href label/> }.into_any();
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

/// A phone number: tap to call.
#[component]
pub fn PhoneLink(number: String) -> impl IntoView {
    let tel = format!("tel:{}", number.replace([' ', '-'], ""));
    if is_kiosk() {
        return view! { <PhoneHandoff url=tel label=number/> }.into_any();
    }
    view! { <a class="phone" href=tel>{number}</a> }.into_any()
}

/// An e-mail address: a mailto link.
#[component]
pub fn MailLink(address: String) -> impl IntoView {
    let mailto = format!("mailto:{address}");
    if is_kiosk() {
        return view! { <PhoneHandoff url=mailto label=address/> }.into_any();
    }
    view! { <a href=mailto>{address}</a> }.into_any()
}
