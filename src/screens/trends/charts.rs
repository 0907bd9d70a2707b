//! The Trends screen's pictures: the weekly composite chart, the weekly chart of the three
//! dimensions, and the 28-day daily sparkline.
//!
//! Gaps are gaps: a week with fewer than 3 check-ins has no means, so it has no point, and the
//! composite line is split into separate runs there rather than drawn through (or down to) a
//! zero. A missed day in the sparkline is drawn as `·`; a day with a check-in always has a bar of
//! at least one eighth of a cell, so a real composite of 0 never looks like a missed day.
//! Series are told apart by their markers (`●` composite, letters `E` `C` `F`), never by colour
//! alone. The series builders are pure and tested; the widgets only draw them.
//!
//! Resolution is a terminal's: one value per character row, seven rows (16.7 points each) at
//! 80x24, so the chart shows the shape and the text beside it the numbers. With many weeks in a
//! narrow chart (26 weeks in 33 columns) the letters of neighbouring weeks crowd together; the
//! composite line stays readable.

use crate::trends::WeekSummary;
use crate::ui::theme::Theme;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Sparkline};

/// The weekly series, x = the week's position (0 = oldest shown).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WeeklySeries {
    /// Runs of consecutive weeks that have means, as (x, composite 0–100). A week without means
    /// ends a run, so no line is drawn across it.
    pub composite_runs: Vec<Vec<(f64, f64)>>,
    /// Every week that has means, for the `●` marks.
    pub composite_points: Vec<(f64, f64)>,
    /// (x, weekly mean 0–10) of exhaustion, cynicism and efficacy. Each sits a little left, on,
    /// or right of its week so the three letters of one week do not cover each other.
    pub dimensions: [Vec<(f64, f64)>; 3],
}

/// The markers of the three dimension series, in `WeeklySeries::dimensions` order.
pub const DIMENSION_MARKS: [char; 3] = ['E', 'C', 'F'];

/// Builds the series of `weeks` (oldest first). `offset` is how far, in weeks, the E and F
/// letters sit left and right of their week.
pub fn weekly_series(weeks: &[WeekSummary], offset: f64) -> WeeklySeries {
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
        let values = [means.exhaustion, means.cynicism, means.efficacy];
        for (d, (value, shift)) in values.into_iter().zip([-offset, 0.0, offset]).enumerate() {
            series.dimensions[d].push((x + shift, value));
        }
    }
    if !run.is_empty() {
        series.composite_runs.push(run);
    }
    series
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
            .marker(Marker::Custom('●'))
            .graph_type(GraphType::Scatter)
            .style(theme.composite)
            .data(&series.composite_points),
    );
    Chart::new(datasets)
        .block(Block::new().title(Line::styled("● Composite, weekly (0–100)", theme.label)))
        .x_axis(x_axis(weeks, theme))
        .y_axis(
            Axis::default()
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"].map(Line::raw))
                .style(theme.axis),
        )
}

/// The three weekly means 0–10 as letters: E exhaustion, C cynicism, F efficacy.
pub fn dimensions_chart<'a>(
    series: &'a WeeklySeries,
    weeks: &[WeekSummary],
    theme: &Theme,
) -> Chart<'a> {
    let styles = [theme.exhaustion, theme.cynicism, theme.efficacy];
    let datasets = series
        .dimensions
        .iter()
        .zip(DIMENSION_MARKS)
        .zip(styles)
        .map(|((points, mark), style)| {
            Dataset::default()
                .marker(Marker::Custom(mark))
                .graph_type(GraphType::Scatter)
                .style(style)
                .data(points)
        })
        .collect();
    Chart::new(datasets)
        .block(Block::new().title(Line::styled(
            "E exhaustion C cynicism F efficacy",
            theme.label,
        )))
        .x_axis(x_axis(weeks, theme))
        .y_axis(
            Axis::default()
                .bounds([0.0, 10.0])
                .labels(["0", "5", "10"].map(Line::raw))
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
        .absent_value_symbol("·")
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
        let series = weekly_series(&weeks(&[(3, 12), (4, 15), (2, 30), (0, 0), (3, 15)]), 0.25);
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
        // S 12 is E 10, C 2, F 10; the letters sit left, on and right of their week.
        assert_eq!(series.dimensions[0][0], (-0.25, 10.0));
        assert_eq!(series.dimensions[1][0], (0.0, 2.0));
        assert_eq!(series.dimensions[2][0], (0.25, 10.0));
        assert_eq!(series.dimensions[0].len(), 3);
    }

    #[test]
    fn an_empty_review_has_no_series() {
        let series = weekly_series(&weeks(&[(0, 0), (1, 20), (2, 20)]), 0.25);
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
