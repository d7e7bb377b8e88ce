//! What the app says while shards arrive (issue 23): which areas it is fetching, which it
//! could not get, and which it keeps for use without a network.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{use_lang, use_parts};

/// The shards' areas in the UI language, from their keys: "nationwide services", a county's or
/// a municipality's name.
fn area_names(keys: &[String]) -> String {
    let engine = crate::state::use_engine();
    let cat = &engine.catalogue;
    let lang = use_lang().get();
    let i18n = use_i18n();
    keys.iter()
        .map(|key| {
            if key == "wide" {
                return t_string!(i18n, parts_wide).to_string();
            }
            let county = key
                .strip_prefix("county-")
                .and_then(|c| cat.county_by_code(c))
                .map(|c| cat.counties[c].name.get(lang).text.to_string());
            let municipality = key
                .strip_prefix("municipality-")
                .and_then(|m| cat.municipality_by_code(m))
                .map(|m| cat.municipalities[m].name.get(lang).text.to_string());
            county.or(municipality).unwrap_or_else(|| key.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Fetching the services of North Karelia…", "… for the whole country, 5/22 ready", and the
/// areas that could not be fetched. Polite: the results below it change as the shards arrive.
#[component]
pub fn PartsStatus() -> impl IntoView {
    let parts = use_parts();
    let i18n = use_i18n();
    let fetching = move || {
        let s = parts.status.get();
        if s.pending.is_empty() {
            return None;
        }
        let done = s.loaded.len();
        let total = done + s.pending.len() + s.failed.len();
        let text = if s.country {
            t_string!(i18n, parts_loading_country, done = done, total = total).to_string()
        } else {
            t_string!(i18n, parts_loading_areas, areas = area_names(&s.pending)).to_string()
        };
        Some(view! { <p class="parts-loading">{text}</p> })
    };
    let failed = move || {
        let s = parts.status.get();
        if s.failed.is_empty() {
            return None;
        }
        let codes: Vec<String> = s.failed.iter().map(|f| f.0.clone()).collect();
        let text = t_string!(i18n, parts_unavailable, areas = area_names(&codes)).to_string();
        Some(view! {
            <div class="notice parts-failed">
                <p>{text}</p>
                // The technical detail is for whoever maintains the site, in English.
                <ul class="detail" lang="en">
                    {s.failed.into_iter().map(|(_, problem)| view! { <li>{problem}</li> }).collect_view()}
                </ul>
            </div>
        })
    };
    view! {
        <div class="parts-status" role="status">{fetching}{failed}</div>
    }
}

/// "Available without a network connection: North Karelia, Lieksa." in the footer, once a
/// shard is kept on this device.
#[component]
pub fn OfflineAreas() -> impl IntoView {
    let parts = use_parts();
    let i18n = use_i18n();
    move || {
        let offline = parts.status.with(|s| s.offline.clone());
        (!offline.is_empty()).then(|| {
            let text = t_string!(i18n, offline_areas, areas = area_names(&offline)).to_string();
            view! { <p class="offline-areas">{text}</p> }
        })
    }
}
