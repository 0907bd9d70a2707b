//! `rekindle trends`: the weekly review as a table, or as the JSON object of docs/SCORING.md.
//!
//! Read-only: no lock and no write of any kind, so it runs beside an open TUI.

use super::{Context, parse_day_arg, print, print_json};
use crate::cli::TrendsArgs;
use crate::error::{Exit, Failure};
use crate::trends;
use anyhow::Result;

pub fn run(ctx: &Context, args: TrendsArgs) -> Result<Exit> {
    // Parse before reading, so a typo is a usage error whatever state the journal is in.
    let as_of = args
        .as_of
        .as_deref()
        .map(|text| parse_day_arg("--as-of", text))
        .transpose()?;
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let day = match as_of.map(|day| day.resolve(today)) {
        // A review "as of" a day that has not happened would silently show an empty future week.
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
