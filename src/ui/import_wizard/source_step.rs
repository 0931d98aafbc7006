//! Step 1: what the file holds, and which file (the native dialog, or a file dropped onto
//! the window).

use egui::{RichText, Ui};

use super::request::WizardRequest;
use super::wizard::{ImportWizard, Loading, WizardKind, failure_ui};
use crate::i18n::{Text, Tr};
use crate::ui::command::Commands;

pub(super) fn source_step_ui(ui: &mut Ui, tr: Tr, wizard: &mut ImportWizard, out: &mut Commands) {
    ui.label(RichText::new(tr.t(Text::WizardWhatKind)).strong());
    for kind in WizardKind::ALL {
        let chosen = ui.radio(wizard.kind == kind, tr.t(kind.text())).on_hover_text(tr.t(kind.explanation()));
        if chosen.clicked() && wizard.kind != kind {
            wizard.kind = kind;
            wizard.forget_log();
        }
        ui.indent(kind.text(), |ui| ui.label(RichText::new(tr.t(kind.explanation())).weak()));
    }
    ui.add_space(12.0);
    ui.label(RichText::new(tr.t(Text::WizardWhichFile)).strong());
    ui.horizontal(|ui| {
        if ui.button(tr.t(Text::WizardChooseFile)).clicked() {
            out.send(WizardRequest::ChooseFile);
        }
        match &wizard.path {
            Some(path) => ui.monospace(path.display().to_string()),
            None => ui.label(RichText::new(tr.t(Text::WizardOrDrop)).weak()),
        };
    });
    ui.add_space(6.0);
    match &wizard.head {
        Loading::Idle => {}
        Loading::Busy => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr.t(Text::WizardReading));
            });
        }
        Loading::Ready(head) => {
            ui.label(tr.wizard_file_facts(head.file_bytes, head.columns.len(), head.delimiter));
        }
        Loading::Failed(lines) => failure_ui(ui, lines),
    }
}
