//! Every screen drawn on a `TestBackend` at 80x24 and at the smallest supported size (50x16),
//! in the states that matter. Each snapshot was read by hand before it was accepted.

use crate::support::app::*;
use crossterm::event::KeyCode;
use rekindle::app::{Action, update};
use rekindle::journal::{self, Journal};

/// A small journal: three check-ins, one boundary in force at 21:04 on a Monday, a connection.
fn filled() -> Journal {
    journal::decode(
        br#"{
  "format": "rekindle-journal",
  "version": 1,
  "check_ins": [
    { "date": "2026-11-20", "exhaustion": 6, "cynicism": 3, "efficacy": 6, "note": "Shipped the migration." },
    { "date": "2026-11-21", "exhaustion": 4, "cynicism": 2, "efficacy": 7,
      "habits": { "sleep_hours": 8, "outside": true } },
    { "date": "2026-11-23", "exhaustion": 7, "cynicism": 4, "efficacy": 5,
      "note": "Back-to-back incident calls.\nSkipped lunch again.",
      "habits": { "sleep_hours": 6.5, "exercise": false, "outside": true, "mindful": false, "rest_block": true, "disconnected": false },
      "boundaries": { "b-1": "kept" } }
  ],
  "connections": [
    { "id": "c-20261122-1", "date": "2026-11-22", "person": "Sam", "kind": "call", "initiated_by": "me",
      "felt": "nourishing", "gratitude": "Sam checked in on me first last week." }
  ],
  "boundaries": [
    { "id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00",
      "days": ["mon", "tue", "wed", "thu", "fri"] }
  ]
}"#,
    )
    .expect("fixture journal is valid")
}

fn first_run() -> rekindle::app::App {
    let mut app = app_with(Journal::default());
    app.welcome = true;
    app
}

#[test]
fn check_in_first_run() {
    let app = first_run();
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Welcome to rekindle"));
    assert!(text.contains("How spent do you feel today, body and mind?"));
    assert!(text.contains("fresh, energy to spare"));
    insta::assert_snapshot!("check_in_first_run_80x24", text);
    insta::assert_snapshot!("check_in_first_run_50x16", screen_text(&app, 50, 16));
}

#[test]
fn check_in_saved_day_with_banner() {
    let app = app_with(filled());
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("21:04 — you said: No work email after 19:00"),
        "{text}"
    );
    assert!(
        text.contains("53 of 100"),
        "E7 C4 F5: S 16, composite 53.3 shown whole: {text}"
    );
    assert!(text.contains("high strain"));
    assert!(text.contains("A reflection aid, not a diagnosis."));
    insta::assert_snapshot!("check_in_saved_80x24", text);
    insta::assert_snapshot!("check_in_saved_50x16", screen_text(&app, 50, 16));
}

#[test]
fn check_in_editing_a_past_day_with_an_error() {
    let mut app = app_with(filled());
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('9')));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Sunday 22 November 2026 (a past day)"),
        "{text}"
    );
    press(&mut app, ctrl('s'));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Rate cynicism first"), "{text}");
    insta::assert_snapshot!("check_in_past_day_error_80x24", text);
    insta::assert_snapshot!("check_in_past_day_error_50x16", screen_text(&app, 50, 16));
}

#[test]
fn check_in_save_failed() {
    let mut app = first_run();
    rate(&mut app, ['7', '4', '5']);
    press(&mut app, ctrl('s'));
    update(
        &mut app,
        Action::SaveFailed {
            why: "cannot write /data/rekindle/journal.json: No space left on device (os error 28)"
                .into(),
        },
    );
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Not saved"), "{text}");
    insta::assert_snapshot!("check_in_save_failed_80x24", text);
}

#[test]
fn journal_screen_shows_gaps() {
    let mut app = app_with(filled());
    press(&mut app, key(KeyCode::Char('5')));
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Sun 2026-11-22  ·  no check-in"),
        "missed days are gaps: {text}"
    );
    insta::assert_snapshot!("journal_80x24", text);
    insta::assert_snapshot!("journal_50x16", screen_text(&app, 50, 16));
}

#[test]
fn settings_screen() {
    let mut app = app_with(filled());
    press(&mut app, key(KeyCode::Char('6')));
    insta::assert_snapshot!("settings_80x24", screen_text(&app, 80, 24));
    insta::assert_snapshot!("settings_50x16", screen_text(&app, 50, 16));
}

/// `days_off` on the Settings screen: the CLI's parser, its refusal shown under the field, and
/// the saved value read back in the field's long form.
#[test]
fn settings_days_off_are_checked_like_the_cli_and_saved() {
    use rekindle::screens::settings::Field;
    let mut app = app_with(filled());
    press(&mut app, key(KeyCode::Char('6')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.settings.focus, Some(Field::DaysOff));
    assert_eq!(app.settings.days_off.text(), "saturday,sunday");
    for _ in 0..20 {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "fri funday");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("✗ days_off cannot be"), "{text}");
    for _ in 0..7 {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, " SAT");
    let effects = press(&mut app, ctrl('s'));
    settle(&mut app, effects);
    assert_eq!(app.journal.settings.days_off.to_string(), "friday,saturday");
    assert_eq!(app.settings.days_off.text(), "friday,saturday");
    assert!(!screen_text(&app, 80, 24).contains('✗'));
}

#[test]
fn help_overlay_ends_with_a_long_support_text_wrapped_whole() {
    let mut journal = filled();
    journal.settings.support_text = "If today feels too heavy, please reach out. In the UK and Ireland the Samaritans answer day and night on 116 123, free from any phone. In the US and Canada call or text 988. Or call Jo, my therapist, on 0161 555 0199 (weekdays).".into();
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Char('?')));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("116 123"), "{text}");
    assert!(
        text.contains("(weekdays)."),
        "the end of the support text is on screen: {text}"
    );
    insta::assert_snapshot!("help_long_support_80x24", text);
}

#[test]
fn recovery_screen() {
    let app = rekindle::app::App::recovery(
        "/data/rekindle/journal.json".into(),
        "the file ends too early (truncated?) (at check_ins, line 41 column 3)".into(),
        vec![
            rekindle::screens::recovery::Backup {
                path: "/data/rekindle/backups/journal-2026-11-23.json".into(),
                taken: at("2026-11-23T08:12:00+01:00").naive_local(),
                check_ins: Some(214),
                last_date: Some(at("2026-11-22T12:00:00+01:00").date_naive()),
            },
            rekindle::screens::recovery::Backup {
                path: "/data/rekindle/backups/journal-2026-11-22.json".into(),
                taken: at("2026-11-22T07:55:00+01:00").naive_local(),
                check_ins: None,
                last_date: None,
            },
        ],
        at("2026-11-23T21:04:05+01:00"),
        rekindle::ui::theme::Theme::new(true),
    );
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("could not read your journal"));
    insta::assert_snapshot!("recovery_80x24", text);
    insta::assert_snapshot!("recovery_50x16", screen_text(&app, 50, 16));
}

#[test]
fn too_small_says_what_it_needs() {
    let app = first_run();
    let text = screen_text(&app, 40, 10);
    assert!(text.contains("terminal too small (need 50×16)"), "{text}");
    let joined = screen_text(&app, 20, 6).replace('\n', " ");
    assert!(
        joined.contains("terminal too small (need"),
        "wrapped at 20 columns: {joined}"
    );
}

#[test]
fn never_panics_at_any_size() {
    let apps = [first_run(), app_with(filled())];
    for app in &apps {
        for width in 0..=120u16 {
            for height in 0..=50u16 {
                let _ = draw(app, width, height);
            }
        }
    }
}

#[test]
fn focus_is_visible_without_colour() {
    let app = first_run();
    let buffer = draw(&app, 80, 24);
    // "› Exhaustion" on row 4 (tab bar, title, two welcome lines): the marker and a reversed name.
    let row = (0..24).find(|y| {
        (0..80)
            .map(|x| buffer[(x, *y)].symbol())
            .collect::<String>()
            .contains("› Exhaustion")
    });
    let y = row.expect("focused field marked with ›");
    let x = (0..80).find(|x| buffer[(*x, y)].symbol() == "E").unwrap();
    assert!(
        buffer[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert_eq!(
        buffer[(x, y)].fg,
        ratatui::style::Color::Reset,
        "NO_COLOR: no colour at all"
    );
}

#[test]
fn a_long_reminder_is_cut_with_an_ellipsis_not_mid_word() {
    let mut journal = Journal::default();
    journal.boundaries.push(
        serde_json::from_str(
            r#"{"id":"b-1","text":"Never answer the on-call phone after dinner unless it is a real incident with customers affected"}"#,
        )
        .unwrap(),
    );
    let app = app_with(journal);
    let text = screen_text(&app, 80, 24);
    let banner = text.lines().nth(1).unwrap();
    assert!(
        banner.starts_with(" » 21:04 — you said: Never answer"),
        "{banner}"
    );
    assert!(banner.ends_with('…'), "{banner}");
    assert!(unicode_width::UnicodeWidthStr::width(banner) <= 80);
}
