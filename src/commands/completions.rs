//! `rekindle completions SHELL`: generated from the same clap definitions that parse the
//! command line (`cli::Cli`) by clap's own generator, so it never drifts from what the binary
//! accepts. It reads neither the journal nor the clock.

use super::print_bytes;
use crate::cli::{Cli, CompletionShell};
use crate::error::Exit;
use anyhow::Result;
use clap::CommandFactory;

/// The completion script for `shell`, as clap_complete writes it.
pub fn script(shell: CompletionShell) -> Vec<u8> {
    let shell = match shell {
        CompletionShell::Bash => clap_complete::Shell::Bash,
        CompletionShell::Zsh => clap_complete::Shell::Zsh,
        CompletionShell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "rekindle", &mut out);
    out
}

pub fn completions(shell: CompletionShell) -> Result<Exit> {
    print_bytes(&script(shell))?;
    Ok(Exit::Ok)
}
