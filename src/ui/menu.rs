//! The menu bar. Every item sends a [`Command`]; labels, tooltips and shortcut hints come
//! from the command itself, so the menu and the keyboard can never disagree.

use std::path::PathBuf;

use egui::Ui;

use super::app::Selection;
use super::command::{Command, Commands, View};
use crate::i18n::{Text, Tr};
use crate::model::Language;

/// A menu item for `command`, greyed out unless `enabled`.
pub fn command_button_ui(ui: &mut Ui, tr: Tr, command: Command, enabled: bool, out: &mut Commands) {
    let mut button = egui::Button::new(tr.t(command.text()));
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let mut response = ui.add_enabled(enabled, button);
    if let Some(tip) = command.tooltip() {
        response = response.on_hover_text(tr.t(tip));
    }
    if response.clicked() {
        out.send(command);
    }
}

pub fn menu_bar_ui(
    ui: &mut Ui,
    tr: Tr,
    recent: &[PathBuf],
    can_undo: bool,
    can_redo: bool,
    selection: &Selection,
    out: &mut Commands,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr.t(Text::File), |ui| {
            command_button_ui(ui, tr, Command::NewWorkspace, true, out);
            command_button_ui(ui, tr, Command::OpenWorkspace, true, out);
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
            command_button_ui(ui, tr, Command::SaveCopy, true, out);
            ui.separator();
            command_button_ui(ui, tr, Command::Quit, true, out);
        });
        ui.menu_button(tr.t(Text::Edit), |ui| {
            command_button_ui(ui, tr, Command::Undo, can_undo, out);
            command_button_ui(ui, tr, Command::Redo, can_redo, out);
            ui.separator();
            command_button_ui(ui, tr, Command::NewPersona, true, out);
            if let Some(id) = selection.persona {
                command_button_ui(ui, tr, Command::DuplicatePersona(id), true, out);
                command_button_ui(ui, tr, Command::AskDeletePersona(id), true, out);
            }
        });
        ui.menu_button(tr.t(Text::ViewMenu), |ui| {
            for view in View::ALL {
                if ui.radio(selection.view == view, tr.t(view.text())).clicked() {
                    out.send(Command::ShowView(view));
                }
            }
            ui.separator();
            command_button_ui(ui, tr, Command::ZoomIn, true, out);
            command_button_ui(ui, tr, Command::ZoomOut, true, out);
            command_button_ui(ui, tr, Command::ZoomReset, true, out);
        });
        ui.menu_button(tr.t(Text::Language), |ui| {
            for language in Language::ALL {
                if ui.radio(tr.0 == language, language.native_name()).clicked() {
                    out.send(Command::SetLanguage(language));
                }
            }
        });
        ui.menu_button(tr.t(Text::Help), |ui| {
            command_button_ui(ui, tr, Command::ShowAbout, true, out);
        });
    });
}
