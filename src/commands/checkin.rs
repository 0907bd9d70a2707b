//! `rekindle checkin`: record or replace a day's check-in, then print its scores.

use super::{Context, check_text_len, not_in_future, parse_day_arg, print};
use crate::cli::CheckinArgs;
use crate::error::{Exit, Failure};
use crate::journal::{CheckIn, Habits, Outcome, Rating, Upsert, check_sleep_hours};
use crate::scoring::{self, Band, NOT_A_DIAGNOSIS};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;
use std::io::Read;

pub fn run(ctx: &Context, args: CheckinArgs) -> Result<Exit> {
    let rating = |v: u8| Rating::new(v).expect("clap's value parser keeps ratings in 0..=10");
    let note = match args.note.as_deref() {
        Some("-") => read_stdin_note()?,
        Some(text) => text.trim_end().to_string(),
        None => String::new(),
    };
    let sleep_hours = args
        .sleep
        .map(check_sleep_hours)
        .transpose()
        .map_err(|why| Failure::usage(format!("invalid --sleep: {why}")))?;

    check_text_len("--note", &note)?;
    for id in args.kept.iter().chain(&args.slipped) {
        check_text_len("a boundary id", id)?;
    }
    let date = args
        .date
        .as_deref()
        .map(|text| parse_day_arg("--date", text))
        .transpose()?;
    // What can only be checked against the journal is checked before anything is written.
    let outcomes = |journal: &crate::journal::Journal| {
        let mut outcomes = std::collections::BTreeMap::new();
        for (ids, outcome) in [
            (&args.kept, Outcome::Kept),
            (&args.slipped, Outcome::Slipped),
        ] {
            for id in ids {
                if journal.boundary(id).is_none() {
                    return Err(Failure::usage(format!("no boundary with id {id:?}"))
                        .with_hint("see `rekindle boundary list` for the ids"));
                }
                if outcomes.insert(id.clone(), outcome).is_some() {
                    return Err(Failure::usage(format!(
                        "boundary {id:?} is given as both kept and slipped"
                    )));
                }
            }
        }
        Ok(outcomes)
    };
    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), |journal| {
                if let Some(date) = date {
                    not_in_future(date, ctx.today(journal))?;
                }
                outcomes(journal).map(drop)
            })?;
    let date = date.unwrap_or_else(|| ctx.today(&journal));

    let mut check_in = CheckIn::new(
        date,
        rating(args.exhaustion),
        rating(args.cynicism),
        rating(args.efficacy),
    );
    check_in.recorded_at = Some(ctx.now);
    check_in.note = note;
    check_in.habits = habits(&args, sleep_hours);
    check_in.boundaries = outcomes(&journal)?;

    let strain = scoring::strain(&check_in);
    let composite = scoring::composite(&check_in);
    let band = Band::of_day(&check_in);
    let upsert = journal.upsert_check_in(check_in);
    ctx.store.save(&lock, &journal)?;
    drop(lock);

    let verb = match upsert {
        Upsert::Added => "Saved",
        Upsert::Replaced => "Replaced",
    };
    print(format_args!(
        "{verb} the check-in for {} in {}\n\
         exhaustion {}, cynicism {}, efficacy {}: strain {strain} of 30, composite {} ({})\n\
         {NOT_A_DIAGNOSIS}\n",
        date.format("%a %Y-%m-%d"),
        ctx.store.paths.journal.display(),
        args.exhaustion,
        args.cynicism,
        args.efficacy,
        scoring::fmt1(composite),
        band.label(),
    ))?;
    if upsert == Upsert::Replaced {
        print(format_args!(
            "(that day already had a check-in; it was replaced)\n"
        ))?;
    }
    Ok(Exit::Ok)
}

/// Booleans are recorded only when at least one habit flag is given, and then the unnamed ones
/// as `false`, so "days with vs without" comparisons have both sides (SPEC §2).
fn habits(args: &CheckinArgs, sleep_hours: Option<f64>) -> Habits {
    let flags = [
        args.exercise,
        args.outside,
        args.mindful,
        args.rest,
        args.disconnected,
    ];
    let mut habits = Habits {
        sleep_hours,
        ..Habits::default()
    };
    if flags.iter().any(|&f| f) {
        for (i, flag) in flags.into_iter().enumerate() {
            if let Some(slot) = habits.flag_mut(i) {
                *slot = Some(flag);
            }
        }
    }
    habits
}

/// Reads the note from stdin, at most 64 KiB (and one byte more, to tell that it was longer).
fn read_stdin_note() -> Result<String, Failure> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(super::MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("cannot read the note from stdin: {e}")))?;
    if bytes.len() > super::MAX_TEXT_BYTES {
        return Err(
            Failure::usage("the note on stdin is more than the 64 KiB rekindle takes")
                .with_hint("shorten it; nothing was written"),
        );
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Failure::usage("cannot read the note from stdin: it is not UTF-8"))?;
    Ok(text.trim_end().to_string())
}
