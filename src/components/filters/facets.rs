//! The checkbox facets of the filter panel, described as data: each says what it is called,
//! which values it offers, how a value is named and counted, and where the query keeps it.
//! [`facets`] lists them in the panel's order; one renderer draws them all.

use std::sync::Arc;

use leptos::prelude::*;
use perheopas_core::facets::{Engine, Results};
use perheopas_core::filter::Query;
use perheopas_core::model::{Accessibility, Channel, Lang, Level, OrgKind};

use crate::i18n::*;
use crate::labels::{self, locale};

/// One checkbox of a facet, its value's rules erased so facets of any value type can share a
/// list.
struct Choice {
    label: Arc<dyn Fn(Lang) -> String + Send + Sync>,
    count: Arc<dyn Fn(&Results) -> usize + Send + Sync>,
    checked: Arc<dyn Fn(&Query) -> bool + Send + Sync>,
    toggle: Arc<dyn Fn(&mut Query) + Send + Sync>,
}

/// A fieldset of checkboxes.
pub struct Facet {
    legend: fn(Lang) -> String,
    choices: Vec<Choice>,
}

/// A yes/no filter of the query.
struct Flag {
    label: fn(Lang) -> String,
    count: fn(&Results) -> usize,
    get: fn(&Query) -> bool,
    set: fn(&mut Query) -> &mut bool,
}

impl Facet {
    /// A facet over a list of values the query may hold any number of.
    fn values<T: Clone + PartialEq + Send + Sync + 'static>(
        legend: fn(Lang) -> String,
        values: impl IntoIterator<Item = T>,
        label: fn(Lang, &T) -> String,
        counts: fn(&Results) -> &[(T, usize)],
        chosen: fn(&Query) -> &Vec<T>,
        chosen_mut: fn(&mut Query) -> &mut Vec<T>,
    ) -> Facet {
        let choices = values
            .into_iter()
            .map(|v| {
                let (v1, v2, v3, v4) = (v.clone(), v.clone(), v.clone(), v);
                Choice {
                    label: Arc::new(move |lang| label(lang, &v1)),
                    count: Arc::new(move |r| Results::count(counts(r), &v2)),
                    checked: Arc::new(move |q| chosen(q).contains(&v3)),
                    toggle: Arc::new(move |q| Query::toggle(chosen_mut(q), v4.clone())),
                }
            })
            .collect();
        Facet { legend, choices }
    }

    /// A facet of independent yes/no filters.
    fn flags(legend: fn(Lang) -> String, flags: Vec<Flag>) -> Facet {
        let choices = flags
            .into_iter()
            .map(|f| Choice {
                label: Arc::new(f.label),
                count: Arc::new(f.count),
                checked: Arc::new(f.get),
                toggle: Arc::new(move |q| {
                    let on = (f.set)(q);
                    *on = !*on;
                }),
            })
            .collect();
        Facet { legend, choices }
    }
}

/// Every checkbox facet, in the panel's order.
pub fn facets(engine: &Engine) -> Vec<Facet> {
    let categories: Vec<String> = engine
        .catalogue
        .categories()
        .into_iter()
        .map(String::from)
        .collect();
    vec![
        Facet::values(
            |l| td_string!(locale(l), level_legend).to_string(),
            Level::ALL,
            |l, v| labels::level(l, *v),
            |r| &r.levels,
            |q| &q.levels,
            |q| &mut q.levels,
        ),
        Facet::flags(
            |l| td_string!(locale(l), access_legend).to_string(),
            vec![
                Flag {
                    label: |l| td_string!(locale(l), self_label).to_string(),
                    count: |r| r.contact_self,
                    get: |q| q.contact_self,
                    set: |q| &mut q.contact_self,
                },
                Flag {
                    label: |l| td_string!(locale(l), free_label).to_string(),
                    count: |r| r.free,
                    get: |q| q.free,
                    set: |q| &mut q.free,
                },
                Flag {
                    label: |l| td_string!(locale(l), open_label).to_string(),
                    count: |r| r.open_now,
                    get: |q| q.open_now,
                    set: |q| &mut q.open_now,
                },
            ],
        ),
        Facet::values(
            |l| td_string!(locale(l), category_legend).to_string(),
            categories,
            |l, v| labels::category(l, v),
            |r| &r.categories,
            |q| &q.categories,
            |q| &mut q.categories,
        ),
        Facet::values(
            |l| td_string!(locale(l), channel_legend).to_string(),
            Channel::ALL,
            |l, v| labels::channel(l, *v),
            |r| &r.channels,
            |q| &q.channels,
            |q| &mut q.channels,
        ),
        Facet::values(
            |l| td_string!(locale(l), language_legend).to_string(),
            engine.languages().to_vec(),
            |l, v| labels::language_name(l, v),
            |r| &r.languages,
            |q| &q.languages,
            |q| &mut q.languages,
        ),
        Facet::values(
            |l| td_string!(locale(l), provider_legend).to_string(),
            OrgKind::ALL,
            |l, v| labels::provider(l, *v),
            |r| &r.providers,
            |q| &q.providers,
            |q| &mut q.providers,
        ),
        Facet::values(
            |l| td_string!(locale(l), feature_legend).to_string(),
            Accessibility::ALL,
            |l, v| labels::feature(l, *v),
            |r| &r.features,
            |q| &q.features,
            |q| &mut q.features,
        ),
    ]
}

/// A facet as a fieldset of checkboxes with live counts; each change is a history entry.
#[component]
pub fn FacetFieldset(
    facet: Facet,
    query: Memo<Query>,
    results: Memo<Results>,
    on_change: Callback<(Query, bool)>,
) -> impl IntoView {
    let lang = crate::state::use_lang();
    let legend = facet.legend;
    let boxes = facet
        .choices
        .into_iter()
        .map(|c| {
            let Choice {
                label,
                count,
                checked,
                toggle,
            } = c;
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || query.with(|q| checked(q))
                        on:change=move |_| {
                            let mut q = query.get_untracked();
                            toggle(&mut q);
                            on_change.run((q, false));
                        }
                    />
                    <span>{move || label(lang.get())}</span>
                    <span class="count">" (" {move || results.with(|r| count(r))} ")"</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{move || legend(lang.get())}</legend>
            {boxes}
        </fieldset>
    }
}
