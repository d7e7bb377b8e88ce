//! The UI language when the address names none: the one the family chose before (kept on the
//! device, so the installed app opens in it too), else the browser's first of fi / sv / en, else
//! Finnish. A widget or a kiosk follows only its address (a kiosk is a shared device).

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use perheopas_core::model::Lang;
use wasm_bindgen::JsCast;

const KEY: &str = "perheopas.lang";

/// The first of the browser's languages the app has, by primary subtag ("sv-FI" → sv).
pub fn from_browser_languages<'a>(langs: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
    langs.into_iter().find_map(|tag| {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::from_code(&primary.to_ascii_lowercase())
    })
}

fn browser_lang() -> Option<Lang> {
    let nav = web_sys::window()?.navigator();
    let list: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    let first = from_browser_languages(list.iter().map(String::as_str));
    first.or_else(|| {
        nav.language()
            .and_then(|l| from_browser_languages([l.as_str()]))
    })
}

/// The language used when the address has no `lang`.
#[derive(Clone, Copy)]
struct DefaultLang(RwSignal<Lang>, bool);

pub fn provide_default_lang(remembers: bool) {
    let stored = remembers
        .then(|| LocalStorage::get::<String>(KEY).ok())
        .flatten()
        .and_then(|c| Lang::from_code(&c));
    let lang = stored
        .or_else(|| remembers.then(browser_lang).flatten())
        .unwrap_or(Lang::Fi);
    provide_context(DefaultLang(RwSignal::new(lang), remembers));
}

pub fn default_lang() -> RwSignal<Lang> {
    expect_context::<DefaultLang>().0
}

/// The family chose a language: kept for the next visit and for the installed app.
pub fn remember_lang(lang: Lang) {
    let DefaultLang(signal, remembers) = expect_context::<DefaultLang>();
    if remembers {
        if let Err(e) = LocalStorage::set(KEY, lang.code()) {
            web_sys::console::warn_1(&format!("Perheopas: language not stored ({e})").into());
        }
    }
    signal.set(lang);
}

/// The page's `<html lang>`, so screen readers and hyphenation follow the UI language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        root.set_lang(lang.code());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_language_the_app_has_wins() {
        assert_eq!(from_browser_languages(["sv-FI", "fi"]), Some(Lang::Sv));
        assert_eq!(
            from_browser_languages(["de-DE", "en-GB", "fi"]),
            Some(Lang::En)
        );
        assert_eq!(from_browser_languages(["FI"]), Some(Lang::Fi));
        assert_eq!(from_browser_languages(["de", "ru"]), None);
    }
}
