//! Every facet with live counts: area, age, level, access and cost, open now, topic, way of
//! contact, language, provider and accessibility. Each change is a history entry, so "back"
//! undoes it.

use leptos::prelude::*;
use perheopas_core::facets::Results;
use perheopas_core::filter::{format_age, parse_age, Query, AGE_BANDS};
use perheopas_core::model::{Accessibility, Channel, Level, OrgKind};

use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

/// One checkbox with its label and live count.
fn check(
    label: impl Fn() -> String + Send + Sync + 'static,
    count: impl Fn() -> usize + Send + Sync + 'static,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    toggle: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="check">
            <input type="checkbox" prop:checked=checked on:change=move |_| toggle()/>
            <span>{label}</span>
            <span class="count">" (" {count} ")"</span>
        </label>
    }
}

/// The filter panel: open on wide screens, folded on phones so the results come first.
#[component]
pub fn Filters(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0);
    let selected = move || {
        query.with(|q| {
            q.chips()
                .iter()
                .filter(|c| !matches!(c, perheopas_core::filter::Chip::Text(_)))
                .count()
        })
    };
    // Folded, the panel's contents (a few hundred elements with live counts) are built when first
    // opened, not before the first results; once built they stay.
    let unfolded = RwSignal::new(wide);
    view! {
        <details class="filters" open=wide on:toggle=move |ev| {
            if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                unfolded.set(true);
            }
        }>
            <summary>{move || t_string!(i18n, filters_summary, count = selected()).to_string()}</summary>
            <Show when=move || unfolded.get()>
                <FilterFields query results on_change/>
            </Show>
        </details>
    }
}

/// Every field of the panel.
#[component]
fn FilterFields(
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let cat = &engine.catalogue;
    let (counties, munis) = cat.places_with_services();
    let update = move |f: Box<dyn Fn(&mut Query)>| {
        let mut q = query.get_untracked();
        f(&mut q);
        on_change.run((q, false));
    };

    let level_boxes = Level::ALL
        .into_iter()
        .map(|level| {
            check(
                move || labels::level(lang.get(), level),
                move || results.with(|r| Results::count(&r.levels, &level)),
                move || query.with(|q| q.levels.contains(&level)),
                move || update(Box::new(move |q| Query::toggle(&mut q.levels, level))),
            )
        })
        .collect_view();

    let category_boxes = cat
        .categories()
        .into_iter()
        .map(String::from)
        .map(|c| {
            let (c1, c2, c3, c4) = (c.clone(), c.clone(), c.clone(), c);
            check(
                move || labels::category(lang.get(), &c1),
                move || results.with(|r| Results::count(&r.categories, &c2)),
                move || query.with(|q| q.categories.contains(&c3)),
                move || {
                    let c = c4.clone();
                    update(Box::new(move |q| {
                        Query::toggle(&mut q.categories, c.clone())
                    }))
                },
            )
        })
        .collect_view();

    let channel_boxes = Channel::ALL
        .into_iter()
        .map(|ch| {
            check(
                move || labels::channel(lang.get(), ch),
                move || results.with(|r| Results::count(&r.channels, &ch)),
                move || query.with(|q| q.channels.contains(&ch)),
                move || update(Box::new(move |q| Query::toggle(&mut q.channels, ch))),
            )
        })
        .collect_view();

    let provider_boxes = OrgKind::ALL
        .into_iter()
        .map(|k| {
            check(
                move || labels::provider(lang.get(), k),
                move || results.with(|r| Results::count(&r.providers, &k)),
                move || query.with(|q| q.providers.contains(&k)),
                move || update(Box::new(move |q| Query::toggle(&mut q.providers, k))),
            )
        })
        .collect_view();

    let feature_boxes = Accessibility::ALL
        .into_iter()
        .map(|a| {
            check(
                move || labels::feature(lang.get(), a),
                move || results.with(|r| Results::count(&r.features, &a)),
                move || query.with(|q| q.features.contains(&a)),
                move || update(Box::new(move |q| Query::toggle(&mut q.features, a))),
            )
        })
        .collect_view();

    let language_boxes = engine
        .languages()
        .iter()
        .cloned()
        .map(|l| {
            let (l1, l2, l3, l4) = (l.clone(), l.clone(), l.clone(), l);
            check(
                move || labels::language_name(lang.get(), &l1),
                move || results.with(|r| Results::count(&r.languages, &l2)),
                move || query.with(|q| q.languages.contains(&l3)),
                move || {
                    let l = l4.clone();
                    update(Box::new(move |q| {
                        Query::toggle(&mut q.languages, l.clone())
                    }))
                },
            )
        })
        .collect_view();

    let access_boxes = view! {
        {check(
            move || t_string!(i18n, self_label).to_string(),
            move || results.with(|r| r.contact_self),
            move || query.with(|q| q.contact_self),
            move || update(Box::new(|q| q.contact_self = !q.contact_self)),
        )}
        {check(
            move || t_string!(i18n, free_label).to_string(),
            move || results.with(|r| r.free),
            move || query.with(|q| q.free),
            move || update(Box::new(|q| q.free = !q.free)),
        )}
        {check(
            move || t_string!(i18n, open_label).to_string(),
            move || results.with(|r| r.open_now),
            move || query.with(|q| q.open_now),
            move || update(Box::new(|q| q.open_now = !q.open_now)),
        )}
    };

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
    let area_options = counties
        .iter()
        .map(|&c| {
            let county = &cat.counties[c as usize];
            let code = county.code.clone();
            let (name, group_name) = (county.name.clone(), county.name.clone());
            let in_county: Vec<_> = munis.iter().copied().filter(|&m| cat.municipalities[m as usize].county == c).collect();
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

    // Age: the bands, plus the query's own age when a link carries another one.
    let age_options = move || {
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
            <label for="area-select">{t!(i18n, area_label)}</label>
            <select
                id="area-select"
                prop:value=area_value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(Box::new(move |q| {
                        q.municipalities.clear();
                        q.counties.clear();
                        if let Some(m) = v.strip_prefix("m:") {
                            q.municipalities.push(m.to_string());
                        } else if let Some(c) = v.strip_prefix("c:") {
                            q.counties.push(c.to_string());
                        }
                    }));
                }
            >
                <option value="">{t!(i18n, area_all)}</option>
                {area_options}
            </select>
        </div>
        <div class="field">
            <label for="age-select">{t!(i18n, age_label)}</label>
            <select
                id="age-select"
                prop:value=move || query.with(|q| q.age.map(format_age).unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    update(Box::new(move |q| q.age = parse_age(&v)));
                }
            >
                <option value="">{t!(i18n, age_any)}</option>
                {age_options}
            </select>
        </div>
        <fieldset>
            <legend>{t!(i18n, level_legend)}</legend>
            {level_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, access_legend)}</legend>
            {access_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, category_legend)}</legend>
            {category_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, channel_legend)}</legend>
            {channel_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, language_legend)}</legend>
            {language_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, provider_legend)}</legend>
            {provider_boxes}
        </fieldset>
        <fieldset>
            <legend>{t!(i18n, feature_legend)}</legend>
            {feature_boxes}
        </fieldset>
    }
}
