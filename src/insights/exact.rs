//! Exact arithmetic for patterns: rationals for means and differences, big fractions for
//! p-values, and the exact permutation count (docs/INSIGHTS.md–§5).
//!
//! No floating point takes part in any decision. `f64` appears only in `Ratio::rounded`, which
//! turns an already-rounded number of tenths into a JSON number.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::ops::AddAssign;

/// lcm(1..7): every stratum has at most 7 days, so 420/n is a whole number and within-week
/// sums scaled by 420 are integers.
pub const SCALE: i64 = 420;

/// An exact rational with a positive denominator, for means and differences.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    num: i128,
    den: i128,
}

impl Ratio {
    /// `num / den`; `den` must not be zero.
    pub fn new(num: i128, den: i128) -> Ratio {
        assert!(den != 0, "a ratio needs a non-zero denominator");
        if den < 0 {
            Ratio {
                num: -num,
                den: -den,
            }
        } else {
            Ratio { num, den }
        }
    }

    pub fn zero() -> Ratio {
        Ratio { num: 0, den: 1 }
    }

    pub fn abs(self) -> Ratio {
        Ratio {
            num: self.num.abs(),
            den: self.den,
        }
    }

    /// -1, 0 or 1.
    pub fn signum(self) -> i32 {
        self.num.signum() as i32
    }

    /// Rounded half away from zero to a whole number of tenths: 4.25 → 43, −4.875 → −49.
    pub fn tenths(self) -> i64 {
        let twice = 20 * self.num.abs() + self.den;
        let magnitude = twice / (2 * self.den);
        let magnitude = i64::try_from(magnitude).expect("ratings keep means small");
        if self.num < 0 { -magnitude } else { magnitude }
    }

    /// One decimal, half away from zero, never "-0.0": "4.3".
    pub fn display(self) -> String {
        format_tenths(self.tenths())
    }

    /// The one-decimal value as a JSON number (the nearest `f64` to the rounded decimal).
    pub fn rounded(self) -> f64 {
        let tenths = self.tenths();
        if tenths == 0 {
            0.0
        } else {
            tenths as f64 / 10.0
        }
    }
}

impl PartialEq for Ratio {
    fn eq(&self, other: &Ratio) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Ratio {}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Ratio) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (self.num * other.den).cmp(&(other.num * self.den))
    }
}

/// A number of tenths as "4.3", "-0.5" or "0.0".
pub fn format_tenths(tenths: i64) -> String {
    let sign = if tenths < 0 { "-" } else { "" };
    let magnitude = tenths.unsigned_abs();
    format!("{sign}{}.{}", magnitude / 10, magnitude % 10)
}

/// A non-negative exact fraction of arbitrary size, kept in lowest terms: p-values and the
/// Benjamini–Hochberg cut-offs. Shown as "1/6561", "1" or "0".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fraction {
    num: BigUint,
    den: BigUint,
}

impl Fraction {
    pub fn new(num: BigUint, den: BigUint) -> Fraction {
        assert!(!den.is_zero(), "a fraction needs a non-zero denominator");
        let gcd = num.gcd(&den);
        if gcd.is_zero() || gcd.is_one() {
            Fraction { num, den }
        } else {
            Fraction {
                num: num / &gcd,
                den: den / &gcd,
            }
        }
    }

    pub fn of(num: u64, den: u64) -> Fraction {
        Fraction::new(BigUint::from(num), BigUint::from(den))
    }

    pub fn one() -> Fraction {
        Fraction::of(1, 1)
    }

    pub fn zero() -> Fraction {
        Fraction::of(0, 1)
    }

    pub fn numerator(&self) -> &BigUint {
        &self.num
    }

    pub fn denominator(&self) -> &BigUint {
        &self.den
    }

    pub fn is_one(&self) -> bool {
        self.num == self.den
    }

    /// The smallest whole k ≥ 0 with `self ≤ q_num·k / (q_den·m)`, i.e. ⌈self·q_den·m / q_num⌉,
    /// capped at `cap`: the first Benjamini–Hochberg step at which this p-value counts.
    pub fn first_step(&self, q_num: u64, q_den: u64, m: usize, cap: usize) -> usize {
        let scaled = &self.num * BigUint::from(q_den) * BigUint::from(m as u64);
        let per_step = &self.den * BigUint::from(q_num);
        let (quotient, remainder) = scaled.div_rem(&per_step);
        let k = if remainder.is_zero() {
            quotient
        } else {
            quotient + 1u32
        };
        usize::try_from(&k).map_or(cap, |k| k.min(cap))
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den.is_one() {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// One mixed stratum as the permutation test sees it: its pairs' ratings and how many of them
/// are "with".
pub struct Stratum<'a> {
    pub values: &'a [i64],
    pub with: usize,
}

/// The exact two-sided permutation p-value of docs/INSIGHTS.md: the share of relabelings (within
/// each stratum, every choice of which `with` of its pairs are "with") whose within-week sum T
/// is at least as far from its null mean as the observed one. `observed420` = 420·(T_obs − μ)
/// = 420·C.
///
/// Strata whose ratings are all equal give every relabeling the same T_g = μ_g: they scale the
/// count and the total alike and are left out. Counts are exact: `u64` or `u128` when the
/// number of relabelings provably fits (every count is at most that number), a big integer
/// otherwise.
pub fn p_value(strata: &[Stratum<'_>], observed420: i64) -> Fraction {
    if observed420 == 0 {
        // |T − μ| ≥ 0 holds for every relabeling.
        return Fraction::one();
    }
    let mut sums = Vec::new();
    let mut base = 0i64;
    let mut mean420 = 0i64;
    let mut total_u128: Option<u128> = Some(1);
    for stratum in strata {
        let values = stratum.values;
        let n = values.len();
        assert!(
            (1..=7).contains(&n) && stratum.with < n,
            "a stratum has 1–7 pairs"
        );
        if values.iter().all(|v| *v == values[0]) {
            continue;
        }
        let subset_sums = SubsetSums::of(values, stratum.with);
        base += subset_sums.min;
        mean420 += stratum.with as i64 * values.iter().sum::<i64>() * (SCALE / n as i64);
        total_u128 = total_u128.and_then(|t| t.checked_mul(u128::from(subset_sums.total)));
        sums.push(subset_sums);
    }
    let threshold = observed420.abs();
    let extreme = |offset: usize| (SCALE * (base + offset as i64) - mean420).abs() >= threshold;
    match total_u128 {
        Some(total) if total <= u128::from(u64::MAX) => count::<u64>(&sums, extreme),
        Some(_) => count::<u128>(&sums, extreme),
        None => count::<BigUint>(&sums, extreme),
    }
}

/// The sums of the `k`-subsets of one stratum's ratings, as offsets from the smallest sum.
struct SubsetSums {
    min: i64,
    /// (offset, how many subsets have that sum), offsets ascending.
    counts: Vec<(usize, u32)>,
    /// C(n, k).
    total: u32,
}

impl SubsetSums {
    /// The largest offset.
    fn span(&self) -> usize {
        self.counts.last().map_or(0, |(offset, _)| *offset)
    }

    fn of(values: &[i64], k: usize) -> SubsetSums {
        let n = values.len();
        let mut by_sum = [0u32; 71];
        let mut total = 0u32;
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != k {
                continue;
            }
            let sum: i64 = (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| values[i])
                .sum();
            by_sum[usize::try_from(sum).expect("ratings are 0–10")] += 1;
            total += 1;
        }
        let min = by_sum.iter().position(|c| *c > 0).unwrap_or(0);
        let counts = by_sum
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(sum, c)| (sum - min, *c))
            .collect();
        SubsetSums {
            min: min as i64,
            counts,
            total,
        }
    }
}

/// The one operation the counting DP repeats: `self += ways · subsets`.
trait Count {
    fn add_product(&mut self, ways: &Self, subsets: u32);
}

impl Count for u64 {
    fn add_product(&mut self, ways: &u64, subsets: u32) {
        // No overflow: every count is at most the number of relabelings, checked to fit.
        *self += ways * u64::from(subsets);
    }
}

impl Count for u128 {
    fn add_product(&mut self, ways: &u128, subsets: u32) {
        *self += ways * u128::from(subsets);
    }
}

impl Count for BigUint {
    fn add_product(&mut self, ways: &BigUint, subsets: u32) {
        if subsets == 1 {
            *self += ways;
        } else {
            *self += ways * subsets;
        }
    }
}

/// The counting DP over integer T (as an offset from the smallest reachable T), then the share
/// of relabelings at the extreme offsets.
fn count<N>(strata: &[SubsetSums], extreme: impl Fn(usize) -> bool) -> Fraction
where
    N: Clone + Zero + One + AddAssign + Count + Into<BigUint>,
{
    let mut current: Vec<N> = vec![N::one()];
    for stratum in strata {
        let mut next = vec![N::zero(); current.len() + stratum.span()];
        for (i, ways) in current.iter().enumerate() {
            if ways.is_zero() {
                continue;
            }
            for (offset, subsets) in &stratum.counts {
                next[i + offset].add_product(ways, *subsets);
            }
        }
        current = next;
    }
    let mut hits = N::zero();
    let mut total = N::zero();
    for (offset, ways) in current.into_iter().enumerate() {
        if extreme(offset) {
            hits += ways.clone();
        }
        total += ways;
    }
    Fraction::new(hits.into(), total.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strata(weeks: &[(Vec<i64>, usize)]) -> Vec<Stratum<'_>> {
        weeks
            .iter()
            .map(|(values, with)| Stratum {
                values,
                with: *with,
            })
            .collect()
    }

    #[test]
    fn display_rounding_is_half_away_from_zero() {
        assert_eq!(Ratio::new(17, 4).display(), "4.3"); // 4.25
        assert_eq!(Ratio::new(39, 8).display(), "4.9"); // 4.875
        assert_eq!(Ratio::new(-17, 4).display(), "-4.3");
        assert_eq!(Ratio::new(-39, 8).display(), "-4.9");
        assert_eq!(Ratio::new(14, 3).display(), "4.7");
        assert_eq!(Ratio::new(-1, 30).display(), "0.0");
        assert_eq!(Ratio::new(-1, 20).display(), "-0.1");
        assert_eq!(Ratio::new(1, -2).display(), "-0.5");
        assert_eq!(Ratio::new(17, 4).rounded(), 4.3);
        assert_eq!(Ratio::new(-1, 30).rounded().to_string(), "0");
    }

    #[test]
    fn ratios_compare_exactly() {
        assert!(Ratio::new(1, 2) == Ratio::new(2, 4));
        assert!(Ratio::new(7, 16) < Ratio::new(1, 2));
        assert!(Ratio::new(-3, 1) < Ratio::new(-1, 2));
    }

    #[test]
    fn one_with_day_a_week_at_the_extreme_is_a_third_to_the_eighth() {
        // X1: Mon 6, Wed 3 (with), Fri 6 in each of 8 weeks. C = 8·(3 − 5) = −16.
        let weeks = vec![(vec![6, 3, 6], 1); 8];
        let p = p_value(&strata(&weeks), -16 * SCALE);
        assert_eq!(p.to_string(), "1/6561");
    }

    #[test]
    fn the_half_point_example_counts_385_relabelings() {
        // X2: Mon 5, Wed 5 (with), Fri 6. c_g = 5 − 16/3 = −1/3, C = −8/3.
        let weeks = vec![(vec![5, 5, 6], 1); 8];
        let p = p_value(&strata(&weeks), -8 * SCALE / 3);
        assert_eq!(p.to_string(), "385/6561");
    }

    #[test]
    fn equal_ratings_everywhere_give_one() {
        let weeks = vec![(vec![4, 4, 4], 1); 8];
        assert_eq!(p_value(&strata(&weeks), 0).to_string(), "1");
        // Mixed weeks that differ only between weeks: C = 0, p = 1.
        let weeks = vec![(vec![3, 3, 3], 2), (vec![7, 7, 7], 1)];
        assert!(p_value(&strata(&weeks), 0).is_one());
    }

    #[test]
    fn counts_beyond_u128_stay_exact() {
        // 52 weeks of 7 days with 3 "with" days: 35^52 relabelings, far beyond u128.
        let week = vec![1, 2, 3, 4, 5, 6, 7];
        let weeks = vec![(week.clone(), 3); 52];
        // Observed: the three highest each week, T_g = 18 against μ_g = 12: C = 52·6.
        let p = p_value(&strata(&weeks), 52 * 6 * SCALE);
        // Only the all-highest and all-lowest arrangements are that far out: 2 / 35^52.
        let total = BigUint::from(35u32).pow(52);
        assert_eq!(p, Fraction::new(BigUint::from(2u32), total));
        assert!(p.denominator() > &BigUint::from(u128::MAX));
    }

    #[test]
    fn the_u128_and_big_integer_counts_agree() {
        let weeks: Vec<(Vec<i64>, usize)> = (0..10)
            .map(|w| (vec![w % 11, (w * 3) % 11, 5, (w * 7) % 11, 2], 2))
            .collect();
        let sums: Vec<SubsetSums> = weeks
            .iter()
            .filter(|(v, _)| v.iter().any(|x| *x != v[0]))
            .map(|(v, k)| SubsetSums::of(v, *k))
            .collect();
        let small = count::<u64>(&sums, |o| o % 3 == 0);
        let wide = count::<u128>(&sums, |o| o % 3 == 0);
        let big = count::<BigUint>(&sums, |o| o % 3 == 0);
        assert_eq!(small, wide);
        assert_eq!(wide, big);
    }

    #[test]
    fn first_step_is_the_smallest_k_whose_cutoff_admits_p() {
        // p = 1/6561, q = 1/10, m = 3: p ≤ k/30 from k = 1.
        assert_eq!(Fraction::of(1, 6561).first_step(1, 10, 3, 4), 1);
        // p = 385/6561 ≈ 0.0587: 1/12·k/… with q = 1/4, m = 3: k/12 ≥ p from k = 1.
        assert_eq!(Fraction::of(385, 6561).first_step(1, 4, 3, 4), 1);
        // q = 1/10: k/30 ≥ 0.0587 needs k = 2.
        assert_eq!(Fraction::of(385, 6561).first_step(1, 10, 3, 4), 2);
        // Exactly on a cut-off counts: 1/30 at k = 1.
        assert_eq!(Fraction::of(1, 30).first_step(1, 10, 3, 4), 1);
        // p = 1 never counts before the cap.
        assert_eq!(Fraction::one().first_step(1, 10, 3, 4), 4);
    }

    /// Every relabeling listed one by one: the p-value by brute force.
    fn brute_force(weeks: &[(Vec<i64>, usize)], observed: &[u32]) -> Fraction {
        let subsets = |n: usize, k: usize| -> Vec<u32> {
            (0u32..(1 << n))
                .filter(|m| m.count_ones() as usize == k)
                .collect()
        };
        let sum = |values: &[i64], mask: u32| -> i64 {
            (0..values.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| values[i])
                .sum()
        };
        let mean420: i64 = weeks
            .iter()
            .map(|(v, k)| *k as i64 * v.iter().sum::<i64>() * (SCALE / v.len() as i64))
            .sum();
        let t_obs: i64 = weeks
            .iter()
            .zip(observed)
            .map(|((v, _), m)| sum(v, *m))
            .sum();
        let threshold = (SCALE * t_obs - mean420).abs();
        let mut arrangements: Vec<i64> = vec![0];
        for (values, k) in weeks {
            arrangements = arrangements
                .iter()
                .flat_map(|t| subsets(values.len(), *k).into_iter().map(move |m| (t, m)))
                .map(|(t, m)| t + sum(values, m))
                .collect();
        }
        let hits = arrangements
            .iter()
            .filter(|t| (SCALE * **t - mean420).abs() >= threshold)
            .count();
        Fraction::of(hits as u64, arrangements.len() as u64)
    }

    proptest::proptest! {
        #[test]
        fn the_dp_matches_listing_every_relabeling(
            weeks in proptest::collection::vec(
                (proptest::collection::vec(0i64..=10, 2..=5), 0usize..100, 0u32..1000),
                1..=4,
            ),
        ) {
            // Each stratum: its ratings, how many are "with" (1 … n − 1) and which ones.
            let mut strata_spec = Vec::new();
            let mut observed = Vec::new();
            for (values, k, pick) in weeks {
                let n = values.len();
                let k = 1 + k % (n - 1);
                let masks: Vec<u32> = (0u32..(1 << n)).filter(|m| m.count_ones() as usize == k).collect();
                observed.push(masks[pick as usize % masks.len()]);
                strata_spec.push((values, k));
            }
            let observed420: i64 = strata_spec
                .iter()
                .zip(&observed)
                .map(|((values, k), mask)| {
                    let n = values.len() as i64;
                    let with: i64 = (0..values.len()).filter(|i| mask & (1 << i) != 0).map(|i| values[i]).sum();
                    SCALE * with - *k as i64 * values.iter().sum::<i64>() * (SCALE / n)
                })
                .sum();
            let p = p_value(&strata(&strata_spec), observed420);
            proptest::prop_assert_eq!(p, brute_force(&strata_spec, &observed));
        }
    }
}
