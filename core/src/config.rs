//! How the app runs: as the full app, as a widget inside a municipal website, or as a kiosk in
//! an open meeting place. Read from URL parameters (the widget's loader passes the embed
//! attributes on); every bad value is reported and replaced by a sensible default.

use crate::filter::ParamProblem;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    App,
    Widget,
    Kiosk,
}

/// Where a widget opens a service: inside itself, or as the full app in a new tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LinkTarget {
    #[default]
    Widget,
    NewTab,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub mode: Mode,
    pub compact: bool,
    pub header: bool,
    /// A validated accent colour (`#rrggbb`) with enough contrast against white text.
    pub accent: Option<String>,
    pub links: LinkTarget,
    /// Kiosk: seconds of inactivity before the reset countdown.
    pub idle_seconds: u32,
    /// Kiosk: the meeting place the screen stands in (a service id), for "you are here".
    pub place: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mode: Mode::App,
            compact: false,
            header: true,
            accent: None,
            links: LinkTarget::Widget,
            idle_seconds: 90,
            place: None,
        }
    }
}

/// URL parameters that belong to the configuration, not to the search.
pub const CONFIG_PARAMS: [&str; 7] = [
    "mode", "compact", "header", "accent", "links", "idle", "place",
];

/// `#rgb` or `#rrggbb` → (r, g, b).
pub fn parse_hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    let digits: Vec<u8> = hex
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    match digits.as_slice() {
        [r, g, b] => Some((r * 17, g * 17, b * 17)),
        [r1, r2, g1, g2, b1, b2] => Some((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
        _ => None,
    }
}

/// WCAG 2 contrast ratio between two colours.
pub fn contrast((r1, g1, b1): (u8, u8, u8), (r2, g2, b2): (u8, u8, u8)) -> f64 {
    fn lum(r: u8, g: u8, b: u8) -> f64 {
        let ch = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    }
    let (a, b) = (lum(r1, g1, b1), lum(r2, g2, b2));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

impl Config {
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Config, Vec<ParamProblem>) {
        let mut c = Config::default();
        let mut problems = Vec::new();
        let mut bad = |param: &str, value: &str, problem| {
            problems.push(ParamProblem {
                param: param.into(),
                value: value.into(),
                problem,
            })
        };
        for (key, v) in params {
            match key {
                "mode" => match v {
                    "app" => c.mode = Mode::App,
                    "widget" => c.mode = Mode::Widget,
                    "kiosk" => c.mode = Mode::Kiosk,
                    _ => bad(key, v, "unknown mode (app, widget or kiosk)"),
                },
                "compact" => match flag(v) {
                    Some(on) => c.compact = on,
                    None => bad(key, v, "expected 1 or 0"),
                },
                "header" => match flag(v) {
                    Some(on) => c.header = on,
                    None => bad(key, v, "expected 1 or 0"),
                },
                "accent" => match parse_hex_colour(v) {
                    // White text sits on the accent (buttons, header), so it must reach 4.5:1.
                    Some(rgb) if contrast(rgb, (255, 255, 255)) >= 4.5 => {
                        c.accent = Some(format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2))
                    }
                    Some(_) => bad(
                        key,
                        v,
                        "too light for white text (contrast below 4.5:1); default colours used",
                    ),
                    None => bad(key, v, "not a colour (#rgb or #rrggbb)"),
                },
                "links" => match v {
                    "widget" => c.links = LinkTarget::Widget,
                    "new-tab" => c.links = LinkTarget::NewTab,
                    _ => bad(key, v, "unknown link target (widget or new-tab)"),
                },
                "idle" => match v.parse::<u32>() {
                    Ok(s) if (5..=3600).contains(&s) => c.idle_seconds = s,
                    _ => bad(key, v, "idle time must be 5–3600 seconds"),
                },
                "place" => c.place = Some(v.to_string()),
                _ => {}
            }
        }
        (c, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widget_attributes_are_read() {
        let (c, problems) = Config::from_params([
            ("mode", "widget"),
            ("compact", "1"),
            ("header", "0"),
            ("accent", "#006644"),
            ("links", "new-tab"),
        ]);
        assert!(problems.is_empty());
        assert_eq!(c.mode, Mode::Widget);
        assert!(c.compact && !c.header);
        assert_eq!(c.accent.as_deref(), Some("#006644"));
        assert_eq!(c.links, LinkTarget::NewTab);
    }

    #[test]
    fn bad_values_fall_back_and_are_reported() {
        let (c, problems) = Config::from_params([
            ("mode", "popup"),
            ("accent", "#ffff00"),
            ("compact", "maybe"),
            ("idle", "2"),
            ("accent", "red"),
        ]);
        assert_eq!(c, Config::default());
        let params: Vec<&str> = problems.iter().map(|p| p.param.as_str()).collect();
        assert_eq!(params, ["mode", "accent", "compact", "idle", "accent"]);
        assert!(problems[1].problem.contains("contrast"));
    }

    #[test]
    fn colours_and_contrast() {
        assert_eq!(parse_hex_colour("#fff"), Some((255, 255, 255)));
        assert_eq!(parse_hex_colour("#00347a"), Some((0, 52, 122)));
        assert_eq!(parse_hex_colour("00347a"), None);
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!(contrast((0, 52, 122), (255, 255, 255)) > 10.0);
    }
}
