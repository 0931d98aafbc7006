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

/// Runs `work` on a thread of its own and hands back where its answer arrives; the window
/// is woken when it does. If the app has closed meanwhile, the answer is dropped: nobody is
/// left to tell.
pub(super) fn on_thread<T: Send + 'static>(
    ctx: &egui::Context,
    work: impl FnOnce() -> T + Send + 'static,
) -> Receiver<T> {
    let (send, answer) = std::sync::mpsc::channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let _ = send.send(work());
        ctx.request_repaint();
    });
    answer
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
