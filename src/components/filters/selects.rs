//! The panel's two choices of one value: the area (a whole county or one municipality) and the
//! child's age, each option with its live count.

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::{format_age, parse_age, Query, AGE_BANDS};

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

/// One area at a time in this control: a whole county or one municipality.
#[component]
pub fn AreaSelect(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let cat = &engine.catalogue;
    let (counties, munis) = cat.places_with_services();
    let value = move || {
        query.with(|q| {
            q.municipalities
                .first()
                .map(|m| format!("m:{m}"))
                .or_else(|| q.counties.first().map(|c| format!("c:{c}")))
                .unwrap_or_default()
        })
    };
    let options = counties
        .iter()
        .map(|&c| {
            let county = &cat.counties[c as usize];
            let code = county.code.clone();
            let (name, group_name) = (county.name.clone(), county.name.clone());
            let in_county: Vec<_> = munis
                .iter()
                .copied()
                .filter(|&m| cat.municipalities[m as usize].county == c)
                .collect();
            view! {
                <optgroup label=move || group_name.get(lang.get()).text.to_string()>
                    <option value=format!("c:{code}")>
                        {move || td_string!(locale(lang.get()), area_county_all, county = name.get(lang.get()).text.to_string()).to_string()}
                        " (" {move || results.with(|r| r.counties[c as usize].1)} ")"
                    </option>
                    {in_county
                        .into_iter()
                        .map(|m| {
                            let muni = &cat.municipalities[m as usize];
                            let name = muni.name.clone();
                            view! {
                                <option value=format!("m:{}", muni.code)>
                                    {move || name.get(lang.get()).text.to_string()}
                                    " (" {move || results.with(|r| r.municipalities[m as usize].1)} ")"
                                </option>
                            }
                        })
                        .collect_view()}
                </optgroup>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="area-select">{t!(i18n, area_label)}</label>
            <select
                id="area-select"
                prop:value=value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let mut q = query.get_untracked();
                    q.municipalities.clear();
                    q.counties.clear();
                    if let Some(m) = v.strip_prefix("m:") {
                        q.municipalities.push(m.to_string());
                    } else if let Some(c) = v.strip_prefix("c:") {
                        q.counties.push(c.to_string());
                    }
                    on_change.run((q, false));
                }
            >
                <option value="">{t!(i18n, area_all)}</option>
                {options}
            </select>
        </div>
    }
}

/// The age bands, plus the query's own age when a link carries another one.
#[component]
pub fn AgeSelect(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let lang = use_lang();
    let i18n = use_i18n();
    let options = move || {
        let lang = lang.get();
        let mut ages: Vec<(i8, i8)> = AGE_BANDS.to_vec();
        if let Some(a) = query.with(|q| q.age).filter(|a| !ages.contains(a)) {
            ages.push(a);
        }
        ages.into_iter()
            .map(|a| {
                let count = results.with(|r| Results::count(&r.ages, &a));
                let count = if AGE_BANDS.contains(&a) {
                    format!(" ({count})")
                } else {
                    String::new()
                };
                view! { <option value=format_age(a)>{labels::age(lang, a)} {count}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="age-select">{t!(i18n, age_label)}</label>
            <select
                id="age-select"
                prop:value=move || query.with(|q| q.age.map(format_age).unwrap_or_default())
                on:change=move |ev| {
                    let mut q = query.get_untracked();
                    q.age = parse_age(&event_target_value(&ev));
                    on_change.run((q, false));
                }
            >
                <option value="">{t!(i18n, age_any)}</option>
                {options}
            </select>
        </div>
    }
}
