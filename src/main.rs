//! Perheopas in the browser: mounts the app. Everything else lives in `app` and below.

fn main() {
    console_error_panic_hook::set_once();
    perheopas::timing::mark("start");
    leptos::mount::mount_to_body(perheopas::app::App);
    perheopas::timing::mark("mounted");
    // The static loading message in index.html goes only once the app stands, so a failure while
    // mounting still has a place for boot.js to say what happened.
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}
