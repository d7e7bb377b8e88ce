//! The embed builder: choose the widget's area, preset, language, height and colour, copy the
//! snippet, see a live preview.

use leptos::prelude::*;
use perheopas_core::config::{contrast, parse_hex_colour};
use perheopas_core::model::Level;
use perheopas_core::situations::SITUATIONS;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::*;
use crate::labels;
use crate::state::{use_engine, use_lang};

/// The address of this deployment's folder, where `embed.js` lives.
fn site_base() -> String {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{dir}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[component]
pub fn EmbedPage() -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    let (counties, munis) = engine.catalogue.places_with_services();
    let cat = &engine.catalogue;

    let area = RwSignal::new(String::new());
    let level = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let situation = RwSignal::new(String::new());
    let widget_lang = RwSignal::new("fi".to_string());
    let height = RwSignal::new(String::new());
    let use_accent = RwSignal::new(false);
    let accent = RwSignal::new("#00347a".to_string());
    let compact = RwSignal::new(false);
    let header = RwSignal::new(true);
    let new_tab = RwSignal::new(false);
    // The loader's quick-exit button on the host page; off for a site with one of its own.
    let exit = RwSignal::new(true);
    let copied = RwSignal::new(false);

    let accent_ok = move || {
        parse_hex_colour(&accent.get()).is_some_and(|c| contrast(c, (255, 255, 255)) >= 4.5)
    };
    let attributes = move || {
        let mut a: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("area", area.get()),
            ("level", level.get()),
            ("category", category.get()),
            ("situation", situation.get()),
        ] {
            if !v.is_empty() {
                a.push((k, v));
            }
        }
        a.push(("lang", widget_lang.get()));
        if use_accent.get() {
            a.push(("accent", accent.get()));
        }
        if compact.get() {
            a.push(("compact", "1".into()));
        }
        if !header.get() {
            a.push(("header", "0".into()));
        }
        if new_tab.get() {
            a.push(("links", "new-tab".into()));
        }
        if !height.get().is_empty() {
            a.push(("height", height.get()));
        }
        if !exit.get() {
            a.push(("exit", "0".into()));
        }
        a
    };
    let snippet = move || {
        let attrs: String = attributes()
            .into_iter()
            .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(&v)))
            .collect();
        format!(
            "<div data-perheopas{attrs}></div>\n<script src=\"{}embed.js\" async></script>",
            site_base()
        )
    };
    let preview = move || {
        let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists");
        params.append("mode", "widget");
        for (k, v) in attributes() {
            // The height and the exit button are the loader's, not the app's.
            if k != "height" && k != "exit" {
                params.append(k, &v);
            }
        }
        format!("{}?{}", site_base(), String::from(params.to_string()))
    };
    let copy = move |_| {
        let text = snippet();
        leptos::task::spawn_local(async move {
            if let Some(w) = web_sys::window() {
                copied.set(
                    JsFuture::from(w.navigator().clipboard().write_text(&text))
                        .await
                        .is_ok(),
                );
            }
        });
    };

    let area_options = counties
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
    let categories: Vec<String> = cat.categories().into_iter().map(String::from).collect();

    view! {
        <section class="embed-page">
            <h1>{t!(i18n, embed_title)}</h1>
            <p>{t!(i18n, embed_intro)}</p>
            <form class="embed-form" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="embed-area">{t!(i18n, area_label)}</label>
                    <select id="embed-area" on:change=move |ev| area.set(event_target_value(&ev))>
                        <option value="">{t!(i18n, area_all)}</option>
                        {area_options}
                    </select>
                </div>
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
                    <select id="embed-lang" on:change=move |ev| widget_lang.set(event_target_value(&ev))>
                        <option value="fi">"Suomi"</option>
                        <option value="sv">"Svenska"</option>
                        <option value="en">"English"</option>
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
                <label class="check"><input type="checkbox" prop:checked=move || use_accent.get() on:change=move |_| use_accent.update(|v| *v = !*v)/> {t!(i18n, embed_use_accent)}</label>
                <div class="field">
                    <label for="embed-accent">{t!(i18n, embed_accent)}</label>
                    <input id="embed-accent" type="color" prop:value=move || accent.get() on:input=move |ev| accent.set(event_target_value(&ev))/>
                    <Show when=move || use_accent.get() && !accent_ok()>
                        <p class="notice" role="status">"Contrast < 4.5:1 — " {move || accent.get()}</p>
                    </Show>
                </div>
                <label class="check"><input type="checkbox" prop:checked=move || compact.get() on:change=move |_| compact.update(|v| *v = !*v)/> {t!(i18n, embed_compact)}</label>
                <label class="check"><input type="checkbox" prop:checked=move || header.get() on:change=move |_| header.update(|v| *v = !*v)/> {t!(i18n, embed_header)}</label>
                <label class="check"><input type="checkbox" prop:checked=move || new_tab.get() on:change=move |_| new_tab.update(|v| *v = !*v)/> {t!(i18n, embed_new_tab)}</label>
                <label class="check"><input type="checkbox" aria-describedby="embed-exit-note" prop:checked=move || exit.get() on:change=move |_| exit.update(|v| *v = !*v)/> {t!(i18n, embed_exit)}</label>
                <p class="hint" id="embed-exit-note">{t!(i18n, embed_exit_note)}</p>
            </form>
            <p class="hint">{t!(i18n, embed_allow_note)}</p>
            <h2 id="snippet-title">{t!(i18n, embed_snippet)}</h2>
            <pre class="snippet" aria-labelledby="snippet-title"><code>{snippet}</code></pre>
            <button type="button" class="action" on:click=copy>{t!(i18n, embed_copy)}</button>
            <span role="status">{move || copied.get().then(|| t_string!(i18n, embed_copied).to_string())}</span>
            <h2>{t!(i18n, embed_preview)}</h2>
            <iframe class="embed-preview" title=move || t_string!(i18n, embed_preview).to_string() src=preview></iframe>
        </section>
    }
}
