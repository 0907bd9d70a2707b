//! A 0–10 rating that cannot hold anything else.
//!
//! The range is checked where data enters (serde, the CLI, the TUI), so the rest of the program
//! can do arithmetic on ratings without re-checking them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the three daily ratings, an integer 0–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub const MIN: u8 = 0;
    pub const MAX: u8 = 10;

    pub fn new(value: u8) -> Option<Rating> {
        (value <= Self::MAX).then_some(Rating(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// One step up, saturating at 10.
    pub fn raised(self) -> Rating {
        Rating((self.0 + 1).min(Self::MAX))
    }

    /// One step down, saturating at 0.
    pub fn lowered(self) -> Rating {
        Rating(self.0.saturating_sub(1))
    }
}

impl TryFrom<i64> for Rating {
    type Error = String;

    fn try_from(value: i64) -> Result<Self, Self::Error> {
        u8::try_from(value)
            .ok()
            .and_then(Rating::new)
            // No value in the message: it is read from a file, and errors never quote those.
            .ok_or_else(|| "a rating must be a whole number from 0 to 10".to_string())
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_zero_through_ten_only() {
        for v in 0..=10u8 {
            assert_eq!(Rating::new(v).map(Rating::get), Some(v));
        }
        assert_eq!(Rating::new(11), None);
        assert!(Rating::try_from(-1).is_err());
        assert!(Rating::try_from(300).is_err());
    }

    #[test]
    fn serde_rejects_out_of_range_and_fractions() {
        assert!(serde_json::from_str::<Rating>("11").is_err());
        assert!(serde_json::from_str::<Rating>("-1").is_err());
        assert!(serde_json::from_str::<Rating>("5.5").is_err());
        assert!(serde_json::from_str::<Rating>("\"5\"").is_err());
        assert_eq!(serde_json::from_str::<Rating>("7").unwrap().get(), 7);
    }

    #[test]
    fn raising_and_lowering_saturate() {
        assert_eq!(Rating::new(10).unwrap().raised().get(), 10);
        assert_eq!(Rating::new(0).unwrap().lowered().get(), 0);
        assert_eq!(Rating::new(4).unwrap().raised().get(), 5);
    }
}
