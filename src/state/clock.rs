//! The current time in Finland, as a signal that ticks every 30 seconds, for "open now".

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime};
use leptos::prelude::*;
use perheopas_core::hours::helsinki_now;

#[derive(Clone, Copy)]
struct Clock(RwSignal<NaiveDateTime>);

fn now() -> NaiveDateTime {
    // The browser's clock (which tests can set); the time zone rule lives in the core.
    let utc = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    helsinki_now(utc)
}

pub fn provide_clock() {
    let clock = RwSignal::new(now());
    set_interval(move || clock.set(now()), Duration::from_secs(30));
    provide_context(Clock(clock));
}

pub fn use_clock() -> RwSignal<NaiveDateTime> {
    expect_context::<Clock>().0
}
