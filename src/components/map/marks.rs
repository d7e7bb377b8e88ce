//! Marks that orient the reader but are not services: "you are here" (the device's position
//! after "near me", or a kiosk's meeting place) and the centre of the municipality the search is
//! limited to. Each is one named image for screen readers and lets taps through to the markers.

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::map::labels::centre_name;
use perheopas_core::map::projection::latlon_to_tm35;

use super::drawn::Drawn;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{try_use_origin, use_engine, use_here, use_lang};

/// The dot's radius on screen, px: larger than a place's dot, smaller than a marker.
const DOT_PX: f64 = 8.0;
/// The ring around the chosen municipality's centre, px: wider than a marker (drawn over it),
/// so it still shows round one standing on the centre.
const RING_PX: f64 = 19.0;

/// Where the reader is, in drawing units: a kiosk's meeting place, else the point "near me"
/// found. A municipality's centre chosen to measure from is not where anyone is, so it is not
/// shown as one.
pub fn you_are_here(drawn: &Arc<Drawn>) -> Memo<Option<(f64, f64)>> {
    let kiosk = use_here().map(|h| h.location);
    let origin = try_use_origin();
    let engine = use_engine();
    let d = drawn.clone();
    Memo::new(move |_| {
        let (lat, lon) = kiosk.or_else(|| {
            origin.and_then(|o| o.get()).filter(|&(lat, lon)| {
                !engine
                    .catalogue
                    .municipalities
                    .iter()
                    .any(|m| (f64::from(m.centre.0), f64::from(m.centre.1)) == (lat, lon))
            })
        })?;
        let (x, y) = latlon_to_tm35((lat, lon));
        Some(d.t.apply(x, y))
    })
}

/// The base map's centres of the municipalities the search is limited to.
pub fn chosen_centres(drawn: &Arc<Drawn>, query: Memo<Query>) -> Memo<Vec<usize>> {
    let d = drawn.clone();
    Memo::new(move |_| {
        query.with(|q| {
            q.municipalities
                .iter()
                .filter_map(|code| d.base.centres.iter().position(|c| &c.code == code))
                .collect()
        })
    })
}

/// "You are here": a blue dot in a white ring over a soft halo, drawn below the markers so a
/// cluster it stands on keeps its count readable; the halo, wider than a marker, shows round it.
#[component]
pub fn YouAreHere(
    at: Memo<Option<(f64, f64)>>,
    /// Drawing units per screen pixel.
    #[prop(into)]
    units_per_px: Signal<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (x, y) = at.get()?;
        let u = units_per_px.get();
        Some(view! {
            <g class="you-are-here" role="img" aria-label=move || t_string!(i18n, map_you_are_here).to_string() pointer-events="none">
                <circle cx=x cy=y r=DOT_PX * 3.2 * u fill="#1a73e8" fill-opacity="0.35" stroke="#1a73e8" stroke-width=u></circle>
                <circle cx=x cy=y r=DOT_PX * u fill="#1a73e8" stroke="#fff" stroke-width=3.0 * u></circle>
            </g>
        })
    }
}

/// A ring round each chosen municipality's centre, below the markers, named for screen readers
/// (the name itself is drawn, emphasised, with the other place names).
#[component]
pub fn ChosenCentres(
    drawn: Arc<Drawn>,
    chosen: Memo<Vec<usize>>,
    #[prop(into)] units_per_px: Signal<f64>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let u = units_per_px.get();
        let lang = lang.get();
        let loc = locale(lang);
        chosen
            .get()
            .into_iter()
            .map(|i| {
                let c = &drawn.base.centres[i];
                let (x, y) = drawn.t.apply(c.x as f64, c.y as f64);
                let label = td_string!(loc, map_chosen_centre, name = centre_name(c, lang)).to_string();
                view! {
                    <g class="chosen-centre" role="img" aria-label=label pointer-events="none">
                        <circle cx=x cy=y r=RING_PX * u fill="none" stroke="#fff" stroke-width=5.0 * u></circle>
                        <circle cx=x cy=y r=RING_PX * u fill="none" stroke="#2a2f33" stroke-width=2.5 * u></circle>
                        <circle cx=x cy=y r=3.0 * u fill="#2a2f33"></circle>
                    </g>
                }
            })
            .collect_view()
    }
}
