//! The chosen area's single contact point to the family-centre network (perheneuvo /
//! palveluohjaus), shown above the results whenever an area is chosen or the family's home
//! municipality is known.

use leptos::prelude::*;
use perheopas_core::filter::Query;

use crate::components::hours::OpenStatus;
use crate::components::links::{NetLink, PhoneLink};
use crate::i18n::*;
use crate::labels::locale;
use crate::state::{use_engine, use_lang};

#[component]
pub fn ContactPoints(query: Memo<Query>) -> impl IntoView {
    let engine = use_engine();
    let lang = use_lang();
    let home = crate::state::try_use_home();
    move || {
        let cat = &engine.catalogue;
        let lang = lang.get();
        let loc = locale(lang);
        // A service area stands for its municipalities here too.
        // With no area in the search, the family's home municipality's (when they gave one).
        let mut counties: Vec<usize> = query.with(|q| {
            let mut q = q.resolved(cat);
            if q.municipalities.is_empty() && q.counties.is_empty() {
                q.municipalities.extend(home.and_then(|h| h.municipality()));
            }
            q.municipalities
                .iter()
                .filter_map(|m| {
                    cat.municipality_by_code(m)
                        .map(|i| cat.municipalities[i].county as usize)
                })
                .chain(q.counties.iter().filter_map(|c| cat.county_by_code(c)))
                .collect()
        });
        perheopas_core::order::sort_dedup(&mut counties);
        counties
            .into_iter()
            .filter_map(|c| cat.counties[c].contact.clone().map(|ct| (cat.counties[c].name.get(lang).text.to_string(), ct)))
            .map(|(area, ct)| {
                let name = ct.name.get(lang).text.to_string();
                view! {
                    <aside class="contact-point">
                        <h2>{td_string!(loc, contact_point_title)}</h2>
                        <p>{td_string!(loc, contact_point_text, area = area, name = name).to_string()}</p>
                        {ct.phone.clone().map(|p| view! { <p><PhoneLink number=p/></p> })}
                        <OpenStatus hours=ct.hours.clone() lang/>
                        {ct.web.clone().map(|w| view! { <p><NetLink href=w label=td_string!(loc, website)/></p> })}
                    </aside>
                }
            })
            .collect_view()
    }
}
