//! Calendar days and wall-clock times exactly as the journal writes them, and the readers of
//! other fields the entry types share (`null_as_default`, `non_blank`).
//!
//! Dates are strict `YYYY-MM-DD` and times strict `HH:MM`: the file is a public format read by
//! other tools, so the loader refuses near-misses (`2026-2-3`, `7:00`) instead of guessing.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Parses a strict `YYYY-MM-DD` calendar date.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !well_formed {
        return Err(format!("expected a date as YYYY-MM-DD, got {text:?}"));
    }
    // Digits are checked above; reading them directly avoids a strftime parse per date, which
    // was a visible share of loading a 10-year journal.
    let number = |range: std::ops::Range<usize>| {
        text.as_bytes()[range]
            .iter()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    i32::try_from(number(0..4))
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)))
        .ok_or_else(|| format!("{text:?} is not a real calendar date"))
}

/// Why a date read from a file was refused, without repeating it: error messages never quote a
/// value read from a file.
fn date_problem(text: &str) -> &'static str {
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if well_formed {
        "not a real calendar date (expected YYYY-MM-DD)"
    } else {
        "expected a date as YYYY-MM-DD"
    }
}

/// Reads a date string without allocating: a journal holds thousands of them.
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse_date(text).map_err(|_| E::custom(date_problem(text)))
    }
}

/// Reads an optional field where `null` means the same as the field being absent (docs/FORMAT.md:
/// "absent = empty"); a save then leaves it out.
pub fn null_as_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Reads a text field that must hold more than white space, such as a person's name; `what`
/// names it in the error ("a person's name must not be empty"). The text is kept as written.
pub fn non_blank<'de, D: Deserializer<'de>>(d: D, what: &str) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    if text.trim().is_empty() {
        return Err(serde::de::Error::custom(format!(
            "{what} must not be empty"
        )));
    }
    Ok(text)
}

/// `text` trimmed, for a value typed on a form or the command line that must not be blank;
/// `Err(why)` when nothing is left.
pub fn trimmed_non_blank(text: &str, why: &str) -> Result<String, String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(why.to_string())
    } else {
        Ok(trimmed.to_string())
    }
}

/// Serde adapter for `NaiveDate` fields written as strict `YYYY-MM-DD`.
pub mod date_format {
    use super::*;

    /// `NaiveDate`'s `Display` is `YYYY-MM-DD` for the years a journal holds.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

/// Serde adapter for optional `NaiveDate` fields.
pub mod opt_date_format {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.collect_str(date),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) => parse_date(&text)
                .map(Some)
                .map_err(|_| serde::de::Error::custom(date_problem(&text))),
            None => Ok(None),
        }
    }
}

/// Serde adapter for `recorded_at`: RFC 3339 with the numeric local offset, to the second.
pub mod opt_timestamp_format {
    use chrono::{DateTime, FixedOffset, SecondsFormat};
    use serde::de::Visitor;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<FixedOffset>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match at {
            Some(at) => s.serialize_str(&at.to_rfc3339_opts(SecondsFormat::AutoSi, false)),
            None => s.serialize_none(),
        }
    }

    /// Parses the text where it lies in the file: no allocation per time.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
        d.deserialize_option(OptTimestamp)
    }

    struct OptTimestamp;

    impl<'de> Visitor<'de> for OptTimestamp {
        type Value = Option<DateTime<FixedOffset>>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(self)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Self::Value, E> {
            DateTime::parse_from_rfc3339(text).map(Some).map_err(|_| {
                E::custom("expected an RFC 3339 time such as 2026-11-23T21:04:05+01:00")
            })
        }
    }
}

/// A wall-clock time of day to the minute, written `HH:MM` (00:00–23:59).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime(NaiveTime);

impl ClockTime {
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        NaiveTime::from_hms_opt(hour, minute, 0).map(ClockTime)
    }

    pub fn midnight() -> ClockTime {
        ClockTime(NaiveTime::MIN)
    }

    pub fn time(self) -> NaiveTime {
        self.0
    }

    /// Minutes since midnight, 0..1440.
    pub fn minutes(self) -> u32 {
        self.0.hour() * 60 + self.0.minute()
    }
}

impl FromStr for ClockTime {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 5
            && bytes[2] == b':'
            && [0, 1, 3, 4].iter().all(|&i| bytes[i].is_ascii_digit());
        let parsed = shape_ok
            .then(|| {
                let hour = text[..2].parse().ok()?;
                let minute = text[3..].parse().ok()?;
                ClockTime::new(hour, minute)
            })
            .flatten();
        parsed.ok_or_else(|| format!("expected a time as HH:MM from 00:00 to 23:59, got {text:?}"))
    }
}

impl ClockTime {
    /// Parses a time as a person types it: `HH:MM` or `H:MM` (`7:00` is `07:00`), surrounding
    /// spaces ignored. The file format stays strict `HH:MM` (`FromStr` and serde); this is for
    /// the command line and forms, which store the normalised `HH:MM`.
    pub fn parse_input(text: &str) -> Result<ClockTime, String> {
        let trimmed = text.trim();
        let padded;
        let candidate = if trimmed.len() == 4 && trimmed.as_bytes()[1] == b':' {
            padded = format!("0{trimmed}");
            padded.as_str()
        } else {
            trimmed
        };
        candidate.parse().map_err(|_: String| {
            format!("expected a time as HH:MM or H:MM from 00:00 to 23:59, got {text:?}")
        })
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%H:%M"))
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        // Strict HH:MM: the file is a public format; the lenient forms are for typing.
        text.parse().map_err(|_: String| {
            serde::de::Error::custom("expected a time as HH:MM from 00:00 to 23:59")
        })
    }
}

/// A weekday as the journal writes it in a boundary's `days`: `mon` … `sun`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ShortDay(pub Weekday);

/// A weekday as the journal writes it in `week_starts_on`: `monday` … `sunday`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LongDay(pub Weekday);

const SHORT_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The seven weekdays, Monday first, for code that lists or indexes them.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn weekday_from_index(index: usize) -> Weekday {
    WEEK[index]
}

/// A weekday's name as written in prose: "Monday" … "Sunday".
pub fn weekday_title(day: Weekday) -> &'static str {
    const TITLES: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    TITLES[day.num_days_from_monday() as usize]
}

impl ShortDay {
    pub fn name(self) -> &'static str {
        SHORT_NAMES[self.0.num_days_from_monday() as usize]
    }
}

impl LongDay {
    pub fn name(self) -> &'static str {
        LONG_NAMES[self.0.num_days_from_monday() as usize]
    }
}

impl FromStr for ShortDay {
    type Err = String;

    /// Accepts the short name in any case; the long name is accepted too, since people type it.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        weekday_named(text, &SHORT_NAMES, &LONG_NAMES)
            .map(ShortDay)
            .ok_or_else(|| {
                format!(
                    "expected a weekday as mon, tue, wed, thu, fri, sat or sun (or its full name), got {text:?}"
                )
            })
    }
}

impl FromStr for LongDay {
    type Err = String;

    /// Accepts the full name in any case, and the three-letter one (`sun`) as everywhere else
    /// a weekday is typed. The file format stays the full lower-case name (serde).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        weekday_named(text, &LONG_NAMES, &SHORT_NAMES)
            .map(LongDay)
            .ok_or_else(|| {
                format!(
                    "expected a weekday name (monday, tuesday, … sunday) or its first three letters (mon … sun), got {text:?}"
                )
            })
    }
}

/// The weekday `text` names (trimmed, in any case) in `names`, or else in `other_names`.
fn weekday_named(text: &str, names: &[&str; 7], other_names: &[&str; 7]) -> Option<Weekday> {
    let lower = text.trim().to_ascii_lowercase();
    names
        .iter()
        .position(|n| *n == lower)
        .or_else(|| other_names.iter().position(|n| *n == lower))
        .map(weekday_from_index)
}

/// Reads a weekday written exactly as one of `names`: the file format is lower case, and
/// anything else is a hand edit gone wrong (`expected` says what was wanted).
fn deserialize_named<'de, D: Deserializer<'de>, T: FromStr<Err = String>>(
    d: D,
    names: &[&str; 7],
    expected: &'static str,
) -> Result<T, D::Error> {
    let text = String::deserialize(d)?;
    if names.contains(&text.as_str()) {
        text.parse().map_err(serde::de::Error::custom)
    } else {
        Err(serde::de::Error::custom(expected))
    }
}

impl Serialize for ShortDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for ShortDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let expected = "expected one of mon, tue, wed, thu, fri, sat, sun";
        deserialize_named(d, &SHORT_NAMES, expected)
    }
}

impl Serialize for LongDay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for LongDay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let expected = "expected a lower-case weekday name (monday … sunday)";
        deserialize_named(d, &LONG_NAMES, expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_and_strict() {
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-2-3").is_err());
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date(" 2026-01-01").is_err());
        assert_eq!(
            parse_date("2024-02-29").unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn clock_times_are_strict_hh_mm() {
        assert_eq!("19:00".parse::<ClockTime>().unwrap().minutes(), 19 * 60);
        assert_eq!("00:00".parse::<ClockTime>().unwrap().minutes(), 0);
        assert_eq!("23:59".parse::<ClockTime>().unwrap().to_string(), "23:59");
        for bad in ["24:00", "7:00", "07:60", "0700", "07:00:00", "ab:cd", ""] {
            assert!(bad.parse::<ClockTime>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn typed_times_accept_h_mm_and_store_hh_mm() {
        for (typed, stored) in [
            ("7:00", "07:00"),
            ("07:00", "07:00"),
            (" 9:05 ", "09:05"),
            ("0:00", "00:00"),
            ("23:59", "23:59"),
        ] {
            assert_eq!(ClockTime::parse_input(typed).unwrap().to_string(), stored);
        }
        for bad in [
            "24:00", "7:60", "700", "7:0", "07:00:00", "x:00", "", "-1:00",
        ] {
            let err = ClockTime::parse_input(bad).unwrap_err();
            assert!(err.contains("HH:MM or H:MM"), "{bad}: {err}");
        }
    }

    #[test]
    fn weekday_names_round_trip() {
        for (i, name) in SHORT_NAMES.iter().enumerate() {
            let day: ShortDay = serde_json::from_str(&format!("\"{name}\"")).unwrap();
            assert_eq!(day.0.num_days_from_monday() as usize, i);
            assert_eq!(serde_json::to_string(&day).unwrap(), format!("\"{name}\""));
        }
        assert!(serde_json::from_str::<ShortDay>("\"Mon\"").is_err());
        assert!(serde_json::from_str::<LongDay>("\"Saturday\"").is_err());
        assert_eq!("Saturday".parse::<LongDay>().unwrap().0, Weekday::Sat);
        assert_eq!("sun".parse::<LongDay>().unwrap().0, Weekday::Sun);
        assert_eq!("Thu".parse::<LongDay>().unwrap().0, Weekday::Thu);
        assert!(
            serde_json::from_str::<LongDay>("\"sun\"").is_err(),
            "the file stays strict"
        );
        assert_eq!("SAT".parse::<ShortDay>().unwrap().0, Weekday::Sat);
    }
}

/// The journal day a moment belongs to: its local calendar date, or the day before when the
/// local wall-clock time is earlier than `day_starts_at`.
///
/// Decided on the local wall-clock reading, never on UTC or elapsed hours, so DST jumps and
/// repeated hours land on the day the user lived them.
pub fn journal_day<Tz: chrono::TimeZone>(
    now: &chrono::DateTime<Tz>,
    day_starts_at: ClockTime,
) -> NaiveDate {
    let local = now.naive_local();
    if local.time() < day_starts_at.time() {
        local.date().pred_opt().unwrap_or(local.date())
    } else {
        local.date()
    }
}

#[cfg(test)]
mod journal_day_tests {
    use super::*;
    use chrono::DateTime;

    fn at(rfc3339: &str, starts: &str) -> String {
        let now = DateTime::parse_from_rfc3339(rfc3339).unwrap();
        journal_day(&now, starts.parse().unwrap()).to_string()
    }

    #[test]
    fn before_day_start_belongs_to_previous_day() {
        assert_eq!(at("2026-11-24T01:30:00+01:00", "04:00"), "2026-11-23");
        assert_eq!(at("2026-11-24T04:00:00+01:00", "04:00"), "2026-11-24");
        assert_eq!(at("2026-11-24T00:00:00+01:00", "00:00"), "2026-11-24");
    }

    #[test]
    fn dst_nights_use_the_wall_clock() {
        // Europe/Berlin, 2026-03-29: clocks jump from 02:00 to 03:00.
        assert_eq!(at("2026-03-29T03:30:00+02:00", "04:00"), "2026-03-28");
        assert_eq!(at("2026-03-29T04:00:00+02:00", "04:00"), "2026-03-29");
        // 2026-10-25: 02:00–03:00 happens twice.
        assert_eq!(at("2026-10-25T02:30:00+02:00", "04:00"), "2026-10-24");
        assert_eq!(at("2026-10-25T02:30:00+01:00", "04:00"), "2026-10-24");
    }

    #[test]
    fn late_day_start_moves_midday_to_previous_day() {
        assert_eq!(at("2026-11-24T12:00:00+00:00", "23:59"), "2026-11-23");
        assert_eq!(at("2026-11-24T11:59:00+00:00", "12:00"), "2026-11-23");
        assert_eq!(at("2026-11-24T12:00:00+00:00", "12:00"), "2026-11-24");
    }
}

/// The first and last day rekindle records: the Unix epoch, and the last date with four digits.
pub const FIRST_DAY: chrono::NaiveDate =
    chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real date");
pub const LAST_DAY: chrono::NaiveDate =
    chrono::NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");
