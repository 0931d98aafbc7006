//! The form beside the backlog table: add an opportunity, or edit the selected one (every
//! field, evidence entries of its stage included), or delete it. Each save is one
//! undoable edit.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use crate::i18n::{Text, Tr};
use crate::model::emotion::TEXT_MAX_CHARS;
use crate::model::opportunity::{OWNER_MAX_CHARS, TITLE_MAX_CHARS};
use crate::model::{Opportunity, OpportunityId, OpportunityStatus, Rating, Stage, VersionId};
use crate::store::edit::Edit;
use crate::ui::command::Commands;
use crate::ui::data::ViewData;
use crate::ui::widgets::persona_filter_ui;

/// The form's fields, and which opportunity they edit (`None`: a new one).
#[derive(Debug, Clone, PartialEq)]
pub struct OpportunityForm {
    pub editing: Option<OpportunityId>,
    pub draft: Opportunity,
    /// Why the last save was refused, if it was.
    error: Option<Text>,
}

impl OpportunityForm {
    /// An empty form for a new idea at `stage`.
    pub fn new(version: VersionId, stage: Stage, today: NaiveDate) -> Self {
        Self { editing: None, draft: Opportunity::new(version, "", stage, today), error: None }
    }

    /// The form on an existing opportunity.
    pub fn edit(id: OpportunityId, opportunity: &Opportunity) -> Self {
        Self { editing: Some(id), draft: opportunity.clone(), error: None }
    }

    /// Draws the form; returns true when it should go back to a blank one (after adding,
    /// cancelling or deleting).
    pub fn ui(&mut self, ui: &mut Ui, tr: Tr, data: &ViewData, out: &mut Commands) -> bool {
        let heading = if self.editing.is_some() { Text::EditOpportunity } else { Text::NewOpportunity };
        ui.label(RichText::new(tr.t(heading)).strong());
        let draft = &mut self.draft;
        egui::Grid::new("opportunity_form").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
            let label = ui.label(tr.t(Text::OpportunityTitle));
            ui.add(
                egui::TextEdit::singleline(&mut draft.title).char_limit(TITLE_MAX_CHARS).desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr.t(Text::Stage));
            egui::ComboBox::from_id_salt("opportunity_stage")
                .selected_text(draft.stage.numbered_name(tr.0))
                .width(200.0)
                .show_ui(ui, |ui| {
                    for stage in Stage::ALL {
                        ui.selectable_value(&mut draft.stage, stage, stage.numbered_name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            persona_filter_ui(ui, tr, "opportunity_persona", Text::Persona, data, &mut draft.persona);
            ui.end_row();

            let label = ui.label(tr.t(Text::Status));
            egui::ComboBox::from_id_salt("opportunity_status")
                .selected_text(draft.status.name(tr.0))
                .width(200.0)
                .show_ui(ui, |ui| {
                    for status in OpportunityStatus::ALL {
                        ui.selectable_value(&mut draft.status, status, status.name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            rating_row_ui(ui, tr, "opportunity_value", Text::Value, Text::ValueTip, &mut draft.value);
            rating_row_ui(ui, tr, "opportunity_effort", Text::Effort, Text::EffortTip, &mut draft.effort);

            let label = ui.label(tr.t(Text::Owner));
            ui.add(
                egui::TextEdit::singleline(&mut draft.owner).char_limit(OWNER_MAX_CHARS).desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr.t(Text::Evidence));
            ui.add(
                egui::TextEdit::multiline(&mut draft.evidence)
                    .char_limit(TEXT_MAX_CHARS)
                    .desired_rows(2)
                    .desired_width(260.0)
                    .hint_text(tr.t(Text::EvidenceHint)),
            )
            .labelled_by(label.id);
            ui.end_row();

            let label = ui.label(tr.t(Text::Note));
            ui.add(
                egui::TextEdit::multiline(&mut draft.note)
                    .char_limit(TEXT_MAX_CHARS)
                    .desired_rows(2)
                    .desired_width(260.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
        evidence_entries_ui(ui, tr, data, draft);

        if let Some(error) = self.error {
            ui.colored_label(ui.visuals().error_fg_color, tr.t(error));
        }
        let mut reset = false;
        ui.horizontal(|ui| {
            let save = if self.editing.is_some() { Text::SaveChanges } else { Text::AddOpportunity };
            if ui.button(tr.t(save)).clicked() {
                let mut opportunity = self.draft.clone();
                opportunity.title = opportunity.title.trim().to_owned();
                opportunity.owner = opportunity.owner.trim().to_owned();
                if opportunity.title.is_empty() {
                    self.error = Some(Text::TitleRequired);
                    return;
                }
                self.error = None;
                match self.editing {
                    Some(id) => out.send(Edit::UpdateOpportunity(id, Box::new(opportunity))),
                    None => {
                        out.send(Edit::AddOpportunity(Box::new(opportunity)));
                        reset = true;
                    }
                }
            }
            if self.editing.is_some() {
                if ui.button(tr.t(Text::Cancel)).clicked() {
                    reset = true;
                }
                if let Some(id) = self.editing
                    && ui.button(tr.t(Text::DeleteOpportunity)).clicked()
                {
                    out.send(Edit::DeleteOpportunity(id));
                    reset = true;
                }
            }
        });
        reset
    }
}

/// A rating from 1 to 5 as a menu labelled with its name (hover the name for the scale).
fn rating_row_ui(ui: &mut Ui, tr: Tr, id: &str, text: Text, tip: Text, rating: &mut Rating) {
    let label = ui.label(tr.t(text)).on_hover_text(tr.t(tip));
    egui::ComboBox::from_id_salt(id)
        .selected_text(rating.to_string())
        .width(60.0)
        .show_ui(ui, |ui| {
            for value in Rating::all() {
                ui.selectable_value(rating, value, value.to_string());
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(tr.t(tip));
    ui.end_row();
}

/// Check boxes for the emotion entries of the draft's stage (of its persona, or of every
/// persona when it is for all), to back the opportunity up with what customers felt.
fn evidence_entries_ui(ui: &mut Ui, tr: Tr, data: &ViewData, draft: &mut Opportunity) {
    let entries: Vec<_> = data
        .emotions
        .iter()
        .filter(|(_, e)| e.stage == draft.stage && draft.persona.is_none_or(|p| e.persona == p))
        .collect();
    egui::CollapsingHeader::new(tr.t(Text::EvidenceEntries)).id_salt("opportunity_evidence").show(ui, |ui| {
        if entries.is_empty() {
            ui.label(RichText::new(tr.t(Text::NoEntriesAtStage)).weak());
            return;
        }
        egui::ScrollArea::vertical().id_salt("evidence_scroll").max_height(120.0).show(ui, |ui| {
            for (id, entry) in entries {
                let mut linked = draft.evidence_emotions.contains(id);
                let who = data.persona(entry.persona).map_or("", |r| r.persona.name.as_str());
                let text =
                    format!("{} {} · {} {}", entry.score, entry.label, who, entry.note).trim().to_owned();
                if ui.checkbox(&mut linked, text).changed() {
                    if linked {
                        draft.evidence_emotions.push(*id);
                        draft.evidence_emotions.sort_unstable();
                    } else {
                        draft.evidence_emotions.retain(|e| e != id);
                    }
                }
            }
        });
    });
}
