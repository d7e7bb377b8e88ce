//! "Your family centre", above the results once the municipality is known (the search's one
//! municipality, else the family's home): the service area it belongs to, that area's family
//! centre and the nearest open meeting place, each a link to its page. The county's perheneuvo
//! follows it (`contact_point`), so the three come together.

use leptos::prelude::*;
use perheopas_core::filter::Query;
use perheopas_core::model::Lang;

use crate::components::content::Content;
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{try_use_home, use_clock, use_engine, use_lang};
use crate::url_state::href;

/// The municipality the box is about: the search's only one, or the home one when the search
/// names no area at all.
pub fn known_municipality(q: &Query, home: Option<String>) -> Option<String> {
    match q.municipalities.as_slice() {
        [one] if q.counties.is_empty() && q.service_areas.is_empty() => Some(one.clone()),
        [] if q.counties.is_empty() && q.service_areas.is_empty() => home,
        _ => None,
    }
}

#[component]
pub fn FamilyCentre(query: Memo<Query>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let clock = use_clock();
    let home = try_use_home();
    move || {
        let cat = &engine.catalogue;
        let code = query.with(|q| known_municipality(q, home.and_then(|h| h.municipality())))?;
        let m = cat.municipality_by_code(&code)? as u16;
        let today = clock.get().date();
        let yours = cat.your_family_centre(m, today);
        if yours.family_centre.is_none() && yours.meeting_place.is_none() {
            return None;
        }
        let lang = lang.get();
        let loc = locale(lang);
        let q = query.get();
        let area = yours.area.map(|a| &cat.service_areas[a]);
        let area_line = area.map(|a| {
            let name = a.name.get(lang).text.to_string();
            view! { <p>{td_string!(loc, family_centre_area, area = name).to_string()}</p> }
        });
        let sample = area
            .filter(|a| a.sample)
            .map(|_| view! { <p class="hint">{td_string!(loc, family_centre_sample)}</p> });
        let link = |i: usize| {
            let s = &cat.services[i];
            (href(&q, Some(&s.id)), s.name.clone())
        };
        let centre = yours.family_centre.map(|i| {
            let (url, name) = link(i);
            view! {
                <li>
                    <span class="label">{td_string!(loc, family_centre_centre)}</span>
                    <a href=url><Content text=name lang/></a>
                </li>
            }
        });
        let meeting = yours.meeting_place.map(|mp| {
            let (url, name) = link(mp.service);
            let km = if lang == Lang::En {
                format!("{:.0}", mp.km)
            } else {
                format!("{:.0}", mp.km).replace('.', ",")
            };
            view! {
                <li>
                    <span class="label">{td_string!(loc, family_centre_meeting)}</span>
                    <a href=url><Content text=name lang/></a>
                    <span class="hint">{td_string!(loc, family_centre_km, km = km).to_string()}</span>
                </li>
            }
        });
        Some(view! {
            <aside class="family-centre" aria-labelledby="family-centre-title">
                <h2 id="family-centre-title">{td_string!(loc, family_centre_title)}</h2>
                {area_line}
                <ul>{centre}{meeting}</ul>
                {sample}
            </aside>
        })
    }
}
