//! One service's page: the ways to reach it first (call, book, directions …), then what it is,
//! for whom, how to get it, every place with its hours or group sessions, and how fresh the
//! information is.

use leptos::prelude::*;
use perheopas_core::datefmt::date_label;
use perheopas_core::filter::Query;
use perheopas_core::freshness::{describe, freshness};
use perheopas_core::model::{Catalogue, Lang, Service, Text};

use perheopas_core::closure::Closure;

use crate::components::actions::ActionBar;
use crate::components::content::{any_machine, Content, MachineNotice};
use crate::components::hours::{OpenStatus, WeekTable};
use crate::components::kiosk::is_kiosk;
use crate::components::level_badge::LevelBadge;
use crate::components::my_list::SaveButton;
use crate::components::parts_status::PartsStatus;
use crate::components::sessions::SessionList;
use crate::components::share::{current_url, PrintButton, QrLink, ShareButton, TakeAlongQr};
use crate::i18n::*;
use crate::labels::{self, locale};
use crate::state::{use_clock, use_engine, use_lang};
use crate::url_state::{full_app_href, href};

/// Ages in words: "raskausaika – 6 v", "Kaikenikäisille".
fn ages(lang: Lang, min: f32, max: f32) -> String {
    let loc = locale(lang);
    if min <= 0.0 && max >= 99.0 {
        return td_string!(loc, ages_all).to_string();
    }
    let from = if min < 0.0 {
        td_string!(loc, ages_pregnancy).to_string()
    } else {
        min.to_string()
    };
    td_string!(loc, ages_range, from = from, to = max.to_string()).to_string()
}

#[component]
pub fn ServicePage(id: String, query: Query) -> impl IntoView {
    let engine = use_engine();
    let parts = crate::state::use_parts();
    let lang = use_lang();
    let kiosk = is_kiosk();
    // Opening a service moves focus to its name, so screen readers and keyboards start there
    // (in a widget too, without scrolling the host page).
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h.focus_with_options(&options);
        }
        // A kiosk has no "back to where I was" scrolling to keep: its visitor starts reading at
        // the title and the code beside it, not wherever the results list had been scrolled to.
        if kiosk {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
    move || {
        let lang = lang.get();
        let loc = locale(lang);
        let back = href(&query, None);
        let Some((index, s)) = engine.catalogue.service_by_id(&id) else {
            // Not here yet: it may be in a county's shard that is still on its way.
            if parts.status.with(|s| !s.pending.is_empty()) {
                return view! { <PartsStatus/> }.into_any();
            }
            return view! {
                <div class="notice" role="alert">
                    <h1>{td_string!(loc, not_found_title)}</h1>
                    <p>{td_string!(loc, not_found_text)}</p>
                    <p><a href=back>{td_string!(loc, back_to_search)}</a></p>
                </div>
            }
            .into_any();
        };
        let cat = &engine.catalogue;
        let t = cat.service_type(s);
        let org = cat.organisation(s);
        let languages = s
            .languages
            .iter()
            .map(|l| labels::language_name(lang, l))
            .collect::<Vec<_>>()
            .join(", ");
        let closure = s.closure();
        let today = use_clock().get_untracked().date();
        // "Last checked" as the UI language writes a date; a service unchecked for over six
        // months says so near the top, in words.
        let checked = chrono::NaiveDate::parse_from_str(&s.last_checked, "%Y-%m-%d")
            .map(|d| date_label(d, lang))
            .unwrap_or_else(|_| s.last_checked.clone());
        let stale = describe(freshness(&s.last_checked, today), lang);
        let machine = any_machine(page_texts(s, &org.name, &t.name), lang);
        let closed_today = closure.is_some_and(|c| c.covers(today));
        // A closed service points to the nearest one of its kind that is open.
        let alternative = closed_today
            .then(|| cat.open_alternative(index, today))
            .flatten()
            .map(|a| {
                let alt = &cat.services[a.service];
                let km = a.km.map(|km| {
                    format!(
                        " ({})",
                        td_string!(loc, distance_km, km = format!("{km:.0}"))
                    )
                });
                (alt.id.clone(), alt.name.get(lang).text.to_string(), km)
            });
        view! {
            <article class="service-page">
                <p><a class="back" href=back>{td_string!(loc, back_to_results)}</a></p>
                {if kiosk {
                    // The code to take the service along, beside its title on the first screen.
                    view! {
                        <div class="kiosk-title-row">
                            <div class="kiosk-title">
                                <h1 tabindex="-1" node_ref=heading><Content text=s.name.clone() lang/></h1>
                                <SaveButton id=s.id.clone()/>
                            </div>
                            <TakeAlongQr url=full_app_href(&s.id) name=s.name.get(lang).text.to_string()/>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <h1 tabindex="-1" node_ref=heading><Content text=s.name.clone() lang/></h1> }.into_any()
                }}
                <ActionBar service=s lang/>
                <p class="badges"><LevelBadge level=t.level/> " " <span class="type"><Content text=t.name.clone() lang/></span></p>
                {machine.then(|| view! { <MachineNotice lang/> })}
                {stale.map(|text| view! { <p class="notice stale" role="note">{text}</p> })}
                // A closure's alert says why and until when; once the closure is over, it is not news.
                {(!s.alert.is_empty() && (closure.is_none() || closed_today)).then(|| view! { <p class="notice alert" role="note"><Content text=s.alert.clone() lang tag=true/></p> })}
                <OpenStatus hours=None lang closure/>
                {alternative.map(|(id, name, km)| view! {
                    <p class="alternative">{td_string!(loc, closed_alternative)} " " <a href=href(&query, Some(&id))>{name}</a> {km}</p>
                })}
                <p class="lead"><Content text=s.summary.clone() lang tag=true/></p>
                {(!s.description.is_empty()).then(|| view! { <p><Content text=s.description.clone() lang tag=true/></p> })}
                <dl class="facts service-facts">
                    <div><dt>{td_string!(loc, fact_for_whom)}</dt><dd>{ages(lang, s.age_min, s.age_max)}</dd></div>
                    <div><dt>{td_string!(loc, fact_how_to_get)}</dt><dd>
                        <strong>{labels::access(lang, s.access)}</strong>
                        {(!s.how_to_get.is_empty()).then(|| view! { ". " <Content text=s.how_to_get.clone() lang tag=true/> })}
                    </dd></div>
                    <div><dt>{td_string!(loc, fact_cost)}</dt><dd>
                        {labels::cost(lang, s.cost)}
                        {(!s.cost_text.is_empty()).then(|| view! { ". " <Content text=s.cost_text.clone() lang tag=true/> })}
                    </dd></div>
                    <div><dt>{td_string!(loc, fact_languages)}</dt><dd>{languages}</dd></div>
                    <div><dt>{td_string!(loc, fact_organiser)}</dt><dd><Content text=org.name.clone() lang/></dd></div>
                    <div><dt>{td_string!(loc, fact_area)}</dt><dd>{cat.place_name(s, lang)}</dd></div>
                </dl>
                <h2>{td_string!(loc, contacts_title)}</h2>
                <ul class="delivery-list">
                    {(0..s.delivery.len()).map(|d| view! { <li><DeliveryCard index=index as u32 s delivery=d cat lang closure/></li> }).collect_view()}
                </ul>
                <p class="checked">{td_string!(loc, checked, date = checked).to_string()}</p>
                // A kiosk has no printer or share sheet; its "Valitse" is beside the title.
                {(!kiosk).then(|| view! {
                    <div class="actions">
                        <SaveButton id=s.id.clone()/>
                        <PrintButton/>
                        <ShareButton title=s.name.get(lang).text.to_string() url=Signal::derive(current_url)/>
                    </div>
                })}
                // On a kiosk the code is beside the title (above).
                {(!kiosk).then(|| view! { <QrLink url=Signal::derive(current_url)/> })}
            </article>
        }
        .into_any()
    }
}

/// Every catalogue text the page shows, for the one machine-translation notice.
fn page_texts<'a>(s: &'a Service, org: &'a Text, kind: &'a Text) -> Vec<&'a Text> {
    let mut texts = vec![
        &s.name,
        &s.summary,
        &s.description,
        &s.how_to_get,
        &s.cost_text,
        &s.alert,
        org,
        kind,
    ];
    for d in &s.delivery {
        texts.extend([&d.name, &d.hours_note, &d.accessibility_note]);
        texts.extend(d.phones.iter().map(|p| &p.note));
    }
    texts
}

/// One place or channel: its address, hours (or group sessions) and accessibility. Its phone
/// numbers, links and directions are in the action bar at the top of the page.
#[component]
fn DeliveryCard<'a>(
    index: u32,
    s: &'a Service,
    delivery: usize,
    cat: &'a Catalogue,
    lang: Lang,
    closure: Option<Closure>,
) -> impl IntoView {
    let d = &s.delivery[delivery];
    let loc = locale(lang);
    let channel = labels::channel(lang, d.channel);
    let title = if d.name.is_empty() {
        view! { {channel.clone()} }.into_any()
    } else {
        view! { <Content text=d.name.clone() lang/> <span class="channel">" · " {channel.clone()}</span> }.into_any()
    };
    let address = d.address.as_ref().map(|a| {
        let muni = cat.municipalities[a.municipality as usize].name.get(lang).text.to_string();
        view! {
            <p class="address">
                <Content text=a.street.clone() lang/> ", " {a.postcode.clone()} " " <Content text=a.post_office.clone() lang/>
                {(muni != a.post_office.fi).then(|| format!(" ({muni})"))}
            </p>
        }
    });
    let features = d
        .accessibility
        .iter()
        .map(|a| labels::feature(lang, *a))
        .collect::<Vec<_>>()
        .join(", ");
    // Types that meet at set times list their sessions instead of opening hours.
    let hours = d.hours.clone().map(|h| {
        if cat.has_sessions(s) {
            view! { <SessionList index delivery lang/> }.into_any()
        } else {
            view! { <OpenStatus hours=Some(h.clone()) lang closure/> <WeekTable hours=h lang closure/> }.into_any()
        }
    });
    view! {
        <section class="delivery">
            <h3>{title}</h3>
            {address}
            {hours}
            {(!d.hours_note.is_empty()).then(|| view! { <p><Content text=d.hours_note.clone() lang tag=true/></p> })}
            {(!features.is_empty()).then(|| view! { <p class="access-features">{td_string!(loc, accessibility)} ": " {features}</p> })}
            {(!d.accessibility_note.is_empty()).then(|| view! { <p><Content text=d.accessibility_note.clone() lang tag=true/></p> })}
            {d.walk_in.then(|| view! { <p>{td_string!(loc, walk_in)}</p> })}
        </section>
    }
}
