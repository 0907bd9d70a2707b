//! The journal: its types, their invariants, and the v1 file format.
//!
//! Pure data. Nothing here reads the clock, touches the disk or knows about the terminal; the
//! `store` module moves these values to and from `journal.json`.

mod boundary;
pub mod calendar;
mod change;
mod check_in;
mod codec;
mod connection;
mod extra;
mod habit;
mod person;
mod rating;
pub mod search;
mod settings;

pub use boundary::{Boundary, check_boundary_text};
pub use calendar::{ClockTime, FIRST_DAY, LAST_DAY, LongDay, ShortDay, journal_day, parse_date};
pub use change::Change;
pub use check_in::{CheckIn, Habits, Outcome, check_sleep_hours};
pub use codec::{DecodeError, decode, decode_reader, encode};
pub use connection::{Connection, Felt, InitiatedBy, Kind, check_person};
pub use extra::Extra;
pub use habit::Habit;
pub use person::{DrainingAnswer, MAX_EVERY_DAYS, Person, match_key, parse_every};
pub use rating::Rating;
pub use settings::{DEFAULT_SUPPORT_TEXT, DaysOff, SettingKey, Settings};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `format` marker every journal file carries.
pub const FORMAT: &str = "rekindle-journal";
/// The newest file format version this build reads and the one it writes.
pub const VERSION: u64 = 1;

/// The whole journal as stored in `journal.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub format: String,
    pub version: u64,
    #[serde(default, deserialize_with = "calendar::null_as_default")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "calendar::null_as_default")]
    pub check_ins: Vec<CheckIn>,
    #[serde(default, deserialize_with = "calendar::null_as_default")]
    pub connections: Vec<Connection>,
    #[serde(default, deserialize_with = "calendar::null_as_default")]
    pub boundaries: Vec<Boundary>,
    /// People the user chose to stay close to (added in 0.2; absent in older files, and left
    /// out of the file while empty so those files stay byte-identical).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "calendar::null_as_default"
    )]
    pub people: Vec<Person>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Journal {
    fn default() -> Self {
        Journal {
            format: FORMAT.to_string(),
            version: VERSION,
            settings: Settings::default(),
            check_ins: Vec::new(),
            connections: Vec::new(),
            boundaries: Vec::new(),
            people: Vec::new(),
            extra: Map::new(),
        }
    }
}

/// Refuses an empty id, or one used twice, in the list `list` of `what`s, naming the entry.
fn unique_ids<'a>(
    list: &str,
    what: &str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<(), (String, String)> {
    let mut seen = std::collections::HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() || !seen.insert(id) {
            return Err((
                format!("{list}[{i}].id"),
                format!("the {what} id is empty or used twice"),
            ));
        }
    }
    Ok(())
}

/// Six lower-case letters and digits from `bits`: 36^6 ≈ 2.2 billion ids per stem, so ids
/// picked at random on two devices on the same day practically never meet (and import keeps
/// both when they do).
pub fn id_suffix(mut bits: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..6)
        .map(|_| {
            let digit = DIGITS[(bits % 36) as usize] as char;
            bits /= 36;
            digit
        })
        .collect()
}

/// `stem` and a random suffix not yet `used`. The randomness mixes the OS-seeded keys of
/// `RandomState` with fastrand's clock-seeded generator, so two devices (or two processes
/// started in the same instant) do not draw the same suffix.
fn fresh_id(stem: &str, used: impl Fn(&str) -> bool) -> String {
    use std::hash::BuildHasher;
    loop {
        let bits = std::collections::hash_map::RandomState::new()
            .hash_one((std::process::id(), fastrand::u64(..)));
        let id = format!("{stem}{}", id_suffix(bits));
        if !used(&id) {
            return id;
        }
    }
}

/// Whether saving a check-in added a day or replaced one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    Added,
    Replaced,
}

impl Journal {
    pub fn check_in_on(&self, date: NaiveDate) -> Option<&CheckIn> {
        self.check_ins.iter().find(|c| c.date == date)
    }

    /// Records a day's check-in, replacing any existing one for that date. New days are inserted
    /// in date order so the file reads chronologically.
    pub fn upsert_check_in(&mut self, check_in: CheckIn) -> Upsert {
        if let Some(existing) = self.check_ins.iter_mut().find(|c| c.date == check_in.date) {
            *existing = check_in;
            return Upsert::Replaced;
        }
        let at = self
            .check_ins
            .iter()
            .rposition(|c| c.date < check_in.date)
            .map_or(0, |i| i + 1);
        self.check_ins.insert(at, check_in);
        Upsert::Added
    }

    pub fn remove_check_in(&mut self, date: NaiveDate) -> Option<CheckIn> {
        let index = self.check_ins.iter().position(|c| c.date == date)?;
        Some(self.check_ins.remove(index))
    }

    /// A fresh connection id for a connection dated `date`: `c-YYYYMMDD-` and 6 random
    /// letters and digits (`c-20261123-k3x9qa`), so two devices adding connections on the same
    /// day do not pick the same id (docs/FORMAT.md). Older journals' `c-YYYYMMDD-N` ids stay as they
    /// are; the reader takes any unique string.
    pub fn next_connection_id(&self, date: NaiveDate) -> String {
        let stem = format!("c-{}-", date.format("%Y%m%d"));
        fresh_id(&stem, |id| self.connections.iter().any(|c| c.id == id))
    }

    /// A fresh boundary id: `b-` and 6 random letters and digits (`b-7fq2mz`); see
    /// `next_connection_id`.
    pub fn next_boundary_id(&self) -> String {
        fresh_id("b-", |id| self.boundaries.iter().any(|b| b.id == id))
    }

    /// A fresh person id: `p-` and 6 random letters and digits; see `next_connection_id`.
    pub fn next_person_id(&self) -> String {
        fresh_id("p-", |id| self.people.iter().any(|p| p.id == id))
    }

    /// The first person (archived ones included) whose name or alias is `name`.
    pub fn person_named(&self, name: &str) -> Option<usize> {
        self.people.iter().position(|p| p.matches(name))
    }

    pub fn boundary(&self, id: &str) -> Option<&Boundary> {
        self.boundaries.iter().find(|b| b.id == id)
    }

    pub fn active_boundaries(&self) -> impl Iterator<Item = &Boundary> {
        self.boundaries.iter().filter(|b| !b.archived)
    }

    /// Checks the invariants serde cannot: unique dates and ids. Returns the JSON path of the
    /// first offence and what is wrong there.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let mut dates = std::collections::HashSet::new();
        for (i, c) in self.check_ins.iter().enumerate() {
            if !dates.insert(c.date) {
                return Err((
                    format!("check_ins[{i}].date"),
                    "a second check-in for the same date (one per day)".to_string(),
                ));
            }
        }
        unique_ids(
            "connections",
            "connection",
            self.connections.iter().map(|c| c.id.as_str()),
        )?;
        unique_ids(
            "boundaries",
            "boundary",
            self.boundaries.iter().map(|b| b.id.as_str()),
        )?;
        unique_ids(
            "people",
            "person",
            self.people.iter().map(|p| p.id.as_str()),
        )?;
        Ok(())
    }
}
