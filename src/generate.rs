//! Deterministic, realistic journals for benchmarks and tests: years of check-ins with notes
//! (some non-ASCII, some multi-line, some starting with characters spreadsheets treat as
//! formulas), habits, boundary outcomes and connections.
//!
//! Pure: the same `Spec` always gives the same journal (a seeded `fastrand` generator, no clock).

use crate::journal::{
    Boundary, CheckIn, ClockTime, Connection, Felt, InitiatedBy, Journal, Kind, Outcome, Rating,
    ShortDay,
};
use chrono::{DateTime, Datelike, Days, FixedOffset, NaiveDate, TimeZone, Weekday};

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub seed: u64,
    /// The last day of the journal.
    pub end: NaiveDate,
    /// How many days back from `end` the journal spans.
    pub days: u32,
    /// Share of days with a check-in, 0–1.
    pub check_in_density: f64,
    pub connections_per_week: f64,
    pub boundaries: usize,
    /// About how many characters a check-in's note holds; 0 keeps the original short notes
    /// (one to three fragments, about 80 characters).
    pub note_chars: usize,
}

impl Spec {
    /// `years` of daily check-ins ending on `end`: every day checked in, ~4 connections a week,
    /// 8 boundaries — the journal the README's performance section measures against.
    pub fn years(years: u32, end: NaiveDate, seed: u64) -> Spec {
        Spec {
            seed,
            end,
            days: years * 365,
            check_in_density: 1.0,
            connections_per_week: 4.0,
            boundaries: 8,
            note_chars: 0,
        }
    }

    /// `years`, with notes of about 300 characters: the journals the "constant-time start"
    /// benchmark (issue 16) measures at 1, 10 and 50 years.
    pub fn years_long_notes(years: u32, end: NaiveDate, seed: u64) -> Spec {
        Spec {
            note_chars: 300,
            ..Spec::years(years, end, seed)
        }
    }
}

const PEOPLE: [&str; 12] = [
    "Sam",
    "Priya",
    "Zoë",
    "José",
    "Mum",
    "Søren",
    "美咲",
    "Alex",
    "Dr. Okafor",
    "Team lead",
    "Noor",
    "Kai",
];

const FRAGMENTS: [&str; 16] = [
    "Back-to-back incident calls.",
    "Skipped lunch again, ate at the desk.",
    "Good pairing session with Priya; felt useful for once.",
    "Slept badly — the pager went off at 03:10.",
    "Walked to the café, the first sun in a week ☀️.",
    "Release went out, nobody noticed, which is the point.",
    "Too many meetings; none of them needed me.",
    "Said no to the weekend on-call swap. Felt guilty, then fine.",
    "Réunion avec l'équipe de Zürich, plutôt productive.",
    "Reviewed 14 PRs, wrote none of my own code.",
    "Headache by 15:00. Screens off at 19:30.",
    "Kind message from a user, saved it.",
    "\"Quick question\" took the whole afternoon.",
    "Ran 5 km, brain quieter afterwards.",
    "Couldn't focus, kept refreshing the dashboard.",
    "雨の日。静かに仕事ができた。",
];

/// A boundary's text, from, until and days.
type BoundaryShape = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static [Weekday]>,
);

/// Monday to Friday, for the boundaries that hold on work days.
const WEEKDAYS: [Weekday; 5] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
];

const BOUNDARY_TEXTS: [BoundaryShape; 8] = [
    (
        "No work email after 19:00",
        Some("19:00"),
        Some("07:00"),
        Some(&WEEKDAYS),
    ),
    (
        "Lunch away from the desk",
        Some("12:00"),
        Some("13:00"),
        Some(&WEEKDAYS),
    ),
    (
        "No Slack on weekends",
        None,
        None,
        Some(&[Weekday::Sat, Weekday::Sun]),
    ),
    (
        "Phone out of the bedroom",
        Some("22:30"),
        Some("06:30"),
        None,
    ),
    (
        "One meeting-free afternoon",
        Some("13:00"),
        Some("18:00"),
        Some(&[Weekday::Wed]),
    ),
    (
        "Stop by 18:00 on Fridays",
        Some("18:00"),
        None,
        Some(&[Weekday::Fri]),
    ),
    ("No laptop in bed", None, None, None),
    (
        "Decline meetings without an agenda",
        Some("09:00"),
        Some("17:00"),
        None,
    ),
];

fn rating(value: f64) -> Rating {
    Rating::new(value.round().clamp(0.0, 10.0) as u8).expect("clamped to 0..=10")
}

fn recorded_at(date: NaiveDate, rng: &mut fastrand::Rng) -> Option<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(3600).expect("one hour is a valid offset");
    let time = date.and_hms_opt(19 + rng.u32(0..4), rng.u32(0..60), rng.u32(0..60))?;
    offset.from_local_datetime(&time).single()
}

fn note(rng: &mut fastrand::Rng, chars: usize) -> String {
    let mut text = String::new();
    let fragments = if chars == 0 {
        rng.usize(1..4)
    } else {
        // Fragments average about 40 characters; vary the length by about a third either way.
        let mean = chars / 40;
        rng.usize(mean * 2 / 3..=mean * 4 / 3)
    };
    for i in 0..fragments {
        if i > 0 {
            text.push(if rng.u8(0..8) == 0 { '\n' } else { ' ' });
        }
        text.push_str(FRAGMENTS[rng.usize(0..FRAGMENTS.len())]);
    }
    if rng.u8(0..50) == 0 {
        // What a spreadsheet would run as a formula if exports did not guard it.
        text.insert_str(0, "=1+1 ");
    }
    text
}

/// Generates the journal `spec` describes.
pub fn journal(spec: &Spec) -> Journal {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut journal = Journal::default();
    let start = spec
        .end
        .checked_sub_days(Days::new(u64::from(spec.days.saturating_sub(1))))
        .unwrap_or(spec.end);

    for (i, (text, from, until, days)) in BOUNDARY_TEXTS
        .iter()
        .cycle()
        .take(spec.boundaries)
        .enumerate()
    {
        journal.boundaries.push(Boundary {
            id: format!("b-{}", i + 1),
            text: (*text).to_string(),
            from: from.and_then(|t| t.parse::<ClockTime>().ok()),
            until: until.and_then(|t| t.parse::<ClockTime>().ok()),
            days: days.map(|d| d.iter().map(|w| ShortDay(*w)).collect()),
            created: Some(start),
            archived: i == 7,
            extra: Default::default(),
        });
    }

    // Up to three contacts a day, each with a third of the daily rate: the mean is the weekly rate.
    let connection_chance = (spec.connections_per_week / 7.0 / 3.0).min(1.0);
    let mut date = start;
    let mut day_index = 0f64;
    while date <= spec.end {
        // Strain moves in slow waves (a hard quarter, a good holiday) with daily noise.
        let wave = (day_index / 45.0).sin() * 2.5 + (day_index / 300.0).sin() * 1.5;
        if rng.f64() < spec.check_in_density {
            let noise = |rng: &mut fastrand::Rng| (rng.f64() - 0.5) * 3.0;
            let mut day = CheckIn::new(
                date,
                rating(5.0 + wave + noise(&mut rng)),
                rating(4.0 + wave * 0.8 + noise(&mut rng)),
                rating(6.0 - wave * 0.6 + noise(&mut rng)),
            );
            day.recorded_at = recorded_at(date, &mut rng);
            day.note = note(&mut rng, spec.note_chars);
            day.habits.sleep_hours = Some(f64::from(rng.u8(45..90)) / 10.0);
            for habit in crate::journal::Habit::ALL {
                *day.habits.slot(habit) = Some(rng.bool());
            }
            for boundary in journal.boundaries.iter().filter(|b| !b.archived) {
                let applies = boundary
                    .days
                    .as_ref()
                    .is_none_or(|d| d.iter().any(|w| w.0 == date.weekday()));
                if applies && rng.u8(0..10) < 7 {
                    let slipped = rng.f64() < 0.25 + wave.max(0.0) / 10.0;
                    let outcome = if slipped {
                        Outcome::Slipped
                    } else {
                        Outcome::Kept
                    };
                    day.boundaries.insert(boundary.id.as_str().into(), outcome);
                }
            }
            journal.check_ins.push(day);
        }
        let mut n = 1;
        for _ in 0..3 {
            if rng.f64() >= connection_chance {
                continue;
            }
            let felt = match rng.u8(0..10) {
                0..=4 => Felt::Nourishing,
                5..=7 => Felt::Neutral,
                _ => Felt::Draining,
            };
            journal.connections.push(Connection {
                id: format!("c-{}-{n}", date.format("%Y%m%d")),
                date,
                recorded_at: recorded_at(date, &mut rng),
                person: PEOPLE[rng.usize(0..PEOPLE.len())].to_string(),
                kind: Kind::ALL[rng.usize(0..Kind::ALL.len())],
                initiated_by: InitiatedBy::ALL[rng.usize(0..InitiatedBy::ALL.len())],
                felt,
                note: if rng.bool() {
                    note(&mut rng, 0)
                } else {
                    String::new()
                },
                gratitude: if rng.u8(0..3) == 0 {
                    "Grateful they made time, even briefly.".to_string()
                } else {
                    String::new()
                },
                extra: Default::default(),
            });
            n += 1;
        }
        date = match date.succ_opt() {
            Some(next) => next,
            None => break,
        };
        day_index += 1.0;
    }
    journal
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{decode, encode};

    fn end() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn the_same_seed_gives_the_same_journal() {
        let spec = Spec::years(1, end(), 7);
        assert_eq!(encode(&journal(&spec)), encode(&journal(&spec)));
        let other = Spec { seed: 8, ..spec };
        assert_ne!(
            encode(&journal(&other)),
            encode(&journal(&Spec::years(1, end(), 7)))
        );
    }

    #[test]
    fn ten_years_round_trip_through_the_file_format() {
        let generated = journal(&Spec::years(10, end(), 1));
        assert_eq!(generated.check_ins.len(), 3650);
        assert_eq!(generated.boundaries.len(), 8);
        let per_week = generated.connections.len() as f64 / (3650.0 / 7.0);
        assert!(
            (3.0..5.0).contains(&per_week),
            "{per_week} connections a week"
        );
        assert!(generated.check_ins.iter().any(|c| c.note.contains('\n')));
        assert!(generated.check_ins.iter().any(|c| !c.note.is_ascii()));
        let bytes = encode(&generated);
        let loaded = decode(&bytes).expect("a generated journal is valid");
        assert_eq!(loaded, generated);
        assert_eq!(encode(&loaded), bytes, "byte-stable");
    }
}
