//! Notices that keep families informed: sample data, a saved catalogue standing in for a broken
//! download, URL parameters that were not understood.

use leptos::prelude::*;
use perheopas_core::filter::ParamProblem;

use crate::i18n::*;

#[component]
pub fn SampleNotice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice sample-notice">
            <strong>{t!(i18n, sample_title)}</strong>
            " "
            {t!(i18n, sample_text)}
        </p>
    }
}

/// The newest catalogue could not be used and the copy saved on this device is shown instead:
/// say so, with its date, and name the problem for whoever maintains the site.
#[component]
pub fn FallbackNotice(built: String, problem: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="notice fallback-notice" role="status">
            <p>{t!(i18n, fallback_notice, date = built.clone())}</p>
            // The technical detail is for whoever maintains the site, in English.
            <p class="detail" lang="en">{problem}</p>
        </div>
    }
}

/// Says which link parameters were skipped, so a broken link never fails silently.
#[component]
pub fn ParamNotice(problems: Vec<ParamProblem>) -> impl IntoView {
    let i18n = use_i18n();
    (!problems.is_empty()).then(|| {
        view! {
            <div class="notice param-notice" role="status">
                <p>{t!(i18n, params_note)}</p>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| view! { <li><code>{format!("{}={}", p.param, p.value)}</code></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
