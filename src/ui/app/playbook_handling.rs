//! What "+ Opportunity" on a playbook action does. The opportunity backlog is built on
//! another branch (issue #10 §3); this one function is where it is wired in.

use super::FanpathApp;
use crate::i18n::Tr;
use crate::model::Stage;

impl FanpathApp {
    /// Turns a playbook action into a backlog item at `stage` titled `title`; returns whether
    /// workspace data changed. Until the backlog exists it only says in the status bar what
    /// would have been added.
    pub(super) fn add_opportunity_from_playbook(&mut self, stage: Stage, title: &str) -> bool {
        self.status = Some(Tr(self.settings.language).opportunity_noted(stage, title));
        false
    }
}
