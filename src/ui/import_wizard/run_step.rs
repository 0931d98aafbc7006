//! Step 5: the import running on its own thread (a progress bar and Cancel), then what it
//! did, or why nothing was written.

use egui::{RichText, Ui};

use super::request::WizardRequest;
use super::wizard::{ImportWizard, RunState, failure_ui};
use crate::i18n::{Text, Tr};
use crate::store::ImportProgress;
use crate::ui::command::Commands;

pub(super) fn run_step_ui(ui: &mut Ui, tr: Tr, wizard: &ImportWizard, out: &mut Commands) {
    match &wizard.run {
        RunState::NotStarted => {}
        RunState::Running { progress, cancelling } => {
            let (fraction, text) = match progress {
                None => (0.0, tr.t(Text::WizardStarting).to_owned()),
                Some(ImportProgress::Read(rows)) => (0.0, progress_text(tr, ImportProgress::Read(*rows))),
                Some(p @ ImportProgress::Written { done, total }) => {
                    #[expect(clippy::cast_precision_loss, reason = "row counts are far below 2^24 in a bar")]
                    let fraction = if *total == 0 { 1.0 } else { *done as f32 / *total as f32 };
                    (fraction, progress_text(tr, *p))
                }
            };
            ui.add(egui::ProgressBar::new(fraction).text(text).animate(true));
            ui.add_space(8.0);
            if *cancelling {
                ui.label(tr.t(Text::WizardCancelling));
            } else if ui.button(tr.t(Text::Cancel)).clicked() {
                out.send(WizardRequest::Cancel);
            }
        }
        RunState::Done(summary) => {
            ui.label(RichText::new(tr.t(Text::WizardImported)).strong());
            for line in summary.lines() {
                ui.label(line);
            }
        }
        RunState::Cancelled => {
            ui.label(RichText::new(tr.t(Text::WizardCancelled)).strong());
        }
        RunState::Failed(lines) => failure_ui(ui, lines),
    }
}

/// "read 100,000 rows", with the first letter up.
fn progress_text(tr: Tr, progress: ImportProgress) -> String {
    let text = progress.message(tr.0);
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}
