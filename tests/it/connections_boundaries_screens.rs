//! The Connections and Boundaries screens and the reminder banner drawn on a `TestBackend` at
//! 80x24 and at the smallest supported size (50x16), in the states that matter. Each snapshot
//! was read by hand before it was accepted.

use crate::support::app::*;
use crate::support::social::{filled, isolated};
use crossterm::event::KeyCode;
use ratatui::style::Modifier;
use rekindle::app::App;
use rekindle::journal::Journal;

/// Snapshots `app` at 80x24 and 50x16 under `name`; returns the 80x24 text for assertions.
fn both_sizes(name: &str, app: &App) -> String {
    let text = screen_text(app, 80, 24);
    insta::assert_snapshot!(format!("{name}_80x24"), text);
    insta::assert_snapshot!(format!("{name}_50x16"), screen_text(app, 50, 16));
    text
}

fn on_screen(journal: Journal, digit: char) -> App {
    let mut app = app_with(journal);
    // Today has no check-in in an empty journal: leave the check-in form's field first.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char(digit)));
    app
}

/// The (x, y) of the first cell of `needle` on screen.
fn find(buffer: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    let area = buffer.area;
    (0..area.height).find_map(|y| {
        let row: Vec<&str> = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let line = row.concat();
        let byte = line.find(needle)?;
        // Cells hold one char each here (no wide chars on these rows), so count chars.
        Some((line[..byte].chars().count() as u16, y))
    })
}

#[test]
fn connections_empty() {
    let app = on_screen(Journal::default(), '2');
    let text = both_sizes("connections_empty", &app);
    assert!(
        text.contains("No connections logged yet. Press a"),
        "{text}"
    );
    assert!(
        text.contains("No nourishing connection logged yet."),
        "{text}"
    );
}

#[test]
fn connections_filled() {
    let app = on_screen(filled(), '2');
    let text = both_sizes("connections_filled", &app);
    assert!(
        text.contains("Last nourishing connection: Sam, yesterday."),
        "{text}"
    );
    assert!(
        text.contains("This week: 0 nourishing · 0 neutral · 0 draining"),
        "the week starts today, Monday: {text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let sam = lines.iter().position(|l| l.contains("2026-11-22")).unwrap();
    let mum = lines.iter().position(|l| l.contains("2026-11-18")).unwrap();
    assert!(sam < mum, "newest first: {text}");
    assert!(text.contains("+ nourishing") && text.contains("− draining"));
    assert!(
        !text.contains("Few nourishing contacts"),
        "no isolation flag: {text}"
    );
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "2026-11-22").expect("Sam's row");
    assert!(
        buffer[(x, y)].modifier.contains(Modifier::REVERSED),
        "the selected row shows without colour"
    );
}

#[test]
fn connections_isolation_flag_in_the_header() {
    let app = on_screen(isolated(), '2');
    let text = both_sizes("connections_isolation", &app);
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("◇ Few nourishing contacts lately. No nourishing connection logged in 7 days (last: Sam, 34 days ago)."),
        "{text}"
    );
    assert!(words.contains("Reach out to one safe person"), "{text}");
}

#[test]
fn connections_people_view() {
    let mut app = on_screen(filled(), '2');
    press(&mut app, key(KeyCode::Char('p')));
    let text = both_sizes("connections_people", &app);
    assert!(text.contains("People, last 90 days"), "{text}");
    assert!(
        !text.contains("Old friend"),
        "older than 90 days is not in the summary: {text}"
    );
    assert!(text.contains("100% nourishing"), "{text}");
    assert!(text.contains("100% draining"), "Team lead: {text}");
}

#[test]
fn connections_side_panel_on_wide_terminals() {
    let app = on_screen(filled(), '2');
    let text = screen_text(&app, 110, 30);
    insta::assert_snapshot!("connections_side_panel_110x30", text);
    assert!(text.contains("People, last 90 days"), "{text}");
    assert!(
        !screen_text(&app, 99, 30).contains("People, last 90 days"),
        "no panel below 100 columns"
    );
}

#[test]
fn connections_form_with_completion() {
    let mut app = on_screen(filled(), '2');
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "sa");
    let text = both_sizes("connections_form_completion", &app);
    assert!(text.contains("› Person       sam  → Sam"), "{text}");
    assert!(text.contains("◀ message ▶"), "{text}");
    assert!(text.contains("◀ ○ neutral ▶"), "{text}");
    assert!(text.contains("2026-11-23"), "dated today: {text}");
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "sam  →").expect("the person field");
    assert!(
        buffer[(x + 2, y)].modifier.contains(Modifier::DIM),
        "the suggested letter is greyed"
    );
    assert!(
        !buffer[(x + 1, y)].modifier.contains(Modifier::DIM),
        "typed text is not"
    );
}

#[test]
fn connections_form_validation_error() {
    let mut app = on_screen(filled(), '2');
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, ctrl('s'));
    let text = both_sizes("connections_form_error", &app);
    assert!(
        text.contains("✗ a connection needs a person's name"),
        "{text}"
    );
}

#[test]
fn connections_delete_confirmation() {
    let mut app = on_screen(filled(), '2');
    press(&mut app, key(KeyCode::Char('d')));
    let text = both_sizes("connections_confirm_delete", &app);
    assert!(
        text.contains("Delete the connection with Sam on Sun 22 Nov 2026?"),
        "{text}"
    );
    assert!(text.contains("y delete") && text.contains("n/Esc keep it"));
}

#[test]
fn boundaries_empty() {
    let app = on_screen(Journal::default(), '3');
    let text = both_sizes("boundaries_empty", &app);
    assert!(
        text.contains("No boundaries yet. Press a to add one"),
        "{text}"
    );
}

#[test]
fn boundaries_filled() {
    let app = on_screen(filled(), '3');
    let text = both_sizes("boundaries_filled", &app);
    assert!(
        text.contains("● in force   No work email after 19:00"),
        "{text}"
    );
    assert!(text.contains("○ not now    Weekend off"), "{text}");
    assert!(
        text.contains("7 days: 1/5 kept (20%) · 28 days: 2/6 kept (33%)"),
        "{text}"
    );
    assert!(
        text.contains("◇ Slipped 4 of the last 6 times you recorded it."),
        "{text}"
    );
    assert!(text.contains("7 days: no record"), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let archived = lines
        .iter()
        .position(|l| l.contains("⊘ archived"))
        .expect("archived listed");
    let lunch = lines.iter().position(|l| l.contains("Lunch away")).unwrap();
    assert!(lunch < archived, "archived at the bottom: {text}");
    let buffer = draw(&app, 80, 24);
    let (x, y) = find(&buffer, "Check Slack").expect("archived text");
    assert!(buffer[(x, y)].modifier.contains(Modifier::DIM), "dimmed");
}

#[test]
fn boundaries_form_with_window_and_days() {
    let mut app = on_screen(filled(), '3');
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "Phone off at dinner");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "18:30");
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "20:00");
    press(&mut app, key(KeyCode::Down));
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Char(' ')));
        press(&mut app, key(KeyCode::Right));
    }
    let text = both_sizes("boundaries_form", &app);
    assert!(
        text.contains("✓mon ✓tue ✓wed ✓thu ✓fri ·sat ·sun"),
        "{text}"
    );
    assert!(text.contains("Applies 18:30–20:00 · mon–fri"), "{text}");
}

#[test]
fn boundaries_form_validation_error() {
    let mut app = on_screen(filled(), '3');
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "No calls before 9");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    type_text(&mut app, "9am");
    press(&mut app, ctrl('s'));
    let text = both_sizes("boundaries_form_error", &app);
    assert!(text.contains("✗ Until: expected a time as HH:MM"), "{text}");
}

#[test]
fn boundaries_archive_and_restore_questions() {
    let mut app = on_screen(filled(), '3');
    press(&mut app, key(KeyCode::Char('d')));
    let text = both_sizes("boundaries_confirm_archive", &app);
    assert!(
        text.contains("Archive \"No work email after 19:00\"?"),
        "{text}"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::End));
    press(&mut app, key(KeyCode::Char('d')));
    let text = screen_text(&app, 80, 24);
    insta::assert_snapshot!("boundaries_confirm_restore_80x24", text);
    assert!(
        text.contains("Restore \"Check Slack only twice a day\"?"),
        "{text}"
    );
}

#[test]
fn banner_with_more_boundaries_than_rows() {
    let mut journal = filled();
    for (id, text) in [("b-5", "Phone on silent"), ("b-6", "One screen at a time")] {
        journal.boundaries.push(
            serde_json::from_value(serde_json::json!({ "id": id, "text": text }))
                .expect("a boundary"),
        );
    }
    let app = on_screen(journal, '3');
    let text = both_sizes("banner_three_in_force", &app);
    assert!(
        text.contains("» 21:04 — you said: No work email after 19:00"),
        "{text}"
    );
    assert!(
        text.contains("» and 2 more boundaries in force (3 Boundaries)"),
        "{text}"
    );
    assert!(text.contains("b hide reminder"), "advertised: {text}");
}

#[test]
fn banner_hidden_after_b() {
    let mut app = on_screen(filled(), '2');
    assert!(screen_text(&app, 80, 24).contains("you said: No work email"));
    press(&mut app, key(KeyCode::Char('b')));
    let text = screen_text(&app, 80, 24);
    insta::assert_snapshot!("connections_banner_hidden_80x24", text);
    assert!(!text.contains("you said"), "{text}");
    assert!(
        !text.contains("b hide reminder"),
        "no longer advertised: {text}"
    );
}

#[test]
fn social_screens_say_too_small_below_50x16() {
    for digit in ['2', '3'] {
        let app = on_screen(filled(), digit);
        let text = screen_text(&app, 49, 16);
        assert!(text.contains("terminal too small (need 50×16)"), "{text}");
        let text = screen_text(&app, 50, 15);
        assert!(text.contains("terminal too small (need 50×16)"), "{text}");
    }
}

#[test]
fn social_screens_never_panic_at_any_size() {
    let mut apps = Vec::new();
    for digit in ['2', '3'] {
        apps.push(on_screen(filled(), digit));
        let mut form = on_screen(filled(), digit);
        press(&mut form, key(KeyCode::Char('a')));
        type_text(&mut form, "S");
        apps.push(form);
        let mut confirm = on_screen(filled(), digit);
        press(&mut confirm, key(KeyCode::Char('d')));
        apps.push(confirm);
    }
    let mut people = on_screen(isolated(), '2');
    press(&mut people, key(KeyCode::Char('p')));
    apps.push(people);
    // Every size up to a little past the minimum, where layouts squeeze; then a sample of the
    // larger ones (the side panel appears at 100 columns).
    let widths = (0..=60u16).chain((61..=120).step_by(7)).chain([99, 100]);
    let heights: Vec<u16> = (0..=24u16).chain([30, 40]).collect();
    for width in widths {
        for &height in &heights {
            for app in &apps {
                let _ = draw(app, width, height);
            }
        }
    }
}
