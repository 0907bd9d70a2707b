//! `rekindle export`: the journal, or a date range of it, as Markdown, JSON or CSV, to stdout or
//! to a file.
//!
//! Read-only for the journal (no lock: saves are atomic renames, so a read sees a whole
//! journal). Writing a file goes through `store::write_export`, the same rules the TUI's export
//! dialog uses: never over the journal or its backups, never over an existing file without
//! `--force`, atomically, 0600.

use super::{Context, eprint_line, parse_day_arg, print_bytes};
use crate::cli::ExportArgs;
use crate::error::{Exit, Failure};
use crate::export::{Format, Range, export};
use crate::store::write_export;
use anyhow::Result;

pub fn run(ctx: &Context, args: ExportArgs) -> Result<Exit> {
    // Every argument is checked before the journal is read: a usage error never depends on it.
    let format: Format = args
        .format
        .parse()
        .map_err(|why| Failure::usage(format!("invalid --format: {why}")))?;
    let from = args
        .from
        .as_deref()
        .map(|text| parse_day_arg("--from", text))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|text| parse_day_arg("--to", text))
        .transpose()?;
    // `today` / `yesterday` need the journal's day boundary; plain dates are checked first.
    if let (Some(from), Some(to)) = (from.and_then(|d| d.fixed()), to.and_then(|d| d.fixed())) {
        Range::new(Some(from), Some(to)).map_err(Failure::usage)?;
    }
    let journal = ctx.read()?;
    let today = ctx.today(&journal);
    let range = Range::new(from.map(|d| d.resolve(today)), to.map(|d| d.resolve(today)))
        .map_err(Failure::usage)?;
    let bytes = export(&journal, format, range);
    match args.output {
        Some(path) if path.as_os_str() != "-" => {
            let written =
                write_export(&ctx.store.paths, &path, &bytes, args.force).map_err(Failure::from)?;
            // stderr, so the message never mixes with data piped from stdout.
            eprint_line(&format!(
                "Wrote the {format} export to {}",
                written.display()
            ));
        }
        Some(_) | None => print_bytes(&bytes)?,
    }
    Ok(Exit::Ok)
}
