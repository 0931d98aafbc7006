//! What users ask for, in two kinds (as in rerun's viewer):
//!
//! - [`UiCommand`]: a small `Copy` enum of menu items and keyboard actions, each with its
//!   label, tooltip and shortcuts from one table;
//! - [`Command`]: everything a view can send, including the data it needs ("select this
//!   persona", "export this chart", an [`Edit`] of the workspace).
//!
//! Views, menus and shortcuts only *send* commands; the app applies them after the frame.

#![warn(clippy::wildcard_enum_match_arm)]

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::analytics::chart::{Chart, CsvTable};
use super::import_wizard::request::WizardRequest;
use super::state::View;
use crate::i18n::Text;
use crate::model::{EmotionId, Language, PersonaId, Stage, VersionId};
use crate::store::BackupInfo;
use crate::store::edit::Edit;

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const NEW_WORKSPACE: KeyboardShortcut = cmd_shift(Key::N);
const OPEN: KeyboardShortcut = cmd(Key::O);
const SAVE_COPY: KeyboardShortcut = cmd_shift(Key::S);
const QUIT: KeyboardShortcut = cmd(Key::Q);
const UNDO: KeyboardShortcut = cmd(Key::Z);
const REDO: KeyboardShortcut = cmd_shift(Key::Z);
const REDO_Y: KeyboardShortcut = cmd(Key::Y);
const NEW_PERSONA: KeyboardShortcut = cmd(Key::N);
const FIND: KeyboardShortcut = cmd(Key::F);
const ZOOM_IN: KeyboardShortcut = cmd(Key::Plus);
const ZOOM_OUT: KeyboardShortcut = cmd(Key::Minus);
const ZOOM_RESET: KeyboardShortcut = cmd(Key::Num0);
const IMPORT_DATA: KeyboardShortcut = cmd(Key::I);
const F1: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);
const F5: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);

/// A menu item or keyboard action. Needs no data beyond what the app already holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    NewWorkspace,
    OpenWorkspace,
    SaveCopy,
    Quit,
    Undo,
    Redo,
    NewPersona,
    FocusSearch,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    About,
    ShowView(View),
    // Backups and workspace files.
    RestoreBackup,
    ExportWorkspaceFile,
    ImportWorkspaceFile,
    // Trainer mode.
    /// Full screen slides over the open workspace.
    Present,
    /// Light or dark projector theme.
    ToggleProjectorTheme,
    /// Stage slides hide the observed numbers until revealed.
    ToggleRevealMode,
    // The import wizard.
    ImportData,
    // Journey versions (issue #10).
    /// Opens the journey versions dialog.
    ManageVersions,
    /// Help → Stage playbook (issue #10 §4).
    StagePlaybook,
    // Hand-outs.
    ExportJourneyMap,
    ExportWorkshopPack,
    // Templates (issue #11 §2).
    /// File → New from template….
    NewFromTemplate,
}

impl UiCommand {
    /// Every command, for the shortcut table and its test.
    pub const ALL: [Self; 30] = [
        Self::NewWorkspace,
        Self::OpenWorkspace,
        Self::SaveCopy,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::NewPersona,
        Self::FocusSearch,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::About,
        Self::ShowView(View::Board),
        Self::ShowView(View::PersonaCard),
        Self::ShowView(View::EmotionLog),
        Self::ShowView(View::Analytics),
        Self::RestoreBackup,
        Self::ExportWorkspaceFile,
        Self::ImportWorkspaceFile,
        Self::Present,
        Self::ToggleProjectorTheme,
        Self::ToggleRevealMode,
        Self::ImportData,
        Self::ShowView(View::Compare),
        Self::ManageVersions,
        Self::StagePlaybook,
        Self::ShowView(View::Backlog),
        Self::ExportJourneyMap,
        Self::ExportWorkshopPack,
        Self::NewFromTemplate,
    ];

    /// The keys that trigger the command; the first is shown in menus.
    pub fn kb_shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::NewWorkspace => &[NEW_WORKSPACE],
            Self::OpenWorkspace => &[OPEN],
            Self::SaveCopy => &[SAVE_COPY],
            Self::Quit => &[QUIT],
            Self::Undo => &[UNDO],
            Self::Redo => &[REDO, REDO_Y],
            Self::NewPersona => &[NEW_PERSONA],
            Self::FocusSearch => &[FIND],
            Self::ZoomIn => &[ZOOM_IN],
            Self::ZoomOut => &[ZOOM_OUT],
            Self::ZoomReset => &[ZOOM_RESET],
            Self::About => &[],
            Self::Present => &[F5],
            Self::ImportData => &[IMPORT_DATA],
            Self::ShowView(_)
            | Self::RestoreBackup
            | Self::ExportWorkspaceFile
            | Self::ImportWorkspaceFile
            | Self::ToggleProjectorTheme
            | Self::ToggleRevealMode
            | Self::ManageVersions => &[],
            // F1, the key for help: the playbook of the stage being worked on (H21).
            Self::StagePlaybook => &[F1],
            Self::ExportJourneyMap | Self::ExportWorkshopPack => &[],
            Self::NewFromTemplate => &[],
        }
    }

    /// The shortcut shown beside the menu item.
    pub fn primary_shortcut(self) -> Option<KeyboardShortcut> {
        self.kb_shortcuts().first().copied()
    }

    /// Every (shortcut, command) pair in the order input must be checked: shortcuts with
    /// more modifiers first, because egui matches Ctrl+Z logically and would otherwise
    /// take Ctrl+Shift+Z for it.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Self)> {
        let mut table: Vec<(KeyboardShortcut, Self)> = Self::ALL
            .iter()
            .flat_map(|&command| command.kb_shortcuts().iter().map(move |&shortcut| (shortcut, command)))
            .collect();
        let modifier_count =
            |m: Modifiers| [m.alt, m.ctrl || m.command || m.mac_cmd, m.shift].iter().filter(|b| **b).count();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        table
    }

    /// Commands that belong to a focused text field's own editing while the user types.
    pub fn yields_to_text_field(self) -> bool {
        match self {
            Self::Undo | Self::Redo => true,
            Self::NewWorkspace
            | Self::OpenWorkspace
            | Self::SaveCopy
            | Self::Quit
            | Self::NewPersona
            | Self::FocusSearch
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::About
            | Self::ShowView(_)
            | Self::RestoreBackup
            | Self::ExportWorkspaceFile
            | Self::ImportWorkspaceFile
            | Self::Present
            | Self::ToggleProjectorTheme
            | Self::ToggleRevealMode
            | Self::ManageVersions => false,
            Self::ImportData => false,
            Self::StagePlaybook => false,
            Self::ExportJourneyMap | Self::ExportWorkshopPack => false,
            Self::NewFromTemplate => false,
        }
    }

    /// The menu or button text.
    pub fn text(self) -> Text {
        match self {
            Self::NewWorkspace => Text::NewWorkspace,
            Self::OpenWorkspace => Text::OpenWorkspace,
            Self::SaveCopy => Text::SaveCopy,
            Self::Quit => Text::Quit,
            Self::Undo => Text::Undo,
            Self::Redo => Text::Redo,
            Self::NewPersona => Text::NewPersona,
            Self::FocusSearch => Text::SearchPersonas,
            Self::ZoomIn => Text::ZoomIn,
            Self::ZoomOut => Text::ZoomOut,
            Self::ZoomReset => Text::ZoomReset,
            Self::About => Text::AboutStages,
            Self::ShowView(view) => view.text(),
            Self::RestoreBackup => Text::RestoreBackup,
            Self::ExportWorkspaceFile => Text::ExportWorkspaceFile,
            Self::ImportWorkspaceFile => Text::ImportWorkspaceFile,
            Self::Present => Text::Present,
            Self::ToggleProjectorTheme => Text::ProjectorDark,
            Self::ToggleRevealMode => Text::RevealMode,
            Self::ImportData => Text::ImportData,
            Self::ManageVersions => Text::ManageVersions,
            Self::StagePlaybook => Text::StagePlaybook,
            Self::ExportJourneyMap => Text::ExportJourneyMap,
            Self::ExportWorkshopPack => Text::ExportWorkshopPack,
            Self::NewFromTemplate => Text::NewFromTemplate,
        }
    }

    /// Hover text explaining the command, where the label alone is not enough.
    pub fn tooltip(self) -> Option<Text> {
        match self {
            Self::NewWorkspace => Some(Text::NewWorkspaceTip),
            Self::OpenWorkspace => Some(Text::OpenWorkspaceTip),
            Self::SaveCopy => Some(Text::SaveCopyTip),
            Self::Undo => Some(Text::UndoTip),
            Self::Redo => Some(Text::RedoTip),
            Self::NewPersona => Some(Text::NewPersonaTip),
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => Some(Text::ZoomTip),
            Self::RestoreBackup => Some(Text::RestoreBackupTip),
            Self::ExportWorkspaceFile => Some(Text::ExportWorkspaceFileTip),
            Self::ImportWorkspaceFile => Some(Text::ImportWorkspaceFileTip),
            Self::Present => Some(Text::PresentTip),
            Self::ToggleProjectorTheme => Some(Text::ProjectorDarkTip),
            Self::ToggleRevealMode => Some(Text::RevealModeTip),
            Self::ImportData => Some(Text::ImportDataTip),
            Self::ManageVersions => Some(Text::ManageVersionsTip),
            Self::StagePlaybook => Some(Text::StagePlaybookTip),
            Self::ExportJourneyMap => Some(Text::ExportJourneyMapTip),
            Self::ExportWorkshopPack => Some(Text::ExportWorkshopPackTip),
            Self::NewFromTemplate => Some(Text::NewFromTemplateTip),
            Self::Quit | Self::FocusSearch | Self::About | Self::ShowView(_) => None,
        }
    }
}

/// Everything a view, menu, dialog or shortcut can ask the app for, with the data it needs
/// (rerun's `SystemCommand` idea). Applied by the app after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A menu item or keyboard action.
    Ui(UiCommand),
    /// A change to the workspace, recorded for undo.
    Edit(Edit),
    OpenWorkspaceAt(PathBuf),
    SelectPersona(Option<PersonaId>),
    SelectStage(Stage),
    SetLanguage(Language),
    /// Asks for confirmation before [`Edit::DeletePersona`].
    AskDeletePersona(PersonaId),
    /// Opens a file dialog and sets the chosen picture as the persona's avatar.
    ChooseAvatar(PersonaId),
    /// Opens an entry in the board's emotion form (from the table).
    EditEmotion(EmotionId),
    /// Opens a save dialog and writes the chart as PNG.
    ExportChart(Chart),
    /// Opens a save dialog and writes the table as CSV.
    ExportCsv(CsvTable),
    // Backups and workspace files.
    /// Asks for confirmation before restoring this backup.
    AskRestoreBackup(BackupInfo),
    /// Replaces the workspace with the backup at this path (the current state is backed up first).
    RestoreBackup(PathBuf),
    /// Imports the workspace file at `path`; `replace` replaces a workspace holding data.
    ImportWorkspaceFile {
        path: PathBuf,
        replace: bool,
    },
    // Trainer mode.
    /// The persona the whole presentation (and the Analytics view) is about; none for everyone.
    PresentFor(Option<PersonaId>),
    /// Leaves the presentation: windowed again, on the view shown before.
    EndPresentation,
    /// A step of the import wizard (File → Import data…) that needs the app.
    ImportWizard(WizardRequest),
    // Journey versions (issue #10).
    /// Shows and edits this version on the board.
    SelectVersion(VersionId),
    /// Opens a save dialog and writes the Compare view of versions A and B as PNG.
    ExportCompare {
        a: VersionId,
        b: VersionId,
        persona: Option<PersonaId>,
    },
    /// "+ Opportunity" on a playbook action: a new backlog item at `stage` titled `title`.
    AddOpportunityFromPlaybook {
        stage: Stage,
        title: String,
    },
    // Templates (issue #11 §2).
    /// Asks where to save, then makes a new workspace from this template and opens it.
    CreateFromTemplate(TemplateChoice),
}

/// What the template dialog asks for: a built-in template in a language, and how many
/// made-up customers to give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateChoice {
    pub key: &'static str,
    pub language: Language,
    pub customers: u64,
}

impl From<UiCommand> for Command {
    fn from(command: UiCommand) -> Self {
        Self::Ui(command)
    }
}

impl From<WizardRequest> for Command {
    fn from(request: WizardRequest) -> Self {
        Self::ImportWizard(request)
    }
}

impl From<Edit> for Command {
    fn from(edit: Edit) -> Self {
        Self::Edit(edit)
    }
}

/// The queue views push commands into during a frame.
#[derive(Debug, Default)]
pub struct Commands(Vec<Command>);

impl Commands {
    pub fn send(&mut self, command: impl Into<Command>) {
        self.0.push(command.into());
    }

    /// Takes every queued command, oldest first.
    pub fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let table = UiCommand::shortcut_table();
        for (i, (shortcut, command)) in table.iter().enumerate() {
            for (other, other_command) in &table[i + 1..] {
                assert_ne!(shortcut, other, "{shortcut:?} is bound to {command:?} and {other_command:?}");
            }
        }
        assert!(table.iter().any(|(s, c)| *c == UiCommand::StagePlaybook && s.logical_key == Key::F1));
        assert!(table.iter().any(|(s, c)| *c == UiCommand::Redo && s.logical_key == Key::Y));
        assert!(table.iter().any(|(s, c)| *c == UiCommand::Present && s.logical_key == Key::F5));
    }

    #[test]
    fn ctrl_shift_z_is_checked_before_ctrl_z() {
        let table = UiCommand::shortcut_table();
        let position = |wanted: KeyboardShortcut| table.iter().position(|(s, _)| *s == wanted);
        let redo = position(KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z));
        let undo = position(KeyboardShortcut::new(Modifiers::COMMAND, Key::Z));
        assert!(redo.is_some() && undo.is_some() && redo < undo, "redo {redo:?}, undo {undo:?}");
    }

    /// Fails to compile when a variant is added without a place in [`UiCommand::ALL`].
    fn index(command: UiCommand) -> usize {
        match command {
            UiCommand::NewWorkspace => 0,
            UiCommand::OpenWorkspace => 1,
            UiCommand::SaveCopy => 2,
            UiCommand::Quit => 3,
            UiCommand::Undo => 4,
            UiCommand::Redo => 5,
            UiCommand::NewPersona => 6,
            UiCommand::FocusSearch => 7,
            UiCommand::ZoomIn => 8,
            UiCommand::ZoomOut => 9,
            UiCommand::ZoomReset => 10,
            UiCommand::About => 11,
            UiCommand::ShowView(View::Board) => 12,
            UiCommand::ShowView(View::PersonaCard) => 13,
            UiCommand::ShowView(View::EmotionLog) => 14,
            UiCommand::ShowView(View::Analytics) => 15,
            UiCommand::RestoreBackup => 16,
            UiCommand::ExportWorkspaceFile => 17,
            UiCommand::ImportWorkspaceFile => 18,
            UiCommand::Present => 19,
            UiCommand::ToggleProjectorTheme => 20,
            UiCommand::ToggleRevealMode => 21,
            UiCommand::ImportData => 22,
            UiCommand::ShowView(View::Compare) => 23,
            UiCommand::ManageVersions => 24,
            UiCommand::StagePlaybook => 25,
            UiCommand::ShowView(View::Backlog) => 26,
            UiCommand::ExportJourneyMap => 27,
            UiCommand::ExportWorkshopPack => 28,
            UiCommand::NewFromTemplate => 29,
        }
    }

    #[test]
    fn all_lists_every_command_once() {
        for (i, command) in UiCommand::ALL.iter().enumerate() {
            assert_eq!(index(*command), i, "{command:?} out of place in ALL");
        }
    }
}
