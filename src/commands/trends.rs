//! `rekindle trends`: the weekly review as a table, or as the JSON object of docs/SCORING.md.
//!
//! Read-only: no lock and no write of any kind, so it runs beside an open TUI.

use super::{Context, print, print_json, read_as_of};
use crate::cli::TrendsArgs;
use crate::error::Exit;
use crate::trends;
use anyhow::Result;

pub fn run(ctx: &Context, args: TrendsArgs) -> Result<Exit> {
    let (journal, day) = read_as_of(ctx, args.as_of.as_deref())?;
    let review = trends::review(&journal, day, usize::from(args.weeks));
    if args.json {
        let text = serde_json::to_string_pretty(&review)?;
        print_json(&format!("{text}\n"))?;
    } else {
        let text = trends::table(&review, &journal.settings.support_text);
        print(format_args!("{text}"))?;
    }
    Ok(Exit::Ok)
}
