//! The version switcher at the top of the board: which journey version the board shows
//! and edits, and the button to the versions dialog.

use egui::{RichText, Ui};

use super::command::{Command, Commands, UiCommand};
use super::data::ViewData;
use super::state::Selection;
use crate::i18n::{Text, Tr};

/// "Journey version: [Current (As-is) ▾] [Journey versions…]".
pub fn version_bar_ui(ui: &mut Ui, tr: Tr, data: &ViewData, selection: &Selection, out: &mut Commands) {
    let Some((shown, version)) = data.shown_version(selection.version) else { return };
    ui.horizontal(|ui| {
        let label = ui.label(RichText::new(tr.t(Text::JourneyVersion)).strong());
        let name = tr.version_name(version);
        let selected = format!("{name} ({})", tr.version_kind(version.kind));
        egui::ComboBox::from_id_salt("board_version")
            .selected_text(RichText::new(selected).strong())
            .width(220.0)
            .show_ui(ui, |ui| {
                for (id, v) in &data.versions {
                    let text = format!("{} ({})", tr.version_name(v), tr.version_kind(v.kind));
                    if ui.selectable_label(*id == shown, text).clicked() && *id != shown {
                        out.send(Command::SelectVersion(*id));
                    }
                }
            })
            .response
            .labelled_by(label.id);
        if let Some(day) = version.launch_date {
            ui.label(
                RichText::new(format!("{}: {}", tr.t(Text::LaunchDate), day.format("%Y-%m-%d"))).small(),
            );
        }
        let manage = UiCommand::ManageVersions;
        if ui.button(tr.t(manage.text())).on_hover_text(tr.t(Text::ManageVersionsTip)).clicked() {
            out.send(manage);
        }
    });
}
