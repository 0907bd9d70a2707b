//! What each subcommand does: parse and validate its arguments, then load, change and save the
//! journal through `store`. Scores and wording come from the pure modules.

mod boundary;
mod checkin;
mod connect;
mod export;
mod import;
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
///
/// The override's own offset says which instant is meant; the zone it is shown in is `TZ`'s, as
/// for the real clock (SPEC §2: `date` is the local calendar day, `recorded_at` carries the local
/// offset). Honouring the override's offset instead would make a test clock and the real clock
/// disagree on which day it is.
///
/// A clock outside 1970-01-01 … 9999-12-31 (in the local zone) is refused: a journal date or
/// `recorded_at` outside those years could not be read back.
pub fn now() -> Result<DateTime<FixedOffset>, Failure> {
    let (instant, source) = match std::env::var(NOW_ENV) {
        Ok(text) if !text.is_empty() => (
            DateTime::parse_from_rfc3339(&text)
                .map_err(|e| {
                    Failure::usage(format!("{NOW_ENV} is not an RFC 3339 time: {text:?}: {e}"))
                })?
                .with_timezone(&Local),
            NOW_ENV,
        ),
        _ => (Local::now(), "the system clock"),
    };
    let local = instant.date_naive();
    if instant.timestamp() < 0 || local < FIRST_DAY || local > LAST_DAY {
        return Err(Failure::usage(format!(
            "{source} says {}, outside the dates rekindle keeps ({FIRST_DAY} to {LAST_DAY}); nothing was written",
            instant.format("%Y-%m-%d %H:%M")
        ))
        .with_hint(if source == NOW_ENV {
            "set REKINDLE_NOW to a time in that range, or unset it"
        } else {
            "set the system clock to the right time"
        }));
    }
    // Whole seconds: `recorded_at` is for people and ordering, not for benchmarks.
    Ok(instant
        .fixed_offset()
        .with_nanosecond(0)
        .expect("zero nanoseconds is always valid"))
}

/// The first and last day rekindle records: the Unix epoch, and the last date with four digits.
pub const FIRST_DAY: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("a real date");
pub const LAST_DAY: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a real date");

/// The most text one argument (a note, a name, a boundary, a setting) may hold: 64 KiB.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Refuses any command-line argument over `MAX_TEXT_BYTES` before anything else runs, naming
/// the flag it belongs to (`--note TEXT` or `--note=TEXT`), so no text of any kind gets past
/// the input edge oversized. The commands' own checks name their fields the same way.
fn check_args_len(args: impl Iterator<Item = std::ffi::OsString>) -> Result<(), Failure> {
    let mut previous: Option<String> = None;
    for arg in args {
        let bytes = arg.as_encoded_bytes();
        if bytes.len() > MAX_TEXT_BYTES {
            let text = String::from_utf8_lossy(bytes);
            let flag = match text.split_once('=') {
                Some((flag, _)) if flag.starts_with("--") && !flag.contains(' ') => {
                    flag.to_string()
                }
                _ => previous
                    .filter(|p| p.starts_with('-') && p.len() > 1)
                    .unwrap_or_else(|| "an argument".to_string()),
            };
            return Err(Failure::usage(format!(
                "{flag} is {} bytes, more than the 64 KiB rekindle takes",
                bytes.len()
            ))
            .with_hint("shorten it; nothing was written"));
        }
        previous = Some(String::from_utf8_lossy(bytes).into_owned());
    }
    Ok(())
}

/// Refuses text over `MAX_TEXT_BYTES`, naming the flag, never quoting the text.
pub fn check_text_len(flag: &str, text: &str) -> Result<(), Failure> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Failure::usage(format!(
            "{flag} is {} bytes, more than the 64 KiB rekindle takes",
            text.len()
        ))
        .with_hint("shorten it; nothing was written"));
    }
    Ok(())
}

/// Runs one subcommand and returns the exit status.
pub fn run(cli: Cli) -> Result<Exit> {
    check_args_len(std::env::args_os().skip(1))?;
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

/// Parses a `--date`-style argument: a real date from 1970-01-01 to 9999-12-31.
pub fn parse_day_arg(flag: &str, text: &str) -> Result<NaiveDate, Failure> {
    let date = parse_date(text).map_err(|why| Failure::usage(format!("invalid {flag}: {why}")))?;
    if !(FIRST_DAY..=LAST_DAY).contains(&date) {
        return Err(Failure::usage(format!(
            "invalid {flag}: {date} is outside the dates rekindle keeps ({FIRST_DAY} to {LAST_DAY})"
        )));
    }
    Ok(date)
}

/// A day to record something on: the given date (not in the future), or today.
pub fn record_day(flag: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    let Some(text) = flag else {
        return Ok(today);
    };
    not_in_future(parse_day_arg("--date", text)?, today)
}

/// Refuses a `--date` after `today` (the journal's day, so known only once it is loaded).
pub fn not_in_future(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Failure> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &[&str]) -> Result<(), String> {
        check_args_len(args.iter().map(std::ffi::OsString::from)).map_err(|f| f.what)
    }

    #[test]
    fn an_oversized_argument_is_refused_naming_its_flag() {
        let long = "x".repeat(MAX_TEXT_BYTES + 1);
        assert!(check(&["checkin", "--note", &long[1..]]).is_ok());
        let err = check(&["checkin", "--note", &long]).unwrap_err();
        assert!(err.starts_with("--note is 65537 bytes"), "{err}");
        let err = check(&["checkin", &format!("--note={long}")]).unwrap_err();
        assert!(err.starts_with("--note is"), "{err}");
        let err = check(&["connect", &long]).unwrap_err();
        assert!(err.starts_with("an argument is"), "{err}");
        assert!(!err.contains("xxx"), "never quotes the text");
    }

    #[test]
    fn dates_outside_1970_to_9999_are_refused() {
        assert!(parse_day_arg("--date", "1970-01-01").is_ok());
        assert!(parse_day_arg("--date", "9999-12-31").is_ok());
        let err = parse_day_arg("--date", "1969-12-31").unwrap_err();
        assert_eq!(err.exit, Exit::Usage);
        assert!(err.what.contains("1970-01-01"), "{}", err.what);
    }
}
