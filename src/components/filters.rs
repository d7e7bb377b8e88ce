//! Facet filters with live counts: level, category and area. Each change is a new history entry,
//! so the back button undoes it.

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::facets::{Engine, Results};
use perheopas_core::filter::Query;
use perheopas_core::model::Level;

use crate::i18n::*;
use crate::labels::{self, locale, use_lang};

#[component]
pub fn Filters(query: Memo<Query>, results: Memo<Results>, on_change: Callback<(Query, bool)>) -> impl IntoView {
    let engine = expect_context::<Arc<Engine>>();
    let lang = use_lang();
    let i18n = use_i18n();
    let (counties, munis) = engine.catalogue.places_with_services();
    let categories: Vec<String> = engine.catalogue.categories().into_iter().map(String::from).collect();

    let level_boxes = Level::ALL
        .into_iter()
        .map(|level| {
            let count = move || results.with(|r| r.levels.iter().find(|(l, _)| *l == level).map_or(0, |(_, n)| *n));
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || query.with(|q| q.levels.contains(&level))
                        on:change=move |_| {
                            let mut q = query.get_untracked();
                            Query::toggle(&mut q.levels, level);
                            on_change.run((q, false));
                        }
                    />
                    <span>{move || labels::level(lang.get(), level)}</span>
                    <span class="count">" (" {count} ")"</span>
                </label>
            }
        })
        .collect_view();

    let category_boxes = categories
        .into_iter()
        .map(|cat| {
            let c1 = cat.clone();
            let c2 = cat.clone();
            let count = move || results.with(|r| r.categories.iter().find(|(c, _)| *c == c1).map_or(0, |(_, n)| *n));
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || query.with(|q| q.categories.contains(&c2))
                        on:change={
                            let cat = cat.clone();
                            move |_| {
                                let mut q = query.get_untracked();
                                Query::toggle(&mut q.categories, cat.clone());
                                on_change.run((q, false));
                            }
                        }
                    />
                    <span>{let c = cat.clone(); move || labels::category(lang.get(), &c)}</span>
                    <span class="count">" (" {count} ")"</span>
                </label>
            }
        })
        .collect_view();

    // One area at a time in this control: a whole county or one municipality.
    let area_value = move || {
        query.with(|q| {
            q.municipalities
                .first()
                .map(|m| format!("m:{m}"))
                .or_else(|| q.counties.first().map(|c| format!("c:{c}")))
                .unwrap_or_default()
        })
    };
    let cat = &engine.catalogue;
    let area_options = counties
        .iter()
        .map(|&c| {
            let county = &cat.counties[c as usize];
            let code = county.code.clone();
            let county_count = move || results.with(|r| r.counties[c as usize].1);
            let name = county.name.clone();
            let group_name = county.name.clone();
            let in_county: Vec<_> = munis.iter().copied().filter(|&m| cat.municipalities[m as usize].county == c).collect();
            view! {
                <optgroup label=move || group_name.get(lang.get()).text.to_string()>
                    <option value=format!("c:{code}")>
                        {move || td_string!(locale(lang.get()), area_county_all, county = name.get(lang.get()).text.to_string()).to_string()}
                        " (" {county_count} ")"
                    </option>
                    {in_county
                        .into_iter()
                        .map(|m| {
                            let muni = &cat.municipalities[m as usize];
                            let count = move || results.with(|r| r.municipalities[m as usize].1);
                            let name = muni.name.clone();
                            view! { <option value=format!("m:{}", muni.code)>{move || name.get(lang.get()).text.to_string()} " (" {count} ")"</option> }
                        })
                        .collect_view()}
                </optgroup>
            }
        })
        .collect_view();

    view! {
        <section class="filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="visually-hidden">{t!(i18n, filters_title)}</h2>
            <div class="field">
                <label for="area-select">{t!(i18n, area_label)}</label>
                <select
                    id="area-select"
                    prop:value=area_value
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
                    {area_options}
                </select>
            </div>
            <fieldset>
                <legend>{t!(i18n, level_legend)}</legend>
                {level_boxes}
            </fieldset>
            <details class="more-filters">
                <summary>{t!(i18n, category_legend)}</summary>
                <fieldset>
                    <legend class="visually-hidden">{t!(i18n, category_legend)}</legend>
                    {category_boxes}
                </fieldset>
            </details>
        </section>
    }
}
