//! The URL is the app's shareable state: the search, the filters, the open service and the view
//! live in its query string, so back / forward work and a copied link reopens the same view.
//! Views are named here and nowhere else: [`View::from_params`] reads them, [`href_view`] writes
//! them.

use leptos_router::params::ParamsMap;
use perheopas_core::filter::{ParamProblem, Query};
use perheopas_core::model::Lang;

/// Which page the address shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    /// No search yet: life situations and the levels.
    Start,
    /// The results as a list (`view=list`, or any search).
    Results,
    /// The results on the map (`view=map`).
    Map,
    /// One service's page (`service=<id>`), whatever the view.
    Service(String),
    /// The family's own saved list (`view=mylist`).
    MyList,
    /// A list shared by link (`view=mylist&ids=a,b`).
    SharedList(String),
    /// Every crisis line (`view=help`).
    Help,
    /// Browsing safely (`view=safety`).
    Safety,
    /// The accessibility statement (`view=accessibility`).
    Accessibility,
    /// Which areas the catalogue covers (`view=coverage`).
    Coverage,
    /// The widget builder (`view=embed`).
    Embed,
}

/// `view=` values and the views they name; `Start` and `Service` have none of their own.
const VIEW_NAMES: [(&str, View); 8] = [
    ("list", View::Results),
    ("map", View::Map),
    ("mylist", View::MyList),
    ("help", View::Help),
    ("safety", View::Safety),
    ("accessibility", View::Accessibility),
    ("coverage", View::Coverage),
    ("embed", View::Embed),
];

impl View {
    /// The view of an address from its `view`, `service` and `ids` parameters and whether it
    /// carries a search. A `view=` value no view has is named as a problem, for the same note
    /// as other parameters that were not understood, and the address is read without it.
    pub fn from_params(
        view: Option<&str>,
        service: Option<&str>,
        ids: Option<&str>,
        searching: bool,
    ) -> (View, Option<ParamProblem>) {
        let named = view.filter(|v| !v.is_empty()).map(|v| {
            VIEW_NAMES
                .iter()
                .find(|(name, _)| *name == v)
                .map(|(_, view)| view.clone())
                .ok_or_else(|| ParamProblem {
                    param: "view".into(),
                    value: v.into(),
                    problem: "unknown view",
                })
        });
        let (named, problem) = match named {
            Some(Ok(v)) => (Some(v), None),
            Some(Err(p)) => (None, Some(p)),
            None => (None, None),
        };
        let view = match (service, named) {
            (Some(id), _) => View::Service(id.to_string()),
            (None, Some(View::MyList)) => match ids {
                Some(ids) => View::SharedList(ids.to_string()),
                None => View::MyList,
            },
            (None, Some(v)) => v,
            (None, None) if searching => View::Results,
            (None, None) => View::Start,
        };
        (view, problem)
    }

    /// [`View::from_params`] over the address's query.
    pub fn from_query(p: &ParamsMap, searching: bool) -> (View, Option<ParamProblem>) {
        View::from_params(
            p.get_str("view"),
            p.get_str("service"),
            p.get_str("ids"),
            searching,
        )
    }

    /// The `view=` value that opens this view, if it has one.
    fn name(&self) -> Option<&'static str> {
        let bare = match self {
            View::SharedList(_) => View::MyList,
            other => other.clone(),
        };
        VIEW_NAMES
            .iter()
            .find(|(_, v)| *v == bare)
            .map(|(name, _)| *name)
    }
}

/// Parameters carried from the current address to every link: the language and the running
/// mode (widget, kiosk), so a reload keeps them.
fn kept_params() -> web_sys::UrlSearchParams {
    let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists in every browser");
    let current = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    if let Ok(now) = web_sys::UrlSearchParams::new_with_str(&current) {
        for key in std::iter::once("lang").chain(perheopas_core::config::CONFIG_PARAMS) {
            if let Some(v) = now.get(key) {
                params.append(key, &v);
            }
        }
    }
    params
}

/// A link to the app's own page with this search and, optionally, one service opened.
pub fn href(query: &Query, service: Option<&str>) -> String {
    link(query, service, None)
}

/// The same search on the map.
pub fn href_map(query: &Query) -> String {
    link(query, None, View::Map.name())
}

fn link(query: &Query, service: Option<&str>, view: Option<&str>) -> String {
    let params = kept_params();
    if let Some(v) = view {
        params.append("view", v);
    }
    for (key, value) in query.to_params() {
        params.append(key, &value);
    }
    if let Some(id) = service {
        params.append("service", id);
    }
    let search: String = params.to_string().into();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    }
}

/// A link to one of the app's views (all services, my list, help …) with no search, keeping
/// the language.
pub fn href_view(view: &View) -> String {
    let params = kept_params();
    if let Some(name) = view.name() {
        params.append("view", name);
    }
    match view {
        View::Service(id) => params.append("service", id),
        View::SharedList(ids) => params.append("ids", ids),
        _ => {}
    }
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into());
    format!("{path}?{}", String::from(params.to_string()))
}

/// The absolute address of a list of services, for another device: the ids as they are (a
/// comma-separated list of slugs) and the language when it is not Finnish.
pub fn shared_list_url(ids: &[String], lang: Lang) -> String {
    let (origin, path) = page_address();
    let lang = match lang {
        Lang::Fi => String::new(),
        other => format!("&lang={}", other.code()),
    };
    let view = View::MyList.name().unwrap_or_default();
    format!("{origin}{path}?view={view}&ids={}{lang}", ids.join(","))
}

/// The page's origin and path, for absolute links handed to another device.
pub fn page_address() -> (String, String) {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .and_then(|l| l.pathname().ok())
        .unwrap_or_else(|| "/".into());
    (origin, path)
}

/// The address to hand on (share, QR code, print, "open in a new tab"): the page as it is now,
/// its search, filters, language and open service, but as the full app. The running mode's own
/// parameters (`mode`, `header`, `compact`, `idle`, `place`, …) are left out, so a link shared
/// from a widget or a kiosk never opens the stripped widget or a kiosk on someone's phone.
pub fn full_app_url(service: Option<&str>) -> String {
    let (origin, path) = page_address();
    let current = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&current)
        .or_else(|_| web_sys::UrlSearchParams::new())
        .expect("URLSearchParams exists in every browser");
    for key in perheopas_core::config::CONFIG_PARAMS {
        params.delete(key);
    }
    if let Some(id) = service {
        params.set("service", id);
    }
    let search: String = params.to_string().into();
    if search.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{search}")
    }
}

/// The full app's address for a service with this page's search (see [`full_app_url`]).
pub fn full_app_href(service: &str) -> String {
    full_app_url(Some(service))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(view: Option<&str>, service: Option<&str>, ids: Option<&str>, searching: bool) -> View {
        View::from_params(view, service, ids, searching).0
    }

    #[test]
    fn every_view_name_reads_back_to_the_view_that_writes_it() {
        for (name, view) in VIEW_NAMES {
            assert_eq!(read(Some(name), None, None, false), view);
            assert_eq!(view.name(), Some(name));
        }
        assert_eq!(View::SharedList("a".into()).name(), Some("mylist"));
        assert_eq!(View::Start.name(), None);
    }

    #[test]
    fn an_unknown_view_is_named_and_the_address_read_without_it() {
        let (view, problem) = View::from_params(Some("nonsense"), None, None, false);
        assert_eq!(view, View::Start);
        let problem = problem.expect("an unknown view is reported");
        assert_eq!(
            (problem.param.as_str(), problem.value.as_str()),
            ("view", "nonsense")
        );
        assert_eq!(read(Some("nonsense"), None, None, true), View::Results);
        // An empty value names nothing to report.
        assert_eq!(View::from_params(Some(""), None, None, false).1, None);
    }

    #[test]
    fn a_service_is_shown_whatever_the_view_and_ids_share_a_list() {
        assert_eq!(
            read(Some("mylist"), Some("neuvola"), None, true),
            View::Service("neuvola".into())
        );
        assert_eq!(read(Some("mylist"), None, None, false), View::MyList);
        assert_eq!(
            read(Some("mylist"), None, Some("a,b"), false),
            View::SharedList("a,b".into())
        );
        // `ids` belongs to the list view only.
        assert_eq!(read(None, None, Some("a,b"), false), View::Start);
    }
}
