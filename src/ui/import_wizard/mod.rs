//! File → Import data…: a wizard in a window that brings a CSV file into the workspace
//! (issue #8 §3). Three kinds of file: an event log (mapped onto the stages by rules), a
//! customers file and an emotions file (the existing imports).
//!
//! The steps, one file each: `source_step` (kind and file), `columns_step` (the first rows,
//! the delimiter, the columns to use), `rules_step` (events → stages), `funnel_step` (the
//! funnel those rules give, nothing written) and `run_step` (progress, Cancel, summary).
//!
//! The wizard only holds what the user chose and what the app's jobs answered; it never
//! reads a file. Every slow thing is a [`WizardRequest`] the app runs on a thread
//! (`ui/app/import_jobs.rs`), whose answer the app puts back here.

mod columns_step;
mod funnel_step;
mod mapped;
pub mod request;
mod rules;
mod rules_step;
mod run_step;
mod source_step;
mod wizard;

use egui::{RichText, Ui};

pub use self::mapped::{MappedStages, preview_drop_off};
pub use self::request::WizardRequest;
pub use self::rules::{RuleDraft, drafts_from_saved, rules_from_drafts};
pub use self::wizard::{
    EventColumnsDraft, EventCount, FunnelPreview, ImportWizard, Loading, LogFacts, PREVIEW_ROWS, PersonaMode,
    RunState, Step, WizardKind,
};
use super::command::Commands;
use crate::i18n::{Text, Tr};

/// Room kept under a step for the separator and the Back / Next / Cancel row.
const BUTTONS_HEIGHT: f32 = 44.0;
/// The window's size when it opens, where the app's window has room for it.
const WINDOW_SIZE: (f32, f32) = (880.0, 560.0);
/// The smallest the window is made, however small the app's window.
const WINDOW_MIN: (f32, f32) = (320.0, 200.0);
/// Space kept between the window and the menu bar or the app's edges.
const WINDOW_GAP: f32 = 8.0;

/// The wizard's window, inside `area` (the app's window below its menu bar): it opens
/// centred there, never larger than it (the step scrolls inside), and cannot be dragged
/// over the menu. Closing it sends [`WizardRequest::Close`].
pub fn import_wizard_window_ui(
    ctx: &egui::Context,
    tr: Tr,
    wizard: &mut ImportWizard,
    area: egui::Rect,
    out: &mut Commands,
) {
    let area = area.shrink(WINDOW_GAP);
    // Sizes are the window's outer size (frame and title bar included).
    let max_size = area.size().max(egui::vec2(WINDOW_MIN.0, WINDOW_MIN.1));
    let size = egui::vec2(WINDOW_SIZE.0, WINDOW_SIZE.1).min(max_size);
    let id = egui::Id::unique("import_wizard");
    let mut open = true;
    let mut window = egui::Window::new(tr.t(Text::ImportData));
    if !wizard.placed {
        let left_top = area.center() - size / 2.0;
        window = window.current_pos(left_top);
        // egui 0.37 puts a window dragged by its title bar back where its remembered state
        // says, after `current_pos`: move the remembered state too.
        if let Some(mut state) = egui::AreaState::load(ctx, id) {
            state.set_left_top_pos(left_top);
            ctx.memory_mut(|m| m.areas_mut().set_state(egui::LayerId::new(egui::Order::Middle, id), state));
        }
        wizard.placed = true;
    }
    window
        .id(id)
        .open(&mut open)
        .collapsible(false)
        .resizable(true)
        .default_size(size)
        .max_size(max_size)
        .constrain_to(area)
        .show(ctx, |ui| wizard_ui(ui, tr, wizard, out));
    if !open {
        out.send(WizardRequest::Close);
    }
}

fn wizard_ui(ui: &mut Ui, tr: Tr, wizard: &mut ImportWizard, out: &mut Commands) {
    steps_header_ui(ui, tr, wizard);
    ui.separator();
    // The buttons stay in view below the step, however long it is.
    let body_height = (ui.available_height() - BUTTONS_HEIGHT).max(120.0);
    egui::ScrollArea::vertical().max_height(body_height).auto_shrink([false, true]).show(
        ui,
        |ui| match wizard.step {
            Step::Source => source_step::source_step_ui(ui, tr, wizard, out),
            Step::Columns => columns_step::columns_step_ui(ui, tr, wizard, out),
            Step::Rules => rules_step::rules_step_ui(ui, tr, wizard, out),
            Step::Funnel => funnel_step::funnel_step_ui(ui, tr, wizard),
            Step::Run => run_step::run_step_ui(ui, tr, wizard, out),
        },
    );
    ui.separator();
    buttons_ui(ui, tr, wizard, out);
}

/// "1 File › 2 Columns › …", the current step in bold.
fn steps_header_ui(ui: &mut Ui, tr: Tr, wizard: &ImportWizard) {
    ui.horizontal_wrapped(|ui| {
        for (i, step) in wizard.kind.steps().iter().enumerate() {
            if i > 0 {
                ui.label(RichText::new("›").weak());
            }
            let text = format!("{} {}", i + 1, tr.t(step.text()));
            if *step == wizard.step {
                ui.label(RichText::new(text).strong());
            } else {
                ui.label(RichText::new(text).weak());
            }
        }
    });
}

/// Back, Next (or Import), Close.
fn buttons_ui(ui: &mut Ui, tr: Tr, wizard: &mut ImportWizard, out: &mut Commands) {
    ui.horizontal(|ui| {
        let running = matches!(wizard.run, RunState::Running { .. });
        let finished = matches!(wizard.run, RunState::Done(_));
        if ui
            .add_enabled(
                wizard.step != Step::Source && !running && !finished,
                egui::Button::new(tr.t(Text::WizardBack)),
            )
            .clicked()
        {
            wizard.go_back();
        }
        if wizard.step != Step::Run {
            let last = wizard.kind.steps().get(wizard.step_index() + 1) == Some(&Step::Run);
            let label = if last { Text::WizardImport } else { Text::WizardNext };
            if ui.add_enabled(wizard.can_go_on(), egui::Button::new(tr.t(label))).clicked() {
                wizard.go_on(out);
            }
        }
        let close = if finished { Text::WizardClose } else { Text::Cancel };
        if !running && ui.button(tr.t(close)).clicked() {
            out.send(WizardRequest::Close);
        }
    });
}
