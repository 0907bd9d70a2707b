//! Which boundaries are in force at a given local wall-clock moment, and how to say so.
//!
//! Pure: "now" is an argument. Windows are wall-clock times, so on a DST change day a 19:00–07:00
//! window still starts when the clock on the wall says 19:00.
//!
//! Decisions where the spec is silent:
//! - `days` names the weekdays a window *starts* on: a Friday 19:00–07:00 window is still in
//!   force at 02:00 on Saturday, and a Monday-only window is not in force at 02:00 on Monday.
//! - only `from` given: from then to the end of the day; only `until`: from the start of the day.
//! - `from` equal to `until`: a full 24 hours starting at `from`.

use crate::journal::{Boundary, ClockTime};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

/// Whether the boundary's window covers `now` (archived boundaries never are in force).
pub fn in_force(boundary: &Boundary, now: NaiveDateTime) -> bool {
    window_started(boundary, now).is_some()
}

/// When the window in force at `now` started (a wall-clock reading), or `None` when the boundary
/// is not in force. A window that crosses midnight started on the previous day in its small
/// hours, so the start names one window across the whole of it: a reminder dismissed at 23:00
/// stays dismissed at 02:00, and returns when the next window starts. On the night clocks fall
/// back, the repeated hour reads the same wall-clock start, so it stays one window too.
pub fn window_started(boundary: &Boundary, now: NaiveDateTime) -> Option<NaiveDateTime> {
    if boundary.archived {
        return None;
    }
    let minute = now.hour() * 60 + now.minute();
    let today = now.date();
    let yesterday = today.pred_opt().unwrap_or(today);
    let start = |day: NaiveDate, from: u32| day.and_hms_opt(from / 60, from % 60, 0);
    match window(boundary) {
        Window::AllDay => starts_on(boundary, today.weekday())
            .then(|| start(today, 0))
            .flatten(),
        Window::Within { from, until } if from < until => (starts_on(boundary, today.weekday())
            && (from..until).contains(&minute))
        .then(|| start(today, from))
        .flatten(),
        // Crosses midnight (or wraps a full day): the evening part belongs to today's window,
        // the early-morning part to the window that started yesterday.
        Window::Within { from, until } => {
            if starts_on(boundary, today.weekday()) && minute >= from {
                start(today, from)
            } else if starts_on(boundary, yesterday.weekday()) && minute < until {
                start(yesterday, from)
            } else {
                None
            }
        }
    }
}

/// Whether the boundary applies to the journal day `date` (to list it on that day's check-in).
pub fn applies_on(boundary: &Boundary, date: NaiveDate) -> bool {
    !boundary.archived && starts_on(boundary, date.weekday())
}

/// The active boundaries in force at `now`, in the journal's order.
pub fn in_force_now(boundaries: &[Boundary], now: NaiveDateTime) -> Vec<&Boundary> {
    boundaries.iter().filter(|b| in_force(b, now)).collect()
}

/// The reminder line: "19:40 — you said: no work email after 19:00".
pub fn reminder_line(boundary: &Boundary, now: NaiveDateTime) -> String {
    format!(
        "{} — you said: {}",
        now.format("%H:%M"),
        lower_first_word(&boundary.text)
    )
}

/// The reminder line with the boundary's text exactly as the person typed it (the command
/// line's wording): "19:40 — you said: No work email after 19:00".
pub fn reminder_line_as_typed(boundary: &Boundary, now: NaiveDateTime) -> String {
    format!("{} — you said: {}", now.format("%H:%M"), boundary.text)
}

/// When and on which days a boundary applies, for lists: "19:00–07:00 · mon–fri".
pub fn describe_window(boundary: &Boundary) -> String {
    let time = match window(boundary) {
        Window::AllDay => "all day".to_string(),
        Window::Within { from, until } => format!("{}–{}", hhmm(from), hhmm(until)),
    };
    format!("{time} · {}", describe_days(boundary))
}

fn describe_days(boundary: &Boundary) -> String {
    let Some(days) = &boundary.days else {
        return "every day".to_string();
    };
    let mut sorted: Vec<Weekday> = days.iter().map(|d| d.0).collect();
    sorted.sort_by_key(|d| d.num_days_from_monday());
    sorted.dedup();
    let names: Vec<&str> = sorted
        .iter()
        .map(|d| crate::journal::ShortDay(*d).name())
        .collect();
    let weekdays = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];
    match sorted.len() {
        0 => "no days".to_string(),
        7 => "every day".to_string(),
        5 if sorted == weekdays => "mon–fri".to_string(),
        _ => names.join(","),
    }
}

enum Window {
    AllDay,
    Within { from: u32, until: u32 },
}

fn window(boundary: &Boundary) -> Window {
    const END_OF_DAY: u32 = 24 * 60;
    match (boundary.from, boundary.until) {
        (None, None) => Window::AllDay,
        (Some(from), None) => Window::Within {
            from: from.minutes(),
            until: END_OF_DAY,
        },
        (None, Some(until)) => Window::Within {
            from: 0,
            until: until.minutes(),
        },
        (Some(from), Some(until)) => Window::Within {
            from: from.minutes(),
            until: until.minutes(),
        },
    }
}

fn starts_on(boundary: &Boundary, weekday: Weekday) -> bool {
    boundary
        .days
        .as_ref()
        .is_none_or(|days| days.iter().any(|d| d.0 == weekday))
}

fn hhmm(minutes: u32) -> String {
    if minutes >= 24 * 60 {
        return "24:00".to_string();
    }
    ClockTime::new(minutes / 60, minutes % 60)
        .map(|t| t.to_string())
        .unwrap_or_default()
}

/// "No work email" → "no work email", but "AWS pager off" stays as written.
fn lower_first_word(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::ShortDay;

    fn boundary(from: Option<&str>, until: Option<&str>, days: Option<&[Weekday]>) -> Boundary {
        Boundary {
            id: "b-1".into(),
            text: "No work email after 19:00".into(),
            from: from.map(|t| t.parse().unwrap()),
            until: until.map(|t| t.parse().unwrap()),
            days: days.map(|d| d.iter().map(|w| ShortDay(*w)).collect()),
            created: None,
            archived: false,
            extra: Default::default(),
        }
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    const WEEKDAYS: &[Weekday] = &[
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    #[test]
    fn evening_window_crosses_midnight() {
        let b = boundary(Some("19:00"), Some("07:00"), None);
        // 2026-11-23 is a Monday.
        assert!(!in_force(&b, at("2026-11-23 18:59")));
        assert!(in_force(&b, at("2026-11-23 19:00")));
        assert!(in_force(&b, at("2026-11-23 23:59")));
        assert!(in_force(&b, at("2026-11-24 00:00")));
        assert!(in_force(&b, at("2026-11-24 06:59")));
        assert!(!in_force(&b, at("2026-11-24 07:00")));
        assert!(!in_force(&b, at("2026-11-24 12:00")));
    }

    #[test]
    fn weekdays_name_the_day_a_window_starts() {
        let b = boundary(Some("19:00"), Some("07:00"), Some(WEEKDAYS));
        assert!(in_force(&b, at("2026-11-27 20:00")), "Friday evening");
        assert!(
            in_force(&b, at("2026-11-28 02:00")),
            "Saturday small hours, Friday's window"
        );
        assert!(!in_force(&b, at("2026-11-28 20:00")), "Saturday evening");
        assert!(
            !in_force(&b, at("2026-11-23 02:00")),
            "Monday small hours, Sunday's window"
        );
        assert!(
            in_force(&b, at("2026-11-24 02:00")),
            "Tuesday small hours, Monday's window"
        );
    }

    #[test]
    fn daytime_window_and_open_ends() {
        let lunch = boundary(Some("12:00"), Some("13:00"), Some(WEEKDAYS));
        assert!(in_force(&lunch, at("2026-11-23 12:30")));
        assert!(!in_force(&lunch, at("2026-11-23 13:00")));
        assert!(!in_force(&lunch, at("2026-11-22 12:30")), "Sunday");
        let evening = boundary(Some("21:00"), None, None);
        assert!(in_force(&evening, at("2026-11-23 23:59")));
        assert!(!in_force(&evening, at("2026-11-24 00:30")));
        let morning = boundary(None, Some("09:00"), None);
        assert!(in_force(&morning, at("2026-11-23 08:59")));
        assert!(!in_force(&morning, at("2026-11-23 09:00")));
    }

    #[test]
    fn all_day_and_archived() {
        let weekend = boundary(None, None, Some(&[Weekday::Sat, Weekday::Sun]));
        assert!(in_force(&weekend, at("2026-11-28 00:00")));
        assert!(in_force(&weekend, at("2026-11-29 23:59")));
        assert!(!in_force(&weekend, at("2026-11-30 00:00")));
        let mut archived = boundary(None, None, None);
        assert!(in_force(&archived, at("2026-11-23 10:00")));
        archived.archived = true;
        assert!(!in_force(&archived, at("2026-11-23 10:00")));
        assert!(!applies_on(&archived, at("2026-11-23 10:00").date()));
    }

    #[test]
    fn dst_change_days_follow_the_wall_clock() {
        // Europe/Berlin 2026-03-29 (Sunday): 02:00 does not exist; 2026-10-25: 02:xx happens twice.
        // Windows are compared on wall-clock readings, so both days behave like any other.
        let b = boundary(Some("01:00"), Some("03:30"), None);
        assert!(in_force(&b, at("2026-03-29 01:59")));
        assert!(in_force(&b, at("2026-03-29 03:00")));
        assert!(!in_force(&b, at("2026-03-29 03:30")));
        assert!(in_force(&b, at("2026-10-25 02:30")));
    }

    #[test]
    fn window_start_names_one_window_across_midnight() {
        let b = boundary(Some("19:00"), Some("07:00"), Some(WEEKDAYS));
        let monday_evening = Some(at("2026-11-23 19:00"));
        assert_eq!(window_started(&b, at("2026-11-23 21:04")), monday_evening);
        assert_eq!(window_started(&b, at("2026-11-24 02:00")), monday_evening);
        assert_eq!(window_started(&b, at("2026-11-24 06:59")), monday_evening);
        assert_eq!(window_started(&b, at("2026-11-24 07:00")), None);
        assert_eq!(
            window_started(&b, at("2026-11-24 19:30")),
            Some(at("2026-11-24 19:00")),
            "Tuesday evening is the next window"
        );
        assert_eq!(
            window_started(&b, at("2026-11-28 02:00")),
            Some(at("2026-11-27 19:00")),
            "Saturday small hours belong to Friday's window"
        );
        assert_eq!(window_started(&b, at("2026-11-28 20:00")), None, "Saturday");
        assert_eq!(
            window_started(&b, at("2026-11-23 02:00")),
            None,
            "Monday small hours would be Sunday's window"
        );
    }

    #[test]
    fn window_start_of_all_day_daytime_and_full_day_windows() {
        let weekend = boundary(None, None, Some(&[Weekday::Sat, Weekday::Sun]));
        assert_eq!(
            window_started(&weekend, at("2026-11-29 15:00")),
            Some(at("2026-11-29 00:00")),
            "all day: each day is its own window"
        );
        let lunch = boundary(Some("12:00"), Some("13:00"), None);
        assert_eq!(
            window_started(&lunch, at("2026-11-23 12:59")),
            Some(at("2026-11-23 12:00"))
        );
        assert_eq!(window_started(&lunch, at("2026-11-23 13:00")), None);
        let morning = boundary(None, Some("09:00"), None);
        assert_eq!(
            window_started(&morning, at("2026-11-23 08:00")),
            Some(at("2026-11-23 00:00"))
        );
        let full_day = boundary(Some("09:00"), Some("09:00"), None);
        assert_eq!(
            window_started(&full_day, at("2026-11-24 08:59")),
            Some(at("2026-11-23 09:00"))
        );
        assert_eq!(
            window_started(&full_day, at("2026-11-24 09:00")),
            Some(at("2026-11-24 09:00"))
        );
    }

    #[test]
    fn archived_boundaries_have_no_window() {
        let mut b = boundary(Some("19:00"), Some("07:00"), None);
        b.archived = true;
        assert_eq!(window_started(&b, at("2026-11-23 21:00")), None);
        assert!(!in_force(&b, at("2026-11-24 02:00")));
    }

    #[test]
    fn window_start_on_dst_change_days_is_a_wall_clock_reading() {
        // Europe/Berlin. 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 03:10 comes eleven minutes
        // after 01:59 on the wall; the window that started at 01:00 is still the same window.
        let night = boundary(Some("01:00"), Some("03:30"), None);
        assert_eq!(
            window_started(&night, at("2026-03-29 03:10")),
            Some(at("2026-03-29 01:00"))
        );
        let evening = boundary(Some("19:00"), Some("07:00"), None);
        assert_eq!(
            window_started(&evening, at("2026-03-29 03:30")),
            Some(at("2026-03-28 19:00"))
        );
        // 2026-10-25: 02:30 happens twice (CEST, then CET); both readings are one window, so a
        // dismissal in the first 02:30 still holds in the second.
        let repeated = boundary(Some("02:00"), Some("03:00"), None);
        let first = window_started(&repeated, at("2026-10-25 02:30"));
        assert_eq!(first, Some(at("2026-10-25 02:00")));
        assert_eq!(window_started(&repeated, at("2026-10-25 02:59")), first);
        assert_eq!(window_started(&repeated, at("2026-10-25 03:00")), None);
    }

    #[test]
    fn reminder_and_window_wording() {
        let b = boundary(Some("19:00"), Some("07:00"), Some(WEEKDAYS));
        assert_eq!(
            reminder_line(&b, at("2026-11-23 19:40")),
            "19:40 — you said: no work email after 19:00"
        );
        assert_eq!(describe_window(&b), "19:00–07:00 · mon–fri");
        assert_eq!(
            describe_window(&boundary(
                Some("21:00"),
                None,
                Some(&[Weekday::Sat, Weekday::Sun])
            )),
            "21:00–24:00 · sat,sun"
        );
        let mut acronym = b.clone();
        acronym.text = "AWS pager stays off".into();
        assert!(reminder_line(&acronym, at("2026-11-23 19:40")).ends_with("AWS pager stays off"));
    }
}
