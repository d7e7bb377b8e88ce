//! Field checks shared by every record kind: URLs, phone numbers, e-mail, dates, hours.

/// Only https links: families open them on public networks.
pub fn https_url(s: &str) -> Result<(), String> {
    match url::Url::parse(s) {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some_and(|h| h.contains('.')) => Ok(()),
        Ok(u) if u.scheme() != "https" => {
            Err(format!("\"{s}\" must use https, not {}", u.scheme()))
        }
        Ok(_) => Err(format!("\"{s}\" has no proper host name")),
        Err(e) => Err(format!("\"{s}\" is not a web address ({e})")),
    }
}

/// A Finnish phone number: national (0…), international (+358…) or a short service number (1…).
pub fn finnish_phone(s: &str) -> Result<(), String> {
    let compact: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let ok = if let Some(rest) = compact.strip_prefix("+358") {
        rest.len() >= 5
            && rest.len() <= 12
            && rest.chars().all(|c| c.is_ascii_digit())
            && !rest.starts_with('0')
    } else if compact.starts_with('0') {
        compact.len() >= 6 && compact.len() <= 12 && compact.chars().all(|c| c.is_ascii_digit())
    } else if compact.starts_with('1') {
        (3..=6).contains(&compact.len()) && compact.chars().all(|c| c.is_ascii_digit())
    } else {
        false
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "\"{s}\" is not a Finnish phone number (write 0… or +358…)"
        ))
    }
}

pub fn email(s: &str) -> Result<(), String> {
    match s.split_once('@') {
        Some((user, domain))
            if !user.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace) =>
        {
            Ok(())
        }
        _ => Err(format!("\"{s}\" is not an e-mail address")),
    }
}

/// OpenStreetMap `opening_hours`, parsed by the same grammar the app evaluates with.
pub fn opening_hours(s: &str) -> Result<(), String> {
    opening_hours_syntax::parse(s).map(|_| ()).map_err(|e| {
        let first = e
            .to_string()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        format!("\"{s}\" is not valid opening_hours syntax ({first})")
    })
}

/// A plain ISO 639-1 code such as "fi", "sv", "se" (Northern Sámi) or "ar".
pub fn language_code(s: &str) -> Result<(), String> {
    if s.len() == 2 && s.chars().all(|c| c.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(format!(
            "\"{s}\" is not a two-letter ISO 639-1 language code"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_https_with_a_host() {
        assert!(https_url("https://www.siunsote.fi/perhekeskus").is_ok());
        assert!(https_url("http://www.siunsote.fi")
            .unwrap_err()
            .contains("https"));
        assert!(https_url("www.siunsote.fi").is_err());
        assert!(https_url("https://localhost/").is_err());
    }

    #[test]
    fn finnish_phone_numbers() {
        for ok in [
            "013 000 1234",
            "+358 13 000 1234",
            "040-0001234",
            "116 111",
            "0800 000 000",
        ] {
            assert!(finnish_phone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "+46 8 123 456",
            "12",
            "abc",
            "+358 013 000 1234",
            "555-1234",
        ] {
            assert!(finnish_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn opening_hours_are_parsed() {
        assert!(opening_hours("Mo-Fr 08:00-16:00; PH off").is_ok());
        assert!(opening_hours("Mo-Th 08:00-15:00; Jul off; Dec 24-26 off").is_ok());
        assert!(opening_hours("Monday 8-16").is_err());
    }

    #[test]
    fn email_and_language() {
        assert!(email("neuvola@perheopas.example").is_ok());
        assert!(email("neuvola at example").is_err());
        assert!(language_code("se").is_ok());
        assert!(language_code("fin").is_err());
    }
}
