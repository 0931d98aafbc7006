//! Everything that goes through a file dialog or the file system: new, open and save a
//! copy of a workspace, choose an avatar, export a chart or a table; backups, restore
//! and workspace files.

use std::path::{Path, PathBuf};

use super::FanpathApp;
use super::worker::{Export, Job};
use crate::i18n::{Text, Tr};
use crate::model::PersonaId;
use crate::store::backup::BackupReason;
use crate::store::edit::Edit;
use crate::store::{self, Workspace};
use crate::ui::analytics::chart::{Chart, CsvTable};
use crate::ui::state::Dialog;

impl FanpathApp {
    /// Asks where to create a workspace and opens it; returns whether the data changed.
    pub(super) fn new_workspace(&mut self, ctx: &egui::Context) -> bool {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::NewWorkspace))
            .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite", "db"])
            .set_file_name("journeys.sqlite")
            .save_file()
        else {
            return false;
        };
        self.new_workspace_at(ctx, &path)
    }

    /// Asks for a workspace to open and opens it.
    pub(super) fn choose_workspace(&mut self, ctx: &egui::Context) -> bool {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::OpenWorkspace))
            .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite", "db"])
            .pick_file()
        else {
            return false;
        };
        self.open_workspace(ctx, &path)
    }

    /// Opens the workspace at `path` (for viewing only when it cannot be written); a file
    /// that is gone leaves the recent list.
    pub(super) fn open_workspace(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        match Workspace::open_or_view(path) {
            Ok(workspace) => {
                self.switch_to(ctx, workspace);
                true
            }
            Err(err) => {
                self.settings.recent.retain(|p| p != path || p.exists());
                self.show_error(&err);
                false
            }
        }
    }

    fn new_workspace_at(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        self.clear_new_file(path) && self.open_workspace(ctx, path)
    }

    /// Makes room for a new workspace at `path`: deletes a file there (the native dialog
    /// has asked) and its SQLite companions. Refuses the open workspace itself.
    pub(super) fn clear_new_file(&mut self, path: &Path) -> bool {
        if self.workspace.is_same_file(path) {
            self.dialog =
                Some(Dialog::Error(Tr(self.settings.language).t(Text::CannotReplaceOpen).to_owned()));
            return false;
        }
        // The native dialog has already asked whether to replace an existing file.
        if path.exists()
            && let Err(err) = std::fs::remove_file(path)
        {
            self.dialog = Some(Dialog::Error(format!("{}: {err}", path.display())));
            return false;
        }
        // SQLite would replay the replaced file's leftover WAL onto the new workspace.
        for suffix in ["-wal", "-shm"] {
            let mut companion = path.as_os_str().to_owned();
            companion.push(suffix);
            let _ = std::fs::remove_file(companion);
        }
        true
    }

    fn switch_to(&mut self, ctx: &egui::Context, workspace: Workspace) {
        self.settings.remember(workspace.path());
        self.replace_workspace(ctx, workspace);
        // Undo history belongs to the file it was made in.
        self.history.clear();
        self.selection.persona = None;
        self.status = None;
        self.refresh(ctx);
        self.start_daily_backup(ctx);
        self.start_integrity_check(ctx);
    }

    /// Asks where to save a copy of the workspace and writes it.
    pub(super) fn choose_save_copy(&mut self) {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::SaveCopy))
            .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite"])
            .set_file_name(format!("{} copy.sqlite", self.workspace.display_name()))
            .save_file()
        else {
            return;
        };
        match self.workspace.save_copy(&path) {
            Ok(()) => self.status = Some(format!("{} {}", tr.t(Text::SavedCopyTo), path.display())),
            Err(err) => self.show_error(&err),
        }
    }

    /// Asks for a picture and sets it as the persona's avatar.
    pub(super) fn choose_avatar(&mut self, ctx: &egui::Context, id: PersonaId) -> bool {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ChooseAvatar))
            .add_filter(tr.t(Text::Images), &["png", "jpg", "jpeg"])
            .pick_file()
        else {
            return false;
        };
        self.set_avatar_from_file(ctx, id, &path)
    }

    /// Reads a picture, downscales it and sets it as the persona's avatar (undoable).
    pub fn set_avatar_from_file(&mut self, ctx: &egui::Context, id: PersonaId, path: &Path) -> bool {
        let result = store::avatar::load_avatar(path).and_then(|png| {
            let mut persona = self.workspace.persona(id)?;
            persona.avatar_png = Some(png);
            Ok(persona)
        });
        match result {
            Ok(persona) => self.apply_edit(ctx, Edit::UpdatePersona(id, Box::new(persona))),
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    /// Asks where to save the chart on show as PNG.
    pub(super) fn export_chart(&mut self, chart: Chart) {
        let tr = Tr(self.settings.language);
        if self.analytics().is_none() {
            return;
        }
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportPng))
            .add_filter("PNG", &["png"])
            .set_file_name(format!("{}.png", chart.key()))
            .save_file()
        else {
            return;
        };
        self.export_chart_to(chart, path);
    }

    /// Asks where to save the table as CSV.
    pub(super) fn export_csv(&mut self, table: CsvTable) {
        let tr = Tr(self.settings.language);
        if self.analytics().is_none() {
            return;
        }
        let name = match table {
            CsvTable::Funnel => "funnel.csv",
            CsvTable::Emotions => "emotions.csv",
            CsvTable::Cohorts => "cohorts.csv",
            CsvTable::Launch => "before-after-launch.csv",
        };
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(table.text()))
            .add_filter(tr.t(Text::CsvFiles), &["csv"])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        self.export_csv_to(table, path);
    }

    /// Draws the chart on show into a PNG at `path`, off the frame; the status bar (or an
    /// error dialog) says when it is written.
    pub fn export_chart_to(&mut self, chart: Chart, path: PathBuf) {
        let Some(analytics) = self.analytics() else { return };
        let export = Export::ChartPng {
            chart,
            analytics: Box::new(analytics.clone()),
            options: self.analytics_view.options.clone(),
        };
        self.submit(Job::Export { path, export, language: self.settings.language });
    }

    /// Writes `table` for the current filter as CSV at `path`, off the frame.
    pub fn export_csv_to(&mut self, table: CsvTable, path: PathBuf) {
        let Some(analytics) = self.analytics() else { return };
        let export = match table {
            // Eight rows from the cached report: made here, only written by the worker.
            CsvTable::Funnel => Export::Bytes(store::export::funnel_csv(&analytics.report).into_bytes()),
            CsvTable::Emotions => {
                Export::EmotionsCsv { persona: self.analytics_view.persona, range: self.analytics_view.range }
            }
            // A row per month or week, from the cached numbers like the funnel.
            CsvTable::Cohorts => Export::Bytes(store::export::cohorts_csv(&analytics.cohorts).into_bytes()),
            CsvTable::Launch => {
                let Some(comparison) = &analytics.launch else { return };
                Export::Bytes(store::launch_export::launch_csv(comparison).into_bytes())
            }
        };
        self.submit(Job::Export { path, export, language: self.settings.language });
    }
}

// Backups and workspace files.
impl FanpathApp {
    /// Takes today's backup of the open workspace, if none exists yet, on a thread of its
    /// own with its own connection (a large workspace takes a while to copy, and the window
    /// must not wait). Only a failure is shown, in the status bar.
    pub fn start_daily_backup(&mut self, ctx: &egui::Context) {
        let path = self.workspace.path().to_path_buf();
        if path.as_os_str() == ":memory:" {
            return;
        }
        let language = self.settings.language;
        self.daily_backup = Some(super::file_task::on_thread(ctx, move || {
            store::backup::backup_file_now(&path, BackupReason::Opened).err().map(|err| err.message(language))
        }));
    }

    /// Shows the daily backup's failure once it has finished.
    pub(super) fn poll_daily_backup(&mut self) {
        let Some(receiver) = &self.daily_backup else { return };
        match receiver.try_recv() {
            Ok(failure) => {
                self.daily_backup = None;
                if let Some(message) = failure {
                    let tr = Tr(self.settings.language);
                    self.status = Some(format!("{} {message}", tr.t(Text::BackupFailed)));
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.daily_backup = None,
        }
    }

    /// Lists the backups and opens the restore dialog.
    pub(super) fn show_backups(&mut self) {
        let path = self.workspace.path().to_path_buf();
        match store::list_backups(&path) {
            Ok(backups) => {
                self.dialog = Some(Dialog::Backups { folder: store::backup::backup_dir(&path), backups });
            }
            Err(err) => self.show_error(&err),
        }
    }

    /// Restores the backup at `backup` (the current state is backed up first); returns
    /// whether the data changed.
    pub(super) fn restore_backup(&mut self, backup: &Path) -> bool {
        match self.workspace.restore_from(backup) {
            Ok(before) => {
                let tr = Tr(self.settings.language);
                // Undo steps name rows of the data that was replaced.
                self.history.clear();
                let mut status = format!("{} {}", tr.t(Text::RestoredBackup), backup.display());
                if let Some(before) = before {
                    status.push_str(&format!("; {} {}", tr.t(Text::PreviousStateIn), before.path.display()));
                }
                self.status = Some(status);
                true
            }
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    /// Asks where to write the workspace file and writes it.
    pub(super) fn export_workspace_file(&mut self) {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportWorkspaceFile))
            .add_filter(tr.t(Text::WorkspaceFileJson), &["json"])
            .set_file_name(format!("{}.json", self.workspace.display_name()))
            .save_file()
        else {
            return;
        };
        self.export_workspace_file_to(path);
    }

    /// Writes the workspace file at `path`, off the frame (it streams every table: seconds
    /// on a large workspace); the status bar (or an error dialog) says when it is written.
    pub fn export_workspace_file_to(&mut self, path: PathBuf) {
        self.submit(Job::ExportWorkspaceFile { path, language: self.settings.language });
    }

    /// Asks for a workspace file and imports it.
    pub(super) fn choose_workspace_file(&mut self, ctx: &egui::Context) -> bool {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ImportWorkspaceFile))
            .add_filter(tr.t(Text::WorkspaceFileJson), &["json"])
            .pick_file()
        else {
            return false;
        };
        self.import_workspace_file(ctx, path, false)
    }
}
