//! Where rekindle keeps its files: `--data-dir` > `REKINDLE_DATA_DIR` > the user data directory.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "REKINDLE_DATA_DIR";

/// The resolved locations of everything rekindle writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub journal: PathBuf,
    pub backups: PathBuf,
    pub lock: PathBuf,
}

impl Paths {
    pub fn in_dir(data_dir: impl Into<PathBuf>) -> Paths {
        let data_dir = data_dir.into();
        Paths {
            journal: data_dir.join("journal.json"),
            backups: data_dir.join("backups"),
            lock: data_dir.join("rekindle.lock"),
            data_dir,
        }
    }

    /// Resolves the data directory from the flag, then the environment, then the platform's
    /// per-user data directory (`$XDG_DATA_HOME/rekindle` or `~/.local/share/rekindle` on Linux).
    pub fn resolve(flag: Option<&Path>) -> Result<Paths> {
        if let Some(dir) = flag {
            return Ok(Paths::in_dir(dir));
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Ok(Paths::in_dir(PathBuf::from(dir)));
        }
        let dirs = directories::ProjectDirs::from("", "", "rekindle")
            .context("cannot find a home directory for the journal; set REKINDLE_DATA_DIR or pass --data-dir")?;
        Ok(Paths::in_dir(dirs.data_dir()))
    }
}
