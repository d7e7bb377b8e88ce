//! A kiosk has no My list (a list kept on a shared screen could never be seen again by the family
//! and would be left for the next visitor). Instead a family taps "Valitse" on services and takes
//! them all along at once: one QR code of the full app's shared-list address with those ids.
//! The choice lives in memory only and goes with the idle reset.

use leptos::prelude::*;

use crate::components::content::Content;
use crate::components::share::qr_svg;
use crate::i18n::*;
use crate::state::{use_engine, use_lang};
use crate::url_state::shared_list_url;

#[derive(Clone, Copy)]
struct Chosen(RwSignal<Vec<String>>);

/// Starts an empty choice; call once in a kiosk.
pub fn provide_chosen() {
    provide_context(Chosen(RwSignal::new(Vec::new())));
}

fn use_chosen() -> Option<RwSignal<Vec<String>>> {
    use_context::<Chosen>().map(|c| c.0)
}

/// "Valitse": a toggle, its name the same either way and `aria-pressed` telling whether chosen.
#[component]
pub fn ChooseButton(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(chosen) = use_chosen() else {
        return ().into_any();
    };
    let id2 = id.clone();
    let on = Memo::new(move |_| chosen.with(|l| l.contains(&id2)));
    view! {
        <button
            type="button"
            class="save-button choose-button"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| chosen.update(|l| match l.iter().position(|x| *x == id) {
                Some(i) => {
                    l.remove(i);
                }
                None => l.push(id.clone()),
            })
        >
            <span aria-hidden="true" class="tick">{move || if on.get() { "✓" } else { "+" }}</span>
            " "
            {t!(i18n, kiosk_choose)}
        </button>
    }
    .into_any()
}

/// The chosen services and one QR code that opens them in the full app on the visitor's phone;
/// shown along the screen's bottom edge while anything is chosen.
#[component]
pub fn ChosenTray() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let engine = use_engine();
    let Some(chosen) = use_chosen() else {
        return ().into_any();
    };
    view! {
        <Show when=move || chosen.with(|l| !l.is_empty())>
            {
                let engine = engine.clone();
                move || {
                    let ids = chosen.get();
                    let lang = lang.get();
                    let url = shared_list_url(&ids, lang);
                    let svg = qr_svg(&url, 240);
                    let names = ids
                        .iter()
                        .filter_map(|id| engine.catalogue.service_by_id(id))
                        .map(|(_, s)| view! { <li><Content text=s.name.clone() lang/></li> })
                        .collect_view();
                    view! {
                        <section class="kiosk-tray" aria-labelledby="chosen-title">
                            <div class="qr-code kiosk-tray-qr" role="img" aria-label=t_string!(i18n, kiosk_chosen_qr_alt).to_string() inner_html=svg></div>
                            <div class="kiosk-tray-text">
                                <h2 id="chosen-title">{t_string!(i18n, kiosk_chosen_title, count = ids.len()).to_string()}</h2>
                                <p class="kiosk-tray-scan">{t!(i18n, kiosk_take_along)}</p>
                                <ul class="kiosk-tray-list">{names}</ul>
                                <p class="handoff-url">{url.clone()}</p>
                            </div>
                            <button type="button" class="action kiosk-tray-clear" on:click=move |_| chosen.set(Vec::new())>
                                {t!(i18n, kiosk_chosen_clear)}
                            </button>
                        </section>
                    }
                }
            }
        </Show>
    }
    .into_any()
}
