//! What the user asked for — free text plus facet selections — and how it reads from and writes
//! to the URL, so that a copied link reopens the same results. Unknown values are reported, not
//! dropped silently.

use crate::model::{Accessibility, Catalogue, Channel, Lang, Level, OrgKind};

/// Age bands offered as choices; a query may also hold any single age or range.
pub const AGE_BANDS: [(i8, i8); 6] = [(-1, -1), (0, 2), (3, 6), (7, 12), (13, 17), (18, 29)];

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
    /// The child's age in years, as a range; −1 stands for pregnancy.
    pub age: Option<(i8, i8)>,
    /// Service languages (ISO 639-1).
    pub languages: Vec<String>,
    pub free: bool,
    /// Only services a family can contact without a referral or decision.
    pub contact_self: bool,
    pub providers: Vec<OrgKind>,
    pub channels: Vec<Channel>,
    pub open_now: bool,
    /// Accessibility features a place must have, all of them.
    pub features: Vec<Accessibility>,
}

/// One active selection, shown as a removable chip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chip {
    Text(String),
    Level(Level),
    Category(String),
    County(String),
    Municipality(String),
    Age((i8, i8)),
    Language(String),
    Free,
    ContactSelf,
    Provider(OrgKind),
    Channel(Channel),
    OpenNow,
    Feature(Accessibility),
}

/// A URL parameter that could not be used, for a visible note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamProblem {
    pub param: String,
    pub value: String,
    pub problem: &'static str,
}

/// `pregnancy`, `4` or `0-2` (years).
pub fn parse_age(s: &str) -> Option<(i8, i8)> {
    if s == "pregnancy" {
        return Some((-1, -1));
    }
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (i8, i8) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    ((0..=120).contains(&a) && (0..=120).contains(&b) && a <= b).then_some((a, b))
}

pub fn format_age((a, b): (i8, i8)) -> String {
    match (a, b) {
        (-1, -1) => "pregnancy".into(),
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}-{b}"),
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, v: T) {
    if !list.contains(&v) {
        list.push(v);
    }
}

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// Reads the query from URL parameters. Values the catalogue does not know are skipped and
    /// reported; parameters that belong to other parts of the app (`service`, `lang`, `view`) are
    /// left to them, but an unknown language is reported here too.
    pub fn from_params<'a>(
        params: impl IntoIterator<Item = (&'a str, &'a str)>,
        cat: &Catalogue,
    ) -> (Query, Vec<ParamProblem>) {
        let mut q = Query::default();
        let mut problems = Vec::new();
        let mut bad = |param: &str, value: &str, problem| {
            problems.push(ParamProblem {
                param: param.into(),
                value: value.into(),
                problem,
            })
        };
        let categories = cat.categories();
        for (key, raw) in params {
            let values = raw.split(',').map(str::trim).filter(|v| !v.is_empty());
            match key {
                "q" => q.text = raw.chars().take(200).collect(),
                "level" => values.for_each(|v| match Level::from_id(v) {
                    Some(l) => push_unique(&mut q.levels, l),
                    None => bad(key, v, "unknown level"),
                }),
                "category" => values.for_each(|v| {
                    if categories.contains(&v) {
                        push_unique(&mut q.categories, v.to_string())
                    } else {
                        bad(key, v, "unknown category")
                    }
                }),
                "county" => values.for_each(|v| {
                    if cat.county_by_code(v).is_some() {
                        push_unique(&mut q.counties, v.to_string())
                    } else {
                        bad(key, v, "unknown county code")
                    }
                }),
                "municipality" => values.for_each(|v| {
                    if cat.municipality_by_code(v).is_some() {
                        push_unique(&mut q.municipalities, v.to_string())
                    } else {
                        bad(key, v, "unknown municipality code")
                    }
                }),
                "age" => match parse_age(raw.trim()) {
                    Some(a) => q.age = Some(a),
                    None => bad(key, raw, "not an age (pregnancy, 4 or 0-2)"),
                },
                "language" => values.for_each(|v| {
                    if v.len() == 2 && v.chars().all(|c| c.is_ascii_lowercase()) {
                        push_unique(&mut q.languages, v.to_string())
                    } else {
                        bad(key, v, "not a two-letter language code")
                    }
                }),
                "provider" => values.for_each(|v| match OrgKind::from_id(v) {
                    Some(k) => push_unique(&mut q.providers, k),
                    None => bad(key, v, "unknown provider kind"),
                }),
                "channel" => values.for_each(|v| match Channel::from_id(v) {
                    Some(c) => push_unique(&mut q.channels, c),
                    None => bad(key, v, "unknown channel"),
                }),
                "feature" => values.for_each(|v| match Accessibility::from_id(v) {
                    Some(a) => push_unique(&mut q.features, a),
                    None => bad(key, v, "unknown accessibility feature"),
                }),
                "free" | "self" | "open" => match flag(raw) {
                    Some(on) => match key {
                        "free" => q.free = on,
                        "self" => q.contact_self = on,
                        _ => q.open_now = on,
                    },
                    None => bad(key, raw, "expected 1 or 0"),
                },
                "lang" => {
                    if Lang::from_code(raw).is_none() {
                        bad(key, raw, "unknown language (fi, sv or en)");
                    }
                }
                "area" => values.for_each(|v| {
                    // Embed attribute: a municipality or a county code.
                    if cat.municipality_by_code(v).is_some() {
                        push_unique(&mut q.municipalities, v.to_string())
                    } else if cat.county_by_code(v).is_some() {
                        push_unique(&mut q.counties, v.to_string())
                    } else {
                        bad(key, v, "unknown municipality or county code")
                    }
                }),
                "situation" => match crate::situations::preset(raw, &cat.service_languages()) {
                    Some(p) => q.merge(p),
                    None => bad(key, raw, "unknown life situation"),
                },
                "service" | "view" | "ids" => {}
                k if crate::config::CONFIG_PARAMS.contains(&k) => {}
                _ => bad(key, raw, "unknown parameter"),
            }
        }
        (q, problems)
    }

    /// URL parameters for this query, in a fixed order so equal queries give equal links.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let list = |out: &mut Vec<(&'static str, String)>, key, items: Vec<&str>| {
            if !items.is_empty() {
                out.push((key, items.join(",")));
            }
        };
        if !self.text.trim().is_empty() {
            out.push(("q", self.text.clone()));
        }
        list(
            &mut out,
            "level",
            self.levels.iter().map(|l| l.id()).collect(),
        );
        list(
            &mut out,
            "category",
            self.categories.iter().map(String::as_str).collect(),
        );
        list(
            &mut out,
            "county",
            self.counties.iter().map(String::as_str).collect(),
        );
        list(
            &mut out,
            "municipality",
            self.municipalities.iter().map(String::as_str).collect(),
        );
        if let Some(a) = self.age {
            out.push(("age", format_age(a)));
        }
        list(
            &mut out,
            "language",
            self.languages.iter().map(String::as_str).collect(),
        );
        if self.free {
            out.push(("free", "1".into()));
        }
        if self.contact_self {
            out.push(("self", "1".into()));
        }
        list(
            &mut out,
            "provider",
            self.providers.iter().map(|p| p.id()).collect(),
        );
        list(
            &mut out,
            "channel",
            self.channels.iter().map(|c| c.id()).collect(),
        );
        if self.open_now {
            out.push(("open", "1".into()));
        }
        list(
            &mut out,
            "feature",
            self.features.iter().map(|f| f.id()).collect(),
        );
        out
    }

    /// Every active selection, in the order the filters are shown.
    pub fn chips(&self) -> Vec<Chip> {
        let mut out = Vec::new();
        if !self.text.trim().is_empty() {
            out.push(Chip::Text(self.text.trim().to_string()));
        }
        out.extend(self.municipalities.iter().cloned().map(Chip::Municipality));
        out.extend(self.counties.iter().cloned().map(Chip::County));
        out.extend(self.age.map(Chip::Age));
        out.extend(self.levels.iter().copied().map(Chip::Level));
        out.extend(self.categories.iter().cloned().map(Chip::Category));
        if self.contact_self {
            out.push(Chip::ContactSelf);
        }
        if self.free {
            out.push(Chip::Free);
        }
        if self.open_now {
            out.push(Chip::OpenNow);
        }
        out.extend(self.languages.iter().cloned().map(Chip::Language));
        out.extend(self.providers.iter().copied().map(Chip::Provider));
        out.extend(self.channels.iter().copied().map(Chip::Channel));
        out.extend(self.features.iter().copied().map(Chip::Feature));
        out
    }

    /// This query with one selection removed.
    pub fn without(&self, chip: &Chip) -> Query {
        let mut q = self.clone();
        match chip {
            Chip::Text(_) => q.text.clear(),
            Chip::Level(l) => q.levels.retain(|x| x != l),
            Chip::Category(c) => q.categories.retain(|x| x != c),
            Chip::County(c) => q.counties.retain(|x| x != c),
            Chip::Municipality(m) => q.municipalities.retain(|x| x != m),
            Chip::Age(_) => q.age = None,
            Chip::Language(l) => q.languages.retain(|x| x != l),
            Chip::Free => q.free = false,
            Chip::ContactSelf => q.contact_self = false,
            Chip::Provider(p) => q.providers.retain(|x| x != p),
            Chip::Channel(c) => q.channels.retain(|x| x != c),
            Chip::OpenNow => q.open_now = false,
            Chip::Feature(f) => q.features.retain(|x| x != f),
        }
        q
    }

    /// Adds another query's selections to this one (a life situation on top of an area).
    pub fn merge(&mut self, other: Query) {
        if self.text.is_empty() {
            self.text = other.text;
        }
        other
            .levels
            .into_iter()
            .for_each(|v| push_unique(&mut self.levels, v));
        other
            .categories
            .into_iter()
            .for_each(|v| push_unique(&mut self.categories, v));
        other
            .counties
            .into_iter()
            .for_each(|v| push_unique(&mut self.counties, v));
        other
            .municipalities
            .into_iter()
            .for_each(|v| push_unique(&mut self.municipalities, v));
        self.age = self.age.or(other.age);
        other
            .languages
            .into_iter()
            .for_each(|v| push_unique(&mut self.languages, v));
        self.free |= other.free;
        self.contact_self |= other.contact_self;
        other
            .providers
            .into_iter()
            .for_each(|v| push_unique(&mut self.providers, v));
        other
            .channels
            .into_iter()
            .for_each(|v| push_unique(&mut self.channels, v));
        self.open_now |= other.open_now;
        other
            .features
            .into_iter()
            .for_each(|v| push_unique(&mut self.features, v));
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

    fn full() -> Query {
        Query {
            text: "neuvola".into(),
            levels: vec![Level::Universal, Level::Basic],
            categories: vec!["health".into()],
            counties: vec!["11".into()],
            municipalities: vec!["422".into()],
            age: Some((-1, -1)),
            languages: vec!["sv".into(), "en".into()],
            free: true,
            contact_self: true,
            providers: vec![OrgKind::Ngo, OrgKind::Parish],
            channels: vec![Channel::Phone],
            open_now: true,
            features: vec![Accessibility::StepFree, Accessibility::Stroller],
        }
    }

    #[test]
    fn params_round_trip() {
        let cat = tiny_catalogue();
        for q in [
            full(),
            Query {
                age: Some((0, 2)),
                ..Query::default()
            },
            Query {
                age: Some((4, 4)),
                ..Query::default()
            },
        ] {
            let params = q.to_params();
            let (back, problems) =
                Query::from_params(params.iter().map(|(k, v)| (*k, v.as_str())), &cat);
            assert_eq!(back, q);
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn unknown_values_are_reported_and_known_ones_kept() {
        let cat = tiny_catalogue();
        let (q, problems) = Query::from_params(
            [
                ("level", "basic,weird"),
                ("municipality", "999,422"),
                ("utm_source", "x"),
                ("service", "a"),
                ("lang", "de"),
                ("age", "7-3"),
                ("free", "maybe"),
                ("channel", "fax,phone"),
            ],
            &cat,
        );
        assert_eq!(q.levels, [Level::Basic]);
        assert_eq!(q.municipalities, ["422"]);
        assert_eq!(q.channels, [Channel::Phone]);
        assert_eq!(q.age, None);
        let seen: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.param.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("level", "weird"),
                ("municipality", "999"),
                ("utm_source", "x"),
                ("lang", "de"),
                ("age", "7-3"),
                ("free", "maybe"),
                ("channel", "fax")
            ]
        );
    }

    #[test]
    fn embed_presets_area_and_situation_expand_to_filters() {
        let cat = tiny_catalogue();
        let (q, problems) = Query::from_params(
            [
                ("area", "11"),
                ("area", "422"),
                ("situation", "expecting"),
                ("mode", "widget"),
            ],
            &cat,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(q.counties, ["11"]);
        assert_eq!(q.municipalities, ["422"]);
        assert_eq!(q.age, Some((-1, -1)));
        let (_, problems) = Query::from_params([("area", "x"), ("situation", "bored")], &cat);
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn ages_parse_in_three_forms() {
        assert_eq!(parse_age("pregnancy"), Some((-1, -1)));
        assert_eq!(parse_age("4"), Some((4, 4)));
        assert_eq!(parse_age("13-17"), Some((13, 17)));
        assert_eq!(parse_age("-3"), None);
        assert_eq!(parse_age("x"), None);
        assert_eq!(format_age((0, 2)), "0-2");
    }

    #[test]
    fn every_chip_removes_exactly_its_selection() {
        let q = full();
        let chips = q.chips();
        assert_eq!(chips.len(), 17);
        for chip in &chips {
            let without = q.without(chip);
            assert_eq!(without.chips().len(), chips.len() - 1, "{chip:?}");
            assert!(!without.chips().contains(chip));
        }
        let empty = chips.iter().fold(q, |q, c| q.without(c));
        assert!(empty.is_empty());
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut v = vec![Level::Basic];
        Query::toggle(&mut v, Level::Universal);
        Query::toggle(&mut v, Level::Basic);
        assert_eq!(v, [Level::Universal]);
    }
}
