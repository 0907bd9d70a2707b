//! Every sentence patterns show (docs/INSIGHTS.md), the plain-text report of `rekindle insights`,
//! and the lint list the templates are tested against.
//!
//! The wording describes what went together, never why: no causal or evaluative word, no
//! advice, no p-value. Means are shown to one decimal, rounded half away from zero from the exact
//! value; counts are whole numbers.

use super::{Comparison, Factor, Habit, Insight, Lag, RatingKind, RatingResult, Report, Verdict};
use super::{MIN_DAYS, MIN_WEEKS_WITH_BOTH};

/// Whole words or phrases no template may contain (case-insensitive). D2's "could lead to the
/// other" names both directions on purpose and is the one exception.
pub const LINT: &[&str] = &[
    "because",
    "cause",
    "causes",
    "caused",
    "due to",
    "leads to",
    "led to",
    "makes you",
    "made you",
    "effect",
    "effects",
    "affects",
    "impact",
    "improve",
    "improves",
    "improved",
    "help",
    "helps",
    "helped",
    "boost",
    "boosts",
    "reduce",
    "reduces",
    "lowers",
    "raises",
    "hurts",
    "good for",
    "bad for",
    "better",
    "worse",
    "should",
    "try",
    "recommend",
    "significant",
    "correlation",
    "correlated",
    "proven",
    "predict",
    "predicts",
];

/// D2, under every insight.
pub const CAVEAT: &str = "Either could lead to the other, or something else could drive both.";
/// H, the heading over possible insights.
pub const POSSIBLE_HEADING: &str = "Not clear yet — could be chance";

/// E: the summary when nothing is clear.
pub fn empty_text(weeks: u32) -> String {
    format!(
        "No clear patterns in the last {weeks} weeks. That is a common, honest answer: most \
         day-to-day differences are too small to tell apart from chance in a few months of \
         entries."
    )
}

/// User text (a name, a boundary) on one line: control characters become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// "you got outside", "you were in touch with Sam", "you kept “No email after 19:00”".
pub fn with_label(factor: &Factor) -> String {
    match factor {
        Factor::Habit(Habit::Exercise) => "you exercised".to_string(),
        Factor::Habit(Habit::Outside) => "you got outside".to_string(),
        Factor::Habit(Habit::Mindful) => "you took a mindful moment".to_string(),
        Factor::Habit(Habit::RestBlock) => "you took a rest block".to_string(),
        Factor::Habit(Habit::Disconnected) => "you disconnected".to_string(),
        // Sleep is same-day only and has its own sentence (SL); this is for completeness.
        Factor::Sleep => "you slept 7 h or more".to_string(),
        Factor::Nourishing => "you logged a nourishing connection".to_string(),
        Factor::Person { name, .. } => format!("you were in touch with {}", clean(name)),
        Factor::Boundary { text, .. } => format!("you kept “{}”", clean(text)),
    }
}

/// "you didn't", "you weren't", "it slipped".
pub fn without_label(factor: &Factor) -> &'static str {
    match factor {
        Factor::Person { .. } => "you weren't",
        Factor::Boundary { .. } => "it slipped",
        _ => "you didn't",
    }
}

/// The short label of `--all`: "Got outside", "In touch with Sam", "Kept “…” (archived)".
pub fn short_label(factor: &Factor) -> String {
    match factor {
        Factor::Habit(Habit::Exercise) => "Exercise".to_string(),
        Factor::Habit(Habit::Outside) => "Got outside".to_string(),
        Factor::Habit(Habit::Mindful) => "Mindful moment".to_string(),
        Factor::Habit(Habit::RestBlock) => "Rest block".to_string(),
        Factor::Habit(Habit::Disconnected) => "Disconnected".to_string(),
        Factor::Sleep => "Sleep 7 h or more".to_string(),
        Factor::Nourishing => "Nourishing connection".to_string(),
        Factor::Person { name, .. } => format!("In touch with {}", clean(name)),
        Factor::Boundary { text, archived, .. } => {
            let archived = if *archived { " (archived)" } else { "" };
            format!("Kept “{}”{archived}", clean(text))
        }
    }
}

/// "Day after: " on next-day lines of `--all`.
fn day_after(lag: Lag) -> &'static str {
    match lag {
        Lag::SameDay => "",
        Lag::NextDay => "Day after: ",
    }
}

/// "exhaustion", "exhaustion and cynicism", "exhaustion, cynicism and efficacy".
fn rating_list(ratings: &[RatingKind]) -> String {
    let names: Vec<&str> = ratings.iter().map(|r| r.name()).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

impl Report {
    /// The summary lines: up to 3 clear sentences, or the E text.
    pub fn summary_lines(&self) -> Vec<String> {
        let summary = self.summary();
        if summary.is_empty() {
            vec![empty_text(self.weeks)]
        } else {
            summary.into_iter().map(|i| self.sentence(i)).collect()
        }
    }

    /// The sentence of an insight: S1/S2 (same day), SL (sleep) or N1 (next day).
    pub fn sentence(&self, insight: &Insight) -> String {
        let c = self.comparison(insight);
        let (n_a, n_b) = (c.with_days, c.without_days);
        let with = with_label(&c.factor);
        let without = without_label(&c.factor);
        let results: Vec<&RatingResult> = insight
            .ratings
            .iter()
            .filter_map(|r| c.rating(*r))
            .collect();
        if let [result] = results[..] {
            let (m_a, m_b) = c.means(result);
            let (m_a, m_b, rating) = (m_a.display(), m_b.display(), result.rating.name());
            return match (&c.factor, c.lag) {
                (Factor::Sleep, _) => format!(
                    "After nights of 7 h or more ({n_a} days), your {rating} averaged {m_a}; \
                     after shorter nights ({n_b} days), {m_b}."
                ),
                (_, Lag::NextDay) => format!(
                    "The day after {with} ({n_a} days), your {rating} averaged {m_a}; the day \
                     after {without} ({n_b} days), {m_b}."
                ),
                (_, Lag::SameDay) => format!(
                    "On days {with} ({n_a} days), your {rating} averaged {m_a}; on days \
                     {without} ({n_b} days), {m_b}."
                ),
            };
        }
        let list = results
            .iter()
            .map(|r| {
                let (m_a, m_b) = c.means(r);
                format!("{} {} vs {}", r.rating.name(), m_a.display(), m_b.display())
            })
            .collect::<Vec<_>>()
            .join(", ");
        match (&c.factor, c.lag) {
            (Factor::Sleep, _) => format!(
                "After nights of 7 h or more ({n_a} days) vs shorter nights ({n_b}): {list}."
            ),
            (_, Lag::NextDay) => format!(
                "The day after {with} ({n_a} days) vs the day after {without} ({n_b}): {list}."
            ),
            (_, Lag::SameDay) => {
                format!("On days {with} ({n_a} days) vs days {without} ({n_b}): {list}.")
            }
        }
    }

    /// The lines under an insight in the full view: D0 (next day), D1, D2.
    pub fn details(&self, insight: &Insight) -> Vec<String> {
        let c = self.comparison(insight);
        let results: Vec<&RatingResult> = insight
            .ratings
            .iter()
            .filter_map(|r| c.rating(*r))
            .collect();
        let single = results.len() == 1;
        let mut lines = Vec::new();
        if c.lag == Lag::NextDay {
            let means: Vec<String> = results
                .iter()
                .filter_map(|r| {
                    let (p_a, p_b) = c.that_day_means(r)?;
                    Some(if single {
                        format!("{} vs {}", p_a.display(), p_b.display())
                    } else {
                        format!("{} {} vs {}", r.rating.name(), p_a.display(), p_b.display())
                    })
                })
                .collect();
            lines.push(format!("On those days themselves: {}.", means.join(", ")));
        }
        for r in &results {
            let direction = if r.within420 < 0 { "lower" } else { "higher" };
            let rest = format!(
                "on those days in {} of the {} weeks that had both kinds of days.",
                r.weeks_same, c.weeks_with_both
            );
            lines.push(if single {
                format!("{} {rest}", capitalised(direction))
            } else {
                format!("{}: {direction} {rest}", capitalised(r.rating.name()))
            });
        }
        lines.push(CAVEAT.to_string());
        lines
    }

    /// `--all`: a line per (factor, lag) with its verdict (A1–A4, or the clear / not clear yet
    /// ratings), plus an A2 line for each vetoed next-day rating.
    pub fn verdict_lines(&self) -> Vec<String> {
        self.comparisons.iter().flat_map(verdict_lines_of).collect()
    }

    /// F, under every full view.
    pub fn footer(&self) -> String {
        format!(
            "Patterns in your entries from {} to {}, comparing days within the same week (work \
             days with work days). {} comparisons made: a 'clear' finding could still be chance \
             about 1 time in 10, a 'not clear yet' one about 1 time in 4. A reflection aid, not \
             a diagnosis.",
            self.from, self.today, self.comparisons_made
        )
    }
}

fn verdict_lines_of(c: &Comparison) -> Vec<String> {
    let label = format!("{}{}", day_after(c.lag), short_label(&c.factor));
    let (n_a, n_b) = (c.with_days, c.without_days);
    let Some(ratings) = &c.ratings else {
        return vec![if n_a < MIN_DAYS {
            format!("{label}: not enough to compare yet — {n_a} of {MIN_DAYS} days with.")
        } else if n_b < MIN_DAYS {
            format!("{label}: not enough to compare yet — {n_b} of {MIN_DAYS} days without.")
        } else {
            format!(
                "{label}: not enough to compare yet — both kinds of days in {} of the \
                 {MIN_WEEKS_WITH_BOTH} weeks needed.",
                c.weeks_with_both
            )
        }];
    };
    let of = |verdict: Verdict| -> Vec<RatingKind> {
        ratings
            .iter()
            .filter(|r| r.verdict == verdict)
            .map(|r| r.rating)
            .collect()
    };
    let (clear, possible, none) = (
        of(Verdict::Clear),
        of(Verdict::Possible),
        of(Verdict::NoClearDifference),
    );
    let mut lines = Vec::new();
    if clear.is_empty() && possible.is_empty() {
        if none.len() == 3 {
            lines.push(format!(
                "{label}: no clear difference ({n_a} days with, {n_b} without)."
            ));
        } else if !none.is_empty() {
            lines.push(format!(
                "{label}: no clear difference for {} ({n_a} days with, {n_b} without).",
                rating_list(&none)
            ));
        }
    } else {
        let parts: Vec<String> = [
            ("clear", &clear),
            ("not clear yet", &possible),
            ("no clear difference", &none),
        ]
        .into_iter()
        .filter(|(_, ratings)| !ratings.is_empty())
        .map(|(verdict, ratings)| format!("{verdict} for {}", rating_list(ratings)))
        .collect();
        lines.push(format!(
            "{label}: {} ({n_a} days with, {n_b} without).",
            parts.join("; ")
        ));
    }
    let with = with_label(&c.factor);
    for r in ratings.iter().filter(|r| r.verdict == Verdict::NotCounted) {
        if let Some((p_a, p_b)) = c.that_day_means(r) {
            lines.push(format!(
                "The day after {with}: not counted — {} already differed on those days \
                 themselves ({} vs {}).",
                r.rating.name(),
                p_a.display(),
                p_b.display()
            ));
        }
    }
    lines
}

/// The plain-text report of `rekindle insights`: the summary; every clear insight with its
/// detail; at most 3 not-clear-yet ones under their heading; with `all`, a line per
/// comparison; then the footer.
pub fn render(report: &Report, all: bool) -> String {
    let mut out = String::new();
    for line in report.summary_lines() {
        out.push_str(&line);
        out.push('\n');
    }
    let mut section = |heading: &str, insights: Vec<&Insight>| {
        if insights.is_empty() {
            return;
        }
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        for insight in insights {
            out.push_str(&format!("\n  {}\n", report.sentence(insight)));
            for line in report.details(insight) {
                out.push_str(&format!("    {line}\n"));
            }
        }
    };
    section("Clear patterns, in detail", report.clear().collect());
    section(POSSIBLE_HEADING, report.possible_shown().collect());
    if all {
        out.push_str("\nEvery comparison\n\n");
        for line in report.verdict_lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push('\n');
    out.push_str(&report.footer());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::insights::{Fraction, Ratio, Tier};
    use chrono::NaiveDate;

    /// Whether `text` holds `word` as a whole word or phrase, ignoring case.
    fn holds(text: &str, word: &str) -> bool {
        let text = text.to_lowercase();
        let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
        text.match_indices(word).any(|(at, _)| {
            !is_word(text[..at].chars().next_back())
                && !is_word(text[at + word.len()..].chars().next())
        })
    }

    fn lint(text: &str) -> Vec<&'static str> {
        let text = text.replace(CAVEAT, "");
        LINT.iter().copied().filter(|w| holds(&text, w)).collect()
    }

    fn result(rating: RatingKind, verdict: Verdict, within420: i64) -> RatingResult {
        RatingResult {
            rating,
            sum_with: 24,
            sum_without: 96,
            within420,
            weight420: 8 * 280,
            weeks_same: 8,
            before: Some((64, 112)),
            change420: Some(within420),
            p: Fraction::of(1, 6561),
            meaningful: true,
            vetoed: verdict == Verdict::NotCounted,
            verdict,
        }
    }

    fn factors() -> Vec<Factor> {
        let mut all: Vec<Factor> = Habit::ALL.into_iter().map(Factor::Habit).collect();
        all.push(Factor::Sleep);
        all.push(Factor::Nourishing);
        all.push(Factor::Person {
            key: "sam".into(),
            name: "Sam".into(),
        });
        all.push(Factor::Boundary {
            id: "b-1".into(),
            text: "No work email after 19:00".into(),
            archived: true,
        });
        all
    }

    /// A report holding every factor at both lags in every state a template covers.
    fn sample_report() -> Report {
        let mut comparisons = Vec::new();
        let mut insights = Vec::new();
        for (factor_index, factor) in factors().into_iter().enumerate() {
            for lag in [Lag::SameDay, Lag::NextDay] {
                // A unit that passed the gate with these ratings.
                let gated = |ratings| Comparison {
                    factor: factor.clone(),
                    factor_index,
                    lag,
                    with_days: 8,
                    without_days: 16,
                    weeks_with_both: 8,
                    ratings: Some(ratings),
                };
                let verdicts: [[Verdict; 3]; 3] = [
                    [Verdict::Clear; 3],
                    [
                        Verdict::Clear,
                        Verdict::Possible,
                        Verdict::NoClearDifference,
                    ],
                    [
                        Verdict::Possible,
                        Verdict::NotCounted,
                        Verdict::NoClearDifference,
                    ],
                ];
                for (n, verdicts) in verdicts.iter().enumerate() {
                    let ratings = [0, 1, 2].map(|i| {
                        result(
                            RatingKind::ALL[i],
                            verdicts[i],
                            if i == 0 { -100 } else { 100 },
                        )
                    });
                    let index = comparisons.len();
                    comparisons.push(gated(ratings));
                    for (tier, count) in [(Tier::Clear, 1), (Tier::Clear, 3), (Tier::Possible, 1)] {
                        if n == 0 {
                            insights.push(Insight {
                                comparison: index,
                                tier,
                                ratings: RatingKind::ALL[..count].to_vec(),
                                strength: Ratio::new(3, 1),
                            });
                        }
                    }
                }
                for (with_days, without_days, weeks) in [(3, 20, 6), (20, 5, 6), (20, 20, 2)] {
                    comparisons.push(Comparison {
                        factor: factor.clone(),
                        factor_index,
                        lag,
                        with_days,
                        without_days,
                        weeks_with_both: weeks,
                        ratings: None,
                    });
                }
                let plain = RatingKind::ALL.map(|r| result(r, Verdict::NoClearDifference, 0));
                comparisons.push(gated(plain));
            }
        }
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        Report {
            today: day(22),
            weeks: 26,
            from: day(1),
            comparisons_made: 3,
            cutoff_clear: Fraction::of(1, 30),
            cutoff_possible: Fraction::of(1, 12),
            comparisons,
            insights,
        }
    }

    #[test]
    fn the_lint_finds_whole_words_only() {
        assert_eq!(lint("This helps."), vec!["helps"]);
        assert_eq!(lint("Try it"), vec!["try"]);
        assert!(lint("entries country retry").is_empty());
        assert_eq!(lint("It is GOOD FOR you"), vec!["good for"]);
        assert!(lint(CAVEAT).is_empty());
        assert!(holds("this leads to that", "leads to"));
    }

    #[test]
    fn no_template_uses_a_causal_evaluative_or_advice_word() {
        let report = sample_report();
        let mut texts = vec![
            empty_text(26),
            report.footer(),
            POSSIBLE_HEADING.to_string(),
            CAVEAT.to_string(),
            render(&report, true),
        ];
        for insight in &report.insights {
            texts.push(report.sentence(insight));
            texts.extend(report.details(insight));
        }
        texts.extend(report.verdict_lines());
        let ids = [
            "S1", "S2", "SL", "N1", "D0", "D1", "D2", "A1", "A2", "A3", "A4", "E", "F", "H",
        ];
        let all = texts.join("\n");
        // Every template was rendered at least once.
        for (id, needle) in ids.iter().zip([
            "your exhaustion averaged 3.0; on days you didn't (16 days), 6.0.",
            "vs days you didn't (16): exhaustion 3.0 vs 6.0, cynicism 3.0 vs 6.0",
            "After nights of 7 h or more (8 days), your exhaustion averaged",
            "The day after you got outside (8 days), your exhaustion averaged 3.0; the day after",
            "On those days themselves: 8.0 vs 7.0.",
            "Lower on those days in 8 of the 8 weeks that had both kinds of days.",
            CAVEAT,
            "Got outside: no clear difference (8 days with, 16 without).",
            "The day after you got outside: not counted — cynicism already differed",
            "Got outside: not enough to compare yet — 3 of 8 days with.",
            "Got outside: not enough to compare yet — both kinds of days in 2 of the 4 weeks needed.",
            "No clear patterns in the last 26 weeks.",
            "3 comparisons made",
            "Not clear yet — could be chance",
        ]) {
            assert!(all.contains(needle), "{id} not rendered: {needle}");
        }
        for text in &texts {
            assert_eq!(lint(text), Vec::<&str>::new(), "in: {text}");
            // Never a p-value.
            assert!(!text.contains("6561") && !text.contains("p ="), "{text}");
        }
    }

    #[test]
    fn labels_follow_the_spec() {
        let archived = Factor::Boundary {
            id: "b-1".into(),
            text: "No email".into(),
            archived: true,
        };
        assert_eq!(short_label(&archived), "Kept “No email” (archived)");
        assert_eq!(with_label(&archived), "you kept “No email”");
        assert_eq!(without_label(&archived), "it slipped");
        let sam = Factor::Person {
            key: "sam".into(),
            name: "Sam".into(),
        };
        assert_eq!(short_label(&sam), "In touch with Sam");
        assert_eq!(without_label(&sam), "you weren't");
        assert_eq!(
            rating_list(&RatingKind::ALL),
            "exhaustion, cynicism and efficacy"
        );
    }
}
