//! The keys every form shares, decided in one place: `Ctrl-S` saves, `Enter` moves on and saves
//! on the last field, `↑`/`↓` move (wrapping), `Esc` leaves a field and then cancels.

use super::keymap::FormKey;

/// What one of the shared form keys does to a form with `fields`, focused on `focus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormStep<F> {
    Save,
    Focus(Option<F>),
    /// `Esc` with no field focused: close the form without saving.
    Cancel,
}

pub fn form_step<F: Copy + PartialEq>(key: FormKey, fields: &[F], focus: Option<F>) -> FormStep<F> {
    match key {
        FormKey::Save => FormStep::Save,
        FormKey::Enter if focus.is_some() && focus == fields.last().copied() => FormStep::Save,
        FormKey::Enter | FormKey::Next => FormStep::Focus(Some(next_field(fields, focus, true))),
        FormKey::Previous => FormStep::Focus(Some(next_field(fields, focus, false))),
        FormKey::Leave if focus.is_some() => FormStep::Focus(None),
        FormKey::Leave => FormStep::Cancel,
    }
}

/// The field after (or before) `focus` in a form's `fields`, wrapping around at the ends (↓ from
/// the last field comes back to the first, as in every rekindle form); with no field focused,
/// the first (or the last). `fields` is a form's non-empty field list.
pub fn next_field<F: Copy + PartialEq>(fields: &[F], focus: Option<F>, forward: bool) -> F {
    let at = focus.and_then(|f| fields.iter().position(|x| *x == f));
    let count = fields.len().max(1);
    let next = match at {
        None if forward => 0,
        None => count - 1,
        Some(i) if forward => (i + 1) % count,
        Some(i) => (i + count - 1) % count,
    };
    fields[next]
}

/// What every form shares beyond its keys: the focused text field takes typing and pastes, an
/// edit clears the error, and the form knows whether anything differs from how it opened.
/// A form provides its fields (`text_focus`, `values`); the behaviour is written once here.
pub trait FormFields {
    /// The focused field's text input, when a text field has focus.
    fn text_focus(&mut self) -> Option<&mut crate::ui::text_input::TextInput>;

    /// Every value the person can change, as one comparable string.
    fn values(&self) -> String;

    /// `values()` as the form opened.
    fn initial(&self) -> &str;

    /// Forgets the last validation message (after any edit).
    fn clear_error(&mut self);

    /// True when a value differs from what the form opened with.
    fn changed(&self) -> bool {
        self.values() != self.initial()
    }

    /// A paste goes whole into the focused text field; false when none has focus.
    fn paste(&mut self, text: &str) -> bool {
        let Some(input) = self.text_focus() else {
            return false;
        };
        input.paste(text);
        self.clear_error();
        true
    }

    /// Gives `key` to the focused text field; true when it was editing.
    fn edit_focused_text(&mut self, key: &crossterm::event::KeyEvent) -> bool {
        let edited = self.text_focus().is_some_and(|input| input.handle(key));
        if edited {
            self.clear_error();
        }
        edited
    }
}

/// The `Component` hooks of a screen whose add/edit form, while open, is in `self.form` (an
/// `Option` of a `FormFields` form with `text_focused` and `typing_hint`) and whose y/n question,
/// while asked, is in `self.$question` (an `Option`), written once for every such screen: the
/// open form takes digits, pastes and the typing hint, the question takes the letter keys, and
/// leaving asks about the form's draft and saves it as the form's `Ctrl-S` does (the screen's
/// `Msg` is `From<FormKey>`). The open form covers the whole screen (`Form::render`); otherwise
/// the screen draws its list with `list`, a `fn(&Self, &Ctx, &mut Frame, Rect)`. `paste_into`
/// names the field a paste can go to, for the status line when a field that takes no text has
/// focus.
macro_rules! form_hooks {
    (question: $question:ident, paste_into: $paste_into:literal, list: $list:path) => {
        fn render(
            &self,
            ctx: &$crate::ui::component::Ctx,
            frame: &mut ratatui::Frame,
            area: ratatui::layout::Rect,
        ) {
            match &self.form {
                Some(form) => form.render(ctx, frame, area),
                None => $list(self, ctx, frame, area),
            }
        }

        /// True where a digit is text, not a screen switch: a text field of the form has focus.
        fn captures_digits(&self) -> bool {
            self.form.as_ref().is_some_and(|form| form.text_focused())
        }

        /// True where the global letter keys are not in effect: a text field has them, or the
        /// y/n question takes every key.
        fn text_focused(&self) -> bool {
            self.captures_digits() || self.$question.is_some()
        }

        fn paste(&mut self, text: &str) -> Result<(), &'static str> {
            let form = self.form.as_mut();
            match form.map(|form| $crate::ui::form::FormFields::paste(form, text)) {
                Some(true) => Ok(()),
                Some(false) => Err($paste_into),
                None => Err("a text field"),
            }
        }

        fn typing_hint(&self) -> Option<&'static str> {
            self.form.as_ref()?.typing_hint()
        }

        fn draft_changed(&self, _ctx: &$crate::ui::component::Ctx) -> bool {
            self.form
                .as_ref()
                .is_some_and($crate::ui::form::FormFields::changed)
        }

        fn save_draft(
            &mut self,
            ctx: &$crate::ui::component::Ctx,
        ) -> $crate::ui::component::Outcome {
            let save = $crate::ui::keymap::FormKey::Save.into();
            $crate::ui::component::Component::update(self, ctx, save)
        }

        fn discard_draft(&mut self, _ctx: &$crate::ui::component::Ctx, _to_today: bool) {
            self.form = None;
        }
    };
}
pub(crate) use form_hooks;

/// The shared tail of a form's keymap: `Enter` (`enter_does`) and `Esc`, which leaves the focused
/// field, or cancels the form when none is focused.
pub fn tail<M: 'static>(
    enter_does: &'static str,
    focused: bool,
    msg: impl Fn(super::keymap::FormKey) -> M + Clone + 'static,
) -> Vec<super::keymap::Binding<M>> {
    let esc_does = if focused { "leave field" } else { "cancel" };
    super::keymap::form_tail(enter_does, esc_does)
        .into_iter()
        .map(|b| b.map(msg.clone()))
        .collect()
}

/// What the status line says when a form closes unsaved.
pub fn cancelled(editing: bool) -> &'static str {
    if editing {
        "Edit cancelled; nothing was saved."
    } else {
        "Cancelled; nothing was saved."
    }
}

#[cfg(test)]
mod tests {
    use super::{FormStep, form_step};
    use crate::ui::keymap::FormKey;

    #[test]
    fn shared_form_keys_move_wrap_save_on_the_last_field_and_cancel_after_leaving() {
        let fields = ['a', 'b', 'c'];
        // (key, focus before, what the key does)
        let cases = [
            (FormKey::Next, None, FormStep::Focus(Some('a'))),
            (FormKey::Next, Some('c'), FormStep::Focus(Some('a'))),
            (FormKey::Previous, Some('a'), FormStep::Focus(Some('c'))),
            (FormKey::Enter, Some('b'), FormStep::Focus(Some('c'))),
            (FormKey::Enter, Some('c'), FormStep::Save),
            (FormKey::Save, Some('a'), FormStep::Save),
            (FormKey::Leave, Some('b'), FormStep::Focus(None)),
            (FormKey::Leave, None, FormStep::Cancel),
        ];
        for (key, focus, step) in cases {
            assert_eq!(form_step(key, &fields, focus), step, "{key:?} on {focus:?}");
        }
    }
}
