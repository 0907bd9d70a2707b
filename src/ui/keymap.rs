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
    matcher: Matcher<M>,
}

/// Decides whether a key is this binding's, and which message it makes.
type Matcher<M> = Box<dyn Fn(&KeyEvent) -> Option<M>>;

impl<M: 'static> Binding<M> {
    pub fn new(
        keys: &'static str,
        does: &'static str,
        example: KeyEvent,
        matcher: impl Fn(&KeyEvent) -> Option<M> + 'static,
    ) -> Binding<M> {
        Binding {
            keys,
            does,
            in_footer: true,
            example,
            matcher: Box::new(matcher),
        }
    }

    /// The same key, producing another screen's message.
    pub fn map<N>(self, f: impl Fn(M) -> N + 'static) -> Binding<N> {
        let matcher = self.matcher;
        Binding {
            keys: self.keys,
            does: self.does,
            in_footer: self.in_footer,
            example: self.example,
            matcher: Box::new(move |key| matcher(key).map(&f)),
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

/// `↑`/`↓` (and `k`/`j`): one binding for both directions.
pub fn up_down<M: Copy + 'static>(does: &'static str, down: M, up: M) -> Binding<M> {
    let example = plain(KeyCode::Down);
    two_way("↑↓", does, example, (is_down, down), (is_up, up))
}

/// `↑`/`↓` only, for fields where letters are never keys (a rating: typing a sentence there must
/// not move the focus).
pub fn arrows_up_down<M: Copy + 'static>(does: &'static str, down: M, up: M) -> Binding<M> {
    let (down, up) = ((KeyCode::Down, down), (KeyCode::Up, up));
    key_pair("↑↓", does, is_plain, down, up)
}

/// `←`/`→` only, for the same fields.
pub fn arrows_left_right<M: Copy + 'static>(does: &'static str, left: M, right: M) -> Binding<M> {
    let (right, left) = ((KeyCode::Right, right), (KeyCode::Left, left));
    key_pair("←→", does, is_plain, right, left)
}

/// `←`/`→` (and `h`/`l`): one binding for both directions.
pub fn left_right<M: Copy + 'static>(does: &'static str, left: M, right: M) -> Binding<M> {
    let example = plain(KeyCode::Right);
    two_way("←→", does, example, (is_left, left), (is_right, right))
}

/// `Home`/`End` (with any modifiers): to the first and the last row. Listed in help only, to
/// keep the footer short.
pub fn home_end<M: Copy + 'static>(does: &'static str, top: M, bottom: M) -> Binding<M> {
    let end = (KeyCode::End, bottom);
    key_pair("Home/End", does, |_| true, end, (KeyCode::Home, top)).help_only()
}

/// `PgUp`/`PgDn` (with any modifiers): a page at a time. Listed in help only, like `Home/End`.
pub fn page_up_down<M: Copy + 'static>(does: &'static str, up: M, down: M) -> Binding<M> {
    let page_down = (KeyCode::PageDown, down);
    key_pair(
        "PgUp/PgDn",
        does,
        |_| true,
        page_down,
        (KeyCode::PageUp, up),
    )
    .help_only()
}

/// Two plain keys (no Ctrl or Alt) named together, such as `n/N`, one message each; the first
/// is the example.
pub fn plain_pair<M: Copy + 'static>(
    keys: &'static str,
    does: &'static str,
    first: (KeyCode, M),
    second: (KeyCode, M),
) -> Binding<M> {
    key_pair(keys, does, is_plain, first, second)
}

/// Two keys, one message each, with the modifiers `modifiers_ok` allows; the first is the
/// example.
fn key_pair<M: Copy + 'static>(
    keys: &'static str,
    does: &'static str,
    modifiers_ok: fn(&KeyEvent) -> bool,
    (first, first_msg): (KeyCode, M),
    (second, second_msg): (KeyCode, M),
) -> Binding<M> {
    let is = move |code| move |k: &KeyEvent| k.code == code && modifiers_ok(k);
    let (first_key, second_key) = ((is(first), first_msg), (is(second), second_msg));
    two_way(keys, does, plain(first), first_key, second_key)
}

/// One binding for two directions: the message of the first test the key passes, checked in
/// order (`first`, then `second`).
fn two_way<M: Copy + 'static>(
    keys: &'static str,
    does: &'static str,
    example: KeyEvent,
    (first, first_msg): (impl Fn(&KeyEvent) -> bool + 'static, M),
    (second, second_msg): (impl Fn(&KeyEvent) -> bool + 'static, M),
) -> Binding<M> {
    Binding::new(keys, does, example, move |k| {
        if first(k) {
            Some(first_msg)
        } else if second(k) {
            Some(second_msg)
        } else {
            None
        }
    })
}

/// A single plain key (`Enter`, `Esc`, a letter …) with no Ctrl or Alt.
pub fn on<M: Copy + 'static>(
    keys: &'static str,
    does: &'static str,
    code: KeyCode,
    msg: M,
) -> Binding<M> {
    Binding::new(keys, does, plain(code), move |k| {
        (k.code == code && is_plain(k)).then_some(msg)
    })
}

/// `Ctrl`+a letter.
pub fn on_ctrl<M: Copy + 'static>(
    keys: &'static str,
    does: &'static str,
    c: char,
    msg: M,
) -> Binding<M> {
    Binding::new(keys, does, ctrl(c), move |k| is_ctrl(k, c).then_some(msg))
}

/// What the keys every form shares do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Save,
    Next,
    Previous,
    Enter,
    Leave,
}

/// The keys every form starts its keymap with: `Ctrl-S` (saves, or `save_does`) and `↑↓`.
pub fn form_head(save_does: &'static str) -> Vec<Binding<FormKey>> {
    vec![
        on_ctrl("Ctrl-S", save_does, 's', FormKey::Save),
        up_down("move", FormKey::Next, FormKey::Previous),
    ]
}

/// The same for a focused rating, where letters are never keys: `↑↓` without `j`/`k`.
pub fn form_head_arrows(save_does: &'static str) -> Vec<Binding<FormKey>> {
    vec![
        on_ctrl("Ctrl-S", save_does, 's', FormKey::Save),
        arrows_up_down("move", FormKey::Next, FormKey::Previous),
    ]
}

/// True for a key that types a character (no Ctrl or Alt): what a stray letter or a typed
/// sentence is made of.
pub fn is_typing(key: &KeyEvent) -> bool {
    is_plain(key) && matches!(key.code, KeyCode::Char(_))
}

/// The keys every form ends its keymap with: `Enter` (next field, or what it does on the last
/// field) and `Esc` (leave the field, or what it does with none focused).
pub fn form_tail(enter_does: &'static str, esc_does: &'static str) -> Vec<Binding<FormKey>> {
    vec![
        on("Enter", enter_does, KeyCode::Enter, FormKey::Enter).help_only(),
        on("Esc", esc_does, KeyCode::Esc, FormKey::Leave),
    ]
}

/// The first binding that answers to `key`.
pub fn lookup<M: 'static>(bindings: &[Binding<M>], key: &KeyEvent) -> Option<M> {
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

/// True when a key event carries Ctrl or Alt.
pub fn has_modifier(key: &KeyEvent) -> bool {
    key.modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}
