//! The state machine without a terminal: keys in, state and effects out (SPEC §4 conventions).

use crate::support::app::*;
use crossterm::event::KeyCode;
use rekindle::app::{Action, Effect, Overlay, update};
use rekindle::journal::{Boundary, Journal, Outcome};
use rekindle::screens::Screen;

/// From exhaustion, ↓ this many times reaches the note (3 ratings, sleep, 5 habits).
const DOWNS_TO_NOTE: usize = 9;

#[test]
fn rating_keys_and_note_then_ctrl_s_yield_one_save_with_those_values() {
    let mut app = app_with(Journal::default());
    assert_eq!(app.screen, Screen::CheckIn);
    press(&mut app, key(KeyCode::Char('7')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('6')));
    for _ in 0..DOWNS_TO_NOTE - 2 {
        press(&mut app, key(KeyCode::Down));
    }
    let typed = type_text(&mut app, "quiet day, q and 1 typed");
    assert!(typed.is_empty(), "typing makes no effects: {typed:?}");
    assert!(!app.should_quit, "q in the note is text");
    let effects = press(&mut app, ctrl('s'));
    let journal = saved_journal(&effects);
    let day = &journal.check_ins[0];
    assert_eq!(day.date.to_string(), "2026-11-23");
    assert_eq!(
        (day.exhaustion.get(), day.cynicism.get(), day.efficacy.get()),
        (7, 4, 6)
    );
    assert_eq!(day.note, "quiet day, q and 1 typed");
    assert_eq!(
        day.recorded_at.unwrap().to_rfc3339(),
        "2026-11-23T21:04:05+01:00"
    );
    // The TUI shows every habit, so it records every one.
    assert_eq!(day.habits.flags(), [Some(false); 5]);
    assert!(
        app.journal.check_ins.is_empty(),
        "memory changes only once the save lands"
    );
}

#[test]
fn typing_q_in_note_does_not_quit_but_esc_then_q_does() {
    let mut app = app_with(Journal::default());
    for _ in 0..DOWNS_TO_NOTE {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Char('q')));
    assert!(!app.should_quit);
    press(&mut app, key(KeyCode::Esc));
    // The note now holds "q": quitting asks first, and `d` discards and quits.
    assert!(press(&mut app, key(KeyCode::Char('q'))).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Leave(_))));
    let effects = press(&mut app, key(KeyCode::Char('d')));
    assert!(app.should_quit);
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn ctrl_c_quits_from_inside_a_text_field() {
    let mut app = app_with(Journal::default());
    for _ in 0..DOWNS_TO_NOTE {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(press(&mut app, ctrl('c')), vec![Effect::Quit]);
}

#[test]
fn arrows_adjust_the_focused_rating_within_0_to_10_and_hjkl_do_not() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('9')));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Right));
    let form = app.check_in.form.as_ref().unwrap();
    assert_eq!(
        form.ratings[0].unwrap().get(),
        10,
        "10 is one → from 9, and stays 10"
    );
    press(&mut app, key(KeyCode::Char('0')));
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(
        app.check_in.form.as_ref().unwrap().ratings[0]
            .unwrap()
            .get(),
        0
    );
    // On a rating h/j/k/l are letters, not keys: nothing changes, the status says where
    // typing goes.
    for c in ['l', 'j', 'k', 'h'] {
        press(&mut app, key(KeyCode::Char(c)));
    }
    let form = app.check_in.form.as_ref().unwrap();
    assert_eq!(form.ratings[0].unwrap().get(), 0);
    assert_eq!(
        form.focus,
        Some(rekindle::screens::check_in::Field::Rating(0))
    );
    assert!(app.status.as_ref().unwrap().text.contains("↓ to the note"));
    // The arrows move; digits typed after the letters' second set the rating again.
    press(&mut app, key(KeyCode::Down));
    rekindle::app::update_at(
        &mut app,
        at("2026-11-23T21:04:07+01:00"),
        Action::Key(key(KeyCode::Char('3'))),
    );
    let form = app.check_in.form.as_ref().unwrap();
    assert_eq!(form.ratings[1].unwrap().get(), 3);
    assert_eq!(
        app.screen,
        Screen::CheckIn,
        "digits on a rating set it, never switch screens"
    );
}

#[test]
fn saving_without_all_three_ratings_keeps_the_form_and_says_why() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('7')));
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    let form = app.check_in.form.as_ref().expect("form kept");
    assert_eq!(form.ratings[0].unwrap().get(), 7);
    assert!(form.error.as_deref().unwrap().contains("cynicism"));
    assert!(app.status.as_ref().unwrap().is_error);
}

#[test]
fn a_failed_save_keeps_the_form_and_says_why() {
    let mut app = app_with(Journal::default());
    type_text(&mut app, "5");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "5");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "5");
    let effects = press(&mut app, ctrl('s'));
    assert_eq!(effects.len(), 1);
    update(
        &mut app,
        Action::SaveFailed {
            why: "disk full".into(),
        },
    );
    let status = app.status.as_ref().unwrap();
    assert!(
        status.is_error && status.text.contains("disk full"),
        "{status:?}"
    );
    let form = app.check_in.form.as_ref().expect("the form is kept");
    assert_eq!(form.ratings[2].unwrap().get(), 5);
    assert!(app.journal.check_ins.is_empty());
}

#[test]
fn after_a_save_the_day_shows_read_only_and_e_edits_it() {
    let mut app = app_with(Journal::default());
    rate(&mut app, ['7', '4', '5']);
    let effects = press(&mut app, ctrl('s'));
    settle(&mut app, effects);
    assert_eq!(app.journal.check_ins.len(), 1);
    assert!(app.check_in.form.is_none(), "shows the saved day");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("/data/rekindle/journal.json")
    );
    // With no field focused, digits switch screens.
    press(&mut app, key(KeyCode::Char('5')));
    assert_eq!(app.screen, Screen::Journal);
    press(&mut app, key(KeyCode::Char('1')));
    press(&mut app, key(KeyCode::Char('e')));
    let form = app.check_in.form.as_ref().expect("e edits");
    assert_eq!(form.ratings[0].unwrap().get(), 7);
}

#[test]
fn reopening_with_todays_check_in_shows_it_with_nothing_focused() {
    let mut journal = Journal::default();
    let mut app = app_with(journal.clone());
    rate(&mut app, ['2', '3', '8']);
    if let Effect::Save { journal: saved, .. } = &press(&mut app, ctrl('s'))[0] {
        journal = (**saved).clone();
    }
    let mut reopened = app_with(journal);
    assert!(reopened.check_in.form.is_none());
    press(&mut reopened, key(KeyCode::Enter));
    assert!(reopened.check_in.form.is_some(), "Enter edits too");
}

#[test]
fn tab_switches_screens_and_the_form_keeps_its_values() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('8')));
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::Connections);
    press(&mut app, key(KeyCode::BackTab));
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.screen, Screen::Settings);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::CheckIn);
    assert_eq!(
        app.check_in.form.as_ref().unwrap().ratings[0]
            .unwrap()
            .get(),
        8
    );
}

#[test]
fn help_overlay_opens_and_closes_and_takes_the_keys() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('?')));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.overlay.is_none());
    assert!(!app.should_quit, "q closes the overlay first");
}

#[test]
fn journal_screen_opens_a_missed_day_for_backfill() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::CheckIn);
    rate(&mut app, ['3', '3', '7']);
    let effects = press(&mut app, ctrl('s'));
    let journal = saved_journal(&effects);
    assert_eq!(
        journal.check_ins[0].date.to_string(),
        "2026-11-21",
        "two days back"
    );
}

#[test]
fn todays_boundaries_are_listed_for_kept_or_slipped() {
    let mut journal = Journal::default();
    journal.boundaries.push(serde_json::from_str::<Boundary>(
        r#"{"id":"b-1","text":"No work email after 19:00","from":"19:00","until":"07:00","days":["mon"]}"#,
    ).unwrap());
    journal.boundaries.push(
        serde_json::from_str::<Boundary>(
            r#"{"id":"b-2","text":"Weekend off","days":["sat","sun"]}"#,
        )
        .unwrap(),
    );
    let mut app = app_with(journal);
    let form = app.check_in.form.as_ref().unwrap();
    assert_eq!(
        form.boundaries.len(),
        1,
        "only Monday's boundary applies on a Monday"
    );
    rate(&mut app, ['5', '5', '5']);
    for _ in 0..6 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    let effects = press(&mut app, ctrl('s'));
    let saved = saved_journal(&effects);
    assert_eq!(
        saved.check_ins[0].boundaries.get("b-1"),
        Some(&Outcome::Slipped)
    );
}

#[test]
fn the_app_rolls_over_to_the_new_day_at_day_start() {
    let mut journal = Journal::default();
    let mut app = app_with(journal.clone());
    rate(&mut app, ['2', '3', '8']);
    if let Effect::Save { journal: saved, .. } = &press(&mut app, ctrl('s'))[0] {
        journal = (**saved).clone();
    }
    let mut app = app_with(journal);
    assert!(app.check_in.form.is_none(), "today is done");
    update(&mut app, Action::Tick(at("2026-11-24T03:59:00+01:00")));
    assert_eq!(
        app.today.to_string(),
        "2026-11-23",
        "before 04:00 it is still Monday"
    );
    update(&mut app, Action::Tick(at("2026-11-24T04:00:00+01:00")));
    assert_eq!(app.today.to_string(), "2026-11-24");
    let form = app
        .check_in
        .form
        .as_ref()
        .expect("a fresh form for the new day");
    assert_eq!(form.date.to_string(), "2026-11-24");
}

#[test]
fn settings_form_refuses_a_bad_time_and_keeps_the_form() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('6')));
    // Settings opens on its first field: → changes the week start at once.
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.settings.week_start, chrono::Weekday::Tue);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "25:00");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    let (_, why) = app.settings.error.as_ref().expect("inline message");
    assert!(why.contains("HH:MM"), "{why}");
    assert_eq!(
        app.settings.day_start.text(),
        "25:00",
        "the form keeps what was typed"
    );
    press(&mut app, ctrl('u'));
    type_text(&mut app, "12:00");
    let effects = press(&mut app, ctrl('s'));
    let saved = saved_journal(&effects).clone();
    assert_eq!(saved.settings.week_starts_on.name(), "tuesday");
    assert_eq!(saved.settings.day_starts_at.to_string(), "12:00");
    settle(&mut app, effects);
    // 21:04 is after 12:00, so today is still Monday; the new day start applies at once.
    update(&mut app, Action::Tick(at("2026-11-24T11:00:00+01:00")));
    assert_eq!(
        app.today.to_string(),
        "2026-11-23",
        "before noon belongs to the previous day"
    );
}

/// Apps in the states whose keymaps differ: each screen, each check-in field, each settings
/// field, the saved view, a filled journal.
fn states() -> Vec<(String, rekindle::app::App)> {
    let mut out = Vec::new();
    let fields = {
        let app = app_with(Journal::default());
        app.check_in.form.as_ref().unwrap().fields().len()
    };
    for downs in 0..fields {
        let mut app = app_with(Journal::default());
        for _ in 0..downs {
            press(&mut app, key(KeyCode::Down));
        }
        out.push((format!("check-in field {downs}"), app));
    }
    let mut saved = app_with(Journal::default());
    rate(&mut saved, ['5', '5', '5']);
    let effects = press(&mut saved, ctrl('s'));
    settle(&mut saved, effects);
    out.push(("check-in saved".into(), saved));
    for screen in Screen::ALL {
        let mut app = app_with(Journal::default());
        press(&mut app, key(KeyCode::Esc));
        app.screen = screen;
        // Down once so "up" has somewhere to go.
        press(&mut app, key(KeyCode::Down));
        out.push((format!("{screen:?}"), app));
        for downs in 2..4 {
            let mut app = app_with(Journal::default());
            press(&mut app, key(KeyCode::Esc));
            app.screen = screen;
            for _ in 0..downs {
                press(&mut app, key(KeyCode::Down));
            }
            out.push((format!("{screen:?} after {downs} downs"), app));
        }
    }
    out
}

#[test]
fn every_advertised_key_does_something() {
    use rekindle::app::global_bindings;
    for (label, app) in states() {
        for hint in app.hints() {
            // Rebuild the same state for each key, so one key's effect cannot hide another's.
            let (_, mut fresh) = states().into_iter().find(|(l, _)| *l == label).unwrap();
            let before = format!("{fresh:?}");
            let effects = press(&mut fresh, hint.example);
            let after = format!("{fresh:?}");
            assert!(
                before != after || !effects.is_empty(),
                "{label}: advertised key {} ({}) did nothing",
                hint.keys,
                hint.does
            );
        }
    }
    for binding in global_bindings() {
        let mut app = app_with(Journal::default());
        press(&mut app, key(KeyCode::Esc));
        let before = format!("{app:?}");
        let effects = press(&mut app, binding.example);
        assert!(
            before != format!("{app:?}") || !effects.is_empty(),
            "{} does nothing",
            binding.keys
        );
    }
}

#[test]
fn a_failed_check_in_save_is_not_closed_by_a_later_save_elsewhere() {
    let mut app = app_with(Journal::default());
    rate(&mut app, ['7', '4', '5']);
    press(&mut app, ctrl('s'));
    update(
        &mut app,
        Action::SaveFailed {
            why: "disk full".into(),
        },
    );
    // Now save the settings successfully (Esc first: the focus is in the sleep field).
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('6')));
    assert_eq!(app.screen, Screen::Settings);
    let effects = press(&mut app, ctrl('s'));
    settle(&mut app, effects);
    let form = app
        .check_in
        .form
        .as_ref()
        .expect("the unsaved check-in is still open");
    assert_eq!(form.ratings[0].unwrap().get(), 7);
    assert!(app.journal.check_ins.is_empty());
}
