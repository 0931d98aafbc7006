//! Step 3 (event logs): every distinct event of the file with its rows and customers, each
//! mapped to a stage (or ignored) at an occurrence. Every edit asks for the funnel again,
//! shown below the table at once.

use egui::{RichText, Ui};

use super::funnel_step;
use super::request::WizardRequest;
use super::rules::RuleDraft;
use super::wizard::{ImportWizard, Loading, failure_ui};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::ui::command::Commands;

/// The lines of the stage list: "Ignore" and the eight stages.
const STAGE_LIST_ROWS: f32 = 9.0;

/// The occurrences offered: the earliest time, then the 2nd … 10th distinct time.
const OCCURRENCES_OFFERED: u32 = 10;

pub(super) fn rules_step_ui(ui: &mut Ui, tr: Tr, wizard: &mut ImportWizard, out: &mut Commands) {
    let facts = match &wizard.log {
        Loading::Idle | Loading::Busy => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t(Text::WizardReading));
            });
            return;
        }
        Loading::Failed(lines) => {
            failure_ui(ui, lines);
            return;
        }
        Loading::Ready(facts) => facts.clone(),
    };
    ui.label(tr.wizard_log_facts(facts.rows, facts.customers, facts.events.len()));
    if !facts.skipped.is_empty() {
        ui.collapsing(tr.wizard_skipped_rows(facts.skipped.len()), |ui| {
            for line in &facts.skipped {
                ui.monospace(line);
            }
        });
    }
    ui.label(RichText::new(tr.t(Text::WizardRulesExplained)).weak());
    let mut changed = false;
    egui::Grid::new("wizard_rules").num_columns(6).striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        for text in [
            Text::WizardEventColumn,
            Text::WizardRows,
            Text::Customers,
            Text::WizardStage,
            Text::WizardOccurrence,
        ] {
            ui.label(RichText::new(tr.t(text)).strong());
        }
        ui.label("");
        ui.end_row();
        for event in &facts.events {
            let lines: Vec<usize> = wizard
                .rules
                .iter()
                .enumerate()
                .filter(|(_, d)| d.in_file && d.event == event.name)
                .map(|(i, _)| i)
                .collect();
            for (k, &i) in lines.iter().enumerate() {
                if k == 0 {
                    ui.label(RichText::new(&event.name).monospace());
                    ui.label(tr.count(event.rows));
                    ui.label(tr.count(event.customers));
                } else {
                    ui.label("");
                    ui.label("");
                    ui.label("");
                }
                changed |= rule_line_ui(ui, tr, i, k + 1, &mut wizard.rules[i]);
                ui.horizontal(|ui| {
                    if k + 1 == lines.len()
                        && ui
                            .small_button("+")
                            .on_hover_text(tr.t(Text::WizardAddRule))
                            .accessible_name(tr.wizard_add_line_for(&event.name))
                            .clicked()
                    {
                        let next = wizard.rules[i].occurrence.max(1) + 1;
                        let draft = RuleDraft {
                            occurrence: next.min(OCCURRENCES_OFFERED),
                            ..RuleDraft::ignored(&event.name)
                        };
                        wizard.rules.insert(i + 1, draft);
                        changed = true;
                    }
                    if lines.len() > 1
                        && ui
                            .small_button("−")
                            .on_hover_text(tr.t(Text::WizardRemoveRule))
                            .accessible_name(tr.wizard_remove_line_for(&event.name, k + 1))
                            .clicked()
                    {
                        wizard.rules.remove(i);
                        changed = true;
                    }
                });
                ui.end_row();
                if changed {
                    // The indices moved: draw the rest next frame.
                    break;
                }
            }
            if changed {
                break;
            }
        }
    });
    let kept: Vec<&RuleDraft> = wizard.rules.iter().filter(|d| !d.in_file).collect();
    if !kept.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(tr.t(Text::WizardOtherSavedRules)).weak());
        for draft in kept {
            let stage = draft.stage.map_or("", |s| s.name(tr.0));
            ui.label(
                RichText::new(format!(
                    "{} · {} · {stage}",
                    draft.event,
                    tr.wizard_occurrence(draft.occurrence)
                ))
                .weak(),
            );
        }
    }
    if changed {
        wizard.rules_changed();
        out.send(WizardRequest::PreviewFunnel);
    }
    ui.add_space(10.0);
    ui.separator();
    funnel_step::funnel_summary_ui(ui, tr, &wizard.funnel);
}

/// Tall enough for "Ignore" and all eight stages: egui's default list showed up to
/// "6. Accomplishment" and hid the last two behind a scroll bar (seen in the real window).
fn stage_list_height(ui: &Ui) -> f32 {
    let spacing = ui.spacing();
    let row = spacing
        .interact_size
        .y
        .max(ui.text_style_height(&egui::TextStyle::Button) + 2.0 * spacing.button_padding.y)
        + spacing.item_spacing.y;
    // Half a row to spare, so rounding never brings the scroll bar back.
    (STAGE_LIST_ROWS + 0.5) * row
}

/// The stage and occurrence of one line; returns whether either changed. `line`: the
/// line's number among its event's lines (from 1). Each combo box is named after its event
/// and line ("Stage for event order, line 2"): named by the column header alone, every row's
/// combo had the same name, and a screen reader (or a test) could not tell them apart.
fn rule_line_ui(ui: &mut Ui, tr: Tr, i: usize, line: usize, draft: &mut RuleDraft) -> bool {
    let before = (draft.stage, draft.occurrence);
    let shown = draft.stage.map_or_else(|| tr.t(Text::WizardIgnore).to_owned(), |s| s.numbered_name(tr.0));
    egui::ComboBox::from_id_salt(("wizard_stage", i))
        .selected_text(shown)
        .width(190.0)
        .height(stage_list_height(ui))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut draft.stage, None, tr.t(Text::WizardIgnore));
            for stage in Stage::ALL {
                ui.selectable_value(&mut draft.stage, Some(stage), stage.numbered_name(tr.0));
            }
        })
        .response
        .accessible_name(tr.wizard_stage_for(&draft.event, line));
    egui::ComboBox::from_id_salt(("wizard_occurrence", i))
        .selected_text(tr.wizard_occurrence(draft.occurrence))
        .width(130.0)
        .show_ui(ui, |ui| {
            for n in (0..=OCCURRENCES_OFFERED).filter(|n| *n != 1) {
                ui.selectable_value(&mut draft.occurrence, n, tr.wizard_occurrence(n));
            }
        })
        .response
        .accessible_name(tr.wizard_occurrence_for(&draft.event, line));
    (draft.stage, draft.occurrence) != before
}
