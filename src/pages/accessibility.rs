//! The accessibility statement the Finnish Act on the Provision of Digital Services requires,
//! with a feedback channel and the supervisory authority.

use leptos::prelude::*;

use crate::components::links::{MailLink, NetLink};
use crate::i18n::*;

/// Where accessibility feedback goes (a sample address until a deployment sets its own).
const FEEDBACK: &str = "saavutettavuus@perheopas.example";
const AUTHORITY: &str = "https://www.saavutettavuusvaatimukset.fi/";

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="statement">
            <h1>{t!(i18n, a11y_title)}</h1>
            <p>{t!(i18n, a11y_scope)}</p>
            <p>{t!(i18n, a11y_status)}</p>
            <p>{t!(i18n, a11y_limits)}</p>
            <h2>{t!(i18n, a11y_feedback_title)}</h2>
            <p>{t!(i18n, a11y_feedback)} " " <MailLink address=FEEDBACK.to_string()/></p>
            <p>{t!(i18n, a11y_authority)} " " <NetLink href=AUTHORITY.to_string() label="saavutettavuusvaatimukset.fi"/></p>
            <p class="hint">{t!(i18n, a11y_date)}</p>
        </article>
    }
}
