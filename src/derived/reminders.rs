//! The boundaries in force at a wall-clock moment, as the banner shows them.

use crate::journal::Journal;
use crate::reminders;
use chrono::NaiveDateTime;

/// A boundary in force now, as the banner shows it: the person's own text exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub id: String,
    pub line: String,
    pub window_start: NaiveDateTime,
}

impl Reminder {
    /// The active boundaries in force at the wall-clock moment `now`, in the journal's order.
    pub fn all_in_force(journal: &Journal, now: NaiveDateTime) -> Vec<Reminder> {
        journal
            .boundaries
            .iter()
            .filter_map(|b| {
                reminders::window_started(b, now).map(|window_start| Reminder {
                    id: b.id.clone(),
                    line: reminders::reminder_line_as_typed(b, now),
                    window_start,
                })
            })
            .collect()
    }

    /// What a dismissal is keyed by: this boundary's current window, so it returns with the next.
    pub fn window(&self) -> (String, NaiveDateTime) {
        (self.id.clone(), self.window_start)
    }
}

#[cfg(test)]
mod tests {
    use super::Reminder;
    use crate::journal::Journal;
    use chrono::NaiveDateTime;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("a test time")
    }

    fn journal() -> Journal {
        crate::journal::decode(
            br#"{"format":"rekindle-journal","version":1,"boundaries":[
              {"id":"b-1","text":"No work email after 19:00","from":"19:00","until":"23:59","created":"2026-11-01"},
              {"id":"b-2","text":"Lunch away from the desk","from":"12:00","until":"13:00","created":"2026-11-01"},
              {"id":"b-3","text":"Archived rule","from":"19:00","until":"23:59","created":"2026-11-01","archived":true}
            ]}"#,
        )
        .expect("a valid journal")
    }

    #[test]
    fn only_active_boundaries_whose_window_contains_now_are_in_force() {
        let evening = Reminder::all_in_force(&journal(), at("2026-11-23 21:04"));
        assert_eq!(
            evening.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["b-1"]
        );
        assert_eq!(evening[0].window_start, at("2026-11-23 19:00"));
        let noon = Reminder::all_in_force(&journal(), at("2026-11-23 12:30"));
        assert_eq!(
            noon.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["b-2"]
        );
        assert!(Reminder::all_in_force(&journal(), at("2026-11-23 09:00")).is_empty());
    }

    #[test]
    fn the_banner_shows_the_person_s_own_words_as_typed() {
        let evening = Reminder::all_in_force(&journal(), at("2026-11-23 21:04"));
        assert_eq!(
            evening[0].line,
            "21:04 — you said: No work email after 19:00"
        );
        let noon = Reminder::all_in_force(&journal(), at("2026-11-23 12:30"));
        assert_eq!(noon[0].line, "12:30 — you said: Lunch away from the desk");
    }
}
