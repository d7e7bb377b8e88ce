//! Reads the human-edited catalogue files (`data/`), checks every rule of the catalogue model and
//! compiles them into a [`Catalogue`]. All problems are collected and returned together, each
//! naming file, line and field; nothing is dropped silently.

mod checks;
pub mod crisis;
pub mod hours;
mod problem;
mod raw;
mod reference;
pub mod service_areas;
pub mod vocabulary;

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

use crate::geo_util::{distance_km, in_finland, municipality_reach_km};
use crate::model::*;
pub use problem::{Lines, Problem};
use raw::*;

/// One catalogue file: its path relative to the data folder, and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

pub const MUNICIPALITIES_FILE: &str = "reference/municipalities.csv";
pub const SERVICE_TYPES_FILE: &str = "reference/service_types.csv";

/// Records read and written, to prove nothing was lost on the way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub files: usize,
    pub organisations_read: usize,
    pub services_read: usize,
    pub delivery_points_read: usize,
    pub organisations_written: usize,
    pub services_written: usize,
    pub delivery_points_written: usize,
    pub municipalities: usize,
    pub service_types: usize,
    /// The families' vocabulary (`data/vocabulary/`).
    pub vocabulary: crate::vocabulary::Counts,
    /// Family-centre service areas (`reference/service_areas.csv`, optional).
    pub service_areas: usize,
    /// Things to look at that do not stop the build, e.g. a service no family can get in touch
    /// with (`actions::reachable`); each names file, line and record.
    pub warnings: Vec<Problem>,
}

pub(crate) const NAME_MAX: usize = 120;
const SUMMARY_MAX: usize = 150;
const DESCRIPTION_MAX: usize = 3000;
const NOTE_MAX: usize = 500;

/// Checks and compiles the catalogue. `built` is the build timestamp stored in the asset and
/// `today` (YYYY-MM-DD) bounds the last-checked dates.
pub fn compile(
    files: &[SourceFile],
    built: &str,
    today: &str,
) -> Result<(Catalogue, Report), Vec<Problem>> {
    let mut c = Compiler {
        problems: Vec::new(),
        file: String::new(),
        lines: Lines::new(""),
    };
    let mut report = Report {
        files: files.len(),
        ..Report::default()
    };

    let find = |name: &str| files.iter().find(|f| f.path == name);
    let (Some(muni_file), Some(types_file)) = (find(MUNICIPALITIES_FILE), find(SERVICE_TYPES_FILE))
    else {
        return Err(vec![Problem {
            file: "data".into(),
            line: 0,
            place: String::new(),
            message: format!("{MUNICIPALITIES_FILE} and {SERVICE_TYPES_FILE} must both be present"),
        }]);
    };
    let ref_munis = reference::municipalities(&muni_file.path, &muni_file.text, &mut c.problems);
    let service_types =
        reference::service_types(&types_file.path, &types_file.text, &mut c.problems);
    let vocabulary = vocabulary::read(files, &service_types, &mut c.problems);

    let mut counties: Vec<County> = Vec::new();
    let mut municipalities: Vec<Municipality> = Vec::new();
    for m in &ref_munis {
        let county = match counties.iter().position(|k| k.code == m.county_code) {
            Some(i) => i,
            None => {
                counties.push(County {
                    code: m.county_code.clone(),
                    name: m.county_name.clone(),
                    contact: None,
                });
                counties.len() - 1
            }
        };
        municipalities.push(Municipality {
            code: m.code.clone(),
            name: m.name.clone(),
            county: county as u16,
            centre: (m.centre.0 as f32, m.centre.1 as f32),
        });
    }

    let mut parsed: Vec<(&SourceFile, RawFile)> = Vec::new();
    // Crisis lines are not catalogue records: `crisis::compile_crisis` reads them.
    for f in files
        .iter()
        .filter(|f| f.path.ends_with(".toml") && !f.path.starts_with(crisis::CRISIS_DIR))
    {
        match toml::from_str::<RawFile>(&f.text) {
            Ok(raw) => parsed.push((f, raw)),
            Err(e) => {
                let lines = Lines::new(&f.text);
                c.problems.push(Problem {
                    file: f.path.clone(),
                    line: e.span().map_or(0, |s| lines.line(s.start)),
                    place: String::new(),
                    message: e.message().trim().to_string(),
                });
            }
        }
    }

    let mut sample: Option<bool> = None;
    let mut organisations: Vec<Organisation> = Vec::new();
    let mut org_index: HashMap<String, (usize, String)> = HashMap::new();
    let mut services: Vec<Service> = Vec::new();
    let mut service_seen: HashMap<String, String> = HashMap::new();

    // Organisations and counties first, so services in any file can refer to them.
    for (f, raw) in &parsed {
        c.enter(f);
        if let Some(meta) = &raw.catalogue {
            sample = Some(sample.unwrap_or(false) || meta.sample);
        }
        for rc in &raw.county {
            let place = format!("county \"{}\"", rc.get_ref().code.get_ref());
            match counties
                .iter()
                .position(|k| &k.code == rc.get_ref().code.get_ref())
            {
                None => c.at(
                    rc.get_ref().code.span(),
                    &place,
                    "code",
                    "unknown wellbeing services county code",
                ),
                Some(i) => {
                    let contact = rc
                        .get_ref()
                        .contact
                        .as_ref()
                        .map(|ct| c.contact(ct, &place));
                    if counties[i].contact.is_some() {
                        c.at(rc.span(), &place, "contact", "contact point given twice");
                    }
                    counties[i].contact = contact;
                }
            }
        }
        for ro in &raw.organisation {
            report.organisations_read += 1;
            let o = ro.get_ref();
            let id = o.id.get_ref().clone();
            let place = format!("organisation \"{id}\"");
            let here = format!("{}:{}", c.file, c.lines.line(ro.span().start));
            if let Some((_, first)) = org_index.get(&id) {
                c.at(
                    o.id.span(),
                    &place,
                    "id",
                    &format!("duplicate id (first defined at {first})"),
                );
                continue;
            }
            let kind = OrgKind::from_id(o.kind.get_ref()).unwrap_or_else(|| {
                c.at(
                    o.kind.span(),
                    &place,
                    "kind",
                    &format!("unknown organisation kind \"{}\"", o.kind.get_ref()),
                );
                OrgKind::Municipality
            });
            let name = c.text(&o.name, &place, "name", NAME_MAX, true, &[]);
            let website = c.url(o.website.as_ref(), &place, "website");
            org_index.insert(id.clone(), (organisations.len(), here));
            organisations.push(Organisation {
                id,
                name,
                kind,
                website,
            });
        }
    }
    let ctx = Refs {
        munis: &ref_munis,
        counties: &counties,
        types: &service_types,
        today,
    };

    for (f, raw) in &parsed {
        c.enter(f);
        for rs in &raw.service {
            report.services_read += 1;
            report.delivery_points_read += rs.get_ref().delivery.len();
            let id = rs.get_ref().id.get_ref().clone();
            let here = format!("{}:{}", c.file, c.lines.line(rs.span().start));
            if let Some(first) = service_seen.get(&id) {
                c.at(
                    rs.get_ref().id.span(),
                    &format!("service \"{id}\""),
                    "id",
                    &format!("duplicate id (first defined at {first})"),
                );
                continue;
            }
            service_seen.insert(id, here);
            if let Some(s) = c.service(rs.get_ref(), &ctx, &org_index) {
                if !crate::actions::reachable(&s) {
                    report.warnings.push(Problem {
                        file: c.file.clone(),
                        line: c.lines.line(rs.span().start),
                        place: format!("service \"{}\"", s.id),
                        message: "no way to reach it: add a phone, e-mail, booking or chat \
                                  address, or mark a place walk_in"
                            .into(),
                    });
                }
                services.push(s);
            }
        }
    }

    // After the services: an area names its family centre by service id.
    let service_areas = files
        .iter()
        .find(|f| f.path == service_areas::SERVICE_AREAS_FILE)
        .map(|f| {
            service_areas::read(
                &f.path,
                &f.text,
                &counties,
                &municipalities,
                &services,
                &mut c.problems,
            )
        })
        .unwrap_or_default();

    if !c.problems.is_empty() {
        return Err(c.problems);
    }
    report.service_areas = service_areas.len();
    report.organisations_written = organisations.len();
    report.services_written = services.len();
    report.delivery_points_written = services.iter().map(|s| s.delivery.len()).sum();
    report.municipalities = municipalities.len();
    report.service_types = service_types.len();
    report.vocabulary = vocabulary.counts();
    let mut cat = Catalogue {
        built: built.into(),
        sample: sample.unwrap_or(false),
        counties,
        municipalities,
        service_types,
        organisations,
        services,
        schedules: Vec::new(),
        vocabulary,
        service_areas,
    };
    // Every expression already passed the syntax check, so a failure here is the build date.
    hours::attach(&mut cat).map_err(|message| {
        vec![Problem {
            file: "data".into(),
            line: 0,
            place: String::new(),
            message,
        }]
    })?;
    Ok((cat, report))
}

/// Reference data a service is checked against.
#[derive(Clone, Copy)]
struct Refs<'a> {
    munis: &'a [reference::RefMunicipality],
    counties: &'a [County],
    types: &'a [ServiceType],
    today: &'a str,
}

struct Compiler {
    problems: Vec<Problem>,
    file: String,
    lines: Lines,
}

impl Compiler {
    fn enter(&mut self, f: &SourceFile) {
        self.file = f.path.clone();
        self.lines = Lines::new(&f.text);
    }

    fn at(&mut self, span: Range<usize>, record: &str, field: &str, message: &str) {
        self.problems.push(Problem {
            file: self.file.clone(),
            line: self.lines.line(span.start),
            place: if field.is_empty() {
                record.to_string()
            } else {
                format!("{record} {field}")
            },
            message: message.to_string(),
        });
    }

    fn check(
        &mut self,
        v: &Spanned<String>,
        record: &str,
        field: &str,
        f: fn(&str) -> Result<(), String>,
    ) -> bool {
        match f(v.get_ref()) {
            Ok(()) => true,
            Err(m) => {
                self.at(v.span(), record, field, &m);
                false
            }
        }
    }

    fn url(&mut self, v: Option<&Spanned<String>>, record: &str, field: &str) -> Option<String> {
        let v = v?;
        self.check(v, record, field, checks::https_url)
            .then(|| v.get_ref().clone())
    }

    fn text(
        &mut self,
        raw: &Spanned<RawText>,
        record: &str,
        field: &str,
        max: usize,
        required: bool,
        machine: &[Lang],
    ) -> Text {
        let r = raw.get_ref();
        let mut get = |v: &Option<Spanned<String>>, lang: &str| -> Option<String> {
            let v = v.as_ref()?;
            let s = v.get_ref().trim().to_string();
            if s.chars().count() > max {
                self.at(
                    v.span(),
                    record,
                    &format!("{field}.{lang}"),
                    &format!(
                        "text is {} characters, at most {max} allowed",
                        s.chars().count()
                    ),
                );
            }
            (!s.is_empty()).then_some(s)
        };
        let fi = get(&r.fi, "fi");
        let sv = get(&r.sv, "sv");
        let en = get(&r.en, "en");
        if fi.is_none() && (required || sv.is_some() || en.is_some()) {
            self.at(raw.span(), record, field, "missing Finnish text (fi)");
        }
        Text {
            fi: fi.unwrap_or_default(),
            sv,
            en,
            machine: machine.to_vec(),
        }
    }

    fn opt_text(
        &mut self,
        raw: Option<&Spanned<RawText>>,
        record: &str,
        field: &str,
        max: usize,
        machine: &[Lang],
    ) -> Text {
        raw.map(|r| self.text(r, record, field, max, false, machine))
            .unwrap_or_default()
    }

    fn contact(&mut self, ct: &RawContact, place: &str) -> ContactPoint {
        let name = self.text(&ct.name, place, "contact.name", NAME_MAX, true, &[]);
        let phone = ct
            .phone
            .as_ref()
            .filter(|p| self.check(p, place, "contact.phone", checks::finnish_phone))
            .map(|p| p.get_ref().clone());
        let web = self.url(ct.web.as_ref(), place, "contact.web");
        let hours = ct
            .hours
            .as_ref()
            .filter(|h| self.check(h, place, "contact.hours", checks::opening_hours))
            .map(|h| h.get_ref().clone());
        ContactPoint {
            name,
            phone,
            web,
            hours,
        }
    }

    fn service(
        &mut self,
        r: &RawService,
        refs: &Refs,
        orgs: &HashMap<String, (usize, String)>,
    ) -> Option<Service> {
        let place = format!("service \"{}\"", r.id.get_ref());
        let before = self.problems.len();

        let organisation = match orgs.get(r.organisation.get_ref()) {
            Some((i, _)) => *i as u32,
            None => {
                self.at(
                    r.organisation.span(),
                    &place,
                    "organisation",
                    &format!("no organisation with id \"{}\"", r.organisation.get_ref()),
                );
                0
            }
        };
        let type_index = refs
            .types
            .iter()
            .position(|t| t.id == *r.service_type.get_ref());
        if type_index.is_none() {
            self.at(
                r.service_type.span(),
                &place,
                "type",
                &format!("unknown service type \"{}\"", r.service_type.get_ref()),
            );
        }
        let stype = type_index.map(|i| &refs.types[i]);

        let mut machine = Vec::new();
        for m in &r.machine_translated {
            match Lang::from_code(m.get_ref()) {
                Some(l) => machine.push(l),
                None => self.at(
                    m.span(),
                    &place,
                    "machine_translated",
                    &format!("\"{}\" is not fi, sv or en", m.get_ref()),
                ),
            }
        }
        let name = self.text(&r.name, &place, "name", NAME_MAX, true, &machine);
        let summary = self.opt_text(r.summary.as_ref(), &place, "summary", SUMMARY_MAX, &machine);
        let description = self.opt_text(
            r.description.as_ref(),
            &place,
            "description",
            DESCRIPTION_MAX,
            &machine,
        );
        let how_to_get = self.opt_text(
            r.how_to_get.as_ref(),
            &place,
            "how_to_get",
            NOTE_MAX,
            &machine,
        );
        let language_note = self.opt_text(
            r.language_note.as_ref(),
            &place,
            "language_note",
            NOTE_MAX,
            &machine,
        );
        let cost_text = self.opt_text(
            r.cost_text.as_ref(),
            &place,
            "cost_text",
            NOTE_MAX,
            &machine,
        );
        let alert = self.opt_text(r.alert.as_ref(), &place, "alert", NOTE_MAX, &machine);

        let (mut age_min, mut age_max) = stype.map_or((0.0, 18.0), |t| (t.age_min, t.age_max));
        if let Some(ages) = &r.ages {
            match ages.get_ref().as_slice() {
                [a, b] if *a >= -1.0 && *b <= 120.0 && a <= b => (age_min, age_max) = (*a, *b),
                [a, b] if a > b => self.at(
                    ages.span(),
                    &place,
                    "ages",
                    &format!("ages out of order: {a} is above {b}"),
                ),
                [_, _] => self.at(
                    ages.span(),
                    &place,
                    "ages",
                    "ages must lie between -1 (pregnancy) and 120",
                ),
                _ => self.at(ages.span(), &place, "ages", "write ages as [min, max]"),
            }
        }

        for l in r.languages.get_ref() {
            if let Err(m) = checks::language_code(l) {
                self.at(r.languages.span(), &place, "languages", &m);
            }
        }
        if r.languages.get_ref().is_empty() {
            self.at(
                r.languages.span(),
                &place,
                "languages",
                "at least one service language is needed",
            );
        }
        let cost = Cost::from_id(r.cost.get_ref()).unwrap_or_else(|| {
            self.at(
                r.cost.span(),
                &place,
                "cost",
                &format!(
                    "unknown cost \"{}\" (free, fee or voucher)",
                    r.cost.get_ref()
                ),
            );
            Cost::Free
        });
        let access = match &r.access {
            None => stype.map_or(Access::None, |t| t.access),
            Some(a) => Access::from_id(a.get_ref()).unwrap_or_else(|| {
                self.at(
                    a.span(),
                    &place,
                    "access",
                    &format!("unknown access \"{}\"", a.get_ref()),
                );
                Access::None
            }),
        };
        let status = match r.status.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("active") => Status::Active,
            Some("temporarily_closed") => {
                if alert.is_empty() {
                    self.at(r.status.as_ref().unwrap().span(), &place, "alert", "a temporarily closed service needs an alert text saying why and until when");
                }
                Status::TemporarilyClosed
            }
            Some(other) => {
                self.at(
                    r.status.as_ref().unwrap().span(),
                    &place,
                    "status",
                    &format!("unknown status \"{other}\""),
                );
                Status::Active
            }
        };

        let mut areas = Areas::default();
        for a in r.areas.get_ref() {
            if a == "nationwide" {
                areas.nationwide = true;
            } else if let Some(code) = a.strip_prefix("county:") {
                match refs.counties.iter().position(|k| k.code == code) {
                    Some(i) => areas.counties.push(i as u16),
                    None => self.at(
                        r.areas.span(),
                        &place,
                        "areas",
                        &format!("unknown county code \"{code}\""),
                    ),
                }
            } else {
                match refs.munis.iter().position(|m| m.code == *a) {
                    Some(i) => areas.municipalities.push(i as u16),
                    None => self.at(
                        r.areas.span(),
                        &place,
                        "areas",
                        &format!("unknown municipality code \"{a}\""),
                    ),
                }
            }
        }
        if r.areas.get_ref().is_empty() {
            self.at(r.areas.span(), &place, "areas", "say where the service is offered (municipality codes, county:<code> or nationwide)");
        }

        let last_checked = self.date(&r.last_checked, &place, "last_checked", Some(refs.today));
        // A closure's end may lie ahead or, once it has passed, behind: the app reopens the
        // service by itself on the day after.
        let closed_until = r
            .closed_until
            .as_ref()
            .map(|d| self.date(d, &place, "closed_until", None));
        if let (Some(d), Status::Active) = (&r.closed_until, status) {
            self.at(
                d.span(),
                &place,
                "closed_until",
                "only a service with status = \"temporarily_closed\" has a closing end date",
            );
        }
        let source = self.url(r.source.as_ref(), &place, "source");

        if r.delivery.is_empty() {
            self.at(
                r.id.span(),
                &place,
                "delivery",
                "a service needs at least one delivery point ([[service.delivery]])",
            );
        }
        let delivery: Vec<DeliveryPoint> = r
            .delivery
            .iter()
            .enumerate()
            .map(|(i, d)| self.delivery(d, &format!("{place} delivery[{}]", i + 1), refs, &machine))
            .collect();

        (self.problems.len() == before).then(|| Service {
            id: r.id.get_ref().clone(),
            source_id: r.source_id.clone(),
            organisation,
            service_type: type_index.unwrap_or(0) as u16,
            name,
            summary,
            description,
            how_to_get,
            age_min,
            age_max,
            target_groups: r.target_groups.clone(),
            languages: r.languages.get_ref().clone(),
            language_note,
            cost,
            cost_text,
            access,
            areas,
            status,
            closed_until,
            alert,
            last_checked,
            source,
            delivery,
        })
    }

    /// A plain date as ISO text; `not_after` refuses dates past it (a check cannot lie ahead).
    fn date(
        &mut self,
        d: &Spanned<toml::value::Datetime>,
        place: &str,
        field: &str,
        not_after: Option<&str>,
    ) -> String {
        let v = d.get_ref();
        match (&v.date, &v.time) {
            (Some(date), None) => {
                let s = format!("{:04}-{:02}-{:02}", date.year, date.month, date.day);
                if not_after.is_some_and(|today| s.as_str() > today) {
                    self.at(d.span(), place, field, &format!("{s} is in the future"));
                }
                s
            }
            _ => {
                self.at(
                    d.span(),
                    place,
                    field,
                    "write a plain date, e.g. 2026-10-31",
                );
                String::new()
            }
        }
    }

    fn delivery(
        &mut self,
        rd: &Spanned<RawDelivery>,
        place: &str,
        refs: &Refs,
        machine: &[Lang],
    ) -> DeliveryPoint {
        let d = rd.get_ref();
        let channel = Channel::from_id(d.channel.get_ref()).unwrap_or_else(|| {
            self.at(
                d.channel.span(),
                place,
                "channel",
                &format!(
                    "unknown channel \"{}\" (in_person, home_visit, phone, online, chat)",
                    d.channel.get_ref()
                ),
            );
            Channel::Online
        });
        let name = self.opt_text(d.name.as_ref(), place, "name", NAME_MAX, machine);

        let address = d.address.as_ref().and_then(|ra| {
            let a = ra.get_ref();
            let street = self.text(&a.street, place, "address.street", NAME_MAX, true, &[]);
            let post_office = self.text(
                &a.post_office,
                place,
                "address.post_office",
                NAME_MAX,
                true,
                &[],
            );
            let pc = a.postcode.get_ref();
            if pc.len() != 5 || !pc.chars().all(|c| c.is_ascii_digit()) {
                self.at(
                    a.postcode.span(),
                    place,
                    "address.postcode",
                    &format!("\"{pc}\" is not a five-digit postcode"),
                );
            }
            match refs
                .munis
                .iter()
                .position(|m| m.code == *a.municipality.get_ref())
            {
                Some(i) => Some(Address {
                    street,
                    postcode: pc.clone(),
                    post_office,
                    municipality: i as u16,
                }),
                None => {
                    self.at(
                        a.municipality.span(),
                        place,
                        "address.municipality",
                        &format!("unknown municipality code \"{}\"", a.municipality.get_ref()),
                    );
                    None
                }
            }
        });

        let location = d.location.as_ref().and_then(|rl| match rl.get_ref().as_slice() {
            &[lat, lon] => {
                if !in_finland(lat, lon) {
                    self.at(rl.span(), place, "location", &format!("[{lat}, {lon}] is outside Finland (write [latitude, longitude])"));
                    return None;
                }
                if let Some(a) = &address {
                    let m = &refs.munis[a.municipality as usize];
                    // A municipality's reach from its land area (geo_util: one rule with the importers).
                    let reach = municipality_reach_km(m.land_km2);
                    let d = distance_km((lat, lon), m.centre);
                    if d > reach {
                        self.at(rl.span(), place, "location", &format!("[{lat}, {lon}] is {d:.0} km from the centre of {}, more than its {reach:.0} km reach", m.name.fi));
                    }
                }
                Some((lat as f32, lon as f32))
            }
            _ => {
                self.at(rl.span(), place, "location", "write the location as [latitude, longitude]");
                None
            }
        });
        if channel == Channel::InPerson && (d.address.is_none() || d.location.is_none()) {
            self.at(
                rd.span(),
                place,
                "address",
                "an in-person delivery point needs an address and a location",
            );
        }

        let mut accessibility = Vec::new();
        for a in &d.accessibility {
            match Accessibility::from_id(a.get_ref()) {
                Some(x) => accessibility.push(x),
                None => self.at(
                    a.span(),
                    place,
                    "accessibility",
                    &format!("unknown accessibility feature \"{}\"", a.get_ref()),
                ),
            }
        }
        let accessibility_note = self.opt_text(
            d.accessibility_note.as_ref(),
            place,
            "accessibility_note",
            NOTE_MAX,
            machine,
        );
        let mut phones = Vec::new();
        for (i, p) in d.phones.iter().enumerate() {
            let field = format!("phones[{}]", i + 1);
            self.check(&p.get_ref().number, place, &field, checks::finnish_phone);
            let note = self.opt_text(
                p.get_ref().note.as_ref(),
                place,
                &format!("{field}.note"),
                NOTE_MAX,
                machine,
            );
            phones.push(Phone {
                number: p.get_ref().number.get_ref().clone(),
                note,
            });
        }
        if channel == Channel::Phone && phones.is_empty() {
            self.at(
                rd.span(),
                place,
                "phones",
                "a phone delivery point needs a phone number",
            );
        }
        let email = d
            .email
            .as_ref()
            .filter(|e| self.check(e, place, "email", checks::email))
            .map(|e| e.get_ref().clone());
        let web = self.url(d.web.as_ref(), place, "web");
        let booking = self.url(d.booking.as_ref(), place, "booking");
        if matches!(channel, Channel::Online | Channel::Chat) && web.is_none() && d.web.is_none() {
            self.at(
                rd.span(),
                place,
                "web",
                "an online or chat delivery point needs a web address",
            );
        }
        let hours = d
            .hours
            .as_ref()
            .filter(|h| self.check(h, place, "hours", checks::opening_hours))
            .map(|h| h.get_ref().clone());
        let hours_note = self.opt_text(
            d.hours_note.as_ref(),
            place,
            "hours_note",
            NOTE_MAX,
            machine,
        );

        DeliveryPoint {
            channel,
            name,
            address,
            location,
            accessibility,
            accessibility_note,
            phones,
            email,
            web,
            booking,
            hours,
            hours_note,
            walk_in: d.walk_in,
        }
    }
}

#[cfg(test)]
mod tests;
