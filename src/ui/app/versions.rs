//! Journey versions in the shell (issue #10): switching the board's version, following a
//! version that was just created, the versions dialog and the Compare view's PNG export.

use std::path::PathBuf;

use super::FanpathApp;
use super::worker::{Export, Job};
use crate::i18n::{Text, Tr};
use crate::model::{PersonaId, VersionId};
use crate::store::edit::Edit;

impl FanpathApp {
    /// Applies an edit of versions or targets; backs the workspace up before a deletion
    /// (as for a persona) and shows a version on the board once it is created.
    pub(super) fn apply_version_edit(&mut self, ctx: &egui::Context, edit: Edit) -> bool {
        if matches!(edit, Edit::DeleteVersion(_)) {
            self.backup_before_change();
        }
        let creates = matches!(edit, Edit::CreateVersion(..));
        let before: Vec<VersionId> = self.data.versions.iter().map(|(id, _)| *id).collect();
        let changed = self.apply_edit(ctx, edit);
        if changed && creates {
            // The one version the cache did not have yet.
            match self.workspace.versions() {
                Ok(versions) => {
                    if let Some((id, _)) = versions.iter().find(|(id, _)| !before.contains(id)) {
                        self.selection.version = Some(*id);
                        self.version_dialog.choose(*id);
                    }
                }
                Err(err) => self.show_error(&err),
            }
        }
        changed
    }

    /// Whether the edit belongs to journey versions (handled by [`Self::apply_version_edit`]).
    pub(super) fn is_version_edit(edit: &Edit) -> bool {
        matches!(
            edit,
            Edit::CreateVersion(..)
                | Edit::UpdateVersion(..)
                | Edit::DeleteVersion(_)
                | Edit::RestoreVersion(_)
                | Edit::SetTarget { .. }
        )
    }

    /// Shows `version` on the board.
    pub(super) fn select_version(&mut self, version: VersionId) -> bool {
        self.selection.version = Some(version);
        false
    }

    /// Opens the versions dialog on the version the board shows.
    pub(super) fn open_version_dialog(&mut self) -> bool {
        let shown = self.data.shown_version(self.selection.version).map(|(id, _)| id);
        self.version_dialog.open(Tr(self.settings.language), &self.data, shown);
        false
    }

    /// Asks where to save the Compare view as PNG.
    pub(super) fn export_compare(&mut self, a: VersionId, b: VersionId, persona: Option<PersonaId>) -> bool {
        let tr = Tr(self.settings.language);
        let Some(path) = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportPng))
            .add_filter("PNG", &["png"])
            .set_file_name("compare.png")
            .save_file()
        else {
            return false;
        };
        self.export_compare_to((a, b), persona, path);
        false
    }

    /// Draws the comparison of `a` and `b` into a PNG at `path`, off the frame.
    pub fn export_compare_to(
        &mut self,
        (a, b): (VersionId, VersionId),
        persona: Option<PersonaId>,
        path: PathBuf,
    ) {
        let export = Export::ComparePng { a, b, persona };
        self.submit(Job::Export { path, export, language: self.settings.language });
    }

    /// The version name for the title bar ("Hiện tại"), if any is loaded.
    pub(super) fn shown_version_name(&self) -> Option<String> {
        let tr = Tr(self.settings.language);
        self.data.shown_version(self.selection.version).map(|(_, v)| tr.version_name(v))
    }

    /// The versions compared in the Compare view (tests pick them through this).
    pub fn compare_view_mut(&mut self) -> &mut crate::ui::compare::CompareView {
        &mut self.compare_view
    }
}
