//! The ways to reach a service, in the order a family wants them on a card: call, book, chat or
//! web, e-mail, directions. Each carries the link to hand to the phone (`tel:`, `geo:` …). The
//! links are built here from the catalogue alone: nothing is fetched or sent until tapped.

use crate::model::{Channel, Lang, Service, Text};

/// One way to reach a service, with the link a button opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// `href` is `tel:` with the number in international form (+358…), or the short number.
    Call {
        number: String,
        href: String,
        note: Text,
    },
    Book {
        url: String,
    },
    /// A chat delivery point's address.
    Chat {
        url: String,
    },
    /// An online delivery point's or a place's web page.
    Web {
        url: String,
    },
    Email {
        address: String,
        href: String,
    },
    /// `geo` hands the place to the phone's map app; `map_url` is the web map for desktops, on
    /// OpenStreetMap (no tracking, and not requested before the tap).
    Directions {
        /// Index into the service's `delivery`.
        delivery: usize,
        geo: String,
        map_url: String,
    },
}

impl Action {
    /// The link a button opens.
    pub fn href(&self) -> &str {
        match self {
            Action::Call { href, .. } | Action::Email { href, .. } => href,
            Action::Book { url } | Action::Chat { url } | Action::Web { url } => url,
            Action::Directions { geo, .. } => geo,
        }
    }

    /// Does this action let a family contact the service (not only read about it)?
    fn contacts(&self, service: &Service) -> bool {
        match self {
            Action::Web { .. } => false,
            // A place counts only where families may walk in; otherwise they need to get in
            // touch first.
            Action::Directions { delivery, .. } => service.delivery[*delivery].walk_in,
            _ => true,
        }
    }
}

/// Every action the service offers, in button order, each link once.
pub fn actions(service: &Service, lang: Lang) -> Vec<Action> {
    let mut calls = Vec::new();
    let mut books = Vec::new();
    let mut chats = Vec::new();
    let mut webs = Vec::new();
    let mut mails = Vec::new();
    let mut directions = Vec::new();
    for (i, d) in service.delivery.iter().enumerate() {
        for p in &d.phones {
            calls.push(Action::Call {
                number: p.number.clone(),
                href: tel_href(&p.number),
                note: p.note.clone(),
            });
        }
        if let Some(url) = &d.booking {
            books.push(Action::Book { url: url.clone() });
        }
        if let Some(url) = &d.web {
            if d.channel == Channel::Chat {
                chats.push(Action::Chat { url: url.clone() });
            } else {
                webs.push(Action::Web { url: url.clone() });
            }
        }
        if let Some(address) = &d.email {
            mails.push(Action::Email {
                address: address.clone(),
                href: format!("mailto:{address}"),
            });
        }
        if let Some((lat, lon)) = d.location {
            let label = if d.name.is_empty() {
                service.name.get(lang).text
            } else {
                d.name.get(lang).text
            };
            directions.push(Action::Directions {
                delivery: i,
                geo: geo_href(lat, lon, label),
                map_url: map_url(lat, lon),
            });
        }
    }
    let mut out: Vec<Action> = Vec::new();
    for a in [calls, books, chats, webs, mails, directions]
        .into_iter()
        .flatten()
    {
        if !out.iter().any(|o| o.href() == a.href()) {
            out.push(a);
        }
    }
    out
}

/// Can a family get in touch: a phone, booking, chat, e-mail, or a place to walk into?
/// (A web page alone informs but does not reach anyone.)
pub fn reachable(service: &Service) -> bool {
    actions(service, Lang::Fi)
        .iter()
        .any(|a| a.contacts(service))
}

/// `tel:` link: national numbers in international form, separators dropped.
pub fn tel_href(number: &str) -> String {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    match digits.strip_prefix('0') {
        Some(rest) => format!("tel:+358{rest}"),
        None => format!("tel:{digits}"),
    }
}

/// RFC 5870 `geo:` URI with the place's name as the label the map app shows.
pub fn geo_href(lat: f32, lon: f32, label: &str) -> String {
    format!(
        "geo:{lat:.5},{lon:.5}?q={lat:.5},{lon:.5}({})",
        percent_encode(label)
    )
}

/// The web map fallback: a pin at the place on openstreetmap.org.
pub fn map_url(lat: f32, lon: f32) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=16/{lat:.5}/{lon:.5}")
}

/// Everything but unreserved characters as UTF-8 %XX (RFC 3986), so a name with spaces,
/// brackets or ä stays one query value.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DeliveryPoint, Phone};

    fn point(channel: Channel) -> DeliveryPoint {
        DeliveryPoint::bare(channel)
    }

    fn service(delivery: Vec<DeliveryPoint>) -> Service {
        let mut s = crate::search::tests::tiny_catalogue().services[0].clone();
        s.name = Text::fi("Äitiysneuvola Lieksa");
        s.delivery = delivery;
        s
    }

    #[test]
    fn actions_come_in_button_order_each_link_once() {
        let mut place = point(Channel::InPerson);
        place.location = Some((63.31, 30.04));
        place.name = Text::fi("Lieksan terveysasema (B)");
        place.web = Some("https://example.fi/neuvola".into());
        place.email = Some("neuvola@example.fi".into());
        let mut phone = point(Channel::Phone);
        phone.phones = vec![
            Phone {
                number: "013 000 1234".into(),
                note: Text::fi("Ajanvaraus"),
            },
            Phone {
                number: "+358 13 000 1234".into(),
                note: Text::default(),
            },
            Phone {
                number: "116 111".into(),
                note: Text::default(),
            },
        ];
        phone.booking = Some("https://example.fi/varaa".into());
        let mut chat = point(Channel::Chat);
        chat.web = Some("https://example.fi/chat".into());
        let s = service(vec![place, phone, chat]);
        let hrefs: Vec<String> = actions(&s, Lang::Fi)
            .iter()
            .map(|a| a.href().to_string())
            .collect();
        assert_eq!(
            hrefs,
            [
                "tel:+358130001234",
                "tel:116111",
                "https://example.fi/varaa",
                "https://example.fi/chat",
                "https://example.fi/neuvola",
                "mailto:neuvola@example.fi",
                "geo:63.31000,30.04000?q=63.31000,30.04000(Lieksan%20terveysasema%20%28B%29)",
            ]
        );
        match actions(&s, Lang::Fi).last().unwrap() {
            Action::Directions {
                delivery, map_url, ..
            } => {
                assert_eq!(*delivery, 0);
                assert_eq!(
                    map_url,
                    "https://www.openstreetmap.org/?mlat=63.31000&mlon=30.04000#map=16/63.31000/30.04000"
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(reachable(&s));
    }

    #[test]
    fn a_web_page_or_a_place_without_walk_in_does_not_reach_anyone() {
        let mut place = point(Channel::InPerson);
        place.location = Some((63.31, 30.04));
        let mut online = point(Channel::Online);
        online.web = Some("https://example.fi/verkossa".into());
        let mut s = service(vec![place, online]);
        assert_eq!(actions(&s, Lang::Fi).len(), 2);
        assert!(!reachable(&s));
        s.delivery[0].walk_in = true;
        assert!(reachable(&s));
        // The label falls back to the service's name, percent-encoded as UTF-8.
        assert!(actions(&s, Lang::Fi)[1]
            .href()
            .ends_with("(%C3%84itiysneuvola%20Lieksa)"));
    }
}

/// The warning as the catalogue checker gives it.
#[cfg(all(test, feature = "source"))]
mod check_tests {
    use crate::source::{compile, SourceFile, MUNICIPALITIES_FILE, SERVICE_TYPES_FILE};

    #[test]
    fn the_checker_warns_about_a_service_no_one_can_reach_by_file_line_and_id() {
        let services = r#"
[[organisation]]
id = "siun-sote"
kind = "wellbeing_county"
name.fi = "Siun sote"

[[service]]
id = "lieksa-perhevalmennus"
organisation = "siun-sote"
type = "family_coaching"
name.fi = "Perhevalmennus Lieksa"
languages = ["fi"]
cost = "free"
areas = ["422"]
last_checked = 2026-10-01

[[service.delivery]]
channel = "online"
web = "https://example.fi/perhevalmennus"

[[service]]
id = "lieksa-neuvola"
organisation = "siun-sote"
type = "maternity_clinic"
name.fi = "Neuvola Lieksa"
languages = ["fi"]
cost = "free"
areas = ["422"]
last_checked = 2026-10-01

[[service.delivery]]
channel = "phone"
phones = [{ number = "013 000 1234" }]
"#;
        let files = vec![
            SourceFile {
                path: MUNICIPALITIES_FILE.into(),
                text: include_str!("../../data/reference/municipalities.csv").into(),
            },
            SourceFile {
                path: SERVICE_TYPES_FILE.into(),
                text: include_str!("../../data/reference/service_types.csv").into(),
            },
            SourceFile {
                path: "services/lieksa.toml".into(),
                text: services.into(),
            },
        ];
        let (cat, report) = compile(&files, "2026-11-23T12:00:00Z", "2026-11-23").unwrap();
        // A warning, not a refusal: the service is still in the catalogue.
        assert_eq!(cat.services.len(), 2);
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            ["services/lieksa.toml:7: service \"lieksa-perhevalmennus\": no way to reach it: add a phone, e-mail, booking or chat address, or mark a place walk_in"]
        );
    }
}
