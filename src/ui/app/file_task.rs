//! Slow file work that the app must finish before it goes on: the backup taken before a
//! persona is deleted, reading a workspace file, and making a workspace from a template. On a million-customer workspace each
//! takes seconds, so each runs on a thread of its own with its own connection while the
//! window keeps drawing; a modal says what is happening, so no edit can race it.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use crate::i18n::Text;
use crate::store::edit::Edit;
use crate::store::{DemoSummary, StoreError, WorkspaceFileSummary};

/// File work running on its own thread.
pub(super) enum FileTask {
    /// The workspace is being backed up; `edit` (a deletion) is applied when it is done.
    BackupBeforeDelete { edit: Edit, done: Receiver<Option<String>> },
    /// A workspace file is being read into the workspace, through a second connection.
    ImportWorkspaceFile { path: PathBuf, done: Receiver<Result<WorkspaceFileSummary, StoreError>> },
    /// A new workspace is being made from a template at `path`; it opens when done.
    MakeFromTemplate { path: PathBuf, done: Receiver<Result<DemoSummary, StoreError>> },
}

impl FileTask {
    /// What the modal says while the task runs.
    pub(super) fn text(&self) -> Text {
        match self {
            Self::BackupBeforeDelete { .. } => Text::BackingUpBeforeDelete,
            Self::ImportWorkspaceFile { .. } => Text::ReadingWorkspaceFile,
            Self::MakeFromTemplate { .. } => Text::MakingFromTemplate,
        }
    }
}
