//! Group sessions: for service types that meet at set times (family coaching, peer groups,
//! clubs, family cafés), the next session and the coming dates from the compiled schedule, in
//! place of "open now".

use chrono::{NaiveDateTime, TimeDelta};

use crate::hours::Schedule;
use crate::model::{Catalogue, Service};

/// How far ahead sessions are looked for: a group that meets monthly still shows two dates.
pub const SESSION_LOOKAHEAD_DAYS: i64 = 62;

/// One session, in Finnish local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
}

/// Up to `max` sessions that have not ended by `now`, in order; the first is "the next session"
/// (it may be under way). Stretches the schedule marks unknown are not sessions; dates past the
/// compiled window are not guessed.
pub fn coming_sessions(schedule: &Schedule, now: NaiveDateTime, max: usize) -> Vec<Session> {
    let mut out = Vec::new();
    let mut date = now.date();
    let last = now.date() + TimeDelta::days(SESSION_LOOKAHEAD_DAYS);
    while out.len() < max && date <= last {
        let Some(day) = schedule.day(date) else {
            if date > schedule.window().1 {
                break;
            }
            date += TimeDelta::days(1);
            continue;
        };
        let midnight = date.and_hms_opt(0, 0, 0).expect("valid time");
        for span in day.spans.iter().filter(|s| !s.unknown) {
            let session = Session {
                start: midnight + TimeDelta::minutes(i64::from(span.from)),
                end: midnight + TimeDelta::minutes(i64::from(span.to)),
            };
            if session.end > now && out.len() < max {
                out.push(session);
            }
        }
        date += TimeDelta::days(1);
    }
    out
}

impl Catalogue {
    /// Does the service meet in sessions (its type says so)? Then show `service_sessions`, not
    /// "open now".
    pub fn has_sessions(&self, s: &Service) -> bool {
        self.service_type(s).sessions
    }

    /// The coming sessions at one delivery point of a session-type service; empty for other
    /// services, places without hours, or a service closed on the day.
    pub fn service_sessions(
        &self,
        s: &Service,
        delivery: usize,
        now: NaiveDateTime,
        max: usize,
    ) -> Vec<Session> {
        let schedule = s
            .delivery
            .get(delivery)
            .and_then(|d| d.hours.as_deref())
            .and_then(|h| self.schedule(h));
        match schedule {
            Some(schedule) if self.has_sessions(s) => coming_sessions(schedule, now, max)
                .into_iter()
                .filter(|x| !s.closed_on(x.start.date()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::{epoch_day, Day, Span};
    use chrono::NaiveDate;

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    /// Tuesdays 10:00–11:30 and an unknown Thursday stretch, from Mon 7.12.2026 for 21 days,
    /// with Tue 22.12. off.
    fn tuesdays() -> Schedule {
        let span = |from, to, unknown| Span { from, to, unknown };
        Schedule {
            first: epoch_day(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()),
            len: 21,
            days: vec![
                Day::default(),
                Day {
                    spans: vec![span(600, 690, false)],
                    exceptional: false,
                },
                Day {
                    spans: vec![span(600, 690, true)],
                    exceptional: false,
                },
            ],
            week: [0, 1, 0, 2, 0, 0, 0],
            exceptions: vec![(15, 0)],
        }
    }

    #[test]
    fn the_next_session_and_the_coming_dates() {
        let s = tuesdays();
        let got = coming_sessions(&s, at(7, 12, 0), 5);
        assert_eq!(
            got,
            [
                Session {
                    start: at(8, 10, 0),
                    end: at(8, 11, 30)
                },
                // 22.12. is off; the window ends on 27.12.: nothing guessed after it.
                Session {
                    start: at(15, 10, 0),
                    end: at(15, 11, 30)
                },
            ]
        );
        // Under way: still the next session; ended: the following one.
        assert_eq!(coming_sessions(&s, at(8, 11, 0), 1)[0].start, at(8, 10, 0));
        assert_eq!(
            coming_sessions(&s, at(8, 11, 30), 1)[0].start,
            at(15, 10, 0)
        );
        assert_eq!(coming_sessions(&s, at(7, 12, 0), 1).len(), 1);
        assert!(coming_sessions(&s, at(20, 0, 0), 3).is_empty());
    }

    #[test]
    fn only_session_types_have_sessions() {
        let mut cat = crate::search::tests::tiny_catalogue();
        cat.schedules = vec![("Tu 10:00-11:30".into(), tuesdays())];
        let mut s = cat.services[0].clone();
        s.delivery = vec![crate::model::DeliveryPoint {
            channel: crate::model::Channel::InPerson,
            name: crate::model::Text::default(),
            address: None,
            location: None,
            accessibility: vec![],
            accessibility_note: crate::model::Text::default(),
            phones: vec![],
            email: None,
            web: None,
            booking: None,
            hours: Some("Tu 10:00-11:30".into()),
            hours_note: crate::model::Text::default(),
            walk_in: false,
        }];
        assert!(cat.service_sessions(&s, 0, at(7, 12, 0), 3).is_empty());
        let t = s.service_type as usize;
        cat.service_types[t].sessions = true;
        assert_eq!(cat.service_sessions(&s, 0, at(7, 12, 0), 3).len(), 2);
        assert!(cat.service_sessions(&s, 1, at(7, 12, 0), 3).is_empty());
        s.status = crate::model::Status::TemporarilyClosed;
        s.closed_until = Some("2026-12-08".into());
        let left = cat.service_sessions(&s, 0, at(7, 12, 0), 3);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].start, at(15, 10, 0));
    }
}
