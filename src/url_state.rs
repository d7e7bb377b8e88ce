//! The URL is the app's shareable state: the search, the filters and the open service live in
//! its query string, so back / forward work and a copied link reopens the same view.

use perheopas_core::filter::Query;

/// Parameters carried from the current address to every link: the language and the running
/// mode (widget, kiosk), so a reload keeps them.
fn kept_params() -> web_sys::UrlSearchParams {
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists in every browser");
    let current = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if let Ok(now) = web_sys::UrlSearchParams::new_with_str(&current) {
        for key in std::iter::once("lang").chain(perheopas_core::config::CONFIG_PARAMS) {
            if let Some(v) = now.get(key) {
                params.append(key, &v);
            }
        }
    }
    params
}

/// A link to the app's own page with this search and, optionally, one service opened.
pub fn href(query: &Query, service: Option<&str>) -> String {
    link(query, service, None)
}

/// The same search in another view (`map`).
pub fn href_in_view(query: &Query, view: &str) -> String {
    link(query, None, Some(view))
}

fn link(query: &Query, service: Option<&str>, view: Option<&str>) -> String {
    let params = kept_params();
    if let Some(v) = view {
        params.append("view", v);
    }
    for (key, value) in query.to_params() {
        params.append(key, &value);
    }
    if let Some(id) = service {
        params.append("service", id);
    }
    let search: String = params.to_string().into();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// A link to one of the app's views (`list`, `mylist`) with no search, keeping the language.
pub fn href_view(view: &str) -> String {
    let params = kept_params();
    params.append("view", view);
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{path}?{}", String::from(params.to_string()))
}

/// The page's origin and path, for absolute links handed to another device.
pub fn page_address() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    (origin, path)
}

/// The address to hand on (share, QR code, print, "open in a new tab"): the page as it is now,
/// its search, filters, language and open service, but as the full app. The running mode's own
/// parameters (`mode`, `header`, `compact`, `idle`, `place`, …) are left out, so a link shared
/// from a widget or a kiosk never opens the stripped widget or a kiosk on someone's phone.
pub fn full_app_url(service: Option<&str>) -> String {
    let (origin, path) = page_address();
    let current = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&current)
        .or_else(|_| web_sys::UrlSearchParams::new())
        .expect("URLSearchParams exists in every browser");
    for key in perheopas_core::config::CONFIG_PARAMS {
        params.delete(key);
    }
    if let Some(id) = service {
        params.set("service", id);
    }
    let search: String = params.to_string().into();
    if search.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{search}")
    }
}

/// The full app's address for a service with this page's search (see [`full_app_url`]).
pub fn full_app_href(service: &str) -> String {
    full_app_url(Some(service))
}
