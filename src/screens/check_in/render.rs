//! Drawing the check-in screen: the form, or the saved day with today's flags.

use super::{Field, Form, QUESTIONS};
use crate::journal::{CheckIn, Habit, Outcome, Rating};
use crate::scoring::{self, Band, NOT_A_DIAGNOSIS};
use crate::ui::component::Ctx;
use crate::ui::text::{fit_line, hanging, wrap_with_cursor, wrapped};
use crate::ui::theme::Glyphs;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn form(form: &Form, ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let glyphs = theme.glyphs;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0usize;
    let title = if form.date == ctx.today {
        format!("Today, {}", form.date.format("%A %-d %B %Y"))
    } else {
        format!("{} (a past day)", form.date.format("%A %-d %B %Y"))
    };
    let state = if form.base.is_some() {
        "editing the saved check-in"
    } else {
        "new check-in"
    };
    lines.extend(hanging(
        Vec::new(),
        &format!("{title}{}{state}", glyphs.sep),
        theme.heading,
        width,
    ));
    if ctx.welcome {
        lines.extend(wrapped(
            "Welcome to rekindle. Rate three things about today, 0 to 10, then Ctrl-S. Two minutes, once a day; ? shows every key.",
            width,
            theme.dim,
        ));
    }
    let past = form.date != ctx.today;
    for (i, (name, question, low, high)) in QUESTIONS.iter().enumerate() {
        let focused = form.focus == Some(Field::Rating(i));
        let question = if past {
            about_that_day(question)
        } else {
            question.to_string()
        };
        if focused {
            focus_line = lines.len();
        }
        let value = form.ratings[i];
        lines.extend(hanging(
            vec![
                theme.focus_span(focused),
                Span::styled(format!("{name:<11}"), theme.field(focused)),
            ],
            &question,
            ratatui::style::Style::default(),
            width,
        ));
        lines.push(Line::from(vec![
            Span::raw("    0 "),
            Span::styled(scale(value, glyphs), theme.scale(focused)),
            Span::raw(" 10  "),
            Span::styled(
                value.map_or(glyphs.none.to_string(), |v| v.to_string()),
                theme.value(focused),
            ),
        ]));
        lines.extend(hanging(
            vec![Span::raw("    ")],
            &format!("0 {low}{}10 {high}", glyphs.sep),
            theme.dim,
            width,
        ));
    }
    let sleep_focused = form.focus == Some(Field::Sleep);
    if sleep_focused {
        focus_line = lines.len();
    }
    let mut sleep_line = vec![
        theme.focus_span(sleep_focused),
        Span::styled(format!("{:<11}", "Sleep"), theme.field(sleep_focused)),
        Span::raw("hours last night: "),
    ];
    sleep_line.extend(crate::ui::text::input_spans(
        &form.sleep,
        sleep_focused,
        theme,
    ));
    lines.push(Line::from(sleep_line));
    for (i, label) in Habit::ALL.map(Habit::label).into_iter().enumerate() {
        let focused = form.focus == Some(Field::Habit(i));
        if focused {
            focus_line = lines.len();
        }
        let tick = if form.habits[i] { "[x]" } else { "[ ]" };
        let name = if i == 0 { "Habits" } else { "" };
        lines.push(Line::from(vec![
            theme.focus_span(focused),
            Span::styled(format!("{name:<11}"), theme.label),
            Span::styled(format!("{tick} {label}"), theme.field(focused)),
        ]));
    }
    for (i, choice) in form.boundaries.iter().enumerate() {
        let focused = form.focus == Some(Field::Boundary(i));
        if focused {
            focus_line = lines.len();
        }
        let name = if i == 0 { "Boundaries" } else { "" };
        let (mark, word) = outcome_words(choice.outcome, glyphs);
        lines.extend(hanging(
            vec![
                theme.focus_span(focused),
                Span::styled(format!("{name:<11}"), theme.label),
                Span::styled(format!("{mark} {word:<13}"), theme.outcome(choice.outcome)),
            ],
            &choice.text,
            theme.field(focused),
            width,
        ));
    }
    let note_focused = form.focus == Some(Field::Note);
    if note_focused {
        focus_line = lines.len();
    }
    lines.extend(hanging(
        vec![
            theme.focus_span(note_focused),
            Span::styled(format!("{:<11}", "Note"), theme.field(note_focused)),
        ],
        "Alt-Enter for a new line; Enter saves",
        theme.dim,
        width,
    ));
    let note_lines = wrap_with_cursor(&form.note, width.saturating_sub(4), note_focused, theme);
    if note_focused {
        focus_line = lines.len() + note_lines.len().saturating_sub(1);
    }
    for line in note_lines {
        let mut spans = vec![Span::raw("    ")];
        spans.extend(line.spans);
        lines.push(Line::from(spans));
    }
    let scroll = crate::ui::text::scroll_to_show(focus_line, lines.len(), area.height as usize);
    frame.render_widget(
        Paragraph::new(theme.glyphs.lines(lines)).scroll((scroll as u16, 0)),
        crate::ui::inset(area),
    );
}

pub fn saved(ctx: &Ctx, date: NaiveDate, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let glyphs = theme.glyphs;
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let Some(check_in) = ctx.journal.check_in_on(date) else {
        lines.push(Line::raw("No check-in for this day."));
        frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
        return;
    };
    let heading = if date == ctx.today {
        format!(
            "Today, {}{}checked in",
            date.format("%A %-d %B %Y"),
            glyphs.sep
        )
    } else {
        format!("{}{}checked in", date.format("%A %-d %B %Y"), glyphs.sep)
    };
    lines.extend(hanging(Vec::new(), &heading, theme.heading, width));
    let ratings = [check_in.exhaustion, check_in.cynicism, check_in.efficacy];
    for (i, (name, _, _, high)) in QUESTIONS.iter().enumerate() {
        // The 10 anchor says which end is which; cut with an ellipsis where it does not fit.
        lines.push(fit_line(
            Line::from(vec![
                Span::styled(format!("  {name:<11}"), theme.label),
                Span::styled(scale(Some(ratings[i]), glyphs), theme.scale(false)),
                Span::styled(format!(" {:>2}", ratings[i]), theme.value(false)),
                Span::styled(format!("   (10 is {high})"), theme.dim),
            ]),
            width,
            glyphs.ellipsis,
        ));
    }
    let band = Band::of_day(check_in);
    lines.push(fit_line(
        Line::from(vec![
            Span::styled(format!("  {:<11}", "Strain"), theme.label),
            Span::styled(
                scoring::fmt0(scoring::composite(check_in)),
                theme.value(false),
            ),
            Span::raw(format!(" of 100{}", glyphs.sep)),
            Span::styled(band.label(), theme.band(band)),
            Span::styled(format!(" ({} of 30)", scoring::strain(check_in)), theme.dim),
        ]),
        width,
        glyphs.ellipsis,
    ));
    lines.push(Line::styled(format!("  {NOT_A_DIAGNOSIS}"), theme.dim));
    let habits = habit_summary(check_in);
    for (i, line) in crate::ui::text::wrap(&habits, width.saturating_sub(13))
        .into_iter()
        .enumerate()
        .filter(|_| !habits.is_empty())
    {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {:<11}", if i == 0 { "Habits" } else { "" }),
                theme.label,
            ),
            Span::raw(line),
        ]));
    }
    for (id, outcome) in &check_in.boundaries {
        let text = ctx
            .journal
            .boundary(id)
            .map_or(id.as_str(), |b| b.text.as_str());
        let (mark, word) = outcome_words(Some(*outcome), glyphs);
        // "  Boundary   " and "✓ kept     " take 24 columns.
        for (i, line) in crate::ui::text::wrap(text, width.saturating_sub(24))
            .into_iter()
            .enumerate()
        {
            let (label, result) = if i == 0 {
                ("Boundary", format!("{mark} {word:<9}"))
            } else {
                ("", " ".repeat(11))
            };
            lines.push(Line::from(vec![
                Span::styled(format!("  {label:<11}"), theme.label),
                Span::styled(result, theme.outcome(Some(*outcome))),
                Span::raw(line),
            ]));
        }
    }
    if !check_in.note.is_empty() {
        lines.push(Line::styled("  Note", theme.label));
        for line in check_in.note.lines() {
            lines.extend(
                wrapped(
                    line,
                    width.saturating_sub(4),
                    ratatui::style::Style::default(),
                )
                .into_iter()
                .map(|l| {
                    let mut spans = vec![Span::raw("    ")];
                    spans.extend(l.spans);
                    Line::from(spans)
                }),
            );
        }
    }
    lines.extend(flag_lines(ctx, width));
    frame.render_widget(
        Paragraph::new(theme.glyphs.lines(lines)),
        crate::ui::inset(area),
    );
}

fn habit_summary(check_in: &CheckIn) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(hours) = check_in.habits.sleep_hours {
        parts.push(format!("slept {hours} h"));
    }
    for (habit, flag) in check_in.habits.each() {
        let label = habit.label();
        if flag == Some(true) {
            parts.push(label.to_lowercase());
        }
    }
    parts.join(", ")
}

/// A question about today asked about a past day instead: "How spent did you feel that day,
/// body and mind?" (the questions themselves are written for today).
pub fn about_that_day(question: &str) -> String {
    question
        .replace("do you feel today", "did you feel that day")
        .replace("do you feel", "did you feel")
        .replace("today", "that day")
}

/// A 10-cell bar: one filled cell per point.
pub fn scale(value: Option<Rating>, glyphs: Glyphs) -> String {
    let filled = value.map_or(0, |v| usize::from(v.get()));
    format!(
        "{}{}",
        glyphs.filled.repeat(filled),
        glyphs.empty.repeat(10 - filled)
    )
}

pub fn outcome_words(outcome: Option<Outcome>, glyphs: Glyphs) -> (&'static str, &'static str) {
    match outcome {
        Some(Outcome::Kept) => (glyphs.kept, "kept"),
        Some(Outcome::Slipped) => (glyphs.slipped, "slipped"),
        None => (glyphs.unrecorded, "not recorded"),
    }
}

/// At most this many flags are listed outside the Trends screen (docs/SCORING.md: two or three
/// signposts at a time); the rest are counted.
const FLAGS_ELSEWHERE: usize = 2;

/// Today's flags for the check-in screen's saved view: each flag's title and evidence, gently,
/// wrapped to `width`, pointing to the Trends screen for suggestions. `seek_support` comes first
/// with the support text right under it, so a short screen cuts off other flags before it cuts
/// off the support text. Flags dismissed on the Trends screen are not shown, but the support
/// text of a raised `seek_support` always is: dismissing a flag never hides it.
fn flag_lines(ctx: &Ctx, width: usize) -> Vec<ratatui::text::Line<'static>> {
    use crate::trends::FlagKind;
    use crate::ui::text::hanging;
    use ratatui::style::Style;
    use ratatui::text::{Line, Span};
    let theme = ctx.theme;
    let Some(review) = &ctx.derived.review else {
        return Vec::new();
    };
    let support = |lines: &mut Vec<Line<'static>>| {
        lines.extend(crate::screens::support_lines(ctx, "    Support: ", width));
    };
    let mut flags: Vec<&crate::trends::Flag> = review.flags.iter().collect();
    // Stable: the others keep docs/SCORING.md's order.
    flags.sort_by_key(|f| f.kind != FlagKind::SeekSupport);
    let seek_support = flags
        .first()
        .is_some_and(|f| f.kind == FlagKind::SeekSupport);
    let mut lines = Vec::new();
    if flags.is_empty() {
        return lines;
    }
    lines.push(Line::raw(""));
    if ctx.flags_dismissed {
        if seek_support {
            support(&mut lines);
        }
        return lines;
    }
    for flag in flags.iter().take(FLAGS_ELSEWHERE) {
        lines.extend(hanging(
            vec![Span::styled(
                format!("  {} ", theme.glyphs.flag),
                theme.flag,
            )],
            flag.kind.title(),
            theme.flag,
            width,
        ));
        lines.extend(hanging(
            vec![Span::raw("    ")],
            &flag.evidence,
            Style::default(),
            width,
        ));
        if flag.kind == FlagKind::SeekSupport {
            support(&mut lines);
        }
    }
    let pointer = match flags.len().saturating_sub(FLAGS_ELSEWHERE) {
        0 => "What might help: the Trends screen (4).".to_string(),
        n => format!("{n} more, and what might help: the Trends screen (4)."),
    };
    lines.extend(hanging(vec![Span::raw("    ")], &pointer, theme.dim, width));
    lines
}

#[cfg(test)]
mod tests {
    use super::{QUESTIONS, about_that_day};

    #[test]
    fn a_past_day_is_asked_about_that_day_in_the_past_tense() {
        for (_, question, _, _) in QUESTIONS {
            let asked = about_that_day(question);
            assert!(
                !asked.contains("today") && !asked.contains("do you"),
                "{asked}"
            );
            assert!(asked.contains("that day"), "{asked}");
        }
        assert_eq!(
            about_that_day("How spent do you feel today, body and mind?"),
            "How spent did you feel that day, body and mind?"
        );
    }
}
