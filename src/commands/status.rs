//! `rekindle status`: one line for a shell prompt.
//!
//! Read-only and cheap (it runs on every prompt): one read of the journal, no lock, no backup,
//! three linear passes over the check-ins (`trends::status_line`).

use super::{Context, print};
use crate::cli::StatusArgs;
use crate::error::Exit;
use crate::trends;
use anyhow::Result;

pub fn run(ctx: &Context, args: StatusArgs) -> Result<Exit> {
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let mut line = trends::status_line(&journal, today);
    // `--with reach-out`: an opt-in segment naming who to reach out to, absent when no one.
    if args.with.iter().any(|s| s == "reach-out") {
        let view = crate::stay_close::stay_close(
            &journal.people,
            &journal.connections,
            &journal.check_ins,
            today,
        );
        let names: Vec<&str> = view.shown().iter().map(|n| n.name.as_str()).collect();
        if !names.is_empty() {
            let more = match view.more() {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            line.push_str(&format!(" · reach out: {}{more}", names.join(", ")));
        }
    }
    print(format_args!("{line}\n"))?;
    Ok(Exit::Ok)
}
