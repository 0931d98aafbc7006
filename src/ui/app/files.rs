//! Everything that goes through a file dialog or the file system: new, open and save a
//! copy of a workspace, choose an avatar, export a chart or a table.

use std::path::Path;

use super::FanpathApp;
use crate::i18n::{Text, Tr};
use crate::model::PersonaId;
use crate::store::edit::Edit;
use crate::store::{self, Workspace};
use crate::ui::analytics::chart::{Chart, CsvTable};
use crate::ui::analytics::export;
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
        self.open_workspace(ctx, path)
    }

    fn switch_to(&mut self, ctx: &egui::Context, workspace: Workspace) {
        self.settings.remember(workspace.path());
        self.workspace = workspace;
        // Undo history belongs to the file it was made in.
        self.history.clear();
        self.selection.persona = None;
        self.status = None;
        self.refresh(ctx);
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

    /// Asks where to save the chart on show and writes it as PNG.
    pub(super) fn export_chart(&mut self, chart: Chart) {
        let tr = Tr(self.settings.language);
        let Some(analytics) = self.analytics() else { return };
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportPng))
            .add_filter("PNG", &["png"])
            .set_file_name(format!("{}.png", chart.key()))
            .save_file()
        else {
            return;
        };
        let written =
            export::chart_png(chart, analytics, &self.analytics_view.options, self.settings.language)
                .map_err(|err| err.to_string())
                .and_then(|png| {
                    store::export::write_export(&path, &png)
                        .map_err(|err| err.message(self.settings.language))
                });
        match written {
            Ok(()) => self.status = Some(format!("{} {}", tr.t(Text::ExportedTo), path.display())),
            Err(message) => self.dialog = Some(Dialog::Error(message)),
        }
    }

    /// Asks where to save the table and writes it as CSV.
    pub(super) fn export_csv(&mut self, table: CsvTable) {
        let tr = Tr(self.settings.language);
        let Some(analytics) = self.analytics() else { return };
        let (name, contents) = match table {
            CsvTable::Funnel => ("funnel.csv", Ok(store::export::funnel_csv(&analytics.report))),
            CsvTable::Emotions => {
                ("emotions.csv", store::export::emotions_csv(&self.workspace, self.analytics_view.persona))
            }
        };
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(table.text()))
            .add_filter(tr.t(Text::CsvFiles), &["csv"])
            .set_file_name(name)
            .save_file()
        else {
            return;
        };
        match contents.and_then(|csv| store::export::write_export(&path, csv.as_bytes())) {
            Ok(()) => self.status = Some(format!("{} {}", tr.t(Text::ExportedTo), path.display())),
            Err(err) => self.show_error(&err),
        }
    }
}
