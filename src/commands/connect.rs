//! `rekindle connect`: log a connection with someone.

use super::{Context, check_text_len, not_in_future, parse_day_arg, print};
use crate::cli::ConnectArgs;
use crate::error::{Exit, Failure};
use crate::journal::{Connection, Felt, InitiatedBy, Kind, check_person, match_key};
use crate::stay_close::{did_you_mean, next_nudge_after, short_date};
use crate::store::CLI_LOCK_PATIENCE;
use anyhow::Result;

pub fn run(ctx: &Context, args: ConnectArgs) -> Result<Exit> {
    fn invalid(flag: &'static str) -> impl Fn(String) -> Failure {
        move |why| Failure::usage(format!("invalid {flag}: {why}"))
    }
    check_text_len("PERSON", &args.person)?;
    check_text_len("--note", args.note.as_deref().unwrap_or_default())?;
    check_text_len("--gratitude", args.gratitude.as_deref().unwrap_or_default())?;
    let person = check_person(&args.person).map_err(invalid("PERSON"))?;
    let kind: Kind = args.kind.parse().map_err(invalid("--kind"))?;
    let felt: Felt = args.felt.parse().map_err(invalid("--felt"))?;
    let initiated_by: InitiatedBy = args.by.parse().map_err(invalid("--by"))?;
    let date = args
        .date
        .as_deref()
        .map(|text| parse_day_arg("--date", text))
        .transpose()?;

    let (lock, mut journal) =
        ctx.store
            .begin_write_checked(CLI_LOCK_PATIENCE, ctx.now.date_naive(), |journal| {
                date.map_or(Ok(()), |date| {
                    let today = ctx.today(journal);
                    not_in_future(date.resolve(today), today).map(drop)
                })
            })?;
    let today = ctx.today(&journal);
    let date = date.map_or(today, |date| date.resolve(today));
    let connection = Connection {
        id: journal.next_connection_id(date),
        date,
        recorded_at: Some(ctx.now),
        person,
        kind,
        initiated_by,
        felt,
        note: args.note.unwrap_or_default().trim().to_string(),
        gratitude: args.gratitude.unwrap_or_default().trim().to_string(),
        extra: Default::default(),
    };
    // The person's name exactly as typed; `print` makes any control in it visible.
    let summary = format!(
        "Logged {} with {} on {} (felt {}, {}): {}\n",
        kind.phrase(),
        connection.person,
        date.format("%a %Y-%m-%d"),
        felt,
        match initiated_by {
            InitiatedBy::Me => "you reached out",
            InitiatedBy::Them => "they reached out",
            InitiatedBy::Mutual => "you both reached out",
        },
        connection.id,
    );
    // Stay close: when the person has a rhythm, say when the next suggestion could come; when
    // the name matches no one but is close to someone's, ask (never merge by itself).
    let mut summary = summary;
    let mut warning = None;
    match journal.person_named(&connection.person) {
        Some(i) => {
            let person = &journal.people[i];
            let mut with_this = journal.connections.clone();
            with_this.push(connection.clone());
            if person.every_days.is_some()
                && let Some(next) = next_nudge_after(person, &with_this, today)
            {
                summary.push_str(&format!(
                    "{}: next nudge after {}\n",
                    person.name.trim(),
                    short_date(next, today)
                ));
            }
        }
        None => {
            let known_name = journal
                .connections
                .iter()
                .any(|c| match_key(&c.person) == match_key(&connection.person));
            if !known_name && let Some(close) = did_you_mean(&journal.people, &connection.person) {
                warning = Some(format!(
                    "rekindle: no person named '{}' — did you mean {close}? (logged as typed; `rekindle person set {close} --alias NAME` links a name)",
                    connection.person
                ));
            }
        }
    }
    journal.connections.push(connection);
    ctx.store.save(&lock, &journal)?;
    print(format_args!("{summary}"))?;
    if let Some(warning) = warning {
        super::eprint_line(&warning);
    }
    Ok(Exit::Ok)
}
