//! Handing a page over: share the link (Web Share API, or copy it), show it as a QR code for a
//! phone, or print it.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::QrCode;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::*;

/// The address of the page as it is now, as the full app opens it: shared from a widget or a
/// kiosk, the link still keeps the service, the search and the language, but not the mode.
pub fn current_url() -> String {
    crate::url_state::full_app_url(None)
}

/// Shares `url`; where the Web Share API is missing, copies it and says so.
#[component]
pub fn ShareButton(
    #[prop(into)] title: String,
    #[prop(into)] url: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<String>);
    let share = move |_| {
        let title = title.clone();
        let url = url.get_untracked();
        leptos::task::spawn_local(async move {
            let Some(window) = web_sys::window() else {
                return;
            };
            let navigator = window.navigator();
            let can_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
            if can_share {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_url(&url);
                // A cancelled share is the user's choice: nothing to report.
                let _ = JsFuture::from(navigator.share_with_data(&data)).await;
                return;
            }
            let copied = JsFuture::from(navigator.clipboard().write_text(&url))
                .await
                .is_ok();
            status.set(Some(if copied {
                t_string!(i18n, link_copied).to_string()
            } else {
                format!("{} {url}", t_string!(i18n, copy_this))
            }));
        });
    };
    view! {
        <button type="button" class="action" on:click=share>{t!(i18n, share)}</button>
        <span class="share-status" role="status">{move || status.get()}</span>
    }
}

#[component]
pub fn PrintButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="button" class="action" on:click=move |_| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }>{t!(i18n, print)}</button>
    }
}

/// `url` as a QR code in SVG, drawn on the device, at least `px` pixels square.
pub fn qr_svg(url: &str, px: u32) -> String {
    QrCode::new(url.as_bytes())
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(px, px)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// `url` as a QR code, drawn as SVG on the device.
#[component]
pub fn QrLink(#[prop(into)] url: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let svg = move || qr_svg(&url.get(), 180);
    view! {
        <figure class="qr">
            <div class="qr-code" role="img" aria-label=move || t_string!(i18n, qr_alt).to_string() inner_html=svg></div>
            <figcaption>{t!(i18n, qr_title)}</figcaption>
        </figure>
    }
}

/// On a kiosk, beside a service's title: "Scan to take this with you", the code opening the
/// service in the full app on the visitor's phone. `name` tells screen readers whose code it is.
#[component]
pub fn TakeAlongQr(url: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let svg = qr_svg(&url, 240);
    view! {
        <figure class="qr take-along">
            <div class="qr-code" role="img" aria-label=move || t_string!(i18n, kiosk_take_along_alt, name = name.clone()).to_string() inner_html=svg></div>
            <figcaption>{t!(i18n, kiosk_take_along)}</figcaption>
        </figure>
    }
}
