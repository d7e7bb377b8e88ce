//! The finder engine: runs a [`Query`] over the catalogue and returns the ranked hits with live
//! facet counts. Each facet is counted over the results of every *other* selection, so a count
//! says how many results picking that value would add.

use crate::filter::Query;
use crate::model::{Catalogue, Level};
use crate::search::SearchIndex;

/// The places a service serves, with overlaps removed so each service counts once per place.
#[derive(Debug, Default)]
struct Served {
    nationwide: bool,
    counties: Vec<u16>,
    /// Municipalities outside `counties`.
    municipalities: Vec<u16>,
}

/// The catalogue with everything precomputed that each keystroke would otherwise redo.
pub struct Engine {
    pub catalogue: Catalogue,
    index: SearchIndex,
    served: Vec<Served>,
    levels: Vec<Level>,
    categories: Vec<u16>,
    category_names: Vec<String>,
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
}

/// Resolved selections: indexes instead of codes; `None` means "not filtered".
struct Selection {
    levels: Option<Vec<Level>>,
    categories: Option<Vec<u16>>,
    /// Selected municipalities and counties together form one "area" facet.
    area: Option<(Vec<u16>, Vec<u16>)>,
}

impl Engine {
    pub fn new(catalogue: Catalogue) -> Engine {
        let index = SearchIndex::build(&catalogue);
        let category_names: Vec<String> = catalogue.categories().into_iter().map(String::from).collect();
        let mut served = Vec::with_capacity(catalogue.services.len());
        let mut levels = Vec::with_capacity(catalogue.services.len());
        let mut categories = Vec::with_capacity(catalogue.services.len());
        for s in &catalogue.services {
            let t = catalogue.service_type(s);
            levels.push(t.level);
            categories.push(category_names.iter().position(|c| *c == t.category).unwrap_or(0) as u16);
            let mut sv = Served { nationwide: s.areas.nationwide, ..Served::default() };
            if !sv.nationwide {
                sv.counties = s.areas.counties.clone();
                sv.counties.sort_unstable();
                sv.counties.dedup();
                let places = s.delivery.iter().filter_map(|d| d.address.as_ref().map(|a| a.municipality));
                for m in s.areas.municipalities.iter().copied().chain(places) {
                    let county = catalogue.municipalities[m as usize].county;
                    if !sv.counties.contains(&county) && !sv.municipalities.contains(&m) {
                        sv.municipalities.push(m);
                    }
                }
            }
            served.push(sv);
        }
        Engine { catalogue, index, served, levels, categories, category_names }
    }

    pub fn search_index(&self) -> &SearchIndex {
        &self.index
    }

    fn select(&self, q: &Query) -> Selection {
        let cat = &self.catalogue;
        let levels = (!q.levels.is_empty()).then(|| q.levels.clone());
        let categories = (!q.categories.is_empty()).then(|| {
            q.categories
                .iter()
                .filter_map(|c| self.category_names.iter().position(|n| n == c).map(|i| i as u16))
                .collect()
        });
        let area = (!q.municipalities.is_empty() || !q.counties.is_empty()).then(|| {
            let munis = q.municipalities.iter().filter_map(|c| cat.municipality_by_code(c)).map(|i| i as u16).collect();
            let counties = q.counties.iter().filter_map(|c| cat.county_by_code(c)).map(|i| i as u16).collect();
            (munis, counties)
        });
        Selection { levels, categories, area }
    }

    fn area_ok(&self, doc: usize, (munis, counties): &(Vec<u16>, Vec<u16>)) -> bool {
        let sv = &self.served[doc];
        if sv.nationwide {
            return true;
        }
        let county_of = |m: u16| self.catalogue.municipalities[m as usize].county;
        munis.iter().any(|&m| sv.municipalities.contains(&m) || sv.counties.contains(&county_of(m)))
            || counties.iter().any(|c| sv.counties.contains(c) || sv.municipalities.iter().any(|&m| county_of(m) == *c))
    }

    pub fn run(&self, q: &Query) -> Results {
        let cat = &self.catalogue;
        let sel = self.select(q);
        let scored: Vec<(u32, u32)> = match self.index.matches(&q.text) {
            Some(hits) => hits,
            None => (0..cat.services.len() as u32).map(|d| (d, 0)).collect(),
        };

        let mut level_counts = [0usize; 3];
        let mut category_counts = vec![0usize; self.category_names.len()];
        let mut county_counts = vec![0usize; cat.counties.len()];
        let mut muni_counts = vec![0usize; cat.municipalities.len()];
        let mut nationwide = 0usize;
        // Services serving a whole county count in each of its municipalities, added at the end.
        let mut county_wide = vec![0usize; cat.counties.len()];
        let mut hits: Vec<(u32, u32)> = Vec::new();

        for &(doc, score) in &scored {
            let d = doc as usize;
            let level_ok = sel.levels.as_ref().is_none_or(|ls| ls.contains(&self.levels[d]));
            let category_ok = sel.categories.as_ref().is_none_or(|cs| cs.contains(&self.categories[d]));
            let area_ok = sel.area.as_ref().is_none_or(|a| self.area_ok(d, a));
            if category_ok && area_ok {
                level_counts[self.levels[d] as usize] += 1;
            }
            if level_ok && area_ok {
                category_counts[self.categories[d] as usize] += 1;
            }
            if level_ok && category_ok {
                let sv = &self.served[d];
                if sv.nationwide {
                    nationwide += 1;
                } else {
                    for &c in &sv.counties {
                        county_wide[c as usize] += 1;
                        county_counts[c as usize] += 1;
                    }
                    let mut counted_counties: Vec<u16> = Vec::new();
                    for &m in &sv.municipalities {
                        muni_counts[m as usize] += 1;
                        let c = cat.municipalities[m as usize].county;
                        if !sv.counties.contains(&c) && !counted_counties.contains(&c) {
                            counted_counties.push(c);
                            county_counts[c as usize] += 1;
                        }
                    }
                }
                if level_ok && category_ok && area_ok {
                    hits.push((doc, score));
                }
            }
        }
        for (m, count) in muni_counts.iter_mut().enumerate() {
            *count += nationwide + county_wide[cat.municipalities[m].county as usize];
        }
        for count in county_counts.iter_mut() {
            *count += nationwide;
        }

        hits.sort_unstable_by_key(|&(doc, score)| (std::cmp::Reverse(score), self.index.alpha_rank(doc)));
        Results {
            hits: hits.into_iter().map(|(d, _)| d).collect(),
            levels: Level::ALL.iter().map(|&l| (l, level_counts[l as usize])).collect(),
            categories: self.category_names.iter().cloned().zip(category_counts).collect(),
            counties: county_counts.into_iter().enumerate().map(|(i, n)| (i as u16, n)).collect(),
            municipalities: muni_counts.into_iter().enumerate().map(|(i, n)| (i as u16, n)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    fn ids(e: &Engine, r: &Results) -> Vec<String> {
        r.hits.iter().map(|&d| e.catalogue.services[d as usize].id.clone()).collect()
    }

    fn count<T: PartialEq>(list: &[(T, usize)], key: T) -> usize {
        list.iter().find(|(k, _)| *k == key).map(|(_, n)| *n).unwrap()
    }

    #[test]
    fn empty_query_lists_everything_alphabetically() {
        let e = Engine::new(tiny_catalogue());
        let r = e.run(&Query::default());
        assert_eq!(ids(&e, &r), ["a", "c", "d", "b"]);
        assert_eq!(count(&r.levels, Level::Universal), 2);
        assert_eq!(count(&r.levels, Level::Specialist), 1);
    }

    #[test]
    fn level_counts_ignore_the_level_selection_but_respect_others() {
        let e = Engine::new(tiny_catalogue());
        let q = Query { levels: vec![Level::Basic], municipalities: vec!["422".into()], ..Query::default() };
        let r = e.run(&q);
        assert_eq!(ids(&e, &r), ["b"]);
        // In Lieksa: one universal (d), one basic (b), no specialist, whatever level is chosen.
        assert_eq!(r.levels, [(Level::Universal, 1), (Level::Basic, 1), (Level::Specialist, 0)]);
        // Municipality counts for the basic level: Lieksa 1, Joensuu 0, Kuopio 0.
        assert_eq!(r.municipalities, [(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn county_selection_covers_its_municipalities_and_nationwide_services() {
        let mut cat = tiny_catalogue();
        cat.services[2].areas = Areas { nationwide: true, ..Areas::default() };
        let e = Engine::new(cat);
        let r = e.run(&Query { counties: vec!["11".into()], ..Query::default() });
        assert_eq!(ids(&e, &r), ["a", "c", "d", "b"]);
        // The nationwide service counts in every place.
        assert_eq!(r.counties, [(0, 4), (1, 1)]);
        assert_eq!(r.municipalities, [(0, 2), (1, 3), (2, 1)]);
    }

    #[test]
    fn text_and_category_combine() {
        let e = Engine::new(tiny_catalogue());
        let q = Query { text: "neuvola".into(), categories: vec!["health".into()], ..Query::default() };
        let r = e.run(&q);
        assert_eq!(ids(&e, &r), ["d", "a"]);
        assert_eq!(count(&r.categories, "rehabilitation".to_string()), 1);
    }

    use crate::model::Areas;
}
