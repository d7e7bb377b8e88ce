//! Embed and kiosk configuration: any attributes through `config::Config`, accents judged by
//! contrast.

use perheopas_core::config::{Config, LinkTarget, Mode, CONFIG_PARAMS};
use proptest::prelude::*;
use proptest::sample::select;

use crate::common::*;
use crate::url::{is_flag, param_key};

/// WCAG 2 contrast, written out here rather than borrowed from the code under test.
fn contrast_with_white(r: u8, g: u8, b: u8) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let l = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    1.05 / (l + 0.05)
}

/// `#rgb` / `#rrggbb` in any letter case, parsed independently of `config::parse_hex_colour`.
fn hex_colour(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize, w: usize| {
        u8::from_str_radix(&hex[i..i + w], 16)
            .ok()
            .map(|v| if w == 1 { v * 17 } else { v })
    };
    match hex.len() {
        3 => Some((byte(0, 1)?, byte(1, 1)?, byte(2, 1)?)),
        6 => Some((byte(0, 2)?, byte(2, 2)?, byte(4, 2)?)),
        _ => None,
    }
}

fn colour() -> BoxedStrategy<String> {
    prop_oneof![
        3 => (any::<[u8; 3]>(), any::<bool>()).prop_map(|([r, g, b], upper)| {
            let s = format!("#{r:02x}{g:02x}{b:02x}");
            if upper { s.to_uppercase() } else { s }
        }),
        1 => "#[0-9a-fA-F]{3}",
        1 => "#?[0-9a-fA-FxX]{0,8}",
        1 => any_text(),
    ]
    .boxed()
}

const CONFIG_WORDS: [&str; 19] = [
    "app",
    "widget",
    "kiosk",
    "popup",
    "App",
    "new-tab",
    "1",
    "0",
    "true",
    "no",
    "maybe",
    "5",
    "4",
    "3600",
    "3601",
    "+60",
    " 60",
    "",
    "lieksa-neuvola",
];

fn config_value() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(CONFIG_WORDS.to_vec()).prop_map(String::from),
        2 => colour(),
        1 => any::<u32>().prop_map(|n| n.to_string()),
        1 => any_text(),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config(256))]

    /// Each configuration pair is applied or reported, never both and never neither; the result
    /// holds the last accepted value of each setting, and an accent is only ever accepted with a
    /// contrast of at least 4.5:1 against white text.
    #[test]
    fn config_values_are_applied_or_reported(pairs in proptest::collection::vec(
        (prop_oneof![4 => select(CONFIG_PARAMS.to_vec()).prop_map(String::from), 1 => param_key()], config_value()),
        0..8,
    )) {
        let (c, problems) = Config::from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut want = Config::default();
        let mut expected: Vec<(String, String)> = Vec::new();
        for (k, v) in &pairs {
            let (k, v) = (k.as_str(), v.as_str());
            let ok = match k {
                "mode" => match v {
                    "app" => { want.mode = Mode::App; true }
                    "widget" => { want.mode = Mode::Widget; true }
                    "kiosk" => { want.mode = Mode::Kiosk; true }
                    _ => false,
                },
                "compact" | "header" => {
                    let on = matches!(v, "1" | "true" | "yes");
                    if is_flag(v) {
                        if k == "compact" { want.compact = on } else { want.header = on }
                    }
                    is_flag(v)
                }
                "accent" => match hex_colour(v) {
                    Some((r, g, b)) if contrast_with_white(r, g, b) >= 4.5 => {
                        want.accent = Some(format!("#{r:02x}{g:02x}{b:02x}"));
                        true
                    }
                    _ => false,
                },
                "links" => match v {
                    "widget" => { want.links = LinkTarget::Widget; true }
                    "new-tab" => { want.links = LinkTarget::NewTab; true }
                    _ => false,
                },
                "idle" => match v.parse::<u32>() {
                    Ok(s) if (5..=3600).contains(&s) => { want.idle_seconds = s; true }
                    _ => false,
                },
                "place" => { want.place = Some(v.to_string()); true }
                // Not configuration: the query reads (and reports) it.
                _ => true,
            };
            if !ok {
                expected.push((k.to_string(), v.to_string()));
            }
        }
        let seen: Vec<(String, String)> = problems.iter().map(|p| (p.param.clone(), p.value.clone())).collect();
        prop_assert_eq!(seen, expected);
        prop_assert_eq!(&c, &want);
        if let Some(a) = &c.accent {
            let (r, g, b) = hex_colour(a).unwrap();
            prop_assert!(contrast_with_white(r, g, b) >= 4.5, "accent {} lacks contrast", a);
        }
    }
}

#[test]
fn every_short_accent_is_judged_by_contrast() {
    // All 4096 #rgb colours, exhaustively: accepted exactly when white text on them reaches 4.5:1.
    for n in 0..4096u32 {
        let s = format!("#{:03x}", n);
        let (c, problems) = Config::from_params([("accent", s.as_str())]);
        let (r, g, b) = hex_colour(&s).unwrap();
        let enough = contrast_with_white(r, g, b) >= 4.5;
        assert_eq!(c.accent.is_some(), enough, "{s}");
        assert_eq!(problems.len(), usize::from(!enough), "{s}: {problems:?}");
        if !enough {
            assert!(
                problems[0].problem.contains("contrast"),
                "{s}: {problems:?}"
            );
        }
    }
}
