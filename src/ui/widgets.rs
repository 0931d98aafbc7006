//! Small widgets shared by several views, so views never import each other.

use egui::{RichText, TextureHandle, Ui};

use super::command::{Command, Commands, UiCommand};
use super::data::ViewData;
use super::state::View;
use super::style;
use crate::i18n::{Text, Tr};
use crate::model::{PersonaId, Rgb, Stage};
use crate::store::edit::Edit;

/// A labelled combo box choosing one persona or "All personas". Returns whether the
/// choice changed this frame.
pub fn persona_filter_ui(
    ui: &mut Ui,
    tr: Tr,
    id_salt: &str,
    label: Text,
    data: &ViewData,
    persona: &mut Option<PersonaId>,
) -> bool {
    let before = *persona;
    let label = ui.label(tr.t(label));
    let current = persona
        .and_then(|id| data.persona(id))
        .map_or_else(|| tr.t(Text::AllPersonas).to_owned(), |r| r.persona.name.clone());
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(current)
        .width(210.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(persona, None, tr.t(Text::AllPersonas));
            for record in &data.personas {
                ui.selectable_value(persona, Some(record.id), &record.persona.name);
            }
        })
        .response
        .labelled_by(label.id);
    *persona != before
}

/// A button with an optional tooltip and shortcut hint, greyed out unless `enabled`.
/// Returns whether it was clicked.
fn action_button_ui(
    ui: &mut Ui,
    tr: Tr,
    text: Text,
    tooltip: Option<Text>,
    shortcut: Option<egui::KeyboardShortcut>,
    enabled: bool,
) -> bool {
    let mut button = egui::Button::new(tr.t(text));
    if let Some(shortcut) = shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let mut response = ui.add_enabled(enabled, button);
    if let Some(tip) = tooltip {
        response = response.on_hover_text(tr.t(tip));
    }
    response.clicked()
}

/// A menu item for `command`, greyed out unless `enabled`; label, tooltip and shortcut
/// hint come from the command, so menu and keyboard can never disagree.
pub fn command_button_ui(ui: &mut Ui, tr: Tr, command: UiCommand, enabled: bool, out: &mut Commands) {
    if action_button_ui(ui, tr, command.text(), command.tooltip(), command.primary_shortcut(), enabled) {
        out.send(command);
    }
}

/// "Duplicate", with its tooltip.
pub fn duplicate_button_ui(ui: &mut Ui, tr: Tr, id: PersonaId, out: &mut Commands) {
    if action_button_ui(ui, tr, Text::Duplicate, Some(Text::DuplicateTip), None, true) {
        out.send(Edit::DuplicatePersona(id));
    }
}

/// "Delete persona…", which asks before deleting.
pub fn delete_button_ui(ui: &mut Ui, tr: Tr, id: PersonaId, out: &mut Commands) {
    if action_button_ui(ui, tr, Text::DeletePersona, Some(Text::DeletePersonaTip), None, true) {
        out.send(Command::AskDeletePersona(id));
    }
}

/// The persona's avatar as a circle-ish square, or a colour dot when it has none.
pub fn avatar_ui(ui: &mut Ui, color: Rgb, avatar: Option<&TextureHandle>, radius: f32) {
    match avatar {
        Some(texture) => {
            ui.add(
                egui::Image::new(texture)
                    .fit_to_exact_size(egui::vec2(radius * 2.0, radius * 2.0))
                    .corner_radius(radius),
            );
        }
        None => {
            style::color_dot_ui(ui, color, radius * 0.6);
        }
    }
}

/// Edit / duplicate / move / delete, shared by the list and the board's chips.
pub fn persona_context_menu_ui(ui: &mut Ui, tr: Tr, id: PersonaId, out: &mut Commands) {
    if ui.button(tr.t(Text::EditPersona)).clicked() {
        out.send(Command::SelectPersona(Some(id)));
        out.send(UiCommand::ShowView(View::PersonaCard));
    }
    duplicate_button_ui(ui, tr, id, out);
    ui.menu_button(tr.t(Text::MoveTo), |ui| {
        for stage in Stage::ALL {
            if ui.button(stage.numbered_name(tr.0)).clicked() {
                out.send(Edit::MovePersona(id, Some(stage)));
            }
        }
        ui.separator();
        if ui.button(tr.t(Text::TakeOffPath)).clicked() {
            out.send(Edit::MovePersona(id, None));
        }
    });
    ui.separator();
    delete_button_ui(ui, tr, id, out);
}

/// A stage column's count of open opportunities (nothing when there are none), with a tip
/// saying what it counts.
pub fn open_opportunities_badge_ui(ui: &mut Ui, tr: Tr, open: u64) {
    if open == 0 {
        return;
    }
    ui.label(RichText::new(tr.open_opportunities(open)).small().color(ui.visuals().hyperlink_color))
        .on_hover_text(tr.t(Text::OpenOpportunitiesTip));
}
