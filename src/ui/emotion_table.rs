//! Every emotion entry in one table, filterable by persona and stage and sortable by any
//! column.

use std::cmp::Ordering;

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::command::{Command, Commands};
use super::context::ViewContext;
use super::data::ViewData;
use super::style;
use super::widgets::persona_filter_ui;
use crate::i18n::{Text, Tr};
use crate::model::collate;
use crate::model::{EmotionEntry, PersonaId, Stage};
use crate::store::edit::Edit;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum SortColumn {
    #[default]
    Date,
    Persona,
    Stage,
    Score,
    Label,
    Source,
}

impl SortColumn {
    const ALL: [Self; 6] = [Self::Date, Self::Persona, Self::Stage, Self::Score, Self::Label, Self::Source];

    fn text(self) -> Text {
        match self {
            Self::Date => Text::Date,
            Self::Persona => Text::Persona,
            Self::Stage => Text::Stage,
            Self::Score => Text::Score,
            Self::Label => Text::Label,
            Self::Source => Text::Source,
        }
    }
}

type OrderKey = (Option<PersonaId>, Option<Stage>, SortColumn, bool, u64);

/// The table of all emotion entries.
#[derive(Default)]
pub struct EmotionTable {
    persona: Option<PersonaId>,
    stage: Option<Stage>,
    sort: SortColumn,
    descending: bool,
    /// Row order (indices into `ViewData::emotions`) and what it was computed for.
    order: Option<(OrderKey, Vec<usize>)>,
}

impl EmotionTable {
    /// Filters and sorts only when a filter, the sort or the data changed.
    fn refresh_rows(&mut self, data: &ViewData) {
        let key = (self.persona, self.stage, self.sort, self.descending, data.generation);
        if self.order.as_ref().is_some_and(|(cached, _)| *cached == key) {
            return;
        }
        let name = |e: &EmotionEntry| data.persona(e.persona).map_or("", |r| r.persona.name.as_str());
        let mut rows: Vec<usize> = data
            .emotions
            .iter()
            .enumerate()
            .filter(|(_, (_, e))| {
                self.persona.is_none_or(|p| e.persona == p) && self.stage.is_none_or(|s| e.stage == s)
            })
            .map(|(i, _)| i)
            .collect();
        let entry = |i: usize| &data.emotions[i].1;
        rows.sort_by(|&a, &b| {
            let (a, b) = (entry(a), entry(b));
            let order = match self.sort {
                SortColumn::Date => a.logged_at.cmp(&b.logged_at),
                SortColumn::Persona => collate::compare(name(a), name(b)),
                SortColumn::Stage => a.stage.cmp(&b.stage),
                SortColumn::Score => a.score.cmp(&b.score),
                SortColumn::Label => collate::compare(&a.label, &b.label),
                SortColumn::Source => a.source.cmp(&b.source),
            };
            if order == Ordering::Equal { a.logged_at.cmp(&b.logged_at) } else { order }
        });
        if self.descending {
            rows.reverse();
        }
        self.order = Some((key, rows));
    }

    /// Draws the filters and the table.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        self.filters_ui(ui, tr, data);
        self.refresh_rows(data);
        let Some((_, rows)) = &self.order else { return };
        let (sort, descending) = (self.sort, self.descending);
        // Applied after the table, which borrows the cached rows.
        let mut clicked: Option<SortColumn> = None;
        ui.label(RichText::new(tr.showing_entries(rows.len(), data.emotions.len())).small().weak());
        ui.add_space(4.0);

        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(88.0))
            .column(Column::auto().at_least(130.0))
            .column(Column::auto().at_least(110.0))
            .column(Column::auto().at_least(50.0))
            .column(Column::auto().at_least(100.0).clip(true))
            .column(Column::remainder().at_least(110.0).clip(true))
            .column(Column::initial(90.0).at_least(60.0).clip(true))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(80.0))
            .header(row_height + 4.0, |mut header| {
                for column in SortColumn::ALL {
                    if column == SortColumn::Source {
                        header.col(|ui| {
                            ui.strong(tr.t(Text::Note));
                        });
                        header.col(|ui| {
                            ui.strong(tr.t(Text::Touchpoint));
                        });
                    }
                    header.col(|ui| {
                        let arrow = match (sort == column, descending) {
                            (true, false) => " ▲",
                            (true, true) => " ▼",
                            (false, _) => "",
                        };
                        let title = format!("{}{arrow}", tr.t(column.text()));
                        if ui
                            .add(egui::Button::new(RichText::new(title).strong()).frame(false))
                            .on_hover_text(tr.t(Text::SortTip))
                            .clicked()
                        {
                            clicked = Some(column);
                        }
                    });
                }
                header.col(|_| {});
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let (id, entry) = &data.emotions[rows[row.index()]];
                    row.col(|ui| {
                        ui.label(
                            entry
                                .logged_at
                                .map_or_else(|| "—".to_owned(), |t| t.format("%Y-%m-%d").to_string()),
                        );
                    });
                    row.col(|ui| {
                        if let Some(record) = data.persona(entry.persona) {
                            style::color_dot_ui(ui, record.persona.color, 5.0);
                            ui.label(&record.persona.name);
                        }
                    });
                    row.col(|ui| {
                        ui.label(entry.stage.numbered_name(tr.0));
                    });
                    row.col(|ui| {
                        style::score_badge_ui(ui, entry.score);
                    });
                    row.col(|ui| {
                        ui.label(&entry.label);
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&entry.note).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&entry.touchpoint).truncate());
                    });
                    row.col(|ui| {
                        ui.label(entry.source.name(tr.0));
                    });
                    row.col(|ui| {
                        if ui.small_button(tr.t(Text::Edit)).clicked() {
                            out.send(Command::EditEmotion(*id));
                        }
                        if ui.small_button("×").on_hover_text(tr.t(Text::DeleteEntry)).clicked() {
                            out.send(Edit::DeleteEmotion(*id));
                        }
                    });
                });
            });
        if let Some(column) = clicked {
            if self.sort == column {
                self.descending = !self.descending;
            } else {
                self.sort = column;
                self.descending = false;
            }
        }
    }

    fn filters_ui(&mut self, ui: &mut Ui, tr: Tr, data: &ViewData) {
        ui.horizontal(|ui| {
            persona_filter_ui(ui, tr, "table_persona", Text::Persona, data, &mut self.persona);
            let label = ui.label(tr.t(Text::Stage));
            let current =
                self.stage.map_or_else(|| tr.t(Text::AllStages).to_owned(), |s| s.numbered_name(tr.0));
            egui::ComboBox::from_id_salt("table_stage")
                .selected_text(current)
                .width(180.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.stage, None, tr.t(Text::AllStages));
                    for stage in Stage::ALL {
                        ui.selectable_value(&mut self.stage, Some(stage), stage.numbered_name(tr.0));
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
}
