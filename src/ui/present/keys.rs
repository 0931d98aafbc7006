//! The keys of trainer mode: what each one asks for, read (and consumed) once a frame from
//! the slide's window or the notes window.

use egui::{Key, Modifiers, Ui};

use super::deck::Action;

/// The keys of trainer mode, in the order they are checked. A presentation clicker sends
/// PageDown and PageUp.
const KEYS: [(Key, Action); 13] = [
    (Key::ArrowRight, Action::Next),
    (Key::PageDown, Action::Next),
    (Key::Space, Action::Next),
    (Key::ArrowLeft, Action::Back),
    (Key::PageUp, Action::Back),
    (Key::Home, Action::First),
    (Key::End, Action::Last),
    (Key::P, Action::ToggleNotes),
    (Key::B, Action::ToggleBlank),
    (Key::R, Action::ToggleReveal),
    (Key::T, Action::ToggleTheme),
    (Key::Escape, Action::Leave),
    // Some clickers send "." for their blank button, as PowerPoint expects.
    (Key::Period, Action::ToggleBlank),
];

const DIGITS: [Key; 8] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8];

/// Every trainer-mode key pressed this frame, consumed so nothing else reacts to it.
pub(super) fn pressed_actions(ui: &Ui) -> Vec<Action> {
    ui.input_mut(|input| {
        let mut actions = Vec::new();
        for (key, action) in KEYS {
            while input.consume_key(Modifiers::NONE, key) {
                actions.push(action);
            }
        }
        for (stage, key) in crate::model::Stage::ALL.into_iter().zip(DIGITS) {
            if input.consume_key(Modifiers::NONE, key) {
                actions.push(Action::JumpToStage(stage));
            }
        }
        actions
    })
}
