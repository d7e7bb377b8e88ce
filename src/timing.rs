//! Marks on the browser's performance timeline for the steps of a start (catalogue fetched,
//! decoded, engine ready), so the load benchmark can say where the time goes without a
//! special build.

/// Adds `perheopas:<step>` to the page's user timing; a browser without the API just has no mark.
pub fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("perheopas:{step}"));
    }
}
