//! What the user asked for — free text plus facet selections — and how it reads from and writes
//! to the URL, so that a copied link reopens the same results. Unknown values are reported, not
//! dropped silently.

use crate::model::{Catalogue, Level};

/// The shareable search state. Within a facet the choices are alternatives (OR); facets combine
/// with AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub levels: Vec<Level>,
    pub categories: Vec<String>,
    /// Wellbeing services county codes.
    pub counties: Vec<String>,
    /// Municipality codes.
    pub municipalities: Vec<String>,
}

/// A URL parameter that could not be used, for a visible note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    pub param: String,
    pub value: String,
    pub problem: &'static str,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// Reads the query from URL parameters. Values the catalogue does not know are skipped and
    /// reported; parameters that belong to other parts of the app (`service`, `lang`, `view`) are
    /// left to them.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
        cat: &Catalogue,
    ) -> (Query, Vec<ParamProblem>) {
        let mut q = Query::default();
        let mut problems = Vec::new();
        let mut bad = |param: &str, value: &str, problem| {
            problems.push(ParamProblem { param: param.into(), value: value.into(), problem })
        };
        for (key, raw) in params {
            let values = raw.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key {
                "q" => q.text = raw.chars().take(200).collect(),
                "level" => {
                    for v in values {
                        match Level::from_id(v) {
                            Some(l) if !q.levels.contains(&l) => q.levels.push(l),
                            Some(_) => {}
                            None => bad(key, v, "unknown level"),
                        }
                    }
                }
                "category" => {
                    let known = cat.categories();
                    for v in values {
                        if !known.contains(&v) {
                            bad(key, v, "unknown category");
                        } else if !q.categories.iter().any(|c| c == v) {
                            q.categories.push(v.into());
                        }
                    }
                }
                "county" => {
                    for v in values {
                        if cat.county_by_code(v).is_none() {
                            bad(key, v, "unknown county code");
                        } else if !q.counties.iter().any(|c| c == v) {
                            q.counties.push(v.into());
                        }
                    }
                }
                "municipality" => {
                    for v in values {
                        if cat.municipality_by_code(v).is_none() {
                            bad(key, v, "unknown municipality code");
                        } else if !q.municipalities.iter().any(|c| c == v) {
                            q.municipalities.push(v.into());
                        }
                    }
                }
                "lang" => {
                    if crate::model::Lang::from_code(raw).is_none() {
                        bad(key, raw, "unknown language (fi, sv or en)");
                    }
                }
                "service" | "view" => {}
                _ => bad(key, raw, "unknown parameter"),
            }
        }
        (q, problems)
    }

    /// URL parameters for this query, in a fixed order so equal queries give equal links.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.text.trim().is_empty() {
            out.push(("q", self.text.clone()));
        }
        let join = |v: Vec<&str>| v.join(",");
        if !self.levels.is_empty() {
            out.push(("level", join(self.levels.iter().map(|l| l.id()).collect())));
        }
        if !self.categories.is_empty() {
            out.push(("category", join(self.categories.iter().map(String::as_str).collect())));
        }
        if !self.counties.is_empty() {
            out.push(("county", join(self.counties.iter().map(String::as_str).collect())));
        }
        if !self.municipalities.is_empty() {
            out.push(("municipality", join(self.municipalities.iter().map(String::as_str).collect())));
        }
        out
    }

    /// Adds the value if absent, removes it if present.
    pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if let Some(i) = list.iter().position(|v| *v == value) {
            list.remove(i);
        } else {
            list.push(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    #[test]
    fn params_round_trip() {
        let cat = tiny_catalogue();
        let q = Query {
            text: "neuvola".into(),
            levels: vec![Level::Universal, Level::Basic],
            categories: vec!["health".into()],
            counties: vec!["11".into()],
            municipalities: vec!["422".into()],
        };
        let params = q.to_params();
        let (back, problems) = Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())), &cat);
        assert_eq!(back, q);
        assert!(problems.is_empty());
    }

    #[test]
    fn unknown_values_are_reported_and_known_ones_kept() {
        let cat = tiny_catalogue();
        let (q, problems) = Query::from_params(
            [("level", "basic,weird"), ("municipality", "999,422"), ("utm_source", "x"), ("service", "a"), ("lang", "de")],
            &cat,
        );
        assert_eq!(q.levels, [Level::Basic]);
        assert_eq!(q.municipalities, ["422"]);
        let seen: Vec<(&str, &str)> = problems.iter().map(|p| (p.param.as_str(), p.value.as_str())).collect();
        assert_eq!(seen, [("level", "weird"), ("municipality", "999"), ("utm_source", "x"), ("lang", "de")]);
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut v = vec![Level::Basic];
        Query::toggle(&mut v, Level::Universal);
        Query::toggle(&mut v, Level::Basic);
        assert_eq!(v, [Level::Universal]);
    }
}
