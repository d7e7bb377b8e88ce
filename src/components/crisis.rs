//! Crisis help: 112, the national crisis and violence helplines and the area's social emergency
//! service, tap to call, in the app's own words. The lines are compiled into the app (`build.rs`
//! from `data/crisis/`), so they show even when the catalogue has not loaded.

use std::sync::OnceLock;

use leptos::prelude::*;
use perheopas_core::crisis::{decode, lines_for, CrisisKind, CrisisLine};
use perheopas_core::model::Lang;

use crate::i18n::*;
use crate::labels::locale;
use crate::state::use_lang;
use crate::url_state::{href_view, View};

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/crisis.bin"));

/// Every line the app carries, decoded once.
pub fn all_lines() -> &'static [CrisisLine] {
    static LINES: OnceLock<Vec<CrisisLine>> = OnceLock::new();
    // build.rs wrote these bytes from lines it had just checked: a failure is a build bug.
    LINES.get_or_init(|| decode(BYTES).expect("crisis lines compiled by build.rs"))
}

/// The crisis lines for the family's area (a county code) or, without one, the national ones.
/// `compact` shows the most urgent few, with a link to all of them.
#[component]
pub fn CrisisHelp(
    #[prop(into)] county: Signal<Option<String>>,
    #[prop(optional)] compact: bool,
    #[prop(optional)] heading_level: u8,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let loc = locale(lang);
        let county = county.get();
        let lines = lines_for(all_lines(), county.as_deref());
        let has_local = lines.iter().any(|l| l.kind == CrisisKind::SocialEmergency);
        let shown: Vec<&CrisisLine> = if compact {
            lines.iter().copied().take(4).collect()
        } else {
            lines.clone()
        };
        let more = compact && shown.len() < lines.len();
        let title = td_string!(loc, crisis_title).to_string();
        let heading = if heading_level == 1 {
            view! { <h1 id="crisis-title">{title}</h1> }.into_any()
        } else {
            view! { <h2 id="crisis-title">{title}</h2> }.into_any()
        };
        view! {
            <section class="crisis" aria-labelledby="crisis-title">
                {heading}
                <ul class="crisis-lines">
                    {shown.into_iter().map(|l| view! { <li><Line line=l.clone() lang/></li> }).collect_view()}
                </ul>
                {(!has_local).then(|| view! { <p class="hint">{td_string!(loc, crisis_no_area)}</p> })}
                <p class="crisis-links">
                    {more.then(|| view! { <a href=href_view(&View::Help)>{td_string!(loc, crisis_all_lines)}</a> " · " })}
                    <a href=href_view(&View::Safety)>{td_string!(loc, safety_link)}</a>
                </p>
            </section>
        }
    }
}

#[component]
fn Line(line: CrisisLine, lang: Lang) -> impl IntoView {
    let loc = locale(lang);
    let call = td_string!(loc, crisis_call, number = line.phone.clone()).to_string();
    let name = line.name(lang).to_string();
    view! {
        <div class="crisis-line" class:sample=line.sample>
            <p class="crisis-name"><strong>{name.clone()}</strong> " · " <span class="crisis-hours">{line.hours.get(lang).text.to_string()}</span></p>
            <p class="crisis-when">{line.when.get(lang).text.to_string()}</p>
            <a class="call" href=line.tel_href() aria-label=format!("{call} – {name}")>{call.clone()}</a>
            {line.sample.then(|| view! { <p class="sample-mark">{td_string!(loc, crisis_sample)}</p> })}
        </div>
    }
}
