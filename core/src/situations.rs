//! Life situations in families' words — the ways in of the start view. Each is a preset of
//! filters, so what it selects stays visible (and removable) as ordinary filter chips.

use crate::filter::Query;

/// The situations, in the order the start view shows them.
pub const SITUATIONS: [&str; 12] = [
    "expecting",
    "baby",
    "under_school_age",
    "school_age",
    "teenager",
    "young_adult",
    "wellbeing",
    "relationship",
    "violence",
    "special_needs",
    "money",
    "new_to_finland",
];

/// The filters a situation stands for. `languages` are the catalogue's service languages, from
/// which "new to Finland" picks every one but Finnish.
pub fn preset(id: &str, languages: &[String]) -> Option<Query> {
    let age = |a, b| Query {
        age: Some((a, b)),
        ..Query::default()
    };
    let topics = |c: &[&str]| Query {
        categories: c.iter().map(|s| s.to_string()).collect(),
        ..Query::default()
    };
    Some(match id {
        "expecting" => age(-1, -1),
        "baby" => age(0, 2),
        "under_school_age" => age(3, 6),
        "school_age" => age(7, 12),
        "teenager" => age(13, 17),
        "young_adult" => age(18, 29),
        "wellbeing" => topics(&["mental_health"]),
        "relationship" => topics(&["family_law"]),
        "violence" => topics(&["violence"]),
        "special_needs" => topics(&["rehabilitation", "disability"]),
        "money" => topics(&["benefits", "social"]),
        "new_to_finland" => Query {
            languages: languages.iter().filter(|l| *l != "fi").cloned().collect(),
            ..Query::default()
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::Engine;
    use crate::search::tests::tiny_catalogue;

    #[test]
    fn every_situation_has_a_preset_with_some_selection() {
        let langs = vec!["fi".to_string(), "sv".into(), "ar".into()];
        for id in SITUATIONS {
            let q = preset(id, &langs).unwrap_or_else(|| panic!("{id} has no preset"));
            assert!(!q.chips().is_empty(), "{id} selects nothing");
        }
        assert_eq!(
            preset("new_to_finland", &langs).unwrap().languages,
            ["sv", "ar"]
        );
        assert_eq!(preset("nope", &langs), None);
    }

    #[test]
    fn presets_use_only_categories_the_catalogue_knows() {
        let cat = crate::model::Catalogue { ..tiny_catalogue() };
        let e = Engine::new(cat);
        let known = [
            "health",
            "education",
            "community",
            "youth",
            "benefits",
            "social",
            "family_law",
            "violence",
            "rehabilitation",
            "mental_health",
            "child_welfare",
            "specialist_health",
            "disability",
        ];
        for id in SITUATIONS {
            for c in preset(id, e.languages()).unwrap().categories {
                assert!(known.contains(&c.as_str()), "{id}: {c}");
            }
        }
    }
}
