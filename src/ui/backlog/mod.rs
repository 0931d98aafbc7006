//! The Backlog view (issue #10 §3): the opportunities of the journey version on show, as a
//! sortable, filterable table beside a value × effort matrix, with a form to add or edit.
//!
//! - `rows`: the filters and the sort order (no egui).
//! - `table`: the table. `matrix`: the chart. `form`: the add / edit form.

pub mod form;
pub mod matrix;
pub mod rows;
pub mod table;

use egui::{RichText, Ui};

use self::form::OpportunityForm;
use self::rows::{BacklogFilter, SortColumn, owners, visible_rows};
use self::table::{TableInput, backlog_table_ui};
use super::command::Commands;
use super::context::ViewContext;
use super::widgets::persona_filter_ui;
use crate::i18n::{Text, Tr};
use crate::model::{Opportunity, OpportunityId, OpportunityStatus, Stage};

/// The rows shown, cached until the data or the filters change.
type RowsKey = (BacklogFilter, SortColumn, bool, u64);

/// The Backlog screen's state: filters, sort, selection and the form.
#[derive(Debug, Default)]
pub struct BacklogView {
    filter: BacklogFilter,
    sort: SortColumn,
    descending: bool,
    selected: Option<OpportunityId>,
    form: Option<OpportunityForm>,
    rows: Option<(RowsKey, Vec<usize>)>,
    /// Each dot's screen position in the last frame (tests click them).
    dots: Vec<(OpportunityId, egui::Pos2)>,
}

impl BacklogView {
    /// The selected opportunity, if any.
    pub fn selected(&self) -> Option<OpportunityId> {
        self.selected
    }

    /// Where the matrix drew an opportunity's dot in the last frame.
    pub fn dot_at(&self, id: OpportunityId) -> Option<egui::Pos2> {
        self.dots.iter().find(|(d, _)| *d == id).map(|(_, at)| *at)
    }

    fn select(&mut self, id: Option<OpportunityId>, opportunities: &[(OpportunityId, Opportunity)]) {
        self.selected = id;
        self.form = id.and_then(|id| {
            opportunities.iter().find(|(o, _)| *o == id).map(|(id, o)| OpportunityForm::edit(*id, o))
        });
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        let version = ctx.version();
        self.filter.version = Some(version);
        // The selection may have been deleted (undo, another window).
        if let Some(id) = self.selected
            && !data.opportunities.iter().any(|(o, _)| *o == id)
        {
            self.select(None, &data.opportunities);
        }
        self.filters_ui(ui, tr, ctx);
        let key = (self.filter.clone(), self.sort, self.descending, data.generation);
        if self.rows.as_ref().is_none_or(|(cached, _)| *cached != key) {
            let rows =
                visible_rows(&data.opportunities, &data.personas, &self.filter, self.sort, self.descending);
            self.rows = Some((key, rows));
        }
        let shown: Vec<(OpportunityId, &Opportunity)> = self
            .rows
            .as_ref()
            .map(|(_, rows)| {
                rows.iter().map(|&i| (data.opportunities[i].0, &data.opportunities[i].1)).collect()
            })
            .unwrap_or_default();
        let total = data.opportunities.iter().filter(|(_, o)| o.version == version).count();
        ui.label(RichText::new(tr.showing_opportunities(shown.len(), total)).small().weak());

        let form_width = 380.0_f32.min(ui.available_width() * 0.4);
        let height = ui.available_height();
        ui.horizontal_top(|ui| {
            let left = ui.available_width() - form_width - 12.0;
            ui.allocate_ui_with_layout(
                egui::vec2(left, height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    let table_height = (height * 0.45).max(120.0);
                    ui.allocate_ui_with_layout(
                        egui::vec2(left, table_height),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            if total == 0 {
                                ui.label(RichText::new(tr.t(Text::NoOpportunitiesYet)).weak());
                                return;
                            }
                            if shown.is_empty() {
                                ui.label(RichText::new(tr.t(Text::NoOpportunityMatches)).weak());
                                return;
                            }
                            let input = TableInput {
                                tr,
                                shown: &shown,
                                personas: &data.personas,
                                selected: self.selected,
                                sort: self.sort,
                                descending: self.descending,
                            };
                            // Long Vietnamese headers make the table wider than its share: it
                            // scrolls sideways instead of pushing the form out of the window.
                            let answer = egui::ScrollArea::horizontal()
                                .id_salt("backlog_table_scroll")
                                .show(ui, |ui| backlog_table_ui(ui, &input))
                                .inner;
                            if let Some(column) = answer.sort_by {
                                if self.sort == column {
                                    self.descending = !self.descending;
                                } else {
                                    self.sort = column;
                                    self.descending = false;
                                }
                            }
                            if let Some(id) = answer.select {
                                self.select(Some(id), &data.opportunities);
                            }
                        },
                    );
                    ui.separator();
                    if let Some(id) = matrix::matrix_ui(ui, tr, &shown, self.selected, &mut self.dots) {
                        self.select(Some(id), &data.opportunities);
                    }
                },
            );
            ui.separator();
            ui.allocate_ui_with_layout(
                egui::vec2(form_width, height),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    egui::ScrollArea::vertical().id_salt("backlog_form").show(ui, |ui| {
                        let stage = self.filter.stage.unwrap_or(Stage::Evaluation);
                        let form =
                            self.form.get_or_insert_with(|| OpportunityForm::new(version, stage, ctx.today));
                        if form.editing.is_none() {
                            // A new one goes to the version on show, even after a switch.
                            form.draft.version = version;
                        }
                        if form.ui(ui, tr, data, out) {
                            self.selected = None;
                            self.form = None;
                        }
                    });
                },
            );
        });
    }

    fn filters_ui(&mut self, ui: &mut Ui, tr: Tr, ctx: &ViewContext<'_>) {
        let data = ctx.data;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(Text::Stage));
            let current =
                self.filter.stage.map_or_else(|| tr.t(Text::AllStages).to_owned(), |s| s.numbered_name(tr.0));
            egui::ComboBox::from_id_salt("backlog_stage")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.stage, None, tr.t(Text::AllStages));
                    for stage in Stage::ALL {
                        ui.selectable_value(&mut self.filter.stage, Some(stage), stage.numbered_name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
            persona_filter_ui(ui, tr, "backlog_persona", Text::Persona, data, &mut self.filter.persona);
            let label = ui.label(tr.t(Text::Status));
            let current = self
                .filter
                .status
                .map_or_else(|| tr.t(Text::AllStatuses).to_owned(), |s| s.name(tr.0).to_owned());
            egui::ComboBox::from_id_salt("backlog_status")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.status, None, tr.t(Text::AllStatuses));
                    for status in OpportunityStatus::ALL {
                        ui.selectable_value(&mut self.filter.status, Some(status), status.name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(tr.t(Text::Owner));
            let current = self.filter.owner.clone().unwrap_or_else(|| tr.t(Text::AnyOwner).to_owned());
            egui::ComboBox::from_id_salt("backlog_owner")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.owner, None, tr.t(Text::AnyOwner));
                    for owner in owners(&data.opportunities, self.filter.version) {
                        let text = owner.clone();
                        ui.selectable_value(&mut self.filter.owner, Some(owner), text);
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
}
