//! "Help now": every crisis line for the family's area, one tap from every page.

use leptos::prelude::*;

use crate::components::crisis::CrisisHelp;
use crate::i18n::*;

#[component]
pub fn HelpPage(#[prop(into)] county: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="help-page">
            <CrisisHelp county heading_level=1/>
            <p>{t!(i18n, crisis_page_note)}</p>
        </article>
    }
}
