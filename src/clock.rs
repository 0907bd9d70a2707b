//! The one clock: the real local time, or the `REKINDLE_NOW` override. It lives at the edge, so
//! nothing below the runtime (`tui`) and the commands ever reads the time itself; the pure core
//! and the screens get `now` as an argument.

use crate::error::Failure;
use crate::journal::{FIRST_DAY, LAST_DAY};
use chrono::{DateTime, FixedOffset, Local, Timelike};

/// Overrides the clock (RFC 3339, such as `2026-11-23T21:04:05+01:00`, read in the local zone):
/// for tests and for reproducing what rekindle showed at a given moment.
pub const NOW_ENV: &str = "REKINDLE_NOW";

/// The current local time, or the `REKINDLE_NOW` override (an instant, shown in the local time
/// zone like the real clock would be, so `TZ` applies to both).
///
/// The override's own offset says which instant is meant; the zone it is shown in is `TZ`'s, as
/// for the real clock (docs/FORMAT.md: `date` is the local calendar day, `recorded_at` carries the local
/// offset). Honouring the override's offset instead would make a test clock and the real clock
/// disagree on which day it is.
///
/// A clock outside 1970-01-01 … 9999-12-31 (in the local zone) is refused: a journal date or
/// `recorded_at` outside those years could not be read back.
pub fn now() -> Result<DateTime<FixedOffset>, Failure> {
    let (instant, source) = match std::env::var(NOW_ENV) {
        Ok(text) if !text.is_empty() => (
            DateTime::parse_from_rfc3339(&text)
                .map_err(|e| {
                    Failure::usage(format!("{NOW_ENV} is not an RFC 3339 time: {text:?}: {e}"))
                })?
                .with_timezone(&Local),
            NOW_ENV,
        ),
        _ => (Local::now(), "the system clock"),
    };
    let local = instant.date_naive();
    if instant.timestamp() < 0 || local < FIRST_DAY || local > LAST_DAY {
        return Err(Failure::usage(format!(
            "{source} says {}, outside the dates rekindle keeps ({FIRST_DAY} to {LAST_DAY}); nothing was written",
            instant.format("%Y-%m-%d %H:%M")
        ))
        .with_hint(if source == NOW_ENV {
            "set REKINDLE_NOW to a time in that range, or unset it"
        } else {
            "set the system clock to the right time"
        }));
    }
    // Whole seconds: `recorded_at` is for people and ordering, not for benchmarks.
    Ok(instant
        .fixed_offset()
        .with_nanosecond(0)
        .expect("zero nanoseconds is always valid"))
}
