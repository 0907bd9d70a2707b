//! Connection and boundary figures, reported beside the burnout score and never folded into it:
//! days since the last nourishing connection, a per-person summary over 90 days, per-boundary
//! kept-rates over 7 and 28 days, and the per-week counters the weekly review uses.
//!
//! Pure: takes the journal and "today", never reads the clock or the disk. Day differences are
//! date subtractions, never elapsed seconds. "Not recorded" is neither kept nor slipped;
//! archived boundaries keep their history in every rate; a record naming an id that is not in
//! `boundaries` is counted nowhere.

use super::{check_ins_until, connections_until, within_last};
use crate::journal::{Connection, Felt, InitiatedBy, Journal, Outcome};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The per-person summary looks back this many days.
pub const PEOPLE_DAYS: u64 = 90;

/// Connections by how they felt, and how many the user started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ConnectionCounts {
    pub nourishing: u32,
    pub neutral: u32,
    pub draining: u32,
    /// Initiated by "me" only; "mutual" and "them" are not counted here.
    pub initiated_by_me: u32,
}

impl ConnectionCounts {
    pub fn add(&mut self, connection: &Connection) {
        match connection.felt {
            Felt::Nourishing => self.nourishing += 1,
            Felt::Neutral => self.neutral += 1,
            Felt::Draining => self.draining += 1,
        }
        match connection.initiated_by {
            InitiatedBy::Me => self.initiated_by_me += 1,
            InitiatedBy::Them | InitiatedBy::Mutual => {}
        }
    }

    pub fn total(&self) -> u32 {
        self.nourishing + self.neutral + self.draining
    }
}

/// Kept and slipped records of boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutcomeCounts {
    pub kept: u32,
    pub slipped: u32,
}

impl OutcomeCounts {
    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Kept => self.kept += 1,
            Outcome::Slipped => self.slipped += 1,
        }
    }

    pub fn recorded(&self) -> u32 {
        self.kept + self.slipped
    }

    /// kept / (kept + slipped), or `None` when nothing was recorded.
    pub fn kept_rate(&self) -> Option<f64> {
        (self.recorded() > 0).then(|| f64::from(self.kept) / f64::from(self.recorded()))
    }
}

/// The ids of every boundary in the journal, archived ones included.
pub(super) fn known_boundary_ids(journal: &Journal) -> HashSet<&str> {
    journal.boundaries.iter().map(|b| b.id.as_str()).collect()
}

/// The most recent nourishing connection on or before `today`. Two on the same day: the one
/// whose person's name sorts first, then the smaller id, so the file's order never decides.
pub fn last_nourishing(journal: &Journal, today: NaiveDate) -> Option<&Connection> {
    connections_until(journal, today)
        .filter(|c| c.felt == Felt::Nourishing)
        .min_by(|a, b| {
            b.date
                .cmp(&a.date)
                .then_with(|| a.person.cmp(&b.person))
                .then_with(|| a.id.cmp(&b.id))
        })
}

/// Days from the last nourishing connection to `today` (0 = today), `None` if there never was
/// one. A date subtraction: 2026-03-28 to 2026-03-30 is 2 days whatever the clocks did.
pub fn days_since_nourishing(journal: &Journal, today: NaiveDate) -> Option<i64> {
    last_nourishing(journal, today).map(|c| (today - c.date).num_days())
}

/// How often the user was in touch with one person over the last 90 days, and how it felt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSummary {
    /// The name as written on the most recent connection with them.
    pub person: String,
    pub count: u32,
    pub last: NaiveDate,
    pub felt: ConnectionCounts,
}

impl PersonSummary {
    /// Share of the connections that felt nourishing, 0–1.
    pub fn share_nourishing(&self) -> f64 {
        f64::from(self.felt.nourishing) / f64::from(self.count.max(1))
    }

    /// Share of the connections that felt draining, 0–1. Shares, not a ratio: a ratio hides the
    /// draining side and is undefined with no draining contact.
    pub fn share_draining(&self) -> f64 {
        f64::from(self.felt.draining) / f64::from(self.count.max(1))
    }
}

/// Everyone the user was in touch with in the last 90 days, most recent contact first (then
/// most contacts, then name).
///
/// Names are matched ignoring case and surrounding spaces ("sam" and "Sam " are one person);
/// the row shows the name as written most recently (same day: the name sorting first).
pub fn people(journal: &Journal, today: NaiveDate) -> Vec<PersonSummary> {
    let mut by_person: BTreeMap<String, (PersonSummary, &str)> = BTreeMap::new();
    for c in connections_until(journal, today).filter(|c| within_last(PEOPLE_DAYS, c.date, today)) {
        let name = c.person.trim();
        let (summary, shown) = by_person.entry(name.to_lowercase()).or_insert_with(|| {
            let summary = PersonSummary {
                person: String::new(),
                count: 0,
                last: c.date,
                felt: ConnectionCounts::default(),
            };
            (summary, name)
        });
        summary.count += 1;
        summary.felt.add(c);
        if c.date > summary.last || (c.date == summary.last && name < *shown) {
            summary.last = c.date;
            *shown = name;
        }
    }
    let mut people: Vec<PersonSummary> = by_person
        .into_values()
        .map(|(mut summary, shown)| {
            summary.person = shown.to_string();
            summary
        })
        .collect();
    // `by_person` iterates by lowercase name, so the stable sort leaves equal rows in name order.
    people.sort_by(|a, b| b.last.cmp(&a.last).then(b.count.cmp(&a.count)));
    people
}

/// One boundary's record over the last 7 and 28 days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundaryRate {
    pub id: String,
    pub text: String,
    pub archived: bool,
    pub last_7: OutcomeCounts,
    pub last_28: OutcomeCounts,
}

impl BoundaryRate {
    pub fn kept_rate_7(&self) -> Option<f64> {
        self.last_7.kept_rate()
    }

    pub fn kept_rate_28(&self) -> Option<f64> {
        self.last_28.kept_rate()
    }
}

/// Kept-rates of every boundary (archived ones too, marked), in the journal's order — the order
/// the Boundaries screen lists them in; each figure is independent of any order.
pub fn boundary_rates(journal: &Journal, today: NaiveDate) -> Vec<BoundaryRate> {
    let mut counts: BTreeMap<&str, (OutcomeCounts, OutcomeCounts)> = journal
        .boundaries
        .iter()
        .map(|b| (b.id.as_str(), Default::default()))
        .collect();
    for c in check_ins_until(journal, today).filter(|c| within_last(28, c.date, today)) {
        let in_last_7 = within_last(7, c.date, today);
        for (id, outcome) in &c.boundaries {
            if let Some((last_7, last_28)) = counts.get_mut(id.as_str()) {
                last_28.add(*outcome);
                if in_last_7 {
                    last_7.add(*outcome);
                }
            }
        }
    }
    journal
        .boundaries
        .iter()
        .map(|b| {
            let (last_7, last_28) = counts.get(b.id.as_str()).copied().unwrap_or_default();
            BoundaryRate {
                id: b.id.clone(),
                text: b.text.clone(),
                archived: b.archived,
                last_7,
                last_28,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::scoring::fmt1;

    #[test]
    fn days_since_nourishing_is_a_date_difference_across_47_hours() {
        // Logged 2026-03-28 (say 22:00), today 2026-03-30 (say 21:00, after the DST jump on
        // 03-29): 47 elapsed hours, but 2 calendar days.
        let mut journal = journal(vec![]);
        journal.connections = vec![
            connection("c-1", d("2026-03-28"), "Sam", Felt::Nourishing),
            connection("c-2", d("2026-03-29"), "Ana", Felt::Draining),
        ];
        assert_eq!(days_since_nourishing(&journal, d("2026-03-30")), Some(2));
        assert_eq!(days_since_nourishing(&journal, d("2026-03-28")), Some(0));
        assert_eq!(days_since_nourishing(&journal, d("2026-03-27")), None);
        assert_eq!(
            days_since_nourishing(&Journal::default(), d("2026-03-30")),
            None
        );
    }

    #[test]
    fn last_nourishing_ties_break_by_name_not_file_order() {
        let mut journal = journal(vec![]);
        journal.connections = vec![
            connection("c-1", d("2026-03-28"), "Zoe", Felt::Nourishing),
            connection("c-2", d("2026-03-28"), "Ana", Felt::Nourishing),
        ];
        assert_eq!(
            last_nourishing(&journal, d("2026-03-30")).unwrap().person,
            "Ana"
        );
        journal.connections.reverse();
        assert_eq!(
            last_nourishing(&journal, d("2026-03-30")).unwrap().person,
            "Ana"
        );
    }

    #[test]
    fn people_summarises_the_last_90_days_with_shares() {
        let today = d("2026-11-23");
        let mut journal = journal(vec![]);
        journal.connections = vec![
            connection("c-1", ago(today, 1), "Sam", Felt::Nourishing),
            connection("c-2", ago(today, 10), "sam ", Felt::Draining),
            connection("c-3", ago(today, 20), "Sam", Felt::Nourishing),
            connection("c-4", ago(today, 89), "Ana", Felt::Neutral), // the 90th day: in
            connection("c-5", ago(today, 90), "Ana", Felt::Draining), // the 91st: out
            connection("c-6", ago(today, 90), "Old", Felt::Draining),
            connection("c-7", today.succ_opt().unwrap(), "Sam", Felt::Draining), // future
        ];
        let people = people(&journal, today);
        assert_eq!(people.len(), 2);
        let sam = &people[0];
        assert_eq!(
            (sam.person.as_str(), sam.count, sam.last),
            ("Sam", 3, ago(today, 1))
        );
        // 2 of 3 nourishing = 0.667 → 0.7; 1 of 3 draining = 0.333 → 0.3.
        assert_eq!(
            (fmt1(sam.share_nourishing()), fmt1(sam.share_draining())),
            ("0.7".into(), "0.3".into())
        );
        let ana = &people[1];
        assert_eq!(
            (ana.count, ana.felt.neutral, ana.share_draining()),
            (1, 1, 0.0)
        );
    }

    #[test]
    fn boundary_rates_cover_7_and_28_days_and_skip_unknown_ids() {
        let today = d("2026-11-28");
        let mut journal = journal(vec![]);
        journal.boundaries = vec![
            boundary("b-2", "No email after 19:00", true), // archived: history still counts
            boundary("b-1", "Lunch away from the desk", false),
            boundary("b-3", "Never recorded", false),
        ];
        // b-2: kept today and 6 days ago (last 7: 2 kept), slipped 7 and 27 days ago (in 28),
        // slipped 28 days ago (out). Last 7: 2/2 = 1.0; last 28: 2 kept of 4 = 0.5.
        for (back, outcome) in [
            (0, Outcome::Kept),
            (6, Outcome::Kept),
            (7, Outcome::Slipped),
            (27, Outcome::Slipped),
            (28, Outcome::Slipped),
        ] {
            let mut c = check_in(ago(today, back), 5, 5, 5);
            record(&mut c, "b-2", outcome);
            record(&mut c, "b-gone", Outcome::Slipped);
            journal.check_ins.push(c);
        }
        let rates = boundary_rates(&journal, today);
        assert_eq!(
            rates.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["b-2", "b-1", "b-3"]
        );
        assert!(rates[0].archived);
        assert_eq!(
            rates[0].last_7,
            OutcomeCounts {
                kept: 2,
                slipped: 0
            }
        );
        assert_eq!(
            rates[0].last_28,
            OutcomeCounts {
                kept: 2,
                slipped: 2
            }
        );
        assert_eq!(
            (rates[0].kept_rate_7(), rates[0].kept_rate_28()),
            (Some(1.0), Some(0.5))
        );
        assert_eq!(
            (rates[2].kept_rate_7(), rates[2].kept_rate_28()),
            (None, None)
        );
    }
}
