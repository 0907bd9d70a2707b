//! The help overlay must always show the support text, however many keys a screen has and
//! however small the terminal: a person who needs it should never have to scroll for it.

use crate::support::app::*;
use crossterm::event::KeyCode;
use rekindle::journal::Journal;
use rekindle::screens::Screen;

#[test]
fn help_shows_the_support_text_on_every_screen_at_every_supported_size() {
    let mut journal = Journal::default();
    journal.settings.support_text =
        "Samaritans, day or night: 116 123. In the US and Canada call or text 988.".into();
    for screen in Screen::ALL {
        for (w, h) in [(80u16, 24u16), (50, 16)] {
            for form_open in [false, true] {
                let mut app = app_with(journal.clone());
                press(&mut app, key(KeyCode::Esc));
                app.screen = screen;
                if form_open {
                    // `a` opens the add form on the list screens; elsewhere it does nothing.
                    press(&mut app, key(KeyCode::Char('a')));
                    press(&mut app, key(KeyCode::Esc));
                }
                press(&mut app, key(KeyCode::Char('?')));
                let text = screen_text(&app, w, h);
                assert!(
                    text.contains("988"),
                    "{screen:?} at {w}x{h} (form open: {form_open}) cuts the support text:\n{text}"
                );
            }
        }
    }
}

#[test]
fn help_keys_scroll_above_the_support_text_when_they_do_not_fit() {
    let mut app = app_with(Journal::default());
    press(&mut app, key(KeyCode::Char('?')));
    let first = screen_text(&app, 50, 16);
    assert!(first.contains("↓"), "says more keys are below:\n{first}");
    assert!(first.contains("Ctrl-S"), "{first}");
    for _ in 0..30 {
        press(&mut app, key(KeyCode::Down));
    }
    let last = screen_text(&app, 50, 16);
    assert!(
        last.contains("close this help"),
        "the list reaches its end:\n{last}"
    );
    assert!(last.contains("If things are hard right now"), "{last}");
    insta::assert_snapshot!("help_scrolled_50x16", last);
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.overlay.is_none());
    assert!(!app.should_quit);
}
