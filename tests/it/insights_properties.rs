//! Properties of `insights::analyse` on random journals: the order of entries in the file never
//! matters, entries after "today" never matter, and the text never shows a p-value or a causal,
//! evaluative or advice word.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rekindle::insights::{LINT, analyse, render, to_json};
use rekindle::journal::{
    Boundary, CheckIn, Connection, DaysOff, Felt, InitiatedBy, Journal, Kind, Outcome, Rating,
};
use serde_json::Map;
use std::collections::BTreeMap;

const TODAY: (i32, u32, u32) = (2026, 11, 22);
/// Names with the case and space variants that make one person, and none holding a lint word.
const NAMES: [&str; 6] = ["Sam", "sam ", "SAM", "Priya", "Zoë", "Kai"];
const CAVEAT: &str = "Either could lead to the other, or something else could drive both.";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// One generated day: whether there is a check-in, its ratings, habits and boundary outcomes,
/// and up to two connections.
#[derive(Debug, Clone)]
struct DaySpec {
    check_in: bool,
    ratings: (u8, u8, u8),
    habits: [Option<bool>; 5],
    sleep_tenths: Option<u16>,
    outcomes: [Option<bool>; 3],
    connections: Vec<(usize, u8)>,
}

fn arb_day() -> impl Strategy<Value = DaySpec> {
    (
        prop::bool::weighted(0.8),
        (0u8..=10, 0u8..=10, 0u8..=10),
        prop::array::uniform5(prop::option::weighted(0.8, any::<bool>())),
        prop::option::of(40u16..=95),
        prop::array::uniform3(prop::option::weighted(0.6, any::<bool>())),
        prop::collection::vec((0usize..NAMES.len(), 0u8..3), 0..3),
    )
        .prop_map(
            |(check_in, ratings, habits, sleep_tenths, outcomes, connections)| DaySpec {
                check_in,
                ratings,
                habits,
                sleep_tenths,
                outcomes,
                connections,
            },
        )
}

/// A journal over the `days.len()` days ending `today`; ratings lean on the habits so that
/// some comparisons come out clear.
fn build(days: &[DaySpec], days_off: [bool; 7]) -> Journal {
    let mut journal = Journal::default();
    let first = today() - Days::new(days.len() as u64 - 1);
    for (i, spec) in days.iter().enumerate() {
        let date = first + Days::new(i as u64);
        if spec.check_in {
            let lean = |v: u8, habit: Option<bool>| match habit {
                Some(true) => v.saturating_sub(5),
                _ => v,
            };
            let (e, c, f) = spec.ratings;
            let mut check_in = CheckIn::new(
                date,
                Rating::new(lean(e, spec.habits[1])).unwrap(),
                Rating::new(lean(c, spec.habits[3])).unwrap(),
                Rating::new(f).unwrap(),
            );
            check_in.habits.exercise = spec.habits[0];
            check_in.habits.outside = spec.habits[1];
            check_in.habits.mindful = spec.habits[2];
            check_in.habits.rest_block = spec.habits[3];
            check_in.habits.disconnected = spec.habits[4];
            check_in.habits.sleep_hours = spec.sleep_tenths.map(|t| f64::from(t) / 10.0);
            let mut outcomes = BTreeMap::new();
            for (b, outcome) in spec.outcomes.iter().enumerate() {
                if let Some(kept) = outcome {
                    let outcome = if *kept {
                        Outcome::Kept
                    } else {
                        Outcome::Slipped
                    };
                    outcomes.insert(format!("b-{}", b + 1).into(), outcome);
                }
            }
            outcomes.insert("b-unknown".into(), Outcome::Kept);
            check_in.boundaries = outcomes;
            journal.check_ins.push(check_in);
        }
        for (n, (person, felt)) in spec.connections.iter().enumerate() {
            journal.connections.push(Connection {
                id: format!("c-{}-{n}", date.format("%Y%m%d")),
                date,
                recorded_at: None,
                person: NAMES[*person].to_string(),
                kind: Kind::Call,
                initiated_by: InitiatedBy::Me,
                felt: [Felt::Nourishing, Felt::Neutral, Felt::Draining][usize::from(*felt)],
                note: String::new(),
                gratitude: String::new(),
                extra: Default::default(),
            });
        }
    }
    for b in 1..=3 {
        journal.boundaries.push(Boundary {
            id: format!("b-{b}"),
            text: format!("Rule number {b}"),
            from: None,
            until: None,
            days: None,
            created: None,
            archived: b == 2,
            extra: Map::new(),
        });
    }
    let off: Vec<chrono::Weekday> = rekindle::journal::calendar::WEEK
        .into_iter()
        .zip(days_off)
        .filter(|(_, off)| *off)
        .map(|(day, _)| day)
        .collect();
    journal.settings.days_off = DaysOff::of(&off);
    journal
}

/// Everything the report shows, as text and JSON.
fn shown(journal: &Journal, weeks: u32) -> (String, String) {
    let report = analyse(journal, today(), weeks);
    (render(&report, true), to_json(&report).to_string())
}

fn has_whole(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    text.match_indices(word).any(|(at, _)| {
        !is_word(text[..at].chars().next_back()) && !is_word(text[at + word.len()..].chars().next())
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn file_order_changes_nothing(
        days in prop::collection::vec(arb_day(), 56..=84),
        days_off in prop::array::uniform7(any::<bool>()),
        seed in any::<u64>(),
        weeks in prop::sample::select(vec![8u32, 10, 12]),
    ) {
        let journal = build(&days, days_off);
        let mut shuffled = journal.clone();
        let mut rng = fastrand::Rng::with_seed(seed);
        rng.shuffle(&mut shuffled.check_ins);
        rng.shuffle(&mut shuffled.connections);
        prop_assert_eq!(shown(&journal, weeks), shown(&shuffled, weeks));
    }

    #[test]
    fn entries_after_today_change_nothing(
        days in prop::collection::vec(arb_day(), 56..=70),
        later in prop::collection::vec(arb_day(), 1..=10),
        days_off in prop::array::uniform7(any::<bool>()),
    ) {
        let journal = build(&days, days_off);
        // The same days followed by `later` days: built to end today, then moved forward so
        // that `days` fall on the same dates as in `journal` and `later` after today.
        let mut all = days.clone();
        all.extend(later.iter().cloned());
        let mut longer = build(&all, days_off);
        let shift = Days::new(later.len() as u64);
        for c in &mut longer.check_ins {
            c.date = c.date + shift;
        }
        for c in &mut longer.connections {
            c.date = c.date + shift;
        }
        // `longer` now holds `journal`'s entries on the same dates plus entries after today.
        prop_assert!(longer.check_ins.iter().any(|c| c.date > today()) || later.iter().all(|d| !d.check_in));
        prop_assert_eq!(shown(&journal, 8), shown(&longer, 8));
    }

    #[test]
    fn the_text_never_shows_a_p_value_or_a_lint_word(
        days in prop::collection::vec(arb_day(), 56..=84),
        days_off in prop::array::uniform7(any::<bool>()),
    ) {
        let journal = build(&days, days_off);
        let report = analyse(&journal, today(), 8);
        let text = render(&report, true);
        let without_caveat = text.replace(CAVEAT, "");
        for word in LINT {
            prop_assert!(!has_whole(&without_caveat, word), "{:?} in {}", word, text);
        }
        prop_assert!(!text.contains("p =") && !text.contains("p-value") && !text.contains("p:"));
        // No fraction anywhere (p-values and cut-offs are fractions; dates use hyphens).
        let bytes = text.as_bytes();
        prop_assert!(
            !bytes.windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit()),
            "a fraction in {}", text
        );
    }
}
