//! Patterns ("insights"): days with vs days without, compared only within the same week and the
//! same part of the week, tested exactly, corrected for the number of comparisons
//! (docs/INSIGHTS.md; docs/INSIGHTS.md restates the rules and every decision the spec leaves open).
//!
//! Pure like `scoring` and `trends`: `analyse(journal, today, weeks)` takes the journal and the
//! evaluation date and returns a `Report`. No clock, no I/O, no random numbers, and no floating
//! point in any decision: sums and counts are integers, means and differences exact rationals
//! (`Ratio`), p-values exact fractions of arbitrary size (`Fraction`). Rounding (half away from
//! zero, one decimal) happens only when a number is shown.
//!
//! Entries dated after `today` are ignored, and nothing depends on the order of entries in the
//! file: days are looked up by date (one check-in per date), people by their key, and where one
//! entry is picked (a person's display name) ties break by value.
//!
//! One responsibility per file: `exact` (rationals, fractions, the permutation count), `text`
//! (every sentence, the plain-text report and the lint list), `json` (`insights --json`).

mod exact;
mod json;
mod text;

/// The boolean habits are the journal's own type; `Habit::ALL` is also the factor order.
pub use crate::journal::Habit;
pub use exact::{Fraction, Ratio, format_tenths};
pub use json::to_json;
pub use text::{
    CAVEAT, LINT, POSSIBLE_HEADING, empty_text, render, short_label, with_label, without_label,
};

use crate::journal::{CheckIn, Felt, Journal, Outcome};
use chrono::{Datelike, Days, NaiveDate};
use exact::{SCALE, Stratum};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Weeks compared when not told otherwise, and the allowed range (`--weeks K`).
pub const DEFAULT_WEEKS: u32 = 26;
pub const MIN_WEEKS: u32 = 8;
pub const MAX_WEEKS: u32 = 52;
/// The gate: at least this many days with and without …
pub const MIN_DAYS: u32 = 8;
/// … and at least this many weeks (stretches) holding both kinds of comparable days.
pub const MIN_WEEKS_WITH_BOTH: u32 = 4;
/// People: at least this many contact days in the window; at most this many people.
pub const MIN_CONTACT_DAYS: usize = 8;
pub const MAX_PEOPLE: usize = 5;
/// At most this many boundaries.
pub const MAX_BOUNDARIES: usize = 8;
/// The summary shows at most this many clear insights; the full view at most this many
/// possible ones.
pub const SUMMARY_MAX: usize = 3;
pub const POSSIBLE_MAX: usize = 3;

/// The three ratings, in the order they are always listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RatingKind {
    Exhaustion,
    Cynicism,
    Efficacy,
}

impl RatingKind {
    pub const ALL: [RatingKind; 3] = [
        RatingKind::Exhaustion,
        RatingKind::Cynicism,
        RatingKind::Efficacy,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RatingKind::Exhaustion => "exhaustion",
            RatingKind::Cynicism => "cynicism",
            RatingKind::Efficacy => "efficacy",
        }
    }

    fn of(self, check_in: &CheckIn) -> i64 {
        i64::from(match self {
            RatingKind::Exhaustion => check_in.exhaustion.get(),
            RatingKind::Cynicism => check_in.cynicism.get(),
            RatingKind::Efficacy => check_in.efficacy.get(),
        })
    }
}

/// Something a day can have or not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Factor {
    Habit(Habit),
    /// 7 h or more the night before.
    Sleep,
    /// At least one nourishing connection that day.
    Nourishing,
    /// At least one connection with this person that day. `key` is the trimmed, lower-cased
    /// name; `name` the spelling on their latest connection.
    Person {
        key: String,
        name: String,
    },
    /// Kept (with) or slipped (without) that day.
    Boundary {
        id: String,
        text: String,
        archived: bool,
    },
}

/// Same day (lag 0) or the day after (lag 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lag {
    SameDay,
    NextDay,
}

impl Lag {
    pub fn days(self) -> u8 {
        match self {
            Lag::SameDay => 0,
            Lag::NextDay => 1,
        }
    }
}

/// What a unit (factor, lag, rating) came to (docs/INSIGHTS.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Clear,
    /// Shown as "not clear yet".
    Possible,
    NoClearDifference,
    /// A vetoed next-day unit.
    NotCounted,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clear => "clear",
            Verdict::Possible => "possible",
            Verdict::NoClearDifference => "no_clear_difference",
            Verdict::NotCounted => "not_counted",
        }
    }
}

/// One rating of a (factor, lag) that passed the gate: exact sums and the test's outcome.
#[derive(Debug, Clone)]
pub struct RatingResult {
    pub rating: RatingKind,
    /// S_A, S_B: rating totals over the "with" and "without" pairs.
    pub sum_with: i64,
    pub sum_without: i64,
    /// 420·C and 420·W (docs/INSIGHTS.md).
    pub within420: i64,
    pub weight420: i64,
    /// Stretches whose within-week difference has the sign of C.
    pub weeks_same: u32,
    /// Next day only: the rating totals on the day before, over the "with" and "without"
    /// pairs, and 420·C^Δ.
    pub before: Option<(i64, i64)>,
    pub change420: Option<i64>,
    /// The exact p-value (`--json` only; never shown in text).
    pub p: Fraction,
    pub meaningful: bool,
    pub vetoed: bool,
    pub verdict: Verdict,
}

/// One (factor, lag): its counts and, when it passed the gate, its three ratings.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub factor: Factor,
    /// Position of the factor in factor order (docs/INSIGHTS.md), for ranking ties.
    pub factor_index: usize,
    pub lag: Lag,
    pub with_days: u32,
    pub without_days: u32,
    /// Stretches holding a stratum with both kinds of days.
    pub weeks_with_both: u32,
    /// `None`: not enough data (the gate failed); nothing was tested.
    pub ratings: Option<[RatingResult; 3]>,
}

impl Comparison {
    pub fn compared(&self) -> bool {
        self.ratings.is_some()
    }

    pub fn rating(&self, rating: RatingKind) -> Option<&RatingResult> {
        self.ratings
            .as_ref()
            .and_then(|all| all.iter().find(|r| r.rating == rating))
    }

    /// m_A and m_B.
    pub fn means(&self, result: &RatingResult) -> (Ratio, Ratio) {
        (
            Ratio::new(result.sum_with.into(), self.with_days.into()),
            Ratio::new(result.sum_without.into(), self.without_days.into()),
        )
    }

    /// Δ = m_A − m_B.
    pub fn difference(&self, result: &RatingResult) -> Ratio {
        let (a, b) = (i128::from(self.with_days), i128::from(self.without_days));
        Ratio::new(
            i128::from(result.sum_with) * b - i128::from(result.sum_without) * a,
            a * b,
        )
    }

    /// Δ_w = C / W.
    pub fn within_week_difference(&self, result: &RatingResult) -> Ratio {
        if result.weight420 == 0 {
            Ratio::zero()
        } else {
            Ratio::new(result.within420.into(), result.weight420.into())
        }
    }

    /// Next day: p_A and p_B, the means of the day before over the "with" and "without" pairs.
    pub fn that_day_means(&self, result: &RatingResult) -> Option<(Ratio, Ratio)> {
        result.before.map(|(with, without)| {
            (
                Ratio::new(with.into(), self.with_days.into()),
                Ratio::new(without.into(), self.without_days.into()),
            )
        })
    }

    /// Strength (ranking only): min(|Δ|, |Δ_w|).
    pub fn strength(&self, result: &RatingResult) -> Ratio {
        self.difference(result)
            .abs()
            .min(self.within_week_difference(result).abs())
    }
}

/// Clear, or not clear yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Clear,
    Possible,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Clear => "clear",
            Tier::Possible => "possible",
        }
    }
}

/// A (factor, lag) with at least one clear rating (listing those), else with at least one
/// possible rating (listing those).
#[derive(Debug, Clone)]
pub struct Insight {
    /// Index into `Report::comparisons`.
    pub comparison: usize,
    pub tier: Tier,
    /// The listed ratings, in rating order.
    pub ratings: Vec<RatingKind>,
    /// The largest strength over the listed ratings.
    pub strength: Ratio,
}

/// Everything the patterns view shows.
#[derive(Debug, Clone)]
pub struct Report {
    pub today: NaiveDate,
    pub weeks: u32,
    /// The window's first day: today − (7·weeks − 1).
    pub from: NaiveDate,
    /// m: units that passed the gate.
    pub comparisons_made: usize,
    /// q·k*/m for q = 1/10 and 1/4 ("0" when nothing passes).
    pub cutoff_clear: Fraction,
    pub cutoff_possible: Fraction,
    /// Every (factor, lag) considered, in factor order, lag 0 before lag 1.
    pub comparisons: Vec<Comparison>,
    /// Clear then possible, ranked (docs/INSIGHTS.md).
    pub insights: Vec<Insight>,
}

impl Report {
    pub fn comparison(&self, insight: &Insight) -> &Comparison {
        &self.comparisons[insight.comparison]
    }

    /// The summary: the first 3 clear insights, at most one per factor. Never a possible one.
    /// Empty means the summary is `empty_text(weeks)`.
    pub fn summary(&self) -> Vec<&Insight> {
        let mut seen = HashSet::new();
        self.insights
            .iter()
            .filter(|i| i.tier == Tier::Clear)
            .filter(|i| seen.insert(self.comparison(i).factor_index))
            .take(SUMMARY_MAX)
            .collect()
    }

    /// All clear insights, ranked.
    pub fn clear(&self) -> impl Iterator<Item = &Insight> {
        self.insights.iter().filter(|i| i.tier == Tier::Clear)
    }

    /// The possible insights the full view shows: at most 3, ranked.
    pub fn possible_shown(&self) -> impl Iterator<Item = &Insight> {
        self.insights
            .iter()
            .filter(|i| i.tier == Tier::Possible)
            .take(POSSIBLE_MAX)
    }
}

/// The patterns of the `weeks` weeks ending `today` (clamped to 8–52). Pure.
pub fn analyse(journal: &Journal, today: NaiveDate, weeks: u32) -> Report {
    let weeks = weeks.clamp(MIN_WEEKS, MAX_WEEKS);
    let table = Table::new(journal, today, weeks);
    let factors = factors(journal, &table);
    let mut comparisons = Vec::new();
    for (factor_index, factor) in factors.into_iter().enumerate() {
        let exposure = table.exposure(&factor);
        let lags: &[Lag] = if factor == Factor::Sleep {
            &[Lag::SameDay]
        } else {
            &[Lag::SameDay, Lag::NextDay]
        };
        for &lag in lags {
            comparisons.push(compare(
                &table,
                &exposure,
                factor.clone(),
                factor_index,
                lag,
            ));
        }
    }
    let (comparisons_made, cutoff_clear, cutoff_possible) = decide(&mut comparisons);
    let insights = rank(&comparisons);
    Report {
        today,
        weeks,
        from: table.from,
        comparisons_made,
        cutoff_clear,
        cutoff_possible,
        comparisons,
        insights,
    }
}

/// A person's key: the name trimmed and lower-cased (full Unicode).
pub fn person_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// What the analysis needs of each day from the day before the window to `today`.
struct Table<'a> {
    from: NaiveDate,
    /// Days in the window (7·weeks).
    len: usize,
    /// Index 0 is the day before the window; index j ≥ 1 is `from` + (j − 1).
    check_ins: Vec<Option<&'a CheckIn>>,
    nourishing: Vec<bool>,
    /// Person keys with a connection that day.
    people: Vec<Vec<String>>,
    /// Whether each window day (index as above) is a day off.
    off: Vec<bool>,
}

impl<'a> Table<'a> {
    fn new(journal: &'a Journal, today: NaiveDate, weeks: u32) -> Table<'a> {
        let len = 7 * weeks as usize;
        let before = today
            .checked_sub_days(Days::new(len as u64))
            .unwrap_or(NaiveDate::MIN);
        let from = before.succ_opt().unwrap_or(before);
        let index = |date: NaiveDate| -> Option<usize> {
            if date < before || date > today {
                return None;
            }
            usize::try_from((date - before).num_days()).ok()
        };
        let mut check_ins = vec![None; len + 1];
        for check_in in &journal.check_ins {
            if let Some(i) = index(check_in.date) {
                // One check-in per date (the loader refuses a second); keep the first if not.
                check_ins[i].get_or_insert(check_in);
            }
        }
        let mut nourishing = vec![false; len + 1];
        let mut people = vec![Vec::new(); len + 1];
        for connection in &journal.connections {
            if let Some(i) = index(connection.date) {
                nourishing[i] |= connection.felt == Felt::Nourishing;
                let key = person_key(&connection.person);
                if !people[i].contains(&key) {
                    people[i].push(key);
                }
            }
        }
        let days_off = journal.settings.days_off;
        let off = (0..=len)
            .map(|i| {
                before
                    .checked_add_days(Days::new(i as u64))
                    .is_some_and(|d| days_off.contains(d.weekday()))
            })
            .collect();
        Table {
            from,
            len,
            check_ins,
            nourishing,
            people,
            off,
        }
    }

    /// x(t) for every table day: `None` where there is no check-in or the factor is not recorded.
    fn exposure(&self, factor: &Factor) -> Vec<Option<bool>> {
        (0..=self.len)
            .map(|i| {
                let check_in = self.check_ins[i]?;
                match factor {
                    Factor::Habit(habit) => check_in.habits.get(*habit),
                    Factor::Sleep => check_in
                        .habits
                        .sleep_hours
                        // Stored to one decimal (0–24): compare whole tenths, 70 = 7 h.
                        .map(|hours| (hours * 10.0).round() as i64 >= 70),
                    Factor::Nourishing => Some(self.nourishing[i]),
                    Factor::Person { key, .. } => Some(self.people[i].contains(key)),
                    Factor::Boundary { id, .. } => check_in
                        .boundaries
                        .get(id.as_str())
                        .map(|o| *o == Outcome::Kept),
                }
            })
            .collect()
    }
}

/// The factors considered, in factor order: habits, sleep, nourishing, people, boundaries.
fn factors(journal: &Journal, table: &Table) -> Vec<Factor> {
    let mut factors: Vec<Factor> = Habit::ALL.into_iter().map(Factor::Habit).collect();
    factors.push(Factor::Sleep);
    factors.push(Factor::Nourishing);

    // People: contact days are window days with a check-in and a connection with them.
    let mut contact_days: HashMap<&str, usize> = HashMap::new();
    for i in 1..=table.len {
        if table.check_ins[i].is_some() {
            for key in &table.people[i] {
                *contact_days.entry(key.as_str()).or_default() += 1;
            }
        }
    }
    let mut people: Vec<(&str, usize)> = contact_days
        .into_iter()
        .filter(|(_, days)| *days >= MIN_CONTACT_DAYS)
        .collect();
    people.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    people.truncate(MAX_PEOPLE);
    let today = table.from + Days::new(table.len as u64 - 1);
    for (key, _) in people {
        let name = journal
            .connections
            .iter()
            .filter(|c| c.date <= today && person_key(&c.person) == key)
            .max_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)))
            .map_or_else(|| key.to_string(), |c| c.person.trim().to_string());
        factors.push(Factor::Person {
            key: key.to_string(),
            name,
        });
    }

    // Boundaries: records on window check-ins, known ids only, archived ones too.
    let mut records: BTreeMap<&str, usize> = BTreeMap::new();
    for check_in in table.check_ins[1..].iter().flatten() {
        for id in check_in.boundaries.keys() {
            *records.entry(id.as_str()).or_default() += 1;
        }
    }
    let mut boundaries: Vec<(usize, usize)> = journal
        .boundaries
        .iter()
        .enumerate()
        .filter_map(|(position, b)| records.get(b.id.as_str()).map(|n| (position, *n)))
        .collect();
    boundaries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    boundaries.truncate(MAX_BOUNDARIES);
    for (position, _) in boundaries {
        let b = &journal.boundaries[position];
        factors.push(Factor::Boundary {
            id: b.id.clone(),
            text: b.text.trim().to_string(),
            archived: b.archived,
        });
    }
    factors
}

/// One pair: an outcome day whose exposure day has x ∈ {0, 1}.
#[derive(Clone, Copy)]
struct Pair {
    with: bool,
    ratings: [i64; 3],
    /// The day before's ratings (next day only).
    before: [i64; 3],
}

/// Pairs, strata, the gate and, past the gate, each rating's exact figures and p-value.
fn compare(
    table: &Table,
    exposure: &[Option<bool>],
    factor: Factor,
    factor_index: usize,
    lag: Lag,
) -> Comparison {
    let weeks = table.len / 7;
    // Stratum index: (stretch, part of week, x that day for next-day pairs).
    let mut strata: Vec<Vec<Pair>> = vec![Vec::new(); weeks * 6];
    let (mut with_days, mut without_days) = (0u32, 0u32);
    for j in 1..=table.len {
        let Some(check_in) = table.check_ins[j] else {
            continue;
        };
        let Some(with) = exposure[j - usize::from(lag.days())] else {
            continue;
        };
        let stretch = (table.len - j) / 7;
        let part = usize::from(table.off[j]);
        let same_day = match lag {
            Lag::SameDay => 0,
            Lag::NextDay => match exposure[j] {
                Some(true) => 0,
                Some(false) => 1,
                None => 2,
            },
        };
        let ratings = RatingKind::ALL.map(|r| r.of(check_in));
        let before = match (lag, table.check_ins[j - 1]) {
            (Lag::NextDay, Some(previous)) => RatingKind::ALL.map(|r| r.of(previous)),
            _ => [0; 3],
        };
        strata[(stretch * 2 + part) * 3 + same_day].push(Pair {
            with,
            ratings,
            before,
        });
        if with {
            with_days += 1;
        } else {
            without_days += 1;
        }
    }
    let mixed = |pairs: &Vec<Pair>| pairs.iter().any(|p| p.with) && pairs.iter().any(|p| !p.with);
    let weeks_with_both = strata
        .chunks(6)
        .filter(|stretch| stretch.iter().any(mixed))
        .count() as u32;
    let enough =
        with_days >= MIN_DAYS && without_days >= MIN_DAYS && weeks_with_both >= MIN_WEEKS_WITH_BOTH;
    let ratings = enough.then(|| {
        let tested: Vec<&Vec<Pair>> = strata.iter().filter(|s| mixed(s)).collect();
        let stretches: Vec<Vec<&Vec<Pair>>> = strata
            .chunks(6)
            .map(|stretch| stretch.iter().filter(|s| mixed(s)).collect::<Vec<_>>())
            .filter(|mixed_strata| !mixed_strata.is_empty())
            .collect();
        RatingKind::ALL.map(|rating| {
            let r = rating as usize;
            let level = |p: &Pair| p.ratings[r];
            let previous = |p: &Pair| p.before[r];
            let change = |p: &Pair| p.ratings[r] - p.before[r];
            let sum = |with: bool, of: &dyn Fn(&Pair) -> i64| -> i64 {
                strata
                    .iter()
                    .flatten()
                    .filter(|p| p.with == with)
                    .map(of)
                    .sum()
            };
            let within420: i64 = tested.iter().map(|s| c420(s, &level)).sum();
            let weight420: i64 = tested.iter().map(|s| w420(s)).sum();
            let weeks_same = stretches
                .iter()
                .filter(|stretch| {
                    let c: i64 = stretch.iter().map(|s| c420(s, &level)).sum();
                    c.signum() == within420.signum()
                })
                .count() as u32;
            let next_day = lag == Lag::NextDay;
            let before = next_day.then(|| (sum(true, &previous), sum(false, &previous)));
            let change420 = next_day.then(|| tested.iter().map(|s| c420(s, &change)).sum::<i64>());
            let values: Vec<Vec<i64>> = tested
                .iter()
                .map(|s| s.iter().map(level).collect())
                .collect();
            let permuted: Vec<Stratum> = tested
                .iter()
                .zip(&values)
                .map(|(s, values)| Stratum {
                    values,
                    with: s.iter().filter(|p| p.with).count(),
                })
                .collect();
            let p = exact::p_value(&permuted, within420);
            let (sum_with, sum_without) = (sum(true, &level), sum(false, &level));
            // Vetoed: the next day differed, but not relative to the day before.
            let vetoed = matches!(change420, Some(change)
                if within420 != 0 && change.signum() != within420.signum());
            // |Δ| ≥ 1/2 ⇔ 2·|S_A·n_B − S_B·n_A| ≥ n_A·n_B; |Δ_w| ≥ 1/2 ⇔ 2·|420C| ≥ 420W;
            // and the same non-zero sign.
            let d = sum_with * i64::from(without_days) - sum_without * i64::from(with_days);
            let meaningful = 2 * d.abs() >= i64::from(with_days) * i64::from(without_days)
                && 2 * within420.abs() >= weight420
                && d.signum() != 0
                && d.signum() == within420.signum();
            RatingResult {
                rating,
                sum_with,
                sum_without,
                within420,
                weight420,
                weeks_same,
                before,
                change420,
                p,
                meaningful,
                vetoed,
                verdict: Verdict::NoClearDifference,
            }
        })
    });
    Comparison {
        factor,
        factor_index,
        lag,
        with_days,
        without_days,
        weeks_with_both,
        ratings,
    }
}

/// 420·c_g = 420·T_g − k_g·ΣY_g·(420/n_g) for one mixed stratum (n_g ≤ 7 divides 420).
fn c420(pairs: &[Pair], value: &dyn Fn(&Pair) -> i64) -> i64 {
    let n = pairs.len() as i64;
    let k = pairs.iter().filter(|p| p.with).count() as i64;
    let total: i64 = pairs.iter().map(value).sum();
    let with_total: i64 = pairs.iter().filter(|p| p.with).map(value).sum();
    SCALE * with_total - k * total * (SCALE / n)
}

/// 420·w_g = k_g·(n_g − k_g)·(420/n_g).
fn w420(pairs: &[Pair]) -> i64 {
    let n = pairs.len() as i64;
    let k = pairs.iter().filter(|p| p.with).count() as i64;
    k * (n - k) * (SCALE / n)
}

/// Benjamini–Hochberg at 1/10 and 1/4 over every unit that passed the gate (vetoed ones count
/// as p = 1), then each unit's verdict. Returns m and the two cut-offs q·k*/m.
fn decide(comparisons: &mut [Comparison]) -> (usize, Fraction, Fraction) {
    let units: Vec<&RatingResult> = comparisons
        .iter()
        .filter_map(|c| c.ratings.as_ref())
        .flatten()
        .collect();
    let m = units.len();
    let one = Fraction::one();
    let p_of = |unit: &RatingResult| {
        if unit.vetoed {
            one.clone()
        } else {
            unit.p.clone()
        }
    };
    // The counting form: unit i counts at step k ⇔ p_i ≤ q·k/m ⇔ k ≥ first_step_i, so
    // #{i : p_i ≤ q·k/m} = #{i : first_step_i ≤ k} and k* is the largest k that many reach.
    let steps = |q_den: u64| -> Vec<usize> {
        units
            .iter()
            .map(|u| p_of(u).first_step(1, q_den, m, m + 1))
            .collect()
    };
    let k_star = |steps: &[usize]| -> usize {
        (1..=m)
            .rev()
            .find(|&k| steps.iter().filter(|s| **s <= k).count() >= k)
            .unwrap_or(0)
    };
    let (steps_clear, steps_possible) = (steps(10), steps(4));
    let (k_clear, k_possible) = (k_star(&steps_clear), k_star(&steps_possible));
    let cutoff = |q_den: u64, k: usize| {
        if k == 0 {
            Fraction::zero()
        } else {
            Fraction::of(k as u64, q_den * m as u64)
        }
    };
    let mut i = 0;
    for comparison in comparisons.iter_mut() {
        let Some(ratings) = comparison.ratings.as_mut() else {
            continue;
        };
        for unit in ratings.iter_mut() {
            let passes_clear = k_clear > 0 && steps_clear[i] <= k_clear;
            let passes_possible = k_possible > 0 && steps_possible[i] <= k_possible;
            unit.verdict = if unit.vetoed {
                Verdict::NotCounted
            } else if passes_clear && unit.meaningful {
                Verdict::Clear
            } else if passes_possible && unit.meaningful {
                Verdict::Possible
            } else {
                Verdict::NoClearDifference
            };
            i += 1;
        }
    }
    (m, cutoff(10, k_clear), cutoff(4, k_possible))
}

/// Insights, ranked: clear before possible; then strength descending (exactly); then lag 0
/// before lag 1; then factor order.
fn rank(comparisons: &[Comparison]) -> Vec<Insight> {
    let mut insights: Vec<Insight> = comparisons
        .iter()
        .enumerate()
        .filter_map(|(index, comparison)| {
            let ratings = comparison.ratings.as_ref()?;
            let listed = |verdict: Verdict| -> Vec<&RatingResult> {
                ratings.iter().filter(|r| r.verdict == verdict).collect()
            };
            let (tier, listed) = match (listed(Verdict::Clear), listed(Verdict::Possible)) {
                (clear, _) if !clear.is_empty() => (Tier::Clear, clear),
                (_, possible) if !possible.is_empty() => (Tier::Possible, possible),
                _ => return None,
            };
            let strength = listed
                .iter()
                .map(|r| comparison.strength(r))
                .max()
                .expect("an insight lists at least one rating");
            Some(Insight {
                comparison: index,
                tier,
                ratings: listed.iter().map(|r| r.rating).collect(),
                strength,
            })
        })
        .collect();
    insights.sort_by(|a, b| {
        let (ca, cb) = (&comparisons[a.comparison], &comparisons[b.comparison]);
        a.tier
            .cmp(&b.tier)
            .then_with(|| b.strength.cmp(&a.strength))
            .then_with(|| ca.lag.cmp(&cb.lag))
            .then_with(|| ca.factor_index.cmp(&cb.factor_index))
            .then(Ordering::Equal)
    });
    insights
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rating whose Δ and Δ_w are both −`strength` (8 days with, 16 without), with p-value
    /// `p` and the given verdict.
    fn rating(rating: RatingKind, strength: i64, p: Fraction, verdict: Verdict) -> RatingResult {
        RatingResult {
            rating,
            sum_with: 8 * (6 - strength),
            sum_without: 96,
            within420: -420 * strength,
            weight420: 420,
            weeks_same: 8,
            before: None,
            change420: None,
            p,
            meaningful: true,
            vetoed: false,
            verdict,
        }
    }

    fn comparison(factor_index: usize, lag: Lag, strength: i64, verdict: Verdict) -> Comparison {
        Comparison {
            factor: Factor::Habit(Habit::ALL[factor_index % 5]),
            factor_index,
            lag,
            with_days: 8,
            without_days: 16,
            weeks_with_both: 8,
            ratings: Some(RatingKind::ALL.map(|r| {
                let verdict = if r == RatingKind::Exhaustion {
                    verdict
                } else {
                    Verdict::NoClearDifference
                };
                rating(r, strength, Fraction::one(), verdict)
            })),
        }
    }

    #[test]
    fn ranking_is_tier_then_strength_then_lag_then_factor_and_the_summary_takes_one_per_factor() {
        let comparisons = vec![
            comparison(0, Lag::NextDay, 3, Verdict::Clear),    // A
            comparison(1, Lag::SameDay, 2, Verdict::Clear),    // B
            comparison(2, Lag::SameDay, 5, Verdict::Possible), // C
            comparison(3, Lag::SameDay, 3, Verdict::Clear),    // D
            comparison(4, Lag::SameDay, 3, Verdict::Clear),    // E
            comparison(3, Lag::NextDay, 4, Verdict::Clear),    // F
            comparison(4, Lag::NextDay, 1, Verdict::NoClearDifference),
        ];
        let insights = rank(&comparisons);
        let order: Vec<usize> = insights.iter().map(|i| i.comparison).collect();
        // F (4), then D and E (3, same day, factor 3 before 4), A (3, next day), B (2); C last
        // as the only possible one despite its strength 5.
        assert_eq!(order, [5, 3, 4, 0, 1, 2]);
        let report = Report {
            today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            weeks: 26,
            from: NaiveDate::from_ymd_opt(2026, 5, 25).unwrap(),
            comparisons_made: 21,
            cutoff_clear: Fraction::zero(),
            cutoff_possible: Fraction::zero(),
            comparisons,
            insights,
        };
        // D shares factor 3 with F, which ranks higher: the summary skips it.
        let summary: Vec<usize> = report.summary().iter().map(|i| i.comparison).collect();
        assert_eq!(summary, [5, 4, 0]);
        assert_eq!(report.possible_shown().count(), 1);
    }

    fn units(ps: &[(u64, u64)]) -> Vec<Comparison> {
        ps.iter()
            .map(|&(num, den)| {
                let mut c = comparison(0, Lag::SameDay, 1, Verdict::NoClearDifference);
                let ratings = c.ratings.as_mut().unwrap();
                ratings[0].p = Fraction::of(num, den);
                ratings[1].p = Fraction::one();
                ratings[2].p = Fraction::one();
                c
            })
            .collect()
    }

    fn verdicts(comparisons: &[Comparison]) -> Vec<Verdict> {
        comparisons
            .iter()
            .map(|c| c.ratings.as_ref().unwrap()[0].verdict)
            .collect()
    }

    #[test]
    fn benjamini_hochberg_steps_up_and_cutoffs_include_their_edge() {
        // Four units at 3, 4, 5, 6 in 100 plus eight at p = 1: m = 12. At q = 1/10 the cut-offs
        // are k/120: k = 4 admits 1 (0.033), k = 6 admits 3 (0.05), k = 8 admits 4 (0.067):
        // never k, so nothing is clear. At q = 1/4 (k/48): k = 4 admits all four (0.083),
        // k = 5 (0.104) still only four: k* = 4, cut-off 4/48 = 1/12.
        let mut comparisons = units(&[(3, 100), (4, 100), (5, 100), (6, 100)]);
        let (m, clear, possible) = decide(&mut comparisons);
        assert_eq!(m, 12);
        assert_eq!(clear.to_string(), "0");
        assert_eq!(possible.to_string(), "1/12");
        assert_eq!(verdicts(&comparisons), [Verdict::Possible; 4]);
        // A p-value exactly on its cut-off passes (m = 3: 1/30 at k = 1).
        let mut comparisons = units(&[(1, 30)]);
        let (_, clear, _) = decide(&mut comparisons);
        assert_eq!(clear.to_string(), "1/30");
        assert_eq!(verdicts(&comparisons), [Verdict::Clear]);
        let mut comparisons = units(&[(1, 50), (1, 40), (1, 35)]);
        // Step-up: m = 9, cut-offs k/90: k = 1 (0.011) admits none, k = 2 (0.022) one, but
        // k = 3 (1/30) admits all three: k* = 3, so a larger k passes where smaller ones fail.
        let (_, clear, _) = decide(&mut comparisons);
        assert_eq!(clear.to_string(), "1/30");
        assert_eq!(verdicts(&comparisons), [Verdict::Clear; 3]);
    }

    #[test]
    fn vetoed_units_count_as_one_and_unmeaningful_ones_are_never_shown() {
        let mut comparisons = units(&[(1, 1000), (1, 1000)]);
        comparisons[0].ratings.as_mut().unwrap()[0].vetoed = true;
        comparisons[1].ratings.as_mut().unwrap()[0].meaningful = false;
        let (m, clear, _) = decide(&mut comparisons);
        assert_eq!(m, 6);
        // The vetoed p = 1/1000 counts as 1: only one small p-value remains, k* = 1.
        assert_eq!(clear.to_string(), "1/60");
        assert_eq!(
            verdicts(&comparisons),
            [Verdict::NotCounted, Verdict::NoClearDifference]
        );
        assert!(rank(&comparisons).is_empty());
    }
}
