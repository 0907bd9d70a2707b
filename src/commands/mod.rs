//! What each subcommand does: parse and validate its arguments, then load, change and save the
//! journal through `store`. Scores and wording come from the pure modules.

mod boundary;
mod checkin;
pub mod completions;
mod connect;
mod delete;
mod export;
mod import;
mod insights;
pub mod list;
pub mod man;
mod merge_driver;
mod person;
mod reach_out;
mod reminders;
mod settings;
pub mod show;
mod status;
mod trends;

use crate::cli::{Cli, Command};
use crate::error::{Exit, Failure};
use crate::journal::{FIRST_DAY, Journal, LAST_DAY, journal_day, parse_date};
use crate::paths::Paths;
use crate::store::Store;
use crate::terminal_text::visible;
use anyhow::Result;
use chrono::{DateTime, FixedOffset, NaiveDate};
use std::io::Write;

/// Everything a command needs from the outside world, decided once at start-up.
pub struct Context {
    pub store: Store,
    pub now: DateTime<FixedOffset>,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context> {
        Ok(Context {
            store: Store::new(Paths::resolve(cli.data_dir.as_deref())?),
            now: crate::clock::now()?,
        })
    }

    /// Today's journal day under the journal's `day_starts_at`.
    pub fn today(&self, journal: &Journal) -> NaiveDate {
        journal_day(&self.now, journal.settings.day_starts_at)
    }

    /// Loads the journal for reading only (no lock, no write of any kind).
    pub fn read(&self) -> Result<Journal, Failure> {
        Ok(self.store.read()?)
    }
}

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
    // A git merge driver works on git's files only: no data dir, no clock.
    match cli.command {
        Some(Command::MergeDriver(args)) => return merge_driver::run(args),
        // Generated from the clap definitions: no data dir, no clock.
        Some(Command::Completions { shell }) => return completions::completions(shell),
        Some(Command::Man) => return man::run(),
        _ => {}
    }
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
        Command::Status(args) => status::run(&ctx, args),
        Command::Person(command) => person::run(&ctx, command),
        Command::ReachOut(args) => reach_out::run(&ctx, args),
        Command::Trends(args) => trends::run(&ctx, args),
        Command::Insights(args) => insights::run(&ctx, args),
        Command::Support => settings::support(&ctx),
        Command::Settings(args) => settings::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Paths => paths(&ctx),
        Command::List(args) => list::run(&ctx, args),
        Command::Show { date } => show::run(&ctx, &date),
        Command::Delete(args) => delete::run(&ctx, args),
        Command::MergeDriver(args) => merge_driver::run(args),
        Command::Completions { shell } => completions::completions(shell),
        Command::Man => man::run(),
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
    let conflicts = crate::sync::sync_conflicts(&p.data_dir);
    if conflicts.is_empty() {
        print(format_args!("sync conflicts: none\n"))?;
    } else {
        let mut out = format!(
            "sync conflicts: {} beside the journal (a sync tool kept both versions when two machines changed it):\n",
            conflicts.len()
        );
        for path in &conflicts {
            out.push_str(&format!("  {}\n", path.display()));
        }
        out.push_str(
            "  merge each into the journal with `rekindle import FILE` (nothing is lost: see the report), then delete or move the copy\n",
        );
        print(format_args!("{out}"))?;
    }
    Ok(Exit::Ok)
}

/// A day as typed on the command line: a date, or `today` / `yesterday` (journal days, so
/// before `day_starts_at` "today" is still the previous calendar date).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayArg {
    Date(NaiveDate),
    Today,
    Yesterday,
}

impl DayArg {
    /// The calendar date, given today's journal day.
    pub fn resolve(self, today: NaiveDate) -> NaiveDate {
        match self {
            DayArg::Date(date) => date,
            DayArg::Today => today,
            DayArg::Yesterday => today.pred_opt().unwrap_or(today),
        }
    }

    /// The date when it does not depend on the journal's day boundary.
    pub fn fixed(self) -> Option<NaiveDate> {
        match self {
            DayArg::Date(date) => Some(date),
            DayArg::Today | DayArg::Yesterday => None,
        }
    }
}

/// Parses a `--date`-style argument: `YYYY-MM-DD`, `today` or `yesterday` (any case).
pub fn parse_day_arg(flag: &str, text: &str) -> Result<DayArg, Failure> {
    let trimmed = text.trim();
    if trimmed.eq_ignore_ascii_case("today") {
        return Ok(DayArg::Today);
    }
    if trimmed.eq_ignore_ascii_case("yesterday") {
        return Ok(DayArg::Yesterday);
    }
    let date = parse_date(trimmed).map_err(|why| {
        let why = if why.starts_with("expected") {
            format!("expected a date as YYYY-MM-DD, today or yesterday, got {text:?}")
        } else {
            format!("{why} (expected YYYY-MM-DD, today or yesterday)")
        };
        Failure::usage(format!("invalid {flag}: {why}"))
    })?;
    if !(FIRST_DAY..=LAST_DAY).contains(&date) {
        return Err(Failure::usage(format!(
            "invalid {flag}: {date} is outside the dates rekindle keeps ({FIRST_DAY} to {LAST_DAY})"
        )));
    }
    Ok(DayArg::Date(date))
}

/// The journal and the day a read-only review looks back from: `--as-of` (parsed before the
/// journal is read, so a typo is a usage error whatever state the journal is in), or today.
pub fn read_as_of(ctx: &Context, as_of: Option<&str>) -> Result<(Journal, NaiveDate)> {
    let as_of = parse_as_of(as_of)?;
    let journal = ctx.read()?;
    let day = as_of_day(as_of, ctx.today(&journal))?;
    Ok((journal, day))
}

/// `--as-of`, parsed.
pub fn parse_as_of(as_of: Option<&str>) -> Result<Option<DayArg>, Failure> {
    as_of.map(|text| parse_day_arg("--as-of", text)).transpose()
}

/// The day `--as-of` names (or `today`). A day that has not happened is refused: it would
/// silently show an empty future week.
pub fn as_of_day(as_of: Option<DayArg>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    match as_of.map(|day| day.resolve(today)) {
        Some(date) if date > today => Err(Failure::usage(format!(
            "invalid --as-of: {date} is after today ({today})"
        ))
        .with_hint("--as-of looks back from a past date; leave it out for today")),
        Some(date) => Ok(date),
        None => Ok(today),
    }
}

/// A day to record something on: the given date (not in the future), or today.
pub fn record_day(flag: Option<&str>, today: NaiveDate) -> Result<NaiveDate, Failure> {
    let Some(text) = flag else {
        return Ok(today);
    };
    not_in_future(parse_day_arg("--date", text)?.resolve(today), today)
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

/// Writes human-readable text to stdout; a closed pipe (`rekindle export | head`) is not an
/// error. The whole text goes through `terminal_text::visible`, so a journal value, a path or
/// an argument inside it can never drive the terminal; rekindle's own wording holds no
/// controls, so only those values are ever changed (docs/FORMAT.md "Safe output").
pub fn print(args: std::fmt::Arguments) -> Result<()> {
    let text = match args.as_str() {
        Some(text) => std::borrow::Cow::Borrowed(text),
        None => std::borrow::Cow::Owned(args.to_string()),
    };
    print_bytes(visible(&text).as_bytes())
}

/// Writes human-readable text to stderr through the same sanitiser as `print`.
pub fn eprint_line(text: &str) {
    eprintln!("{}", visible(text));
}

/// Writes JSON to stdout. JSON stays exact; DEL, C1 and bidi characters inside its strings are
/// spelled as `\uXXXX` escapes (the same value) so `cat`ting it is safe too.
pub fn print_json(json: &str) -> Result<()> {
    print_bytes(crate::terminal_text::escape_json_controls(json).as_bytes())
}

/// Writes bytes already in their final form (an export) to stdout, with `print`'s broken-pipe
/// rule. Exports are made safe by `export::export` itself, files included.
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
