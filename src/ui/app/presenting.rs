//! Trainer mode in the shell: starting and leaving the presentation (full screen and
//! back), and its frame, which replaces the editing panels while it runs.

use egui::{Ui, ViewportCommand};

use super::FanpathApp;
use crate::i18n::Tr;
use crate::model::VersionId;
use crate::ui::present::{Presenter, Progress, SlideContext};

impl FanpathApp {
    /// Where the presentation stands, if one is running (tests read it).
    pub fn presentation(&self) -> Option<&Progress> {
        self.presenting.as_ref().map(|p| &p.progress)
    }

    /// Full screen, on the title slide. The view shown before stays selected underneath.
    pub(super) fn start_presentation(&mut self, ctx: &egui::Context) {
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        if !was_fullscreen {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
        self.presenting = Some(Presenter { was_fullscreen, ..Presenter::default() });
    }

    /// Back to the editing window, as it was.
    pub(super) fn end_presentation(&mut self, ctx: &egui::Context) {
        if let Some(presenting) = self.presenting.take()
            && !presenting.was_fullscreen
        {
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }

    /// One frame of the presentation: slides from the cache and the last analytics (asked
    /// of the worker as the Analytics view does), then the commands the keys sent.
    pub(super) fn presentation_ui(&mut self, ui: &mut Ui, ctx: &egui::Context) {
        self.ensure_analytics();
        let name = self.workspace.display_name();
        let Some(presenting) = &mut self.presenting else { return };
        let progress = presenting.progress.clone();
        let slide = SlideContext {
            tr: Tr(self.settings.language),
            data: &self.data,
            avatars: &self.avatars,
            analytics: self.analytics.shown(),
            persona: self.analytics_view.persona,
            version: self.data.shown_version(self.selection.version).map_or(VersionId(0), |(id, _)| id),
            workspace_name: &name,
            settings: self.settings.present,
            progress: &progress,
        };
        presenting.ui(ui, &slide, &mut self.commands);
        self.apply_commands(ctx);
    }
}
