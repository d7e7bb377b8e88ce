//! Links out of the app: web and booking pages, phone numbers, e-mail addresses, and the action
//! buttons built from them. Offline a web link says it needs a connection; on a kiosk every one
//! is handed to the visitor's phone as a QR code instead of being followed.

use leptos::prelude::*;
use perheopas_core::actions::tel_href;

use crate::components::kiosk::{is_kiosk, PhoneHandoff};
use crate::i18n::*;
use crate::state::use_online;

/// A web or booking link.
#[component]
pub fn NetLink(href: String, #[prop(into)] label: String) -> impl IntoView {
    if is_kiosk() {
        return view! { <PhoneHandoff url=href label/> }.into_any();
    }
    view! {
        <a href=href target="_blank" rel="noopener">{label}</a>
        <NeedsNetwork/>
    }
    .into_any()
}

/// "(needs a connection)" while the device is offline, after a link to the web.
#[component]
pub fn NeedsNetwork() -> impl IntoView {
    let online = use_online();
    let i18n = use_i18n();
    view! {
        <Show when=move || !online.get()>
            " " <span class="needs-network">"(" {t!(i18n, needs_network)} ")"</span>
        </Show>
    }
}

/// A phone number: tap to call. The `tel:` link is the core's (international form), the same
/// as the service's Call button.
#[component]
pub fn PhoneLink(number: String) -> impl IntoView {
    let tel = tel_href(&number);
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

/// A button-shaped link: a label, and under it a detail (the number, the place). `web` links
/// open in a new tab and say when they need a connection. On a kiosk the link is handed to the
/// visitor's phone, with `handoff_url` when the phone should get another address (the web map
/// instead of a `geo:` link the kiosk cannot open).
#[component]
pub fn ActionLink(
    href: String,
    #[prop(into)] label: String,
    #[prop(optional_no_strip)] detail: Option<AnyView>,
    #[prop(optional)] web: bool,
    #[prop(optional)] handoff_url: Option<String>,
    #[prop(optional)] handoff_label: Option<String>,
    kind: &'static str,
) -> impl IntoView {
    if is_kiosk() {
        let url = handoff_url.unwrap_or(href);
        let label = handoff_label.unwrap_or(label);
        return view! { <span class=format!("action-handoff action-{kind}")><PhoneHandoff url label/></span> }
            .into_any();
    }
    let face = view! {
        <span class="action-label">{label}</span>
        {detail.map(|d| view! { " " <span class="action-detail">{d}</span> })}
    };
    if web {
        view! {
            <a class=format!("action-button action-{kind}") href=href target="_blank" rel="noopener">{face}</a>
            <NeedsNetwork/>
        }
        .into_any()
    } else {
        view! { <a class=format!("action-button action-{kind}") href=href>{face}</a> }.into_any()
    }
}
