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
    /// Family-centre service area ids (`service_area=`): each stands for its municipalities, in
    /// the same either-or group as counties and municipalities ([`Query::resolved`]).
    pub service_areas: Vec<String>,
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
    ServiceArea(String),
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
                "service_area" => values.for_each(|v| {
                    if cat.service_area_by_id(v).is_some() {
                        push_unique(&mut q.service_areas, v.to_string())
                    } else {
                        bad(key, v, "unknown service area")
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
                    // Embed attribute: a municipality or a county code, or a service area id
                    // (codes are digits, ids are not, so the three never clash).
                    if cat.municipality_by_code(v).is_some() {
                        push_unique(&mut q.municipalities, v.to_string())
                    } else if cat.county_by_code(v).is_some() {
                        push_unique(&mut q.counties, v.to_string())
                    } else if cat.service_area_by_id(v).is_some() {
                        push_unique(&mut q.service_areas, v.to_string())
                    } else {
                        bad(key, v, "unknown municipality, county or service area")
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
        list(
            &mut out,
            "service_area",
            self.service_areas.iter().map(String::as_str).collect(),
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
        out.extend(self.service_areas.iter().cloned().map(Chip::ServiceArea));
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
            Chip::ServiceArea(a) => q.service_areas.retain(|x| x != a),
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
        other
            .service_areas
            .into_iter()
            .for_each(|v| push_unique(&mut self.service_areas, v));
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

    /// The query the facet engine runs: each service area replaced by its municipalities, which
    /// join the same either-or group as the chosen counties and municipalities. A service serves
    /// an area when it serves one of its municipalities, so results and counts are exact.
    pub fn resolved(&self, cat: &Catalogue) -> Query {
        let mut q = self.clone();
        for id in std::mem::take(&mut q.service_areas) {
            if let Some(a) = cat.service_area_by_id(&id) {
                for &m in &cat.service_areas[a].municipalities {
                    push_unique(
                        &mut q.municipalities,
                        cat.municipalities[m as usize].code.clone(),
                    );
                }
            }
        }
        q
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

/// How many results each service area would have, for the area choices beside the county and
/// municipality counts: the query with its area group (counties, municipalities, service areas)
/// left out, as every facet's counts leave out its own choices, then each result counted once
/// per area it serves. Costs one more engine run: call it only while the area choices show.
pub fn service_area_counts(
    engine: &crate::facets::Engine,
    q: &Query,
    open: Option<&[bool]>,
) -> Vec<(usize, usize)> {
    let cat = &engine.catalogue;
    let unplaced = Query {
        counties: Vec::new(),
        municipalities: Vec::new(),
        service_areas: Vec::new(),
        ..q.clone()
    };
    let hits = engine.run(&unplaced, open).hits;
    cat.service_areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let n = hits
                .iter()
                .filter(|&&h| {
                    let s = &cat.services[h as usize];
                    a.municipalities.iter().any(|&m| cat.serves(s, m))
                })
                .count();
            (i, n)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tests::tiny_catalogue;

    /// The tiny catalogue with one service area, "pk": Joensuu and Lieksa.
    fn with_area() -> Catalogue {
        let mut cat = tiny_catalogue();
        cat.service_areas = vec![crate::service_area::ServiceArea {
            id: "pk".into(),
            name: crate::model::Text::fi("Pohjois-Karjala"),
            county: 0,
            municipalities: vec![0, 1],
            family_centre: None,
            sample: true,
            source: None,
        }];
        cat
    }

    fn full() -> Query {
        Query {
            text: "neuvola".into(),
            levels: vec![Level::Universal, Level::Basic],
            categories: vec!["health".into()],
            counties: vec!["11".into()],
            municipalities: vec!["422".into()],
            service_areas: vec!["pk".into()],
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
        let cat = with_area();
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
    fn a_service_area_is_chosen_like_a_county_and_unknown_ones_are_named() {
        let cat = with_area();
        let (q, problems) =
            Query::from_params([("service_area", "pk,nowhere"), ("area", "pk")], &cat);
        assert_eq!(q.service_areas, ["pk"]);
        assert_eq!(
            problems,
            [ParamProblem {
                param: "service_area".into(),
                value: "nowhere".into(),
                problem: "unknown service area"
            }]
        );
        assert_eq!(q.to_params(), [("service_area", "pk".to_string())]);
        assert_eq!(q.chips(), [Chip::ServiceArea("pk".into())]);
        assert!(q.without(&Chip::ServiceArea("pk".into())).is_empty());
        // The engine sees the area's municipalities, next to any chosen one.
        let q = Query {
            municipalities: vec!["297".into()],
            ..q
        };
        let r = q.resolved(&cat);
        assert_eq!(r.municipalities, ["297", "167", "422"]);
        assert!(r.service_areas.is_empty());
    }

    /// Results and counts with an area equal those with its municipalities chosen one by one,
    /// and each result is counted once however many of the area's municipalities it serves.
    #[test]
    fn area_results_and_counts_are_exact() {
        let mut cat = with_area();
        // Service "a" serves both Joensuu and Lieksa: counted once for the area.
        cat.services[0].areas.municipalities = vec![0, 1];
        let engine = crate::facets::Engine::new(cat);
        let cat = &engine.catalogue;
        let by_area = Query {
            service_areas: vec!["pk".into()],
            ..Query::default()
        };
        let by_munis = Query {
            municipalities: vec!["167".into(), "422".into()],
            ..Query::default()
        };
        let a = engine.run(&by_area.resolved(cat), None);
        let m = engine.run(&by_munis, None);
        assert_eq!(a.hits, m.hits);
        assert_eq!(a.levels, m.levels);
        let serving: Vec<u32> = (0..cat.services.len() as u32)
            .filter(|&h| {
                let s = &cat.services[h as usize];
                cat.serves(s, 0) || cat.serves(s, 1)
            })
            .collect();
        assert!(!serving.is_empty());
        assert_eq!(
            service_area_counts(&engine, &by_area, None),
            [(0, serving.len())]
        );
        // Other facets still narrow the count; the area choice itself does not.
        let basic = Query {
            levels: vec![Level::Basic],
            ..by_area.clone()
        };
        let basic_serving = serving
            .iter()
            .filter(|&&h| cat.level(&cat.services[h as usize]) == Level::Basic)
            .count();
        assert_eq!(
            service_area_counts(&engine, &basic, None),
            [(0, basic_serving)]
        );
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
        assert_eq!(chips.len(), 18);
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
