//! The Trends screen's pictures: the weekly strain score (composite) chart, a small bar strip
//! for each of the three dimensions, and the 28-day daily sparkline.
//!
//! Gaps are gaps: a week with fewer than 3 check-ins has no means, so it has no point, and the
//! composite line is split into separate runs there rather than drawn through (or down to) a
//! zero. A missed day in the sparkline is drawn as `·`; a day with a check-in always has a bar of
//! at least one eighth of a cell, so a real composite of 0 never looks like a missed day.
//! The three dimensions are never drawn on one grid (their letters piled up there): each has its
//! own strip, named in words, so colour never tells them apart. The series builders are pure and
//! tested; the widgets only draw them. Every symbol comes from the theme's glyphs.
//!
//! Resolution is a terminal's: one value per character row, seven rows (16.7 points each) at
//! 80x24, so the chart shows the shape and the text beside it the numbers. The strips have 16
//! heights for 0–10 and one column a week even at 26 weeks in 80 columns.

use crate::trends::WeekSummary;
use crate::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Sparkline, Widget};

/// The weekly composite series, x = the week's position (0 = oldest shown).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeeklySeries {
    /// Runs of consecutive weeks that have means, as (x, composite 0–100). A week without means
    /// ends a run, so no line is drawn across it.
    pub composite_runs: Vec<Vec<(f64, f64)>>,
    /// Every week that has means, for the `●` marks.
    pub composite_points: Vec<(f64, f64)>,
}

/// Builds the composite series of `weeks` (oldest first).
pub fn weekly_series(weeks: &[WeekSummary]) -> WeeklySeries {
    let mut series = WeeklySeries::default();
    let mut run = Vec::new();
    for (i, week) in weeks.iter().enumerate() {
        let x = i as f64;
        let Some(means) = week.means else {
            if !run.is_empty() {
                series.composite_runs.push(std::mem::take(&mut run));
            }
            continue;
        };
        run.push((x, means.composite));
        series.composite_points.push((x, means.composite));
    }
    if !run.is_empty() {
        series.composite_runs.push(run);
    }
    series
}

/// The three dimensions, each in a strip of its own, in this order: name, and what its top
/// (10) means.
pub const DIMENSIONS: [(&str, &str); 3] = [
    ("exhaustion", "spent"),
    ("cynicism", "detached"),
    ("efficacy", "capable"),
];

/// Rows of one dimension's strip: two rows of bars, 16 eighths for 0–10.
const STRIP_ROWS: u16 = 2;

/// A week's bar height in eighths of a cell (0–10 over `STRIP_ROWS` rows, rounded half up),
/// at least one eighth when the week has means so a real 0 never looks like a gap; `None` for a
/// week without means.
pub fn strip_heights(weeks: &[WeekSummary], dimension: usize) -> Vec<Option<u16>> {
    let top = f64::from(STRIP_ROWS * 8);
    weeks
        .iter()
        .map(|w| {
            w.means.map(|m| {
                let value = [m.exhaustion, m.cynicism, m.efficacy][dimension];
                ((value / 10.0 * top + 0.5).floor() as u16).clamp(1, STRIP_ROWS * 8)
            })
        })
        .collect()
}

/// The three dimensions as three small bar strips one above the other, each labelled in words
/// with what its top means ("↑ spent"), one bar a week (as wide as room allows, a column
/// apart), a week without means drawn as `·` on the baseline: each dimension can be followed on
/// its own, and a gap is never a zero. The first and last week are named under the strips.
pub fn dimension_strips(weeks: &[WeekSummary], theme: &Theme, area: Rect, buf: &mut Buffer) {
    let glyphs = theme.glyphs;
    if area.height < 1 + 3 * STRIP_ROWS || area.width < 4 || weeks.is_empty() {
        return;
    }
    let label_width: u16 = 11;
    let room = area.width.saturating_sub(label_width);
    // The most recent weeks, as many as fit one column each.
    let shown = &weeks[weeks.len().saturating_sub(usize::from(room))..];
    let n = shown.len().max(1) as u16;
    let step = (room / n).max(1);
    let bar = if step >= 2 { step - 1 } else { 1 }.min(3);
    let bars_x = area.x + label_width;
    let spacer = u16::from(area.height >= 2 + 3 * STRIP_ROWS + 2);
    Paragraph::new(Line::styled(
        format!("Each dimension, weekly mean 0{}10", glyphs.range),
        theme.label,
    ))
    .render(Rect::new(area.x, area.y, area.width, 1), buf);
    let styles = [theme.exhaustion, theme.cynicism, theme.efficacy];
    let mut y = area.y + 1;
    for (d, ((name, top), style)) in DIMENSIONS.iter().zip(styles).enumerate() {
        buf.set_string(area.x, y, name, style);
        buf.set_string(area.x, y + 1, format!("{} {top}", glyphs.up), theme.dim);
        for (i, height) in strip_heights(shown, d).into_iter().enumerate() {
            let x = bars_x + i as u16 * step;
            match height {
                None => {
                    buf.set_string(x, y + STRIP_ROWS - 1, glyphs.empty, theme.gap);
                }
                Some(h) => {
                    for row in 0..STRIP_ROWS {
                        // Row 0 is the top: it holds what is above the first row's 8 eighths.
                        let below = (STRIP_ROWS - 1 - row) * 8;
                        let fill = h.saturating_sub(below).min(8);
                        if fill == 0 {
                            continue;
                        }
                        let symbol = glyphs.bars[usize::from(fill) - 1];
                        for c in 0..bar {
                            buf.set_string(x + c, y + row, symbol, style);
                        }
                    }
                }
            }
        }
        y += STRIP_ROWS + spacer;
    }
    let labels_y = area.y + area.height - 1;
    if let (Some(first), Some(last)) = (shown.first(), shown.last()) {
        let first = first.week_start.format("%-d %b").to_string();
        let last = last.week_start.format("%-d %b").to_string();
        let end = bars_x + (n - 1) * step + bar;
        buf.set_string(bars_x, labels_y, &first, theme.axis);
        if n > 1 {
            let x = end
                .saturating_sub(last.len() as u16)
                .max(bars_x + first.len() as u16 + 1);
            buf.set_string(x, labels_y, &last, theme.axis);
        }
    }
}

/// "5 Oct" … "23 Nov": the first and last week shown, under the x axis.
fn week_labels(weeks: &[WeekSummary]) -> Vec<Line<'static>> {
    let label = |w: &WeekSummary| Line::raw(w.week_start.format("%-d %b").to_string());
    match (weeks.first(), weeks.last()) {
        (Some(first), Some(last)) if weeks.len() > 1 => vec![label(first), label(last)],
        (Some(only), _) => vec![label(only)],
        _ => Vec::new(),
    }
}

fn x_axis(weeks: &[WeekSummary], theme: &Theme) -> Axis<'static> {
    // Half a week of room on each side keeps the first and last points off the axis lines.
    Axis::default()
        .bounds([-0.5, weeks.len().max(1) as f64 - 0.5])
        .labels(week_labels(weeks))
        .style(theme.axis)
}

/// Weekly composite 0–100: a dotted line (`•`) through each run of weeks with means, `●` on
/// every week. Line and marks are drawn on the same one-character-a-cell grid, each value in
/// the row nearest to it, so the line always meets its marks. (A Braille line has four dots a
/// row and is placed differently: it floats a row away from its marks, and a mark moved onto
/// it can then sit ten points from its value.)
pub fn composite_chart<'a>(
    series: &'a WeeklySeries,
    weeks: &[WeekSummary],
    theme: &Theme,
) -> Chart<'a> {
    let mut datasets: Vec<Dataset<'a>> = series
        .composite_runs
        .iter()
        .map(|run| {
            Dataset::default()
                .marker(Marker::Dot)
                .graph_type(GraphType::Line)
                .style(theme.composite)
                .data(run)
        })
        .collect();
    datasets.push(
        Dataset::default()
            .marker(Marker::Custom(theme.glyphs.point))
            .graph_type(GraphType::Scatter)
            .style(theme.composite)
            .data(&series.composite_points),
    );
    Chart::new(datasets)
        .block(Block::new().title(Line::styled(
            format!(
                "{} Strain score 0{}100, weekly",
                theme.glyphs.point, theme.glyphs.range
            ),
            theme.label,
        )))
        .x_axis(x_axis(weeks, theme))
        .y_axis(
            Axis::default()
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"].map(Line::raw))
                .style(theme.axis),
        )
}

/// Sparkline bars for days of strain S (oldest first): a day's bar is S/30 of `rows` cells in
/// eighths (rounded half up), at least one eighth when there is a check-in; `None` for a missed
/// day. Each day is repeated `repeat` times so bars can be wider than one column.
pub fn daily_bars(days: &[Option<u32>], rows: u16, repeat: usize) -> Vec<Option<u64>> {
    let top = u64::from(rows) * 8;
    days.iter()
        .flat_map(|day| {
            let bar = day.map(|s| ((2 * u64::from(s) * top + 30) / 60).max(1));
            std::iter::repeat_n(bar, repeat)
        })
        .collect()
}

/// The daily sparkline of `bars` (from `daily_bars` with the same `rows`); missed days are `·`.
pub fn sparkline<'a>(bars: &[Option<u64>], rows: u16, theme: &Theme) -> Sparkline<'a> {
    Sparkline::default()
        .data(bars.iter().copied())
        .max(u64::from(rows) * 8)
        .style(theme.composite)
        .absent_value_symbol(theme.glyphs.empty)
        .bar_set(theme.glyphs.bar_set())
        .absent_value_style(theme.gap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{CheckIn, Rating};
    use crate::scoring::Sums;
    use chrono::{Days, NaiveDate};

    /// A week starting `start` with `count` check-ins of strain `s` (all on exhaustion first).
    fn week(start: NaiveDate, count: u32, s: u8) -> WeekSummary {
        let e = s.min(10);
        let c = (s - e).min(10);
        let f = 10 - (s - e - c);
        let r = |v| Rating::new(v).unwrap();
        let check_ins: Vec<CheckIn> = (0..count)
            .map(|i| CheckIn::new(start + Days::new(u64::from(i)), r(e), r(c), r(f)))
            .collect();
        let sums = Sums::of(&check_ins);
        WeekSummary {
            week_start: start,
            sums,
            means: sums.week_means(),
            connections: Default::default(),
            boundaries: Default::default(),
        }
    }

    fn weeks(spec: &[(u32, u8)]) -> Vec<WeekSummary> {
        let first = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        spec.iter()
            .enumerate()
            .map(|(i, &(count, s))| week(first + Days::new(7 * i as u64), count, s))
            .collect()
    }

    #[test]
    fn weeks_without_means_split_the_line_and_have_no_point() {
        // S 12 → 40.0; S 15 → 50.0; a 2-check-in week has no means; an empty week neither.
        let series = weekly_series(&weeks(&[(3, 12), (4, 15), (2, 30), (0, 0), (3, 15)]));
        assert_eq!(
            series.composite_runs,
            vec![vec![(0.0, 40.0), (1.0, 50.0)], vec![(4.0, 50.0)]]
        );
        assert_eq!(
            series.composite_points,
            vec![(0.0, 40.0), (1.0, 50.0), (4.0, 50.0)]
        );
        assert!(
            series
                .composite_points
                .iter()
                .all(|&(x, _)| x != 2.0 && x != 3.0),
            "no zeros drawn for missing weeks"
        );
    }

    #[test]
    fn strips_keep_gaps_and_show_a_real_zero() {
        // S 12 is E 10, C 2, F 10 → 16, 3.2 → 3, 16 eighths; S 0 is E 0, C 0, F 10: a zero
        // still gets one eighth; weeks without means are gaps.
        let w = weeks(&[(3, 12), (2, 30), (0, 0), (3, 0)]);
        assert_eq!(strip_heights(&w, 0), vec![Some(16), None, None, Some(1)]);
        assert_eq!(strip_heights(&w, 1), vec![Some(3), None, None, Some(1)]);
        assert_eq!(strip_heights(&w, 2), vec![Some(16), None, None, Some(16)]);
    }

    #[test]
    fn an_empty_review_has_no_series() {
        let series = weekly_series(&weeks(&[(0, 0), (1, 20), (2, 20)]));
        assert_eq!(series, WeeklySeries::default());
    }

    #[test]
    fn daily_bars_keep_gaps_and_show_a_real_zero() {
        // 2 rows = 16 eighths: S 30 → 16, S 15 → 8, S 1 → 0.53 → 1, S 0 → at least 1.
        let bars = daily_bars(&[Some(30), None, Some(15), Some(1), Some(0)], 2, 1);
        assert_eq!(bars, vec![Some(16), None, Some(8), Some(1), Some(1)]);
        let wide = daily_bars(&[None, Some(30)], 2, 2);
        assert_eq!(wide, vec![None, None, Some(16), Some(16)]);
    }
}
