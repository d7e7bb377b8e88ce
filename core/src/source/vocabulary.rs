//! Reads and checks the families' vocabulary (`data/vocabulary/*.csv`): one file per language
//! (`fi.csv`, or `fi-<topic>.csv` to keep a topic apart), one row per thing families say, with
//! the service types it leads to. Every problem names file, line and column.

use std::collections::HashMap;

use serde::Deserialize;

use super::problem::Problem;
use crate::model::{Lang, ServiceType};
use crate::situations::SITUATIONS;
use crate::text::normalize;
use crate::vocabulary::{Entry, Vocabulary};

pub const VOCABULARY_DIR: &str = "vocabulary/";

#[derive(Debug, Deserialize)]
struct Row {
    words: String,
    types: String,
    #[serde(default)]
    situations: String,
    #[serde(default)]
    specialist: String,
    // Free text for the editors; the app does not read it.
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

/// The language of a vocabulary file from its name: `fi.csv`, `sv-problems.csv`.
fn file_lang(path: &str) -> Option<Lang> {
    let name = path.strip_prefix(VOCABULARY_DIR)?.strip_suffix(".csv")?;
    let code = name.split('-').next()?;
    Lang::from_code(code)
}

fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

/// Reads every vocabulary file among `files`; problems go to `problems`. Without any file the
/// vocabulary is empty (the search then knows the catalogue's own words only).
pub fn read(
    files: &[super::SourceFile],
    types: &[ServiceType],
    problems: &mut Vec<Problem>,
) -> Vocabulary {
    let mut out = Vocabulary::default();
    // First place each (language, phrase) was given, to name duplicates.
    let mut seen: HashMap<(Lang, String), String> = HashMap::new();
    for f in files.iter().filter(|f| f.path.starts_with(VOCABULARY_DIR)) {
        let mut problem = |line: usize, place: String, message: String| {
            problems.push(Problem {
                file: f.path.clone(),
                line,
                place,
                message,
            })
        };
        let Some(lang) = file_lang(&f.path) else {
            if f.path.ends_with(".csv") {
                problem(
                    0,
                    String::new(),
                    "a vocabulary file is named after its language: fi.csv, sv.csv, en.csv, or fi-<topic>.csv".into(),
                );
            }
            continue;
        };
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(f.text.as_bytes());
        let headers = match reader.headers() {
            Ok(h) => {
                for needed in ["words", "types"] {
                    if !h.iter().any(|x| x == needed) {
                        problem(
                            1,
                            String::new(),
                            format!("the header needs a \"{needed}\" column (words,types,situations,specialist,note)"),
                        );
                    }
                }
                h.clone()
            }
            Err(e) => {
                problem(0, String::new(), format!("unreadable header: {e}"));
                continue;
            }
        };
        let lines = super::problem::Lines::new(&f.text);
        // The reader places a record after a comment or blank line on that line: step over them.
        let line_of = |byte: usize| {
            let mut at = byte.min(f.text.len());
            while let Some(rest) = f.text.get(at..) {
                let skip =
                    rest.starts_with('#') || rest.starts_with('\n') || rest.starts_with("\r\n");
                match rest.find('\n') {
                    Some(n) if skip => at += n + 1,
                    _ => break,
                }
            }
            lines.line(at)
        };
        for record in reader.records() {
            let parsed = record.and_then(|r| {
                let line = r.position().map_or(0, |p| line_of(p.byte() as usize));
                r.deserialize::<Row>(Some(&headers)).map(|row| (line, row))
            });
            let (line, row) = match parsed {
                Ok(x) => x,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    problem(line, String::new(), format!("unreadable row: {e}"));
                    continue;
                }
            };
            let here = format!("{}:{line}", f.path);
            let mut entry = Entry {
                lang,
                phrases: Vec::new(),
                types: Vec::new(),
                situations: Vec::new(),
                specialist: false,
            };
            let mut ok = true;
            for w in list(&row.words) {
                let phrase = normalize(w);
                if phrase.is_empty() {
                    problem(line, "words".into(), format!("\"{w}\" has no letters"));
                    ok = false;
                } else if phrase.split(' ').all(crate::search::tokenise::is_stop_word) {
                    problem(
                        line,
                        "words".into(),
                        format!("\"{w}\" is only stop words, which the search leaves out"),
                    );
                    ok = false;
                } else if let Some(first) = seen.get(&(lang, phrase.clone())) {
                    problem(
                        line,
                        "words".into(),
                        format!("\"{w}\" is already listed at {first}; add the types there"),
                    );
                    ok = false;
                } else {
                    seen.insert((lang, phrase.clone()), here.clone());
                    entry.phrases.push(phrase);
                }
            }
            if list(&row.words).next().is_none() {
                problem(line, "words".into(), "no words given".into());
                ok = false;
            }
            for t in list(&row.types) {
                match types.iter().position(|x| x.id == t) {
                    Some(i) => entry.types.push(i as u16),
                    None => {
                        problem(
                            line,
                            "types".into(),
                            format!("unknown service type \"{t}\" (the ids are in reference/service_types.csv)"),
                        );
                        ok = false;
                    }
                }
            }
            if list(&row.types).next().is_none() {
                problem(
                    line,
                    "types".into(),
                    "no service type given: which services answer these words?".into(),
                );
                ok = false;
            }
            for s in list(&row.situations) {
                if SITUATIONS.contains(&s) {
                    entry.situations.push(s.to_string());
                } else {
                    problem(
                        line,
                        "situations".into(),
                        format!(
                            "unknown life situation \"{s}\" (one of {})",
                            SITUATIONS.join(", ")
                        ),
                    );
                    ok = false;
                }
            }
            match row.specialist.as_str() {
                "" | "no" => {}
                "yes" => entry.specialist = true,
                other => {
                    problem(
                        line,
                        "specialist".into(),
                        format!("\"{other}\": write yes, no or leave it empty"),
                    );
                    ok = false;
                }
            }
            if ok {
                out.entries.push(entry);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn types() -> Vec<ServiceType> {
        crate::search::tests::tiny_catalogue().service_types
    }

    fn read_one(path: &str, text: &str) -> (Vocabulary, Vec<String>) {
        let mut problems = Vec::new();
        let files = [SourceFile {
            path: path.into(),
            text: text.into(),
        }];
        let v = read(&files, &types(), &mut problems);
        (v, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_rows_with_comments_and_lists() {
        let (v, problems) = read_one(
            "vocabulary/fi.csv",
            "# What families say.\n# Another comment.\nwords,types,situations,specialist,note\nneuvola|neuvola-täti,child_health_clinic,baby,,\npuhe ei kehity,speech_therapy|child_psychiatry,special_needs,no,\"a note, with a comma\"\nlähete,child_psychiatry,,yes,\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(v.entries.len(), 3);
        assert_eq!(v.entries[0].phrases, ["neuvola", "neuvola tati"]);
        assert_eq!(v.entries[1].types, [1, 2]);
        assert!(v.entries[2].specialist);
        assert_eq!(v.counts().phrases, [4, 0, 0]);
    }

    #[test]
    fn every_problem_is_named_with_its_line() {
        let (v, problems) = read_one(
            "vocabulary/sv-problem.csv",
            "words,types,situations,specialist,note\n# comment\nskilsmässa,separation,relationship,,\n,speech_therapy,,,\ndagis,child_health_clinic,holiday,maybe,\noch,child_health_clinic,,,\nbarnrådgivning,child_health_clinic,,,\nbarnrådgivning,speech_therapy,,,\ntal,,,,\n",
        );
        assert_eq!(
            problems,
            [
                "vocabulary/sv-problem.csv:3: types: unknown service type \"separation\" (the ids are in reference/service_types.csv)",
                "vocabulary/sv-problem.csv:4: words: no words given",
                "vocabulary/sv-problem.csv:5: situations: unknown life situation \"holiday\" (one of expecting, baby, under_school_age, school_age, teenager, young_adult, wellbeing, relationship, violence, special_needs, money, new_to_finland)",
                "vocabulary/sv-problem.csv:5: specialist: \"maybe\": write yes, no or leave it empty",
                "vocabulary/sv-problem.csv:6: words: \"och\" is only stop words, which the search leaves out",
                "vocabulary/sv-problem.csv:8: words: \"barnrådgivning\" is already listed at vocabulary/sv-problem.csv:7; add the types there",
                "vocabulary/sv-problem.csv:9: types: no service type given: which services answer these words?",
            ]
        );
        assert_eq!(v.entries.len(), 1);
        let (_, problems) = read_one("vocabulary/words.csv", "words,types\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let (_, problems) = read_one("vocabulary/en.csv", "word,type\nx,y\n");
        assert!(
            problems[0].contains("needs a \"words\" column"),
            "{problems:?}"
        );
    }
}
