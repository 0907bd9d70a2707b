//! Figures the screens show, derived from the journal and the clock: reminders in force, the
//! connection and boundary summaries, the weekly review, the last 28 days.
//!
//! Pure: no terminal, no disk, no clock; `now` and `today` come in as arguments. The app
//! recomputes them after every change of the journal and every minute tick, never on a key
//! press that changes neither, so rendering only reads them. See docs/ARCHITECTURE.md.

mod boundaries;
mod connections;
mod reminders;

pub use boundaries::BoundaryFigures;
pub use connections::{ConnectionFigures, LastNourishing, known_names};
pub use reminders::Reminder;

use crate::journal::Journal;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Debug, Default, Clone)]
pub struct Derived {
    /// The active boundaries in force now, in journal order, with their reminder lines
    /// ("19:40 — you said: …") and the start of their windows.
    pub reminders: Vec<Reminder>,
    /// Check-in position by date, so the journal screen finds a day without scanning.
    pub check_in_index: HashMap<NaiveDate, usize>,
    pub connections: ConnectionFigures,
    pub boundaries: BoundaryFigures,
    /// The weekly review as of today over `review_weeks` weeks; its flags are today's flags
    /// wherever they show. `None` only before the first `compute`.
    pub review: Option<crate::trends::Review>,
    /// How many weeks `review` covers (the Trends screen's choice).
    pub review_weeks: usize,
    /// Day strain S (0–30) for each of the last 28 days, oldest first; `None` is a missed day.
    pub last_28_days: Vec<Option<u32>>,
    /// Who to suggest reaching out to today, and the question about draining contacts.
    pub stay_close: crate::stay_close::StayClose,
    /// Of the people given a rhythm, how many were in touch within it: (stayed close, chosen).
    pub stayed_close: Option<(usize, usize)>,
    /// Connections the other person started, this week so far.
    pub started_by_them: usize,
    /// The patterns report (insights over the default 26 weeks as of `today`). Costly next to
    /// the rest, so `compute` leaves it `None`: the app fills it after the first frame is drawn
    /// (`Action::Idle`) or when the Trends screen opens, and keeps it until the journal or the
    /// day changes. Shared, so carrying it over a minute tick copies nothing.
    pub insights: Option<Arc<crate::insights::Report>>,
}

impl Derived {
    pub fn compute(
        journal: &Journal,
        now: DateTime<FixedOffset>,
        today: NaiveDate,
        weeks: usize,
    ) -> Derived {
        let check_in_index: HashMap<NaiveDate, usize> = journal
            .check_ins
            .iter()
            .enumerate()
            .map(|(i, c)| (c.date, i))
            .collect();
        let last_28_days = (0..crate::trends::SLOPE_DAYS)
            .rev()
            .map(|back| {
                let date = today.checked_sub_days(chrono::Days::new(back))?;
                let index = check_in_index.get(&date)?;
                journal.check_ins.get(*index).map(crate::scoring::strain)
            })
            .collect();
        Derived {
            reminders: Reminder::all_in_force(journal, now.naive_local()),
            connections: ConnectionFigures::compute(journal, today),
            boundaries: BoundaryFigures::compute(journal, today),
            check_in_index,
            review: Some(crate::trends::review(journal, today, weeks)),
            review_weeks: weeks,
            last_28_days,
            stay_close: crate::stay_close::stay_close(
                &journal.people,
                &journal.connections,
                &journal.check_ins,
                today,
            ),
            stayed_close: crate::stay_close::stayed_close(
                &journal.people,
                &journal.connections,
                today,
            ),
            started_by_them: crate::stay_close::started_by_them(
                &journal.connections,
                crate::scoring::week_start(today, journal.settings.week_start()),
                today,
            ),
            insights: None,
        }
    }

    /// Fills `insights` when it is missing (the only place the report is computed).
    pub fn ensure_insights(&mut self, journal: &Journal, today: NaiveDate) {
        if self.insights.is_none() {
            self.insights = Some(Arc::new(crate::insights::analyse(
                journal,
                today,
                crate::insights::DEFAULT_WEEKS,
            )));
        }
    }

    /// The number of weeks shown changed: only the review depends on that.
    pub fn set_review_weeks(&mut self, journal: &Journal, today: NaiveDate, weeks: usize) {
        self.review = Some(crate::trends::review(journal, today, weeks));
        self.review_weeks = weeks;
    }
}

#[cfg(test)]
mod tests {
    use super::Derived;
    use crate::journal::{CheckIn, Journal, Rating};
    use chrono::{DateTime, NaiveDate};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a test date")
    }

    #[test]
    fn last_28_days_are_oldest_first_with_missed_days_as_gaps() {
        let mut journal = Journal::default();
        let r = |v| Rating::new(v).expect("a rating");
        journal
            .check_ins
            .push(CheckIn::new(day("2026-11-23"), r(8), r(6), r(4)));
        journal
            .check_ins
            .push(CheckIn::new(day("2026-10-27"), r(2), r(2), r(8)));
        let now = DateTime::parse_from_rfc3339("2026-11-23T21:04:05+01:00").expect("a time");
        let derived = Derived::compute(&journal, now, day("2026-11-23"), 8);
        assert_eq!(derived.last_28_days.len(), 28);
        // Today is last; 2026-10-27 is 27 days back, the first slot.
        assert_eq!(derived.last_28_days[27], Some(8 + 6 + (10 - 4)));
        assert_eq!(derived.last_28_days[0], Some(2 + 2 + (10 - 8)));
        assert!(derived.last_28_days[1..27].iter().all(Option::is_none));
        assert_eq!(derived.check_in_index.len(), 2);
        assert_eq!(derived.review_weeks, 8);
    }
}
