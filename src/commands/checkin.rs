//! `rekindle checkin`: record a day's check-in, or update one, then print its scores.
//!
//! A day without a check-in needs the three ratings. On a day that has one, only the fields
//! given on the command line change; the note, habits, boundary outcomes and fields this
//! version does not know are kept, and the output says what changed (docs/FORMAT.md). `--replace`
//! records the day afresh from the options given (fields unknown to this version are still
//! kept: the user cannot see or give them here).

use super::{Context, check_text_len, not_in_future, parse_day_arg, print};
use crate::cli::CheckinArgs;
use crate::error::{Exit, Failure};
use crate::journal::{CheckIn, Habit, Habits, Outcome};
use crate::scoring::{self, Band, NOT_A_DIAGNOSIS};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;
use std::io::Read;

pub fn run(ctx: &Context, args: CheckinArgs) -> Result<Exit> {
    if args.due {
        return due(ctx);
    }
    let note = match args.note.as_deref() {
        Some("-") => Some(read_stdin_note()?),
        Some(text) => Some(text.trim_end().to_string()),
        None => None,
    };
    // Validated before the lock: a refused command writes nothing.
    let mut sleep = Habits::default();
    if let Some(text) = &args.sleep {
        sleep
            .set_sleep_hours_text(&text.replace(',', "."))
            .map_err(|why| Failure::usage(format!("invalid --sleep: {why}")))?;
    }

    if let Some(note) = &note {
        check_text_len("--note", note)?;
    }
    for id in args.kept.iter().chain(&args.slipped) {
        check_text_len("a boundary id", id)?;
    }
    let date_arg = args
        .date
        .as_deref()
        .map(|text| parse_day_arg("--date", text))
        .transpose()?;
    let day_of = |journal: &crate::journal::Journal| -> Result<chrono::NaiveDate, Failure> {
        let today = ctx.today(journal);
        match date_arg {
            Some(day) => not_in_future(day.resolve(today), today),
            None => Ok(today),
        }
    };
    // What can only be checked against the journal is checked before anything is written: a
    // refused command creates, rotates and deletes nothing.
    let check = |journal: &crate::journal::Journal| -> Result<(), Failure> {
        let date = day_of(journal)?;
        for id in args.kept.iter().chain(&args.slipped) {
            if journal.boundary(id).is_none() {
                return Err(Failure::usage(format!("no boundary with id {id:?}"))
                    .with_hint("see `rekindle boundary list` for the ids"));
            }
            if args.kept.contains(id) && args.slipped.contains(id) {
                return Err(Failure::usage(format!(
                    "boundary {id:?} is given as both kept and slipped"
                )));
            }
        }
        let exists = journal.check_in_on(date).is_some();
        let all_three =
            args.exhaustion.is_some() && args.cynicism.is_some() && args.efficacy.is_some();
        if (!exists || args.replace) && !all_three {
            let why = if exists {
                "--replace records the whole day afresh: give -e, -c and -f"
            } else {
                "a new check-in needs all three ratings: -e, -c and -f"
            };
            return Err(Failure::usage(format!("{why} (for {date})"))
                .with_hint("for example: rekindle checkin -e 7 -c 4 -f 5"));
        }
        Ok(())
    };
    // A check-in touches one day: years before it need not be decoded (`Store::begin_write_recent`).
    let (mut lock, mut working) = ctx.store.begin_write_recent(
        CLI_LOCK_PATIENCE,
        ctx.now.date_naive(),
        |journal| day_of(journal).ok(),
        check,
    )?;
    let journal = &mut working.journal;
    let date = day_of(journal)?;

    let existing = journal.check_in_on(date).cloned();
    let (check_in, changes) = match &existing {
        Some(old) if !args.replace => {
            let mut day = old.clone();
            apply(&mut day, &args, note, &sleep);
            let changes = describe_changes(old, &day);
            (day, changes)
        }
        _ => {
            let [Some(e), Some(c), Some(f)] = [args.exhaustion, args.cynicism, args.efficacy]
            else {
                let why = if existing.is_some() {
                    "--replace records the whole day afresh: give -e, -c and -f"
                } else {
                    "a new check-in needs all three ratings: -e, -c and -f"
                };
                return Err(Failure::usage(format!("{why} (for {date})"))
                    .with_hint("for example: rekindle checkin -e 7 -c 4 -f 5")
                    .into());
            };
            let mut day = CheckIn::new(date, e, c, f);
            if let Some(old) = &existing {
                // Fields this version does not know are not the user's to give here: keep them.
                day.extra = old.extra.clone();
                day.habits.extra = old.habits.extra.clone();
            }
            apply(&mut day, &args, note, &sleep);
            (day, Vec::new())
        }
    };

    let unchanged = existing.is_some() && !args.replace && changes.is_empty();
    if !unchanged {
        let mut check_in = check_in.clone();
        check_in.recorded_at = Some(ctx.now);
        journal.upsert_check_in(check_in);
        ctx.store.save_working(&mut lock, &working)?;
    }
    drop(lock);

    let day = date.format("%a %Y-%m-%d");
    let path = ctx.store.paths.journal.display();
    let headline = match (&existing, args.replace) {
        (None, _) => format!("Saved the check-in for {day} in {path}\n"),
        (Some(_), true) => format!("Replaced the whole check-in for {day} in {path}\n"),
        (Some(_), false) if unchanged => {
            format!("Nothing to change: the check-in for {day} already says that.\n")
        }
        (Some(_), false) => format!(
            "Updated the check-in for {day} in {path}: {}\n(the rest of the day is kept; --replace records the whole day afresh)\n",
            changes.join(", ")
        ),
    };
    let strain = scoring::strain(&check_in);
    let composite = scoring::composite(&check_in);
    let band = Band::of_day(&check_in);
    print(format_args!(
        "{headline}exhaustion {}, cynicism {}, efficacy {}: strain {strain} of 30, composite {} ({})\n\
         {NOT_A_DIAGNOSIS}\n",
        check_in.exhaustion.get(),
        check_in.cynicism.get(),
        check_in.efficacy.get(),
        scoring::fmt1(composite),
        band.label(),
    ))?;
    Ok(Exit::Ok)
}

/// `checkin --due`: records nothing and prints nothing; exit 0 when today (the journal day,
/// under `day_starts_at`) has no check-in yet, 1 when it has. Read-only, like `status`.
fn due(ctx: &Context) -> Result<Exit> {
    let journal = ctx.read()?;
    Ok(match journal.check_in_on(ctx.today(&journal)) {
        None => Exit::Ok,
        Some(_) => Exit::NoneDue,
    })
}

/// Applies the options given to `day`; options not given leave their field as it is.
fn apply(day: &mut CheckIn, args: &CheckinArgs, note: Option<String>, sleep: &Habits) {
    for (value, slot) in [
        (args.exhaustion, &mut day.exhaustion),
        (args.cynicism, &mut day.cynicism),
        (args.efficacy, &mut day.efficacy),
    ] {
        if let Some(v) = value {
            *slot = v;
        }
    }
    if let Some(note) = note {
        day.note = note;
    }
    if args.sleep.is_some() {
        let extra = std::mem::take(&mut day.habits.extra);
        let flags = day.habits.flags();
        day.habits = sleep.clone();
        day.habits.extra = extra;
        for (habit, flag) in Habit::ALL.into_iter().zip(flags) {
            *day.habits.slot(habit) = flag;
        }
    }
    // Booleans are recorded only when at least one habit flag is given: the named ones as
    // `true`, and unnamed ones not yet recorded as `false`, so "days with vs without"
    // comparisons have both sides (docs/FORMAT.md). A habit already recorded that day is kept.
    let given = [
        args.exercise,
        args.outside,
        args.mindful,
        args.rest,
        args.disconnected,
    ];
    if given.iter().any(|&f| f) {
        for (habit, flag) in Habit::ALL.into_iter().zip(given) {
            let slot = day.habits.slot(habit);
            if flag {
                *slot = Some(true);
            } else if slot.is_none() {
                *slot = Some(false);
            }
        }
    }
    for (ids, outcome) in [
        (&args.kept, Outcome::Kept),
        (&args.slipped, Outcome::Slipped),
    ] {
        for id in ids {
            day.boundaries.insert(id.as_str().into(), outcome);
        }
    }
}

/// What differs between two versions of a day, one short phrase each (never the note's text).
fn describe_changes(old: &CheckIn, new: &CheckIn) -> Vec<String> {
    let mut changes = Vec::new();
    for (name, before, after) in [
        ("exhaustion", old.exhaustion, new.exhaustion),
        ("cynicism", old.cynicism, new.cynicism),
        ("efficacy", old.efficacy, new.efficacy),
    ] {
        if before != after {
            changes.push(format!("{name} {} → {}", before.get(), after.get()));
        }
    }
    if old.note != new.note {
        changes.push(
            if old.note.is_empty() {
                "note added"
            } else if new.note.is_empty() {
                "note cleared"
            } else {
                "note replaced"
            }
            .to_string(),
        );
    }
    if old.habits.sleep_hours != new.habits.sleep_hours {
        let show = |h: Option<f64>| h.map_or("not recorded".to_string(), scoring::fmt1);
        changes.push(format!(
            "sleep {} → {}",
            show(old.habits.sleep_hours),
            show(new.habits.sleep_hours)
        ));
    }
    let yes_no = |f: Option<bool>| match f {
        None => "not recorded",
        Some(true) => "yes",
        Some(false) => "no",
    };
    for habit in Habit::ALL {
        let key = habit.key();
        let (before, after) = (old.habits.get(habit), new.habits.get(habit));
        if before != after {
            changes.push(format!("{key} {} → {}", yes_no(before), yes_no(after)));
        }
    }
    for (id, outcome) in &new.boundaries {
        let before = old.boundaries.get(id);
        if before != Some(outcome) {
            let was = before.map_or("not recorded", |o| o.as_str());
            changes.push(format!("{id} {was} → {}", outcome.as_str()));
        }
    }
    changes
}

fn read_stdin_note() -> Result<String, Failure> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Failure::usage(format!("cannot read the note from stdin: {e}")))?;
    Ok(text.trim_end().to_string())
}
