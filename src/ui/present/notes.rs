//! The presenter notes (P): the slide's speaking notes, the stage playbook's questions on a
//! stage slide, what comes next and how long the talk has run. In a second native window
//! for the trainer's own screen while the projector shows the slide alone, or below the
//! slide where there is one screen or the backend cannot open a second window.

use egui::{RichText, Ui, ViewportBuilder, ViewportId};

use super::deck::{Action, ChartSlide, Deck, Slide};
use super::keys::pressed_actions;
use super::slide::{SlideContext, slide_style};
use crate::i18n::playbook::playbook;
use crate::i18n::{NotesFor, Text};

/// The notes window's size when it opens: a stage's notes and questions fit at body size.
const WINDOW_SIZE_PT: [f32; 2] = [760.0, 560.0];
const WINDOW_MIN_SIZE_PT: [f32; 2] = [380.0, 260.0];

/// What the trainer did in the notes window this frame.
#[derive(Debug, Default)]
pub(super) struct WindowInput {
    /// Trainer-mode keys pressed while the notes window had the focus: the presenter's
    /// laptop is often where the keyboard is.
    pub actions: Vec<Action>,
    /// The window's close button: the notes go off.
    pub closed: bool,
}

/// The notes in a second native window (an egui immediate viewport: it borrows the frame's
/// context and repaints with the slide).
pub(super) fn notes_window(
    egui_ctx: &egui::Context,
    ctx: &SlideContext<'_>,
    deck: &Deck,
    elapsed_s: u64,
) -> WindowInput {
    let builder = ViewportBuilder::default()
        .with_title(ctx.tr.t(Text::PresenterNotesWindow))
        .with_inner_size(WINDOW_SIZE_PT)
        .with_min_inner_size(WINDOW_MIN_SIZE_PT);
    egui_ctx.show_viewport_immediate(ViewportId::from_hash_of("fanpath_presenter_notes"), builder, |ui, _| {
        let input = WindowInput {
            actions: pressed_actions(ui),
            closed: ui.input(|i| i.viewport().close_requested()),
        };
        let style = slide_style(ui, ctx.settings.dark);
        let frame = egui::Frame::central_panel(&style).inner_margin(16);
        egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            ui.set_style(style);
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                notes_ui(ui, ctx, deck, elapsed_s, Place::Window);
            });
        });
        input
    })
}

/// Where the notes are drawn: the window has room for body-size text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Window,
    Below,
}

/// The notes: the slide and what comes next, the clock, the speaking notes and, on a stage
/// slide, the playbook's questions for the room.
pub(super) fn notes_ui(ui: &mut Ui, ctx: &SlideContext<'_>, deck: &Deck, elapsed_s: u64, place: Place) {
    let tr = ctx.tr;
    let index = ctx.progress.index;
    let slide = deck.get(index);
    let findings = ctx.analytics().map_or(0, |a| a.findings.len());
    let size = |text: RichText| if place == Place::Window { text } else { text.small() };
    ui.horizontal(|ui| {
        ui.label(size(RichText::new(tr.t(Text::PresenterNotes))).strong());
        if place == Place::Window {
            ui.label(RichText::new(slide_name(ctx, slide, findings)).strong());
        }
        if index + 1 < deck.len() {
            let next = slide_name(ctx, deck.get(index + 1), findings);
            ui.label(size(RichText::new(format!("{} {next}", tr.t(Text::NextSlide)))).weak());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(size(RichText::new(tr.elapsed_talk(elapsed_s))).weak());
            if place == Place::Window {
                ui.label(RichText::new(tr.slide_counter(index + 1, deck.len())).weak());
            }
        });
    });
    if place == Place::Window {
        ui.separator();
    }
    let notes = match slide {
        Slide::Title => NotesFor::Title,
        Slide::Path => NotesFor::Path,
        Slide::Stage(stage) => NotesFor::Stage(stage),
        Slide::Chart(_) => NotesFor::Charts,
        Slide::Finding(_) => NotesFor::Finding,
    };
    ui.label(size(RichText::new(tr.presenter_notes(notes))));
    if let Slide::Stage(stage) = slide {
        let book = playbook(stage, tr.0);
        match place {
            Place::Window => {
                ui.add_space(ui.spacing().item_spacing.y * 2.0);
                ui.label(RichText::new(tr.t(Text::StagePlaybook)).strong());
                for question in book.questions {
                    ui.label(format!("• {question}"));
                }
            }
            // Below, every line is taken from the slide: the questions share one wrapped line.
            Place::Below => {
                let questions = book.questions.join("  •  ");
                ui.label(RichText::new(format!("{}: {questions}", tr.t(Text::StagePlaybook))).small().weak());
            }
        }
    }
    ui.label(size(RichText::new(tr.t(Text::PresentKeys))).weak());
}

/// What a slide is called, for the notes' "Next:".
fn slide_name(ctx: &SlideContext<'_>, slide: Slide, findings: usize) -> String {
    let tr = ctx.tr;
    match slide {
        Slide::Title => tr.t(Text::TitleSlide).to_owned(),
        Slide::Path => tr.t(Text::ThePath).to_owned(),
        Slide::Stage(stage) => stage.numbered_name(tr.0),
        Slide::Chart(ChartSlide::Funnel) => tr.t(Text::DropOffFunnel).to_owned(),
        Slide::Chart(ChartSlide::EmotionCurve) => tr.t(Text::EmotionCurve).to_owned(),
        Slide::Chart(ChartSlide::EmotionVsDropOff) => tr.t(Text::EmotionVsDropOff).to_owned(),
        Slide::Finding(index) => tr.finding_counter(index + 1, findings),
    }
}
