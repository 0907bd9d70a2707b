//! Issue 12 item 6: one journal on two machines. `rekindle paths` lists sync-conflict copies
//! beside the journal, and `rekindle merge-driver` merges journal.json in a real `git merge`.
//!
//! The git tests need `git` on PATH (it is a requirement of this test file, not of rekindle).

use crate::support;

use crate::support::{Sandbox, stdout_of};
use std::path::Path;
use std::process::Command as Process;

#[test]
fn paths_lists_sync_conflict_copies_and_says_how_to_merge_them() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .assert()
        .success();
    let out = stdout_of(&s.cmd().arg("paths").output().unwrap());
    assert!(out.contains("sync conflicts: none\n"), "{out}");
    for name in [
        "journal.sync-conflict-20261116-123456-ABCDEF7.json",
        "journal (conflicted copy 2026-11-16).json",
        "journal_conflict-20261116-123456.json",
    ] {
        std::fs::copy(s.journal_path(), s.data_dir().join(name)).unwrap();
    }
    let out = stdout_of(&s.cmd().arg("paths").output().unwrap());
    assert!(
        out.contains("sync conflicts: 3 beside the journal"),
        "{out}"
    );
    for name in [
        "journal (conflicted copy 2026-11-16).json",
        "journal.sync-conflict-20261116-123456-ABCDEF7.json",
        "journal_conflict-20261116-123456.json",
    ] {
        let line = format!("  {}\n", s.data_dir().join(name).display());
        assert!(out.contains(&line), "{name}: {out}");
    }
    assert!(out.contains("rekindle import FILE"), "{out}");
}

fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    let out = Process::new("git")
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", repo)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git is installed (this test needs git)");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// rekindle with the journal in the repository.
fn rekindle(repo: &Path, now: &str, args: &[&str]) {
    let mut cmd = assert_cmd::Command::cargo_bin("rekindle").unwrap();
    cmd.env_clear()
        .env("REKINDLE_DATA_DIR", repo)
        .env("REKINDLE_NOW", now)
        .env("TZ", support::TZ)
        .env("HOME", repo)
        .args(args)
        .assert()
        .success();
}

#[test]
fn a_real_git_merge_of_two_branches_keeps_all_four_entries() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q", "-b", "main"]);
    let exe = assert_cmd::cargo::cargo_bin("rekindle");
    git(
        repo,
        &[
            "config",
            "merge.rekindle.driver",
            &format!("'{}' merge-driver %O %A %B", exe.display()),
        ],
    );
    std::fs::write(repo.join(".gitattributes"), "journal.json merge=rekindle\n").unwrap();
    std::fs::write(repo.join(".gitignore"), "rekindle.lock\nbackups/\n").unwrap();
    rekindle(
        repo,
        "2026-11-16T21:00:00+01:00",
        &["checkin", "-e", "5", "-c", "5", "-f", "5"],
    );
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "base"]);

    git(repo, &["checkout", "-q", "-b", "laptop"]);
    rekindle(
        repo,
        "2026-11-17T21:00:00+01:00",
        &[
            "checkin", "-e", "7", "-c", "4", "-f", "5", "--note", "laptop",
        ],
    );
    rekindle(
        repo,
        "2026-11-17T21:05:00+01:00",
        &["connect", "Alex", "--kind", "call", "--felt", "nourishing"],
    );
    git(repo, &["commit", "-q", "-am", "laptop"]);

    git(repo, &["checkout", "-q", "main"]);
    git(repo, &["checkout", "-q", "-b", "phone"]);
    rekindle(
        repo,
        "2026-11-18T08:00:00+01:00",
        &[
            "checkin", "-e", "3", "-c", "2", "-f", "8", "--note", "phone",
        ],
    );
    rekindle(
        repo,
        "2026-11-17T21:05:00+01:00",
        &[
            "connect",
            "Team lead",
            "--kind",
            "video",
            "--felt",
            "draining",
        ],
    );
    git(repo, &["commit", "-q", "-am", "phone"]);

    git(repo, &["checkout", "-q", "laptop"]);
    git(repo, &["merge", "-q", "--no-edit", "phone"]);
    let journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo.join("journal.json")).unwrap()).unwrap();
    let dates: Vec<&str> = journal["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-11-16", "2026-11-17", "2026-11-18"]);
    let people: Vec<&str> = journal["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["person"].as_str().unwrap())
        .collect();
    assert_eq!(people, ["Alex", "Team lead"]);
    let status = git(repo, &["status", "--porcelain"]);
    assert!(status.stdout.is_empty(), "the merge is committed and clean");
}

#[test]
fn the_merge_driver_refuses_an_unreadable_input_and_leaves_ours_alone() {
    let s = Sandbox::new();
    s.cmd()
        .args(["checkin", "-e", "5", "-c", "5", "-f", "5"])
        .assert()
        .success();
    let dir = s.dir.path();
    let ours = dir.join("ours.json");
    std::fs::copy(s.journal_path(), &ours).unwrap();
    std::fs::copy(s.journal_path(), dir.join("base.json")).unwrap();
    std::fs::write(
        dir.join("theirs.json"),
        b"{\"format\": \"rekindle-journal\", ",
    )
    .unwrap();
    let before = std::fs::read(&ours).unwrap();
    s.cmd()
        .arg("merge-driver")
        .args([dir.join("base.json"), ours.clone(), dir.join("theirs.json")])
        .assert()
        .code(65);
    assert_eq!(std::fs::read(&ours).unwrap(), before);
    // With an empty base (both sides added the file) and readable sides it merges.
    std::fs::write(dir.join("base.json"), b"").unwrap();
    std::fs::copy(s.journal_path(), dir.join("theirs.json")).unwrap();
    s.cmd()
        .arg("merge-driver")
        .args([dir.join("base.json"), ours.clone(), dir.join("theirs.json")])
        .assert()
        .success();
}
