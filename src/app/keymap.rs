//! Key bindings as data: the same table decides what a key does, fills the footer and writes
//! the help overlay, so what the screen advertises is what it handles.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One advertised key (or family of keys) and the message it produces.
pub struct Binding<M> {
    /// How the key is written in the footer and help, such as `↑/k` or `Ctrl-S`.
    pub keys: &'static str,
    /// What it does, in a few words.
    pub does: &'static str,
    /// Shown in the footer (everything is in the help overlay).
    pub in_footer: bool,
    /// A key this binding answers to, for tests that press every advertised key.
    pub example: KeyEvent,
    matcher: fn(&KeyEvent) -> Option<M>,
}

impl<M> Binding<M> {
    pub fn new(
        keys: &'static str,
        does: &'static str,
        example: KeyEvent,
        matcher: fn(&KeyEvent) -> Option<M>,
    ) -> Binding<M> {
        Binding {
            keys,
            does,
            in_footer: true,
            example,
            matcher,
        }
    }

    /// Listed in help only, to keep the footer short.
    pub fn help_only(mut self) -> Binding<M> {
        self.in_footer = false;
        self
    }

    pub fn matches(&self, key: &KeyEvent) -> Option<M> {
        (self.matcher)(key)
    }
}

/// The first binding that answers to `key`.
pub fn lookup<M>(bindings: &[Binding<M>], key: &KeyEvent) -> Option<M> {
    bindings.iter().find_map(|b| b.matches(key))
}

pub fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ch(c: char) -> KeyEvent {
    plain(KeyCode::Char(c))
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// True for a key with no Ctrl or Alt (Shift is part of the character).
pub fn is_plain(key: &KeyEvent) -> bool {
    !key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

pub fn is_char(key: &KeyEvent, c: char) -> bool {
    is_plain(key) && key.code == KeyCode::Char(c)
}

pub fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char(c)
}

pub fn is_up(key: &KeyEvent) -> bool {
    key.code == KeyCode::Up || is_char(key, 'k')
}

pub fn is_down(key: &KeyEvent) -> bool {
    key.code == KeyCode::Down || is_char(key, 'j')
}

pub fn is_left(key: &KeyEvent) -> bool {
    key.code == KeyCode::Left || is_char(key, 'h')
}

pub fn is_right(key: &KeyEvent) -> bool {
    key.code == KeyCode::Right || is_char(key, 'l')
}

pub fn digit(key: &KeyEvent) -> Option<u8> {
    match key.code {
        KeyCode::Char(c) if is_plain(key) && c.is_ascii_digit() => Some(c as u8 - b'0'),
        _ => None,
    }
}
