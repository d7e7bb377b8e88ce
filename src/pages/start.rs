//! The start page (no search yet): life situations in families' words, and the three levels in
//! one line each; on a kiosk, "today here" beside the situations.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::model::Level;
use perheopas_core::situations::{preset, SITUATIONS};

use crate::components::kiosk::today::TodayHere;
use crate::components::level_badge::LevelBadge;
use crate::i18n::*;
use crate::labels;
use crate::state::{focus_results_next, use_engine, use_home, use_lang};
use crate::url_state::{href, href_view, View};

#[component]
pub fn StartPage() -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let i18n = use_i18n();
    // On a kiosk the situations are about the meeting place's own municipality.
    let here = crate::state::use_here();
    // Elsewhere, about the family's home municipality once they have said it.
    let home = use_home();
    let local = move || {
        here.as_ref()
            .map(|h| h.municipality.clone())
            .or_else(|| home.municipality())
    };
    let kiosk = crate::components::kiosk::is_kiosk();
    let situations = view! {
        <section class="situations" aria-labelledby="situations-title">
            <h2 id="situations-title">{t!(i18n, situations_title)}</h2>
            <ul class="situation-grid">
                {SITUATIONS
                    .into_iter()
                    .filter_map(|id| preset(id, engine.languages()).map(|q| (id, q)))
                    .map(|(id, q)| {
                        let local = local.clone();
                        view! {
                            <li><a class="situation" on:click=|_| focus_results_next() href=move || {
                                lang.track();
                                let mut q = q.clone();
                                q.municipalities.extend(local());
                                href(&q, None)
                            }>{move || labels::situation(lang.get(), id)}</a></li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    };
    view! {
        <crate::components::kiosk::HereNote/>
        // A kiosk shows what is on today beside the situations (as tiles, `style/kiosk.css`).
        {if kiosk {
            view! { <div class="kiosk-start"><TodayHere/> {situations}</div> }.into_any()
        } else {
            situations.into_any()
        }}
        <section class="levels" aria-labelledby="levels-title">
            <h2 id="levels-title">{t!(i18n, levels_title)}</h2>
            <ul class="level-list">
                {Level::ALL
                    .into_iter()
                    .map(|level| view! {
                        <li>
                            <LevelBadge level/>
                            <p>{move || labels::level_explained(lang.get(), level)}</p>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
        <p><a class="browse-all" on:click=|_| focus_results_next() href=move || {
            lang.track();
            match local() {
                Some(m) => href(&Query { municipalities: vec![m], ..Query::default() }, None),
                None => href_view(&View::Results),
            }
        }>{t!(i18n, browse_all)}</a></p>
    }
}
