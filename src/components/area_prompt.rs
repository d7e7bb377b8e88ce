//! "Where do you live?": asked once on the app's first visit (and again from the home chip), in
//! plain words — a municipality by name in Finnish or Swedish or by postcode (a combobox over
//! the catalogue's municipalities, sorted in the UI language), the device's position ("near
//! me"), or skip. The answer is kept on the device (`state::Home`) and sets the area of new
//! searches, the contact point and the family centre shown.

use std::collections::BTreeMap;

use leptos::prelude::*;
use perheopas_core::collate;
use perheopas_core::filter::Query;
use perheopas_core::map::locate::nearest_centre;
use perheopas_core::model::{Catalogue, Lang};

use crate::components::origin::locate_me;
use crate::i18n::*;
use crate::state::{focus_results_next, use_engine, use_home, use_lang, use_origin, HomeChoice};

/// How many suggestions the list shows at once: a phone screen's worth.
const SHOWN: usize = 8;

/// The municipalities a typed text may mean, best first: names (Finnish or Swedish) starting
/// with it in the UI language's order, then names containing it; digits are read as the start
/// of a postcode the catalogue's addresses know.
pub fn matching(
    cat: &Catalogue,
    postcodes: &BTreeMap<String, u16>,
    text: &str,
    lang: Lang,
) -> Vec<u16> {
    let typed = text.trim().to_lowercase();
    if typed.is_empty() {
        return Vec::new();
    }
    if typed.chars().all(|c| c.is_ascii_digit()) {
        let mut out: Vec<u16> = postcodes
            .range(typed.clone()..)
            .take_while(|(pc, _)| pc.starts_with(&typed))
            .map(|(_, &m)| m)
            .collect();
        perheopas_core::order::sort_dedup(&mut out);
        sort_by_name(cat, &mut out, lang);
        return out;
    }
    let names = |m: &perheopas_core::model::Municipality| {
        [
            Some(m.name.fi.to_lowercase()),
            m.name.sv.as_ref().map(|s| s.to_lowercase()),
        ]
    };
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for (i, m) in cat.municipalities.iter().enumerate() {
        let names = names(m);
        if names.iter().flatten().any(|n| n.starts_with(&typed)) {
            starts.push(i as u16);
        } else if names.iter().flatten().any(|n| n.contains(&typed)) {
            contains.push(i as u16);
        }
    }
    sort_by_name(cat, &mut starts, lang);
    sort_by_name(cat, &mut contains, lang);
    starts.extend(contains);
    starts
}

fn sort_by_name(cat: &Catalogue, list: &mut [u16], lang: Lang) {
    perheopas_core::order::sort_by(list, |&a, &b| {
        collate::compare(
            cat.municipalities[a as usize].name.get(lang).text,
            cat.municipalities[b as usize].name.get(lang).text,
            lang,
        )
    });
}

/// Postcode → municipality, from the addresses of the catalogue's places.
pub fn postcodes(cat: &Catalogue) -> BTreeMap<String, u16> {
    cat.services
        .iter()
        .flat_map(|s| s.delivery.iter())
        .filter_map(|d| d.address.as_ref())
        .map(|a| (a.postcode.clone(), a.municipality))
        .collect()
}

/// A municipality's name as the list shows it: in the UI language, with the other national
/// language's name beside it when it differs ("Kuopio", "Pietarsaari – Jakobstad").
fn option_name(cat: &Catalogue, m: u16, lang: Lang) -> String {
    let name = &cat.municipalities[m as usize].name;
    let main = name.get(lang).text.to_string();
    let other = match lang {
        Lang::Sv => Some(name.fi.clone()),
        _ => name.sv.clone(),
    };
    match other {
        Some(o) if o != main => format!("{main} – {o}"),
        _ => main,
    }
}

/// Moves focus to an element by id once the next frame is drawn.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

#[component]
pub fn AreaPrompt(
    query: Memo<Query>,
    at_start: Memo<bool>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let home = use_home();
    let lang = use_lang();
    let origin = use_origin();
    let i18n = use_i18n();
    let codes = StoredValue::new(postcodes(&engine.catalogue));
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let e = engine.clone();
    let found = Memo::new(move |_| {
        let t = text.get();
        codes.with_value(|c| matching(&e.catalogue, c, &t, lang.get()))
    });
    let first_visit = home.choice.get_untracked() == HomeChoice::Unasked;

    // A municipality chosen: remembered; on the results the search moves there and focus goes
    // to its heading, on the start view to the chip that now names it.
    let e = engine.clone();
    let choose = Callback::new(move |m: u16| {
        let code = e.catalogue.municipalities[m as usize].code.clone();
        home.answer(HomeChoice::Municipality(code.clone()));
        if at_start.get_untracked() {
            focus_later("home-chip");
        } else {
            let mut q = query.get_untracked();
            q.municipalities = vec![code];
            q.counties.clear();
            q.service_areas.clear();
            focus_results_next();
            on_change.run((q, false));
        }
    });
    let close = Callback::new(move |()| {
        if home.choice.get_untracked() == HomeChoice::Unasked {
            home.answer(HomeChoice::Skipped);
        } else {
            home.asking.set(false);
        }
        focus_later("home-chip");
    });
    let pick_active = move || {
        let list = found.get_untracked();
        // Enter takes the highlighted name, or the only one / an exact match.
        let typed = text.get_untracked().trim().to_lowercase();
        let exact = list.iter().copied().find(|&m| {
            let n = &engine.catalogue.municipalities[m as usize].name;
            n.fi.to_lowercase() == typed || n.sv.as_ref().is_some_and(|s| s.to_lowercase() == typed)
        });
        let pick = active
            .get_untracked()
            .and_then(|i| list.get(i).copied())
            .or(exact)
            .or_else(|| (list.len() == 1).then(|| list[0]));
        if let Some(m) = pick {
            choose.run(m);
        }
    };
    let e = use_engine();
    let options = move || {
        let lang = lang.get();
        found
            .get()
            .into_iter()
            .take(SHOWN)
            .enumerate()
            .map(|(i, m)| {
                let name = option_name(&e.catalogue, m, lang);
                view! {
                    <li
                        role="option"
                        id=format!("home-option-{i}")
                        aria-selected=move || (active.get() == Some(i)).to_string()
                        // Chosen on mousedown, before the input's blur closes the list.
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            choose.run(m);
                        }
                    >
                        {name}
                    </li>
                }
            })
            .collect_view()
    };
    let e = use_engine();
    view! {
        <section
            class="area-prompt"
            aria-labelledby="area-prompt-title"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && !open.get_untracked() {
                    ev.prevent_default();
                    close.run(());
                }
            }
        >
            <h2 id="area-prompt-title">{t!(i18n, home_title)}</h2>
            <p>{t!(i18n, home_why)}</p>
            <label for="home-input">{t!(i18n, home_label)}</label>
            <div class="combo">
                <input
                    id="home-input"
                    type="text"
                    role="combobox"
                    autocomplete="off"
                    aria-autocomplete="list"
                    aria-controls="home-options"
                    aria-describedby="home-hint"
                    aria-expanded=move || (open.get() && !found.with(Vec::is_empty)).to_string()
                    aria-activedescendant=move || active.get().map(|i| format!("home-option-{i}"))
                    prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        active.set(None);
                        open.set(true);
                    }
                    on:blur=move |_| open.set(false)
                    on:keydown=move |ev| {
                        let n = found.with_untracked(|f| f.len().min(SHOWN));
                        match ev.key().as_str() {
                            "ArrowDown" if n > 0 => {
                                ev.prevent_default();
                                open.set(true);
                                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                            }
                            "ArrowUp" if n > 0 => {
                                ev.prevent_default();
                                open.set(true);
                                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
                            }
                            "Enter" => {
                                ev.prevent_default();
                                pick_active();
                            }
                            "Escape" if open.get_untracked() => {
                                ev.prevent_default();
                                open.set(false);
                                active.set(None);
                            }
                            _ => {}
                        }
                    }
                />
                <ul
                    id="home-options"
                    role="listbox"
                    aria-label=move || t_string!(i18n, home_options).to_string()
                    hidden=move || !open.get() || found.with(Vec::is_empty)
                >
                    {options}
                </ul>
            </div>
            <p id="home-hint" class="hint" role="status">
                {move || {
                    let typed = !text.with(|t| t.trim().is_empty());
                    if typed && found.with(Vec::is_empty) {
                        t_string!(i18n, home_none_found).to_string()
                    } else {
                        t_string!(i18n, home_hint).to_string()
                    }
                }}
            </p>
            <div class="area-prompt-actions">
                <button type="button" class="action" on:click=move |_| {
                    failed.set(false);
                    let e = e.clone();
                    locate_me(
                        move |lat, lon| {
                            origin.set(Some((lat, lon)));
                            if let Some(l) = nearest_centre(&e.catalogue, (lat, lon)) {
                                choose.run(l.municipality);
                            }
                        },
                        move || failed.set(true),
                    );
                }>{t!(i18n, home_near_me)}</button>
                <button type="button" class="action secondary" on:click=move |_| close.run(())>
                    {move || if first_visit { t_string!(i18n, home_skip).to_string() } else { t_string!(i18n, home_cancel).to_string() }}
                </button>
            </div>
            <p class="hint">{t!(i18n, near_me_note)}</p>
            <Show when=move || failed.get()>
                <p class="notice" role="status">{t!(i18n, home_near_me_failed)}</p>
            </Show>
        </section>
    }
}
