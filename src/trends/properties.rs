//! Property tests of the weekly review over generated journals: composites stay in range, a
//! week's mean lies within its days, weeks are independent of each other, and nothing depends on
//! the order of entries in the file.

use super::test_support::{boundary, check_in, connection, d, record};
use super::{boundary_rates, people, review};
use crate::journal::{CheckIn, Felt, InitiatedBy, Journal, LongDay, Outcome};
use crate::scoring::{composite, week_start};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use std::collections::BTreeMap;

const PEOPLE: [&str; 4] = ["Sam", "Ana", "sam", "Lee"];
const FELT: [Felt; 3] = [Felt::Nourishing, Felt::Neutral, Felt::Draining];
const BY: [InitiatedBy; 3] = [InitiatedBy::Me, InitiatedBy::Them, InitiatedBy::Mutual];
/// b-1 and b-3 active, b-2 archived, b-x named only in records (counted nowhere).
const BOUNDARY_IDS: [&str; 4] = ["b-1", "b-2", "b-3", "b-x"];

fn shift(today: NaiveDate, offset: i64) -> NaiveDate {
    if offset >= 0 {
        today + Days::new(offset as u64)
    } else {
        today - Days::new(offset.unsigned_abs())
    }
}

type DayInput = ((u8, u8, u8), Option<bool>, Option<u8>, Vec<(usize, bool)>);

fn day_input() -> impl Strategy<Value = DayInput> {
    (
        (0..=10u8, 0..=10u8, 0..=10u8),
        proptest::option::of(any::<bool>()),
        proptest::option::of(0..=12u8),
        proptest::collection::vec((0..BOUNDARY_IDS.len(), any::<bool>()), 0..3),
    )
}

fn make_check_in(date: NaiveDate, input: &DayInput) -> CheckIn {
    let ((e, c, f), rest, sleep, records) = input;
    let mut day = check_in(date, *e, *c, *f);
    day.habits.rest_block = *rest;
    day.habits.sleep_hours = sleep.map(f64::from);
    for &(id, slipped) in records {
        let outcome = if slipped {
            Outcome::Slipped
        } else {
            Outcome::Kept
        };
        record(&mut day, BOUNDARY_IDS[id], outcome);
    }
    day
}

/// A journal around `today`: check-ins on distinct days from 100 days back to 10 days ahead
/// (future ones must be ignored), connections, and three boundaries.
fn journals() -> impl Strategy<Value = (Journal, NaiveDate)> {
    (
        0..7i64,
        0..7usize,
        proptest::collection::btree_map(-100i64..=10, day_input(), 0..60),
        proptest::collection::vec((-120i64..=10, 0..4usize, 0..3usize, 0..3usize), 0..25),
    )
        .prop_map(|(today_shift, first_day, days, connections)| {
            let today = shift(d("2026-11-23"), today_shift);
            let mut journal = Journal::default();
            journal.settings.week_starts_on = LongDay(crate::journal::calendar::WEEK[first_day]);
            journal.check_ins = days
                .iter()
                .map(|(&offset, input)| make_check_in(shift(today, offset), input))
                .collect();
            journal.connections = connections
                .iter()
                .enumerate()
                .map(|(i, &(offset, person, felt, by))| {
                    let mut c = connection(
                        &format!("c-{i}"),
                        shift(today, offset),
                        PEOPLE[person],
                        FELT[felt],
                    );
                    c.initiated_by = BY[by];
                    c
                })
                .collect();
            journal.boundaries = vec![
                boundary("b-1", "one", false),
                boundary("b-2", "two", true),
                boundary("b-3", "three", false),
            ];
            (journal, today)
        })
}

/// A deterministic Fisher–Yates shuffle driven by a small LCG, so a failing case replays.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = (seed >> 33) as usize % (i + 1);
        items.swap(i, j);
    }
}

proptest! {
    #[test]
    fn weekly_composite_stays_within_0_and_100((journal, today) in journals(), weeks in 0..20usize) {
        let review = review(&journal, today, weeks);
        prop_assert_eq!(review.weeks.len(), weeks);
        for week in &review.weeks {
            if let Some(m) = week.means {
                prop_assert!((0.0..=100.0).contains(&m.composite), "{}", m.composite);
            }
        }
    }

    #[test]
    fn a_weekly_mean_lies_within_its_days((journal, today) in journals()) {
        let first_day = journal.settings.week_start();
        for week in review(&journal, today, 16).weeks {
            let Some(m) = week.means else { continue };
            let days: Vec<&CheckIn> = journal
                .check_ins
                .iter()
                .filter(|c| c.date <= today && week_start(c.date, first_day) == week.week_start)
                .collect();
            prop_assert_eq!(days.len() as u32, m.count);
            let within = |mean: f64, values: Vec<f64>| {
                let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                // Composites are thirds, so allow float noise of a few ulps.
                lo - 1e-9 <= mean && mean <= hi + 1e-9
            };
            let values = |pick: fn(&CheckIn) -> f64| days.iter().map(|c| pick(c)).collect::<Vec<_>>();
            prop_assert!(within(m.exhaustion, values(|c| f64::from(c.exhaustion.get()))));
            prop_assert!(within(m.cynicism, values(|c| f64::from(c.cynicism.get()))));
            prop_assert!(within(m.efficacy, values(|c| f64::from(c.efficacy.get()))));
            prop_assert!(within(m.composite, values(composite)));
        }
    }

    #[test]
    fn adding_a_check_in_changes_no_other_week(
        (journal, today) in journals(),
        offset in -100i64..=10,
        input in day_input(),
    ) {
        let date = shift(today, offset);
        prop_assume!(journal.check_in_on(date).is_none());
        let mut more = journal.clone();
        more.check_ins.push(make_check_in(date, &input));
        let touched = week_start(date, journal.settings.week_start());
        let before = review(&journal, today, 16).weeks;
        let after = review(&more, today, 16).weeks;
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            if b.week_start != touched || date > today {
                prop_assert_eq!(b, a);
            }
        }
    }

    #[test]
    fn the_order_of_entries_never_changes_the_review(
        (journal, today) in journals(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = journal.clone();
        shuffle(&mut shuffled.check_ins, seed);
        shuffle(&mut shuffled.connections, seed ^ 0x9e37_79b9_7f4a_7c15);
        shuffle(&mut shuffled.boundaries, seed.rotate_left(17));
        let (ours, theirs) = (review(&journal, today, 10), review(&shuffled, today, 10));
        prop_assert_eq!(
            serde_json::to_value(&ours).unwrap(),
            serde_json::to_value(&theirs).unwrap()
        );
        prop_assert_eq!(ours, theirs);
        prop_assert_eq!(people(&journal, today), people(&shuffled, today));
        let by_id = |j: &Journal| {
            boundary_rates(j, today)
                .into_iter()
                .map(|r| (r.id.clone(), r))
                .collect::<BTreeMap<_, _>>()
        };
        prop_assert_eq!(by_id(&journal), by_id(&shuffled));
    }
}
