//! The offline map: Finland, its regions and lakes drawn as SVG from the bundled base map, the
//! results as clustered markers, pan and zoom by touch, wheel and keyboard. The list stays the
//! main view; the map is an alternative with a text summary and focusable markers.

mod drawn;
mod gestures;
mod markers;
mod marks;

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;
use perheopas_core::map::cluster::cluster;
use perheopas_core::map::labels::{
    place_names, scale_bar, scale_label, PlaceName, CHOSEN_PX, NAME_PX,
};
use perheopas_core::map::locate::{service_markers, MarkerId};
use perheopas_core::map::projection::latlon_to_tm35;

use crate::i18n::*;
use crate::state::{use_engine, use_highlight, use_lang};
use drawn::{area_view, Drawn, ViewBox};
use gestures::Gestures;
use markers::{MarkerPanel, Markers, Placed, Unplaced};
use marks::{chosen_centres, you_are_here, ChosenCentres, YouAreHere};

/// Marker cells: one cluster per this many pixels, about a fingertip.
const CELL_PX: f64 = 48.0;

#[component]
pub fn MapView(query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let drawn = LocalResource::new(drawn::load);
    let i18n = use_i18n();
    view! {
        <section class="map-view" aria-labelledby="map-title">
            <h2 id="map-title" class="visually-hidden">{t!(i18n, view_map)}</h2>
            {move || match drawn.get() {
                None => view! { <p role="status">{t!(i18n, map_loading)}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="notice" role="alert">{t!(i18n, map_failed)} " (" {e} ")"</p> }.into_any(),
                Some(Ok(d)) => view! { <MapCanvas drawn=d query results/> }.into_any(),
            }}
            <p class="map-attribution">{t!(i18n, map_attribution)}</p>
        </section>
    }
}

/// The drawn map with its controls, markers and the lists beside it.
#[component]
fn MapCanvas(drawn: Arc<Drawn>, query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let engine = use_engine();
    let i18n = use_i18n();
    let whole = drawn.whole;
    let d = drawn.clone();
    let area = Memo::new(move |_| query.with(|q| area_view(&d, q, &engine.catalogue)));
    let view_box = RwSignal::new(area.get_untracked().unwrap_or(whole));
    let gestures = Gestures::new(view_box);
    frame_area_and_pick(&drawn, area, view_box);
    let highlight = use_highlight().map(|h| h.service);
    let selected = RwSignal::new(None::<Vec<MarkerId>>);
    let (clusters, unplaced) = clustered(&drawn, results, gestures);
    let places = move || clusters.with(|c| c.iter().map(|(_, _, c)| c.len()).sum::<usize>());
    let radius = Signal::derive(move || markers::MARKER_PX * gestures.units_per_px());
    let zoom_to = zoom_to_cluster(&drawn, view_box);
    let chosen = chosen_centres(&drawn, query);
    let here = you_are_here(&drawn);
    let units_per_px = Signal::derive(move || gestures.units_per_px());
    let names = oriented_names(&drawn, view_box, gestures, clusters, chosen);
    let d = drawn.clone();
    // A bar of a round length up to 120 px, so distances on the map can be judged.
    let scale =
        Memo::new(move |_| scale_bar(gestures.units_per_px() * d.t.metres_per_unit(), 120.0));

    // In the page, one finger scrolls the page past the map (the browser's own panning);
    // full screen, the map takes every gesture, as embedded maps do.
    let full = gestures.full;
    let (open_ref, close_ref) = (
        NodeRef::<leptos::html::Button>::new(),
        NodeRef::<leptos::html::Button>::new(),
    );
    // Focus goes with the view: into the full-screen map, and back to its button after.
    let show_full = move |on: bool| {
        full.set(on);
        let target = if on { close_ref } else { open_ref };
        set_timeout(
            move || {
                if let Some(b) = target.get_untracked() {
                    let _ = b.focus();
                }
            },
            std::time::Duration::ZERO,
        );
    };
    view! {
        <div class="map-controls">
            <button type="button" class="action" node_ref=open_ref on:click=move |_| show_full(true)>{t!(i18n, map_fullscreen)}</button>
            <button type="button" class="action" on:click=move |_| gestures.zoom_by(1.5)>{t!(i18n, zoom_in)}</button>
            <button type="button" class="action" on:click=move |_| gestures.zoom_by(1.0 / 1.5)>{t!(i18n, zoom_out)}</button>
            <button type="button" class="action" on:click=move |_| view_box.set(whole)>{t!(i18n, zoom_reset)}</button>
            <Show when=move || area.get().is_some()>
                <button type="button" class="action" on:click=move |_| if let Some(a) = area.get() { view_box.set(a) }>{t!(i18n, zoom_area)}</button>
            </Show>
        </div>
        <div
            class="map-frame"
            class:fullscreen=move || full.get()
            node_ref=gestures.frame
            on:keydown=move |ev| if ev.key() == "Escape" && full.get_untracked() { show_full(false) }
        >
            <Show when=move || full.get()>
                <button type="button" class="action map-close" node_ref=close_ref on:click=move |_| show_full(false)>{t!(i18n, map_fullscreen_close)}</button>
            </Show>
            <svg
                class="map"
                role="group"
                tabindex="0"
                aria-label=move || t_string!(i18n, map_label, places = places()).to_string()
                viewBox=move || view_box.with(|v| format!("{:.2} {:.2} {:.2} {:.2}", v[0], v[1], v[2], v[3]))
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=move |ev| gestures.down(ev)
                on:pointermove=move |ev| gestures.moved(ev)
                on:pointerup=move |ev| gestures.up(ev)
                on:pointercancel=move |ev| gestures.up(ev)
                on:wheel=move |ev| gestures.wheel(ev)
                on:keydown=move |ev| gestures.key(ev)
            >
                <path class="land" d=drawn.land.clone() fill-rule="evenodd"></path>
                <path class="regions" d=drawn.regions.clone() fill="none"></path>
                <path class="lakes" d=drawn.lakes.clone() fill-rule="evenodd"></path>
                // Names to orient by; the markers and their summary carry what a screen reader needs.
                <g class="place-names" aria-hidden="true">
                    {move || {
                        let u = gestures.units_per_px();
                        names
                            .get()
                            .into_iter()
                            .map(|n| {
                                let px = if n.chosen { CHOSEN_PX } else { NAME_PX };
                                view! {
                                    <circle cx=n.x cy=n.y r=2.5 * u></circle>
                                    <text x=n.text_x y=n.text_y class:chosen=n.chosen font-size=px * u stroke-width=3.0 * u>{n.text}</text>
                                }
                            })
                            .collect_view()
                    }}
                </g>
                <ChosenCentres drawn=drawn.clone() chosen units_per_px/>
                // Below the markers: standing on a cluster it must not hide the cluster's count;
                // its halo, wider than a marker, still shows round it.
                <YouAreHere at=here units_per_px/>
                <g class="markers"><Markers clusters radius selected highlight zoom_to/></g>
            </svg>
            <div class="map-scale" aria-hidden="true">
                <span class="map-scale-bar" style:width=move || format!("{:.0}px", scale.get().1)></span>
                <span>{move || scale_label(scale.get().0)}</span>
            </div>
        </div>
        <MarkerPanel selected query/>
        <Unplaced unplaced query/>
    }
}

/// A new area choice frames that area; a service picked in the list centres the map on it,
/// close enough to see the street area.
fn frame_area_and_pick(
    drawn: &Arc<Drawn>,
    area: Memo<Option<ViewBox>>,
    view_box: RwSignal<ViewBox>,
) {
    let whole = drawn.whole;
    Effect::new(move |prev: Option<Option<ViewBox>>| {
        let a = area.get();
        if prev.is_some() {
            view_box.set(a.unwrap_or(whole));
        }
        a
    });
    let highlight = use_highlight().map(|h| h.service);
    let engine = use_engine();
    let d = drawn.clone();
    Effect::new(move |_| {
        let Some(i) = highlight.and_then(|h| h.get()) else {
            return;
        };
        let Some((lat, lon)) = engine.catalogue.services[i as usize]
            .delivery
            .iter()
            .find_map(|p| p.location)
        else {
            return;
        };
        let (x, y) = latlon_to_tm35((lat as f64, lon as f64));
        let (sx, sy) = d.t.apply(x, y);
        let (w, h) = view_box.with_untracked(|v| (v[2], v[3]));
        let scale = (30.0 / w).min(1.0);
        view_box.set([
            sx - w * scale / 2.0,
            sy - h * scale / 2.0,
            w * scale,
            h * scale,
        ]);
    });
}

/// Frames a cluster's places (TM35FIN metres) with room around them, no closer than a street
/// view, so the cluster falls apart into its places.
fn zoom_to_cluster(drawn: &Arc<Drawn>, view_box: RwSignal<ViewBox>) -> Callback<[f64; 4]> {
    let d = drawn.clone();
    Callback::new(move |b: [f64; 4]| {
        let (x0, y0) = d.t.apply(b[0], b[3]);
        let (x1, y1) = d.t.apply(b[2], b[1]);
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (w, h) = view_box.with_untracked(|v| (v[2], v[3]));
        // Half again the cluster's extent, never under 1 km across in drawing units.
        let min = 1000.0 / d.t.metres_per_unit();
        let scale = ((x1 - x0).max(min) * 1.5 / w)
            .max((y1 - y0).max(min) * 1.5 / h)
            .min(0.5);
        view_box.set([
            cx - w * scale / 2.0,
            cy - h * scale / 2.0,
            w * scale,
            h * scale,
        ]);
    })
}

/// The municipality centres whose names fit the current view, in the UI language, the chosen
/// municipality's first. Names move clear of the markers, which mostly stand on the centres
/// they would name.
fn oriented_names(
    drawn: &Arc<Drawn>,
    view_box: RwSignal<ViewBox>,
    gestures: Gestures,
    clusters: Memo<Placed>,
    chosen: Memo<Vec<usize>>,
) -> Memo<Vec<PlaceName>> {
    let lang = use_lang();
    let d = drawn.clone();
    Memo::new(move |_| {
        let v = view_box.get();
        let u = gestures.units_per_px();
        let r = markers::MARKER_PX * u;
        let avoid: Vec<[f64; 4]> = clusters.with(|cs| {
            cs.iter()
                .map(|(x, y, _)| [x - r, y - r, x + r, y + r])
                .collect()
        });
        chosen.with(|c| place_names(&d.base.centres, &d.t, v, u, lang.get(), &avoid, c))
    })
}

/// The results' places clustered for the current zoom, and the results with no place.
fn clustered(
    drawn: &Arc<Drawn>,
    results: Memo<Results>,
    gestures: Gestures,
) -> (Memo<Placed>, Memo<Vec<u32>>) {
    let engine = use_engine();
    let placed = Memo::new(move |_| results.with(|r| service_markers(&engine.catalogue, &r.hits)));
    let d = drawn.clone();
    let clusters = Memo::new(move |_| {
        // Cluster in metres, draw in the base map's units.
        let metres_per_px = gestures.units_per_px() * d.t.metres_per_unit();
        placed
            .with(|(markers, _)| cluster(markers, metres_per_px, CELL_PX))
            .into_iter()
            .map(|c| {
                let (sx, sy) = d.t.apply(c.x, c.y);
                (sx, sy, c)
            })
            .collect::<Placed>()
    });
    let unplaced = Memo::new(move |_| placed.with(|(_, unplaced)| unplaced.clone()));
    (clusters, unplaced)
}
