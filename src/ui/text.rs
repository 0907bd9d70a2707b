//! Text layout helpers: wrapping by display width, a text field with its cursor, scrolling so
//! the focused line stays visible.

use super::theme::Theme;
use crate::ui::text_input::TextInput;
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

/// Splits every word wider than `width` columns into pieces exactly `width` wide (the last one
/// shorter), so `wrap` puts each piece on a line of its own instead of cutting the word short:
/// for paths, where every character matters.
pub fn break_long_words(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut used = 0;
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width && word.width() > width {
                out.push(' ');
                used = 0;
            }
            out.push(c);
            used += w;
        }
    }
    out
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

/// A multi-line field, word-wrapped at `width` columns, with the cursor drawn as a reversed cell.
pub fn wrap_with_cursor(
    input: &TextInput,
    width: usize,
    focused: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let width = width.max(2);
    let chars: Vec<char> = input.text().chars().collect();
    let cursor = focused.then_some(input.cursor());
    let mut lines = Vec::new();
    for (start, end) in segments(&chars, width) {
        let mut spans = Vec::new();
        let mut plain = String::new();
        for (i, c) in chars.iter().enumerate().take(end).skip(start) {
            if cursor == Some(i) {
                spans.push(Span::raw(std::mem::take(&mut plain)));
                let shown = if *c == '\n' { ' ' } else { *c };
                spans.push(Span::styled(shown.to_string(), theme.cursor()));
            } else if *c != '\n' {
                plain.push(*c);
            }
        }
        spans.push(Span::raw(plain));
        lines.push(Line::from(spans));
    }
    if cursor == Some(chars.len()) {
        let needs_new_line =
            chars.last() == Some(&'\n') || lines.last().is_some_and(|l: &Line| l.width() >= width);
        if needs_new_line || lines.is_empty() {
            lines.push(Line::raw(""));
        }
        if let Some(last) = lines.last_mut() {
            last.spans.push(Span::styled(" ", theme.cursor()));
        }
    }
    if lines.is_empty() {
        lines.push(Line::raw(""));
    }
    lines
}

/// Splits `chars` into display lines of at most `width` columns, breaking after spaces where it
/// can and inside a word only when a word is longer than a line. Each range includes its trailing
/// space or newline, so every char (and so the cursor) lands on exactly one line.
fn segments(chars: &[char], width: usize) -> Vec<(usize, usize)> {
    let w = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < chars.len() && chars[end] != '\n' && used + w(&chars[end]) <= width {
            if chars[end] == ' ' {
                last_space = Some(end);
            }
            used += w(&chars[end]);
            end += 1;
        }
        if end < chars.len() && chars[end] == '\n' {
            out.push((start, end + 1));
        } else if end >= chars.len() {
            out.push((start, end));
        } else if chars[end] == ' ' {
            out.push((start, end + 1));
        } else if let Some(space) = last_space {
            out.push((start, space + 1));
        } else {
            out.push((start, end.max(start + 1)));
        }
        start = out.last().map_or(chars.len(), |r| r.1);
    }
    out
}

/// The first line to show so that line `focus` of `total` is visible in `height` rows.
pub fn scroll_to_show(focus: usize, total: usize, height: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    // Keep a little context above the focus, as far as the end of the content allows.
    focus.saturating_sub(height / 3).min(total - height)
}

/// `prefix` followed by `text` word-wrapped so every line fits `width`; continuation lines are
/// indented to where the text started.
pub fn hanging(
    prefix: Vec<Span<'static>>,
    text: &str,
    style: Style,
    width: usize,
) -> Vec<Line<'static>> {
    let indent: usize = prefix.iter().map(|s| s.content.width()).sum();
    let mut lines = Vec::new();
    let mut first = Some(prefix);
    for piece in wrap(text, width.saturating_sub(indent).max(8)) {
        let mut spans = first
            .take()
            .unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
        spans.push(Span::styled(piece, style));
        lines.push(Line::from(spans));
    }
    lines
}

/// `text` with its first letter in upper case, to start a sentence with a word from a list.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `parts` joined by `separator`, breaking lines only between parts, so a figure such as
/// "3/4 kept (75%)" is never split across lines; a part wider than `width` is word-wrapped.
pub fn join_wrapped(parts: &[String], separator: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        if !line.is_empty() {
            if line.width() + separator.width() + part.width() <= width {
                line.push_str(separator);
            } else {
                lines.push(std::mem::take(&mut line));
            }
        }
        if line.is_empty() && part.width() > width {
            let mut pieces = wrap(part, width);
            line = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
        } else {
            line.push_str(part);
        }
    }
    lines.push(line);
    lines
}

/// `line` cut to `width` display columns, its last kept span ending with `ellipsis` when
/// anything was left out; styles are kept.
pub fn fit_line(line: Line<'static>, width: usize, ellipsis: &str) -> Line<'static> {
    use unicode_width::UnicodeWidthChar;
    if line.width() <= width {
        return line;
    }
    let room = width.saturating_sub(ellipsis.width());
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let mut kept = String::new();
        let mut cut = false;
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                cut = true;
                break;
            }
            used += w;
            kept.push(c);
        }
        if cut {
            // Never end on a space before the ellipsis: "completely…", not "completely …".
            let kept = kept.trim_end().to_string() + ellipsis;
            spans.push(Span::styled(kept, span.style));
            break;
        }
        spans.push(Span::styled(kept, span.style));
    }
    Line::from(spans)
}

/// `text` cut to `width` display columns, ending with `…` when anything was left out.
pub fn fit(text: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
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
    fn long_words_break_into_whole_lines_without_losing_a_char() {
        let path = "/home/sam/exports/rekindle-2026-11-23.md";
        let text = format!("Written to {path}");
        let lines = wrap(&break_long_words(&text, 16), 16);
        assert_eq!(
            lines,
            vec![
                "Written to",
                "/home/sam/export",
                "s/rekindle-2026-",
                "11-23.md"
            ]
        );
        assert_eq!(lines[1..].concat(), path);
        assert_eq!(break_long_words("short words stay", 16), "short words stay");
    }

    #[test]
    fn text_fields_wrap_at_words_and_keep_every_char() {
        let input = TextInput::multi_line("call a crisis line now\nsecond");
        let theme = Theme::new(true);
        let lines: Vec<String> = wrap_with_cursor(&input, 12, false, &theme)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(lines, vec!["call a ", "crisis line ", "now", "second"]);
        let focused = wrap_with_cursor(&input, 12, true, &theme);
        assert_eq!(
            focused.last().unwrap().to_string(),
            "second ",
            "cursor after the end"
        );
    }

    #[test]
    fn join_wrapped_breaks_between_parts_only() {
        let parts: Vec<String> = ["7 days: 1/5 kept (20%)", "28 days: 2/6 kept (33%)"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            join_wrapped(&parts, " · ", 60),
            vec!["7 days: 1/5 kept (20%) · 28 days: 2/6 kept (33%)"]
        );
        assert_eq!(
            join_wrapped(&parts, " · ", 30),
            vec!["7 days: 1/5 kept (20%)", "28 days: 2/6 kept (33%)"]
        );
        assert_eq!(
            join_wrapped(&["a".into(), "one two three".into()], " · ", 7),
            vec!["a", "one two", "three"]
        );
        assert_eq!(join_wrapped(&[], " · ", 10), vec![""]);
    }

    #[test]
    fn fit_line_keeps_styles_and_ends_with_the_ellipsis() {
        let line = Line::from(vec![
            Span::raw("  Exhaustion "),
            Span::styled(
                "(10 is completely spent)",
                Style::default().add_modifier(ratatui::style::Modifier::BOLD),
            ),
        ]);
        let fitted = fit_line(line.clone(), 31, "…");
        assert_eq!(fitted.to_string(), "  Exhaustion (10 is completely…");
        assert_eq!(fitted.width(), 31);
        assert_eq!(
            fitted.spans[1].style,
            Style::default().add_modifier(ratatui::style::Modifier::BOLD)
        );
        assert_eq!(
            fit_line(line.clone(), 31, "...").to_string(),
            "  Exhaustion (10 is complete..."
        );
        assert_eq!(fit_line(line.clone(), 80, "…"), line);
    }

    #[test]
    fn fit_marks_what_it_cuts() {
        assert_eq!(fit("no work email", 20), "no work email");
        assert_eq!(fit("no work email after 19:00", 10), "no work e…");
        assert_eq!(fit("雨の日です", 5), "雨の…");
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
