//! A boundary: the user's own rule, with the window and weekdays it applies to.

use super::calendar::{ClockTime, ShortDay, non_blank, opt_date_format, trimmed_non_blank};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// A rule the user set for themselves, such as "No work email after 19:00".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boundary {
    pub id: String,
    #[serde(deserialize_with = "boundary_text")]
    pub text: String,
    /// Start of the window. With `until` absent the window runs to the end of the day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<ClockTime>,
    /// End of the window (exclusive); earlier than `from` means the window crosses midnight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<ClockTime>,
    /// Weekdays the window starts on; absent means every day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<Vec<ShortDay>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "opt_date_format"
    )]
    pub created: Option<NaiveDate>,
    #[serde(default, deserialize_with = "super::calendar::null_as_default")]
    pub archived: bool,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Trims a boundary's text and refuses an empty one.
pub fn check_boundary_text(text: &str) -> Result<String, String> {
    let why = "a boundary needs some text, such as \"No work email after 19:00\"";
    trimmed_non_blank(text, why)
}

fn boundary_text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    non_blank(d, "a boundary's text")
}
