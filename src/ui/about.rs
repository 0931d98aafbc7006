//! Help → About the eight stages: the model explained, stage by stage.

use egui::RichText;

use super::style;
use crate::i18n::{Text, Tr};
use crate::model::{Score, Stage};

pub fn about_window_ui(ctx: &egui::Context, tr: Tr, open: &mut bool) {
    egui::Window::new(tr.t(Text::AboutStages))
        .open(open)
        .default_size([620.0, 560.0])
        .collapsible(false)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(tr.t(Text::AboutIntro));
                ui.add_space(8.0);
                for stage in Stage::ALL {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(stage.numbered_name(tr.0)).heading());
                        ui.label(RichText::new(stage.verb()).italics().weak());
                    });
                    ui.label(stage.description(tr.0));
                    ui.horizontal(|ui| {
                        ui.label(tr.t(Text::Expected));
                        if let Ok(score) = Score::new(i64::from(stage.expected_score())) {
                            style::score_badge_ui(ui, score);
                        }
                        ui.label(stage.expected_feeling(tr.0));
                    });
                    ui.add_space(6.0);
                }
                ui.separator();
                ui.label(tr.t(Text::AboutDanger));
            });
        });
}
