//! A finding slide: one plain-language finding, large, for the room to discuss.

use egui::{RichText, Ui};

use super::slide::{SlideContext, analytics_or_wait_ui, heading_ui};
use crate::i18n::Text;

pub(super) fn finding_slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>, index: usize) {
    let tr = ctx.tr;
    let total = ctx.analytics().map_or(0, |a| a.findings.len());
    heading_ui(ui, ctx, &tr.finding_counter(index + 1, total), None);
    let Some(analytics) = analytics_or_wait_ui(ui, ctx) else { return };
    let Some(finding) = analytics.findings.get(index) else {
        ui.label(RichText::new(tr.t(Text::NoFindings)).weak());
        return;
    };
    ui.add_space(ui.available_height() * 0.2);
    let size = ui.text_style_height(&egui::TextStyle::Heading) * 0.8;
    ui.label(RichText::new(finding.text(tr.0)).size(size));
}
