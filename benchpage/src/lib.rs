//! The engine the app runs, exported to JavaScript so the peer benchmark page can time it next
//! to MiniSearch in the same browser page. Built with the app's release profile; never shipped.

use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Finder {
    engine: Engine,
    open: Vec<bool>,
}

#[wasm_bindgen]
impl Finder {
    /// Decodes the catalogue asset and builds the index, as the app does on load. `now` is the
    /// Finnish local time "open now" is evaluated at (`YYYY-MM-DDTHH:MM:SS`).
    #[wasm_bindgen(constructor)]
    pub fn new(asset: &[u8], now: &str) -> Result<Finder, String> {
        let catalogue = perheopas_core::asset::decode(asset).map_err(|e| e.to_string())?;
        let now = chrono::NaiveDateTime::parse_from_str(now, "%Y-%m-%dT%H:%M:%S")
            .map_err(|e| format!("now: {e}"))?;
        let engine = Engine::new(catalogue);
        let open = engine.open_at(now);
        Ok(Finder { engine, open })
    }

    pub fn services(&self) -> usize {
        self.engine.catalogue.services.len()
    }

    /// Runs one query (`key=value&…`, as in the app's URL) with every facet count, and returns
    /// the number of hits. An unknown parameter is an error, so a case cannot silently measure
    /// less than it says.
    pub fn run(&self, params: &str) -> Result<usize, String> {
        let pairs = params
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').unwrap_or((p, "")));
        let (query, problems): (Query, _) = Query::from_params(pairs, &self.engine.catalogue);
        if let Some(p) = problems.first() {
            return Err(format!("{}={}: {}", p.param, p.value, p.problem));
        }
        Ok(self.engine.run(&query, Some(&self.open)).hits.len())
    }
}
