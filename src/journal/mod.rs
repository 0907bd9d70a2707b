//! The journal: its types, their invariants, and the v1 file format.
//!
//! Pure data. Nothing here reads the clock, touches the disk or knows about the terminal; the
//! `store` module moves these values to and from `journal.json`.

mod boundary;
mod check_in;
pub mod clock;
mod codec;
mod connection;
mod rating;
mod settings;

pub use boundary::{Boundary, check_boundary_text};
pub use check_in::{CheckIn, HABIT_LABELS, Habits, Outcome, check_sleep_hours};
pub use clock::{ClockTime, LongDay, ShortDay, journal_day, parse_date};
pub use codec::{DecodeError, decode, encode};
pub use connection::{Connection, Felt, InitiatedBy, Kind, check_person};
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
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    #[serde(default)]
    pub connections: Vec<Connection>,
    #[serde(default)]
    pub boundaries: Vec<Boundary>,
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
            extra: Map::new(),
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

    /// A fresh connection id for a connection dated `date`: `c-YYYYMMDD-N`.
    pub fn next_connection_id(&self, date: NaiveDate) -> String {
        let stem = format!("c-{}", date.format("%Y%m%d"));
        (1..)
            .map(|n| format!("{stem}-{n}"))
            .find(|id| !self.connections.iter().any(|c| &c.id == id))
            .expect("an unbounded range always yields a free id")
    }

    /// A fresh boundary id: `b-N`.
    pub fn next_boundary_id(&self) -> String {
        (1..)
            .map(|n| format!("b-{n}"))
            .find(|id| !self.boundaries.iter().any(|b| &b.id == id))
            .expect("an unbounded range always yields a free id")
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
                    format!("a second check-in for {} (one per day)", c.date),
                ));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for (i, c) in self.connections.iter().enumerate() {
            if c.id.trim().is_empty() || !ids.insert(c.id.as_str()) {
                return Err((
                    format!("connections[{i}].id"),
                    format!("connection id {:?} is empty or used twice", c.id),
                ));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for (i, b) in self.boundaries.iter().enumerate() {
            if b.id.trim().is_empty() || !ids.insert(b.id.as_str()) {
                return Err((
                    format!("boundaries[{i}].id"),
                    format!("boundary id {:?} is empty or used twice", b.id),
                ));
            }
        }
        Ok(())
    }
}
