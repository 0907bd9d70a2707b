//! Bytes ⇄ `Journal`: the v1 JSON format, with errors that point at the offending place.
//!
//! Decoding is strict. A journal that does not decode is an error for the caller to report,
//! never an empty journal: treating damage as "nothing there" is how peers lose data.

use super::{FORMAT, Journal, VERSION};
use serde::Deserialize;
use std::fmt;

/// Why a journal's bytes were refused, with where in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// JSON path of the offending value, such as `check_ins[3].exhaustion`; `.` for the root.
    pub path: String,
    /// 1-based line and column, when the parser knows them.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at {}", self.message, self.path)?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, ", line {line} column {column}")?;
        }
        write!(f, ")")
    }
}

impl std::error::Error for DecodeError {}

/// Just enough of the top level to decide whether the rest is ours to read.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// Parses and validates a journal file's bytes.
pub fn decode(bytes: &[u8]) -> Result<Journal, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError {
            path: ".".into(),
            line: Some(1),
            column: Some(1),
            message: "the file is empty".into(),
        });
    }
    // The common case, a healthy journal, is parsed once with plain serde_json; the slower
    // diagnostics (header check, JSON path tracking) run only when that fails.
    // UTF-8 is checked once for the whole file, not string by string.
    let parsed = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<Journal>(text).ok());
    match parsed {
        Some(journal) if journal.format == FORMAT && journal.version == VERSION => finish(journal),
        _ => Err(diagnose(bytes)),
    }
}

/// `decode` straight from a reader, never holding the whole file: for the open app, whose
/// memory is held for hours (it parses about 2.4× slower than `decode`). `None` for anything
/// `decode` would refuse; the caller then reads the bytes and `decode`s them for the error.
pub fn decode_reader(reader: impl std::io::Read) -> Option<Journal> {
    let journal: Journal = serde_json::from_reader(reader).ok()?;
    (journal.format == FORMAT && journal.version == VERSION)
        .then(|| finish(journal).ok())
        .flatten()
}

/// The checks and tidying after a journal parsed.
fn finish(mut journal: Journal) -> Result<Journal, DecodeError> {
    // The lists grew by doubling while they were read: up to half of each is spare room, a
    // quarter of a large journal's memory, which an open app would otherwise hold for hours.
    journal.check_ins.shrink_to_fit();
    journal.connections.shrink_to_fit();
    journal.validate().map_err(|(path, message)| DecodeError {
        path,
        line: None,
        column: None,
        message,
    })?;
    Ok(journal)
}

/// Explains why `bytes` did not decode: a foreign or newer file by its header first (rather
/// than whatever type error its different shape happens to trigger), else the first error with
/// its JSON path, line and column.
fn diagnose(bytes: &[u8]) -> DecodeError {
    match check_header(bytes) {
        Err(error) => error,
        Ok(()) => match parse::<Journal>(bytes) {
            Err(error) => error,
            Ok(_) => DecodeError {
                path: ".".into(),
                line: None,
                column: None,
                message: "the journal could not be read".into(),
            },
        },
    }
}

fn check_header(bytes: &[u8]) -> Result<(), DecodeError> {
    let header: Header = parse(bytes)?;
    let at_root = |message: String| DecodeError {
        path: ".".into(),
        line: None,
        column: None,
        message,
    };
    match header.format.as_ref().and_then(|v| v.as_str()) {
        Some(FORMAT) => {}
        _ => {
            return Err(DecodeError {
                path: "format".into(),
                ..at_root(format!(
                    "not a rekindle journal: \"format\" must be {FORMAT:?}"
                ))
            });
        }
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(VERSION) => {}
        Some(newer) if newer > VERSION => {
            return Err(DecodeError {
                path: "version".into(),
                ..at_root(format!(
                    "written by a newer rekindle (format version {newer}); this one reads version {VERSION}: upgrade rekindle"
                ))
            });
        }
        _ => {
            return Err(DecodeError {
                path: "version".into(),
                ..at_root(format!("\"version\" must be the whole number {VERSION}"))
            });
        }
    }
    Ok(())
}

fn parse<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = err.path().to_string();
        describe(path, err.into_inner())
    })?;
    // Trailing garbage after the object is damage too.
    de.end().map_err(|err| describe(String::new(), err))?;
    Ok(value)
}

fn describe(path: String, inner: serde_json::Error) -> DecodeError {
    let message = match inner.classify() {
        serde_json::error::Category::Eof => "the file ends too early (truncated?)".to_string(),
        // Syntax messages quote grammar ("expected `,` or `}`"), never a value.
        serde_json::error::Category::Syntax => {
            format!("not valid JSON: {}", strip_position(&inner))
        }
        _ => {
            let message = kind_only(&path, &strip_position(&inner));
            redact_quotes(&redact_quotes(&message, '"'), '`')
        }
    };
    DecodeError {
        message,
        path: if path.is_empty() { ".".into() } else { path },
        line: (inner.line() > 0).then_some(inner.line()),
        column: (inner.line() > 0).then_some(inner.column()),
    }
}

/// Rewrites serde's data errors so they name the kind of problem and what was expected, never
/// the value found: serde says "unknown variant `she hit me again`", which would put a private
/// line on a terminal or in a bug report. The field is named by the error's path; the value is
/// told by its kind (and a text by its length) at most.
fn kind_only(path: &str, message: &str) -> String {
    let field = path.rsplit('.').next().unwrap_or(path);
    let field = field.split('[').next().unwrap_or(field);
    if message.starts_with("unknown variant ") {
        let accepted = message
            .rfind("expected one of ")
            .map(|at| &message[at + "expected one of ".len()..])
            .or_else(|| {
                message
                    .rfind("expected ")
                    .map(|at| &message[at + "expected ".len()..])
            })
            .map(|list| list.replace('`', "").replace(" or ", ", "))
            .unwrap_or_default();
        let what = match field {
            "kind" => "kinds",
            "felt" => "feelings",
            "initiated_by" => "values for who reached out",
            _ if path.contains(".boundaries.") => "outcomes",
            _ => "values",
        };
        return if accepted.is_empty() {
            format!("not one of the known {what}")
        } else {
            format!("not one of the known {what} ({accepted})")
        };
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let expected = rest
                .rfind(", expected ")
                .map(|at| expected_words(field, &rest[at + ", expected ".len()..]))
                .unwrap_or_else(|| "something else".to_string());
            let found = found_words(rest);
            return if prefix == "invalid type: " {
                format!("expected {expected}, found {found}")
            } else {
                format!("expected {expected}, found {found} out of range")
            };
        }
    }
    if message.starts_with("invalid length ") {
        let expected = message
            .rfind(", expected ")
            .map(|at| expected_words(field, &message[at + ", expected ".len()..]))
            .unwrap_or_else(|| "another length".to_string());
        return format!("the wrong number of entries: expected {expected}");
    }
    // "missing field `x`", "duplicate field `x`" name our own fields; our own custom messages
    // name no value. Anything else has its quoted parts told by length only (below).
    message.to_string()
}

/// "a text of 12 characters", "a text of 1 character".
fn text_of(length: usize) -> String {
    match length {
        1 => "a text of 1 character".to_string(),
        n => format!("a text of {n} characters"),
    }
}

/// What serde found, by kind: "a text of 12 characters", "a number", "true or false", …
fn found_words(unexpected: &str) -> String {
    let text = |quote: char| {
        let inner = unexpected
            .split_once(quote)
            .map(|(_, rest)| rest.rfind(quote).map_or(rest, |end| &rest[..end]))
            .unwrap_or("");
        text_of(inner.chars().count())
    };
    if unexpected.starts_with("string ") {
        text('"')
    } else if unexpected.starts_with("integer ") || unexpected.starts_with("floating point ") {
        "a number".into()
    } else if unexpected.starts_with("boolean ") {
        "true or false".into()
    } else if unexpected.starts_with("null") {
        "null".into()
    } else if unexpected.starts_with("map") {
        "an object".into()
    } else if unexpected.starts_with("sequence") {
        "a list".into()
    } else {
        "a value of another kind".into()
    }
}

/// serde's "expected …" part in plain words; the field's rule where it is one we know.
fn expected_words(field: &str, expected: &str) -> String {
    match field {
        "exhaustion" | "cynicism" | "efficacy" => {
            return "a rating, a whole number from 0 to 10".into();
        }
        "sleep_hours" => return "hours of sleep, a number from 0 to 24".into(),
        _ => {}
    }
    match expected {
        "i64" | "u64" | "u8" | "u32" | "i32" | "f64" | "f32" => "a number".into(),
        "a boolean" => "true or false".into(),
        "a string" => "a text".into(),
        "a sequence" => "a list".into(),
        "a map" => "an object".into(),
        other if other.starts_with("struct ") => "an object".into(),
        other => other.replace('`', ""),
    }
}

/// Error messages must not repeat a value read from the file. Whatever a message still quotes
/// (a custom message, an unforeseen serde wording) is replaced by its length, so at most the
/// size of a value reaches the terminal. Field names in "missing field `x`" are ours, but are
/// kept only when they are a plain identifier.
fn redact_quotes(message: &str, quote: char) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find(quote) {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        // The closing quote: the next one not escaped by a backslash.
        let mut close = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                c if c == quote && !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(close) = close else {
            out.push_str(&rest[open..]);
            return out;
        };
        let quoted = &after[..close];
        let is_field_name = message.contains("field ")
            && !quoted.is_empty()
            && quoted.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if is_field_name {
            out.push(quote);
            out.push_str(quoted);
            out.push(quote);
        } else {
            out.push_str(&text_of(quoted.chars().count()));
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// serde_json appends " at line L column C" to its messages; the position is reported separately.
fn strip_position(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Serialises a journal in the v1 format, ending with a newline: the top level and its lists
/// are laid out one entry per line, each entry on a single line. That keeps the file readable,
/// greppable and diff-friendly (one day is one line) at about 60% of the fully indented size,
/// which a 10-year journal loads and saves measurably faster.
pub fn encode(journal: &Journal) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(1 << 16);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, EntryPerLine::default());
    serde::Serialize::serialize(journal, &mut serializer)
        .expect("a journal holds only JSON-representable data");
    bytes.push(b'\n');
    bytes
}

/// Containers down to this depth get one member per line; deeper ones stay on one line.
const LINE_DEPTH: usize = 2;

/// A `serde_json` formatter: indented for the outer levels, single-line entries below them.
#[derive(Default)]
struct EntryPerLine {
    /// For each open container, whether it has had a member yet.
    open: Vec<bool>,
}

impl EntryPerLine {
    fn on_lines(&self) -> bool {
        self.open.len() <= LINE_DEPTH
    }

    fn begin<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.open.push(false);
        w.write_all(bracket)
    }

    fn end<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        let lines = self.on_lines();
        let had_members = self.open.pop().unwrap_or(false);
        if lines && had_members {
            w.write_all(b"\n")?;
            indent(w, self.open.len())?;
        }
        w.write_all(bracket)
    }

    fn member<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if let Some(seen) = self.open.last_mut() {
            *seen = true;
        }
        if self.on_lines() {
            w.write_all(if first { b"\n" } else { b",\n" })?;
            indent(w, self.open.len())
        } else if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }
}

fn indent<W: ?Sized + std::io::Write>(w: &mut W, depth: usize) -> std::io::Result<()> {
    for _ in 0..depth {
        w.write_all(b"  ")?;
    }
    Ok(())
}

impl serde_json::ser::Formatter for EntryPerLine {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(w, first)
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.begin(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.end(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.member(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
  "format": "rekindle-journal",
  "version": 1,
  "settings": { "week_starts_on": "monday", "day_starts_at": "04:00", "support_text": "Call Sam.", "theme": "dusk" },
  "check_ins": [
    { "date": "2026-11-23", "recorded_at": "2026-11-23T21:04:05+01:00", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "note": "Back-to-back incident calls.",
      "habits": { "sleep_hours": 6.5, "exercise": false, "outside": true, "caffeine": 3 },
      "boundaries": { "b-1": "kept", "b-2": "slipped" }, "mood_emoji": "🙂" }
  ],
  "connections": [
    { "id": "c-20261123-1", "date": "2026-11-23", "person": "Sam", "kind": "call", "initiated_by": "me",
      "felt": "nourishing", "gratitude": "Sam checked in first.", "place": "park" }
  ],
  "boundaries": [
    { "id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00",
      "days": ["mon", "tue"], "created": "2026-11-01", "archived": false, "colour": "blue" }
  ],
  "plugin_data": { "x": [1, 2] }
}"#;

    fn refuse(text: &str) -> DecodeError {
        decode(text.as_bytes()).expect_err("should be refused")
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let journal = decode(SAMPLE.as_bytes()).unwrap();
        let text = String::from_utf8(encode(&journal)).unwrap();
        for kept in [
            "\"theme\"",
            "\"caffeine\"",
            "\"mood_emoji\"",
            "\"place\"",
            "\"colour\"",
            "\"plugin_data\"",
        ] {
            assert!(text.contains(kept), "{kept} was dropped");
        }
        let again = decode(text.as_bytes()).unwrap();
        assert_eq!(again, journal);
        assert_eq!(
            encode(&again),
            text.as_bytes(),
            "second save is byte-identical"
        );
    }

    #[test]
    fn people_round_trip_with_unknown_fields_and_are_checked() {
        let with_people = SAMPLE.replace(
            "\"plugin_data\"",
            r#""people": [
    { "id": "p-1", "name": "Sam", "aliases": ["Samantha"], "every_days": 14, "since": "2026-11-01",
      "paused_until": "2026-12-01", "archived": false, "note": "Voice notes over calls.",
      "draining_answer": "keep", "birthday": "03-04" },
    { "id": "p-2", "name": "Priya", "paused_until": null }
  ],
  "plugin_data""#,
        );
        let journal = decode(with_people.as_bytes()).unwrap();
        assert_eq!(journal.people.len(), 2);
        assert_eq!(journal.people[0].every_days, Some(14));
        assert_eq!(journal.people[0].aliases, vec!["Samantha"]);
        assert_eq!(journal.people[1].every_days, None);
        let text = String::from_utf8(encode(&journal)).unwrap();
        assert!(
            text.contains("\"birthday\""),
            "unknown person fields are kept"
        );
        assert_eq!(decode(text.as_bytes()).unwrap(), journal);
        // No people: the file has no "people" key at all, as before 0.2.
        assert!(
            !String::from_utf8(encode(&decode(SAMPLE.as_bytes()).unwrap()))
                .unwrap()
                .contains("\"people\"")
        );
        let err = refuse(&with_people.replace("\"every_days\": 14", "\"every_days\": 400"));
        assert_eq!(err.path, "people[0].every_days");
        let err = refuse(&with_people.replace("\"name\": \"Priya\"", "\"name\": \" \""));
        assert_eq!(err.path, "people[1].name");
        let err = refuse(&with_people.replace("\"id\": \"p-2\"", "\"id\": \"p-1\""));
        assert_eq!(err.path, "people[1].id");
    }

    #[test]
    fn out_of_range_rating_is_refused_with_its_path_and_line() {
        let bad = SAMPLE.replace("\"exhaustion\": 7", "\"exhaustion\": 11");
        let err = refuse(&bad);
        assert_eq!(err.path, "check_ins[0].exhaustion");
        assert_eq!(err.line, Some(6));
        assert!(err.message.contains("0 to 10"), "{}", err.message);
    }

    #[test]
    fn impossible_date_and_unknown_enum_are_refused() {
        let err = refuse(&SAMPLE.replace(
            "\"date\": \"2026-11-23\", \"recorded_at\"",
            "\"date\": \"2026-02-30\", \"recorded_at\"",
        ));
        assert_eq!(err.path, "check_ins[0].date");
        let err = refuse(&SAMPLE.replace("\"kind\": \"call\"", "\"kind\": \"telepathy\""));
        assert_eq!(err.path, "connections[0].kind");
        let err = refuse(&SAMPLE.replace("\"felt\": \"nourishing\"", "\"felt\": \"great\""));
        assert_eq!(err.path, "connections[0].felt");
        let err = refuse(&SAMPLE.replace("\"b-2\": \"slipped\"", "\"b-2\": \"maybe\""));
        assert_eq!(err.path, "check_ins[0].boundaries.b-2");
        let err = refuse(&SAMPLE.replace("\"person\": \"Sam\"", "\"person\": \"  \""));
        assert_eq!(err.path, "connections[0].person");
    }

    #[test]
    fn damaged_files_are_errors_not_empty_journals() {
        assert_eq!(refuse("").message, "the file is empty");
        let truncated = &SAMPLE[..SAMPLE.len() / 2];
        assert!(refuse(truncated).message.contains("truncated"));
        assert!(refuse("garbage!").message.contains("not valid JSON"));
        let missing_comma = SAMPLE.replace("\"version\": 1,", "\"version\": 1");
        assert_eq!(
            refuse(&missing_comma).message,
            "not valid JSON: expected `,` or `}`",
            "grammar is quoted as it is"
        );
        assert!(refuse("[]").line.is_some());
        let trailing = format!("{SAMPLE} x");
        assert!(refuse(&trailing).message.contains("not valid JSON"));
        let wrong_type = SAMPLE.replace("\"check_ins\": [", "\"check_ins\": {\"a\":1}, \"z\": [");
        assert_eq!(refuse(&wrong_type).path, "check_ins");
    }

    #[test]
    fn a_note_in_the_wrong_field_is_not_repeated_in_the_error() {
        let private = "I cried in the stairwell after the review meeting";
        let err = refuse(&SAMPLE.replace(
            "\"exhaustion\": 7",
            &format!("\"exhaustion\": \"{private}\""),
        ));
        assert_eq!(err.path, "check_ins[0].exhaustion");
        assert!(!err.to_string().contains("stairwell"), "{err}");
        assert!(err.message.contains("a text of 49 characters"), "{err}");
        let err = refuse(&SAMPLE.replace(
            "\"date\": \"2026-11-23\", \"recorded_at\"",
            &format!("\"date\": \"{private}\", \"recorded_at\""),
        ));
        assert!(!err.to_string().contains("stairwell"), "{err}");
        let err = refuse(&SAMPLE.replace("\"felt\": \"nourishing\"", "\"felt\": \"great\""));
        assert!(
            !err.to_string().contains("great"),
            "short values go too: {err}"
        );
    }

    #[test]
    fn errors_name_the_field_and_the_kind_of_problem_never_the_value() {
        let cases = [
            (
                "\"kind\": \"call\"",
                "\"kind\": \"she hit me again\"",
                "connections[0].kind",
                "not one of the known kinds (message, call, video, in_person, group, therapy, mentor, other)",
            ),
            (
                "\"felt\": \"nourishing\"",
                "\"felt\": \"awful\"",
                "connections[0].felt",
                "not one of the known feelings (nourishing, neutral, draining)",
            ),
            (
                "\"exhaustion\": 7",
                "\"exhaustion\": \"very\"",
                "check_ins[0].exhaustion",
                "expected a rating, a whole number from 0 to 10, found a text of 4 characters",
            ),
            (
                "\"exhaustion\": 7",
                "\"exhaustion\": 12",
                "check_ins[0].exhaustion",
                "a rating must be a whole number from 0 to 10",
            ),
            (
                "\"from\": \"19:00\"",
                "\"from\": \"secret\"",
                "boundaries[0].from",
                "expected a time as HH:MM from 00:00 to 23:59",
            ),
            (
                "\"days\": [\"mon\", \"tue\"]",
                "\"days\": [\"mon\", \"private\"]",
                "boundaries[0].days[1]",
                "expected one of mon, tue, wed, thu, fri, sat, sun",
            ),
            (
                "\"date\": \"2026-11-23\", \"recorded_at\"",
                "\"date\": \"2026-02-30\", \"recorded_at\"",
                "check_ins[0].date",
                "not a real calendar date (expected YYYY-MM-DD)",
            ),
            (
                "\"recorded_at\": \"2026-11-23T21:04:05+01:00\"",
                "\"recorded_at\": \"last tuesday\"",
                "check_ins[0].recorded_at",
                "expected an RFC 3339 time such as 2026-11-23T21:04:05+01:00",
            ),
            (
                "\"b-2\": \"slipped\"",
                "\"b-2\": \"maybe\"",
                "check_ins[0].boundaries.b-2",
                "not one of the known outcomes (kept, slipped)",
            ),
            (
                "\"archived\": false",
                "\"archived\": \"no\"",
                "boundaries[0].archived",
                "expected true or false, found a text of 2 characters",
            ),
        ];
        for (from, to, path, message) in cases {
            assert!(SAMPLE.contains(from), "{from}");
            let err = refuse(&SAMPLE.replace(from, to));
            assert_eq!((err.path.as_str(), err.message.as_str()), (path, message));
        }
    }

    #[test]
    fn future_versions_and_foreign_files_are_refused_clearly() {
        let err = refuse(&SAMPLE.replace("\"version\": 1", "\"version\": 2"));
        assert_eq!(err.path, "version");
        assert!(err.message.contains("newer rekindle"));
        let err = refuse(&SAMPLE.replace("rekindle-journal", "other-app"));
        assert_eq!(err.path, "format");
        assert!(refuse(r#"{"format":"rekindle-journal"}"#).path == "version");
    }

    #[test]
    fn duplicate_days_and_ids_are_refused() {
        let journal = decode(SAMPLE.as_bytes()).unwrap();
        let mut twice = journal.clone();
        twice.check_ins.push(twice.check_ins[0].clone());
        let err = refuse(std::str::from_utf8(&encode(&twice)).unwrap());
        assert_eq!(err.path, "check_ins[1].date");
        let mut twice = journal;
        twice.boundaries.push(twice.boundaries[0].clone());
        assert_eq!(
            refuse(std::str::from_utf8(&encode(&twice)).unwrap()).path,
            "boundaries[1].id"
        );
    }

    #[test]
    fn out_of_range_sleep_is_refused_at_its_path() {
        let err = refuse(&SAMPLE.replace("\"sleep_hours\": 6.5", "\"sleep_hours\": 24.5"));
        assert_eq!(err.path, "check_ins[0].habits.sleep_hours");
        assert!(err.message.contains("0 to 24"), "{}", err.message);
        let err = refuse(&SAMPLE.replace("\"sleep_hours\": 6.5", "\"sleep_hours\": \"6\""));
        assert_eq!(err.path, "check_ins[0].habits.sleep_hours");
    }

    #[test]
    fn minimal_hand_written_file_fills_defaults() {
        let journal = decode(
            br#"{"format":"rekindle-journal","version":1,
            "check_ins":[{"date":"2026-01-01","exhaustion":0,"cynicism":0,"efficacy":10}],
            "boundaries":[{"id":"x","text":"Lunch away from the desk"}]}"#,
        )
        .unwrap();
        assert_eq!(journal.settings, crate::journal::Settings::default());
        assert!(journal.check_ins[0].note.is_empty());
        assert!(journal.check_ins[0].habits.is_empty());
        assert!(!journal.boundaries[0].archived);
        assert_eq!(journal.boundaries[0].days, None);
    }

    mod properties {
        use super::super::*;
        use crate::sample::arb_journal;
        use proptest::prelude::*;

        /// Any JSON number: long integers, long fractions, exponents in every spelling.
        fn odd_number() -> impl Strategy<Value = String> {
            "-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?"
        }

        /// A sleep figure from 0 to 24 in any spelling: `7`, `6.55`, `0.000001`, `1e-300`, `24.0`.
        fn odd_sleep() -> impl Strategy<Value = String> {
            prop_oneof![
                "(1?[0-9]|2[0-3])(\\.[0-9]{1,8})?",
                "[1-9]e-[1-9][0-9]{0,2}",
                Just("24.0".to_string()),
                Just("0".to_string()),
                Just("6.55".to_string()),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]

            #[test]
            fn any_valid_journal_round_trips_byte_stably(journal in arb_journal()) {
                let bytes = encode(&journal);
                let loaded = decode(&bytes).expect("an encoded journal decodes");
                prop_assert_eq!(&loaded, &journal);
                prop_assert_eq!(encode(&loaded), bytes);
            }

            /// Issue 12 item 7: a journal with unknown fields everywhere and numbers written in
            /// any JSON spelling, loaded and saved, reads back as the same JSON values (numbers
            /// compared by their text: `arbitrary_precision`).
            #[test]
            fn load_then_save_keeps_every_value_and_number_text(
                journal in arb_journal(),
                numbers in proptest::collection::vec(odd_number(), 12),
                sleeps in proptest::collection::vec(odd_sleep(), 12),
            ) {
                let mut value: serde_json::Value = serde_json::from_slice(&encode(&journal)).unwrap();
                let number = |i: usize| -> serde_json::Value {
                    serde_json::from_str(&numbers[i % numbers.len()]).unwrap()
                };
                let mut n = 0;
                let mut extend = |object: &mut serde_json::Value| {
                    let object = object.as_object_mut().unwrap();
                    object.insert("x_number".into(), number(n));
                    object.insert("x_nested".into(), serde_json::json!({ "list": [number(n + 1), null, true] }));
                    n += 2;
                };
                extend(&mut value);
                extend(&mut value["settings"]);
                for (i, day) in value["check_ins"].as_array_mut().unwrap().iter_mut().enumerate() {
                    extend(day);
                    let sleep: serde_json::Value = serde_json::from_str(&sleeps[i % sleeps.len()]).unwrap();
                    let day = day.as_object_mut().unwrap();
                    let habits = day.entry("habits").or_insert_with(|| serde_json::json!({}));
                    habits["sleep_hours"] = sleep;
                    extend(habits);
                }
                for entry in value["connections"].as_array_mut().unwrap() {
                    extend(entry);
                }
                for entry in value["boundaries"].as_array_mut().unwrap() {
                    extend(entry);
                }
                let text = serde_json::to_vec(&value).unwrap();
                let loaded = decode(&text).expect("a valid journal with extra fields decodes");
                let saved: serde_json::Value = serde_json::from_slice(&encode(&loaded)).unwrap();
                prop_assert_eq!(&saved, &value);
                // And a second save is byte-identical to the first.
                prop_assert_eq!(encode(&decode(&encode(&loaded)).unwrap()), encode(&loaded));
            }

            #[test]
            fn the_loader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
                let _ = decode(&bytes);
            }

            #[test]
            fn damage_to_a_valid_journal_is_refused_or_read_never_a_panic(
                journal in arb_journal(),
                cut in any::<prop::sample::Index>(),
                flip in any::<prop::sample::Index>(),
                byte in any::<u8>(),
            ) {
                let mut bytes = encode(&journal);
                // Cut at least the closing "}\n", so the JSON really is incomplete.
                let truncated = &bytes[..cut.index(bytes.len() - 1)];
                prop_assert!(decode(truncated).is_err(), "a truncated journal is an error, not a shorter journal");
                let at = flip.index(bytes.len());
                bytes[at] = byte;
                let _ = decode(&bytes);
            }
        }
    }
}
