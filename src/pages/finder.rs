//! The finder: search box, filters and results, all driven by the URL. With `service=<id>` in
//! the URL the service's page is shown instead, keeping the search for the way back.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;

use crate::components::filters::Filters;
use crate::components::notices::ParamNotice;
use crate::components::result_list::ResultList;
use crate::components::search_box::SearchBox;
use crate::i18n::*;
use crate::pages::service::ServicePage;
use crate::url_state::href;

#[component]
pub fn FinderPage() -> impl IntoView {
    let engine = expect_context::<Arc<Engine>>();
    let params = use_query_map();
    let navigate = use_navigate();
    let i18n = use_i18n();

    let e = engine.clone();
    let parsed = Memo::new(move |_| {
        params.with(|p| Query::from_params(p.latest_values().map(|(k, v)| (k.as_ref(), v)), &e.catalogue))
    });
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let e = engine.clone();
    let results = Memo::new(move |_| query.with(|q| e.run(q)));
    let service = Memo::new(move |_| params.with(|p| p.get("service")));

    let on_change = Callback::new(move |(q, replace): (Query, bool)| {
        navigate(&href(&q, None), NavigateOptions { replace, scroll: false, ..NavigateOptions::default() });
    });

    view! {
        {move || parsed.with(|p| view! { <ParamNotice problems=p.1.clone()/> })}
        {move || match service.get() {
            Some(id) => view! { <ServicePage id query=query.get_untracked()/> }.into_any(),
            None => view! {
                <h1 class="page-title">{t!(i18n, page_title)}</h1>
                <SearchBox query on_change/>
                <Filters query results on_change/>
                <ResultList query results/>
            }
            .into_any(),
        }}
    }
}
