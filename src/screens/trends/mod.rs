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
mod patterns;

use crate::scoring::{MIN_WEEK_CHECK_INS, NOT_A_DIAGNOSIS, fmt1};
use crate::trends::{self, FlagKind, Review, WeekSummary};
use crate::ui::component::{Component, Ctx, Outcome};
use crate::ui::keymap::{self, Binding, is_char, plain};
use crate::ui::text::{break_long_words, hanging, wrapped};
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

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
    /// The full patterns view is open (`p`), with every comparison (`a`), scrolled this far.
    pub patterns_open: bool,
    pub patterns_all: bool,
    pub patterns_scroll: usize,
}

impl Default for State {
    fn default() -> Self {
        State {
            weeks: DEFAULT_WEEKS,
            scroll: 0,
            flags_dismissed: false,
            support_open: false,
            patterns_open: false,
            patterns_all: false,
            patterns_scroll: 0,
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
    TogglePatterns,
    ClosePatterns,
    ToggleAllComparisons,
}

impl Component for State {
    type Msg = Msg;

    fn bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        if self.patterns_open {
            return self.pattern_bindings(ctx);
        }
        let mut list = Vec::new();
        if self.support_open {
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
        if max_scroll(ctx) > 0 {
            list.extend(scroll_bindings());
        }
        let (more, fewer) = (
            (KeyCode::Char('+'), Msg::MoreWeeks),
            (KeyCode::Char('-'), Msg::FewerWeeks),
        );
        list.push(keymap::plain_pair("-/+", "fewer/more weeks", more, fewer).help_only());
        if !self.support_open {
            list.push(keymap::on(
                "s",
                "support",
                KeyCode::Char('s'),
                Msg::ToggleSupport,
            ));
            list.push(keymap::on(
                "p",
                "patterns",
                KeyCode::Char('p'),
                Msg::TogglePatterns,
            ));
        }
        let has_flags = ctx
            .derived
            .review
            .as_ref()
            .is_some_and(|r| !r.flags.is_empty());
        if has_flags {
            let does = if self.flags_dismissed {
                "show flags"
            } else {
                "dismiss flags"
            };
            list.push(keymap::on("d", does, KeyCode::Char('d'), Msg::ToggleFlags));
        }
        list
    }

    fn update(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        if self.patterns_open {
            return self.update_patterns(ctx, msg);
        }
        let max_scroll = max_scroll(ctx);
        match msg {
            Msg::FewerWeeks => self.set_weeks(self.weeks.saturating_sub(1)),
            Msg::MoreWeeks => self.set_weeks(self.weeks + 1),
            // From where the page really is, should it have shrunk since (fewer weeks, a resize).
            Msg::ScrollUp => self.scroll = self.scroll.min(max_scroll).saturating_sub(1),
            Msg::ScrollDown => self.scroll = (self.scroll + 1).min(max_scroll),
            Msg::PageUp => self.scroll = self.scroll.min(max_scroll).saturating_sub(PAGE),
            Msg::PageDown => self.scroll = (self.scroll + PAGE).min(max_scroll),
            Msg::ToggleSupport => self.support_open = !self.support_open,
            Msg::CloseSupport => self.support_open = false,
            Msg::ToggleFlags => self.flags_dismissed = !self.flags_dismissed,
            Msg::TogglePatterns => {
                self.patterns_open = true;
                self.patterns_scroll = 0;
            }
            Msg::ClosePatterns | Msg::ToggleAllComparisons => {}
        }
        Outcome::done()
    }

    fn render(&self, ctx: &Ctx, frame: &mut Frame, area: Rect) {
        render(self, ctx, frame, area);
        if self.patterns_open {
            patterns::render_full(ctx, self.patterns_all, self.patterns_scroll, frame, area);
        }
    }
}

impl State {
    /// The keys while the full patterns view is open: it takes the screen's keys.
    fn pattern_bindings(&self, ctx: &Ctx) -> Vec<Binding<Msg>> {
        let mut list = vec![Binding::new(
            "p/Esc",
            "close patterns",
            plain(KeyCode::Esc),
            |k| (k.code == KeyCode::Esc || is_char(k, 'p')).then_some(Msg::ClosePatterns),
        )];
        let does = if self.patterns_all {
            "hide every comparison"
        } else {
            "every comparison"
        };
        list.push(keymap::on(
            "a",
            does,
            KeyCode::Char('a'),
            Msg::ToggleAllComparisons,
        ));
        if patterns::max_scroll(ctx, self.patterns_all) > 0 {
            list.extend(scroll_bindings());
        }
        list
    }

    /// A message while the full patterns view is open.
    fn update_patterns(&mut self, ctx: &Ctx, msg: Msg) -> Outcome {
        let max = patterns::max_scroll(ctx, self.patterns_all);
        let scroll = self.patterns_scroll.min(max);
        match msg {
            Msg::ClosePatterns | Msg::TogglePatterns => self.patterns_open = false,
            Msg::ToggleAllComparisons => self.patterns_all = !self.patterns_all,
            Msg::ScrollUp => self.patterns_scroll = scroll.saturating_sub(1),
            Msg::ScrollDown => self.patterns_scroll = (scroll + 1).min(max),
            Msg::PageUp => self.patterns_scroll = scroll.saturating_sub(PAGE),
            Msg::PageDown => self.patterns_scroll = (scroll + PAGE).min(max),
            _ => {}
        }
        Outcome::done()
    }

    /// Shows `weeks` weeks (kept within MIN_WEEKS..=MAX_WEEKS); the app recomputes the review
    /// for them.
    fn set_weeks(&mut self, weeks: usize) {
        self.weeks = weeks.clamp(MIN_WEEKS, MAX_WEEKS);
    }
}

/// `↑`/`↓` and `PgUp`/`PgDn`, for the page and for the full patterns view alike.
fn scroll_bindings() -> [Binding<Msg>; 2] {
    [
        keymap::up_down("scroll", Msg::ScrollDown, Msg::ScrollUp),
        keymap::page_up_down("scroll a page", Msg::PageUp, Msg::PageDown),
    ]
}

/// Rows a page key moves.
const PAGE: usize = 10;

/// The page's height in `area` and the rows left for it (one fewer when it overflows: the last
/// row then says how much is left).
fn page_fit(ctx: &Ctx, review: &Review, area: Rect) -> (Vec<Piece>, u16, u16) {
    let pieces = page(ctx, review, area);
    let total = pieces
        .iter()
        .fold(0u16, |sum, piece| sum.saturating_add(piece.height()));
    let viewport = if total > area.height {
        area.height - 1
    } else {
        area.height
    };
    (pieces, total, viewport)
}

/// How far the page can scroll in the screen's area: the same layout `render` draws, computed
/// here so that ↓ stops at the end without `render` writing anything back.
fn max_scroll(ctx: &Ctx) -> usize {
    let area = crate::ui::inset(ctx.area);
    let Some(review) = &ctx.derived.review else {
        return 0;
    };
    if area.is_empty() {
        return 0;
    }
    let (_, total, viewport) = page_fit(ctx, review, area);
    usize::from(total - viewport.min(total))
}

/// Whether the `seek_support` flag is on screen, and so already shows the support text.
fn seek_support_shown(ctx: &Ctx, review: &Review) -> bool {
    !ctx.flags_dismissed && review.flags.iter().any(|f| f.kind == FlagKind::SeekSupport)
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

fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let area = crate::ui::inset(area);
    let Some(review) = &ctx.derived.review else {
        return;
    };
    if area.is_empty() {
        return;
    }
    let (pieces, total, viewport) = page_fit(ctx, review, area);
    // When the page is taller than the screen, the last row says so instead of showing content.
    let overflow = total > area.height;
    let max_scroll = total - viewport.min(total);
    let scroll = u16::try_from(state.scroll)
        .unwrap_or(u16::MAX)
        .min(max_scroll);

    let mut whole = Buffer::empty(Rect::new(0, 0, area.width, total));
    let mut y = 0;
    for piece in &pieces {
        let height = piece.height();
        draw_piece(
            ctx,
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
            1 => "↓ 1 more line · ↑↓ scroll".to_string(),
            n => format!("↓ {n} more lines · ↑↓ scroll"),
        };
        frame.render_widget(
            Paragraph::new(Line::styled(ctx.theme.glyphs.text(&text), ctx.theme.dim)),
            Rect::new(area.x, area.y + viewport, area.width, 1),
        );
    }
    if state.support_open {
        render_support(ctx, frame, area);
    }
}

/// The support text in a box over the page: `s` from anywhere on this screen.
fn render_support(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let width = area.width.min(64);
    let inner = usize::from(width.saturating_sub(2));
    // A long word (a URL, a phone number without spaces) breaks across lines, never cut short.
    let text = wrapped(
        &break_long_words(ctx.journal.settings.support_text.trim(), inner),
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

fn draw_piece(ctx: &Ctx, review: &Review, piece: &Piece, area: Rect, buf: &mut Buffer) {
    let theme = ctx.theme;
    match piece {
        Piece::Text(lines) => Paragraph::new(theme.glyphs.lines(lines.clone())).render(area, buf),
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
            let series = weekly_series(&review.weeks);
            charts::composite_chart(&series, &review.weeks, theme).render(left, buf);
            charts::dimension_strips(&review.weeks, theme, right, buf);
        }
        Piece::Days { repeat } => {
            let bars = daily_bars(&ctx.derived.last_28_days, SPARK_ROWS, *repeat);
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
fn page(ctx: &Ctx, review: &Review, area: Rect) -> Vec<Piece> {
    let theme = ctx.theme;
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
            "E exhaustion, C cynicism, F efficacy{}a gap is under {MIN_WEEK_CHECK_INS} \
             check-ins, not 0",
            theme.glyphs.sep,
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
        &format!(
            "Daily strain score, last 28 days ({} = no check-in)",
            theme.glyphs.empty
        ),
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

    let mut lines = wrapped(&slope_words(review), width, Style::default());
    lines.push(Line::raw(""));
    lines.extend(connection_lines(ctx, review, width));
    lines.extend(boundary_lines(ctx, review, width));
    lines.push(Line::raw(""));
    lines.extend(patterns::panel_lines(ctx, width));
    lines.push(Line::raw(""));
    lines.extend(flag_section(ctx, review, width));
    if !seek_support_shown(ctx, review) {
        lines.push(Line::raw(""));
        lines.extend(crate::screens::support_lines(ctx, "Support: ", width));
    }
    pieces.push(Piece::Text(lines));
    pieces
}

/// The 28-day slope in words: "Last 4 weeks: rising about 5 points a week (strain score)".
/// Under 2 points a week (decided on the slope rounded to one decimal, as `rekindle trends`
/// decides it) reads "roughly flat".
pub fn slope_words(review: &Review) -> String {
    match review.slope_28d {
        Some(slope) => {
            let rounded = (slope * 10.0).round() / 10.0;
            let about = crate::scoring::fmt0(slope.abs());
            if rounded.abs() < 2.0 {
                "Last 4 weeks: strain score roughly flat".to_string()
            } else if slope > 0.0 {
                format!("Last 4 weeks: strain score rising about {about} points a week")
            } else {
                format!("Last 4 weeks: strain score falling about {about} points a week")
            }
        }
        None => format!(
            "Last 4 weeks: a direction needs {} check-ins ({} so far)",
            trends::SLOPE_MIN_CHECK_INS,
            review.check_ins_28d
        ),
    }
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

fn connection_lines(ctx: &Ctx, review: &Review, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let mut lines = Vec::new();
    if let Some(week) = review.weeks.last() {
        let c = week.connections;
        let text = if c.total() == 0 {
            "none logged yet".to_string()
        } else {
            format!(
                "{} nourishing, {} neutral, {} draining; {} started by you, {} by them",
                c.nourishing, c.neutral, c.draining, c.initiated_by_me, ctx.derived.started_by_them
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
    if let Some(figure) = ctx.derived.stayed_close {
        lines.extend(wrapped(
            &crate::stay_close::stayed_close_line(figure),
            width,
            Style::default(),
        ));
    }
    lines
}

fn boundary_lines(ctx: &Ctx, review: &Review, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let mut lines = Vec::new();
    if let Some(week) = review.weeks.last() {
        let text = match week.boundaries.recorded() {
            0 => "none recorded".to_string(),
            1 => format!("kept {} of 1 record", week.boundaries.kept),
            n => format!("kept {} of {n} records", week.boundaries.kept),
        };
        lines.extend(hanging(
            vec![Span::styled("Boundaries this week: ", theme.label)],
            &text,
            Style::default(),
            width,
        ));
    }
    for rate in ctx.derived.boundaries.rates.iter().filter(|r| !r.archived) {
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

fn flag_section(ctx: &Ctx, review: &Review, width: usize) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    if review.flags.is_empty() {
        return vec![Line::raw("No flags right now.")];
    }
    if ctx.flags_dismissed {
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
            vec![Span::styled(format!("{} ", theme.glyphs.flag), theme.flag)],
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
