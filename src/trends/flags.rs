//! The five gentle flags of docs/SCORING.md: each with its kind, the evidence in numbers and one
//! suggestion drawn from recovery practice.
//!
//! Pure: takes the journal and "today", never reads the clock or the disk. Every rule is decided
//! on exact integers (a day's composite ≥ 90 ⇔ S ≥ 27; a week's ≥ 50 is `Band::High` or above,
//! decided from ΣS). Flags that count check-ins are conservative on sparse journals: fewer than
//! 8 check-ins in 14 days can never raise `sustained_exhaustion`. The words are never clinical
//! and carry no exclamation marks.

use super::figures::last_nourishing;
use super::weeks::weekly_sums;
use super::{check_ins_until, connections_until, first_of_last, within_last};
use crate::journal::{CheckIn, Felt, Journal, Outcome};
use crate::scoring::{Band, Sums, composite, fmt1, strain, week_start};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Exhaustion at or above this rating counts as an exhausting day.
const EXHAUSTED_AT: u8 = 7;
const EXHAUSTION_WINDOW_DAYS: u64 = 14;
const EXHAUSTED_DAYS_NEEDED: usize = 8;
/// Sleep of at least this many hours is shown as rest in the evidence.
const RESTFUL_SLEEP_HOURS: f64 = 7.0;
/// A day's composite ≥ 90 ⇔ 10·S/3 ≥ 90 ⇔ S ≥ 27.
const SUPPORT_DAY_STRAIN: u32 = 27;
const SUPPORT_DAY_WINDOW: u64 = 7;
pub(super) const ISOLATION_MIN_DAYS: usize = 7;
const ISOLATION_WINDOW_DAYS: u64 = 7;
const SLIP_WINDOW_DAYS: u64 = 28;
const SLIP_LAST_RECORDS: usize = 7;
const SLIPS_NEEDED: usize = 4;

/// What a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    SustainedExhaustion,
    PersistentStrain,
    SeekSupport,
    Isolation,
    BoundarySlipping,
}

impl FlagKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::SustainedExhaustion => "sustained_exhaustion",
            FlagKind::PersistentStrain => "persistent_strain",
            FlagKind::SeekSupport => "seek_support",
            FlagKind::Isolation => "isolation",
            FlagKind::BoundarySlipping => "boundary_slipping",
        }
    }

    /// A short heading for people, in plain words.
    pub fn title(self) -> &'static str {
        match self {
            FlagKind::SustainedExhaustion => "Exhaustion has stayed high",
            FlagKind::PersistentStrain => "Strain has stayed high for two weeks",
            FlagKind::SeekSupport => "Support could help",
            FlagKind::Isolation => "Few nourishing contacts lately",
            FlagKind::BoundarySlipping => "A boundary keeps slipping",
        }
    }
}

/// A raised flag: what, the numbers behind it, and one thing to try.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub evidence: String,
    pub suggestion: String,
}

/// Every flag raised as of `today`, in the order of docs/SCORING.md's table; `boundary_slipping`
/// once per boundary, by id.
pub fn flags(journal: &Journal, today: NaiveDate) -> Vec<Flag> {
    flags_with(journal, today, &weekly_sums(journal, today))
}

pub(super) fn flags_with(
    journal: &Journal,
    today: NaiveDate,
    weekly: &BTreeMap<NaiveDate, Sums>,
) -> Vec<Flag> {
    let complete = complete_weeks(journal, today, weekly);
    let mut flags = Vec::new();
    flags.extend(sustained_exhaustion(journal, today));
    flags.extend(persistent_strain(&complete));
    flags.extend(seek_support(journal, today, &complete));
    flags.extend(isolation(journal, today));
    flags.extend(
        boundary_slipping(journal, today)
            .into_iter()
            .map(|(_, flag)| flag),
    );
    flags
}

/// The three weeks before the current one, most recent first, with their exact sums.
fn complete_weeks(
    journal: &Journal,
    today: NaiveDate,
    weekly: &BTreeMap<NaiveDate, Sums>,
) -> Vec<(NaiveDate, Sums)> {
    let current = week_start(today, journal.settings.week_start());
    (1..=3u64)
        .filter_map(|back| current.checked_sub_days(Days::new(7 * back)))
        .map(|start| (start, weekly.get(&start).copied().unwrap_or_default()))
        .collect()
}

/// Whether a week's composite is 50 or more, decided exactly (ΣS ≥ 15·n) by its band.
fn high(sums: &Sums) -> bool {
    sums.week_means().is_some_and(|m| m.band >= Band::High)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn sustained_exhaustion(journal: &Journal, today: NaiveDate) -> Option<Flag> {
    let recent: Vec<&CheckIn> = check_ins_until(journal, today)
        .filter(|c| within_last(EXHAUSTION_WINDOW_DAYS, c.date, today))
        .collect();
    let exhausted: Vec<&&CheckIn> = recent
        .iter()
        .filter(|c| c.exhaustion.get() >= EXHAUSTED_AT)
        .collect();
    if exhausted.len() < EXHAUSTED_DAYS_NEEDED {
        return None;
    }
    // Rest is evidence shown, never a condition of the flag.
    let rested = exhausted
        .iter()
        .filter(|c| {
            c.habits.rest_block == Some(true)
                || c.habits
                    .sleep_hours
                    .is_some_and(|h| h >= RESTFUL_SLEEP_HOURS)
        })
        .count();
    let rest = match rested {
        0 => "None of those days has a rest block or 7 h+ sleep logged.".to_string(),
        n => format!("On {n} of those days you also logged a rest block or 7 h+ sleep."),
    };
    Some(Flag {
        kind: FlagKind::SustainedExhaustion,
        evidence: format!(
            "Exhaustion {EXHAUSTED_AT} or more on {} of the last {EXHAUSTION_WINDOW_DAYS} days ({}). {rest}",
            exhausted.len(),
            plural(recent.len(), "check-in", "check-ins"),
        ),
        suggestion: "Rest that is scheduled, not earned: put a real rest block in the next few \
                     days, and tell someone you trust how tired you have been."
            .to_string(),
    })
}

fn week_figure(start: NaiveDate, sums: &Sums) -> String {
    format!(
        "{} in the week of {start} ({})",
        fmt1(sums.means().composite),
        plural(sums.count as usize, "check-in", "check-ins")
    )
}

fn persistent_strain(complete: &[(NaiveDate, Sums)]) -> Option<Flag> {
    let last_two = complete.get(..2)?;
    if !last_two.iter().all(|(_, sums)| high(sums)) {
        return None;
    }
    let figures: Vec<String> = last_two
        .iter()
        .rev()
        .map(|(start, sums)| week_figure(*start, sums))
        .collect();
    Some(Flag {
        kind: FlagKind::PersistentStrain,
        evidence: format!(
            "Composite 50 or more two weeks running: {}.",
            figures.join(", then ")
        ),
        suggestion: "Look at workload and boundaries: what could be dropped, delayed or handed \
                     over? Reach out to someone about how the last weeks have been."
            .to_string(),
    })
}

fn seek_support(
    journal: &Journal,
    today: NaiveDate,
    complete: &[(NaiveDate, Sums)],
) -> Option<Flag> {
    let mut evidence = Vec::new();
    if complete.len() == 3 && complete.iter().all(|(_, sums)| high(sums)) {
        let figures: Vec<String> = complete
            .iter()
            .rev()
            .map(|(start, sums)| week_figure(*start, sums))
            .collect();
        evidence.push(format!(
            "Composite 50 or more three weeks running: {}.",
            figures.join(", ")
        ));
    }
    let mut heavy_days: Vec<&CheckIn> = check_ins_until(journal, today)
        .filter(|c| {
            within_last(SUPPORT_DAY_WINDOW, c.date, today) && strain(c) >= SUPPORT_DAY_STRAIN
        })
        .collect();
    heavy_days.sort_by_key(|c| (c.date, strain(c)));
    if !heavy_days.is_empty() {
        let days: Vec<String> = heavy_days
            .iter()
            .map(|c| format!("{} ({})", c.date, fmt1(composite(c))))
            .collect();
        evidence.push(format!(
            "Composite 90 or more on {} in the last {SUPPORT_DAY_WINDOW} days: {}.",
            plural(heavy_days.len(), "day", "days"),
            days.join(", ")
        ));
    }
    if evidence.is_empty() {
        return None;
    }
    Some(Flag {
        kind: FlagKind::SeekSupport,
        evidence: evidence.join(" "),
        suggestion: format!(
            "Consider talking with a therapist, coach or doctor about how work has been. {}",
            journal.settings.support_text.trim()
        ),
    })
}

/// The `isolation` flag alone, for the Connections screen.
pub fn isolation(journal: &Journal, today: NaiveDate) -> Option<Flag> {
    let days: BTreeSet<NaiveDate> = check_ins_until(journal, today).map(|c| c.date).collect();
    if days.len() < ISOLATION_MIN_DAYS {
        return None;
    }
    let recent_nourishing = connections_until(journal, today)
        .any(|c| c.felt == Felt::Nourishing && within_last(ISOLATION_WINDOW_DAYS, c.date, today));
    if recent_nourishing {
        return None;
    }
    let last = match last_nourishing(journal, today) {
        Some(c) => format!(
            "last: {}, {} ago",
            c.person.trim(),
            plural((today - c.date).num_days() as usize, "day", "days")
        ),
        None => "none logged yet".to_string(),
    };
    Some(Flag {
        kind: FlagKind::Isolation,
        evidence: format!(
            "No nourishing connection logged in {ISOLATION_WINDOW_DAYS} days ({last})."
        ),
        suggestion: isolation_suggestion(&crate::stay_close::safe_people(
            &journal.people,
            &journal.connections,
            today,
        )),
    })
}

/// The isolation suggestion, naming up to two people with a cadence when there are any (the
/// "stay close" issue, rule 8): "Reach out to one safe person — Sam or Priya; …".
fn isolation_suggestion(names: &[String]) -> String {
    let who = match names {
        [] => String::new(),
        [one] => format!(" — {one}"),
        [first, second, ..] => format!(" — {first} or {second}"),
    };
    format!("Reach out to one safe person{who}; a short message or a few minutes together counts.")
}

/// The `boundary_slipping` flags, each with the id of the boundary it concerns, so the Boundaries
/// screen can show it beside that boundary.
pub fn boundary_slipping(journal: &Journal, today: NaiveDate) -> Vec<(String, Flag)> {
    let mut active: Vec<_> = journal.active_boundaries().collect();
    active.sort_by(|a, b| a.id.cmp(&b.id));
    let since = first_of_last(SLIP_WINDOW_DAYS, today);
    active
        .into_iter()
        .filter_map(|boundary| {
            let mut records: Vec<(NaiveDate, Outcome)> = check_ins_until(journal, today)
                .filter(|c| c.date >= since)
                .filter_map(|c| c.boundaries.get(boundary.id.as_str()).map(|o| (c.date, *o)))
                .collect();
            // Newest first; a (hand-edited) repeated date puts "slipped" first, by value.
            records.sort_by_key(|&(date, outcome)| {
                (std::cmp::Reverse(date), outcome == Outcome::Kept)
            });
            records.truncate(SLIP_LAST_RECORDS);
            let slipped = records
                .iter()
                .filter(|(_, o)| *o == Outcome::Slipped)
                .count();
            (slipped >= SLIPS_NEEDED).then(|| {
                let flag = Flag {
                    kind: FlagKind::BoundarySlipping,
                    evidence: format!(
                        "\"{}\": slipped {slipped} of the last {} you recorded it.",
                        boundary.text.trim(),
                        plural(records.len(), "time", "times")
                    ),
                    suggestion: "Revisit the boundary or the demand behind it: is the rule still \
                             right for you, and what keeps pushing it aside?"
                        .to_string(),
                };
                (boundary.id.clone(), flag)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::journal::CheckIn;

    const TODAY: &str = "2026-11-26"; // a Thursday; the current week started Monday 11-23

    /// A journal with a nourishing contact today, so `isolation` stays quiet unless a test
    /// replaces the connections.
    fn journal(check_ins: Vec<CheckIn>) -> Journal {
        let mut journal = super::super::test_support::journal(check_ins);
        journal.connections = vec![connection("c-0", d(TODAY), "Sam", Felt::Nourishing)];
        journal
    }

    fn kinds(journal: &Journal) -> Vec<FlagKind> {
        flags(journal, d(TODAY)).iter().map(|f| f.kind).collect()
    }

    /// Check-ins on the given days back from today, with exhaustion `e` and nothing else high
    /// (C 0, F 10: S = e, composite well under 50).
    fn exhausted_on(days_back: &[u64], e: u8) -> Vec<CheckIn> {
        days_back
            .iter()
            .map(|&b| check_in(ago(d(TODAY), b), e, 0, 10))
            .collect()
    }

    #[test]
    fn sustained_exhaustion_needs_8_exhausting_days_of_the_last_14() {
        // E 7 on 8 of the days 0..=13 back (and one E 6 day: 9 check-ins) → raised.
        let mut check_ins = exhausted_on(&[0, 1, 2, 3, 5, 8, 11, 13], 7);
        check_ins.push(check_in(ago(d(TODAY), 4), 6, 0, 10));
        check_ins[0].habits.rest_block = Some(true);
        check_ins[1].habits.sleep_hours = Some(7.0);
        check_ins[2].habits.sleep_hours = Some(6.9);
        check_ins[3].habits.rest_block = Some(false);
        let raised = flags(&journal(check_ins.clone()), d(TODAY));
        assert_eq!(raised.len(), 1);
        assert_eq!(
            raised[0].evidence,
            "Exhaustion 7 or more on 8 of the last 14 days (9 check-ins). On 2 of those days you \
             also logged a rest block or 7 h+ sleep."
        );
        // Move the oldest exhausting day to 14 days back (outside the window): 7 of 14, none.
        check_ins[7].date = ago(d(TODAY), 14);
        assert_eq!(kinds(&journal(check_ins)), vec![]);
    }

    #[test]
    fn seven_exhausting_check_ins_never_raise_sustained_exhaustion() {
        // A sparse journal: only 7 check-ins in 14 days, all at E 10.
        assert_eq!(
            kinds(&journal(exhausted_on(&[0, 2, 4, 6, 8, 10, 12], 10))),
            vec![]
        );
    }

    /// Weeks back from the current one (1 = last complete week) with 3 check-ins of strain `s`.
    fn weeks_of(strains_by_week: &[(u64, u8)]) -> Vec<CheckIn> {
        let current = d("2026-11-23");
        strains_by_week
            .iter()
            .flat_map(|&(back, s)| {
                let start = ago(current, 7 * back);
                (0..3).map(move |i| with_strain(start.checked_add_days(Days::new(i)).unwrap(), s))
            })
            .collect()
    }

    #[test]
    fn persistent_strain_needs_the_last_two_complete_weeks_at_50() {
        // S 15 ×3 = 50.0 exactly (ΣS 45 ≥ 15·3), then S 16 ×3 = 53.3.
        let raised = flags(&journal(weeks_of(&[(2, 15), (1, 16)])), d(TODAY));
        assert_eq!(
            raised.iter().map(|f| f.kind).collect::<Vec<_>>(),
            vec![FlagKind::PersistentStrain]
        );
        assert_eq!(
            raised[0].evidence,
            "Composite 50 or more two weeks running: 50.0 in the week of 2026-11-09 (3 check-ins), \
             then 53.3 in the week of 2026-11-16 (3 check-ins)."
        );
        // 14, 15, 15 = ΣS 44 < 45: 48.9, not raised.
        let mut check_ins = weeks_of(&[(2, 15), (1, 16)]);
        check_ins[0] = with_strain(check_ins[0].date, 14);
        assert_eq!(kinds(&journal(check_ins)), vec![]);
        // A high current week does not count: it is not complete.
        assert_eq!(kinds(&journal(weeks_of(&[(1, 16), (0, 16)]))), vec![]);
        // A complete week with 2 check-ins has no means, so it is not "50 or more".
        let mut check_ins = weeks_of(&[(2, 16), (1, 16)]);
        check_ins.remove(0);
        assert_eq!(kinds(&journal(check_ins)), vec![]);
    }

    #[test]
    fn seek_support_after_three_complete_weeks_at_50() {
        let raised = flags(&journal(weeks_of(&[(3, 15), (2, 15), (1, 15)])), d(TODAY));
        assert_eq!(
            raised.iter().map(|f| f.kind).collect::<Vec<_>>(),
            vec![FlagKind::PersistentStrain, FlagKind::SeekSupport]
        );
        assert_eq!(
            raised[1].evidence,
            "Composite 50 or more three weeks running: 50.0 in the week of 2026-11-02 (3 check-ins), \
             50.0 in the week of 2026-11-09 (3 check-ins), 50.0 in the week of 2026-11-16 (3 check-ins)."
        );
        // Two of three: only persistent strain.
        assert_eq!(
            kinds(&journal(weeks_of(&[(3, 14), (2, 15), (1, 15)]))),
            vec![FlagKind::PersistentStrain]
        );
    }

    #[test]
    fn seek_support_on_one_day_at_90_in_the_last_7_shows_the_support_text() {
        // S 27 (10, 10, F 3) is exactly 90.0; S 26 is 86.7; 7 days back is outside the window.
        let mut journal = journal(vec![with_strain(ago(d(TODAY), 6), 27)]);
        journal.settings.support_text = "Call Alex, or 116 123 (Samaritans).".to_string();
        let raised = flags(&journal, d(TODAY));
        assert_eq!(raised.len(), 1);
        assert_eq!(raised[0].kind, FlagKind::SeekSupport);
        assert_eq!(
            raised[0].evidence,
            "Composite 90 or more on 1 day in the last 7 days: 2026-11-20 (90.0)."
        );
        assert!(
            raised[0]
                .suggestion
                .ends_with("Call Alex, or 116 123 (Samaritans).")
        );
        journal.check_ins = vec![with_strain(ago(d(TODAY), 6), 26)];
        assert_eq!(kinds(&journal), vec![]);
        journal.check_ins = vec![with_strain(ago(d(TODAY), 7), 30)];
        assert_eq!(kinds(&journal), vec![]);
    }

    #[test]
    fn isolation_needs_seven_check_in_days_and_a_quiet_week() {
        // Seven distinct check-in days (calm ones), a nourishing contact 7 days ago (outside the
        // last 7 days, which are today−6 … today).
        let mut journal = journal(exhausted_on(&[0, 1, 2, 3, 4, 5, 30], 1));
        journal.connections = vec![
            connection("c-1", ago(d(TODAY), 7), "Sam", Felt::Nourishing),
            connection("c-2", ago(d(TODAY), 1), "Ana", Felt::Draining),
        ];
        let raised = flags(&journal, d(TODAY));
        assert_eq!(raised.len(), 1);
        assert_eq!(
            raised[0].evidence,
            "No nourishing connection logged in 7 days (last: Sam, 7 days ago)."
        );
        // Six check-in days: too little to say anything.
        let mut sparse = journal.clone();
        sparse.check_ins.pop();
        assert_eq!(kinds(&sparse), vec![]);
        // A nourishing contact 6 days ago is within the last 7 days.
        journal.connections[0].date = ago(d(TODAY), 6);
        assert_eq!(kinds(&journal), vec![]);
        // Never any nourishing contact.
        journal.connections.clear();
        assert_eq!(
            flags(&journal, d(TODAY))[0].evidence,
            "No nourishing connection logged in 7 days (none logged yet)."
        );
    }

    #[test]
    fn isolation_names_up_to_two_people_with_a_cadence_and_nothing_else_changes() {
        use crate::journal::Person;
        let mut journal = journal(exhausted_on(&[0, 1, 2, 3, 4, 5, 30], 1));
        journal.connections = vec![connection("c-1", ago(d(TODAY), 9), "Sam", Felt::Nourishing)];
        let before = flags(&journal, d(TODAY));
        assert_eq!(
            before[0].suggestion,
            "Reach out to one safe person; a short message or a few minutes together counts."
        );
        let mut person = |id: &str, name: &str, every: Option<u16>| {
            let mut p = Person::new(id.into(), name.into(), ago(d(TODAY), 100));
            p.every_days = every;
            journal.people.push(p);
        };
        person("p-1", "Sam", Some(14));
        person("p-2", "Priya", Some(30));
        person("p-3", "Bo", None);
        person("p-4", "Ana", Some(60));
        let after = flags(&journal, d(TODAY));
        assert_eq!(
            after[0].suggestion,
            "Reach out to one safe person — Priya or Ana; a short message or a few minutes together counts."
        );
        // Only the suggestion differs: same kinds, same evidence.
        assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            assert_eq!((b.kind, &b.evidence), (a.kind, &a.evidence));
        }
    }

    fn slipping_journal(outcomes_newest_first: &[(u64, Outcome)], archived: bool) -> Journal {
        let mut journal = journal(vec![]);
        journal.boundaries = vec![boundary("b-1", "No work email after 19:00", archived)];
        for &(back, outcome) in outcomes_newest_first {
            let mut c = check_in(ago(d(TODAY), back), 1, 1, 9);
            record(&mut c, "b-1", outcome);
            journal.check_ins.push(c);
        }
        journal
    }

    #[test]
    fn boundary_slipping_on_4_of_the_last_7_records() {
        use Outcome::{Kept as K, Slipped as S};
        let records = [(0, S), (1, K), (2, S), (3, K), (5, S), (8, K), (20, S)];
        let raised = flags(&slipping_journal(&records, false), d(TODAY));
        assert_eq!(raised.len(), 1);
        assert_eq!(
            raised[0].evidence,
            "\"No work email after 19:00\": slipped 4 of the last 7 times you recorded it."
        );
        // Archived: never flags.
        assert_eq!(kinds(&slipping_journal(&records, true)), vec![]);
        // 3 of 7.
        let three = [(0, S), (1, K), (2, S), (3, K), (5, S), (8, K), (20, K)];
        assert_eq!(kinds(&slipping_journal(&three, false)), vec![]);
        // An 8th, older slip in the window is not among the last 7 records: 3 of 7 still.
        let eighth = [
            (0, S),
            (1, K),
            (2, S),
            (3, K),
            (5, S),
            (8, K),
            (20, K),
            (21, S),
        ];
        assert_eq!(kinds(&slipping_journal(&eighth, false)), vec![]);
        // 4 of 4 recorded, but the 4th slip was 28 days ago: outside the 28 days, 3 of 3.
        let old = [(0, S), (1, S), (2, S), (28, S)];
        assert_eq!(kinds(&slipping_journal(&old, false)), vec![]);
        let in_window = [(0, S), (1, S), (2, S), (27, S)];
        assert_eq!(
            flags(&slipping_journal(&in_window, false), d(TODAY))[0].evidence,
            "\"No work email after 19:00\": slipped 4 of the last 4 times you recorded it."
        );
    }

    #[test]
    fn no_flag_text_has_an_exclamation_mark_or_a_clinical_word() {
        let mut journal = journal(weeks_of(&[(3, 30), (2, 30), (1, 30)]));
        journal
            .check_ins
            .extend(exhausted_on(&[0, 1, 2, 3, 4, 5], 10));
        journal.boundaries = vec![boundary("b-1", "Lunch outside", false)];
        journal.connections.clear();
        for c in journal.check_ins.iter_mut() {
            record(c, "b-1", Outcome::Slipped);
        }
        let raised = flags(&journal, d(TODAY));
        assert_eq!(raised.len(), 5, "{raised:#?}");
        for flag in raised {
            let text = format!(
                "{} {} {}",
                flag.kind.title(),
                flag.evidence,
                flag.suggestion
            )
            .to_lowercase();
            for word in ["!", "symptom", "disorder", "severe", "diagnos", "burnout"] {
                assert!(!text.contains(word), "{word:?} in {text:?}");
            }
        }
    }
}
