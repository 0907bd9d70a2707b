//! `rekindle reach-out [--all] [--due] [--json]`: who the user might reach out to today, from
//! the rhythms they chose. Read-only; nothing is ever sent (the "stay close" issue, rule 6).

use super::{Context, print, print_json};
use crate::cli::ReachOutArgs;
use crate::error::Exit;
use crate::stay_close::{Nudge, Reason, StayClose, stay_close};
use anyhow::Result;
use serde_json::json;

/// The one-line how-to shown when no one has a rhythm yet.
pub const HOW_TO: &str =
    "No reach-out rhythms yet. Choose someone to stay close to: rekindle person set Sam --every 2w";

pub fn run(ctx: &Context, args: ReachOutArgs) -> Result<Exit> {
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let view = stay_close(
        &journal.people,
        &journal.connections,
        &journal.check_ins,
        today,
    );
    let shown: &[Nudge] = if args.all { &view.nudges } else { view.shown() };
    let more = view.nudges.len() - shown.len();
    let exit = if args.due && view.nudges.is_empty() {
        Exit::NoneDue
    } else {
        Exit::Ok
    };
    if args.json {
        print_json(&format!("{}\n", to_json(&view, shown, more, today)))?;
        return Ok(exit);
    }
    let mut out = String::new();
    for nudge in shown {
        out.push_str(&nudge.line);
        out.push('\n');
    }
    if let Some(step) = view.small_step() {
        out.push_str(step);
        out.push('\n');
    }
    if more > 0 {
        out.push_str(&format!(
            "and {more} more (rekindle reach-out --all shows everyone)\n"
        ));
    }
    if !view.any_cadence {
        if !args.due {
            out.push_str(HOW_TO);
            out.push('\n');
        }
    } else if view.nudges.is_empty() && !args.due {
        out.push_str(
            "No one to suggest today: everyone you chose is within the rhythm you hoped for.\n",
        );
    }
    print(format_args!("{out}"))?;
    Ok(exit)
}

fn to_json(
    view: &StayClose,
    shown: &[Nudge],
    more: usize,
    today: chrono::NaiveDate,
) -> serde_json::Value {
    let nudges: Vec<serde_json::Value> = shown
        .iter()
        .map(|n| match &n.reason {
            Reason::Cadence {
                every_days,
                days_since,
                from_contact,
                days_past_due,
            } => json!({
                "name": n.name, "person_id": n.person_id, "why": "cadence",
                "every_days": every_days, "days_since": days_since,
                "since_contact": from_contact, "days_past_due": days_past_due, "line": n.line,
            }),
            Reason::Unmentioned => json!({
                "name": n.name, "person_id": n.person_id, "why": "unmentioned", "line": n.line,
            }),
        })
        .collect();
    json!({
        "today": today.to_string(),
        "hard_day": view.hard_day,
        "nudges": nudges,
        "more": more,
        "small_step": view.small_step(),
        "any_cadence": view.any_cadence,
    })
}
