//! Whether the browser is online, followed from its `online` / `offline` events, for links
//! that need the network.

use leptos::ev;
use leptos::prelude::*;

#[derive(Clone, Copy)]
struct Online(RwSignal<bool>);

pub fn provide_online() {
    let online = RwSignal::new(
        web_sys::window()
            .map(|w| w.navigator().on_line())
            .unwrap_or(true),
    );
    let on = window_event_listener(ev::online, move |_| online.set(true));
    let off = window_event_listener(ev::offline, move |_| online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    provide_context(Online(online));
}

pub fn use_online() -> RwSignal<bool> {
    expect_context::<Online>().0
}
