//! Every user action is one [`Command`]. Views, menus and shortcuts only *send* commands;
//! the app applies them after the frame, writes the store, refreshes its caches and
//! records the inverse for undo.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Text;
use crate::model::{EmotionEntry, EmotionId, Language, Persona, PersonaId, Stage, Touchpoint, TouchpointId};
use crate::store::DeletedPersona;

/// The screens of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    #[default]
    Board,
    PersonaCard,
    EmotionLog,
    Analytics,
}

impl View {
    pub const ALL: [Self; 4] = [Self::Board, Self::PersonaCard, Self::EmotionLog, Self::Analytics];

    pub fn text(self) -> Text {
        match self {
            Self::Board => Text::JourneyBoard,
            Self::PersonaCard => Text::PersonaCard,
            Self::EmotionLog => Text::EmotionLog,
            Self::Analytics => Text::Analytics,
        }
    }
}

/// A user action, with what it needs to be carried out.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // Workspace.
    NewWorkspace,
    OpenWorkspace,
    OpenWorkspaceAt(PathBuf),
    SaveCopy,
    Quit,

    // History.
    Undo,
    Redo,

    // Personas.
    NewPersona,
    DuplicatePersona(PersonaId),
    UpdatePersona(PersonaId, Box<Persona>),
    MovePersona(PersonaId, Option<Stage>),
    /// Asks for confirmation before [`Command::DeletePersona`].
    AskDeletePersona(PersonaId),
    DeletePersona(PersonaId),
    RestorePersona(Box<DeletedPersona>),
    /// Opens a file dialog and sets the chosen picture as the persona's avatar.
    ChooseAvatar(PersonaId),

    // Emotion log.
    AddEmotion(EmotionEntry),
    UpdateEmotion(EmotionId, EmotionEntry),
    DeleteEmotion(EmotionId),
    RestoreEmotion(EmotionId, EmotionEntry),
    /// Opens an entry in the board's emotion form (from the table).
    EditEmotion(EmotionId),

    // Touchpoints.
    AddTouchpoint(Touchpoint),
    DeleteTouchpoint(TouchpointId),
    RestoreTouchpoint(TouchpointId, Touchpoint),

    // Analytics exports (they open a save dialog).
    ExportChart(super::analytics::Chart),
    ExportCsv(super::analytics::CsvTable),

    // Selection and view; not recorded for undo.
    SelectPersona(Option<PersonaId>),
    SelectStage(Stage),
    ShowView(View),
    SetLanguage(Language),
    ShowAbout,
    FocusSearch,
    ZoomIn,
    ZoomOut,
    ZoomReset,
}

impl Command {
    /// Commands reachable from the keyboard, checked every frame against the input.
    pub fn with_shortcuts() -> [Self; 11] {
        [
            Self::NewWorkspace,
            Self::OpenWorkspace,
            Self::SaveCopy,
            Self::Quit,
            // Redo before Undo: Ctrl+Shift+Z must not be taken for Ctrl+Z.
            Self::Redo,
            Self::Undo,
            Self::NewPersona,
            Self::FocusSearch,
            Self::ZoomIn,
            Self::ZoomOut,
            Self::ZoomReset,
        ]
    }

    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let cmd_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        Some(match self {
            Self::NewWorkspace => cmd_shift(Key::N),
            Self::OpenWorkspace => cmd(Key::O),
            Self::SaveCopy => cmd_shift(Key::S),
            Self::Quit => cmd(Key::Q),
            Self::Undo => cmd(Key::Z),
            Self::Redo => cmd_shift(Key::Z),
            Self::NewPersona => cmd(Key::N),
            Self::FocusSearch => cmd(Key::F),
            Self::ZoomIn => cmd(Key::Plus),
            Self::ZoomOut => cmd(Key::Minus),
            Self::ZoomReset => cmd(Key::Num0),
            Self::ShowAbout => KeyboardShortcut::new(Modifiers::NONE, Key::F1),
            _ => return None,
        })
    }

    /// The menu or button text.
    pub fn text(&self) -> Text {
        match self {
            Self::NewWorkspace => Text::NewWorkspace,
            Self::OpenWorkspace | Self::OpenWorkspaceAt(_) => Text::OpenWorkspace,
            Self::SaveCopy => Text::SaveCopy,
            Self::Quit => Text::Quit,
            Self::Undo => Text::Undo,
            Self::Redo => Text::Redo,
            Self::NewPersona => Text::NewPersona,
            Self::DuplicatePersona(_) => Text::Duplicate,
            Self::UpdatePersona(..) | Self::RestorePersona(_) => Text::EditPersona,
            Self::MovePersona(..) => Text::MoveTo,
            Self::AskDeletePersona(_) | Self::DeletePersona(_) => Text::DeletePersona,
            Self::ChooseAvatar(_) => Text::ChooseAvatar,
            Self::AddEmotion(_) | Self::RestoreEmotion(..) => Text::LogEmotion,
            Self::UpdateEmotion(..) | Self::EditEmotion(_) => Text::EditEntry,
            Self::DeleteEmotion(_) => Text::DeleteEntry,
            Self::AddTouchpoint(_) | Self::RestoreTouchpoint(..) => Text::AddTouchpoint,
            Self::DeleteTouchpoint(_) => Text::DeleteTouchpoint,
            Self::SelectPersona(_) => Text::Personas,
            Self::SelectStage(_) => Text::Stage,
            Self::ShowView(view) => view.text(),
            Self::SetLanguage(_) => Text::Language,
            Self::ShowAbout => Text::AboutStages,
            Self::ExportChart(_) => Text::ExportPng,
            Self::ExportCsv(super::analytics::CsvTable::Funnel) => Text::ExportFunnelCsv,
            Self::ExportCsv(super::analytics::CsvTable::Emotions) => Text::ExportEmotionsCsv,
            Self::FocusSearch => Text::SearchPersonas,
            Self::ZoomIn => Text::ZoomIn,
            Self::ZoomOut => Text::ZoomOut,
            Self::ZoomReset => Text::ZoomReset,
        }
    }

    /// Hover text explaining the command, where the label alone is not enough.
    pub fn tooltip(&self) -> Option<Text> {
        Some(match self {
            Self::NewWorkspace => Text::NewWorkspaceTip,
            Self::OpenWorkspace => Text::OpenWorkspaceTip,
            Self::SaveCopy => Text::SaveCopyTip,
            Self::Undo => Text::UndoTip,
            Self::Redo => Text::RedoTip,
            Self::NewPersona => Text::NewPersonaTip,
            Self::DuplicatePersona(_) => Text::DuplicateTip,
            Self::AskDeletePersona(_) => Text::DeletePersonaTip,
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => Text::ZoomTip,
            _ => return None,
        })
    }

    /// Whether the command changes the workspace (and so goes on the undo stack).
    pub fn is_edit(&self) -> bool {
        matches!(
            self,
            Self::NewPersona
                | Self::DuplicatePersona(_)
                | Self::UpdatePersona(..)
                | Self::MovePersona(..)
                | Self::DeletePersona(_)
                | Self::RestorePersona(_)
                | Self::AddEmotion(_)
                | Self::UpdateEmotion(..)
                | Self::DeleteEmotion(_)
                | Self::RestoreEmotion(..)
                | Self::AddTouchpoint(_)
                | Self::DeleteTouchpoint(_)
                | Self::RestoreTouchpoint(..)
        )
    }
}

/// The queue views push commands into during a frame.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn send(&mut self, command: Command) {
        self.0.push(command);
    }

    pub fn drain(&mut self) -> std::vec::Drain<'_, Command> {
        self.0.drain(..)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_distinct() {
        let shortcuts: Vec<_> = Command::with_shortcuts().iter().filter_map(Command::shortcut).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is bound twice");
        }
        assert_eq!(shortcuts.len(), Command::with_shortcuts().len());
    }
}
