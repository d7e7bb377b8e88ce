//! "My list": services a family keeps, stored on the device only (localStorage), no login.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::i18n::*;

const KEY: &str = "perheopas.my-list";

#[derive(Clone, Copy)]
pub struct MyList(pub RwSignal<Vec<String>>);

pub fn provide_my_list() {
    let stored: Vec<String> = match LocalStorage::get(KEY) {
        Ok(ids) => ids,
        Err(gloo_storage::errors::StorageError::KeyNotFound(_)) => Vec::new(),
        Err(e) => {
            // A damaged entry is reported, then replaced on the next save.
            web_sys::console::warn_1(
                &format!(
                    "Perheopas: my list in localStorage could not be read ({e}); starting empty"
                )
                .into(),
            );
            Vec::new()
        }
    };
    let list = RwSignal::new(stored);
    Effect::new(move |_| {
        let ids = list.get();
        let result = if ids.is_empty() {
            LocalStorage::delete(KEY);
            Ok(())
        } else {
            LocalStorage::set(KEY, ids)
        };
        if let Err(e) = result {
            web_sys::console::warn_1(
                &format!("Perheopas: my list could not be stored ({e})").into(),
            );
        }
    });
    provide_context(MyList(list));
}

pub fn use_my_list() -> RwSignal<Vec<String>> {
    expect_context::<MyList>().0
}

/// A toggle button; its name stays the same and `aria-pressed` tells whether it is saved.
#[component]
pub fn SaveButton(id: String) -> impl IntoView {
    let list = use_my_list();
    let i18n = use_i18n();
    let id2 = id.clone();
    let saved = Memo::new(move |_| list.with(|l| l.contains(&id2)));
    view! {
        <button
            type="button"
            class="save-button"
            aria-pressed=move || if saved.get() { "true" } else { "false" }
            on:click=move |_| list.update(|l| {
                if let Some(i) = l.iter().position(|x| *x == id) {
                    l.remove(i);
                } else {
                    l.push(id.clone());
                }
            })
        >
            <span aria-hidden="true" class="star">{move || if saved.get() { "★" } else { "☆" }}</span>
            " "
            {t!(i18n, save)}
        </button>
    }
}
