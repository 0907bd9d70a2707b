//! An editable text value with a cursor: the one text field every form uses.
//!
//! Hand-written rather than `ratatui-textarea` because rekindle's keyboard contract (the README's screen guide:
//! printable keys are text, `Esc` leaves the field, `Ctrl-S` saves from anywhere, `Enter` on the
//! last field saves) needs the form, not the widget, to decide what each key means; the editing
//! itself is a few operations on a `String`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position as a char index (0..=len in chars).
    cursor: usize,
    multi_line: bool,
}

impl TextInput {
    pub fn single_line(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            multi_line: false,
        }
    }

    pub fn multi_line(text: &str) -> TextInput {
        TextInput {
            multi_line: true,
            ..TextInput::single_line(text)
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = text.chars().count();
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts a paste at the cursor, whole: line breaks (`\r\n`, `\r`, `\n`) stay new lines in
    /// a multi-line field and become single spaces in a one-line field; tabs become spaces and
    /// other control characters are dropped, so a paste never carries terminal controls.
    pub fn paste(&mut self, pasted: &str) {
        let unified = pasted.replace("\r\n", "\n").replace('\r', "\n");
        let text: String = if self.multi_line {
            unified
        } else {
            unified
                .split('\n')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        for c in text.chars() {
            match c {
                '\n' => self.insert('\n'),
                '\t' => self.insert(' '),
                c if c.is_control() => {}
                c => self.insert(c),
            }
        }
    }

    /// Applies an editing key. Returns false for keys that are not editing keys, so the form can
    /// treat them as commands (`Enter`, `Esc`, `↑`/`↓`, `Tab`, `Ctrl-S` …).
    pub fn handle(&mut self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            // Alt-Enter, or Ctrl-J (what a raw terminal sends for a line feed), starts a new line.
            KeyCode::Enter if alt && self.multi_line => self.insert('\n'),
            KeyCode::Char('j') if ctrl && self.multi_line => self.insert('\n'),
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            KeyCode::Char(c) if !ctrl && !alt => self.insert(c),
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Backspace => {}
            KeyCode::Delete if self.cursor < self.text.chars().count() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete => {}
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_editing_and_unicode() {
        let mut input = TextInput::single_line("");
        for c in "héllo 🙂".chars() {
            assert!(input.handle(&key(KeyCode::Char(c))));
        }
        input.handle(&key(KeyCode::Left));
        input.handle(&key(KeyCode::Backspace));
        assert_eq!(input.text(), "héllo🙂");
        input.handle(&key(KeyCode::Home));
        input.handle(&key(KeyCode::Delete));
        assert_eq!(input.text(), "éllo🙂");
        assert!(!input.handle(&key(KeyCode::Enter)), "Enter is the form's");
        assert!(!input.handle(&key(KeyCode::Esc)));
        assert!(!input.handle(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
    }

    #[test]
    fn a_paste_keeps_lines_in_a_note_and_joins_them_in_a_one_line_field() {
        let mut note = TextInput::multi_line("a ");
        note.paste("first\r\nsecond\rthird\n\tq\x1b[A");
        assert_eq!(note.text(), "a first\nsecond\nthird\n q[A");
        assert_eq!(note.cursor(), note.text().chars().count());
        let mut name = TextInput::single_line("");
        name.paste("  Sam\r\n\r\n Okafor \n");
        assert_eq!(name.text(), "Sam Okafor");
    }

    #[test]
    fn new_lines_only_in_multi_line_fields() {
        let alt_enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT);
        let mut note = TextInput::multi_line("a");
        assert!(note.handle(&alt_enter));
        assert!(note.handle(&KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL)));
        assert_eq!(note.text(), "a\n\n");
        let mut name = TextInput::single_line("a");
        assert!(!name.handle(&alt_enter));
        assert_eq!(name.text(), "a");
    }
}
