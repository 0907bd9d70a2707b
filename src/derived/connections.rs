//! What the Connections screen shows: the log's order, the people, the last nourishing
//! connection, this week's counts, the isolation flag, and the names the form completes.

use crate::journal::Journal;
use crate::trends::{self, ConnectionCounts, Flag, PersonSummary};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The most recent nourishing connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastNourishing {
    pub person: String,
    pub days_ago: i64,
}

#[derive(Debug, Clone, Default)]
pub struct ConnectionFigures {
    /// Indexes into `journal.connections`, newest first.
    pub order: Vec<usize>,
    pub people: Vec<PersonSummary>,
    pub last_nourishing: Option<LastNourishing>,
    pub week_start: Option<NaiveDate>,
    pub this_week: ConnectionCounts,
    pub isolation: Option<Flag>,
    /// Everyone ever logged, best completion first.
    pub names: Vec<String>,
}

impl ConnectionFigures {
    pub fn compute(journal: &Journal, today: NaiveDate) -> ConnectionFigures {
        let mut order: Vec<usize> = (0..journal.connections.len()).collect();
        let cs = &journal.connections;
        // Newest first; on one day the later-recorded first, then by id, so the file's order
        // never decides.
        order.sort_by(|&a, &b| {
            (cs[b].date, cs[b].recorded_at, &cs[b].id).cmp(&(
                cs[a].date,
                cs[a].recorded_at,
                &cs[a].id,
            ))
        });
        let week = trends::week_summaries(journal, today, 1).pop();
        ConnectionFigures {
            order,
            people: trends::people(journal, today),
            last_nourishing: trends::last_nourishing(journal, today).map(|c| LastNourishing {
                person: c.person.trim().to_string(),
                days_ago: (today - c.date).num_days(),
            }),
            week_start: week.as_ref().map(|w| w.week_start),
            this_week: week.map(|w| w.connections).unwrap_or_default(),
            isolation: trends::isolation(journal, today),
            names: known_names(journal),
        }
    }
}

/// Everyone ever logged, best completion first: most recent contact, then most contacts, then
/// name. Names are one person ignoring case and surrounding spaces (as in `trends::people`),
/// written as on their most recent connection.
pub fn known_names(journal: &Journal) -> Vec<String> {
    let mut by_person: BTreeMap<String, (NaiveDate, u32, &str)> = BTreeMap::new();
    for c in &journal.connections {
        let name = c.person.trim();
        let entry = by_person
            .entry(name.to_lowercase())
            .or_insert((c.date, 0, name));
        entry.1 += 1;
        if c.date > entry.0 || (c.date == entry.0 && name < entry.2) {
            entry.0 = c.date;
            entry.2 = name;
        }
    }
    let mut people: Vec<(NaiveDate, u32, &str)> = by_person.into_values().collect();
    people.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    people.into_iter().map(|(_, _, n)| n.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::known_names;
    use crate::journal::Journal;
    use crate::sample::call as connection;

    #[test]
    fn names_are_one_person_ignoring_case_most_recent_first() {
        let journal = Journal {
            connections: vec![
                connection("c-1", "2026-11-01", "sam"),
                connection("c-2", "2026-11-20", "Sam "),
                connection("c-3", "2026-11-10", "Alex"),
                connection("c-4", "2026-11-10", "Bo"),
                connection("c-5", "2026-11-09", "Bo"),
            ],
            ..Journal::default()
        };
        assert_eq!(known_names(&journal), vec!["Sam", "Bo", "Alex"]);
    }
}
