//! `rekindle merge-driver BASE OURS THEIRS`: a git merge driver for `journal.json`.
//!
//! Set up with `.gitattributes`: `journal.json merge=rekindle` and
//! `git config merge.rekindle.driver 'rekindle merge-driver %O %A %B'`. The three files are
//! read and validated first; any that is unreadable or not a journal exits 65 and OURS is left
//! as it was, so git reports a conflict. Otherwise the versions are merged with the import
//! rules (`crate::import`: nothing from either side is lost; same id but different entries are
//! both kept) and the result is written atomically over OURS, exit 0.
//!
//! The common ancestor adds what an import cannot know: an entry one side deleted and the other
//! left as it was in BASE stays deleted, and a side that changed the settings from BASE wins
//! over one that did not. An empty BASE (both branches added the file) means no ancestor.

use super::import::read_import_file;
use crate::cli::MergeDriverArgs;
use crate::error::{Exit, Failure};
use crate::journal::Journal;
use crate::merge::merge;
use crate::store::write_atomic;
use anyhow::Result;
use std::path::Path;

pub fn run(args: MergeDriverArgs) -> Result<Exit> {
    let base = read_base(&args.base)?;
    let ours = read_import_file(&args.ours)?;
    let theirs = read_import_file(&args.theirs)?;
    let merged = merge_three(base.as_ref(), &ours, &theirs);
    write_atomic(&args.ours, &crate::journal::encode(&merged.journal))
        .map_err(|e| Failure::cannot_write(&args.ours, &e))?;
    eprint!(
        "rekindle merge-driver: merged journal.json\n{}",
        merged.report.summary()
    );
    Ok(Exit::Ok)
}

fn read_base(path: &Path) -> Result<Option<Journal>, Failure> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() == 0 => Ok(None),
        _ => read_import_file(path).map(Some),
    }
}

/// The import merge of `theirs` into `ours`, after applying what `base` tells about deletions
/// and settings.
pub fn merge_three(
    base: Option<&Journal>,
    ours: &Journal,
    theirs: &Journal,
) -> crate::merge::Merge {
    let Some(base) = base else {
        return merge(ours, theirs);
    };
    let ours_kept = drop_deleted_by(ours, theirs, base);
    let theirs_kept = drop_deleted_by(theirs, ours, base);
    let mut merged = merge(&ours_kept, &theirs_kept);
    if ours.settings == base.settings && theirs.settings != base.settings {
        merged.journal.settings = theirs.settings.clone();
    }
    merged
}

/// `side` without the entries that `other` deleted since `base` and `side` did not change.
fn drop_deleted_by(side: &Journal, other: &Journal, base: &Journal) -> Journal {
    let mut kept = side.clone();
    kept.check_ins.retain(|c| {
        let deleted = other.check_in_on(c.date).is_none();
        !(deleted && base.check_in_on(c.date) == Some(c))
    });
    kept.connections.retain(|c| {
        let deleted = !other.connections.iter().any(|o| o.id == c.id);
        !(deleted && base.connections.iter().any(|b| b == c))
    });
    kept.boundaries.retain(|b| {
        let deleted = !other.boundaries.iter().any(|o| o.id == b.id);
        !(deleted && base.boundaries.iter().any(|x| x == b))
    });
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample;

    #[test]
    fn a_deletion_on_one_side_stays_deleted_and_additions_from_both_are_kept() {
        let base = sample();
        let mut ours = sample();
        let removed = ours.connections.remove(0);
        ours.check_ins.remove(0);
        let mut theirs = sample();
        let mut added = theirs.connections[1].clone();
        added.id = "c-20261203-abcdef".into();
        added.note = "Another walk.".into();
        theirs.connections.push(added);
        theirs.settings.week_starts_on = "sunday".parse().unwrap();
        let merged = merge_three(Some(&base), &ours, &theirs).journal;
        assert!(!merged.connections.iter().any(|c| c.id == removed.id));
        assert!(merged.check_in_on(base.check_ins[0].date).is_none());
        assert!(
            merged
                .connections
                .iter()
                .any(|c| c.id == "c-20261203-abcdef")
        );
        assert_eq!(
            merged.settings, theirs.settings,
            "only theirs changed the settings"
        );
        // Without a base nothing is deleted: the import rule.
        let merged = merge_three(None, &ours, &theirs).journal;
        assert!(merged.connections.iter().any(|c| c.id == removed.id));
    }
}
