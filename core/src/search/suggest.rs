//! "Did you mean": with few or no results, the closest known words for each query word that
//! met nothing as typed, and the life situations that fit, so a search never ends in nothing to
//! do. (The crisis lines stay on every empty result; the app shows them apart from this.)

use super::fuzzy::{allowed_edits, Pattern};
use super::SearchIndex;

/// Below this many results the app offers suggestions.
pub const FEW_RESULTS: usize = 3;

/// What to offer instead.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Suggestions {
    /// Whole queries with the unknown words replaced by the closest known ones, best first.
    pub corrections: Vec<String>,
    /// Ids of life situations (`situations::SITUATIONS`) that fit the query, best first.
    pub situations: Vec<String>,
}

impl Suggestions {
    pub fn is_empty(&self) -> bool {
        self.corrections.is_empty() && self.situations.is_empty()
    }
}

/// The life situation whose preset shows a category, for results that came without one.
pub fn situation_of_category(category: &str) -> Option<&'static str> {
    Some(match category {
        "mental_health" => "wellbeing",
        "family_law" => "relationship",
        "violence" => "violence",
        "rehabilitation" | "disability" | "specialist_health" => "special_needs",
        "benefits" | "social" => "money",
        _ => return None,
    })
}

const MAX_CORRECTIONS: usize = 3;
const MAX_SITUATIONS: usize = 3;

impl SearchIndex {
    /// Known words near each query word that met nothing as typed: the vocabulary's first (what
    /// families say), then the catalogue's, more frequent first.
    fn near_words(&self, term: &str) -> Vec<(String, Option<u32>)> {
        let n = term.chars().count();
        if n < 3 {
            return Vec::new();
        }
        // One edit more than the search itself allows, so a word the search gave up on still gets
        // a suggestion.
        let max = (allowed_edits(n) + 1).min(3);
        let mut found: Vec<(u32, u8, usize, String, Option<u32>)> = self
            .vocab
            .near(term, max)
            .into_iter()
            .map(|(d, w, e)| (d, 0, 0, w.to_string(), Some(e)))
            .collect();
        if let Some(p) = Pattern::new(term) {
            for (slot, w) in self.words.iter().enumerate() {
                if w.len().abs_diff(term.len()) > 2 * max as usize
                    || w.starts_with(|c: char| c.is_ascii_digit())
                {
                    continue;
                }
                if let Some(d) = p.distance(w, max) {
                    let many = usize::MAX - self.postings[slot].len();
                    found.push((d, 1, many, w.clone(), None));
                }
            }
        }
        crate::order::sort(&mut found);
        let mut out: Vec<(String, Option<u32>)> = Vec::new();
        for (_, _, _, w, e) in found {
            if w != term && !out.iter().any(|(x, _)| *x == w) {
                out.push((w, e));
            }
        }
        out.truncate(MAX_CORRECTIONS);
        out
    }

    /// What to offer for `query` besides its results: corrections for the words that met
    /// nothing as typed, and the situations the query's vocabulary words (or their near
    /// neighbours) belong to.
    pub fn suggest(&self, query: &str) -> Suggestions {
        let a = self.analyse(query);
        let mut out = Suggestions::default();
        let mut situations: Vec<&str> = Vec::new();
        for f in &a.fired {
            situations.extend(
                self.entries[f.entry as usize]
                    .situations
                    .iter()
                    .map(String::as_str),
            );
        }
        let mut replaced: Vec<Vec<(String, Option<u32>)>> = Vec::new();
        for (i, term) in a.terms.iter().enumerate() {
            let near = if a.met_as_typed(i) {
                Vec::new()
            } else {
                self.near_words(term)
            };
            for (_, e) in &near {
                if let Some(e) = e {
                    situations.extend(
                        self.entries[*e as usize]
                            .situations
                            .iter()
                            .map(String::as_str),
                    );
                }
            }
            replaced.push(near);
        }
        // The best correction changes every unknown word; the next ones try the first unknown
        // word's other neighbours.
        if replaced.iter().any(|r| !r.is_empty()) {
            let with = |first_choice: usize| -> String {
                let mut first = true;
                a.terms
                    .iter()
                    .zip(&replaced)
                    .map(|(t, r)| {
                        if r.is_empty() {
                            return t.clone();
                        }
                        let pick = if first { first_choice } else { 0 };
                        first = false;
                        r.get(pick).map_or_else(|| t.clone(), |(w, _)| w.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let choices = replaced.iter().find(|r| !r.is_empty()).map_or(0, Vec::len);
            for c in 0..choices {
                let q = with(c);
                if !out.corrections.contains(&q) {
                    out.corrections.push(q);
                }
            }
            out.corrections.truncate(MAX_CORRECTIONS);
        }
        for s in situations {
            if out.situations.len() < MAX_SITUATIONS && !out.situations.iter().any(|x| x == s) {
                out.situations.push(s.to_string());
            }
        }
        out
    }
}
