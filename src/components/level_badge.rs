//! A small badge naming a service's level, coloured per level (the colour is never the only cue).

use leptos::prelude::*;
use perheopas_core::model::Level;

use crate::labels;
use crate::state::use_lang;

#[component]
pub fn LevelBadge(level: Level) -> impl IntoView {
    let lang = use_lang();
    view! { <span class=format!("level-badge level-{}", level.id())>{move || labels::level(lang.get(), level)}</span> }
}
