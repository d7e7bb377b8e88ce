//! Guesses and text helpers the importers share: an organisation's kind from its name, cutting
//! long texts, weekday lists in `opening_hours` form.

use perheopas_core::model::OrgKind;

/// A guess at an organisation's kind from its Finnish (or Swedish) name, for sources that do not
/// say: the legal-form words are reliable enough ("hyvinvointialue", "kunta", "seurakunta", "ry",
/// "Oy"); `None` when the name says nothing.
pub fn guess_org_kind(name: &str) -> Option<OrgKind> {
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let any_part = |p: &str| words.iter().any(|w| w.contains(p));
    if any_part("hyvinvointialue") || any_part("välfärdsområde") {
        Some(OrgKind::WellbeingCounty)
    } else if any_part("seurakunta") || any_part("församling") {
        Some(OrgKind::Parish)
    } else if has("kunta")
        || has("kaupunki")
        || has("kommun")
        || has("stad")
        || lower.ends_with("n kunta")
    {
        Some(OrgKind::Municipality)
    } else if has("ry")
        || has("rf")
        || any_part("yhdistys")
        || any_part("säätiö")
        || any_part("förening")
    {
        Some(OrgKind::Ngo)
    } else if has("oy") || has("oyj") || has("ab") || has("ky") {
        Some(OrgKind::Private)
    } else if has("kela") || any_part("virasto") || any_part("ministeriö") {
        Some(OrgKind::State)
    } else {
        None
    }
}

/// Cuts a text to `max` characters at a word boundary, ending with "…"; `None` when it fits.
pub fn shorten(s: &str, max: usize) -> Option<String> {
    if s.chars().count() <= max {
        return None;
    }
    let cut: String = s.chars().take(max.saturating_sub(1)).collect();
    // Keep the whole cut when it happens to end at a word; else go back to the last space.
    let ends_at_word = s
        .chars()
        .nth(cut.chars().count())
        .is_some_and(char::is_whitespace);
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if !ends_at_word && i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    Some(format!(
        "{}…",
        at_word.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
    ))
}

/// OpenStreetMap weekday abbreviations, Monday first.
pub const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Consecutive weekdays as `opening_hours` ranges: [0,1,2,4] → "Mo-We,Fr".
pub fn osm_weekdays(days: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        parts.push(if j > i {
            format!("{}-{}", OSM_DAYS[days[i]], OSM_DAYS[days[j]])
        } else {
            OSM_DAYS[days[i]].to_string()
        });
        i = j + 1;
    }
    parts.join(",")
}

/// An https address with a host name, as the catalogue check wants every link: a bad one is left
/// out by the importers with a note instead of failing the record.
pub fn https_url(url: &str) -> bool {
    url.trim()
        .strip_prefix("https://")
        .is_some_and(|rest| rest.split('/').next().is_some_and(|h| h.contains('.')))
}

/// The catalogue's rule for a Finnish number (as `perheopas_core::source::checks` has it): +358
/// and 5–12 digits not starting with 0, or 0 and 6–12 digits, or a short service number starting
/// with 1.
pub fn finnish_phone(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let digits = |x: &str| x.chars().all(|c| c.is_ascii_digit());
    if let Some(rest) = compact.strip_prefix("+358") {
        (5..=12).contains(&rest.len()) && digits(rest) && !rest.starts_with('0')
    } else if compact.starts_with('0') {
        (6..=12).contains(&compact.len()) && digits(&compact)
    } else {
        compact.starts_with('1') && (3..=6).contains(&compact.len()) && digits(&compact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word() {
        assert_eq!(shorten("lyhyt", 10), None);
        assert_eq!(
            shorten("Perhekeskus tarjoaa tukea arkeen", 20).as_deref(),
            Some("Perhekeskus tarjoaa…")
        );
    }

    #[test]
    fn org_kinds_from_names() {
        assert_eq!(
            guess_org_kind("Pohjois-Savon hyvinvointialue"),
            Some(OrgKind::WellbeingCounty)
        );
        assert_eq!(
            guess_org_kind("Kuopion kaupunki"),
            Some(OrgKind::Municipality)
        );
        assert_eq!(
            guess_org_kind("Mikkelin tuomiokirkkoseurakunta"),
            Some(OrgKind::Parish)
        );
        assert_eq!(
            guess_org_kind("MLL:n Kuopion yhdistys ry"),
            Some(OrgKind::Ngo)
        );
        assert_eq!(
            guess_org_kind("Terapiapalvelu Esimerkki Oy"),
            Some(OrgKind::Private)
        );
        assert_eq!(guess_org_kind("Perheentalo"), None);
    }
}
