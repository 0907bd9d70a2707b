//! The six screens and the dialogs drawn over them, each a `ui::component::Component`: its own
//! `State`, its `Msg`, the keymap that handles keys and fills the footer and help, `update` and
//! `render`. A screen sees the world only through `Ctx` and answers with an `Outcome`; the app
//! (one level up) routes to them. Adding a screen: its folder here, one `Screen` variant, and
//! its state in `app::App`.

pub mod boundaries;
pub mod check_in;
pub mod confirm;
pub mod connections;
pub mod export;
pub mod journal;
pub mod recovery;
pub mod settings;
pub mod trends;

/// The screens in tab order; the number is the digit that opens each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    CheckIn,
    Connections,
    Boundaries,
    Trends,
    Journal,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 6] = [
        Screen::CheckIn,
        Screen::Connections,
        Screen::Boundaries,
        Screen::Trends,
        Screen::Journal,
        Screen::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::CheckIn => "Check-in",
            Screen::Connections => "Connections",
            Screen::Boundaries => "Boundaries",
            Screen::Trends => "Trends",
            Screen::Journal => "Journal",
            Screen::Settings => "Settings",
        }
    }

    pub fn number(self) -> u8 {
        Screen::ALL
            .iter()
            .position(|s| *s == self)
            .map_or(1, |i| i as u8 + 1)
    }

    pub fn from_number(n: u8) -> Option<Screen> {
        Screen::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Screen {
        Screen::ALL[usize::from(self.number()) % Screen::ALL.len()]
    }

    pub fn previous(self) -> Screen {
        Screen::ALL[(usize::from(self.number()) + Screen::ALL.len() - 2) % Screen::ALL.len()]
    }
}

/// The person's support text under `label` (as wide as the label column it hangs from), its long
/// words broken so they wrap: the check-in's `seek_support` flag and the Trends page show it alike.
pub fn support_lines(
    ctx: &crate::ui::component::Ctx,
    label: &'static str,
    width: usize,
) -> Vec<ratatui::text::Line<'static>> {
    let text = crate::ui::text::break_long_words(
        ctx.journal.settings.support_text.trim(),
        width.saturating_sub(label.len()).max(8),
    );
    crate::ui::text::hanging(
        vec![ratatui::text::Span::styled(label, ctx.theme.label)],
        &text,
        ratatui::style::Style::default(),
        width,
    )
}
