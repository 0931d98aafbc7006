//! Starting and taking in the file work of `file_task.rs`: the backup before a persona
//! deletion and reading a workspace file, each on a thread of its own.

use std::path::PathBuf;
use std::sync::mpsc::TryRecvError;

use super::FanpathApp;
use super::file_task::{FileTask, on_thread};
use crate::i18n::{Text, Tr};
use crate::store::backup::BackupReason;
use crate::store::edit::Edit;
use crate::store::{self, StoreError, Workspace, WorkspaceFileSummary};
use crate::ui::state::Dialog;

impl FanpathApp {
    /// Backs the workspace up, then applies `edit` (a deletion). A failed backup does not
    /// stop the deletion, which undo can still take back, but it is shown. A workspace in
    /// memory has no file to copy: the edit applies at once.
    pub(super) fn delete_after_backup(&mut self, ctx: &egui::Context, edit: Edit) -> bool {
        let Some(path) = self.workspace_file() else {
            return self.apply_edit(ctx, edit);
        };
        let language = self.settings.language;
        let done = on_thread(ctx, move || {
            let result = store::backup::backup_file_now(&path, BackupReason::BeforeChange);
            result.err().map(|err| err.message(language))
        });
        self.file_task = Some(FileTask::BackupBeforeDelete { edit, done });
        false
    }

    /// Reads the workspace file at `path` into the workspace on a thread of its own.
    pub(super) fn import_workspace_file(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        replace: bool,
    ) -> bool {
        let Some(workspace_path) = self.workspace_file() else {
            let result = self.workspace.import_workspace_file(&path, replace);
            return self.imported_workspace_file(&path, result);
        };
        let file = path.clone();
        let done = on_thread(ctx, move || {
            Workspace::open(&workspace_path)
                .and_then(|mut workspace| workspace.import_workspace_file(&file, replace))
        });
        self.file_task = Some(FileTask::ImportWorkspaceFile { path, done });
        false
    }

    /// Takes the answer of the running file task, if it has come; returns whether the
    /// workspace's data changed.
    pub(super) fn poll_file_task(&mut self, ctx: &egui::Context) -> bool {
        let Some(task) = self.file_task.take() else { return false };
        match task {
            FileTask::BackupBeforeDelete { edit, done } => match done.try_recv() {
                Ok(failure) => {
                    if let Some(message) = failure {
                        let tr = Tr(self.settings.language);
                        self.status = Some(format!("{} {message}", tr.t(Text::BackupFailed)));
                    }
                    self.apply_edit(ctx, edit)
                }
                // A thread that died without answering took no backup; the deletion,
                // which undo can take back, still happens.
                Err(TryRecvError::Disconnected) => self.apply_edit(ctx, edit),
                Err(TryRecvError::Empty) => {
                    self.file_task = Some(FileTask::BackupBeforeDelete { edit, done });
                    false
                }
            },
            FileTask::ImportWorkspaceFile { path, done } => match done.try_recv() {
                Ok(result) => self.imported_workspace_file(&path, result),
                Err(TryRecvError::Disconnected) => false,
                Err(TryRecvError::Empty) => {
                    self.file_task = Some(FileTask::ImportWorkspaceFile { path, done });
                    false
                }
            },
            FileTask::MakeFromTemplate { path, done } => match done.try_recv() {
                Ok(result) => self.made_from_template(ctx, &path, result),
                Err(TryRecvError::Disconnected) => false,
                Err(TryRecvError::Empty) => {
                    self.file_task = Some(FileTask::MakeFromTemplate { path, done });
                    false
                }
            },
        }
    }

    /// Shows what reading a workspace file did; returns whether the data changed.
    fn imported_workspace_file(
        &mut self,
        path: &std::path::Path,
        result: Result<WorkspaceFileSummary, StoreError>,
    ) -> bool {
        let tr = Tr(self.settings.language);
        match result {
            Ok(summary) => {
                // The undo steps belonged to the data the file replaced.
                self.history.clear();
                self.status = Some(tr.imported_workspace_file(&summary, &path.display().to_string()));
                true
            }
            Err(StoreError::WorkspaceNotEmpty { .. }) => {
                self.dialog = Some(Dialog::ConfirmReplaceWorkspace(path.to_path_buf()));
                false
            }
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    /// The open workspace's file, or `None` for a workspace in memory.
    fn workspace_file(&self) -> Option<PathBuf> {
        let path = self.workspace.path();
        (path.as_os_str() != ":memory:").then(|| path.to_path_buf())
    }

    /// The modal shown while a file task runs.
    pub(super) fn file_task_ui(&self, ctx: &egui::Context) {
        let Some(task) = &self.file_task else { return };
        let tr = Tr(self.settings.language);
        egui::Modal::new(egui::Id::unique("file_task")).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t(task.text()));
            });
        });
    }
}
