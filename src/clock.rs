//! The one clock: the real local time, or the `REKINDLE_NOW` override. It lives at the edge, so
//! nothing below the runtime (`tui`) and the commands ever reads the time itself; the pure core
//! and the screens get `now` as an argument.

use crate::error::Failure;
use chrono::{DateTime, FixedOffset, Local, Timelike};

/// Overrides the clock (RFC 3339, such as `2026-11-23T21:04:05+01:00`, read in the local zone):
/// for tests and for reproducing what rekindle showed at a given moment.
pub const NOW_ENV: &str = "REKINDLE_NOW";

/// The current local time, or the `REKINDLE_NOW` override (an instant, shown in the local time
/// zone like the real clock would be, so `TZ` applies to both).
pub fn now() -> Result<DateTime<FixedOffset>, Failure> {
    let instant = match std::env::var(NOW_ENV) {
        Ok(text) if !text.is_empty() => DateTime::parse_from_rfc3339(&text)
            .map_err(|e| {
                Failure::usage(format!("{NOW_ENV} is not an RFC 3339 time: {text:?}: {e}"))
            })?
            .with_timezone(&Local),
        _ => Local::now(),
    };
    // Whole seconds: `recorded_at` is for people and ordering, not for benchmarks.
    Ok(instant
        .fixed_offset()
        .with_nanosecond(0)
        .expect("zero nanoseconds is always valid"))
}
