//! `rekindle insights` as a user meets it: the real binary on journals built here, with every
//! expected figure worked out by hand from INSIGHTS.md (the five worked examples of §12 first).
//!
//! Setup as §12: today is Sunday 2026-11-22 (`--as-of`; the clock says Monday 2026-11-23), K = 26,
//! days off Saturday and Sunday unless a test says otherwise. "Week w" runs Monday 16 Nov − 7w to
//! Sunday 22 Nov − 7w. Cynicism 4 and efficacy 6 on every check-in unless said; habits not
//! mentioned are absent.

use crate::support::{Sandbox, stderr_of, stdout_of};
use chrono::{Days, NaiveDate};
use serde_json::{Value, json};

const TODAY: &str = "2026-11-22";

/// The date of `weekday` (0 = Monday … 6 = Sunday) in week `week`.
fn date(week: u64, weekday: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 16).unwrap() - Days::new(7 * week) + Days::new(weekday)
}

const MON: u64 = 0;
const TUE: u64 = 1;
const WED: u64 = 2;
const THU: u64 = 3;
const FRI: u64 = 4;
const SAT: u64 = 5;
const SUN: u64 = 6;

/// A check-in with exhaustion `e`, cynicism 4, efficacy 6 and these habits.
fn day(date: NaiveDate, e: u8, habits: Value) -> Value {
    json!({ "date": date.to_string(), "exhaustion": e, "cynicism": 4, "efficacy": 6, "habits": habits })
}

/// A journal file: check-ins, connections, boundaries and extra settings.
fn journal(
    check_ins: Vec<Value>,
    connections: Vec<Value>,
    boundaries: Vec<Value>,
    settings: Value,
) -> Vec<u8> {
    let mut all = json!({
        "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call Jo."
    });
    for (key, value) in settings.as_object().unwrap() {
        all[key] = value.clone();
    }
    serde_json::to_vec(&json!({
        "format": "rekindle-journal", "version": 1, "settings": all,
        "check_ins": check_ins, "connections": connections, "boundaries": boundaries
    }))
    .unwrap()
}

fn sandbox(bytes: &[u8]) -> Sandbox {
    let s = Sandbox::new();
    s.write_journal(bytes);
    s
}

fn insights_json(s: &Sandbox, args: &[&str]) -> Value {
    let output = s
        .cmd()
        .args(["insights", "--json", "--as-of", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).expect("insights --json prints JSON")
}

fn insights_text(s: &Sandbox, args: &[&str]) -> String {
    let output = s
        .cmd()
        .args(["insights", "--as-of", TODAY])
        .args(args)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output)
}

/// The `factors` entry of (habit or kind id, lag).
fn factor<'a>(report: &'a Value, id: &str, lag: u64) -> &'a Value {
    report["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| (f["factor"]["id"] == id || f["factor"]["kind"] == id) && f["lag"] == lag)
        .unwrap_or_else(|| panic!("no factor {id} at lag {lag} in {report:#}"))
}

fn verdicts(entry: &Value) -> Vec<String> {
    entry["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["rating"].as_str().unwrap(),
                r["verdict"].as_str().unwrap()
            )
        })
        .collect()
}

/// MWF of weeks 0–7 (24 check-ins, no two consecutive): `f(week, weekday)` gives exhaustion and
/// whether the user got outside (`None`: not recorded).
fn mwf(f: impl Fn(u64, u64) -> (u8, Option<bool>)) -> Vec<Value> {
    let mut days = Vec::new();
    for week in 0..8 {
        for weekday in [MON, WED, FRI] {
            let (e, outside) = f(week, weekday);
            let habits = match outside {
                Some(o) => json!({ "outside": o }),
                None => json!({}),
            };
            days.push(day(date(week, weekday), e, habits));
        }
    }
    days
}

/// X1: outside on Wednesdays (exhaustion 3), not on Mondays and Fridays (exhaustion 6).
fn x1() -> Vec<Value> {
    mwf(|_, weekday| {
        if weekday == WED {
            (3, Some(true))
        } else {
            (6, Some(false))
        }
    })
}

const X1_SENTENCE: &str = "On days you got outside (8 days), your exhaustion averaged 3.0; on days you didn't (16 days), 6.0.";
const CAVEAT: &str = "Either could lead to the other, or something else could drive both.";

#[test]
fn x1_a_clear_same_day_pattern() {
    let s = sandbox(&journal(x1(), vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(report["today"], TODAY);
    assert_eq!(
        report["window"],
        json!({ "weeks": 26, "from": "2026-05-25", "to": "2026-11-22" })
    );
    // Only outside on the same day passes the gate: m = 3 units.
    assert_eq!(report["comparisons"], 3);
    // p = 1/6561 ≤ 1/10 · 1/3: k* = 1 at both levels.
    assert_eq!(
        report["cutoffs"],
        json!({ "clear": "1/30", "possible": "1/12" })
    );
    assert_eq!(
        report["insights"],
        json!([{
            "tier": "clear", "factor": { "kind": "habit", "id": "outside" }, "lag": 0,
            "with_days": 8, "without_days": 16,
            "ratings": [{ "rating": "exhaustion", "with_mean": 3.0, "without_mean": 6.0,
                          "difference": -3.0, "within_week_difference": -3.0, "p": "1/6561",
                          "weeks_consistent": 8, "weeks_with_both": 8 }],
            "text": X1_SENTENCE
        }])
    );
    let outside = factor(&report, "outside", 0);
    assert_eq!(outside["status"], "compared");
    assert_eq!(
        (
            outside["with_days"].clone(),
            outside["without_days"].clone()
        ),
        (json!(8), json!(16))
    );
    assert_eq!(outside["weeks_with_both"], 8);
    assert_eq!(
        verdicts(outside),
        [
            "exhaustion clear",
            "cynicism no_clear_difference",
            "efficacy no_clear_difference"
        ]
    );
    // No two check-ins are consecutive: no next-day pairs at all.
    let next = factor(&report, "outside", 1);
    assert_eq!(next["status"], "not_enough_data");
    assert_eq!(next["with_days"], 0);
    assert_eq!(factor(&report, "exercise", 0)["status"], "not_enough_data");

    let text = insights_text(&s, &[]);
    assert!(text.starts_with(&format!("{X1_SENTENCE}\n")), "{text}");
    assert!(text.contains("Lower on those days in 8 of the 8 weeks that had both kinds of days."));
    assert!(text.contains(CAVEAT));
    assert!(text.contains("3 comparisons made"));
    assert!(text.contains("Patterns in your entries from 2026-05-25 to 2026-11-22"));
    assert!(
        !text.contains("6561") && !text.contains("1/30"),
        "no p-value or cut-off: {text}"
    );
    assert!(!text.contains("Not clear yet"));
}

/// X2: Mon 5, Wed 5 (outside), Fri 6.
fn x2() -> Vec<Value> {
    mwf(|_, weekday| match weekday {
        WED => (5, Some(true)),
        MON => (5, Some(false)),
        _ => (6, Some(false)),
    })
}

#[test]
fn x2_the_half_point_line_is_inclusive_and_not_clear_yet() {
    let s = sandbox(&journal(x2(), vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(report["comparisons"], 3);
    // p = 385/6561 ≈ 0.059: over 1/30, under 1/12.
    assert_eq!(
        report["cutoffs"],
        json!({ "clear": "0", "possible": "1/12" })
    );
    let insight = &report["insights"][0];
    assert_eq!(insight["tier"], "possible");
    assert_eq!(insight["ratings"][0]["p"], "385/6561");
    assert_eq!(insight["ratings"][0]["difference"], -0.5);
    assert_eq!(insight["ratings"][0]["within_week_difference"], -0.5);
    assert_eq!(insight["ratings"][0]["with_mean"], 5.0);
    assert_eq!(insight["ratings"][0]["without_mean"], 5.5);
    assert_eq!(report["insights"].as_array().unwrap().len(), 1);
    assert_eq!(
        verdicts(factor(&report, "outside", 0))[0],
        "exhaustion possible"
    );

    // Shown only in the full view, under its heading; the summary is the E text.
    let text = insights_text(&s, &[]);
    assert!(
        text.starts_with("No clear patterns in the last 26 weeks."),
        "{text}"
    );
    let heading = text
        .find("Not clear yet — could be chance\n")
        .expect("heading");
    let sentence = text
        .find("On days you got outside (8 days), your exhaustion averaged 5.0; on days you didn't (16 days), 5.5.")
        .expect("the possible insight");
    assert!(heading < sentence);
    assert!(text.contains(CAVEAT));
    assert!(!text.contains("385"));
}

#[test]
fn x2_with_one_friday_lower_is_no_clear_difference() {
    // Week 0's Friday 5: m_B = 87/16, Δ = −7/16, under the half point.
    let days = mwf(|week, weekday| match (week, weekday) {
        (_, WED) => (5, Some(true)),
        (_, MON) | (0, FRI) => (5, Some(false)),
        _ => (6, Some(false)),
    });
    let s = sandbox(&journal(days, vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(report["insights"], json!([]));
    assert_eq!(
        verdicts(factor(&report, "outside", 0))[0],
        "exhaustion no_clear_difference"
    );
    let text = insights_text(&s, &["--all"]);
    assert!(
        text.contains("Got outside: no clear difference (8 days with, 16 without).\n"),
        "{text}"
    );
    assert!(text.starts_with("No clear patterns in the last 26 weeks."));
}

#[test]
fn x3_a_busy_stretch_does_not_fool_the_comparison() {
    // Weeks 0–3: exhaustion 3 every day, outside Mon and Wed. Weeks 4–7: exhaustion 7 every
    // day, outside on Wednesday only. Plain Δ = 13/3 − 17/3 = −4/3, but every c_g = 0.
    let days = mwf(|week, weekday| {
        let e = if week < 4 { 3 } else { 7 };
        let outside = weekday == WED || (week < 4 && weekday == MON);
        (e, Some(outside))
    });
    let s = sandbox(&journal(days, vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(report["insights"], json!([]));
    let outside = factor(&report, "outside", 0);
    assert_eq!(
        (
            outside["with_days"].clone(),
            outside["without_days"].clone()
        ),
        (json!(12), json!(12))
    );
    assert_eq!(verdicts(outside)[0], "exhaustion no_clear_difference");
    let text = insights_text(&s, &[]);
    assert!(text.starts_with(
        "No clear patterns in the last 26 weeks. That is a common, honest answer: most day-to-day \
         differences are too small to tell apart from chance in a few months of entries.\n"
    ), "{text}");
}

/// X4: Mon, Wed, Fri, Sat, Sun of weeks 0–3; outside exactly on the weekend (exhaustion 3),
/// not on weekdays (exhaustion 6).
fn x4() -> Vec<Value> {
    let mut days = Vec::new();
    for week in 0..4 {
        for weekday in [MON, WED, FRI, SAT, SUN] {
            let weekend = weekday >= SAT;
            days.push(day(
                date(week, weekday),
                if weekend { 3 } else { 6 },
                json!({ "outside": weekend }),
            ));
        }
    }
    days
}

#[test]
fn x4_weekends_are_not_a_habit() {
    let s = sandbox(&journal(x4(), vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    let outside = factor(&report, "outside", 0);
    assert_eq!(outside["status"], "not_enough_data");
    assert_eq!(
        (
            outside["with_days"].clone(),
            outside["without_days"].clone()
        ),
        (json!(8), json!(12))
    );
    assert_eq!(outside["weeks_with_both"], 0);
    assert_eq!(report["comparisons"], 0);
    assert_eq!(report["cutoffs"], json!({ "clear": "0", "possible": "0" }));
    let text = insights_text(&s, &["--all"]);
    assert!(
        text.contains("Got outside: not enough to compare yet — both kinds of days in 0 of the 4 weeks needed."),
        "{text}"
    );
}

#[test]
fn x4_with_no_days_off_compares_the_weekend_with_its_weekdays() {
    // Each week is one stratum of 5: {6, 6, 6, 3, 3} with the two 3s "with". 10 ways to pick 2;
    // only the observed pick is as far out: p = 1/10⁴. Δ = Δ_w = −3.
    let s = sandbox(&journal(x4(), vec![], vec![], json!({ "days_off": [] })));
    let report = insights_json(&s, &[]);
    assert_eq!(report["comparisons"], 3);
    let insight = &report["insights"][0];
    assert_eq!(insight["tier"], "clear");
    assert_eq!(insight["ratings"][0]["p"], "1/10000");
    assert_eq!(insight["ratings"][0]["within_week_difference"], -3.0);
    assert_eq!(insight["ratings"][0]["weeks_with_both"], 4);
    assert_eq!(
        insight["text"],
        "On days you got outside (8 days), your exhaustion averaged 3.0; on days you didn't (12 days), 6.0."
    );
}

/// X5: Mon–Fri of weeks 0–7; a rest block on Tuesdays only; exhaustion Mon 4, Tue 8, Wed 6,
/// Thu 4, Fri 4.
fn x5() -> Vec<Value> {
    let mut days = Vec::new();
    for week in 0..8 {
        for (weekday, e) in [(MON, 4), (TUE, 8), (WED, 6), (THU, 4), (FRI, 4)] {
            days.push(day(
                date(week, weekday),
                e,
                json!({ "rest_block": weekday == TUE }),
            ));
        }
    }
    days
}

#[test]
fn x5_rest_after_a_bad_day_is_clear_the_same_day_and_vetoed_the_next() {
    let s = sandbox(&journal(x5(), vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    // Same day and next day pass the gate: m = 6.
    assert_eq!(report["comparisons"], 6);
    let insights = report["insights"].as_array().unwrap();
    assert_eq!(insights.len(), 1, "{report:#}");
    let same_day = &insights[0];
    assert_eq!(same_day["tier"], "clear");
    assert_eq!(same_day["lag"], 0);
    assert_eq!(
        same_day["factor"],
        json!({ "kind": "habit", "id": "rest_block" })
    );
    // 8·(8 − 26/5) = 22.4 away; only the observed pick is that far: p = 1/5⁸.
    assert_eq!(same_day["ratings"][0]["p"], "1/390625");
    assert_eq!(same_day["ratings"][0]["with_mean"], 8.0);
    assert_eq!(same_day["ratings"][0]["without_mean"], 4.5);
    assert_eq!(
        same_day["text"],
        "On days you took a rest block (8 days), your exhaustion averaged 8.0; on days you didn't (32 days), 4.5."
    );
    // Next day: Wednesday (after the rest block) against Thursday and Friday of the week (x = 0
    // that day too): Δ_w = 2, p = 1/6561, but C^Δ = −2/3: vetoed.
    let next = factor(&report, "rest_block", 1);
    assert_eq!(
        (next["with_days"].clone(), next["without_days"].clone()),
        (json!(8), json!(24))
    );
    assert_eq!(
        verdicts(next),
        [
            "exhaustion not_counted",
            "cynicism no_clear_difference",
            "efficacy no_clear_difference"
        ]
    );
    let text = insights_text(&s, &["--all"]);
    assert!(text.contains(CAVEAT));
    assert!(text.contains(
        "The day after you took a rest block: not counted — exhaustion already differed on those days themselves (8.0 vs 4.7)."
    ), "{text}");
    assert!(text.contains("6 comparisons made"));
}

#[test]
fn the_gate_is_met_at_eight_days_each_side_and_four_weeks_and_missed_just_below() {
    // Mon–Fri of weeks 0–3, outside on Mondays and Tuesdays: 8 with, 12 without, 4 weeks mixed.
    // Monday and Tuesday are consecutive, so only the same day is looked at here.
    let build = |outside: &dyn Fn(u64, u64) -> bool| {
        let mut days = Vec::new();
        for week in 0..4 {
            for weekday in [MON, TUE, WED, THU, FRI] {
                days.push(day(
                    date(week, weekday),
                    5,
                    json!({ "outside": outside(week, weekday) }),
                ));
            }
        }
        journal(days, vec![], vec![], json!({}))
    };
    let met = sandbox(&build(&|_, d| d <= TUE));
    let report = insights_json(&met, &[]);
    let entry = factor(&report, "outside", 0);
    assert_eq!(entry["status"], "compared");
    assert_eq!(
        (entry["with_days"].clone(), entry["weeks_with_both"].clone()),
        (json!(8), json!(4))
    );

    // 7 days with.
    let few_with = sandbox(&build(&|w, d| d == MON || (d == TUE && w > 0)));
    assert_eq!(
        factor(&insights_json(&few_with, &[]), "outside", 0)["status"],
        "not_enough_data"
    );
    assert!(
        insights_text(&few_with, &["--all"])
            .contains("Got outside: not enough to compare yet — 7 of 8 days with.\n")
    );

    // 7 days without: every Wednesday, and Thursday of weeks 0–2.
    let few_without = sandbox(&build(&|w, d| !(d == WED || (d == THU && w < 3))));
    let text = insights_text(&few_without, &["--all"]);
    assert!(
        text.contains("Got outside: not enough to compare yet — 7 of 8 days without.\n"),
        "{text}"
    );

    // Every day of week 3 outside: only weeks 0–2 hold both kinds (11 with, 9 without).
    let three_weeks = sandbox(&build(&|w, d| w == 3 || d <= TUE));
    let report = insights_json(&three_weeks, &[]);
    let entry = factor(&report, "outside", 0);
    assert_eq!(entry["status"], "not_enough_data");
    assert_eq!(
        (entry["with_days"].clone(), entry["without_days"].clone()),
        (json!(11), json!(9))
    );
    assert!(insights_text(&three_weeks, &["--all"]).contains(
        "Got outside: not enough to compare yet — both kinds of days in 3 of the 4 weeks needed.\n"
    ));
}

#[test]
fn a_non_default_days_off_regroups_the_days() {
    // X1 with Wednesday as the only day off: every Wednesday (the "with" days) is alone in its
    // part of the week, so no stratum holds both kinds.
    let s = sandbox(&journal(
        x1(),
        vec![],
        vec![],
        json!({ "days_off": ["wednesday"] }),
    ));
    let report = insights_json(&s, &[]);
    assert_eq!(factor(&report, "outside", 0)["weeks_with_both"], 0);
    assert_eq!(report["insights"], json!([]));
    // Set from the command line, three-letter names too; an empty value means none.
    let s = sandbox(&journal(x4(), vec![], vec![], json!({})));
    s.cmd()
        .args(["settings", "days_off", "Wed"])
        .assert()
        .success();
    assert_eq!(s.journal()["settings"]["days_off"], json!(["wednesday"]));
    s.cmd()
        .args(["settings", "days_off", ""])
        .assert()
        .success();
    assert_eq!(s.journal()["settings"]["days_off"], json!([]));
    assert_eq!(
        insights_json(&s, &[])["insights"][0]["ratings"][0]["p"],
        "1/10000"
    );
    s.cmd()
        .args(["settings", "days_off", "sat,sun"])
        .assert()
        .success();
    assert_eq!(insights_json(&s, &[])["comparisons"], 0);
    let refused = s
        .cmd()
        .args(["settings", "days_off", "sat,caturday"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}

fn connection(id: &str, date: NaiveDate, person: &str, felt: &str) -> Value {
    json!({ "id": id, "date": date.to_string(), "person": person, "kind": "call",
            "initiated_by": "me", "felt": felt })
}

#[test]
fn a_person_is_one_key_whatever_the_spelling_and_shows_their_latest_name() {
    // X1's days without the habit; in touch with Sam on Wednesdays, spelled three ways.
    let days = mwf(|_, weekday| (if weekday == WED { 3 } else { 6 }, None));
    let spellings = ["SAM", "sam ", "Sam"];
    let mut connections: Vec<Value> = (0..8)
        .map(|w| {
            connection(
                &format!("c-{w}"),
                date(w, WED),
                spellings[w as usize % 3],
                "neutral",
            )
        })
        .collect();
    // Two on the latest day ("SAM" as c-0): the greater id's spelling names them, trimmed.
    connections.push(connection("c-9", date(0, WED), "  Sam  ", "neutral"));
    let s = sandbox(&journal(days, connections, vec![], json!({})));
    let report = insights_json(&s, &[]);
    let people: Vec<&Value> = report["factors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["factor"]["kind"] == "person")
        .collect();
    assert_eq!(people.len(), 2, "one person at two lags: {report:#}");
    assert_eq!(
        people[0]["factor"],
        json!({ "kind": "person", "id": "sam", "name": "Sam" })
    );
    assert_eq!(people[0]["with_days"], 8);
    assert_eq!(
        report["insights"][0]["text"],
        "On days you were in touch with Sam (8 days), your exhaustion averaged 3.0; on days you weren't (16 days), 6.0."
    );
    // Neutral contacts are not nourishing ones.
    assert_eq!(factor(&report, "nourishing", 0)["with_days"], 0);
}

#[test]
fn people_need_eight_contact_days_and_at_most_five_are_compared() {
    // Every Monday, Wednesday and Friday of weeks 0–7 (24 days). Six people with 8+ contact
    // days: Ana 12, Bo 11, Cy 10, Di 9, Ed 8, Fay 8 (Fay loses the tie to Ed by key); Gus has 7.
    let days = mwf(|_, _| (5, None));
    let all_days: Vec<NaiveDate> = (0..8)
        .flat_map(|w| [MON, WED, FRI].map(|d| date(w, d)))
        .collect();
    let mut connections = Vec::new();
    for (name, count) in [
        ("Fay", 8),
        ("Gus", 7),
        ("Ana", 12),
        ("Ed", 8),
        ("Bo", 11),
        ("Di", 9),
        ("Cy", 10),
    ] {
        for (i, d) in all_days.iter().take(count).enumerate() {
            connections.push(connection(&format!("{name}-{i}"), *d, name, "neutral"));
        }
    }
    let s = sandbox(&journal(days, connections, vec![], json!({})));
    let report = insights_json(&s, &[]);
    let people: Vec<String> = report["factors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["factor"]["kind"] == "person" && f["lag"] == 0)
        .map(|f| f["factor"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(people, ["Ana", "Bo", "Cy", "Di", "Ed"]);
}

#[test]
fn boundaries_count_archived_ones_ignore_unknown_ids_and_stop_at_eight() {
    // b-1 (archived) kept on Wednesdays, slipped on Mondays and Fridays; exhaustion 3 on
    // Wednesdays, 6 otherwise. b-2 … b-9 recorded on fewer days; "b-x" is no boundary.
    let mut days = Vec::new();
    for week in 0..8u64 {
        for weekday in [MON, WED, FRI] {
            let kept = weekday == WED;
            let mut boundaries =
                json!({ "b-1": if kept { "kept" } else { "slipped" }, "b-x": "kept" });
            // b-n (n = 2 … 9) is recorded on the first 11 − n of these check-ins' weeks.
            for n in 2..=9u64 {
                if week < 10 - n {
                    boundaries[format!("b-{n}")] = json!("kept");
                }
            }
            let mut check_in = day(date(week, weekday), if kept { 3 } else { 6 }, json!({}));
            check_in["boundaries"] = boundaries;
            days.push(check_in);
        }
    }
    let mut boundaries =
        vec![json!({ "id": "b-1", "text": "No email after 19:00", "archived": true })];
    // File order b-9 … b-2: ties would go by it, but every count differs.
    for n in (2..=9).rev() {
        boundaries.push(json!({ "id": format!("b-{n}"), "text": format!("Rule {n}") }));
    }
    let s = sandbox(&journal(days, vec![], boundaries, json!({})));
    let report = insights_json(&s, &[]);
    let ids: Vec<&str> = report["factors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["factor"]["kind"] == "boundary" && f["lag"] == 0)
        .map(|f| f["factor"]["id"].as_str().unwrap())
        .collect();
    // b-1: 24 records; b-n: 3·(10 − n); b-9 (3 records) is the ninth and is left out.
    assert_eq!(
        ids,
        ["b-1", "b-2", "b-3", "b-4", "b-5", "b-6", "b-7", "b-8"]
    );
    assert_eq!(
        report["insights"][0]["text"],
        "On days you kept “No email after 19:00” (8 days), your exhaustion averaged 3.0; on days it slipped (16 days), 6.0."
    );
    let text = insights_text(&s, &["--all"]);
    assert!(text.contains(
        "Kept “No email after 19:00” (archived): clear for exhaustion; no clear difference for cynicism and efficacy (8 days with, 16 without)."
    ), "{text}");
}

#[test]
fn entries_after_as_of_are_ignored() {
    let plain = sandbox(&journal(x1(), vec![], vec![], json!({})));
    let mut days = x1();
    // Four later days (the clock says 2026-11-23) that would change every figure.
    let later = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    days.push(day(later, 10, json!({ "outside": true, "exercise": true })));
    let connections = vec![connection("c-1", later, "Sam", "nourishing")];
    let more = sandbox(&journal(days, connections, vec![], json!({})));
    assert_eq!(insights_json(&plain, &[]), insights_json(&more, &[]));
    assert_eq!(
        insights_text(&plain, &["--all"]),
        insights_text(&more, &["--all"])
    );
    // Without --as-of, today is 2026-11-23 and the window moves.
    let output = more.cmd().args(["insights", "--json"]).output().unwrap();
    let today: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(today["today"], "2026-11-23");
}

#[test]
fn display_rounds_half_away_from_zero() {
    // Mondays (outside) and Wednesdays of weeks 0–7. With: 4 ×6, 5 ×2 = 34/8 = 4.25 → 4.3.
    // Without: 5 ×7, 4 ×1 = 39/8 = 4.875 → 4.9. Δ = Δ_w = −0.625 → −0.6 (meaningful).
    // Weeks 0–4 differ by one point each way: p = 2/2⁵ = 1/16, within 1/12: not clear yet.
    let mut days = Vec::new();
    for week in 0..8 {
        let (with, without) = match week {
            0..=4 => (4, 5),
            5 | 6 => (5, 5),
            _ => (4, 4),
        };
        days.push(day(date(week, MON), with, json!({ "outside": true })));
        days.push(day(date(week, WED), without, json!({ "outside": false })));
    }
    let s = sandbox(&journal(days, vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    let rating = &report["insights"][0]["ratings"][0];
    assert_eq!(report["insights"][0]["tier"], "possible");
    assert_eq!(rating["p"], "1/16");
    assert_eq!(
        (rating["with_mean"].clone(), rating["without_mean"].clone()),
        (json!(4.3), json!(4.9))
    );
    assert_eq!(rating["difference"], -0.6);
    let text = insights_text(&s, &[]);
    assert!(text.contains(
        "On days you got outside (8 days), your exhaustion averaged 4.3; on days you didn't (8 days), 4.9."
    ), "{text}");
}

#[test]
fn usage_errors_and_an_empty_journal() {
    let s = Sandbox::new();
    let output = s.cmd().args(["insights"]).output().unwrap();
    assert!(output.status.success());
    assert!(stdout_of(&output).starts_with("No clear patterns in the last 26 weeks."));
    for args in [
        &["insights", "--weeks", "7"][..],
        &["insights", "--weeks", "53"],
        &["insights", "--as-of", "2026-11-24"],
        &["insights", "--as-of", "22/11/2026"],
    ] {
        let output = s.cmd().args(args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr_of(&output)
        );
    }
    let output = s
        .cmd()
        .args(["insights", "--weeks", "8", "--json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report["window"],
        json!({ "weeks": 8, "from": "2026-09-29", "to": "2026-11-23" })
    );
}

#[test]
fn sleep_of_seven_hours_counts_and_has_its_own_sentence() {
    // 7.0 h before Wednesdays (exhaustion 3), 6.9 h before Mondays and Fridays (exhaustion 6).
    let days: Vec<Value> = mwf(|_, weekday| (if weekday == WED { 3 } else { 6 }, None))
        .into_iter()
        .map(|mut d| {
            let wednesday = d["exhaustion"] == 3;
            d["habits"] = json!({ "sleep_hours": if wednesday { 7.0 } else { 6.9 } });
            d
        })
        .collect();
    let s = sandbox(&journal(days, vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(report["insights"][0]["factor"], json!({ "kind": "sleep" }));
    assert_eq!(
        report["insights"][0]["text"],
        "After nights of 7 h or more (8 days), your exhaustion averaged 3.0; after shorter nights (16 days), 6.0."
    );
    // Sleep is the night before: same day only.
    let lags: Vec<&Value> = report["factors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["factor"]["kind"] == "sleep")
        .map(|f| &f["lag"])
        .collect();
    assert_eq!(lags, [&json!(0)]);
}

#[test]
fn two_clear_ratings_share_one_sentence_and_raise_the_cutoff() {
    // X1 with cynicism 2 on Wednesdays and 5 otherwise: two p = 1/6561 among m = 3, so
    // k*(1/10) = 2 and the clear cut-off is 1/10 · 2/3 = 1/15.
    let days: Vec<Value> = x1()
        .into_iter()
        .map(|mut d| {
            d["cynicism"] = json!(if d["exhaustion"] == 3 { 2 } else { 5 });
            d
        })
        .collect();
    let s = sandbox(&journal(days, vec![], vec![], json!({})));
    let report = insights_json(&s, &[]);
    assert_eq!(
        report["cutoffs"],
        json!({ "clear": "1/15", "possible": "1/6" })
    );
    let insights = report["insights"].as_array().unwrap();
    assert_eq!(insights.len(), 1);
    assert_eq!(
        insights[0]["text"],
        "On days you got outside (8 days) vs days you didn't (16): exhaustion 3.0 vs 6.0, cynicism 2.0 vs 5.0."
    );
    let text = insights_text(&s, &[]);
    assert!(text.contains(
        "    Exhaustion: lower on those days in 8 of the 8 weeks that had both kinds of days.\n"
    ));
    assert!(text.contains(
        "    Cynicism: lower on those days in 8 of the 8 weeks that had both kinds of days.\n"
    ));
}
