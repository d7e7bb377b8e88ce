//! Free-text search over the catalogue: a word index built once in the browser, matched by
//! prefix and by parts of compounds ("neuvola" finds "Lastenneuvola"), ranked deterministically
//! (name matches before description matches, then alphabetically).

use rustc_hash::FxHashMap;

use crate::model::Catalogue;
use crate::text::{normalize, words};

/// Where a word was found; the weight ranks name matches above description matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Description = 1,
    Summary = 2,
    Place = 4,
    Type = 6,
    Name = 8,
}

/// How a query word met an indexed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// Inside the word: a later part of a compound ("neuvola" in "lastenneuvola").
    Part = 1,
    Prefix = 2,
    Exact = 3,
}

/// Infix (compound part) matching only from this many characters, so "ne" does not match half
/// the catalogue through unrelated words.
const MIN_PART_LEN: usize = 3;

fn score(field: Field, fit: Fit) -> u32 {
    field as u32 * 4 + fit as u32
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Distinct normalised words, each with the documents holding it and the best field there.
    words: Vec<String>,
    postings: Vec<Vec<(u32, Field)>>,
    docs: usize,
    /// Position of each document in alphabetical order of its Finnish name, for stable ties.
    alpha_rank: Vec<u32>,
    /// The documents in that order (the inverse of `alpha_rank`).
    by_rank: Vec<u32>,
}

impl SearchIndex {
    pub fn build<'c>(cat: &'c Catalogue) -> SearchIndex {
        // Word keys are short and not attacker-chosen: the fast hash, not SipHash.
        let mut slots: FxHashMap<String, u32> = FxHashMap::default();
        let mut postings: Vec<Vec<(u32, Field)>> = Vec::new();
        // Catalogues repeat whole texts (one county's description on every clinic, the same
        // municipality names): each distinct text is split and its words looked up once.
        // Indexing runs in the browser on every start.
        let mut texts: FxHashMap<&'c str, (u32, u32)> = FxHashMap::default();
        // Each distinct text's words, as a range of this one list (not a list per text).
        let mut text_words: Vec<u32> = Vec::new();
        let mut add = |doc: u32, text: &'c str, field: Field| {
            let (start, end) = *texts.entry(text).or_insert_with(|| {
                let start = text_words.len() as u32;
                for w in normalize(text).split(' ').filter(|w| !w.is_empty()) {
                    let slot = match slots.get(w) {
                        Some(&slot) => slot,
                        None => {
                            let slot = postings.len() as u32;
                            postings.push(Vec::new());
                            slots.insert(w.to_owned(), slot);
                            slot
                        }
                    };
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
        for (i, s) in cat.services.iter().enumerate() {
            let doc = i as u32;
            for t in s.name.all() {
                add(doc, t, Field::Name);
            }
            for t in cat.service_type(s).name.all() {
                add(doc, t, Field::Type);
            }
            for t in cat.organisation(s).name.all() {
                add(doc, t, Field::Place);
            }
            for d in &s.delivery {
                for t in d.name.all() {
                    add(doc, t, Field::Place);
                }
                if let Some(a) = &d.address {
                    for t in cat.municipalities[a.municipality as usize].name.all() {
                        add(doc, t, Field::Place);
                    }
                }
            }
            for &m in &s.areas.municipalities {
                for t in cat.municipalities[m as usize].name.all() {
                    add(doc, t, Field::Place);
                }
            }
            for &c in &s.areas.counties {
                for t in cat.counties[c as usize].name.all() {
                    add(doc, t, Field::Place);
                }
            }
            for t in s.summary.all() {
                add(doc, t, Field::Summary);
            }
            for t in s.description.all().chain(s.how_to_get.all()) {
                add(doc, t, Field::Description);
            }
        }
        let mut entries: Vec<(String, u32)> = slots.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = entries
            .into_iter()
            .map(|(w, slot)| (w, std::mem::take(&mut postings[slot as usize])))
            .unzip();

        let mut order: Vec<u32> = (0..cat.services.len() as u32).collect();
        let keys: Vec<String> = cat.services.iter().map(|s| normalize(&s.name.fi)).collect();
        order.sort_by(|&a, &b| {
            keys[a as usize].cmp(&keys[b as usize]).then_with(|| {
                cat.services[a as usize]
                    .id
                    .cmp(&cat.services[b as usize].id)
            })
        });
        let mut alpha_rank = vec![0; order.len()];
        for (rank, &doc) in order.iter().enumerate() {
            alpha_rank[doc as usize] = rank as u32;
        }
        SearchIndex {
            words,
            postings,
            docs: cat.services.len(),
            alpha_rank,
            by_rank: order,
        }
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Alphabetical position of a document, for ordering results that have no text score.
    pub fn alpha_rank(&self, doc: u32) -> u32 {
        self.alpha_rank[doc as usize]
    }

    /// The document at an alphabetical position.
    pub fn doc_at_rank(&self, rank: u32) -> u32 {
        self.by_rank[rank as usize]
    }

    /// Documents matching every word of `query`, with a score; `None` when the query has no
    /// words (then every document matches and nothing is ranked by text).
    pub fn matches(&self, query: &str) -> Option<Vec<(u32, u32)>> {
        let terms = words(query);
        if terms.is_empty() {
            return None;
        }
        // Best score of each document for the current term; zero means not matched.
        let mut best: Vec<u32> = vec![0; self.docs];
        let mut touched: Vec<u32> = Vec::new();
        // Documents matching every term so far, ascending, with their total score.
        let mut found: Option<Vec<(u32, u32)>> = None;
        for term in &terms {
            // Short terms match only as prefixes, which sit together in the sorted word list.
            let range = if term.chars().count() < MIN_PART_LEN {
                let start = self.words.partition_point(|w| w.as_str() < term.as_str());
                start..start + self.words[start..].partition_point(|w| w.starts_with(term.as_str()))
            } else {
                0..self.words.len()
            };
            for (word, postings) in self.words[range.clone()].iter().zip(&self.postings[range]) {
                let fit = if word == term {
                    Fit::Exact
                } else if word.starts_with(term.as_str()) {
                    Fit::Prefix
                } else if term.chars().count() >= MIN_PART_LEN && word.contains(term.as_str()) {
                    Fit::Part
                } else {
                    continue;
                };
                for &(doc, field) in postings {
                    let d = doc as usize;
                    if best[d] == 0 {
                        touched.push(doc);
                    }
                    best[d] = best[d].max(score(field, fit));
                }
            }
            let next: Vec<(u32, u32)> = match found {
                Some(before) => before
                    .into_iter()
                    .filter(|&(d, _)| best[d as usize] > 0)
                    .map(|(d, t)| (d, t + best[d as usize]))
                    .collect(),
                // Many matches: reading the scores in document order beats sorting the list.
                None if touched.len() * 8 > self.docs => (0..self.docs as u32)
                    .filter(|&d| best[d as usize] > 0)
                    .map(|d| (d, best[d as usize]))
                    .collect(),
                None => {
                    touched.sort_unstable();
                    touched.iter().map(|&d| (d, best[d as usize])).collect()
                }
            };
            for &d in &touched {
                best[d as usize] = 0;
            }
            touched.clear();
            found = Some(next);
        }
        found
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
        }
    }

    fn ids(cat: &Catalogue, hits: &[(u32, u32)]) -> Vec<String> {
        let mut hits = hits.to_vec();
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
            ["a"]
        );
    }

    #[test]
    fn every_word_must_match_and_places_are_searchable() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        assert_eq!(
            ids(&cat, &idx.matches("neuvola lieksa").unwrap()),
            ["d", "b"]
        );
        assert!(idx.matches("neuvola kuopio").unwrap().is_empty());
        assert!(idx.matches("   ").is_none());
    }

    #[test]
    fn short_terms_match_only_as_prefix() {
        let cat = tiny_catalogue();
        let idx = SearchIndex::build(&cat);
        // "ne" is inside "lastenneuvola" but only "neuvola…" words start with it.
        assert_eq!(ids(&cat, &idx.matches("ne").unwrap()), ["d", "b"]);
    }
}
