//! What the map shows over the base map: the clustered markers, the panel listing the services
//! at the picked marker, and the services that have no place on the map.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::map::cluster::Cluster;
use perheopas_core::map::locate::MarkerId;

use crate::components::content::Content;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_engine, use_lang};
use crate::url_state::href;

/// A cluster marker's drawn radius, px (the `radius` prop is this in drawing units).
pub const MARKER_PX: f64 = 14.0;
/// The radius every marker answers a tap within, px: a target of at least 44 px.
const HIT_PX: f64 = 23.0;
/// A cluster whose places spread over less than this (metres) is one spot: zooming would not
/// part them.
const SPREAD_M: f64 = 150.0;

/// Clusters with their position in the drawing's units.
pub type Placed = Vec<(f64, f64, Cluster<MarkerId>)>;

/// The markers, each a button; a marker of one service also picks its card in the list.
#[component]
pub fn Markers(
    clusters: Memo<Placed>,
    /// Marker radius in drawing units.
    #[prop(into)]
    radius: Signal<f64>,
    selected: RwSignal<Option<Vec<MarkerId>>>,
    highlight: Option<RwSignal<Option<u32>>>,
    /// Zooms the map to a cluster's extent (TM35FIN metres).
    zoom_to: Callback<[f64; 4]>,
) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    move || {
        let r = radius.get();
        let lang = lang.get();
        let loc = locale(lang);
        let chosen = selected.get();
        let picked = highlight.and_then(|h| h.get());
        clusters.with(|cs| {
            cs.iter()
                .map(|(sx, sy, c)| {
                    let ids = c.ids.clone();
                    let n = c.len();
                    let is_selected = chosen.as_ref().is_some_and(|s| *s == ids)
                        || picked.is_some_and(|p| ids.iter().any(|m| m.service == p));
                    let label = if n == 1 {
                        let s = &engine.catalogue.services[ids[0].service as usize];
                        s.name.get(lang).text.to_string()
                    } else {
                        td_string!(loc, cluster_label, count = n).to_string()
                    };
                    let ids2 = ids.clone();
                    // A cluster of places far enough apart to tell from each other opens by
                    // zooming in; one place (or a few in one building) opens its list.
                    let spread = c.bounds[2] - c.bounds[0] >= SPREAD_M || c.bounds[3] - c.bounds[1] >= SPREAD_M;
                    let bounds = c.bounds;
                    let open = move |ids: Vec<MarkerId>| {
                        if n > 1 && spread {
                            zoom_to.run(bounds);
                        } else {
                            selected.set(Some(ids));
                        }
                    };
                    view! {
                        <g
                            class="marker"
                            class:selected=is_selected
                            role="button"
                            tabindex="0"
                            aria-label=label
                            on:click=move |_| {
                                if let (Some(h), [one]) = (highlight, ids.as_slice()) {
                                    h.set(Some(one.service));
                                }
                                open(ids.clone())
                            }
                            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                open(ids2.clone());
                            }
                        >
                            // The touch target: 44 px across whatever the drawn size.
                            <circle class="hit" cx=*sx cy=*sy r=r * HIT_PX / MARKER_PX></circle>
                            <circle cx=*sx cy=*sy r=if n == 1 { r * 0.7 } else { r }></circle>
                            {(n > 1).then(|| view! { <text x=*sx y=*sy dy="0.35em" font-size=r * 1.0>{n}</text> })}
                        </g>
                    }
                })
                .collect_view()
        })
    }
}

/// The services at the picked marker, as links to their pages.
#[component]
pub fn MarkerPanel(selected: RwSignal<Option<Vec<MarkerId>>>, query: Memo<Query>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    move || {
        let ids = selected.get()?;
        let q = query.get();
        let lang = lang.get();
        let mut services: Vec<u32> = ids.iter().map(|m| m.service).collect();
        services.dedup();
        Some(view! {
            <div class="map-panel" role="region" aria-label=move || t_string!(i18n, map_here_title).to_string()>
                <h3>{t!(i18n, map_here_title)}</h3>
                <ul>
                    {services.into_iter().map(|i| {
                        let s = &engine.catalogue.services[i as usize];
                        view! { <li><a href=href(&q, Some(&s.id))><Content text=s.name.clone() lang/></a></li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    }
}

/// Found services with no place on the map, folded under their number.
#[component]
pub fn Unplaced(unplaced: Memo<Vec<u32>>, query: Memo<Query>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    move || {
        let q = query.get();
        let lang = lang.get();
        let list = unplaced.get();
        (!list.is_empty()).then(|| view! {
            <details class="unplaced">
                <summary>{td_string!(locale(lang), unplaced_title, count = list.len()).to_string()}</summary>
                <ul>
                    {list.into_iter().take(100).map(|i| {
                        let s = &engine.catalogue.services[i as usize];
                        view! { <li><a href=href(&q, Some(&s.id))><Content text=s.name.clone() lang/></a></li> }
                    }).collect_view()}
                </ul>
            </details>
        })
    }
}
