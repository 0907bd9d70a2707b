//! A day's check-in: the three ratings, recovery habits, boundary outcomes and a note.

use super::clock::date_format;
use super::rating::Rating;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One day's check-in. There is at most one per `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(with = "date_format")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::clock::opt_timestamp_format"
    )]
    pub recorded_at: Option<DateTime<FixedOffset>>,
    pub exhaustion: Rating,
    pub cynicism: Rating,
    pub efficacy: Rating,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Habits::is_empty")]
    pub habits: Habits,
    /// Boundary id → outcome. A boundary absent here was not recorded that day.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub boundaries: BTreeMap<String, Outcome>,
    /// Fields written by a newer rekindle or another tool, kept so a save never drops them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl CheckIn {
    /// A check-in with just the required fields.
    pub fn new(date: NaiveDate, exhaustion: Rating, cynicism: Rating, efficacy: Rating) -> Self {
        CheckIn {
            date,
            recorded_at: None,
            exhaustion,
            cynicism,
            efficacy,
            note: String::new(),
            habits: Habits::default(),
            boundaries: BTreeMap::new(),
            extra: Map::new(),
        }
    }
}

/// Whether the user kept a boundary on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Kept,
    Slipped,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Kept => "kept",
            Outcome::Slipped => "slipped",
        }
    }
}

/// Recovery habits. Every field is optional: `None` means "not recorded", never "no".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Habits {
    /// Sleep of the night before the day, 0–24 hours to one decimal.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "sleep_hours"
    )]
    pub sleep_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outside: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mindful: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_block: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disconnected: Option<bool>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The boolean habits in the order the app shows them, with their labels.
pub const HABIT_LABELS: [(&str, &str); 5] = [
    ("exercise", "Moved or exercised"),
    ("outside", "Went outside"),
    ("mindful", "A mindful pause"),
    ("rest_block", "A real rest block"),
    ("disconnected", "Disconnected from work"),
];

impl Habits {
    pub fn is_empty(&self) -> bool {
        self.sleep_hours.is_none()
            && self.flags().iter().all(Option::is_none)
            && self.extra.is_empty()
    }

    /// The boolean habits in `HABIT_LABELS` order.
    pub fn flags(&self) -> [Option<bool>; 5] {
        [
            self.exercise,
            self.outside,
            self.mindful,
            self.rest_block,
            self.disconnected,
        ]
    }

    /// Mutable access in `HABIT_LABELS` order.
    pub fn flag_mut(&mut self, index: usize) -> Option<&mut Option<bool>> {
        match index {
            0 => Some(&mut self.exercise),
            1 => Some(&mut self.outside),
            2 => Some(&mut self.mindful),
            3 => Some(&mut self.rest_block),
            4 => Some(&mut self.disconnected),
            _ => None,
        }
    }
}

/// Validates and normalises an hours-of-sleep figure: 0–24, rounded to one decimal.
pub fn check_sleep_hours(hours: f64) -> Result<f64, String> {
    if hours.is_finite() && (0.0..=24.0).contains(&hours) {
        Ok((hours * 10.0).round() / 10.0)
    } else {
        Err(format!(
            "sleep hours must be a number from 0 to 24, got {hours}"
        ))
    }
}

fn sleep_hours<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(d)? {
        Some(hours) => check_sleep_hours(hours)
            .map(Some)
            .map_err(|_| serde::de::Error::custom("sleep hours must be a number from 0 to 24")),
        None => Ok(None),
    }
}
