//! Small widgets shared by several views.

use egui::Ui;

use super::data::ViewData;
use crate::i18n::{Text, Tr};
use crate::model::PersonaId;

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
