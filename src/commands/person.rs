//! `rekindle person set|rename|archive|list`: the people the user chose to stay close to.
//!
//! Every argument is checked before the journal is locked, and everything that depends on the
//! journal (a name taken by someone else, an unknown person) inside `begin_write_checked`, so a
//! refused command writes nothing.

use super::{Context, check_text_len, parse_day_arg, print, print_json};
use crate::cli::PersonCommand;
use crate::error::{Exit, Failure};
use crate::journal::{Journal, Person, check_person, match_key, parse_every};
use crate::stay_close::{cadence_words, next_nudge_after, short_date};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Read;

pub fn run(ctx: &Context, command: PersonCommand) -> Result<Exit> {
    match command {
        PersonCommand::Set {
            name,
            every,
            alias,
            pause_until,
            resume,
            note,
        } => set(
            ctx,
            SetArgs {
                name,
                every,
                aliases: alias,
                pause_until,
                resume,
                note,
            },
        ),
        PersonCommand::Rename { old, new } => rename(ctx, &old, &new),
        PersonCommand::Archive { name } => archive(ctx, &name),
        PersonCommand::List { json } => list(ctx, json),
    }
}

struct SetArgs {
    name: String,
    every: Option<String>,
    aliases: Vec<String>,
    pause_until: Option<String>,
    resume: bool,
    note: Option<String>,
}

/// A pause's last day: a date, `today`, `tomorrow` or `yesterday`.
#[derive(Debug, Clone, Copy)]
enum PauseArg {
    Day(super::DayArg),
    Tomorrow,
}

impl PauseArg {
    fn parse(text: &str) -> Result<PauseArg, Failure> {
        if text.trim().eq_ignore_ascii_case("tomorrow") {
            return Ok(PauseArg::Tomorrow);
        }
        parse_day_arg("--pause-until", text).map(PauseArg::Day)
    }

    fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            PauseArg::Day(day) => day.resolve(today),
            PauseArg::Tomorrow => today.succ_opt().unwrap_or(today),
        }
    }
}

fn name_arg(flag: &str, text: &str) -> Result<String, Failure> {
    check_text_len(flag, text)?;
    check_person(text).map_err(|_| {
        Failure::usage(format!(
            "invalid {flag}: a person needs a name (it was empty)"
        ))
    })
}

/// Refuses a name or alias that already belongs to someone other than `except`.
fn check_free(journal: &Journal, name: &str, except: Option<usize>) -> Result<(), Failure> {
    match journal.person_named(name) {
        // Error messages never quote what the file holds, so the other person goes unnamed.
        Some(i) if Some(i) != except => Err(Failure::usage(format!(
            "{name:?} is already the name or an alias of someone else"
        ))
        .with_hint("each name belongs to one person; see `rekindle person list`")),
        _ => Ok(()),
    }
}

/// Error messages never quote what the file holds, so no "did you mean" here (`connect`'s
/// warning has one): the list is one command away.
fn unknown_person(name: &str) -> Failure {
    Failure::usage(format!("no person named {name:?}"))
        .with_hint("see `rekindle person list`; nothing was written")
}

fn set(ctx: &Context, args: SetArgs) -> Result<Exit> {
    let name = name_arg("NAME", &args.name)?;
    let every = args
        .every
        .as_deref()
        .map(|text| {
            parse_every(text).map_err(|why| Failure::usage(format!("invalid --every: {why}")))
        })
        .transpose()?;
    let mut aliases = Vec::new();
    for alias in &args.aliases {
        let alias = name_arg("--alias", alias)?;
        if match_key(&alias) != match_key(&name)
            && !aliases
                .iter()
                .any(|a: &String| match_key(a) == match_key(&alias))
        {
            aliases.push(alias);
        }
    }
    let pause = args
        .pause_until
        .as_deref()
        .map(PauseArg::parse)
        .transpose()?;
    let note = match args.note.as_deref() {
        Some("-") => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Failure::usage(format!("cannot read the note from stdin: {e}")))?;
            Some(text.trim_end().to_string())
        }
        Some(text) => Some(text.trim().to_string()),
        None => None,
    };
    if let Some(note) = &note {
        check_text_len("--note", note)?;
    }

    let check = |journal: &Journal| {
        let index = journal.person_named(&name);
        for alias in &aliases {
            check_free(journal, alias, index)?;
        }
        Ok(())
    };
    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), check)?;
    let today = ctx.today(&journal);
    let (index, verb) = match journal.person_named(&name) {
        Some(i) => (i, "Updated"),
        None => {
            let person = Person::new(journal.next_person_id(), name.clone(), today);
            journal.people.push(person);
            (journal.people.len() - 1, "Added")
        }
    };
    let person = &mut journal.people[index];
    let mut notes = Vec::new();
    if person.archived {
        person.archived = false;
        notes.push("back from the archive");
    }
    if let Some(every) = every {
        person.every_days = every;
        if every.is_some() && person.since.is_none() {
            person.since = Some(today);
        }
    }
    for alias in aliases {
        if !person.matches(&alias) {
            person.aliases.push(alias);
        }
    }
    if let Some(pause) = pause {
        person.paused_until = Some(pause.resolve(today));
    }
    if args.resume {
        person.paused_until = None;
    }
    if let Some(note) = note {
        person.note = note;
    }
    let line = describe(&journal, index, today);
    ctx.store.save(&lock, &journal)?;
    let extra = if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join(", "))
    };
    print(format_args!("{verb} {line}{extra}\n"))?;
    Ok(Exit::Ok)
}

/// "Sam (also Samantha): about every 2 weeks, next nudge after 7 Dec; paused until 1 Dec".
fn describe(journal: &Journal, index: usize, today: NaiveDate) -> String {
    let p = &journal.people[index];
    let mut out = p.name.trim().to_string();
    if !p.aliases.is_empty() {
        out.push_str(&format!(" (also {})", p.aliases.join(", ")));
    }
    let mut parts = Vec::new();
    match p.every_days {
        Some(every) => {
            let mut part = format!("about {}", cadence_words(every));
            match next_nudge_after(p, &journal.connections, today) {
                Some(next) if next < today => part.push_str(", in today's suggestions"),
                Some(next) => {
                    part.push_str(&format!(", next nudge after {}", short_date(next, today)))
                }
                None => {}
            }
            parts.push(part);
        }
        None => parts.push("no rhythm set".to_string()),
    }
    if let Some(until) = p.paused_until.filter(|until| *until >= today) {
        parts.push(format!("paused until {}", short_date(until, today)));
    }
    if p.archived {
        parts.push("archived".to_string());
    }
    format!("{out}: {}", parts.join("; "))
}

fn rename(ctx: &Context, old: &str, new: &str) -> Result<Exit> {
    let old = name_arg("OLD", old)?;
    let new = name_arg("NEW", new)?;
    let check = |journal: &Journal| {
        let Some(index) = journal.person_named(&old) else {
            return Err(unknown_person(&old));
        };
        check_free(journal, &new, Some(index))
    };
    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), check)?;
    let Some(index) = journal.person_named(&old) else {
        return Err(unknown_person(&old).into());
    };
    let person = &mut journal.people[index];
    let previous = std::mem::replace(&mut person.name, new.clone());
    person.aliases.retain(|a| match_key(a) != match_key(&new));
    if match_key(&previous) != match_key(&new)
        && !person
            .aliases
            .iter()
            .any(|a| match_key(a) == match_key(&previous))
    {
        person.aliases.push(previous.trim().to_string());
    }
    let previous = previous.trim().to_string();
    ctx.store.save(&lock, &journal)?;
    print(format_args!(
        "Renamed {previous} to {new}; connections logged as {previous} still count for {new}.\n"
    ))?;
    Ok(Exit::Ok)
}

fn archive(ctx: &Context, name: &str) -> Result<Exit> {
    let name = name_arg("NAME", name)?;
    let check = |journal: &Journal| {
        journal
            .person_named(&name)
            .map(drop)
            .ok_or_else(|| unknown_person(&name))
    };
    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), check)?;
    let Some(index) = journal.person_named(&name) else {
        return Err(unknown_person(&name).into());
    };
    let person = &mut journal.people[index];
    let shown = person.name.trim().to_string();
    if person.archived {
        print(format_args!("{shown} was already archived.\n"))?;
        return Ok(Exit::Ok);
    }
    person.archived = true;
    ctx.store.save(&lock, &journal)?;
    print(format_args!(
        "Archived {shown}: no more reach-out suggestions (every connection stays in the log).\n"
    ))?;
    Ok(Exit::Ok)
}

fn list(ctx: &Context, json: bool) -> Result<Exit> {
    let journal = ctx.read()?;
    if json {
        let text = serde_json::to_string_pretty(&journal.people)?;
        print_json(&format!("{text}\n"))?;
        return Ok(Exit::Ok);
    }
    if journal.people.is_empty() {
        print(format_args!(
            "No one chosen yet. Choose someone to stay close to: rekindle person set Sam --every 2w\n"
        ))?;
        return Ok(Exit::Ok);
    }
    let today = ctx.today(&journal);
    let out: String = (0..journal.people.len())
        .map(|i| describe(&journal, i, today) + "\n")
        .collect();
    print(format_args!("{out}"))?;
    Ok(Exit::Ok)
}
