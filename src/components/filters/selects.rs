//! The panel's two choices of one value: the area (a whole county, one of its family-centre
//! service areas, or one municipality, in the UI language's order) and the child's age, each
//! option with its live count.

use leptos::prelude::*;
use perheopas_core::asset::shard::Scope;
use perheopas_core::collate;
use perheopas_core::facets::Results;
use perheopas_core::filter::{format_age, parse_age, service_area_counts, Query, AGE_BANDS};

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang, use_parts};

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
    let (mut counties, mut munis) = engine.catalogue.places_with_services();
    // Areas whose shards are not fetched yet are offered too, without a count: choosing one
    // fetches them.
    let parts = use_parts();
    let cat = &engine.catalogue;
    for code in parts.municipalities_with_services() {
        let Some(m) = cat.municipality_by_code(&code).map(|m| m as u16) else {
            continue;
        };
        if !munis.contains(&m) {
            munis.push(m);
        }
        let c = cat.municipalities[m as usize].county;
        if !counties.contains(&c) {
            counties.push(c);
        }
    }
    // A count is shown only where it is exact: where the area's shards are merged.
    let count = move |scope: Scope, n: Box<dyn Fn() -> usize + Send + Sync>| {
        move || parts.has(&scope).then(|| view! { " (" {n()} ")" })
    };
    let value = move || {
        query.with(|q| {
            q.municipalities
                .first()
                .map(|m| format!("m:{m}"))
                .or_else(|| q.service_areas.first().map(|a| format!("a:{a}")))
                .or_else(|| q.counties.first().map(|c| format!("c:{c}")))
                .unwrap_or_default()
        })
    };
    // Service areas are counted apart (one more engine run), only while this select exists.
    let e = engine.clone();
    let area_counts = Memo::new(move |_| query.with(|q| service_area_counts(&e, q, None)));
    let e = engine.clone();
    // Rebuilt when the language changes: names and their order (collation) follow it.
    let options = move || {
        let lang = lang.get();
        let loc = locale(lang);
        let cat = &e.catalogue;
        let name_of = |m: u16| {
            cat.municipalities[m as usize]
                .name
                .get(lang)
                .text
                .to_string()
        };
        let mut counties = counties.clone();
        perheopas_core::order::sort_by(&mut counties, |&a, &b| {
            collate::compare(
                cat.counties[a as usize].name.get(lang).text,
                cat.counties[b as usize].name.get(lang).text,
                lang,
            )
        });
        counties
            .into_iter()
            .map(|c| {
                let county = &cat.counties[c as usize];
                let code = county.code.clone();
                let county_name = county.name.get(lang).text.to_string();
                let mut in_county: Vec<u16> = munis
                    .iter()
                    .copied()
                    .filter(|&m| cat.municipalities[m as usize].county == c)
                    .collect();
                perheopas_core::order::sort_by(&mut in_county, |&a, &b| {
                    collate::compare(&name_of(a), &name_of(b), lang)
                });
                let areas = cat
                    .county_areas(c)
                    .into_iter()
                    .map(|a| {
                        let area = &cat.service_areas[a];
                        let label = td_string!(loc, area_service_area, area = area.name.get(lang).text.to_string()).to_string();
                        view! {
                            <option value=format!("a:{}", area.id)>
                                {label}
                                " (" {move || area_counts.with(|n| n.iter().find(|x| x.0 == a).map_or(0, |x| x.1))} ")"
                            </option>
                        }
                    })
                    .collect_view();
                view! {
                    <optgroup label=county_name.clone()>
                        <option value=format!("c:{code}")>
                            {td_string!(loc, area_county_all, county = county_name.clone()).to_string()}
                            {count(Scope::Areas { counties: vec![c], municipalities: vec![] }, Box::new(move || results.with(|r| r.counties[c as usize].1)))}
                        </option>
                        {areas}
                        {in_county
                            .into_iter()
                            .map(|m| {
                                let muni = &cat.municipalities[m as usize];
                                view! {
                                    <option value=format!("m:{}", muni.code)>
                                        {name_of(m)}
                                        {count(Scope::Areas { counties: vec![], municipalities: vec![m] }, Box::new(move || results.with(|r| r.municipalities[m as usize].1)))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </optgroup>
                }
            })
            .collect_view()
    };
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
                    q.service_areas.clear();
                    if let Some(m) = v.strip_prefix("m:") {
                        q.municipalities.push(m.to_string());
                    } else if let Some(a) = v.strip_prefix("a:") {
                        q.service_areas.push(a.to_string());
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
