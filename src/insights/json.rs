//! `rekindle insights --json` (docs/INSIGHTS.md). Numbers to one decimal, half away from zero;
//! p-values and cut-offs as exact fraction strings.

use super::{Comparison, Factor, Insight, Report};
use serde_json::{Map, Value, json};

/// The JSON object of `rekindle insights --json`.
pub fn to_json(report: &Report) -> Value {
    json!({
        "today": report.today.to_string(),
        "window": {
            "weeks": report.weeks,
            "from": report.from.to_string(),
            "to": report.today.to_string(),
        },
        "comparisons": report.comparisons_made,
        "cutoffs": {
            "clear": report.cutoff_clear.to_string(),
            "possible": report.cutoff_possible.to_string(),
        },
        "insights": report.insights.iter().map(|i| insight(report, i)).collect::<Vec<_>>(),
        "factors": report.comparisons.iter().map(factor_entry).collect::<Vec<_>>(),
    })
}

fn factor(factor: &Factor) -> Value {
    match factor {
        Factor::Habit(habit) => json!({ "kind": "habit", "id": habit.key() }),
        Factor::Sleep => json!({ "kind": "sleep" }),
        Factor::Nourishing => json!({ "kind": "nourishing" }),
        Factor::Person { key, name } => json!({ "kind": "person", "id": key, "name": name }),
        Factor::Boundary { id, .. } => json!({ "kind": "boundary", "id": id }),
    }
}

fn insight(report: &Report, insight: &Insight) -> Value {
    let c = report.comparison(insight);
    let ratings: Vec<Value> = insight
        .ratings
        .iter()
        .filter_map(|r| c.rating(*r))
        .map(|r| {
            let (with_mean, without_mean) = c.means(r);
            let mut entry = Map::new();
            entry.insert("rating".into(), json!(r.rating.name()));
            entry.insert("with_mean".into(), json!(with_mean.rounded()));
            entry.insert("without_mean".into(), json!(without_mean.rounded()));
            entry.insert("difference".into(), json!(c.difference(r).rounded()));
            entry.insert(
                "within_week_difference".into(),
                json!(c.within_week_difference(r).rounded()),
            );
            entry.insert("p".into(), json!(r.p.to_string()));
            entry.insert("weeks_consistent".into(), json!(r.weeks_same));
            entry.insert("weeks_with_both".into(), json!(c.weeks_with_both));
            if let Some((p_a, p_b)) = c.that_day_means(r) {
                entry.insert("that_day_with_mean".into(), json!(p_a.rounded()));
                entry.insert("that_day_without_mean".into(), json!(p_b.rounded()));
            }
            Value::Object(entry)
        })
        .collect();
    json!({
        "tier": insight.tier.as_str(),
        "factor": factor(&c.factor),
        "lag": c.lag.days(),
        "with_days": c.with_days,
        "without_days": c.without_days,
        "ratings": ratings,
        "text": report.sentence(insight),
    })
}

fn factor_entry(c: &Comparison) -> Value {
    let ratings: Vec<Value> = c
        .ratings
        .iter()
        .flatten()
        .map(|r| json!({ "rating": r.rating.name(), "verdict": r.verdict.as_str() }))
        .collect();
    json!({
        "factor": factor(&c.factor),
        "lag": c.lag.days(),
        "status": if c.compared() { "compared" } else { "not_enough_data" },
        "with_days": c.with_days,
        "without_days": c.without_days,
        "weeks_with_both": c.weeks_with_both,
        "ratings": ratings,
    })
}
