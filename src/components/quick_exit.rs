//! Quick exit: an always-visible button, and Esc pressed twice, leave at once for a neutral site
//! and take the visit's steps out of the tab's history (`public/exit.js` does the history part),
//! so no number of "back" presses returns to the finder. Beside it, "help now" (crisis lines).

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;

/// A neutral, everyday page: the Finnish Meteorological Institute's weather.
pub const NEUTRAL_SITE: &str = "https://www.ilmatieteenlaitos.fi/";
/// Two Esc presses within this time count as the shortcut.
const DOUBLE_PRESS: Duration = Duration::from_millis(800);

fn leave() {
    let Some(w) = web_sys::window() else { return };
    let framed = w.top().ok().flatten().is_some_and(|top| top != w);
    if framed {
        // Inside a widget the whole host page must go; a browser may refuse that to a
        // cross-origin frame, and then at least the widget leaves. The widget itself keeps no
        // history of its own (it replaces its entries).
        let top_left = w
            .top()
            .ok()
            .flatten()
            .is_some_and(|top| top.location().replace(NEUTRAL_SITE).is_ok());
        if !top_left {
            let _ = w.location().replace(NEUTRAL_SITE);
        }
        return;
    }
    // The page's exit script goes back to the visit's first entry and replaces that one.
    let exit = js_sys::Reflect::get(&w, &"perheopasLeave".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if exit.is_none_or(|f| f.call0(&w).is_err()) {
        let _ = w.location().replace(NEUTRAL_SITE);
    }
}

#[component]
pub fn QuickExit() -> impl IntoView {
    let i18n = use_i18n();
    let last_esc = StoredValue::new(None::<f64>);
    let kiosk = crate::components::kiosk::is_kiosk();
    let handle = window_event_listener(ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        let now = js_sys::Date::now();
        match last_esc.get_value() {
            Some(t) if now - t <= DOUBLE_PRESS.as_millis() as f64 => {
                if kiosk {
                    crate::components::kiosk::reset()
                } else {
                    leave()
                }
            }
            _ => last_esc.set_value(Some(now)),
        }
    });
    on_cleanup(move || handle.remove());
    let lang = crate::state::use_lang();
    // The help page keeps the area being looked at, for that area's social emergency service.
    let params = leptos_router::hooks::use_query_map();
    let help_href = move || {
        lang.track();
        let mut url = crate::url_state::href_view(&crate::url_state::View::Help);
        params.with(|p| {
            for key in ["municipality", "county"] {
                if let Some(v) = p.get(key) {
                    url.push_str(&format!(
                        "&{key}={}",
                        String::from(js_sys::encode_uri_component(&v))
                    ));
                }
            }
        });
        url
    };
    view! {
        <div class="urgent-bar">
        <a class="help-now" href=help_href>{t!(i18n, help_now)}</a>
        <button
            type="button"
            class="quick-exit"
            title=move || t_string!(i18n, quick_exit_hint).to_string()
            // A kiosk has nowhere to go: hiding the search means starting over.
            on:click=move |_| if kiosk { crate::components::kiosk::reset() } else { leave() }
        >
            {move || if kiosk { t_string!(i18n, kiosk_start_over).to_string() } else { t_string!(i18n, quick_exit).to_string() }}
        </button>
        </div>
    }
}
