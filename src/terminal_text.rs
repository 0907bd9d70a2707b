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
    let Some(first) = text.find(&needs_escape) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for ch in text[first..].chars() {
        if needs_escape(ch) {
            escape(&mut out, ch).expect("writing to a String cannot fail");
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
