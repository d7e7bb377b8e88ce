//! Dates and times as the UI language writes them: fi "ti 8.12. klo 10.00–11.30",
//! sv "tis 8.12. kl. 10.00–11.30", en "Tue 8 Dec 10:00–11:30"; a plain date fi/sv "4.10.2026",
//! en "4 Oct 2026".

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::model::Lang;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn weekday(date: NaiveDate, lang: Lang) -> &'static str {
    let i = date.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::Fi => ["ma", "ti", "ke", "to", "pe", "la", "su"][i],
        Lang::Sv => ["mån", "tis", "ons", "tors", "fre", "lör", "sön"][i],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][i],
    }
}

/// A day with its weekday, without the year: "ti 8.12.", "tis 8.12.", "Tue 8 Dec".
pub fn day_label(date: NaiveDate, lang: Lang) -> String {
    let wd = weekday(date, lang);
    match lang {
        Lang::Fi | Lang::Sv => format!("{wd} {}.{}.", date.day(), date.month()),
        Lang::En => format!("{wd} {} {}", date.day(), MONTHS_EN[date.month0() as usize]),
    }
}

/// A clock time: "10.00" in Finnish and Swedish, "10:00" in English.
pub fn time_label(t: NaiveTime, lang: Lang) -> String {
    let sep = if lang == Lang::En { ':' } else { '.' };
    format!("{}{sep}{:02}", t.hour(), t.minute())
}

/// A session on one day: "ti 8.12. klo 10.00–11.30". An end at midnight reads 24.00.
pub fn session_label(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    let end_text = if end.date() > start.date() && end.time() == NaiveTime::MIN {
        if lang == Lang::En {
            "24:00".into()
        } else {
            "24.00".into()
        }
    } else {
        time_label(end.time(), lang)
    };
    let at = match lang {
        Lang::Fi => " klo",
        Lang::Sv => " kl.",
        Lang::En => "",
    };
    format!(
        "{}{at} {}–{end_text}",
        day_label(start.date(), lang),
        time_label(start.time(), lang)
    )
}

/// A date with the year, for "last checked": "4.10.2026" or "4 Oct 2026".
pub fn date_label(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fi | Lang::Sv => format!("{}.{}.{}", date.day(), date.month(), date.year()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            MONTHS_EN[date.month0() as usize],
            date.year()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn a_session_in_each_language() {
        let (s, e) = (at(8, 10, 0), at(8, 11, 30));
        assert_eq!(session_label(s, e, Lang::Fi), "ti 8.12. klo 10.00–11.30");
        assert_eq!(session_label(s, e, Lang::Sv), "tis 8.12. kl. 10.00–11.30");
        assert_eq!(session_label(s, e, Lang::En), "Tue 8 Dec 10:00–11:30");
        assert_eq!(
            session_label(at(13, 18, 5), at(14, 0, 0), Lang::Fi),
            "su 13.12. klo 18.05–24.00"
        );
    }

    #[test]
    fn plain_dates() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 4).unwrap();
        assert_eq!(date_label(d, Lang::Fi), "4.10.2026");
        assert_eq!(date_label(d, Lang::Sv), "4.10.2026");
        assert_eq!(date_label(d, Lang::En), "4 Oct 2026");
        assert_eq!(day_label(d, Lang::Sv), "sön 4.10.");
    }
}
