//! The finder engine: runs a [`Query`] over the catalogue and returns the ranked hits with live
//! facet counts. Each facet is counted over the results of every *other* selection, so a count
//! says how many results picking that value would give.

use crate::filter::{Query, AGE_BANDS};
use crate::hours::OpenState;
use crate::model::{Access, Accessibility, Catalogue, Channel, Cost, Level, OrgKind};
use crate::search::SearchIndex;

mod sets;

/// One bit per facet: a document fails a set of facets; with none failed it is a hit, with
/// exactly one failed it still counts towards that facet's values.
mod bit {
    pub const LEVEL: u16 = 1 << 0;
    pub const CATEGORY: u16 = 1 << 1;
    pub const AREA: u16 = 1 << 2;
    pub const AGE: u16 = 1 << 3;
    pub const LANGUAGE: u16 = 1 << 4;
    pub const FREE: u16 = 1 << 5;
    pub const SELF: u16 = 1 << 6;
    pub const PROVIDER: u16 = 1 << 7;
    pub const CHANNEL: u16 = 1 << 8;
    pub const OPEN: u16 = 1 << 9;
    pub const FEATURE: u16 = 1 << 10;
}

/// The places a service serves, with overlaps removed so each service counts once per place.
#[derive(Debug, Default)]
struct Served {
    nationwide: bool,
    counties: Vec<u16>,
    /// Municipalities outside `counties`.
    municipalities: Vec<u16>,
    /// Counties reached only through `municipalities`, each once.
    via_municipalities: Vec<u16>,
}

/// What each facet needs to know of one service, precomputed once.
#[derive(Debug)]
struct Doc {
    level: Level,
    category: u16,
    served: Served,
    ages: (f32, f32),
    languages: Vec<u16>,
    free: bool,
    contact_self: bool,
    provider: OrgKind,
    channels: u8,
    /// Accessibility features of each in-person place, as bit sets.
    places: Vec<u8>,
}

/// The catalogue with everything precomputed that each keystroke would otherwise redo.
pub struct Engine {
    pub catalogue: Catalogue,
    index: SearchIndex,
    docs: Vec<Doc>,
    category_names: Vec<String>,
    /// Every service language in the catalogue: fi, sv, en first, then alphabetical.
    languages: Vec<String>,
    /// The documents holding each facet value, for counting over many candidates at once; built
    /// on first need, so a small catalogue (never counted that way) does not pay for it at start.
    sets: std::sync::OnceLock<sets::Sets>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Indexes into `catalogue.services`, best first.
    pub hits: Vec<u32>,
    pub levels: Vec<(Level, usize)>,
    pub categories: Vec<(String, usize)>,
    /// (index into `catalogue.counties`, count), in catalogue order.
    pub counties: Vec<(u16, usize)>,
    /// (index into `catalogue.municipalities`, count), in catalogue order.
    pub municipalities: Vec<(u16, usize)>,
    /// Counts per entry of [`AGE_BANDS`].
    pub ages: Vec<((i8, i8), usize)>,
    pub languages: Vec<(String, usize)>,
    pub free: usize,
    pub contact_self: usize,
    pub providers: Vec<(OrgKind, usize)>,
    pub channels: Vec<(Channel, usize)>,
    pub open_now: usize,
    pub features: Vec<(Accessibility, usize)>,
}

impl Results {
    pub fn count<T: PartialEq>(list: &[(T, usize)], key: &T) -> usize {
        list.iter().find(|(k, _)| k == key).map_or(0, |(_, n)| *n)
    }
}

/// Municipality counts gathered one service at a time. A service serving whole counties or the
/// whole country is tallied once and spread over the municipalities at the end, rather than
/// counted in each of them as it is met.
struct MunicipalityTally {
    nationwide: usize,
    county_wide: Vec<usize>,
}

impl MunicipalityTally {
    fn new(counties: usize) -> MunicipalityTally {
        MunicipalityTally {
            nationwide: 0,
            county_wide: vec![0; counties],
        }
    }

    fn add(&mut self, sv: &Served, r: &mut Results) {
        if sv.nationwide {
            self.nationwide += 1;
            return;
        }
        for &c in &sv.counties {
            self.county_wide[c as usize] += 1;
        }
        for &m in &sv.municipalities {
            r.municipalities[m as usize].1 += 1;
        }
    }

    /// Adds the county-wide and nationwide services; returns how many were nationwide.
    fn finish(self, cat: &Catalogue, r: &mut Results) -> usize {
        for (m, (_, count)) in r.municipalities.iter_mut().enumerate() {
            *count += self.nationwide + self.county_wide[cat.municipalities[m].county as usize];
        }
        self.nationwide
    }
}

/// How [`Engine::run_with`] counts facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// Per document for few candidates, with document sets for many.
    Auto,
    PerDocument,
    Sets,
}

/// Below this many services walking the documents is always cheap enough.
const SETS_MIN_DOCS: usize = 2048;
/// Sets are used once at least one in this many documents is a candidate.
const SETS_SHARE: usize = 16;

/// The query's selections resolved to the engine's indexes. The URL reader reports and drops
/// unknown values; should a query still hold one (built in code), it matches no document.
struct Selection {
    categories: Vec<u16>,
    munis: Vec<u16>,
    counties: Vec<u16>,
    langs: Vec<u16>,
    channels: u8,
    features: u8,
    has_area: bool,
}

impl Selection {
    fn new(e: &Engine, q: &Query) -> Selection {
        let cat = &e.catalogue;
        Selection {
            categories: q
                .categories
                .iter()
                .filter_map(|c| {
                    e.category_names
                        .iter()
                        .position(|n| n == c)
                        .map(|i| i as u16)
                })
                .collect(),
            munis: q
                .municipalities
                .iter()
                .filter_map(|c| cat.municipality_by_code(c))
                .map(|i| i as u16)
                .collect(),
            counties: q
                .counties
                .iter()
                .filter_map(|c| cat.county_by_code(c))
                .map(|i| i as u16)
                .collect(),
            langs: q
                .languages
                .iter()
                .filter_map(|l| e.languages.iter().position(|x| x == l))
                .map(|i| i as u16)
                .collect(),
            channels: q.channels.iter().fold(0u8, |m, c| m | channel_bit(*c)),
            features: q.features.iter().fold(0u8, |m, a| m | feature_bit(*a)),
            has_area: !q.municipalities.is_empty() || !q.counties.is_empty(),
        }
    }
}

fn channel_bit(c: Channel) -> u8 {
    1 << (c as u8)
}

fn feature_bit(a: Accessibility) -> u8 {
    1 << (a as u8)
}

fn overlaps(ages: (f32, f32), (a, b): (i8, i8)) -> bool {
    ages.1 >= a as f32 && ages.0 <= b as f32
}

impl Engine {
    pub fn new(catalogue: Catalogue) -> Engine {
        let index = SearchIndex::build(&catalogue);
        let category_names: Vec<String> = catalogue
            .categories()
            .into_iter()
            .map(String::from)
            .collect();
        let languages = catalogue.service_languages();

        let docs: Vec<Doc> = catalogue
            .services
            .iter()
            .map(|s| {
                let t = catalogue.service_type(s);
                let mut served = Served {
                    nationwide: s.areas.nationwide,
                    ..Served::default()
                };
                if !served.nationwide {
                    served.counties = s.areas.counties.clone();
                    served.counties.sort_unstable();
                    served.counties.dedup();
                    let places = s
                        .delivery
                        .iter()
                        .filter_map(|d| d.address.as_ref().map(|a| a.municipality));
                    for m in s.areas.municipalities.iter().copied().chain(places) {
                        let county = catalogue.municipalities[m as usize].county;
                        if !served.counties.contains(&county) && !served.municipalities.contains(&m)
                        {
                            served.municipalities.push(m);
                            if !served.via_municipalities.contains(&county) {
                                served.via_municipalities.push(county);
                            }
                        }
                    }
                }
                Doc {
                    level: t.level,
                    category: category_names
                        .iter()
                        .position(|c| *c == t.category)
                        .unwrap_or(0) as u16,
                    served,
                    ages: (s.age_min, s.age_max),
                    languages: {
                        // A language listed twice must still count the service once.
                        let mut l: Vec<u16> = s
                            .languages
                            .iter()
                            .filter_map(|l| languages.iter().position(|x| x == l))
                            .map(|i| i as u16)
                            .collect();
                        l.sort_unstable();
                        l.dedup();
                        l
                    },
                    free: s.cost == Cost::Free,
                    contact_self: s.access == Access::None,
                    provider: catalogue.organisation(s).kind,
                    channels: s.delivery.iter().fold(0, |m, d| m | channel_bit(d.channel)),
                    places: s
                        .delivery
                        .iter()
                        .filter(|d| d.address.is_some())
                        .map(|d| d.accessibility.iter().fold(0, |m, a| m | feature_bit(*a)))
                        .collect(),
                }
            })
            .collect();
        Engine {
            catalogue,
            index,
            docs,
            category_names,
            languages,
            sets: std::sync::OnceLock::new(),
        }
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
    /// each hit into its score's bucket; that keeps a one-letter query fast on a phone.
    fn rank(&self, hits: Vec<(u32, u32)>) -> Vec<u32> {
        let docs = self.docs.len();
        let mut scores: Vec<u32> = hits.iter().map(|&(_, s)| s).collect();
        scores.sort_unstable_by(|a, b| b.cmp(a));
        scores.dedup();
        if scores.len() > 64 || hits.len() * 8 < docs {
            // Many distinct scores, or few hits for the catalogue's size: sorting them is cheaper
            // than a pass over every document.
            let mut hits = hits;
            hits.sort_unstable_by_key(|&(doc, score)| {
                (std::cmp::Reverse(score), self.index.alpha_rank(doc))
            });
            return hits.into_iter().map(|(d, _)| d).collect();
        }
        const NOT_HIT: u8 = u8::MAX;
        let mut bucket_of = vec![NOT_HIT; docs];
        for &(doc, score) in &hits {
            bucket_of[doc as usize] = scores.iter().position(|&s| s == score).unwrap_or(0) as u8;
        }
        let mut buckets: Vec<Vec<u32>> = vec![Vec::new(); scores.len()];
        for rank in 0..docs as u32 {
            let doc = self.index.doc_at_rank(rank);
            let b = bucket_of[doc as usize];
            if b != NOT_HIT {
                buckets[b as usize].push(doc);
            }
        }
        buckets.concat()
    }

    fn area_ok(&self, sv: &Served, munis: &[u16], counties: &[u16]) -> bool {
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
        let scored: Vec<(u32, u32)> = match self.index.matches(&q.text) {
            Some(hits) => hits,
            None => (0..self.docs.len() as u32).map(|d| (d, 0)).collect(),
        };
        let sel = Selection::new(self, q);
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
            self.count_with_sets(&scored, q, &sel, open, &mut r)
        } else {
            self.count_per_document(&scored, q, &sel, open, &mut r)
        };
        r.hits = self.rank(hits);
        r
    }

    /// Walks the candidates one by one, counting each facet over the documents that fail no
    /// other selection.
    fn count_per_document(
        &self,
        scored: &[(u32, u32)],
        q: &Query,
        sel: &Selection,
        open: Option<&[bool]>,
        r: &mut Results,
    ) -> Vec<(u32, u32)> {
        let cat = &self.catalogue;
        let Selection {
            categories,
            munis,
            counties,
            langs,
            channels,
            features,
            has_area,
        } = sel;
        let (channels, features, has_area) = (*channels, *features, *has_area);
        let mut municipalities = MunicipalityTally::new(cat.counties.len());
        let mut hits: Vec<(u32, u32)> = Vec::new();

        for &(doc, score) in scored {
            let d = &self.docs[doc as usize];
            let is_open = open.is_some_and(|o| o.get(doc as usize).copied().unwrap_or(false));
            let mut failed = 0u16;
            if !q.levels.is_empty() && !q.levels.contains(&d.level) {
                failed |= bit::LEVEL;
            }
            if !q.categories.is_empty() && !categories.contains(&d.category) {
                failed |= bit::CATEGORY;
            }
            if has_area && !self.area_ok(&d.served, munis, counties) {
                failed |= bit::AREA;
            }
            if q.age.is_some_and(|a| !overlaps(d.ages, a)) {
                failed |= bit::AGE;
            }
            if !q.languages.is_empty() && !d.languages.iter().any(|l| langs.contains(l)) {
                failed |= bit::LANGUAGE;
            }
            if q.free && !d.free {
                failed |= bit::FREE;
            }
            if q.contact_self && !d.contact_self {
                failed |= bit::SELF;
            }
            if !q.providers.is_empty() && !q.providers.contains(&d.provider) {
                failed |= bit::PROVIDER;
            }
            if channels != 0 && d.channels & channels == 0 {
                failed |= bit::CHANNEL;
            }
            if q.open_now && !is_open {
                failed |= bit::OPEN;
            }
            if features != 0 && !d.places.iter().any(|p| p & features == features) {
                failed |= bit::FEATURE;
            }
            // Counted for facet `f` when nothing but `f` itself failed.
            let counts_for = |f: u16| failed & !f == 0;

            if failed == 0 {
                hits.push((doc, score));
            }
            if counts_for(bit::LEVEL) {
                r.levels[d.level as usize].1 += 1;
            }
            if counts_for(bit::CATEGORY) {
                r.categories[d.category as usize].1 += 1;
            }
            if counts_for(bit::AREA) {
                let sv = &d.served;
                municipalities.add(sv, r);
                if !sv.nationwide {
                    for &c in sv.counties.iter().chain(&sv.via_municipalities) {
                        r.counties[c as usize].1 += 1;
                    }
                }
            }
            if counts_for(bit::AGE) {
                for (band, n) in r.ages.iter_mut() {
                    if overlaps(d.ages, *band) {
                        *n += 1;
                    }
                }
            }
            if counts_for(bit::LANGUAGE) {
                for &l in &d.languages {
                    r.languages[l as usize].1 += 1;
                }
            }
            if counts_for(bit::FREE) && d.free {
                r.free += 1;
            }
            if counts_for(bit::SELF) && d.contact_self {
                r.contact_self += 1;
            }
            if counts_for(bit::PROVIDER) {
                r.providers[d.provider as usize].1 += 1;
            }
            if counts_for(bit::CHANNEL) {
                for (c, n) in r.channels.iter_mut() {
                    if d.channels & channel_bit(*c) != 0 {
                        *n += 1;
                    }
                }
            }
            if counts_for(bit::OPEN) && is_open {
                r.open_now += 1;
            }
            if counts_for(bit::FEATURE) {
                for (a, n) in r.features.iter_mut() {
                    let want = features | feature_bit(*a);
                    if d.places.iter().any(|p| p & want == want) {
                        *n += 1;
                    }
                }
            }
        }
        let nationwide = municipalities.finish(cat, r);
        for (_, count) in r.counties.iter_mut() {
            *count += nationwide;
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use crate::search::tests::tiny_catalogue;

    fn ids(e: &Engine, r: &Results) -> Vec<String> {
        r.hits
            .iter()
            .map(|&d| e.catalogue.services[d as usize].id.clone())
            .collect()
    }

    fn run(e: &Engine, q: Query) -> Results {
        e.run(&q, None)
    }

    #[test]
    fn empty_query_lists_everything_alphabetically() {
        let e = Engine::new(tiny_catalogue());
        let r = run(&e, Query::default());
        assert_eq!(ids(&e, &r), ["a", "c", "d", "b"]);
        assert_eq!(Results::count(&r.levels, &Level::Universal), 2);
        assert_eq!(Results::count(&r.levels, &Level::Specialist), 1);
    }

    #[test]
    fn level_counts_ignore_the_level_selection_but_respect_others() {
        let e = Engine::new(tiny_catalogue());
        let r = run(
            &e,
            Query {
                levels: vec![Level::Basic],
                municipalities: vec!["422".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["b"]);
        // In Lieksa: one universal (d), one basic (b), no specialist, whatever level is chosen.
        assert_eq!(
            r.levels,
            [
                (Level::Universal, 1),
                (Level::Basic, 1),
                (Level::Specialist, 0)
            ]
        );
        // Municipality counts for the basic level: Lieksa 1, Joensuu 0, Kuopio 0.
        assert_eq!(r.municipalities, [(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn county_selection_covers_its_municipalities_and_nationwide_services() {
        let mut cat = tiny_catalogue();
        cat.services[2].areas = Areas {
            nationwide: true,
            ..Areas::default()
        };
        let e = Engine::new(cat);
        let r = run(
            &e,
            Query {
                counties: vec!["11".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "c", "d", "b"]);
        assert_eq!(r.counties, [(0, 4), (1, 1)]);
        assert_eq!(r.municipalities, [(0, 2), (1, 3), (2, 1)]);
    }

    #[test]
    fn text_and_category_combine() {
        let e = Engine::new(tiny_catalogue());
        let r = run(
            &e,
            Query {
                text: "neuvola".into(),
                categories: vec!["health".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["d", "a"]);
        assert_eq!(
            Results::count(&r.categories, &"rehabilitation".to_string()),
            1
        );
    }

    /// The tiny catalogue with ages, languages, costs, access, channels and places varied.
    fn varied() -> Engine {
        let mut cat = tiny_catalogue();
        let place = |features: Vec<Accessibility>| DeliveryPoint {
            channel: Channel::InPerson,
            name: Text::default(),
            address: Some(Address {
                street: Text::fi("Esimerkkikatu 1"),
                postcode: "81700".into(),
                post_office: Text::fi("Lieksa"),
                municipality: 1,
            }),
            location: Some((63.3, 30.0)),
            accessibility: features,
            accessibility_note: Text::default(),
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: Some("Mo-Fr 08:00-16:00".into()),
            hours_note: Text::default(),
            walk_in: false,
        };
        let phone = DeliveryPoint {
            channel: Channel::Phone,
            address: None,
            location: None,
            hours: None,
            ..place(vec![])
        };
        cat.services[0].age_min = -1.0;
        cat.services[0].age_max = 6.0;
        cat.services[0].delivery = vec![place(vec![
            Accessibility::StepFree,
            Accessibility::Stroller,
        ])];
        cat.services[1].languages = vec!["fi".into(), "sv".into()];
        cat.services[1].access = Access::Referral;
        cat.services[1].cost = Cost::Voucher;
        cat.services[1].delivery = vec![phone.clone()];
        cat.services[1].age_min = 3.0;
        cat.services[1].age_max = 12.0;
        cat.services[2].cost = Cost::Fee;
        cat.services[2].age_min = 13.0;
        cat.services[2].delivery = vec![place(vec![Accessibility::StepFree]), phone];
        cat.organisations.push(Organisation {
            id: "mll".into(),
            name: Text::fi("MLL"),
            kind: OrgKind::Ngo,
            website: None,
        });
        cat.services[3].organisation = 1;
        #[cfg(feature = "source")]
        {
            cat.built = "2026-11-23T10:00:00Z".into();
            crate::source::hours::attach(&mut cat).unwrap();
        }
        Engine::new(cat)
    }

    #[test]
    fn age_filter_overlaps_service_ages_and_counts_every_band() {
        let e = varied();
        assert_eq!(
            ids(
                &e,
                &run(
                    &e,
                    Query {
                        age: Some((-1, -1)),
                        ..Query::default()
                    }
                )
            ),
            ["a"]
        );
        let r = run(
            &e,
            Query {
                age: Some((4, 4)),
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "d", "b"]);
        // Bands: pregnancy a; 0-2 a,d; 3-6 a,b,d; 7-12 b,d; 13-17 c,d; 18-29 c,d (both reach 18).
        let counts: Vec<usize> = r.ages.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [1, 2, 3, 2, 2, 2]);
    }

    #[test]
    fn language_cost_access_provider_and_channel_filters() {
        let e = varied();
        let r = run(
            &e,
            Query {
                languages: vec!["sv".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["b"]);
        assert_eq!(e.languages(), ["fi", "sv"]);
        assert_eq!(r.languages, [("fi".to_string(), 4), ("sv".to_string(), 1)]);

        let r = run(
            &e,
            Query {
                free: true,
                contact_self: true,
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "d"]);
        // Counted over the other selection: free services a, d can both be contacted directly.
        assert_eq!((r.free, r.contact_self), (2, 2));
        let r = run(
            &e,
            Query {
                free: true,
                ..Query::default()
            },
        );
        assert_eq!(r.contact_self, 2);

        let r = run(
            &e,
            Query {
                providers: vec![OrgKind::Ngo],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["d"]);
        assert_eq!(Results::count(&r.providers, &OrgKind::WellbeingCounty), 3);

        let r = run(
            &e,
            Query {
                channels: vec![Channel::Phone],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["c", "b"]);
        assert_eq!(Results::count(&r.channels, &Channel::InPerson), 2);
    }

    #[test]
    fn accessibility_needs_one_place_with_every_chosen_feature() {
        let e = varied();
        let r = run(
            &e,
            Query {
                features: vec![Accessibility::StepFree],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "c"]);
        assert_eq!(Results::count(&r.features, &Accessibility::Stroller), 1);
        let r = run(
            &e,
            Query {
                features: vec![Accessibility::StepFree, Accessibility::Stroller],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a"]);
    }

    // Hours are compiled by the catalogue tool's evaluator (feature `source`).
    #[cfg(feature = "source")]
    #[test]
    fn open_now_uses_the_hours_of_each_place() {
        let e = varied();
        let tuesday_noon = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let sunday = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let open = e.open_at(tuesday_noon);
        assert_eq!(open, [true, false, true, false]);
        let r = e.run(
            &Query {
                open_now: true,
                ..Query::default()
            },
            Some(&open),
        );
        assert_eq!(ids(&e, &r), ["a", "c"]);
        assert_eq!(r.open_now, 2);
        assert_eq!(e.open_at(sunday), [false; 4]);
        // Without the open set the filter cannot be met.
        assert!(e
            .run(
                &Query {
                    open_now: true,
                    ..Query::default()
                },
                None
            )
            .hits
            .is_empty());
    }

    // A temporarily closed service is never open, even at a time its usual hours say it is.
    #[cfg(feature = "source")]
    #[test]
    fn a_temporarily_closed_service_is_not_open_inside_its_hours() {
        let mut cat = varied().catalogue.clone();
        cat.services[0].status = crate::model::Status::TemporarilyClosed;
        cat.services[0].closed_until = Some("2027-01-31".into());
        let e = Engine::new(cat);
        let tuesday_noon = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let open = e.open_at(tuesday_noon);
        assert_eq!(open, [false, false, true, false]);
        let r = e.run(
            &Query {
                open_now: true,
                ..Query::default()
            },
            Some(&open),
        );
        assert_eq!(ids(&e, &r), ["c"]);
        assert_eq!(r.open_now, 1);
        // On the closure's last day (a Friday) still closed; the Tuesday after, its hours count again.
        let last_day = chrono::NaiveDate::from_ymd_opt(2027, 1, 29)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert!(!e.open_at(last_day)[0]);
        let reopened = chrono::NaiveDate::from_ymd_opt(2027, 2, 2)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert!(e.open_at(reopened)[0]);
    }

    #[test]
    fn removing_a_chip_is_how_zero_results_recover() {
        let e = varied();
        let q = Query {
            languages: vec!["sv".into()],
            free: true,
            ..Query::default()
        };
        assert!(run(&e, q.clone()).hits.is_empty());
        let fixes: Vec<(crate::filter::Chip, usize)> = q
            .chips()
            .into_iter()
            .map(|c| (c.clone(), run(&e, q.without(&c)).hits.len()))
            .collect();
        assert_eq!(
            fixes,
            [
                (crate::filter::Chip::Free, 1),
                (crate::filter::Chip::Language("sv".into()), 2)
            ]
        );
    }
}
