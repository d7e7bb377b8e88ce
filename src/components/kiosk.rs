//! Kiosk mode for open meeting places: an attract screen, an idle countdown that resets the app
//! to a clean start (no search, list, history or stored state left), "you are here", and links
//! handed to the visitor's own phone as QR codes instead of being followed.

pub mod choice;
pub mod today;

use std::time::Duration;

use crate::components::share::qr_svg;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_config, use_here, use_lang, Here};
use leptos::ev;
use leptos::prelude::*;
use perheopas_core::config::Mode;
use perheopas_core::facets::Engine;

/// Seconds of countdown shown before the reset (at most half the idle time).
const COUNTDOWN: u32 = 10;

pub fn is_kiosk() -> bool {
    use_config().mode == Mode::Kiosk
}

/// Resolves `place=<service id>` to the service's first located place.
pub fn resolve_here(engine: &Engine, place: &str) -> Option<Here> {
    let cat = &engine.catalogue;
    let (_, s) = cat.service_by_id(place)?;
    let d = s
        .delivery
        .iter()
        .find(|d| d.location.is_some() && d.address.is_some())?;
    let (lat, lon) = d.location?;
    let municipality = cat.municipalities[d.address.as_ref()?.municipality as usize]
        .code
        .clone();
    let name = if d.name.is_empty() {
        s.name.clone()
    } else {
        d.name.clone()
    };
    Some(Here {
        name,
        municipality,
        location: (lat as f64, lon as f64),
    })
}

/// The address the kiosk starts from: only its configuration, nothing the last visitor did.
fn start_url() -> String {
    let Some(w) = web_sys::window() else {
        return "./".into();
    };
    let loc = w.location();
    let current = web_sys::UrlSearchParams::new_with_str(&loc.search().unwrap_or_default()).ok();
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists");
    for key in perheopas_core::config::CONFIG_PARAMS {
        if let Some(v) = current.as_ref().and_then(|p| p.get(key)) {
            params.append(key, &v);
        }
    }
    format!(
        "{}?{}",
        loc.pathname().unwrap_or_default(),
        String::from(params.to_string())
    )
}

/// Wipes everything a visitor left and starts again from the attract screen.
pub fn reset() {
    let Some(w) = web_sys::window() else { return };
    if let Ok(Some(s)) = w.local_storage() {
        let _ = s.clear();
    }
    if let Ok(Some(s)) = w.session_storage() {
        let _ = s.clear();
    }
    // A full reload drops every in-memory trace; replace keeps the history at one entry.
    let _ = w.location().replace(&start_url());
}

/// Whether the attract screen is up: shared by the screen itself (shown before the catalogue
/// has loaded) and its "today here" (drawn from the catalogue once it has).
#[derive(Clone, Copy)]
struct Attract(RwSignal<bool>);

/// Starts a kiosk on its attract screen; call in the shell, above both.
pub fn provide_attract() {
    provide_context(Attract(RwSignal::new(true)));
}

fn use_attract() -> Option<RwSignal<bool>> {
    use_context::<Attract>().map(|a| a.0)
}

/// The attract screen and the idle countdown; renders nothing outside kiosk mode.
#[component]
pub fn KioskLayer() -> impl IntoView {
    let Some(attract) = use_attract().filter(|_| is_kiosk()) else {
        return ().into_any();
    };
    let idle = use_config().idle_seconds;
    let countdown = COUNTDOWN.min(idle / 2);
    let i18n = use_i18n();
    let last = StoredValue::new(js_sys::Date::now());
    let left = RwSignal::new(idle);
    let touch = move || {
        last.set_value(js_sys::Date::now());
        left.set(idle);
    };
    let handles = [
        window_event_listener(ev::pointerdown, move |_| touch()),
        window_event_listener(ev::keydown, move |_| touch()),
        window_event_listener(ev::input, move |_| touch()),
    ];
    on_cleanup(move || handles.into_iter().for_each(|h| h.remove()));
    set_interval(
        move || {
            if attract.get_untracked() {
                return;
            }
            let elapsed = ((js_sys::Date::now() - last.get_value()) / 1000.0) as u32;
            let remaining = idle.saturating_sub(elapsed);
            left.set(remaining);
            if remaining == 0 {
                reset();
            }
        },
        Duration::from_millis(500),
    );
    view! {
        <Show when=move || attract.get()>
            // The whole screen starts; the button is what a screen reader or keyboard finds.
            <div class="kiosk-attract" on:click=move |_| { attract.set(false); touch(); }>
                <button type="button" class="kiosk-attract-start">
                    <span class="attract-title">"Perheopas"</span>
                    // In all three languages at once: the visitor has not chosen one yet.
                    <span lang="fi">{td_string!(Locale::fi, kiosk_touch)}</span>
                    <span lang="sv">{td_string!(Locale::sv, kiosk_touch)}</span>
                    <span lang="en">{td_string!(Locale::en, kiosk_touch)}</span>
                </button>
            </div>
        </Show>
        <Show when=move || !attract.get() && left.get() <= countdown>
            <div class="kiosk-countdown" role="alertdialog" aria-modal="true" aria-labelledby="countdown-text">
                <p id="countdown-text">{move || t_string!(i18n, kiosk_countdown, seconds = left.get()).to_string()}</p>
                <button type="button" class="kiosk-continue" on:click=move |_| touch()>{t!(i18n, kiosk_continue)}</button>
            </div>
        </Show>
    }
    .into_any()
}

/// "Today here" on the attract screen, once the catalogue has loaded; a touch on it starts too.
#[component]
pub fn AttractToday() -> impl IntoView {
    let Some(attract) = use_attract().filter(|_| is_kiosk()) else {
        return ().into_any();
    };
    view! {
        <Show when=move || attract.get()>
            <div class="kiosk-attract-today" on:click=move |_| attract.set(false)>
                <today::TodayHere attract=true/>
            </div>
        </Show>
    }
    .into_any()
}

/// "You are here" above the results, naming the meeting place.
#[component]
pub fn HereNote() -> impl IntoView {
    let lang = use_lang();
    // In the language chosen now, the place's name too.
    use_here().map(|h| {
        view! {
            <p class="kiosk-here">
                {move || {
                    let lang = lang.get();
                    let place = h.name.get(lang).text.to_string();
                    td_string!(locale(lang), kiosk_here, place = place).to_string()
                }}
            </p>
        }
    })
}

/// A link that can't be followed on a kiosk: shown as text with a QR code for the phone.
#[component]
pub fn PhoneHandoff(url: String, #[prop(into)] label: String) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let svg = qr_svg(&url, 220);
    view! {
        <span class="handoff">
            <span class="handoff-label">{label.clone()}</span>
            " "
            <button type="button" class="action" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {t!(i18n, kiosk_open_on_phone)}
            </button>
            <Show when=move || open.get()>
                <figure class="qr">
                    <div class="qr-code" role="img" aria-label=label.clone() inner_html=svg.clone()></div>
                    <figcaption>{t!(i18n, kiosk_scan)} <br/> <span class="handoff-url">{url.clone()}</span></figcaption>
                </figure>
            </Show>
        </span>
    }
}
