//! `cargo bench --bench perf`: the the README's performance section figures on generated 1-, 10- and 50-year journals
//! with notes of about 300 characters (issue 16: the first frame and `status` cost the same at
//! every size).
//!
//! Prints, for each operation, the median with min and max over repeated runs, beside the
//! target. Measures; asserts nothing (no timed tests anywhere). Needs `tmux` for the TUI start
//! figure (`apt-get install tmux`); without it that row says so and the rest still runs.
//!
//! - TUI start: from launching `rekindle` in a fresh 120x40 tmux pane to the first complete
//!   frame on screen (its footer drawn), polling `tmux capture-pane`. The same harness launching
//!   a program that prints at once gives the harness floor, printed too.
//! - CLI rows: wall time of the release binary, output to /dev/null.
//! - Key press → frame: in process, `update` + a full draw on a 120x40 `TestBackend`.
//! - Peak memory: `VmHWM` of the TUI process after its first frame and a visit to every screen.
//! - Binary: the size of the binary measured (the `bench` profile inherits the release profile:
//!   stripped, LTO, one codegen unit) against the 6 MB target, and `rekindle --version`, the
//!   floor `status` is compared with. A binary over 6 MB ends the run with exit status 1.
//! - `status` and the first frame are measured as a daily user meets them: with the recent-days
//!   summary (`cache/recent.json`) in place, which the first start and every save write. `status`
//!   without it (deleted before each run: a full load that writes it again) is printed too.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rekindle::app::{Action, App, update};
use rekindle::generate::{Spec, journal};
use rekindle::journal::encode;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXE: &str = env!("CARGO_BIN_EXE_rekindle");
const NOW: &str = "2026-11-23T21:04:05+01:00";

struct Figures {
    samples: Vec<Duration>,
}

impl Figures {
    fn new(mut samples: Vec<Duration>) -> Figures {
        samples.sort();
        Figures { samples }
    }

    fn median(&self) -> Duration {
        self.samples[self.samples.len() / 2]
    }

    fn row(&self, name: &str, target: &str) {
        println!(
            "{name:<44} {:>8.2} ms  (min {:>7.2}, max {:>7.2}, n={:>3})  target {target}",
            ms(self.median()),
            ms(self.samples[0]),
            ms(*self.samples.last().expect("at least one sample")),
            self.samples.len()
        );
    }
}

fn data_dir(label: &str, years: u32) -> PathBuf {
    data_dir_with(label, Spec::years_long_notes(years, end(), 42))
}

fn end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date")
}

fn data_dir_with(label: &str, spec: Spec) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rekindle-bench-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("journal.json"), encode(&journal(&spec))).expect("write journal");
    dir
}

fn rekindle(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(EXE);
    cmd.args(args)
        .env("REKINDLE_DATA_DIR", dir)
        .env("REKINDLE_NOW", NOW)
        .env("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn time_command(dir: &Path, args: &[&str], runs: usize) -> Figures {
    time_command_after(dir, args, runs, || {})
}

/// `checkin` with an exhaustion that differs from the day's saved one on every run, so each
/// timed run really saves: the same values again would change nothing and write nothing.
fn time_checkin(dir: &Path, runs: usize) -> Figures {
    let args = |run: usize| {
        let exhaustion = if run.is_multiple_of(2) { "5" } else { "6" };
        [
            "checkin", "-e", exhaustion, "-c", "4", "-f", "6", "--note", "bench",
        ]
    };
    let _ = rekindle(dir, &args(0)).status();
    Figures::new(
        (1..=runs)
            .map(|run| {
                let started = Instant::now();
                let status = rekindle(dir, &args(run)).status().expect("rekindle runs");
                let elapsed = started.elapsed();
                assert!(status.success(), "rekindle checkin failed");
                elapsed
            })
            .collect(),
    )
}

/// `time_command`, running `before` (untimed) before each run.
fn time_command_after(dir: &Path, args: &[&str], runs: usize, before: impl Fn()) -> Figures {
    // One untimed run warms the page cache, as a daily user's would be.
    before();
    let _ = rekindle(dir, args).status();
    Figures::new(
        (0..runs)
            .map(|_| {
                before();
                let started = Instant::now();
                let status = rekindle(dir, args).status().expect("rekindle runs");
                let elapsed = started.elapsed();
                assert!(status.success(), "rekindle {args:?} failed");
                elapsed
            })
            .collect(),
    )
}

/// tmux on a socket of the benchmark's own, so a user's tmux is never touched.
fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux")
        .args(["-L", "rekindle-bench"])
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Launches `command` in a fresh 120x40 tmux session and times until the pane shows `ready`.
/// Returns the time and the pane's process id.
fn time_to_screen(session: &str, command: &str, ready: &str) -> Option<(Duration, u32)> {
    let started = Instant::now();
    tmux(&[
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "120",
        "-y",
        "40",
        command,
    ])?;
    let deadline = started + Duration::from_secs(10);
    loop {
        let screen = tmux(&["capture-pane", "-p", "-t", session]).unwrap_or_default();
        if screen.contains(ready) {
            let elapsed = started.elapsed();
            let pid = tmux(&["list-panes", "-t", session, "-F", "#{pane_pid}"])?
                .trim()
                .parse()
                .ok()?;
            return Some((elapsed, pid));
        }
        if Instant::now() > deadline {
            let _ = tmux(&["kill-session", "-t", session]);
            return None;
        }
        std::thread::sleep(Duration::from_micros(500));
    }
}

fn peak_memory_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn tui_start(dir: &Path, runs: usize) -> Option<(Figures, Figures, u64)> {
    tmux(&["-V"])?;
    let session = format!("rekindle-bench-{}", std::process::id());
    let launch = format!(
        "env REKINDLE_DATA_DIR='{}' REKINDLE_NOW='{NOW}' TZ='CET-1CEST,M3.5.0,M10.5.0/3' '{EXE}'",
        dir.display()
    );
    let mut starts = Vec::new();
    let mut floors = Vec::new();
    let mut peak = 0;
    // A session that outlives the measured ones keeps the tmux server running, so no run pays
    // for starting a server.
    let keep = format!("{session}-keep");
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &keep,
        "-x",
        "20",
        "-y",
        "5",
        "sleep 600",
    ])?;
    for run in 0..runs {
        let (elapsed, pid) = time_to_screen(&session, &launch, "? help")?;
        starts.push(elapsed);
        if run == 0 {
            // Visit every screen so the peak includes trends and the journal list.
            for key in ["2", "3", "4", "5", "6", "1"] {
                tmux(&["send-keys", "-t", &session, key]);
                std::thread::sleep(Duration::from_millis(100));
            }
            peak = peak_memory_kib(pid).unwrap_or(0);
        }
        tmux(&["kill-session", "-t", &session]);
        std::thread::sleep(Duration::from_millis(30));
        let (floor, _) = time_to_screen(&session, "sh -c 'echo ready; sleep 10'", "ready")?;
        floors.push(floor);
        tmux(&["kill-session", "-t", &session]);
    }
    tmux(&["kill-session", "-t", &keep]);
    Some((Figures::new(starts), Figures::new(floors), peak))
}

fn key_to_frame(years: u32, runs: usize) -> Figures {
    let mut app = App::new(
        journal(&Spec::years_long_notes(years, end(), 42)),
        "/bench/journal.json".into(),
        chrono::DateTime::parse_from_rfc3339(NOW).expect("a time"),
        false,
        rekindle::ui::theme::Theme::new(false),
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    // Alternate between the journal list (scrolling) and the check-in screen.
    let keys = [
        KeyCode::Char('5'),
        KeyCode::Down,
        KeyCode::Down,
        KeyCode::Char('1'),
        KeyCode::Char('4'),
    ];
    let mut samples = Vec::new();
    for i in 0..runs {
        let key = KeyEvent::new(keys[i % keys.len()], KeyModifiers::NONE);
        let started = Instant::now();
        let _ = update(&mut app, Action::Key(key));
        terminal
            .draw(|frame| rekindle::app::render(&app, frame))
            .expect("draw");
        samples.push(started.elapsed());
    }
    Figures::new(samples)
}

/// The release binary may be at most 6 MB (the README's performance section; README "Install" states the figure).
const MAX_BINARY_BYTES: u64 = 6_000_000;

/// Prints the binary's size and `--version` time; returns whether the size is within target and
/// the `--version` median.
fn binary_figures() -> (bool, Duration) {
    let bytes = std::fs::metadata(EXE).map_or(0, |m| m.len());
    let ok = bytes <= MAX_BINARY_BYTES;
    println!(
        "{:<44} {:>8.2} MB   ({bytes} bytes){:<21}target ≤ 6 MB{}",
        "release binary size",
        bytes as f64 / 1e6,
        "",
        if ok { "" } else { "  OVER TARGET" }
    );
    let dir = data_dir("version", 0);
    let version = time_command(&dir, &["--version"], 30);
    version.row("rekindle --version", "—");
    let _ = std::fs::remove_dir_all(&dir);
    (ok, version.median())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported, so ignore arguments.
    println!(
        "rekindle benchmarks (release build, generated journals, ~300-character notes, seed 42)\n"
    );
    let (size_ok, version) = binary_figures();
    println!();
    let mut first_frames = Vec::new();
    for (label, years) in [("1-year", 1u32), ("10-year", 10), ("50-year", 50)] {
        let dir = data_dir(label, years);
        let size = std::fs::metadata(dir.join("journal.json")).map_or(0, |m| m.len());
        println!(
            "== {label} journal: {} check-ins, {:.1} MiB",
            years * 365,
            size as f64 / 1048576.0
        );
        let memory_target = if years > 10 { 25.0 } else { 15.0 };
        match tui_start(&dir, 15) {
            Some((start, floor, peak)) => {
                first_frames.push((label, start.median()));
                let target = match years {
                    10 => format!("≤ floor + 8 ms = {:.1} ms", ms(floor.median()) + 8.0),
                    50 => match first_frames.first() {
                        Some((_, one)) => format!("≤ 1.3 × 1-year = {:.1} ms", 1.3 * ms(*one)),
                        None => "≤ 1.3 × 1-year".into(),
                    },
                    _ => "≤ 15 ms".into(),
                };
                start.row("TUI start → first complete frame (120x40)", &target);
                floor.row("  tmux harness floor (echo)", "—");
                println!(
                    "{:<44} {:>8.2} ms  above the floor",
                    "  first frame − floor",
                    ms(start.median()) - ms(floor.median())
                );
                println!(
                    "{:<44} {:>8.1} MiB{:<38}target ≤ {memory_target} MiB",
                    "peak memory, TUI open (VmHWM)",
                    peak as f64 / 1024.0,
                    ""
                );
            }
            None => println!("TUI start: skipped (tmux not available or the frame never showed)"),
        }
        time_checkin(&dir, 20).row("rekindle checkin (load, validate, save)", "≤ 15 ms");
        time_command(&dir, &["export", "--format", "markdown"], 20)
            .row("rekindle export --format markdown", "≤ 40 ms");
        time_command(&dir, &["export", "--format", "json"], 20)
            .row("rekindle export --format json", "≤ 30 ms");
        time_command(&dir, &["export", "--format", "csv"], 20)
            .row("rekindle export --format csv", "—");
        time_command(&dir, &["trends"], 20).row("rekindle trends", "≤ 15 ms");
        let status = time_command(&dir, &["status"], 30);
        status.row(
            "rekindle status",
            &format!("≤ 2.5 × --version = {:.2} ms", 2.5 * ms(version)),
        );
        println!(
            "{:<44} {:>8.2} ×  --version",
            "  status / --version",
            ms(status.median()) / ms(version)
        );
        let summary = dir.join("cache").join("recent.json");
        time_command_after(&dir, &["status"], 20, || {
            let _ = std::fs::remove_file(&summary);
        })
        .row("rekindle status, no summary (full load)", "—");
        time_command(&dir, &["insights"], 20).row("rekindle insights", "≤ 40 ms");
        key_to_frame(years, 300).row("key press → next frame (in process)", "≤ 1 ms");
        println!();
        let _ = std::fs::remove_dir_all(&dir);
    }
    if let [(_, one), .., (_, fifty)] = first_frames[..] {
        println!(
            "first frame, 50-year / 1-year: {:.2} × (target ≤ 1.3 ×)",
            ms(fifty) / ms(one)
        );
    }
    if !size_ok {
        eprintln!("the binary is over 6 MB: {EXE}");
        std::process::exit(1);
    }
}
