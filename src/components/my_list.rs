//! The "save to my list" toggle on cards and service pages (the list itself: `state`); on a
//! kiosk, which has no list, "Valitse" in its place (`kiosk::choice`).

use leptos::prelude::*;

use crate::components::kiosk::choice::ChooseButton;
use crate::i18n::*;
use crate::state::use_my_list;

/// A toggle button; its name stays the same and `aria-pressed` tells whether it is saved.
#[component]
pub fn SaveButton(id: String) -> impl IntoView {
    if crate::components::kiosk::is_kiosk() {
        return view! { <ChooseButton id/> }.into_any();
    }
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
    .into_any()
}
