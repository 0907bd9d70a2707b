//! A day's check-in: the three ratings, recovery habits, boundary outcomes and a note.

use super::calendar::{date_format, null_as_default};
use super::extra::Extra;
use super::rating::Rating;
use chrono::{DateTime, FixedOffset, NaiveDate};
use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};
use std::collections::BTreeMap;

/// One day's check-in. There is at most one per `date`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    #[serde(with = "date_format")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::calendar::opt_timestamp_format"
    )]
    pub recorded_at: Option<DateTime<FixedOffset>>,
    pub exhaustion: Rating,
    pub cynicism: Rating,
    pub efficacy: Rating,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub note: String,
    #[serde(
        default,
        skip_serializing_if = "Habits::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub habits: Habits,
    /// Boundary id → outcome. A boundary absent here was not recorded that day.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "null_as_default"
    )]
    pub boundaries: BTreeMap<CompactString, Outcome>,
    /// Fields written by a newer rekindle or another tool, kept so a save never drops them.
    #[serde(flatten)]
    pub extra: Extra,
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
            extra: Extra::default(),
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
///
/// `sleep_hours` is kept exactly as written: the number's text from the file (or from
/// `--sleep`) is remembered and written back unchanged while the value is unchanged, so a save
/// never turns `6.55` into `6.6` or `7` into `7.0`. Rounding is for display only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "HabitsRepr", into = "HabitsRepr")]
pub struct Habits {
    /// Sleep of the night before the day, 0–24 hours.
    pub sleep_hours: Option<f64>,
    pub exercise: Option<bool>,
    pub outside: Option<bool>,
    pub mindful: Option<bool>,
    pub rest_block: Option<bool>,
    pub disconnected: Option<bool>,
    pub extra: Extra,
    /// How `sleep_hours` was written, when it was read from text.
    sleep_hours_written: Written,
}

/// The text of a number as it was read. Never part of equality: `7` and `7.0` are the same
/// amount of sleep, the text only decides how an unchanged value is written back. Held inline
/// (a short `CompactString`, not a `Number`'s heap string): one on nearly every check-in.
#[derive(Debug, Clone, Default)]
struct Written(Option<CompactString>);

impl Written {
    fn of(number: Option<&Number>) -> Written {
        Written(number.map(|n| n.as_str().into()))
    }

    /// The number as read, when it still is `hours`.
    fn number_if(&self, hours: f64) -> Option<Number> {
        let number: Number = self.0.as_deref()?.parse().ok()?;
        (number.as_f64() == Some(hours)).then_some(number)
    }
}

impl PartialEq for Written {
    fn eq(&self, _: &Written) -> bool {
        true
    }
}

/// `Habits` as it is in the file.
#[derive(Serialize, Deserialize)]
struct HabitsRepr {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "checked_sleep"
    )]
    sleep_hours: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    exercise: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outside: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mindful: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rest_block: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    disconnected: Option<bool>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

impl TryFrom<HabitsRepr> for Habits {
    type Error = String;

    fn try_from(repr: HabitsRepr) -> Result<Habits, String> {
        let sleep_hours = match &repr.sleep_hours {
            Some(number) => Some(sleep_value(number)?),
            None => None,
        };
        Ok(Habits {
            sleep_hours,
            exercise: repr.exercise,
            outside: repr.outside,
            mindful: repr.mindful,
            rest_block: repr.rest_block,
            disconnected: repr.disconnected,
            extra: Extra::from(repr.extra),
            sleep_hours_written: Written::of(repr.sleep_hours.as_ref()),
        })
    }
}

impl From<Habits> for HabitsRepr {
    fn from(habits: Habits) -> HabitsRepr {
        let sleep_hours = habits.sleep_hours.map(|hours| {
            // Written back as read while the value is the one read.
            habits
                .sleep_hours_written
                .number_if(hours)
                .or_else(|| Number::from_f64(hours))
                .unwrap_or_else(|| Number::from(0))
        });
        HabitsRepr {
            sleep_hours,
            exercise: habits.exercise,
            outside: habits.outside,
            mindful: habits.mindful,
            rest_block: habits.rest_block,
            disconnected: habits.disconnected,
            extra: habits.extra.into_map(),
        }
    }
}

/// Validates `sleep_hours` where it is read, so an error names `…habits.sleep_hours`.
fn checked_sleep<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Number>, D::Error> {
    let number = Option::<Number>::deserialize(d)?;
    if let Some(number) = &number {
        // Kind only, never the value read from the file (see terminal_text).
        sleep_value(number)
            .map_err(|_| serde::de::Error::custom("sleep hours must be a number from 0 to 24"))?;
    }
    Ok(number)
}

fn sleep_value(number: &Number) -> Result<f64, String> {
    let hours = number
        .as_f64()
        .ok_or_else(|| "sleep hours must be a number from 0 to 24".to_string())?;
    check_sleep_hours(hours)
}

impl Habits {
    pub fn is_empty(&self) -> bool {
        self.sleep_hours.is_none()
            && self.flags().iter().all(Option::is_none)
            && self.extra.is_empty()
    }

    /// The boolean habits in `Habit::ALL` order.
    pub fn flags(&self) -> [Option<bool>; 5] {
        super::Habit::ALL.map(|habit| self.get(habit))
    }

    /// Sets `sleep_hours` from a number as typed (`7`, `6.55`), keeping that text for the file.
    pub fn set_sleep_hours_text(&mut self, text: &str) -> Result<(), String> {
        let number: Number = text
            .trim()
            .parse()
            .map_err(|_| format!("sleep hours must be a number from 0 to 24, got {text:?}"))?;
        self.sleep_hours = Some(sleep_value(&number)?);
        self.sleep_hours_written = Written::of(Some(&number));
        Ok(())
    }
}

/// Validates an hours-of-sleep figure: a number from 0 to 24. The value is kept as given;
/// rounding to one decimal is for display only.
pub fn check_sleep_hours(hours: f64) -> Result<f64, String> {
    if hours.is_finite() && (0.0..=24.0).contains(&hours) {
        Ok(hours)
    } else {
        Err(format!(
            "sleep hours must be a number from 0 to 24, got {hours}"
        ))
    }
}
