//! The plain-text weekly review printed by `rekindle trends`: weeks as rows, then the change,
//! the 28-day slope, days since a nourishing connection, the flags, and the one-line reminder
//! that this is a reflection aid.
//!
//! Pure formatting of a `Review`: never reads the clock or the disk. Plain text with no colour,
//! every line at most 80 columns (long sentences wrap), numbers rounded half away from zero.

use super::{FlagKind, Review, WeekSummary};
use crate::scoring::{NOT_A_DIAGNOSIS, fmt1, round1};
use chrono::Datelike;
use std::fmt::Write;

const WIDTH: usize = 80;
/// |slope| below this (after rounding) reads "roughly flat".
const FLAT_SLOPE: f64 = 2.0;

/// The review as a table and a few lines of text. `support_text` is printed once: inside the
/// `seek_support` flag when it is raised, else on the last line, so it is always reachable and
/// never gated by a rule.
pub fn table(review: &Review, support_text: &str) -> String {
    let mut out = String::new();
    let heading = match review.weeks.first() {
        Some(week) => format!(
            "Weekly review as of {} (weeks start on {})",
            review.today,
            crate::journal::calendar::weekday_title(week.week_start.weekday())
        ),
        None => format!("Weekly review as of {}", review.today),
    };
    line(&mut out, &heading);
    out.push('\n');
    if review.weeks.is_empty() {
        line(&mut out, "No weeks to show.");
    } else {
        week_rows(&mut out, review);
    }
    out.push('\n');
    wrapped(&mut out, "", &change_line(review));
    wrapped(&mut out, "", &slope_line(review));
    wrapped(&mut out, "", &nourishing_line(review));
    out.push('\n');
    if review.flags.is_empty() {
        line(&mut out, "No flags right now.");
    } else {
        line(&mut out, "Flags");
        for flag in &review.flags {
            wrapped(&mut out, "* ", flag.kind.title());
            wrapped(&mut out, "  ", &flag.evidence);
            wrapped(&mut out, "  ", &format!("Try: {}", flag.suggestion));
        }
    }
    out.push('\n');
    line(&mut out, NOT_A_DIAGNOSIS);
    if !review.flags.iter().any(|f| f.kind == FlagKind::SeekSupport) {
        wrapped(&mut out, "", &format!("Support: {}", support_text.trim()));
    }
    out
}

fn week_rows(out: &mut String, review: &Review) {
    line(
        out,
        &format!(
            "{:<10} {:>9}  {:>4} {:>4} {:>4}  {:<22} {:>11} {:>5}",
            "week of", "check-ins", "E", "C", "F", "composite", "connections", "kept"
        ),
    );
    for week in &review.weeks {
        line(out, &week_row(week, review));
    }
    line(
        out,
        "E exhaustion, C cynicism, F efficacy: weekly means 0-10 (F 10 = capable)",
    );
    line(
        out,
        "connections: nourishing/neutral/draining (you reached out)",
    );
    line(out, "kept: boundary records kept / recorded");
}

fn week_row(week: &WeekSummary, review: &Review) -> String {
    let days = format!("{} of {}", week.sums.count, week.days_so_far(review.today));
    let c = week.connections;
    let connections = format!(
        "{}/{}/{} ({})",
        c.nourishing, c.neutral, c.draining, c.initiated_by_me
    );
    let kept = match week.boundaries.recorded() {
        0 => "-".to_string(),
        recorded => format!("{}/{recorded}", week.boundaries.kept),
    };
    let middle = match week.means {
        Some(m) => format!(
            "{:>4} {:>4} {:>4}  {:<22}",
            fmt1(m.exhaustion),
            fmt1(m.cynicism),
            fmt1(m.efficacy),
            format!("{} {}", fmt1(m.composite), m.band.label())
        ),
        None => format!(
            "{:<38}",
            format!(
                "not enough check-ins ({} of {})",
                week.sums.count,
                crate::scoring::MIN_WEEK_CHECK_INS
            )
        ),
    };
    format!(
        "{:<10} {days:>9}  {middle} {connections:>11} {kept:>5}",
        week.week_start.to_string()
    )
}

/// "+4.4", "-5.0", "0.0": one decimal, signed, never "-0.0".
fn signed(x: f64) -> String {
    if round1(x) > 0.0 {
        format!("+{}", fmt1(x))
    } else {
        fmt1(x)
    }
}

/// "Change: +11.3, rising (week of …: 51.3; week of …: 40.0)": the change naming both weeks, so
/// an old comparison is never mistaken for this week's. Shared with the Trends screen.
pub fn change_line(review: &Review) -> String {
    let change = &review.change;
    let (Some(start), Some(current), Some(previous_start)) = (
        change.week_start,
        change.current,
        change.previous_week_start,
    ) else {
        return format!(
            "Change: no week has {} check-ins yet",
            crate::scoring::MIN_WEEK_CHECK_INS
        );
    };
    let this_week = format!("week of {start}: {}", fmt1(current.composite));
    match (change.previous, change.rounded(), change.direction()) {
        (Some(previous), Some(delta), Some(direction)) => format!(
            "Change: {}, {} ({this_week}; week of {previous_start}: {})",
            signed(delta),
            direction.as_str(),
            fmt1(previous.composite),
        ),
        _ => format!(
            "Change: not comparable ({this_week}; week of {previous_start}: too few check-ins)"
        ),
    }
}

/// "28-day slope: +3.1 points a week, rising", or how many check-ins it still needs.
pub fn slope_line(review: &Review) -> String {
    match review.slope_28d {
        Some(slope) => {
            let reading = if round1(slope).abs() < FLAT_SLOPE {
                "roughly flat"
            } else if slope > 0.0 {
                "rising"
            } else {
                "falling"
            };
            format!("28-day slope: {} points a week, {reading}", signed(slope))
        }
        None => format!(
            "28-day slope: needs {} check-ins in the last {} days ({} so far)",
            super::SLOPE_MIN_CHECK_INS,
            super::SLOPE_DAYS,
            review.check_ins_28d
        ),
    }
}

/// "Days since a nourishing connection: 3".
pub fn nourishing_line(review: &Review) -> String {
    match review.days_since_nourishing {
        Some(0) => "Days since a nourishing connection: 0 (today)".to_string(),
        Some(days) => format!("Days since a nourishing connection: {days}"),
        None => "Days since a nourishing connection: none logged yet".to_string(),
    }
}

/// Appends one line, trailing spaces removed.
fn line(out: &mut String, text: &str) {
    out.push_str(text.trim_end());
    out.push('\n');
}

/// Appends `text` word-wrapped to `WIDTH` columns; the first line starts with `prefix`, the
/// rest are indented by as many spaces. A single word longer than a line is left whole.
fn wrapped(out: &mut String, prefix: &str, text: &str) {
    let indent = " ".repeat(prefix.chars().count());
    let mut current = prefix.to_string();
    let mut has_word = false;
    for word in text.split_whitespace() {
        let needed = current.chars().count() + usize::from(has_word) + word.chars().count();
        if has_word && needed > WIDTH {
            line(out, &current);
            current.clone_from(&indent);
            has_word = false;
        }
        if has_word {
            current.push(' ');
        }
        let _ = write!(current, "{word}");
        has_word = true;
    }
    line(out, &current);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Change, Flag, review};
    use super::*;
    use crate::journal::{DEFAULT_SUPPORT_TEXT, Felt, Journal, Outcome};

    fn assert_fits(text: &str) {
        for l in text.lines() {
            assert!(
                l.chars().count() <= WIDTH,
                "{} columns: {l:?}",
                l.chars().count()
            );
            assert_eq!(l, l.trim_end(), "trailing spaces: {l:?}");
        }
        assert!(!text.contains('!'), "no exclamation marks");
        assert!(!text.contains('\u{1b}'), "no colour");
    }

    /// Week of 11-09: S 12 ×3, each (10, 2, 10). Week of 11-16: (7,4,5) ×2 and (6,4,5) ×3, b-1
    /// slipped on the first and kept on the other four. Current week 11-23: one check-in today.
    fn sample() -> Journal {
        let mut check_ins = Vec::new();
        for i in 0..3 {
            check_ins.push(with_strain(ago(d("2026-11-13"), i), 12));
        }
        for (i, (e, c, f)) in [(7, 4, 5), (7, 4, 5), (6, 4, 5), (6, 4, 5), (6, 4, 5)]
            .into_iter()
            .enumerate()
        {
            let mut day = check_in(ago(d("2026-11-22"), i as u64), e, c, f);
            record(
                &mut day,
                "b-1",
                if i == 0 {
                    Outcome::Slipped
                } else {
                    Outcome::Kept
                },
            );
            check_ins.push(day);
        }
        check_ins.push(check_in(d("2026-11-23"), 3, 3, 8));
        let mut journal = journal(check_ins);
        journal.boundaries = vec![boundary("b-1", "No email after 19:00", false)];
        journal.connections = vec![
            connection("c-1", d("2026-11-20"), "Sam", Felt::Nourishing),
            connection("c-2", d("2026-11-18"), "Ana", Felt::Draining),
        ];
        journal
    }

    #[test]
    fn the_table_reads_as_expected() {
        // Week of 11-09: E 10.0, C 2.0, F 10.0, ΣS 36 → 10·36/9 = 40.0 moderate.
        // Week of 11-16: ΣE 32 → 6.4, ΣC 20 → 4.0, ΣF 25 → 5.0; ΣS 32 + 20 + 25 = 77 →
        // 10·77/15 = 51.33 → 51.3 high (77 ≥ 15·5). Δ·10 = 100·(77·3 − 36·5)/(3·5·3) = 113.3
        // → +11.3, rising. Check-ins in the last 28 days: 3 + 5 + 1 = 9, one short of a slope.
        let review = review(&sample(), d("2026-11-23"), 3);
        let text = table(&review, DEFAULT_SUPPORT_TEXT);
        let expected = "\
Weekly review as of 2026-11-23 (weeks start on Monday)

week of    check-ins     E    C    F  composite              connections  kept
2026-11-09    3 of 7  10.0  2.0 10.0  40.0 moderate strain     0/0/0 (0)     -
2026-11-16    5 of 7   6.4  4.0  5.0  51.3 high strain         1/0/1 (2)   4/5
2026-11-23    1 of 1  not enough check-ins (1 of 3)            0/0/0 (0)     -
E exhaustion, C cynicism, F efficacy: weekly means 0-10 (F 10 = capable)
connections: nourishing/neutral/draining (you reached out)
kept: boundary records kept / recorded

Change: +11.3, rising (week of 2026-11-16: 51.3; week of 2026-11-09: 40.0)
28-day slope: needs 10 check-ins in the last 28 days (9 so far)
Days since a nourishing connection: 3

No flags right now.

A reflection aid, not a diagnosis.
Support: If you feel hopeless or unsafe, contact your local emergency number or
a crisis line now. Set your own line with: rekindle settings support_text TEXT
";
        assert_eq!(text, expected);
        assert_fits(&text);
    }

    #[test]
    fn seek_support_shows_the_support_text_once_inside_the_flag() {
        let mut journal = sample();
        // 11-21 becomes S 30 (composite 100.0): within the last 7 days of 11-23.
        let day = journal
            .check_ins
            .iter_mut()
            .find(|c| c.date == d("2026-11-21"))
            .unwrap();
        *day = with_strain(day.date, 30);
        journal.settings.support_text = "Call Alex on 555 0100.".to_string();
        let review = review(&journal, d("2026-11-23"), 3);
        assert!(review.flags.iter().any(|f| f.kind == FlagKind::SeekSupport));
        let text = table(&review, &journal.settings.support_text);
        assert_eq!(text.matches("Call Alex on 555 0100.").count(), 1);
        assert!(text.contains("* Support could help\n"));
        assert!(!text.contains("Support: Call Alex"));
        assert_fits(&text);
    }

    #[test]
    fn every_line_fits_80_columns_at_the_extremes() {
        // All-30 weeks (100.0 very high strain), many connections and boundary records, every
        // flag raised with a long boundary text.
        let today = d("2026-11-26");
        let mut journal = journal(vec![]);
        journal.boundaries = vec![boundary(
            "b-1",
            "Never answer the on-call phone during dinner with the family, whatever it is",
            false,
        )];
        for back in 0..40 {
            let mut c = with_strain(ago(today, back), 30);
            record(&mut c, "b-1", Outcome::Slipped);
            journal.check_ins.push(c);
        }
        for i in 0..40 {
            journal.connections.push(connection(
                &format!("c-{i}"),
                ago(today, 8 + i % 20),
                "Sam",
                Felt::Draining,
            ));
        }
        let review = review(&journal, today, 8);
        assert_eq!(review.flags.len(), 5);
        let text = table(&review, DEFAULT_SUPPORT_TEXT);
        assert!(text.contains("100.0 very high strain"));
        assert_fits(&text);
    }

    #[test]
    fn slope_and_change_lines_cover_their_cases() {
        let mut review = review(&Journal::default(), d("2026-11-23"), 0);
        assert_eq!(change_line(&review), "Change: no week has 3 check-ins yet");
        assert_eq!(
            nourishing_line(&review),
            "Days since a nourishing connection: none logged yet"
        );
        review.slope_28d = Some(1.96); // rounds to 2.0: no longer flat
        assert_eq!(
            slope_line(&review),
            "28-day slope: +2.0 points a week, rising"
        );
        review.slope_28d = Some(-1.94);
        assert_eq!(
            slope_line(&review),
            "28-day slope: -1.9 points a week, roughly flat"
        );
        review.slope_28d = Some(-0.04);
        assert_eq!(
            slope_line(&review),
            "28-day slope: 0.0 points a week, roughly flat"
        );
        review.change = Change {
            week_start: Some(d("2026-11-16")),
            previous_week_start: Some(d("2026-11-09")),
            current: crate::scoring::Sums::of(&vec![with_strain(d("2026-11-16"), 15); 3])
                .week_means(),
            ..Change::default()
        };
        assert_eq!(
            change_line(&review),
            "Change: not comparable (week of 2026-11-16: 50.0; week of 2026-11-09: too few \
             check-ins)"
        );
        review.days_since_nourishing = Some(0);
        assert_eq!(
            nourishing_line(&review),
            "Days since a nourishing connection: 0 (today)"
        );
        review.flags = vec![Flag {
            kind: FlagKind::Isolation,
            evidence: "e".into(),
            suggestion: "s".into(),
        }];
        let text = table(&review, "help text");
        assert!(text.contains("No weeks to show.") && text.ends_with("Support: help text\n"));
    }
}
