//! The catalogue cut by place, so a phone fetches the country as a family needs it (issue 23):
//! one small common part every view starts from, and shards by the area their services serve.
//!
//! The **common part** is an ordinary [`Catalogue`] file: every reference table (counties with
//! their contact points, municipalities, service types, the families' vocabulary, service
//! areas) and each service area's family centre (the "your family centre" box needs it before
//! any shard). Every other service is in exactly one **shard**, the smallest [`Area`] holding
//! all its areas and places: one municipality, else one wellbeing services county, else the
//! **wide** shard (nationwide services and those spanning counties). A county's shard is its
//! county part and its municipalities' parts together. A shard holds its services, the
//! organisations only they use and the opening-hours schedules they need, behind the same
//! header, length and checksum as the whole file but its own magic, so neither is ever read as
//! the other.
//!
//! [`merge`] appends a shard to the catalogue built so far: the services already there keep
//! their numbers (links, the saved list, the service areas' family centres keep pointing right),
//! the shard's own organisations are numbered after those already merged, its schedules join the
//! sorted list, and the merged whole is checked like any decoded file. [`split`] is the build's
//! half; merging every shard of a split gives the catalogue back (`xtask/tests/shards.rs`, on the
//! sample and a generated national catalogue). [`scope`] says which shards a search needs.

use serde::{Deserialize, Serialize};

use super::{decode_as, encode_as, references, DecodeError};
use crate::hours::Schedule;
use crate::model::{Catalogue, Organisation, Service};
use crate::pace::Pace;

const MAGIC: &[u8; 4] = b"PHOS";

/// The services a shard holds: those whose areas and places all lie in this one area.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Area {
    /// Nationwide services and those serving or placed in more than one county.
    Wide,
    /// A wellbeing services county's own services, by code, not within one municipality.
    County(String),
    /// One municipality's own services, by code.
    Municipality(String),
}

impl Area {
    /// The shard's name in the manifest and in file names: `wide`, `county-14`,
    /// `municipality-422`.
    pub fn key(&self) -> String {
        match self {
            Area::Wide => "wide".to_string(),
            Area::County(c) => format!("county-{c}"),
            Area::Municipality(m) => format!("municipality-{m}"),
        }
    }
}

/// One area's services, to be merged into a common part of the same build.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shard {
    pub area: Area,
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

/// The smallest area holding every area a service serves and every place it is offered at.
pub fn home(cat: &Catalogue, s: &Service) -> Area {
    if s.areas.nationwide {
        return Area::Wide;
    }
    let mut munis: Vec<u16> = s
        .areas
        .municipalities
        .iter()
        .copied()
        .chain(
            s.delivery
                .iter()
                .filter_map(|d| d.address.as_ref())
                .map(|a| a.municipality),
        )
        .collect();
    crate::order::sort_dedup(&mut munis);
    let mut counties: Vec<u16> = s
        .areas
        .counties
        .iter()
        .copied()
        .chain(munis.iter().map(|&m| cat.municipalities[m as usize].county))
        .collect();
    crate::order::sort_dedup(&mut counties);
    match (counties.as_slice(), munis.as_slice()) {
        ([_], [m]) if s.areas.counties.is_empty() => {
            Area::Municipality(cat.municipalities[*m as usize].code.clone())
        }
        ([c], _) => Area::County(cat.counties[*c as usize].code.clone()),
        _ => Area::Wide,
    }
}

/// Cuts a checked catalogue into its common part and one shard per area with services of its
/// own: the wide shard, then the counties', then the municipalities' (in catalogue order).
pub fn split(cat: &Catalogue) -> (Catalogue, Vec<Shard>) {
    let family_centres: Vec<u32> = cat
        .service_areas
        .iter()
        .filter_map(|a| a.family_centre)
        .collect();
    let areas: Vec<Area> = std::iter::once(Area::Wide)
        .chain(cat.counties.iter().map(|c| Area::County(c.code.clone())))
        .chain(
            cat.municipalities
                .iter()
                .map(|m| Area::Municipality(m.code.clone())),
        )
        .collect();
    let index_of = |a: &Area| match a {
        Area::Wide => 0,
        Area::County(c) => 1 + cat.county_by_code(c).expect("a county of the catalogue"),
        Area::Municipality(m) => {
            1 + cat.counties.len()
                + cat
                    .municipality_by_code(m)
                    .expect("a municipality of the catalogue")
        }
    };
    // None: the common part.
    let home: Vec<Option<usize>> = cat
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (!family_centres.contains(&(i as u32))).then(|| index_of(&home(cat, s))))
        .collect();

    // An organisation stays common when a common service or services of two shards use it.
    const UNUSED: usize = usize::MAX;
    const COMMON: usize = usize::MAX - 1;
    let mut org_owner = vec![UNUSED; cat.organisations.len()];
    for (s, h) in cat.services.iter().zip(&home) {
        let owner = &mut org_owner[s.organisation as usize];
        let area = h.unwrap_or(COMMON);
        *owner = match *owner {
            UNUSED => area,
            o if o == area => o,
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

    // Services by shard, in catalogue order within each.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); areas.len()];
    for (i, h) in home.iter().enumerate() {
        if let Some(a) = h {
            members[*a].push(i);
        }
    }
    let mut shards = Vec::new();
    for (area, members) in areas.into_iter().zip(members) {
        if members.is_empty() {
            continue;
        }
        let mut shard = Shard {
            area,
            built: cat.built.clone(),
            common_organisations: common_count,
            organisations: Vec::new(),
            services: Vec::new(),
            schedules: Vec::new(),
        };
        let mut own_number: Vec<Option<u32>> = vec![None; cat.organisations.len()];
        for i in members {
            let s = &cat.services[i];
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
        shard.schedules = schedules_of(cat, hours_of(&shard.services));
        shards.push(shard);
    }
    (common, shards)
}

/// A copy of a catalogue to merge shards into, while the engine goes on searching the
/// original; made a service at a time (see [`crate::pace`]).
pub async fn copy_in_steps(cat: &Catalogue, pace: &mut Pace<'_>) -> Catalogue {
    Catalogue {
        built: cat.built.clone(),
        sample: cat.sample,
        counties: cat.counties.clone(),
        municipalities: cat.municipalities.clone(),
        service_types: cat.service_types.clone(),
        organisations: cat.organisations.clone(),
        services: crate::pace::clone_in_steps(&cat.services, pace).await,
        schedules: cat.schedules.clone(),
        vocabulary: cat.vocabulary.clone(),
        service_areas: cat.service_areas.clone(),
    }
}

/// Adds a shard to a common part (with any shards already merged). On an error the catalogue
/// is left as it was: a bad shard costs its area, not what the family already had.
pub fn merge(cat: &mut Catalogue, shard: Shard) -> Result<(), String> {
    let refused = merge_many(cat, vec![shard]);
    match refused.into_iter().next() {
        Some((_, e)) => Err(e),
        None => Ok(()),
    }
}

/// Adds shards to a common part, checking the whole once: merging the country's 330 shards one
/// at a time would check (and copy) a growing catalogue 330 times. When the batch does not
/// check out, it is taken back and merged one shard at a time, so only the bad shards are
/// refused (with their area and why); the catalogue keeps everything else.
pub fn merge_many(cat: &mut Catalogue, shards: Vec<Shard>) -> Vec<(Area, String)> {
    crate::pace::now(merge_many_in_steps(cat, shards, &mut Pace::never()))
}

/// [`merge_many`], a service at a time (see [`crate::pace`]).
pub async fn merge_many_in_steps(
    cat: &mut Catalogue,
    shards: Vec<Shard>,
    pace: &mut Pace<'_>,
) -> Vec<(Area, String)> {
    let (services, organisations) = (cat.services.len(), cat.organisations.len());
    let schedules = cat.schedules.clone();
    let mut appended = Ok(());
    for s in &shards {
        appended = append(cat, s, pace).await;
        if appended.is_err() {
            break;
        }
    }
    let problem = match appended {
        Err(e) => Some(e),
        Ok(()) => {
            references::check_in_steps(cat, pace)
                .await
                .err()
                .map(|e| match shards.as_slice() {
                    [one] => format!("shard {:?}: {e}", one.area.key()),
                    _ => e.to_string(),
                })
        }
    };
    let Some(problem) = problem else {
        // Freeing the whole country's shards at once would hold the page as long as copying
        // them did.
        for s in shards {
            crate::pace::drop_in_steps(s.services, pace).await;
        }
        return Vec::new();
    };
    cat.services.truncate(services);
    cat.organisations.truncate(organisations);
    cat.schedules = schedules;
    if shards.len() == 1 {
        let area = shards.into_iter().next().map_or(Area::Wide, |s| s.area);
        return vec![(area, problem)];
    }
    shards
        .into_iter()
        .filter_map(|s| {
            let area = s.area.clone();
            merge(cat, s).err().map(|e| (area, e))
        })
        .collect()
}

/// Appends a shard's organisations, services and schedules, after checking it belongs to this
/// catalogue; what its records point at is checked by the caller, over the whole.
async fn append(cat: &mut Catalogue, shard: &Shard, pace: &mut Pace<'_>) -> Result<(), String> {
    let place = format!("shard {:?}", shard.area.key());
    if shard.built != cat.built {
        return Err(format!(
            "{place} was built at {}, the catalogue at {}: they do not belong together",
            shard.built, cat.built
        ));
    }
    let known = match &shard.area {
        Area::Wide => true,
        Area::County(c) => cat.county_by_code(c).is_some(),
        Area::Municipality(m) => cat.municipality_by_code(m).is_some(),
    };
    if !known {
        return Err(format!("{place}: no such area in the catalogue"));
    }
    let own = cat.organisations.len() as u32;
    let common = shard.common_organisations;
    if common > own {
        return Err(format!(
            "{place} expects {common} common organisations, the catalogue has {own}"
        ));
    }
    cat.organisations
        .extend(shard.organisations.iter().cloned());
    for s in &shard.services {
        let mut s = s.clone();
        if s.organisation >= common {
            s.organisation = s.organisation - common + own;
        }
        cat.services.push(s);
        pace.tick().await;
    }
    cat.schedules = union(std::mem::take(&mut cat.schedules), shard.schedules.clone());
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
    crate::order::sort_dedup(&mut wanted);
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

/// The shards a search needs for exact results, and for exact counts of its own areas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The shards serving these areas (indices into `Catalogue::counties` and
    /// `::municipalities`): a whole county's, a municipality's. Neither: a search that shows no
    /// services yet (the start page).
    Areas {
        counties: Vec<u16>,
        municipalities: Vec<u16>,
    },
    /// A search over the whole country: every shard.
    Country,
}

impl Scope {
    pub const NOTHING: Scope = Scope::Areas {
        counties: Vec::new(),
        municipalities: Vec::new(),
    };

    /// The shards (by area) that hold every service the scope's searches can find: for a
    /// municipality, the wide shard, its county's and its own; for a county, the wide shard,
    /// the county's and all its municipalities'. `None` for the whole country.
    pub fn shards(&self, cat: &Catalogue) -> Option<Vec<Area>> {
        let Scope::Areas {
            counties,
            municipalities,
        } = self
        else {
            return None;
        };
        let mut munis: Vec<u16> = municipalities.clone();
        munis.extend(
            (0..cat.municipalities.len() as u16)
                .filter(|&m| counties.contains(&cat.municipalities[m as usize].county)),
        );
        let mut county_set: Vec<u16> = counties.clone();
        county_set.extend(munis.iter().map(|&m| cat.municipalities[m as usize].county));
        crate::order::sort_dedup(&mut county_set);
        crate::order::sort_dedup(&mut munis);
        let mut out = Vec::new();
        if !county_set.is_empty() {
            out.push(Area::Wide);
        }
        out.extend(
            county_set
                .iter()
                .map(|&c| Area::County(cat.counties[c as usize].code.clone())),
        );
        out.extend(
            munis
                .iter()
                .map(|&m| Area::Municipality(cat.municipalities[m as usize].code.clone())),
        );
        Some(out)
    }
}

/// The shards a query needs. A search limited to areas (counties, municipalities, service
/// areas) needs theirs only: every service serving them is in those shards or in the common
/// part, because a service is in a municipality's or a county's shard only when all its areas
/// and places are there. An empty query shows no services. Anything else searches the whole
/// country.
pub fn scope(cat: &Catalogue, q: &crate::filter::Query) -> Scope {
    let q = q.resolved(cat);
    if q.is_empty() {
        return Scope::NOTHING;
    }
    if q.counties.is_empty() && q.municipalities.is_empty() {
        return Scope::Country;
    }
    // Codes the catalogue does not know were reported when the address was read.
    let indices = |codes: &[String], find: &dyn Fn(&str) -> Option<usize>| {
        let mut found: Vec<u16> = codes
            .iter()
            .filter_map(|c| find(c))
            .map(|i| i as u16)
            .collect();
        crate::order::sort_dedup(&mut found);
        found
    };
    let counties = indices(&q.counties, &|c| cat.county_by_code(c));
    let municipalities = indices(&q.municipalities, &|m| cat.municipality_by_code(m));
    Scope::Areas {
        counties,
        municipalities,
    }
}
