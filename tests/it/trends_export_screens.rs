//! The Trends screen and the export dialog drawn on a `TestBackend`, plus their state machines
//! (keys in, state and effects out, no terminal). Each snapshot was read by hand before it was
//! accepted; the asserts beside each pin the numbers worked out in the comments.
//!
//! "Now" is Monday 2026-11-23 21:04 (support::app::app_with); weeks start on Monday, so the
//! eight weeks shown start 2026-10-05 … 2026-11-23.

use crate::support::app::*;
use chrono::{Days, NaiveDate};
use crossterm::event::KeyCode;
use rekindle::app::{Action, App, Effect, Overlay, update};
use rekindle::export::{Format, Range};
use rekindle::journal::{self, Journal};
use rekindle::screens::Screen;
use rekindle::screens::export::{Field, Request};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A check-in of strain S (0–30) spread evenly: E ⌈S/3⌉, C (S+1)/3, F 10 − S/3, which sum to
/// S exactly, with an optional boundary record.
fn strain_day(date: NaiveDate, s: u32, boundary: Option<&str>) -> String {
    let record = boundary.map_or(String::new(), |o| {
        format!(r#", "boundaries": {{"b-1": "{o}"}}"#)
    });
    format!(
        r#"{{"date": "{date}", "exhaustion": {}, "cynicism": {}, "efficacy": {}{record}}}"#,
        s.div_ceil(3),
        (s + 1) / 3,
        10 - s / 3
    )
}

fn journal_of(
    check_ins: &[String],
    connections: &str,
    boundaries: &str,
    settings: &str,
) -> Journal {
    let text = format!(
        r#"{{"format": "rekindle-journal", "version": 1, "settings": {{{settings}}},
            "check_ins": [{}], "connections": [{connections}], "boundaries": [{boundaries}]}}"#,
        check_ins.join(",")
    );
    journal::decode(text.as_bytes()).expect("test journal is valid")
}

/// A boundary whose window (17:00–19:00) is not in force at 21:04, so no banner.
const BOUNDARY: &str =
    r#"{"id": "b-1", "text": "No meetings after 17:00", "from": "17:00", "until": "19:00"}"#;

/// Weeks of 2026-10-05 … 2026-11-16 checked in Monday to Friday, each week's days at
/// `base` + 0, +1, −1, +1, −1 (so a week's mean strain is exactly its base), b-1 kept except on
/// Tuesdays, and a check-in today of strain `today`.
fn weekdays(bases: [u32; 7], today: u32) -> Vec<String> {
    let mut days = Vec::new();
    for (w, base) in bases.iter().enumerate() {
        let monday = d("2026-10-05") + Days::new(7 * w as u64);
        for (i, delta) in [0i32, 1, -1, 1, -1].iter().enumerate() {
            let outcome = if i == 1 { "slipped" } else { "kept" };
            let s = (*base as i32 + delta) as u32;
            days.push(strain_day(monday + Days::new(i as u64), s, Some(outcome)));
        }
    }
    days.push(strain_day(d("2026-11-23"), today, Some("kept")));
    days
}

/// Weekly strain 5, 6, 8, 9, 11, 12, 14: composites 10·S/3 = 16.7, 20.0, 26.7, 30.0, 36.7,
/// 40.0, 46.7. This week has only today (S 15): no means, so the change compares the week of
/// 11-16 (46.7) with 11-09 (40.0): Δ = 10·(14 − 12)/3 = 6.67 → +6.7, rising. No flag: no week
/// reaches 50, E tops out at ⌈15/3⌉ = 5, Sam was nourishing on Saturday.
fn rising() -> Journal {
    journal_of(
        &weekdays([5, 6, 8, 9, 11, 12, 14], 15),
        r#"{"id": "c-1", "date": "2026-11-21", "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing"},
           {"id": "c-2", "date": "2026-11-23", "person": "Team lead", "kind": "in_person", "initiated_by": "them", "felt": "draining"}"#,
        BOUNDARY,
        "",
    )
}

/// The mirror image: weekly strain 14, 12, 11, 9, 8, 6, 5 → 46.7 … 16.7; the week of 11-16
/// (16.7) against 11-09 (20.0): Δ = 10·(5 − 6)/3 = −3.33 → −3.3, steady (|Δ| < 5).
fn falling() -> Journal {
    journal_of(
        &weekdays([14, 12, 11, 9, 8, 6, 5], 4),
        r#"{"id": "c-1", "date": "2026-11-22", "person": "Sam", "kind": "video", "initiated_by": "mutual", "felt": "nourishing"}"#,
        BOUNDARY,
        "",
    )
}

/// Check-ins per week 3, 2, 0, 4, 1, 2, 3 and today, all S 12 (40.0) except S 18 (60.0) in the
/// week of 10-26. Weeks with 2, 0, 1 and 2 check-ins have no means: gaps in the charts.
/// The change: the latest week with means is 11-16, the week before has 2 check-ins → not
/// comparable. Last 28 days (10-27 … 11-23): 10-27, 10-28, 10-29, 11-02, 11-09, 11-10, 11-16,
/// 11-17, 11-18 and today = 10 check-ins: just enough for a slope.
fn gappy() -> Journal {
    let weeks: [(&str, u32, u32); 7] = [
        ("2026-10-05", 3, 12),
        ("2026-10-12", 2, 12),
        ("2026-10-19", 0, 12),
        ("2026-10-26", 4, 18),
        ("2026-11-02", 1, 12),
        ("2026-11-09", 2, 12),
        ("2026-11-16", 3, 12),
    ];
    let mut days = Vec::new();
    for (monday, count, s) in weeks {
        for i in 0..count {
            days.push(strain_day(d(monday) + Days::new(u64::from(i)), s, None));
        }
    }
    days.push(strain_day(d("2026-11-23"), 12, None));
    journal_of(
        &days,
        r#"{"id": "c-1", "date": "2026-11-19", "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing"}"#,
        "",
        "",
    )
}

const SUPPORT: &str = "Call Jo on 0161 555 0199 (weekdays), or Samaritans on 116 123, any time.";

/// Every day from 2026-11-02 to today at (8, 6, 3): S 21, composite 70.0; 11-20 at (10, 9, 1):
/// S 28, composite 93.3 (≥ 90 ⇔ S ≥ 27). b-1 slipped on every one of its records.
/// Flags, in SCORING.md's order:
/// - sustained_exhaustion: E ≥ 7 on all 14 of the last 14 days (11-10 … 11-23);
/// - persistent_strain: weeks of 11-09 and 11-16 both ≥ 50 (70.0 and (6·21 + 28)/7 → 73.3);
/// - seek_support: weeks of 11-02, 11-09, 11-16 all ≥ 50, and 11-20 at 93.3;
/// - isolation: 22 check-in days, the last nourishing contact (Sam, 11-03) 20 days ago;
/// - boundary_slipping: slipped 7 of the last 7 times.
fn flagged() -> Journal {
    let mut days = Vec::new();
    let mut date = d("2026-11-02");
    while date <= d("2026-11-23") {
        let (e, c, f) = if date == d("2026-11-20") {
            (10, 9, 1)
        } else {
            (8, 6, 3)
        };
        days.push(format!(
            r#"{{"date": "{date}", "exhaustion": {e}, "cynicism": {c}, "efficacy": {f}, "boundaries": {{"b-1": "slipped"}}}}"#
        ));
        date = date + Days::new(1);
    }
    journal_of(
        &days,
        r#"{"id": "c-1", "date": "2026-11-03", "person": "Sam", "kind": "call", "initiated_by": "me", "felt": "nourishing"}"#,
        BOUNDARY,
        &format!(r#""support_text": "{SUPPORT}""#),
    )
}

/// The screen's words with line breaks and indents collapsed, to find wrapped sentences.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn trends_app(journal: Journal) -> App {
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('4')));
    assert_eq!(app.screen, Screen::Trends);
    app
}

fn review(app: &App) -> &rekindle::trends::Review {
    app.derived.review.as_ref().expect("computed with the app")
}

/// Scrolls to the end of the page in a terminal of `width`×`height`.
fn scroll_to_end(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize(width, height));
    for _ in 0..10 {
        press(app, key(KeyCode::PageDown));
    }
}

#[test]
fn trends_rising() {
    let app = trends_app(rising());
    let r = review(&app);
    assert_eq!(r.weeks.len(), 8);
    assert_eq!(r.weeks[0].week_start, d("2026-10-05"));
    let composites: Vec<Option<String>> = r
        .weeks
        .iter()
        .map(|w| w.means.map(|m| rekindle::scoring::fmt1(m.composite)))
        .collect();
    let expected = ["16.7", "20.0", "26.7", "30.0", "36.7", "40.0", "46.7"];
    for (got, want) in composites.iter().zip(expected) {
        assert_eq!(got.as_deref(), Some(want));
    }
    assert_eq!(composites[7], None, "this week has one check-in: a gap");
    assert!(r.flags.is_empty());
    let text = screen_text(&app, 80, 24);
    for part in [
        "Weekly review · Mon 23 Nov 2026 · 8 weeks  A reflection aid, not a diagnosis.",
        "A reflection aid, not a diagnosis.",
        "not enough check-ins (1 of 3)",
        "16–22 Nov · 5 of 7 days · 46.7 moderate strain · E 5.0 C 4.6 F 5.6",
        "Change: +6.7, rising (week of 2026-11-16: 46.7; week of 2026-11-09: 40.0)",
        "5 Oct",
        "23 Nov",
    ] {
        assert!(text.contains(part), "missing {part:?}:\n{text}");
    }
    insta::assert_snapshot!("trends_rising_80x24", text);
    insta::assert_snapshot!("trends_rising_50x16", screen_text(&app, 50, 16));
}

#[test]
fn trends_rising_end_of_page() {
    let mut app = trends_app(rising());
    scroll_to_end(&mut app, 80, 24);
    let text = screen_text(&app, 80, 24);
    // 20 check-ins in the last 28 days (10-27 … 11-23); the slope of a staircase rising 1 to 2
    // points of S a week.
    assert!(
        text.contains("Last 4 weeks: strain score rising about 5 points a week"),
        "{text}"
    );
    assert!(text.contains("rising"), "{text}");
    assert!(
        text.contains(
            "Connections this week: 0 nourishing, 0 neutral, 1 draining; 0 started by you"
        ),
        "{text}"
    );
    assert!(
        text.contains("Days since a nourishing connection: 2"),
        "{text}"
    );
    // b-1 this week: kept today. Last 7 days (11-17 … 11-23): Tue slipped, Wed Thu Fri and today
    // kept → 4 of 5; last 28 (10-27 …): Tue 10-27 … 4 weeks of 4 kept + 1 slipped, minus Monday
    // 10-26 outside, plus today: 10-27 slipped, 10-28..30 kept (3), 3 full weeks (12 kept,
    // 3 slipped), today kept → 16 of 20.
    assert!(
        text.contains("Boundaries this week: kept 1 of 1 record"),
        "{text}"
    );
    assert!(
        text.contains("No meetings after 17:00: kept 4 of 5 in 7 days, kept 16 of 20 in 28"),
        "{text}"
    );
    assert!(text.contains("No flags right now."), "{text}");
    assert!(
        text.contains("Support: If you feel hopeless or unsafe"),
        "{text}"
    );
    assert!(text.contains("end of the review"), "{text}");
    insta::assert_snapshot!("trends_rising_end_80x24", text);
}

#[test]
fn trends_falling() {
    let app = trends_app(falling());
    let r = review(&app);
    assert_eq!(r.change.rounded(), Some(-3.3));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Change: -3.3, steady (week of 2026-11-16: 16.7; week of 2026-11-09: 20.0)"),
        "{text}"
    );
    // Base S 5: days S 5, 6, 4, 6, 4 → E 2, 2, 2, 2, 2; C 2, 2, 1, 2, 1; F 9, 8, 9, 8, 9.
    assert!(
        text.contains("16.7 low strain · E 2.0 C 1.6 F 8.6"),
        "{text}"
    );
    insta::assert_snapshot!("trends_falling_80x24", text);
}

#[test]
fn trends_gappy() {
    let app = trends_app(gappy());
    let r = review(&app);
    let counts: Vec<u32> = r.weeks.iter().map(|w| w.sums.count).collect();
    assert_eq!(counts, [3, 2, 0, 4, 1, 2, 3, 1]);
    let with_means: Vec<bool> = r.weeks.iter().map(|w| w.means.is_some()).collect();
    assert_eq!(
        with_means,
        [true, false, false, true, false, false, true, false]
    );
    assert!(r.slope_28d.is_some(), "10 check-ins in 28 days");
    let series = rekindle::screens::trends::weekly_series(&r.weeks);
    assert_eq!(
        series.composite_runs.len(),
        3,
        "three runs between the gaps"
    );
    // 28 days, 10 with a check-in: 18 gaps, never zeros.
    assert_eq!(app.derived.last_28_days.len(), 28);
    assert_eq!(
        app.derived
            .last_28_days
            .iter()
            .filter(|d| d.is_none())
            .count(),
        18
    );
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains(
            "Change: not comparable (week of 2026-11-16: 40.0; week of 2026-11-09: too few"
        ),
        "{text}"
    );
    assert!(text.contains("not enough check-ins (1 of 3)"), "{text}");
    insta::assert_snapshot!("trends_gappy_80x24", text);
}

#[test]
fn trends_flagged_shows_every_flag_and_the_support_text() {
    let mut app = trends_app(flagged());
    let kinds: Vec<&str> = review(&app).flags.iter().map(|f| f.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "sustained_exhaustion",
            "persistent_strain",
            "seek_support",
            "isolation",
            "boundary_slipping"
        ]
    );
    insta::assert_snapshot!("trends_flagged_80x24", screen_text(&app, 80, 24));
    // Scroll to the flags (below the patterns panel).
    update(&mut app, Action::Resize(80, 24));
    for _ in 0..2 {
        press(&mut app, key(KeyCode::PageDown));
    }
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Down));
    }
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("⚑ Support could help"), "{text}");
    insta::assert_snapshot!("trends_flagged_flags_80x24", text);
    scroll_to_end(&mut app, 80, 24);
    let text = screen_text(&app, 80, 24);
    assert!(
        flat(&text).contains(SUPPORT),
        "seek_support shows the whole support text: {text}"
    );
    assert!(
        !text.contains("Support: Call Jo"),
        "shown once, inside the flag: {text}"
    );
    insta::assert_snapshot!("trends_flagged_end_80x24", text);
}

#[test]
fn dismissing_flags_never_hides_the_support_text() {
    let mut app = trends_app(flagged());
    press(&mut app, key(KeyCode::Char('d')));
    assert!(app.trends.flags_dismissed);
    scroll_to_end(&mut app, 80, 24);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("5 flags dismissed for now; d shows them again."),
        "{text}"
    );
    assert!(!text.contains("⚑"), "{text}");
    assert!(
        flat(&text).contains(&format!("Support: {SUPPORT}")),
        "{text}"
    );
    // `s` shows it in a box wherever the page is scrolled.
    press(&mut app, key(KeyCode::Char('s')));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Support · s or Esc closes"), "{text}");
    insta::assert_snapshot!("trends_support_box_80x24", text);
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.trends.support_open);
    // The check-in screen keeps the support text too, flags dismissed or not.
    press(&mut app, key(KeyCode::Char('1')));
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains("⚑"), "{text}");
    assert!(text.contains("Support: Call Jo"), "{text}");
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Char('d')));
    assert!(!app.trends.flags_dismissed, "d shows them again");
}

#[test]
fn check_in_screen_lists_todays_flags_gently() {
    let app = app_with(flagged());
    let text = screen_text(&app, 80, 24);
    // seek_support first, with the support text whole under it; then one more flag.
    assert!(text.contains("⚑ Support could help"), "{text}");
    assert!(
        flat(&text).contains(&format!("Support: {SUPPORT}")),
        "{text}"
    );
    assert!(text.contains("⚑ Exhaustion has stayed high"), "{text}");
    assert!(
        text.contains("3 more, and what might help: the Trends screen (4)."),
        "{text}"
    );
    assert!(
        !text.contains("⚑ Few nourishing"),
        "two signposts at most: {text}"
    );
    insta::assert_snapshot!("check_in_flagged_80x24", text);
}

#[test]
fn trends_of_an_empty_journal_shows_gaps_and_no_numbers() {
    let app = trends_app(Journal::default());
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Change: no week has 3 check-ins yet"),
        "{text}"
    );
    assert_eq!(
        text.matches('●').count(),
        1,
        "only the title's ●: no points without means: {text}"
    );
    insta::assert_snapshot!("trends_empty_80x24", text);
}

#[test]
fn the_weeks_shown_change_with_arrows_and_plus_minus_within_4_to_26() {
    let mut app = trends_app(rising());
    assert_eq!(app.trends.weeks, 8);
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Char('l')));
    press(&mut app, key(KeyCode::Char('+')));
    assert_eq!(app.trends.weeks, 11);
    assert_eq!(review(&app).weeks.len(), 11, "the review follows");
    // Eleven weeks back from the week of 11-23: 10·7 = 70 days earlier, 2026-09-14.
    assert_eq!(review(&app).weeks[0].week_start, d("2026-09-14"));
    for _ in 0..30 {
        press(&mut app, key(KeyCode::Right));
    }
    assert_eq!(app.trends.weeks, 26);
    for _ in 0..30 {
        press(&mut app, key(KeyCode::Char('-')));
    }
    assert_eq!(app.trends.weeks, 4);
    assert_eq!(review(&app).weeks.len(), 4);
    press(&mut app, key(KeyCode::Left));
    assert_eq!(app.trends.weeks, 4);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("· 4 weeks"), "{text}");
    assert!(text.contains("2 Nov"), "the first of four weeks: {text}");
    // A new journal (a save) keeps the number of weeks.
    update(&mut app, Action::Tick(at("2026-11-23T21:05:00+01:00")));
    assert_eq!(review(&app).weeks.len(), 4);
    // Digits still switch screens here.
    press(&mut app, key(KeyCode::Char('5')));
    assert_eq!(app.screen, Screen::Journal);
}

#[test]
fn scrolling_stops_at_the_end_of_the_page() {
    let mut app = trends_app(flagged());
    press(&mut app, key(KeyCode::Down));
    assert_eq!(
        app.trends.scroll, 0,
        "before the terminal's size is known there is nothing to scroll"
    );
    update(&mut app, Action::Resize(80, 24));
    for _ in 0..200 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    let max = app.trends.scroll;
    assert!(max > 10, "the flagged page is long: {max}");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("end of the review"), "{text}");
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.trends.scroll, max - 1);
    assert!(screen_text(&app, 80, 24).contains("↓ 1 more line ·"));
    press(&mut app, key(KeyCode::PageUp));
    press(&mut app, key(KeyCode::PageUp));
    press(&mut app, key(KeyCode::PageUp));
    assert_eq!(app.trends.scroll, max.saturating_sub(31));
}

#[test]
fn every_advertised_trends_key_does_something() {
    use rekindle::ui::component::Component;
    let mut app = trends_app(flagged());
    let advertised: Vec<&str> = app.hints().iter().map(|h| h.keys).collect();
    assert_eq!(
        advertised,
        ["←→", "-/+", "s", "p", "d"],
        "no scroll keys before the page is known to overflow"
    );
    update(&mut app, Action::Resize(80, 24));
    let advertised: Vec<&str> = app.hints().iter().map(|h| h.keys).collect();
    assert_eq!(advertised, ["←→", "↑↓", "PgUp/PgDn", "-/+", "s", "p", "d"]);
    for binding in app.trends.bindings(&app.ctx()) {
        let mut app = trends_app(flagged());
        update(&mut app, Action::Resize(80, 24));
        let before = format!(
            "{:?}",
            (
                app.trends.weeks,
                app.trends.scroll,
                app.trends.support_open,
                app.trends.flags_dismissed,
                app.trends.patterns_open
            )
        );
        press(&mut app, binding.example);
        let after = format!(
            "{:?}",
            (
                app.trends.weeks,
                app.trends.scroll,
                app.trends.support_open,
                app.trends.flags_dismissed,
                app.trends.patterns_open
            )
        );
        assert_ne!(before, after, "{} does nothing", binding.keys);
    }
}

fn export_state(app: &App) -> &rekindle::screens::export::State {
    match &app.overlay {
        Some(Overlay::Export(state)) => state,
        other => panic!("the export dialog is not open: {other:?}"),
    }
}

fn open_export(journal: Journal) -> App {
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('x')));
    export_state(&app);
    app
}

#[test]
fn export_dialog_empty() {
    let app = open_export(rising());
    let state = export_state(&app);
    assert_eq!(state.path.text(), "~/rekindle-2026-11-23.md");
    assert_eq!(state.focus, Some(Field::Format));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("[Markdown]"), "{text}");
    assert!(text.contains("~/rekindle-2026-11-23.md"), "{text}");
    assert!(
        text.contains("Ctrl-S export"),
        "footer from the dialog's keymap: {text}"
    );
    assert!(
        !text.contains("q quit"),
        "q closes the dialog, it does not quit: {text}"
    );
    insta::assert_snapshot!("export_dialog_80x24", text);
}

#[test]
fn export_dialog_after_a_failed_export_asks_before_overwriting() {
    let mut app = open_export(rising());
    let effects = press(&mut app, ctrl('s'));
    assert_eq!(
        effects,
        vec![Effect::Export(Request {
            format: Format::Markdown,
            range: Range::all(),
            path: "~/rekindle-2026-11-23.md".into(),
            force: false,
        })]
    );
    update(
        &mut app,
        Action::ExportFailed {
            why: "the output file already exists: /home/sam/rekindle-2026-11-23.md".into(),
            file_exists: true,
        },
    );
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Press Ctrl-S again to overwrite it."),
        "{text}"
    );
    assert!(
        text.contains("✗ Export failed; the export dialog says why."),
        "status line too: {text}"
    );
    insta::assert_snapshot!("export_dialog_failed_80x24", text);
    // The second Ctrl-S confirms.
    let effects = press(&mut app, ctrl('s'));
    let [Effect::Export(request)] = &effects[..] else {
        panic!("one export: {effects:?}");
    };
    assert!(request.force, "confirmed");
    update(
        &mut app,
        Action::Exported {
            path: "/home/sam/rekindle-2026-11-23.md".into(),
        },
    );
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("✓ Written to /home/sam/rekindle-2026-11-23.md"),
        "the dialog shows where it wrote: {text}"
    );
}

#[test]
fn export_dialog_fields_build_one_request() {
    let mut app = open_export(Journal::default());
    // Format: → twice is CSV; the file's extension follows.
    press(&mut app, key(KeyCode::Right));
    assert_eq!(export_state(&app).path.text(), "~/rekindle-2026-11-23.json");
    press(&mut app, key(KeyCode::Right));
    assert_eq!(export_state(&app).format, Format::Csv);
    assert_eq!(export_state(&app).path.text(), "~/rekindle-2026-11-23.csv");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "2026-11-01");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "2026-11-20");
    press(&mut app, key(KeyCode::Down));
    assert_eq!(export_state(&app).focus, Some(Field::File));
    press(&mut app, ctrl('u'));
    // q and digits in a text field are text; nothing closes or quits.
    let typed = type_text(&mut app, "/tmp/quarterly-1.csv");
    assert!(typed.is_empty() && !app.should_quit);
    assert!(app.overlay.is_some());
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::Export(Request {
            format: Format::Csv,
            range: Range::new(Some(d("2026-11-01")), Some(d("2026-11-20"))).unwrap(),
            path: "/tmp/quarterly-1.csv".into(),
            force: false,
        })]
    );
    // ← on the format goes back round; a path the user typed keeps its own extension.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(export_state(&app).focus, Some(Field::Format));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(export_state(&app).format, Format::Json);
    assert_eq!(export_state(&app).path.text(), "/tmp/quarterly-1.json");
    // Esc leaves a text field, then Esc (or q) closes the dialog without quitting.
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_some(), "the first Esc leaves the field");
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.overlay.is_none());
    assert!(!app.should_quit);
}

#[test]
fn export_dialog_refuses_bad_dates_and_an_empty_file_name_without_an_effect() {
    let mut app = open_export(Journal::default());
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "2026-02-30");
    assert!(press(&mut app, ctrl('s')).is_empty());
    let state = export_state(&app);
    assert!(
        state.error.as_deref().unwrap().starts_with("From:"),
        "{state:?}"
    );
    assert_eq!(state.focus, Some(Field::From));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-11-20");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "2026-11-01");
    assert!(press(&mut app, ctrl('s')).is_empty());
    assert!(
        export_state(&app)
            .error
            .as_deref()
            .unwrap()
            .contains("To is before From")
    );
    press(&mut app, ctrl('u'));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ctrl('u'));
    assert!(press(&mut app, ctrl('s')).is_empty());
    assert_eq!(export_state(&app).focus, Some(Field::File));
}

#[test]
fn editing_the_path_after_an_exists_failure_drops_the_confirmation() {
    let mut app = open_export(Journal::default());
    press(&mut app, ctrl('s'));
    update(
        &mut app,
        Action::ExportFailed {
            why: "the output file already exists: /home/sam/rekindle-2026-11-23.md".into(),
            file_exists: true,
        },
    );
    assert_eq!(export_state(&app).focus, Some(Field::File));
    type_text(&mut app, "x");
    let effects = press(&mut app, ctrl('s'));
    let [Effect::Export(request)] = &effects[..] else {
        panic!("one export: {effects:?}");
    };
    assert_eq!(request.path, "~/rekindle-2026-11-23.mdx");
    assert!(
        !request.force,
        "a different file needs its own confirmation"
    );
    // A failure that is not "exists" never arms the overwrite.
    update(
        &mut app,
        Action::ExportFailed {
            why: "the output directory does not exist: /nope".into(),
            file_exists: false,
        },
    );
    let effects = press(&mut app, ctrl('s'));
    assert!(matches!(&effects[..], [Effect::Export(r)] if !r.force));
}

#[test]
fn carry_out_writes_with_the_cli_rules() {
    use rekindle::paths::Paths;
    use rekindle::store::Store;
    use rekindle::tui::export as carry_out;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(Paths::in_dir(dir.path().join("data")));
    std::fs::create_dir_all(&store.paths.data_dir).unwrap();
    std::fs::write(&store.paths.journal, b"{}").unwrap();
    let app = app_with(rising());
    let target = dir.path().join("week.csv");
    let request = |path: &std::path::Path, force: bool| Request {
        format: Format::Csv,
        range: Range::new(Some(d("2026-11-16")), None).unwrap(),
        path: path.display().to_string(),
        force,
    };
    match carry_out(&request(&target, false), &app, &store) {
        Action::Exported { path } => {
            assert_eq!(path, target.canonicalize().unwrap().display().to_string())
        }
        other => panic!("{other:?}"),
    }
    let csv = std::fs::read_to_string(&target).unwrap();
    // Header, then 11-16 … 11-20 and 11-23.
    assert_eq!(csv.lines().count(), 1 + 6, "{csv}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    assert!(matches!(
        carry_out(&request(&target, false), &app, &store),
        Action::ExportFailed {
            file_exists: true,
            ..
        }
    ));
    assert!(matches!(
        carry_out(&request(&target, true), &app, &store),
        Action::Exported { .. }
    ));
    match carry_out(&request(&store.paths.journal, true), &app, &store) {
        Action::ExportFailed { why, file_exists } => {
            assert!(!file_exists);
            assert!(
                why.contains("never writes over rekindle's own journal"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(&store.paths.journal).unwrap(), b"{}");
}

#[test]
fn trends_and_the_export_dialog_never_panic_at_any_size() {
    let mut apps = vec![
        trends_app(flagged()),
        trends_app(gappy()),
        trends_app(Journal::default()),
        open_export(rising()),
    ];
    let mut support_open = trends_app(rising());
    press(&mut support_open, key(KeyCode::Char('s')));
    apps.push(support_open);
    let mut many_weeks = trends_app(rising());
    for _ in 0..20 {
        press(&mut many_weeks, key(KeyCode::Right));
    }
    apps.push(many_weeks);
    let sizes = (0..=120u16)
        .step_by(7)
        .chain([1, 49, 50, 51, 69, 70, 79, 80])
        .flat_map(|w| {
            (0..=50u16)
                .step_by(3)
                .chain([1, 15, 16, 17, 23, 24])
                .map(move |h| (w, h))
        });
    for (width, height) in sizes {
        for app in &apps {
            let _ = draw(app, width, height);
        }
    }
}

#[test]
fn a_support_text_with_a_long_link_is_never_cut_short() {
    let url = "https://www.example.org/find-a-helpline/your-country/any-time-of-day";
    let mut journal = rising();
    journal.settings.support_text = format!("Helplines near you: {url} (free).");
    let mut app = trends_app(journal);
    let joined = |text: &str| text.split_whitespace().collect::<String>();
    scroll_to_end(&mut app, 50, 16);
    assert!(joined(&screen_text(&app, 50, 16)).contains(url));
    press(&mut app, key(KeyCode::Char('s')));
    let text = screen_text(&app, 50, 16);
    assert!(
        joined(&text.replace('│', "")).contains(&format!("{url}(free).")),
        "{text}"
    );
}

/// Patterns, the worked example X1 of INSIGHTS.md §12 moved to today (Monday 2026-11-23, so a
/// "stretch" runs Tuesday to Monday): check-ins on Wednesday, Friday and the Monday closing each
/// of the last 8 stretches (no two consecutive: no next-day pairs), outside on Wednesdays only,
/// exhaustion 3 on Wednesdays and 6 otherwise; and rest_block on Fridays only, with cynicism 2 on
/// Fridays and 4 otherwise. Efficacy 6 throughout.
fn patterned() -> Journal {
    let mut days = Vec::new();
    for w in 0..8u64 {
        let monday = d("2026-11-23") - Days::new(7 * w);
        for (back, e, c, outside, rest) in [
            (5, 3, 4, true, false),
            (3, 6, 2, false, true),
            (0, 6, 4, false, false),
        ] {
            days.push(format!(
                r#"{{"date": "{}", "exhaustion": {e}, "cynicism": {c}, "efficacy": 6, "habits": {{"outside": {outside}, "rest_block": {rest}}}}}"#,
                monday - Days::new(back)
            ));
        }
    }
    journal_of(&days, "", "", "")
}

/// Scrolls the Trends page until the patterns panel heading is on the first row, or the page
/// ends with the panel on screen.
fn scroll_to_patterns(app: &mut App, width: u16, height: u16) {
    update(app, Action::Resize(width, height));
    for _ in 0..200 {
        let text = screen_text(app, width, height);
        if text.lines().nth(1).is_some_and(|l| l.contains("Patterns"))
            || (text.contains("end of the review") && text.contains("Patterns ·"))
        {
            return;
        }
        press(app, key(KeyCode::Down));
    }
    panic!(
        "the patterns panel never reached the top:\n{}",
        screen_text(app, width, height)
    );
}

#[test]
fn patterns_are_computed_after_the_first_frame_and_kept_until_the_journal_or_day_changes() {
    let mut app = app_with(patterned());
    // App::new (what the first frame draws from) leaves the report for later.
    assert!(app.derived.insights.is_none());
    assert!(app.wants_idle());
    app.screen = Screen::Trends;
    update(&mut app, Action::Resize(80, 24));
    scroll_to_patterns(&mut app, 80, 24);
    assert!(screen_text(&app, 80, 24).contains("Looking for patterns…"));
    // The runtime sends Idle once a frame is on screen.
    update(&mut app, Action::Idle);
    assert!(!app.wants_idle());
    let first = app.derived.insights.clone().expect("computed on Idle");
    assert!(!screen_text(&app, 80, 24).contains("Looking for patterns…"));
    // A minute tick on the same day keeps the very same report.
    update(&mut app, Action::Tick(at("2026-11-23T21:05:00+01:00")));
    let kept = app.derived.insights.clone().expect("kept over a tick");
    assert!(std::sync::Arc::ptr_eq(&first, &kept));
    // A new journal day drops it (the window moved).
    update(&mut app, Action::Tick(at("2026-11-24T04:01:00+01:00")));
    assert!(app.derived.insights.is_none());
    update(&mut app, Action::Idle);
    assert_eq!(
        app.derived.insights.as_ref().unwrap().today,
        d("2026-11-24")
    );
    // A saved change drops it too.
    let journal = app.journal.clone();
    update(
        &mut app,
        Action::Saved {
            journal: Box::new(journal),
            what: "x".into(),
        },
    );
    assert!(app.derived.insights.is_none());
    // Arriving on Trends computes it at once, should the idle moment not have come yet.
    press(&mut app, key(KeyCode::Char('1')));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('4')));
    assert!(app.derived.insights.is_some());
}

#[test]
fn trends_patterns_panel() {
    let mut app = trends_app(patterned());
    let report = app.derived.insights.clone().expect("computed on arriving");
    let summary = report.summary_lines();
    // Fridays also differ in cynicism, so getting outside (Wednesdays) lists both ratings.
    assert_eq!(
        summary[0],
        "On days you got outside (8 days) vs days you didn't (16): exhaustion 3.0 vs 6.0, cynicism 4.0 vs 3.0."
    );
    scroll_to_patterns(&mut app, 80, 24);
    let text = screen_text(&app, 80, 24);
    for line in &summary {
        assert!(flat(&text).contains(line.as_str()), "{line}\n{text}");
    }
    insta::assert_snapshot!("trends_patterns_panel_80x24", text);
    let mut app = trends_app(patterned());
    scroll_to_patterns(&mut app, 50, 16);
    insta::assert_snapshot!("trends_patterns_panel_50x16", screen_text(&app, 50, 16));
}

#[test]
fn trends_patterns_full_view() {
    let mut app = trends_app(patterned());
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, key(KeyCode::Char('p')));
    assert!(app.trends.patterns_open);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Clear patterns"), "{text}");
    assert!(text.contains("p/Esc"), "the footer offers closing: {text}");
    insta::assert_snapshot!("trends_patterns_full_80x24", text);
    // Scrolled to the end: the footer F.
    for _ in 0..5 {
        press(&mut app, key(KeyCode::PageDown));
    }
    let text = screen_text(&app, 80, 24);
    assert!(
        flat(&text.replace('│', "")).contains("A reflection aid, not a diagnosis."),
        "{text}"
    );
    insta::assert_snapshot!("trends_patterns_full_end_80x24", text);
    // `a` adds every comparison; Esc closes.
    press(&mut app, key(KeyCode::Char('a')));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::PageDown));
    }
    let text = screen_text(&app, 80, 24);
    assert!(
        flat(&text.replace('│', "")).contains("no clear difference"),
        "{text}"
    );
    insta::assert_snapshot!("trends_patterns_all_end_80x24", text);
    press(&mut app, key(KeyCode::Esc));
    assert!(!app.trends.patterns_open);
    assert_eq!(app.screen, Screen::Trends);

    let mut app = trends_app(patterned());
    update(&mut app, Action::Resize(50, 16));
    press(&mut app, key(KeyCode::Char('p')));
    insta::assert_snapshot!("trends_patterns_full_50x16", screen_text(&app, 50, 16));
    press(&mut app, key(KeyCode::Char('p')));
    assert!(!app.trends.patterns_open);
}
