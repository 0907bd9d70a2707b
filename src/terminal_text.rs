//! The one sanitiser for human-readable output (docs/FORMAT.md "Safe output").
//!
//! Text that came from the journal, an import file, a path or an argument can hold bytes a
//! terminal obeys: `ESC [2J` clears the screen, OSC 52 writes the clipboard, OSC 8 hides a link,
//! a bare CR lets the rest of a line overwrite what came before it, and the bidi overrides make a
//! line read differently from what it holds. Every human-readable output (stdout and stderr of
//! the CLI, the Markdown and CSV exports, error messages) passes its text through [`visible`],
//! which shows each such character as a visible Rust-style escape (`\u{1b}`), so the person sees
//! that something odd is there and the terminal does nothing with it.
//!
//! Escaped:
//! - C0 controls except line feed and tab (so CR, BS, BEL and ESC are escaped), and DEL;
//! - C1 controls, U+0080–U+009F (U+009B is a one-character CSI on some terminals);
//! - the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
//!
//! Kept as they are: line feed and tab (layout), and everything else, including the zero-width
//! joiner U+200D, which joins emoji such as 🧑‍💻 and is not a control: escaping it would break
//! the person's own text for no gain.
//!
//! The JSON outputs are not passed through here: JSON is exact, and its writer escapes the C0
//! controls itself; [`escape_json_controls`] additionally writes DEL, C1 and bidi characters as
//! `\uXXXX` escapes, which decode to the very same string.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `ch` is shown as an escape rather than written out.
pub fn is_unsafe(ch: char) -> bool {
    match ch {
        '\n' | '\t' => false,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// Where the first character that `is_unsafe` could hold starts, found byte by byte (text is
/// nearly always safe, and a journal's exports pass megabytes through here): a C0 control or
/// DEL, or the lead byte of U+0080–U+009F (`C2`) or of U+2000–U+2FFF (`E2`, the bidi
/// controls). `None` proves the text safe; a candidate is checked character by character.
fn first_unsafe_candidate(bytes: &[u8]) -> Option<usize> {
    let candidate =
        |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2 || b == 0xe2;
    // Whole blocks are tested without branching on each byte, which the compiler vectorises.
    const BLOCK: usize = 64;
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut offset = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | candidate(b)) {
            return block.iter().position(|&b| candidate(b)).map(|i| offset + i);
        }
        offset += BLOCK;
    }
    let rest = blocks.remainder();
    rest.iter().position(|&b| candidate(b)).map(|i| offset + i)
}

/// `text` with every unsafe character written as a visible escape (`\u{1b}`). Borrows when
/// there is nothing to escape, which is nearly always.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unsafe, |out, ch| {
        write!(out, "\\u{{{:x}}}", u32::from(ch))
    })
}

/// JSON text with DEL, the C1 controls and the bidi characters written as `\uXXXX` escapes. In
/// valid JSON every non-ASCII character and DEL can only stand inside a string, where the
/// escape means the same character: the value is unchanged, only its spelling.
pub fn escape_json_controls(json: &str) -> Cow<'_, str> {
    // The C0 controls cannot appear raw in valid JSON; line feeds and tabs between tokens
    // are layout and stay.
    let unsafe_in_json = |ch: char| is_unsafe(ch) && !ch.is_ascii_whitespace();
    escape_where(json, unsafe_in_json, |out, ch| {
        write!(out, "\\u{:04x}", u32::from(ch))
    })
}

/// `text` with every character that `needs_escape` written by `escape`, the rest as it is.
/// Borrows when there is nothing to escape.
fn escape_where(
    text: &str,
    needs_escape: impl Fn(char) -> bool,
    escape: impl Fn(&mut String, char) -> std::fmt::Result,
) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = first_unsafe_candidate(&text.as_bytes()[at..]) {
        // A candidate byte is ASCII or a lead byte, never inside a character.
        let start = at + found;
        let ch = text[start..]
            .chars()
            .next()
            .expect("a candidate starts a character");
        at = start + ch.len_utf8();
        if needs_escape(ch) {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            out.push_str(&text[copied..start]);
            escape(out, ch).expect("writing to a String cannot fail");
            copied = at;
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `escape_where` as it was, character by character: the byte scan must agree with it.
    fn char_by_char(text: &str, needs_escape: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        for ch in text.chars() {
            if needs_escape(ch) {
                out.push_str(&format!("<{:x}>", u32::from(ch)));
            } else {
                out.push(ch);
            }
        }
        out
    }

    proptest! {
        #[test]
        fn the_byte_scan_finds_every_unsafe_character(
            text in proptest::collection::vec(
                prop_oneof![
                    any::<char>(),
                    proptest::char::range('\u{0}', '\u{a0}'),
                    proptest::char::range('\u{2000}', '\u{2070}'),
                    Just('é'),
                ],
                0..300,
            ).prop_map(|chars| chars.into_iter().collect::<String>()),
        ) {
            let mark = |out: &mut String, ch: char| write!(out, "<{:x}>", u32::from(ch));
            prop_assert_eq!(escape_where(&text, is_unsafe, mark).into_owned(), char_by_char(&text, is_unsafe));
            let in_json = |ch: char| is_unsafe(ch) && !ch.is_ascii_whitespace();
            prop_assert_eq!(escape_where(&text, in_json, mark).into_owned(), char_by_char(&text, in_json));
        }
    }

    #[test]
    fn controls_escapes_and_bidi_become_visible() {
        assert_eq!(visible("\u{1b}[2J"), r"\u{1b}[2J");
        assert_eq!(visible("\u{1b}]52;c;aGk=\u{7}"), r"\u{1b}]52;c;aGk=\u{7}");
        assert_eq!(visible("a\rb\u{8}c"), r"a\u{d}b\u{8}c");
        assert_eq!(visible("\u{9b}2J"), r"\u{9b}2J");
        assert_eq!(visible("x\u{202e}y\u{2066}z"), r"x\u{202e}y\u{2066}z");
        assert_eq!(visible("del\u{7f}"), r"del\u{7f}");
        assert_eq!(visible("\u{0}"), r"\u{0}");
    }

    #[test]
    fn ordinary_text_newlines_tabs_and_emoji_pass_unchanged() {
        for text in [
            "Sam",
            "line one\nline two\tcol",
            "🧑\u{200d}💻 at the desk",
            "café – ok",
            "",
        ] {
            assert!(matches!(visible(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn sanitising_twice_changes_nothing() {
        let once = visible("\u{1b}[31mred\u{9b}\u{202e}").into_owned();
        assert_eq!(visible(&once), once);
        assert!(!once.chars().any(is_unsafe));
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let value = serde_json::json!({ "note": "a\u{1b}b\u{9b}c\u{202e}d\u{7f}\r\n\u{200d}" });
        let text = serde_json::to_string_pretty(&value).unwrap();
        let escaped = escape_json_controls(&text);
        assert!(
            !escaped.chars().any(|c| is_unsafe(c) && c != '\n'),
            "{escaped}"
        );
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, value);
        assert!(escaped.contains(r"\u009b") && escaped.contains(r"\u202e"));
        assert!(escaped.contains('\u{200d}'), "the joiner is kept");
    }
}
