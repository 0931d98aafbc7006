//! Modal dialogs: errors and the persona delete confirmation.

use egui::{Id, Modal, RichText};

use super::command::Command;
use super::data::ViewData;
use super::state::Dialog;
use super::{restore_dialog, style};
use crate::i18n::{Text, Tr};
use crate::store::edit::Edit;

/// Shows `dialog`. Returns `Some(answer)` once the user closed it, with the command the
/// answer asks for, if any.
pub fn dialog_ui(ctx: &egui::Context, tr: Tr, dialog: &Dialog, data: &ViewData) -> Option<Option<Command>> {
    let mut answer = None;
    let modal = Modal::new(Id::unique("fanpath_dialog")).show(ctx, |ui| {
        ui.set_max_width(if matches!(dialog, Dialog::Backups { .. }) { 640.0 } else { 460.0 });
        match dialog {
            Dialog::Error(message) => {
                ui.heading(tr.t(Text::SomethingWentWrong));
                ui.add_space(4.0);
                ui.label(message);
                ui.add_space(8.0);
                if ui.button(tr.t(Text::Ok)).clicked() {
                    answer = Some(None);
                }
            }
            Dialog::ConfirmDelete(id) => {
                let name = data.persona(*id).map_or("?", |r| r.persona.name.as_str());
                let (emotions, touchpoints) = data.persona_counts(*id);
                ui.heading(tr.delete_persona_question(name));
                ui.add_space(4.0);
                ui.label(tr.delete_persona_consequences(emotions, touchpoints));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let delete = RichText::new(tr.t(Text::Delete)).color(style::GAP);
                    if ui.button(delete).clicked() {
                        answer = Some(Some(Command::Edit(Edit::DeletePersona(*id))));
                    }
                    if ui.button(tr.t(Text::Cancel)).clicked() {
                        answer = Some(None);
                    }
                });
            }
            Dialog::Backups { folder, backups } => {
                answer = restore_dialog::backups_ui(ui, tr, folder, backups)
            }
            Dialog::ConfirmRestore(info) => answer = restore_dialog::confirm_restore_ui(ui, tr, info),
            Dialog::ConfirmReplaceWorkspace(file) => {
                answer = restore_dialog::confirm_replace_ui(ui, tr, file)
            }
        }
    });
    if answer.is_none() && modal.should_close() {
        answer = Some(None);
    }
    answer
}
