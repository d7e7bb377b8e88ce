//! The embed builder's form: the widget's area and preset, language, height, colour and
//! switches.

use leptos::prelude::*;
use perheopas_core::model::{Lang, Level};
use perheopas_core::situations::SITUATIONS;

use super::choices::Choices;
use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_engine, use_lang};

#[component]
pub fn EmbedForm(choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let categories: Vec<String> = use_engine()
        .catalogue
        .categories()
        .into_iter()
        .map(String::from)
        .collect();
    let Choices {
        level,
        category,
        situation,
        height,
        ..
    } = choices;
    view! {
        <form class="embed-form" on:submit=|ev| ev.prevent_default()>
            <AreaChoice area=choices.area/>
            <div class="field">
                <label for="embed-level">{t!(i18n, level_legend)}</label>
                <select id="embed-level" on:change=move |ev| level.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, embed_any)}</option>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.id()>{move || labels::level(lang.get(), l)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="embed-category">{t!(i18n, category_legend)}</label>
                <select id="embed-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, embed_any)}</option>
                    {categories.into_iter().map(|c| { let c2 = c.clone(); view! { <option value=c>{move || labels::category(lang.get(), &c2)}</option> } }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="embed-situation">{t!(i18n, embed_situation)}</label>
                <select id="embed-situation" on:change=move |ev| situation.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, embed_any)}</option>
                    {SITUATIONS.into_iter().map(|s| view! { <option value=s>{move || labels::situation(lang.get(), s)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="embed-lang">{t!(i18n, language)}</label>
                <select id="embed-lang" on:change=move |ev| choices.lang.set(event_target_value(&ev))>
                    // Each language by its own name, as the widget will speak it.
                    {[Lang::Fi, Lang::Sv, Lang::En].into_iter().map(|l| view! {
                        <option value=l.code() lang=l.code()>{td_string!(locale(l), language_own_name)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="embed-height">{t!(i18n, embed_height)}</label>
                <select id="embed-height" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    height.set(if v == "auto" { String::new() } else { v });
                }>
                    <option value="auto">{t!(i18n, embed_height_auto)}</option>
                    <option value="600">{t!(i18n, embed_height_fixed)} " 600"</option>
                    <option value="800">{t!(i18n, embed_height_fixed)} " 800"</option>
                </select>
            </div>
            <AccentChoice choices/>
            <Switch on=choices.compact label=move || t_string!(i18n, embed_compact).to_string()/>
            <Switch on=choices.header label=move || t_string!(i18n, embed_header).to_string()/>
            <Switch on=choices.new_tab label=move || t_string!(i18n, embed_new_tab).to_string()/>
            <label class="check"><input type="checkbox" aria-describedby="embed-exit-note" prop:checked=move || choices.exit.get() on:change=move |_| choices.exit.update(|v| *v = !*v)/> {t!(i18n, embed_exit)}</label>
            <p class="hint" id="embed-exit-note">{t!(i18n, embed_exit_note)}</p>
        </form>
    }
}

/// A county or one of its municipalities, indented under it.
#[component]
fn AreaChoice(area: RwSignal<String>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let cat = &engine.catalogue;
    let (counties, munis) = cat.places_with_services();
    let options = counties
        .iter()
        .map(|&c| {
            let county = &cat.counties[c as usize];
            let in_county: Vec<_> = munis.iter().copied().filter(|&m| cat.municipalities[m as usize].county == c).collect();
            let name = county.name.clone();
            view! {
                <option value=county.code.clone()>{move || name.get(lang.get()).text.to_string()}</option>
                {in_county.into_iter().map(|m| {
                    let muni = &cat.municipalities[m as usize];
                    let name = muni.name.clone();
                    view! { <option value=muni.code.clone()>{"\u{a0}\u{a0}"} {move || name.get(lang.get()).text.to_string()}</option> }
                }).collect_view()}
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="embed-area">{t!(i18n, area_label)}</label>
            <select id="embed-area" on:change=move |ev| area.set(event_target_value(&ev))>
                <option value="">{t!(i18n, area_all)}</option>
                {options}
            </select>
        </div>
    }
}

/// The host's own accent colour, with a warning when white text on it would be hard to read.
#[component]
fn AccentChoice(choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let Choices {
        use_accent, accent, ..
    } = choices;
    view! {
        <Switch on=use_accent label=move || t_string!(i18n, embed_use_accent).to_string()/>
        <div class="field">
            <label for="embed-accent">{t!(i18n, embed_accent)}</label>
            <input id="embed-accent" type="color" prop:value=move || accent.get() on:input=move |ev| accent.set(event_target_value(&ev))/>
            <Show when=move || use_accent.get() && !choices.accent_ok()>
                <p class="notice" role="status">{move || t_string!(i18n, embed_contrast_low, colour = accent.get()).to_string()}</p>
            </Show>
        </div>
    }
}

/// A checkbox for one yes/no choice.
#[component]
fn Switch(on: RwSignal<bool>, label: impl Fn() -> String + Send + Sync + 'static) -> impl IntoView {
    view! {
        <label class="check"><input type="checkbox" prop:checked=move || on.get() on:change=move |_| on.update(|v| *v = !*v)/> {label}</label>
    }
}
