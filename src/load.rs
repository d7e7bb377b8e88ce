//! Every file the app fetches: the compiled catalogue that sits beside the app (with the search
//! engine prepared from it) and the map's base map.
//!
//! A file that cannot be used (unreachable, cut short, damaged, from an incompatible build) must
//! not leave a family with nothing: the last copy this device read successfully is kept in Cache
//! Storage and shown instead, with a notice saying why. Only with no such copy is the failure
//! the whole answer.

use std::sync::Arc;

use js_sys::{Promise, Uint8Array};
use perheopas_core::facets::Engine;
use perheopas_core::map::basemap::BaseMap;
use perheopas_core::model::Catalogue;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response, ResponseInit};

/// The catalogue's file name; the build writes it beside `index.html`.
pub const CATALOGUE_FILE: &str = "catalogue.bin";
/// The map's base map, fetched when the map is first opened.
pub const BASEMAP_FILE: &str = "basemap.bin";
/// Kept apart from the service worker's caches, which it replaces on every new version.
const LAST_GOOD_CACHE: &str = "catalogue-last-good";
/// Which build the saved copy is, so an unchanged catalogue is not written again on every visit.
const BUILT_HEADER: &str = "x-catalogue-built";

/// The engine, and why the newest catalogue was not used when the saved copy stands in for it.
#[derive(Clone)]
pub struct Loaded {
    pub engine: Arc<Engine>,
    pub fallback: Option<Fallback>,
}

#[derive(Clone)]
pub struct Fallback {
    /// What was wrong with the newest file, naming it.
    pub problem: String,
    /// Build time of the copy shown.
    pub built: String,
}

pub async fn catalogue() -> Result<Loaded, String> {
    match newest().await {
        Ok((bytes, catalogue)) => {
            let built = catalogue.built.clone();
            // Only a catalogue the engine has taken in is kept as the good copy, and keeping it
            // (a megabyte into Cache Storage) must not hold up the first results.
            let engine = Arc::new(Engine::new(catalogue));
            crate::timing::mark("engine");
            wasm_bindgen_futures::spawn_local(async move { save_last_good(&bytes, &built).await });
            Ok(Loaded {
                engine,
                fallback: None,
            })
        }
        Err(problem) => match last_good().await {
            Some(catalogue) => {
                web_sys::console::warn_1(
                    &format!(
                        "Perheopas: {problem}; showing the saved catalogue of {}",
                        catalogue.built
                    )
                    .into(),
                );
                let built = catalogue.built.clone();
                Ok(Loaded {
                    engine: Arc::new(Engine::new(catalogue)),
                    fallback: Some(Fallback { problem, built }),
                })
            }
            None => Err(problem),
        },
    }
}

async fn newest() -> Result<(Vec<u8>, Catalogue), String> {
    let (status, bytes) = match begun_download().await {
        Some(download) => download,
        None => download().await,
    }
    .map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    if !(200..300).contains(&status) {
        return Err(format!("{CATALOGUE_FILE}: HTTP {status}"));
    }
    crate::timing::mark("fetched");
    let catalogue =
        perheopas_core::asset::decode(&bytes).map_err(|e| format!("{CATALOGUE_FILE}: {e}"))?;
    crate::timing::mark("decoded");
    Ok((bytes, catalogue))
}

/// The base map for the offline map view.
pub async fn basemap() -> Result<BaseMap, String> {
    let response = gloo_net::http::Request::get(BASEMAP_FILE)
        .send()
        .await
        .map_err(|e| format!("{BASEMAP_FILE}: {e}"))?;
    if !response.ok() {
        return Err(format!("{BASEMAP_FILE}: HTTP {}", response.status()));
    }
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    BaseMap::decode(&bytes).map_err(|e| format!("{BASEMAP_FILE}: {e:?}"))
}

/// Status and bytes of the catalogue.
type Download = Result<(u16, Vec<u8>), String>;

async fn download() -> Download {
    let response = gloo_net::http::Request::get(CATALOGUE_FILE)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    Ok((response.status(), bytes))
}

/// The download `boot.js` began while the page was read (`window.perheopasCatalogue`), taken
/// once: a later load asks the network again. `None` where there is none, as when the page's
/// own script did not run.
async fn begun_download() -> Option<Download> {
    let window = web_sys::window()?;
    let key = JsValue::from_str("perheopasCatalogue");
    let promise = js_sys::Reflect::get(&window, &key)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(match JsFuture::from(promise).await {
        Ok(done) => {
            let field = |name: &str| js_sys::Reflect::get(&done, &JsValue::from_str(name)).ok();
            let status = field("status").and_then(|s| s.as_f64()).map(|s| s as u16);
            let bytes = field("bytes").and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok());
            match (status, bytes) {
                (Some(status), Some(bytes)) => Ok((status, Uint8Array::new(&bytes).to_vec())),
                _ => Err("the page's download gave no status and bytes".to_string()),
            }
        }
        Err(e) => Err(js_error(&e)),
    })
}

/// "TypeError: Failed to fetch", as the browser words a failed download.
fn js_error(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

async fn await_js<T: JsCast>(promise: Promise) -> Option<T> {
    JsFuture::from(promise).await.ok()?.dyn_into::<T>().ok()
}

/// The last-good cache, where the browser offers Cache Storage. Only secure contexts (https,
/// localhost) have it; elsewhere `window.caches` is undefined and calling into it would throw.
async fn open_cache() -> Option<Cache> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let caches = window.caches().ok()?;
    await_js(caches.open(LAST_GOOD_CACHE)).await
}

async fn saved_response(cache: &Cache) -> Option<Response> {
    await_js(cache.match_with_str(CATALOGUE_FILE)).await
}

/// Keeps this copy for a later visit whose download goes wrong. Failing to save only costs that
/// safety net, so it is logged, not shown.
async fn save_last_good(bytes: &[u8], built: &str) {
    let Some(cache) = open_cache().await else {
        return;
    };
    if let Some(saved) = saved_response(&cache).await {
        if saved.headers().get(BUILT_HEADER).ok().flatten().as_deref() == Some(built) {
            return;
        }
    }
    let init = ResponseInit::new();
    let headers = web_sys::Headers::new().and_then(|h| {
        h.set("content-type", "application/octet-stream")?;
        h.set(BUILT_HEADER, built)?;
        Ok(h)
    });
    let stored = headers.and_then(|h| {
        init.set_headers_headers(&h);
        Response::new_with_opt_js_u8_array_and_init(Some(&Uint8Array::from(bytes)), &init)
    });
    let result = match stored {
        Ok(response) => JsFuture::from(cache.put_with_str(CATALOGUE_FILE, &response))
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        web_sys::console::warn_2(
            &JsValue::from_str("Perheopas: could not keep a copy of the catalogue"),
            &e,
        );
    }
}

async fn last_good() -> Option<Catalogue> {
    let cache = open_cache().await?;
    let response = saved_response(&cache).await?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    // The saved copy went through the same checks when it was saved, but the app may since have
    // moved to a newer format; then it is no use either.
    match perheopas_core::asset::decode(&bytes) {
        Ok(catalogue) => Some(catalogue),
        Err(e) => {
            web_sys::console::warn_1(
                &format!("Perheopas: the saved catalogue cannot be used either: {e}").into(),
            );
            None
        }
    }
}
