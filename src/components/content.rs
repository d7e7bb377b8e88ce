//! Catalogue text in the chosen language, falling back to Finnish. A fallback is marked with its
//! own `lang` so screen readers pronounce it right, and prose says so in words ("only in
//! Finnish"). Machine translations are said once per page ([`MachineNotice`]), not per field.

use leptos::prelude::*;
use perheopas_core::model::{Lang, Text};

use crate::i18n::*;
use crate::labels::locale;

/// Renders `text` for `lang` as a span (or nothing when the text is empty). With `tag`, text
/// shown in another language than the UI's carries a visible, translated "only in Finnish".
/// Names and addresses leave `tag` off: "Lieksa" needs no note that it is Finnish.
#[component]
pub fn Content(#[prop(into)] text: Text, lang: Lang, #[prop(optional)] tag: bool) -> impl IntoView {
    if text.is_empty() {
        return ().into_any();
    }
    let shown = text.get(lang);
    let value = shown.text.to_string();
    let foreign = shown.lang != lang;
    let loc = locale(lang);
    view! {
        <span lang=foreign.then(|| shown.lang.code()) class:mt=shown.machine>{value}</span>
        // Text falls back to Finnish only (`Text::get`), so the tag names Finnish.
        {(tag && foreign).then(|| view! { " " <span class="lang-tag">{td_string!(loc, only_in_finnish)}</span> })}
    }
    .into_any()
}

/// Is any of these texts shown machine translated in `lang`?
pub fn any_machine<'a>(texts: impl IntoIterator<Item = &'a Text>, lang: Lang) -> bool {
    texts
        .into_iter()
        .any(|t| !t.is_empty() && t.get(lang).machine)
}

/// The page's one note that some of its texts are machine translated.
#[component]
pub fn MachineNotice(lang: Lang) -> impl IntoView {
    view! { <p class="mt-notice" role="note">{td_string!(locale(lang), mt_notice)}</p> }
}
