//! Writing an export to a file the user named: the one set of rules `rekindle export -o FILE` and
//! the TUI's export dialog share (docs/FORMAT.md).
//!
//! - Never over rekindle's own files: the journal, anything in `backups/`, the lock. Paths are
//!   compared after resolving symlinks and `..` (`canonicalize`), and on Unix also by device and
//!   inode, so a symlink or a hard link to the journal is refused too.
//! - Never over an existing file unless the caller says `force`. Without `force` the final
//!   rename itself refuses to replace (`write_atomic_new`), so a file that appears between the
//!   check and the write is not overwritten either.
//! - Atomically (temp file beside the target, fsync, rename, fsync the directory), 0600.
//! - A missing directory is an error naming it: an export never creates directories, because a
//!   typo in a path should not leave a new directory tree behind. A path ending in `/` names a
//!   directory, so it is never written as a file.
//! - Only regular files are ever replaced: `/dev/null`, a FIFO, a socket or a symlink to nothing
//!   is refused even with `force` (a symlink to a regular file has its target replaced).

use super::atomic::{write_atomic, write_atomic_new};
use crate::error::{Exit, Failure};
use crate::paths::Paths;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// Why an export file was not written. Every case leaves the target untouched.
#[derive(Debug)]
pub enum OutputError {
    /// The file exists and `force` was not given.
    Exists(PathBuf),
    /// The target is the journal, a backup of it or the lock file.
    OwnFile(PathBuf),
    /// The directory the file would go in does not exist.
    NoDirectory(PathBuf),
    /// The target is a directory.
    IsDirectory(PathBuf),
    /// The target exists and is not a regular file (a device, a FIFO, a dangling symlink).
    NotRegular(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl OutputError {
    /// One sentence for a person, `what went wrong: which path` like every rekindle error.
    pub fn message(&self) -> String {
        match self {
            OutputError::Exists(path) => {
                format!("the output file already exists: {}", path.display())
            }
            OutputError::OwnFile(path) => format!(
                "an export never writes over rekindle's own journal, its backups or its lock: {}",
                path.display()
            ),
            OutputError::NoDirectory(dir) => {
                format!("the output directory does not exist: {}", dir.display())
            }
            OutputError::IsDirectory(path) => {
                format!("the output path is a directory: {}", path.display())
            }
            OutputError::NotRegular(path) => format!(
                "the output path is not a regular file, so it is never replaced: {}",
                path.display()
            ),
            OutputError::Io(path, e) => {
                format!("cannot write the export: {}: {e}", path.display())
            }
        }
    }

    fn hint(&self) -> &'static str {
        match self {
            OutputError::Exists(_) => "add --force to replace it, or choose another file name",
            OutputError::OwnFile(_) => "choose a file outside rekindle's data directory",
            OutputError::NoDirectory(_) => "create the directory first, or choose another path",
            OutputError::IsDirectory(_) => "give a file name, such as rekindle.md",
            OutputError::NotRegular(_) => {
                "choose a regular file; to print the export, leave out -o or use -o -"
            }
            OutputError::Io(..) => "check that the directory is writable and the disk has room",
        }
    }
}

impl From<OutputError> for Failure {
    fn from(err: OutputError) -> Failure {
        Failure::new(Exit::CantCreate, err.message()).with_hint(err.hint())
    }
}

/// Writes `bytes` to `target` under the rules above and returns the absolute path written.
pub fn write_export(
    paths: &Paths,
    target: &Path,
    bytes: &[u8],
    force: bool,
) -> Result<PathBuf, OutputError> {
    let Some(name) = target.file_name() else {
        return Err(OutputError::IsDirectory(target.to_path_buf()));
    };
    // `Path` forgets a trailing `/`, but the person meant a directory: never write it as a file.
    if ends_with_separator(target) {
        return Err(if target.is_dir() {
            OutputError::IsDirectory(target.to_path_buf())
        } else {
            OutputError::NoDirectory(target.to_path_buf())
        });
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let dir = match dir.canonicalize() {
        Ok(dir) if dir.is_dir() => dir,
        Ok(_) => return Err(OutputError::NoDirectory(dir.to_path_buf())),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(OutputError::NoDirectory(dir.to_path_buf()));
        }
        Err(e) => return Err(OutputError::Io(dir.to_path_buf(), e)),
    };
    let resolved = dir.join(name);
    let existing = std::fs::metadata(&resolved).ok();
    if existing.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(OutputError::IsDirectory(resolved));
    }
    if is_own_file(paths, &resolved) {
        return Err(OutputError::OwnFile(resolved));
    }
    // A dangling symlink has no metadata but is still "something there" not to replace.
    let occupied = existing.is_some() || std::fs::symlink_metadata(&resolved).is_ok();
    if occupied && !force {
        return Err(OutputError::Exists(resolved));
    }
    if occupied && !existing.as_ref().is_some_and(|m| m.is_file()) {
        return Err(OutputError::NotRegular(resolved));
    }
    let written = if force {
        write_atomic(&resolved, bytes)
    } else {
        write_atomic_new(&resolved, bytes)
    };
    match written {
        Ok(()) => Ok(resolved),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(OutputError::Exists(resolved)),
        Err(e) => Err(OutputError::Io(resolved, e)),
    }
}

/// Whether the path as typed ends in a separator (`missing-dir/`).
fn ends_with_separator(path: &Path) -> bool {
    let text = path.as_os_str().as_encoded_bytes();
    text.last()
        .is_some_and(|&b| b == b'/' || (cfg!(windows) && b == b'\\'))
}

/// Whether `target` (its directory already resolved) is the journal, the lock, or inside the
/// backups directory.
fn is_own_file(paths: &Paths, target: &Path) -> bool {
    let target = resolve(target);
    let backups = resolve(&paths.backups);
    if target.parent() == Some(backups.as_path()) {
        return true;
    }
    [&paths.journal, &paths.lock]
        .into_iter()
        .any(|own| resolve(own) == target || same_file(own, &target))
}

/// The canonical form of `path`, or of its directory joined with its name when the file itself
/// does not exist (yet), or the path made absolute when neither exists.
fn resolve(path: &Path) -> PathBuf {
    if let Ok(full) = path.canonicalize() {
        return full;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Same device and inode: catches a hard link to the journal under another name.
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, Paths) {
        let dir = tempfile::tempdir().unwrap();
        let paths = Paths::in_dir(dir.path().join("data"));
        std::fs::create_dir_all(&paths.backups).unwrap();
        std::fs::write(&paths.journal, b"journal").unwrap();
        std::fs::write(paths.backups.join("journal-2026-11-23.json"), b"backup").unwrap();
        (dir, paths)
    }

    #[test]
    fn writes_a_new_file_and_refuses_to_replace_it_without_force() {
        let (dir, paths) = setup();
        let target = dir.path().join("out.md");
        let written = write_export(&paths, &target, b"one", false).unwrap();
        assert_eq!(written, target.canonicalize().unwrap());
        let err = write_export(&paths, &target, b"two", false).unwrap_err();
        assert!(matches!(err, OutputError::Exists(_)), "{err:?}");
        assert_eq!(std::fs::read(&target).unwrap(), b"one");
        write_export(&paths, &target, b"two", true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"two");
    }

    #[test]
    fn never_writes_over_the_journal_its_backups_or_links_to_them_even_with_force() {
        let (dir, paths) = setup();
        let via_dots = paths.data_dir.join("backups/../journal.json");
        let backup = paths.backups.join("journal-2026-11-23.json");
        let new_in_backups = paths.backups.join("mine.md");
        let hard_link = dir.path().join("hard.json");
        std::fs::hard_link(&paths.journal, &hard_link).unwrap();
        let mut targets = vec![
            paths.journal.clone(),
            via_dots,
            backup,
            new_in_backups,
            hard_link,
        ];
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&paths.journal, &link).unwrap();
            targets.push(link);
        }
        for target in targets {
            let err = write_export(&paths, &target, b"export", true).unwrap_err();
            assert!(
                matches!(err, OutputError::OwnFile(_)),
                "{target:?}: {err:?}"
            );
        }
        assert_eq!(std::fs::read(&paths.journal).unwrap(), b"journal");
        assert!(!paths.backups.join("mine.md").exists());
    }

    #[test]
    fn a_missing_directory_or_a_directory_target_is_named() {
        let (dir, paths) = setup();
        let missing = dir.path().join("nope/out.md");
        let err = write_export(&paths, &missing, b"x", false).unwrap_err();
        assert!(matches!(&err, OutputError::NoDirectory(d) if d.ends_with("nope")));
        assert!(
            err.message().contains("does not exist"),
            "{}",
            err.message()
        );
        assert!(!dir.path().join("nope").exists(), "no directory is created");
        let err = write_export(&paths, dir.path(), b"x", true).unwrap_err();
        assert!(matches!(err, OutputError::IsDirectory(_)), "{err:?}");
        let slash = PathBuf::from(format!("{}/", dir.path().join("nope").display()));
        let err = write_export(&paths, &slash, b"x", true).unwrap_err();
        assert!(matches!(err, OutputError::NoDirectory(_)), "{err:?}");
        assert!(
            !dir.path().join("nope").exists(),
            "no file named like the directory"
        );
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_replaced() {
        let (dir, paths) = setup();
        // Never the real /dev/null: a regression run as root would replace it for everyone.
        // A link to it reaches the same check (what is there, after links, is not a file).
        let device = dir.path().join("device.md");
        std::os::unix::fs::symlink("/dev/null", &device).unwrap();
        let err = write_export(&paths, &device, b"x", true).unwrap_err();
        assert!(matches!(err, OutputError::NotRegular(_)), "{err:?}");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).unwrap();
        let err = write_export(&paths, &dangling, b"x", true).unwrap_err();
        assert!(matches!(err, OutputError::NotRegular(_)), "{err:?}");
        assert!(!dir.path().join("nowhere.md").exists());
        // A link to a regular file stays a link; its target is replaced.
        let real = dir.path().join("real.md");
        std::fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_export(&paths, &link, b"new", true).unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn exports_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, paths) = setup();
        let target = dir.path().join("out.csv");
        write_export(&paths, &target, b"x", false).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
