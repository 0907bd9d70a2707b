//! The looks under plain terminals and long reviews: the Trends screen at 26 weeks, every screen
//! under the ASCII glyph set (`LANG=C`), and no colour under `NO_COLOR` / `TERM=dumb`. Each
//! snapshot was read by hand before it was accepted.
//!
//! "Now" is Monday 2026-11-23 21:04 (as in support::app).

use crate::support::app::*;
use chrono::{Datelike, Days, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use rekindle::app::App;
use rekindle::journal::{self, Journal};
use rekindle::screens::Screen;
use rekindle::ui::theme::{Capabilities, Env, Theme};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Half a year, 2026-05-25 … today, every day but weekends, with the three dimensions moving
/// differently (exhaustion climbs, cynicism waves, efficacy sags) so each strip has its own
/// shape; two weeks have under 3 check-ins (gaps). A boundary is in force at 21:04, typed with a
/// capital letter; connections of several kinds; ASCII text only.
fn half_year() -> Journal {
    let mut days = Vec::new();
    let mut date = d("2026-05-25");
    let mut i = 0u32;
    while date <= d("2026-11-23") {
        let weekday = date.weekday().num_days_from_monday();
        let week = i / 7;
        let sparse = week == 9 || week == 17;
        if weekday < 5 && (!sparse || weekday == 0) {
            let e = (2 + week / 3 + weekday % 2).min(10);
            let c = [2, 3, 5, 6, 5, 3][(week % 6) as usize];
            let f = 9u32.saturating_sub(week / 4).max(2);
            days.push(format!(
                r#"{{"date": "{date}", "exhaustion": {e}, "cynicism": {c}, "efficacy": {f}, "note": "Day {i}.", "boundaries": {{"b-1": "{}"}}}}"#,
                if i.is_multiple_of(5) { "slipped" } else { "kept" }
            ));
        }
        date = date + Days::new(1);
        i += 1;
    }
    let text = format!(
        r#"{{"format": "rekindle-journal", "version": 1,
            "check_ins": [{}],
            "connections": [
              {{"id": "c-1", "date": "2026-11-22", "person": "Sam", "kind": "in_person", "initiated_by": "mutual", "felt": "neutral", "note": "Coffee."}},
              {{"id": "c-2", "date": "2026-11-20", "person": "Team lead", "kind": "call", "initiated_by": "them", "felt": "draining"}},
              {{"id": "c-3", "date": "2026-11-18", "person": "Mum", "kind": "video", "initiated_by": "me", "felt": "nourishing", "gratitude": "She laughed a lot."}}
            ],
            "boundaries": [
              {{"id": "b-1", "text": "No work email after 19:00", "from": "19:00", "until": "07:00"}},
              {{"id": "b-2", "text": "Lunch away from the desk", "from": "12:00", "until": "13:00", "archived": true}}
            ]}}"#,
        days.join(",")
    );
    journal::decode(text.as_bytes()).expect("test journal is valid")
}

fn app_themed(journal: Journal, theme: Theme) -> App {
    App::new(
        journal,
        "/data/rekindle/journal.json".into(),
        at("2026-11-23T21:04:05+01:00"),
        false,
        theme,
    )
}

fn ascii_theme() -> Theme {
    Theme::for_terminal(Capabilities::detect(Env {
        lang: Some("C"),
        ..Env::default()
    }))
}

fn trends_of(mut app: App, weeks: usize) -> App {
    press(&mut app, key(KeyCode::Char('4')));
    assert_eq!(app.screen, Screen::Trends);
    while app.trends.weeks < weeks {
        press(&mut app, key(KeyCode::Right));
    }
    app
}

#[test]
fn trends_at_26_weeks_keeps_each_dimension_readable_at_80x24() {
    let app = trends_of(app_themed(half_year(), Theme::new(true)), 26);
    let review = app.derived.review.as_ref().unwrap();
    assert_eq!(review.weeks.len(), 26);
    assert_eq!(review.weeks[0].week_start, d("2026-06-01"));
    let gaps: Vec<usize> = (0..26)
        .filter(|&w| review.weeks[w].means.is_none())
        .collect();
    assert_eq!(gaps, [8, 16, 25], "two sparse weeks and this week so far");
    let text = screen_text(&app, 80, 24);
    for part in [
        "Strain score 0–100, weekly",
        "Each dimension, weekly mean 0–10",
        "exhaustion",
        "cynicism",
        "efficacy",
        "↑ spent",
        "1 Jun",
        "23 Nov",
    ] {
        assert!(text.contains(part), "missing {part:?}:\n{text}");
    }
    // One column a week: no letters piled up, every strip row at most 26 bars wide.
    assert!(!text.contains("EC") && !text.contains("CF"), "{text}");
    insta::assert_snapshot!("trends_26_weeks_80x24", text);
}

#[test]
fn trends_at_8_weeks_of_the_half_year_at_80x24() {
    let app = trends_of(app_themed(half_year(), Theme::new(true)), 8);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("· 8 weeks"), "{text}");
    insta::assert_snapshot!("trends_8_weeks_80x24", text);
}

#[test]
fn check_in_and_trends_under_the_ascii_glyphs() {
    let app = app_themed(half_year(), ascii_theme());
    let text = screen_text(&app, 80, 24);
    assert!(text.is_ascii(), "{text}");
    assert!(
        text.contains(" >> 21:04 -- you said: No work email after 19:00"),
        "{text}"
    );
    insta::assert_snapshot!("check_in_ascii_80x24", text);
    insta::assert_snapshot!("check_in_ascii_50x16", screen_text(&app, 50, 16));
    let mut form = app_themed(half_year(), ascii_theme());
    press(&mut form, key(KeyCode::Char('e')));
    insta::assert_snapshot!("check_in_form_ascii_80x24", screen_text(&form, 80, 24));
    let trends = trends_of(app_themed(half_year(), ascii_theme()), 26);
    let text = screen_text(&trends, 80, 24);
    assert!(text.is_ascii(), "{text}");
    insta::assert_snapshot!("trends_ascii_26_weeks_80x24", text);
}

/// Key sequences from a fresh app that reach every screen, form, list view and overlay.
fn every_state() -> Vec<(&'static str, Vec<KeyEvent>)> {
    let c = |ch| key(KeyCode::Char(ch));
    let mut scrolled = vec![c('4')];
    scrolled.extend(std::iter::repeat_n(key(KeyCode::PageDown), 10));
    vec![
        ("check-in saved", vec![]),
        ("check-in form", vec![c('e')]),
        (
            "check-in past day",
            vec![c('5'), key(KeyCode::Down), key(KeyCode::Enter)],
        ),
        ("connections", vec![c('2')]),
        ("connection form", vec![c('2'), c('a')]),
        ("people", vec![c('2'), c('p')]),
        ("delete a connection", vec![c('2'), c('d')]),
        ("boundaries", vec![c('3')]),
        ("boundary form", vec![c('3'), c('a')]),
        ("archive a boundary", vec![c('3'), c('d')]),
        ("trends", vec![c('4')]),
        ("trends scrolled", scrolled),
        ("trends support", vec![c('4'), c('s')]),
        ("journal", vec![c('5')]),
        ("settings", vec![c('6')]),
        ("help", vec![c('?')]),
        ("export", vec![c('x')]),
    ]
}

#[test]
fn every_screen_under_the_ascii_glyphs_draws_only_ascii() {
    for (state, keys) in every_state() {
        let mut app = app_themed(half_year(), ascii_theme());
        for k in keys {
            press(&mut app, k);
        }
        for (w, h) in [(80, 24), (50, 16), (120, 40), (40, 10)] {
            let text = screen_text(&app, w, h);
            assert!(
                text.is_ascii(),
                "{state} at {w}x{h}: {:?}\n{text}",
                text.chars().filter(|c| !c.is_ascii()).collect::<String>()
            );
        }
    }
}

#[test]
fn no_color_and_a_dumb_terminal_draw_no_colour() {
    for env in [
        Env {
            no_color: Some("1"),
            lang: Some("en_US.UTF-8"),
            ..Env::default()
        },
        Env {
            term: Some("dumb"),
            ..Env::default()
        },
    ] {
        let theme = Theme::for_terminal(Capabilities::detect(env));
        for (state, keys) in every_state() {
            let mut app = app_themed(half_year(), theme);
            for k in keys {
                press(&mut app, k);
            }
            let buffer = draw(&app, 80, 24);
            for cell in buffer.content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{state}: {env:?}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{state}: {env:?}");
            }
        }
    }
}

#[test]
fn connection_details_read_as_words_in_both_glyph_sets() {
    for (name, theme) in [
        ("connections_80x24", Theme::new(true)),
        ("connections_ascii_80x24", ascii_theme()),
    ] {
        let mut app = app_themed(half_year(), theme);
        press(&mut app, key(KeyCode::Char('2')));
        let text = screen_text(&app, 80, 24);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("Time in person with Sam on Sun 22 Nov 2026"),
            "{text}"
        );
        assert!(flat.contains("you both reached out"), "{text}");
        assert!(flat.contains("it felt neutral"), "{text}");
        assert!(!text.contains(" · · ") && !text.contains(" - - "), "{text}");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn boundaries_and_journal_under_the_ascii_glyphs() {
    for (digit, name) in [
        ('3', "boundaries_ascii_80x24"),
        ('5', "journal_ascii_80x24"),
    ] {
        let mut app = app_themed(half_year(), ascii_theme());
        press(&mut app, key(KeyCode::Char(digit)));
        let text = screen_text(&app, 80, 24);
        assert!(text.is_ascii(), "{text}");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn trends_strips_at_50x16_stack_under_the_strain_chart() {
    let mut app = trends_of(app_themed(half_year(), Theme::new(true)), 26);
    rekindle::app::update(&mut app, rekindle::app::Action::Resize(50, 16));
    for _ in 0..9 {
        press(&mut app, key(KeyCode::Down));
    }
    let text = screen_text(&app, 50, 16);
    for part in ["exhaustion", "cynicism", "efficacy", "↑ capable"] {
        assert!(text.contains(part), "missing {part:?}:\n{text}");
    }
    insta::assert_snapshot!("trends_26_weeks_strips_50x16", text);
}
