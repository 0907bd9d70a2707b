//! The 7-day direction of each dimension and the one-line `rekindle status` for shell prompts.
//!
//! Pure: takes the journal and "today", never reads the clock or the disk. Directions are
//! decided exactly on integer sums: mean₁ − mean₂ ≥ 0.5 ⇔ 2·(Σ₁·n₂ − Σ₂·n₁) ≥ n₁·n₂ (naive
//! floats get 13/3 − 23/6 = 0.4999… and miss the arrow). Arrows show the raw dimension, labelled:
//! "efficacy ↑" is good news; the words are rising / easing / steady, never worse / better.

use super::{check_ins_until, within_last};
use crate::journal::Journal;
use crate::scoring::Sums;
use chrono::{Days, NaiveDate};

/// Each side of the comparison needs at least this many check-ins.
const MIN_SIDE_CHECK_INS: u32 = 3;

/// Which way a dimension moved over the last 7 days against the 7 before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Arrow {
    Rising,
    Easing,
    Steady,
}

impl Arrow {
    pub fn symbol(self) -> &'static str {
        match self {
            Arrow::Rising => "↑",
            Arrow::Easing => "↓",
            Arrow::Steady => "→",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Arrow::Rising => "rising",
            Arrow::Easing => "easing",
            Arrow::Steady => "steady",
        }
    }

    /// Compares mean Σ₁/n₁ (recent) with Σ₂/n₂ (before), exactly, with a 0.5 threshold.
    fn between(recent: (u32, u32), before: (u32, u32)) -> Arrow {
        let (s1, n1) = (i64::from(recent.0), i64::from(recent.1));
        let (s2, n2) = (i64::from(before.0), i64::from(before.1));
        let twice_gap = 2 * (s1 * n2 - s2 * n1);
        if twice_gap >= n1 * n2 {
            Arrow::Rising
        } else if twice_gap <= -(n1 * n2) {
            Arrow::Easing
        } else {
            Arrow::Steady
        }
    }
}

/// Exhaustion, cynicism and efficacy over today−6 … today against today−13 … today−7; all
/// `None` when either side has fewer than 3 check-ins.
pub fn seven_day_directions(journal: &Journal, today: NaiveDate) -> [Option<Arrow>; 3] {
    let Some(week_ago) = today.checked_sub_days(Days::new(7)) else {
        return [None; 3];
    };
    let recent =
        Sums::of(check_ins_until(journal, today).filter(|c| within_last(7, c.date, today)));
    let before =
        Sums::of(check_ins_until(journal, today).filter(|c| within_last(7, c.date, week_ago)));
    if recent.count < MIN_SIDE_CHECK_INS || before.count < MIN_SIDE_CHECK_INS {
        return [None; 3];
    }
    let side = |s: Sums, pick: fn(&Sums) -> u32| (pick(&s), s.count);
    [
        |s: &Sums| s.exhaustion,
        |s: &Sums| s.cynicism,
        |s: &Sums| s.efficacy,
    ]
    .map(|pick| Some(Arrow::between(side(recent, pick), side(before, pick))))
}

/// One line for a shell prompt: `checked in today · exhaustion ↑ cynicism → efficacy ↓`.
/// Cheap: three linear passes over the check-ins and one short string.
pub fn status_line(journal: &Journal, today: NaiveDate) -> String {
    let checked_in = if journal.check_in_on(today).is_some() {
        "checked in today"
    } else {
        "not checked in today"
    };
    let directions = seven_day_directions(journal, today);
    let names = ["exhaustion", "cynicism", "efficacy"];
    let arrows: Option<Vec<String>> = directions
        .iter()
        .zip(names)
        .map(|(arrow, name)| arrow.map(|a| format!("{name} {}", a.symbol())))
        .collect();
    match arrows {
        Some(arrows) => format!("{checked_in} · {}", arrows.join(" ")),
        None => format!("{checked_in} · too few check-ins for 7-day arrows"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    const TODAY: &str = "2026-11-23";

    /// Exhaustion values on the given days back (C 5, F 5 throughout).
    fn exhaustion_on(days: &[(u64, u8)]) -> Journal {
        journal(
            days.iter()
                .map(|&(back, e)| check_in(ago(d(TODAY), back), e, 5, 5))
                .collect(),
        )
    }

    #[test]
    fn half_a_point_exactly_is_rising() {
        // Last 7 days E 4, 4, 5 (Σ 13, n 3) vs previous 4, 4, 4, 4, 4, 3 (Σ 23, n 6):
        // 13/3 − 23/6 = 0.5 exactly; 2·(13·6 − 23·3) = 18 ≥ 3·6 = 18 → ↑.
        let journal = exhaustion_on(&[
            (0, 4),
            (2, 4),
            (6, 5),
            (7, 4),
            (8, 4),
            (9, 4),
            (10, 4),
            (12, 4),
            (13, 3),
        ]);
        let [e, c, f] = seven_day_directions(&journal, d(TODAY));
        assert_eq!(e, Some(Arrow::Rising));
        assert_eq!((c, f), (Some(Arrow::Steady), Some(Arrow::Steady)));
        // The naive float difference misses it, which is why the rule is exact.
        let (s1, s2) = std::hint::black_box((13.0_f64, 23.0_f64));
        assert!(s1 / 3.0 - s2 / 6.0 < 0.5);
    }

    #[test]
    fn just_under_half_a_point_is_steady_and_minus_half_is_easing() {
        // 4, 4, 5 vs 4, 4, 4, 4, 4, 4: 13/3 − 4 = 1/3 < 0.5 → →.
        let steady = exhaustion_on(&[
            (0, 4),
            (1, 4),
            (2, 5),
            (7, 4),
            (8, 4),
            (9, 4),
            (10, 4),
            (11, 4),
            (12, 4),
        ]);
        assert_eq!(
            seven_day_directions(&steady, d(TODAY))[0],
            Some(Arrow::Steady)
        );
        // Reversed sides of the exact case: −0.5 → ↓.
        let easing = exhaustion_on(&[
            (7, 4),
            (9, 4),
            (13, 5),
            (0, 4),
            (1, 4),
            (2, 4),
            (3, 4),
            (5, 4),
            (6, 3),
        ]);
        assert_eq!(
            seven_day_directions(&easing, d(TODAY))[0],
            Some(Arrow::Easing)
        );
    }

    #[test]
    fn no_arrows_with_fewer_than_three_check_ins_on_a_side() {
        // 3 recent, 2 before (day 14 back is outside both windows).
        let journal = exhaustion_on(&[(0, 9), (1, 9), (2, 9), (7, 1), (13, 1), (14, 1)]);
        assert_eq!(seven_day_directions(&journal, d(TODAY)), [None; 3]);
        assert_eq!(
            status_line(&journal, d(TODAY)),
            "checked in today · too few check-ins for 7-day arrows"
        );
    }

    #[test]
    fn status_line_says_whether_today_has_a_check_in_and_labels_each_arrow() {
        // E 8 vs 5 ↑; C 5 vs 5 →; F 2 vs 5 ↓.
        let mut check_ins: Vec<_> = (1..=3)
            .map(|b| check_in(ago(d(TODAY), b), 8, 5, 2))
            .collect();
        check_ins.extend((7..=9).map(|b| check_in(ago(d(TODAY), b), 5, 5, 5)));
        let journal = journal(check_ins);
        assert_eq!(
            status_line(&journal, d(TODAY)),
            "not checked in today · exhaustion ↑ cynicism → efficacy ↓"
        );
        let mut with_today = journal.clone();
        with_today.check_ins.push(check_in(d(TODAY), 8, 5, 2));
        assert_eq!(
            status_line(&with_today, d(TODAY)),
            "checked in today · exhaustion ↑ cynicism → efficacy ↓"
        );
        // A check-in dated tomorrow is not today's.
        let mut future = journal;
        future.check_ins.push(check_in(d("2026-11-24"), 8, 5, 2));
        assert!(status_line(&future, d(TODAY)).starts_with("not checked in today"));
        assert_eq!(
            [Arrow::Rising, Arrow::Easing, Arrow::Steady].map(Arrow::word),
            ["rising", "easing", "steady"]
        );
    }
}
