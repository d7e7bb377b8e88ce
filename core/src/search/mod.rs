//! Free-text search over the catalogue, as families type: any form of a Finnish or Swedish word
//! (stemmed on both sides, `stem`), parts of compounds ("neuvola" finds "Lastenneuvola"), the
//! families' own words (`vocab`: "eskari", "avioero", "rahahuolet" lead to service types),
//! typos (`fuzzy`), and several words ranked by how many of them a service meets, stop words
//! aside (`tokenise`). Ties are broken alphabetically, so the order is deterministic.
//!
//! The index holds each distinct catalogue word once with its stem keys, never a list of word
//! forms: the compiled catalogue grows by the vocabulary only.

pub mod fuzzy;
pub mod rank;
pub mod relevance;
pub mod stem;
mod suggest;
pub mod tokenise;
mod vocab;

use rustc_hash::FxHashMap;

use crate::model::{Access, Catalogue, Lang, ServiceType, Text};
use crate::pace::Pace;
use crate::text::normalize;
use crate::vocabulary::Entry;
pub use rank::{Field, Fit};
pub use suggest::{situation_of_category, Suggestions, FEW_RESULTS};
use vocab::{Fired, VocabIndex};

/// Infix (compound part) matching only from this many characters, so "ne" does not match half
/// the catalogue through unrelated words.
const MIN_PART_LEN: usize = 3;
/// A stem is looked for inside words only from this length: "laps" (lapsen) finds
/// "lapsiperheet", while "puh" (puhe) would find every "puhelin".
const MIN_STEM_PART_LEN: usize = 4;
/// Results a family sees first; fewer than this meeting every word, and those meeting all but
/// one join them.
const FIRST_PAGE: usize = 10;
/// A score holds the number of query words met above the text score.
const MET_SHIFT: u32 = 16;
const MET_MASK: u32 = (1 << MET_SHIFT) - 1;
/// A query word whose postings number at least one in this many documents is folded by reading
/// every document once ([`SearchIndex::matches`]).
const DENSE_SHARE: usize = 4;
/// Words of a query looked at; more is pasted text, not a search.
const MAX_TERMS: usize = 32;
/// What a query word weighs when a service meets it ([`word_weight`]).
const VOCAB_WEIGHT: u32 = 4;
const RARE_WEIGHT: u32 = 2;
const COMMON_WEIGHT: u32 = 1;
/// Fewer types than this among the services meeting the query best is a narrow answer: those
/// meeting one word less join them, so that other fitting types can take turns on the first page.
const NARROW_TYPES: usize = 3;

/// Service types only words as typed may lead to, never a typo of some everyday word:
/// violence, child protection and the crisis centre.
pub fn is_sensitive(t: &ServiceType) -> bool {
    matches!(t.category.as_str(), "violence" | "child_welfare") || t.id == "crisis_help"
}

/// The weight of a query word, like an inverse document frequency: a word of the families'
/// vocabulary says the need (4); a catalogue word met by at most one service in eight is telling
/// (2); one met by up to half of them little (1); one met by more than half ("families",
/// "vanhempia") nothing, so such a word alone never decides the order.
fn word_weight(vocabulary: bool, met_by: usize, docs: usize) -> u32 {
    if vocabulary {
        VOCAB_WEIGHT
    } else if met_by * 8 <= docs {
        RARE_WEIGHT
    } else if met_by * 2 <= docs {
        COMMON_WEIGHT
    } else {
        0
    }
}

fn lang_bit(l: Lang) -> u8 {
    1 << (l as u8)
}

#[derive(Default)]
pub struct SearchIndex {
    /// Distinct normalised words, sorted, each with the documents holding it and the best field there.
    words: Vec<String>,
    postings: Vec<Vec<(u32, Field)>>,
    /// Stem keys of the words, in each language a word was written in.
    keys: FxHashMap<(Lang, Box<str>), Vec<u32>>,
    vocab: VocabIndex,
    /// The vocabulary's entries (types, situations), as the compiled catalogue has them.
    entries: Vec<Entry>,
    docs_of_type: Vec<Vec<u32>>,
    /// The service type of each document.
    doc_type: Vec<u16>,
    /// Service types only words as typed lead to ([`is_sensitive`]), per type.
    sensitive: Vec<bool>,
    /// Service types a family cannot contact itself (referral or decision).
    referral_only: Vec<bool>,
    docs: usize,
    /// Position of each document in alphabetical order of its Finnish name, for stable ties.
    alpha_rank: Vec<u32>,
    /// The documents in that order (the inverse of `alpha_rank`).
    by_rank: Vec<u32>,
}

/// The documents a query finds, ascending, with their score; and what the query asks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TextMatch {
    pub hits: Vec<(u32, u32)>,
    /// Some word of the query asks for specialist care (the vocabulary says which), or names
    /// first a service one needs a referral for ("puheterapia", "adhd"): then such services are
    /// not put below those a family can contact itself.
    pub specialist: bool,
    /// Query words (stop words aside), and how many of them each hit meets.
    pub terms: usize,
    pub met: usize,
}

/// How [`SearchIndex::matches_with`] and the engine reach their results: the fast way, or the
/// plain way kept for the tests to compare it with (each document listed as a word first meets
/// it, every query scored as one of several words, every hit list sorted). Both give the same
/// results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Way {
    Fast,
    Reference,
}

/// What each query word met, before documents are scored.
struct Analysis {
    terms: Vec<String>,
    /// Catalogue words met by each query word, with how.
    fits: Vec<Vec<(u32, Fit)>>,
    fired: Vec<Fired>,
}

impl Analysis {
    /// Did query word `i` meet anything as typed (not by a typo allowance)?
    fn met_as_typed(&self, i: usize) -> bool {
        self.fits[i].iter().any(|(_, f)| !f.is_typo())
            || self
                .fired
                .iter()
                .any(|f| f.terms.iter().any(|&(t, fit)| t == i && !fit.is_typo()))
    }
}

impl SearchIndex {
    pub fn build(cat: &Catalogue) -> SearchIndex {
        crate::pace::now(SearchIndex::build_in_steps(cat, &mut Pace::never()))
    }

    /// The index, a service (and then a word) at a time; see [`crate::pace`].
    pub async fn build_in_steps<'c>(cat: &'c Catalogue, pace: &mut Pace<'_>) -> SearchIndex {
        // Word keys are short and not attacker-chosen: the fast hash, not SipHash.
        let mut slots: FxHashMap<String, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<(u32, Field)>> = Vec::new();
        let mut langs: Vec<u8> = Vec::new();
        // Catalogues repeat whole texts (one county's description on every clinic, the same
        // municipality names): each distinct text is split and its words looked up once.
        // Indexing runs in the browser on every start.
        let mut texts: FxHashMap<(&'c str, Lang), (u32, u32)> = FxHashMap::default();
        // Each distinct text's words, as a range of this one list (not a list per text).
        let mut text_words: Vec<u32> = Vec::new();
        let mut add = |doc: u32, text: &'c str, lang: Lang, field: Field| {
            let (start, end) = *texts.entry((text, lang)).or_insert_with(|| {
                let start = text_words.len() as u32;
                for w in normalize(text).split(' ').filter(|w| !w.is_empty()) {
                    let slot = match slots.get(w) {
                        Some(&slot) => slot,
                        None => {
                            let slot = postings.len() as u32;
                            postings.push(Vec::new());
                            langs.push(0);
                            slots.insert(w.to_owned(), slot);
                            slot
                        }
                    };
                    langs[slot as usize] |= lang_bit(lang);
                    text_words.push(slot);
                }
                (start, text_words.len() as u32)
            });
            for &slot in &text_words[start as usize..end as usize] {
                let list = &mut postings[slot as usize];
                match list.last_mut() {
                    Some((d, f)) if *d == doc => *f = (*f).max(field),
                    _ => list.push((doc, field)),
                }
            }
        };
        let mut add_text = |doc: u32, t: &'c Text, field: Field| {
            add(doc, &t.fi, Lang::Fi, field);
            if let Some(sv) = &t.sv {
                add(doc, sv, Lang::Sv, field);
            }
            if let Some(en) = &t.en {
                add(doc, en, Lang::En, field);
            }
        };
        for (i, s) in cat.services.iter().enumerate() {
            let doc = i as u32;
            add_text(doc, &s.name, Field::Name);
            add_text(doc, &cat.service_type(s).name, Field::Type);
            add_text(doc, &cat.organisation(s).name, Field::Place);
            for d in &s.delivery {
                add_text(doc, &d.name, Field::Place);
                if let Some(a) = &d.address {
                    add_text(
                        doc,
                        &cat.municipalities[a.municipality as usize].name,
                        Field::Place,
                    );
                }
            }
            for &m in &s.areas.municipalities {
                add_text(doc, &cat.municipalities[m as usize].name, Field::Place);
            }
            for &c in &s.areas.counties {
                add_text(doc, &cat.counties[c as usize].name, Field::Place);
            }
            add_text(doc, &s.summary, Field::Summary);
            add_text(doc, &s.description, Field::Description);
            add_text(doc, &s.how_to_get, Field::Description);
            pace.tick().await;
        }
        let mut entries: Vec<(String, u32)> = slots.into_iter().collect();
        crate::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        let mut words = Vec::with_capacity(entries.len());
        let mut sorted_postings = Vec::with_capacity(entries.len());
        let mut keys: FxHashMap<(Lang, Box<str>), Vec<u32>> = FxHashMap::default();
        for (new, (w, slot)) in entries.into_iter().enumerate() {
            let mask = langs[slot as usize];
            for lang in Lang::ALL {
                // Numbers and one-letter words have no forms.
                if mask & lang_bit(lang) != 0
                    && w.len() > 2
                    && !w.starts_with(|c: char| c.is_ascii_digit())
                {
                    let k = stem::key(lang, &w);
                    keys.entry((lang, k.into_boxed_str()))
                        .or_default()
                        .push(new as u32);
                }
            }
            sorted_postings.push(std::mem::take(&mut postings[slot as usize]));
            words.push(w);
            pace.tick().await;
        }

        let mut names: Vec<String> = Vec::with_capacity(cat.services.len());
        for s in &cat.services {
            names.push(normalize(&s.name.fi));
            pace.tick().await;
        }
        let by_name = |a: u32, b: u32| {
            names[a as usize].cmp(&names[b as usize]).then_with(|| {
                cat.services[a as usize]
                    .id
                    .cmp(&cat.services[b as usize].id)
            })
        };
        let order = crate::pace::order_in_steps(cat.services.len() as u32, &by_name, pace).await;
        let mut alpha_rank = vec![0; order.len()];
        for (rank, &doc) in order.iter().enumerate() {
            alpha_rank[doc as usize] = rank as u32;
        }
        let mut docs_of_type = vec![Vec::new(); cat.service_types.len()];
        for (i, s) in cat.services.iter().enumerate() {
            if let Some(list) = docs_of_type.get_mut(s.service_type as usize) {
                list.push(i as u32);
            }
        }
        let sensitive: Vec<bool> = cat.service_types.iter().map(is_sensitive).collect();
        SearchIndex {
            words,
            postings: sorted_postings,
            keys,
            vocab: VocabIndex::build(&cat.vocabulary, &sensitive),
            doc_type: cat.services.iter().map(|s| s.service_type).collect(),
            sensitive,
            entries: cat.vocabulary.entries.clone(),
            docs_of_type,
            referral_only: cat
                .service_types
                .iter()
                .map(|t| matches!(t.access, Access::Referral | Access::Decision))
                .collect(),
            docs: cat.services.len(),
            alpha_rank,
            by_rank: order,
        }
    }

    /// Lets go of the index a few words at a time (see [`crate::pace`]).
    pub async fn drop_in_steps(self, pace: &mut Pace<'_>) {
        crate::pace::drop_in_steps(self.postings, pace).await;
        crate::pace::drop_in_steps(self.words, pace).await;
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Alphabetical position of a document, for ordering results that have no text score.
    pub fn alpha_rank(&self, doc: u32) -> u32 {
        self.alpha_rank[doc as usize]
    }

    /// The service type of a document, from a compact list (cheaper than the service itself
    /// when many documents are looked at).
    pub fn doc_type(&self, doc: u32) -> u16 {
        self.doc_type[doc as usize]
    }

    /// The documents in alphabetical order of their Finnish names.
    pub fn alphabetical(&self) -> &[u32] {
        &self.by_rank
    }

    /// The stem keys of a query word in each language, Finnish first.
    fn term_keys(term: &str) -> Vec<(Lang, String)> {
        if term.chars().count() < MIN_PART_LEN || term.starts_with(|c: char| c.is_ascii_digit()) {
            return Vec::new();
        }
        Lang::ALL.iter().map(|&l| (l, stem::key(l, term))).collect()
    }

    /// Catalogue words a query word meets as typed: exactly, in another form, as the start of a
    /// word or a part of a compound.
    fn word_fits(&self, term: &str, keys: &[(Lang, String)]) -> Vec<(u32, Fit)> {
        let mut out = Vec::new();
        // While the word typed is still the beginning of some word ("lastenne"), it is being
        // typed: the stem of a half word ("last") would find far more than was meant, so only
        // stems nearly as long as the word count then.
        let start = self.words.partition_point(|w| w.as_str() < term);
        let typing = self
            .words
            .get(start)
            .is_some_and(|w| w.starts_with(term) && w != term);
        let keys: Vec<&(Lang, String)> = keys
            .iter()
            .filter(|(_, k)| !typing || k.len() + 2 >= term.len())
            .collect();
        for (lang, k) in &keys {
            if !stem::joins(k, term) {
                continue;
            }
            if let Some(slots) = self.keys.get(&(*lang, k.as_str().into())) {
                out.extend(
                    slots
                        .iter()
                        .filter(|&&s| stem::joins(k, &self.words[s as usize]))
                        .map(|&s| (s, Fit::Stem)),
                );
            }
        }
        if term.chars().count() < MIN_PART_LEN {
            // Short words match only as prefixes, which sit together in the sorted word list.
            let end = start + self.words[start..].partition_point(|w| w.starts_with(term));
            for slot in start..end {
                let fit = if self.words[slot] == term {
                    Fit::Exact
                } else {
                    Fit::Prefix
                };
                out.push((slot as u32, fit));
            }
            return out;
        }
        // Stems to look for inside words: shorter than the word typed, and not already found by
        // it; none while typing.
        let mut inner: Vec<&str> = keys
            .iter()
            .map(|(_, k)| k.as_str())
            .filter(|k| !typing && k.len() >= MIN_STEM_PART_LEN && *k != term && !k.contains(term))
            .collect();
        crate::order::sort_dedup(&mut inner);
        for (slot, w) in self.words.iter().enumerate() {
            let fit = if w.len() < term.len() {
                if inner.iter().any(|k| w.contains(k)) {
                    Fit::StemPart
                } else {
                    continue;
                }
            } else if w == term {
                Fit::Exact
            } else if w.starts_with(term) {
                Fit::Prefix
            } else if w.contains(term) {
                Fit::Part
            } else if inner.iter().any(|k| w.contains(k)) {
                Fit::StemPart
            } else {
                continue;
            };
            out.push((slot as u32, fit));
        }
        out
    }

    /// Catalogue words within the typo allowance of a query word that met nothing as typed.
    fn typo_fits(&self, term: &str) -> Vec<(u32, Fit)> {
        let edits = fuzzy::allowed_edits(term.chars().count());
        let Some(p) = fuzzy::Pattern::new(term).filter(|_| edits > 0) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (slot, w) in self.words.iter().enumerate() {
            let len = w.len();
            // Byte length bounds the letters from above; a word much shorter cannot be near.
            if len + (edits as usize) < p.len() {
                continue;
            }
            if len <= p.len() + 2 * edits as usize && p.distance(w, edits).is_some() {
                out.push((slot as u32, Fit::Fuzzy));
            } else if len > p.len() && p.distance_within(w, edits).is_some() {
                out.push((slot as u32, Fit::FuzzyPart));
            }
        }
        out
    }

    fn analyse(&self, query: &str) -> Analysis {
        let mut terms = tokenise::terms(query);
        terms.truncate(MAX_TERMS);
        let keys: Vec<Vec<(Lang, String)>> = terms.iter().map(|t| Self::term_keys(t)).collect();
        let mut fits: Vec<Vec<(u32, Fit)>> = terms
            .iter()
            .zip(&keys)
            .map(|(t, k)| self.word_fits(t, k))
            .collect();
        let key_strings: Vec<Vec<String>> = keys
            .iter()
            .map(|k| k.iter().map(|(_, s)| s.clone()).collect())
            .collect();
        let typos: Vec<bool> = fits.iter().map(Vec::is_empty).collect();
        let fired = self.vocab.fire(&terms, &key_strings, &typos);
        let mut a = Analysis {
            terms,
            fits: Vec::new(),
            fired,
        };
        for (i, f) in fits.iter_mut().enumerate() {
            let vocab_as_typed = a
                .fired
                .iter()
                .any(|x| x.terms.iter().any(|&(t, fit)| t == i && !fit.is_typo()));
            if f.is_empty() && !vocab_as_typed {
                *f = self.typo_fits(&a.terms[i]);
            }
        }
        a.fits = fits;
        a
    }

    /// The service types the vocabulary leads the query's words to first, as typed or within
    /// the typo allowance.
    pub fn leads_to(&self, query: &str) -> Vec<u16> {
        let a = self.analyse(query);
        a.fired
            .iter()
            .filter_map(|f| self.entries[f.entry as usize].types.first().copied())
            .collect()
    }

    /// Scores the documents query word `i` meets into `best` (each document's best score for
    /// it; zero: not met) and lists them in `touched`, ascending. Returns whether the
    /// vocabulary led the word to service types, and whether it asks for specialist care.
    fn meet_word(
        &self,
        a: &Analysis,
        i: usize,
        way: Way,
        best: &mut [u32],
        touched: &mut Vec<u32>,
    ) -> (bool, bool) {
        let fits = &a.fits[i];
        let short = a.terms[i].chars().count() < vocab::SENSITIVE_TYPO_LEN;
        // A word met through many postings (a letter or two typed: "l" begins a tenth of all
        // words) is gathered by one read of every document afterwards, rather than by listing
        // each document as it is first met, which costs a branch per posting.
        let postings: usize = fits
            .iter()
            .map(|&(slot, _)| self.postings[slot as usize].len())
            .sum();
        let dense = way == Way::Fast && postings * DENSE_SHARE >= self.docs;
        let meet = |best: &mut [u32], touched: &mut Vec<u32>, doc: u32, score: u32| {
            let d = doc as usize;
            if !dense && best[d] == 0 {
                touched.push(doc);
            }
            best[d] = best[d].max(score);
        };
        for &(slot, fit) in fits {
            let list = &self.postings[slot as usize];
            // A typo of a short word does not lead to a sensitive service.
            if short && fit.is_typo() {
                for &(doc, field) in list {
                    if !self.sensitive[self.doc_type[doc as usize] as usize] {
                        meet(best, touched, doc, rank::word(field, fit));
                    }
                }
            } else if dense {
                // The hot loop of a first letter: no branch but the bounds check.
                for &(doc, field) in list {
                    let b = &mut best[doc as usize];
                    *b = (*b).max(rank::word(field, fit));
                }
            } else {
                for &(doc, field) in list {
                    meet(best, touched, doc, rank::word(field, fit));
                }
            }
        }
        let mut vocabulary = false;
        let mut specialist = false;
        for f in &a.fired {
            let Some(&(_, fit)) = f.terms.iter().find(|(t, _)| *t == i) else {
                continue;
            };
            vocabulary = true;
            let entry = &self.entries[f.entry as usize];
            specialist |= entry.specialist
                || entry
                    .types
                    .first()
                    .is_some_and(|&t| self.referral_only.get(t as usize).copied().unwrap_or(false));
            for (position, &t) in entry.types.iter().enumerate() {
                for &doc in self.docs_of_type.get(t as usize).map_or(&[][..], |v| v) {
                    meet(best, touched, doc, rank::intent(fit, position));
                }
            }
        }
        if dense {
            // Every document written, the count moved on only for those met: no branch to
            // mispredict where about half the documents are met.
            touched.resize(self.docs, 0);
            let mut n = 0;
            for (d, &b) in best.iter().enumerate() {
                touched[n] = d as u32;
                n += usize::from(b != 0);
            }
            touched.truncate(n);
        } else {
            touched.sort_unstable();
        }
        (vocabulary, specialist)
    }

    /// Documents meeting as many words of `query` as any document does, with a score; `None`
    /// when the query has no words (then every document matches and nothing is ranked by text).
    /// A word the catalogue lacks does not empty the results: the documents meeting the
    /// others are found, ranked by how well they meet them.
    pub fn matches(&self, query: &str) -> Option<TextMatch> {
        self.matches_with(query, Way::Fast)
    }

    /// [`SearchIndex::matches`]. The fast way lets a query of one word skip what only several
    /// words need (each document's words met and their weights), as every keystroke of a
    /// first word does.
    pub(crate) fn matches_with(&self, query: &str, way: Way) -> Option<TextMatch> {
        let a = self.analyse(query);
        if a.terms.is_empty() {
            return None;
        }
        // Best score of each document for the current word; zero means not met.
        let mut best: Vec<u32> = vec![0; self.docs];
        let mut touched: Vec<u32> = Vec::new();
        if way == Way::Fast && a.terms.len() == 1 {
            let (vocabulary, specialist) = self.meet_word(&a, 0, way, &mut best, &mut touched);
            // As below with one word: all its documents weigh alike, and a word met by most
            // services still counts when it is the only one.
            let weight = word_weight(vocabulary, touched.len(), self.docs).max(COMMON_WEIGHT);
            let hits = touched
                .iter()
                .map(|&d| (d, weight << MET_SHIFT | best[d as usize].min(MET_MASK)))
                .collect();
            return Some(TextMatch {
                hits,
                specialist,
                terms: 1,
                met: usize::from(!touched.is_empty()),
            });
        }
        // The query words each document meets, one bit each (at most MAX_TERMS).
        let mut mask: Vec<u32> = vec![0; self.docs];
        let mut total: Vec<u32> = vec![0; self.docs];
        let mut any: Vec<u32> = Vec::new();
        let mut weights: Vec<u32> = Vec::with_capacity(a.fits.len());
        // Documents met by each word.
        let mut met_by: Vec<usize> = Vec::with_capacity(a.fits.len());
        let mut specialist = false;
        for i in 0..a.fits.len() {
            let (vocabulary, asks) = self.meet_word(&a, i, way, &mut best, &mut touched);
            specialist |= asks;
            weights.push(word_weight(vocabulary, touched.len(), self.docs));
            met_by.push(touched.len());
            for &doc in &touched {
                let d = doc as usize;
                if mask[d] == 0 {
                    any.push(doc);
                }
                mask[d] |= 1 << i;
                total[d] += best[d];
                best[d] = 0;
            }
            touched.clear();
        }
        // Words met only by more than half of the services weigh nothing beside telling ones;
        // when no word met is telling, each counts alike.
        if !weights.iter().zip(&met_by).any(|(&w, &n)| w > 0 && n > 0) {
            weights
                .iter_mut()
                .for_each(|w| *w = (*w).max(COMMON_WEIGHT));
        }
        let weighed_of = |d: u32| -> u32 {
            let mut m = mask[d as usize];
            let mut sum = 0;
            while m != 0 {
                sum += weights[m.trailing_zeros() as usize];
                m &= m - 1;
            }
            sum
        };
        // Each document's weighed words, kept where its best score was (all zero by now). With
        // one word met (as while typing) every document met weighs the same: no pass needed.
        let words_met = met_by.iter().filter(|&&n| n > 0).count();
        let mut most = 0;
        let mut weighed = best;
        if words_met > 1 {
            for &d in &any {
                let w = weighed_of(d);
                weighed[d as usize] = w;
                most = most.max(w);
            }
        } else if let Some(&d) = any.first() {
            most = weighed_of(d);
            for &d in &any {
                weighed[d as usize] = most;
            }
        }
        // The documents meeting the query best; when they are fewer than a page or of few types,
        // also those meeting it but for one word ("masennuksen hoito": three
        // clinics say both words, the youth services only the first), ranked after them.
        let mut full = 0;
        let mut full_types: Vec<u16> = Vec::new();
        let mut met_words = 0;
        for &d in any.iter().filter(|_| words_met > 1) {
            if weighed[d as usize] == most {
                full += 1;
                met_words = met_words.max(mask[d as usize].count_ones() as usize);
                let t = self.doc_type[d as usize];
                if full_types.len() < NARROW_TYPES && !full_types.contains(&t) {
                    full_types.push(t);
                }
            }
        }
        // Words that met some service, and the weight of the most telling of them.
        let heaviest = weights
            .iter()
            .zip(&met_by)
            .filter(|&(_, &n)| n > 0)
            .map(|(&w, _)| w)
            .max()
            .unwrap_or(0);
        let least = if (full < FIRST_PAGE || full_types.len() < NARROW_TYPES) && words_met > 1 {
            most.saturating_sub(heaviest)
        } else {
            most
        };
        let score = |d: u32, w: u32| w << MET_SHIFT | total[d as usize].min(MET_MASK);
        let hits: Vec<(u32, u32)> = if any.len() * 8 > self.docs {
            // Many matches: reading the scores in document order beats sorting the list.
            (0..self.docs as u32)
                .filter(|&d| mask[d as usize] != 0 && weighed[d as usize] >= least)
                .map(|d| (d, score(d, weighed[d as usize])))
                .collect()
        } else {
            any.sort_unstable();
            any.iter()
                .filter(|&&d| weighed[d as usize] >= least)
                .map(|&d| (d, score(d, weighed[d as usize])))
                .collect()
        };
        Some(TextMatch {
            hits,
            specialist,
            terms: a.terms.len(),
            met: if words_met > 1 { met_words } else { words_met },
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::*;

    pub(crate) fn tiny_catalogue() -> Catalogue {
        let ty = |id: &str, level, category: &str, fi: &str, sv: &str| ServiceType {
            id: id.into(),
            level,
            category: category.into(),
            name: Text {
                fi: fi.into(),
                sv: Some(sv.into()),
                en: None,
                machine: vec![],
            },
            age_min: 0.0,
            age_max: 18.0,
            access: Access::None,
            sessions: false,
        };
        let svc = |id: &str, t: u16, name: &str, sv: Option<&str>, summary: &str, m: u16| Service {
            id: id.into(),
            source_id: None,
            organisation: 0,
            service_type: t,
            name: Text {
                fi: name.into(),
                sv: sv.map(Into::into),
                en: None,
                machine: vec![],
            },
            summary: Text::fi(summary),
            description: Text::default(),
            how_to_get: Text::default(),
            age_min: 0.0,
            age_max: 18.0,
            target_groups: vec![],
            languages: vec!["fi".into()],
            language_note: Text::default(),
            cost: Cost::Free,
            cost_text: Text::default(),
            access: Access::None,
            areas: Areas {
                nationwide: false,
                counties: vec![],
                municipalities: vec![m],
            },
            status: Status::Active,
            closed_until: None,
            alert: Text::default(),
            last_checked: "2026-10-01".into(),
            source: None,
            delivery: vec![],
        };
        Catalogue {
            built: "2026-11-23T00:00:00Z".into(),
            sample: true,
            counties: vec![
                County {
                    code: "11".into(),
                    name: Text::fi("Pohjois-Karjala"),
                    contact: None,
                },
                County {
                    code: "10".into(),
                    name: Text::fi("Pohjois-Savo"),
                    contact: None,
                },
            ],
            municipalities: vec![
                Municipality {
                    code: "167".into(),
                    name: Text::fi("Joensuu"),
                    county: 0,
                    centre: (62.6, 29.77),
                },
                Municipality {
                    code: "422".into(),
                    name: Text::fi("Lieksa"),
                    county: 0,
                    centre: (63.31, 30.04),
                },
                Municipality {
                    code: "297".into(),
                    name: Text::fi("Kuopio"),
                    county: 1,
                    centre: (62.89, 27.68),
                },
            ],
            service_types: vec![
                ty(
                    "child_health_clinic",
                    Level::Universal,
                    "health",
                    "Lastenneuvola",
                    "Barnrådgivning",
                ),
                ty(
                    "speech_therapy",
                    Level::Basic,
                    "rehabilitation",
                    "Puheterapia",
                    "Talterapi",
                ),
                ty(
                    "child_psychiatry",
                    Level::Specialist,
                    "specialist_health",
                    "Lastenpsykiatria",
                    "Barnpsykiatri",
                ),
            ],
            organisations: vec![Organisation {
                id: "siun".into(),
                name: Text::fi("Siun sote"),
                kind: OrgKind::WellbeingCounty,
                website: None,
            }],
            services: vec![
                svc(
                    "a",
                    0,
                    "Lastenneuvola Keskusta",
                    Some("Barnrådgivning Centrum"),
                    "Terveystarkastukset",
                    0,
                ),
                svc(
                    "b",
                    1,
                    "Puheterapia",
                    None,
                    "Apua puheen kehitykseen, myös neuvolan kautta",
                    1,
                ),
                svc(
                    "c",
                    2,
                    "Lastenpsykiatrian poliklinikka",
                    None,
                    "Lähete tarvitaan",
                    2,
                ),
                svc(
                    "d",
                    0,
                    "Neuvola Pielisjoki",
                    None,
                    "Lapsiperheiden neuvola",
                    1,
                ),
            ],
            schedules: Vec::new(),
            vocabulary: crate::vocabulary::Vocabulary::default(),
            service_areas: Vec::new(),
        }
    }

    fn ids(cat: &Catalogue, found: &TextMatch) -> Vec<String> {
        let mut hits = found.hits.clone();
        hits.sort_by_key(|&(d, s)| (std::cmp::Reverse(s), d));
        hits.into_iter()
            .map(|(d, _)| cat.services[d as usize].id.clone())
            .collect()
    }

    #[test]
    fn compound_part_finds_lastenneuvola_and_name_beats_summary() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        let hits = idx.matches("neuvola").unwrap();
        // "Neuvola Pielisjoki" (exact name word), "Lastenneuvola …" (name part), then "Puheterapia"
        // whose summary only mentions "neuvolan".
        assert_eq!(ids(&cat, &hits), ["d", "a", "b"]);
    }

    #[test]
    fn terapia_finds_puheterapia_case_insensitively() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        assert_eq!(ids(&cat, &idx.matches("TERAPIA").unwrap()), ["b"]);
    }

    #[test]
    fn swedish_names_and_prefixes_are_found() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        assert_eq!(ids(&cat, &idx.matches("barnrådg").unwrap()), ["a", "d"]);
        assert_eq!(
            ids(&cat, &idx.matches("barnradgivning centrum").unwrap()),
            // "a" says both words; "d" (a clinic, so "barnrådgivning" by its type) follows,
            // as fewer than a page say both (issue 17; before, "a" alone).
            ["a", "d"]
        );
    }

    #[test]
    fn services_meeting_every_word_come_first_and_places_are_searchable() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        // d and b are in Lieksa and say "neuvola"; fewer than a page do, so a (a clinic in
        // Joensuu) follows them. Until issue 17 every word had to match: d, b only.
        assert_eq!(
            ids(&cat, &idx.matches("neuvola lieksa").unwrap()),
            ["d", "b", "a"]
        );
        // No service is both a clinic and in Kuopio. Until issue 17 that gave nothing; now the
        // services meeting one of the two words are found. Here three services of four say
        // "neuvola", so it weighs nothing beside "kuopio" and the one service in Kuopio leads;
        // in the sample catalogue "neuvola" is a vocabulary word and the clinics lead.
        let partial = idx.matches("neuvola kuopio").unwrap();
        assert_eq!((partial.terms, partial.met), (2, 1));
        assert_eq!(ids(&cat, &partial), ["c", "d", "a", "b"]);
        assert!(idx.matches("   ").is_none());
    }

    #[test]
    fn a_word_most_services_say_does_not_decide() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        // Three of the four services say "neuvola"; only the psychiatry clinic says "lähete".
        let found = idx.matches("neuvola lähete").unwrap();
        assert_eq!(ids(&cat, &found)[0], "c");
    }

    #[test]
    fn a_vocabulary_word_outweighs_catalogue_words() {
        let mut cat = tiny_catalogue();
        cat.vocabulary.entries.push(crate::vocabulary::Entry {
            lang: Lang::Fi,
            phrases: vec!["puheterapeutti".into()],
            types: vec![1],
            situations: vec![],
            specialist: false,
        });
        let idx = SearchIndex::build(&cat);
        // The clinic in the centre says two of the words; the family asked for a speech therapist.
        let found = idx
            .matches("puheterapeutti lastenneuvola keskusta")
            .unwrap();
        assert_eq!(ids(&cat, &found)[0], "b");
    }

    #[test]
    fn a_typo_of_a_short_word_does_not_reach_sensitive_services() {
        let mut cat = tiny_catalogue();
        cat.service_types[2].category = "violence".into();
        let idx = SearchIndex::build(&cat);
        // "lahate" is one edit from "lahete", which only the (now sensitive) service says.
        assert!(idx.matches("lahate").unwrap().hits.is_empty());
        // Typed as it is, the word still finds it.
        assert_eq!(ids(&cat, &idx.matches("lähete").unwrap()), ["c"]);
    }

    /// Twelve child health clinics in the centre ("Lastenneuvola Keskusta"), twenty psychiatry
    /// clinics, the speech therapy (whose summary says "neuvolan") and a clinic elsewhere.
    pub(crate) fn crowded() -> Catalogue {
        let mut cat = tiny_catalogue();
        let a = cat.services[0].clone();
        let c = cat.services[2].clone();
        for i in 0..11 {
            let mut s = a.clone();
            s.id = format!("a{i}");
            cat.services.push(s);
        }
        for i in 0..19 {
            let mut s = c.clone();
            s.id = format!("c{i}");
            cat.services.push(s);
        }
        cat
    }

    #[test]
    fn few_types_meeting_every_word_let_those_meeting_fewer_join() {
        let cat = crowded();
        let idx = SearchIndex::build(&cat);
        // Twelve clinics in the centre say both words, all of one type: the speech therapy,
        // which says "neuvolan", follows them.
        let found = ids(&cat, &idx.matches("keskusta neuvola").unwrap());
        assert!(found.iter().any(|id| id == "b"), "{found:?}");
    }

    #[test]
    fn short_terms_match_only_as_prefix() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        // "ne" is inside "lastenneuvola" but only "neuvola…" words start with it.
        assert_eq!(ids(&cat, &idx.matches("ne").unwrap()), ["d", "b"]);
    }

    /// The crowded catalogue with vocabulary rows, one leading to a type of many services
    /// and asking for specialist care, so that the vocabulary's part of the search is met.
    pub(crate) fn crowded_with_vocabulary() -> Catalogue {
        let mut cat = crowded();
        let entry = |phrase: &str, types: Vec<u16>, specialist: bool| crate::vocabulary::Entry {
            lang: Lang::Fi,
            phrases: vec![phrase.into()],
            types,
            situations: vec![],
            specialist,
        };
        cat.vocabulary.entries = vec![
            entry("puheterapeutti", vec![1], false),
            entry("mielenterveys", vec![2, 0], true),
            entry("neuvola tati", vec![0], false),
        ];
        cat
    }

    /// The fast way (a word met by many documents gathered in one read, a query of one word
    /// scored without the bookkeeping of several) finds what the plain way finds, with the same
    /// scores: for every one-, two- and three-letter beginning of each indexed word, each word
    /// itself, typos and queries of several words.
    #[test]
    fn the_fast_way_finds_what_the_plain_way_finds() {
        for cat in [tiny_catalogue(), crowded(), crowded_with_vocabulary()] {
            let idx = SearchIndex::build(&cat);
            let mut queries: Vec<String> = [
                "mielenterveys",
                "mielenterveyden",
                "puheterapeutti lieksa",
                "neuvola tati",
                "neovola",
                "lahate",
                "lastenneuvola keskusta",
                "la ne",
                "pielisjoki",
                "x",
            ]
            .map(String::from)
            .to_vec();
            for w in &idx.words {
                let letters: Vec<char> = w.chars().collect();
                for n in 1..=letters.len().min(3) {
                    queries.push(letters[..n].iter().collect());
                }
                queries.push(w.clone());
            }
            for q in &queries {
                assert_eq!(
                    idx.matches_with(q, Way::Fast),
                    idx.matches_with(q, Way::Reference),
                    "{q}"
                );
            }
        }
    }
}
