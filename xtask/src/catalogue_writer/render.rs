//! The records as TOML text in the hand-edited files' layout, split into numbered files.

use perheopas_core::model::*;

use super::records::*;
use super::MARKER;

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
}
