//! `rekindle status`: one line for a shell prompt.
//!
//! Read-only as far as the journal goes and cheap (it runs on every prompt): no lock, no backup.
//! The line is computed from the recent-days summary (`store::summary`) when it matches the
//! journal on disk and covers today − 13 … today, so it costs the same at 1 or 50 years; else
//! from the whole journal, after which the summary is written afresh for the next prompt. The
//! summary holds every check-in of its window, so both give the same line.

use super::{Context, print};
use crate::cli::StatusArgs;
use crate::error::Exit;
use crate::trends;
use anyhow::Result;

pub fn run(ctx: &Context, args: StatusArgs) -> Result<Exit> {
    // `--with reach-out` looks at every connection: it needs the whole journal.
    let reach_out = args.with.iter().any(|s| s == "reach-out");
    if !reach_out && let Some(recent) = ctx.store.recent(crate::store::summary::Part::Short) {
        let today = ctx.today(&recent.journal);
        if today
            .checked_sub_days(chrono::Days::new(13))
            .is_some_and(|first| recent.covers(first))
        {
            let line = trends::status_line(&recent.journal, today);
            print(format_args!("{line}\n"))?;
            return Ok(Exit::Ok);
        }
    }
    let journal = ctx
        .store
        .load_and_summarise()
        .map_err(crate::error::Failure::from)?
        .journal;
    let today = ctx.today(&journal);
    let mut line = trends::status_line(&journal, today);
    // `--with reach-out`: an opt-in segment naming who to reach out to, absent when no one.
    if reach_out {
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
