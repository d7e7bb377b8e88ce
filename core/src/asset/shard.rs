//! The catalogue cut by wellbeing services county: one common part every view starts from, and
//! one shard per county, so a phone fetches the country a county at a time (issue 23).
//!
//! The **common part** is an ordinary [`Catalogue`] file: every reference table (counties with
//! their contact points, municipalities, service types, the families' vocabulary, service
//! areas), the services that belong to no single county (nationwide, online, spanning counties)
//! and each service area's family centre (the "your family centre" box needs it before any
//! shard). A **shard** holds the services whose areas and places all lie in its county, the
//! organisations only they use and the opening-hours schedules they need, behind the same
//! header, length and checksum as the whole file but its own magic, so neither is ever read as
//! the other.
//!
//! [`merge`] appends a shard to the catalogue built so far: the services already there keep
//! their numbers (links, the saved list, the service areas' family centres keep pointing right),
//! the shard's own organisations are numbered after those already merged, its schedules join the
//! sorted list, and the merged whole is checked like any decoded file. [`split`] is the build's
//! half; merging every shard of a split gives the catalogue back (`xtask/tests/shards.rs`, on the
//! sample and a generated national catalogue).

use serde::{Deserialize, Serialize};

use super::{decode_as, encode_as, references, DecodeError};
use crate::hours::Schedule;
use crate::model::{Catalogue, Organisation, Service};

const MAGIC: &[u8; 4] = b"PHOS";

/// One county's services, to be merged into a common part of the same build.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    /// The county's code (`Catalogue::counties[].code`).
    pub county: String,
    /// The build it was cut from (`Catalogue::built`): a shard of another build would point at
    /// other organisations and is refused.
    pub built: String,
    /// How many organisations the common part has: the services' organisation numbers below it
    /// are the common part's, from it on this shard's own.
    pub common_organisations: u32,
    pub organisations: Vec<Organisation>,
    pub services: Vec<Service>,
    /// The compiled opening hours the shard's places use, sorted by text.
    pub schedules: Vec<(String, Schedule)>,
}

pub fn encode(shard: &Shard) -> Vec<u8> {
    encode_as(MAGIC, shard)
}

/// Reads a shard's bytes; what it points at is checked when it is merged.
pub fn decode(bytes: &[u8]) -> Result<Shard, DecodeError> {
    decode_as(MAGIC, bytes)
}

/// The county a service belongs to alone, if it does: not nationwide, and every area and every
/// place's municipality in that one county.
pub fn home_county(cat: &Catalogue, s: &Service) -> Option<u16> {
    if s.areas.nationwide {
        return None;
    }
    let counties = s
        .areas
        .counties
        .iter()
        .copied()
        .chain(
            s.areas
                .municipalities
                .iter()
                .map(|&m| cat.municipalities[m as usize].county),
        )
        .chain(
            s.delivery
                .iter()
                .filter_map(|d| d.address.as_ref())
                .map(|a| cat.municipalities[a.municipality as usize].county),
        );
    let mut one = None;
    for c in counties {
        match one {
            None => one = Some(c),
            Some(o) if o == c => {}
            Some(_) => return None,
        }
    }
    one
}

/// Cuts a checked catalogue into its common part and one shard per county that has services of
/// its own (in the order of `counties`).
pub fn split(cat: &Catalogue) -> (Catalogue, Vec<Shard>) {
    let family_centres: Vec<u32> = cat
        .service_areas
        .iter()
        .filter_map(|a| a.family_centre)
        .collect();
    let home: Vec<Option<u16>> = cat
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if family_centres.contains(&(i as u32)) {
                None
            } else {
                home_county(cat, s)
            }
        })
        .collect();

    // An organisation stays common when a common service or services of two counties use it.
    const UNUSED: u32 = u32::MAX;
    const COMMON: u32 = u32::MAX - 1;
    let mut org_owner = vec![UNUSED; cat.organisations.len()];
    for (s, h) in cat.services.iter().zip(&home) {
        let owner = &mut org_owner[s.organisation as usize];
        let county = h.map_or(COMMON, u32::from);
        *owner = match *owner {
            UNUSED => county,
            o if o == county => o,
            _ => COMMON,
        };
    }
    // Unused organisations stay common too: nothing is lost in the cut.
    let is_common = |o: usize| org_owner[o] == COMMON || org_owner[o] == UNUSED;
    let mut common_number = vec![0u32; cat.organisations.len()];
    let mut common_orgs = Vec::new();
    for (o, org) in cat.organisations.iter().enumerate() {
        if is_common(o) {
            common_number[o] = common_orgs.len() as u32;
            common_orgs.push(org.clone());
        }
    }
    let common_count = common_orgs.len() as u32;

    let mut common = Catalogue {
        organisations: common_orgs,
        services: Vec::new(),
        schedules: Vec::new(),
        ..cat.clone()
    };
    let mut new_number = vec![0u32; cat.services.len()];
    for (i, (s, h)) in cat.services.iter().zip(&home).enumerate() {
        if h.is_none() {
            new_number[i] = common.services.len() as u32;
            let mut s = s.clone();
            s.organisation = common_number[s.organisation as usize];
            common.services.push(s);
        }
    }
    for area in &mut common.service_areas {
        area.family_centre = area.family_centre.map(|s| new_number[s as usize]);
    }
    common.schedules = schedules_of(
        cat,
        common.counties_hours().chain(hours_of(&common.services)),
    );

    let mut shards = Vec::new();
    for (c, county) in cat.counties.iter().enumerate() {
        let mut shard = Shard {
            county: county.code.clone(),
            built: cat.built.clone(),
            common_organisations: common_count,
            organisations: Vec::new(),
            services: Vec::new(),
            schedules: Vec::new(),
        };
        let mut own_number: Vec<Option<u32>> = vec![None; cat.organisations.len()];
        for (s, h) in cat.services.iter().zip(&home) {
            if *h != Some(c as u16) {
                continue;
            }
            let o = s.organisation as usize;
            let number = if is_common(o) {
                common_number[o]
            } else {
                *own_number[o].get_or_insert_with(|| {
                    shard.organisations.push(cat.organisations[o].clone());
                    common_count + shard.organisations.len() as u32 - 1
                })
            };
            let mut s = s.clone();
            s.organisation = number;
            shard.services.push(s);
        }
        if shard.services.is_empty() {
            continue;
        }
        shard.schedules = schedules_of(cat, hours_of(&shard.services));
        shards.push(shard);
    }
    (common, shards)
}

/// Adds a shard to a common part (with any shards already merged). On an error the catalogue
/// is left as it was: a bad shard costs its county, not what the family already had.
pub fn merge(cat: &mut Catalogue, shard: Shard) -> Result<(), String> {
    let place = format!("shard {:?}", shard.county);
    if shard.built != cat.built {
        return Err(format!(
            "{place} was built at {}, the catalogue at {}: they do not belong together",
            shard.built, cat.built
        ));
    }
    if cat.county_by_code(&shard.county).is_none() {
        return Err(format!("{place}: no such county in the catalogue"));
    }
    let own = cat.organisations.len() as u32;
    let common = shard.common_organisations;
    if common > own {
        return Err(format!(
            "{place} expects {common} common organisations, the catalogue has {own}"
        ));
    }
    let mut merged = cat.clone();
    merged.organisations.extend(shard.organisations);
    for mut s in shard.services {
        if s.organisation >= common {
            s.organisation = s.organisation - common + own;
        }
        merged.services.push(s);
    }
    merged.schedules = union(std::mem::take(&mut merged.schedules), shard.schedules);
    references::check(&merged).map_err(|e| format!("{place}: {e}"))?;
    *cat = merged;
    Ok(())
}

/// Two lists of schedules sorted by text, as one; a text in both is kept once.
fn union(a: Vec<(String, Schedule)>, b: Vec<(String, Schedule)>) -> Vec<(String, Schedule)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => match x.0.cmp(&y.0) {
                std::cmp::Ordering::Less => a.next(),
                std::cmp::Ordering::Greater => b.next(),
                std::cmp::Ordering::Equal => {
                    b.next();
                    a.next()
                }
            },
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        out.extend(next);
    }
    out
}

fn hours_of(services: &[Service]) -> impl Iterator<Item = &str> {
    services
        .iter()
        .flat_map(|s| &s.delivery)
        .filter_map(|d| d.hours.as_deref())
}

/// The catalogue's compiled schedules for these expressions, sorted by text as the lookup needs.
fn schedules_of<'a>(
    cat: &Catalogue,
    hours: impl Iterator<Item = &'a str>,
) -> Vec<(String, Schedule)> {
    let mut wanted: Vec<usize> = hours.filter_map(|h| cat.schedule_index(h)).collect();
    wanted.sort_unstable();
    wanted.dedup();
    wanted
        .into_iter()
        .map(|i| cat.schedules[i].clone())
        .collect()
}

impl Catalogue {
    /// The hours of the counties' contact points: the common part keeps their schedules.
    fn counties_hours(&self) -> impl Iterator<Item = &str> {
        self.counties
            .iter()
            .filter_map(|c| c.contact.as_ref()?.hours.as_deref())
    }
}

/// Which counties' shards a search needs for exact results and counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// These counties (indices into `Catalogue::counties`); none for a search that shows no
    /// services yet (the start page).
    Counties(Vec<u16>),
    /// A search over the whole country: every shard.
    Country,
}

/// The shards a query needs. A search limited to areas (counties, municipalities, service
/// areas) needs their counties only: every service serving them is in those shards or in the
/// common part, because a service is in a county's shard only when all its areas and places are
/// in that county. An empty query shows no services. Anything else searches the whole country.
pub fn scope(cat: &Catalogue, q: &crate::filter::Query) -> Scope {
    let q = q.resolved(cat);
    if q.is_empty() {
        return Scope::Counties(Vec::new());
    }
    if q.counties.is_empty() && q.municipalities.is_empty() {
        return Scope::Country;
    }
    let mut counties: Vec<u16> = q
        .counties
        .iter()
        .filter_map(|c| cat.county_by_code(c))
        .map(|c| c as u16)
        .chain(
            q.municipalities
                .iter()
                .filter_map(|m| cat.municipality_by_code(m))
                .map(|m| cat.municipalities[m].county),
        )
        .collect();
    counties.sort_unstable();
    counties.dedup();
    Scope::Counties(counties)
}
