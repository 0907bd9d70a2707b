//! What each subcommand does: parse and validate its arguments, then load, change and save the
//! journal through `store`. Scores and wording come from the pure modules.

mod boundary;
mod checkin;
mod connect;
mod export;
mod import;
mod insights;
mod reminders;
mod settings;
mod status;
mod trends;

use crate::cli::{Cli, Command};
use crate::error::{Exit, Failure};
use crate::journal::{Journal, journal_day, parse_date};
use crate::paths::Paths;
use crate::store::Store;
use anyhow::Result;
use chrono::{DateTime, FixedOffset, Local, NaiveDate, Timelike};
use std::io::Write;

/// Overrides the clock (RFC 3339, such as `2026-11-23T21:04:05+01:00`, read in the local zone):
/// for tests and for reproducing what rekindle showed at a given moment.
pub const NOW_ENV: &str = "REKINDLE_NOW";

/// Everything a command needs from the outside world, decided once at start-up.
pub struct Context {
    pub store: Store,
    pub now: DateTime<FixedOffset>,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context> {
        Ok(Context {
            store: Store::new(Paths::resolve(cli.data_dir.as_deref())?),
            now: now()?,
        })
    }

    /// Today's journal day under the journal's `day_starts_at`.
    pub fn today(&self, journal: &Journal) -> NaiveDate {
        journal_day(&self.now, journal.settings.day_starts_at)
    }

    /// Loads the journal for reading only (no lock, no write of any kind).
    pub fn read(&self) -> Result<Journal, Failure> {
        Ok(self.store.load()?.journal)
    }
}

/// The current local time, or the `REKINDLE_NOW` override (an instant, shown in the local time
/// zone like the real clock would be, so `TZ` applies to both).
pub fn now() -> Result<DateTime<FixedOffset>, Failure> {
    let instant = match std::env::var(NOW_ENV) {
        Ok(text) if !text.is_empty() => DateTime::parse_from_rfc3339(&text)
            .map_err(|e| {
                Failure::usage(format!("{NOW_ENV} is not an RFC 3339 time: {text:?}: {e}"))
            })?
            .with_timezone(&Local),
        _ => Local::now(),
    };
    // Whole seconds: `recorded_at` is for people and ordering, not for benchmarks.
    Ok(instant
        .fixed_offset()
        .with_nanosecond(0)
        .expect("zero nanoseconds is always valid"))
}

/// Runs one subcommand and returns the exit status.
pub fn run(cli: Cli) -> Result<Exit> {
    let ctx = Context::new(&cli)?;
    let Some(command) = cli.command else {
        return crate::tui::run(&ctx.store);
    };
    match command {
        Command::Checkin(args) => checkin::run(&ctx, args),
        Command::Connect(args) => connect::run(&ctx, args),
        Command::Boundary(args) => boundary::run(&ctx, args),
        Command::Reminders { due } => reminders::run(&ctx, due),
        Command::Status => status::run(&ctx),
        Command::Trends(args) => trends::run(&ctx, args),
        Command::Insights(args) => insights::run(&ctx, args),
        Command::Support => settings::support(&ctx),
        Command::Settings(args) => settings::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Paths => paths(&ctx),
    }
}

fn paths(ctx: &Context) -> Result<Exit> {
    let p = &ctx.store.paths;
    print(format_args!(
        "data dir: {}\njournal:  {}\nbackups:  {}\nlock:     {}\n",
        p.data_dir.display(),
        p.journal.display(),
        p.backups.display(),
        p.lock.display()
    ))?;
    Ok(Exit::Ok)
}

/// Parses a `--date`-style argument.
pub fn parse_day_arg(flag: &str, text: &str) -> Result<NaiveDate, Failure> {
    parse_date(text).map_err(|why| Failure::usage(format!("invalid {flag}: {why}")))
}

/// A day to record something on: the given date (not in the future), or today.
pub fn record_day(flag: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    let Some(text) = flag else {
        return Ok(today);
    };
    let date = parse_day_arg("--date", text)?;
    if date > today {
        return Err(Failure::usage(format!(
            "invalid --date: {date} is in the future (today is {today})"
        ))
        .with_hint("record days that have happened; --date is for backfilling"));
    }
    Ok(date)
}

/// Writes to stdout; a closed pipe (`rekindle export | head`) is not an error.
pub fn print(args: std::fmt::Arguments) -> Result<()> {
    let mut out = std::io::stdout().lock();
    quiet_broken_pipe(out.write_fmt(args).and_then(|()| out.flush()))
}

/// Writes bytes (an export) to stdout, with `print`'s broken-pipe rule.
pub fn print_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    quiet_broken_pipe(out.write_all(bytes).and_then(|()| out.flush()))
}

fn quiet_broken_pipe(result: std::io::Result<()>) -> Result<()> {
    match result {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
