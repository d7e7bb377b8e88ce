//! "Near me" and the sort control: the point distances are measured from — the browser's position
//! (asked for only when the user taps, never sent anywhere), the chosen or home municipality's
//! centre, or a kiosk's meeting place — and "which municipality am I in", answered offline from
//! the municipality centres. Nearest first is a sort order, so it is offered as one.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::map::locate::nearest_centre;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_engine, use_lang, use_origin};

pub fn locate_me(found: impl Fn(f64, f64) + 'static, failed: impl Fn() + 'static) {
    let Some(geo) = web_sys::window().and_then(|w| w.navigator().geolocation().ok()) else {
        failed();
        return;
    };
    let ok = Closure::once_into_js(move |pos: web_sys::Position| {
        let c = pos.coords();
        found(c.latitude(), c.longitude());
    });
    let err = Closure::once_into_js(move |_: JsValue| failed());
    if geo
        .get_current_position_with_error_callback(ok.unchecked_ref(), Some(err.unchecked_ref()))
        .is_err()
    {
        // The callbacks were moved into JS; a synchronous failure is reported through `err`.
    }
}

#[component]
pub fn NearMe(query: Memo<Query>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let engine = use_engine();
    let origin = use_origin();
    let lang = use_lang();
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    let home = crate::state::try_use_home();
    // The municipalities a family would measure from: the search's own, else the home one.
    let e = engine.clone();
    let places = Memo::new(move |_| {
        let mut codes: Vec<String> = query.with(|q| q.municipalities.clone());
        if codes.is_empty() {
            codes.extend(home.and_then(|h| h.municipality()));
        }
        codes
            .into_iter()
            .filter_map(|c| e.catalogue.municipality_by_code(&c))
            .collect::<Vec<usize>>()
    });
    let e = engine.clone();
    let centre = move |m: usize| {
        let (lat, lon) = e.catalogue.municipalities[m].centre;
        (f64::from(lat), f64::from(lon))
    };
    let c2 = centre.clone();
    let sort_value = move || match origin.get() {
        None => "relevance".to_string(),
        Some(p) => places
            .get()
            .into_iter()
            .find(|&m| c2(m) == p)
            .map_or_else(|| "me".to_string(), |m| format!("m:{m}")),
    };
    let e = engine.clone();
    let options = move || {
        let lang = lang.get();
        let loc = locale(lang);
        places
            .get()
            .into_iter()
            .map(|m| {
                let name = e.catalogue.municipalities[m].name.get(lang).text.to_string();
                view! { <option value=format!("m:{m}")>{td_string!(loc, sort_nearest_to, name = name).to_string()}</option> }
            })
            .collect_view()
    };
    let e = engine.clone();
    let nearest = move || {
        origin
            .get()
            .and_then(|p| nearest_centre(&e.catalogue, p).map(|l| (p, l)))
    };
    view! {
        <section class="near-me" aria-label=move || t_string!(i18n, near_me).to_string()>
            <button type="button" class="action" on:click=move |_| {
                failed.set(false);
                locate_me(move |lat, lon| origin.set(Some((lat, lon))), move || failed.set(true));
            }>{t!(i18n, near_me)}</button>
            <label for="sort-select">{t!(i18n, sort_label)}</label>
            <select id="sort-select" prop:value=sort_value on:change=move |ev| {
                let v = event_target_value(&ev);
                if v == "me" {
                    failed.set(false);
                    locate_me(move |lat, lon| origin.set(Some((lat, lon))), move || failed.set(true));
                } else {
                    origin.set(v.strip_prefix("m:").and_then(|m| m.parse().ok()).map(&centre));
                }
            }>
                <option value="relevance">{t!(i18n, sort_relevance)}</option>
                {options}
                <option value="me">{t!(i18n, sort_nearest_me)}</option>
            </select>
            <p class="hint">{t!(i18n, near_me_note)}</p>
            <Show when=move || failed.get()>
                <p class="notice" role="status">{t!(i18n, near_me_failed)}</p>
            </Show>
            {move || nearest().map(|(_, l)| {
                let muni = &engine.catalogue.municipalities[l.municipality as usize];
                let name = muni.name.get(lang.get()).text.to_string();
                let code = muni.code.clone();
                let km = format!("{:.0}", l.distance_km);
                let loc = locale(lang.get());
                let already = query.with(|q| q.municipalities.contains(&code));
                view! {
                    <p role="status">{td_string!(loc, you_are_in, name = name.clone(), km = km).to_string()}</p>
                    {(!already).then(|| view! {
                        <button type="button" class="action" on:click=move |_| {
                            let mut q = query.get_untracked();
                            q.municipalities = vec![code.clone()];
                            q.counties.clear();
                            on_change.run((q, false));
                        }>{td_string!(loc, limit_to, name = name.clone()).to_string()}</button>
                    })}
                }
            })}
        </section>
    }
}
