//! The weekly review: the figures `rekindle trends`, `rekindle status` and the Trends screen show,
//! and the exact JSON object of `rekindle trends --json`.
//!
//! Pure, like `scoring`: every function takes the journal and the date of "today" as arguments and
//! returns data. Nothing here reads the clock, touches the disk or knows about the terminal.
//! Entries dated after `today` are ignored everywhere (that is what `--as-of` relies on), and no
//! result depends on the order of entries in the file: figures are sums, counts and maxima, and
//! wherever a single entry is picked (the last nourishing contact, the display name of a person)
//! ties are broken by value, never by position.
//!
//! Numbers are kept unrounded in the structs (the TUI charts them) and rounded half away from
//! zero to one decimal only when serialised or printed (`scoring::round1`).
//!
//! One responsibility per file: `weeks` (weekly figures, change, 28-day slope), `status` (7-day
//! arrows and the prompt line), `flags`, `figures` (connections and boundaries beside the score),
//! `table` (the plain-text review) and `recent` (when a recent part of the journal gives the
//! whole journal's review).

mod figures;
mod flags;
mod recent;
mod status;
mod table;
mod weeks;

#[cfg(test)]
mod properties;

pub use figures::{
    BoundaryRate, ConnectionCounts, OutcomeCounts, PEOPLE_DAYS, PersonSummary, boundary_rates,
    days_since_nourishing, last_nourishing, people,
};
pub use flags::{Flag, FlagKind, boundary_slipping, flags, isolation};
pub use recent::review_of_recent;
pub use status::{Arrow, seven_day_directions, status_line};
pub use table::{change_line, nourishing_line, slope_line, table};
pub use weeks::{
    Change, Direction, SLOPE_DAYS, SLOPE_MIN_CHECK_INS, WeekSummary, change, check_ins_in_last,
    slope_28d, week_summaries,
};

use crate::journal::calendar::date_format;
use crate::journal::{CheckIn, Connection, Journal};
use crate::scoring::round1;
use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer};

/// The number of weeks `rekindle trends` shows when not told otherwise.
pub const DEFAULT_WEEKS: usize = 8;

/// Everything the weekly review shows, unrounded. Serialises to the `rekindle trends --json`
/// object (rounded to one decimal there).
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub today: NaiveDate,
    /// Oldest first; the last one is the week holding `today`.
    pub weeks: Vec<WeekSummary>,
    pub change: Change,
    /// Points of composite per week, or `None` below `SLOPE_MIN_CHECK_INS` check-ins.
    pub slope_28d: Option<f64>,
    /// How many check-ins the slope had to work with (shown when it is `None`). Not in the JSON.
    pub check_ins_28d: u32,
    pub days_since_nourishing: Option<i64>,
    pub flags: Vec<Flag>,
}

/// The weekly review of the last `weeks` weeks up to and including the week holding `today`.
pub fn review(journal: &Journal, today: NaiveDate, weeks: usize) -> Review {
    let weekly = weeks::weekly_sums(journal, today);
    Review {
        today,
        weeks: week_summaries(journal, today, weeks),
        change: weeks::change_from(&weekly),
        slope_28d: slope_28d(journal, today),
        check_ins_28d: check_ins_in_last(journal, today, SLOPE_DAYS),
        days_since_nourishing: days_since_nourishing(journal, today),
        flags: flags::flags_with(journal, today, &weekly),
    }
}

/// The first of "the last `days` days" ending `today`: today − (days − 1). Saturates at the
/// earliest date chrono knows rather than failing.
fn first_of_last(days: u64, today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether `date` is one of the calendar dates today − (days − 1) … today.
fn within_last(days: u64, date: NaiveDate, today: NaiveDate) -> bool {
    date <= today && date >= first_of_last(days, today)
}

/// Check-ins dated on or before `today`; later ones do not exist for trends.
fn check_ins_until(journal: &Journal, today: NaiveDate) -> impl Iterator<Item = &CheckIn> {
    journal.check_ins.iter().filter(move |c| c.date <= today)
}

/// Connections dated on or before `today`.
fn connections_until(journal: &Journal, today: NaiveDate) -> impl Iterator<Item = &Connection> {
    journal.connections.iter().filter(move |c| c.date <= today)
}

/// `round1` for optional figures: `null` stays `null`.
fn round1_opt(x: Option<f64>) -> Option<f64> {
    x.map(round1)
}

#[derive(Serialize)]
struct ReviewJson<'a> {
    #[serde(with = "date_format")]
    today: NaiveDate,
    weeks: &'a [WeekSummary],
    change: &'a Change,
    slope_28d: Option<f64>,
    days_since_nourishing: Option<i64>,
    flags: &'a [Flag],
}

impl Serialize for Review {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReviewJson {
            today: self.today,
            weeks: &self.weeks,
            change: &self.change,
            slope_28d: round1_opt(self.slope_28d),
            days_since_nourishing: self.days_since_nourishing,
            flags: &self.flags,
        }
        .serialize(s)
    }
}

/// Small builders shared by the tests of every file in this module.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::journal::{
        Boundary, CheckIn, Connection, Felt, InitiatedBy, Journal, Kind, Outcome, Rating,
    };
    use chrono::{Days, NaiveDate};
    use serde_json::Map;

    pub fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
    }

    /// `today` minus `n` days.
    pub fn ago(today: NaiveDate, n: u64) -> NaiveDate {
        today
            .checked_sub_days(Days::new(n))
            .expect("test dates are valid")
    }

    pub fn check_in(date: NaiveDate, e: u8, c: u8, f: u8) -> CheckIn {
        let r = |v| Rating::new(v).expect("test ratings are 0–10");
        CheckIn::new(date, r(e), r(c), r(f))
    }

    /// A check-in whose strain S is `s` (0–30), all of it put on exhaustion first.
    pub fn with_strain(date: NaiveDate, s: u8) -> CheckIn {
        let e = s.min(10);
        let c = (s - e).min(10);
        let reversed_f = s - e - c;
        check_in(date, e, c, 10 - reversed_f)
    }

    pub fn connection(id: &str, date: NaiveDate, person: &str, felt: Felt) -> Connection {
        Connection {
            id: id.to_string(),
            date,
            recorded_at: None,
            person: person.to_string(),
            kind: Kind::Call,
            initiated_by: InitiatedBy::Me,
            felt,
            note: String::new(),
            gratitude: String::new(),
            extra: Default::default(),
        }
    }

    pub fn boundary(id: &str, text: &str, archived: bool) -> Boundary {
        Boundary {
            id: id.to_string(),
            text: text.to_string(),
            from: None,
            until: None,
            days: None,
            created: None,
            archived,
            extra: Map::new(),
        }
    }

    pub fn journal(check_ins: Vec<CheckIn>) -> Journal {
        Journal {
            check_ins,
            ..Journal::default()
        }
    }

    pub fn record(check_in: &mut CheckIn, id: &str, outcome: Outcome) {
        check_in.boundaries.insert(id.into(), outcome);
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;
    use crate::journal::{Felt, InitiatedBy, Outcome};
    use serde_json::{Value, json};

    /// The `rekindle trends --json` example of docs/SCORING.md, verbatim.
    const SCORING_EXAMPLE: &str = r#"{
      "today": "2026-11-23",
      "weeks": [
        {
          "week_start": "2026-11-16",
          "check_ins": 5,
          "exhaustion": 6.4, "cynicism": 4.2, "efficacy": 5.0,
          "composite": 52.0, "band": "high",
          "connections": { "nourishing": 2, "neutral": 1, "draining": 0, "initiated_by_me": 2 },
          "boundaries_kept_rate": 0.8
        }
      ],
      "change": { "composite": 4.3, "direction": "steady",
                  "week_start": "2026-11-16", "previous_week_start": "2026-11-09" },
      "slope_28d": 1.2,
      "days_since_nourishing": 3,
      "flags": [ { "kind": "persistent_strain", "evidence": "…", "suggestion": "…" } ]
    }"#;

    /// Key paths of a JSON value, in order; arrays contribute the keys of their first element.
    fn key_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, inner) in map {
                    let path = format!("{prefix}.{key}");
                    out.push(path.clone());
                    key_paths(inner, &path, out);
                }
            }
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    key_paths(first, &format!("{prefix}[]"), out);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {}
        }
    }

    /// The example's week 2026-11-16, rebuilt: 5 check-ins with ΣE 32 (6.4), ΣC 21 (4.2),
    /// ΣF 25 (5.0); ΣS = 32 + 21 + (50 − 25) = 78, composite 10·78/15 = 52.0, high (78 ≥ 15·5).
    /// Two nourishing connections (both mine) and a neutral one (theirs); boundary records 4 kept,
    /// 1 slipped = 0.8. The previous week 2026-11-09 is 3 check-ins of S 14, 14, 15 (ΣS 43,
    /// 47.78), so Δ = 52.0 − 47.78 = 4.22 → 4.2, steady. Persistent strain needs the week of
    /// 11-09 to be ≥ 50 too, so a second journal below checks the flag keys.
    fn example_journal() -> Journal {
        let ratings = [(7, 5, 5), (7, 4, 5), (6, 4, 5), (6, 4, 5), (6, 4, 5)];
        let mut check_ins: Vec<_> = ratings
            .iter()
            .enumerate()
            .map(|(i, &(e, c, f))| check_in(ago(d("2026-11-22"), i as u64), e, c, f))
            .collect();
        for (i, c) in check_ins.iter_mut().enumerate() {
            let outcome = if i == 0 {
                Outcome::Slipped
            } else {
                Outcome::Kept
            };
            record(c, "b-1", outcome);
        }
        for (i, s) in [14, 14, 15].into_iter().enumerate() {
            check_ins.push(with_strain(ago(d("2026-11-15"), i as u64), s));
        }
        let mut journal = journal(check_ins);
        journal
            .boundaries
            .push(boundary("b-1", "No email after 19:00", false));
        let mut theirs = connection("c-3", d("2026-11-18"), "Ana", Felt::Neutral);
        theirs.initiated_by = InitiatedBy::Them;
        journal.connections = vec![
            connection("c-1", d("2026-11-20"), "Sam", Felt::Nourishing),
            connection("c-2", d("2026-11-17"), "Sam", Felt::Nourishing),
            theirs,
        ];
        journal
    }

    #[test]
    fn json_week_matches_the_scoring_example_exactly() {
        let review = review(&example_journal(), d("2026-11-23"), 2);
        let value = serde_json::to_value(&review).unwrap();
        let example: Value = serde_json::from_str(SCORING_EXAMPLE).unwrap();
        assert_eq!(value["weeks"][0], example["weeks"][0]);
        assert_eq!(value["today"], json!("2026-11-23"));
        // The current week (2026-11-23) has no check-ins: null means, nothing imputed.
        assert_eq!(
            value["weeks"][1],
            json!({
                "week_start": "2026-11-23", "check_ins": 0,
                "exhaustion": null, "cynicism": null, "efficacy": null,
                "composite": null, "band": null,
                "connections": { "nourishing": 0, "neutral": 0, "draining": 0, "initiated_by_me": 0 },
                "boundaries_kept_rate": null
            })
        );
        assert_eq!(
            value["change"],
            json!({ "composite": 4.2, "direction": "steady",
                    "week_start": "2026-11-16", "previous_week_start": "2026-11-09" })
        );
        // Last nourishing on 2026-11-20, today 2026-11-23: 3 days, as in the example.
        assert_eq!(value["days_since_nourishing"], json!(3));
    }

    #[test]
    fn json_has_exactly_the_keys_of_the_scoring_example_in_order() {
        let mut journal = example_journal();
        // Make the week of 11-09 high too (S 15, 15, 15 = 50.0) so persistent_strain is raised
        // and the flag object's keys are checked as well.
        journal.check_ins.retain(|c| c.date > d("2026-11-15"));
        for i in 0..3 {
            journal
                .check_ins
                .push(with_strain(ago(d("2026-11-15"), i), 15));
        }
        // 8 check-ins in the last 28 days is below the slope's 10: add two more in the week of
        // 11-02 so slope_28d is a number as in the example.
        for i in 0..2 {
            journal
                .check_ins
                .push(with_strain(ago(d("2026-11-08"), i), 15));
        }
        let review = review(&journal, d("2026-11-23"), 2);
        assert!(review.slope_28d.is_some());
        assert_eq!(review.flags[0].kind, FlagKind::PersistentStrain);
        let example: Value = serde_json::from_str(SCORING_EXAMPLE).unwrap();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        key_paths(&serde_json::to_value(&review).unwrap(), "", &mut ours);
        key_paths(&example, "", &mut theirs);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn empty_journal_reviews_as_nulls_with_every_week_listed() {
        let review = review(&Journal::default(), d("2026-11-23"), DEFAULT_WEEKS);
        let starts: Vec<_> = review.weeks.iter().map(|w| w.week_start).collect();
        assert_eq!(starts.len(), 8);
        // 2026-11-23 is a Monday; the oldest of eight weeks starts 7·7 = 49 days earlier:
        // 49 − 23 = 26 days back from 10-31, so 2026-10-05.
        assert_eq!(starts[0], d("2026-10-05"));
        assert_eq!(starts[7], d("2026-11-23"));
        let value = serde_json::to_value(&review).unwrap();
        assert_eq!(
            value["change"],
            json!({ "composite": null, "direction": null,
                    "week_start": null, "previous_week_start": null })
        );
        assert_eq!(value["slope_28d"], Value::Null);
        assert_eq!(value["days_since_nourishing"], Value::Null);
        assert_eq!(value["flags"], json!([]));
        assert!(review.weeks.iter().all(|w| w.means.is_none()));
    }

    #[test]
    fn zero_weeks_lists_no_weeks_but_still_compares() {
        let check_ins = (0..6).map(|i| with_strain(ago(d("2026-11-22"), i), 12));
        let review = review(&journal(check_ins.collect()), d("2026-11-23"), 0);
        assert!(review.weeks.is_empty());
        // 11-17…11-22 (6 days of the week of 11-16) have means; the week of 11-09 does not.
        assert_eq!(review.change.week_start, Some(d("2026-11-16")));
        assert_eq!(review.change.delta, None);
    }

    #[test]
    fn a_single_check_in_today_has_no_means_anywhere() {
        let today = d("2026-11-23");
        let review = review(&journal(vec![check_in(today, 7, 4, 5)]), today, 8);
        let this_week = review.weeks.last().unwrap();
        assert_eq!(this_week.sums.count, 1);
        assert_eq!(this_week.means, None);
        assert_eq!(review.change, Change::default());
        assert_eq!(review.slope_28d, None);
        assert_eq!(review.check_ins_28d, 1);
        assert!(review.flags.is_empty());
    }

    #[test]
    fn entries_after_today_are_ignored_everywhere() {
        let today = d("2026-11-23");
        let base = example_journal();
        let mut with_future = base.clone();
        for i in 1..=20 {
            let date = today.checked_add_days(Days::new(i)).unwrap();
            with_future.check_ins.push(with_strain(date, 30));
            with_future.connections.push(connection(
                &format!("f-{i}"),
                date,
                "Future",
                Felt::Nourishing,
            ));
        }
        assert_eq!(review(&with_future, today, 8), review(&base, today, 8));
        // --as-of a past date: the same journal evaluated on 2026-11-19 sees nothing after it.
        let past = review(&base, d("2026-11-19"), 1);
        // 11-18 and 11-19 are in (the 11-20…11-22 check-ins are "after today").
        assert_eq!(past.weeks[0].sums.count, 2);
        assert_eq!(past.days_since_nourishing, Some(2)); // nourishing on 11-17
    }
}
