//! One session as an iCalendar file (RFC 5545) made on the device, for "add to calendar".
//!
//! Times are written with `TZID=Europe/Helsinki` and the file carries that zone's VTIMEZONE
//! (EU summer time: EEST from the last Sunday of March, EET from the last Sunday of October).
//! Floating local times would move with the phone: a family travelling to Sweden would see a
//! 10:00 group at 10:00 Swedish time. UTC times would need the zone rules at each date anyway;
//! the VTIMEZONE states them once and every calendar app reads it.

use chrono::NaiveDateTime;

/// What the calendar entry says.
#[derive(Clone, Copy, Debug)]
pub struct IcsSession<'a> {
    /// The service's id: with the start time it makes the UID, so adding the same session twice
    /// updates one entry instead of making two.
    pub service_id: &'a str,
    pub summary: &'a str,
    pub location: Option<&'a str>,
    pub description: Option<&'a str>,
    /// The service's page, for the entry's link.
    pub url: Option<&'a str>,
    /// Finnish local time.
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// When the file is made, UTC (DTSTAMP).
    pub stamp_utc: NaiveDateTime,
}

const TZ: &str = "Europe/Helsinki";

/// The zone's rules since 1996 (EU summer time), as RFC 5545 §3.6.5 writes them.
const VTIMEZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Helsinki",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0300",
    "TZNAME:EEST",
    "DTSTART:19960331T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0300",
    "TZOFFSETTO:+0200",
    "TZNAME:EET",
    "DTSTART:19961027T040000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// The `.ics` text: CRLF line ends, lines folded at 75 octets, text values escaped.
pub fn session_ics(s: &IcsSession) -> String {
    let local = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Perheopas//Perheopas//FI".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    lines.extend(VTIMEZONE.iter().map(|l| l.to_string()));
    lines.push("END:VTIMEZONE".into());
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!(
        "UID:{}-{}@perheopas.fi",
        escape(s.service_id),
        s.start.format("%Y%m%dT%H%M")
    ));
    lines.push(format!("DTSTAMP:{}Z", s.stamp_utc.format("%Y%m%dT%H%M%S")));
    lines.push(format!("DTSTART;TZID={TZ}:{}", local(s.start)));
    lines.push(format!("DTEND;TZID={TZ}:{}", local(s.end)));
    lines.push(format!("SUMMARY:{}", escape(s.summary)));
    if let Some(l) = s.location {
        lines.push(format!("LOCATION:{}", escape(l)));
    }
    if let Some(d) = s.description {
        lines.push(format!("DESCRIPTION:{}", escape(d)));
    }
    if let Some(u) = s.url {
        // A URI value, not text: not escaped (RFC 5545 §3.3.13).
        lines.push(format!("URL:{u}"));
    }
    lines.push("END:VEVENT".into());
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and line breaks as `\n`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8
/// character; continuation lines start with a space, which counts toward their 75.
fn fold(line: &str, out: &mut String) {
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn session<'a>(summary: &'a str, description: Option<&'a str>) -> IcsSession<'a> {
        IcsSession {
            service_id: "lieksa-perhevalmennus",
            summary,
            location: Some("Lieksan terveysasema, Esimerkkitie 20, 81700 Lieksa"),
            description,
            url: Some("https://perheopas.fi/?service=lieksa-perhevalmennus"),
            start: at(8, 10, 0),
            end: at(8, 11, 30),
            stamp_utc: at(7, 12, 27),
        }
    }

    /// A strict reader of what RFC 5545 requires of the file: CRLF only, no line over 75
    /// octets, folded lines unfolded, BEGIN/END nested; returns (name with params, value).
    fn parse(ics: &str) -> Vec<(String, String)> {
        assert!(ics.ends_with("\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains(['\r', '\n']),
            "bare CR or LF"
        );
        let mut logical: Vec<String> = Vec::new();
        for physical in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
            match physical.strip_prefix(' ') {
                Some(rest) => logical
                    .last_mut()
                    .expect("fold after a line")
                    .push_str(rest),
                None => logical.push(physical.to_string()),
            }
        }
        let mut stack: Vec<String> = Vec::new();
        let props: Vec<(String, String)> = logical
            .iter()
            .map(|l| {
                let (name, value) = l.split_once(':').expect("name:value");
                (name.to_string(), value.to_string())
            })
            .collect();
        for (name, value) in &props {
            match name.as_str() {
                "BEGIN" => stack.push(value.clone()),
                "END" => assert_eq!(stack.pop().as_deref(), Some(value.as_str())),
                _ => assert!(!stack.is_empty(), "{name} outside a component"),
            }
        }
        assert!(stack.is_empty());
        props
    }

    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') | Some('N') => out.push('\n'),
                    Some(x @ ('\\' | ';' | ',')) => out.push(x),
                    other => panic!("bad escape {other:?} in {v}"),
                }
            } else {
                assert!(!matches!(c, ';' | ','), "unescaped {c} in {v}");
                out.push(c);
            }
        }
        out
    }

    fn get<'a>(props: &'a [(String, String)], name: &str) -> &'a str {
        &props
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no {name}"))
            .1
    }

    #[test]
    fn a_session_is_a_valid_event_in_helsinki_time() {
        let ics = session_ics(&session("Perhevalmennus Lieksa", None));
        let props = parse(&ics);
        assert_eq!(get(&props, "VERSION"), "2.0");
        assert!(get(&props, "PRODID").starts_with("-//Perheopas"));
        assert_eq!(
            get(&props, "UID"),
            "lieksa-perhevalmennus-20261208T1000@perheopas.fi"
        );
        assert_eq!(get(&props, "DTSTAMP"), "20261207T122700Z");
        assert_eq!(
            get(&props, "DTSTART;TZID=Europe/Helsinki"),
            "20261208T100000"
        );
        assert_eq!(get(&props, "DTEND;TZID=Europe/Helsinki"), "20261208T113000");
        // The TZID used is defined in the file.
        assert_eq!(get(&props, "TZID"), "Europe/Helsinki");
        assert_eq!(
            unescape(get(&props, "LOCATION")),
            "Lieksan terveysasema, Esimerkkitie 20, 81700 Lieksa"
        );
        let events = props
            .iter()
            .filter(|(n, v)| n == "BEGIN" && v == "VEVENT")
            .count();
        assert_eq!(events, 1);
    }

    #[test]
    fn long_text_with_special_characters_folds_and_escapes_losslessly() {
        let description = "Ryhmä odottaville; puhutaan synnytyksestä, vauvan hoidosta \\ ja \
                           vanhemmuudesta.\r\nToinen rivi: ääkköset äöå ÄÖÅ ja emoji 👶 \
                           rajalla, jotta taitto osuu monitavuisen merkin kohdalle.";
        let summary = "Perhevalmennus, ryhmä 2; syksy";
        let ics = session_ics(&session(summary, Some(description)));
        let props = parse(&ics);
        assert_eq!(unescape(get(&props, "SUMMARY")), summary);
        assert_eq!(
            unescape(get(&props, "DESCRIPTION")),
            description.replace("\r\n", "\n")
        );
        // It was long enough to fold, and every fold is at a character boundary (the file is
        // a Rust string, so any split inside a character would not have been built).
        assert!(ics.contains("\r\n "));
    }

    #[test]
    fn folding_counts_octets_not_characters() {
        let mut out = String::new();
        fold(&format!("X:{}", "ä".repeat(80)), &mut out);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.len() <= 75));
        // "X:" plus 36 two-octet characters fill 74; the 37th goes to the next line.
        assert_eq!(lines[0].len(), 74);
        assert_eq!(lines.len(), 3);
    }
}
