//! A logged connection with another person, and the vocabularies that describe it.

use super::calendar::{date_format, non_blank, trimmed_non_blank};
use super::extra::Extra;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize};

/// Who the user reached, or who reached them, and how it felt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    #[serde(with = "date_format")]
    pub date: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "super::calendar::opt_timestamp_format"
    )]
    pub recorded_at: Option<DateTime<FixedOffset>>,
    #[serde(deserialize_with = "person_name")]
    pub person: String,
    pub kind: Kind,
    pub initiated_by: InitiatedBy,
    pub felt: Felt,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "super::calendar::null_as_default"
    )]
    pub note: String,
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "super::calendar::null_as_default"
    )]
    pub gratitude: String,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Trims a person's name and refuses an empty one.
pub fn check_person(name: &str) -> Result<String, String> {
    trimmed_non_blank(name, "a connection needs a person's name (it was empty)")
}

fn person_name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    non_blank(d, "a connection's person")
}

/// Declares a closed vocabulary stored as snake_case strings, with its list of names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The accepted names, for error messages and help.
            pub fn names() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(text: &str) -> Result<Self, String> {
                let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| format!("expected one of {}, got {:?}", Self::names(), text))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// How the two people were in touch.
    Kind {
        Message => "message",
        Call => "call",
        Video => "video",
        InPerson => "in_person",
        Group => "group",
        Therapy => "therapy",
        Mentor => "mentor",
        Other => "other",
    }
);

impl Kind {
    /// The kind as a noun phrase with its article, for sentences: "a call", "an in-person
    /// connection", "a therapy session".
    pub fn phrase(self) -> &'static str {
        match self {
            Kind::Message => "a message",
            Kind::Call => "a call",
            Kind::Video => "a video call",
            Kind::InPerson => "an in-person connection",
            Kind::Group => "a group connection",
            Kind::Therapy => "a therapy session",
            Kind::Mentor => "a mentoring session",
            Kind::Other => "a connection",
        }
    }
}

vocabulary!(
    /// Who reached out first.
    InitiatedBy {
        Me => "me",
        Them => "them",
        Mutual => "mutual",
    }
);

vocabulary!(
    /// How the contact left the user feeling.
    Felt {
        Nourishing => "nourishing",
        Neutral => "neutral",
        Draining => "draining",
    }
);
