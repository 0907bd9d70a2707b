//! The user's settings: when a week starts, when a day starts, and the support text.

use super::clock::{ClockTime, LongDay};
use chrono::Weekday;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Shown by `rekindle support`, the help overlay and the `seek_support` flag until the user sets
/// their own. It names no phone number: an offline app cannot know the user's country.
pub const DEFAULT_SUPPORT_TEXT: &str = "If you feel hopeless or unsafe, contact your local emergency number or a crisis line now. Set your own line with: rekindle settings support_text TEXT";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default = "default_week_start", deserialize_with = "week_start")]
    pub week_starts_on: LongDay,
    #[serde(default = "default_day_start", deserialize_with = "day_start")]
    pub day_starts_at: ClockTime,
    #[serde(default = "default_support_text", deserialize_with = "support_text")]
    pub support_text: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            week_starts_on: default_week_start(),
            day_starts_at: default_day_start(),
            support_text: default_support_text(),
            extra: Map::new(),
        }
    }
}

/// The settings a user can change, by the names the CLI and the file use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKey {
    WeekStartsOn,
    DayStartsAt,
    SupportText,
}

impl SettingKey {
    pub const ALL: [SettingKey; 3] = [
        SettingKey::WeekStartsOn,
        SettingKey::DayStartsAt,
        SettingKey::SupportText,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SettingKey::WeekStartsOn => "week_starts_on",
            SettingKey::DayStartsAt => "day_starts_at",
            SettingKey::SupportText => "support_text",
        }
    }

    pub fn about(self) -> &'static str {
        match self {
            SettingKey::WeekStartsOn => "the weekday a week starts on in trends (monday … sunday)",
            SettingKey::DayStartsAt => {
                "check-ins before this time (HH:MM) belong to the previous day"
            }
            SettingKey::SupportText => {
                "shown with the support flag, in help and by `rekindle support`"
            }
        }
    }

    pub fn accepted(self) -> &'static str {
        match self {
            SettingKey::WeekStartsOn => {
                "a weekday name: monday, tuesday, … sunday, or mon, tue, … sun"
            }
            SettingKey::DayStartsAt => "a time HH:MM or H:MM from 00:00 to 23:59",
            SettingKey::SupportText => "any text that is not blank",
        }
    }

    pub fn parse(name: &str) -> Option<SettingKey> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Settings {
    pub fn week_start(&self) -> Weekday {
        self.week_starts_on.0
    }

    /// The value of one setting as the user sees and types it.
    pub fn get(&self, key: SettingKey) -> String {
        match key {
            SettingKey::WeekStartsOn => self.week_starts_on.name().to_string(),
            SettingKey::DayStartsAt => self.day_starts_at.to_string(),
            SettingKey::SupportText => self.support_text.clone(),
        }
    }

    /// Validates and applies one setting; on error nothing changes.
    pub fn set(&mut self, key: SettingKey, value: &str) -> Result<(), String> {
        let refuse = |_why: String| {
            format!(
                "{} cannot be {:?}: expected {}",
                key.name(),
                value,
                key.accepted()
            )
        };
        match key {
            SettingKey::WeekStartsOn => {
                self.week_starts_on = value.parse().map_err(refuse)?;
            }
            SettingKey::DayStartsAt => {
                self.day_starts_at = ClockTime::parse_input(value).map_err(refuse)?;
            }
            SettingKey::SupportText => {
                if value.trim().is_empty() {
                    return Err(refuse("it is blank".to_string()));
                }
                self.support_text = value.to_string();
            }
        }
        Ok(())
    }
}

fn default_week_start() -> LongDay {
    LongDay(Weekday::Mon)
}

fn default_day_start() -> ClockTime {
    ClockTime::new(4, 0).expect("04:00 is a valid time")
}

fn default_support_text() -> String {
    DEFAULT_SUPPORT_TEXT.to_string()
}

// `null` in a setting means the same as leaving it out: the default (SPEC §2, README).
fn week_start<'de, D: Deserializer<'de>>(d: D) -> Result<LongDay, D::Error> {
    Ok(Option::deserialize(d)?.unwrap_or_else(default_week_start))
}

fn day_start<'de, D: Deserializer<'de>>(d: D) -> Result<ClockTime, D::Error> {
    Ok(Option::deserialize(d)?.unwrap_or_else(default_day_start))
}

fn support_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let Some(text) = Option::<String>::deserialize(d)? else {
        return Ok(default_support_text());
    };
    if text.trim().is_empty() {
        return Err(serde::de::Error::custom("support_text must not be blank"));
    }
    Ok(text)
}
