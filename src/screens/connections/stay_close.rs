//! The "Stay close" panel above the connection log: who the user might reach out to today, from
//! the rhythms they chose (`crate::stay_close`, cached in `Derived::stay_close`). Absent when
//! there is no one to suggest.
//!
//! `s` moves into the panel; there `Enter` opens a new connection prefilled with that person
//! (logging one is what resets the rhythm), `z` pauses them for 7 days (a "haven't mentioned"
//! line: 90 days), `m` shows everyone instead of the first three, `Esc` goes back to the log.
//! In the people view `c` steps the selected person's rhythm through 1 week, 2 weeks, 1 month
//! and none (adding them to the people you chose when needed). When recent contacts with
//! someone felt draining more often than not, the panel asks once whether to keep the reminder;
//! `k`, `p` or `r` answer and the answer is saved. Nothing here is sent anywhere.

use super::{Form, Msg as ScreenMsg, State, View};
use crate::journal::{DrainingAnswer, Journal, Person};
use crate::stay_close::{DISMISS_DAYS, Nudge, PAUSE_DAYS, Question, Reason};
use crate::ui::component::{Ctx, Outcome};
use crate::ui::keymap::{self, Binding, ch, is_char, plain};
use crate::ui::text::hanging;
use crossterm::event::KeyCode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::collections::BTreeSet;

/// A paused answer to the draining question lasts this long.
const QUESTION_PAUSE_DAYS: u64 = 30;
/// The rhythms `c` steps through in the people view, then none.
const RHYTHMS: [u16; 3] = [7, 14, 30];

/// The panel's own state, part of the Connections screen's.
#[derive(Debug, Default)]
pub struct Panel {
    /// Keys go to the panel (after `s`).
    pub focused: bool,
    pub selected: usize,
    /// Everyone shown, not just the first three ("and N more" opened).
    pub all: bool,
    /// Questions put off with `Esc` in this session (asked again next time the app opens).
    pub later: BTreeSet<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Focus,
    Leave,
    Up,
    Down,
    Log,
    Pause,
    More,
    Answer(Option<DrainingAnswer>),
    Rhythm,
}

/// The question to ask now, if any.
fn question<'a>(state: &State, ctx: &Ctx<'a>) -> Option<&'a Question> {
    ctx.derived
        .stay_close
        .questions
        .iter()
        .find(|q| !state.stay_close.later.contains(&q.person_id))
}

/// The names the panel lists.
fn listed<'a>(state: &State, ctx: &Ctx<'a>) -> &'a [Nudge] {
    let view = &ctx.derived.stay_close;
    if state.stay_close.all {
        &view.nudges
    } else {
        view.shown()
    }
}

fn wrap(msg: Msg) -> ScreenMsg {
    ScreenMsg::StayClose(msg)
}

/// Keys that take over the screen's: the question, or the focused panel. `None` otherwise.
pub fn bindings(state: &State, ctx: &Ctx) -> Option<Vec<Binding<ScreenMsg>>> {
    if state.form.is_some() || state.confirm_delete.is_some() || state.view != View::Log {
        return None;
    }
    if question(state, ctx).is_some() {
        return Some(vec![
            Binding::new("k", "keep the reminder", ch('k'), |k| {
                is_char(k, 'k').then_some(wrap(Msg::Answer(Some(DrainingAnswer::Keep))))
            }),
            Binding::new("p", "pause it", ch('p'), |k| {
                is_char(k, 'p').then_some(wrap(Msg::Answer(Some(DrainingAnswer::Pause))))
            }),
            Binding::new("r", "remove it", ch('r'), |k| {
                is_char(k, 'r').then_some(wrap(Msg::Answer(Some(DrainingAnswer::Remove))))
            }),
            Binding::new("Esc", "ask me later", plain(KeyCode::Esc), |k| {
                (k.code == KeyCode::Esc).then_some(wrap(Msg::Answer(None)))
            }),
        ]);
    }
    if !state.stay_close.focused || ctx.derived.stay_close.nudges.is_empty() {
        return None;
    }
    let mut keys = vec![
        Binding::new("Enter", "log one with them", plain(KeyCode::Enter), |k| {
            (k.code == KeyCode::Enter).then_some(wrap(Msg::Log))
        }),
        Binding::new("z", "pause 7 days", ch('z'), |k| {
            is_char(k, 'z').then_some(wrap(Msg::Pause))
        }),
        Binding::new("↑↓", "move", plain(KeyCode::Down), |k| {
            if keymap::is_down(k) {
                Some(wrap(Msg::Down))
            } else if keymap::is_up(k) {
                Some(wrap(Msg::Up))
            } else {
                None
            }
        }),
    ];
    if ctx.derived.stay_close.more() > 0 && !state.stay_close.all {
        keys.push(Binding::new("m", "show everyone", ch('m'), |k| {
            is_char(k, 'm').then_some(wrap(Msg::More))
        }));
    }
    keys.push(Binding::new(
        "s/Esc",
        "back to the log",
        plain(KeyCode::Esc),
        |k| (k.code == KeyCode::Esc || is_char(k, 's')).then_some(wrap(Msg::Leave)),
    ));
    Some(keys)
}

/// The log view's key into the panel, when there is a panel.
pub fn log_bindings(ctx: &Ctx) -> Vec<Binding<ScreenMsg>> {
    if ctx.derived.stay_close.nudges.is_empty() {
        return Vec::new();
    }
    vec![Binding::new("s", "stay close", ch('s'), |k| {
        is_char(k, 's').then_some(wrap(Msg::Focus))
    })]
}

/// The people view's key for a rhythm.
pub fn people_bindings(ctx: &Ctx) -> Vec<Binding<ScreenMsg>> {
    if ctx.derived.connections.people.is_empty() {
        return Vec::new();
    }
    vec![Binding::new(
        "c",
        "rhythm: 1w, 2w, 1m, none",
        ch('c'),
        |k| is_char(k, 'c').then_some(wrap(Msg::Rhythm)),
    )]
}

/// The person named `name` in `journal`, added (with today as `since`) when there is none.
fn person_mut<'a>(
    journal: &'a mut Journal,
    name: &str,
    today: chrono::NaiveDate,
) -> &'a mut Person {
    let index = match journal.person_named(name) {
        Some(i) => i,
        None => {
            let person = Person::new(journal.next_person_id(), name.trim().to_string(), today);
            journal.people.push(person);
            journal.people.len() - 1
        }
    };
    &mut journal.people[index]
}

fn days_after(today: chrono::NaiveDate, days: u64) -> chrono::NaiveDate {
    today
        .checked_add_days(chrono::Days::new(days))
        .unwrap_or(today)
}

pub fn update(state: &mut State, ctx: &Ctx, msg: Msg) -> Outcome {
    let count = listed(state, ctx).len();
    let panel = &mut state.stay_close;
    panel.selected = panel.selected.min(count.saturating_sub(1));
    match msg {
        Msg::Focus => {
            panel.focused = true;
            panel.selected = 0;
        }
        Msg::Leave => panel.focused = false,
        Msg::Up => panel.selected = panel.selected.saturating_sub(1),
        Msg::Down => panel.selected = (panel.selected + 1).min(count.saturating_sub(1)),
        Msg::More => panel.all = true,
        Msg::Log => {
            let Some(nudge) = listed(state, ctx).get(state.stay_close.selected) else {
                return Outcome::done();
            };
            state.stay_close.focused = false;
            state.form = Some(Form::new(ctx.today, &nudge.name));
        }
        Msg::Pause => {
            let Some(nudge) = listed(state, ctx).get(state.stay_close.selected) else {
                return Outcome::done();
            };
            let (days, words) = match nudge.reason {
                Reason::Cadence { .. } => (PAUSE_DAYS, "7 days"),
                Reason::Unmentioned => (DISMISS_DAYS, "90 days"),
            };
            let until = days_after(ctx.today, days);
            let mut journal = ctx.journal.clone();
            person_mut(&mut journal, &nudge.name, ctx.today).paused_until = Some(until);
            let what = format!(
                "Paused {} for {words}, until {}",
                nudge.name,
                until.format("%a %-d %b")
            );
            return Outcome::save(journal, what);
        }
        Msg::Answer(answer) => {
            let Some(q) = question(state, ctx) else {
                return Outcome::done();
            };
            let Some(answer) = answer else {
                state.stay_close.later.insert(q.person_id.clone());
                return Outcome::say(format!("Asking about {} another time.", q.name));
            };
            let mut journal = ctx.journal.clone();
            let Some(person) = journal.people.iter_mut().find(|p| p.id == q.person_id) else {
                return Outcome::done();
            };
            person.draining_answer = Some(answer);
            let what = match answer {
                DrainingAnswer::Keep => format!("Kept the reach-out reminder for {}", q.name),
                DrainingAnswer::Pause => {
                    let until = days_after(ctx.today, QUESTION_PAUSE_DAYS);
                    person.paused_until = Some(until);
                    format!(
                        "Paused the reach-out reminder for {} until {}",
                        q.name,
                        until.format("%a %-d %b")
                    )
                }
                DrainingAnswer::Remove => {
                    person.every_days = None;
                    format!("Removed the reach-out reminder for {}", q.name)
                }
            };
            return Outcome::save(journal, what);
        }
        Msg::Rhythm => {
            let people = &ctx.derived.connections.people;
            let Some(summary) =
                people.get(state.people_selected.min(people.len().saturating_sub(1)))
            else {
                return Outcome::done();
            };
            let mut journal = ctx.journal.clone();
            let person = person_mut(&mut journal, &summary.person, ctx.today);
            let next = match person.every_days {
                None => Some(RHYTHMS[0]),
                Some(every) => RHYTHMS.iter().copied().find(|r| *r > every),
            };
            person.every_days = next;
            person.archived = false;
            let name = person.name.trim().to_string();
            let what = match next {
                Some(every) => format!(
                    "Staying close to {name}: about {}",
                    crate::stay_close::cadence_words(every)
                ),
                None => format!("No reach-out rhythm for {name} now"),
            };
            return Outcome::save(journal, what);
        }
    }
    Outcome::done()
}

/// Draws the panel at the top of `area` (the log view's body) and returns what is left for the
/// log. Draws nothing, and takes no room, when there is no one to suggest.
pub fn render(state: &State, ctx: &Ctx, frame: &mut Frame, area: Rect) -> Rect {
    let view = &ctx.derived.stay_close;
    let asking = question(state, ctx);
    if (view.nudges.is_empty() && asking.is_none()) || state.view != View::Log {
        return area;
    }
    let theme = ctx.theme;
    let width = area.width as usize;
    let panel = &state.stay_close;
    let mut lines = vec![Line::from(vec![
        Span::styled("Stay close", theme.heading),
        Span::styled(
            if panel.focused {
                " · Enter logs one · z pauses 7 days"
            } else if view.nudges.is_empty() {
                ""
            } else {
                " · s to choose someone"
            },
            theme.dim,
        ),
    ])];
    if let Some(q) = asking {
        // The keys before the reason, so a short screen keeps what to press.
        let ask = format!(
            "Keep a reach-out reminder for {}? [k]eep · [p]ause · [r]emove",
            q.name
        );
        lines.extend(hanging(
            vec![Span::styled("? ", theme.key)],
            &ask,
            theme.label,
            width,
        ));
        lines.extend(hanging(
            vec![Span::raw("  ")],
            "Recent contacts felt draining more often than not.",
            theme.dim,
            width,
        ));
    }
    let names = listed(state, ctx);
    for (i, nudge) in names.iter().enumerate() {
        let selected = panel.focused && i == panel.selected.min(names.len() - 1);
        let marker = Span::styled(if selected { "› " } else { "  " }, theme.focus_marker);
        let style = if selected {
            theme.selected
        } else {
            Style::default()
        };
        lines.extend(hanging(vec![marker], &nudge.line, style, width));
    }
    if let Some(step) = view.small_step() {
        lines.extend(hanging(vec![Span::raw("  ")], step, theme.dim, width));
    }
    let more = view.nudges.len() - names.len();
    if more > 0 {
        let text = if panel.focused {
            format!("and {more} more (m shows everyone)")
        } else {
            format!("and {more} more")
        };
        lines.push(Line::styled(format!("  {text}"), theme.dim));
    }
    lines.push(Line::raw(""));
    // The log keeps at least four rows.
    let height = (lines.len() as u16).min(area.height.saturating_sub(4));
    if height < 3 {
        return area;
    }
    let [top, rest] =
        Layout::vertical([Constraint::Length(height), Constraint::Min(1)]).areas(area);
    frame.render_widget(Paragraph::new(lines), top);
    rest
}
