//! The building blocks every screen uses: the component contract (`component`), keymaps, list
//! moves, text input, the shared form keys, text layout and the theme. Nothing here knows the
//! screens or the app; the frame that arranges the screens lives in `app::frame`.

pub mod component;
pub mod form;
pub mod keymap;
pub mod list;
pub mod text;
pub mod text_input;
pub mod theme;

use ratatui::layout::{Margin, Rect};

/// One column of breathing room on each side.
pub fn inset(area: Rect) -> Rect {
    area.inner(Margin::new(1, 0))
}

/// A centred box of at most `width`×`height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
