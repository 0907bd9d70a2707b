//! The user's settings: when a week starts, when a day starts, the support text and the days off.

use super::calendar::{ClockTime, LongDay, ShortDay, WEEK};
use chrono::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};
use std::fmt;
use std::str::FromStr;

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
    /// Weekdays that are days off, for how patterns group days (docs/INSIGHTS.md). Written only when
    /// it differs from the default, so a file that never set it reads exactly as before.
    #[serde(default, skip_serializing_if = "DaysOff::is_default")]
    pub days_off: DaysOff,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            week_starts_on: default_week_start(),
            day_starts_at: default_day_start(),
            support_text: default_support_text(),
            days_off: DaysOff::default(),
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
    DaysOff,
}

impl SettingKey {
    pub const ALL: [SettingKey; 4] = [
        SettingKey::WeekStartsOn,
        SettingKey::DayStartsAt,
        SettingKey::SupportText,
        SettingKey::DaysOff,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SettingKey::WeekStartsOn => "week_starts_on",
            SettingKey::DayStartsAt => "day_starts_at",
            SettingKey::SupportText => "support_text",
            SettingKey::DaysOff => "days_off",
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
            SettingKey::DaysOff => {
                "weekdays off work; patterns compare work days with work days, days off with days off"
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
            SettingKey::DaysOff => {
                "weekday names separated by commas, such as saturday,sunday or sat,sun; empty or none for no days off"
            }
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
            SettingKey::DaysOff => self.days_off.to_string(),
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
            SettingKey::DaysOff => {
                self.days_off = value.parse().map_err(refuse)?;
            }
        }
        Ok(())
    }
}

/// The weekdays that are days off: a set, kept in Monday-first order. Written to the file as a
/// list of lower-case weekday names (`["saturday", "sunday"]`, the default); may be empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DaysOff([bool; 7]);

impl Default for DaysOff {
    fn default() -> Self {
        DaysOff::of(&[Weekday::Sat, Weekday::Sun])
    }
}

impl DaysOff {
    /// No days off: every day is a work day.
    pub const NONE: DaysOff = DaysOff([false; 7]);

    pub fn of(days: &[Weekday]) -> DaysOff {
        let mut set = [false; 7];
        for day in days {
            set[day.num_days_from_monday() as usize] = true;
        }
        DaysOff(set)
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0[day.num_days_from_monday() as usize]
    }

    /// The days off, Monday first.
    pub fn days(&self) -> impl Iterator<Item = Weekday> + '_ {
        WEEK.into_iter().filter(|day| self.contains(*day))
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|off| !off)
    }

    pub fn is_default(&self) -> bool {
        *self == DaysOff::default()
    }
}

/// `saturday,sunday`, or `none` for no days off.
impl fmt::Display for DaysOff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let names: Vec<&str> = self.days().map(|day| LongDay(day).name()).collect();
        f.write_str(&names.join(","))
    }
}

/// Reads what a user types: weekday names (`saturday` or `sat`, any case) separated by commas
/// and/or spaces; an empty value or `none` means no days off. Repeats are harmless.
impl FromStr for DaysOff {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let names: Vec<&str> = text
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|name| !name.is_empty())
            .collect();
        if names.len() == 1 && names[0].eq_ignore_ascii_case("none") {
            return Ok(DaysOff::NONE);
        }
        let days = names
            .into_iter()
            .map(|name| name.parse::<ShortDay>().map(|day| day.0))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(DaysOff::of(&days))
    }
}

impl Serialize for DaysOff {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.days().map(LongDay))
    }
}

impl<'de> Deserialize<'de> for DaysOff {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Strict like `week_starts_on`: lower-case long names, as the file writes them.
        let days = Vec::<LongDay>::deserialize(d)?;
        Ok(DaysOff::of(
            &days.into_iter().map(|day| day.0).collect::<Vec<_>>(),
        ))
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

// `null` in a setting means the same as leaving it out: the default (docs/FORMAT.md, README).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_off_default_to_the_weekend_and_are_not_written_then() {
        let settings = Settings::default();
        assert_eq!(settings.get(SettingKey::DaysOff), "saturday,sunday");
        let json = serde_json::to_value(&settings).unwrap();
        assert!(json.get("days_off").is_none());
        let back: Settings = serde_json::from_str("{}").unwrap();
        assert_eq!(back.days_off, DaysOff::default());
    }

    #[test]
    fn days_off_accept_long_and_short_names_and_none() {
        let mut settings = Settings::default();
        settings.set(SettingKey::DaysOff, "Fri, sun").unwrap();
        assert_eq!(settings.get(SettingKey::DaysOff), "friday,sunday");
        assert_eq!(
            serde_json::to_value(&settings).unwrap()["days_off"],
            serde_json::json!(["friday", "sunday"])
        );
        settings.set(SettingKey::DaysOff, "").unwrap();
        assert!(settings.days_off.is_empty());
        assert_eq!(settings.get(SettingKey::DaysOff), "none");
        assert_eq!(
            serde_json::to_value(&settings).unwrap()["days_off"],
            serde_json::json!([])
        );
        settings
            .set(SettingKey::DaysOff, "saturday,sunday")
            .unwrap();
        assert!(settings.days_off.is_default());
        settings.set(SettingKey::DaysOff, "none").unwrap();
        assert_eq!(settings.days_off, DaysOff::NONE);
    }

    #[test]
    fn days_off_refuse_unknown_names_and_change_nothing() {
        let mut settings = Settings::default();
        let err = settings.set(SettingKey::DaysOff, "sat,funday").unwrap_err();
        assert!(err.starts_with("days_off cannot be"), "{err}");
        assert!(settings.days_off.is_default());
        assert!(serde_json::from_str::<Settings>(r#"{"days_off": ["Saturday"]}"#).is_err());
        assert!(serde_json::from_str::<Settings>(r#"{"days_off": "saturday"}"#).is_err());
        let read: Settings = serde_json::from_str(r#"{"days_off": ["monday"]}"#).unwrap();
        assert_eq!(read.days_off, DaysOff::of(&[Weekday::Mon]));
    }
}
