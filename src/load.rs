//! Fetches the compiled catalogue file that sits beside the app and prepares the search engine.

use std::sync::Arc;

use perheopas_core::facets::Engine;

/// The catalogue's file name; the build writes it beside `index.html`.
pub const CATALOGUE_FILE: &str = "catalogue.bin";

pub async fn catalogue() -> Result<Arc<Engine>, String> {
    let response = gloo_net::http::Request::get(CATALOGUE_FILE)
        .send()
        .await
        .map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    if !response.ok() {
        return Err(format!("{CATALOGUE_FILE}: HTTP {}", response.status()));
    }
    let bytes = response.binary().await.map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    let catalogue = perheopas_core::asset::decode(&bytes).map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    Ok(Arc::new(Engine::new(catalogue)))
}
