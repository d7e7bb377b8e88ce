//! The URL is the app's shareable state: the search, the filters and the open service live in
//! its query string, so back / forward work and a copied link reopens the same view.

use perheopas_core::filter::Query;

/// A link to the app's own page with this search and, optionally, one service opened. The
/// chosen language (`lang`) is kept from the current address.
pub fn href(query: &Query, service: Option<&str>) -> String {
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists in every browser");
    let current = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Some(lang) = web_sys::UrlSearchParams::new_with_str(&current).ok().and_then(|p| p.get("lang")) {
        params.append("lang", &lang);
    }
    for (key, value) in query.to_params() {
        params.append(key, &value);
    }
    if let Some(id) = service {
        params.append("service", id);
    }
    let search: String = params.to_string().into();
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into());
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// A link to one of the app's views (`list`, `mylist`) with no search, keeping the language.
pub fn href_view(view: &str) -> String {
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists in every browser");
    let current = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Some(lang) = web_sys::UrlSearchParams::new_with_str(&current).ok().and_then(|p| p.get("lang")) {
        params.append("lang", &lang);
    }
    params.append("view", view);
    let path = web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_else(|| "/".into());
    format!("{path}?{}", String::from(params.to_string()))
}
