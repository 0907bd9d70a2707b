//! Finding days by their words: the `list --search` option and the Journal screen's `/`.
//!
//! A day matches when its check-in's note, or the note or gratitude of a connection on that
//! day, contains the query. Matching ignores case the Unicode way (`str::to_lowercase` on both
//! sides, so "ÉTÉ" finds "été" and "STRASSE" finds "strasse"), but not accents: "cafe" does not
//! find "café". Folding accents away would need Unicode decomposition tables (a dependency) and
//! would make a search for "résumé" find "resume" too; people who write accents can type them.
//! Text is compared as stored (no normalisation), which is how terminals and editors send it.

use super::Journal;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A search as typed: empty (or only spaces) means no search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    needle: String,
}

/// Where a day matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The check-in's note.
    Note,
    /// A connection's note (its index in `journal.connections`).
    ConnectionNote(usize),
    /// A connection's gratitude (its index in `journal.connections`).
    Gratitude(usize),
}

impl Query {
    /// `None` for an empty query.
    pub fn new(text: &str) -> Option<Query> {
        let needle = text.trim().to_lowercase();
        (!needle.is_empty()).then_some(Query { needle })
    }

    /// Whether `text` contains the query, ignoring case.
    pub fn matches(&self, text: &str) -> bool {
        !text.is_empty() && text.to_lowercase().contains(&self.needle)
    }

    /// Every day with a match, and where it matched, oldest first.
    pub fn days(&self, journal: &Journal) -> BTreeMap<NaiveDate, Vec<Place>> {
        let mut days: BTreeMap<NaiveDate, Vec<Place>> = BTreeMap::new();
        for c in &journal.check_ins {
            if self.matches(&c.note) {
                days.entry(c.date).or_default().push(Place::Note);
            }
        }
        for (i, k) in journal.connections.iter().enumerate() {
            if self.matches(&k.note) {
                days.entry(k.date)
                    .or_default()
                    .push(Place::ConnectionNote(i));
            }
            if self.matches(&k.gratitude) {
                days.entry(k.date).or_default().push(Place::Gratitude(i));
            }
        }
        for places in days.values_mut() {
            places.sort();
        }
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{CheckIn, Connection, Felt, InitiatedBy, Kind, Rating};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn journal() -> Journal {
        let r = Rating::new(5).unwrap();
        let mut j = Journal::default();
        let mut a = CheckIn::new(day(1), r, r, r);
        a.note = "Un été au café".into();
        j.check_ins.push(a);
        let mut b = CheckIn::new(day(2), r, r, r);
        b.note = "Quiet day".into();
        j.check_ins.push(b);
        j.connections.push(Connection {
            id: "c-1".into(),
            date: day(3),
            recorded_at: None,
            person: "Sam".into(),
            kind: Kind::Call,
            initiated_by: InitiatedBy::Me,
            felt: Felt::Nourishing,
            note: String::new(),
            gratitude: "Sam brought SOUP".into(),
            extra: Default::default(),
        });
        j
    }

    #[test]
    fn case_is_ignored_the_unicode_way_but_accents_count() {
        let j = journal();
        let find = |q: &str| {
            Query::new(q)
                .unwrap()
                .days(&j)
                .into_keys()
                .collect::<Vec<_>>()
        };
        assert_eq!(find("ÉTÉ"), vec![day(1)]);
        assert_eq!(find("café"), vec![day(1)]);
        assert!(find("cafe").is_empty(), "accents count");
        assert_eq!(find("soup"), vec![day(3)]);
        assert_eq!(find("quiet DAY"), vec![day(2)]);
        assert!(Query::new("  ").is_none());
    }

    #[test]
    fn a_match_says_where_it_is() {
        let j = journal();
        let days = Query::new("sam").unwrap().days(&j);
        assert_eq!(days[&day(3)], vec![Place::Gratitude(0)]);
    }
}
