//! The rules being edited in the wizard: one line per (event, occurrence) with a stage or
//! "ignore", pre-filled from the workspace's saved rules, and the [`StageRules`] they make.
//! No egui here: the conversion is tested on plain values.

use std::num::NonZeroU32;

use crate::model::rules::{EventMatch, RuleError, StageRule, StageRules, event_key};
use crate::model::stage::Stage;

/// One line of the rules table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleDraft {
    /// The event name as the file spells it (or as a saved rule wrote it, `*` for any).
    pub event: String,
    /// 0: the customer's earliest time of the event; N: its N-th distinct time.
    pub occurrence: u32,
    /// `None`: the event is ignored.
    pub stage: Option<Stage>,
    /// Whether the event is in the file (saved rules for other events are kept, not shown
    /// as editable lines of the file).
    pub in_file: bool,
}

impl RuleDraft {
    /// An ignored event of the file.
    pub fn ignored(event: &str) -> Self {
        Self { event: event.to_owned(), occurrence: 0, stage: None, in_file: true }
    }

    fn from_rule(rule: &StageRule, in_file: bool, spelling: &str) -> Self {
        Self {
            event: spelling.to_owned(),
            occurrence: rule.occurrence.map_or(0, NonZeroU32::get),
            stage: Some(rule.stage),
            in_file,
        }
    }
}

/// The lines for a file with `events` (distinct names, in the order to show them), filled
/// from `saved`: each file event gets the saved rules naming it (or one ignored line), then
/// the saved rules for events not in the file (and `*`) follow, so saving keeps them.
pub fn drafts_from_saved<'a>(
    events: impl IntoIterator<Item = &'a str>,
    saved: Option<&StageRules>,
) -> Vec<RuleDraft> {
    let saved: &[StageRule] = saved.map_or(&[], StageRules::as_slice);
    let mut used = vec![false; saved.len()];
    let mut drafts = Vec::new();
    for event in events {
        let key = event_key(event);
        let before = drafts.len();
        for (i, rule) in saved.iter().enumerate() {
            if let EventMatch::Name(name) = &rule.event
                && event_key(name) == key
            {
                used[i] = true;
                drafts.push(RuleDraft::from_rule(rule, true, event));
            }
        }
        if drafts.len() == before {
            drafts.push(RuleDraft::ignored(event));
        }
    }
    for (rule, _) in saved.iter().zip(&used).filter(|(_, used)| !**used) {
        drafts.push(RuleDraft::from_rule(rule, false, rule.event.as_str()));
    }
    drafts
}

/// The rules the lines give, in order; ignored lines are left out.
pub fn rules_from_drafts(drafts: &[RuleDraft]) -> Result<StageRules, RuleError> {
    let rules = drafts
        .iter()
        .filter_map(|draft| {
            let stage = draft.stage?;
            Some(EventMatch::parse(&draft.event).map(|event| StageRule {
                event,
                occurrence: NonZeroU32::new(draft.occurrence),
                stage,
            }))
        })
        .collect::<Result<Vec<_>, _>>()?;
    StageRules::new(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved() -> StageRules {
        StageRules::parse_rows([
            ["ORDER", "1", "Kickoff"],
            ["order", "2", "Acclimation"],
            ["signup", "", "3"],
            ["*", "", "1"],
        ])
        .expect("rules")
    }

    #[test]
    fn file_events_take_their_saved_rules_and_the_rest_are_kept() {
        let drafts = drafts_from_saved([" Order ", "view"], Some(&saved()));
        let lines: Vec<(&str, u32, Option<Stage>, bool)> =
            drafts.iter().map(|d| (d.event.as_str(), d.occurrence, d.stage, d.in_file)).collect();
        assert_eq!(
            lines,
            [
                (" Order ", 1, Some(Stage::Kickoff), true),
                (" Order ", 2, Some(Stage::Acclimation), true),
                ("view", 0, None, true),
                ("signup", 0, Some(Stage::Validation), false),
                ("*", 0, Some(Stage::Evaluation), false),
            ]
        );
        let rules = rules_from_drafts(&drafts).expect("rules");
        assert_eq!(rules.as_slice().len(), 4, "the ignored view is left out");
        assert_eq!(rules.as_slice()[0].occurrence, NonZeroU32::new(1));
        assert_eq!(rules.as_slice()[3].event, EventMatch::Any);
    }

    #[test]
    fn without_saved_rules_every_event_is_ignored_and_no_rules_is_an_error() {
        let drafts = drafts_from_saved(["a", "b"], None);
        assert_eq!(drafts, [RuleDraft::ignored("a"), RuleDraft::ignored("b")]);
        assert_eq!(rules_from_drafts(&drafts), Err(RuleError::NoRules));
    }
}
