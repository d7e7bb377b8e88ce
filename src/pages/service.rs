//! One service's page: what it is, for whom, how to get it, and every place and way to reach it.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::model::{Catalogue, DeliveryPoint, Lang};

use perheopas_core::closure::Closure;

use crate::components::content::Content;
use crate::components::hours::{OpenStatus, WeekTable};
use crate::components::kiosk::is_kiosk;
use crate::components::level_badge::LevelBadge;
use crate::components::links::{MailLink, NetLink, PhoneLink};
use crate::components::my_list::SaveButton;
use crate::components::share::{current_url, PrintButton, QrLink, ShareButton};
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
    });
    move || {
        let lang = lang.get();
        let loc = locale(lang);
        let back = href(&query, None);
        let Some((index, s)) = engine.catalogue.service_by_id(&id) else {
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
                <h1 tabindex="-1" node_ref=heading><Content text=s.name.clone() lang/></h1>
                <p class="badges"><LevelBadge level=t.level/> " " <span class="type"><Content text=t.name.clone() lang/></span></p>
                // A closure's alert says why and until when; once the closure is over, it is not news.
                {(!s.alert.is_empty() && (closure.is_none() || closed_today)).then(|| view! { <p class="notice alert" role="note"><Content text=s.alert.clone() lang/></p> })}
                <OpenStatus hours=None lang closure/>
                {alternative.map(|(id, name, km)| view! {
                    <p class="alternative">{td_string!(loc, closed_alternative)} " " <a href=href(&query, Some(&id))>{name}</a> {km}</p>
                })}
                <p class="lead"><Content text=s.summary.clone() lang/></p>
                {(!s.description.is_empty()).then(|| view! { <p><Content text=s.description.clone() lang/></p> })}
                <dl class="facts service-facts">
                    <div><dt>{td_string!(loc, fact_for_whom)}</dt><dd>{ages(lang, s.age_min, s.age_max)}</dd></div>
                    <div><dt>{td_string!(loc, fact_how_to_get)}</dt><dd>
                        <strong>{labels::access(lang, s.access)}</strong>
                        {(!s.how_to_get.is_empty()).then(|| view! { ". " <Content text=s.how_to_get.clone() lang/> })}
                    </dd></div>
                    <div><dt>{td_string!(loc, fact_cost)}</dt><dd>
                        {labels::cost(lang, s.cost)}
                        {(!s.cost_text.is_empty()).then(|| view! { ". " <Content text=s.cost_text.clone() lang/> })}
                    </dd></div>
                    <div><dt>{td_string!(loc, fact_languages)}</dt><dd>{languages}</dd></div>
                    <div><dt>{td_string!(loc, fact_organiser)}</dt><dd><Content text=org.name.clone() lang/></dd></div>
                    <div><dt>{td_string!(loc, fact_area)}</dt><dd>{cat.place_name(s, lang)}</dd></div>
                </dl>
                <h2>{td_string!(loc, contacts_title)}</h2>
                <ul class="delivery-list">
                    {s.delivery.iter().map(|d| view! { <li><DeliveryCard d=d.clone() cat lang closure/></li> }).collect_view()}
                </ul>
                <p class="checked">{td_string!(loc, checked, date = s.last_checked.clone()).to_string()}</p>
                <div class="actions">
                    <SaveButton id=s.id.clone()/>
                    {(!kiosk).then(|| view! {
                        <PrintButton/>
                        <ShareButton title=s.name.get(lang).text.to_string() url=Signal::derive(current_url)/>
                    })}
                </div>
                // On a kiosk the code opens the service in the full app on the visitor's phone.
                <QrLink url=Signal::derive({ let id = s.id.clone(); move || if kiosk { full_app_href(&id) } else { current_url() } })/>
            </article>
        }
        .into_any()
    }
}

#[component]
fn DeliveryCard<'a>(
    d: DeliveryPoint,
    cat: &'a Catalogue,
    lang: Lang,
    closure: Option<Closure>,
) -> impl IntoView {
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
    view! {
        <section class="delivery">
            <h3>{title}</h3>
            {address}
            {d.hours.clone().map(|h| view! { <OpenStatus hours=Some(h.clone()) lang closure/> <WeekTable hours=h lang closure/> })}
            {(!d.hours_note.is_empty()).then(|| view! { <p><Content text=d.hours_note.clone() lang/></p> })}
            {d.phones.iter().map(|p| {
                let note = (!p.note.is_empty()).then(|| view! { " (" <Content text=p.note.clone() lang/> ")" });
                view! { <p><PhoneLink number=p.number.clone()/>{note}</p> }
            }).collect_view()}
            {d.email.clone().map(|e| view! { <p><MailLink address=e/></p> })}
            {d.web.clone().map(|w| view! { <p><NetLink href=w label=td_string!(loc, website)/></p> })}
            {d.booking.clone().map(|w| view! { <p><NetLink href=w label=td_string!(loc, booking)/></p> })}
            {(!features.is_empty()).then(|| view! { <p class="access-features">{td_string!(loc, accessibility)} ": " {features}</p> })}
            {(!d.accessibility_note.is_empty()).then(|| view! { <p><Content text=d.accessibility_note.clone() lang/></p> })}
            {d.walk_in.then(|| view! { <p>{td_string!(loc, walk_in)}</p> })}
        </section>
    }
}
