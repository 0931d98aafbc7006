//! The menu bar. Every item sends a [`UiCommand`] or [`Command`]; labels, tooltips and shortcut hints come
//! from the command itself, so the menu and the keyboard can never disagree.

use std::path::PathBuf;

use egui::Ui;

use super::command::{Command, Commands, UiCommand};
use super::context::ViewContext;
use super::present::PresentSettings;
use super::state::View;
use super::widgets::{command_button_ui, delete_button_ui, duplicate_button_ui};
use crate::i18n::Text;
use crate::model::Language;

/// Undo and redo availability, for greying out the Edit menu.
#[derive(Clone, Copy, Debug, Default)]
pub struct HistoryState {
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The File, Edit, View, Language and Help menus.
pub fn menu_bar_ui(
    ui: &mut Ui,
    ctx: &ViewContext<'_>,
    recent: &[PathBuf],
    history: HistoryState,
    present: PresentSettings,
    out: &mut Commands,
) {
    let (tr, selection) = (ctx.tr, ctx.selection);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr.t(Text::File), |ui| {
            command_button_ui(ui, tr, UiCommand::NewWorkspace, true, out);
            command_button_ui(ui, tr, UiCommand::NewFromTemplate, true, out);
            command_button_ui(ui, tr, UiCommand::OpenWorkspace, true, out);
            ui.menu_button(tr.t(Text::RecentWorkspaces), |ui| {
                // The first entry is the open workspace.
                let others: Vec<&PathBuf> = recent.iter().skip(1).collect();
                if others.is_empty() {
                    ui.label(tr.t(Text::NoRecent));
                }
                for path in others {
                    if ui.button(path.display().to_string()).clicked() {
                        out.send(Command::OpenWorkspaceAt(path.clone()));
                    }
                }
            });
            command_button_ui(ui, tr, UiCommand::SaveCopy, true, out);
            ui.separator();
            command_button_ui(ui, tr, UiCommand::RestoreBackup, true, out);
            command_button_ui(ui, tr, UiCommand::ExportWorkspaceFile, true, out);
            command_button_ui(ui, tr, UiCommand::ImportWorkspaceFile, true, out);
            command_button_ui(ui, tr, UiCommand::ImportData, true, out);
            ui.separator();
            // Hand-outs: a journey map is drawn for one persona.
            command_button_ui(ui, tr, UiCommand::ExportJourneyMap, selection.persona.is_some(), out);
            command_button_ui(ui, tr, UiCommand::ExportWorkshopPack, true, out);
            ui.separator();
            command_button_ui(ui, tr, UiCommand::Quit, true, out);
        });
        ui.menu_button(tr.t(Text::Edit), |ui| {
            command_button_ui(ui, tr, UiCommand::Undo, history.can_undo, out);
            command_button_ui(ui, tr, UiCommand::Redo, history.can_redo, out);
            ui.separator();
            command_button_ui(ui, tr, UiCommand::NewPersona, true, out);
            command_button_ui(ui, tr, UiCommand::ManageVersions, true, out);
            if let Some(id) = selection.persona {
                duplicate_button_ui(ui, tr, id, out);
                delete_button_ui(ui, tr, id, out);
            }
        });
        ui.menu_button(tr.t(Text::ViewMenu), |ui| {
            for view in View::ALL {
                if ui.radio(selection.view == view, tr.t(view.text())).clicked() {
                    out.send(UiCommand::ShowView(view));
                }
            }
            ui.separator();
            command_button_ui(ui, tr, UiCommand::ZoomIn, true, out);
            command_button_ui(ui, tr, UiCommand::ZoomOut, true, out);
            command_button_ui(ui, tr, UiCommand::ZoomReset, true, out);
            ui.separator();
            present_menu_ui(ui, ctx, present, out);
        });
        ui.menu_button(tr.t(Text::Language), |ui| {
            for language in Language::ALL {
                if ui.radio(tr.0 == language, language.native_name()).clicked() {
                    out.send(Command::SetLanguage(language));
                }
            }
        });
        ui.menu_button(tr.t(Text::Help), |ui| {
            command_button_ui(ui, tr, UiCommand::About, true, out);
            command_button_ui(ui, tr, UiCommand::StagePlaybook, true, out);
        });
    });
}

/// View → Present, and the two projector switches beside it.
fn present_menu_ui(ui: &mut Ui, ctx: &ViewContext<'_>, present: PresentSettings, out: &mut Commands) {
    let tr = ctx.tr;
    command_button_ui(ui, tr, UiCommand::Present, true, out);
    for (command, on) in
        [(UiCommand::ToggleProjectorTheme, present.dark), (UiCommand::ToggleRevealMode, present.reveal_mode)]
    {
        let mut checked = on;
        let mut response = ui.checkbox(&mut checked, tr.t(command.text()));
        if let Some(tip) = command.tooltip() {
            response = response.on_hover_text(tr.t(tip));
        }
        if response.changed() {
            out.send(command);
        }
    }
}
