//! `rekindle show DATE`: one day in full — the check-in and its scores, the habits, the
//! boundaries kept or slipped, and the day's connections. Read-only.

use super::{Context, parse_day_arg, print};
use crate::error::Exit;
use crate::journal::{Habit, Journal};
use crate::scoring::{self, Band, NOT_A_DIAGNOSIS};
use anyhow::Result;
use chrono::NaiveDate;
use std::fmt::Write;

pub fn run(ctx: &Context, date: &str) -> Result<Exit> {
    let day = parse_day_arg("DATE", date)?;
    let journal = ctx.read()?;
    let date = day.resolve(ctx.today(&journal));
    print(format_args!("{}", render(&journal, date)))?;
    Ok(Exit::Ok)
}

/// Indents every line after the first of a multi-line text.
fn indented(text: &str, indent: &str) -> String {
    text.trim_end().replace('\n', &format!("\n{indent}"))
}

/// The day as `show` prints it.
pub fn render(journal: &Journal, date: NaiveDate) -> String {
    let mut out = format!("{}\n", date.format("%A %Y-%m-%d"));
    let connections: Vec<_> = journal
        .connections
        .iter()
        .filter(|k| k.date == date)
        .collect();
    match journal.check_in_on(date) {
        None => out.push_str("No check-in recorded for this day.\n"),
        Some(c) => {
            let _ = writeln!(
                out,
                "exhaustion {}, cynicism {}, efficacy {}: strain {} of 30, composite {} ({})",
                c.exhaustion,
                c.cynicism,
                c.efficacy,
                scoring::strain(c),
                scoring::fmt1(scoring::composite(c)),
                Band::of_day(c).label()
            );
            if let Some(at) = c.recorded_at {
                let _ = writeln!(out, "recorded {}", at.format("%Y-%m-%d %H:%M %:z"));
            }
            if !c.note.trim().is_empty() {
                let _ = writeln!(out, "\nnote:\n  {}", indented(&c.note, "  "));
            }
            let mut habits = Vec::new();
            if let Some(hours) = c.habits.sleep_hours {
                habits.push(format!("slept {} h", scoring::fmt1(hours)));
            }
            for (label, flag) in Habit::ALL
                .map(Habit::label)
                .into_iter()
                .zip(c.habits.flags())
            {
                match flag {
                    Some(true) => habits.push(format!("{label}: yes")),
                    Some(false) => habits.push(format!("{label}: no")),
                    None => {}
                }
            }
            out.push_str("\nhabits: ");
            if habits.is_empty() {
                out.push_str("not recorded\n");
            } else {
                out.push_str(&habits.join(", "));
                out.push('\n');
            }
            if c.boundaries.is_empty() {
                out.push_str("boundaries: not recorded\n");
            } else {
                out.push_str("boundaries:\n");
                for (id, outcome) in &c.boundaries {
                    let text = journal
                        .boundary(id)
                        .map_or("(not in the boundary list)", |b| b.text.as_str());
                    let _ = writeln!(out, "  {:<8} {id}  {}", outcome.as_str(), text);
                }
            }
        }
    }
    if connections.is_empty() {
        out.push_str("connections: none logged\n");
    } else {
        out.push_str("connections:\n");
        for k in connections {
            let _ = writeln!(
                out,
                "  {} — {}, reached out: {}, felt {}  [{}]",
                k.person,
                k.kind.phrase(),
                k.initiated_by.as_str(),
                k.felt.as_str(),
                k.id
            );
            for (label, text) in [("note", &k.note), ("gratitude", &k.gratitude)] {
                if !text.trim().is_empty() {
                    let _ = writeln!(out, "    {label}: {}", indented(text, "      "));
                }
            }
        }
    }
    if journal.check_in_on(date).is_some() {
        let _ = writeln!(out, "{NOT_A_DIAGNOSIS}");
    }
    out
}
