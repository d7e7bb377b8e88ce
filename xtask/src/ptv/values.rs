//! PTV values as the catalogue writes them: multilingual texts, web addresses and municipality
//! codes.

use perheopas_core::model::Text;

use super::input::{LangValue, WebPage};

/// The fi, sv and en values of a multilingual list (of one `type`, when given).
pub(super) fn text(list: &[LangValue], kind: Option<&[&str]>) -> Option<Text> {
    let get = |l: &str| {
        list.iter()
            .filter(|v| kind.is_none_or(|k| v.kind.as_deref().is_none_or(|t| k.contains(&t))))
            .find(|v| v.language == l && !v.value.trim().is_empty())
            .map(|v| v.value.trim().to_string())
    };
    let fi = get("fi")?;
    Some(Text {
        fi,
        sv: get("sv"),
        en: get("en"),
        machine: vec![],
    })
}

pub(super) fn has_other_languages(list: &[LangValue]) -> bool {
    list.iter()
        .any(|v| v.language != "fi" && !v.value.trim().is_empty())
}

fn https(url: &str) -> bool {
    crate::catalogue_writer::https_url(url)
}

pub(super) fn muni_code(code: &str) -> String {
    let c = code.trim();
    if c.chars().all(|ch| ch.is_ascii_digit()) && c.len() < 3 {
        format!("{c:0>3}")
    } else {
        c.to_string()
    }
}

/// fi first, then sv, en, anything.
pub(super) fn pick_lang<'a>(items: impl Iterator<Item = (&'a str, &'a str)>) -> Option<String> {
    let all: Vec<(&str, &str)> = items.filter(|(_, v)| !v.is_empty()).collect();
    ["fi", "sv", "en"]
        .iter()
        .find_map(|l| all.iter().find(|(x, _)| x == l))
        .or(all.first())
        .map(|(_, v)| v.to_string())
}

pub(super) fn pick_url(pages: &[WebPage]) -> Option<String> {
    let usable: Vec<&WebPage> = pages.iter().filter(|p| https(p.url.trim())).collect();
    pick_lang(
        usable
            .iter()
            .map(|p| (p.language.as_deref().unwrap_or(""), p.url.trim())),
    )
}
