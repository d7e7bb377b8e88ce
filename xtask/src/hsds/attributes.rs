//! Our extension attributes (`perheopas:…` taxonomy terms), written onto HSDS objects by the
//! export and read back by the import.

use perheopas_core::model::Text;
use serde_json::{json, Map, Value};

use super::{
    uid, ACCESS, CATEGORY, CHANNEL, COST, FIELD, LEVEL, ORG_KIND, SERVICE_TYPE, TARGET_GROUP,
};

/// Attributes of one HSDS object.
pub(super) struct Attrs {
    link: String,
    entity: &'static str,
    list: Vec<Value>,
}

impl Attrs {
    pub(super) fn new(link: &str, entity: &'static str) -> Attrs {
        Attrs {
            link: link.to_string(),
            entity,
            list: vec![],
        }
    }

    pub(super) fn term(&mut self, taxonomy: &str, code: &str, name: &str, value: &str) {
        let term_id = uid(&format!("term/{taxonomy}/{code}"));
        self.list.push(json!({
            "id": uid(&format!("{}/attribute/{taxonomy}/{code}/{value}", self.link)),
            "link_id": self.link,
            "link_entity": self.entity,
            "taxonomy_term_id": term_id,
            "taxonomy_term": {
                "id": term_id,
                "code": code,
                "name": name,
                "description": term_description(taxonomy, code),
                "taxonomy": taxonomy,
            },
            "value": value,
        }));
    }

    pub(super) fn field(&mut self, code: &str, value: &str) {
        self.term(FIELD, code, code, value);
    }

    /// A text's languages beyond the one in the natural HSDS field (`natural_fi`), and a marker
    /// for a text that is given but blank, so absent and blank stay apart.
    pub(super) fn text(&mut self, key: &str, t: Option<&Text>, natural_fi: bool) {
        let Some(t) = t else { return };
        if t.fi.is_empty() && t.sv.is_none() && t.en.is_none() {
            self.field(key, "");
        }
        if !natural_fi && !t.fi.is_empty() {
            self.field(&format!("{key}.fi"), &t.fi);
        }
        for (l, v) in [("sv", &t.sv), ("en", &t.en)] {
            if let Some(v) = v {
                self.field(&format!("{key}.{l}"), v);
            }
        }
    }

    pub(super) fn done(self, obj: &mut Map<String, Value>) {
        if !self.list.is_empty() {
            obj.insert("attributes".into(), Value::Array(self.list));
        }
    }
}

fn term_description(taxonomy: &str, code: &str) -> String {
    match taxonomy {
        FIELD => format!("Perheopas catalogue field {code} (see docs/hsds.md)"),
        SERVICE_TYPE => format!("Perheopas family-centre service type {code}"),
        LEVEL => format!("Family-centre level {code}"),
        CATEGORY => format!("Perheopas service category {code}"),
        ACCESS => format!("How a family gets the service: {code}"),
        COST => format!("Cost: {code}"),
        TARGET_GROUP => format!("PTV target group {code}"),
        ORG_KIND => format!("Kind of organisation: {code}"),
        CHANNEL => format!("Delivery channel: {code}"),
        _ => code.to_string(),
    }
}

/// The extension values of an object, by (taxonomy, code) in the order given.
pub(super) struct Ext<'a> {
    pub(super) list: Vec<(&'a str, &'a str, &'a str)>,
}

impl<'a> Ext<'a> {
    pub(super) fn of(obj: &'a Value) -> Ext<'a> {
        let list = obj
            .get("attributes")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|at| {
                        let term = at.get("taxonomy_term")?;
                        let taxonomy = term.get("taxonomy").and_then(Value::as_str).unwrap_or("");
                        let code = term.get("code").and_then(Value::as_str)?;
                        Some((
                            taxonomy,
                            code,
                            at.get("value").and_then(Value::as_str).unwrap_or(code),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ext { list }
    }

    pub(super) fn field(&self, code: &str) -> Option<&'a str> {
        self.list
            .iter()
            .find(|(t, c, _)| *t == FIELD && *c == code)
            .map(|(_, _, v)| *v)
    }

    pub(super) fn terms(&self, taxonomy: &str) -> Vec<&'a str> {
        self.list
            .iter()
            .filter(|(t, _, _)| *t == taxonomy)
            .map(|(_, _, v)| *v)
            .collect()
    }

    pub(super) fn term(&self, taxonomy: &str) -> Option<&'a str> {
        self.terms(taxonomy).first().copied()
    }

    /// A text from its natural HSDS field (Finnish) and its extension fields; `None` when neither
    /// gives it (a blank marker gives an empty text).
    pub(super) fn text(&self, key: &str, natural: Option<&str>) -> Option<Text> {
        let fi = natural
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or_else(|| self.field(&format!("{key}.fi")).map(str::to_string));
        let sv = self.field(&format!("{key}.sv")).map(str::to_string);
        let en = self.field(&format!("{key}.en")).map(str::to_string);
        if fi.is_none() && sv.is_none() && en.is_none() && self.field(key).is_none() {
            return None;
        }
        Some(Text {
            fi: fi.unwrap_or_default(),
            sv,
            en,
            machine: vec![],
        })
    }
}
