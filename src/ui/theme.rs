//! Every style the UI uses, in one place. With `NO_COLOR` set, styles keep only modifiers
//! (bold, reversed, dim): meaning is always carried by a symbol or a word too, never colour alone.
//! The symbols are in the theme as well ([`Glyphs`]): ASCII stand-ins under a non-UTF-8 locale.

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
    /// The symbols to draw with: Unicode, or ASCII under a non-UTF-8 locale.
    pub glyphs: Glyphs,
}

impl Theme {
    /// The theme for what the terminal can show (see [`Capabilities::detect`]).
    pub fn for_terminal(caps: Capabilities) -> Theme {
        Theme {
            glyphs: if caps.unicode {
                Glyphs::UNICODE
            } else {
                Glyphs::ASCII
            },
            ..Theme::new(!caps.colour)
        }
    }

    /// `no_color` follows the `NO_COLOR` convention (https://no-color.org); symbols are Unicode.
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
            glyphs: Glyphs::UNICODE,
        }
    }

    /// The two columns before a row or field: the focus glyph on the focused one, blank on
    /// the others.
    pub fn focus_span(&self, focused: bool) -> ratatui::text::Span<'static> {
        let marker = if focused {
            format!("{} ", self.glyphs.focus)
        } else {
            "  ".to_string()
        };
        ratatui::text::Span::styled(marker, self.focus_marker)
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

/// Every symbol the UI draws, chosen once at start: Unicode where the locale can show it, ASCII
/// stand-ins where it cannot (`LANG=C`). Screens draw symbols through this table (or pass text
/// built elsewhere through [`Glyphs::text`]), never as literals, so a plain terminal shows no
/// mojibake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyphs {
    /// False under a non-UTF-8 locale: every field below is ASCII.
    pub unicode: bool,
    /// A filled cell of a 0–10 scale.
    pub filled: &'static str,
    /// An empty cell of a 0–10 scale, and a missed day or week in a chart.
    pub empty: &'static str,
    /// Between parts of one line: " · ".
    pub sep: &'static str,
    /// A boundary kept; a save that landed.
    pub kept: &'static str,
    /// A boundary slipped; an error.
    pub slipped: &'static str,
    /// Nothing recorded.
    pub unrecorded: &'static str,
    /// The focused row or field.
    pub focus: &'static str,
    /// Before each reminder in the banner.
    pub banner: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub right: &'static str,
    /// A raised flag.
    pub flag: &'static str,
    /// A gentle note (isolation, a boundary slipping).
    pub gentle: &'static str,
    /// One cell of a horizontal rule.
    pub rule: &'static str,
    /// Ends text cut to fit.
    pub ellipsis: &'static str,
    /// "19:40 — you said".
    pub dash: &'static str,
    /// A range: "0–10", "16–22 Nov".
    pub range: &'static str,
    /// No value yet.
    pub none: &'static str,
    /// A boundary in force now / not now / archived.
    pub in_force: &'static str,
    pub not_now: &'static str,
    pub archived: &'static str,
    /// How a connection felt: nourishing, neutral, draining.
    pub plus: &'static str,
    pub neutral: &'static str,
    pub minus: &'static str,
    /// A weekly mark on a chart.
    pub point: char,
    /// The eight heights of a bar, lowest first, then full.
    pub bars: [&'static str; 8],
}

/// Unicode symbols the app (and ratatui's borders, axes and bars) draw, with their one-cell ASCII
/// stand-ins: used by [`Glyphs::text`] and [`Glyphs::ascii_buffer`].
const ASCII_CELLS: &[(char, char)] = &[
    ('■', '#'),
    ('·', '-'),
    ('•', '.'),
    ('✓', '+'),
    ('✗', 'x'),
    ('›', '>'),
    ('»', '>'),
    ('↑', '^'),
    ('↓', 'v'),
    ('→', '>'),
    ('←', '<'),
    ('⚑', '!'),
    ('◇', '*'),
    ('─', '-'),
    ('━', '-'),
    ('│', '|'),
    ('┃', '|'),
    ('┌', '+'),
    ('┐', '+'),
    ('└', '+'),
    ('┘', '+'),
    ('├', '+'),
    ('┤', '+'),
    ('┬', '+'),
    ('┴', '+'),
    ('┼', '+'),
    ('╭', '+'),
    ('╮', '+'),
    ('╰', '+'),
    ('╯', '+'),
    ('…', '~'),
    ('—', '-'),
    ('–', '-'),
    ('−', '-'),
    ('●', '*'),
    ('○', 'o'),
    ('⊘', 'x'),
    ('◀', '<'),
    ('▶', '>'),
    ('×', 'x'),
    ('Δ', 'd'),
    ('≥', '>'),
    ('≤', '<'),
    ('▁', '_'),
    ('▂', '_'),
    ('▃', '-'),
    ('▄', '-'),
    ('▅', '='),
    ('▆', '='),
    ('▇', '#'),
    ('█', '#'),
];

/// `text` with every known symbol replaced by its one-cell stand-in.
fn cells(text: &str) -> String {
    text.chars()
        .map(|c| {
            ASCII_CELLS
                .iter()
                .find(|(g, _)| *g == c)
                .map_or(c, |(_, a)| *a)
        })
        .collect()
}

/// Stand-ins wider than one cell, for text (not for cells already laid out).
const ASCII_TEXT: &[(char, &str)] = &[
    ('…', "..."),
    ('—', "--"),
    ('→', "->"),
    ('←', "<-"),
    ('»', ">>"),
    ('≥', ">="),
    ('≤', "<="),
];

impl Glyphs {
    pub const UNICODE: Glyphs = Glyphs {
        unicode: true,
        filled: "■",
        empty: "·",
        sep: " · ",
        kept: "✓",
        slipped: "✗",
        unrecorded: "·",
        focus: "›",
        banner: "»",
        up: "↑",
        down: "↓",
        right: "→",
        flag: "⚑",
        gentle: "◇",
        rule: "─",
        ellipsis: "…",
        dash: "—",
        range: "–",
        none: "–",
        in_force: "●",
        not_now: "○",
        archived: "⊘",
        plus: "+",
        neutral: "○",
        minus: "−",
        point: '●',
        bars: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    };

    pub const ASCII: Glyphs = Glyphs {
        unicode: false,
        filled: "#",
        empty: ".",
        sep: " - ",
        kept: "+",
        slipped: "x",
        unrecorded: "-",
        focus: ">",
        banner: ">>",
        up: "^",
        down: "v",
        right: "->",
        flag: "!",
        gentle: "*",
        rule: "-",
        ellipsis: "...",
        dash: "--",
        range: "-",
        none: "-",
        in_force: "*",
        not_now: "o",
        archived: "x",
        plus: "+",
        neutral: "o",
        minus: "-",
        point: 'o',
        bars: ["_", "_", "-", "-", "=", "=", "#", "#"],
    };

    /// `text` (built elsewhere: a core line, a key label) with every known symbol replaced by
    /// its ASCII stand-in under the ASCII table; unchanged under Unicode. Other characters (the
    /// person's own words) are left exactly as typed.
    pub fn text(&self, text: &str) -> String {
        if self.unicode || text.is_ascii() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if let Some((_, s)) = ASCII_TEXT.iter().find(|(g, _)| *g == c) {
                out.push_str(s);
            } else if let Some((_, a)) = ASCII_CELLS.iter().find(|(g, _)| *g == c) {
                out.push(*a);
            } else {
                out.push(c);
            }
        }
        out
    }

    /// `lines` with every known symbol replaced by its one-cell ASCII stand-in (styles kept, and
    /// widths too, so wrapped text and columns stay laid out): for screens whose text is built
    /// from words with symbols in them.
    pub fn lines(
        &self,
        lines: Vec<ratatui::text::Line<'static>>,
    ) -> Vec<ratatui::text::Line<'static>> {
        if self.unicode {
            return lines;
        }
        lines
            .into_iter()
            .map(|line| {
                let spans: Vec<ratatui::text::Span<'static>> = line
                    .spans
                    .into_iter()
                    .map(|span| ratatui::text::Span::styled(cells(&span.content), span.style))
                    .collect();
                ratatui::text::Line::from(spans).style(line.style)
            })
            .collect()
    }

    /// `text` cut to `width` columns, ending with this table's ellipsis when anything was cut.
    pub fn fit(&self, text: &str, width: usize) -> String {
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        if text.width() <= width {
            return text.to_string();
        }
        let room = width.saturating_sub(self.ellipsis.width());
        let mut out = String::new();
        let mut used = 0;
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            out.push(c);
        }
        // "name…", not "name …".
        let mut out = out.trim_end().to_string();
        out.push_str(self.ellipsis);
        out
    }

    /// The bar set of a sparkline drawn with this table.
    pub fn bar_set(&self) -> ratatui::symbols::bar::Set<'static> {
        let [one, two, three, four, five, six, seven, full] = self.bars;
        ratatui::symbols::bar::Set {
            full,
            seven_eighths: seven,
            three_quarters: six,
            five_eighths: five,
            half: four,
            three_eighths: three,
            one_quarter: two,
            one_eighth: one,
            empty: " ",
        }
    }

    /// Under the ASCII table, replaces every known symbol in `area` of `buf` by its one-cell
    /// stand-in: for what widgets draw themselves (borders, chart axes) and for text laid out
    /// before it reached the screen. Under Unicode it does nothing.
    pub fn ascii_buffer(&self, buf: &mut ratatui::buffer::Buffer, area: ratatui::layout::Rect) {
        if self.unicode {
            return;
        }
        let area = area.intersection(buf.area);
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let cell = &mut buf[(x, y)];
                let mut chars = cell.symbol().chars();
                if let (Some(c), None) = (chars.next(), chars.next())
                    && let Some((_, a)) = ASCII_CELLS.iter().find(|(g, _)| *g == c)
                {
                    let mut tmp = [0u8; 4];
                    cell.set_symbol(a.encode_utf8(&mut tmp));
                }
            }
        }
    }
}

/// What the terminal can show, decided once at start from the environment (read only at the
/// edge, in `tui::terminal`): colour, and whether the locale can show Unicode symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capabilities {
    pub colour: bool,
    pub unicode: bool,
}

/// The environment values the detection reads, as given (None when unset).
#[derive(Debug, Clone, Copy, Default)]
pub struct Env<'a> {
    pub no_color: Option<&'a str>,
    pub term: Option<&'a str>,
    pub lc_all: Option<&'a str>,
    pub lc_ctype: Option<&'a str>,
    pub lang: Option<&'a str>,
}

impl Capabilities {
    /// Pure: colour unless `NO_COLOR` is set to anything non-empty (https://no-color.org) or
    /// `TERM=dumb`; Unicode symbols unless the locale in effect names no UTF-8 encoding. The
    /// locale in effect is the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (the POSIX order);
    /// when none is set there is no evidence against UTF-8, so symbols stay Unicode.
    pub fn detect(env: Env) -> Capabilities {
        fn set(v: Option<&str>) -> Option<&str> {
            v.filter(|v| !v.is_empty())
        }
        let colour = set(env.no_color).is_none() && env.term.map(str::trim) != Some("dumb");
        let unicode = match [env.lc_all, env.lc_ctype, env.lang]
            .into_iter()
            .find_map(set)
        {
            None => true,
            Some(locale) => {
                let l = locale.to_ascii_lowercase();
                l.contains("utf-8") || l.contains("utf8")
            }
        };
        Capabilities { colour, unicode }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(no_color: Option<&'a str>, term: Option<&'a str>, lang: Option<&'a str>) -> Env<'a> {
        Env {
            no_color,
            term,
            lang,
            ..Env::default()
        }
    }

    #[test]
    fn colour_is_off_with_no_color_or_a_dumb_terminal() {
        let colour = |e| Capabilities::detect(e).colour;
        assert!(colour(env(None, Some("xterm-256color"), None)));
        assert!(colour(env(None, None, None)));
        assert!(!colour(env(Some("1"), Some("xterm-256color"), None)));
        assert!(!colour(env(Some("0"), None, None)), "any non-empty value");
        assert!(colour(env(Some(""), None, None)), "empty means unset");
        assert!(!colour(env(None, Some("dumb"), None)));
    }

    #[test]
    fn symbols_are_ascii_under_a_locale_without_utf8() {
        let unicode = |e| Capabilities::detect(e).unicode;
        assert!(unicode(env(None, None, Some("en_GB.UTF-8"))));
        assert!(unicode(env(None, None, Some("C.utf8"))));
        assert!(!unicode(env(None, None, Some("C"))));
        assert!(!unicode(env(None, None, Some("POSIX"))));
        assert!(!unicode(env(None, None, Some("en_US.ISO-8859-1"))));
        assert!(unicode(env(None, None, None)), "nothing says otherwise");
        // LC_ALL wins over LC_CTYPE, which wins over LANG; empty values are skipped.
        let e = Env {
            lc_all: Some("C"),
            lc_ctype: Some("en_US.UTF-8"),
            lang: Some("en_US.UTF-8"),
            ..Env::default()
        };
        assert!(!unicode(e));
        let e = Env {
            lc_all: Some(""),
            lc_ctype: Some("en_US.UTF-8"),
            lang: Some("C"),
            ..Env::default()
        };
        assert!(unicode(e));
        let e = Env {
            lc_ctype: Some("C"),
            lang: Some("en_US.UTF-8"),
            ..Env::default()
        };
        assert!(!unicode(e));
        // TERM=dumb turns colour off but says nothing about the encoding.
        assert!(unicode(env(None, Some("dumb"), Some("en_US.UTF-8"))));
    }

    #[test]
    fn the_theme_follows_the_capabilities() {
        let plain = Theme::for_terminal(Capabilities {
            colour: false,
            unicode: false,
        });
        assert!(!plain.colour);
        assert_eq!(plain.glyphs, Glyphs::ASCII);
        let full = Theme::for_terminal(Capabilities {
            colour: true,
            unicode: true,
        });
        assert!(full.colour);
        assert_eq!(full.glyphs, Glyphs::UNICODE);
    }

    #[test]
    fn the_ascii_table_is_ascii_and_keeps_the_person_s_words() {
        let g = Glyphs::ASCII;
        for s in [
            g.filled,
            g.empty,
            g.sep,
            g.kept,
            g.slipped,
            g.unrecorded,
            g.focus,
            g.banner,
            g.up,
            g.down,
            g.right,
            g.flag,
            g.gentle,
            g.rule,
            g.ellipsis,
            g.dash,
            g.range,
            g.none,
            g.in_force,
            g.not_now,
            g.archived,
            g.plus,
            g.neutral,
            g.minus,
        ] {
            assert!(s.is_ascii(), "{s:?}");
        }
        assert!(g.point.is_ascii() && g.bars.iter().all(|b| b.is_ascii()));
        assert_eq!(
            g.text("19:40 — you said: Café · 0–10 ↑ … ✓"),
            "19:40 -- you said: Café - 0-10 ^ ... +"
        );
        assert_eq!(Glyphs::UNICODE.text("a · b"), "a · b");
        assert_eq!(g.fit("no work email after 19:00", 10), "no work...");
        assert_eq!(
            Glyphs::UNICODE.fit("no work email after 19:00", 10),
            "no work e…"
        );
        for (_, a) in ASCII_CELLS {
            assert!(a.is_ascii());
        }
    }
}
