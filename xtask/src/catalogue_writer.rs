//! Writes catalogue records as TOML files in the `data/` format, checks them with the same
//! compiler the build uses, and puts them on disk all at once or not at all. Shared by every
//! importer (PTV, HSDS) and by the scale test.
//!
//! Records here mirror the source files, with string ids (organisation id, service type id,
//! municipality codes), so importers never deal with the compiled model's indexes. Strings are
//! escaped by the `toml` crate; the layout (dotted `name.fi = …` keys, one record after another)
//! follows the hand-edited files so an imported file reads like the others in a diff.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use perheopas_core::model::*;
use perheopas_core::source::{
    compile, Problem, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE,
};

const MUNIS: &str = include_str!("../../data/reference/municipalities.csv");
const TYPES: &str = include_str!("../../data/reference/service_types.csv");

/// First line of every written file: only files starting with it are ever overwritten or removed.
pub const MARKER: &str = "# Written by perheopas-xtask";

// ------------------------------------------------------------------------------------ records

#[derive(Clone, Debug, PartialEq)]
pub struct OrgRecord {
    pub id: String,
    pub kind: OrgKind,
    pub name: Text,
    pub website: Option<String>,
}

/// A wellbeing services county's single contact point (`[[county]]`).
#[derive(Clone, Debug, PartialEq)]
pub struct CountyRecord {
    pub code: String,
    pub contact: ContactPoint,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AddressRecord {
    pub street: Text,
    pub postcode: String,
    pub post_office: Text,
    pub municipality: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PhoneRecord {
    pub number: String,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeliveryRecord {
    pub channel: Channel,
    pub name: Option<Text>,
    pub address: Option<AddressRecord>,
    /// WGS84 (lat, lon).
    pub location: Option<(f64, f64)>,
    pub accessibility: Vec<Accessibility>,
    pub accessibility_note: Option<Text>,
    pub phones: Vec<PhoneRecord>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub booking: Option<String>,
    pub hours: Option<String>,
    pub hours_note: Option<Text>,
    pub walk_in: bool,
}

impl DeliveryRecord {
    pub fn new(channel: Channel) -> DeliveryRecord {
        DeliveryRecord {
            channel,
            name: None,
            address: None,
            location: None,
            accessibility: vec![],
            accessibility_note: None,
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: None,
            hours_note: None,
            walk_in: false,
        }
    }
}

/// A `[[service]]`. Optional texts are `None` when the file leaves them out; the machine flags
/// belong to the service, as in the files (the `machine` field of each `Text` is not written).
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceRecord {
    pub id: String,
    pub source_id: Option<String>,
    pub organisation: String,
    pub service_type: String,
    pub name: Text,
    pub summary: Option<Text>,
    pub description: Option<Text>,
    pub how_to_get: Option<Text>,
    /// `None` keeps the service type's ages.
    pub ages: Option<(f32, f32)>,
    pub target_groups: Vec<String>,
    pub languages: Vec<String>,
    pub language_note: Option<Text>,
    pub cost: Cost,
    pub cost_text: Option<Text>,
    /// `None` keeps the service type's access.
    pub access: Option<Access>,
    /// Municipality codes, `county:<code>`, `nationwide`.
    pub areas: Vec<String>,
    pub status: Status,
    /// YYYY-MM-DD, the last day of a temporary closure.
    pub closed_until: Option<String>,
    pub alert: Option<Text>,
    /// YYYY-MM-DD.
    pub last_checked: String,
    pub source: Option<String>,
    pub machine_translated: Vec<Lang>,
    pub delivery: Vec<DeliveryRecord>,
}

impl ServiceRecord {
    pub fn new(
        id: String,
        organisation: String,
        service_type: String,
        name: Text,
    ) -> ServiceRecord {
        ServiceRecord {
            id,
            source_id: None,
            organisation,
            service_type,
            name,
            summary: None,
            description: None,
            how_to_get: None,
            ages: None,
            target_groups: vec![],
            languages: vec![],
            language_note: None,
            cost: Cost::Free,
            cost_text: None,
            access: None,
            areas: vec![],
            status: Status::Active,
            closed_until: None,
            alert: None,
            last_checked: String::new(),
            source: None,
            machine_translated: vec![],
            delivery: vec![],
        }
    }
}

/// Everything one import writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Records {
    /// Demonstration data: written as `[catalogue] sample = true`.
    pub sample: bool,
    pub organisations: Vec<OrgRecord>,
    pub counties: Vec<CountyRecord>,
    pub services: Vec<ServiceRecord>,
}

// ------------------------------------------------------------------------------------ from the model

/// A text as the file holds it: absent when the compiler would have produced the default. A text
/// given but left blank still carries the service's machine flags, so it is kept as `{}`.
fn opt(t: &Text) -> Option<Text> {
    (!t.is_empty() || !t.machine.is_empty()).then(|| t.clone())
}

/// The source records of a compiled catalogue: compiling what [`render`] makes of them gives the
/// same catalogue back (the build time is the caller's).
pub fn from_catalogue(cat: &Catalogue) -> Records {
    let counties = cat
        .counties
        .iter()
        .filter_map(|c| {
            c.contact.as_ref().map(|contact| CountyRecord {
                code: c.code.clone(),
                contact: contact.clone(),
            })
        })
        .collect();
    let organisations = cat
        .organisations
        .iter()
        .map(|o| OrgRecord {
            id: o.id.clone(),
            kind: o.kind,
            name: o.name.clone(),
            website: o.website.clone(),
        })
        .collect();
    let services = cat
        .services
        .iter()
        .map(|s| service_record(cat, s))
        .collect();
    Records {
        sample: cat.sample,
        organisations,
        counties,
        services,
    }
}

fn service_record(cat: &Catalogue, s: &Service) -> ServiceRecord {
    let ty = cat.service_type(s);
    let mut areas = Vec::new();
    if s.areas.nationwide {
        areas.push("nationwide".to_string());
    }
    areas.extend(
        s.areas
            .counties
            .iter()
            .map(|&c| format!("county:{}", cat.counties[c as usize].code)),
    );
    areas.extend(
        s.areas
            .municipalities
            .iter()
            .map(|&m| cat.municipalities[m as usize].code.clone()),
    );
    let delivery = s
        .delivery
        .iter()
        .map(|d| DeliveryRecord {
            channel: d.channel,
            name: opt(&d.name),
            address: d.address.as_ref().map(|a| AddressRecord {
                street: a.street.clone(),
                postcode: a.postcode.clone(),
                post_office: a.post_office.clone(),
                municipality: cat.municipalities[a.municipality as usize].code.clone(),
            }),
            location: d
                .location
                .map(|(lat, lon)| (f32_as_f64(lat), f32_as_f64(lon))),
            accessibility: d.accessibility.clone(),
            accessibility_note: opt(&d.accessibility_note),
            phones: d
                .phones
                .iter()
                .map(|p| PhoneRecord {
                    number: p.number.clone(),
                    note: opt(&p.note),
                })
                .collect(),
            email: d.email.clone(),
            web: d.web.clone(),
            booking: d.booking.clone(),
            hours: d.hours.clone(),
            hours_note: opt(&d.hours_note),
            walk_in: d.walk_in,
        })
        .collect();
    ServiceRecord {
        id: s.id.clone(),
        source_id: s.source_id.clone(),
        organisation: cat.organisation(s).id.clone(),
        service_type: ty.id.clone(),
        name: s.name.clone(),
        summary: opt(&s.summary),
        description: opt(&s.description),
        how_to_get: opt(&s.how_to_get),
        ages: (s.age_min != ty.age_min || s.age_max != ty.age_max)
            .then_some((s.age_min, s.age_max)),
        target_groups: s.target_groups.clone(),
        languages: s.languages.clone(),
        language_note: opt(&s.language_note),
        cost: s.cost,
        cost_text: opt(&s.cost_text),
        access: (s.access != ty.access).then_some(s.access),
        areas,
        status: s.status,
        closed_until: s.closed_until.clone(),
        alert: opt(&s.alert),
        last_checked: s.last_checked.clone(),
        source: s.source.clone(),
        // Every text of a service carries the service's flags; the name is always there.
        machine_translated: s.name.machine.clone(),
        delivery,
    }
}

/// The shortest decimal that reads back as the same `f32`, as an `f64`: the files then say
/// `61.90687`, not `61.906871795654297`. Falls back to the exact value where double rounding
/// (decimal → f64 → f32) would land elsewhere.
pub fn f32_as_f64(x: f32) -> f64 {
    let short: f64 = format!("{x}").parse().unwrap_or(x as f64);
    if short as f32 == x {
        short
    } else {
        x as f64
    }
}

// ------------------------------------------------------------------------------------ TOML

fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn float(x: f64) -> String {
    toml::Value::Float(x).to_string()
}

fn strings<S: AsRef<str>>(items: &[S]) -> String {
    toml::Value::Array(
        items
            .iter()
            .map(|s| toml::Value::String(s.as_ref().to_string()))
            .collect(),
    )
    .to_string()
}

fn langs(t: &Text) -> Vec<(&'static str, &str)> {
    let mut v = Vec::new();
    if !t.fi.is_empty() {
        v.push(("fi", t.fi.as_str()));
    }
    for (code, s) in [("sv", &t.sv), ("en", &t.en)] {
        if let Some(s) = s.as_deref().filter(|s| !s.is_empty()) {
            v.push((code, s));
        }
    }
    v
}

/// `key.fi = "…"` lines; a blank text as `key = {}`.
fn text_lines(out: &mut String, key: &str, t: &Text) {
    let parts = langs(t);
    if parts.is_empty() {
        out.push_str(&format!("{key} = {{}}\n"));
    }
    for (l, s) in parts {
        out.push_str(&format!("{key}.{l} = {}\n", string(s)));
    }
}

/// `key.fi = "…", key.sv = "…"` inside an inline table; a blank text as `key = {}`.
fn text_inline(key: &str, t: &Text) -> String {
    let parts = langs(t);
    if parts.is_empty() {
        return format!("{key} = {{}}");
    }
    parts
        .iter()
        .map(|(l, s)| format!("{key}.{l} = {}", string(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn opt_text(out: &mut String, key: &str, t: &Option<Text>) {
    if let Some(t) = t {
        text_lines(out, key, t);
    }
}

fn opt_string(out: &mut String, key: &str, v: &Option<String>) {
    if let Some(v) = v {
        out.push_str(&format!("{key} = {}\n", string(v)));
    }
}

pub fn organisation_toml(out: &mut String, o: &OrgRecord) {
    out.push_str(&format!(
        "\n[[organisation]]\nid = {}\nkind = {}\n",
        string(&o.id),
        string(o.kind.id())
    ));
    text_lines(out, "name", &o.name);
    opt_string(out, "website", &o.website);
}

pub fn county_toml(out: &mut String, c: &CountyRecord) {
    out.push_str(&format!("\n[[county]]\ncode = {}\n", string(&c.code)));
    text_lines(out, "contact.name", &c.contact.name);
    opt_string(out, "contact.phone", &c.contact.phone);
    opt_string(out, "contact.web", &c.contact.web);
    opt_string(out, "contact.hours", &c.contact.hours);
}

pub fn service_toml(out: &mut String, s: &ServiceRecord) {
    out.push_str(&format!(
        "\n[[service]]\nid = {}\norganisation = {}\ntype = {}\n",
        string(&s.id),
        string(&s.organisation),
        string(&s.service_type)
    ));
    opt_string(out, "source_id", &s.source_id);
    text_lines(out, "name", &s.name);
    opt_text(out, "summary", &s.summary);
    opt_text(out, "description", &s.description);
    opt_text(out, "how_to_get", &s.how_to_get);
    if let Some((a, b)) = s.ages {
        out.push_str(&format!(
            "ages = [{}, {}]\n",
            float(f32_as_f64(a)),
            float(f32_as_f64(b))
        ));
    }
    if !s.target_groups.is_empty() {
        out.push_str(&format!("target_groups = {}\n", strings(&s.target_groups)));
    }
    out.push_str(&format!("languages = {}\n", strings(&s.languages)));
    opt_text(out, "language_note", &s.language_note);
    out.push_str(&format!("cost = {}\n", string(s.cost.id())));
    opt_text(out, "cost_text", &s.cost_text);
    if let Some(a) = s.access {
        out.push_str(&format!("access = {}\n", string(a.id())));
    }
    out.push_str(&format!("areas = {}\n", strings(&s.areas)));
    if s.status == Status::TemporarilyClosed {
        out.push_str("status = \"temporarily_closed\"\n");
    }
    if let Some(d) = &s.closed_until {
        // A TOML date, as the check reads it; anything else as a string, so the check names it.
        match d.parse::<toml::value::Datetime>() {
            Ok(d) => out.push_str(&format!("closed_until = {}\n", toml::Value::Datetime(d))),
            Err(_) => out.push_str(&format!("closed_until = {}\n", string(d))),
        }
    }
    opt_text(out, "alert", &s.alert);
    // A TOML date, not a string; an unparseable one is written as a string so the check names it.
    match s.last_checked.parse::<toml::value::Datetime>() {
        Ok(d) => out.push_str(&format!("last_checked = {}\n", toml::Value::Datetime(d))),
        Err(_) => out.push_str(&format!("last_checked = {}\n", string(&s.last_checked))),
    }
    opt_string(out, "source", &s.source);
    if !s.machine_translated.is_empty() {
        let codes: Vec<&str> = s.machine_translated.iter().map(|l| l.code()).collect();
        out.push_str(&format!("machine_translated = {}\n", strings(&codes)));
    }
    for d in &s.delivery {
        delivery_toml(out, d);
    }
}

fn delivery_toml(out: &mut String, d: &DeliveryRecord) {
    out.push_str(&format!(
        "\n[[service.delivery]]\nchannel = {}\n",
        string(d.channel.id())
    ));
    opt_text(out, "name", &d.name);
    if let Some(a) = &d.address {
        out.push_str(&format!(
            "address = {{ {}, postcode = {}, {}, municipality = {} }}\n",
            text_inline("street", &a.street),
            string(&a.postcode),
            text_inline("post_office", &a.post_office),
            string(&a.municipality)
        ));
    }
    if let Some((lat, lon)) = d.location {
        out.push_str(&format!("location = [{}, {}]\n", float(lat), float(lon)));
    }
    if !d.accessibility.is_empty() {
        let ids: Vec<&str> = d.accessibility.iter().map(|a| a.id()).collect();
        out.push_str(&format!("accessibility = {}\n", strings(&ids)));
    }
    opt_text(out, "accessibility_note", &d.accessibility_note);
    if !d.phones.is_empty() {
        let phones: Vec<String> = d
            .phones
            .iter()
            .map(|p| match &p.note {
                Some(n) => format!(
                    "{{ number = {}, {} }}",
                    string(&p.number),
                    text_inline("note", n)
                ),
                None => format!("{{ number = {} }}", string(&p.number)),
            })
            .collect();
        out.push_str(&format!("phones = [{}]\n", phones.join(", ")));
    }
    opt_string(out, "email", &d.email);
    opt_string(out, "web", &d.web);
    opt_string(out, "booking", &d.booking);
    opt_string(out, "hours", &d.hours);
    opt_text(out, "hours_note", &d.hours_note);
    if d.walk_in {
        out.push_str("walk_in = true\n");
    }
}

/// The files for `records`, as (path relative to the output folder, text). Services go into
/// `services/00001.toml`, … with `chunk` services each, numbered so that reading the files in
/// path order (as the build does) gives the services back in their order.
pub fn render(records: &Records, about: &str, chunk: usize) -> Vec<(String, String)> {
    let head = |what: &str| {
        format!("{MARKER} ({about}); running it again overwrites this file.\n# {what}\n")
    };
    let mut files = Vec::new();
    if records.sample {
        files.push((
            "catalogue.toml".to_string(),
            format!(
                "{}\n[catalogue]\nsample = true\n",
                head("The catalogue as a whole.")
            ),
        ));
    }
    if !records.organisations.is_empty() {
        let mut out = head("Organisations.");
        records
            .organisations
            .iter()
            .for_each(|o| organisation_toml(&mut out, o));
        files.push(("organisations.toml".to_string(), out));
    }
    if !records.counties.is_empty() {
        let mut out = head("Each wellbeing services county's single contact point.");
        records
            .counties
            .iter()
            .for_each(|c| county_toml(&mut out, c));
        files.push(("areas.toml".to_string(), out));
    }
    for (i, part) in records.services.chunks(chunk.max(1)).enumerate() {
        let mut out = head("Services.");
        part.iter().for_each(|s| service_toml(&mut out, s));
        files.push((format!("services/{:05}.toml", i + 1), out));
    }
    files
}

// ------------------------------------------------------------------------------------ checking

/// The reference tables compiled in, so an import can be checked without a data folder.
pub fn reference_files() -> Vec<SourceFile> {
    vec![
        SourceFile {
            path: MUNICIPALITIES_FILE.into(),
            text: MUNIS.into(),
        },
        SourceFile {
            path: SERVICE_TYPES_FILE.into(),
            text: TYPES.into(),
        },
    ]
}

/// The reference tables as a catalogue without records (municipalities, counties, types).
pub fn reference() -> Catalogue {
    compile(&reference_files(), &now_stamp(), "9999-12-31")
        .expect("the reference tables compile")
        .0
}

pub fn today() -> String {
    chrono::Utc::now().format("%Y-%m-%d").to_string()
}

/// The current UTC time as a build timestamp: opening hours are compiled for the dates around it.
pub fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Compiles rendered files together with the reference tables, as the build would.
pub fn check(files: &[(String, String)], built: &str) -> Result<Catalogue, Vec<Problem>> {
    let mut all = reference_files();
    all.extend(files.iter().map(|(path, text)| SourceFile {
        path: path.clone(),
        text: text.clone(),
    }));
    compile(&all, built, &today()).map(|(cat, _)| cat)
}

/// A rejected record: kind, id, and each (field, problem).
type Rejected = (String, String, Vec<(String, String)>);

/// The record a problem is about: `service "id" field…` → ("service", "id", "field…").
fn problem_record(p: &Problem) -> Option<(&str, &str, &str)> {
    let (kind, rest) = p.place.split_once(" \"")?;
    let (id, field) = rest.split_once('"')?;
    Some((kind, id, field.trim()))
}

/// Renders and checks the records; every record the checker rejects is taken out and reported as
/// skipped (with the checker's words), until the rest compiles. An organisation that fails takes
/// its services with it. Problems that name no record (a bug in the importer) are an error.
pub fn keep_valid(
    records: &mut Records,
    report: &mut ImportReport,
    about: &str,
) -> Result<Vec<(String, String)>, String> {
    loop {
        let files = render(records, about, 1000);
        let problems = match check(&files, &now_stamp()) {
            Ok(_) => return Ok(files),
            Err(p) => p,
        };
        let before = (
            records.organisations.len(),
            records.counties.len(),
            records.services.len(),
        );
        // One entry per rejected record, with every problem it has, in the order found.
        let mut rejected: Vec<Rejected> = Vec::new();
        for p in &problems {
            let Some((kind, id, field)) = problem_record(p) else {
                return Err(format!("the imported records do not compile: {p}"));
            };
            match rejected.iter_mut().find(|(k, i, _)| k == kind && i == id) {
                Some((_, _, list)) => list.push((field.to_string(), p.message.clone())),
                None => rejected.push((
                    kind.to_string(),
                    id.to_string(),
                    vec![(field.to_string(), p.message.clone())],
                )),
            }
        }
        for (kind, id, list) in rejected {
            let field = list
                .iter()
                .map(|(f, _)| f.as_str())
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let why = list
                .iter()
                .map(|(_, m)| m.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            match kind.as_str() {
                "service" => {
                    report.skip(&format!("service {id}"), &field, &why);
                    records.services.retain(|s| s.id != id);
                }
                "organisation" => {
                    for s in records.services.iter().filter(|s| s.organisation == id) {
                        report.skip(
                            &format!("service {}", s.id),
                            "organisation",
                            &format!("its organisation {id} was rejected ({field}: {why})"),
                        );
                    }
                    report.skip(&format!("organisation {id}"), &field, &why);
                    records.services.retain(|s| s.organisation != id);
                    records.organisations.retain(|o| o.id != id);
                }
                "county" => {
                    report.skip(&format!("county {id}"), &field, &why);
                    records.counties.retain(|c| c.code != id);
                }
                _ => {
                    return Err(format!(
                        "the imported records do not compile: {kind} \"{id}\" {field}: {why}"
                    ))
                }
            }
        }
        if before
            == (
                records.organisations.len(),
                records.counties.len(),
                records.services.len(),
            )
        {
            let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            return Err(format!(
                "the imported records do not compile:\n{}",
                list.join("\n")
            ));
        }
    }
}

// ------------------------------------------------------------------------------------ writing

/// Writes the files under `out_dir` all together: nothing is touched unless every file can be
/// replaced (files that exist must have been written by this tool), each file goes to a temporary
/// name first and is renamed into place only when all were written, and earlier written service
/// files that this run no longer makes are removed (they would duplicate records).
pub fn write_files(out_dir: &Path, files: &[(String, String)]) -> Result<Vec<PathBuf>, String> {
    let targets: Vec<PathBuf> = files.iter().map(|(rel, _)| out_dir.join(rel)).collect();
    for t in &targets {
        if t.exists() && !ours(t) {
            return Err(format!("{} exists and was not written by this tool; not overwriting it (import into an empty folder)", t.display()));
        }
    }
    let mut temps = Vec::new();
    let result = (|| {
        for ((_, text), target) in files.iter().zip(&targets) {
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let tmp = target.with_extension("toml.partial");
            std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
            temps.push(tmp);
        }
        Ok::<(), String>(())
    })();
    if let Err(e) = result {
        for t in &temps {
            let _ = std::fs::remove_file(t);
        }
        return Err(e);
    }
    for (tmp, target) in temps.iter().zip(&targets) {
        std::fs::rename(tmp, target).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    let keep: BTreeSet<&PathBuf> = targets.iter().collect();
    for dir in [out_dir.to_path_buf(), out_dir.join("services")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "toml") && !keep.contains(&path) && ours(&path)
            {
                std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
    }
    Ok(targets)
}

fn ours(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.starts_with(MARKER))
}

// ------------------------------------------------------------------------------------ report

/// One record (or field) that did not make it as it was, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub file: String,
    /// e.g. `service ptv-1234…` or `channel 5678…`.
    pub record: String,
    pub field: String,
    pub why: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.record)?;
        if !self.field.is_empty() {
            write!(f, " {}", self.field)?;
        }
        write!(f, ": {}", self.why)
    }
}

/// What an import read and wrote. Every service read is either written or listed as skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub input: String,
    pub services_read: usize,
    /// Other records read from the input (channels, organisations, locations …), for the record.
    pub other_read: Vec<(String, usize)>,
    pub organisations_written: usize,
    pub services_written: usize,
    pub delivery_points_written: usize,
    pub counties_written: usize,
    pub files: Vec<PathBuf>,
    /// Records not written.
    pub skipped: Vec<Issue>,
    /// Records written with a field left out or changed.
    pub notes: Vec<Issue>,
}

impl ImportReport {
    pub fn new(input: &Path) -> ImportReport {
        ImportReport {
            input: input.display().to_string(),
            ..ImportReport::default()
        }
    }

    pub fn skip(&mut self, record: &str, field: &str, why: &str) {
        self.skipped.push(Issue {
            file: self.input.clone(),
            record: record.into(),
            field: field.into(),
            why: why.into(),
        });
    }

    pub fn note(&mut self, record: &str, field: &str, why: &str) {
        self.notes.push(Issue {
            file: self.input.clone(),
            record: record.into(),
            field: field.into(),
            why: why.into(),
        });
    }

    /// Services skipped (organisation and county skips are listed but not counted here).
    pub fn services_skipped(&self) -> usize {
        self.skipped
            .iter()
            .filter(|i| i.record.starts_with("service "))
            .count()
    }

    /// Fills the written counts from what goes to disk.
    pub fn count(&mut self, records: &Records) {
        self.organisations_written = records.organisations.len();
        self.services_written = records.services.len();
        self.delivery_points_written = records.services.iter().map(|s| s.delivery.len()).sum();
        self.counties_written = records.counties.len();
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "import {}:", self.input)?;
        writeln!(
            f,
            "  services        {:>6} read, {:>6} written, {:>6} skipped",
            self.services_read,
            self.services_written,
            self.services_skipped()
        )?;
        for (what, n) in &self.other_read {
            writeln!(f, "  {what:<15} {n:>6} read")?;
        }
        writeln!(
            f,
            "  organisations   {:>6} written",
            self.organisations_written
        )?;
        writeln!(
            f,
            "  delivery points {:>6} written",
            self.delivery_points_written
        )?;
        if self.counties_written > 0 {
            writeln!(f, "  county contacts {:>6} written", self.counties_written)?;
        }
        for p in &self.files {
            writeln!(f, "  wrote {}", p.display())?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "skipped ({}):", self.skipped.len())?;
            for i in &self.skipped {
                writeln!(f, "  {i}")?;
            }
        }
        if !self.notes.is_empty() {
            writeln!(f, "written with changes ({}):", self.notes.len())?;
            for i in &self.notes {
                writeln!(f, "  {i}")?;
            }
        }
        Ok(())
    }
}

/// A guess at an organisation's kind from its Finnish (or Swedish) name, for sources that do not
/// say: the legal-form words are reliable enough ("hyvinvointialue", "kunta", "seurakunta", "ry",
/// "Oy"); `None` when the name says nothing.
pub fn guess_org_kind(name: &str) -> Option<OrgKind> {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let any_part = |p: &str| words.iter().any(|w| w.contains(p));
    if any_part("hyvinvointialue") || any_part("välfärdsområde") {
        Some(OrgKind::WellbeingCounty)
    } else if any_part("seurakunta") || any_part("församling") {
        Some(OrgKind::Parish)
    } else if has("kunta")
        || has("kaupunki")
        || has("kommun")
        || has("stad")
        || lower.ends_with("n kunta")
    {
        Some(OrgKind::Municipality)
    } else if has("ry")
        || has("rf")
        || any_part("yhdistys")
        || any_part("säätiö")
        || any_part("förening")
    {
        Some(OrgKind::Ngo)
    } else if has("oy") || has("oyj") || has("ab") || has("ky") {
        Some(OrgKind::Private)
    } else if has("kela") || any_part("virasto") || any_part("ministeriö") {
        Some(OrgKind::State)
    } else {
        None
    }
}

/// Cuts a text to `max` characters at a word boundary, ending with "…"; `None` when it fits.
pub fn shorten(s: &str, max: usize) -> Option<String> {
    if s.chars().count() <= max {
        return None;
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    // Keep the whole cut when it happens to end at a word; else go back to the last space.
    let ends_at_word = s
        .chars()
        .nth(cut.chars().count())
        .is_some_and(char::is_whitespace);
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if !ends_at_word && i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    Some(format!(
        "{}…",
        at_word.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_by_toml() {
        let mut t = Text::fi("Perhe \"Koti\" \\ kahvila\nrivi 2");
        t.sv = Some("Familj 'café'".into());
        let mut out = String::new();
        text_lines(&mut out, "name", &t);
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        assert_eq!(
            parsed["name"]["fi"].as_str(),
            Some("Perhe \"Koti\" \\ kahvila\nrivi 2")
        );
        assert_eq!(parsed["name"]["sv"].as_str(), Some("Familj 'café'"));
    }

    #[test]
    fn floats_are_short_and_exact() {
        for x in [61.90687f32, 27.84566, -1.0, 0.5, 62.123456] {
            assert_eq!(f32_as_f64(x) as f32, x);
        }
        assert_eq!(float(f32_as_f64(61.90687)), "61.90687");
    }

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("lyhyt", 10), None);
        assert_eq!(
            shorten("Perhekeskus tarjoaa tukea arkeen", 20).as_deref(),
            Some("Perhekeskus tarjoaa…")
        );
    }

    #[test]
    fn org_kinds_from_names() {
        assert_eq!(
            guess_org_kind("Pohjois-Savon hyvinvointialue"),
            Some(OrgKind::WellbeingCounty)
        );
        assert_eq!(
            guess_org_kind("Kuopion kaupunki"),
            Some(OrgKind::Municipality)
        );
        assert_eq!(
            guess_org_kind("Mikkelin tuomiokirkkoseurakunta"),
            Some(OrgKind::Parish)
        );
        assert_eq!(
            guess_org_kind("MLL:n Kuopion yhdistys ry"),
            Some(OrgKind::Ngo)
        );
        assert_eq!(
            guess_org_kind("Terapiapalvelu Esimerkki Oy"),
            Some(OrgKind::Private)
        );
        assert_eq!(guess_org_kind("Perheentalo"), None);
    }
}

/// OpenStreetMap weekday abbreviations, Monday first.
pub const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Consecutive weekdays as `opening_hours` ranges: [0,1,2,4] → "Mo-We,Fr".
pub fn osm_weekdays(days: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}-{}", OSM_DAYS[days[i]], OSM_DAYS[days[j]])
        } else {
            OSM_DAYS[days[i]].to_string()
        });
        i = j + 1;
    }
    parts.join(",")
}
