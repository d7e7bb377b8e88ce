//! The families' vocabulary as the search reads it: each word of each phrase with its stem
//! key, so a query word meets "avioero" as it meets a catalogue word (any form, a compound
//! around it, a typo).

use super::fuzzy::{allowed_edits, Pattern};
use super::rank::Fit;
use super::stem;
use crate::vocabulary::Vocabulary;

/// One word of a vocabulary phrase.
struct Word {
    text: String,
    key: String,
    entry: u32,
    phrase: u16,
    /// Position within the phrase.
    at: u8,
}

/// Query words shorter than this reach a sensitive entry (violence, child protection, crisis)
/// only as typed, never within a typo allowance: "lakkaa" is one edit from "hakkaa", and a
/// family asking something everyday must not be shown the shelters.
pub const SENSITIVE_TYPO_LEN: usize = 8;

#[derive(Default)]
pub struct VocabIndex {
    words: Vec<Word>,
    /// Words per phrase, per entry.
    phrase_len: Vec<Vec<u8>>,
    /// Entries leading first to a sensitive service type (`super::is_sensitive`).
    sensitive: Vec<bool>,
}

/// An entry of the vocabulary that the query says: which query words said it, and how well.
#[derive(Clone, Debug, PartialEq)]
pub struct Fired {
    pub entry: u32,
    /// (query word, fit), one per query word that took part.
    pub terms: Vec<(usize, Fit)>,
}

impl VocabIndex {
    /// `sensitive[t]`: service type `t` is one only words as typed may lead to.
    pub fn build(v: &Vocabulary, sensitive: &[bool]) -> VocabIndex {
        let mut words = Vec::new();
        let mut phrase_len = Vec::with_capacity(v.entries.len());
        for (e, entry) in v.entries.iter().enumerate() {
            let mut lens = Vec::with_capacity(entry.phrases.len());
            for (p, phrase) in entry.phrases.iter().enumerate() {
                let parts: Vec<&str> = phrase
                    .split(' ')
                    .filter(|w| !w.is_empty() && !super::tokenise::is_stop_word(w))
                    .collect();
                lens.push(parts.len().min(255) as u8);
                for (at, w) in parts.into_iter().enumerate().take(255) {
                    words.push(Word {
                        text: w.to_owned(),
                        key: stem::key(entry.lang, w),
                        entry: e as u32,
                        phrase: p as u16,
                        at: at as u8,
                    });
                }
            }
            phrase_len.push(lens);
        }
        let sensitive = v
            .entries
            .iter()
            .map(|e| {
                e.types
                    .first()
                    .is_some_and(|&t| sensitive.get(t as usize).copied().unwrap_or(false))
            })
            .collect();
        VocabIndex {
            words,
            phrase_len,
            sensitive,
        }
    }

    /// How a query word meets a vocabulary word, without typos.
    fn fit(term: &str, keys: &[String], w: &Word) -> Option<Fit> {
        if w.text == term {
            Some(Fit::Exact)
        } else if keys.contains(&w.key) && stem::joins(&w.key, term) && stem::joins(&w.key, &w.text)
        {
            Some(Fit::Stem)
        } else if term.len() >= 4 && w.text.len() <= term.len() + 4 && w.text.starts_with(term) {
            // Still typing the word, and most of it is there: "eska" is eskari, while "last" is
            // not yet any of the many "lasten…" words.
            Some(Fit::Prefix)
        } else if w.text.len() >= 5 && term.contains(w.text.as_str()) {
            // The word inside a compound of the query: "koulukiusaaminen".
            Some(Fit::Part)
        } else if w.key.len() >= 5 && term.contains(w.key.as_str()) {
            // ... in another form: "koulukiusaamiseen".
            Some(Fit::StemPart)
        } else if keys
            .iter()
            .any(|k| k.len() >= 5 && w.text.starts_with(k.as_str()) && w.text.len() <= k.len() + 2)
        {
            // A verb or derived form sharing the word's stem, which Snowball leaves apart:
            // "riitelemme" (we quarrel, key "riitel") and "riitely" (quarrelling).
            Some(Fit::StemPart)
        } else {
            None
        }
    }

    /// The entries the query words say. `keys[i]` are the stem keys of `terms[i]` in each
    /// language. With `typos`, a query word that meets no vocabulary word as typed may meet one
    /// within its allowance of edits.
    pub fn fire(&self, terms: &[String], keys: &[Vec<String>], typos: &[bool]) -> Vec<Fired> {
        // Best fit of each (entry, phrase, position) by each query word.
        let mut met: Vec<(u32, u16, u8, usize, Fit)> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            let before = met.len();
            for w in &self.words {
                if let Some(fit) = Self::fit(term, &keys[i], w) {
                    met.push((w.entry, w.phrase, w.at, i, fit));
                }
            }
            let edits = allowed_edits(term.chars().count());
            if met.len() == before && typos[i] && edits > 0 {
                if let Some(p) = Pattern::new(term) {
                    let short = term.chars().count() < SENSITIVE_TYPO_LEN;
                    for w in &self.words {
                        if short && self.sensitive[w.entry as usize] {
                            continue;
                        }
                        let len = w.text.chars().count();
                        if len.abs_diff(p.len()) <= edits as usize
                            && p.distance(&w.text, edits).is_some()
                        {
                            met.push((w.entry, w.phrase, w.at, i, Fit::Fuzzy));
                        }
                    }
                }
            }
        }
        met.sort_unstable_by_key(|&(e, p, at, i, fit)| (e, p, at, std::cmp::Reverse(fit), i));
        let mut fired: Vec<Fired> = Vec::new();
        let mut k = 0;
        while k < met.len() {
            let (e, p) = (met[k].0, met[k].1);
            let mut end = k;
            while end < met.len() && met[end].0 == e && met[end].1 == p {
                end += 1;
            }
            let group = &met[k..end];
            let need = self.phrase_len[e as usize][p as usize];
            // Every word of the phrase met by some query word.
            let mut terms: Vec<(usize, Fit)> = Vec::new();
            let mut covered = 0u8;
            let mut last_at = None;
            for &(_, _, at, i, fit) in group {
                if last_at != Some(at) {
                    covered += 1;
                    last_at = Some(at);
                }
                match terms.iter_mut().find(|(t, _)| *t == i) {
                    Some(t) => t.1 = t.1.max(fit),
                    None => terms.push((i, fit)),
                }
            }
            if covered >= need && need > 0 {
                match fired.iter_mut().find(|f| f.entry == e) {
                    Some(f) => {
                        for (i, fit) in terms {
                            match f.terms.iter_mut().find(|(t, _)| *t == i) {
                                Some(t) => t.1 = t.1.max(fit),
                                None => f.terms.push((i, fit)),
                            }
                        }
                    }
                    None => fired.push(Fired { entry: e, terms }),
                }
            }
            k = end;
        }
        fired
    }

    /// Vocabulary words within `max` edits of `term`, closest first: candidates for "did you
    /// mean".
    pub fn near(&self, term: &str, max: u32) -> Vec<(u32, &str, u32)> {
        let Some(p) = Pattern::new(term) else {
            return Vec::new();
        };
        let mut out: Vec<(u32, &str, u32)> = self
            .words
            .iter()
            .filter(|w| w.text.chars().count().abs_diff(p.len()) <= max as usize)
            .filter_map(|w| {
                p.distance(&w.text, max)
                    .map(|d| (d, w.text.as_str(), w.entry))
            })
            .collect();
        crate::order::sort(&mut out);
        out.dedup_by(|a, b| a.1 == b.1);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::vocabulary::Entry;

    fn entry(phrases: &[&str], ty: u16) -> Entry {
        Entry {
            lang: Lang::Fi,
            phrases: phrases.iter().map(|p| p.to_string()).collect(),
            types: vec![ty],
            situations: vec![],
            specialist: false,
        }
    }

    /// Type 0 is sensitive (violence), type 1 and 2 not.
    fn index() -> VocabIndex {
        let v = Vocabulary {
            entries: vec![
                entry(&["hakkaa", "vakivalta"], 0),
                entry(&["riitely", "avioero"], 1),
                entry(&["psykologi"], 2),
            ],
        };
        VocabIndex::build(&v, &[true, false, false])
    }

    fn fired(idx: &VocabIndex, word: &str) -> Vec<u32> {
        let keys: Vec<String> = Lang::ALL.iter().map(|&l| stem::key(l, word)).collect();
        idx.fire(&[word.to_owned()], &[keys], &[true])
            .into_iter()
            .map(|f| f.entry)
            .collect()
    }

    #[test]
    fn everyday_words_do_not_reach_violence_by_short_stems_or_typos() {
        let idx = index();
        // "hakea" (to apply) shares Snowball's short key "hak" with "hakkaa" (beats).
        assert_eq!(fired(&idx, "hakea"), Vec::<u32>::new());
        // "lakkaa" (stops) is one edit from "hakkaa".
        assert_eq!(fired(&idx, "lakkaa"), Vec::<u32>::new());
        // A long word mistyped still reaches it, and forms of the word itself do.
        assert_eq!(fired(&idx, "vakivalra"), [0]);
        assert_eq!(fired(&idx, "vakivallasta"), [0]);
        // Typos of other words stay as they were.
        assert_eq!(fired(&idx, "psykolgi"), [2]);
    }

    #[test]
    fn verb_forms_meet_their_nouns() {
        assert_eq!(fired(&index(), "riitelemme"), [1]);
    }
}
