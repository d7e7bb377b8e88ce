//! The engine: the catalogue with its search index and each service's facts, running a query
//! to ranked hits with live facet counts.

use super::docs::{self, Doc, Served};
use super::results::Results;
use super::selection::Selection;
use super::{sets, Counting, SETS_MIN_DOCS, SETS_SHARE};
use crate::filter::{Query, AGE_BANDS};
use crate::hours::OpenState;
use crate::model::{Accessibility, Catalogue, Channel, Level, OrgKind};
use crate::pace::Pace;
use crate::search::{situation_of_category, SearchIndex, Suggestions, Way, FEW_RESULTS};

/// How many of the first results are varied by type (the app shows 30 at a time).
const VARIED: usize = 60;
/// The first page of results, and how many of its places one service type may take while
/// other fitting types are among the first [`VARIED`] results.
const PAGE: usize = 10;
const PER_TYPE: usize = 5;
/// Low bits of a composed score that rank within a tier: the text score's own low bits.
const FINE_BITS: u32 = crate::search::rank::TIER_BITS;

/// One number per candidate, best highest: the tier of the text score, then whether the family
/// can contact the service itself, then its nearness to the chosen area, then the text score's
/// finer steps.
fn compose(text: u32, own: u32, near: u32) -> u32 {
    use crate::search::rank::TIER_BITS;
    let tier = text >> TIER_BITS;
    let fine = text & ((1 << TIER_BITS) - 1);
    (((tier << 1 | own) << 2 | near) << FINE_BITS) | fine
}

/// Marks a document that is not a hit while hits are put in score buckets; also the most
/// buckets (distinct scores) ranked that way.
const NOT_HIT: u8 = u8::MAX;

/// Slots of the table finding each score's bucket: a power of two, well above [`NOT_HIT`].
const SCORE_SLOTS: usize = 1024;

/// Distinct scores numbered in order of first appearance (buckets), fewer than [`NOT_HIT`]. A
/// small open-addressing table finds a score's bucket in about one probe, so the tens of
/// thousands of hits of a one-letter query are neither sorted nor searched.
struct ScoreBuckets {
    slots: [u8; SCORE_SLOTS],
    scores: Vec<u32>,
}

impl ScoreBuckets {
    fn new() -> ScoreBuckets {
        ScoreBuckets {
            slots: [NOT_HIT; SCORE_SLOTS],
            scores: Vec::new(),
        }
    }

    /// The bucket of `score`, a new one if it is new; `None` once there would be too many.
    fn of(&mut self, score: u32) -> Option<u8> {
        // Fibonacci hashing: the top bits of the product spread near scores apart.
        let mut at =
            (score.wrapping_mul(0x9E37_79B9) >> (32 - SCORE_SLOTS.trailing_zeros())) as usize;
        loop {
            let b = self.slots[at];
            if b == NOT_HIT {
                if self.scores.len() + 1 >= NOT_HIT as usize {
                    return None;
                }
                self.scores.push(score);
                self.slots[at] = (self.scores.len() - 1) as u8;
                return Some(self.slots[at]);
            }
            if self.scores[b as usize] == score {
                return Some(b);
            }
            at = (at + 1) % SCORE_SLOTS;
        }
    }
}

/// The catalogue with everything precomputed that each keystroke would otherwise redo.
pub struct Engine {
    pub catalogue: Catalogue,
    pub(super) index: SearchIndex,
    pub(super) docs: Vec<Doc>,
    /// Whether the family can contact each service itself ([`Doc::reachable`]), compact, as
    /// every hit of a keystroke reads it.
    reachable: Vec<bool>,
    pub(super) category_names: Vec<String>,
    /// Every service language in the catalogue: fi, sv, en first, then alphabetical.
    pub(super) languages: Vec<String>,
    /// The documents holding each facet value, for counting over many candidates at once; built
    /// on first need, so a small catalogue (never counted that way) does not pay for it at start.
    pub(super) sets: std::sync::OnceLock<sets::Sets>,
}

impl Engine {
    pub fn new(catalogue: Catalogue) -> Engine {
        crate::pace::now(Engine::build(catalogue, &mut Pace::never()))
    }

    /// The engine, built a few services at a time: the app builds the whole country's this way
    /// while the family goes on typing (see [`crate::pace`]).
    pub async fn build(catalogue: Catalogue, pace: &mut Pace<'_>) -> Engine {
        let index = SearchIndex::build_in_steps(&catalogue, pace).await;
        let category_names: Vec<String> = catalogue
            .categories()
            .into_iter()
            .map(String::from)
            .collect();
        let languages = catalogue.service_languages();

        let docs = docs::build(&catalogue, &category_names, &languages, pace).await;
        Engine {
            catalogue,
            index,
            reachable: docs.iter().map(|d| d.reachable).collect(),
            docs,
            category_names,
            languages,
            sets: std::sync::OnceLock::new(),
        }
    }

    /// Lets go of the engine a few services at a time: freeing the whole country's at once
    /// holds a phone's page for a good part of a second (see [`crate::pace`]).
    pub async fn drop_in_steps(self, pace: &mut Pace<'_>) {
        let Engine {
            catalogue,
            index,
            docs,
            ..
        } = self;
        crate::pace::drop_in_steps(catalogue.services, pace).await;
        crate::pace::drop_in_steps(docs, pace).await;
        index.drop_in_steps(pace).await;
    }

    pub fn search_index(&self) -> &SearchIndex {
        &self.index
    }

    /// Service languages found in the catalogue, in the order the filter offers them.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    /// Which services are open at `now` (Finnish local time): not temporarily closed, and any of
    /// their places open. Each distinct schedule is asked once, as most places share a handful
    /// of patterns.
    pub fn open_at(&self, now: chrono::NaiveDateTime) -> Vec<bool> {
        let cat = &self.catalogue;
        let open: Vec<bool> = cat
            .schedules
            .iter()
            .map(|(_, s)| matches!(s.state(now), OpenState::Open { .. }))
            .collect();
        let is_open = |hours: &str| cat.schedule_index(hours).is_some_and(|i| open[i]);
        let today = now.date();
        cat.services
            .iter()
            .map(|s| {
                !s.closed_on(today)
                    && s.delivery
                        .iter()
                        .filter_map(|d| d.hours.as_deref())
                        .any(is_open)
            })
            .collect()
    }

    /// Best score first, then alphabetically. Scores take few distinct values, so rather than
    /// sort tens of thousands of hits, one pass over the documents in alphabetical order drops
    /// each hit into its score's place (a counting sort); that keeps a one-letter query fast on
    /// a phone. Also returns the scores of the first [`VARIED`] ranked hits.
    fn rank(&self, hits: Vec<(u32, u32)>, way: Way) -> (Vec<u32>, Vec<u32>) {
        let docs = self.docs.len();
        let bucketed = if hits.len() * 8 < docs || way == Way::Reference {
            None
        } else {
            self.bucket(&hits)
        };
        let Some((key, scores, sizes)) = bucketed else {
            // Many distinct scores, or few hits for the catalogue's size: sorting them is cheaper
            // than a pass over every document.
            let mut hits = hits;
            hits.sort_unstable_by_key(|&(doc, score)| {
                (std::cmp::Reverse(score), self.index.alpha_rank(doc))
            });
            let top = hits.iter().take(VARIED).map(|&(_, s)| s).collect();
            return (hits.into_iter().map(|(d, _)| d).collect(), top);
        };
        // Buckets best score first, and where each starts in the ranked list.
        let mut order: Vec<u8> = (0..scores.len() as u8).collect();
        crate::order::sort_by_key(&mut order, |&b| std::cmp::Reverse(scores[b as usize]));
        let mut starts = vec![0u32; scores.len()];
        let mut at = 0;
        for &b in &order {
            starts[b as usize] = at;
            at += sizes[b as usize];
        }
        let top = order
            .iter()
            .flat_map(|&b| std::iter::repeat_n(scores[b as usize], sizes[b as usize] as usize))
            .take(VARIED)
            .collect();
        // One read of the alphabetical order, each hit written to its bucket's next place.
        let mut ranked = vec![0u32; hits.len()];
        for (&b, &doc) in key.iter().zip(self.index.alphabetical()) {
            if b != NOT_HIT {
                let place = &mut starts[b as usize];
                ranked[*place as usize] = doc;
                *place += 1;
            }
        }
        (ranked, top)
    }

    /// Each hit's score bucket, kept at the hit's alphabetical position ([`NOT_HIT`] elsewhere),
    /// with the bucket's score and its number of hits; `None` with too many distinct scores.
    fn bucket(&self, hits: &[(u32, u32)]) -> Option<(Vec<u8>, Vec<u32>, Vec<u32>)> {
        let mut buckets = ScoreBuckets::new();
        let mut sizes = vec![0u32; NOT_HIT as usize];
        let mut key = vec![NOT_HIT; self.docs.len()];
        for &(doc, score) in hits {
            let b = buckets.of(score)?;
            key[self.index.alpha_rank(doc) as usize] = b;
            sizes[b as usize] += 1;
        }
        sizes.truncate(buckets.scores.len());
        Some((key, buckets.scores, sizes))
    }

    /// The text score, then whether the family can contact the service itself (unless the
    /// query asks for specialist care), then how near it is to the chosen area, as one number
    /// per candidate; without text or area every document is a candidate with score 0.
    fn scored(&self, q: &Query, sel: &Selection, way: Way) -> Vec<(u32, u32)> {
        let text = self.index.matches_with(&q.text, way);
        if text.is_none() && !sel.has_area {
            return (0..self.docs.len() as u32).map(|d| (d, 0)).collect();
        }
        let own_first = text.as_ref().is_some_and(|t| !t.specialist);
        let mut hits = match text {
            Some(t) => t.hits,
            None => (0..self.docs.len() as u32).map(|d| (d, 0)).collect(),
        };
        // In place, and reachability from a compact list rather than each document's facts:
        // a first letter typed scores tens of thousands of hits.
        for (d, s) in hits.iter_mut() {
            let own = u32::from(own_first && self.reachable[*d as usize]);
            let near = if sel.has_area {
                self.nearness(&self.docs[*d as usize].served, &sel.munis, &sel.counties)
            } else {
                0
            };
            *s = compose(*s, own, near);
        }
        hits
    }

    /// Variety at the top: among the first results of one score tier (the same tier of text
    /// score, contact and nearness), the services of different types take turns, best type
    /// first, so "masennus" shows the youth services, the psychologists and the crisis centre
    /// before the second youth service. Beyond [`VARIED`] results the order is left as ranked.
    fn vary(&self, ranked: &mut [u32], scores: &[u32]) {
        let n = ranked.len().min(scores.len());
        let mut start = 0;
        let mut seen: Vec<u16> = vec![0; self.catalogue.service_types.len()];
        while start < n {
            let tier = scores[start] >> FINE_BITS;
            let mut end = start + 1;
            while end < n && scores[end] >> FINE_BITS == tier {
                end += 1;
            }
            if end - start > 1 {
                let group = &mut ranked[start..end];
                let mut keyed: Vec<(u16, usize, u32)> = group
                    .iter()
                    .enumerate()
                    .map(|(i, &d)| {
                        let t = self.catalogue.services[d as usize].service_type as usize;
                        let k = seen.get(t).copied().unwrap_or(0);
                        if let Some(c) = seen.get_mut(t) {
                            *c += 1;
                        }
                        (k, i, d)
                    })
                    .collect();
                crate::order::sort(&mut keyed);
                for (slot, (_, _, d)) in group.iter_mut().zip(keyed) {
                    *slot = d;
                }
                seen.iter_mut().for_each(|c| *c = 0);
            }
            start = end;
        }
    }

    /// Types take turns on the first page: once one type holds [`PER_TYPE`] of its places, the
    /// next result of another type moves up before the rest of it ("en jaksa vauvan kanssa": the
    /// clinic family work of ten towns, then the clinic itself). The order within each type is
    /// kept, and the list is read once however long.
    fn share_first_page(&self, ranked: &mut [u32]) {
        let type_of = |d: u32| self.index.doc_type(d) as usize;
        let mut taken: Vec<u8> = vec![0; self.catalogue.service_types.len()];
        let full = |taken: &[u8], t: usize| taken.get(t).is_some_and(|&n| n as usize >= PER_TYPE);
        // Where to look on for another type: before it, only full types remain.
        let mut next = 0;
        for pos in 0..PAGE.min(ranked.len()) {
            if full(&taken, type_of(ranked[pos])) {
                next = next.max(pos + 1);
                while next < ranked.len() && full(&taken, type_of(ranked[next])) {
                    next += 1;
                }
                if next < ranked.len() {
                    ranked[pos..=next].rotate_right(1);
                    next += 1;
                }
            }
            if let Some(n) = taken.get_mut(type_of(ranked[pos])) {
                *n += 1;
            }
        }
    }

    /// 2 for a service placed in (or named for) the chosen municipality, or anywhere in the
    /// chosen county; 1 for one serving the municipality's whole county; 0 nationwide.
    fn nearness(&self, sv: &Served, munis: &[u16], counties: &[u16]) -> u32 {
        if sv.nationwide {
            return 0;
        }
        let county_of = |m: u16| self.catalogue.municipalities[m as usize].county;
        if munis.iter().any(|m| sv.municipalities.contains(m))
            || counties.iter().any(|c| {
                sv.counties.contains(c) || sv.municipalities.iter().any(|&m| county_of(m) == *c)
            })
        {
            2
        } else if munis.iter().any(|&m| sv.counties.contains(&county_of(m))) {
            1
        } else {
            0
        }
    }

    /// Should the crisis lines come first? As `crisis::query_is_urgent`, and also when a word
    /// of the query is one the vocabulary leads first to violence, mental-health or
    /// child-protection services ("perheväkivalta", "ångest", "my husband hits me"), in any
    /// form or compound the search itself accepts.
    pub fn is_urgent(&self, q: &Query) -> bool {
        crate::crisis::query_is_urgent(q)
            || self.index.leads_to(&q.text).into_iter().any(|t| {
                self.catalogue
                    .service_types
                    .get(t as usize)
                    .is_some_and(|ty| {
                        crate::crisis::URGENT_CATEGORIES.contains(&ty.category.as_str())
                    })
            })
    }

    /// "Did you mean": with fewer than [`FEW_RESULTS`] results for a text search, the closest
    /// known words for the query's unknown words and the life situations that fit (from the
    /// vocabulary, else from the results' topics). `None` when the results are enough or there
    /// is no text. The suggestions may be empty: then offer the situations of the start view.
    pub fn did_you_mean(&self, q: &Query, r: &Results) -> Option<Suggestions> {
        if q.text.trim().is_empty() || r.hits.len() >= FEW_RESULTS {
            return None;
        }
        let mut s = self.index.suggest(&q.text);
        for &h in &r.hits {
            let category = &self.category_names[self.docs[h as usize].category as usize];
            if let Some(id) = situation_of_category(category) {
                if s.situations.len() < 3 && !s.situations.iter().any(|x| x == id) {
                    s.situations.push(id.to_string());
                }
            }
        }
        Some(s)
    }

    pub(super) fn area_ok(&self, sv: &Served, munis: &[u16], counties: &[u16]) -> bool {
        if sv.nationwide {
            // Only codes the catalogue knows select anything, as with categories; the document
            // sets agree (a union of no sets is empty).
            return !munis.is_empty() || !counties.is_empty();
        }
        let county_of = |m: u16| self.catalogue.municipalities[m as usize].county;
        munis
            .iter()
            .any(|&m| sv.municipalities.contains(&m) || sv.counties.contains(&county_of(m)))
            || counties.iter().any(|c| {
                sv.counties.contains(c) || sv.municipalities.iter().any(|&m| county_of(m) == *c)
            })
    }

    /// Runs the query. `open` (from [`Engine::open_at`]) answers "open now"; without it that
    /// filter cannot be applied and counts zero.
    pub fn run(&self, q: &Query, open: Option<&[bool]>) -> Results {
        self.run_with(q, open, Counting::Auto)
    }

    /// [`Engine::run`] with the counting strategy chosen by the caller: both give the same
    /// results, which the tests check.
    pub fn run_with(&self, q: &Query, open: Option<&[bool]>, counting: Counting) -> Results {
        self.run_way(q, open, counting, Way::Fast)
    }

    /// [`Engine::run_with`], the fast way or the plain one ([`Way`]).
    fn run_way(&self, q: &Query, open: Option<&[bool]>, counting: Counting, way: Way) -> Results {
        let sel = Selection::new(self, q);
        let scored = self.scored(q, &sel, way);
        let cat = &self.catalogue;
        let mut r = Results {
            levels: Level::ALL.iter().map(|&l| (l, 0)).collect(),
            categories: self.category_names.iter().map(|c| (c.clone(), 0)).collect(),
            counties: (0..cat.counties.len() as u16).map(|i| (i, 0)).collect(),
            municipalities: (0..cat.municipalities.len() as u16)
                .map(|i| (i, 0))
                .collect(),
            ages: AGE_BANDS.iter().map(|&b| (b, 0)).collect(),
            languages: self.languages.iter().map(|l| (l.clone(), 0)).collect(),
            providers: OrgKind::ALL.iter().map(|&k| (k, 0)).collect(),
            channels: Channel::ALL.iter().map(|&c| (c, 0)).collect(),
            features: Accessibility::ALL.iter().map(|&a| (a, 0)).collect(),
            ..Results::default()
        };
        // Sets cost the same whatever the number of candidates; walking documents costs per
        // candidate. Sets win once a good share of the catalogue is in play.
        let use_sets = match counting {
            Counting::Auto => {
                self.docs.len() >= SETS_MIN_DOCS && scored.len() * SETS_SHARE >= self.docs.len()
            }
            Counting::PerDocument => false,
            Counting::Sets => true,
        };
        let hits = if use_sets {
            self.count_with_sets(scored, q, &sel, open, &mut r)
        } else {
            self.count_per_document(&scored, q, &sel, open, &mut r)
        };
        let (mut ranked, top_scores) = self.rank(hits, way);
        // A list without search words stays alphabetical (within nearness to the area).
        if !crate::text::normalize(&q.text).is_empty() {
            self.vary(&mut ranked, &top_scores);
            self.share_first_page(&mut ranked);
        }
        r.hits = ranked;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::crowded;

    fn first_page_types(e: &Engine, text: &str) -> Vec<String> {
        let q = Query {
            text: text.into(),
            ..Query::default()
        };
        e.run(&q, None)
            .hits
            .iter()
            .take(PAGE)
            .map(|&d| {
                let s = &e.catalogue.services[d as usize];
                e.catalogue.service_types[s.service_type as usize]
                    .id
                    .clone()
            })
            .collect()
    }

    #[test]
    fn one_type_does_not_fill_the_first_page() {
        let e = Engine::new(crowded());
        for text in ["neuvola", "keskusta neuvola"] {
            let types = first_page_types(&e, text);
            // The clinics come first, and the speech therapy, which says "neuvolan", is on the
            // first page too.
            assert_eq!(types[0], "child_health_clinic", "{text}");
            assert!(
                types.iter().any(|t| t == "speech_therapy"),
                "{text}: {types:?}"
            );
        }
    }

    fn ids(e: &Engine, r: &Results) -> Vec<String> {
        r.hits
            .iter()
            .map(|&d| e.catalogue.services[d as usize].id.clone())
            .collect()
    }

    /// Typing "la": every service with a word beginning so, those saying it in their name
    /// first, alphabetically, then the clinic whose type is "Lastenneuvola" and whose summary
    /// says "Lapsiperheiden". The speech therapy says no such word.
    #[test]
    fn two_letters_find_name_matches_first_then_the_rest() {
        let e = Engine::new(crate::search::tests::tiny_catalogue());
        let q = Query {
            text: "la".into(),
            ..Query::default()
        };
        assert_eq!(ids(&e, &e.run(&q, None)), ["a", "c", "d"]);
    }

    /// A letter or two typed, longer words, several words, with filters or without, counted
    /// either way: the fast way (one-word scoring, scores bucketed rather than sorted) gives
    /// exactly the results and the order of the plain way.
    #[test]
    fn the_fast_way_ranks_as_the_plain_way() {
        let e = Engine::new(crate::search::tests::crowded_with_vocabulary());
        let texts = [
            "",
            "l",
            "la",
            "las",
            "n",
            "ne",
            "p",
            "k",
            "b",
            "neuvola",
            "mielenterveys",
            "lastenneuvola keskusta",
            "neuvola lieksa",
            "la ne",
        ];
        for text in texts {
            for (municipalities, levels) in [
                (vec![], vec![]),
                (vec!["422".to_string()], vec![]),
                (vec![], vec![Level::Universal]),
            ] {
                let q = Query {
                    text: text.into(),
                    municipalities,
                    levels,
                    ..Query::default()
                };
                for counting in [Counting::PerDocument, Counting::Sets] {
                    let fast = e.run_way(&q, None, counting, Way::Fast);
                    let plain = e.run_way(&q, None, counting, Way::Reference);
                    assert_eq!(fast, plain, "{q:?} {counting:?}");
                }
            }
        }
    }
}
