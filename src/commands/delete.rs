//! `rekindle delete DATE [--yes]`: delete a day's check-in.
//!
//! On a terminal it asks first (on stderr, reading the answer from stdin); without a terminal it
//! refuses unless `--yes` is given, so a script never deletes by accident and never hangs on a
//! question nobody sees. The day's connections are kept (they are entries of their own).
//!
//! Like an import, a delete is not made without a way back: before saving, a backup is made to
//! hold the journal exactly as it was (`store::backup::before_import`: today's daily copy when it
//! already holds it, else `backups/journal-YYYY-MM-DD_before-import.json`), and when that copy
//! cannot be written nothing is deleted. So the deleted day is always in the newest backup.

use super::{Context, parse_day_arg, print};
use crate::cli::DeleteArgs;
use crate::error::{Exit, Failure};
use crate::journal::Journal;
use crate::store::{CLI_LOCK_PATIENCE, backup};
use anyhow::Result;
use chrono::NaiveDate;
use std::io::{BufRead, IsTerminal, Write};

pub fn run(ctx: &Context, args: DeleteArgs) -> Result<Exit> {
    let day = parse_day_arg("DATE", &args.date)?;
    let no_check_in = |date: NaiveDate| {
        Failure::usage(format!("there is no check-in on {date} to delete"))
            .with_hint("see the days with `rekindle list`")
    };
    let exists = |journal: &Journal, date: NaiveDate| journal.check_in_on(date).is_some();

    // Read without the lock first: a refused or declined delete writes nothing at all.
    let journal = ctx.read()?;
    let date = day.resolve(ctx.today(&journal));
    let Some(c) = journal.check_in_on(date) else {
        return Err(no_check_in(date).into());
    };
    let described = format!(
        "the check-in for {} (E{} C{} F{})",
        date.format("%a %Y-%m-%d"),
        c.exhaustion,
        c.cynicism,
        c.efficacy
    );
    if !args.yes {
        if !std::io::stdin().is_terminal() {
            return Err(Failure::usage(format!(
                "not deleting {described}: rekindle asks before deleting, and stdin is not a terminal"
            ))
            .with_hint("add --yes to delete without asking (for scripts)")
            .into());
        }
        if !ask(&format!(
            "Delete {described}? Its connections are kept. [y/N] "
        ))? {
            print(format_args!("Kept {described}; nothing was deleted.\n"))?;
            return Ok(Exit::Ok);
        }
    }

    let today = ctx.now.date_naive();
    let (lock, mut journal) = ctx.store.begin_write(CLI_LOCK_PATIENCE, today)?;
    if !exists(&journal, date) {
        return Err(no_check_in(date).into());
    }
    let mut out = String::new();
    if let Some(bytes) = lock.loaded_bytes() {
        let copy = backup::before_import(&ctx.store.paths.backups, bytes, today).map_err(|e| {
            Failure::cannot_write(&ctx.store.paths.backups, &e).with_hint(
                "nothing was deleted; free some space or fix the permissions of the backups directory, then try again",
            )
        })?;
        out.push_str(&format!(
            "Deleted {described} from {}\nThe journal as it was before is in {}\n",
            ctx.store.paths.journal.display(),
            copy.display()
        ));
    }
    journal.remove_check_in(date);
    ctx.store.save(&lock, &journal)?;
    drop(lock);
    print(format_args!("{out}"))?;
    Ok(Exit::Ok)
}

/// Asks on stderr and reads one line from stdin: `y` or `yes` (any case) is yes.
fn ask(question: &str) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    write!(err, "{}", crate::terminal_text::visible(question))?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    let answer = answer.trim().to_lowercase();
    Ok(answer == "y" || answer == "yes")
}
