//! The stage playbook on screen: a collapsible panel beside the stage detail, and the
//! Help → Stage playbook window with every stage. "+ Opportunity" on an example action
//! sends [`Command::AddOpportunityFromPlaybook`].

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::context::ViewContext;
use super::style;
use crate::i18n::playbook::playbook;
use crate::i18n::{Text, Tr};
use crate::model::{Score, Stage};

/// The panel beside the stage detail: open or folded to a button.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlaybookPanel {
    pub open: bool,
}

impl PlaybookPanel {
    /// Draws the panel on the right of `ui` for the selected stage (Evaluation when none).
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let tr = ctx.tr;
        let stage = ctx.selection.stage.unwrap_or(Stage::Evaluation);
        if !self.open {
            egui::Panel::right("stage_playbook_folded").resizable(false).show(ui, |ui| {
                ui.add_space(4.0);
                if ui.button(tr.t(Text::ShowPlaybook)).on_hover_text(tr.t(Text::ShowPlaybookTip)).clicked() {
                    self.open = true;
                }
            });
            return;
        }
        egui::Panel::right("stage_playbook")
            .resizable(true)
            .default_size(380.0)
            .size_range(260.0..=700.0)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    ui.label(RichText::new(tr.t(Text::StagePlaybook)).strong());
                    ui.label(RichText::new(stage.numbered_name(tr.0)).weak());
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.small_button(tr.t(Text::HidePlaybook)).clicked() {
                            self.open = false;
                        }
                    });
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("stage_playbook_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| stage_playbook_ui(ui, tr, stage, out));
            });
    }
}

/// Help → Stage playbook: a window with a stage picker.
#[derive(Clone, Copy, Debug)]
pub struct PlaybookWindow {
    pub open: bool,
    pub stage: Stage,
}

impl Default for PlaybookWindow {
    fn default() -> Self {
        Self { open: false, stage: Stage::Evaluation }
    }
}

impl PlaybookWindow {
    pub fn show(&mut self, ctx: &egui::Context, tr: Tr, out: &mut Commands) {
        let mut open = self.open;
        egui::Window::new(tr.t(Text::StagePlaybook))
            .open(&mut open)
            .default_size([640.0, 560.0])
            .collapsible(false)
            .show(ctx, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for stage in Stage::ALL {
                        ui.selectable_value(&mut self.stage, stage, stage.numbered_name(tr.0));
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("playbook_window_scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| stage_playbook_ui(ui, tr, self.stage, out));
            });
        self.open = open;
    }
}

/// One stage's playbook: situation, emotion, questions, and the example action of each
/// channel with its "+ Opportunity" button.
pub fn stage_playbook_ui(ui: &mut Ui, tr: Tr, stage: Stage, out: &mut Commands) {
    let book = playbook(stage, tr.0);
    ui.label(RichText::new(tr.t(Text::PlaybookSituation)).strong());
    ui.label(book.situation);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tr.t(Text::PlaybookEmotion)).strong());
        if let Ok(score) = Score::new(i64::from(stage.expected_score())) {
            style::score_badge_ui(ui, score);
        }
    });
    ui.label(book.emotion);
    ui.add_space(6.0);
    ui.label(RichText::new(tr.t(Text::PlaybookQuestions)).strong());
    for question in book.questions {
        ui.label(format!("• {question}"));
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr.t(Text::PlaybookActions)).strong());
    egui::Grid::new(("playbook_actions", stage.number()))
        .num_columns(3)
        .striped(true)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (channel, action) in book.channel_actions() {
                ui.label(RichText::new(channel.name(tr.0)).weak());
                ui.add(egui::Label::new(action).wrap());
                let button = ui
                    .small_button(tr.t(Text::AddAsOpportunity))
                    .on_hover_text(tr.t(Text::AddAsOpportunityTip));
                if button.clicked() {
                    out.send(Command::AddOpportunityFromPlaybook { stage, title: action.to_owned() });
                }
                ui.end_row();
            }
        });
}
