//! The finder engine: runs a [`Query`] over the catalogue and returns the ranked hits with live
//! facet counts. Each facet is counted over the results of every *other* selection, so a count
//! says how many results picking that value would give.
//!
//! Split by what each part holds: `engine` (the engine, ranking, "did you mean"), `docs` (each
//! service's facts), `selection` (a query's selections as numbers), `results` (what comes back),
//! `walk` and `sets` (the two ways of counting, which always agree).

mod docs;
mod engine;
mod results;
mod selection;
mod sets;
mod walk;

use docs::Doc;
pub use engine::Engine;
use results::MunicipalityTally;
pub use results::Results;
use selection::{channel_bit, feature_bit, overlaps, Selection};

/// One bit per facet: a document fails a set of facets; with none failed it is a hit, with
/// exactly one failed it still counts towards that facet's values.
pub(crate) mod bit {
    pub const LEVEL: u16 = 1 << 0;
    pub const CATEGORY: u16 = 1 << 1;
    pub const AREA: u16 = 1 << 2;
    pub const AGE: u16 = 1 << 3;
    pub const LANGUAGE: u16 = 1 << 4;
    pub const FREE: u16 = 1 << 5;
    pub const SELF: u16 = 1 << 6;
    pub const PROVIDER: u16 = 1 << 7;
    pub const CHANNEL: u16 = 1 << 8;
    pub const OPEN: u16 = 1 << 9;
    pub const FEATURE: u16 = 1 << 10;
}

/// How [`Engine::run_with`] counts facets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counting {
    /// Per document for few candidates, with document sets for many.
    Auto,
    PerDocument,
    Sets,
}

/// Below this many services walking the documents is always cheap enough.
const SETS_MIN_DOCS: usize = 2048;
/// Sets are used once at least one in this many documents is a candidate.
const SETS_SHARE: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Query;
    use crate::model::*;
    use crate::search::tests::tiny_catalogue;

    fn ids(e: &Engine, r: &Results) -> Vec<String> {
        r.hits
            .iter()
            .map(|&d| e.catalogue.services[d as usize].id.clone())
            .collect()
    }

    fn run(e: &Engine, q: Query) -> Results {
        e.run(&q, None)
    }

    #[test]
    fn empty_query_lists_everything_alphabetically() {
        let e = Engine::new(tiny_catalogue());
        let r = run(&e, Query::default());
        assert_eq!(ids(&e, &r), ["a", "c", "d", "b"]);
        assert_eq!(Results::count(&r.levels, &Level::Universal), 2);
        assert_eq!(Results::count(&r.levels, &Level::Specialist), 1);
    }

    #[test]
    fn level_counts_ignore_the_level_selection_but_respect_others() {
        let e = Engine::new(tiny_catalogue());
        let r = run(
            &e,
            Query {
                levels: vec![Level::Basic],
                municipalities: vec!["422".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["b"]);
        // In Lieksa: one universal (d), one basic (b), no specialist, whatever level is chosen.
        assert_eq!(
            r.levels,
            [
                (Level::Universal, 1),
                (Level::Basic, 1),
                (Level::Specialist, 0)
            ]
        );
        // Municipality counts for the basic level: Lieksa 1, Joensuu 0, Kuopio 0.
        assert_eq!(r.municipalities, [(0, 0), (1, 1), (2, 0)]);
    }

    #[test]
    fn county_selection_covers_its_municipalities_and_nationwide_services() {
        let mut cat = tiny_catalogue();
        cat.services[2].areas = Areas {
            nationwide: true,
            ..Areas::default()
        };
        let e = Engine::new(cat);
        let r = run(
            &e,
            Query {
                counties: vec!["11".into()],
                ..Query::default()
            },
        );
        // The county's own services first, then the nationwide one (issue 17: the chosen
        // area's services first; before, the list was alphabetical: a, c, d, b).
        assert_eq!(ids(&e, &r), ["a", "d", "b", "c"]);
        assert_eq!(r.counties, [(0, 4), (1, 1)]);
        assert_eq!(r.municipalities, [(0, 2), (1, 3), (2, 1)]);
    }

    #[test]
    fn text_and_category_combine() {
        let e = Engine::new(tiny_catalogue());
        let r = run(
            &e,
            Query {
                text: "neuvola".into(),
                categories: vec!["health".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["d", "a"]);
        assert_eq!(
            Results::count(&r.categories, &"rehabilitation".to_string()),
            1
        );
    }

    /// The tiny catalogue with ages, languages, costs, access, channels and places varied.
    fn varied() -> Engine {
        let mut cat = tiny_catalogue();
        let place = |features: Vec<Accessibility>| DeliveryPoint {
            channel: Channel::InPerson,
            name: Text::default(),
            address: Some(Address {
                street: Text::fi("Esimerkkikatu 1"),
                postcode: "81700".into(),
                post_office: Text::fi("Lieksa"),
                municipality: 1,
            }),
            location: Some((63.3, 30.0)),
            accessibility: features,
            accessibility_note: Text::default(),
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: Some("Mo-Fr 08:00-16:00".into()),
            hours_note: Text::default(),
            walk_in: false,
        };
        let phone = DeliveryPoint {
            channel: Channel::Phone,
            address: None,
            location: None,
            hours: None,
            ..place(vec![])
        };
        cat.services[0].age_min = -1.0;
        cat.services[0].age_max = 6.0;
        cat.services[0].delivery = vec![place(vec![
            Accessibility::StepFree,
            Accessibility::Stroller,
        ])];
        cat.services[1].languages = vec!["fi".into(), "sv".into()];
        cat.services[1].access = Access::Referral;
        cat.services[1].cost = Cost::Voucher;
        cat.services[1].delivery = vec![phone.clone()];
        cat.services[1].age_min = 3.0;
        cat.services[1].age_max = 12.0;
        cat.services[2].cost = Cost::Fee;
        cat.services[2].age_min = 13.0;
        cat.services[2].delivery = vec![place(vec![Accessibility::StepFree]), phone];
        cat.organisations.push(Organisation {
            id: "mll".into(),
            name: Text::fi("MLL"),
            kind: OrgKind::Ngo,
            website: None,
        });
        cat.services[3].organisation = 1;
        #[cfg(feature = "source")]
        {
            cat.built = "2026-11-23T10:00:00Z".into();
            crate::source::hours::attach(&mut cat).unwrap();
        }
        Engine::new(cat)
    }

    #[test]
    fn age_filter_overlaps_service_ages_and_counts_every_band() {
        let e = varied();
        assert_eq!(
            ids(
                &e,
                &run(
                    &e,
                    Query {
                        age: Some((-1, -1)),
                        ..Query::default()
                    }
                )
            ),
            ["a"]
        );
        let r = run(
            &e,
            Query {
                age: Some((4, 4)),
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "d", "b"]);
        // Bands: pregnancy a; 0-2 a,d; 3-6 a,b,d; 7-12 b,d; 13-17 c,d; 18-29 c,d (both reach 18).
        let counts: Vec<usize> = r.ages.iter().map(|(_, n)| *n).collect();
        assert_eq!(counts, [1, 2, 3, 2, 2, 2]);
    }

    #[test]
    fn language_cost_access_provider_and_channel_filters() {
        let e = varied();
        let r = run(
            &e,
            Query {
                languages: vec!["sv".into()],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["b"]);
        assert_eq!(e.languages(), ["fi", "sv"]);
        assert_eq!(r.languages, [("fi".to_string(), 4), ("sv".to_string(), 1)]);

        let r = run(
            &e,
            Query {
                free: true,
                contact_self: true,
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "d"]);
        // Counted over the other selection: free services a, d can both be contacted directly.
        assert_eq!((r.free, r.contact_self), (2, 2));
        let r = run(
            &e,
            Query {
                free: true,
                ..Query::default()
            },
        );
        assert_eq!(r.contact_self, 2);

        let r = run(
            &e,
            Query {
                providers: vec![OrgKind::Ngo],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["d"]);
        assert_eq!(Results::count(&r.providers, &OrgKind::WellbeingCounty), 3);

        let r = run(
            &e,
            Query {
                channels: vec![Channel::Phone],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["c", "b"]);
        assert_eq!(Results::count(&r.channels, &Channel::InPerson), 2);
    }

    #[test]
    fn accessibility_needs_one_place_with_every_chosen_feature() {
        let e = varied();
        let r = run(
            &e,
            Query {
                features: vec![Accessibility::StepFree],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a", "c"]);
        assert_eq!(Results::count(&r.features, &Accessibility::Stroller), 1);
        let r = run(
            &e,
            Query {
                features: vec![Accessibility::StepFree, Accessibility::Stroller],
                ..Query::default()
            },
        );
        assert_eq!(ids(&e, &r), ["a"]);
    }

    // Hours are compiled by the catalogue tool's evaluator (feature `source`).
    #[cfg(feature = "source")]
    #[test]
    fn open_now_uses_the_hours_of_each_place() {
        let e = varied();
        let tuesday_noon = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let sunday = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let open = e.open_at(tuesday_noon);
        assert_eq!(open, [true, false, true, false]);
        let r = e.run(
            &Query {
                open_now: true,
                ..Query::default()
            },
            Some(&open),
        );
        assert_eq!(ids(&e, &r), ["a", "c"]);
        assert_eq!(r.open_now, 2);
        assert_eq!(e.open_at(sunday), [false; 4]);
        // Without the open set the filter cannot be met.
        assert!(e
            .run(
                &Query {
                    open_now: true,
                    ..Query::default()
                },
                None
            )
            .hits
            .is_empty());
    }

    // A temporarily closed service is never open, even at a time its usual hours say it is.
    #[cfg(feature = "source")]
    #[test]
    fn a_temporarily_closed_service_is_not_open_inside_its_hours() {
        let mut cat = varied().catalogue.clone();
        cat.services[0].status = crate::model::Status::TemporarilyClosed;
        cat.services[0].closed_until = Some("2027-01-31".into());
        let e = Engine::new(cat);
        let tuesday_noon = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let open = e.open_at(tuesday_noon);
        assert_eq!(open, [false, false, true, false]);
        let r = e.run(
            &Query {
                open_now: true,
                ..Query::default()
            },
            Some(&open),
        );
        assert_eq!(ids(&e, &r), ["c"]);
        assert_eq!(r.open_now, 1);
        // On the closure's last day (a Friday) still closed; the Tuesday after, its hours count again.
        let last_day = chrono::NaiveDate::from_ymd_opt(2027, 1, 29)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert!(!e.open_at(last_day)[0]);
        let reopened = chrono::NaiveDate::from_ymd_opt(2027, 2, 2)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert!(e.open_at(reopened)[0]);
    }

    #[test]
    fn removing_a_chip_is_how_zero_results_recover() {
        let e = varied();
        let q = Query {
            languages: vec!["sv".into()],
            free: true,
            ..Query::default()
        };
        assert!(run(&e, q.clone()).hits.is_empty());
        let fixes: Vec<(crate::filter::Chip, usize)> = q
            .chips()
            .into_iter()
            .map(|c| (c.clone(), run(&e, q.without(&c)).hits.len()))
            .collect();
        assert_eq!(
            fixes,
            [
                (crate::filter::Chip::Free, 1),
                (crate::filter::Chip::Language("sv".into()), 2)
            ]
        );
    }
}
