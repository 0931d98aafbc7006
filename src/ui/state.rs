//! What the app is showing: the central view, the selection and any modal. Views read it,
//! commands change it; it lives apart from the shell so views never import the shell.

use std::path::PathBuf;

use crate::i18n::Text;
use crate::model::{PersonaId, Stage, VersionId};
use crate::store::BackupInfo;

/// The screens of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum View {
    #[default]
    Board,
    PersonaCard,
    EmotionLog,
    Analytics,
    /// Two journey versions side by side (issue #10 §2).
    Compare,
    /// The opportunity backlog (issue #10 §3).
    Backlog,
}

impl View {
    pub const ALL: [Self; 6] =
        [Self::Board, Self::PersonaCard, Self::EmotionLog, Self::Analytics, Self::Compare, Self::Backlog];

    /// The tab and menu text.
    pub fn text(self) -> Text {
        match self {
            Self::Board => Text::JourneyBoard,
            Self::PersonaCard => Text::PersonaCard,
            Self::EmotionLog => Text::EmotionLog,
            Self::Analytics => Text::Analytics,
            Self::Compare => Text::CompareVersions,
            Self::Backlog => Text::Backlog,
        }
    }
}

/// What is selected and shown; views read it, commands change it.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub persona: Option<PersonaId>,
    pub stage: Option<Stage>,
    pub view: View,
    /// The journey version the board shows and edits; `None` (or one that was deleted)
    /// is the first version.
    pub version: Option<VersionId>,
}

/// A modal the app is showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Error(String),
    ConfirmDelete(PersonaId),
    // Backups and workspace files.
    /// The workspace's backups (newest first) and the folder they are kept in.
    Backups {
        folder: PathBuf,
        backups: Vec<BackupInfo>,
    },
    ConfirmRestore(BackupInfo),
    /// Importing this workspace file would replace the workspace's data.
    ConfirmReplaceWorkspace(PathBuf),
}
