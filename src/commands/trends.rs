//! `rekindle trends`: the weekly review as a table, or as the JSON object of docs/SCORING.md.
//!
//! Read-only: no lock and no write of any kind, so it runs beside an open TUI. The review comes
//! from the recent-days summary when that is provably the whole journal's review
//! (`trends::review_of_recent`), so its cost does not grow with the years; otherwise from the
//! whole journal.

use super::{Context, as_of_day, parse_as_of, print, print_json};
use crate::cli::TrendsArgs;
use crate::error::Exit;
use crate::store::summary::Part;
use crate::trends::{self, Review};
use anyhow::Result;

pub fn run(ctx: &Context, args: TrendsArgs) -> Result<Exit> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let weeks = usize::from(args.weeks);
    let from_summary = ctx.store.recent(Part::Window).and_then(|recent| {
        // A refused `--as-of` is refused again, with the same words, by the full load below.
        let day = as_of_day(as_of, ctx.today(&recent.journal)).ok()?;
        let review = trends::review_of_recent(&recent.journal, recent.from, day, weeks)?;
        Some((review, recent.journal.settings.support_text))
    });
    let (review, support_text): (Review, String) = match from_summary {
        Some(found) => found,
        None => {
            let journal = ctx.read()?;
            let day = as_of_day(as_of, ctx.today(&journal))?;
            let review = trends::review(&journal, day, weeks);
            (review, journal.settings.support_text)
        }
    };
    if args.json {
        let text = serde_json::to_string_pretty(&review)?;
        print_json(&format!("{text}\n"))?;
    } else {
        let text = trends::table(&review, &support_text);
        print(format_args!("{text}"))?;
    }
    Ok(Exit::Ok)
}
