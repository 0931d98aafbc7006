//! Step 2: the first rows of the file as a table, the delimiter found, and the columns to
//! use: for an event log the user picks them; for a customers or emotions file the wizard
//! shows what the import expects and whether the file has it.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::wizard::{EventColumnsDraft, ImportWizard, Loading, PersonaMode, failure_ui};
use crate::i18n::{Text, Tr};
use crate::store::{CsvPreview, ImportKind};
use crate::ui::command::Commands;

/// The widest a preview column opens, so a long note does not push the rest away (the
/// user can drag it wider: the columns are resizable). Wide enough for a time with a zone, "2024-03-02 08:00:00 +0700".
const PREVIEW_COLUMN_MAX: f32 = 260.0;
/// The narrowest a preview column can be dragged.
const PREVIEW_COLUMN_MIN: f32 = 32.0;

pub(super) fn columns_step_ui(ui: &mut Ui, tr: Tr, wizard: &mut ImportWizard, _out: &mut Commands) {
    let Some(head) = wizard.head.ready().cloned() else {
        if let Loading::Failed(lines) = &wizard.head {
            failure_ui(ui, lines);
        }
        return;
    };
    ui.label(tr.wizard_file_facts(head.file_bytes, head.columns.len(), head.delimiter));
    preview_table_ui(ui, &head);
    ui.add_space(10.0);
    match wizard.kind.csv_kind() {
        Some(kind) => expected_columns_ui(ui, tr, &head, kind),
        None => {
            let before = wizard.columns.clone();
            event_columns_ui(ui, tr, &head, &mut wizard.columns);
            let missing = wizard.columns.missing(&head);
            if !missing.is_empty() {
                ui.colored_label(ui.visuals().error_fg_color, tr.wizard_missing_columns(&missing));
            }
            if wizard.columns != before {
                wizard.forget_log();
            }
        }
    }
    ui.add_space(6.0);
    let skip = ui.checkbox(&mut wizard.skip_invalid, tr.t(Text::WizardSkipInvalid));
    if skip.changed() {
        wizard.forget_log();
    }
}

/// The header and first rows, each column as wide as its content (up to
/// [`PREVIEW_COLUMN_MAX`], then cut with "…", and resizable), scrolling sideways when wide.
fn preview_table_ui(ui: &mut Ui, head: &CsvPreview) {
    // An auto column that clips never grows past its first suggestion (egui_extras keeps the
    // smaller of the two): with the default 100 points the timestamps showed "2024-03-08T0…".
    // Suggesting the cap sizes each column to its content up to the cap.
    let column = Column::auto_with_initial_suggestion(PREVIEW_COLUMN_MAX)
        .at_least(PREVIEW_COLUMN_MIN)
        .clip(true)
        .resizable(true);
    egui::ScrollArea::horizontal().id_salt("wizard_preview").show(ui, |ui| {
        TableBuilder::new(ui)
            // Widths are remembered per table: a new file (other header or rows) sizes anew.
            .id_salt(("wizard_preview_table", &head.columns, &head.rows))
            .striped(true)
            .vscroll(false)
            .columns(column, head.columns.len())
            .header(20.0, |mut row| {
                for name in &head.columns {
                    row.col(|ui| {
                        ui.label(RichText::new(name).strong());
                    });
                }
            })
            .body(|mut body| {
                for record in &head.rows {
                    body.row(18.0, |mut row| {
                        for i in 0..head.columns.len() {
                            row.col(|ui| {
                                ui.label(record.get(i).map_or("", String::as_str));
                            });
                        }
                    });
                }
            });
    });
}

/// "The import reads: customer_id ✔, persona ✔, stage ✘ …".
fn expected_columns_ui(ui: &mut Ui, tr: Tr, head: &CsvPreview, kind: ImportKind) {
    ui.label(RichText::new(tr.t(Text::WizardExpects)).strong());
    // An empty header lacks exactly the required columns, which come first.
    let required_count = CsvPreview::default().missing_columns(kind).len();
    ui.horizontal_wrapped(|ui| {
        for (i, name) in kind.columns().iter().enumerate() {
            let found = head.column(name).is_some();
            let text = RichText::new(*name).monospace();
            let text = match (found, i < required_count) {
                (true, _) => text.strong(),
                (false, true) => text.color(ui.visuals().error_fg_color),
                (false, false) => text.weak(),
            };
            ui.label(text);
        }
    });
    let missing = head.missing_columns(kind);
    if missing.is_empty() {
        ui.label(tr.t(Text::WizardHasEverything));
    } else {
        let missing: Vec<String> = missing.iter().map(|m| (*m).to_owned()).collect();
        ui.colored_label(ui.visuals().error_fg_color, tr.wizard_missing_columns(&missing));
    }
}

/// The event log's columns: customer, time, event (or one name for every row), persona.
fn event_columns_ui(ui: &mut Ui, tr: Tr, head: &CsvPreview, draft: &mut EventColumnsDraft) {
    egui::Grid::new("wizard_event_columns").num_columns(2).spacing([12.0, 6.0]).show(ui, |ui| {
        column_choice_ui(ui, tr, Text::WizardCustomerColumn, head, &mut draft.customer);
        ui.end_row();
        column_choice_ui(ui, tr, Text::WizardTimeColumn, head, &mut draft.time);
        ui.end_row();

        let label = ui.label(tr.t(Text::WizardEventColumn));
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.every_row_is_one_event, false, tr.t(Text::WizardFromColumn))
                    .labelled_by(label.id);
                if !draft.every_row_is_one_event {
                    column_combo_ui(ui, "wizard_event_column", head, &mut draft.event).labelled_by(label.id);
                }
            });
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.every_row_is_one_event, true, tr.t(Text::WizardEveryRowIs));
                if draft.every_row_is_one_event {
                    ui.add(egui::TextEdit::singleline(&mut draft.event_name).desired_width(160.0))
                        .labelled_by(label.id);
                }
            });
        });
        ui.end_row();

        let label = ui.label(tr.t(Text::WizardPersona));
        ui.vertical(|ui| {
            ui.radio_value(&mut draft.persona_mode, PersonaMode::None, tr.t(Text::WizardNoPersona))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.persona_mode, PersonaMode::Column, tr.t(Text::WizardFromColumn));
                if draft.persona_mode == PersonaMode::Column {
                    column_combo_ui(ui, "wizard_persona_column", head, &mut draft.persona_column)
                        .labelled_by(label.id);
                }
            });
            ui.horizontal(|ui| {
                ui.radio_value(&mut draft.persona_mode, PersonaMode::Fixed, tr.t(Text::WizardOnePersona));
                if draft.persona_mode == PersonaMode::Fixed {
                    ui.add(egui::TextEdit::singleline(&mut draft.persona_name).desired_width(160.0))
                        .labelled_by(label.id);
                }
            });
        });
        ui.end_row();
    });
}

/// A labelled row choosing one of the header's columns.
fn column_choice_ui(ui: &mut Ui, tr: Tr, label: Text, head: &CsvPreview, chosen: &mut String) {
    let label = ui.label(tr.t(label));
    column_combo_ui(ui, label.id, head, chosen).labelled_by(label.id);
}

/// A combo box of the header's columns.
fn column_combo_ui(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    head: &CsvPreview,
    chosen: &mut String,
) -> egui::Response {
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(chosen.as_str())
        .width(180.0)
        .show_ui(ui, |ui| {
            for name in &head.columns {
                ui.selectable_value(chosen, name.clone(), name);
            }
        })
        .response
}
