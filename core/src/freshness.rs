//! How fresh a service's information is: not checked for over six months is said on its page,
//! in words (issue 18, item 7).

use chrono::{Datelike, Months, NaiveDate};

use crate::datefmt::date_label;
use crate::model::Lang;

/// Months after which a service's information counts as possibly out of date.
pub const STALE_AFTER_MONTHS: u32 = 6;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// Not checked for over six months: whole months since, and the day it was.
    Stale {
        months: u32,
        checked: NaiveDate,
    },
    /// The date cannot be read (the catalogue checker makes this impossible in a built file).
    Unknown,
}

/// Freshness of `last_checked` (YYYY-MM-DD) on `today`.
pub fn freshness(last_checked: &str, today: NaiveDate) -> Freshness {
    let Ok(checked) = NaiveDate::parse_from_str(last_checked, "%Y-%m-%d") else {
        return Freshness::Unknown;
    };
    match checked.checked_add_months(Months::new(STALE_AFTER_MONTHS)) {
        Some(limit) if today > limit => {
            let mut months =
                (today.year() - checked.year()) as u32 * 12 + today.month() - checked.month();
            if today.day() < checked.day() {
                months -= 1;
            }
            Freshness::Stale { months, checked }
        }
        _ => Freshness::Fresh,
    }
}

/// The sentence for the service page, or `None` when there is nothing to say.
pub fn describe(f: Freshness, lang: Lang) -> Option<String> {
    match f {
        Freshness::Fresh => None,
        Freshness::Stale { months, checked } => {
            let day = date_label(checked, lang);
            Some(match lang {
                Lang::Fi => format!(
                    "Tietoja ei ole tarkistettu yli {months} kuukauteen (viimeksi {day}). Varmista ajat ja yhteystiedot palvelusta."
                ),
                Lang::Sv => format!(
                    "Uppgifterna har inte kontrollerats på över {months} månader (senast {day}). Kontrollera tider och kontaktuppgifter hos tjänsten."
                ),
                Lang::En => format!(
                    "This information has not been checked for over {months} months (last on {day}). Check times and contact details with the service."
                ),
            })
        }
        Freshness::Unknown => Some(
            match lang {
                Lang::Fi => "Tietojen tarkistuspäivä ei ole tiedossa.",
                Lang::Sv => "Det är inte känt när uppgifterna senast kontrollerades.",
                Lang::En => "It is not known when this information was last checked.",
            }
            .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn six_months_is_still_fresh_a_day_more_is_not() {
        assert_eq!(freshness("2026-06-07", d(2026, 12, 7)), Freshness::Fresh);
        assert_eq!(
            freshness("2026-06-06", d(2026, 12, 7)),
            Freshness::Stale {
                months: 6,
                checked: d(2026, 6, 6)
            }
        );
        assert_eq!(
            freshness("2025-10-04", d(2026, 12, 3)),
            Freshness::Stale {
                months: 13,
                checked: d(2025, 10, 4)
            }
        );
        assert_eq!(freshness("4.10.2025", d(2026, 12, 3)), Freshness::Unknown);
    }

    #[test]
    fn said_in_words_in_each_language() {
        let f = freshness("2026-03-14", d(2026, 12, 7));
        assert_eq!(
            describe(f, Lang::Fi).unwrap(),
            "Tietoja ei ole tarkistettu yli 8 kuukauteen (viimeksi 14.3.2026). Varmista ajat ja yhteystiedot palvelusta."
        );
        assert!(describe(f, Lang::Sv)
            .unwrap()
            .contains("över 8 månader (senast 14.3.2026)"));
        assert!(describe(f, Lang::En)
            .unwrap()
            .contains("over 8 months (last on 14 Mar 2026)"));
        assert_eq!(describe(Freshness::Fresh, Lang::Fi), None);
        assert!(describe(Freshness::Unknown, Lang::En).is_some());
    }
}
