//! The search the address describes, read once for every page: the query and the parameters it
//! could not use, which services are open now, the results with their facet counts, the area
//! whose crisis numbers apply and whether the search is urgent.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use perheopas_core::crisis::{county_of, query_is_urgent};
use perheopas_core::facets::Results;
use perheopas_core::filter::{ParamProblem, Query};

use crate::state::{use_clock, use_here, use_parts};

#[derive(Clone, Copy)]
pub struct Search {
    pub query: Memo<Query>,
    /// Search parameters of the address that were not understood.
    pub problems: Memo<Vec<ParamProblem>>,
    /// Per service, open at the clock's time.
    pub open: Memo<Vec<bool>>,
    pub results: Memo<Results>,
    /// The county whose social emergency service the crisis help shows: the search's own, else
    /// the kiosk's.
    pub county: Signal<Option<String>>,
    /// Violence, mental health, child protection: crisis numbers come before any service.
    pub urgent: Memo<bool>,
}

impl Search {
    /// Follows the address; the memos compute only when a page reads them.
    pub fn from_address() -> Self {
        // Read in every memo, so each recomputes with the engine when a county's shard arrives.
        let engine = use_parts().engine;
        let params = use_query_map();
        let clock = use_clock();
        let parsed = Memo::new(move |_| {
            let e = engine.get();
            params.with(|p| {
                Query::from_params(
                    p.latest_values().map(|(k, v)| (k.as_ref(), v)),
                    &e.catalogue,
                )
            })
        });
        let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
        let problems = Memo::new(move |_| parsed.with(|p| p.1.clone()));
        // Which services are open is recomputed as the clock ticks, not on every keystroke.
        let open = Memo::new(move |_| engine.get().open_at(clock.get()));
        // Service areas stand for their municipalities only in the resolved query the engine runs.
        let results = Memo::new(move |_| {
            let e = engine.get();
            query.with(|q| open.with(|o| e.run(&q.resolved(&e.catalogue), Some(o))))
        });
        let here = use_here();
        let county = Signal::derive(move || {
            let e = engine.get();
            let here_county = here.as_ref().and_then(|h| {
                county_of(
                    &e.catalogue,
                    &Query {
                        municipalities: vec![h.municipality.clone()],
                        ..Query::default()
                    },
                )
            });
            query
                .with(|q| county_of(&e.catalogue, &q.resolved(&e.catalogue)))
                .or(here_county)
        });
        let urgent = Memo::new(move |_| query.with(query_is_urgent));
        Search {
            query,
            problems,
            open,
            results,
            county,
            urgent,
        }
    }
}
