//! Reads and checks the crisis lines (`data/crisis/*.toml`, `[[crisis]]` records) that the app
//! carries in its own code (see `crate::crisis`). Every problem names file, line and field.
//!
//! Stricter than the catalogue: every text in all three languages (crisis help never falls back
//! to another language), and a real number only with the page it was checked on and the date.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::raw::RawText;
use super::{
    checks, reference, Compiler, Lines, Problem, SourceFile, MUNICIPALITIES_FILE, NAME_MAX,
};
use crate::crisis::{CrisisKind, CrisisLine};
use crate::model::Text;

/// Folder (below `data/`) whose files hold crisis lines instead of catalogue records.
pub const CRISIS_DIR: &str = "crisis/";

const WHEN_MAX: usize = 160;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrisisFile {
    #[serde(default)]
    crisis: Vec<Spanned<RawCrisis>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrisis {
    id: Spanned<String>,
    kind: Spanned<String>,
    areas: Spanned<Vec<String>>,
    name: Spanned<RawText>,
    when: Spanned<RawText>,
    phone: Spanned<String>,
    hours: Spanned<RawText>,
    web: Option<Spanned<String>>,
    source: Option<Spanned<String>>,
    checked: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    sample: bool,
}

/// Checks every crisis file among `files` (those under [`CRISIS_DIR`]); county codes are checked
/// against the reference municipalities file when it is among them. `today` bounds the dates
/// the numbers were checked on.
pub fn compile_crisis(files: &[SourceFile], today: &str) -> Result<Vec<CrisisLine>, Vec<Problem>> {
    let mut c = Compiler {
        problems: Vec::new(),
        file: String::new(),
        lines: Lines::new(""),
    };
    let counties: Option<Vec<String>> =
        files
            .iter()
            .find(|f| f.path == MUNICIPALITIES_FILE)
            .map(|f| {
                reference::municipalities(&f.path, &f.text, &mut c.problems)
                    .into_iter()
                    .map(|m| m.county_code)
                    .collect()
            });
    let mut out = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for f in files
        .iter()
        .filter(|f| f.path.starts_with(CRISIS_DIR) && f.path.ends_with(".toml"))
    {
        c.enter(f);
        let raw = match toml::from_str::<RawCrisisFile>(&f.text) {
            Ok(raw) => raw,
            Err(e) => {
                let line = e.span().map_or(0, |s| c.lines.line(s.start));
                c.problems.push(Problem {
                    file: f.path.clone(),
                    line,
                    place: String::new(),
                    message: e.message().trim().to_string(),
                });
                continue;
            }
        };
        for r in &raw.crisis {
            let r = r.get_ref();
            let place = format!("crisis \"{}\"", r.id.get_ref());
            let at = format!("{}:{}", f.path, c.lines.line(r.id.span().start));
            if let Some(first) = seen.insert(r.id.get_ref().clone(), at) {
                c.at(
                    r.id.span(),
                    &place,
                    "id",
                    &format!("duplicate id, first at {first}"),
                );
            }
            if let Some(line) = line(&mut c, r, &place, counties.as_deref(), today) {
                out.push(line);
            }
        }
    }
    if c.problems.is_empty()
        && !out
            .iter()
            .any(|l| l.kind == CrisisKind::Emergency && l.nationwide && !l.sample)
    {
        c.problems.push(Problem {
            file: CRISIS_DIR.trim_end_matches('/').into(),
            line: 0,
            place: String::new(),
            message: "no real nationwide emergency line (kind = \"emergency\"): the app must always offer 112".into(),
        });
    }
    if c.problems.is_empty() {
        Ok(out)
    } else {
        Err(c.problems)
    }
}

fn line(
    c: &mut Compiler,
    r: &RawCrisis,
    place: &str,
    counties: Option<&[String]>,
    today: &str,
) -> Option<CrisisLine> {
    let before = c.problems.len();
    let kind = CrisisKind::from_id(r.kind.get_ref());
    if kind.is_none() {
        let known = CrisisKind::ALL.map(CrisisKind::id).join(", ");
        c.at(
            r.kind.span(),
            place,
            "kind",
            &format!("unknown kind \"{}\" ({known})", r.kind.get_ref()),
        );
    }
    let mut nationwide = false;
    let mut codes = Vec::new();
    for a in r.areas.get_ref() {
        if a == "nationwide" {
            nationwide = true;
        } else if let Some(code) = a.strip_prefix("county:") {
            if counties.is_some_and(|known| !known.iter().any(|k| k == code)) {
                c.at(
                    r.areas.span(),
                    place,
                    "areas",
                    &format!("unknown county code \"{code}\""),
                );
            }
            codes.push(code.to_string());
        } else {
            c.at(
                r.areas.span(),
                place,
                "areas",
                &format!("\"{a}\": write nationwide or county:<code>"),
            );
        }
    }
    if r.areas.get_ref().is_empty() {
        c.at(
            r.areas.span(),
            place,
            "areas",
            "say where the line serves (nationwide or county:<code>)",
        );
    }
    let name = all_languages(c, &r.name, place, "name", NAME_MAX);
    let when = all_languages(c, &r.when, place, "when", WHEN_MAX);
    let hours = all_languages(c, &r.hours, place, "hours", NAME_MAX);
    c.check(&r.phone, place, "phone", checks::finnish_phone);
    let web = c.url(r.web.as_ref(), place, "web");
    let source = c.url(r.source.as_ref(), place, "source");
    let checked = r
        .checked
        .as_ref()
        .map(|d| c.date(d, place, "checked", Some(today)));
    if r.sample {
        // Demonstration entries stand in for an area's own service; the national layer is real.
        if nationwide {
            c.at(
                r.areas.span(),
                place,
                "sample",
                "a sample line cannot be nationwide: the national lines must be real",
            );
        }
    } else if r.source.is_none() || r.checked.is_none() {
        c.at(r.id.span(), place, "source", "a real number needs the operator's page it was checked on (source) and the date (checked)");
    }
    (c.problems.len() == before).then(|| CrisisLine {
        id: r.id.get_ref().clone(),
        kind: kind.expect("checked above"),
        nationwide,
        counties: codes,
        name,
        when,
        phone: r.phone.get_ref().clone(),
        hours,
        web,
        source,
        checked,
        sample: r.sample,
    })
}

/// Crisis help is read under stress: each language is written, not fallen back on.
fn all_languages(
    c: &mut Compiler,
    raw: &Spanned<RawText>,
    place: &str,
    field: &str,
    max: usize,
) -> Text {
    let t = c.text(raw, place, field, max, true, &[]);
    for (lang, v) in [("sv", &t.sv), ("en", &t.en)] {
        if v.is_none() {
            c.at(
                raw.span(),
                place,
                &format!("{field}.{lang}"),
                "crisis help needs this language too",
            );
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[crisis]]
id = "emergency"
kind = "emergency"
areas = ["nationwide"]
name = { fi = "Hätänumero 112", sv = "Nödnumret 112", en = "Emergency number 112" }
when = { fi = "Hätä", sv = "Nöd", en = "Emergency" }
phone = "112"
hours = { fi = "Aina", sv = "Alltid", en = "Always" }
source = "https://112.fi/"
checked = 2026-12-07
"#;

    fn files(text: &str) -> Vec<SourceFile> {
        vec![SourceFile {
            path: "crisis/crisis.toml".into(),
            text: text.into(),
        }]
    }

    #[test]
    fn a_real_line_compiles() {
        let lines = compile_crisis(&files(GOOD), "2026-12-07").unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].kind, CrisisKind::Emergency);
        assert_eq!(lines[0].name.sv.as_deref(), Some("Nödnumret 112"));
    }

    #[test]
    fn every_problem_is_named_with_its_line() {
        let bad = GOOD
            .replace("source = \"https://112.fi/\"\n", "")
            .replace(", en = \"Emergency\"", "")
            .replace("\"112\"", "\"11\"")
            .replace("kind = \"emergency\"", "kind = \"hotline\"");
        let problems: Vec<String> = compile_crisis(&files(&bad), "2026-12-07")
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            problems,
            [
                "crisis/crisis.toml:4: crisis \"emergency\" kind: unknown kind \"hotline\" (emergency, social_emergency, violence_line, crisis_line, child_line)",
                "crisis/crisis.toml:7: crisis \"emergency\" when.en: crisis help needs this language too",
                "crisis/crisis.toml:8: crisis \"emergency\" phone: \"11\" is not a Finnish phone number (write 0… or +358…)",
                "crisis/crisis.toml:3: crisis \"emergency\" source: a real number needs the operator's page it was checked on (source) and the date (checked)",
            ]
        );
    }

    #[test]
    fn the_layer_must_hold_a_real_emergency_number_and_samples_stay_local() {
        let sample_only = GOOD.replace(
            "checked = 2026-12-07",
            "checked = 2026-12-07\nsample = true",
        );
        let problems = compile_crisis(&files(&sample_only), "2026-12-07").unwrap_err();
        assert!(
            problems[0]
                .message
                .contains("sample line cannot be nationwide"),
            "{problems:?}"
        );
        let none = compile_crisis(&files(""), "2026-12-07").unwrap_err();
        assert!(
            none[0].message.contains("must always offer 112"),
            "{none:?}"
        );
    }
}
