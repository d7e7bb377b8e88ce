//! The coverage view for family-centre coordinators: for a county, municipalities × service
//! types grouped by level, each cell the number of delivery points, gaps marked; filters by level
//! and provider kind; the table as CSV.

use leptos::prelude::*;
use perheopas_core::coverage::coverage;
use perheopas_core::model::{Level, OrgKind};

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

#[component]
pub fn CoveragePage() -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let (counties, _) = engine.catalogue.places_with_services();
    let first = counties
        .first()
        .map(|&c| engine.catalogue.counties[c as usize].code.clone())
        .unwrap_or_default();
    let county = RwSignal::new(first);
    let levels = RwSignal::new(Vec::<Level>::new());
    let provider = RwSignal::new(None::<OrgKind>);
    let e = engine.clone();
    let table = Memo::new(move |_| {
        let providers: Vec<OrgKind> = provider.get().into_iter().collect();
        coverage(&e.catalogue, &county.get(), &levels.get(), &providers)
    });
    let csv_href = move || {
        let csv = table.with(|t| t.to_csv());
        format!(
            "data:text/csv;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&csv))
        )
    };
    let county_options = counties
        .iter()
        .map(|&c| {
            let k = &engine.catalogue.counties[c as usize];
            let name = k.name.clone();
            view! { <option value=k.code.clone()>{move || name.get(lang.get()).text.to_string()}</option> }
        })
        .collect_view();
    let e = engine.clone();
    let grid = move || {
        let lang = lang.get();
        let loc = locale(lang);
        table.with(|t| {
            let head = t
                .columns
                .iter()
                .map(|c| {
                    let name = e.catalogue.service_types.iter().find(|s| s.id == c.type_id).map_or(c.name.clone(), |s| s.name.get(lang).text.to_string());
                    view! { <th scope="col" class=format!("col-{}", c.level.id())><span>{name}</span></th> }
                })
                .collect_view();
            let rows = t
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let cells = (0..t.columns.len())
                        .map(|c| {
                            let n = t.count(r, c);
                            if n == 0 {
                                view! { <td class="gap">"–"<span class="visually-hidden">" " {td_string!(loc, coverage_gap)}</span></td> }.into_any()
                            } else {
                                view! { <td>{n}</td> }.into_any()
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{row.name.clone()}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <p role="status">{td_string!(loc, coverage_gaps, count = t.gaps().len()).to_string()}</p>
                <div class="coverage-scroll" tabindex="0" role="region" aria-label=t.county_name.clone()>
                    <table class="coverage">
                        <caption>{t.county_name.clone()}</caption>
                        <thead><tr><th scope="col">{td_string!(loc, coverage_municipality)}</th>{head}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
    };
    view! {
        <section class="coverage-page">
            <h1>{t!(i18n, coverage_title)}</h1>
            <p>{t!(i18n, coverage_intro)}</p>
            <div class="field">
                <label for="coverage-county">{t!(i18n, coverage_county)}</label>
                <select id="coverage-county" prop:value=move || county.get() on:change=move |ev| county.set(event_target_value(&ev))>{county_options}</select>
            </div>
            <fieldset>
                <legend>{t!(i18n, level_legend)}</legend>
                {Level::ALL.into_iter().map(|l| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || levels.with(|v| v.contains(&l)) on:change=move |_| levels.update(|v| perheopas_core::filter::Query::toggle(v, l))/>
                        <span>{move || labels::level(lang.get(), l)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="coverage-provider">{t!(i18n, provider_legend)}</label>
                <select id="coverage-provider" on:change=move |ev| provider.set(OrgKind::from_id(&event_target_value(&ev)))>
                    <option value="">{t!(i18n, coverage_any_provider)}</option>
                    {OrgKind::ALL.into_iter().map(|k| view! { <option value=k.id()>{move || labels::provider(lang.get(), k)}</option> }).collect_view()}
                </select>
            </div>
            <p><a class="action-link" download=move || format!("{}-{}.csv", td_string!(locale(lang.get()), coverage_csv_file), county.get()) href=csv_href>{t!(i18n, coverage_csv)}</a></p>
            {grid}
        </section>
    }
}
