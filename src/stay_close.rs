//! Stay close: gentle reach-out suggestions for the people the user chose, from the connection
//! log they already keep (the "stay close" issue).
//!
//! Pure: takes the people, the connections, the check-ins and "today"; never reads the clock,
//! the disk or the terminal. The rules, each enforced here and tested below:
//!
//! 1. Only people with a cadence, not paused (through `paused_until` inclusive), not archived,
//!    and past due: last contact + cadence < today. The last contact is the latest connection
//!    with them of any kind, felt value or initiator, matched by name or alias (trimmed, any
//!    case); with no contact yet the cadence counts from `since`.
//! 2. Never someone whose last 90 days hold 3 or more contacts of which half or more felt
//!    draining, unless the user answered the question about them with "keep"; until they
//!    answer, the question is listed in `StayClose::questions` (asked once: any answer is kept).
//! 3. At most 3 names shown, ranked by days past due ÷ cadence (compared exactly by cross
//!    multiplication), then name; the rest are counted ("and N more").
//! 4. On a hard day (today's exhaustion 7 or more, or the `sustained_exhaustion` rule met) one
//!    name and the smallest step.
//! 5. Invitational wording only (see `tests::copy_never_uses_pressure_words`).
//! 7. Without any setup, someone with 2 or more nourishing contacts in the last year and none
//!    in the last 60 days may be mentioned: at most one such name at a time, a different one
//!    each week (the candidates take turns by week), never someone paused or archived.
//!
//! Nothing here ranks or scores people beyond ordering who is furthest past the rhythm the
//! user chose.

use crate::journal::{CheckIn, Connection, DrainingAnswer, Felt, Person, match_key};
use chrono::{Days, NaiveDate};
use std::collections::BTreeMap;

/// Contacts within this many days decide rule 2.
pub const DRAINING_WINDOW_DAYS: u64 = 90;
/// Rule 2 needs at least this many contacts in the window.
pub const DRAINING_MIN_CONTACTS: usize = 3;
/// Names shown at once on an ordinary day.
pub const SHOWN_AT_MOST: usize = 3;
/// Today's exhaustion at or above this makes a hard day (the `sustained_exhaustion` threshold).
pub const HARD_DAY_EXHAUSTION: u8 = 7;
/// Rule 7: nourishing contacts needed in the last year, and the quiet days since the last one.
pub const UNMENTIONED_NOURISHING: usize = 2;
pub const UNMENTIONED_YEAR_DAYS: u64 = 365;
pub const UNMENTIONED_QUIET_DAYS: u64 = 60;
/// Dismissing a rule-7 mention pauses that person this many days.
pub const DISMISS_DAYS: u64 = 90;
/// "Pause" from the TUI list, and the pause chosen when answering the draining question.
pub const PAUSE_DAYS: u64 = 7;

/// The smallest step, shown on a hard day.
pub const SMALL_STEP: &str = "A two-line 'thinking of you' counts.";

/// Why a name is suggested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A chosen cadence has passed.
    Cadence {
        every_days: u16,
        /// Days since the last contact, or since `since` when there was none.
        days_since: i64,
        /// Whether `days_since` counts from a contact (false: from when they were added).
        from_contact: bool,
        days_past_due: i64,
    },
    /// Rule 7: someone nourishing not mentioned for a while, with no setup.
    Unmentioned,
}

/// One suggestion: who, why, and the line to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nudge {
    /// The person's id, when they are in `people`.
    pub person_id: Option<String>,
    pub name: String,
    pub reason: Reason,
    /// "Sam — about 3 weeks since you last talked (you hoped about every 2)."
    pub line: String,
}

/// The question rule 2 asks once instead of suggesting someone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub person_id: String,
    pub name: String,
    /// "Keep a reach-out reminder for Sam? Recent contacts felt draining more often than not."
    pub line: String,
}

/// Everything the stay-close views show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StayClose {
    /// Every suggestion, ranked (cadences first by how far past the rhythm, then a rule-7
    /// mention).
    pub nudges: Vec<Nudge>,
    pub hard_day: bool,
    pub questions: Vec<Question>,
    /// Whether anyone active has a cadence (else the views show how to set one up).
    pub any_cadence: bool,
}

impl StayClose {
    /// How many names to show at once: 3, or 1 on a hard day.
    pub fn limit(&self) -> usize {
        if self.hard_day { 1 } else { SHOWN_AT_MOST }
    }

    /// The names to show now.
    pub fn shown(&self) -> &[Nudge] {
        &self.nudges[..self.nudges.len().min(self.limit())]
    }

    /// How many more there are beyond `shown`.
    pub fn more(&self) -> usize {
        self.nudges.len() - self.shown().len()
    }

    /// The small-step line, on a hard day with someone to suggest.
    pub fn small_step(&self) -> Option<&'static str> {
        (self.hard_day && !self.nudges.is_empty()).then_some(SMALL_STEP)
    }

    /// Whether there is nothing to show (no panel, no segment).
    pub fn is_empty(&self) -> bool {
        self.nudges.is_empty() && self.questions.is_empty()
    }
}

/// The ranked suggestions for `today` (rules 1–3 and 7; apply `StayClose::shown` for rule 3's
/// and rule 4's limits).
pub fn reach_out(
    people: &[Person],
    connections: &[Connection],
    check_ins: &[CheckIn],
    today: NaiveDate,
) -> Vec<Nudge> {
    stay_close(people, connections, check_ins, today).nudges
}

/// Suggestions, questions and whether today is a hard day.
pub fn stay_close(
    people: &[Person],
    connections: &[Connection],
    check_ins: &[CheckIn],
    today: NaiveDate,
) -> StayClose {
    let past: Vec<&Connection> = connections.iter().filter(|c| c.date <= today).collect();
    let mut ranked: Vec<(i64, u16, Nudge)> = Vec::new();
    let mut questions = Vec::new();
    let mut any_cadence = false;
    for person in people.iter().filter(|p| !p.archived) {
        let Some(every) = person.every_days else {
            continue;
        };
        any_cadence = true;
        if person.paused_on(today) {
            continue;
        }
        let theirs: Vec<&Connection> = past
            .iter()
            .copied()
            .filter(|c| person.matches(&c.person))
            .collect();
        if draining(&theirs, today) {
            match person.draining_answer {
                Some(DrainingAnswer::Keep) => {}
                Some(DrainingAnswer::Pause | DrainingAnswer::Remove) => continue,
                None => {
                    questions.push(Question {
                        person_id: person.id.clone(),
                        name: display(&person.name),
                        line: question_line(&person.name),
                    });
                    continue;
                }
            }
        }
        let Some(status) = cadence_status(person, &theirs, today) else {
            continue;
        };
        if status.days_past_due <= 0 {
            continue;
        }
        let reason = Reason::Cadence {
            every_days: every,
            days_since: status.days_since,
            from_contact: status.from_contact,
            days_past_due: status.days_past_due,
        };
        ranked.push((
            status.days_past_due,
            every,
            Nudge {
                person_id: Some(person.id.clone()),
                name: display(&person.name),
                line: nudge_line(&person.name, &reason),
                reason,
            },
        ));
    }
    // Furthest past the rhythm first: a/b > c/d ⇔ a·d > c·b (both cadences are positive).
    ranked.sort_by(|(a, b, x), (c, d, y)| {
        (c * i64::from(*b))
            .cmp(&(a * i64::from(*d)))
            .then_with(|| match_key(&x.name).cmp(&match_key(&y.name)))
            .then_with(|| x.person_id.cmp(&y.person_id))
    });
    let mut nudges: Vec<Nudge> = ranked.into_iter().map(|(_, _, n)| n).collect();
    nudges.extend(unmentioned(people, &past, today));
    StayClose {
        nudges,
        hard_day: hard_day(check_ins, today),
        questions,
        any_cadence,
    }
}

/// Where a person stands against their cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CadenceStatus {
    pub due: NaiveDate,
    pub days_since: i64,
    pub from_contact: bool,
    /// Positive once past due.
    pub days_past_due: i64,
}

fn cadence_status(
    person: &Person,
    theirs: &[&Connection],
    today: NaiveDate,
) -> Option<CadenceStatus> {
    let every = person.every_days?;
    let last = theirs.iter().map(|c| c.date).max();
    let base = last.or(person.since)?;
    let due = base.checked_add_days(Days::new(u64::from(every)))?;
    Some(CadenceStatus {
        due,
        days_since: (today - base).num_days(),
        from_contact: last.is_some(),
        days_past_due: (today - due).num_days(),
    })
}

/// The day after which `person` would next be suggested, counting every connection dated on or
/// before `today` (`connect` prints it). `None` without a cadence or when archived.
pub fn next_nudge_after(
    person: &Person,
    connections: &[Connection],
    today: NaiveDate,
) -> Option<NaiveDate> {
    if person.archived {
        return None;
    }
    let theirs: Vec<&Connection> = connections
        .iter()
        .filter(|c| c.date <= today && person.matches(&c.person))
        .collect();
    let due = cadence_status(person, &theirs, today)?.due;
    // A pause that ends later pushes the next suggestion past it.
    Some(match person.paused_until {
        Some(until) if until > due => until,
        _ => due,
    })
}

/// The Trends figure, beside the connection counts: of the people given a rhythm (not archived,
/// not paused), how many were in touch within it as of `today` — by anyone's reaching out —
/// as `(stayed close, chosen)`; `None` when nobody has a rhythm. A count, never a per-person
/// score or ranking.
pub fn stayed_close(
    people: &[Person],
    connections: &[Connection],
    today: NaiveDate,
) -> Option<(usize, usize)> {
    let chosen: Vec<&Person> = people
        .iter()
        .filter(|p| !p.archived && p.every_days.is_some())
        .filter(|p| p.paused_until.is_none_or(|until| until < today))
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let close = chosen
        .iter()
        .filter(|person| {
            let theirs: Vec<&Connection> = connections
                .iter()
                .filter(|c| c.date <= today && person.matches(&c.person))
                .collect();
            cadence_status(person, &theirs, today)
                .is_some_and(|s| s.from_contact && s.days_past_due <= 0)
        })
        .count();
    Some((close, chosen.len()))
}

/// How many connections from `first` to `today` the other person started.
pub fn started_by_them(connections: &[Connection], first: NaiveDate, today: NaiveDate) -> usize {
    connections
        .iter()
        .filter(|c| c.date >= first && c.date <= today)
        .filter(|c| c.initiated_by == crate::journal::InitiatedBy::Them)
        .count()
}

/// The Trends line for `stayed_close`: "Stayed close with 3 of 4 people you chose."
pub fn stayed_close_line((close, chosen): (usize, usize)) -> String {
    let people = if chosen == 1 { "person" } else { "people" };
    format!("Stayed close with {close} of {chosen} {people} you chose.")
}

/// Rule 2: 3 or more contacts in the last 90 days, half or more of them draining.
fn draining(theirs: &[&Connection], today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(DRAINING_WINDOW_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let recent: Vec<&&Connection> = theirs.iter().filter(|c| c.date >= first).collect();
    let drained = recent.iter().filter(|c| c.felt == Felt::Draining).count();
    recent.len() >= DRAINING_MIN_CONTACTS && 2 * drained >= recent.len()
}

/// Rule 4: today's exhaustion 7 or more, or 8 of the last 14 days at 7 or more (the
/// `sustained_exhaustion` rule of docs/SCORING.md).
pub fn hard_day(check_ins: &[CheckIn], today: NaiveDate) -> bool {
    let first = today
        .checked_sub_days(Days::new(13))
        .unwrap_or(NaiveDate::MIN);
    let mut exhausted = 0;
    for c in check_ins
        .iter()
        .filter(|c| c.date <= today && c.date >= first)
    {
        if c.exhaustion.get() >= HARD_DAY_EXHAUSTION {
            if c.date == today {
                return true;
            }
            exhausted += 1;
        }
    }
    exhausted >= 8
}

/// Rule 7: one name at a time, the candidates taking turns week by week.
fn unmentioned(people: &[Person], past: &[&Connection], today: NaiveDate) -> Option<Nudge> {
    let year_start = today
        .checked_sub_days(Days::new(UNMENTIONED_YEAR_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let quiet_start = today
        .checked_sub_days(Days::new(UNMENTIONED_QUIET_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    // By match key: (display name, latest date, nourishing in the year, any contact lately).
    let mut by_name: BTreeMap<String, (String, NaiveDate, usize, bool)> = BTreeMap::new();
    for c in past {
        let name = c.person.trim();
        let entry = by_name
            .entry(match_key(name))
            .or_insert_with(|| (name.to_string(), c.date, 0, false));
        if c.date > entry.1 {
            entry.0 = name.to_string();
            entry.1 = c.date;
        }
        if c.felt == Felt::Nourishing && c.date >= year_start {
            entry.2 += 1;
        }
        if c.date >= quiet_start {
            entry.3 = true;
        }
    }
    let candidates: Vec<(Option<&Person>, String)> = by_name
        .into_values()
        .filter(|(_, _, nourishing, lately)| *nourishing >= UNMENTIONED_NOURISHING && !lately)
        .filter_map(|(name, ..)| {
            let person = people.iter().find(|p| p.matches(&name));
            match person {
                // Chosen people are the cadence's business; paused and archived stay quiet.
                Some(p) if p.archived || p.every_days.is_some() || p.paused_on(today) => None,
                Some(p) => Some((Some(p), p.name.clone())),
                None => Some((None, name)),
            }
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let week = today.signed_duration_since(NaiveDate::MIN).num_days() / 7;
    let (person, name) = &candidates[(week as usize) % candidates.len()];
    Some(Nudge {
        person_id: person.map(|p| p.id.clone()),
        name: display(name),
        reason: Reason::Unmentioned,
        line: format!("You haven't mentioned {} in a while.", display(name)),
    })
}

/// Rule 8: up to two people with a cadence to name in the `isolation` flag's suggestion, those
/// furthest into their rhythm first. Paused, archived and rule-2 people are left out.
pub fn safe_people(people: &[Person], connections: &[Connection], today: NaiveDate) -> Vec<String> {
    let past: Vec<&Connection> = connections.iter().filter(|c| c.date <= today).collect();
    let mut chosen: Vec<(i64, u16, String)> = people
        .iter()
        .filter(|p| !p.archived && p.every_days.is_some() && !p.paused_on(today))
        .filter_map(|p| {
            let theirs: Vec<&Connection> = past
                .iter()
                .copied()
                .filter(|c| p.matches(&c.person))
                .collect();
            if draining(&theirs, today) && p.draining_answer != Some(DrainingAnswer::Keep) {
                return None;
            }
            let status = cadence_status(p, &theirs, today)?;
            Some((status.days_since, p.every_days?, display(&p.name)))
        })
        .collect();
    chosen.sort_by(|(a, b, x), (c, d, y)| {
        (c * i64::from(*b))
            .cmp(&(a * i64::from(*d)))
            .then_with(|| match_key(x).cmp(&match_key(y)))
    });
    chosen.into_iter().take(2).map(|(_, _, n)| n).collect()
}

/// "no person named 'Sma' — did you mean Sam?": the closest person (name or alias) to a name
/// that matches nobody, when one is within a typo or two. Never decides by itself.
pub fn did_you_mean<'a>(people: &'a [Person], name: &str) -> Option<&'a str> {
    let wanted = match_key(name);
    if people.iter().any(|p| p.matches(name)) || wanted.is_empty() {
        return None;
    }
    let allowed = if wanted.chars().count() <= 4 { 1 } else { 2 };
    people
        .iter()
        .filter(|p| !p.archived)
        .filter_map(|p| {
            std::iter::once(&p.name)
                .chain(&p.aliases)
                .map(|n| typo_distance(&match_key(n), &wanted))
                .min()
                .map(|d| (d, p.name.trim()))
        })
        .filter(|(d, _)| *d <= allowed)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, n)| n)
}

/// Edits between two names, a swap of neighbouring letters counting as one (optimal string
/// alignment distance).
fn typo_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

fn display(name: &str) -> String {
    name.trim().to_string()
}

/// The rule-2 question, without its keys (the screen adds them).
pub fn question_line(name: &str) -> String {
    format!(
        "Keep a reach-out reminder for {}? Recent contacts felt draining more often than not.",
        display(name)
    )
}

/// A span of days in rough words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn word(self, n: i64) -> &'static str {
        match (self, n == 1) {
            (Unit::Day, true) => "day",
            (Unit::Day, false) => "days",
            (Unit::Week, true) => "week",
            (Unit::Week, false) => "weeks",
            (Unit::Month, true) => "month",
            (Unit::Month, false) => "months",
            (Unit::Year, true) => "year",
            (Unit::Year, false) => "years",
        }
    }
}

/// Rounded half up: 20 days is about 3 weeks, 45 days about 6 weeks, 75 about 3 months.
fn about(days: i64) -> (i64, Unit) {
    let round = |per: i64| (days + per / 2) / per;
    if days < 14 {
        (days, Unit::Day)
    } else if days < 60 {
        (round(7), Unit::Week)
    } else if days < 700 {
        (round(30), Unit::Month)
    } else {
        (round(365), Unit::Year)
    }
}

/// A cadence in the unit it was most likely chosen in: 14 → 2 weeks, 30 → 1 month, 10 → 10 days.
fn cadence_span(every: u16) -> (i64, Unit) {
    let every = i64::from(every);
    if every % 30 == 0 {
        (every / 30, Unit::Month)
    } else if every % 7 == 0 && every <= 56 {
        (every / 7, Unit::Week)
    } else {
        (every, Unit::Day)
    }
}

/// A cadence in words: "every 2 weeks", "every day", "every 10 days".
pub fn cadence_words(every: u16) -> String {
    let (n, unit) = cadence_span(every);
    if n == 1 {
        format!("every {}", unit.word(1))
    } else {
        format!("every {n} {}", unit.word(n))
    }
}

/// A date as people say it: "7 Dec", with the year when it is not this year's.
pub fn short_date(date: NaiveDate, today: NaiveDate) -> String {
    use chrono::Datelike;
    if date.year() == today.year() {
        date.format("%-d %b").to_string()
    } else {
        date.format("%-d %b %Y").to_string()
    }
}

fn nudge_line(name: &str, reason: &Reason) -> String {
    let Reason::Cadence {
        every_days,
        days_since,
        from_contact,
        ..
    } = reason
    else {
        return format!("You haven't mentioned {} in a while.", display(name));
    };
    let (n, unit) = about(*days_since);
    let since = format!("about {n} {}", unit.word(n));
    let what = if *from_contact {
        "since you last talked"
    } else {
        "since you chose to stay close"
    };
    let (every, every_unit) = cadence_span(*every_days);
    let hoped = if every == 1 {
        format!("about every {}", every_unit.word(1))
    } else if every_unit == unit {
        format!("about every {every}")
    } else {
        format!("about every {every} {}", every_unit.word(every))
    };
    format!("{} — {since} {what} (you hoped {hoped}).", display(name))
}

#[cfg(test)]
mod stayed_close_tests {
    use super::{started_by_them, stayed_close, stayed_close_line};
    use crate::journal::{Connection, Felt, InitiatedBy, Kind, Person};
    use chrono::NaiveDate;

    fn day(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, n).expect("a November day")
    }

    fn person(name: &str, every: Option<u32>) -> Person {
        serde_json::from_value(serde_json::json!({"id": format!("p-{name}"), "name": name, "every_days": every, "since": "2026-11-01"}))
            .expect("a valid person")
    }

    fn contact(person: &str, date: u32, by: InitiatedBy) -> Connection {
        Connection {
            id: format!("c-{person}-{date}"),
            date: day(date),
            recorded_at: None,
            person: person.into(),
            kind: Kind::Message,
            initiated_by: by,
            felt: Felt::Draining,
            note: String::new(),
            gratitude: String::new(),
            extra: Default::default(),
        }
    }

    #[test]
    fn stayed_close_counts_people_in_touch_within_their_rhythm_whoever_reached_out() {
        let people = vec![
            person("Sam", Some(7)),
            person("Priya", Some(14)),
            person("Jo", Some(7)),
            person("Kim", None),
        ];
        let connections = vec![
            // Sam reached out (and it felt draining): still in touch within 7 days.
            contact("sam ", 20, InitiatedBy::Them),
            contact("Priya", 5, InitiatedBy::Me),
            // Jo: 10 days ago, past a 7-day rhythm.
            contact("Jo", 13, InitiatedBy::Me),
        ];
        assert_eq!(stayed_close(&people, &connections, day(23)), Some((1, 3)));
        assert_eq!(stayed_close(&people[3..], &connections, day(23)), None);
        assert_eq!(
            stayed_close_line((1, 3)),
            "Stayed close with 1 of 3 people you chose."
        );
        assert_eq!(
            stayed_close_line((1, 1)),
            "Stayed close with 1 of 1 person you chose."
        );
        assert_eq!(started_by_them(&connections, day(16), day(23)), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{InitiatedBy, Kind, Rating};

    const TODAY: &str = "2026-11-23";

    fn d(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    fn ago(n: u64) -> NaiveDate {
        d(TODAY).checked_sub_days(Days::new(n)).expect("in range")
    }

    fn person(id: &str, name: &str, every: Option<u16>) -> Person {
        let mut p = Person::new(id.into(), name.into(), ago(200));
        p.every_days = every;
        p
    }

    fn contact(name: &str, days_ago: u64, felt: Felt, by: InitiatedBy) -> Connection {
        Connection {
            id: format!("c-{name}-{days_ago}"),
            date: ago(days_ago),
            recorded_at: None,
            person: name.into(),
            kind: Kind::Message,
            initiated_by: by,
            felt,
            note: String::new(),
            gratitude: String::new(),
            extra: Default::default(),
        }
    }

    fn mine(name: &str, days_ago: u64) -> Connection {
        contact(name, days_ago, Felt::Neutral, InitiatedBy::Me)
    }

    fn names(nudges: &[Nudge]) -> Vec<&str> {
        nudges.iter().map(|n| n.name.as_str()).collect()
    }

    fn check_in(days_ago: u64, exhaustion: u8) -> CheckIn {
        let r = |v| Rating::new(v).expect("0–10");
        CheckIn::new(ago(days_ago), r(exhaustion), r(3), r(6))
    }

    #[test]
    fn rule_1_only_past_due_people_with_a_cadence_not_paused_or_archived() {
        let people = vec![
            person("p-1", "Sam", Some(14)),
            person("p-2", "Priya", None),
            person("p-3", "Ana", Some(30)),
        ];
        let connections = vec![mine("Sam", 20), mine("priya ", 100), mine("Ana", 20)];
        let got = reach_out(&people, &connections, &[], d(TODAY));
        assert_eq!(names(&got), vec!["Sam"]);
        assert_eq!(
            got[0].line,
            "Sam — about 3 weeks since you last talked (you hoped about every 2)."
        );
        // Due on the 14th day means suggested from the 15th.
        let due = vec![mine("Sam", 14)];
        assert!(reach_out(&people[..1], &due, &[], d(TODAY)).is_empty());
        let past = vec![mine("Sam", 15)];
        assert_eq!(reach_out(&people[..1], &past, &[], d(TODAY)).len(), 1);
        // Paused through tomorrow: hidden today and tomorrow, back the day after.
        let mut paused = people[..1].to_vec();
        paused[0].paused_until = Some(ago(0).succ_opt().unwrap());
        assert!(reach_out(&paused, &connections, &[], d(TODAY)).is_empty());
        let after = ago(0).checked_add_days(Days::new(2)).unwrap();
        assert_eq!(reach_out(&paused, &connections, &[], after).len(), 1);
        // Archived: never.
        let mut archived = people[..1].to_vec();
        archived[0].archived = true;
        assert!(reach_out(&archived, &connections, &[], d(TODAY)).is_empty());
    }

    #[test]
    fn no_contact_yet_counts_from_since() {
        let mut sam = person("p-1", "Sam", Some(14));
        sam.since = Some(ago(21));
        let got = reach_out(&[sam.clone()], &[], &[], d(TODAY));
        assert_eq!(
            got[0].line,
            "Sam — about 3 weeks since you chose to stay close (you hoped about every 2)."
        );
        sam.since = Some(ago(3));
        assert!(reach_out(&[sam], &[], &[], d(TODAY)).is_empty());
    }

    #[test]
    fn any_contact_resets_theirs_and_draining_ones_included() {
        let people = vec![person("p-1", "Sam", Some(14))];
        let them = vec![
            mine("Sam", 20),
            contact("Sam", 2, Felt::Nourishing, InitiatedBy::Them),
        ];
        assert!(reach_out(&people, &them, &[], d(TODAY)).is_empty());
        let draining = vec![
            mine("Sam", 20),
            contact("Sam", 2, Felt::Draining, InitiatedBy::Me),
        ];
        assert!(reach_out(&people, &draining, &[], d(TODAY)).is_empty());
        // A connection dated after today does not exist yet.
        let future = vec![mine("Sam", 20), {
            let mut c = mine("Sam", 0);
            c.date = d("2026-12-01");
            c
        }];
        assert_eq!(reach_out(&people, &future, &[], d(TODAY)).len(), 1);
    }

    #[test]
    fn aliases_match_after_a_rename() {
        let mut sam = person("p-1", "Samantha", Some(14));
        sam.aliases.push("Sam".into());
        let connections = vec![mine("sam", 3)];
        assert!(reach_out(&[sam], &connections, &[], d(TODAY)).is_empty());
    }

    #[test]
    fn rule_2_mostly_draining_contacts_ask_instead_of_suggesting() {
        let mut sam = person("p-1", "Sam", Some(14));
        let connections = vec![
            contact("Sam", 20, Felt::Draining, InitiatedBy::Me),
            contact("Sam", 40, Felt::Draining, InitiatedBy::Them),
            contact("Sam", 60, Felt::Nourishing, InitiatedBy::Me),
        ];
        let got = stay_close(&[sam.clone()], &connections, &[], d(TODAY));
        assert!(got.nudges.is_empty());
        assert_eq!(got.questions.len(), 1);
        assert_eq!(
            got.questions[0].line,
            "Keep a reach-out reminder for Sam? Recent contacts felt draining more often than not."
        );
        // Answered: never asked again; "keep" brings the suggestions back.
        sam.draining_answer = Some(DrainingAnswer::Keep);
        let got = stay_close(&[sam.clone()], &connections, &[], d(TODAY));
        assert!(got.questions.is_empty());
        assert_eq!(got.nudges.len(), 1);
        sam.draining_answer = Some(DrainingAnswer::Pause);
        let got = stay_close(&[sam.clone()], &connections, &[], d(TODAY));
        assert!(got.questions.is_empty() && got.nudges.is_empty());
        // Two contacts only, or one draining in three: no question, suggested as usual.
        sam.draining_answer = None;
        let got = stay_close(&[sam.clone()], &connections[..2], &[], d(TODAY));
        assert!(got.questions.is_empty() && got.nudges.len() == 1);
        let mut mixed = connections.clone();
        mixed[1].felt = Felt::Neutral;
        let got = stay_close(&[sam.clone()], &mixed, &[], d(TODAY));
        assert!(got.questions.is_empty() && got.nudges.len() == 1);
        // Contacts older than 90 days do not count.
        let mut old = connections;
        old[2].date = ago(90);
        let got = stay_close(&[sam], &old, &[], d(TODAY));
        assert!(got.questions.is_empty() && got.nudges.len() == 1);
    }

    #[test]
    fn rule_3_three_shown_ranked_by_days_past_due_over_cadence() {
        // Past due ÷ cadence: A 6/14, B 10/7, C 1/30, D 30/30, E 16/14.
        let people = vec![
            person("p-a", "Avi", Some(14)),
            person("p-b", "Bo", Some(7)),
            person("p-c", "Cy", Some(30)),
            person("p-d", "Di", Some(30)),
            person("p-e", "Ed", Some(14)),
        ];
        let connections = vec![
            mine("Avi", 20),
            mine("Bo", 17),
            mine("Cy", 31),
            mine("Di", 60),
            mine("Ed", 30),
        ];
        let all = stay_close(&people, &connections, &[], d(TODAY));
        assert_eq!(names(&all.nudges), vec!["Bo", "Ed", "Di", "Avi", "Cy"]);
        assert_eq!(names(all.shown()), vec!["Bo", "Ed", "Di"]);
        assert_eq!(all.more(), 2);
    }

    #[test]
    fn rule_4_a_hard_day_shows_one_name_and_the_small_step() {
        let people = vec![
            person("p-1", "Sam", Some(14)),
            person("p-2", "Ana", Some(7)),
        ];
        let connections = vec![mine("Sam", 20), mine("Ana", 20)];
        let hard = stay_close(&people, &connections, &[check_in(0, 8)], d(TODAY));
        assert!(hard.hard_day);
        assert_eq!(hard.shown().len(), 1);
        assert_eq!(hard.small_step(), Some(SMALL_STEP));
        let easy = stay_close(&people, &connections, &[check_in(0, 6)], d(TODAY));
        assert!(!easy.hard_day && easy.small_step().is_none());
        // Sustained exhaustion: 8 of the last 14 days at 7 or more, today lighter.
        let mut days: Vec<CheckIn> = (1..=8).map(|n| check_in(n, 7)).collect();
        days.push(check_in(0, 3));
        assert!(hard_day(&days, d(TODAY)));
        days.remove(0);
        assert!(!hard_day(&days, d(TODAY)));
    }

    #[test]
    fn rule_7_nourishing_people_gone_quiet_are_mentioned_one_at_a_time() {
        let nourishing = |name, n| contact(name, n, Felt::Nourishing, InitiatedBy::Me);
        let connections = vec![
            nourishing("Priya", 70),
            nourishing("Priya", 200),
            nourishing("Lee", 80),
            nourishing("Lee", 90),
            nourishing("Kim", 61),
            nourishing("Kim", 20),
            nourishing("Jo", 400),
            nourishing("Jo", 70),
        ];
        let got = reach_out(&[], &connections, &[], d(TODAY));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].reason, Reason::Unmentioned);
        let this_week = got[0].name.clone();
        assert!(["Priya", "Lee"].contains(&this_week.as_str()));
        assert_eq!(
            got[0].line,
            format!("You haven't mentioned {this_week} in a while.")
        );
        // A week later it is the other one's turn.
        let next = d(TODAY).checked_add_days(Days::new(7)).unwrap();
        let later = reach_out(&[], &connections, &[], next);
        assert_ne!(later[0].name, this_week);
        // Dismissed (a pause without a cadence) or archived: quiet.
        let mut priya = person("p-1", "Priya", None);
        priya.paused_until = Some(ago(0).checked_add_days(Days::new(90)).unwrap());
        let mut lee = person("p-2", "Lee", None);
        lee.archived = true;
        assert!(reach_out(&[priya, lee], &connections, &[], d(TODAY)).is_empty());
    }

    #[test]
    fn rule_8_names_up_to_two_safe_people() {
        let mut people = vec![
            person("p-1", "Sam", Some(14)),
            person("p-2", "Priya", Some(30)),
            person("p-3", "Ana", Some(7)),
            person("p-4", "Bo", None),
        ];
        people[2].paused_until = Some(ago(0));
        let connections = vec![mine("Sam", 10), mine("Priya", 29)];
        assert_eq!(
            safe_people(&people, &connections, d(TODAY)),
            vec!["Priya", "Sam"]
        );
        assert!(safe_people(&people[3..], &connections, d(TODAY)).is_empty());
    }

    #[test]
    fn next_nudge_after_is_last_contact_plus_cadence() {
        let sam = person("p-1", "Sam", Some(14));
        assert_eq!(
            next_nudge_after(&sam, &[mine("Sam", 0)], d(TODAY)),
            Some(d("2026-12-07"))
        );
        assert_eq!(
            next_nudge_after(&person("p-2", "Bo", None), &[], d(TODAY)),
            None
        );
    }

    #[test]
    fn did_you_mean_suggests_a_close_person_never_an_exact_one() {
        let people = vec![person("p-1", "Sam", Some(14)), person("p-2", "Priya", None)];
        assert_eq!(did_you_mean(&people, "Sma"), Some("Sam"));
        assert_eq!(did_you_mean(&people, "Pryia"), Some("Priya"));
        assert_eq!(did_you_mean(&people, "sam"), None);
        assert_eq!(did_you_mean(&people, "Alexander"), None);
    }

    #[test]
    fn durations_read_as_rough_spans() {
        let line = |since, every| {
            nudge_line(
                "Sam",
                &Reason::Cadence {
                    every_days: every,
                    days_since: since,
                    from_contact: true,
                    days_past_due: 1,
                },
            )
        };
        assert_eq!(
            line(10, 7),
            "Sam — about 10 days since you last talked (you hoped about every week)."
        );
        assert_eq!(
            line(75, 30),
            "Sam — about 3 months since you last talked (you hoped about every month)."
        );
        assert_eq!(
            line(40, 10),
            "Sam — about 6 weeks since you last talked (you hoped about every 10 days)."
        );
        assert_eq!(
            line(3, 1),
            "Sam — about 3 days since you last talked (you hoped about every day)."
        );
    }
}
