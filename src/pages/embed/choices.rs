//! What the embed builder's form has chosen, and what follows from it: the loader's `data-`
//! attributes, the snippet to paste and the preview's address.

use leptos::prelude::*;
use perheopas_core::config::{contrast, parse_hex_colour};

/// Every choice of the form; each a signal, so the snippet and preview follow as it changes.
#[derive(Clone, Copy)]
pub struct Choices {
    pub area: RwSignal<String>,
    pub level: RwSignal<String>,
    pub category: RwSignal<String>,
    pub situation: RwSignal<String>,
    pub lang: RwSignal<String>,
    /// Empty: the widget follows its content.
    pub height: RwSignal<String>,
    pub use_accent: RwSignal<bool>,
    pub accent: RwSignal<String>,
    pub compact: RwSignal<bool>,
    pub header: RwSignal<bool>,
    pub new_tab: RwSignal<bool>,
    /// The loader's quick-exit button on the host page; off for a site with one of its own.
    pub exit: RwSignal<bool>,
}

impl Choices {
    pub fn new() -> Self {
        Choices {
            area: RwSignal::new(String::new()),
            level: RwSignal::new(String::new()),
            category: RwSignal::new(String::new()),
            situation: RwSignal::new(String::new()),
            lang: RwSignal::new("fi".to_string()),
            height: RwSignal::new(String::new()),
            use_accent: RwSignal::new(false),
            accent: RwSignal::new("#00347a".to_string()),
            compact: RwSignal::new(false),
            header: RwSignal::new(true),
            new_tab: RwSignal::new(false),
            exit: RwSignal::new(true),
        }
    }

    /// White text on the accent colour is readable (WCAG AA, 4.5:1).
    pub fn accent_ok(self) -> bool {
        parse_hex_colour(&self.accent.get()).is_some_and(|c| contrast(c, (255, 255, 255)) >= 4.5)
    }

    /// The loader's attributes, without `data-`.
    fn attributes(self) -> Vec<(&'static str, String)> {
        let mut a: Vec<(&str, String)> = Vec::new();
        for (k, v) in [
            ("area", self.area.get()),
            ("level", self.level.get()),
            ("category", self.category.get()),
            ("situation", self.situation.get()),
        ] {
            if !v.is_empty() {
                a.push((k, v));
            }
        }
        a.push(("lang", self.lang.get()));
        if self.use_accent.get() {
            a.push(("accent", self.accent.get()));
        }
        if self.compact.get() {
            a.push(("compact", "1".into()));
        }
        if !self.header.get() {
            a.push(("header", "0".into()));
        }
        if self.new_tab.get() {
            a.push(("links", "new-tab".into()));
        }
        if !self.height.get().is_empty() {
            a.push(("height", self.height.get()));
        }
        if !self.exit.get() {
            a.push(("exit", "0".into()));
        }
        a
    }

    /// The HTML to paste into the host page.
    pub fn snippet(self) -> String {
        let attrs: String = self
            .attributes()
            .into_iter()
            .map(|(k, v)| format!(" data-{k}=\"{}\"", escape(&v)))
            .collect();
        format!(
            "<div data-perheopas{attrs}></div>\n<script src=\"{}embed.js\" async></script>",
            site_base()
        )
    }

    /// The widget's own address for the preview frame.
    pub fn preview(self) -> String {
        let params = web_sys::UrlSearchParams::new().expect("URLSearchParams exists");
        params.append("mode", "widget");
        for (k, v) in self.attributes() {
            // The height and the exit button are the loader's, not the app's.
            if k != "height" && k != "exit" {
                params.append(k, &v);
            }
        }
        format!("{}?{}", site_base(), String::from(params.to_string()))
    }
}

/// The address of this deployment's folder, where `embed.js` lives.
fn site_base() -> String {
    let (origin, path) = crate::url_state::page_address();
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    format!("{origin}{dir}")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
