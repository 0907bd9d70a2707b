//! The "Stay close" panel on the Connections screen: drawn at 80x24 and 50x16 (each snapshot
//! read by hand), and driven with keys: `s` into the panel, `Enter` opens a prefilled new
//! connection, `z` pauses 7 days, the draining question is asked once and its answer is saved.

use crate::support::app::*;
use crate::support::social::filled;
use crossterm::event::KeyCode;
use rekindle::app::App;
use rekindle::journal::{DrainingAnswer, Journal, Person};

fn on_connections(journal: Journal) -> App {
    let mut app = app_with(journal);
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('2')));
    app
}

fn person(journal: &mut Journal, id: &str, name: &str, every: Option<u16>) {
    let mut p = Person::new(id.into(), name.into(), "2026-06-01".parse().unwrap());
    p.every_days = every;
    journal.people.push(p);
}

/// Past their rhythm (days past due ÷ rhythm): Old friend 84/30, Team lead 2/1, Mum 2/3,
/// Samira 2/7. Sam (weekly, last contact yesterday) is within his.
fn four_past_due() -> Journal {
    let mut journal = filled();
    person(&mut journal, "p-1", "Samira", Some(7));
    person(&mut journal, "p-2", "Mum", Some(3));
    person(&mut journal, "p-3", "Old friend", Some(30));
    person(&mut journal, "p-4", "Team lead", Some(1));
    person(&mut journal, "p-5", "Sam", Some(7));
    // An ordinary day: today's exhaustion below 7.
    let today = journal
        .check_ins
        .iter_mut()
        .find(|c| c.date.to_string() == "2026-11-23");
    if let Some(today) = today {
        today.exhaustion = rekindle::journal::Rating::new(3).unwrap();
    }
    journal
}

#[test]
fn on_a_hard_day_the_panel_shows_one_name_and_the_small_step() {
    let mut journal = four_past_due();
    journal
        .check_ins
        .retain(|c| c.date.to_string() != "2026-11-23");
    let mut today = journal.check_ins[0].clone();
    today.date = "2026-11-23".parse().unwrap();
    today.exhaustion = rekindle::journal::Rating::new(8).unwrap();
    journal.upsert_check_in(today);
    let text = screen_text(&on_connections(journal), 80, 24);
    assert_eq!(text.matches(" — about ").count(), 1, "{text}");
    assert!(
        text.contains("A two-line 'thinking of you' counts."),
        "{text}"
    );
    assert!(text.contains("and 3 more"), "{text}");
}

fn saved_people(app: &mut App, k: KeyCode) -> Vec<Person> {
    let effects = press(app, key(k));
    let journal = effects
        .iter()
        .find_map(|e| match e {
            rekindle::app::Effect::Save { journal, .. } => Some(journal.people.clone()),
            _ => None,
        })
        .expect("a save");
    settle(app, effects);
    journal
}

#[test]
fn stay_close_panel_shows_three_ranked_and_and_n_more() {
    let app = on_connections(four_past_due());
    let text = screen_text(&app, 80, 24);
    insta::assert_snapshot!("stay_close_panel_80x24", text);
    insta::assert_snapshot!("stay_close_panel_50x16", screen_text(&app, 50, 16));
    let panel = text.find("Stay close").expect("the panel shows");
    let rows: Vec<usize> = ["Old friend —", "Team lead —", "Mum —"]
        .iter()
        .map(|n| text.find(n).unwrap_or_else(|| panic!("{n} in\n{text}")))
        .collect();
    assert!(
        panel < rows[0] && rows[0] < rows[1] && rows[1] < rows[2],
        "{text}"
    );
    assert!(!text.contains("Samira —"), "{text}");
    assert!(text.contains("and 1 more"), "{text}");
}

#[test]
fn no_rhythm_means_no_panel() {
    let text = screen_text(&on_connections(filled()), 80, 24);
    assert!(!text.contains("Stay close"), "{text}");
}

#[test]
fn enter_on_a_name_opens_a_new_connection_prefilled_with_them() {
    let mut app = on_connections(four_past_due());
    press(&mut app, key(KeyCode::Char('s')));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Team lead"), "{text}");
    // Saving the form as it is logs the connection: that is the reset.
    let effects = press(&mut app, ctrl('s'));
    let logged = effects.iter().find_map(|e| match e {
        rekindle::app::Effect::Save { journal, .. } => journal.connections.last().cloned(),
        _ => None,
    });
    assert_eq!(logged.expect("a save").person, "Team lead");
}

#[test]
fn z_pauses_the_selected_person_for_seven_days() {
    let mut app = on_connections(four_past_due());
    press(&mut app, key(KeyCode::Char('s')));
    let people = saved_people(&mut app, KeyCode::Char('z'));
    let friend = people.iter().find(|p| p.name == "Old friend").unwrap();
    assert_eq!(friend.paused_until, Some("2026-11-30".parse().unwrap()));
    let text = screen_text(&app, 80, 24);
    assert!(!text.contains("Old friend —"), "{text}");
    assert!(text.contains("Samira —"), "the next one moves up: {text}");
}

/// Sam weekly, with 3 contacts in 90 days of which 2 felt draining.
fn draining_sam() -> Journal {
    let mut journal = filled();
    person(&mut journal, "p-1", "Sam", Some(7));
    let mut third = journal.connections[1].clone();
    third.id = "c-20261101-1".into();
    third.date = "2026-11-01".parse().unwrap();
    third.felt = rekindle::journal::Felt::Nourishing;
    journal.connections.push(third);
    for c in journal.connections.iter_mut().filter(|c| c.person == "Sam") {
        if c.id != "c-20261101-1" {
            c.felt = rekindle::journal::Felt::Draining;
        }
    }
    journal
}

#[test]
fn the_draining_question_is_asked_once_and_the_answer_is_saved() {
    let mut app = on_connections(draining_sam());
    let text = screen_text(&app, 80, 24);
    insta::assert_snapshot!("stay_close_question_80x24", text);
    insta::assert_snapshot!("stay_close_question_50x16", screen_text(&app, 50, 16));
    assert!(
        text.contains("Keep a reach-out reminder for Sam? [k]eep · [p]ause · [r]emove"),
        "{text}"
    );
    let people = saved_people(&mut app, KeyCode::Char('p'));
    assert_eq!(people[0].draining_answer, Some(DrainingAnswer::Pause));
    assert_eq!(people[0].paused_until, Some("2026-12-23".parse().unwrap()));
    let text = screen_text(&app, 80, 24);
    assert!(
        !text.contains("Keep a reach-out reminder"),
        "asked once: {text}"
    );
    // The answer lives in the journal: a new app on the saved journal does not ask again.
    let mut journal = draining_sam();
    journal.people = people;
    let text = screen_text(&on_connections(journal), 80, 24);
    assert!(!text.contains("Keep a reach-out reminder"), "{text}");
}

#[test]
fn keep_brings_the_suggestion_back_and_esc_asks_later() {
    let mut app = on_connections(draining_sam());
    press(&mut app, key(KeyCode::Esc));
    assert!(!screen_text(&app, 80, 24).contains("Keep a reach-out"));
    let mut app = on_connections(draining_sam());
    let people = saved_people(&mut app, KeyCode::Char('k'));
    assert_eq!(people[0].draining_answer, Some(DrainingAnswer::Keep));
}

#[test]
fn c_in_the_people_view_sets_and_clears_a_rhythm() {
    let mut app = on_connections(filled());
    press(&mut app, key(KeyCode::Char('p')));
    let people = saved_people(&mut app, KeyCode::Char('c'));
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].every_days, Some(7));
    for expected in [Some(14), Some(30), None] {
        let people = saved_people(&mut app, KeyCode::Char('c'));
        assert_eq!(people[0].every_days, expected);
    }
}
