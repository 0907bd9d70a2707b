//! Daily and weekly burnout figures: strain, composite, band, weekly means, display rounding.
//!
//! The rules are docs/SCORING.md's. Pure: takes check-ins and dates, returns numbers. Every threshold
//! is decided on exact integer sums, never on floating-point averages (20, 20, 5 averages to
//! 49.99999999999999 in floats but is exactly 50, "high").

use crate::journal::CheckIn;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// Day strain S = E + C + (10 − F), 0–30. Efficacy is the one positive item, so it is reversed.
pub fn strain(check_in: &CheckIn) -> u32 {
    u32::from(check_in.exhaustion.get())
        + u32::from(check_in.cynicism.get())
        + (10 - u32::from(check_in.efficacy.get()))
}

/// A day's composite 0–100: S / 30 × 100.
pub fn composite(check_in: &CheckIn) -> f64 {
    f64::from(strain(check_in)) * 10.0 / 3.0
}

/// How much strain a composite reads as. Labels never use clinical words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Low,
    Moderate,
    High,
    VeryHigh,
}

impl Band {
    /// Band of `sum_strain / count` check-ins, decided exactly:
    /// composite ≥ 25 ⇔ 2·ΣS ≥ 15·n; ≥ 50 ⇔ ΣS ≥ 15·n; ≥ 75 ⇔ 2·ΣS ≥ 45·n.
    pub fn of_strain(sum_strain: u32, count: u32) -> Band {
        let (s, n) = (u64::from(sum_strain), u64::from(count.max(1)));
        if 2 * s >= 45 * n {
            Band::VeryHigh
        } else if s >= 15 * n {
            Band::High
        } else if 2 * s >= 15 * n {
            Band::Moderate
        } else {
            Band::Low
        }
    }

    pub fn of_day(check_in: &CheckIn) -> Band {
        Band::of_strain(strain(check_in), 1)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Moderate => "moderate",
            Band::High => "high",
            Band::VeryHigh => "very_high",
        }
    }

    /// The words shown to people: "low strain" … "very high strain".
    pub fn label(self) -> &'static str {
        match self {
            Band::Low => "low strain",
            Band::Moderate => "moderate strain",
            Band::High => "high strain",
            Band::VeryHigh => "very high strain",
        }
    }
}

/// The one-line reminder shown wherever scores are.
pub const NOT_A_DIAGNOSIS: &str = "A reflection aid, not a diagnosis.";

/// Fewest check-ins a week needs before it has means.
pub const MIN_WEEK_CHECK_INS: u32 = 3;

/// Exact sums over a set of check-ins; means are derived from these only for display.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    pub count: u32,
    pub exhaustion: u32,
    pub cynicism: u32,
    pub efficacy: u32,
    pub strain: u32,
}

impl Sums {
    pub fn of<'a>(check_ins: impl IntoIterator<Item = &'a CheckIn>) -> Sums {
        check_ins.into_iter().fold(Sums::default(), |mut acc, c| {
            acc.count += 1;
            acc.exhaustion += u32::from(c.exhaustion.get());
            acc.cynicism += u32::from(c.cynicism.get());
            acc.efficacy += u32::from(c.efficacy.get());
            acc.strain += strain(c);
            acc
        })
    }

    /// Means for a week, or `None` below the 3-check-in minimum (missing days are never zeros).
    pub fn week_means(&self) -> Option<Means> {
        (self.count >= MIN_WEEK_CHECK_INS).then(|| self.means())
    }

    /// Means over however many check-ins there are (at least one), for a single day or range.
    pub fn means(&self) -> Means {
        let n = f64::from(self.count.max(1));
        Means {
            count: self.count,
            exhaustion: f64::from(self.exhaustion) / n,
            cynicism: f64::from(self.cynicism) / n,
            efficacy: f64::from(self.efficacy) / n,
            composite: f64::from(self.strain) * 10.0 / (3.0 * n),
            band: Band::of_strain(self.strain, self.count),
        }
    }
}

/// Unrounded means, with the band decided exactly from the sums.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Means {
    pub count: u32,
    pub exhaustion: f64,
    pub cynicism: f64,
    pub efficacy: f64,
    pub composite: f64,
    pub band: Band,
}

/// Rounds half away from zero to one decimal, for JSON and tables; never yields -0.0.
pub fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Formats with one decimal, rounding half away from zero (`format!("{:.1}")` rounds ties to even).
pub fn fmt1(x: f64) -> String {
    format!("{:.1}", round1(x))
}

/// Formats as a whole number, rounding half away from zero: 52.5 → "53".
pub fn fmt0(x: f64) -> String {
    let r = x.round();
    format!("{:.0}", if r == 0.0 { 0.0 } else { r })
}

/// The first day of the week holding `date`, for weeks starting on `week_starts_on`.
pub fn week_start(date: NaiveDate, week_starts_on: Weekday) -> NaiveDate {
    let back =
        (7 + date.weekday().num_days_from_monday() - week_starts_on.num_days_from_monday()) % 7;
    date.checked_sub_days(Days::new(u64::from(back)))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Rating;

    fn day(e: u8, c: u8, f: u8) -> CheckIn {
        let r = |v| Rating::new(v).unwrap();
        CheckIn::new(
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            r(e),
            r(c),
            r(f),
        )
    }

    fn week(days: &[(u8, u8, u8)]) -> Option<Means> {
        let check_ins: Vec<_> = days.iter().map(|&(e, c, f)| day(e, c, f)).collect();
        Sums::of(&check_ins).week_means()
    }

    #[test]
    fn worked_daily_examples() {
        let cases = [
            ((7, 4, 5), 16, "53.3", Band::High),
            ((0, 0, 10), 0, "0.0", Band::Low),
            ((10, 10, 0), 30, "100.0", Band::VeryHigh),
            ((0, 0, 0), 10, "33.3", Band::Moderate),
            ((5, 5, 2), 18, "60.0", Band::High),
            ((5, 5, 8), 12, "40.0", Band::Moderate),
            ((5, 5, 5), 15, "50.0", Band::High),
            ((3, 3, 8), 8, "26.7", Band::Moderate),
            ((3, 2, 8), 7, "23.3", Band::Low),
        ];
        for ((e, c, f), s, shown, band) in cases {
            let d = day(e, c, f);
            assert_eq!(strain(&d), s, "S of {e},{c},{f}");
            assert_eq!(fmt1(composite(&d)), shown, "composite of {e},{c},{f}");
            assert_eq!(Band::of_day(&d), band, "band of {e},{c},{f}");
        }
    }

    #[test]
    fn worked_weekly_examples() {
        let m = week(&[(7, 4, 5), (5, 5, 5), (3, 2, 8)]).unwrap();
        assert_eq!(
            (
                fmt1(m.exhaustion),
                fmt1(m.cynicism),
                fmt1(m.efficacy),
                fmt1(m.composite),
                m.band
            ),
            (
                "5.0".into(),
                "3.7".into(),
                "6.0".into(),
                "42.2".into(),
                Band::Moderate
            )
        );
        assert_eq!(
            week(&[(7, 4, 5), (5, 5, 5)]),
            None,
            "two check-ins have no means"
        );
        let m = week(&[(8, 6, 3), (6, 4, 5), (4, 2, 7)]).unwrap();
        assert_eq!((fmt1(m.composite), m.band), ("50.0".into(), Band::High));
        // 20, 20, 5: the float mean is 49.99999999999999 but the week is exactly 50, high.
        let m = week(&[(10, 10, 10), (10, 10, 10), (2, 2, 9)]).unwrap();
        assert_eq!((fmt1(m.composite), m.band), ("50.0".into(), Band::High));
        let m = week(&[(0, 0, 10), (0, 0, 10), (5, 5, 10), (10, 10, 10)]).unwrap();
        assert_eq!(m.band, Band::Moderate);
        assert_eq!(
            (
                fmt1(m.composite),
                fmt1(m.exhaustion),
                fmt1(m.cynicism),
                fmt1(m.efficacy)
            ),
            ("25.0".into(), "3.8".into(), "3.8".into(), "10.0".into())
        );
        let m = week(&[(5, 3, 6), (5, 3, 6), (5, 3, 6), (6, 4, 6)]).unwrap();
        assert_eq!(
            (fmt1(m.exhaustion), fmt1(m.cynicism), fmt1(m.composite)),
            ("5.3".into(), "3.3".into(), "41.7".into())
        );
        let m = week(&[(5, 5, 5), (6, 5, 5), (6, 5, 5), (6, 5, 5)]).unwrap();
        assert_eq!(fmt0(m.composite), "53");
    }

    #[test]
    fn band_edges_are_inclusive_at_25_50_75() {
        // One day each: S 7.5 is impossible, so use weeks: ΣS/n exactly at the edges.
        assert_eq!(Band::of_strain(15, 2), Band::Moderate); // 25.0
        assert_eq!(Band::of_strain(14, 2), Band::Low); // 23.3
        assert_eq!(Band::of_strain(45, 3), Band::High); // 50.0
        assert_eq!(Band::of_strain(44, 3), Band::Moderate);
        assert_eq!(Band::of_strain(45, 2), Band::VeryHigh); // 75.0
        assert_eq!(Band::of_strain(44, 2), Band::High);
    }

    #[test]
    fn display_rounding_is_half_away_from_zero() {
        assert_eq!(fmt1(5.25), "5.3");
        assert_eq!(fmt1(-5.25), "-5.3");
        assert_eq!(fmt1(-0.04), "0.0");
        assert_eq!(fmt0(52.5), "53");
        assert_eq!(fmt0(-0.4), "0");
        assert_eq!(fmt1(0.75), "0.8");
    }

    #[test]
    fn weeks_start_on_the_configured_day_across_year_ends() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(week_start(d("2026-01-01"), Weekday::Mon), d("2025-12-29"));
        assert_eq!(week_start(d("2026-11-23"), Weekday::Mon), d("2026-11-23"));
        assert_eq!(week_start(d("2026-11-23"), Weekday::Sun), d("2026-11-22"));
        assert_eq!(week_start(d("2026-11-27"), Weekday::Sat), d("2026-11-21"));
        assert_eq!(week_start(d("2026-11-28"), Weekday::Sat), d("2026-11-28"));
    }
}
