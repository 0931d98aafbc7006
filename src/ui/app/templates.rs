//! File → New from template… (issue #11 §2): ask where to save, then make the workspace
//! from the template on a thread (thousands of customers take a moment) and open it.

use std::path::{Path, PathBuf};

use super::FanpathApp;
use super::file_task::{FileTask, on_thread};
use crate::i18n::{Text, Tr};
use crate::model::template::builtin;
use crate::store::{DemoOptions, Workspace};
use crate::ui::command::TemplateChoice;
use crate::ui::state::Dialog;

impl FanpathApp {
    /// Opens the template dialog.
    pub(super) fn open_template_dialog(&mut self) -> bool {
        self.template_dialog.open(self.settings.language);
        false
    }

    /// The template dialog (tests choose a template through it).
    pub fn template_dialog_mut(&mut self) -> &mut crate::ui::template_dialog::TemplateDialog {
        &mut self.template_dialog
    }

    /// Asks where to save the workspace made from `choice`, then makes it.
    pub(super) fn create_from_template(&mut self, ctx: &egui::Context, choice: TemplateChoice) -> bool {
        let tr = Tr(self.settings.language);
        let dialog = rfd::FileDialog::new()
            .set_title(tr.t(Text::TemplatesTitle))
            .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite", "db"])
            .set_file_name(format!("{}.sqlite", choice.key));
        let Some(path) = self.save_file(dialog) else {
            return false;
        };
        self.create_from_template_at(ctx, path, choice)
    }

    /// Makes a new workspace at `path` from `choice` on a thread, replacing a file there
    /// (the save dialog has asked), and opens it when it is ready.
    pub fn create_from_template_at(
        &mut self,
        ctx: &egui::Context,
        path: PathBuf,
        choice: TemplateChoice,
    ) -> bool {
        let template = match builtin(choice.key, choice.language) {
            Ok(template) => template,
            Err(err) => {
                self.dialog = Some(Dialog::Error(err.to_string()));
                return false;
            }
        };
        if !self.clear_new_file(&path) {
            return false;
        }
        let options = DemoOptions { customers: choice.customers, ..DemoOptions::new(self.today) };
        let file = path.clone();
        let done = on_thread(ctx, move || {
            Workspace::open(&file).and_then(|mut workspace| workspace.write_template(template, &options))
        });
        self.file_task = Some(FileTask::MakeFromTemplate { path, done });
        false
    }

    /// Opens the workspace made from a template and says what it holds.
    pub(super) fn made_from_template(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        result: Result<crate::store::DemoSummary, crate::store::StoreError>,
    ) -> bool {
        match result {
            Ok(summary) => {
                let opened = self.open_workspace(ctx, path);
                if opened {
                    self.status = Some(Tr(self.settings.language).made_from_template(&summary));
                }
                opened
            }
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }
}
