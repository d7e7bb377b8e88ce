//! The saved list (or a list shared by link, `ids=`), ready to print, share or hand to a phone.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::components::result_list::ServiceCard;
use crate::components::share::{PrintButton, QrLink, ShareButton};
use crate::i18n::*;
use crate::state::{use_engine, use_lang, use_my_list};
use crate::url_state::{href, shared_list_url};

#[component]
pub fn MyListPage(shared: Option<String>) -> impl IntoView {
    let engine = use_engine();
    let list = use_my_list();
    let lang = use_lang();
    let i18n = use_i18n();
    let is_shared = shared.is_some();
    let shared_ids: Vec<String> = shared
        .map(|s| {
            s.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    let ids = {
        let shared_ids = shared_ids.clone();
        move || {
            if is_shared {
                shared_ids.clone()
            } else {
                list.get()
            }
        }
    };
    // The share link carries the ids, so the list opens on another device too.
    let share_url = {
        let ids = ids.clone();
        Signal::derive(move || shared_list_url(&ids(), lang.get()))
    };
    let cards = move || {
        let lang = lang.get();
        let cat = &engine.catalogue;
        let ids = ids();
        if ids.is_empty() {
            return view! { <p>{t!(i18n, mylist_empty)}</p> }.into_any();
        }
        let missing = ids
            .iter()
            .filter(|id| cat.service_by_id(id).is_none())
            .count();
        view! {
            <ul class="result-list">
                {ids.iter()
                    .filter_map(|id| cat.service_by_id(id))
                    .map(|(i, s)| view! { <li><ServiceCard index=i as u32 cat lang link=href(&Query::default(), Some(&s.id))/></li> })
                    .collect_view()}
            </ul>
            {(missing > 0).then(|| view! { <p class="notice">{t!(i18n, not_found_text)} " (" {missing} ")"</p> })}
        }
        .into_any()
    };
    let save_all = {
        let shared_ids = shared_ids.clone();
        move |_| {
            list.update(|l| {
                for id in &shared_ids {
                    if !l.contains(id) {
                        l.push(id.clone());
                    }
                }
            })
        }
    };
    view! {
        <section class="my-list">
            <p><a class="back" href=move || { lang.track(); href(&Query::default(), None) }>{t!(i18n, back_to_search)}</a></p>
            <h1>{move || if is_shared { t_string!(i18n, shared_list_title).to_string() } else { t_string!(i18n, mylist_title).to_string() }}</h1>
            <p class="hint">{t!(i18n, mylist_note)}</p>
            {is_shared.then(|| view! { <button type="button" class="action" on:click=save_all>{t!(i18n, save_all)}</button> })}
            {cards}
            <div class="actions">
                <PrintButton/>
                <ShareButton title="Perheopas" url=share_url/>
            </div>
            <QrLink url=share_url/>
        </section>
    }
}
