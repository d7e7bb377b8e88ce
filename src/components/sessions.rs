//! Group sessions (issue 18 item 4): for service types that meet at set times, "next session"
//! and the coming dates instead of "open now", each one addable to the phone's calendar as an
//! `.ics` file made on the device.

use std::time::Duration;

use chrono::DateTime;
use leptos::prelude::*;
use perheopas_core::datefmt::session_label;
use perheopas_core::facets::Engine;
use perheopas_core::ics::{session_ics, IcsSession};
use perheopas_core::model::Lang;
use perheopas_core::sessions::Session;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_clock, use_engine};
use crate::url_state::full_app_href;

/// Sessions listed on a service page: the next one and four after it.
const LISTED: usize = 5;

/// A card's line: "Seuraava kerta: ke 9.12. klo 17.00–19.00", from the first place that has
/// sessions coming; says so when none are known.
#[component]
pub fn NextSession(index: u32, lang: Lang) -> impl IntoView {
    let engine = use_engine();
    let clock = use_clock();
    let loc = locale(lang);
    move || {
        let cat = &engine.catalogue;
        let s = &cat.services[index as usize];
        let now = clock.get();
        let next = (0..s.delivery.len())
            .filter_map(|d| cat.service_sessions(s, d, now, 1).first().copied())
            .min_by_key(|x| x.start);
        match next {
            Some(x) => view! {
                <p class="next-session">{td_string!(loc, session_next, when = session_label(x.start, x.end, lang)).to_string()}</p>
            }
            .into_any(),
            None => view! { <p class="next-session none">{td_string!(loc, sessions_none)}</p> }.into_any(),
        }
    }
}

/// A place's coming sessions on the service page, each with "add to calendar".
#[component]
pub fn SessionList(index: u32, delivery: usize, lang: Lang) -> impl IntoView {
    let engine = use_engine();
    let clock = use_clock();
    let loc = locale(lang);
    move || {
        let cat = &engine.catalogue;
        let s = &cat.services[index as usize];
        let sessions = cat.service_sessions(s, delivery, clock.get(), LISTED);
        let Some((next, rest)) = sessions.split_first() else {
            return view! { <p class="next-session none">{td_string!(loc, sessions_none)}</p> }
                .into_any();
        };
        let next_label = session_label(next.start, next.end, lang);
        let rest = rest.to_vec();
        view! {
            <div class="sessions">
                <p class="next-session">{td_string!(loc, session_next, when = next_label.clone()).to_string()}</p>
                <CalendarButton index delivery session=*next lang/>
                {(!rest.is_empty()).then(|| view! {
                    <h4>{td_string!(loc, sessions_coming)}</h4>
                    <ul class="session-dates">
                        {rest.into_iter().map(|x| view! {
                            <li><span class="session-when">{session_label(x.start, x.end, lang)}</span> <CalendarButton index delivery session=x lang/></li>
                        }).collect_view()}
                    </ul>
                })}
            </div>
        }
        .into_any()
    }
}

/// "Lisää kalenteriin": makes the session's `.ics` on the device and hands it to the browser as
/// a download, which a phone opens in its calendar. Nothing leaves the device.
#[component]
fn CalendarButton(index: u32, delivery: usize, session: Session, lang: Lang) -> impl IntoView {
    let loc = locale(lang);
    let when = session_label(session.start, session.end, lang);
    // Taken now: an event handler runs outside the component's owner.
    let engine = use_engine();
    let on_click = move |_| {
        if let Err(e) = download(&engine, index, delivery, session, lang) {
            web_sys::console::error_2(&"add to calendar failed:".into(), &e);
        }
    };
    // The visible words begin the accessible name (WCAG 2.5.3); the date tells the buttons apart.
    view! {
        <button type="button" class="action calendar" aria-label=td_string!(loc, add_to_calendar_when, when = when).to_string() on:click=on_click>
            {td_string!(loc, add_to_calendar)}
        </button>
    }
}

/// Builds the calendar entry and downloads it as `<service id>-<date>.ics`.
fn download(
    engine: &Engine,
    index: u32,
    delivery: usize,
    session: Session,
    lang: Lang,
) -> Result<(), JsValue> {
    let cat = &engine.catalogue;
    let s = &cat.services[index as usize];
    let place = &s.delivery[delivery];
    let summary = s.name.get(lang).text;
    let location = place.address.as_ref().map(|a| {
        let name = if place.name.is_empty() {
            String::new()
        } else {
            format!("{}, ", place.name.get(lang).text)
        };
        format!(
            "{name}{}, {} {}",
            a.street.get(lang).text,
            a.postcode,
            a.post_office.get(lang).text
        )
    });
    let description = (!s.summary.is_empty()).then(|| s.summary.get(lang).text);
    let url = full_app_href(&s.id);
    let stamp = DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .unwrap_or_default()
        .naive_utc();
    let text = session_ics(&IcsSession {
        service_id: &s.id,
        summary,
        location: location.as_deref(),
        description,
        url: Some(&url),
        start: session.start,
        end: session.end,
        stamp_utc: stamp,
    });
    let filename = format!("{}-{}.ics", s.id, session.start.format("%Y-%m-%d"));
    save_file(&filename, "text/calendar;charset=utf-8", &text)
}

/// `new Blob([text], {type})`, an object URL for it, and a click on a download link. The options
/// object is built by hand: web-sys's `BlobPropertyBag` feature is not enabled for the app.
fn save_file(filename: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &mime.into())?;
    let blob_class: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Blob".into())?.dyn_into()?;
    let parts = js_sys::Array::of1(&text.into());
    let blob: web_sys::Blob =
        js_sys::Reflect::construct(&blob_class, &js_sys::Array::of2(&parts, &options))?
            .unchecked_into();
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlElement = document.create_element("a")?.unchecked_into();
    link.set_attribute("href", &url)?;
    link.set_attribute("download", filename)?;
    link.click();
    // The browser has taken the file once the click is handled; the URL is freed a little later
    // (at once would cancel the download in some browsers).
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}
