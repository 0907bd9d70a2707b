//! `rekindle status`: one line for a shell prompt.
//!
//! Read-only and cheap (it runs on every prompt): one read of the journal, no lock, no backup,
//! three linear passes over the check-ins (`trends::status_line`).

use super::{Context, print};
use crate::error::Exit;
use crate::trends;
use anyhow::Result;

pub fn run(ctx: &Context) -> Result<Exit> {
    let journal = ctx.read()?;
    let line = trends::status_line(&journal, ctx.today(&journal));
    print(format_args!("{line}\n"))?;
    Ok(Exit::Ok)
}
