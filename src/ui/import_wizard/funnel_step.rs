//! Step 4 (event logs): the funnel the rules give on this file, computed in memory by the
//! app (nothing written): customers per stage, their share, and the biggest drop-off.

use egui::{RichText, Ui};

use super::mapped::preview_drop_off;
use super::wizard::{FunnelPreview, ImportWizard, Loading, failure_ui};
use crate::i18n::{Text, Tr};
use crate::model::Stage;

/// The longest bar drawn, in points.
const BAR_WIDTH_MAX: f32 = 260.0;

pub(super) fn funnel_step_ui(ui: &mut Ui, tr: Tr, wizard: &ImportWizard) {
    ui.label(RichText::new(tr.t(Text::WizardFunnelExplained)).weak());
    ui.add_space(6.0);
    funnel_summary_ui(ui, tr, &wizard.funnel);
}

/// Customers per stage as bars, the biggest drop-off, the rows no rule matched. A stage no
/// rule leads to says so; past the furthest mapped stage nothing is counted (nobody can be
/// there), so no drop-off into it is shown (see `mapped`).
pub(super) fn funnel_summary_ui(ui: &mut Ui, tr: Tr, funnel: &Loading<FunnelPreview>) {
    let preview = match funnel {
        Loading::Idle => return,
        Loading::Busy => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t(Text::Computing));
            });
            return;
        }
        Loading::Failed(lines) => {
            failure_ui(ui, lines);
            return;
        }
        Loading::Ready(preview) => preview,
    };
    let funnel = &preview.funnel;
    let mapped = preview.mapped;
    ui.label(RichText::new(tr.wizard_funnel_customers(funnel.customers())).strong());
    egui::Grid::new("wizard_funnel").num_columns(5).spacing([12.0, 3.0]).show(ui, |ui| {
        for stage in Stage::ALL {
            ui.label(stage.numbered_name(tr.0));
            if !mapped.reachable(stage) {
                // Nothing to count: a zero and an empty bar would read as customers lost.
                ui.label(RichText::new("—").weak());
                ui.label("");
                ui.label("");
                ui.label(RichText::new(tr.t(Text::WizardNoEventMapped)).weak().italics());
                ui.end_row();
                continue;
            }
            ui.label(tr.count(funnel.reached(stage)));
            let share = funnel.conversion_from_start(stage);
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a share in 0..=1 times a few hundred points"
            )]
            let width = (share * f64::from(BAR_WIDTH_MAX)) as f32;
            let (rect, _) = ui.allocate_exact_size(egui::vec2(BAR_WIDTH_MAX, 12.0), egui::Sense::hover());
            let bar = egui::Rect::from_min_size(rect.min, egui::vec2(width.max(1.0), rect.height()));
            ui.painter().rect_filled(bar, 2.0, ui.visuals().selection.bg_fill);
            ui.label(tr.percent(share));
            if mapped.has(stage) {
                ui.label("");
            } else {
                // A stage between two mapped ones: its customers are the ones seen further on.
                ui.label(RichText::new(tr.t(Text::WizardNoEventMappedBetween)).weak().italics());
            }
            ui.end_row();
        }
    });
    let beyond: Vec<Stage> = mapped.unmapped().into_iter().filter(|s| !mapped.reachable(*s)).collect();
    if let Some(text) = tr.wizard_unmapped_stages(&beyond) {
        ui.label(text);
    }
    match preview_drop_off(funnel, mapped) {
        Some(drop) => {
            ui.label(tr.wizard_biggest_drop(drop.from, drop.to, drop.lost, drop.rate));
        }
        // Rules for the first stage only: no transition to speak of.
        None if mapped.furthest().is_none_or(|s| s == Stage::Evaluation) => {}
        None => {
            ui.label(tr.t(Text::WizardNoDropOff));
        }
    }
    if preview.unmatched_rows > 0 {
        ui.label(RichText::new(tr.wizard_unmatched_rows(preview.unmatched_rows)).weak());
    }
}
