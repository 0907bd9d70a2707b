//! Every style the UI uses, in one place. With `NO_COLOR` set, styles keep only modifiers
//! (bold, reversed, dim): meaning is always carried by a symbol or a word too, never colour alone.

use crate::journal::{Felt, Outcome};
use crate::scoring::Band;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub colour: bool,
    pub heading: Style,
    pub label: Style,
    pub dim: Style,
    pub focus_marker: Style,
    pub error: Style,
    pub ok: Style,
    pub banner: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub key: Style,
    pub selected: Style,
    /// A raised flag's title; the `⚑` beside it carries the meaning without colour.
    pub flag: Style,
    /// Chart series. Each is also told apart by its marker (`●`, `E`, `C`, `F`), never colour alone.
    pub composite: Style,
    pub exhaustion: Style,
    pub cynicism: Style,
    pub efficacy: Style,
    /// Chart axes and their labels.
    pub axis: Style,
    /// A missed day or week (drawn as `·`): present, but quiet.
    pub gap: Style,
}

impl Theme {
    /// `no_color` follows the `NO_COLOR` convention (https://no-color.org).
    pub fn new(no_color: bool) -> Theme {
        let colour = !no_color;
        let c = |style: Style, fg: Color| if colour { style.fg(fg) } else { style };
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Theme {
            colour,
            heading: c(bold, Color::Cyan),
            label: c(Style::default(), Color::Blue),
            dim: Style::default().add_modifier(Modifier::DIM),
            focus_marker: c(bold, Color::Yellow),
            error: c(bold, Color::Red),
            ok: c(Style::default(), Color::Green),
            banner: c(Style::default().add_modifier(Modifier::BOLD), Color::Yellow),
            tab: Style::default(),
            tab_active: Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: c(bold, Color::Cyan),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            flag: c(bold, Color::Yellow),
            composite: c(bold, Color::Magenta),
            exhaustion: c(Style::default(), Color::LightRed),
            cynicism: c(Style::default(), Color::LightBlue),
            efficacy: c(Style::default(), Color::Green),
            axis: Style::default().add_modifier(Modifier::DIM),
            gap: Style::default().add_modifier(Modifier::DIM),
        }
    }

    /// A form field's name: reversed when focused, so focus shows without colour.
    pub fn field(&self, focused: bool) -> Style {
        if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        }
    }

    pub fn scale(&self, focused: bool) -> Style {
        let base = if self.colour {
            Style::default().fg(Color::Magenta)
        } else {
            Style::default()
        };
        if focused {
            base.add_modifier(Modifier::BOLD)
        } else {
            base
        }
    }

    pub fn value(&self, focused: bool) -> Style {
        let base = Style::default().add_modifier(Modifier::BOLD);
        if focused {
            base.add_modifier(Modifier::UNDERLINED)
        } else {
            base
        }
    }

    pub fn outcome(&self, outcome: Option<Outcome>) -> Style {
        match outcome {
            Some(Outcome::Kept) => self.ok,
            Some(Outcome::Slipped) => self.error,
            None => self.dim,
        }
    }

    pub fn band(&self, band: Band) -> Style {
        let fg = match band {
            Band::Low => Color::Green,
            Band::Moderate => Color::Yellow,
            Band::High => Color::LightRed,
            Band::VeryHigh => Color::Red,
        };
        let bold = Style::default().add_modifier(Modifier::BOLD);
        if self.colour { bold.fg(fg) } else { bold }
    }

    /// The text cursor inside a text field.
    pub fn cursor(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    /// How a connection felt; the symbol and word beside it carry the meaning. Draining is
    /// yellow, not red: it describes a contact, it is not an alarm.
    pub fn felt(&self, felt: Felt) -> Style {
        match felt {
            Felt::Nourishing => self.ok,
            Felt::Neutral => Style::default(),
            Felt::Draining if self.colour => Style::default().fg(Color::Yellow),
            Felt::Draining => Style::default(),
        }
    }

    /// A gentle flag (isolation, a boundary slipping): noticeable, never alarming.
    pub fn flag(&self) -> Style {
        if self.colour {
            Style::default().fg(Color::Magenta)
        } else {
            Style::default()
        }
    }

    /// A suggested completion shown after the cursor, not yet part of the text.
    pub fn completion(&self) -> Style {
        self.dim
    }

    /// Whether a boundary is in force now (the words "in force" or "not now" say it too).
    pub fn in_force(&self, in_force: bool) -> Style {
        if in_force {
            self.ok.add_modifier(Modifier::BOLD)
        } else {
            self.dim
        }
    }
}
