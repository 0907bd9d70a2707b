//! rekindle: a terminal burnout check-in journal.
//!
//! The binary is a thin shell over this library. The pure core (`journal`, `scoring`, `trends`,
//! `insights`, `reminders`, `export`) takes data and "now" as arguments; `store` is the only code
//! that touches the journal file; `tui` is the only code that talks to the terminal.

pub mod app;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod derived;
pub mod error;
pub mod export;
pub mod generate;
pub mod insights;
pub mod journal;
pub mod merge;
pub mod paths;
pub mod reminders;
#[cfg(test)]
pub(crate) mod sample;
pub mod scoring;
pub mod screens;
pub mod stay_close;
pub mod store;
pub mod sync;
pub mod terminal_text;
pub mod trends;
pub mod tui;
pub mod ui;
