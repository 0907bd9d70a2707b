//! CSV export: one row per check-in day, oldest first, numbers rather than labels.
//!
//! Never touches the disk; writes into memory with the `csv` crate, which quotes commas, quotes
//! and line breaks. Text cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or CR) get a leading `'`. Numeric cells are never altered: a negative number
//! cannot occur in this export, so a number cell is never mistaken for a formula.
//!
//! Columns: `date, exhaustion, cynicism, efficacy, strain, composite, band, sleep_hours`, one
//! column per boolean habit (`1` yes, `0` no, empty = not recorded), `boundaries_kept,
//! boundaries_slipped` (records naming a boundary that is not in the journal are counted nowhere,
//! as in docs/SCORING.md), `connections` (how many that day), `note`.

use super::Range;
use crate::journal::{Habit, Journal, Outcome};
use crate::scoring::{Band, composite, fmt1, strain};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

const LEADING_COLUMNS: [&str; 8] = [
    "date",
    "exhaustion",
    "cynicism",
    "efficacy",
    "strain",
    "composite",
    "band",
    "sleep_hours",
];
const TRAILING_COLUMNS: [&str; 4] = [
    "boundaries_kept",
    "boundaries_slipped",
    "connections",
    "note",
];

pub(super) fn render(journal: &Journal, range: Range) -> Vec<u8> {
    let mut check_ins: Vec<_> = range.check_ins(journal).collect();
    check_ins.sort_by_key(|c| c.date);

    let mut connections_on: HashMap<NaiveDate, u32> = HashMap::new();
    for connection in range.connections(journal) {
        *connections_on.entry(connection.date).or_default() += 1;
    }
    let known: HashSet<&str> = journal.boundaries.iter().map(|b| b.id.as_str()).collect();

    let mut out = ::csv::Writer::from_writer(Vec::with_capacity(64 + 96 * check_ins.len()));
    let header = LEADING_COLUMNS
        .into_iter()
        .chain(Habit::ALL.iter().map(|h| h.key()))
        .chain(TRAILING_COLUMNS);
    write(&mut out, header);

    for c in check_ins {
        let (kept, slipped) = c
            .boundaries
            .iter()
            .filter(|(id, _)| known.contains(id.as_str()))
            .fold(
                (0u32, 0u32),
                |(kept, slipped), (_, outcome)| match outcome {
                    Outcome::Kept => (kept + 1, slipped),
                    Outcome::Slipped => (kept, slipped + 1),
                },
            );
        let habits = c.habits.flags().map(|flag| match flag {
            Some(true) => "1",
            Some(false) => "0",
            None => "",
        });
        let row = [
            c.date.to_string(),
            c.exhaustion.to_string(),
            c.cynicism.to_string(),
            c.efficacy.to_string(),
            strain(c).to_string(),
            fmt1(composite(c)),
            Band::of_day(c).as_str().to_string(),
            c.habits.sleep_hours.map(fmt1).unwrap_or_default(),
        ];
        let counts = [
            kept.to_string(),
            slipped.to_string(),
            connections_on
                .get(&c.date)
                .copied()
                .unwrap_or(0)
                .to_string(),
        ];
        let note = note_cell(&c.note);
        let record = row
            .iter()
            .map(String::as_str)
            .chain(habits)
            .chain(counts.iter().map(String::as_str))
            .chain([note.as_ref()]);
        write(&mut out, record);
    }
    out.into_inner()
        .expect("flushing a CSV writer into a Vec cannot fail")
}

fn write<'a>(out: &mut ::csv::Writer<Vec<u8>>, record: impl IntoIterator<Item = &'a str>) {
    out.write_record(record)
        .expect("writing CSV into a Vec cannot fail");
}

/// The note as a cell: a CRLF line break becomes LF (the cell is quoted, so line breaks stay
/// inside it), every other control a visible escape (`terminal_text::visible`: a lone CR, ESC,
/// C1, bidi), then the formula guard. The JSON export keeps the exact note.
fn note_cell(note: &str) -> String {
    let note = if note.contains("\r\n") {
        note.replace("\r\n", "\n").into()
    } else {
        std::borrow::Cow::Borrowed(note)
    };
    text_cell(&crate::terminal_text::visible(&note)).into_owned()
}

/// Guards a text cell against formula injection: a spreadsheet runs a cell starting with `=`,
/// `+`, `-`, `@` (or tab/CR, which some strip first) as a formula. The `'` makes it text.
fn text_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{arb_journal, d, sample};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// Reads CSV bytes back with the `csv` crate: the header, then each row keyed by column.
    fn read_back(bytes: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
        let mut reader = ::csv::Reader::from_reader(bytes);
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                assert_eq!(r.len(), header.len(), "every row has every column");
                header
                    .iter()
                    .cloned()
                    .zip(r.iter().map(str::to_string))
                    .collect()
            })
            .collect();
        (header, rows)
    }

    #[test]
    fn header_names_every_column_in_order() {
        let (header, _) = read_back(&render(&sample(), Range::all()));
        assert_eq!(
            header.join(","),
            "date,exhaustion,cynicism,efficacy,strain,composite,band,sleep_hours,\
             exercise,outside,mindful,rest_block,disconnected,\
             boundaries_kept,boundaries_slipped,connections,note"
        );
    }

    #[test]
    fn rows_read_back_to_the_same_numbers_oldest_first() {
        let journal = sample();
        let (_, rows) = read_back(&render(&journal, Range::all()));
        let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str()).collect();
        assert_eq!(
            dates,
            [
                "2026-11-09",
                "2026-11-11",
                "2026-11-12",
                "2026-11-16",
                "2026-11-20",
                "2026-11-30"
            ]
        );
        for (row, c) in rows.iter().zip(&journal.check_ins) {
            let n = |col: &str| row[col].parse::<u32>().unwrap();
            assert_eq!(n("exhaustion"), u32::from(c.exhaustion.get()));
            assert_eq!(n("cynicism"), u32::from(c.cynicism.get()));
            assert_eq!(n("efficacy"), u32::from(c.efficacy.get()));
            assert_eq!(n("strain"), strain(c));
        }
        let first = &rows[0];
        let cells: Vec<&str> = [
            "strain",
            "composite",
            "band",
            "sleep_hours",
            "exercise",
            "outside",
            "mindful",
            "rest_block",
            "disconnected",
            "boundaries_kept",
            "boundaries_slipped",
            "connections",
        ]
        .iter()
        .map(|col| first[*col].as_str())
        .collect();
        // E7 C4 F5: S 16, 53.3 high; mindful was not recorded; b-1 kept, b-2 slipped.
        assert_eq!(
            cells,
            [
                "16", "53.3", "high", "6.5", "0", "1", "", "1", "0", "1", "1", "0"
            ]
        );
        // All habits unrecorded stay empty, never 0.
        let bare = &rows[4];
        for habit in Habit::ALL.map(Habit::key) {
            assert_eq!(bare[habit], "", "{habit} on {}", bare["date"]);
        }
        assert_eq!(bare["sleep_hours"], "");
        assert_eq!(rows[2]["sleep_hours"], "8.0");
        assert_eq!(rows[2]["mindful"], "1");
        assert_eq!(rows[5]["composite"], "100.0");
        assert_eq!(rows[5]["band"], "very_high");
        assert_eq!(rows[1]["band"], "high", "E5 C5 F5 is exactly 50.0: high");
    }

    #[test]
    fn unknown_boundary_ids_are_counted_nowhere() {
        let (_, rows) = read_back(&render(&sample(), Range::all()));
        let day = rows.iter().find(|r| r["date"] == "2026-11-16").unwrap();
        assert_eq!(
            (&*day["boundaries_kept"], &*day["boundaries_slipped"]),
            ("0", "1")
        );
    }

    #[test]
    fn connections_are_counted_on_check_in_days_only() {
        let mut journal = sample();
        let mut extra = journal.connections[0].clone();
        extra.id = "c-20261109-1".into();
        extra.date = d("2026-11-09");
        journal.connections.push(extra.clone());
        extra.id = "c-20261109-2".into();
        journal.connections.push(extra);
        let (_, rows) = read_back(&render(&journal, Range::all()));
        let counts: Vec<&str> = rows.iter().map(|r| r["connections"].as_str()).collect();
        // 11-15, 11-18 and 12-01 have no check-in, so they have no row.
        assert_eq!(counts, ["2", "0", "0", "0", "0", "0"]);
    }

    #[test]
    fn formula_like_notes_get_a_leading_apostrophe() {
        let (_, rows) = read_back(&render(&sample(), Range::all()));
        let note = |date: &str| rows.iter().find(|r| r["date"] == date).unwrap()["note"].clone();
        assert_eq!(note("2026-11-16"), "'=1+1");
        assert_eq!(note("2026-11-30"), "'-5 on the review, +1 meeting, @all");
        assert_eq!(note("2026-11-09"), "Back-to-back incident calls.");
        for (raw, guarded) in [
            ("+SUM(A1)", "'+SUM(A1)"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("a=1", "a=1"),
            ("", ""),
        ] {
            assert_eq!(text_cell(raw), guarded);
        }
    }

    #[test]
    fn commas_quotes_newlines_and_emoji_survive_a_read_back() {
        let mut journal = sample();
        let tricky = "Lunch with \"the team\", finally 🙂\r\nline two,\n\n\"quoted\" end";
        journal.check_ins[2].note = tricky.to_string();
        let (_, rows) = read_back(&render(&journal, Range::all()));
        // A CRLF line break reads back as LF; everything else exactly.
        assert_eq!(rows[2]["note"], tricky.replace("\r\n", "\n"));
        assert_eq!(rows.len(), journal.check_ins.len(), "newlines split no row");
    }

    #[test]
    fn terminal_controls_in_a_note_are_visible_escapes() {
        let mut journal = sample();
        journal.check_ins[2].note =
            "\u{1b}[2J clear \u{1b}]52;c;aGk=\u{7} lone\rCR \u{9b}2J \u{202e}rtl 🧑\u{200d}💻"
                .into();
        let bytes = render(&journal, Range::all());
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| crate::terminal_text::is_unsafe(c) && c != '\r'),
            "{text:?}"
        );
        let (_, rows) = read_back(&bytes);
        assert_eq!(
            rows[2]["note"],
            r"\u{1b}[2J clear \u{1b}]52;c;aGk=\u{7} lone\u{d}CR \u{9b}2J \u{202e}rtl 🧑\u{200d}💻"
                .replace(r"\u{200d}", "\u{200d}")
        );
    }

    #[test]
    fn range_selects_rows_inclusively() {
        let range = Range::new(Some(d("2026-11-11")), Some(d("2026-11-16"))).unwrap();
        let (_, rows) = read_back(&render(&sample(), range));
        let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str()).collect();
        assert_eq!(dates, ["2026-11-11", "2026-11-12", "2026-11-16"]);
        let range = Range::new(Some(d("2027-01-01")), None).unwrap();
        let (header, rows) = read_back(&render(&sample(), range));
        assert_eq!((header.len(), rows.len()), (17, 0), "header only");
    }

    #[test]
    fn rows_are_in_date_order_whatever_the_file_order() {
        let mut journal = sample();
        journal.check_ins.reverse();
        assert_eq!(
            render(&journal, Range::all()),
            render(&sample(), Range::all())
        );
    }

    proptest! {
        #[test]
        fn any_journal_reads_back_to_its_numbers_and_notes(journal in arb_journal()) {
            let (header, rows) = read_back(&render(&journal, Range::all()));
            prop_assert_eq!(header.len(), 17);
            prop_assert_eq!(rows.len(), journal.check_ins.len());
            // The generator writes check-ins in date order, as the app does.
            for (row, c) in rows.iter().zip(&journal.check_ins) {
                prop_assert_eq!(&row["date"], &c.date.to_string());
                prop_assert_eq!(&row["exhaustion"], &c.exhaustion.to_string());
                prop_assert_eq!(&row["cynicism"], &c.cynicism.to_string());
                prop_assert_eq!(&row["efficacy"], &c.efficacy.to_string());
                prop_assert_eq!(row["strain"].parse::<u32>().unwrap(), strain(c));
                let shown: f64 = row["composite"].parse().unwrap();
                prop_assert!((shown - composite(c)).abs() <= 0.05 + 1e-9);
                let sleep = (!row["sleep_hours"].is_empty())
                    .then(|| row["sleep_hours"].parse::<f64>().unwrap());
                prop_assert_eq!(sleep, c.habits.sleep_hours);
                for (habit, flag) in c.habits.each() {
                    let cell = match flag { Some(true) => "1", Some(false) => "0", None => "" };
                    prop_assert_eq!(&row[habit.key()], cell);
                }
                let shown = crate::terminal_text::visible(&c.note.replace("\r\n", "\n")).into_owned();
                let guarded = shown.starts_with(['=', '+', '-', '@', '\t', '\r']);
                let expected = if guarded { format!("'{shown}") } else { shown };
                prop_assert_eq!(&row["note"], &expected);
            }
        }
    }
}
