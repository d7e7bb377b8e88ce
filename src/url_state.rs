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

/// The page's address as far as links are made from it: origin, path and query (without `?`).
/// Read from the browser once per link ([`Here::now`]); the links themselves are made from it
/// by plain Rust, the same in the browser and in native tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Here {
    pub origin: String,
    pub path: String,
    pub search: String,
}

impl Here {
    /// The address the browser shows now.
    #[cfg(target_arch = "wasm32")]
    pub fn now() -> Here {
        let loc = web_sys::window().map(|w| w.location());
        let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
            loc.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
        };
        let path = read(web_sys::Location::pathname);
        Here {
            origin: read(web_sys::Location::origin),
            path: if path.is_empty() { "/".into() } else { path },
            search: read(web_sys::Location::search),
        }
    }

    /// Outside a browser (native tests), the site's root.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> Here {
        Here {
            origin: String::new(),
            path: "/".into(),
            search: String::new(),
        }
    }

    /// The query's parameters, decoded, in order.
    fn params(&self) -> Vec<(String, String)> {
        form_urlencoded::parse(self.search.trim_start_matches('?').as_bytes())
            .into_owned()
            .collect()
    }

    /// Parameters carried from the current address to every link: the language and the
    /// running mode (widget, kiosk), so a reload keeps them.
    fn kept(&self) -> Vec<(String, String)> {
        let now = self.params();
        std::iter::once("lang")
            .chain(perheopas_core::config::CONFIG_PARAMS)
            .filter_map(|key| {
                now.iter()
                    .find(|(k, _)| k == key)
                    .map(|(k, v)| (k.clone(), v.clone()))
            })
            .collect()
    }

    /// The path with these parameters, encoded as a form (as `URLSearchParams` writes them).
    fn with(&self, params: &[(String, String)]) -> String {
        let search = encode(params);
        if search.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{search}", self.path)
        }
    }

    fn link(&self, query: &Query, service: Option<&str>, view: Option<&str>) -> String {
        let mut params = self.kept();
        if let Some(v) = view {
            params.push(("view".into(), v.into()));
        }
        params.extend(
            query
                .to_params()
                .into_iter()
                .map(|(k, v)| (k.to_string(), v)),
        );
        if let Some(id) = service {
            params.push(("service".into(), id.into()));
        }
        self.with(&params)
    }

    fn view_link(&self, view: &View) -> String {
        let mut params = self.kept();
        if let Some(name) = view.name() {
            params.push(("view".into(), name.into()));
        }
        match view {
            View::Service(id) => params.push(("service".into(), id.clone())),
            View::SharedList(ids) => params.push(("ids".into(), ids.clone())),
            _ => {}
        }
        format!("{}?{}", self.path, encode(&params))
    }

    /// See [`full_app_url`].
    fn full_app(&self, service: Option<&str>) -> String {
        let mut params: Vec<(String, String)> = self
            .params()
            .into_iter()
            .filter(|(k, _)| !perheopas_core::config::CONFIG_PARAMS.contains(&k.as_str()))
            .collect();
        if let Some(id) = service {
            // As `URLSearchParams::set`: the first `service` takes the value, others go.
            let first = params.iter().position(|(k, _)| k == "service");
            params.retain(|(k, _)| k != "service");
            params.insert(first.unwrap_or(params.len()), ("service".into(), id.into()));
        }
        format!("{}{}", self.origin, self.with(&params))
    }
}

fn encode(params: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish()
}

/// A link to the app's own page with this search and, optionally, one service opened.
pub fn href(query: &Query, service: Option<&str>) -> String {
    Here::now().link(query, service, None)
}

/// The same search on the map.
pub fn href_map(query: &Query) -> String {
    Here::now().link(query, None, View::Map.name())
}

/// A link to one of the app's views (all services, my list, help …) with no search, keeping
/// the language.
pub fn href_view(view: &View) -> String {
    Here::now().view_link(view)
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
    let here = Here::now();
    (here.origin, here.path)
}

/// The address to hand on (share, QR code, print, "open in a new tab"): the page as it is now,
/// its search, filters, language and open service, but as the full app. The running mode's own
/// parameters (`mode`, `header`, `compact`, `idle`, `place`, …) are left out, so a link shared
/// from a widget or a kiosk never opens the stripped widget or a kiosk on someone's phone.
pub fn full_app_url(service: Option<&str>) -> String {
    Here::now().full_app(service)
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

    fn at(search: &str) -> Here {
        Here {
            origin: "https://perheopas.example".into(),
            path: "/palvelut/".into(),
            search: search.into(),
        }
    }

    #[test]
    fn links_keep_the_language_and_mode_and_encode_as_a_form() {
        let here = at("?mode=widget&lang=sv&q=x&municipality=422&accent=%23aa0000");
        let q = Query {
            text: "äitiys neuvola & co".into(),
            ..Query::default()
        };
        // The language and the widget's own parameters stay; the search is the new one.
        assert_eq!(
            here.link(&q, Some("lieksa-aitiysneuvola"), None),
            "/palvelut/?lang=sv&mode=widget&accent=%23aa0000&q=%C3%A4itiys+neuvola+%26+co&service=lieksa-aitiysneuvola"
        );
        assert_eq!(at("").link(&Query::default(), None, None), "/palvelut/");
        assert_eq!(
            at("?lang=en").view_link(&View::SharedList("a,b".into())),
            "/palvelut/?lang=en&view=mylist&ids=a%2Cb"
        );
    }

    #[test]
    fn the_full_app_address_drops_the_running_mode_and_sets_the_service() {
        let here = at("?mode=kiosk&place=lieksa-kohtaamispaikka&q=neuvola&service=a&service=b");
        assert_eq!(
            here.full_app(Some("c")),
            "https://perheopas.example/palvelut/?q=neuvola&service=c"
        );
        assert_eq!(
            at("?mode=widget").full_app(None),
            "https://perheopas.example/palvelut/"
        );
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
