//! Exports: the journal, or a date range of it, formatted as Markdown, JSON or CSV bytes.
//!
//! Pure formatting. Nothing here touches the disk, the clock or the terminal: `export` returns
//! the bytes, and the store/CLI decides where they go (refusing to overwrite, writing atomically,
//! 0600). Each format lives in its own file; this one owns the format names and the date range.

mod csv;
mod json;
mod markdown;

use crate::journal::{CheckIn, Connection, Journal};
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// The file formats `rekindle export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// A readable journal to share with a therapist or coach (the default).
    #[default]
    Markdown,
    /// Exactly the journal file format; `rekindle import` reads it back.
    Json,
    /// One row per check-in day, numbers only, for spreadsheets.
    Csv,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Json, Format::Csv];

    /// The name the CLI accepts and shows.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

impl FromStr for Format {
    type Err = String;

    /// Accepts the names and the extensions in any case (`markdown`, `md`, `JSON`, `csv`).
    fn from_str(text: &str) -> Result<Self, String> {
        let wanted = text.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == wanted || f.extension() == wanted)
            .ok_or_else(|| format!("expected one of markdown, json, csv, got {text:?}"))
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An inclusive range of journal days; an open end means "from the first" / "to the last" entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Range {
    /// The whole journal.
    pub fn all() -> Range {
        Range::default()
    }

    /// A range from user input, refusing one that ends before it starts (which would silently
    /// export nothing).
    pub fn new(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Range, String> {
        match (from, to) {
            (Some(from), Some(to)) if to < from => Err(format!(
                "the range ends ({to}) before it starts ({from}); expected --from on or before --to"
            )),
            _ => Ok(Range { from, to }),
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }

    /// The journal's check-ins inside the range, in the journal's order.
    pub fn check_ins(self, journal: &Journal) -> impl Iterator<Item = &CheckIn> {
        journal
            .check_ins
            .iter()
            .filter(move |c| self.contains(c.date))
    }

    /// The journal's connections inside the range, in the journal's order.
    pub fn connections(self, journal: &Journal) -> impl Iterator<Item = &Connection> {
        journal
            .connections
            .iter()
            .filter(move |c| self.contains(c.date))
    }
}

/// Formats the part of `journal` inside `range`. Check-ins and connections are filtered by their
/// date; boundaries and settings are always included whole (check-ins refer to boundaries by id).
///
/// The human formats are safe to `cat` to a terminal, to stdout and in files alike: Markdown
/// passes through `terminal_text::visible` whole (its own wording holds no controls), CSV its
/// text cells. JSON stays exact; DEL, C1 and bidi characters are spelled `\uXXXX` inside its
/// strings, which decodes to the same journal.
pub fn export(journal: &Journal, format: Format, range: Range) -> Vec<u8> {
    match format {
        Format::Markdown => {
            let markdown = markdown::render(journal, range);
            match crate::terminal_text::visible(&markdown) {
                std::borrow::Cow::Borrowed(_) => markdown.into_bytes(),
                std::borrow::Cow::Owned(safe) => safe.into_bytes(),
            }
        }
        Format::Json => json::render(journal, range),
        Format::Csv => csv::render(journal, range),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_and_extensions_parse() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>(), Ok(format));
            assert_eq!(format.extension().parse::<Format>(), Ok(format));
            assert_eq!(format.to_string(), format.as_str());
        }
        assert_eq!(" MarkDown ".parse::<Format>(), Ok(Format::Markdown));
        let err = "pdf".parse::<Format>().unwrap_err();
        assert!(err.contains("markdown, json, csv"), "{err}");
        assert_eq!(Format::default(), Format::Markdown);
    }

    #[test]
    fn range_is_inclusive_and_open_ends_are_unbounded() {
        let d = |s: &str| crate::journal::parse_date(s).unwrap();
        let range = Range::new(Some(d("2026-11-10")), Some(d("2026-11-12"))).unwrap();
        assert!(!range.contains(d("2026-11-09")));
        assert!(range.contains(d("2026-11-10")));
        assert!(range.contains(d("2026-11-12")));
        assert!(!range.contains(d("2026-11-13")));
        assert!(Range::all().contains(d("1970-01-01")));
        let from_only = Range::new(Some(d("2026-11-10")), None).unwrap();
        assert!(from_only.contains(d("2099-01-01")) && !from_only.contains(d("2026-11-09")));
        assert!(Range::new(Some(d("2026-11-12")), Some(d("2026-11-10"))).is_err());
        assert!(Range::new(Some(d("2026-11-12")), Some(d("2026-11-12"))).is_ok());
    }
}

/// An export asked for in the TUI's dialog, for the runtime to carry out with the same rules as
/// `rekindle export -o`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    pub range: Range,
    /// As typed; the runtime expands `~/` when it writes.
    pub path: String,
    /// Replace the file if it exists (the user confirmed).
    pub force: bool,
}
