//! The catalogue as a family needs it (issue 23): the build writes it as a common part and
//! shards by area — nationwide ("wide"), each wellbeing services county's own, each
//! municipality's own (`perheopas_core::asset::shard`) — listed in `parts/manifest.json`. The app
//! starts on the common part and the county and municipality shards of the area the start
//! address or the remembered home names; a search reaching further (the nationwide services
//! too) fetches the shards its scope needs in the background ([`Parts::ensure`]), and the engine
//! is rebuilt as they arrive, so results and counts grow to the exact answer while the family
//! keeps typing.
//!
//! Every part read successfully is kept on the device (Cache Storage, [`LAST_GOOD_CACHE`]):
//! a part that cannot be fetched or read (offline, cut short, damaged) is replaced by its saved
//! copy of the same build, with a notice naming the file and the problem; an area with no such copy
//! is named as unavailable. Nothing the family already had is dropped by a bad part.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use js_sys::{Promise, Uint8Array};
use leptos::prelude::*;
use perheopas_core::asset::shard::{self, Scope};
use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use perheopas_core::model::Catalogue;
use perheopas_core::pace::{Pace, Pause};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::load::{await_js, download, js_error, open_cache, Download};

/// The manifest; the build writes it and the parts into `parts/` beside `index.html`.
pub const MANIFEST_FILE: &str = "parts/manifest.json";
/// Kept apart from the service worker's caches, which it replaces on every new version.
pub const LAST_GOOD_CACHE: &str = "catalogue-last-good";
/// Which build a saved part is from, and its file (named by its content hash).
const BUILT_HEADER: &str = "x-catalogue-built";
const FILE_HEADER: &str = "x-catalogue-file";

/// What `manifest.json` says: the build and its parts.
#[derive(Clone, Debug)]
pub struct Manifest {
    pub built: String,
    pub common: String,
    pub shards: Vec<ShardFile>,
    /// A small catalogue's whole file: fetched alone in place of the common part and shards.
    pub whole: Option<String>,
    /// Each shard's place in `shards`, by key: the whole country's 330 shards are looked up
    /// often as they arrive.
    positions: HashMap<String, usize>,
}

#[derive(Clone, Debug)]
pub struct ShardFile {
    pub file: String,
    /// Its area (`Area::key`): `wide`, `county-14`, `municipality-422`.
    pub key: String,
    /// Its size in bytes, as written.
    pub bytes: f64,
    /// For a county's part, the county's municipalities with services.
    pub municipalities: Vec<String>,
}

impl Manifest {
    fn parse(text: &str) -> Result<Manifest, String> {
        let json = js_sys::JSON::parse(text).map_err(|e| js_error(&e))?;
        let field =
            |v: &JsValue, name: &str| js_sys::Reflect::get(v, &JsValue::from_str(name)).ok();
        let string = |v: &JsValue, name: &str| {
            field(v, name)
                .and_then(|s| s.as_string())
                .ok_or_else(|| format!("no text \"{name}\""))
        };
        let common = field(&json, "common").ok_or("no \"common\"")?;
        let shards = field(&json, "shards")
            .filter(js_sys::Array::is_array)
            .ok_or("no list \"shards\"")?;
        let shards = js_sys::Array::from(&shards)
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let municipalities = field(&s, "municipalities")
                    .filter(js_sys::Array::is_array)
                    .map(|a| {
                        js_sys::Array::from(&a)
                            .iter()
                            .filter_map(|m| m.as_string())
                            .collect()
                    })
                    .unwrap_or_default();
                Ok(ShardFile {
                    bytes: field(&s, "bytes")
                        .and_then(|b| b.as_f64())
                        .unwrap_or(f64::INFINITY),
                    file: string(&s, "file").map_err(|e| format!("shards[{i}]: {e}"))?,
                    key: string(&s, "key").map_err(|e| format!("shards[{i}]: {e}"))?,
                    municipalities,
                })
            })
            .collect::<Result<_, String>>()?;
        let whole = field(&json, "whole")
            .filter(|w| w.is_object())
            .map(|w| string(&w, "file").map_err(|e| format!("whole: {e}")))
            .transpose()?;
        Ok(Manifest::new(
            string(&json, "built")?,
            string(&common, "file").map_err(|e| format!("common: {e}"))?,
            shards,
            whole,
        ))
    }

    fn new(
        built: String,
        common: String,
        shards: Vec<ShardFile>,
        whole: Option<String>,
    ) -> Manifest {
        let positions = shards
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), i))
            .collect();
        Manifest {
            built,
            common,
            shards,
            whole,
            positions,
        }
    }

    /// Where the shard stands in the manifest (nationwide, counties, municipalities): areas
    /// are named in this order.
    fn position(&self, key: &str) -> usize {
        self.positions.get(key).copied().unwrap_or(usize::MAX)
    }

    /// Adds a key to a list kept in the manifest's order, unless it is there already.
    fn insert_in_order(&self, list: &mut Vec<String>, key: &str) {
        if list.iter().any(|k| k == key) {
            return;
        }
        let at = list.partition_point(|k| self.position(k) < self.position(key));
        list.insert(at, key.to_string());
    }

    fn shard(&self, key: &str) -> Option<&ShardFile> {
        self.shards.get(*self.positions.get(key)?)
    }
}

/// A shard as fetched: with the notice to show when it is a saved copy standing in, and whether
/// this device keeps it.
struct Fetched {
    shard: shard::Shard,
    note: Option<Fallback>,
    kept: bool,
}

/// Why the newest copy of a part was not used, when a saved copy stands in for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Fallback {
    /// What was wrong with the newest file, naming it.
    pub problem: String,
    /// Build time of the copy shown.
    pub built: String,
}

/// Where the shards stand, for the notices; every list holds shard keys (`Area::key`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Status {
    /// Merged into the engine.
    pub loaded: Vec<String>,
    /// Being fetched.
    pub pending: Vec<String>,
    /// Could not be had, with the problem.
    pub failed: Vec<(String, String)>,
    /// Parts shown from their saved copy.
    pub fallbacks: Vec<Fallback>,
    /// Saved on this device in their current version (usable offline).
    pub offline: Vec<String>,
    /// A search of the whole country has asked for every shard.
    pub country: bool,
}

/// The loaded catalogue: the engine the views search, and the parts behind it. Copy, shared
/// through context (`state::provide_parts`).
#[derive(Clone, Copy)]
pub struct Parts {
    pub engine: RwSignal<Arc<Engine>>,
    pub status: RwSignal<Status>,
    manifest: StoredValue<Manifest>,
    /// A saved common part of an older build stands in: shards can only come from saved copies
    /// of that build.
    saved_build_only: bool,
    rebuild_queued: StoredValue<bool>,
    /// How long the last rebuild took, start to end, pauses included.
    last_rebuild_ms: StoredValue<f64>,
    /// Shards asked for and not yet being fetched, and how many fetch loops take from them:
    /// the whole country's 330 fetches started at once would hold the page for a good part of
    /// a second, and arrive all together, each decoded and saved in the same long task.
    waiting: StoredValue<VecDeque<String>>,
    fetchers: StoredValue<usize>,
    /// Shards arrived since the engine was last rebuilt, to be merged together: they count as
    /// loaded only with it.
    arrived: StoredValue<Vec<(String, shard::Shard)>>,
}

impl Parts {
    /// Every municipality code with services of its own in the catalogue, fetched or not:
    /// offered as areas.
    pub fn municipalities_with_services(&self) -> Vec<String> {
        self.manifest.with_value(|m| {
            m.shards
                .iter()
                .flat_map(|s| s.municipalities.iter().cloned())
                .collect()
        })
    }

    /// Whether every shard the scope names is merged (tracked: a count waiting on it appears
    /// when they are). Shards count as loaded only as the engine changes, so only the engine is
    /// tracked: the status changes with each of the whole country's 330 arrivals, and each
    /// change would ask this again for every area the filters offer.
    pub fn has(&self, scope: &Scope) -> bool {
        self.engine.track();
        let wanted = self.wanted(scope);
        self.status
            .with_untracked(|s| wanted.iter().all(|k| s.loaded.contains(k)))
    }

    /// The keys of the shards the scope needs that the catalogue has.
    fn wanted(&self, scope: &Scope) -> Vec<String> {
        self.manifest.with_value(
            |m| match scope.shards(&self.engine.read_untracked().catalogue) {
                None => m.shards.iter().map(|s| s.key.clone()).collect(),
                Some(areas) => areas
                    .iter()
                    .map(|a| a.key())
                    .filter(|k| m.shard(k).is_some())
                    .collect(),
            },
        )
    }

    /// Fetches, in the background, the shards of the scope not yet merged, fetching or failed.
    pub fn ensure(&self, scope: &Scope) {
        let new: Vec<String> = self.status.with_untracked(|s| {
            self.wanted(scope)
                .into_iter()
                .filter(|c| {
                    !s.loaded.contains(c)
                        && !s.pending.contains(c)
                        && !s.failed.iter().any(|f| &f.0 == c)
                })
                .collect()
        });
        if new.is_empty() {
            return;
        }
        let country = *scope == Scope::Country;
        self.status.update(|s| {
            s.pending.extend(new.iter().cloned());
            s.country |= country;
        });
        self.waiting.update_value(|w| w.extend(new));
        while self.fetchers.get_value() < FETCHERS {
            self.fetchers.update_value(|n| *n += 1);
            let parts = *self;
            wasm_bindgen_futures::spawn_local(async move {
                while let Some(key) = parts.waiting.try_update_value(|w| w.pop_front()).flatten() {
                    let got = parts.fetch_shard(&key).await;
                    parts.take(&key, got);
                    parts.queue_rebuild();
                }
                parts.fetchers.update_value(|n| *n -= 1);
            });
        }
    }

    /// The shard, from the network, else from its saved copy of this build; and whether this
    /// device now keeps it.
    async fn fetch_shard(&self, key: &str) -> Result<Fetched, String> {
        let (file, built) = self.manifest.with_value(|m| {
            (
                m.shard(key).map(|s| s.file.clone()).unwrap_or_default(),
                self.engine.read_untracked().catalogue.built.clone(),
            )
        });
        let saved_as = format!("parts/{key}");
        let newest = if self.saved_build_only {
            Err(format!(
                "parts/{file}: not used, the common part shown is a saved copy"
            ))
        } else {
            newest(&format!("parts/{file}"), |b| {
                shard::decode(b).map_err(|e| e.to_string())
            })
            .await
        };
        match newest {
            Ok((bytes, shard)) if shard.built == built => {
                let kept = save(&saved_as, &bytes, &built, &file).await;
                Ok(Fetched {
                    shard,
                    note: None,
                    kept,
                })
            }
            Ok((_, shard)) => Err(format!(
                "parts/{file} was built at {}, the catalogue at {built}",
                shard.built
            )),
            Err(problem) => match saved(&saved_as).await {
                Some((bytes, saved_built)) if saved_built == built => {
                    let shard = shard::decode(&bytes)
                        .map_err(|e| format!("{problem}; the saved copy: {e}"))?;
                    let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
                    // Offline, the saved copy is simply how the app works, and behind a saved
                    // common part the notice about it says it all; otherwise say why.
                    let note = (!offline && !self.saved_build_only).then_some(Fallback {
                        problem,
                        built: saved_built,
                    });
                    Ok(Fetched {
                        shard,
                        note,
                        kept: true,
                    })
                }
                _ => Err(problem),
            },
        }
    }

    /// A shard that has arrived waits for the next rebuild; one that could not be had is named.
    fn take(&self, key: &str, got: Result<Fetched, String>) {
        match got {
            Ok(Fetched { shard, note, kept }) => {
                self.arrived
                    .update_value(|a| a.push((key.to_string(), shard)));
                if note.is_some() || kept {
                    // Named in the manifest's order (nationwide, counties, municipalities),
                    // not in the order the downloads happened to finish.
                    self.status.update(|s| {
                        s.fallbacks.extend(note);
                        if kept {
                            self.manifest
                                .with_value(|m| m.insert_in_order(&mut s.offline, key));
                        }
                    });
                }
            }
            Err(problem) => self.fail(key, problem),
        }
    }

    fn fail(&self, key: &str, problem: String) {
        web_sys::console::warn_1(&format!("Perheopas: shard {key}: {problem}").into());
        self.status.update(|s| {
            s.pending.retain(|c| c != key);
            s.failed.push((key.to_string(), problem));
        });
    }

    /// Merges the shards that have arrived, all at once (`shard::merge_many`: one check of the
    /// whole, not one per shard), builds the new engine, and counts them as loaded in the same
    /// step, so no view sees a shard as loaded before its services. The work is done in steps
    /// ([`page_pause`]): for the whole country it takes seconds on a phone, and the family goes
    /// on typing, searched by the engine it has, meanwhile. At the start (`in_steps` false)
    /// there is nothing to type into yet and the first results wait for it: it runs at once.
    async fn rebuild(&self, in_steps: bool) {
        let arrived = std::mem::take(&mut *self.arrived.write_value());
        if arrived.is_empty() {
            return;
        }
        let (keys, shards): (Vec<String>, Vec<shard::Shard>) = arrived.into_iter().unzip();
        let mut pause = page_pause();
        let mut pace = if in_steps {
            Pace::new(PACE_UNITS, &mut pause)
        } else {
            Pace::never()
        };
        // The catalogue lives in the engine only (50 000 services are some 100 MB in memory):
        // a copy is merged into, and the old engine goes once no view holds it.
        crate::timing::mark("merge-start");
        let old = self.engine.get_untracked();
        let mut cat = shard::copy_in_steps(&old.catalogue, &mut pace).await;
        let refused = shard::merge_many_in_steps(&mut cat, shards, &mut pace).await;
        let refused: Vec<String> = refused
            .into_iter()
            .map(|(area, problem)| {
                let key = area.key();
                self.fail(&key, problem);
                key
            })
            .collect();
        crate::timing::mark("merged");
        let engine = Engine::build(cat, &mut pace).await;
        crate::timing::mark("engine-built");
        self.engine.set(Arc::new(engine));
        crate::timing::mark("engine-shown");
        self.status.update(|s| {
            s.pending.retain(|c| !keys.contains(c));
            s.loaded
                .extend(keys.into_iter().filter(|k| !refused.contains(k)));
        });
        // The views let go of the old engine as they redraw with the new one; then it is freed
        // in steps too, unless some view still holds it. (At the start it is the common part
        // alone, and no view has drawn it yet.)
        if in_steps {
            sleep(0).await;
            if let Ok(old) = Arc::try_unwrap(old) {
                old.drop_in_steps(&mut pace).await;
            }
        }
        crate::timing::mark("merge-end");
    }

    /// Rebuilds the engine once the shards that have arrived are merged. A rebuild takes
    /// seconds of work for the whole country on a phone, so shards arriving together wait for
    /// each other: the rebuild comes when every shard asked for is in, or at the latest
    /// [`REBUILD_WAIT_MS`] after the first, so results still grow while a slow network brings
    /// the rest. One rebuild runs at a time; shards arriving during it get the next, which waits
    /// at least twice as long as the last rebuild took: each rebuild redoes the whole engine,
    /// and a slow phone would otherwise spend most of its time rebuilding for a few shards.
    fn queue_rebuild(&self) {
        if self.rebuild_queued.get_value() {
            return;
        }
        self.rebuild_queued.set_value(true);
        let parts = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let started = js_sys::Date::now();
            let wait = REBUILD_WAIT_MS.max(2.0 * parts.last_rebuild_ms.get_value());
            loop {
                sleep(50).await;
                // Every shard still pending has arrived (an arrived one stays pending until
                // it is merged; a failed one is no longer pending).
                let waiting = parts.arrived.with_value(Vec::len)
                    < parts.status.with_untracked(|s| s.pending.len());
                if !waiting || js_sys::Date::now() - started > wait {
                    break;
                }
            }
            let began = js_sys::Date::now();
            parts.rebuild(true).await;
            parts.last_rebuild_ms.set_value(js_sys::Date::now() - began);
            parts.rebuild_queued.set_value(false);
            if parts.arrived.with_value(|a| !a.is_empty()) {
                parts.queue_rebuild();
            }
        });
    }

    /// Which shards, in their current version, the device kept on earlier visits, for
    /// "available offline"; read once at the start, then added to as shards are saved.
    async fn find_offline(&self) {
        let Some(cache) = open_cache().await else {
            return;
        };
        let (shards, built) = self
            .manifest
            .with_value(|m| (m.shards.clone(), m.built.clone()));
        let mut kept = Vec::new();
        for s in shards {
            let saved_as = format!("parts/{}", s.key);
            if let Some(r) = await_js::<web_sys::Response>(cache.match_with_str(&saved_as)).await {
                let h = r.headers();
                if h.get(FILE_HEADER).ok().flatten().as_deref() == Some(s.file.as_str())
                    && h.get(BUILT_HEADER).ok().flatten().as_deref() == Some(built.as_str())
                {
                    kept.push(s.key);
                }
            }
        }
        // Shards saved meanwhile are already listed: this adds, never replaces.
        self.status.update(|s| {
            self.manifest.with_value(|m| {
                for k in &kept {
                    m.insert_in_order(&mut s.offline, k);
                }
            })
        });
    }
}

/// Reads the manifest and the common part, then the shards of the counties the start address
/// or the remembered home names, and builds the engine. Only a common part that can be had
/// neither fresh nor saved is an error.
///
/// `remembers`: this device may read the stored home (not a widget nor a kiosk).
/// `whole_country`: a kiosk's meeting place (`place=`) may be in any county.
pub async fn start(
    remembers: bool,
    whole_country: bool,
) -> Result<(Parts, Option<Fallback>), String> {
    let manifest = fetch_file(MANIFEST_FILE)
        .await
        .and_then(|(status, bytes)| {
            if !(200..300).contains(&status) {
                return Err(format!("HTTP {status}"));
            }
            Manifest::parse(&String::from_utf8_lossy(&bytes))
        })
        .map_err(|e| format!("{MANIFEST_FILE}: {e}"));
    crate::timing::mark("fetched");
    let newest = match &manifest {
        Ok(m) => {
            let path = format!("parts/{}", m.whole.as_ref().unwrap_or(&m.common));
            newest(&path, |b| {
                perheopas_core::asset::decode(b).map_err(|e| e.to_string())
            })
            .await
        }
        Err(e) => Err(e.clone()),
    };
    let (common, fallback) = match newest {
        Ok((bytes, cat)) => {
            let file = manifest
                .as_ref()
                .map(|m| m.whole.clone().unwrap_or_else(|| m.common.clone()))
                .unwrap_or_default();
            let built = cat.built.clone();
            wasm_bindgen_futures::spawn_local(async move {
                save("parts/common", &bytes, &built, &file).await;
            });
            (cat, None)
        }
        Err(problem) => {
            let (bytes, built) = saved("parts/common").await.ok_or_else(|| problem.clone())?;
            let cat = perheopas_core::asset::decode(&bytes)
                .map_err(|e| format!("{problem}; the saved copy: {e}"))?;
            web_sys::console::warn_1(
                &format!("Perheopas: {problem}; showing the saved catalogue of {built}").into(),
            );
            (cat, Some(Fallback { problem, built }))
        }
    };
    crate::timing::mark("decoded");
    let manifest = manifest
        .unwrap_or_else(|_| Manifest::new(common.built.clone(), String::new(), Vec::new(), None));
    // A small catalogue came whole: every shard is in it already.
    let whole = manifest.whole.is_some();
    let saved_build_only = fallback.is_some();
    let parts = Parts {
        engine: RwSignal::new(Arc::new(Engine::new(common))),
        status: RwSignal::new(Status::default()),
        manifest: StoredValue::new(manifest),
        saved_build_only,
        rebuild_queued: StoredValue::new(false),
        last_rebuild_ms: StoredValue::new(0.0),
        waiting: StoredValue::new(VecDeque::new()),
        fetchers: StoredValue::new(0),
        arrived: StoredValue::new(Vec::new()),
    };
    // The first results wait for the shards of the family's own area, and for nothing else:
    // the nationwide services follow (`ensure`, from the search's scope).
    if whole {
        let all = parts.wanted(&Scope::Country);
        parts.status.update(|s| s.loaded = all);
    }
    let scope = if whole_country {
        Scope::Country
    } else {
        start_scope(&parts.engine.read_untracked().catalogue, remembers)
    };
    let first: Vec<String> = parts
        .wanted(&scope)
        .into_iter()
        .filter(|k| scope == Scope::Country || k != "wide")
        .collect();
    parts
        .status
        .update(|s| s.pending.extend(first.iter().cloned()));
    let fetched = futures_join(first.iter().map(|k| parts.fetch_shard(k))).await;
    for (key, got) in first.iter().zip(fetched) {
        parts.take(key, got);
    }
    parts.rebuild(false).await;
    crate::timing::mark("engine");
    wasm_bindgen_futures::spawn_local(async move { parts.find_offline().await });
    Ok((parts, fallback))
}

/// The areas the start address (an area, a widget's or kiosk's preset) and the remembered home
/// name. A search of the whole country in the address is left to the background.
fn start_scope(cat: &Catalogue, remembers: bool) -> Scope {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params: Vec<(String, String)> = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| js_sys::try_iter(&p).ok().flatten())
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let pair = js_sys::Array::from(&entry.ok()?);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect();
    let (mut q, _) = Query::from_params(params.iter().map(|(k, v)| (k.as_str(), v.as_str())), cat);
    let areas_only = Query {
        counties: std::mem::take(&mut q.counties),
        municipalities: std::mem::take(&mut q.municipalities),
        service_areas: std::mem::take(&mut q.service_areas),
        ..Query::default()
    };
    let (counties, mut municipalities) = match shard::scope(cat, &areas_only) {
        Scope::Areas {
            counties,
            municipalities,
        } => (counties, municipalities),
        Scope::Country => (Vec::new(), Vec::new()),
    };
    let home = remembers.then(crate::state::stored_home).flatten();
    if let Some(m) = home.and_then(|m| cat.municipality_by_code(&m)) {
        municipalities.push(m as u16);
    }
    perheopas_core::order::sort_dedup(&mut municipalities);
    Scope::Areas {
        counties,
        municipalities,
    }
}

/// Runs the futures together and gives their outputs in order.
async fn futures_join<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let futures: Vec<_> = futures.map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    let mut futures: Vec<Option<_>> = futures.into_iter().map(Some).collect();
    std::future::poll_fn(move |cx| {
        let mut done = true;
        for (f, out) in futures.iter_mut().zip(outputs.iter_mut()) {
            if let Some(fut) = f {
                match fut.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => {
                        *out = Some(v);
                        *f = None;
                    }
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(outputs.iter_mut().map(|o| o.take().unwrap()).collect())
        } else {
            std::task::Poll::Pending
        }
    })
    .await
}

/// How long arrived shards wait for the rest of a batch before they are merged anyway.
const REBUILD_WAIT_MS: f64 = 1500.0;

/// Yields to the browser for `ms` (a timer task), so input waiting to be handled goes first.
/// Shards fetched at once: a few more than the six connections a browser opens to one host
/// over HTTP/1.1, so an HTTP/2 host is kept busy too.
const FETCHERS: usize = 8;
/// Units of work (services, words) between two looks at the clock in a stepped rebuild.
const PACE_UNITS: u32 = 32;
/// How long a stepped rebuild holds the page before letting it handle input and paint: well
/// under a frame's worth on a desktop, a few frames on a slow phone.
const PACE_SLICE_MS: f64 = 8.0;

/// The pause of a stepped rebuild: gives the page its thread back once the work has held it
/// for [`PACE_SLICE_MS`].
fn page_pause() -> impl FnMut() -> Pause {
    let since = std::rc::Rc::new(std::cell::Cell::new(js_sys::Date::now()));
    move || -> Pause {
        if js_sys::Date::now() - since.get() < PACE_SLICE_MS {
            return Box::pin(std::future::ready(()));
        }
        let since = since.clone();
        Box::pin(async move {
            sleep(0).await;
            since.set(js_sys::Date::now());
        })
    }
}

async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// A part fetched and read, or what was wrong with it, naming the file.
async fn newest<T>(
    path: &str,
    read: impl Fn(&[u8]) -> Result<T, String>,
) -> Result<(Vec<u8>, T), String> {
    let (status, bytes) = fetch_file(path).await.map_err(|e| format!("{path}: {e}"))?;
    if !(200..300).contains(&status) {
        return Err(format!("{path}: HTTP {status}"));
    }
    let value = read(&bytes).map_err(|e| format!("{path}: {e}"))?;
    Ok((bytes, value))
}

/// The download of `path` that `boot.js` began while the page was read
/// (`window.perheopasBegun`), taken once: a later load asks the network again. `None` where
/// there is none, as when the page's own script did not run.
async fn begun(path: &str) -> Option<Download> {
    let window = web_sys::window()?;
    let all = js_sys::Reflect::get(&window, &JsValue::from_str("perheopasBegun")).ok()?;
    let key = JsValue::from_str(path);
    let promise = js_sys::Reflect::get(&all, &key)
        .ok()?
        .dyn_into::<Promise>()
        .ok()?;
    let _ = js_sys::Reflect::delete_property(all.unchecked_ref::<js_sys::Object>(), &key);
    Some(match JsFuture::from(promise).await {
        Ok(done) => {
            let field = |name: &str| js_sys::Reflect::get(&done, &JsValue::from_str(name)).ok();
            let status = field("status").and_then(|s| s.as_f64()).map(|s| s as u16);
            let bytes = field("bytes").and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>().ok());
            match (status, bytes) {
                (Some(status), Some(bytes)) => Ok((status, Uint8Array::new(&bytes).to_vec())),
                _ => Err("the page's download gave no status and bytes".to_string()),
            }
        }
        Err(e) => Err(js_error(&e)),
    })
}

/// A file's status and bytes: the page's early download if it began one, else a new one.
async fn fetch_file(path: &str) -> Download {
    match begun(path).await {
        Some(d) => d,
        None => download(path).await,
    }
}

/// Keeps a part for a later visit whose download goes wrong; an unchanged one is not written
/// again. Failing to save only costs that safety net, so it is logged, not shown. Whether the
/// device keeps it now.
async fn save(key: &str, bytes: &[u8], built: &str, file: &str) -> bool {
    let Some(cache) = open_cache().await else {
        return false;
    };
    if let Some(old) = await_js::<web_sys::Response>(cache.match_with_str(key)).await {
        if old.headers().get(FILE_HEADER).ok().flatten().as_deref() == Some(file)
            && old.headers().get(BUILT_HEADER).ok().flatten().as_deref() == Some(built)
        {
            return true;
        }
    }
    let init = web_sys::ResponseInit::new();
    let stored = web_sys::Headers::new()
        .and_then(|h| {
            h.set("content-type", "application/octet-stream")?;
            h.set(BUILT_HEADER, built)?;
            h.set(FILE_HEADER, file)?;
            Ok(h)
        })
        .and_then(|h| {
            init.set_headers_headers(&h);
            web_sys::Response::new_with_opt_js_u8_array_and_init(
                Some(&Uint8Array::from(bytes)),
                &init,
            )
        });
    let result = match stored {
        Ok(response) => JsFuture::from(cache.put_with_str(key, &response))
            .await
            .map(|_| ()),
        Err(e) => Err(e),
    };
    let kept = result.is_ok();
    if let Err(e) = result {
        web_sys::console::warn_2(
            &JsValue::from_str("Perheopas: could not keep a copy of {key}"),
            &e,
        );
    }
    kept
}

/// A saved part's bytes and build.
async fn saved(key: &str) -> Option<(Vec<u8>, String)> {
    let cache = open_cache().await?;
    let response = await_js::<web_sys::Response>(cache.match_with_str(key)).await?;
    let built = response.headers().get(BUILT_HEADER).ok().flatten()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some((Uint8Array::new(&buffer).to_vec(), built))
}
