//! "Near me": choosing the point distances are measured from — the browser's position (asked for only
//! when the user taps, never sent anywhere), a chosen municipality, or a kiosk's meeting place —
//! and "which municipality am I in", answered offline from the municipality centres.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::map::locate::nearest_centre;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_engine, use_lang, use_origin};

fn locate_me(found: impl Fn(f64, f64) + 'static, failed: impl Fn() + 'static) {
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
    let cat = &engine.catalogue;
    let (_, munis) = cat.places_with_services();
    let options = munis
        .iter()
        .map(|&m| {
            let muni = &cat.municipalities[m as usize];
            let name = muni.name.clone();
            view! { <option value=muni.code.clone()>{move || name.get(lang.get()).text.to_string()}</option> }
        })
        .collect_view();
    let e = engine.clone();
    let nearest = move || {
        origin
            .get()
            .and_then(|p| nearest_centre(&e.catalogue, p).map(|l| (p, l)))
    };
    let e2 = engine.clone();
    view! {
        <section class="near-me" aria-label=move || t_string!(i18n, near_me).to_string()>
            <button type="button" class="action" on:click=move |_| {
                failed.set(false);
                locate_me(move |lat, lon| origin.set(Some((lat, lon))), move || failed.set(true));
            }>{t!(i18n, near_me)}</button>
            <label for="origin-select">{t!(i18n, distance_from)}</label>
            <select id="origin-select" on:change=move |ev| {
                let code = event_target_value(&ev);
                origin.set(e2.catalogue.municipality_by_code(&code).map(|i| {
                    let (lat, lon) = e2.catalogue.municipalities[i].centre;
                    (lat as f64, lon as f64)
                }));
            }>
                <option value="">{t!(i18n, distance_none)}</option>
                {options}
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
