//! JSON export: exactly the journal file format, restricted to a date range.
//!
//! Never touches the disk. The bytes are `journal::encode` of a journal holding the check-ins
//! and connections dated inside the range, plus every boundary, the settings and any unknown
//! fields, so `rekindle import` (or `journal::decode`) reads them back to the same values.

use super::Range;
use crate::journal::{Journal, encode};

pub(super) fn render(journal: &Journal, range: Range) -> Vec<u8> {
    safe_to_cat(if range == Range::all() {
        encode(journal)
    } else {
        encode_range(journal, range)
    })
}

/// DEL, C1 and bidi characters spelled as `\uXXXX` (the same value), so the export can be read
/// with `cat` without the terminal obeying them.
fn safe_to_cat(bytes: Vec<u8>) -> Vec<u8> {
    let text = std::str::from_utf8(&bytes).expect("serde_json writes UTF-8");
    match crate::terminal_text::escape_json_controls(text) {
        std::borrow::Cow::Borrowed(_) => bytes,
        std::borrow::Cow::Owned(safe) => safe.into_bytes(),
    }
}

fn encode_range(journal: &Journal, range: Range) -> Vec<u8> {
    let restricted = Journal {
        format: journal.format.clone(),
        version: journal.version,
        settings: journal.settings.clone(),
        check_ins: range.check_ins(journal).cloned().collect(),
        connections: range.connections(journal).cloned().collect(),
        boundaries: journal.boundaries.clone(),
        people: journal.people.clone(),
        extra: journal.extra.clone(),
    };
    encode(&restricted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::decode;
    use crate::sample::{d, sample};

    #[test]
    fn whole_journal_export_is_the_journal_file_byte_for_byte() {
        let journal = sample();
        assert_eq!(render(&journal, Range::all()), encode(&journal));
        assert_eq!(decode(&render(&journal, Range::all())).unwrap(), journal);
    }

    #[test]
    fn range_keeps_only_entries_dated_inside_it_but_all_boundaries_and_settings() {
        let journal = sample();
        let range = Range::new(Some(d("2026-11-11")), Some(d("2026-11-16"))).unwrap();
        let back = decode(&render(&journal, range)).unwrap();
        let dates: Vec<String> = back.check_ins.iter().map(|c| c.date.to_string()).collect();
        assert_eq!(dates, ["2026-11-11", "2026-11-12", "2026-11-16"]);
        let ids: Vec<&str> = back.connections.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c-20261115-1"]);
        assert_eq!(back.boundaries, journal.boundaries);
        assert_eq!(back.settings, journal.settings);
        assert_eq!(back.extra, journal.extra);
        // Entries kept are untouched, unknown fields included.
        assert_eq!(
            back.check_ins[0],
            *journal.check_in_on(d("2026-11-11")).unwrap()
        );
    }

    #[test]
    fn empty_range_is_still_a_valid_journal() {
        let journal = sample();
        let range = Range::new(Some(d("2030-01-01")), None).unwrap();
        let back = decode(&render(&journal, range)).unwrap();
        assert!(back.check_ins.is_empty() && back.connections.is_empty());
        assert_eq!(back.boundaries.len(), journal.boundaries.len());
    }
}
