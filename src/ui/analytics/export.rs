//! Charts to PNG, for the app's "Export PNG…" and for `fanpath export chart`.

use egui::RichText;

use super::chart::{Chart, ChartOptions};
use super::chart_ui;
use crate::i18n::Tr;
use crate::model::Language;
use crate::store::analytics::Analytics;
use crate::ui::{raster, style};

/// Exported charts are 1600 × 900 pixels: a 1280 × 720 point layout at 1.25×, so text
/// keeps the proportions it has on screen.
pub const EXPORT_SIZE: egui::Vec2 = egui::vec2(1280.0, 720.0);
pub const EXPORT_SCALE: f32 = 1.25;

/// Draws `chart` as the Analytics view shows it, titled, into a PNG.
pub fn chart_png(
    chart: Chart,
    analytics: &Analytics,
    options: &ChartOptions,
    language: Language,
) -> Result<Vec<u8>, image::ImageError> {
    let tr = Tr(language);
    let title = match &analytics.report.persona {
        Some(persona) => format!("{} — {persona}", tr.t(chart.text())),
        None => tr.t(chart.text()).to_owned(),
    };
    let image = raster::render(EXPORT_SIZE, EXPORT_SCALE, style::install, |ui| {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label(RichText::new(&title).heading());
            chart_ui(ui, tr, chart, analytics, options, true);
        });
    });
    raster::png_bytes(&image)
}
