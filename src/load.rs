//! Fetching files that sit beside the app: the map's base map here, the catalogue's parts in
//! [`crate::parts`]; and the device's own store for saved copies (Cache Storage).

use js_sys::Promise;
use perheopas_core::map::basemap::BaseMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::Cache;

/// The map's base map, fetched when the map is first opened.
pub const BASEMAP_FILE: &str = "basemap.bin";

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

/// Status and bytes of a file.
pub(crate) type Download = Result<(u16, Vec<u8>), String>;

pub(crate) async fn download(path: &str) -> Download {
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let bytes = response.binary().await.map_err(|e| e.to_string())?;
    Ok((response.status(), bytes))
}

/// "TypeError: Failed to fetch", as the browser words a failed download.
pub(crate) fn js_error(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", String::from(e.name()), String::from(e.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

pub(crate) async fn await_js<T: JsCast>(promise: Promise) -> Option<T> {
    JsFuture::from(promise).await.ok()?.dyn_into::<T>().ok()
}

/// The store of saved copies, where the browser offers Cache Storage. Only secure contexts
/// (https, localhost) have it; elsewhere `window.caches` is undefined and calling into it would
/// throw.
pub(crate) async fn open_cache() -> Option<Cache> {
    let window = web_sys::window()?;
    if !window.is_secure_context() {
        return None;
    }
    let caches = window.caches().ok()?;
    await_js(caches.open(crate::parts::LAST_GOOD_CACHE)).await
}
