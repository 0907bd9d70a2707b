//! The `rekindle` binary: parse the command line, run, map failures to exit codes.

use clap::Parser;
use rekindle::cli::Cli;
use rekindle::error::{Exit, Failure};
use rekindle::terminal_text::visible;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Say where, never what: a panic's message could quote journal text.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map_or_else(
            || "an unknown place".to_string(),
            |l| format!("{}:{}", l.file(), l.line()),
        );
        eprintln!(
            "rekindle: an internal error stopped rekindle (at {place}); nothing was saved by this run after it."
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if err.use_stderr() => {
            // clap repeats the offending argument, which may hold terminal controls.
            let text = err.render().to_string();
            eprint!(
                "rekindle: {}",
                visible(text.strip_prefix("error: ").unwrap_or(&text))
            );
            return ExitCode::from(Exit::Usage.code() as u8);
        }
        Err(err) => {
            // --help and --version
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
    };
    match rekindle::commands::run(cli) {
        Ok(exit) => ExitCode::from(exit.code() as u8),
        Err(err) => {
            let (exit, hint) = match err.downcast_ref::<Failure>() {
                Some(failure) => (failure.exit, failure.hint.clone()),
                None => (Exit::CantCreate, None),
            };
            // Messages may name a path, a JSON-path map key or a value typed on the command
            // line: all go through the one sanitiser.
            eprintln!("rekindle: {}", visible(&format!("{err:#}")));
            if let Some(hint) = hint {
                eprintln!("  hint: {}", visible(&hint));
            }
            ExitCode::from(exit.code() as u8)
        }
    }
}
