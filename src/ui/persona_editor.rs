//! The persona card editor. Every valid change is saved when its field loses focus (no
//! Save button); invalid input stays in the field with the reason beside it, unsaved.

use egui::{RichText, TextureHandle, Ui};

use super::command::{Command, Commands, UiCommand};
use super::context::ViewContext;
use super::data::ViewData;
use super::state::Selection;
use super::style;
use super::widgets::{avatar_ui, delete_button_ui, duplicate_button_ui};
use crate::i18n::{Text, Tr};
use crate::model::persona::PersonaError;
use crate::model::{Persona, PersonaField, PersonaId, Stage};
use crate::store::edit::Edit;

/// The fields of each card section, in display order.
const WHO: [PersonaField; 6] = [
    PersonaField::Name,
    PersonaField::Segment,
    PersonaField::AgeRange,
    PersonaField::Occupation,
    PersonaField::Location,
    PersonaField::IncomeBand,
];
const DRIVERS: [PersonaField; 3] = [PersonaField::Goals, PersonaField::PainPoints, PersonaField::Motivations];
const CHANNELS: [PersonaField; 2] = [PersonaField::PreferredChannels, PersonaField::ShoppingHabits];
const VOICE: [PersonaField; 2] = [PersonaField::Quote, PersonaField::Notes];

pub fn field_text(field: PersonaField) -> Text {
    match field {
        PersonaField::Name => Text::Name,
        PersonaField::Segment => Text::Segment,
        PersonaField::AgeRange => Text::AgeRange,
        PersonaField::Occupation => Text::Occupation,
        PersonaField::Location => Text::Location,
        PersonaField::IncomeBand => Text::IncomeBand,
        PersonaField::ShoppingHabits => Text::ShoppingHabits,
        PersonaField::Goals => Text::Goals,
        PersonaField::PainPoints => Text::PainPoints,
        PersonaField::Motivations => Text::Motivations,
        PersonaField::PreferredChannels => Text::PreferredChannels,
        PersonaField::Quote => Text::Quote,
        PersonaField::Notes => Text::Notes,
    }
}

/// Edits the selected persona's card.
#[derive(Default)]
pub struct PersonaEditor {
    id: Option<PersonaId>,
    /// What the user sees and types into.
    draft: Persona,
    /// What the workspace holds; the draft is saved when it differs and is valid.
    saved: Persona,
    errors: Vec<PersonaError>,
    focus_name: bool,
}

impl PersonaEditor {
    /// Puts the cursor in the name field next frame (after "New persona").
    pub fn focus_name(&mut self) {
        self.focus_name = true;
    }

    /// Follows the selection and the store after a refresh. Unsaved invalid input is kept
    /// so the user can fix it rather than lose it.
    pub fn sync(&mut self, data: &ViewData, selection: &Selection) {
        let stored = selection.persona.and_then(|id| data.persona(id));
        match stored {
            Some(record) if self.id == Some(record.id) && !self.errors.is_empty() => {
                self.saved = record.persona.clone();
            }
            Some(record) => {
                self.id = Some(record.id);
                self.saved = record.persona.clone();
                self.draft = record.persona.clone();
                self.errors.clear();
            }
            None => {
                self.id = None;
                self.errors.clear();
            }
        }
    }

    fn error_for(&self, field: PersonaField) -> Option<&PersonaError> {
        self.errors.iter().find(|e| e.field() == field)
    }

    /// Validates the draft and, if it is valid and changed, sends it to be saved.
    fn commit(&mut self, data: &ViewData, out: &mut Commands) {
        let Some(id) = self.id else { return };
        self.errors = self.draft.validate();
        let key = Persona::name_key(&self.draft.name);
        if data.personas.iter().any(|r| r.id != id && Persona::name_key(&r.persona.name) == key) {
            self.errors.push(PersonaError::DuplicateName(self.draft.name.trim().to_owned()));
        }
        if self.errors.is_empty() && self.draft != self.saved {
            self.saved = self.draft.clone();
            out.send(Edit::UpdatePersona(id, Box::new(self.draft.clone())));
        }
    }

    /// Draws the selected persona's card, or a hint when none is selected.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data, selection) = (ctx.tr, ctx.data, ctx.selection);
        if self.id != selection.persona {
            self.sync(data, selection);
        }
        let Some(id) = self.id else {
            ui.add_space(20.0);
            ui.label(tr.t(Text::SelectPersonaHint));
            if ui.button(format!("+ {}", tr.t(Text::NewPersona))).clicked() {
                out.send(UiCommand::NewPersona);
            }
            return;
        };
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            self.header_ui(ui, tr, id, ctx.avatars.get(&id), data, out);
            ui.add_space(8.0);
            ui.columns(2, |columns| {
                self.section_ui(&mut columns[0], tr, Text::WhoTheyAre, &WHO, data, out);
                self.section_ui(&mut columns[0], tr, Text::ChannelsAndHabits, &CHANNELS, data, out);
                self.section_ui(&mut columns[1], tr, Text::GoalsPainsMotivations, &DRIVERS, data, out);
                self.section_ui(&mut columns[1], tr, Text::InTheirWords, &VOICE, data, out);
            });
        });
    }

    fn header_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        id: PersonaId,
        avatar: Option<&TextureHandle>,
        data: &ViewData,
        out: &mut Commands,
    ) {
        ui.horizontal(|ui| {
            avatar_ui(ui, self.draft.color, avatar, 32.0);
            ui.vertical(|ui| {
                ui.heading(&self.saved.name);
                ui.horizontal_wrapped(|ui| {
                    let color_label = ui.label(tr.t(Text::Colour));
                    if ui
                        .color_edit_button_srgb(&mut self.draft.color.0)
                        .labelled_by(color_label.id)
                        .changed()
                    {
                        self.commit(data, out);
                    }
                    let stage_label = ui.label(tr.t(Text::CurrentStage));
                    let before = self.draft.stage;
                    let current = self
                        .draft
                        .stage
                        .map_or_else(|| tr.t(Text::NotOnPath).to_owned(), |s| s.numbered_name(tr.0));
                    egui::ComboBox::from_id_salt("editor_stage")
                        .selected_text(current)
                        .width(170.0)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut self.draft.stage, None, tr.t(Text::NotOnPath));
                            for stage in Stage::ALL {
                                ui.selectable_value(
                                    &mut self.draft.stage,
                                    Some(stage),
                                    stage.numbered_name(tr.0),
                                );
                            }
                        })
                        .response
                        .labelled_by(stage_label.id);
                    if self.draft.stage != before {
                        self.commit(data, out);
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    if ui.button(tr.t(Text::ChooseAvatar)).clicked() {
                        out.send(Command::ChooseAvatar(id));
                    }
                    if self.draft.avatar_png.is_some() && ui.button(tr.t(Text::RemoveAvatar)).clicked() {
                        self.draft.avatar_png = None;
                        self.commit(data, out);
                    }
                    duplicate_button_ui(ui, tr, id, out);
                    delete_button_ui(ui, tr, id, out);
                });
            });
        });
    }

    fn section_ui(
        &mut self,
        ui: &mut Ui,
        tr: Tr,
        title: Text,
        fields: &[PersonaField],
        data: &ViewData,
        out: &mut Commands,
    ) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(tr.t(title)).strong().size(15.0));
            ui.add_space(2.0);
            for &field in fields {
                self.field_ui(ui, tr, field, data, out);
            }
        });
        ui.add_space(8.0);
    }

    fn field_ui(&mut self, ui: &mut Ui, tr: Tr, field: PersonaField, data: &ViewData, out: &mut Commands) {
        let label = ui.label(tr.t(field_text(field)));
        let value = self.draft.field_mut(field);
        let edit = if field.is_multiline() {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui.add(edit.desired_width(f32::INFINITY)).labelled_by(label.id);
        if field == PersonaField::Name && std::mem::take(&mut self.focus_name) {
            response.request_focus();
        }
        // Screen readers may set a value without focusing the field: save that too.
        if response.lost_focus() || (response.changed() && !response.has_focus()) {
            self.commit(data, out);
        }
        if let Some(error) = self.error_for(field) {
            ui.label(RichText::new(tr.persona_error(error)).color(style::GAP));
        }
        ui.add_space(2.0);
    }
}
