//! Catalogue text in the chosen language, falling back to Finnish. A fallback is marked with its
//! own `lang` so screen readers pronounce it right, and machine translations are flagged.

use leptos::prelude::*;
use perheopas_core::model::{Lang, Text};

use crate::i18n::*;
use crate::labels::locale;

/// Renders `text` for `lang` as a span (or nothing when the text is empty).
#[component]
pub fn Content(#[prop(into)] text: Text, lang: Lang) -> impl IntoView {
    if text.is_empty() {
        return ().into_any();
    }
    let shown = text.get(lang);
    let value = shown.text.to_string();
    let foreign = shown.lang != lang;
    let machine = shown.machine;
    let loc = locale(lang);
    view! {
        <span lang=foreign.then(|| shown.lang.code())>{value}</span>
        {machine.then(|| view! { " " <small class="mt-flag">"(" {td_string!(loc, machine_translated)} ")"</small> })}
    }
    .into_any()
}
