//! `rekindle boundary add|list|archive|restore`.

use super::{Context, check_text_len, print};
use crate::cli::BoundaryCommand;
use crate::error::{Exit, Failure};
use crate::journal::{Boundary, ClockTime, ShortDay, check_boundary_text};
use crate::reminders::{describe_window, in_force};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;

pub fn run(ctx: &Context, command: BoundaryCommand) -> Result<Exit> {
    match command {
        BoundaryCommand::Add {
            text,
            from,
            until,
            days,
        } => add(ctx, &text, from.as_deref(), until.as_deref(), days),
        BoundaryCommand::List => list(ctx),
        BoundaryCommand::Archive { id } => archive(ctx, &id, true),
        BoundaryCommand::Restore { id } => archive(ctx, &id, false),
    }
}

fn time_arg(flag: &str, text: Option<&str>) -> Result<Option<ClockTime>, Failure> {
    text.map(|t| {
        ClockTime::parse_input(t).map_err(|why| Failure::usage(format!("invalid {flag}: {why}")))
    })
    .transpose()
}

fn add(
    ctx: &Context,
    text: &str,
    from: Option<&str>,
    until: Option<&str>,
    days: Option<Vec<String>>,
) -> Result<Exit> {
    check_text_len("TEXT", text)?;
    let text = check_boundary_text(text).map_err(Failure::usage)?;
    let from = time_arg("--from", from)?;
    let until = time_arg("--until", until)?;
    let days = days
        .map(|names| {
            let mut parsed: Vec<ShortDay> = Vec::new();
            for name in names.iter().filter(|n| !n.trim().is_empty()) {
                let day: ShortDay = name
                    .parse()
                    .map_err(|why: String| Failure::usage(format!("invalid --days: {why}")))?;
                if !parsed.contains(&day) {
                    parsed.push(day);
                }
            }
            if parsed.is_empty() {
                return Err(Failure::usage("invalid --days: no weekday given"));
            }
            parsed.sort_by_key(|d| d.0.num_days_from_monday());
            Ok(parsed)
        })
        .transpose()?;

    let (lock, mut journal) = ctx
        .store
        .begin_write(CLI_LOCK_PATIENCE, ctx.now.date_naive())?;
    let boundary = Boundary {
        id: journal.next_boundary_id(),
        text,
        from,
        until,
        days,
        created: Some(ctx.today(&journal)),
        archived: false,
        extra: Default::default(),
    };
    let line = format!(
        "Added boundary {}: {} ({})\n",
        boundary.id,
        boundary.text,
        describe_window(&boundary)
    );
    journal.boundaries.push(boundary);
    ctx.store.save(&lock, &journal)?;
    print(format_args!("{line}"))?;
    Ok(Exit::Ok)
}

fn list(ctx: &Context) -> Result<Exit> {
    let journal = ctx.read()?;
    if journal.boundaries.is_empty() {
        print(format_args!(
            "No boundaries yet. Add one: rekindle boundary add \"No work email after 19:00\" --from 19:00 --until 07:00\n"
        ))?;
        return Ok(Exit::Ok);
    }
    let now = ctx.now.naive_local();
    let mut out = String::new();
    for b in &journal.boundaries {
        let state = if b.archived {
            "archived"
        } else if in_force(b, now) {
            "in force now"
        } else {
            ""
        };
        let row = format!(
            "{:<6} {:<40} {:<24} {state}",
            b.id,
            b.text,
            describe_window(b)
        );
        out.push_str(row.trim_end());
        out.push('\n');
    }
    print(format_args!("{}", out))?;
    Ok(Exit::Ok)
}

/// Archives (`archive`) or restores (`!archive`) a boundary; already so is not an error.
fn archive(ctx: &Context, id: &str, archive: bool) -> Result<Exit> {
    check_text_len("ID", id)?;
    let unknown = || {
        Failure::usage(format!("no boundary with id {id:?}"))
            .with_hint("see `rekindle boundary list` for the ids")
    };
    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), |journal| {
                journal.boundary(id).map(drop).ok_or_else(unknown)
            })?;
    let Some(boundary) = journal.boundaries.iter_mut().find(|b| b.id == id) else {
        return Err(unknown().into());
    };
    if boundary.archived == archive {
        let state = if archive { "archived" } else { "active" };
        print(format_args!("Boundary {id} was already {state}.\n"))?;
        return Ok(Exit::Ok);
    }
    boundary.archived = archive;
    let text = boundary.text.clone();
    let window = describe_window(boundary);
    ctx.store.save(&lock, &journal)?;
    if archive {
        print(format_args!(
            "Archived boundary {id}: {text} (its history is kept)\n"
        ))?;
    } else {
        print(format_args!(
            "Restored boundary {id}: {text} ({window}); it shows in reminders and check-ins again\n"
        ))?;
    }
    Ok(Exit::Ok)
}
