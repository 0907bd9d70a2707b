//! `rekindle import FILE [--dry-run]`: merge a JSON export (or a journal file) into the journal
//! and report what changed.
//!
//! The file is read and validated before anything else; an unreadable or invalid file exits 65
//! naming the file and the JSON location, and nothing is written. `--dry-run` reads the journal
//! without the lock and writes nothing at all: no save, no backup, not even the data directory.
//! A real import merges under the one-writer lock; the save takes the usual daily backup, and
//! before saving, `store::backup::before_import` makes sure a backup holds the journal
//! exactly as it was (today's daily copy when that is it, else
//! `backups/journal-YYYY-MM-DD_before-import.json`, pruned with the others). If that copy
//! cannot be written the import stops: a bulk change is not worth making without a way back.
//! When the merge changes nothing the journal is not saved.

use super::{Context, print};
use crate::cli::ImportArgs;
use crate::error::{Exit, Failure};
use crate::journal::{self, Journal};
use crate::merge::merge;
use crate::store::{CLI_LOCK_PATIENCE, backup};
use anyhow::Result;
use std::path::Path;

pub fn run(ctx: &Context, args: ImportArgs) -> Result<Exit> {
    let incoming = read_import_file(&args.file)?;
    if args.dry_run {
        let journal = ctx.read()?;
        let merged = merge(&journal, &incoming);
        print(format_args!(
            "Dry run: nothing was written.\n{}",
            merged.report.summary()
        ))?;
        return Ok(Exit::Ok);
    }
    let today = ctx.now.date_naive();
    let (lock, journal) = ctx.store.begin_write(CLI_LOCK_PATIENCE, today)?;
    let merged = merge(&journal, &incoming);
    let mut out = merged.report.summary();
    if merged.report.changed {
        if let Some(bytes) = lock.loaded_bytes() {
            let copy = backup::before_import(&ctx.store.paths.backups, bytes, today)
                .map_err(|e| {
                    Failure::cannot_write(&ctx.store.paths.backups, &e)
                        .with_hint("nothing was imported; free some space or fix the permissions of the backups directory, then try again")
                })?;
            out.push_str(&format!(
                "The journal as it was before this import is in {}\n",
                copy.display()
            ));
        }
        ctx.store.save(&lock, &merged.journal)?;
        out.push_str(&format!("Saved to {}\n", ctx.store.paths.journal.display()));
    }
    drop(lock);
    print(format_args!("{out}"))?;
    Ok(Exit::Ok)
}

/// Reads and decodes the import file; every failure is exit 65 naming the file and, for invalid
/// content, the JSON path with line and column.
pub(super) fn read_import_file(path: &Path) -> Result<Journal, Failure> {
    // Only a regular file of at most 256 MiB: `import /dev/zero` or a FIFO is refused unread.
    let bytes = crate::store::read_bounded(path).map_err(|e| {
        Failure::new(
            Exit::DataErr,
            format!(
                "cannot read the import file, nothing was imported: {}: {e}",
                path.display()
            ),
        )
    })?;
    journal::decode(&bytes).map_err(|e| {
        Failure::new(
            Exit::DataErr,
            format!(
                "the import file is not a valid rekindle journal, nothing was imported: {}: {e}",
                path.display()
            ),
        )
        .with_hint("import reads a JSON export (`rekindle export --format json`) or a journal.json")
    })
}
