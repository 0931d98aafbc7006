//! The stage detail's opportunities: the open ones of the chosen stage (for the persona in
//! scope and for all personas) and a quick "add" that files a new idea in one line.

use egui::{RichText, Ui};

use super::command::Commands;
use super::context::ViewContext;
use crate::i18n::Text;
use crate::model::{Opportunity, Stage};
use crate::store::edit::Edit;

/// The quick-add line's text, kept between frames.
#[derive(Debug, Default)]
pub struct StageOpportunities {
    quick_title: String,
}

impl StageOpportunities {
    /// Lists the stage's open opportunities and offers the quick add. A new idea is for the
    /// selected persona (all personas when none is), rated in the middle: the Backlog view
    /// refines it.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, stage: Stage, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        let version = ctx.version();
        let scope = ctx.selection.persona;
        let open: Vec<&Opportunity> = data
            .opportunities
            .iter()
            .map(|(_, o)| o)
            .filter(|o| o.version == version && o.stage == stage && o.status.is_open())
            .filter(|o| scope.is_none_or(|p| o.persona.is_none_or(|own| own == p)))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr.t(Text::Opportunities)).strong());
            ui.label(RichText::new(tr.open_opportunities(open.len() as u64)).small())
                .on_hover_text(tr.t(Text::OpenOpportunitiesTip));
            for opportunity in &open {
                ui.label(format!("• {} ({})", opportunity.title, opportunity.status.name(tr.0)));
            }
        });
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.quick_title)
                    .hint_text(tr.t(Text::QuickAddHint))
                    .char_limit(crate::model::opportunity::TITLE_MAX_CHARS)
                    .desired_width(280.0),
            );
            let label = tr.t(Text::AddOpportunity);
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let clicked = ui.button(tr.t(Text::QuickAdd)).clicked();
            let title = self.quick_title.trim();
            if (entered || clicked) && !title.is_empty() {
                let mut opportunity = Opportunity::new(version, title, stage, ctx.today);
                opportunity.persona = scope;
                out.send(Edit::AddOpportunity(Box::new(opportunity)));
                self.quick_title.clear();
            }
        });
    }
}
