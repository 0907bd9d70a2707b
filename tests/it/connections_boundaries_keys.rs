//! The Connections and Boundaries screens and the reminder banner as a state machine: keys in,
//! state and effects out, no terminal (SPEC §4 conventions).

use crate::support::app::*;
use crate::support::social::filled;
use crossterm::event::KeyCode;
use rekindle::app::{Action, App, Effect, update};
use rekindle::journal::{Felt, InitiatedBy, Journal, Kind};
use rekindle::screens::{self, Screen};
use rekindle::ui::component::Component;

fn on_screen(journal: Journal, screen: Screen) -> App {
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Esc));
    press(
        &mut app,
        key(KeyCode::Char((b'0' + screen.number()) as char)),
    );
    assert_eq!(app.screen, screen);
    app
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

// ---- Connections -------------------------------------------------------------------------

#[test]
fn a_name_and_ctrl_s_log_a_connection_with_the_defaults() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    let typed = type_text(&mut app, "Jo 2");
    assert!(typed.is_empty(), "typing makes no effects");
    assert_eq!(app.screen, Screen::Connections, "2 in a name is text");
    let effects = press(&mut app, ctrl('s'));
    let journal = saved_journal(&effects);
    assert_eq!(journal.connections.len(), 1);
    let c = &journal.connections[0];
    assert_eq!(c.person, "Jo 2");
    assert!(c.id.starts_with("c-20261123-"), "{}", c.id);
    assert_eq!(c.date.to_string(), "2026-11-23");
    assert_eq!(
        (c.kind, c.initiated_by, c.felt),
        (Kind::Message, InitiatedBy::Me, Felt::Neutral)
    );
    assert_eq!(
        c.recorded_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-11-23T21:04:05+01:00")
    );
    assert!(c.note.is_empty() && c.gratitude.is_empty());
    assert!(
        app.journal.connections.is_empty(),
        "memory changes only once the save lands"
    );
    settle(&mut app, effects);
    assert_eq!(app.journal.connections.len(), 1);
    assert!(app.connections.form.is_none(), "the form closes once saved");
    assert!(status(&app).contains("Logged the connection with Jo 2"));
}

#[test]
fn an_empty_name_is_refused_and_the_form_kept() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "   ");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Right));
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    let form = app.connections.form.as_ref().expect("the form is kept");
    assert_eq!(form.kind, Kind::Call, "with what was chosen");
    assert_eq!(
        form.focus,
        Some(screens::connections::Field::Person),
        "focus goes to the field at fault"
    );
    let (_, why) = form.error.as_ref().expect("an inline message");
    assert!(why.contains("a connection needs a person's name"), "{why}");
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
}

#[test]
fn a_future_or_malformed_date_is_refused() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Sam");
    for _ in 0..6 {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-11-24");
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    let (_, why) = app
        .connections
        .form
        .as_ref()
        .unwrap()
        .error
        .clone()
        .unwrap();
    assert!(why.contains("in the future"), "{why}");
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-11-31");
    assert!(press(&mut app, ctrl('s')).is_empty());
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-11-20");
    let effects = press(&mut app, key(KeyCode::Enter));
    let journal = saved_journal(&effects);
    assert!(
        journal.connections[0].id.starts_with("c-20261120-"),
        "Enter on the last field saves"
    );
}

#[test]
fn choices_cycle_with_left_and_right_and_are_saved() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Mum");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Left));
    assert_eq!(
        app.connections.form.as_ref().unwrap().kind,
        Kind::Other,
        "← wraps from the first"
    );
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('l')));
    press(&mut app, key(KeyCode::Char('l')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('h')));
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "garden");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "she called first");
    let journal = saved_journal(&press(&mut app, ctrl('s'))).clone();
    let c = &journal.connections[0];
    assert_eq!(
        (c.kind, c.initiated_by, c.felt),
        (Kind::Video, InitiatedBy::Mutual, Felt::Nourishing)
    );
    assert_eq!(
        (c.note.as_str(), c.gratitude.as_str()),
        ("garden", "she called first")
    );
}

#[test]
fn esc_leaves_a_field_keeping_its_text_then_cancels_the_form() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Sa");
    press(&mut app, key(KeyCode::Esc));
    let form = app.connections.form.as_ref().expect("still open");
    assert_eq!(form.focus, None);
    assert_eq!(form.person.text(), "Sa", "text kept");
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(
        app.connections.form.as_ref().unwrap().person.text(),
        "Sa",
        "switching screens keeps the form"
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(
        matches!(app.overlay, Some(rekindle::app::Overlay::Leave(_))),
        "Esc with no field asks first: the form holds a name"
    );
    assert!(app.connections.form.is_some());
    press(&mut app, key(KeyCode::Char('d')));
    assert!(app.connections.form.is_none(), "d discards");
    assert!(status(&app).contains("nothing was saved"));
}

#[test]
fn typing_q_in_a_name_is_text_and_ctrl_c_still_quits() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "qbdpa");
    assert!(!app.should_quit);
    assert_eq!(
        app.connections.form.as_ref().unwrap().person.text(),
        "qbdpa"
    );
    // The form holds a name: the first Ctrl-C asks, a second one quits without saving.
    assert_eq!(press(&mut app, ctrl('c')), vec![]);
    assert!(!app.should_quit);
    assert_eq!(press(&mut app, ctrl('c')), vec![Effect::Quit]);
}

#[test]
fn right_arrow_at_the_end_of_a_name_completes_from_people_logged() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "sa");
    let form = app.connections.form.as_ref().unwrap();
    assert_eq!(
        form.completion(&app.derived.connections.names),
        Some("Sam"),
        "the most recent contact first"
    );
    press(&mut app, key(KeyCode::Right));
    assert_eq!(
        app.connections.form.as_ref().unwrap().person.text(),
        "Sam",
        "takes the logged spelling"
    );
    type_text(&mut app, "i");
    press(&mut app, key(KeyCode::Right));
    assert_eq!(
        app.connections.form.as_ref().unwrap().person.text(),
        "Samira"
    );
    // Not at the end of the text: → only moves the cursor.
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Te");
    press(&mut app, key(KeyCode::Left));
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.connections.form.as_ref().unwrap().person.text(), "Te");
    press(&mut app, key(KeyCode::Right));
    assert_eq!(
        app.connections.form.as_ref().unwrap().person.text(),
        "Team lead"
    );
    // Tab stays the screen switch, even with a completion showing.
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Mu");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::Boundaries);
}

#[test]
fn enter_edits_the_selected_row_keeping_its_id_and_unknown_fields() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::Enter));
    let form = app.connections.form.as_ref().expect("Enter edits");
    assert_eq!(form.person.text(), "Sam", "newest first: Sam on 11-22");
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Sam K.");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Right));
    let effects = press(&mut app, ctrl('s'));
    let journal = saved_journal(&effects);
    assert_eq!(journal.connections.len(), 6, "edited in place");
    let c = journal
        .connections
        .iter()
        .find(|c| c.id == "c-20261122-1")
        .expect("the id is kept");
    assert_eq!(c.person, "Sam K.");
    assert_eq!(c.felt, Felt::Neutral);
    assert_eq!(c.gratitude, "Sam checked in on me first last week.");
    assert_eq!(
        c.extra.get("mood_colour"),
        Some(&serde_json::json!("teal")),
        "fields rekindle does not know survive an edit"
    );
    assert_eq!(
        c.recorded_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-11-23T21:04:05+01:00")
    );
    settle(&mut app, effects);
    assert!(status(&app).contains("Updated the connection with Sam K."));
}

#[test]
fn delete_asks_first_n_keeps_and_y_removes() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('d')));
    assert_eq!(
        app.connections.confirm_delete.as_deref(),
        Some("c-20261120-1")
    );
    // The question takes every key: digits, q and ? do nothing while it is open.
    for k in ['5', '?', 'x', 'a'] {
        assert!(press(&mut app, key(KeyCode::Char(k))).is_empty());
    }
    assert_eq!(app.screen, Screen::Connections);
    assert!(app.overlay.is_none() && app.connections.form.is_none());
    assert!(app.connections.confirm_delete.is_some());
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    assert!(app.connections.confirm_delete.is_none());
    assert_eq!(app.journal.connections.len(), 6);
    assert!(status(&app).contains("nothing was deleted"));

    press(&mut app, key(KeyCode::Char('d')));
    assert!(press(&mut app, key(KeyCode::Esc)).is_empty(), "Esc is no");
    press(&mut app, key(KeyCode::Char('d')));
    assert!(
        press(&mut app, key(KeyCode::Char('q'))).is_empty(),
        "q is no"
    );
    assert!(!app.should_quit);

    press(&mut app, key(KeyCode::Char('d')));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let journal = saved_journal(&effects);
    assert_eq!(journal.connections.len(), 5);
    assert!(!journal.connections.iter().any(|c| c.id == "c-20261120-1"));
    settle(&mut app, effects);
    assert!(status(&app).contains("Deleted the connection with Team lead"));
}

#[test]
fn deleting_the_last_row_keeps_a_row_selected() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Char('d')));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    settle(&mut app, effects);
    assert_eq!(app.connections.selected, 4, "the new last row");
    assert!(screens::connections::selected(&app.connections, &app.ctx()).is_some());
}

#[test]
fn people_view_summarises_90_days_and_a_logs_one_with_them() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('p')));
    let people = &app.derived.connections.people;
    let names: Vec<&str> = people.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(names, ["Sam", "Team lead", "Mum", "Samira"]);
    assert_eq!(people[0].count, 2);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char('a')));
    let form = app.connections.form.as_ref().unwrap();
    assert_eq!(form.person.text(), "Team lead", "prefilled");
    let effects = press(&mut app, ctrl('s'));
    settle(&mut app, effects);
    assert_eq!(
        app.connections.view,
        screens::connections::View::Log,
        "back on the log after a save"
    );
    let selected = screens::connections::selected(&app.connections, &app.ctx()).unwrap();
    assert_eq!(
        (selected.person.as_str(), selected.date.to_string().as_str()),
        ("Team lead", "2026-11-23"),
        "the new row is selected"
    );
}

#[test]
fn a_failed_save_keeps_the_form_even_when_another_screen_saves_later() {
    let mut app = on_screen(Journal::default(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Sam");
    assert_eq!(press(&mut app, ctrl('s')).len(), 1);
    update(
        &mut app,
        Action::SaveFailed {
            why: "disk full".into(),
        },
    );
    assert!(app.connections.form.is_some());
    // A save from the settings screen lands; the connection form is not the one that saved.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('6')));
    let effects = press(&mut app, ctrl('s'));
    settle(&mut app, effects);
    let form = app.connections.form.as_ref().expect("still open, unsaved");
    assert_eq!(form.person.text(), "Sam");
    assert!(app.journal.connections.is_empty());
}

// ---- Boundaries --------------------------------------------------------------------------

#[test]
fn adding_a_boundary_with_window_and_days() {
    let mut app = on_screen(Journal::default(), Screen::Boundaries);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "No work email after 19:00");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "19:00");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "07:00");
    press(&mut app, key(KeyCode::Down));
    // Tick Monday to Friday: Space ticks, → moves; h/l move too.
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Char(' ')));
        press(&mut app, key(KeyCode::Char('l')));
    }
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    let effects = press(&mut app, key(KeyCode::Enter));
    let journal = saved_journal(&effects);
    let b = &journal.boundaries[0];
    assert!(b.id.starts_with("b-"), "{}", b.id);
    assert_eq!(b.text, "No work email after 19:00");
    assert_eq!(
        (
            b.from.map(|t| t.to_string()),
            b.until.map(|t| t.to_string())
        ),
        (Some("19:00".into()), Some("07:00".into()))
    );
    let days: Vec<&str> = b.days.as_ref().unwrap().iter().map(|d| d.name()).collect();
    assert_eq!(days, ["mon", "tue", "wed", "thu", "fri"]);
    assert_eq!(
        b.created.map(|d| d.to_string()).as_deref(),
        Some("2026-11-23")
    );
    assert!(!b.archived);
    settle(&mut app, effects);
    assert!(
        status(&app).contains("19:00–07:00 · mon–fri"),
        "{}",
        status(&app)
    );
    assert_eq!(
        app.derived.reminders.len(),
        1,
        "in force at 21:04 on a Monday, at once"
    );
}

#[test]
fn a_boundary_with_no_times_and_no_days_applies_all_day_every_day() {
    let mut app = on_screen(Journal::default(), Screen::Boundaries);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Lunch is a break");
    let journal = saved_journal(&press(&mut app, ctrl('s'))).clone();
    let b = &journal.boundaries[0];
    assert_eq!((b.from, b.until, &b.days), (None, None, &None));
}

#[test]
fn boundary_form_refuses_empty_text_and_bad_times() {
    let mut app = on_screen(Journal::default(), Screen::Boundaries);
    press(&mut app, key(KeyCode::Char('a')));
    assert!(press(&mut app, ctrl('s')).is_empty());
    let (field, why) = app.boundaries.form.as_ref().unwrap().error.clone().unwrap();
    assert_eq!(field, screens::boundaries::Field::Text);
    assert!(why.contains("a boundary needs some text"), "{why}");
    type_text(&mut app, "Sleep");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "23:60");
    assert!(press(&mut app, ctrl('s')).is_empty());
    let form = app.boundaries.form.as_ref().unwrap();
    assert_eq!(form.focus, Some(screens::boundaries::Field::From));
    assert_eq!(form.from.text(), "23:60", "the form keeps what was typed");
}

#[test]
fn editing_a_boundary_keeps_its_id_and_created_date() {
    let mut app = on_screen(filled(), Screen::Boundaries);
    press(&mut app, key(KeyCode::Enter));
    let form = app.boundaries.form.as_ref().expect("Enter edits");
    assert_eq!(form.from.text(), "19:00");
    assert_eq!(form.days, [true, true, true, true, true, false, false]);
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "06:30");
    let journal = saved_journal(&press(&mut app, ctrl('s'))).clone();
    let b = journal.boundary("b-1").expect("same id");
    assert_eq!(b.until.map(|t| t.to_string()).as_deref(), Some("06:30"));
    assert_eq!(
        b.created.map(|d| d.to_string()).as_deref(),
        Some("2026-11-01")
    );
    assert_eq!(journal.boundaries.len(), 4);
}

#[test]
fn archive_asks_first_and_an_archived_boundary_can_be_restored() {
    let mut app = on_screen(filled(), Screen::Boundaries);
    press(&mut app, key(KeyCode::Char('d')));
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    assert!(!app.journal.boundary("b-1").unwrap().archived);
    press(&mut app, key(KeyCode::Char('d')));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let journal = saved_journal(&effects);
    assert!(journal.boundary("b-1").unwrap().archived);
    assert_eq!(
        journal.check_ins.len(),
        8,
        "its history stays on the check-ins"
    );
    settle(&mut app, effects);
    assert!(app.derived.reminders.is_empty(), "archived: no reminder");
    assert_eq!(
        screens::boundaries::selected(&app.boundaries, &app.ctx()).map(|b| b.id.as_str()),
        Some("b-1"),
        "the selection follows it down to the archived ones"
    );
    assert!(status(&app).contains("Archived \"No work email after 19:00\""));
    // Archived ones are listed last, in file order: b-1 (first in the file), then b-4.
    press(&mut app, key(KeyCode::End));
    let selected = screens::boundaries::selected(&app.boundaries, &app.ctx()).unwrap();
    assert_eq!((selected.id.as_str(), selected.archived), ("b-4", true));
    press(&mut app, key(KeyCode::Char('d')));
    assert_eq!(
        app.boundaries.confirm,
        Some(screens::boundaries::Pending::Restore("b-4".into()))
    );
    let effects = press(&mut app, key(KeyCode::Char('y')));
    settle(&mut app, effects);
    assert!(!app.journal.boundary("b-4").unwrap().archived, "restored");
    assert!(status(&app).contains("Restored \"Check Slack only twice a day\""));
    assert_eq!(
        screens::boundaries::selected(&app.boundaries, &app.ctx()).map(|b| b.id.as_str()),
        Some("b-4"),
        "the selection follows it up the list"
    );
}

// ---- Banner ------------------------------------------------------------------------------

#[test]
fn b_hides_the_banner_until_the_next_window() {
    let mut app = on_screen(filled(), Screen::Journal);
    assert_eq!(
        app.banner.lines(&app.derived),
        ["21:04 — you said: No work email after 19:00"]
    );
    assert!(
        !app.banner.bindings(&app.derived).is_empty(),
        "advertised while it shows"
    );
    press(&mut app, key(KeyCode::Char('b')));
    assert!(app.banner.lines(&app.derived).is_empty());
    assert!(
        app.banner.bindings(&app.derived).is_empty(),
        "not advertised once hidden"
    );
    // Later the same evening and in the small hours: the same window, still hidden.
    for now in ["2026-11-23T23:30:00+01:00", "2026-11-24T06:59:00+01:00"] {
        update(&mut app, Action::Tick(at(now)));
        assert!(app.banner.lines(&app.derived).is_empty(), "at {now}");
    }
    update(&mut app, Action::Tick(at("2026-11-24T07:00:00+01:00")));
    assert!(app.banner.lines(&app.derived).is_empty(), "window over");
    update(&mut app, Action::Tick(at("2026-11-24T19:00:00+01:00")));
    assert_eq!(
        app.banner.lines(&app.derived),
        ["19:00 — you said: No work email after 19:00"],
        "Tuesday's window brings it back"
    );
}

#[test]
fn b_in_a_text_field_is_text_and_with_no_banner_does_nothing() {
    let mut app = on_screen(filled(), Screen::Connections);
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Bob");
    assert_eq!(app.banner.lines(&app.derived).len(), 1, "not dismissed");
    let mut quiet = on_screen(Journal::default(), Screen::Journal);
    assert!(press(&mut quiet, key(KeyCode::Char('b'))).is_empty());
    assert!(quiet.status.is_none(), "nothing happened");
}

#[test]
fn the_banner_key_is_in_the_footer_and_help_only_while_it_shows() {
    let mut app = on_screen(filled(), Screen::Journal);
    assert!(screen_text(&app, 80, 24).contains("b hide reminder"));
    press(&mut app, key(KeyCode::Char('?')));
    assert!(
        screen_text(&app, 80, 24).contains("hide reminder"),
        "in help"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('b')));
    assert!(!screen_text(&app, 80, 24).contains("hide reminder"));
}

// ---- Every advertised key ----------------------------------------------------------------

/// A fingerprint of everything a key on these screens can change.
fn fingerprint(app: &App) -> String {
    format!(
        "{:?}",
        (
            app.screen,
            app.connections.selected,
            app.connections.view,
            app.connections.people_selected,
            &app.connections.form,
            &app.connections.confirm_delete,
            app.boundaries.selected,
            &app.boundaries.form,
            &app.boundaries.confirm,
            &app.banner.dismissed,
        )
    )
}

#[test]
fn every_advertised_key_on_the_social_screens_does_something() {
    // Each state, built fresh for every key, with the keys it advertises.
    type Build = fn() -> App;
    let states: Vec<(&str, Build)> = vec![
        ("connections log", || {
            let mut app = on_screen(filled(), Screen::Connections);
            press(&mut app, key(KeyCode::Down));
            app
        }),
        ("connections empty", || {
            on_screen(Journal::default(), Screen::Connections)
        }),
        ("people view", || {
            let mut app = on_screen(filled(), Screen::Connections);
            press(&mut app, key(KeyCode::Char('p')));
            press(&mut app, key(KeyCode::Down));
            app
        }),
        ("connection form on a choice", || {
            let mut app = on_screen(filled(), Screen::Connections);
            press(&mut app, key(KeyCode::Char('a')));
            type_text(&mut app, "Sa");
            press(&mut app, key(KeyCode::Down));
            app
        }),
        ("connection form completing", || {
            let mut app = on_screen(filled(), Screen::Connections);
            press(&mut app, key(KeyCode::Char('a')));
            type_text(&mut app, "Sa");
            app
        }),
        ("connection delete question", || {
            let mut app = on_screen(filled(), Screen::Connections);
            press(&mut app, key(KeyCode::Char('d')));
            app
        }),
        ("boundaries list", || {
            let mut app = on_screen(filled(), Screen::Boundaries);
            press(&mut app, key(KeyCode::Down));
            app
        }),
        ("boundary form on days", || {
            let mut app = on_screen(filled(), Screen::Boundaries);
            press(&mut app, key(KeyCode::Char('a')));
            type_text(&mut app, "x");
            for _ in 0..3 {
                press(&mut app, key(KeyCode::Down));
            }
            app
        }),
        ("boundary archive question", || {
            let mut app = on_screen(filled(), Screen::Boundaries);
            press(&mut app, key(KeyCode::Char('d')));
            app
        }),
    ];
    for (name, build) in states {
        let app = build();
        let advertised: Vec<_> = app.hints().into_iter().map(|hint| hint.keys).collect();
        assert!(!advertised.is_empty(), "{name} advertises no keys");
        let examples: Vec<_> = match app.screen {
            Screen::Connections => app
                .connections
                .bindings(&app.ctx())
                .iter()
                .map(|b| (b.keys, b.example))
                .collect(),
            Screen::Boundaries => app
                .boundaries
                .bindings(&app.ctx())
                .iter()
                .map(|b| (b.keys, b.example))
                .collect(),
            Screen::CheckIn | Screen::Trends | Screen::Journal | Screen::Settings => {
                unreachable!("only the social screens are built here")
            }
        };
        for (keys, example) in examples {
            // A key family such as ↑↓ does something if either direction does: ↓ on the last
            // field of a form is a no-op, ↑ is not.
            let opposite = match example.code {
                KeyCode::Down => key(KeyCode::Up),
                KeyCode::End => key(KeyCode::Home),
                KeyCode::Right => key(KeyCode::Left),
                _ => example,
            };
            let works = [example, opposite].into_iter().any(|k| {
                let mut app = build();
                let before = (fingerprint(&app), app.status.clone());
                let effects = press(&mut app, k);
                before != (fingerprint(&app), app.status.clone()) || !effects.is_empty()
            });
            assert!(works, "{name}: {keys} does nothing");
        }
    }
    let mut app = on_screen(filled(), Screen::Boundaries);
    for binding in app.banner.bindings(&app.derived) {
        let before = fingerprint(&app);
        press(&mut app, binding.example);
        assert_ne!(before, fingerprint(&app), "{} does nothing", binding.keys);
    }
}
