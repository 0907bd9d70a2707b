//! `rekindle reminders [--due]`: the boundaries in force now.

use super::{Context, print};
use crate::error::Exit;
use crate::reminders::{in_force_now, reminder_line_as_typed};
use anyhow::Result;

pub fn run(ctx: &Context, due: bool) -> Result<Exit> {
    let journal = ctx.read()?;
    let now = ctx.now.naive_local();
    let active = in_force_now(&journal.boundaries, now);
    if active.is_empty() {
        if !due {
            print(format_args!("No boundary is in force right now.\n"))?;
        }
        return Ok(if due { Exit::NoneDue } else { Exit::Ok });
    }
    let lines: String = active
        .iter()
        .map(|b| reminder_line_as_typed(b, now) + "\n")
        .collect();
    print(format_args!("{lines}"))?;
    Ok(Exit::Ok)
}
