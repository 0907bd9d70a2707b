//! `rekindle list [--from D] [--to D] [--search TEXT] [--json]`: the journal's days, newest
//! first, one line each.
//!
//! Without `--search` every day of the range is listed, a missed day as a gap line, so a run of
//! missed days is visible rather than silently skipped. The range runs from `--from` (default:
//! the first day with anything recorded, and never before it) to `--to` (default: today; never
//! past today or the last recorded day, whichever is later, since days still to come are not
//! "missed"). With `--search` only the days that match are listed (see `journal::search`).
//! Read-only: no lock, no write of any kind.

use super::{Context, parse_day_arg, print, print_json};
use crate::cli::ListArgs;
use crate::error::{Exit, Failure};
use crate::journal::search::{Place, Query};
use crate::journal::{CheckIn, Journal};
use crate::scoring;
use anyhow::Result;
use chrono::NaiveDate;
use serde_json::{Value, json};
use std::collections::BTreeMap;

pub fn run(ctx: &Context, args: ListArgs) -> Result<Exit> {
    let from = args
        .from
        .as_deref()
        .map(|t| parse_day_arg("--from", t))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|t| parse_day_arg("--to", t))
        .transpose()?;
    if let Some(text) = &args.search {
        super::check_text_len("--search", text)?;
    }
    let query = args.search.as_deref().and_then(Query::new);
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let (from, to) = (from.map(|d| d.resolve(today)), to.map(|d| d.resolve(today)));
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(
            Failure::usage(format!("invalid range: --from {from} is after --to {to}")).into(),
        );
    }
    let days = select(&journal, today, from, to, query.as_ref());
    if args.json {
        let value = json!({
            "from": from.map(|d| d.to_string()),
            "to": to.map(|d| d.to_string()),
            "search": args.search,
            "days": days.iter().map(|d| day_json(&journal, d)).collect::<Vec<_>>(),
        });
        print_json(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
        return Ok(Exit::Ok);
    }
    if days.is_empty() {
        let why = match (&query, journal.check_ins.is_empty()) {
            (Some(_), _) => "No day matches that search.",
            (None, true) => "No check-ins yet. Record one: rekindle checkin -e 7 -c 4 -f 5",
            (None, false) => "No days in that range.",
        };
        print(format_args!("{why}\n"))?;
        return Ok(Exit::Ok);
    }
    let mut out = String::new();
    for day in &days {
        out.push_str(&day_line(&journal, day));
        out.push('\n');
    }
    print(format_args!("{out}"))?;
    Ok(Exit::Ok)
}

/// One listed day: its check-in if it has one, and where a search matched.
#[derive(Debug)]
pub struct Day<'a> {
    pub date: NaiveDate,
    pub check_in: Option<&'a CheckIn>,
    pub matches: Vec<Place>,
}

/// The days to list, newest first.
pub fn select<'a>(
    journal: &'a Journal,
    today: NaiveDate,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    query: Option<&Query>,
) -> Vec<Day<'a>> {
    let by_date: BTreeMap<NaiveDate, &CheckIn> =
        journal.check_ins.iter().map(|c| (c.date, c)).collect();
    let within = |d: &NaiveDate| from.is_none_or(|f| *d >= f) && to.is_none_or(|t| *d <= t);
    if let Some(query) = query {
        return query
            .days(journal)
            .into_iter()
            .rev()
            .filter(|(d, _)| within(d))
            .map(|(date, matches)| Day {
                date,
                check_in: by_date.get(&date).copied(),
                matches,
            })
            .collect();
    }
    let recorded = by_date
        .keys()
        .copied()
        .chain(journal.connections.iter().map(|k| k.date));
    let (Some(first), Some(last)) = (recorded.clone().min(), recorded.max()) else {
        return Vec::new();
    };
    let start = from.map_or(first, |f| f.max(first));
    let end = to.unwrap_or(today).min(today.max(last));
    let mut days = Vec::new();
    let mut date = end;
    while date >= start {
        days.push(Day {
            date,
            check_in: by_date.get(&date).copied(),
            matches: Vec::new(),
        });
        match date.pred_opt() {
            Some(d) => date = d,
            None => break,
        }
    }
    days
}

fn first_line(note: &str) -> String {
    let mut lines = note.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or("").trim().to_string();
    if lines.next().is_some() {
        first + " …"
    } else {
        first
    }
}

/// `Mon 2026-11-23  E 7 C 4 F 5  strain 16  Back-to-back incident calls.`
pub fn day_line(journal: &Journal, day: &Day) -> String {
    let date = day.date.format("%a %Y-%m-%d");
    let mut line = match day.check_in {
        Some(c) => format!(
            "{date}  E{:>2} C{:>2} F{:>2}  strain {:>2}  {}",
            c.exhaustion.get(),
            c.cynicism.get(),
            c.efficacy.get(),
            scoring::strain(c),
            first_line(&c.note)
        ),
        None => format!("{date}  ·  no check-in"),
    };
    let elsewhere: Vec<String> = day
        .matches
        .iter()
        .filter_map(|place| {
            let (i, what) = match *place {
                Place::Note => return None,
                Place::ConnectionNote(i) => (i, "note"),
                Place::Gratitude(i) => (i, "gratitude"),
            };
            let k = journal.connections.get(i)?;
            Some(format!("{what} of the connection with {}", k.person))
        })
        .collect();
    if !elsewhere.is_empty() {
        line = format!(
            "{}  [found in the {}]",
            line.trim_end(),
            elsewhere.join(", ")
        );
    }
    line.trim_end().to_string()
}

fn day_json(journal: &Journal, day: &Day) -> Value {
    let check_in = day.check_in.map(|c| {
        json!({
            "exhaustion": c.exhaustion.get(),
            "cynicism": c.cynicism.get(),
            "efficacy": c.efficacy.get(),
            "strain": scoring::strain(c),
            "composite": scoring::round1(scoring::composite(c)),
            "note": c.note,
        })
    });
    let matches: Vec<Value> = day
        .matches
        .iter()
        .map(|place| match *place {
            Place::Note => json!({ "in": "note" }),
            Place::ConnectionNote(i) => json!({
                "in": "connection_note",
                "connection": journal.connections.get(i).map(|k| k.id.as_str()),
            }),
            Place::Gratitude(i) => json!({
                "in": "gratitude",
                "connection": journal.connections.get(i).map(|k| k.id.as_str()),
            }),
        })
        .collect();
    let mut value = json!({ "date": day.date.to_string(), "check_in": check_in });
    if !day.matches.is_empty() {
        value["matches"] = Value::Array(matches);
    }
    value
}
