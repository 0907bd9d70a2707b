//! `rekindle insights`: patterns (docs/INSIGHTS.md) as text, or as JSON for scripts.
//!
//! Read-only: no lock and no write of any kind, so it runs beside an open TUI. Exit 0 whatever
//! the result ("no clear difference" and "not enough data" are answers, not errors).

use super::{Context, parse_day_arg, print, print_json};
use crate::cli::InsightsArgs;
use crate::error::{Exit, Failure};
use crate::insights;
use anyhow::Result;

pub fn run(ctx: &Context, args: InsightsArgs) -> Result<Exit> {
    // Parse before reading, so a typo is a usage error whatever state the journal is in.
    let as_of = args
        .as_of
        .as_deref()
        .map(|text| parse_day_arg("--as-of", text))
        .transpose()?;
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let day = match as_of.map(|day| day.resolve(today)) {
        Some(date) if date > today => {
            return Err(Failure::usage(format!(
                "invalid --as-of: {date} is after today ({today})"
            ))
            .with_hint("--as-of looks back from a past date; leave it out for today")
            .into());
        }
        Some(date) => date,
        None => today,
    };
    let report = insights::analyse(&journal, day, args.weeks);
    if args.json {
        let text = serde_json::to_string_pretty(&insights::to_json(&report))?;
        print_json(&format!("{text}\n"))?;
    } else {
        print(format_args!("{}", insights::render(&report, args.all)))?;
    }
    Ok(Exit::Ok)
}
