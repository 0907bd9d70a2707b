//! The weekly review from the recent part of a journal (the recent-days summary), when that is
//! provably the review of the whole journal: so `rekindle trends` need not decode years of
//! entries to show eight weeks.
//!
//! Most of the review looks back a fixed number of days: the weeks shown, the three complete
//! weeks the flags read, and the 14-, 7- and 28-day windows of the flags and the slope. Two
//! figures look back without limit, and are trusted only when what they found lies in the part:
//! "change" (the latest week with means and the week before it) and "days since a nourishing
//! contact" (the latest one). A part holds every entry dated `from` or later, so a finding on
//! or after `from` is the same finding the whole journal gives; finding nothing proves nothing.
//! The isolation flag counts every check-in day ever (so the part must hold the seven it needs),
//! names the last nourishing contact (found in the part, as above) and suggests people with a
//! rhythm by their last contact and their last 90 days: trusted when each of them has a contact
//! in the part and the part spans those 90 days.

use super::flags::ISOLATION_MIN_DAYS;
use super::{FlagKind, Review, check_ins_until, first_of_last, review};
use crate::journal::Journal;
use crate::scoring::week_start;
use crate::stay_close::DRAINING_WINDOW_DAYS;
use chrono::{Days, NaiveDate};

/// The longest fixed look-back of the review, in days up to and including `today`: the flags'
/// and slope's 28-day windows, and the three complete weeks before the current one.
const FIXED_DAYS: u64 = 28;

/// `review(whole, today, weeks)`, computed from `part`: the settings, boundaries and people of
/// the whole journal with every check-in and connection dated `from` or later. `None` when the
/// review might need a day before `from`; the caller then reviews the whole journal.
pub fn review_of_recent(
    part: &Journal,
    from: NaiveDate,
    today: NaiveDate,
    weeks: usize,
) -> Option<Review> {
    let current = week_start(today, part.settings.week_start());
    let oldest_week = current.checked_sub_days(Days::new(7 * weeks.max(4) as u64 - 7))?;
    if oldest_week < from || first_of_last(FIXED_DAYS, today) < from {
        return None;
    }
    let review = review(part, today, weeks);
    let change_found_in_part = review
        .change
        .previous_week_start
        .is_some_and(|previous| previous >= from);
    // With no nourishing contact in the part, the isolation flag is raised or undecided, so
    // "days since a nourishing contact" is trusted through the flag's rule.
    let check_in_days: std::collections::BTreeSet<NaiveDate> =
        check_ins_until(part, today).map(|c| c.date).collect();
    let isolated = review.flags.iter().any(|f| f.kind == FlagKind::Isolation);
    let isolation_decided = check_in_days.len() >= ISOLATION_MIN_DAYS
        && (!isolated
            || (review.days_since_nourishing.is_some() && rhythms_in_part(part, from, today)));
    (change_found_in_part && isolation_decided).then_some(review)
}

/// Whether the people the isolation flag may suggest (`stay_close::safe_people`) are judged the
/// same from `part` as from the whole journal: each has a contact in it, and it spans the window
/// in which their contacts may count as draining.
fn rhythms_in_part(part: &Journal, from: NaiveDate, today: NaiveDate) -> bool {
    let spans_draining_window = first_of_last(DRAINING_WINDOW_DAYS, today) >= from;
    spans_draining_window
        && part
            .people
            .iter()
            .filter(|p| !p.archived && p.every_days.is_some() && !p.paused_on(today))
            .all(|p| {
                part.connections
                    .iter()
                    .any(|c| c.date <= today && p.matches(&c.person))
            })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, journal};
    use crate::journal::{Felt, LongDay, Person};
    use crate::store::summary::recent_part_from;
    use crate::trends::test_support::connection;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn a_daily_journal_is_reviewed_from_its_last_400_days() {
        let end = day(2026, 11, 22);
        let whole = journal(&Spec::years(3, end, 42));
        let from = end - Days::new(400);
        let part = recent_part_from(&whole, from);
        let today = end + Days::new(1);
        assert_eq!(
            review_of_recent(&part, from, today, 8),
            Some(review(&whole, today, 8))
        );
    }

    #[test]
    fn what_the_part_cannot_vouch_for_is_left_to_the_whole_journal() {
        let end = day(2026, 11, 22);
        let mut whole = journal(&Spec::years(2, end, 7));
        let from = end - Days::new(100);
        let today = end;
        let part = |whole: &Journal| recent_part_from(whole, from);
        // Weeks reaching back before the part.
        assert_eq!(review_of_recent(&part(&whole), from, today, 20), None);
        // No nourishing contact in the part: the last one may be older.
        whole
            .connections
            .retain(|c| c.date < from || c.felt != Felt::Nourishing);
        assert!(review(&whole, today, 8).days_since_nourishing.unwrap() > 100);
        assert_eq!(review_of_recent(&part(&whole), from, today, 8), None);
        // No check-in in the part: "change" may come from older weeks.
        let mut quiet = journal(&Spec::years(2, end, 7));
        quiet.check_ins.retain(|c| c.date < from);
        assert!(review(&quiet, today, 8).change.week_start.is_some());
        assert_eq!(review_of_recent(&part(&quiet), from, today, 8), None);
        // Six check-in days in the part, more before it, and no contact at all: the whole
        // journal has the seven days the isolation flag needs; the part alone would not.
        let rated = |date| {
            let r = |v| crate::journal::Rating::new(v).expect("0 to 10");
            crate::journal::CheckIn::new(date, r(5), r(5), r(5))
        };
        let mut lonely = Journal::default();
        let monday = day(2026, 11, 16);
        for ago in [60, 50, 40] {
            lonely.upsert_check_in(rated(monday - Days::new(ago)));
        }
        for ago in [-2, -1, 0, 5, 6, 7] {
            lonely.upsert_check_in(rated(
                monday
                    .checked_add_signed(chrono::Duration::days(-ago))
                    .unwrap(),
            ));
        }
        let (from, today) = (monday - Days::new(35), monday + Days::new(2));
        assert!(
            review(&lonely, today, 4)
                .flags
                .iter()
                .any(|f| f.kind == FlagKind::Isolation)
        );
        assert_eq!(
            review_of_recent(&recent_part_from(&lonely, from), from, today, 4),
            None
        );
    }

    /// A journal raising the isolation flag as of `today`: a check-in every day of the last 400,
    /// and one nourishing contact, with Sam, 20 days ago. Sam and Ana have a 30-day rhythm.
    fn isolated(today: NaiveDate) -> Journal {
        let r = |v| crate::journal::Rating::new(v).expect("0 to 10");
        let mut journal = Journal::default();
        for ago in 0..400 {
            let date = today - Days::new(ago);
            journal.upsert_check_in(crate::journal::CheckIn::new(date, r(5), r(5), r(5)));
        }
        let sam = connection("c-sam", today - Days::new(20), "Sam", Felt::Nourishing);
        journal.connections.push(sam);
        for (i, name) in ["Sam", "Ana"].into_iter().enumerate() {
            let mut person = Person::new(format!("p-{i}"), name.into(), today - Days::new(10));
            person.every_days = Some(30);
            journal.people.push(person);
        }
        journal
    }

    fn suggestion(review: &Review) -> String {
        let flag = review.flags.iter().find(|f| f.kind == FlagKind::Isolation);
        flag.expect("the isolation flag").suggestion.clone()
    }

    #[test]
    fn the_isolation_flag_is_trusted_only_when_the_part_knows_everyone_it_may_suggest() {
        let today = day(2026, 11, 22);
        let from = today - Days::new(100);
        let mut whole = isolated(today);
        let ana = |id: &str, ago: i64, felt| {
            let date = today
                .checked_add_signed(chrono::Duration::days(-ago))
                .unwrap();
            connection(id, date, "Ana", felt)
        };
        whole.connections.push(ana("c-ana-0", 40, Felt::Neutral));
        let trusted = review_of_recent(&recent_part_from(&whole, from), from, today, 4);
        assert_eq!(
            trusted,
            Some(review(&whole, today, 4)),
            "everyone is in the part"
        );

        // Ana's last contact before "today" is older than the part; the part has only one
        // after it: who comes first in the suggestion depends on the older one.
        let mut late = isolated(today);
        late.connections.push(ana("c-ana-1", 200, Felt::Neutral));
        late.connections.push(ana("c-ana-2", -3, Felt::Neutral));
        assert_ne!(
            suggestion(&review(&late, today, 4)),
            suggestion(&review(&recent_part_from(&late, from), today, 4))
        );
        assert_eq!(
            review_of_recent(&recent_part_from(&late, from), from, today, 4),
            None
        );

        // Draining contacts with Ana just before a part of 50 days leave her out of the
        // suggestion; the part alone would not know.
        let from = today - Days::new(50);
        let mut drained = isolated(today);
        for (i, ago) in [60, 70, 80].into_iter().enumerate() {
            drained
                .connections
                .push(ana(&format!("c-ana-d{i}"), ago, Felt::Draining));
        }
        drained.connections.push(ana("c-ana-3", 30, Felt::Neutral));
        assert_ne!(
            suggestion(&review(&drained, today, 4)),
            suggestion(&review(&recent_part_from(&drained, from), today, 4))
        );
        assert_eq!(
            review_of_recent(&recent_part_from(&drained, from), from, today, 4),
            None
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Whenever the part is trusted, its review is exactly the whole journal's, on sparse
        /// and dense journals, with gaps in check-ins and in nourishing contacts, any week start,
        /// any window and any "as of" day.
        #[test]
        fn a_trusted_review_of_the_part_is_the_review_of_the_whole(
            seed in 0u64..10_000,
            density in 0.05f64..1.0,
            per_week in 0.0f64..6.0,
            gap in proptest::option::of((0u64..300, 1u64..120)),
            quiet_contacts in proptest::option::of((0u64..300, 1u64..200)),
            cadences in proptest::collection::vec(proptest::option::of(3u16..60), 5),
            rare_contacts in proptest::collection::vec((0u64..500, 0usize..3), 0..3),
            draining_contacts in proptest::collection::vec(0u64..200, 0..6),
            week_start in 0usize..7,
            back in 20u64..250,
            as_of_back in 0u64..40,
            weeks in 1usize..14,
        ) {
            let end = day(2026, 11, 22);
            let mut whole = journal(&Spec {
                check_in_density: density,
                connections_per_week: per_week,
                days: 500,
                ..Spec::years(1, end, seed)
            });
            if let Some((ago, len)) = gap {
                let (last, first) = (end - Days::new(ago), end - Days::new(ago + len));
                whole.check_ins.retain(|c| c.date < first || c.date > last);
            }
            if let Some((ago, len)) = quiet_contacts {
                let (last, first) = (end - Days::new(ago), end - Days::new(ago + len));
                whole.connections.retain(|c| {
                    c.felt != Felt::Nourishing || c.date < first || c.date > last
                });
            }
            // Someone seen only now and then (maybe only before the part, maybe only after
            // "today"), and someone whose contacts drain: the isolation flag's suggestion reads
            // both people's whole history.
            let felt = [Felt::Nourishing, Felt::Neutral, Felt::Draining];
            for (i, (ago, how)) in rare_contacts.iter().enumerate() {
                whole.connections.push(connection(&format!("c-rare-{i}"), end - Days::new(*ago), "Old friend", felt[*how]));
            }
            for (i, ago) in draining_contacts.iter().enumerate() {
                whole.connections.push(connection(&format!("c-drain-{i}"), end - Days::new(*ago), "Kai", Felt::Draining));
            }
            // People with a rhythm: the isolation flag names them by their whole history.
            for (i, (name, every)) in ["Sam", "Priya", "Mum", "Kai", "Old friend"].iter().zip(&cadences).enumerate() {
                let mut person = Person::new(format!("p-{i}"), name.to_string(), end - Days::new(600));
                person.every_days = *every;
                whole.people.push(person);
            }
            const DAYS: [&str; 7] =
                ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            whole.settings.week_starts_on = DAYS[week_start].parse::<LongDay>().unwrap();
            let today = end - Days::new(as_of_back);
            let from = today - Days::new(back);
            if let Some(trusted) = review_of_recent(&recent_part_from(&whole, from), from, today, weeks) {
                prop_assert_eq!(trusted, review(&whole, today, weeks));
            }
        }
    }
}
