//! The recovery screen, shown instead of the normal UI when the journal cannot be read (at
//! start, or because the file on disk became unreadable while the app was open): the backups
//! are listed, newest first, with when each was taken and what it holds, and the person picks
//! one to restore — never a guess — or moves the damaged file aside and starts fresh. Nothing is
//! ever deleted, and nothing is written until the person chooses.

use crate::ui::component::{Ctx, Effect, Outcome, Status};
use crate::ui::keymap::{self, is_char};
use crate::ui::text::wrapped;
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::path::PathBuf;

/// One backup as the list shows it (the runtime reads them; this screen only shows them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was taken, local time.
    pub taken: NaiveDateTime,
    /// `None` when it does not read cleanly: listed, but it cannot be restored.
    pub check_ins: Option<usize>,
    pub last_date: Option<NaiveDate>,
}

#[derive(Debug)]
pub struct State {
    pub reason: String,
    pub backups: Vec<Backup>,
    pub selected: usize,
}

impl State {
    pub fn new(reason: String, backups: Vec<Backup>) -> State {
        // Start on the newest backup that reads cleanly.
        let selected = backups
            .iter()
            .position(|b| b.check_ins.is_some())
            .unwrap_or(0);
        State {
            reason,
            backups,
            selected,
        }
    }

    /// `↑`/`↓` pick a backup, `r`/`Enter` restore it, `m` moves aside, `q`/`Esc` quit; nothing
    /// else does anything.
    pub fn on_key(&mut self, key: &KeyEvent) -> Outcome {
        let last = self.backups.len().saturating_sub(1);
        if keymap::is_down(key) {
            self.selected = (self.selected + 1).min(last);
            Outcome::done()
        } else if keymap::is_up(key) {
            self.selected = self.selected.saturating_sub(1);
            Outcome::done()
        } else if is_char(key, 'r') || key.code == KeyCode::Enter {
            match self.backups.get(self.selected) {
                Some(backup) if backup.check_ins.is_some() => {
                    Outcome::effect(Effect::RestoreBackup(backup.path.clone()))
                }
                Some(_) => Outcome::warn(
                    "That backup does not read cleanly either; pick another, or m to move the damaged file aside.",
                ),
                None => Outcome::warn(
                    "There is no backup yet. Press m to move the damaged file aside and start fresh, or q to quit.",
                ),
            }
        } else if is_char(key, 'm') {
            Outcome::effect(Effect::MoveAside)
        } else if is_char(key, 'q') || key.code == KeyCode::Esc {
            Outcome::effect(Effect::Quit)
        } else {
            Outcome::done()
        }
    }

    /// Not a tab screen, so not a `Component`: it replaces the whole frame, status line included.
    pub fn render(&self, ctx: &Ctx, status: Option<&Status>, frame: &mut Frame, area: Rect) {
        render(self, ctx, status, frame, area);
    }
}

/// One backup: when taken, how many check-ins, the last one's date; shorter on a narrow screen.
fn backup_line(backup: &Backup, narrow: bool) -> String {
    let taken = if narrow {
        backup.taken.format("%-d %b %H:%M")
    } else {
        backup.taken.format("%a %-d %b %Y %H:%M")
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    match (backup.check_ins, backup.last_date) {
        (None, _) if narrow => format!("{taken} · unreadable"),
        (None, _) => format!("{taken} · does not read cleanly"),
        (Some(n), Some(last)) if narrow => {
            format!(
                "{taken} · {n} day{} · to {}",
                plural(n),
                last.format("%-d %b %Y")
            )
        }
        (Some(n), Some(last)) => format!(
            "{taken} · {n} check-in{} · last {}",
            plural(n),
            last.format("%-d %b %Y")
        ),
        (Some(n), None) => format!("{taken} · {n} check-in{}", plural(n)),
    }
}

fn render(state: &State, ctx: &Ctx, status: Option<&Status>, frame: &mut Frame, area: Rect) {
    let theme = ctx.theme;
    let width = area.width.saturating_sub(4) as usize;
    let mut lines = vec![
        Line::styled("rekindle could not read your journal", theme.heading),
        Line::raw(""),
    ];
    lines.extend(wrapped(
        &format!("File: {}", ctx.journal_path.display()),
        width,
        theme.label,
    ));
    lines.extend(wrapped(
        &format!("Problem: {}", state.reason),
        width,
        theme.error,
    ));
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        "Nothing has been changed. The file stays exactly as it is until you choose:",
        width,
        Style::default(),
    ));
    lines.push(Line::raw(""));
    let narrow = width < 60;
    for (key, does) in [
        (
            "r",
            if narrow {
                "restore the chosen backup (↑↓ choose)"
            } else {
                "restore the chosen backup (↑↓ to choose; the damaged file is moved aside first)"
            },
        ),
        (
            "m",
            if narrow {
                "move the damaged file aside, start fresh"
            } else {
                "move the damaged file aside to journal.corrupt-<time>.json and start a fresh journal"
            },
        ),
        ("q", "quit and fix the file by hand"),
    ] {
        lines.extend(crate::ui::text::hanging(
            vec![
                Span::raw("  "),
                Span::styled(key, theme.key),
                Span::raw("  "),
            ],
            does,
            Style::default(),
            width,
        ));
    }
    lines.push(Line::raw(""));
    if state.backups.is_empty() {
        lines.push(Line::styled("  No backups yet.", theme.dim));
    } else {
        lines.push(Line::styled("  Backups, newest first:", theme.label));
        for (i, backup) in state.backups.iter().enumerate() {
            let chosen = i == state.selected;
            lines.push(Line::from(vec![
                Span::styled(if chosen { "  › " } else { "    " }, theme.focus_marker),
                Span::styled(
                    crate::ui::text::fit(&backup_line(backup, narrow), width.saturating_sub(4)),
                    if chosen {
                        theme.selected
                    } else {
                        Style::default()
                    },
                ),
            ]));
        }
    }
    if let Some(status) = status {
        lines.push(Line::raw(""));
        let style = if status.is_error {
            theme.error
        } else {
            theme.ok
        };
        lines.extend(wrapped(&status.text, width, style));
    }
    frame.render_widget(Paragraph::new(lines), crate::ui::inset(area));
}
