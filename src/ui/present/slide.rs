//! What every slide reads and shares: the borrowed context of one frame, the projector
//! settings, the heading with the slide counter, and the wait for the analytics.

use std::collections::HashMap;

use egui::{FontId, RichText, TextStyle, TextureHandle, Ui};
use serde::{Deserialize, Serialize};

use super::deck::{Deck, Progress};
use crate::i18n::{Text, Tr};
use crate::model::{PersonaId, VersionId};
use crate::store::analytics::Analytics;
use crate::ui::data::ViewData;

/// The projector preferences, kept between runs with the other settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PresentSettings {
    /// Light text on a dark background.
    pub dark: bool,
    /// Stage slides hide the observed emotion and drop-off until revealed.
    pub reveal_mode: bool,
}

impl PresentSettings {
    /// For `skip_serializing_if`: settings files stay as they were until the user changes one.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// What a slide reads, all borrowed from the app for one frame.
#[derive(Clone, Copy)]
pub struct SlideContext<'a> {
    pub tr: Tr,
    pub data: &'a ViewData,
    pub avatars: &'a HashMap<PersonaId, TextureHandle>,
    /// The analytics for `persona`, once the worker has computed them.
    pub analytics: Option<&'a Result<Analytics, String>>,
    /// The persona the whole presentation is about; none for everyone.
    pub persona: Option<PersonaId>,
    /// The journey version whose touchpoints the stage slides show (the board's).
    pub version: VersionId,
    pub workspace_name: &'a str,
    pub settings: PresentSettings,
    pub progress: &'a Progress,
}

impl SlideContext<'_> {
    /// The analytics, when computed without error.
    pub(super) fn analytics(&self) -> Option<&Analytics> {
        self.analytics.and_then(|result| result.as_ref().ok())
    }

    /// The personas the presentation is about, in list order.
    pub(super) fn personas(&self) -> impl Iterator<Item = &crate::store::PersonaRecord> {
        let persona = self.persona;
        self.data.personas.iter().filter(move |r| persona.is_none_or(|p| p == r.id))
    }
}

/// The text style of the title slide's workspace name.
pub(super) const TITLE: &str = "SlideTitle";

/// The slide's heading with the slide counter at the right.
pub(super) fn heading_ui(ui: &mut Ui, ctx: &SlideContext<'_>, heading: &str, aside: Option<&str>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(heading).heading().strong());
        if let Some(aside) = aside {
            ui.label(
                RichText::new(aside).italics().weak().size(ui.text_style_height(&TextStyle::Heading) * 0.6),
            );
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let deck_len = Deck::new(ctx.analytics().map_or(0, |a| a.findings.len())).len();
            ui.label(RichText::new(ctx.tr.slide_counter(ctx.progress.index + 1, deck_len)).small().weak());
        });
    });
    ui.add_space(ui.spacing().item_spacing.y * 2.0);
}

/// The analytics, or a spinner (or the error) in their place.
pub(super) fn analytics_or_wait_ui<'a>(ui: &mut Ui, ctx: &SlideContext<'a>) -> Option<&'a Analytics> {
    match ctx.analytics {
        Some(Ok(analytics)) => Some(analytics),
        Some(Err(message)) => {
            ui.label(RichText::new(format!("{}: {message}", ctx.tr.t(Text::CannotCompute))).weak());
            None
        }
        None => {
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.label(RichText::new(ctx.tr.t(Text::Computing)).weak());
            });
            None
        }
    }
}

/// The text sizes of a slide: scaled to the window's height, so a 1280 × 720 projector
/// shows body text at 22 points, and a bigger screen more.
pub(super) fn slide_style(ui: &Ui, dark: bool) -> egui::Style {
    let scale = (ui.max_rect().height() / 720.0).clamp(0.8, 2.0);
    let mut style = (**ui.style()).clone();
    style.visuals = if dark { egui::Visuals::dark() } else { egui::Visuals::light() };
    style.text_styles = [
        (TextStyle::Small, FontId::proportional(17.0 * scale)),
        (TextStyle::Body, FontId::proportional(22.0 * scale)),
        (TextStyle::Button, FontId::proportional(22.0 * scale)),
        (TextStyle::Heading, FontId::proportional(40.0 * scale)),
        (TextStyle::Monospace, FontId::monospace(20.0 * scale)),
        (TextStyle::Name(TITLE.into()), FontId::proportional(64.0 * scale)),
    ]
    .into();
    // Whole points: egui places widgets one spacing apart, and a fractional spacing leaves
    // edges between its layout grid's steps (debug builds mark them "Unaligned").
    let points = |pt: f32| (pt * scale).round();
    style.spacing.item_spacing = egui::vec2(points(12.0), points(6.0));
    style.spacing.button_padding = egui::vec2(points(12.0), points(6.0));
    style.spacing.interact_size.y = points(32.0);
    // Text on a slide is not for selecting: a click anywhere is "next".
    style.interaction.selectable_labels = false;
    style
}
