//! `rekindle insights`: patterns (docs/INSIGHTS.md) as text, or as JSON for scripts.
//!
//! Read-only: no lock and no write of any kind, so it runs beside an open TUI. Exit 0 whatever
//! the result ("no clear difference" and "not enough data" are answers, not errors).

use super::{Context, print, print_json, read_as_of};
use crate::cli::InsightsArgs;
use crate::error::Exit;
use crate::insights;
use anyhow::Result;

pub fn run(ctx: &Context, args: InsightsArgs) -> Result<Exit> {
    let (journal, day) = read_as_of(ctx, args.as_of.as_deref())?;
    let report = insights::analyse(&journal, day, args.weeks);
    if args.json {
        let text = serde_json::to_string_pretty(&insights::to_json(&report))?;
        print_json(&format!("{text}\n"))?;
    } else {
        print(format_args!("{}", insights::render(&report, args.all)))?;
    }
    Ok(Exit::Ok)
}
