//! The offline map: Finland, its regions and lakes drawn as SVG from the bundled base map, the
//! results as clustered markers, pan and zoom by touch, wheel and keyboard. The list stays the
//! main view; the map is an alternative with a text summary and focusable markers.

use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::Query;
use perheopas_core::map::basemap::{rings_to_svg_path, BaseMap, Bounds, SvgTransform};
use perheopas_core::map::cluster::{cluster, Cluster};
use perheopas_core::map::locate::{service_markers, MarkerId};
use perheopas_core::map::projection::latlon_to_tm35;

use crate::components::content::Content;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_engine, use_highlight, use_lang};
use crate::url_state::href;

/// Marker cells: one cluster per this many pixels, about a fingertip.
const CELL_PX: f64 = 48.0;

/// The base map drawn once, in kilometre units; pan and zoom only move the viewBox.
struct Drawn {
    base: BaseMap,
    t: SvgTransform,
    land: String,
    regions: String,
    lakes: String,
    whole: [f64; 4],
}

async fn load() -> Result<Arc<Drawn>, String> {
    let base = crate::load::basemap().await?;
    let t = SvgTransform::km(base.bounds);
    let land = rings_to_svg_path(&base.country, &t);
    let regions = base
        .regions
        .iter()
        .map(|r| rings_to_svg_path(&r.rings, &t))
        .collect::<Vec<_>>()
        .join(" ");
    let lakes = rings_to_svg_path(&base.lakes, &t);
    let whole = to_view(&t, base.bounds);
    Ok(Arc::new(Drawn {
        base,
        t,
        land,
        regions,
        lakes,
        whole,
    }))
}

/// Metre bounds → viewBox (x, y, w, h) in the drawing's units.
fn to_view(t: &SvgTransform, b: Bounds) -> [f64; 4] {
    let (x0, y0) = t.apply(b[0] as f64, b[3] as f64);
    let (x1, y1) = t.apply(b[2] as f64, b[1] as f64);
    [x0, y0, x1 - x0, y1 - y0]
}

/// The chosen county or municipality, framed.
fn area_view(d: &Drawn, q: &Query, cat: &perheopas_core::Catalogue) -> Option<[f64; 4]> {
    let b = if let Some(m) = q.municipalities.first() {
        d.base.municipality_bounds(m)
    } else {
        q.counties
            .first()
            .and_then(|c| cat.county_by_code(c))
            .and_then(|i| d.base.county_bounds(&cat.counties[i].code))
    }?;
    Some(to_view(&d.t, b))
}

fn zoom(v: [f64; 4], factor: f64, fx: f64, fy: f64) -> [f64; 4] {
    // (fx, fy): the focus point as a fraction of the view, kept in place.
    let (w, h) = (v[2] / factor, v[3] / factor);
    [v[0] + (v[2] - w) * fx, v[1] + (v[3] - h) * fy, w, h]
}

#[component]
pub fn MapView(query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let drawn = LocalResource::new(load);
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

#[component]
fn MapCanvas(drawn: Arc<Drawn>, query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let svg_ref = NodeRef::<html::Div>::new();
    let whole = drawn.whole;
    let d = drawn.clone();
    let cat_engine = engine.clone();
    let area = Memo::new(move |_| query.with(|q| area_view(&d, q, &cat_engine.catalogue)));
    let view_box = RwSignal::new(area.get_untracked().unwrap_or(whole));
    // A new area choice frames that area.
    Effect::new(move |prev: Option<Option<[f64; 4]>>| {
        let a = area.get();
        if prev.is_some() {
            view_box.set(a.unwrap_or(whole));
        }
        a
    });
    let selected = RwSignal::new(None::<Vec<MarkerId>>);
    let highlight = use_highlight().map(|h| h.service);
    // A service picked in the list: centre the map on it, close enough to see the street area.
    let e = engine.clone();
    let d = drawn.clone();
    Effect::new(move |_| {
        let Some(i) = highlight.and_then(|h| h.get()) else {
            return;
        };
        let Some((lat, lon)) = e.catalogue.services[i as usize]
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

    let px_width = move || {
        svg_ref
            .get()
            .map(|e| e.client_width() as f64)
            .filter(|w| *w > 0.0)
            .unwrap_or(400.0)
    };
    let units_per_px = move || view_box.with(|v| v[2]) / px_width();

    let e = engine.clone();
    let placed = Memo::new(move |_| results.with(|r| service_markers(&e.catalogue, &r.hits)));
    let d = drawn.clone();
    let clusters = Memo::new(move |_| {
        let upp = units_per_px();
        // Cluster in metres, draw in the base map's units.
        let metres_per_px = upp * d.t.metres_per_unit();
        placed
            .with(|(markers, _)| cluster(markers, metres_per_px, CELL_PX))
            .into_iter()
            .map(|c| {
                let (sx, sy) = d.t.apply(c.x, c.y);
                (sx, sy, c)
            })
            .collect::<Vec<(f64, f64, Cluster<MarkerId>)>>()
    });
    let unplaced = Memo::new(move |_| placed.with(|(_, unplaced)| unplaced.clone()));

    // Pointer state for drag and pinch: active pointers and their last positions.
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let on_down = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| {
            p.push((ev.pointer_id(), ev.client_x() as f64, ev.client_y() as f64))
        });
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        pointers.update_value(|p| p.retain(|x| x.0 != ev.pointer_id()))
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let mut ps = pointers.get_value();
        let Some(i) = ps.iter().position(|p| p.0 == id) else {
            return;
        };
        let upp = units_per_px();
        if ps.len() == 1 {
            let (dx, dy) = (x - ps[i].1, y - ps[i].2);
            view_box.update(|v| {
                v[0] -= dx * upp;
                v[1] -= dy * upp;
            });
        } else if ps.len() == 2 {
            let other = ps[1 - i];
            let before = ((ps[i].1 - other.1).powi(2) + (ps[i].2 - other.2).powi(2)).sqrt();
            let after = ((x - other.1).powi(2) + (y - other.2).powi(2)).sqrt();
            if before > 0.0 && after > 0.0 {
                view_box.update(|v| *v = zoom(*v, after / before, 0.5, 0.5));
            }
        }
        ps[i] = (id, x, y);
        pointers.set_value(ps);
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        let Some(el) = svg_ref.get() else { return };
        let rect = el.get_bounding_client_rect();
        let fx = ((ev.client_x() as f64 - rect.left()) / rect.width()).clamp(0.0, 1.0);
        let fy = ((ev.client_y() as f64 - rect.top()) / rect.height()).clamp(0.0, 1.0);
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        view_box.update(|v| *v = zoom(*v, factor, fx, fy));
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = 0.15;
        match ev.key().as_str() {
            "+" | "=" => view_box.update(|v| *v = zoom(*v, 1.5, 0.5, 0.5)),
            "-" | "_" => view_box.update(|v| *v = zoom(*v, 1.0 / 1.5, 0.5, 0.5)),
            "ArrowLeft" => view_box.update(|v| v[0] -= v[2] * step),
            "ArrowRight" => view_box.update(|v| v[0] += v[2] * step),
            "ArrowUp" => view_box.update(|v| v[1] -= v[3] * step),
            "ArrowDown" => view_box.update(|v| v[1] += v[3] * step),
            _ => return,
        }
        ev.prevent_default();
    };

    let e = engine.clone();
    let markers = move || {
        let upp = units_per_px();
        let r = 14.0 * upp;
        let lang = lang.get();
        let loc = locale(lang);
        let chosen = selected.get();
        let picked = highlight.and_then(|h| h.get());
        clusters.with(|cs| {
            cs.iter()
                .map(|(sx, sy, c)| {
                    let ids = c.ids.clone();
                    let n = c.len();
                    let is_selected = chosen.as_ref().is_some_and(|s| *s == ids) || picked.is_some_and(|p| ids.iter().any(|m| m.service == p));
                    let label = if n == 1 {
                        let s = &e.catalogue.services[ids[0].service as usize];
                        s.name.get(lang).text.to_string()
                    } else {
                        td_string!(loc, cluster_label, count = n).to_string()
                    };
                    let ids2 = ids.clone();
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
                                selected.set(Some(ids.clone()))
                            }
                            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " {
                                ev.prevent_default();
                                selected.set(Some(ids2.clone()));
                            }
                        >
                            <circle cx=*sx cy=*sy r=if n == 1 { r * 0.7 } else { r }></circle>
                            {(n > 1).then(|| view! { <text x=*sx y=*sy dy="0.35em" font-size=r * 1.0>{n}</text> })}
                        </g>
                    }
                })
                .collect_view()
        })
    };

    let places = move || clusters.with(|c| c.iter().map(|(_, _, c)| c.len()).sum::<usize>());
    let e = engine.clone();
    let panel = move || {
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
                        let s = &e.catalogue.services[i as usize];
                        view! { <li><a href=href(&q, Some(&s.id))><Content text=s.name.clone() lang/></a></li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    };
    let unplaced_list = move || {
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
    };

    view! {
        <div class="map-controls">
            <button type="button" class="action" on:click=move |_| view_box.update(|v| *v = zoom(*v, 1.5, 0.5, 0.5))>{t!(i18n, zoom_in)}</button>
            <button type="button" class="action" on:click=move |_| view_box.update(|v| *v = zoom(*v, 1.0 / 1.5, 0.5, 0.5))>{t!(i18n, zoom_out)}</button>
            <button type="button" class="action" on:click=move |_| view_box.set(whole)>{t!(i18n, zoom_reset)}</button>
            <Show when=move || area.get().is_some()>
                <button type="button" class="action" on:click=move |_| if let Some(a) = area.get() { view_box.set(a) }>{t!(i18n, zoom_area)}</button>
            </Show>
        </div>
        <div class="map-frame" node_ref=svg_ref>
            <svg
                class="map"
                role="group"
                tabindex="0"
                aria-label=move || t_string!(i18n, map_label, places = places()).to_string()
                viewBox=move || view_box.with(|v| format!("{:.2} {:.2} {:.2} {:.2}", v[0], v[1], v[2], v[3]))
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:wheel=on_wheel
                on:keydown=on_key
            >
                <path class="land" d=drawn.land.clone() fill-rule="evenodd"></path>
                <path class="regions" d=drawn.regions.clone() fill="none"></path>
                <path class="lakes" d=drawn.lakes.clone() fill-rule="evenodd"></path>
                <g class="markers">{markers}</g>
            </svg>
        </div>
        {panel}
        {unplaced_list}
    }
}
