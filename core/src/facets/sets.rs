//! Facet counting with document sets, for queries that leave a large share of the catalogue in
//! play (a first letter typed, a single filter ticked).
//!
//! Each facet value holds the set of documents that have it, built once. A query turns each
//! active selection into a set; a facet's counts are then the sizes of intersections with the
//! documents passing every *other* selection, computed word by word rather than document by
//! document. The results equal those of the per-document walk, which the tests check.

use fixedbitset::FixedBitSet;

use super::{
    bit, channel_bit, feature_bit, overlaps, Doc, Engine, MunicipalityTally, Results, Selection,
};
use crate::filter::{Query, AGE_BANDS};
use crate::model::{Accessibility, Catalogue, Channel, Level, OrgKind};

/// The documents holding each facet value.
pub(super) struct Sets {
    levels: Vec<FixedBitSet>,
    categories: Vec<FixedBitSet>,
    /// Documents serving each municipality: named there, placed there, county-wide or national.
    municipalities: Vec<FixedBitSet>,
    /// Documents serving each county, wholly or in some of its municipalities, or nationally.
    counties: Vec<FixedBitSet>,
    age_bands: Vec<FixedBitSet>,
    languages: Vec<FixedBitSet>,
    free: FixedBitSet,
    contact_self: FixedBitSet,
    providers: Vec<FixedBitSet>,
    channels: Vec<FixedBitSet>,
    /// Documents with at least one place having the feature.
    features: Vec<FixedBitSet>,
    /// Services serving the same places form a class; municipality counts are taken per class
    /// (a count of its documents) and spread once, not per document. Each document's class,
    /// and one document of each class.
    served_class: Vec<u32>,
    class_doc: Vec<u32>,
}

impl Sets {
    pub(super) fn build(
        cat: &Catalogue,
        docs: &[Doc],
        categories: usize,
        languages: usize,
    ) -> Sets {
        let n = docs.len();
        let empty = |count: usize| vec![FixedBitSet::with_capacity(n); count];
        let mut s = Sets {
            levels: empty(Level::ALL.len()),
            categories: empty(categories),
            municipalities: empty(cat.municipalities.len()),
            counties: empty(cat.counties.len()),
            age_bands: empty(AGE_BANDS.len()),
            languages: empty(languages),
            free: FixedBitSet::with_capacity(n),
            contact_self: FixedBitSet::with_capacity(n),
            providers: empty(OrgKind::ALL.len()),
            channels: empty(Channel::ALL.len()),
            features: empty(Accessibility::ALL.len()),
            served_class: Vec::with_capacity(n),
            class_doc: Vec::new(),
        };
        let mut classes: rustc_hash::FxHashMap<&super::docs::Served, u32> =
            rustc_hash::FxHashMap::default();
        let mut in_county: Vec<Vec<usize>> = vec![Vec::new(); cat.counties.len()];
        for (m, muni) in cat.municipalities.iter().enumerate() {
            in_county[muni.county as usize].push(m);
        }
        let mut nationwide = FixedBitSet::with_capacity(n);
        for (i, d) in docs.iter().enumerate() {
            s.levels[d.level as usize].insert(i);
            s.categories[d.category as usize].insert(i);
            let sv = &d.served;
            let class = *classes.entry(sv).or_insert_with(|| {
                s.class_doc.push(i as u32);
                s.class_doc.len() as u32 - 1
            });
            s.served_class.push(class);
            nationwide.set(i, sv.nationwide);
            for &c in &sv.counties {
                s.counties[c as usize].insert(i);
                for &m in &in_county[c as usize] {
                    s.municipalities[m].insert(i);
                }
            }
            for &m in &sv.municipalities {
                s.municipalities[m as usize].insert(i);
            }
            for &c in &sv.via_municipalities {
                s.counties[c as usize].insert(i);
            }
            for (band, set) in AGE_BANDS.iter().zip(&mut s.age_bands) {
                if overlaps(d.ages, *band) {
                    set.insert(i);
                }
            }
            for &l in &d.languages {
                s.languages[l as usize].insert(i);
            }
            s.free.set(i, d.free);
            s.contact_self.set(i, d.contact_self);
            s.providers[d.provider as usize].insert(i);
            for c in Channel::ALL {
                if d.channels & channel_bit(c) != 0 {
                    s.channels[c as usize].insert(i);
                }
            }
            for a in Accessibility::ALL {
                if d.places.iter().any(|p| p & feature_bit(a) != 0) {
                    s.features[a as usize].insert(i);
                }
            }
        }
        // A nationwide service serves every place.
        for set in s.municipalities.iter_mut().chain(s.counties.iter_mut()) {
            set.union_with(&nationwide);
        }
        s
    }
}

/// Bits in one word of a [`FixedBitSet`] (its blocks are `usize`: 32 bits in Wasm).
const BLOCK_BITS: usize = usize::BITS as usize;

fn union<'a>(n: usize, sets: impl IntoIterator<Item = &'a FixedBitSet>) -> FixedBitSet {
    let mut out = FixedBitSet::with_capacity(n);
    for s in sets {
        out.union_with(s);
    }
    out
}

impl Engine {
    fn sets(&self) -> &Sets {
        self.sets.get_or_init(|| {
            Sets::build(
                &self.catalogue,
                &self.docs,
                self.category_names.len(),
                self.languages.len(),
            )
        })
    }

    /// The documents passing each active selection, with the selection's facet bit.
    fn selection_sets(
        &self,
        q: &Query,
        sel: &Selection,
        open: &FixedBitSet,
    ) -> Vec<(u16, FixedBitSet)> {
        let n = self.docs.len();
        let sets = self.sets();
        let scan = |keep: &dyn Fn(&Doc) -> bool| {
            let mut out = FixedBitSet::with_capacity(n);
            for (i, d) in self.docs.iter().enumerate() {
                out.set(i, keep(d));
            }
            out
        };
        let mut out = Vec::new();
        if !q.levels.is_empty() {
            out.push((
                bit::LEVEL,
                union(n, q.levels.iter().map(|l| &sets.levels[*l as usize])),
            ));
        }
        if !q.categories.is_empty() {
            out.push((
                bit::CATEGORY,
                union(
                    n,
                    sel.categories.iter().map(|c| &sets.categories[*c as usize]),
                ),
            ));
        }
        if sel.has_area {
            let munis = sel.munis.iter().map(|m| &sets.municipalities[*m as usize]);
            out.push((
                bit::AREA,
                union(
                    n,
                    munis.chain(sel.counties.iter().map(|c| &sets.counties[*c as usize])),
                ),
            ));
        }
        if let Some(a) = q.age {
            // Any range may be asked, not only the offered bands: read the ages themselves.
            out.push((bit::AGE, scan(&|d| overlaps(d.ages, a))));
        }
        if !q.languages.is_empty() {
            out.push((
                bit::LANGUAGE,
                union(n, sel.langs.iter().map(|l| &sets.languages[*l as usize])),
            ));
        }
        if q.free {
            out.push((bit::FREE, sets.free.clone()));
        }
        if q.contact_self {
            out.push((bit::SELF, sets.contact_self.clone()));
        }
        if !q.providers.is_empty() {
            out.push((
                bit::PROVIDER,
                union(n, q.providers.iter().map(|p| &sets.providers[*p as usize])),
            ));
        }
        if sel.channels != 0 {
            let chosen = Channel::ALL
                .iter()
                .filter(|c| sel.channels & channel_bit(**c) != 0);
            out.push((
                bit::CHANNEL,
                union(n, chosen.map(|c| &sets.channels[*c as usize])),
            ));
        }
        if q.open_now {
            out.push((bit::OPEN, open.clone()));
        }
        if sel.features != 0 {
            // Every chosen feature at one and the same place.
            let want = sel.features;
            out.push((
                bit::FEATURE,
                scan(&|d| d.places.iter().any(|p| p & want == want)),
            ));
        }
        out
    }

    pub(super) fn count_with_sets(
        &self,
        scored: Vec<(u32, u32)>,
        q: &Query,
        sel: &Selection,
        open: Option<&[bool]>,
        r: &mut Results,
    ) -> Vec<(u32, u32)> {
        let n = self.docs.len();
        let sets = self.sets();
        // Both sets are written a word at a time: a bit at a time costs a bounds check and,
        // for "open", a branch per document, which a keystroke matching every service feels.
        let mut candidates = FixedBitSet::with_capacity(n);
        {
            let words = candidates.as_mut_slice();
            for &(doc, _) in &scored {
                let d = doc as usize;
                words[d / BLOCK_BITS] |= 1 << (d % BLOCK_BITS);
            }
        }
        let mut open_set = FixedBitSet::with_capacity(n);
        if let Some(open) = open {
            let open = &open[..open.len().min(n)];
            for (word, chunk) in open_set
                .as_mut_slice()
                .iter_mut()
                .zip(open.chunks(BLOCK_BITS))
            {
                *word = chunk
                    .iter()
                    .enumerate()
                    .fold(0, |w, (i, &o)| w | usize::from(o) << i);
            }
        }
        let active = self.selection_sets(q, sel, &open_set);

        // before[i]: candidates passing selections 0..i; after[i]: passing selections i..; so
        // the documents passing all but selection i are before[i] ∩ after[i + 1].
        let mut before = vec![candidates];
        for (_, s) in &active {
            let mut next = before.last().expect("starts non-empty").clone();
            next.intersect_with(s);
            before.push(next);
        }
        let mut after = vec![FixedBitSet::with_capacity(n); active.len() + 1];
        after[active.len()].insert_range(..);
        for i in (0..active.len()).rev() {
            let mut next = after[i + 1].clone();
            next.intersect_with(&active[i].1);
            after[i] = next;
        }
        let passing = before[active.len()].clone();
        let others: Vec<(u16, FixedBitSet)> = active
            .iter()
            .enumerate()
            .map(|(i, (facet, _))| {
                let mut s = before[i].clone();
                s.intersect_with(&after[i + 1]);
                (*facet, s)
            })
            .collect();
        // The documents a facet's counts are taken over.
        let over = |facet: u16| {
            others
                .iter()
                .find(|(f, _)| *f == facet)
                .map_or(&passing, |(_, s)| s)
        };
        let count = |facet: u16, value: &FixedBitSet| over(facet).intersection_count(value);

        for (i, (_, n)) in r.levels.iter_mut().enumerate() {
            *n = count(bit::LEVEL, &sets.levels[i]);
        }
        for (i, (_, n)) in r.categories.iter_mut().enumerate() {
            *n = count(bit::CATEGORY, &sets.categories[i]);
        }
        // Hundreds of municipalities, each service in a few: walking the documents once beats an
        // intersection per municipality.
        let mut municipalities = MunicipalityTally::new(self.catalogue.counties.len());
        let mut per_class = vec![0usize; sets.class_doc.len()];
        for doc in over(bit::AREA).ones() {
            per_class[sets.served_class[doc] as usize] += 1;
        }
        for (&doc, &times) in sets.class_doc.iter().zip(&per_class) {
            if times > 0 {
                municipalities.add(&self.docs[doc as usize].served, times, r);
            }
        }
        municipalities.finish(&self.catalogue, r);
        for (i, (_, n)) in r.counties.iter_mut().enumerate() {
            *n = count(bit::AREA, &sets.counties[i]);
        }
        for (i, (_, n)) in r.ages.iter_mut().enumerate() {
            *n = count(bit::AGE, &sets.age_bands[i]);
        }
        for (i, (_, n)) in r.languages.iter_mut().enumerate() {
            *n = count(bit::LANGUAGE, &sets.languages[i]);
        }
        r.free = count(bit::FREE, &sets.free);
        r.contact_self = count(bit::SELF, &sets.contact_self);
        for (i, (_, n)) in r.providers.iter_mut().enumerate() {
            *n = count(bit::PROVIDER, &sets.providers[i]);
        }
        for (c, n) in r.channels.iter_mut() {
            *n = count(bit::CHANNEL, &sets.channels[*c as usize]);
        }
        r.open_now = count(bit::OPEN, &open_set);
        if sel.features == 0 {
            for (a, n) in r.features.iter_mut() {
                *n = count(bit::FEATURE, &sets.features[*a as usize]);
            }
        } else {
            // With features chosen, each count needs them all at one place: check documents.
            for doc in over(bit::FEATURE).ones() {
                let places = &self.docs[doc].places;
                for (a, n) in r.features.iter_mut() {
                    let want = sel.features | feature_bit(*a);
                    if places.iter().any(|p| p & want == want) {
                        *n += 1;
                    }
                }
            }
        }
        if active.is_empty() {
            // Nothing selected, as while typing: every candidate is a hit.
            return scored;
        }
        scored
            .into_iter()
            .filter(|&(doc, _)| passing.contains(doc as usize))
            .collect()
    }
}
