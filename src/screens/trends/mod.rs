//! Screen 4, trends: the weekly review as a page to look at rather than read — charts of the
//! weekly composite and the three dimensions over the last N weeks, this week against last week,
//! the 28-day daily sparkline and slope, the week's connections and boundaries, the flags, and
//! the support text.
//!
//! The review itself is computed in `Derived` (after each journal change or tick, and when N
//! changes), never here: drawing only lays it out. The page is taller than a terminal, so it is
//! drawn whole into an off-screen buffer and the visible rows are copied out; ↑/↓ scroll it and
//! the last row says how much is left. The support text is always one key away (`s`), whatever
//! the scores and whatever flags were dismissed, and ends the page unless the `seek_support` flag
//! is already showing it. N and dismissed flags last for the session only.

mod charts;

use crate::app::keymap::{self, Binding, ch, is_char, plain};
use crate::app::{App, Effect};
use crate::scoring::{MIN_WEEK_CHECK_INS, NOT_A_DIAGNOSIS, fmt1};
use crate::trends::{self, FlagKind, Review, WeekSummary};
use crate::ui::text::{break_long_words, hanging, wrapped};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use std::cell::Cell;

pub use charts::{WeeklySeries, daily_bars, weekly_series};

/// How many weeks the charts can show, and how many they show at first.
pub const MIN_WEEKS: usize = 4;
pub const MAX_WEEKS: usize = 26;
pub const DEFAULT_WEEKS: usize = trends::DEFAULT_WEEKS;

/// Rows of the daily sparkline (16 levels).
const SPARK_ROWS: u16 = 2;
/// Side by side charts need this many columns; below it they stack.
const SIDE_BY_SIDE_WIDTH: u16 = 70;

#[derive(Debug)]
pub struct State {
    /// How many weeks the charts and the review cover (MIN_WEEKS..=MAX_WEEKS).
    pub weeks: usize,
    /// First page row shown.
    pub scroll: usize,
    /// The flags are dismissed for this session (the support text never is).
    pub flags_dismissed: bool,
    /// The support text box is open.
    pub support_open: bool,
    /// How far the page could scroll when it was last drawn. Rendering records it (as ratatui's
    /// `ListState` offset is updated by rendering), because only rendering knows the terminal's
    /// size; ↓ stops there instead of running on past the end.
    pub max_scroll: Cell<usize>,
}

impl Default for State {
    fn default() -> Self {
        State {
            weeks: DEFAULT_WEEKS,
            scroll: 0,
            flags_dismissed: false,
            support_open: false,
            max_scroll: Cell::new(0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    FewerWeeks,
    MoreWeeks,
    ScrollUp,
    ScrollDown,
    PageUp,
    PageDown,
    ToggleSupport,
    CloseSupport,
    ToggleFlags,
}

pub fn bindings(app: &App) -> Vec<Binding<Msg>> {
    let mut list = Vec::new();
    if app.trends.support_open {
        list.push(Binding::new(
            "s/Esc",
            "close support text",
            plain(KeyCode::Esc),
            |k| (k.code == KeyCode::Esc || is_char(k, 's')).then_some(Msg::CloseSupport),
        ));
    }
    list.push(Binding::new(
        "←→",
        "weeks",
        plain(KeyCode::Right),
        |k| {
            if keymap::is_left(k) || is_char(k, '-') {
                Some(Msg::FewerWeeks)
            } else if keymap::is_right(k) || is_char(k, '+') {
                Some(Msg::MoreWeeks)
            } else {
                None
            }
        },
    ));
    // Scrolling is advertised only when the last frame had more than fit, so the footer never
    // offers a key that would do nothing.
    if app.trends.max_scroll.get() > 0 {
        list.push(Binding::new(
            "↑↓",
            "scroll",
            plain(KeyCode::Down),
            |k| {
                if keymap::is_down(k) {
                    Some(Msg::ScrollDown)
                } else if keymap::is_up(k) {
                    Some(Msg::ScrollUp)
                } else {
                    None
                }
            },
        ));
        list.push(
            Binding::new(
                "PgUp/PgDn",
                "scroll a page",
                plain(KeyCode::PageDown),
                |k| match k.code {
                    KeyCode::PageDown => Some(Msg::PageDown),
                    KeyCode::PageUp => Some(Msg::PageUp),
                    _ => None,
                },
            )
            .help_only(),
        );
    }
    list.push(
        Binding::new("-/+", "fewer/more weeks", ch('+'), |k| {
            if is_char(k, '-') {
                Some(Msg::FewerWeeks)
            } else if is_char(k, '+') {
                Some(Msg::MoreWeeks)
            } else {
                None
            }
        })
        .help_only(),
    );
    if !app.trends.support_open {
        list.push(Binding::new("s", "support", ch('s'), |k| {
            is_char(k, 's').then_some(Msg::ToggleSupport)
        }));
    }
    let has_flags = app
        .derived
        .review
        .as_ref()
        .is_some_and(|r| !r.flags.is_empty());
    if has_flags {
        let does = if app.trends.flags_dismissed {
            "show flags"
        } else {
            "dismiss flags"
        };
        list.push(Binding::new("d", does, ch('d'), |k| {
            is_char(k, 'd').then_some(Msg::ToggleFlags)
        }));
    }
    list
}

pub fn on_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let msg = keymap::lookup(&bindings(app), key)?;
    Some(update(app, msg))
}

/// Rows a page key moves.
const PAGE: usize = 10;

pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let weeks = app.trends.weeks;
    let state = &mut app.trends;
    let max_scroll = state.max_scroll.get();
    match msg {
        Msg::FewerWeeks => set_weeks(app, weeks.saturating_sub(1)),
        Msg::MoreWeeks => set_weeks(app, weeks + 1),
        // From where the page really is, should it have shrunk since (fewer weeks, a resize).
        Msg::ScrollUp => state.scroll = state.scroll.min(max_scroll).saturating_sub(1),
        Msg::ScrollDown => state.scroll = (state.scroll + 1).min(max_scroll),
        Msg::PageUp => state.scroll = state.scroll.min(max_scroll).saturating_sub(PAGE),
        Msg::PageDown => state.scroll = (state.scroll + PAGE).min(max_scroll),
        Msg::ToggleSupport => state.support_open = !state.support_open,
        Msg::CloseSupport => state.support_open = false,
        Msg::ToggleFlags => state.flags_dismissed = !state.flags_dismissed,
    }
    Vec::new()
}

/// Shows `weeks` weeks (kept within MIN_WEEKS..=MAX_WEEKS) and recomputes the review for them.
fn set_weeks(app: &mut App, weeks: usize) {
    let weeks = weeks.clamp(MIN_WEEKS, MAX_WEEKS);
    if weeks == app.trends.weeks {
        return;
    }
    app.trends.weeks = weeks;
    app.derived
        .set_review_weeks(&app.journal, app.today, app.trends.weeks);
}

/// Whether the `seek_support` flag is on screen, and so already shows the support text.
fn seek_support_shown(app: &App, review: &Review) -> bool {
    !app.trends.flags_dismissed && review.flags.iter().any(|f| f.kind == FlagKind::SeekSupport)
}

/// One part of the page, drawn at its own height.
enum Piece {
    Text(Vec<Line<'static>>),
    /// The two weekly charts, each `height` rows, side by side or stacked.
    Charts {
        height: u16,
        side_by_side: bool,
    },
    /// The daily sparkline and its date row.
    Days {
        repeat: usize,
    },
}

impl Piece {
    fn height(&self) -> u16 {
        match self {
            Piece::Text(lines) => u16::try_from(lines.len()).unwrap_or(u16::MAX),
            Piece::Charts {
                height,
                side_by_side: true,
            } => *height,
            Piece::Charts {
                height,
                side_by_side: false,
            } => height * 2,
            Piece::Days { .. } => SPARK_ROWS + 1,
        }
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let area = crate::ui::inset(area);
    let Some(review) = &app.derived.review else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let pieces = page(app, review, area);
    let total = pieces
        .iter()
        .fold(0u16, |sum, piece| sum.saturating_add(piece.height()));
    let overflow = total > area.height;
    // When the page is taller than the screen, the last row says so instead of showing content.
    let viewport = if overflow {
        area.height - 1
    } else {
        area.height
    };
    let max_scroll = total - viewport.min(total);
    app.trends.max_scroll.set(usize::from(max_scroll));
    let scroll = u16::try_from(app.trends.scroll)
        .unwrap_or(u16::MAX)
        .min(max_scroll);

    let mut whole = Buffer::empty(Rect::new(0, 0, area.width, total));
    let mut y = 0;
    for piece in &pieces {
        let height = piece.height();
        draw_piece(
            app,
            review,
            piece,
            Rect::new(0, y, area.width, height),
            &mut whole,
        );
        y += height;
    }
    let out = frame.buffer_mut();
    for row in 0..viewport.min(total - scroll) {
        for x in 0..area.width {
            out[(area.x + x, area.y + row)] = whole[(x, scroll + row)].clone();
        }
    }
    if overflow {
        let below = total - scroll - viewport;
        let text = match below {
            0 => "end of the review · ↑ scrolls back".to_string(),
            n => format!("↓ {n} more lines · ↑↓ scroll"),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(text, app.theme.dim)),
            Rect::new(area.x, area.y + viewport, area.width, 1),
        );
    }
    if app.trends.support_open {
        render_support(app, frame, area);
    }
}

/// The support text in a box over the page: `s` from anywhere on this screen.
fn render_support(app: &App, frame: &mut Frame, area: Rect) {
    let width = area.width.min(64);
    let inner = usize::from(width.saturating_sub(2));
    // A long word (a URL, a phone number without spaces) breaks across lines, never cut short.
    let text = wrapped(
        &break_long_words(app.journal.settings.support_text.trim(), inner),
        inner,
        Style::default(),
    );
    let height = (text.len() as u16 + 2).min(area.height);
    let popup = crate::ui::centered(area, width, height);
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).block(Block::bordered().title(" Support · s or Esc closes ")),
        popup,
    );
}

fn draw_piece(app: &App, review: &Review, piece: &Piece, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    match piece {
        Piece::Text(lines) => Paragraph::new(lines.clone()).render(area, buf),
        Piece::Charts {
            height,
            side_by_side,
        } => {
            let [left, right] = if *side_by_side {
                Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)])
                    .spacing(2)
                    .areas(area)
            } else {
                Layout::vertical([Constraint::Length(*height), Constraint::Length(*height)])
                    .areas(area)
            };
            // About one column between the three letters of a week, as far as the width allows.
            let graph_columns = f64::from(right.width.saturating_sub(4).max(1));
            let offset = (review.weeks.len().max(1) as f64 / graph_columns).min(0.33);
            let series = weekly_series(&review.weeks, offset);
            charts::composite_chart(&series, &review.weeks, theme).render(left, buf);
            charts::dimensions_chart(&series, &review.weeks, theme).render(right, buf);
        }
        Piece::Days { repeat } => {
            let bars = daily_bars(&app.derived.last_28_days, SPARK_ROWS, *repeat);
            let width = u16::try_from(bars.len())
                .unwrap_or(u16::MAX)
                .min(area.width.saturating_sub(2));
            let [spark, dates] =
                Layout::vertical([Constraint::Length(SPARK_ROWS), Constraint::Length(1)])
                    .areas(area);
            charts::sparkline(&bars, SPARK_ROWS, theme)
                .render(Rect::new(spark.x + 2, spark.y, width, spark.height), buf);
            let first = review
                .today
                .checked_sub_days(chrono::Days::new(trends::SLOPE_DAYS - 1))
                .map_or(String::new(), |d| d.format("%-d %b").to_string());
            let last = "today";
            let gap = usize::from(width).saturating_sub(first.chars().count() + last.len());
            Paragraph::new(Line::styled(
                format!("  {first}{}{last}", " ".repeat(gap)),
                theme.axis,
            ))
            .render(dates, buf);
        }
    }
}

/// The whole page, top to bottom.
fn page(app: &App, review: &Review, area: Rect) -> Vec<Piece> {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut pieces = Vec::new();

    // One line when it fits: every row above the sparkline counts at 80x24.
    let heading = format!(
        "Weekly review · {} · {} weeks",
        review.today.format("%a %-d %b %Y"),
        review.weeks.len()
    );
    let top = if heading.chars().count() + 2 + NOT_A_DIAGNOSIS.len() <= width {
        vec![Line::from(vec![
            Span::styled(heading, theme.heading),
            Span::styled(format!("  {NOT_A_DIAGNOSIS}"), theme.dim),
        ])]
    } else {
        let mut lines = hanging(Vec::new(), &heading, theme.heading, width);
        lines.push(Line::styled(NOT_A_DIAGNOSIS, theme.dim));
        lines
    };
    pieces.push(Piece::Text(top));

    let side_by_side = area.width >= SIDE_BY_SIDE_WIDTH;
    // The title, x axis and its labels take 3 rows; an odd number of plotting rows puts one
    // exactly on the "50" label. Seven rows (16.7 points each) tell a 40 from a 60; five (25
    // each) only on small screens.
    let height = if area.height >= 18 { 10 } else { 8 };
    pieces.push(Piece::Charts {
        height,
        side_by_side,
    });

    // Kept to one line at 80 columns so the sparkline still fits on the first screen.
    let mut lines = wrapped(
        &format!(
            "No mark: under {MIN_WEEK_CHECK_INS} check-ins that week (a gap, not a zero) · \
             F: 10 = capable"
        ),
        width,
        theme.dim,
    );
    let count = review.weeks.len();
    if let Some(this_week) = review.weeks.last() {
        lines.extend(week_lines("This week", this_week, review, width));
    }
    if let Some(last_week) = count.checked_sub(2).and_then(|i| review.weeks.get(i)) {
        lines.extend(week_lines("Last week", last_week, review, width));
    }
    lines.extend(wrapped(
        &trends::change_line(review),
        width,
        Style::default(),
    ));
    lines.extend(wrapped(
        "Daily composite, last 28 days (· = no check-in)",
        width,
        theme.label,
    ));
    pieces.push(Piece::Text(lines));

    // Two columns a day when they fit beside the two-column indent, else one.
    let repeat = if width >= 2 + 2 * trends::SLOPE_DAYS as usize {
        2
    } else {
        1
    };
    pieces.push(Piece::Days { repeat });

    let mut lines = wrapped(&trends::slope_line(review), width, Style::default());
    lines.push(Line::raw(""));
    lines.extend(connection_lines(review, width, theme));
    lines.extend(boundary_lines(app, review, width));
    lines.push(Line::raw(""));
    lines.extend(flag_section(app, review, width));
    if !seek_support_shown(app, review) {
        lines.push(Line::raw(""));
        lines.extend(hanging(
            vec![Span::styled("Support: ", theme.label)],
            &break_long_words(
                app.journal.settings.support_text.trim(),
                width.saturating_sub(9).max(8),
            ),
            Style::default(),
            width,
        ));
    }
    pieces.push(Piece::Text(lines));
    pieces
}

/// "Last week  16–22 Nov · 5 of 7 days · 51.3 high strain · E 6.4 C 4.0 F 5.0".
fn week_lines(
    label: &str,
    week: &WeekSummary,
    review: &Review,
    width: usize,
) -> Vec<Line<'static>> {
    let days = week.days_so_far(review.today);
    let so_far = if days < 7 { " so far" } else { "" };
    let day_word = if days == 1 { "day" } else { "days" };
    let figures = match week.means {
        Some(m) => format!(
            "{} {} · E {} C {} F {}",
            fmt1(m.composite),
            m.band.label(),
            fmt1(m.exhaustion),
            fmt1(m.cynicism),
            fmt1(m.efficacy)
        ),
        None => format!(
            "not enough check-ins ({} of {MIN_WEEK_CHECK_INS})",
            week.sums.count
        ),
    };
    hanging(
        vec![Span::raw(format!("{label:<11}"))],
        &format!(
            "{} · {} of {days} {day_word}{so_far} · {figures}",
            week_span(week.week_start),
            week.sums.count
        ),
        Style::default(),
        width,
    )
}

/// "16–22 Nov", or "30 Nov–6 Dec" across a month.
fn week_span(start: chrono::NaiveDate) -> String {
    let end = start
        .checked_add_days(chrono::Days::new(6))
        .unwrap_or(start);
    if chrono::Datelike::month(&start) == chrono::Datelike::month(&end) {
        format!("{}–{}", start.format("%-d"), end.format("%-d %b"))
    } else {
        format!("{}–{}", start.format("%-d %b"), end.format("%-d %b"))
    }
}

fn connection_lines(
    review: &Review,
    width: usize,
    theme: &crate::ui::theme::Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(week) = review.weeks.last() {
        let c = week.connections;
        let text = if c.total() == 0 {
            "none logged yet".to_string()
        } else {
            format!(
                "{} nourishing, {} neutral, {} draining (you reached out {})",
                c.nourishing, c.neutral, c.draining, c.initiated_by_me
            )
        };
        lines.extend(hanging(
            vec![Span::styled("Connections this week: ", theme.label)],
            &text,
            Style::default(),
            width,
        ));
    }
    lines.extend(wrapped(
        &trends::nourishing_line(review),
        width,
        Style::default(),
    ));
    lines
}

fn boundary_lines(app: &App, review: &Review, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if let Some(week) = review.weeks.last() {
        let text = match week.boundaries.recorded() {
            0 => "none recorded".to_string(),
            n => format!("kept {} of {n} records", week.boundaries.kept),
        };
        lines.extend(hanging(
            vec![Span::styled("Boundaries this week: ", theme.label)],
            &text,
            Style::default(),
            width,
        ));
    }
    for rate in app.derived.boundaries.rates.iter().filter(|r| !r.archived) {
        let count = |c: trends::OutcomeCounts| match c.recorded() {
            0 => "not recorded".to_string(),
            n => format!("kept {} of {n}", c.kept),
        };
        lines.extend(hanging(
            vec![Span::raw("  ")],
            &format!(
                "{}: {} in 7 days, {} in 28",
                rate.text.trim(),
                count(rate.last_7),
                count(rate.last_28)
            ),
            theme.dim,
            width,
        ));
    }
    lines
}

fn flag_section(app: &App, review: &Review, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    if review.flags.is_empty() {
        return vec![Line::raw("No flags right now.")];
    }
    if app.trends.flags_dismissed {
        let n = review.flags.len();
        return wrapped(
            &format!(
                "{n} {} dismissed for now; d shows {} again.",
                if n == 1 { "flag" } else { "flags" },
                if n == 1 { "it" } else { "them" }
            ),
            width,
            theme.dim,
        );
    }
    let mut lines = Vec::new();
    for flag in &review.flags {
        lines.extend(hanging(
            vec![Span::styled("⚑ ", theme.flag)],
            flag.kind.title(),
            theme.flag,
            width,
        ));
        // Evidence quotes boundary texts and the suggestion of seek_support the support text:
        // long words break across lines rather than lose characters.
        lines.extend(hanging(
            vec![Span::raw("  ")],
            &break_long_words(&flag.evidence, width.saturating_sub(2).max(8)),
            Style::default(),
            width,
        ));
        lines.extend(hanging(
            vec![Span::styled("  Try: ", theme.label)],
            &break_long_words(&flag.suggestion, width.saturating_sub(7).max(8)),
            Style::default(),
            width,
        ));
    }
    lines
}
