//! The running mode (app, widget, kiosk) read from the start URL (`state` provides it), and the
//! widget's side of living inside a host page: its height sent to the host, a newly opened page's
//! title brought into the host's view, its navigation kept out of the host's history, the host's
//! accent colour applied.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use perheopas_core::config::{Config, Mode};
use perheopas_core::filter::ParamProblem;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the configuration once, from the address the app was opened at, and applies its look.
pub fn read() -> (Config, Vec<ParamProblem>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let pairs: Vec<(String, String)> = perheopas_core::config::CONFIG_PARAMS
        .iter()
        .filter_map(|k| {
            params
                .as_ref()
                .and_then(|p| p.get(k))
                .map(|v| (k.to_string(), v))
        })
        .collect();
    let (config, problems) =
        Config::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for p in &problems {
        // The embedding site's developer looks here first.
        web_sys::console::warn_1(
            &format!("Perheopas: {}={} ignored: {}", p.param, p.value, p.problem).into(),
        );
    }
    apply_look(&config);
    (config, problems)
}

fn apply_look(config: &Config) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = doc.body() {
        let mode = match config.mode {
            Mode::App => "mode-app",
            Mode::Widget => "mode-widget",
            Mode::Kiosk => "mode-kiosk",
        };
        let mut classes = vec![mode];
        if config.compact {
            classes.push("compact");
        }
        if !config.header {
            classes.push("no-header");
        }
        body.set_class_name(&classes.join(" "));
    }
    // Through the CSSOM, which the Content-Security-Policy allows (a style attribute it does not).
    if let (Some(accent), Some(root)) = (
        &config.accent,
        doc.document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    ) {
        let style = root.style();
        let _ = style.set_property("--color-brand-base", accent);
        let _ = style.set_property("--color-link", accent);
    }
}

/// In a widget, tells the host page the content height whenever it changes, and when a new page
/// opens inside it (see [`report_new_page_to_host`]). Call inside the router.
pub fn report_height_to_host() {
    report_new_page_to_host();
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let send = Closure::<dyn Fn()>::new(move || {
        let Some(w) = web_sys::window() else { return };
        // The body's own height: the document's would never shrink below the frame's height.
        let height = w
            .document()
            .and_then(|d| d.body())
            .map_or(0, |b| b.offset_height());
        if let Ok(Some(parent)) = w.parent() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"perheopas-height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // The height is not a secret; the loader checks the sender's origin.
            let _ = parent.post_message(&message, "*");
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    send.forget();
}

/// Which page of its own the address opens, if any: a service or one of the views that start at
/// their top. The finder's views (start, list, map) keep the reader's place in the results.
fn own_page(p: &leptos_router::params::ParamsMap) -> Option<String> {
    match crate::url_state::View::from_query(p, false).0 {
        crate::url_state::View::Start
        | crate::url_state::View::Results
        | crate::url_state::View::Map => None,
        crate::url_state::View::Service(id) => Some(format!("service:{id}")),
        other => Some(format!("{other:?}")),
    }
}

/// The host page sizes the frame to its content, so the frame never scrolls: a service opened
/// from far down the results would start off-screen, above the host's window. When a page of
/// its own opens (not on the widget's first load, which must not move the host page), the frame
/// tells the host where its title is, once it is drawn; `embed.js` scrolls it into view.
fn report_new_page_to_host() {
    let params = use_query_map();
    Effect::new(move |prev: Option<Option<String>>| {
        let page = params.with(own_page);
        if prev.is_some_and(|p| p != page) && page.is_some() {
            request_animation_frame(send_title_offset);
        }
        page
    });
}

/// Posts `{type: "perheopas-scroll", top}`: the main heading's distance from the frame's top, px.
fn send_title_offset() {
    let Some(w) = web_sys::window() else { return };
    let top = w
        .document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .map_or(0.0, |h| {
            h.get_bounding_client_rect().top() + w.scroll_y().unwrap_or(0.0)
        });
    if let Ok(Some(parent)) = w.parent() {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"perheopas-scroll".into());
        let _ = js_sys::Reflect::set(&message, &"top".into(), &top.max(0.0).round().into());
        // Where the title is tells nothing about the family; the loader checks the sender.
        let _ = parent.post_message(&message, "*");
    }
}

/// Whether the app's own steps replace the current history entry instead of adding entries: in
/// a widget or kiosk always, and in the app where the browser lacks the Navigation API, since
/// quick exit (`public/exit.js`) needs it to take the visit's entries back out of the tab's
/// history. Back and forward inside the app are worth less than a trail a family cannot erase.
pub fn replaces_history(mode: Mode) -> bool {
    mode != Mode::App
        || web_sys::window()
            .is_none_or(|w| !js_sys::Reflect::has(&w, &"navigation".into()).unwrap_or(false))
}

/// In a widget, links inside the app replace the current entry instead of adding one, so the
/// host page's back button is not filled with the widget's steps.
pub fn keep_host_history_clean(navigate: impl Fn(&str) + 'static) {
    let handler = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
        else {
            return;
        };
        if anchor
            .get_attribute("target")
            .is_some_and(|t| t == "_blank")
        {
            return;
        }
        let Some(href) = anchor.get_attribute("href") else {
            return;
        };
        let Some(w) = web_sys::window() else { return };
        let Ok(url) = web_sys::Url::new_with_base(&href, &w.location().href().unwrap_or_default())
        else {
            return;
        };
        if url.origin() != w.location().origin().unwrap_or_default()
            || url.pathname() != w.location().pathname().unwrap_or_default()
        {
            return;
        }
        ev.prevent_default();
        navigate(&format!("{}{}", url.pathname(), url.search()));
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback_and_bool(
            "click",
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    handler.forget();
}
