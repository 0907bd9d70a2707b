//! Writing a change to recent days without decoding or re-encoding the years before them.
//!
//! `journal::encode` puts every check-in and every connection on a line of its own, and no
//! string in its output holds a raw newline (JSON escapes them). So in a file that `encode`
//! wrote, the entries dated before some day `from` (when they come first in their list) are one
//! run of whole lines, `Blocks` records where those two runs are, and the file for a journal whose
//! change touched only days from `from` on is: the encoding of the recent part, with the two
//! runs put back at the head of their lists, byte for byte. `splice` does exactly that, and
//! the tests check it against encoding the whole journal.
//!
//! Who may trust a `Blocks`: only whoever knows the file is the one it was taken of (the
//! recent-days summary records them beside the journal's exact `stat`). `check` still looks at
//! the bytes around each run before a splice, so a mismatch falls back to a full load instead of
//! writing a damaged file.

use crate::journal::Journal;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where, in one file written by `journal::encode`, the check-ins and the connections dated
/// before the window start: byte ranges from the first such entry's `{` to the last one's `}`,
/// empty (at the list's opening `[` + 1) when there are none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blocks {
    pub check_ins: Range<usize>,
    pub connections: Range<usize>,
}

const CHECK_INS_KEY: &[u8] = b"\n  \"check_ins\": [";
const CONNECTIONS_KEY: &[u8] = b"\n  \"connections\": [";
/// What `encode` writes before each entry of a top-level list: a newline and two levels of
/// indent (a comma before it, after the first entry).
const ENTRY_LEAD: &[u8] = b"\n    ";

/// Just after the opening `[` of the list named by `key` (a top-level key line: no string in
/// the encoding holds a raw newline, so the first match is the key itself).
fn list_start(bytes: &[u8], key: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes, key).map(|at| at + key.len())
}

/// The run of the first `count` entries of the list opening at `start` (see `Blocks`).
fn leading_entries(bytes: &[u8], start: usize, count: usize) -> Option<Range<usize>> {
    if count == 0 {
        return Some(start..start);
    }
    let first = start + ENTRY_LEAD.len();
    if bytes.get(start..first)? != ENTRY_LEAD {
        return None;
    }
    let mut end = first;
    for _ in 0..count {
        let newline = memchr::memchr(b'\n', &bytes[end..])?;
        end += newline + 1;
    }
    // `end` is just past the newline that ends the last old entry's line: `…},\n` when
    // another entry follows, `…}\n` when the list ends there.
    let mut last = end - 1;
    if bytes.get(last - 1) == Some(&b',') {
        last -= 1;
    }
    (bytes.get(last - 1) == Some(&b'}')).then_some(first..last)
}

/// How many entries come before the window, when exactly those lead the list (the entries of
/// a journal are in date order unless someone edited it by hand).
fn count_before<T>(
    entries: &[T],
    date: impl Fn(&T) -> NaiveDate,
    from: NaiveDate,
) -> Option<usize> {
    let count = entries.iter().take_while(|e| date(e) < from).count();
    entries[count..]
        .iter()
        .all(|e| date(e) >= from)
        .then_some(count)
}

/// The `Blocks` of `encoded` (exactly `journal::encode(journal)`) for a window starting
/// `from`; `None` when the older entries do not lead their lists.
pub fn blocks_of(encoded: &[u8], journal: &Journal, from: NaiveDate) -> Option<Blocks> {
    let check_ins = count_before(&journal.check_ins, |c| c.date, from)?;
    let connections = count_before(&journal.connections, |c| c.date, from)?;
    Some(Blocks {
        check_ins: leading_entries(encoded, list_start(encoded, CHECK_INS_KEY)?, check_ins)?,
        connections: leading_entries(encoded, list_start(encoded, CONNECTIONS_KEY)?, connections)?,
    })
}

/// Whether `blocks` still look right in `file`: each run sits at the head of its list (just
/// after its key line), starts an entry and ends one. A cheap guard of a few bytes, not a
/// parse: whoever trusts `blocks` knows the file by its exact `stat`. (The in-memory form of
/// `check_with`, which the tests use.)
#[cfg(test)]
pub fn check(file: &[u8], blocks: &Blocks) -> bool {
    check_with(
        file.len(),
        |range| file.get(range).map(<[u8]>::to_vec),
        blocks,
    )
}

/// `check` for a file of `len` bytes that is not in memory: `read` gives the bytes of a range
/// (a few at a time), `None` when they cannot be read.
pub fn check_with(
    len: usize,
    read: impl Fn(Range<usize>) -> Option<Vec<u8>>,
    blocks: &Blocks,
) -> bool {
    let is = |range: Range<usize>, expected: &[u8]| read(range).is_some_and(|b| b == expected);
    let fits = |key: &[u8], run: &Range<usize>| {
        let list = if run.is_empty() {
            run.start
        } else {
            let Some(list) = run.start.checked_sub(ENTRY_LEAD.len()) else {
                return false;
            };
            if run.end >= len
                || !is(list..run.start + 1, b"\n    {")
                || !read(run.end - 1..run.end + 1)
                    .is_some_and(|end| matches!(end.as_slice(), b"}," | b"}\n"))
            {
                return false;
            }
            list
        };
        list.checked_sub(key.len())
            .is_some_and(|at| is(at..list, key))
    };
    blocks.check_ins.end <= blocks.connections.start
        && fits(CHECK_INS_KEY, &blocks.check_ins)
        && fits(CONNECTIONS_KEY, &blocks.connections)
}

/// One stretch of a spliced file, in order: bytes of the recent part's encoding, a run of the
/// old file, or fixed punctuation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Recent(Range<usize>),
    Older(Range<usize>),
    Text(&'static [u8]),
}

impl Piece {
    fn len(&self) -> usize {
        match self {
            Piece::Recent(range) | Piece::Older(range) => range.len(),
            Piece::Text(text) => text.len(),
        }
    }
}

/// How to make the whole file for a journal whose recent part encodes as `recent` and whose
/// older entries are the runs `blocks` of the old file: the pieces in order, and the `Blocks`
/// of the result. `None` when `recent` does not have the shape `encode` gives.
pub fn plan(recent: &[u8], blocks: &Blocks) -> Option<(Vec<Piece>, Blocks)> {
    let check_ins_at = list_start(recent, CHECK_INS_KEY)?;
    let connections_at = list_start(recent, CONNECTIONS_KEY)?;
    if connections_at < check_ins_at {
        return None;
    }
    let mut pieces = Vec::with_capacity(9);
    let mut written = 0;
    let mut put = |pieces: &mut Vec<Piece>, piece: Piece| {
        written += piece.len();
        pieces.push(piece);
        written
    };
    let mut put_back = |pieces: &mut Vec<Piece>, from: usize, to: usize, run: &Range<usize>| {
        let start = put(pieces, Piece::Recent(from..to));
        if run.is_empty() {
            return Some(start..start);
        }
        let start = put(pieces, Piece::Text(ENTRY_LEAD));
        let end = put(pieces, Piece::Older(run.clone()));
        let rest = &recent[to..];
        if rest.first() == Some(&b']') {
            // The window's list is empty: the old entries are all of it.
            put(pieces, Piece::Text(b"\n  "));
        } else if rest.starts_with(ENTRY_LEAD) {
            put(pieces, Piece::Text(b","));
        } else {
            return None;
        }
        Some(start..end)
    };
    let check_ins = put_back(&mut pieces, 0, check_ins_at, &blocks.check_ins)?;
    let connections = put_back(
        &mut pieces,
        check_ins_at,
        connections_at,
        &blocks.connections,
    )?;
    pieces.push(Piece::Recent(connections_at..recent.len()));
    Some((
        pieces,
        Blocks {
            check_ins,
            connections,
        },
    ))
}

/// The bytes `plan` describes, with `file` the old file in memory. `None` when `recent` does
/// not have the shape `encode` gives or a run lies outside `file`. (The store copies the runs
/// file to file instead; the tests check the plan through this.)
#[cfg(test)]
pub fn splice(recent: &[u8], file: &[u8], blocks: &Blocks) -> Option<(Vec<u8>, Blocks)> {
    let (pieces, placed) = plan(recent, blocks)?;
    let mut out = Vec::with_capacity(pieces.iter().map(Piece::len).sum());
    for piece in pieces {
        match piece {
            Piece::Recent(range) => out.extend_from_slice(&recent[range]),
            Piece::Older(range) => out.extend_from_slice(file.get(range)?),
            Piece::Text(text) => out.extend_from_slice(text),
        }
    }
    Some((out, placed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, journal};
    use crate::journal::{CheckIn, Rating, encode};
    use crate::store::summary::recent_part_from;
    use proptest::prelude::*;

    fn rated(date: NaiveDate, e: u8, c: u8, f: u8) -> CheckIn {
        let r = |v| Rating::new(v).expect("0 to 10");
        CheckIn::new(date, r(e), r(c), r(f))
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    /// Splitting at `from`, changing the recent part with `change`, and splicing gives exactly
    /// the file of the whole journal with the same change.
    fn splices_like_a_full_encode(whole: &Journal, from: NaiveDate, change: impl Fn(&mut Journal)) {
        let file = encode(whole);
        let blocks = blocks_of(&file, whole, from).expect("generated journals are in date order");
        assert!(check(&file, &blocks));
        let mut recent = recent_part_from(whole, from);
        change(&mut recent);
        let mut changed = whole.clone();
        change(&mut changed);
        let (spliced, new_blocks) = splice(&encode(&recent), &file, &blocks).expect("splices");
        let expected = encode(&changed);
        assert!(
            spliced == expected,
            "the spliced file differs from a full encode"
        );
        assert_eq!(
            blocks_of(&expected, &changed, from),
            Some(new_blocks.clone())
        );
        assert!(check(&spliced, &new_blocks));
    }

    #[test]
    fn a_new_day_after_years_of_entries_splices_exactly() {
        let end = day(2026, 11, 22);
        let whole = journal(&Spec::years_long_notes(3, end, 7));
        splices_like_a_full_encode(&whole, day(2026, 1, 1), |j| {
            j.upsert_check_in(rated(day(2026, 11, 23), 5, 4, 6));
        });
    }

    #[test]
    fn changing_an_existing_recent_day_splices_exactly() {
        let end = day(2026, 11, 22);
        let whole = journal(&Spec::years_long_notes(2, end, 3));
        splices_like_a_full_encode(&whole, day(2026, 6, 1), |j| {
            let mut replaced = rated(end, 1, 1, 9);
            replaced.note = "line one\nline two \"quoted\" ]\n  \"connections\": [".into();
            j.upsert_check_in(replaced);
        });
    }

    #[test]
    fn empty_windows_and_empty_histories_splice_exactly() {
        let end = day(2026, 11, 22);
        let whole = journal(&Spec::years_long_notes(1, end, 5));
        // Nothing before the window.
        splices_like_a_full_encode(&whole, day(1990, 1, 1), |j| {
            j.upsert_check_in(rated(day(2026, 11, 23), 2, 2, 2));
        });
        // Nothing in the window until the change adds a day.
        splices_like_a_full_encode(&whole, day(2026, 11, 23), |j| {
            j.upsert_check_in(rated(day(2026, 11, 23), 2, 2, 2));
        });
        // An empty journal.
        splices_like_a_full_encode(&Journal::default(), end, |j| {
            j.upsert_check_in(rated(end, 2, 2, 2));
        });
    }

    #[test]
    fn entries_out_of_date_order_give_no_blocks() {
        let end = day(2026, 11, 22);
        let mut whole = journal(&Spec::years_long_notes(1, end, 5));
        whole.check_ins.swap(0, 300);
        let from = day(2026, 6, 1);
        assert_eq!(blocks_of(&encode(&whole), &whole, from), None);
    }

    #[test]
    fn blocks_that_do_not_fit_the_file_are_refused() {
        let end = day(2026, 11, 22);
        let whole = journal(&Spec::years_long_notes(1, end, 5));
        let file = encode(&whole);
        let blocks = blocks_of(&file, &whole, day(2026, 6, 1)).expect("blocks");
        let mut shifted = blocks.clone();
        shifted.check_ins.end -= 1;
        assert!(!check(&file, &shifted));
        let mut edited = file.clone();
        edited.insert(10, b' ');
        assert!(!check(&edited, &blocks));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_split_and_any_recent_change_splices_exactly(
            seed in 0u64..1000,
            back in 0u64..500,
            ahead in 0u64..30,
            e in 0u8..=10,
        ) {
            let end = day(2026, 11, 22);
            let whole = journal(&Spec::years_long_notes(1, end, seed));
            let from = end - chrono::Days::new(back);
            let changed_day = from + chrono::Days::new(ahead);
            splices_like_a_full_encode(&whole, from, |j| {
                j.upsert_check_in(rated(changed_day, e, 10 - e, 5));
            });
        }
    }
}
