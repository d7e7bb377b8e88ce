//! The finder: the page the start, the results and the map share — the title and the search
//! box — and the one way a search changes the address (`on_change`), so moving between them
//! never rebuilds the search box.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use perheopas_core::filter::Query;

use crate::components::area_prompt::AreaPrompt;
use crate::components::chips::HomeChip;
use crate::components::filters::KeptSheet;
use crate::components::search_box::SearchBox;
use crate::i18n::*;
use crate::pages::results::ResultsPage;
use crate::pages::start::StartPage;
use crate::search::Search;
use crate::state::{use_config, use_here, use_home, HomeChoice};
use crate::url_state::{href, href_map};

#[component]
pub fn FinderPage(search: Search, at_start: Memo<bool>, in_map: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let query = search.query;
    let on_change = search_changer(query, in_map);
    let home = use_home();
    let engine = crate::state::use_parts().engine;
    let kept_sheet = KeptSheet::default();
    provide_context(kept_sheet);
    // Asked on the first visit to the start view, and whenever the home chip asks again.
    let asking = move || {
        home.remembers
            && (home.asking.get() || (at_start.get() && home.choice.get() == HomeChoice::Unasked))
    };
    view! {
        <h1 class="page-title">{t!(i18n, page_title)}</h1>
        <SearchBox query on_change/>
        <Show when=asking fallback=|| view! { <HomeChip/> }>
            <AreaPrompt query at_start on_change/>
        </Show>
        // Redrawn when a county's shard arrives, below the search box, which keeps focus and
        // text; an open filter sheet opens again as it was.
        {move || {
            engine.track();
            kept_sheet.keep();
            if at_start.get() {
                view! { <StartPage/> }.into_any()
            } else {
                view! { <ResultsPage search in_map on_change/> }.into_any()
            }
        }}
    }
}

/// Puts a changed search into the address, in the view it was made in; `replace` for steps
/// that should not each be a history entry (typing).
fn search_changer(query: Memo<Query>, in_map: Memo<bool>) -> Callback<(Query, bool)> {
    let navigate = use_navigate();
    // A widget never adds to the host page's history; nor does the app where quick exit could
    // not take its steps back out (see `config::replaces_history`).
    let embedded = crate::config::replaces_history(use_config().mode);
    let here = use_here();
    let home = use_home();
    Callback::new(move |(mut q, replace): (Query, bool)| {
        // A kiosk's first search is about its own municipality, a family's about its home.
        let local = here
            .as_ref()
            .map(|h| h.municipality.clone())
            .or_else(|| home.municipality_untracked());
        if let Some(m) = local {
            if query.with_untracked(Query::is_empty)
                && q.municipalities.is_empty()
                && q.counties.is_empty()
                && q.service_areas.is_empty()
            {
                q.municipalities.push(m);
            }
        }
        let url = if in_map.get_untracked() {
            href_map(&q)
        } else {
            href(&q, None)
        };
        navigate(
            &url,
            NavigateOptions {
                replace: replace || embedded,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    })
}
