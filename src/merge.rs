//! The pure merge of two journals, used by `rekindle import` and the git merge driver, with a
//! with a report of every change.
//!
//! Pure. Nothing here reads files or the clock: the CLI decodes the import file with
//! `journal::decode`, calls `merge`, shows `MergeReport::summary`, and saves the merged journal
//! unless `--dry-run`. Both inputs are assumed to have passed `decode` (one check-in per date,
//! unique ids).
//!
//! Rules (the README's command list `import`):
//! - Check-ins are matched by date. A day in both with different content is a conflict: the one
//!   with the later `recorded_at` wins; an absent `recorded_at` counts as oldest; on a tie the
//!   journal keeps its own. The result lists check-ins by date.
//! - Connections are matched by id. Two with the same id are the same connection when they have
//!   the same date and person (case and outer spaces aside): then the later `recorded_at` wins,
//!   as for check-ins. Otherwise they are different connections that two devices happened to
//!   number alike: both are kept, the file's one under a new id (`c-YYYYMMDD-<6 letters>`,
//!   derived from its content, so importing the same file again finds it instead of adding it
//!   twice), and the report says so. An entry from the file that the journal already holds
//!   exactly under another id is unchanged. Existing ones keep their place; new ones are
//!   appended in the file's order.
//! - Boundaries are matched by id the same way. Two with the same id are the same boundary when
//!   their text (case and outer spaces aside) and `created` date agree; then the file's version
//!   wins (a boundary has no `recorded_at` to compare). Otherwise both are kept, the file's one
//!   under a new id (`b-<6 letters>`), and the file's check-ins that recorded it are pointed at
//!   the new id.
//! - People (reach-out cadences) are matched by id the same way. Two with the same id are the
//!   same person when their name (case and outer spaces aside) or their `since` date agree; then
//!   the file's version wins, as for boundaries. Otherwise both are kept, the file's one under a
//!   new id (`p-<6 letters>`).
//! - Settings: the journal keeps its own, except that an empty journal still on default settings
//!   (a first run, or restoring a backup onto a new machine) takes the file's settings — so
//!   export → import into a fresh journal gives back the same journal.
//! - Unknown top-level fields: the journal keeps its own; ones it lacks are taken from the file,
//!   so nothing a newer rekindle wrote is dropped.

use crate::journal::{Boundary, CheckIn, Connection, Journal, Person};
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::collections::btree_map::{BTreeMap, Entry as MapEntry};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// The merged journal and what the merge did.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub journal: Journal,
    pub report: MergeReport,
    /// File boundary ids that the merged journal holds under another id (file id → new id).
    pub boundary_ids: BTreeMap<String, String>,
}

/// Which kind of entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Connection,
    Boundary,
    Person,
}

/// An entry from the file that is new to the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    CheckIn(NaiveDate),
    Connection { id: String, what: String },
    Boundary { id: String, text: String },
}

/// An entry from the file whose id the journal already used for a different entry: both are
/// kept, the file's one under `new_id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reidentified {
    pub entry: Entry,
    pub id: String,
    pub new_id: String,
    /// Short descriptions of the journal's entry and the file's, for the report.
    pub yours: String,
    pub theirs: String,
}

/// What happened to the entries of one kind that the import file holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// New to the journal.
    pub added: usize,
    /// Differed, and the file's version replaced the journal's.
    pub updated: usize,
    /// Already in the journal exactly as in the file.
    pub unchanged: usize,
    /// Differed, and the journal's version was kept (it was recorded later, or neither was).
    pub kept: usize,
}

/// Which version of a conflicting entry the merged journal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Journal,
    File,
}

/// An entry present in both with different content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    CheckIn { date: NaiveDate, kept: Side },
    Connection { id: String, kept: Side },
    Boundary { id: String, kept: Side },
}

/// What happened to the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingsOutcome {
    /// The file's settings equal the journal's.
    Same,
    /// They differ; the journal kept its own.
    KeptJournal,
    /// The journal was empty and on default settings, so it took the file's.
    TookFile,
}

/// Counts and conflicts of one merge, for `rekindle import` to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeReport {
    pub check_ins: Tally,
    pub connections: Tally,
    pub boundaries: Tally,
    pub people: Tally,
    /// Boundary conflicts, check-in conflicts by date, then connection conflicts, in the
    /// file's order.
    pub conflicts: Vec<Conflict>,
    /// Entries new to the journal (re-identified ones are in `reidentified` instead).
    pub added: Vec<Added>,
    /// Entries kept beside a different one with the same id, under a new id.
    pub reidentified: Vec<Reidentified>,
    pub settings: SettingsOutcome,
    /// Whether the merged journal differs from the journal at all (whether to save).
    pub changed: bool,
}

/// Merges `incoming` (an import file) into `into` (the journal). See the module notes for rules.
pub fn merge(into: &Journal, incoming: &Journal) -> Merge {
    let mut conflicts = Vec::new();
    let mut added = Vec::new();
    let mut reidentified = Vec::new();
    let mut taken: HashSet<String> = into
        .connections
        .iter()
        .map(|c| c.id.clone())
        .chain(incoming.connections.iter().map(|c| c.id.clone()))
        .chain(into.boundaries.iter().map(|b| b.id.clone()))
        .chain(incoming.boundaries.iter().map(|b| b.id.clone()))
        .chain(into.people.iter().map(|p| p.id.clone()))
        .chain(incoming.people.iter().map(|p| p.id.clone()))
        .collect();
    let (boundaries, boundary_tally, boundary_ids) = merge_boundaries(
        into,
        incoming,
        &mut taken,
        &mut conflicts,
        &mut added,
        &mut reidentified,
    );
    // The file's check-ins point at the file's boundary ids; follow any that changed.
    let mut theirs_check_ins = incoming.check_ins.clone();
    if !boundary_ids.is_empty() {
        for day in &mut theirs_check_ins {
            day.boundaries = std::mem::take(&mut day.boundaries)
                .into_iter()
                .map(|(id, outcome)| {
                    let renamed = boundary_ids.get(id.as_str()).map(|new| new.as_str().into());
                    (renamed.unwrap_or(id), outcome)
                })
                .collect();
        }
    }
    let (check_ins, check_in_tally) =
        merge_check_ins(into, &theirs_check_ins, &mut conflicts, &mut added);
    let (connections, connection_tally) = merge_connections(
        into,
        incoming,
        &mut taken,
        &mut conflicts,
        &mut added,
        &mut reidentified,
    );

    let (people, people_tally) = merge_people(into, incoming, &mut taken, &mut reidentified);

    let fresh = into.check_ins.is_empty()
        && into.connections.is_empty()
        && into.boundaries.is_empty()
        && into.settings == Journal::default().settings;
    let (settings, settings_outcome) = if into.settings == incoming.settings {
        (into.settings.clone(), SettingsOutcome::Same)
    } else if fresh {
        (incoming.settings.clone(), SettingsOutcome::TookFile)
    } else {
        (into.settings.clone(), SettingsOutcome::KeptJournal)
    };

    let mut extra = into.extra.clone();
    for (key, value) in &incoming.extra {
        if !extra.contains_key(key) {
            extra.insert(key.clone(), value.clone());
        }
    }

    let journal = Journal {
        format: into.format.clone(),
        version: into.version,
        settings,
        check_ins,
        connections,
        boundaries,
        people,
        extra,
    };
    let changed = journal != *into;
    Merge {
        journal,
        report: MergeReport {
            check_ins: check_in_tally,
            connections: connection_tally,
            boundaries: boundary_tally,
            people: people_tally,
            conflicts,
            added,
            reidentified,
            settings: settings_outcome,
            changed,
        },
        boundary_ids,
    }
}

/// Whether two connections with the same id are one connection (an edit) rather than two that
/// devices numbered alike.
fn same_connection(a: &Connection, b: &Connection) -> bool {
    a.date == b.date && same_words(&a.person, &b.person)
}

/// Whether two boundaries with the same id are one boundary rather than two created separately.
fn same_boundary(a: &Boundary, b: &Boundary) -> bool {
    a.created == b.created && same_words(&a.text, &b.text)
}

fn same_words(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn merge_boundaries(
    into: &Journal,
    incoming: &Journal,
    taken: &mut HashSet<String>,
    conflicts: &mut Vec<Conflict>,
    added: &mut Vec<Added>,
    reidentified: &mut Vec<Reidentified>,
) -> (Vec<Boundary>, Tally, BTreeMap<String, String>) {
    let mut boundaries = into.boundaries.clone();
    let mut tally = Tally::default();
    let mut moved = BTreeMap::new();
    let index: HashMap<String, usize> = ids(boundaries.iter().map(|b| b.id.as_str()));
    for theirs in &incoming.boundaries {
        let same_but_id = |b: &Boundary| {
            Boundary {
                id: theirs.id.clone(),
                ..b.clone()
            } == *theirs
        };
        match index.get(&theirs.id) {
            Some(&i) if boundaries[i] == *theirs => tally.unchanged += 1,
            Some(&i) if same_boundary(&boundaries[i], theirs) => {
                boundaries[i] = theirs.clone();
                tally.updated += 1;
                conflicts.push(Conflict::Boundary {
                    id: theirs.id.clone(),
                    kept: Side::File,
                });
            }
            found => {
                if let Some(held) = boundaries.iter().find(|b| same_but_id(b)) {
                    // Already here under another id (an earlier import gave it one).
                    if held.id != theirs.id {
                        moved.insert(theirs.id.clone(), held.id.clone());
                    }
                    tally.unchanged += 1;
                    continue;
                }
                let mut new = theirs.clone();
                if let Some(&i) = found {
                    new.id = derived_id("b-", theirs, taken);
                    moved.insert(theirs.id.clone(), new.id.clone());
                    reidentified.push(Reidentified {
                        entry: Entry::Boundary,
                        id: theirs.id.clone(),
                        new_id: new.id.clone(),
                        yours: describe_boundary(&boundaries[i]),
                        theirs: describe_boundary(theirs),
                    });
                } else {
                    added.push(Added::Boundary {
                        id: new.id.clone(),
                        text: new.text.clone(),
                    });
                }
                tally.added += 1;
                boundaries.push(new);
            }
        }
    }
    (boundaries, tally, moved)
}

/// People by id: see the module notes. A file's person already held exactly (under any id)
/// is unchanged; one whose id the journal uses for someone else is kept under a new id.
fn merge_people(
    into: &Journal,
    incoming: &Journal,
    taken: &mut HashSet<String>,
    reidentified: &mut Vec<Reidentified>,
) -> (Vec<Person>, Tally) {
    let mut people = into.people.clone();
    let index = ids(people.iter().map(|p| p.id.as_str()));
    let mut tally = Tally::default();
    for theirs in &incoming.people {
        let same_but_id = |p: &Person| {
            Person {
                id: theirs.id.clone(),
                ..p.clone()
            } == *theirs
        };
        match index.get(&theirs.id) {
            Some(&i) if people[i] == *theirs => tally.unchanged += 1,
            Some(&i)
                if same_words(&people[i].name, &theirs.name)
                    || (people[i].since.is_some() && people[i].since == theirs.since) =>
            {
                people[i] = theirs.clone();
                tally.updated += 1;
            }
            _ if people.iter().any(same_but_id) => tally.unchanged += 1,
            found => {
                let mut new = theirs.clone();
                if let Some(&i) = found {
                    new.id = derived_id("p-", theirs, taken);
                    reidentified.push(Reidentified {
                        entry: Entry::Person,
                        id: theirs.id.clone(),
                        new_id: new.id.clone(),
                        yours: people[i].name.clone(),
                        theirs: theirs.name.clone(),
                    });
                }
                tally.added += 1;
                people.push(new);
            }
        }
    }
    (people, tally)
}

fn describe_boundary(b: &Boundary) -> String {
    match b.created {
        Some(created) => format!("{:?}, created {created}", b.text),
        None => format!("{:?}", b.text),
    }
}

fn describe_connection(c: &Connection) -> String {
    format!("{}, {}", c.date, c.person)
}

/// A new id for an entry from the file whose id the journal already uses for something else:
/// `stem` + 6 letters and digits from a hash of the entry's content, so the same entry gets the
/// same id whichever journal it is imported into, however often.
fn derived_id<T: serde::Serialize>(stem: &str, entry: &T, taken: &mut HashSet<String>) -> String {
    let text = serde_json::to_string(entry).expect("journal entries serialise");
    let mut salt = 0u64;
    loop {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ salt;
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let id = format!("{stem}{}", crate::journal::id_suffix(hash));
        if taken.insert(id.clone()) {
            return id;
        }
        salt += 1;
    }
}

fn merge_check_ins(
    into: &Journal,
    incoming: &[CheckIn],
    conflicts: &mut Vec<Conflict>,
    added: &mut Vec<Added>,
) -> (Vec<CheckIn>, Tally) {
    let mut by_date: BTreeMap<NaiveDate, CheckIn> =
        into.check_ins.iter().map(|c| (c.date, c.clone())).collect();
    let mut theirs: Vec<&CheckIn> = incoming.iter().collect();
    theirs.sort_by_key(|c| c.date);
    let mut tally = Tally::default();
    for theirs in theirs {
        match by_date.entry(theirs.date) {
            MapEntry::Vacant(slot) => {
                slot.insert(theirs.clone());
                tally.added += 1;
                added.push(Added::CheckIn(theirs.date));
            }
            MapEntry::Occupied(slot) if slot.get() == theirs => tally.unchanged += 1,
            MapEntry::Occupied(mut slot) => {
                let kept = if recorded_later(theirs.recorded_at, slot.get().recorded_at) {
                    slot.insert(theirs.clone());
                    tally.updated += 1;
                    Side::File
                } else {
                    tally.kept += 1;
                    Side::Journal
                };
                conflicts.push(Conflict::CheckIn {
                    date: theirs.date,
                    kept,
                });
            }
        }
    }
    (by_date.into_values().collect(), tally)
}

fn merge_connections(
    into: &Journal,
    incoming: &Journal,
    taken: &mut HashSet<String>,
    conflicts: &mut Vec<Conflict>,
    added: &mut Vec<Added>,
    reidentified: &mut Vec<Reidentified>,
) -> (Vec<Connection>, Tally) {
    let mut connections = into.connections.clone();
    let index = ids(connections.iter().map(|c| c.id.as_str()));
    let mut tally = Tally::default();
    for theirs in &incoming.connections {
        let same_but_id = |c: &Connection| {
            Connection {
                id: theirs.id.clone(),
                ..c.clone()
            } == *theirs
        };
        match index.get(&theirs.id) {
            Some(&i) if connections[i] == *theirs => tally.unchanged += 1,
            Some(&i) if same_connection(&connections[i], theirs) => {
                let kept = if recorded_later(theirs.recorded_at, connections[i].recorded_at) {
                    connections[i] = theirs.clone();
                    tally.updated += 1;
                    Side::File
                } else {
                    tally.kept += 1;
                    Side::Journal
                };
                conflicts.push(Conflict::Connection {
                    id: theirs.id.clone(),
                    kept,
                });
            }
            // Already here under another id (an earlier import gave it one).
            _ if connections.iter().any(same_but_id) => tally.unchanged += 1,
            found => {
                let mut new = theirs.clone();
                if let Some(&i) = found {
                    new.id = derived_id(
                        &format!("c-{}-", theirs.date.format("%Y%m%d")),
                        theirs,
                        taken,
                    );
                    reidentified.push(Reidentified {
                        entry: Entry::Connection,
                        id: theirs.id.clone(),
                        new_id: new.id.clone(),
                        yours: describe_connection(&connections[i]),
                        theirs: describe_connection(theirs),
                    });
                } else {
                    added.push(Added::Connection {
                        id: new.id.clone(),
                        what: describe_connection(&new),
                    });
                }
                tally.added += 1;
                connections.push(new);
            }
        }
    }
    (connections, tally)
}

fn ids<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.to_string(), i)).collect()
}

/// Whether the file's entry was recorded strictly later than the journal's. An absent time is
/// the oldest of all (`None < Some` for `Option`), and times compare as instants, whatever
/// their offsets.
fn recorded_later(
    theirs: Option<DateTime<FixedOffset>>,
    ours: Option<DateTime<FixedOffset>>,
) -> bool {
    theirs > ours
}

impl MergeReport {
    /// The dates of conflicting check-ins, oldest first.
    pub fn conflict_dates(&self) -> Vec<NaiveDate> {
        self.conflicts
            .iter()
            .filter_map(|c| match c {
                Conflict::CheckIn { date, .. } => Some(*date),
                Conflict::Connection { .. } | Conflict::Boundary { .. } => None,
            })
            .collect()
    }

    /// Lines for a person: the counts, then every change one by one (never cut short: a long
    /// import makes a long report): what was added, what was kept beside an entry with the
    /// same id under a new id, each conflict and which version won, and the settings.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        let mut line = |text: std::fmt::Arguments| {
            out.write_fmt(text)
                .expect("writing to a String cannot fail");
            out.push('\n');
        };
        if !self.changed {
            line(format_args!(
                "Nothing to change: the journal already holds everything in the file."
            ));
        }
        for (what, replaced, tally) in [
            ("Check-ins", "replaced", self.check_ins),
            ("Connections", "updated", self.connections),
            ("Boundaries", "updated", self.boundaries),
            ("People", "updated", self.people),
        ] {
            if what == "People" && tally == Tally::default() {
                continue;
            }
            let kept = if tally.kept > 0 {
                format!(", {} kept as they were (yours were newer)", tally.kept)
            } else {
                String::new()
            };
            line(format_args!(
                "{what}: {} added, {} {replaced}, {} unchanged{kept}.",
                tally.added, tally.updated, tally.unchanged
            ));
        }
        if !self.added.is_empty() {
            line(format_args!("Added:"));
            let dates: Vec<NaiveDate> = self
                .added
                .iter()
                .filter_map(|a| match a {
                    Added::CheckIn(date) => Some(*date),
                    _ => None,
                })
                .collect();
            for (first, last, days) in date_runs(&dates) {
                if days == 1 {
                    line(format_args!("  check-in {first}"));
                } else {
                    line(format_args!("  check-ins {first} to {last} ({days} days)"));
                }
            }
            for added in &self.added {
                match added {
                    Added::CheckIn(_) => {}
                    Added::Connection { id, what } => {
                        line(format_args!("  connection {id}: {what}"))
                    }
                    Added::Boundary { id, text } => line(format_args!("  boundary {id}: {text:?}")),
                }
            }
        }
        if !self.reidentified.is_empty() {
            line(format_args!(
                "{} the same id as a different one of yours; both are kept, the file's under a new id:",
                plural(
                    self.reidentified.len(),
                    "entry in the file has",
                    "entries in the file have"
                )
            ));
            for r in &self.reidentified {
                let what = match r.entry {
                    Entry::Connection => "connection",
                    Entry::Boundary => "boundary",
                    Entry::Person => "person",
                };
                line(format_args!(
                    "  {what} {}: yours is {}, the file's is {}: added as {}",
                    r.id, r.yours, r.theirs, r.new_id
                ));
            }
        }
        if !self.conflicts.is_empty() {
            line(format_args!(
                "{} differed between the journal and the file (the later recorded_at wins; a tie keeps yours; a boundary takes the file's):",
                plural(self.conflicts.len(), "entry", "entries")
            ));
            for conflict in &self.conflicts {
                let (what, kept) = match conflict {
                    Conflict::CheckIn { date, kept } => (format!("check-in {date}"), kept),
                    Conflict::Connection { id, kept } => (format!("connection {id}"), kept),
                    Conflict::Boundary { id, kept } => (format!("boundary {id}"), kept),
                };
                let outcome = match kept {
                    Side::File => "took the file's version",
                    Side::Journal => "kept yours",
                };
                line(format_args!("  {what}: {outcome}"));
            }
        }
        match self.settings {
            SettingsOutcome::Same => {}
            SettingsOutcome::KeptJournal => {
                out.push_str("Settings: kept yours (the file's settings were not imported).\n");
            }
            SettingsOutcome::TookFile => {
                out.push_str("Settings: taken from the file (the journal was empty).\n");
            }
        }
        out
    }
}

/// Consecutive days grouped: (first, last, number of days), in the order given.
fn date_runs(dates: &[NaiveDate]) -> Vec<(NaiveDate, NaiveDate, usize)> {
    let mut runs: Vec<(NaiveDate, NaiveDate, usize)> = Vec::new();
    for &date in dates {
        match runs.last_mut() {
            Some((_, last, days)) if last.succ_opt() == Some(date) => {
                *last = date;
                *days += 1;
            }
            _ => runs.push((date, date, 1)),
        }
    }
    runs
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{Format, Range, export};
    use crate::journal::{CheckIn, Felt, Rating, decode};
    use crate::sample::{arb_journal, d, sample};
    use proptest::prelude::*;

    fn at(rfc3339: &str) -> Option<DateTime<FixedOffset>> {
        Some(DateTime::parse_from_rfc3339(rfc3339).expect("test times are valid"))
    }

    #[test]
    fn people_merge_by_id_and_a_different_person_under_the_same_id_is_kept_beside() {
        let person = |id: &str, name: &str, since: &str| {
            crate::journal::Person::new(id.into(), name.into(), d(since))
        };
        let mut ours = sample();
        ours.people = vec![person("p-1", "Sam", "2026-11-01")];
        let mut theirs = sample();
        let mut edited = person("p-1", "Sam", "2026-11-01");
        edited.every_days = Some(14);
        theirs.people = vec![edited.clone(), person("p-2", "Priya", "2026-11-02")];
        let merged = merge(&ours, &theirs);
        assert_eq!(merged.journal.people.len(), 2);
        assert_eq!(merged.journal.people[0], edited);
        assert_eq!(
            (merged.report.people.added, merged.report.people.updated),
            (1, 1)
        );
        assert!(
            merged
                .report
                .summary()
                .contains("People: 1 added, 1 updated")
        );
        // Same id, someone else: both kept; importing again adds nothing.
        let mut other = sample();
        other.people = vec![person("p-1", "Lee", "2026-10-01")];
        let merged = merge(&ours, &other);
        assert_eq!(merged.journal.people.len(), 2);
        assert_ne!(merged.journal.people[1].id, "p-1");
        assert_eq!(merge(&merged.journal, &other).journal, merged.journal);
    }

    /// The sample journal with one day's exhaustion changed and re-recorded at `recorded_at`.
    fn edited(date: &str, recorded_at: Option<DateTime<FixedOffset>>) -> Journal {
        let mut journal = sample();
        let day = journal
            .check_ins
            .iter_mut()
            .find(|c| c.date == d(date))
            .expect("the sample has that day");
        day.exhaustion = Rating::new(1).unwrap();
        day.recorded_at = recorded_at;
        journal
    }

    fn exhaustion_on(journal: &Journal, date: &str) -> u8 {
        journal.check_in_on(d(date)).unwrap().exhaustion.get()
    }

    #[test]
    fn a_newer_check_in_in_the_file_replaces_the_journals_day() {
        // The sample's 11-09 was recorded 21:04 +01:00; the file's 21:30 +01:00 is later.
        let file = edited("2026-11-09", at("2026-11-09T21:30:00+01:00"));
        let merged = merge(&sample(), &file);
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-09"), 1);
        let report = &merged.report;
        assert_eq!(
            report.check_ins,
            Tally {
                added: 0,
                updated: 1,
                unchanged: 5,
                kept: 0
            }
        );
        assert_eq!(
            report.conflicts,
            [Conflict::CheckIn {
                date: d("2026-11-09"),
                kept: Side::File
            }]
        );
        assert_eq!(report.conflict_dates(), [d("2026-11-09")]);
        assert!(report.changed);
    }

    #[test]
    fn an_older_check_in_in_the_file_leaves_the_journals_day() {
        // 21:30 +03:00 reads later on the wall clock than the journal's 21:04 +01:00 but is the
        // earlier instant (18:30 vs 20:04 UTC): instants are compared, so the journal's day stays.
        let file = edited("2026-11-09", at("2026-11-09T21:30:00+03:00"));
        let merged = merge(&sample(), &file);
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-09"), 7);
        assert_eq!(merged.report.check_ins.kept, 1);
        assert_eq!(merged.report.check_ins.updated, 0);
        assert_eq!(
            merged.report.conflicts,
            [Conflict::CheckIn {
                date: d("2026-11-09"),
                kept: Side::Journal
            }]
        );
        assert!(!merged.report.changed);
        assert_eq!(merged.journal, sample());
    }

    #[test]
    fn an_absent_recorded_at_is_oldest_and_a_tie_keeps_the_journals_day() {
        // File without a time vs journal with one: the journal's is newer.
        let merged = merge(&sample(), &edited("2026-11-09", None));
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-09"), 7);
        // Journal without a time (11-12 has none) vs file with one: the file's is newer.
        let merged = merge(&sample(), &edited("2026-11-12", at("2026-11-12T08:00:00Z")));
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-12"), 1);
        // Neither has one: a tie.
        let merged = merge(&sample(), &edited("2026-11-12", None));
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-12"), 3);
        assert_eq!(merged.report.check_ins.kept, 1);
        // The same instant written with another offset: a tie too.
        let merged = merge(
            &sample(),
            &edited("2026-11-09", at("2026-11-09T20:04:05+00:00")),
        );
        assert_eq!(exhaustion_on(&merged.journal, "2026-11-09"), 7);
        assert_eq!(merged.report.check_ins.kept, 1);
    }

    #[test]
    fn merging_the_same_file_twice_changes_nothing_the_second_time() {
        let mut journal = sample();
        journal.check_ins.truncate(2);
        journal.connections.truncate(1);
        journal.boundaries.truncate(1);
        let file = sample();
        let first = merge(&journal, &file);
        assert!(first.report.changed);
        assert_eq!(first.report.check_ins.added, 4);
        assert_eq!(first.report.connections.added, 2);
        assert_eq!(first.report.boundaries.added, 2);
        let second = merge(&first.journal, &file);
        assert_eq!(second.journal, first.journal);
        let report = second.report;
        assert!(!report.changed);
        assert!(report.conflicts.is_empty());
        let unchanged = |n| Tally {
            unchanged: n,
            ..Tally::default()
        };
        assert_eq!(report.check_ins, unchanged(6));
        assert_eq!(report.connections, unchanged(3));
        assert_eq!(report.boundaries, unchanged(3));
        assert!(
            report.summary().starts_with("Nothing to change"),
            "{}",
            report.summary()
        );
    }

    #[test]
    fn check_ins_come_out_in_date_order_whatever_the_inputs_order() {
        let mut journal = sample();
        journal.check_ins.retain(|c| c.date > d("2026-11-12"));
        let mut file = sample();
        file.check_ins.reverse();
        let merged = merge(&journal, &file);
        let dates: Vec<NaiveDate> = merged.journal.check_ins.iter().map(|c| c.date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        assert_eq!(merged.journal.check_ins, sample().check_ins);
    }

    #[test]
    fn connections_merge_by_id_with_the_newer_recorded_at_winning() {
        let journal = sample();
        let mut file = sample();
        // Same id, later: the file's wins. Same id, no time in the file: the journal's stays.
        file.connections[0].felt = Felt::Draining;
        file.connections[0].recorded_at = at("2026-11-16T09:00:00+01:00");
        file.connections[1].note = "Walked by the river.".into();
        file.connections[2].note = "Homework: rest.".into();
        file.connections[2].recorded_at = at("2026-12-01T18:00:00+01:00");
        let mut new = file.connections[0].clone();
        new.id = "c-20261202-1".into();
        file.connections.insert(0, new);
        let merged = merge(&journal, &file);
        let ids: Vec<&str> = merged
            .journal
            .connections
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        // Existing ones keep their place; the new one comes last.
        assert_eq!(
            ids,
            [
                "c-20261115-1",
                "c-20261118-1",
                "c-20261201-1",
                "c-20261202-1"
            ]
        );
        let connections = &merged.journal.connections;
        assert_eq!(connections[0].felt, Felt::Draining);
        assert_eq!(
            connections[1].note,
            sample().connections[1].note,
            "neither has a time: a tie"
        );
        assert_eq!(connections[2].note, "Homework: rest.", "a time beats none");
        assert_eq!(
            merged.report.connections,
            Tally {
                added: 1,
                updated: 2,
                unchanged: 0,
                kept: 1
            }
        );
        assert_eq!(
            merged.report.conflicts,
            [
                Conflict::Connection {
                    id: "c-20261115-1".into(),
                    kept: Side::File
                },
                Conflict::Connection {
                    id: "c-20261118-1".into(),
                    kept: Side::Journal
                },
                Conflict::Connection {
                    id: "c-20261201-1".into(),
                    kept: Side::File
                },
            ]
        );
    }

    #[test]
    fn boundaries_merge_by_id_and_the_files_version_wins() {
        let mut file = sample();
        file.boundaries[0].from = Some("18:00".parse().unwrap());
        file.boundaries[2].archived = false;
        file.boundaries.remove(1);
        let mut new = file.boundaries[0].clone();
        new.id = "b-4".into();
        new.text = "Phone stays in the hall".into();
        file.boundaries.push(new);
        let merged = merge(&sample(), &file);
        let texts: Vec<(&str, &str, bool)> = merged
            .journal
            .boundaries
            .iter()
            .map(|b| (b.id.as_str(), b.text.as_str(), b.archived))
            .collect();
        assert_eq!(
            merged.journal.boundaries[0].from,
            Some("18:00".parse().unwrap())
        );
        assert_eq!(
            texts,
            [
                ("b-1", "No work email after 19:00", false),
                ("b-2", "Lunch away from the desk", false),
                ("b-3", "No Slack on weekends", false),
                ("b-4", "Phone stays in the hall", false),
            ],
            "a boundary missing from the file is not deleted"
        );
        assert_eq!(
            merged.report.boundaries,
            Tally {
                added: 1,
                updated: 2,
                unchanged: 0,
                kept: 0
            }
        );
        let summary = merged.report.summary();
        assert!(
            summary.contains("  boundary b-1: took the file's version\n"),
            "{summary}"
        );
    }

    #[test]
    fn settings_are_the_journals_unless_it_is_empty_and_on_defaults() {
        let mut file = sample();
        file.settings.week_starts_on = "sunday".parse().unwrap();
        let merged = merge(&sample(), &file);
        assert_eq!(merged.journal.settings, sample().settings);
        assert_eq!(merged.report.settings, SettingsOutcome::KeptJournal);
        assert!(merged.report.summary().contains("Settings: kept yours"));

        let merged = merge(&Journal::default(), &file);
        assert_eq!(merged.journal.settings, file.settings);
        assert_eq!(merged.report.settings, SettingsOutcome::TookFile);

        // An empty journal whose user already chose settings keeps them.
        let mut chosen = Journal::default();
        chosen.settings.day_starts_at = "05:00".parse().unwrap();
        let merged = merge(&chosen, &file);
        assert_eq!(merged.journal.settings, chosen.settings);
        assert_eq!(merged.report.settings, SettingsOutcome::KeptJournal);
    }

    #[test]
    fn unknown_top_level_fields_are_kept_and_missing_ones_taken_from_the_file() {
        let mut journal = sample();
        journal
            .extra
            .insert("plugin_data".into(), serde_json::json!("mine"));
        let mut file = sample();
        file.extra
            .insert("newer_field".into(), serde_json::json!(1));
        let merged = merge(&journal, &file);
        assert_eq!(merged.journal.extra["plugin_data"], "mine");
        assert_eq!(merged.journal.extra["newer_field"], 1);
        assert!(merged.report.changed);
    }

    #[test]
    fn summary_reads_as_a_few_plain_lines() {
        let mut journal = sample();
        journal.check_ins.remove(0);
        let file = edited("2026-11-16", at("2026-11-17T08:00:00+01:00"));
        let mut file_older = file.clone();
        file_older.check_ins[4].efficacy = Rating::new(9).unwrap(); // 11-20, no time: tie
        let summary = merge(&journal, &file_older).report.summary();
        assert_eq!(
            summary,
            "Check-ins: 1 added, 1 replaced, 3 unchanged, 1 kept as they were (yours were newer).\n\
             Connections: 0 added, 0 updated, 3 unchanged.\n\
             Boundaries: 0 added, 0 updated, 3 unchanged.\n\
             Added:\n  \
               check-in 2026-11-09\n\
             2 entries differed between the journal and the file (the later recorded_at wins; a tie keeps yours; a boundary takes the file's):\n  \
               check-in 2026-11-16: took the file's version\n  \
               check-in 2026-11-20: kept yours\n"
        );
    }

    #[test]
    fn long_conflict_lists_are_listed_in_full() {
        let mut file = Journal::default();
        let mut journal = Journal::default();
        for n in 0..12 {
            let date = d("2026-01-01") + chrono::Days::new(n);
            let r = |v| Rating::new(v).unwrap();
            journal.check_ins.push(CheckIn::new(date, r(1), r(1), r(1)));
            file.check_ins.push(CheckIn::new(date, r(2), r(2), r(2)));
        }
        let summary = merge(&journal, &file).report.summary();
        for n in 1..=12 {
            assert!(
                summary.contains(&format!("  check-in 2026-01-{n:02}: kept yours\n")),
                "{summary}"
            );
        }
        assert!(!summary.contains("more"), "{summary}");
    }

    proptest! {
        #[test]
        fn json_export_imported_into_a_fresh_journal_is_the_same_journal(journal in arb_journal()) {
            let bytes = export(&journal, Format::Json, Range::all());
            let decoded = decode(&bytes).expect("a JSON export decodes");
            let merged = merge(&Journal::default(), &decoded);
            prop_assert_eq!(&merged.journal, &journal);
            prop_assert_eq!(merged.report.check_ins.added, journal.check_ins.len());
            prop_assert!(merged.report.conflicts.is_empty());
        }

        #[test]
        fn json_export_of_a_range_is_the_journal_restricted_to_it(
            journal in arb_journal(),
            from in proptest::option::of(0u64..70),
            length in 0u64..40,
        ) {
            let from = from.map(|n| d("2026-10-01") + chrono::Days::new(n));
            let to = from.map(|from| from + chrono::Days::new(length));
            let range = Range::new(from, to).unwrap();
            let decoded = decode(&export(&journal, Format::Json, range)).unwrap();
            let mut expected = journal.clone();
            expected.check_ins.retain(|c| range.contains(c.date));
            expected.connections.retain(|c| range.contains(c.date));
            prop_assert_eq!(decoded, expected);
        }

        #[test]
        fn merging_again_changes_nothing(ours in arb_journal(), theirs in arb_journal()) {
            let first = merge(&ours, &theirs);
            prop_assert!(first.journal.validate().is_ok());
            let mut theirs_moved = theirs.clone();
            for day in &mut theirs_moved.check_ins {
                day.boundaries = std::mem::take(&mut day.boundaries)
                    .into_iter()
                    .map(|(id, o)| {
                        let renamed = first.boundary_ids.get(id.as_str()).map(|n| n.as_str().into());
                        (renamed.unwrap_or(id), o)
                    })
                    .collect();
            }
            // Nothing is lost: every connection and boundary of either side is in the result,
            // under its own id or a new one.
            let without_id = |c: &Connection| Connection { id: String::new(), ..c.clone() };
            for c in ours.connections.iter().chain(&theirs.connections) {
                let found = first.journal.connections.iter().any(|m| without_id(m) == without_id(c))
                    || first.journal.connections.iter().any(|m| m.id == c.id && same_connection(m, c));
                prop_assert!(found, "connection {} was lost", c.id);
            }
            for b in ours.boundaries.iter().chain(&theirs.boundaries) {
                let found = first.journal.boundaries.iter().any(|m| Boundary { id: b.id.clone(), ..m.clone() } == *b)
                    || first.journal.boundaries.iter().any(|m| m.id == b.id && same_boundary(m, b));
                prop_assert!(found, "boundary {} was lost", b.id);
            }
            for c in &first.journal.check_ins {
                let from_either = ours.check_in_on(c.date) == Some(c)
                    || theirs_moved.check_in_on(c.date) == Some(c);
                prop_assert!(from_either, "{} came from neither side", c.date);
            }
            let dates = |j: &Journal| j.check_ins.iter().map(|c| c.date).collect::<std::collections::BTreeSet<_>>();
            let mut both = dates(&ours);
            both.extend(dates(&theirs));
            prop_assert_eq!(dates(&first.journal), both);

            let second = merge(&first.journal, &theirs);
            prop_assert_eq!(&second.journal, &first.journal);
            prop_assert!(!second.report.changed);
            prop_assert_eq!(second.report.check_ins.added + second.report.check_ins.updated, 0);
            prop_assert_eq!(second.report.connections.added + second.report.connections.updated, 0);
            prop_assert_eq!(second.report.boundaries.added + second.report.boundaries.updated, 0);
        }
    }
}
