//! The reminder banner: boundaries in force right now, on every screen.

use crate::app::App;

#[derive(Debug, Default)]
pub struct State {}

/// The lines to show, one per boundary in force.
pub fn lines(app: &App) -> Vec<String> {
    app.derived.reminder_lines.clone()
}
