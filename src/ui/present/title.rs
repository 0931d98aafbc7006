//! The title slide: the workspace's name, what it holds, its personas with their avatars,
//! and the chooser of the persona the whole presentation is about.

use egui::{RichText, TextStyle, Ui};

use super::slide::{SlideContext, TITLE, heading_ui};
use crate::i18n::Text;
use crate::ui::command::{Command, Commands};
use crate::ui::widgets::{avatar_ui, persona_filter_ui};

pub(super) fn title_slide_ui(ui: &mut Ui, ctx: &SlideContext<'_>, out: &mut Commands) {
    let tr = ctx.tr;
    heading_ui(ui, ctx, tr.t(Text::TrainerSubtitle), None);
    ui.add_space(ui.available_height() * 0.08);
    ui.label(RichText::new(ctx.workspace_name).text_style(TextStyle::Name(TITLE.into())).strong());
    if let Some(analytics) = ctx.analytics() {
        let entries =
            ctx.data.emotions.iter().filter(|(_, e)| ctx.persona.is_none_or(|p| p == e.persona)).count();
        let personas = ctx.personas().count();
        ui.label(RichText::new(tr.workspace_summary(analytics.report.customers(), personas, entries)).weak());
    }
    ui.add_space(ui.available_height() * 0.12);
    let radius = (ui.text_style_height(&TextStyle::Body) * 1.6).round();
    ui.horizontal_wrapped(|ui| {
        for record in ctx.personas() {
            ui.vertical(|ui| {
                ui.set_width(radius * 4.5);
                avatar_ui(ui, record.persona.color, ctx.avatars.get(&record.id), radius);
                ui.label(RichText::new(&record.persona.name).strong());
                if !record.persona.segment.is_empty() {
                    ui.label(RichText::new(&record.persona.segment).small().weak());
                }
            });
        }
    });
    if ctx.data.personas.is_empty() {
        ui.label(RichText::new(tr.t(Text::NoPersonasYet)).weak());
    }
    ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
        ui.label(RichText::new(tr.t(Text::PresentKeys)).small().weak());
        ui.horizontal(|ui| {
            let mut persona = ctx.persona;
            if persona_filter_ui(ui, tr, "present_persona", Text::PresentFor, ctx.data, &mut persona) {
                out.send(Command::PresentFor(persona));
            }
        });
    });
}
