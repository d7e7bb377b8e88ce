//! The embed builder: choose the widget's area, preset, language, height and colour, copy the
//! snippet, see a live preview.

mod choices;
mod form;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::*;
use choices::Choices;
use form::EmbedForm;

#[component]
pub fn EmbedPage() -> impl IntoView {
    let i18n = use_i18n();
    let choices = Choices::new();
    view! {
        <section class="embed-page">
            <h1>{t!(i18n, embed_title)}</h1>
            <p>{t!(i18n, embed_intro)}</p>
            <EmbedForm choices/>
            <p class="hint">{t!(i18n, embed_allow_note)}</p>
            <Snippet choices/>
            <h2>{t!(i18n, embed_preview)}</h2>
            <iframe class="embed-preview" title=move || t_string!(i18n, embed_preview).to_string() src=move || choices.preview()></iframe>
        </section>
    }
}

/// The snippet to paste, with a copy button.
#[component]
fn Snippet(choices: Choices) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = choices.snippet();
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
    view! {
        <h2 id="snippet-title">{t!(i18n, embed_snippet)}</h2>
        <pre class="snippet" aria-labelledby="snippet-title"><code>{move || choices.snippet()}</code></pre>
        <button type="button" class="action" on:click=copy>{t!(i18n, embed_copy)}</button>
        <span role="status">{move || copied.get().then(|| t_string!(i18n, embed_copied).to_string())}</span>
    }
}
