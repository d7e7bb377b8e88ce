//! The ways to reach a service as buttons, first on every card and service page (issue 18 item
//! 3): call, book, chat or web, e-mail, directions. The links come from the core
//! (`perheopas_core::actions`); nothing is fetched or sent until the family taps one.

use leptos::prelude::*;
use perheopas_core::actions::{actions, Action};
use perheopas_core::model::{Lang, Service};

use crate::components::content::Content;
use crate::components::kiosk::is_kiosk;
use crate::components::links::ActionLink;
use crate::i18n::*;
use crate::labels::locale;

/// Which of a service's actions a card shows: the first of each kind, without e-mail or a plain
/// web page when a quicker way is there. A card is a summary; the page lists every way.
fn for_card(all: Vec<Action>) -> Vec<Action> {
    let kind = |a: &Action| std::mem::discriminant(a);
    let mut out: Vec<Action> = Vec::new();
    for a in all {
        if !out.iter().any(|o| kind(o) == kind(&a)) {
            out.push(a);
        }
    }
    let direct = |a: &Action| {
        matches!(
            a,
            Action::Call { .. } | Action::Book { .. } | Action::Chat { .. }
        )
    };
    let has_direct = out.iter().any(direct);
    let has_other = out.iter().any(|a| !matches!(a, Action::Email { .. }));
    out.retain(|a| match a {
        Action::Web { .. } => !has_direct,
        Action::Email { .. } => !has_other,
        _ => true,
    });
    out
}

/// The service's actions as a row of buttons; `card` keeps a card's short selection.
#[component]
pub fn ActionBar<'a>(
    service: &'a Service,
    lang: Lang,
    #[prop(optional)] card: bool,
) -> impl IntoView {
    let loc = locale(lang);
    let all = actions(service, lang);
    let places = all
        .iter()
        .filter(|a| matches!(a, Action::Directions { .. }))
        .count();
    let shown = if card { for_card(all) } else { all };
    if shown.is_empty() {
        return ().into_any();
    }
    let items = shown
        .into_iter()
        .map(|a| {
            let link = match a {
                Action::Call { number, href, note } => {
                    // The number is shown as well as called: a family may want to note it down.
                    let detail = view! {
                        {number.clone()}
                        {(!card && !note.is_empty()).then(|| view! { " · " <Content text=note lang/> })}
                    }
                    .into_any();
                    let detail = Some(detail);
                    view! { <ActionLink kind="call" href label=td_string!(loc, action_call) detail handoff_label=number/> }.into_any()
                }
                Action::Book { url } => {
                    view! { <ActionLink kind="book" href=url label=td_string!(loc, booking) web=true/> }.into_any()
                }
                Action::Chat { url } => {
                    view! { <ActionLink kind="chat" href=url label=td_string!(loc, action_chat) web=true/> }.into_any()
                }
                Action::Web { url } => {
                    view! { <ActionLink kind="web" href=url label=td_string!(loc, website) web=true/> }.into_any()
                }
                Action::Email { address, href } => {
                    let detail = (!card).then(|| view! { {address.clone()} }.into_any());
                    view! { <ActionLink kind="email" href label=td_string!(loc, action_email) detail handoff_label=address/> }.into_any()
                }
                Action::Directions { delivery, geo, map_url } => {
                    // With several places the button names the one it leads to.
                    let d = &service.delivery[delivery];
                    let detail = (!card && places > 1 && !d.name.is_empty())
                        .then(|| view! { <Content text=d.name.clone() lang/> }.into_any());
                    let label = td_string!(loc, action_directions);
                    // `geo:` opens the phone's map app; a desktop browser has none, so the web
                    // map is beside it (not requested before it is tapped).
                    view! {
                        <ActionLink kind="directions" href=geo label detail handoff_url=map_url.clone()/>
                        {(!is_kiosk()).then(|| view! { <ActionLink kind="web-map" href=map_url label=td_string!(loc, action_web_map) web=true/> })}
                    }
                    .into_any()
                }
            };
            view! { <li>{link}</li> }
        })
        .collect_view();
    view! { <ul class="action-bar" class:card-actions=card aria-label=td_string!(loc, actions_title)>{items}</ul> }
        .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use perheopas_core::model::Text;

    fn call(n: &str) -> Action {
        Action::Call {
            number: n.into(),
            href: format!("tel:{n}"),
            note: Text::default(),
        }
    }

    #[test]
    fn a_card_shows_the_first_of_each_kind_and_drops_web_and_mail_when_quicker_ways_exist() {
        let web = Action::Web {
            url: "https://example.fi".into(),
        };
        let mail = Action::Email {
            address: "a@example.fi".into(),
            href: "mailto:a@example.fi".into(),
        };
        let got = for_card(vec![call("1"), call("2"), web.clone(), mail.clone()]);
        assert_eq!(got, vec![call("1")]);
        assert_eq!(for_card(vec![web.clone(), mail.clone()]), vec![web]);
        assert_eq!(for_card(vec![mail.clone()]), vec![mail]);
    }
}
