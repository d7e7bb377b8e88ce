//! Data for the peer benchmark page (`benchpage/`): one generated catalogue written twice, as
//! our compiled asset and as plain records for MiniSearch, plus the benchmark's queries with the
//! filter groups MiniSearch needs to apply the same selections.
//!
//! Each record carries facet tokens (`level:basic`, `area:m:091`, `age:4`…). A selection becomes
//! a group of tokens, and a record passes a group when it holds any of them; that is the same
//! "any within a facet, all across facets" rule the engine applies. Records also list the values
//! they are counted under (ages as the engine's six bands), so both sides count the same facet
//! values over the same records.

use std::path::Path;

use perheopas_core::facets::Engine;
use perheopas_core::filter::Query;
use perheopas_core::model::{Access, Catalogue, Cost, Service};
use serde_json::{json, Value};

/// The moment "open now" is evaluated at, on both sides.
pub const NOW: &str = "2026-11-24T12:00:00";

/// Ages (years, −1 = pregnancy) a record is tagged with.
const AGES: std::ops::RangeInclusive<i8> = -1..=30;

fn text_of<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts.into_iter().collect::<Vec<_>>().join(" ")
}

/// The searchable text of a service, in the fields our index weighs differently.
fn record(cat: &Catalogue, i: usize, s: &Service, open: bool) -> Value {
    let t = cat.service_type(s);
    let mut place: Vec<&str> = cat.organisation(s).name.all().collect();
    for d in &s.delivery {
        place.extend(d.name.all());
        if let Some(a) = &d.address {
            place.extend(cat.municipalities[a.municipality as usize].name.all());
        }
    }
    for &m in &s.areas.municipalities {
        place.extend(cat.municipalities[m as usize].name.all());
    }
    for &c in &s.areas.counties {
        place.extend(cat.counties[c as usize].name.all());
    }
    json!({
        "id": i,
        "name": text_of(s.name.all()),
        "type": text_of(t.name.all()),
        "place": text_of(place),
        "summary": text_of(s.summary.all()),
        "description": text_of(s.description.all().chain(s.how_to_get.all())),
        "f": tokens(cat, s, open),
        "c": count_tokens(cat, s, open),
    })
}

/// Facet tokens of a service, mirroring how the engine decides each facet.
fn tokens(cat: &Catalogue, s: &Service, open: bool) -> Vec<String> {
    let t = cat.service_type(s);
    let mut out = vec![
        format!("level:{}", t.level.id()),
        format!("category:{}", t.category),
    ];
    if s.areas.nationwide {
        out.push("area:*".into());
    } else {
        let mut munis: Vec<u16> = s.areas.municipalities.clone();
        munis.extend(
            s.delivery
                .iter()
                .filter_map(|d| d.address.as_ref().map(|a| a.municipality)),
        );
        let mut counties: Vec<u16> = s.areas.counties.clone();
        counties.extend(munis.iter().map(|&m| cat.municipalities[m as usize].county));
        // A county-wide service serves each municipality of the county.
        for (m, muni) in cat.municipalities.iter().enumerate() {
            if s.areas.counties.contains(&muni.county) {
                munis.push(m as u16);
            }
        }
        munis.sort_unstable();
        munis.dedup();
        counties.sort_unstable();
        counties.dedup();
        out.extend(
            munis
                .iter()
                .map(|&m| format!("area:m:{}", cat.municipalities[m as usize].code)),
        );
        out.extend(
            counties
                .iter()
                .map(|&c| format!("area:c:{}", cat.counties[c as usize].code)),
        );
    }
    out.extend(
        AGES.filter(|&a| s.age_max >= f32::from(a) && s.age_min <= f32::from(a))
            .map(|a| format!("age:{a}")),
    );
    out.extend(s.languages.iter().map(|l| format!("language:{l}")));
    if s.cost == Cost::Free {
        out.push("free:1".into());
    }
    if s.access == Access::None {
        out.push("self:1".into());
    }
    out.push(format!("provider:{}", cat.organisation(s).kind.id()));
    let mut channels: Vec<&str> = s.delivery.iter().map(|d| d.channel.id()).collect();
    channels.sort_unstable();
    channels.dedup();
    out.extend(channels.iter().map(|c| format!("channel:{c}")));
    if open {
        out.push("open:1".into());
    }
    let mut features: Vec<&str> = s
        .delivery
        .iter()
        .filter(|d| d.address.is_some())
        .flat_map(|d| d.accessibility.iter().map(|a| a.id()))
        .collect();
    features.sort_unstable();
    features.dedup();
    out.extend(features.iter().map(|f| format!("feature:{f}")));
    out
}

/// The values a service is counted under in the facet panel: the filter tokens, with ages as the
/// engine's age bands (one count per band) rather than single years.
fn count_tokens(cat: &Catalogue, s: &Service, open: bool) -> Vec<String> {
    let mut out: Vec<String> = tokens(cat, s, open)
        .into_iter()
        .filter(|t| !t.starts_with("age:"))
        .collect();
    out.extend(
        perheopas_core::filter::AGE_BANDS
            .iter()
            .enumerate()
            .filter(|(_, (a, b))| s.age_max >= f32::from(*a) && s.age_min <= f32::from(*b))
            .map(|(i, _)| format!("age:band{i}")),
    );
    out
}

/// The selections of a query as token groups (any token within a group, every group).
fn groups(q: &Query) -> Result<Vec<Value>, String> {
    let group = |facet: &str, tokens: Vec<String>| json!({ "facet": facet, "tokens": tokens });
    let mut out = Vec::new();
    let each = |facet: &str, values: &mut dyn Iterator<Item = String>| {
        values.map(|v| format!("{facet}:{v}")).collect::<Vec<_>>()
    };
    if !q.levels.is_empty() {
        out.push(group(
            "level",
            each("level", &mut q.levels.iter().map(|l| l.id().to_string())),
        ));
    }
    if !q.categories.is_empty() {
        out.push(group(
            "category",
            each("category", &mut q.categories.iter().cloned()),
        ));
    }
    if !q.municipalities.is_empty() || !q.counties.is_empty() {
        let mut tokens = vec!["area:*".to_string()];
        tokens.extend(q.municipalities.iter().map(|m| format!("area:m:{m}")));
        tokens.extend(q.counties.iter().map(|c| format!("area:c:{c}")));
        out.push(group("area", tokens));
    }
    if let Some((a, b)) = q.age {
        out.push(group("age", (a..=b).map(|n| format!("age:{n}")).collect()));
    }
    if !q.languages.is_empty() {
        out.push(group(
            "language",
            each("language", &mut q.languages.iter().cloned()),
        ));
    }
    for (on, facet) in [
        (q.free, "free"),
        (q.contact_self, "self"),
        (q.open_now, "open"),
    ] {
        if on {
            out.push(group(facet, vec![format!("{facet}:1")]));
        }
    }
    if !q.providers.is_empty() {
        out.push(group(
            "provider",
            each(
                "provider",
                &mut q.providers.iter().map(|p| p.id().to_string()),
            ),
        ));
    }
    if !q.channels.is_empty() {
        out.push(group(
            "channel",
            each(
                "channel",
                &mut q.channels.iter().map(|c| c.id().to_string()),
            ),
        ));
    }
    match q.features.len() {
        0 => {}
        1 => out.push(group(
            "feature",
            vec![format!("feature:{}", q.features[0].id())],
        )),
        // Tokens are per service, while the engine wants every feature at one place.
        _ => return Err("the peer benchmark compares single accessibility features only".into()),
    }
    Ok(out)
}

/// The query as `key=value&…` for the Wasm side, which reads it with `Query::from_params`.
fn params(q: &Query) -> Result<String, String> {
    let pairs = q.to_params();
    if let Some((k, v)) = pairs.iter().find(|(_, v)| v.contains(['&', '='])) {
        return Err(format!(
            "benchmark query {k}={v} cannot be written as a plain parameter"
        ));
    }
    Ok(pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&"))
}

/// Writes `catalogue.bin`, `records.json` and `cases.json` for `services` generated services.
pub fn write(services: usize, out: &Path) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let cat = crate::bench::generated(services);
    let asset = perheopas_core::asset::encode(&cat);
    let engine = Engine::new(cat);
    let now = chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S")
        .map_err(|e| e.to_string())?;
    let open = engine.open_at(now);
    let cat = &engine.catalogue;
    let records: Vec<Value> = cat
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| record(cat, i, s, open[i]))
        .collect();
    let cases = crate::bench::cases(&engine)
        .into_iter()
        .map(|(name, q)| Ok(json!({ "name": name, "params": params(&q)?, "text": q.text, "groups": groups(&q)? })))
        .collect::<Result<Vec<Value>, String>>()?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    let case_count = cases.len();
    write("catalogue.bin", &asset)?;
    write(
        "records.json",
        &serde_json::to_vec(&records).map_err(|e| e.to_string())?,
    )?;
    write(
        "cases.json",
        &serde_json::to_vec(&json!({ "now": NOW, "cases": cases })).map_err(|e| e.to_string())?,
    )?;
    println!(
        "peer benchmark data: {} services, {} cases, in {}",
        records.len(),
        case_count,
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use perheopas_core::model::Level;

    /// The token rule must pick the same services as the engine, or the comparison is unfair.
    #[test]
    fn token_groups_select_what_the_engine_selects() {
        let engine = Engine::new(crate::bench::generated(3000));
        let now = chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M:%S").unwrap();
        let open = engine.open_at(now);
        let cat = &engine.catalogue;
        let toks: Vec<Vec<String>> = cat
            .services
            .iter()
            .enumerate()
            .map(|(i, s)| tokens(cat, s, open[i]))
            .collect();
        let mut checked = 0;
        for (name, q) in crate::bench::cases(&engine) {
            let q = Query {
                text: String::new(),
                ..q
            };
            let gs = groups(&q).unwrap();
            let picked: Vec<u32> = (0..cat.services.len() as u32)
                .filter(|&i| {
                    gs.iter().all(|g| {
                        g["tokens"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|t| toks[i as usize].iter().any(|x| x == t.as_str().unwrap()))
                    })
                })
                .collect();
            let mut expected = engine.run(&q, Some(&open)).hits;
            expected.sort_unstable();
            assert_eq!(picked, expected, "{name}");
            checked += 1;
        }
        assert!(checked > 10);
        let q = Query {
            levels: vec![Level::Basic],
            ..Query::default()
        };
        assert_eq!(params(&q).unwrap(), "level=basic");
    }
}
