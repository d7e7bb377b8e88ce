//! Where distances are measured from, and the sort control. One owner: the point a family gave
//! ("near me": the browser's position, asked for only when the user taps, never sent anywhere)
//! or a kiosk's meeting place comes first; without one, the home municipality's centre. Cards
//! show distances whenever there is such an origin; nearest first is a separate choice, offered
//! as a sort control beside the result count. "Which municipality am I in" is answered offline
//! from the municipality centres.

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use perheopas_core::map::locate::nearest_centre;
use perheopas_core::model::{Catalogue, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{
    try_use_engine, try_use_home, try_use_nearest_first, try_use_origin, use_engine, use_here,
    use_lang, use_origin, Home,
};

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

/// Where the distances shown are measured from, in order of precedence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MeasuredFrom {
    /// A point given: the device's position ("near me") or a kiosk's meeting place.
    Here((f64, f64)),
    /// The home municipality's centre (an index into the catalogue's municipalities), when no
    /// point is given.
    HomeCentre(usize),
}

impl MeasuredFrom {
    pub fn point(self, cat: &Catalogue) -> (f64, f64) {
        match self {
            MeasuredFrom::Here(p) => p,
            MeasuredFrom::HomeCentre(m) => {
                let (lat, lon) = cat.municipalities[m].centre;
                (f64::from(lat), f64::from(lon))
            }
        }
    }

    /// "3,2 km täältä", or from a municipality's centre with its name, so a family never takes
    /// a distance from the town centre for one from where they stand.
    pub fn distance_label(self, cat: &Catalogue, lang: Lang, km: f64) -> String {
        let loc = locale(lang);
        let km = km_text(km, lang);
        match self {
            MeasuredFrom::Here(_) => td_string!(loc, distance_km, km = km).to_string(),
            MeasuredFrom::HomeCentre(m) => {
                let name = cat.municipalities[m].name.get(lang).text.to_string();
                td_string!(loc, distance_from_centre, km = km, name = name).to_string()
            }
        }
    }
}

/// A distance as the language writes it: one decimal under 10 km, a comma but in English.
fn km_text(km: f64, lang: Lang) -> String {
    let km = if km < 10.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    };
    if lang == Lang::En {
        km
    } else {
        km.replace('.', ",")
    }
}

/// The one place the origin is worked out: the given point, else the home municipality's
/// centre. The returned closure reads signals, so it is reactive where it is called tracked.
/// Outside the loaded app (no engine, no home) it answers the given point or nothing.
pub fn use_measured_from() -> impl Fn() -> Option<MeasuredFrom> + Clone + Send + Sync + 'static {
    let point = try_use_origin();
    let home: Option<Home> = try_use_home();
    let engine: Option<Arc<Engine>> = try_use_engine();
    move || {
        precedence(point.and_then(|o| o.get()), || {
            let code = home?.municipality()?;
            engine.as_ref()?.catalogue.municipality_by_code(&code)
        })
    }
}

/// A point given (near me, a kiosk's place) comes before the home municipality's centre, which
/// is looked up only when needed.
fn precedence(
    point: Option<(f64, f64)>,
    home_centre: impl FnOnce() -> Option<usize>,
) -> Option<MeasuredFrom> {
    match point {
        Some(p) => Some(MeasuredFrom::Here(p)),
        None => home_centre().map(MeasuredFrom::HomeCentre),
    }
}

/// "Near me" and the sort control beside the result count: relevance, or nearest first from
/// wherever distances are measured from, or nearest first from the device's position (asked
/// for on choosing it).
#[component]
pub fn NearMe(query: Memo<Query>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let engine = use_engine();
    let origin = use_origin();
    let nearest_first = try_use_nearest_first().unwrap_or_else(|| RwSignal::new(false));
    let measured_from = use_measured_from();
    let here = use_here();
    let lang = use_lang();
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    let sort_select = NodeRef::<leptos::html::Select>::new();
    // "Near me" is asked for to see what is near: distances from the position, nearest first.
    let locate = move || {
        failed.set(false);
        locate_me(
            move |lat, lon| {
                origin.set(Some((lat, lon)));
                nearest_first.set(true);
            },
            move || {
                failed.set(true);
                // The select showed "nearest to me"; back to the order still in force.
                if let Some(s) = sort_select.get_untracked() {
                    let v = if nearest_first.get_untracked() {
                        "nearest"
                    } else {
                        "relevance"
                    };
                    s.set_value(v);
                }
            },
        );
    };
    let from = measured_from.clone();
    let sorted = Memo::new(move |_| nearest_first.get() && from().is_some());
    // The position is known once "near me" answered; a kiosk's own place is not the visitor's.
    let kiosk_place = here.as_ref().map(|h| h.location);
    let knows_position = move || origin.get().is_some_and(|p| Some(p) != kiosk_place);
    let e = engine.clone();
    let nearest_label = move || {
        let lang = lang.get();
        let loc = locale(lang);
        measured_from().map(|f| match f {
            MeasuredFrom::Here(p) if Some(p) == kiosk_place => {
                let name = here
                    .as_ref()
                    .map_or_else(String::new, |h| h.name.get(lang).text.to_string());
                td_string!(loc, sort_nearest_to, name = name).to_string()
            }
            MeasuredFrom::Here(_) => td_string!(loc, sort_nearest_me).to_string(),
            MeasuredFrom::HomeCentre(m) => {
                let name = e.catalogue.municipalities[m]
                    .name
                    .get(lang)
                    .text
                    .to_string();
                td_string!(loc, sort_nearest_centre, name = name).to_string()
            }
        })
    };
    let e = engine.clone();
    let nearest = move || {
        origin
            .get()
            .and_then(|p| nearest_centre(&e.catalogue, p).map(|l| (p, l)))
    };
    view! {
        <section class="near-me" aria-label=move || t_string!(i18n, near_me).to_string()>
            <button type="button" class="action" on:click=move |_| locate()>{t!(i18n, near_me)}</button>
            <label for="sort-select">{t!(i18n, sort_label)}</label>
            // Each option says whether it is the one in force (`selected`), so the options may come
            // and go (near me answered, a home chosen) without the select losing its value.
            <select id="sort-select" node_ref=sort_select on:change=move |ev| {
                match event_target_value(&ev).as_str() {
                    "me" => locate(),
                    v => nearest_first.set(v == "nearest"),
                }
            }>
                <option value="relevance" prop:selected=move || !sorted.get()>{t!(i18n, sort_relevance)}</option>
                {move || nearest_label().map(|l| view! { <option value="nearest" prop:selected=sorted>{l}</option> })}
                {move || (!knows_position()).then(|| view! { <option value="me">{t!(i18n, sort_nearest_me)}</option> })}
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_me_comes_before_the_home_centre() {
        let me = (63.3, 30.0);
        assert_eq!(
            precedence(Some(me), || Some(7)),
            Some(MeasuredFrom::Here(me))
        );
        assert_eq!(
            precedence(None, || Some(7)),
            Some(MeasuredFrom::HomeCentre(7))
        );
        assert_eq!(precedence(None, || None), None);
    }

    #[test]
    fn the_home_centre_is_the_municipality_centre() {
        let mut cat = Catalogue::default();
        cat.municipalities
            .push(perheopas_core::model::Municipality {
                code: "422".into(),
                name: perheopas_core::model::Text::fi("Lieksa"),
                county: 0,
                centre: (63.3125, 30.0),
            });
        let (lat, lon) = MeasuredFrom::HomeCentre(0).point(&cat);
        assert!((lat - 63.3125).abs() < 1e-6 && (lon - 30.0).abs() < 1e-6);
        assert_eq!(MeasuredFrom::Here((1.0, 2.0)).point(&cat), (1.0, 2.0));
    }

    #[test]
    fn distances_read_as_the_language_writes_them() {
        assert_eq!(km_text(3.24, Lang::Fi), "3,2");
        assert_eq!(km_text(3.24, Lang::En), "3.2");
        assert_eq!(km_text(12.6, Lang::Sv), "13");
    }
}
