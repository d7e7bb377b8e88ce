//! Perheopas in the browser: mounts the app. Everything else lives in `app` and below.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(perheopas::app::App);
}
