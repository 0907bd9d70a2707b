//! Weekly figures, the change between the latest week with means and the week before it, and
//! the 28-day slope.
//!
//! Pure: takes the journal and "today", never reads the clock or the disk. Weeks start on
//! `settings.week_starts_on` and are named by their first day. A week's means come from
//! `scoring::Sums` (exact integer sums, `None` below 3 check-ins: missed days are gaps, never
//! zeros). The change is computed from unrounded composites and rounded once, exactly, with
//! integers; its direction is decided on that rounded value, as docs/SCORING.md requires ("Δ 4.952 →
//! 5.0 rising").

use super::figures::{ConnectionCounts, OutcomeCounts, known_boundary_ids};
use super::{check_ins_until, connections_until, first_of_last, round1, round1_opt, within_last};
use crate::journal::Journal;
use crate::journal::calendar::{date_format, opt_date_format};
use crate::scoring::{Band, Means, Sums, strain, week_start};
use chrono::{Days, NaiveDate};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The slope looks at the last 28 days …
pub const SLOPE_DAYS: u64 = 28;
/// … and needs at least this many check-ins in them.
pub const SLOPE_MIN_CHECK_INS: u32 = 10;
/// Change of 5 composite points or more (after rounding) reads as rising or falling: half a
/// scale step on average — a product judgment, stated as such in docs/SCORING.md.
const DIRECTION_TENTHS: i64 = 50;

/// One calendar week of the review.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekSummary {
    pub week_start: NaiveDate,
    /// Exact sums over the week's check-ins (on or before today).
    pub sums: Sums,
    /// Unrounded means, `None` when the week has fewer than 3 check-ins.
    pub means: Option<Means>,
    pub connections: ConnectionCounts,
    /// Boundary records on the week's check-ins, for boundaries the journal knows (archived ones
    /// included; records naming an unknown id count nowhere).
    pub boundaries: OutcomeCounts,
}

impl WeekSummary {
    fn empty(week_start: NaiveDate) -> WeekSummary {
        WeekSummary {
            week_start,
            sums: Sums::default(),
            means: None,
            connections: ConnectionCounts::default(),
            boundaries: OutcomeCounts::default(),
        }
    }

    /// kept / (kept + slipped) over the week's boundary records; `None` without records.
    pub fn boundaries_kept_rate(&self) -> Option<f64> {
        self.boundaries.kept_rate()
    }

    /// Days of this week that have happened by `today`: 7 for a complete week, fewer for the
    /// current one. The "of 7" in "3 of 7".
    pub fn days_so_far(&self, today: NaiveDate) -> i64 {
        (today - self.week_start).num_days().clamp(-1, 6) + 1
    }
}

#[derive(Serialize)]
struct WeekJson {
    #[serde(with = "date_format")]
    week_start: NaiveDate,
    check_ins: u32,
    exhaustion: Option<f64>,
    cynicism: Option<f64>,
    efficacy: Option<f64>,
    composite: Option<f64>,
    band: Option<Band>,
    connections: ConnectionCounts,
    boundaries_kept_rate: Option<f64>,
}

impl Serialize for WeekSummary {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let m = self.means;
        WeekJson {
            week_start: self.week_start,
            check_ins: self.sums.count,
            exhaustion: m.map(|m| round1(m.exhaustion)),
            cynicism: m.map(|m| round1(m.cynicism)),
            efficacy: m.map(|m| round1(m.efficacy)),
            composite: m.map(|m| round1(m.composite)),
            band: m.map(|m| m.band),
            connections: self.connections,
            boundaries_kept_rate: round1_opt(self.boundaries_kept_rate()),
        }
        .serialize(s)
    }
}

/// The last `count` weeks up to and including the week holding `today`, oldest first, weeks
/// without check-ins included (with `None` means).
pub fn week_summaries(journal: &Journal, today: NaiveDate, count: usize) -> Vec<WeekSummary> {
    let first_day = journal.settings.week_start();
    let current = week_start(today, first_day);
    let mut weeks: BTreeMap<NaiveDate, WeekSummary> = (0..count)
        .rev()
        .filter_map(|back| current.checked_sub_days(Days::new(7 * back as u64)))
        .map(|start| (start, WeekSummary::empty(start)))
        .collect();
    let known = known_boundary_ids(journal);
    let mut check_ins_by_week: BTreeMap<NaiveDate, Vec<_>> = BTreeMap::new();
    for c in check_ins_until(journal, today) {
        let start = week_start(c.date, first_day);
        if let Some(week) = weeks.get_mut(&start) {
            check_ins_by_week.entry(start).or_default().push(c);
            for (id, outcome) in &c.boundaries {
                if known.contains(id.as_str()) {
                    week.boundaries.add(*outcome);
                }
            }
        }
    }
    for (start, check_ins) in check_ins_by_week {
        if let Some(week) = weeks.get_mut(&start) {
            week.sums = Sums::of(check_ins);
            week.means = week.sums.week_means();
        }
    }
    for c in connections_until(journal, today) {
        if let Some(week) = weeks.get_mut(&week_start(c.date, first_day)) {
            week.connections.add(c);
        }
    }
    weeks.into_values().collect()
}

/// Exact sums of every week of the journal up to `today`, keyed by week start.
pub(super) fn weekly_sums(journal: &Journal, today: NaiveDate) -> BTreeMap<NaiveDate, Sums> {
    let first_day = journal.settings.week_start();
    let mut weeks: BTreeMap<NaiveDate, Vec<_>> = BTreeMap::new();
    for c in check_ins_until(journal, today) {
        weeks
            .entry(week_start(c.date, first_day))
            .or_default()
            .push(c);
    }
    weeks
        .into_iter()
        .map(|(start, check_ins)| (start, Sums::of(check_ins)))
        .collect()
}

/// Rising, steady or falling, decided on the change rounded to one decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Rising,
    Steady,
    Falling,
}

impl Direction {
    /// From a change in tenths of a point, already rounded: ≥ +5.0 rising, ≤ −5.0 falling.
    pub fn of_tenths(tenths: i64) -> Direction {
        if tenths >= DIRECTION_TENTHS {
            Direction::Rising
        } else if tenths <= -DIRECTION_TENTHS {
            Direction::Falling
        } else {
            Direction::Steady
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Rising => "rising",
            Direction::Steady => "steady",
            Direction::Falling => "falling",
        }
    }
}

/// The latest week with means against the calendar week just before it.
///
/// Null shape (docs/SCORING.md leaves it open): the JSON `change` is always an object with the same
/// four keys. No week with means anywhere: all four are `null`. A latest week with means but a
/// previous calendar week without: `week_start` and `previous_week_start` are dates, `composite`
/// and `direction` are `null`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Change {
    /// The most recent week with means, searched back through the whole journal.
    pub week_start: Option<NaiveDate>,
    /// The calendar week before `week_start`, whether or not it has means.
    pub previous_week_start: Option<NaiveDate>,
    pub current: Option<Means>,
    pub previous: Option<Means>,
    /// Unrounded Δ = current composite − previous composite.
    pub delta: Option<f64>,
    /// Δ in tenths of a point, rounded half away from zero exactly from the integer sums.
    pub delta_tenths: Option<i64>,
}

impl Change {
    /// Δ rounded to one decimal, as shown and serialised.
    pub fn rounded(&self) -> Option<f64> {
        self.delta_tenths.map(|t| t as f64 / 10.0)
    }

    pub fn direction(&self) -> Option<Direction> {
        self.delta_tenths.map(Direction::of_tenths)
    }
}

#[derive(Serialize)]
struct ChangeJson {
    composite: Option<f64>,
    direction: Option<Direction>,
    #[serde(with = "opt_date_format")]
    week_start: Option<NaiveDate>,
    #[serde(with = "opt_date_format")]
    previous_week_start: Option<NaiveDate>,
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ChangeJson {
            composite: self.rounded(),
            direction: self.direction(),
            week_start: self.week_start,
            previous_week_start: self.previous_week_start,
        }
        .serialize(s)
    }
}

/// The change in composite for `journal` as of `today`.
pub fn change(journal: &Journal, today: NaiveDate) -> Change {
    change_from(&weekly_sums(journal, today))
}

pub(super) fn change_from(weekly: &BTreeMap<NaiveDate, Sums>) -> Change {
    let Some((&start, current)) = weekly
        .iter()
        .rev()
        .find_map(|(start, sums)| sums.week_means().map(|_| (start, sums)))
    else {
        return Change::default();
    };
    let previous_start = start.checked_sub_days(Days::new(7));
    let previous = previous_start
        .and_then(|p| weekly.get(&p))
        .filter(|sums| sums.week_means().is_some());
    let mut change = Change {
        week_start: Some(start),
        previous_week_start: previous_start,
        current: current.week_means(),
        ..Change::default()
    };
    if let (Some(previous), Some(now)) = (previous, change.current) {
        let before = previous.means();
        change.previous = Some(before);
        change.delta = Some(now.composite - before.composite);
        // Δ·10 = 10·(10·S₁/(3·n₁) − 10·S₂/(3·n₂)) = 100·(S₁·n₂ − S₂·n₁) / (3·n₁·n₂).
        let (s1, n1) = (i64::from(current.strain), i64::from(current.count));
        let (s2, n2) = (i64::from(previous.strain), i64::from(previous.count));
        change.delta_tenths = Some(div_round_half_away(100 * (s1 * n2 - s2 * n1), 3 * n1 * n2));
    }
    change
}

/// `num / den` rounded half away from zero, for `den > 0`, exactly.
fn div_round_half_away(num: i64, den: i64) -> i64 {
    let magnitude = (2 * num.abs() + den) / (2 * den);
    if num < 0 { -magnitude } else { magnitude }
}

/// How many check-ins fall in the last `days` days.
pub fn check_ins_in_last(journal: &Journal, today: NaiveDate, days: u64) -> u32 {
    let count = check_ins_until(journal, today)
        .filter(|c| within_last(days, c.date, today))
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// Least-squares slope of the daily composite over the last 28 days, in points per week;
/// `None` with fewer than 10 check-ins.
///
/// x = date − (today − 27), days without a check-in left out; y = 10·S/3. The sums are
/// integers, so the slope is exact up to the one final division:
/// slope per day = (10/3)·(n·ΣxS − Σx·ΣS) / (n·Σx² − (Σx)²), reported × 7.
pub fn slope_28d(journal: &Journal, today: NaiveDate) -> Option<f64> {
    let origin = first_of_last(SLOPE_DAYS, today);
    let (mut n, mut sx, mut sy, mut sxx, mut sxy) = (0i64, 0i64, 0i64, 0i64, 0i64);
    for c in check_ins_until(journal, today).filter(|c| c.date >= origin) {
        let x = (c.date - origin).num_days();
        let y = i64::from(strain(c));
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    let spread = n * sxx - sx * sx;
    // Unique dates make `spread` positive once there are two check-ins; a hand-edited file with
    // repeated dates could make it zero, which has no slope rather than a division by zero.
    if n < i64::from(SLOPE_MIN_CHECK_INS) || spread == 0 {
        return None;
    }
    Some(70.0 * (n * sxy - sx * sy) as f64 / (3.0 * spread as f64))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::journal::{CheckIn, Felt, LongDay, Outcome};
    use crate::scoring::fmt1;
    use chrono::Weekday;

    /// Three or more check-ins of the given strains from `start` on, one a day.
    fn week_of(start: NaiveDate, strains: &[u8]) -> Vec<CheckIn> {
        strains
            .iter()
            .enumerate()
            .map(|(i, &s)| with_strain(start.checked_add_days(Days::new(i as u64)).unwrap(), s))
            .collect()
    }

    fn change_between(previous: &[u8], current: &[u8]) -> Change {
        // Weeks of 2026-11-09 and 2026-11-16 (Mondays); today is Sunday 2026-11-22.
        let mut check_ins = week_of(d("2026-11-09"), previous);
        check_ins.extend(week_of(d("2026-11-16"), current));
        change(&journal(check_ins), d("2026-11-22"))
    }

    #[test]
    fn change_of_exactly_five_is_rising_and_minus_five_falling() {
        // 40.0 = 10·36/(3·3): S 12, 12, 12. 45.0 = 10·54/(3·4): S 13, 13, 14, 14.
        let up = change_between(&[12, 12, 12], &[13, 13, 14, 14]);
        assert_eq!(up.delta_tenths, Some(50));
        assert_eq!(fmt1(up.delta.unwrap()), "5.0");
        assert_eq!(up.direction(), Some(Direction::Rising));
        let down = change_between(&[13, 13, 14, 14], &[12, 12, 12]);
        assert_eq!(down.rounded(), Some(-5.0));
        assert_eq!(down.direction(), Some(Direction::Falling));
    }

    #[test]
    fn change_of_4_952_rounds_to_5_0_and_is_rising() {
        // Previous ΣS 64 over 5 = 42.667; this week ΣS 100 over 7 = 47.619.
        // Δ·10 = 100·(100·5 − 64·7)/(3·7·5) = 5200/105 = 49.52 → 50: Δ 5.0, rising.
        let change = change_between(&[13, 13, 13, 13, 12], &[15, 15, 14, 14, 14, 14, 14]);
        assert_eq!(
            change.previous.map(|m| fmt1(m.composite)),
            Some("42.7".into())
        );
        assert_eq!(
            change.current.map(|m| fmt1(m.composite)),
            Some("47.6".into())
        );
        assert!((change.delta.unwrap() - 4.952).abs() < 0.001);
        assert_eq!(change.rounded(), Some(5.0));
        assert_eq!(change.direction(), Some(Direction::Rising));
        let json = serde_json::to_value(change).unwrap();
        assert_eq!(json["composite"], serde_json::json!(5.0));
        assert_eq!(json["direction"], "rising");
    }

    #[test]
    fn change_of_4_9_is_steady() {
        // SCORING's "40.0 vs 44.9" cannot happen with 3–7 check-ins (no ΣS/n gives 44.9), so
        // the same Δ 4.9 from reachable weeks: previous ΣS 58 over 6 = 32.222, this week ΣS 78
        // over 7 = 37.143. Δ·10 = 100·(78·6 − 58·7)/(3·7·6) = 6200/126 = 49.21 → 49: steady.
        let change = change_between(&[10, 10, 10, 10, 9, 9], &[12, 11, 11, 11, 11, 11, 11]);
        assert_eq!(change.delta_tenths, Some(49));
        assert_eq!(change.rounded(), Some(4.9));
        assert_eq!(change.direction(), Some(Direction::Steady));
        assert_eq!(Direction::of_tenths(-49), Direction::Steady);
        assert_eq!(Direction::of_tenths(-50), Direction::Falling);
    }

    #[test]
    fn change_searches_back_to_the_latest_week_with_means() {
        // Weeks of 10-19 (3 check-ins, S 15 → 50.0) and 10-26 (3 check-ins, S 12 → 40.0), then
        // nothing but two check-ins in the week of 11-16: the latest week with means is 10-26,
        // compared with 10-19: Δ = −10.0, falling; the JSON names both weeks.
        let mut check_ins = week_of(d("2026-10-19"), &[15, 15, 15]);
        check_ins.extend(week_of(d("2026-10-26"), &[12, 12, 12]));
        check_ins.extend(week_of(d("2026-11-16"), &[30, 30]));
        let change = change(&journal(check_ins), d("2026-11-22"));
        assert_eq!(change.week_start, Some(d("2026-10-26")));
        assert_eq!(change.previous_week_start, Some(d("2026-10-19")));
        assert_eq!(change.rounded(), Some(-10.0));
        assert_eq!(change.direction(), Some(Direction::Falling));
    }

    #[test]
    fn change_is_null_when_the_week_before_has_no_means() {
        // The week before has 2 check-ins: no means, so no change, but both weeks are named.
        let change = change_between(&[30, 30], &[12, 12, 12]);
        assert_eq!(change.week_start, Some(d("2026-11-16")));
        assert_eq!(change.previous_week_start, Some(d("2026-11-09")));
        assert_eq!((change.delta, change.direction()), (None, None));
        assert_eq!(
            serde_json::to_value(change).unwrap(),
            serde_json::json!({ "composite": null, "direction": null,
                                "week_start": "2026-11-16", "previous_week_start": "2026-11-09" })
        );
    }

    #[test]
    fn weeks_straddling_the_year_end_are_named_by_their_monday() {
        // 2025-12-30, 12-31 and 2026-01-01 are one week (ISO 2026-W01) starting 2025-12-29.
        let check_ins = vec![
            check_in(d("2025-12-30"), 6, 3, 6),
            check_in(d("2025-12-31"), 4, 3, 6),
            check_in(d("2026-01-01"), 5, 3, 6),
        ];
        let weeks = week_summaries(&journal(check_ins), d("2026-01-02"), 2);
        assert_eq!(weeks[0].week_start, d("2025-12-22"));
        assert_eq!(weeks[1].week_start, d("2025-12-29"));
        let means = weeks[1].means.unwrap();
        // E (6+4+5)/3 = 5.0; S = 13, 11, 12 → ΣS 36 → 10·36/9 = 40.0.
        assert_eq!(
            (fmt1(means.exhaustion), fmt1(means.composite)),
            ("5.0".into(), "40.0".into())
        );
    }

    #[test]
    fn weeks_can_start_on_sunday() {
        // Monday 2026-11-23 with weeks starting Sunday is in the week of 2026-11-22, so the
        // Sunday 11-22 check-in and the Monday 11-23 one share a week; Saturday 11-21 does not.
        let mut journal = journal(vec![
            check_in(d("2026-11-21"), 1, 1, 9),
            check_in(d("2026-11-22"), 2, 2, 8),
            check_in(d("2026-11-23"), 3, 3, 7),
        ]);
        journal.settings.week_starts_on = LongDay(Weekday::Sun);
        let weeks = week_summaries(&journal, d("2026-11-23"), 2);
        assert_eq!(
            weeks
                .iter()
                .map(|w| (w.week_start, w.sums.count))
                .collect::<Vec<_>>(),
            vec![(d("2026-11-15"), 1), (d("2026-11-22"), 2)]
        );
    }

    #[test]
    fn missing_days_are_gaps_not_zeros() {
        // (8,6,3), (6,4,5), (4,2,7) on 3 of 7 days: S 21, 15, 9 → ΣS 45 → 50.0, high; counting
        // the 4 missing days as zeros would give 10·45/21 = 21.4.
        let check_ins = vec![
            check_in(d("2026-11-16"), 8, 6, 3),
            check_in(d("2026-11-19"), 6, 4, 5),
            check_in(d("2026-11-22"), 4, 2, 7),
        ];
        let week = &week_summaries(&journal(check_ins), d("2026-11-22"), 1)[0];
        let means = week.means.unwrap();
        assert_eq!(
            (fmt1(means.composite), means.band),
            ("50.0".into(), Band::High)
        );
        assert_eq!(week.days_so_far(d("2026-11-22")), 7);
    }

    #[test]
    fn the_current_week_counts_days_so_far() {
        let week = &week_summaries(&journal(vec![]), d("2026-11-25"), 1)[0];
        assert_eq!(week.week_start, d("2026-11-23"));
        assert_eq!(week.days_so_far(d("2026-11-25")), 3); // Mon, Tue, Wed
    }

    #[test]
    fn week_connections_and_kept_rate_count_known_boundaries_only() {
        // b-1 active, b-2 archived (history still counts), b-9 unknown (counted nowhere):
        // kept b-1, b-2, slipped b-2, kept b-9 → kept 2 of 3 recorded = 0.667 → 0.7.
        let mut a = check_in(d("2026-11-16"), 5, 5, 5);
        let mut b = check_in(d("2026-11-17"), 5, 5, 5);
        record(&mut a, "b-1", Outcome::Kept);
        record(&mut a, "b-2", Outcome::Kept);
        record(&mut b, "b-2", Outcome::Slipped);
        record(&mut b, "b-9", Outcome::Kept);
        let mut journal = journal(vec![a, b]);
        journal.boundaries = vec![boundary("b-1", "one", false), boundary("b-2", "two", true)];
        let mut theirs = connection("c-3", d("2026-11-18"), "Ana", Felt::Draining);
        theirs.initiated_by = crate::journal::InitiatedBy::Mutual;
        journal.connections = vec![
            connection("c-1", d("2026-11-16"), "Sam", Felt::Nourishing),
            connection("c-2", d("2026-11-15"), "Sam", Felt::Neutral), // previous week
            theirs,
        ];
        let week = &week_summaries(&journal, d("2026-11-22"), 1)[0];
        assert_eq!(
            week.boundaries,
            OutcomeCounts {
                kept: 2,
                slipped: 1
            }
        );
        assert_eq!(round1_opt(week.boundaries_kept_rate()), Some(0.7));
        // "mutual" is not "initiated by me".
        assert_eq!(
            week.connections,
            ConnectionCounts {
                nourishing: 1,
                neutral: 0,
                draining: 1,
                initiated_by_me: 1
            }
        );
        let json = serde_json::to_value(week).unwrap();
        assert_eq!(json["band"], serde_json::Value::Null); // 2 check-ins: no means
        assert_eq!(json["boundaries_kept_rate"], serde_json::json!(0.7));
    }

    #[test]
    fn a_three_of_four_kept_rate_rounds_half_away_to_0_8() {
        let mut c = check_in(d("2026-11-16"), 5, 5, 5);
        for (id, outcome) in [
            ("a", Outcome::Kept),
            ("b", Outcome::Kept),
            ("c", Outcome::Kept),
            ("e", Outcome::Slipped),
        ] {
            record(&mut c, id, outcome);
        }
        let mut journal = journal(vec![c]);
        journal.boundaries = ["a", "b", "c", "e"]
            .iter()
            .map(|id| boundary(id, id, false))
            .collect();
        let json = serde_json::to_value(&week_summaries(&journal, d("2026-11-16"), 1)[0]).unwrap();
        assert_eq!(json["boundaries_kept_rate"], serde_json::json!(0.8));
    }

    #[test]
    fn slope_needs_ten_check_ins_in_the_last_28_days() {
        let today = d("2026-11-28");
        // S = 0, 3, 6, … 27 on the last 10 days: composite 0, 10, … 90 → 10 points a day → 70.0
        // a week. With 9 of them (or the 10th a day too old) there is no slope.
        let rising: Vec<_> = (0..10u8)
            .map(|i| with_strain(ago(today, u64::from(9 - i)), 3 * i))
            .collect();
        let slope = slope_28d(&journal(rising.clone()), today).unwrap();
        assert!((slope - 70.0).abs() < 1e-9, "{slope}");
        assert_eq!(slope_28d(&journal(rising[1..].to_vec()), today), None);
        let mut too_old = rising[1..].to_vec();
        too_old.push(with_strain(ago(today, 28), 0)); // 2026-10-31 is day 29 back
        assert_eq!(slope_28d(&journal(too_old.clone()), today), None);
        too_old.push(with_strain(ago(today, 27), 0)); // 2026-11-01 is the 28th day: counts
        assert!(slope_28d(&journal(too_old), today).is_some());
    }

    #[test]
    fn slope_of_a_flat_month_with_gaps_is_zero() {
        let today = d("2026-11-28");
        let flat: Vec<_> = (0..28)
            .step_by(2)
            .map(|i| with_strain(ago(today, i), 17))
            .collect();
        assert_eq!(slope_28d(&journal(flat), today), Some(0.0));
    }

    #[test]
    fn slope_falls_by_hand_computed_amount() {
        // 10 check-ins on x = 18..=27 (the last 10 days) with S = 20 for x < 23, then S = 10.
        // n = 10, Σx = 225, Σx² = 5145, ΣS = 150, ΣxS = 20·(18+…+22) + 10·(23+…+27)
        // = 20·100 + 10·125 = 3250. n·ΣxS − Σx·ΣS = 32500 − 33750 = −1250;
        // n·Σx² − (Σx)² = 51450 − 50625 = 825. Per week: 70·(−1250)/(3·825) = −35.35.
        let today = d("2026-11-28");
        let check_ins: Vec<_> = (18..=27u64)
            .map(|x| with_strain(ago(today, 27 - x), if x < 23 { 20 } else { 10 }))
            .collect();
        let slope = slope_28d(&journal(check_ins), today).unwrap();
        assert_eq!(fmt1(slope), "-35.4");
    }
}
