//! A person the user chose to stay close to: a name, the other names their connections are
//! logged under, and an optional reach-out cadence (the "stay close" issue).
//!
//! Pure data. Which people to suggest reaching out to, and when, is `stay_close`'s business.

use super::calendar::opt_date_format;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// The longest cadence rekindle keeps: once a year.
pub const MAX_EVERY_DAYS: u16 = 365;

/// Someone the user wants to stay in touch with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    #[serde(deserialize_with = "person_name")]
    pub name: String,
    /// Other names connections with this person are logged under (an old name after a rename).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::calendar::null_as_default"
    )]
    pub aliases: Vec<String>,
    /// The hoped-for rhythm in days (1–365); absent means no cadence.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "every_days"
    )]
    pub every_days: Option<u16>,
    /// When the user chose to stay close: the cadence counts from here until a first contact.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "opt_date_format"
    )]
    pub since: Option<NaiveDate>,
    /// No suggestion for this person up to and including this day.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "opt_date_format"
    )]
    pub paused_until: Option<NaiveDate>,
    #[serde(default, deserialize_with = "super::calendar::null_as_default")]
    pub archived: bool,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "super::calendar::null_as_default"
    )]
    pub note: String,
    /// The user's answer to "Keep a reach-out reminder for …?", asked once when recent contacts
    /// felt draining more often than not. Absent: not asked yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draining_answer: Option<DrainingAnswer>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The answer to the question asked when recent contacts with someone felt draining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrainingAnswer {
    /// Keep the reminder: suggestions for this person carry on as before.
    Keep,
    /// Pause it for a while (the pause is in `paused_until`); no suggestions while contacts
    /// keep feeling draining.
    Pause,
    /// Remove the cadence.
    Remove,
}

impl Person {
    pub fn new(id: String, name: String, since: NaiveDate) -> Person {
        Person {
            id,
            name,
            aliases: Vec::new(),
            every_days: None,
            since: Some(since),
            paused_until: None,
            archived: false,
            note: String::new(),
            draining_answer: None,
            extra: Map::new(),
        }
    }

    /// Whether a connection logged under `name` is with this person: the name or an alias,
    /// trimmed and ignoring case.
    pub fn matches(&self, name: &str) -> bool {
        let wanted = match_key(name);
        std::iter::once(&self.name)
            .chain(&self.aliases)
            .any(|n| match_key(n) == wanted)
    }

    /// Whether suggestions are paused on `today`.
    pub fn paused_on(&self, today: NaiveDate) -> bool {
        self.paused_until.is_some_and(|until| today <= until)
    }
}

/// A name as matching compares it: trimmed and lower-cased.
pub fn match_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Parses a cadence as typed: `14` (days), `14d`, `2w`, `1m` (30 days), or `off`. `Ok(None)` is
/// `off`.
pub fn parse_every(text: &str) -> Result<Option<u16>, String> {
    let t = text.trim().to_ascii_lowercase();
    if t == "off" || t == "none" {
        return Ok(None);
    }
    let (number, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => (&t[..at], t[at..].trim()),
        None => (t.as_str(), "d"),
    };
    let per = match unit {
        "d" | "day" | "days" => 1,
        "w" | "week" | "weeks" => 7,
        "m" | "month" | "months" => 30,
        _ => return Err(every_problem(text)),
    };
    let n: u32 = number.parse().map_err(|_| every_problem(text))?;
    let days = n.saturating_mul(per);
    if !(1..=u32::from(MAX_EVERY_DAYS)).contains(&days) {
        return Err(format!(
            "a cadence is 1 to {MAX_EVERY_DAYS} days, got {days} days"
        ));
    }
    Ok(Some(days as u16))
}

fn every_problem(text: &str) -> String {
    format!("expected days (14), weeks (2w), months (1m) or off, got {text:?}")
}

fn person_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    super::calendar::non_blank(d, "a person's name")
}

fn every_days<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u16>, D::Error> {
    match Option::<u16>::deserialize(d)? {
        Some(n) if !(1..=MAX_EVERY_DAYS).contains(&n) => Err(serde::de::Error::custom(
            "a cadence must be a whole number of days from 1 to 365",
        )),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_parse_as_days_weeks_months_or_off() {
        assert_eq!(parse_every("14"), Ok(Some(14)));
        assert_eq!(parse_every("2w"), Ok(Some(14)));
        assert_eq!(parse_every("1m"), Ok(Some(30)));
        assert_eq!(parse_every("10d"), Ok(Some(10)));
        assert_eq!(parse_every("off"), Ok(None));
        assert!(parse_every("0").is_err());
        assert!(parse_every("366").is_err());
        assert!(parse_every("13m").is_err());
        assert!(parse_every("soon").is_err());
    }

    #[test]
    fn names_and_aliases_match_trimmed_and_ignoring_case() {
        let mut sam = Person::new("p-1".into(), "Sam".into(), "2026-11-01".parse().unwrap());
        sam.aliases.push("Samantha".into());
        assert!(sam.matches(" sam "));
        assert!(sam.matches("SAMANTHA"));
        assert!(!sam.matches("Sma"));
    }
}
