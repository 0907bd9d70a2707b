//! Forgiving keys (SPEC §4): a paste goes whole into the focused text field, a changed form is
//! never left without asking, `1` `0` makes ten, letters on a rating change nothing, "too small"
//! means only quit, and screen 1 always comes back to today.

use crate::support::app::*;
use crossterm::event::KeyCode;
use rekindle::app::{Action, App, Effect, Overlay, Why, update, update_at};
use rekindle::journal::Journal;
use rekindle::screens::Screen;
use rekindle::screens::check_in::Field;

/// From exhaustion, ↓ this many times reaches the note (3 ratings, sleep, 5 habits).
const DOWNS_TO_NOTE: usize = 9;

fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    update(app, Action::Paste(text.to_string()))
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn the_save(effects: &[Effect]) -> Journal {
    let saves: Vec<Journal> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save { journal, .. } => Some((**journal).clone()),
            _ => None,
        })
        .collect();
    assert_eq!(saves.len(), 1, "exactly one save: {effects:?}");
    saves.into_iter().next().unwrap()
}

fn form(app: &App) -> &rekindle::screens::check_in::Form {
    app.check_in
        .form
        .as_ref()
        .expect("the check-in form is open")
}

fn asking(app: &App) -> Option<Why> {
    match &app.overlay {
        Some(Overlay::Leave(question)) => Some(question.why),
        _ => None,
    }
}

#[test]
fn a_multi_line_paste_into_the_note_saves_the_whole_note_and_nothing_else() {
    let mut app = app_with(Journal::default());
    rate(&mut app, ['6', '3', '7']);
    for _ in 0..DOWNS_TO_NOTE - 3 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(form(&app).focus, Some(Field::Note));
    let before = form(&app).clone();
    // Keys inside it (q quits, 5 switches screens, Esc leaves) must stay text.
    let effects = paste(&mut app, "Long day.\r\nq then 5\r\n\tEsc and x");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!app.should_quit && app.overlay.is_none());
    assert_eq!(app.screen, Screen::CheckIn);
    assert_eq!(form(&app).focus, Some(Field::Note));
    assert_eq!(form(&app).ratings, before.ratings, "no rating changed");
    assert_eq!(form(&app).habits, before.habits);
    let journal = the_save(&press(&mut app, ctrl('s')));
    let day = &journal.check_ins[0];
    assert_eq!(day.note, "Long day.\nq then 5\n Esc and x");
    assert_eq!(
        (day.exhaustion.get(), day.cynicism.get(), day.efficacy.get()),
        (6, 3, 7)
    );
    assert_eq!(day.habits.sleep_hours, None);
}

#[test]
fn a_paste_with_a_rating_focused_changes_nothing_and_says_where_to_paste() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('4')));
    let before = form(&app).clone();
    let effects = paste(&mut app, "Long day.\r\nq then 5\r\n");
    assert!(effects.is_empty());
    assert_eq!(*form(&app), before, "the form is untouched");
    assert!(!app.should_quit && app.overlay.is_none());
    assert_eq!(app.screen, Screen::CheckIn);
    assert_eq!(
        status(&app),
        "Paste ignored: move to the note to paste",
        "the status line says where a paste goes"
    );
}

#[test]
fn a_paste_that_lands_after_an_ignored_one_clears_the_advice() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('4')));
    paste(&mut app, "first try");
    assert!(
        status(&app).starts_with("Paste ignored"),
        "{}",
        status(&app)
    );
    for _ in 0..DOWNS_TO_NOTE {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(form(&app).focus, Some(Field::Note));
    paste(&mut app, "second try");
    assert!(
        !status(&app).contains("Paste ignored"),
        "the advice was followed: {}",
        status(&app)
    );
    assert_eq!(form(&app).note.text(), "second try");
}

#[test]
fn a_paste_into_a_one_line_field_joins_its_lines() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('2')));
    press(&mut app, key(KeyCode::Char('a')));
    paste(&mut app, "Sam\r\nOkafor\n");
    let form = app.connections.form.as_ref().expect("the add form");
    assert_eq!(form.person.text(), "Sam Okafor");
}

#[test]
fn q_with_a_changed_form_asks_and_keep_editing_keeps_it() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('7')));
    let effects = press(&mut app, key(KeyCode::Char('q')));
    assert!(effects.is_empty(), "nothing quits yet: {effects:?}");
    assert!(!app.should_quit);
    assert_eq!(asking(&app), Some(Why::Quit));
    assert!(
        screen_text(&app, 80, 24).contains("Keep editing")
            || screen_text(&app, 80, 24).contains("keep editing")
    );
    press(&mut app, key(KeyCode::Char('k')));
    assert_eq!(asking(&app), None);
    assert!(!app.should_quit);
    assert_eq!(form(&app).ratings[0].unwrap().get(), 7, "the draft stays");
    // Esc keeps editing too; `s` saves, then quits once the save has landed.
    press(&mut app, key(KeyCode::Char('q')));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(asking(&app), None);
    rate(&mut app, ['7', '2', '8']);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('q')));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    assert_eq!(the_save(&effects).check_ins.len(), 1);
    assert!(!app.should_quit, "not before the save lands");
    let Some(Effect::Save { journal, what }) = effects.into_iter().next() else {
        unreachable!()
    };
    let after = update(&mut app, Action::Saved { journal, what });
    assert_eq!(after, vec![Effect::Quit]);
    assert!(app.should_quit);
}

#[test]
fn an_unchanged_form_quits_at_once_and_a_second_ctrl_c_quits_without_saving() {
    let mut app = app_with(Journal::default());
    assert_eq!(press(&mut app, key(KeyCode::Char('q'))), vec![Effect::Quit]);

    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('3')));
    assert!(press(&mut app, ctrl('c')).is_empty());
    assert_eq!(asking(&app), Some(Why::Quit));
    assert_eq!(press(&mut app, ctrl('c')), vec![Effect::Quit]);
    assert!(app.should_quit);
}

#[test]
fn a_draft_on_another_screen_is_shown_when_quitting_and_tab_keeps_it() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('8')));
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::Boundaries);
    press(&mut app, key(KeyCode::Char('q')));
    assert_eq!(app.screen, Screen::CheckIn, "the draft is shown");
    assert_eq!(asking(&app), Some(Why::Quit));
    let effects = press(&mut app, key(KeyCode::Char('d')));
    assert_eq!(
        effects,
        vec![Effect::Quit],
        "discarded, nothing else is open"
    );
}

#[test]
fn esc_esc_on_a_changed_form_asks_and_discard_cancels() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.check_in.form.is_some(), "not cancelled yet");
    assert!(matches!(asking(&app), Some(Why::Form(_))));
    press(&mut app, key(KeyCode::Char('d')));
    assert!(
        status(&app).contains("nothing was saved"),
        "{}",
        status(&app)
    );
    assert_eq!(form(&app).ratings[0], None, "today's form starts again");
    assert!(!app.should_quit);
}

#[test]
fn the_day_rolling_over_under_a_changed_form_asks_and_keys_in_that_second_stay_text() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('6')));
    for _ in 0..DOWNS_TO_NOTE {
        press(&mut app, key(KeyCode::Down));
    }
    type_text(&mut app, "late");
    update(&mut app, Action::Tick(at("2026-11-24T04:00:00+01:00")));
    assert_eq!(asking(&app), Some(Why::NewDay));
    // Typed in the same second the question appeared: the key is text, the question steps aside.
    update_at(
        &mut app,
        at("2026-11-24T04:00:00+01:00"),
        Action::Key(key(KeyCode::Char('d'))),
    );
    assert_eq!(asking(&app), None);
    assert_eq!(form(&app).note.text(), "lated");
    assert_eq!(form(&app).date.to_string(), "2026-11-23");
    // Asked again on quitting; `d` discards Monday's draft and quits.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('q')));
    let effects = update_at(
        &mut app,
        at("2026-11-24T04:00:05+01:00"),
        Action::Key(key(KeyCode::Char('d'))),
    );
    assert_eq!(effects, vec![Effect::Quit]);
}

#[test]
fn one_then_zero_quickly_sets_ten_and_a_single_digit_sets_itself() {
    let mut app = app_with(Journal::default());
    let key_at = |app: &mut App, time: &str, c: char| {
        update_at(app, at(time), Action::Key(key(KeyCode::Char(c))));
    };
    key_at(&mut app, "2026-11-23T21:04:05+01:00", '1');
    assert_eq!(form(&app).ratings[0].unwrap().get(), 1);
    key_at(&mut app, "2026-11-23T21:04:06+01:00", '0');
    assert_eq!(
        form(&app).ratings[0].unwrap().get(),
        10,
        "1 0 within a second"
    );
    key_at(&mut app, "2026-11-23T21:04:08+01:00", '1');
    key_at(&mut app, "2026-11-23T21:04:10+01:00", '0');
    assert_eq!(form(&app).ratings[0].unwrap().get(), 0, "a slow 0 is zero");
    key_at(&mut app, "2026-11-23T21:04:20+01:00", '7');
    assert_eq!(form(&app).ratings[0].unwrap().get(), 7);
    // 1, ↓, 0 is one and zero on two ratings.
    key_at(&mut app, "2026-11-23T21:04:30+01:00", '1');
    press(&mut app, key(KeyCode::Down));
    key_at(&mut app, "2026-11-23T21:04:30+01:00", '0');
    assert_eq!(form(&app).ratings[0].unwrap().get(), 1);
    assert_eq!(form(&app).ratings[1].unwrap().get(), 0);
    let hints: Vec<String> = app
        .hints()
        .iter()
        .map(|h| format!("{} {}", h.keys, h.does))
        .collect();
    assert!(
        hints.contains(&"0–10 set (1 0 for ten)".to_string()),
        "{hints:?}"
    );
}

#[test]
fn a_sentence_typed_on_a_rating_changes_nothing_and_says_where_typing_goes() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('4')));
    press(&mut app, key(KeyCode::Down));
    let before = form(&app).clone();
    let screen = app.screen;
    let effects = type_text(&mut app, "honestly, I slept 5 hours; just okay. Quiet day?");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(*form(&app).ratings.first().unwrap(), before.ratings[0]);
    assert_eq!(form(&app).ratings, before.ratings, "no rating changed");
    assert_eq!(form(&app).focus, before.focus, "the focus did not move");
    assert_eq!(app.screen, screen);
    assert!(app.overlay.is_none() && !app.should_quit);
    assert!(
        status(&app).contains("↓ to the note to write"),
        "{}",
        status(&app)
    );
    // An arrow ends the typing: keys work again.
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::Char('9')));
    assert_eq!(form(&app).ratings[0].unwrap().get(), 9);
}

#[test]
fn under_too_small_only_quit_acts() {
    let mut app = app_with(Journal::default());
    update(&mut app, Action::Resize(40, 12));
    let before = format!("{:?}", app.check_in);
    for k in [
        key(KeyCode::Char('7')),
        key(KeyCode::Down),
        key(KeyCode::Tab),
        key(KeyCode::Char('x')),
        key(KeyCode::Char('?')),
        key(KeyCode::Esc),
        ctrl('s'),
    ] {
        assert!(press(&mut app, k).is_empty(), "{k:?}");
    }
    paste(&mut app, "text");
    assert_eq!(format!("{:?}", app.check_in), before, "nothing changed");
    assert_eq!(app.screen, Screen::CheckIn);
    assert!(app.overlay.is_none());
    assert_eq!(press(&mut app, key(KeyCode::Char('q'))), vec![Effect::Quit]);
}

#[test]
fn one_after_opening_a_past_day_shows_today() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::CheckIn);
    assert_eq!(form(&app).date.to_string(), "2026-11-21");
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Saturday 21 November 2026"), "{text}");
    assert!(text.contains("t today"), "the way back is shown:\n{text}");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Char('1')));
    assert_eq!(app.screen, Screen::CheckIn);
    assert_eq!(form(&app).date.to_string(), "2026-11-23", "today again");
    // `t` goes back too.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char('t')));
    assert_eq!(form(&app).date.to_string(), "2026-11-23");
}

#[test]
fn settings_opens_with_its_first_field_focused() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('6')));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(app.settings.week_start, chrono::Weekday::Sun);
    // Changed, then left with Tab and quit: asked.
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Char('q')));
    assert_eq!(app.screen, Screen::Settings);
    assert_eq!(asking(&app), Some(Why::Quit));
}
