//! Which stages the wizard's rules map an event to, and what the funnel preview may say
//! because of it. No egui here: the rule is tested on plain numbers.
//!
//! Seen in the real window (H25): with no rule for Adoption, the preview called
//! "6. Accomplishment → 7. Adoption, 100 %" the biggest drop-off. Nobody can reach a stage
//! no rule leads to, so that figure came from the rules, not from the customers. A shop
//! owner reads "drop-off" as "customers lost": the preview only names transitions some
//! customer could make under these rules, and says plainly which stages have no event yet.

use crate::model::rules::StageRules;
use crate::model::{DropOff, Funnel, Stage};

/// The stages at least one rule leads to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MappedStages([bool; 8]);

impl MappedStages {
    /// The stages `rules` map some event to.
    pub fn from_rules(rules: &StageRules) -> Self {
        Self::from_stages(rules.as_slice().iter().map(|rule| rule.stage))
    }

    /// The stages in `stages` (repeats allowed).
    pub fn from_stages(stages: impl IntoIterator<Item = Stage>) -> Self {
        let mut mapped = [false; 8];
        for stage in stages {
            mapped[stage.index()] = true;
        }
        Self(mapped)
    }

    /// Whether some rule leads to `stage`.
    pub fn has(self, stage: Stage) -> bool {
        self.0[stage.index()]
    }

    /// The furthest stage a rule leads to; none without rules. Under the funnel's
    /// convention (a customer reaches every stage up to its furthest) the counts up to it
    /// are customers, and every count after it is zero by construction.
    pub fn furthest(self) -> Option<Stage> {
        Stage::ALL.into_iter().rev().find(|stage| self.has(*stage))
    }

    /// Whether the preview can count who reaches `stage`: it or a later stage has a rule.
    pub fn reachable(self, stage: Stage) -> bool {
        self.furthest().is_some_and(|furthest| stage <= furthest)
    }

    /// The stages no rule leads to, in order.
    pub fn unmapped(self) -> Vec<Stage> {
        Stage::ALL.into_iter().filter(|stage| !self.has(*stage)).collect()
    }
}

/// The biggest drop-off the preview may show: among the transitions into stages some
/// customer could reach under the rules. None when nobody is lost there, or when the
/// rules reach no further than the first stage (there is no transition to compare).
pub fn preview_drop_off(funnel: &Funnel, mapped: MappedStages) -> Option<DropOff> {
    funnel.biggest_drop_off_up_to(mapped.furthest()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A shop's rules that stop at Accomplishment: nothing for Adoption or Advocacy.
    fn up_to_accomplishment() -> MappedStages {
        MappedStages::from_stages([
            Stage::Evaluation,
            Stage::Acknowledgment,
            Stage::Validation,
            Stage::Kickoff,
            Stage::Acclimation,
            Stage::Accomplishment,
        ])
    }

    #[test]
    fn no_drop_off_into_a_stage_no_rule_leads_to() {
        // Furthest stages of 200 customers: 80 stop at 1, 40 at 3, 30 at 4, 20 at 5, 30 at 6.
        let funnel = Funnel::from_furthest([80, 0, 40, 30, 20, 30, 0, 0]);
        assert_eq!(funnel.reached, [200, 120, 120, 80, 50, 30, 0, 0]);
        // Every customer at 6 is "lost" before 7: 30 of 30, 100 %, the biggest rate.
        let unfiltered = funnel.biggest_drop_off().expect("some");
        assert_eq!((unfiltered.from, unfiltered.rate), (Stage::Accomplishment, 1.0));

        // Only the real transitions: 1→2 loses 80 / 200 = 40 %, 3→4 loses 40 / 120 = 33 %,
        // 4→5 loses 30 / 80 = 37.5 %, 5→6 loses 20 / 50 = 40 % (the tie goes to 1→2).
        let drop = preview_drop_off(&funnel, up_to_accomplishment()).expect("some");
        assert_eq!((drop.from, drop.to, drop.lost), (Stage::Evaluation, Stage::Acknowledgment, 80));
        assert!((drop.rate - 80.0 / 200.0).abs() < 1e-12);
    }

    #[test]
    fn a_stage_between_two_mapped_ones_still_counts() {
        // Rules for 1, 2 and 4 only: a customer at 4 went through 3, so 2→3 is a real loss.
        let mapped = MappedStages::from_stages([Stage::Evaluation, Stage::Acknowledgment, Stage::Kickoff]);
        assert_eq!(
            mapped.unmapped(),
            [Stage::Validation, Stage::Acclimation, Stage::Accomplishment, Stage::Adoption, Stage::Advocacy]
        );
        assert_eq!(mapped.furthest(), Some(Stage::Kickoff));
        assert!(mapped.reachable(Stage::Validation) && !mapped.reachable(Stage::Acclimation));
        // 10 stop at 1, 30 at 2, 10 at 4: 2→3 loses 30 of 40 (75 %), 1→2 10 of 50 (20 %).
        let funnel = Funnel::from_furthest([10, 30, 0, 10, 0, 0, 0, 0]);
        let drop = preview_drop_off(&funnel, mapped).expect("some");
        assert_eq!((drop.from, drop.to, drop.lost), (Stage::Acknowledgment, Stage::Validation, 30));
        assert!((drop.rate - 0.75).abs() < 1e-12);
    }

    #[test]
    fn rules_for_the_first_stage_only_have_no_drop_off() {
        let mapped = MappedStages::from_stages([Stage::Evaluation, Stage::Evaluation]);
        let funnel = Funnel::from_furthest([25, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(funnel.biggest_drop_off().map(|d| d.rate), Some(1.0), "what the preview said");
        assert_eq!(preview_drop_off(&funnel, mapped), None);
        assert_eq!(preview_drop_off(&funnel, MappedStages::default()), None, "no rules at all");
        // Every stage mapped: the same answer as the analytics' funnel.
        let all = MappedStages::from_stages(Stage::ALL);
        let funnel = Funnel::from_furthest([5, 0, 0, 0, 0, 0, 5, 10]);
        assert_eq!(preview_drop_off(&funnel, all), funnel.biggest_drop_off());
        assert!(all.unmapped().is_empty());
    }

    #[test]
    fn from_saved_rules() {
        let rules = StageRules::parse_rows([
            ["view", "", "1"],
            ["order", "1", "Kickoff"],
            ["order", "2", "Acclimation"],
        ])
        .expect("rules");
        let mapped = MappedStages::from_rules(&rules);
        let has: Vec<u8> = Stage::ALL.into_iter().filter(|s| mapped.has(*s)).map(Stage::number).collect();
        assert_eq!(has, [1, 4, 5]);
    }
}
