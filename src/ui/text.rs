//! Text layout helpers: wrapping by display width, a text field with its cursor, scrolling so
//! the focused line stays visible.

use super::theme::Theme;
use crate::app::text_input::TextInput;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// Word-wraps `text` to `width` display columns. Words longer than a line are cut with `…`
/// only when a line holds nothing else, so text is never silently lost mid-word.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let before = lines.len();
        let mut line = String::new();
        for word in paragraph.split(' ') {
            let needed = if line.is_empty() {
                word.width()
            } else {
                line.width() + 1 + word.width()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            } else if line.is_empty() {
                lines.push(hard_cut(word, width));
            } else {
                lines.push(std::mem::take(&mut line));
                if word.width() <= width {
                    line.push_str(word);
                } else {
                    lines.push(hard_cut(word, width));
                }
            }
        }
        if !line.is_empty() || lines.len() == before {
            lines.push(line);
        }
    }
    lines
}

fn hard_cut(word: &str, width: usize) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

pub fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// A single-line field: its text with the cursor drawn as a reversed cell when focused.
pub fn input_spans(input: &TextInput, focused: bool, theme: &Theme) -> Vec<Span<'static>> {
    let text = input.text();
    if !focused {
        return vec![Span::styled(
            if text.is_empty() {
                "–".to_string()
            } else {
                text.to_string()
            },
            Style::default(),
        )];
    }
    let at = text
        .char_indices()
        .nth(input.cursor())
        .map_or(text.len(), |(i, _)| i);
    let (before, rest) = text.split_at(at);
    let mut chars = rest.chars();
    let under = chars.next().map_or(" ".to_string(), |c| c.to_string());
    vec![
        Span::raw(before.to_string()),
        Span::styled(under, theme.cursor()),
        Span::raw(chars.as_str().to_string()),
    ]
}

/// A multi-line field, hard-wrapped at `width` characters so the cursor's place is exact.
pub fn wrap_with_cursor(
    input: &TextInput,
    width: usize,
    focused: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = width.max(2);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut column = 0usize;
    let cursor = input.cursor();
    let chars: Vec<char> = input.text().chars().collect();
    for i in 0..=chars.len() {
        let at_cursor = focused && i == cursor;
        let c = chars.get(i).copied();
        if c == Some('\n') {
            if at_cursor {
                current.push(Span::styled(" ", theme.cursor()));
            }
            lines.push(Line::from(std::mem::take(&mut current)));
            column = 0;
            continue;
        }
        let shown = match c {
            Some(c) => c.to_string(),
            None if at_cursor => " ".to_string(),
            None => break,
        };
        let w = shown.width().max(1);
        if column + w > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            column = 0;
        }
        column += w;
        current.push(if at_cursor {
            Span::styled(shown, theme.cursor())
        } else {
            Span::raw(shown)
        });
    }
    lines.push(Line::from(current));
    lines
}

/// The first line to show so that line `focus` of `total` is visible in `height` rows.
pub fn scroll_to_show(focus: usize, total: usize, height: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    // Keep a little context above the focus, as far as the end of the content allows.
    focus.saturating_sub(height / 3).min(total - height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_never_drops_text() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        assert_eq!(wrap("", 10), vec![""]);
        let long = wrap("supercalifragilistic", 8);
        assert_eq!(long, vec!["superca…"]);
    }

    #[test]
    fn scroll_keeps_focus_visible() {
        assert_eq!(scroll_to_show(5, 10, 20), 0);
        assert_eq!(scroll_to_show(30, 40, 10), 27);
        assert_eq!(scroll_to_show(39, 40, 10), 30);
        for focus in 0..40 {
            let top = scroll_to_show(focus, 40, 10);
            assert!((top..top + 10).contains(&focus));
        }
    }
}
