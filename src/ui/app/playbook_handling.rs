//! What "+ Opportunity" on a playbook action does: the action becomes an idea in the
//! backlog of the version on the board, as one undoable edit.

use super::FanpathApp;
use crate::i18n::Tr;
use crate::model::{Opportunity, Stage, VersionId};
use crate::store::edit::Edit;

impl FanpathApp {
    /// Turns a playbook action into a backlog item at `stage` titled `title`, for the
    /// persona chosen on the board (or all); returns whether workspace data changed.
    pub(super) fn add_opportunity_from_playbook(
        &mut self,
        ctx: &egui::Context,
        stage: Stage,
        title: &str,
    ) -> bool {
        let version = self.data.shown_version(self.selection.version).map_or(VersionId(0), |(id, _)| id);
        let mut opportunity = Opportunity::new(version, title, stage, self.today);
        opportunity.persona = self.selection.persona;
        let changed = self.apply_edit(ctx, Edit::AddOpportunity(Box::new(opportunity)));
        if changed {
            self.status = Some(Tr(self.settings.language).opportunity_noted(stage, title));
        }
        changed
    }
}
