//! The integration tests, one crate: a module per screen, command or concern, sharing the
//! helpers in `support` (a sandboxed data dir, the real binary with a fixed clock, the app
//! driven by keys, a pseudo-terminal). One crate links once, where thirty took thirty links.

mod support;

mod cli;
mod cli_export;
mod cli_fidelity;
mod cli_import_devices;
mod cli_input_forms;
mod cli_insights;
mod cli_reminders_dst;
mod cli_safe_output;
mod cli_shell;
mod cli_stay_close;
mod cli_store_safety;
mod cli_trends;
mod cli_two_machines;
mod cli_wording;
mod connections_boundaries_keys;
mod connections_boundaries_screens;
mod forgiving_keys;
mod help_overlay;
mod insights_properties;
mod journal_screen;
mod keys;
mod looks;
mod pty;
mod recent_summary;
mod reliability;
mod screens;
mod side_by_side;
mod stay_close_panel;
mod store_lean_load;
mod trends_export_screens;
mod tui_safe_text;
