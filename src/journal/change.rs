//! A change to a journal as a list of named entries (a check-in by its date, a connection, a
//! boundary or a person by its id, the settings), so it can be applied on top of a journal that someone
//! else changed meanwhile: the open app saves its own edits without undoing a CLI command, a
//! sync tool or a hand edit that landed since it last read the file (docs/ARCHITECTURE.md,
//! "optimistic saves").
//!
//! Pure: `between` compares two journals, `apply` replays the difference. Entries the change
//! does not name are left exactly as they are in the journal it is applied to.

use super::{Boundary, CheckIn, Connection, Journal, Person, Settings};
use chrono::NaiveDate;

/// What one saver changed, entry by entry. `None` means the entry was removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    pub check_ins: Vec<(NaiveDate, Option<CheckIn>)>,
    pub connections: Vec<(String, Option<Connection>)>,
    pub boundaries: Vec<(String, Option<Boundary>)>,
    pub people: Vec<(String, Option<Person>)>,
    pub settings: Option<Settings>,
}

/// The entries of `wanted` that differ from `base` under the same key, then the keys of `base`
/// that `wanted` no longer has. Linear: a save on a journal of decades stays quick.
fn keyed_diff<T: Clone + PartialEq, K: Eq + std::hash::Hash + Clone>(
    base: &[T],
    wanted: &[T],
    key: impl Fn(&T) -> K,
) -> Vec<(K, Option<T>)> {
    let by_key: std::collections::HashMap<K, &T> = base.iter().map(|b| (key(b), b)).collect();
    let mut out = Vec::new();
    let mut kept = std::collections::HashSet::new();
    for entry in wanted {
        let k = key(entry);
        if by_key.get(&k) != Some(&entry) {
            out.push((k.clone(), Some(entry.clone())));
        }
        kept.insert(k);
    }
    for old in base {
        let k = key(old);
        if !kept.contains(&k) {
            out.push((k, None));
        }
    }
    out
}

/// Puts `entry` in place of the one under `key`, appends it when there is none, or removes the
/// one under `key` when `entry` is `None`.
fn keyed_apply<T: Clone, K: PartialEq>(
    list: &mut Vec<T>,
    key: &K,
    entry: &Option<T>,
    of: impl Fn(&T) -> K,
) {
    let at = list.iter().position(|e| of(e) == *key);
    match (at, entry) {
        (Some(i), Some(new)) => list[i] = new.clone(),
        (None, Some(new)) => list.push(new.clone()),
        (Some(i), None) => {
            list.remove(i);
        }
        (None, None) => {}
    }
}

impl Change {
    /// What turns `base` into `wanted`.
    pub fn between(base: &Journal, wanted: &Journal) -> Change {
        Change {
            check_ins: keyed_diff(&base.check_ins, &wanted.check_ins, |c| c.date),
            connections: keyed_diff(&base.connections, &wanted.connections, |c| c.id.clone()),
            boundaries: keyed_diff(&base.boundaries, &wanted.boundaries, |b| b.id.clone()),
            people: keyed_diff(&base.people, &wanted.people, |p| p.id.clone()),
            settings: (base.settings != wanted.settings).then(|| wanted.settings.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.check_ins.is_empty()
            && self.connections.is_empty()
            && self.boundaries.is_empty()
            && self.people.is_empty()
            && self.settings.is_none()
    }

    /// Replays the change on `journal`. Check-ins stay in date order.
    pub fn apply(&self, journal: &mut Journal) {
        for (date, entry) in &self.check_ins {
            match entry {
                Some(check_in) => {
                    journal.upsert_check_in(check_in.clone());
                }
                None => keyed_apply(&mut journal.check_ins, date, &None, |c| c.date),
            }
        }
        for (id, entry) in &self.connections {
            keyed_apply(&mut journal.connections, id, entry, |c| c.id.clone());
        }
        for (id, entry) in &self.boundaries {
            keyed_apply(&mut journal.boundaries, id, entry, |b| b.id.clone());
        }
        for (id, entry) in &self.people {
            keyed_apply(&mut journal.people, id, entry, |p| p.id.clone());
        }
        if let Some(settings) = &self.settings {
            journal.settings = settings.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Change;
    use crate::journal::{CheckIn, Journal, Rating};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).expect("a November day")
    }

    fn check_in(n: u32, e: u8) -> CheckIn {
        let r = |v| Rating::new(v).expect("a rating");
        CheckIn::new(day(n), r(e), r(5), r(5))
    }

    fn connection(id: &str, person: &str) -> crate::journal::Connection {
        crate::sample::call(id, "2026-11-20", person)
    }

    #[test]
    fn a_change_lands_on_top_of_what_someone_else_wrote_meanwhile() {
        let mut base = Journal::default();
        base.check_ins.push(check_in(20, 3));
        base.connections.push(connection("c-1", "Sam"));
        // The app edits day 20 and deletes Sam's connection…
        let mut wanted = base.clone();
        wanted.check_ins[0] = check_in(20, 8);
        wanted.connections.clear();
        let change = Change::between(&base, &wanted);
        // …while the CLI added day 21 and a connection with Jo.
        let mut disk = base.clone();
        disk.check_ins.push(check_in(21, 6));
        disk.connections.push(connection("c-2", "Jo"));
        change.apply(&mut disk);
        assert_eq!(disk.check_ins, vec![check_in(20, 8), check_in(21, 6)]);
        assert_eq!(disk.connections, vec![connection("c-2", "Jo")]);
    }

    #[test]
    fn no_change_is_empty_and_changes_nothing() {
        let mut base = Journal::default();
        base.check_ins.push(check_in(20, 3));
        let change = Change::between(&base, &base.clone());
        assert!(change.is_empty());
        let mut other = Journal::default();
        other.check_ins.push(check_in(22, 9));
        let before = other.clone();
        change.apply(&mut other);
        assert_eq!(other, before);
    }

    #[test]
    fn a_person_edited_in_the_app_survives_a_person_added_elsewhere() {
        let person = |id: &str, name: &str, every: u32| -> crate::journal::Person {
            serde_json::from_value(serde_json::json!({"id": id, "name": name, "every_days": every}))
                .expect("a valid person")
        };
        let mut base = Journal::default();
        base.people.push(person("p-1", "Sam", 14));
        let mut wanted = base.clone();
        wanted.people[0] = person("p-1", "Sam", 7);
        let mut disk = base.clone();
        disk.people.push(person("p-2", "Priya", 30));
        Change::between(&base, &wanted).apply(&mut disk);
        assert_eq!(
            disk.people,
            vec![person("p-1", "Sam", 7), person("p-2", "Priya", 30)]
        );
    }

    proptest! {
        /// Applied to the journal it was computed from, a change gives exactly what was wanted
        /// (up to check-in order, which `upsert_check_in` keeps by date).
        #[test]
        fn applying_a_change_to_its_base_gives_what_was_wanted(
            base_days in proptest::collection::btree_map(1u32..28, 0u8..=10, 0..8),
            wanted_days in proptest::collection::btree_map(1u32..28, 0u8..=10, 0..8),
        ) {
            let journal = |days: &std::collections::BTreeMap<u32, u8>| {
                let mut j = Journal::default();
                for (d, e) in days {
                    j.check_ins.push(check_in(*d, *e));
                }
                j
            };
            let (base, wanted) = (journal(&base_days), journal(&wanted_days));
            let mut result = base.clone();
            Change::between(&base, &wanted).apply(&mut result);
            prop_assert_eq!(result.check_ins, wanted.check_ins);
        }
    }
}
