//! The backlog table: one row per opportunity, sortable by clicking a column header,
//! the selected row highlighted (click a row to select it and open it in the form).

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::rows::SortColumn;
use crate::i18n::{Text, Tr};
use crate::model::{Opportunity, OpportunityId};
use crate::store::PersonaRecord;

/// What the table needs to draw one frame.
pub struct TableInput<'a> {
    pub tr: Tr,
    /// The rows to show, in order.
    pub shown: &'a [(OpportunityId, &'a Opportunity)],
    pub personas: &'a [PersonaRecord],
    pub selected: Option<OpportunityId>,
    pub sort: SortColumn,
    pub descending: bool,
}

/// What the user did in the table this frame.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct TableAnswer {
    /// A header clicked: sort by it (or reverse it).
    pub sort_by: Option<SortColumn>,
    /// A row clicked.
    pub select: Option<OpportunityId>,
}

/// The sort arrow after a header's text.
fn arrow(sorted: bool, descending: bool) -> &'static str {
    match (sorted, descending) {
        (true, false) => " ▲",
        (true, true) => " ▼",
        (false, _) => "",
    }
}

pub fn backlog_table_ui(ui: &mut Ui, input: &TableInput<'_>) -> TableAnswer {
    let tr = input.tr;
    let mut answer = TableAnswer::default();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt("backlog_table")
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(60.0))
        .column(Column::initial(220.0).at_least(120.0).clip(true))
        .column(Column::auto().at_least(110.0))
        .column(Column::auto().at_least(90.0).clip(true))
        .column(Column::auto().at_least(90.0))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(55.0))
        .column(Column::auto().at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0))
        .min_scrolled_height(80.0)
        .header(row_height + 4.0, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| {
                    let title =
                        format!("{}{}", tr.t(column.text()), arrow(input.sort == column, input.descending));
                    let tip = if column == SortColumn::Priority { Text::PriorityTip } else { Text::SortTip };
                    if ui
                        .add(egui::Button::new(RichText::new(title).strong()).frame(false))
                        .on_hover_text(tr.t(tip))
                        .clicked()
                    {
                        answer.sort_by = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, input.shown.len(), |mut row| {
                let (id, o) = input.shown[row.index()];
                row.set_selected(input.selected == Some(id));
                row.col(|ui| {
                    ui.label(tr.priority_ratio(o.priority_ratio()));
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&o.title).truncate());
                });
                row.col(|ui| {
                    ui.label(o.stage.numbered_name(tr.0));
                });
                row.col(|ui| {
                    let name = o
                        .persona
                        .and_then(|p| input.personas.iter().find(|r| r.id == p))
                        .map_or_else(|| tr.t(Text::AllPersonas).to_owned(), |r| r.persona.name.clone());
                    ui.add(egui::Label::new(name).truncate());
                });
                row.col(|ui| {
                    ui.label(o.status.name(tr.0));
                });
                row.col(|ui| {
                    ui.label(o.value.to_string());
                });
                row.col(|ui| {
                    ui.label(o.effort.to_string());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&o.owner).truncate());
                });
                row.col(|ui| {
                    ui.label(o.created.format("%Y-%m-%d").to_string());
                });
                if row.response().clicked() {
                    answer.select = Some(id);
                }
            });
        });
    answer
}
