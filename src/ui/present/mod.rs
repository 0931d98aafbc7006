//! Trainer mode (issue #11, §1): the open workspace as slides for a room, full screen,
//! in the UI language, with type sized for a 1280 × 720 projector.
//!
//! [`deck`] holds the slides and the navigation without egui; one file per kind of
//! slide draws it. Everything comes from the app's cache (`ViewData`) and the last
//! analytics the worker computed: nothing is queried while a slide is on show.

pub mod deck;
mod finding;
mod funnel_bars;
mod keys;
mod notes;
mod path;
mod slide;
mod stage;
mod title;

use egui::{Color32, TextStyle, Ui};

pub use self::deck::{Action, ChartSlide, Deck, NotesMode, Progress, Slide};
use self::keys::pressed_actions;
pub use self::slide::{PresentSettings, SlideContext};
use self::slide::{analytics_or_wait_ui, heading_ui, slide_style};
use super::analytics::{Chart, ChartOptions, chart_ui};
use super::command::{Command, Commands, UiCommand};
use crate::store::analytics::Analytics;

/// Trainer mode on screen: where the presentation stands. The app holds one while
/// presenting.
#[derive(Clone, Debug, Default)]
pub struct Presenter {
    pub progress: Progress,
    /// The window was full screen before the presentation: leaving keeps it so.
    pub was_fullscreen: bool,
    /// egui's clock (seconds) at the presentation's first frame, for the notes' clock.
    pub started_s: Option<f64>,
}

impl Presenter {
    /// The deck for the analytics on show (the findings make its last slides).
    pub fn deck(analytics: Option<&Analytics>) -> Deck {
        Deck::new(analytics.map_or(0, |a| a.findings.len()))
    }

    /// Reads the keys, then draws the slide (and the notes, if on) over the whole window,
    /// and the notes window when they are shown in one.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &SlideContext<'_>, out: &mut Commands) {
        let deck = Self::deck(ctx.analytics());
        // kittest and backends without multiple windows embed viewports: notes go below.
        let second_window = !ui.ctx().embed_viewports();
        for action in pressed_actions(ui) {
            self.act(action, &deck, ctx.settings, second_window, out);
        }
        let now_s = ui.input(|i| i.time);
        let elapsed_s = (now_s - *self.started_s.get_or_insert(now_s)).max(0.0) as u64;
        let progress = self.progress.clone();
        let ctx = SlideContext { progress: &progress, ..*ctx };
        let notes = match progress.notes {
            NotesMode::Window if !second_window => NotesMode::Below,
            mode => mode,
        };
        if notes != NotesMode::Off {
            // The clock in the notes ticks even when nothing else happens.
            ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
        }
        if notes == NotesMode::Window {
            self.notes_window(ui.ctx(), &ctx, &deck, elapsed_s, out);
        }
        let style = slide_style(ui, ctx.settings.dark);
        let background = style.visuals.panel_fill;
        if self.progress.blank {
            egui::CentralPanel::no_frame().show(ui, |ui| {
                let screen = ui.ctx().content_rect();
                ui.painter().with_clip_rect(screen).rect_filled(screen, 0.0, Color32::BLACK);
                ui.allocate_rect(ui.max_rect(), egui::Sense::hover());
            });
            return;
        }
        if notes == NotesMode::Below {
            let frame = egui::Frame::new()
                .fill(if ctx.settings.dark { Color32::from_gray(40) } else { Color32::from_gray(235) })
                .inner_margin(egui::Margin::symmetric(32, 12));
            egui::Panel::bottom("present_notes").frame(frame).show(ui, |ui| {
                ui.set_style(style.clone());
                notes::notes_ui(ui, &ctx, &deck, elapsed_s, notes::Place::Below);
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let rect = ui.max_rect();
            // The whole screen, margins of the root included.
            let screen = ui.ctx().content_rect();
            ui.painter().with_clip_rect(screen).rect_filled(screen, 0.0, background);
            ui.set_style(style);
            // Behind the slide's own widgets, so a click on the persona chooser stays its own.
            let click = ui.interact(rect, egui::Id::unique("present_click"), egui::Sense::click());
            let margin = (rect.height() * 0.05).clamp(16.0, 64.0);
            egui::Frame::new().inner_margin(margin).show(ui, |ui| {
                ui.set_min_size(ui.available_size());
                slide_ui(ui, &ctx, &deck, out);
            });
            if click.clicked() {
                self.act(Action::Next, &deck, ctx.settings, second_window, out);
            }
        });
    }

    /// The notes window, and what the trainer did in it (its keys act on the slides).
    fn notes_window(
        &mut self,
        egui_ctx: &egui::Context,
        ctx: &SlideContext<'_>,
        deck: &Deck,
        elapsed_s: u64,
        out: &mut Commands,
    ) {
        let input = notes::notes_window(egui_ctx, ctx, deck, elapsed_s);
        if input.closed {
            self.progress.notes = NotesMode::Off;
        }
        if !input.actions.is_empty() {
            // This frame drew before the keys: show their effect at once.
            egui_ctx.request_repaint();
        }
        for action in input.actions {
            self.act(action, deck, ctx.settings, true, out);
        }
    }

    fn act(
        &mut self,
        action: Action,
        deck: &Deck,
        settings: PresentSettings,
        second_window: bool,
        out: &mut Commands,
    ) {
        match action {
            Action::ToggleTheme => out.send(UiCommand::ToggleProjectorTheme),
            Action::Leave => out.send(Command::EndPresentation),
            Action::Next
            | Action::Back
            | Action::First
            | Action::Last
            | Action::JumpToStage(_)
            | Action::ToggleNotes
            | Action::ToggleBlank
            | Action::ToggleReveal => {
                self.progress.apply_in(action, deck, settings.reveal_mode, second_window)
            }
        }
    }
}

fn slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>, deck: &Deck, out: &mut Commands) {
    match deck.get(ctx.progress.index) {
        Slide::Title => title::title_slide_ui(ui, ctx, out),
        Slide::Path => path::path_slide_ui(ui, ctx),
        Slide::Stage(stage) => stage::stage_slide_ui(ui, ctx, stage),
        Slide::Chart(chart) => chart_slide_ui(ui, ctx, chart),
        Slide::Finding(index) => finding::finding_slide_ui(ui, ctx, index),
    }
}

/// The Analytics view's chart, drawn still, under the slide's heading.
fn chart_slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>, chart: ChartSlide) {
    let chart = match chart {
        ChartSlide::Funnel => Chart::Funnel,
        ChartSlide::EmotionCurve => Chart::EmotionCurve,
        ChartSlide::EmotionVsDropOff => Chart::EmotionVsDropOff,
    };
    heading_ui(ui, ctx, ctx.tr.t(chart.text()), None);
    let Some(analytics) = analytics_or_wait_ui(ui, ctx) else { return };
    // The chart's stage names, rates, lines and points grow with the slide's type.
    let text_pt = TextStyle::Body.resolve(ui.style()).size;
    let options = ChartOptions { slide_text_pt: Some(text_pt), ..ChartOptions::default() };
    chart_ui(ui, ctx.tr, chart, analytics, &options, true);
}
