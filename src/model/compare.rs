//! The numbers of the Compare view (issue #10 §2): two journey versions side by side per
//! stage. Which touchpoints the second version adds, removes or keeps, and how each
//! version's target emotion stands against the mean emotion customers really logged.

use super::emotion::EmotionStats;
use super::persona::PersonaId;
use super::stage::Stage;
use super::touchpoint::{Channel, Touchpoint};
use super::version::Targets;

/// What a touchpoint is, for comparing versions: the same persona, stage, channel and
/// description (ignoring surrounding space) is the same touchpoint, whatever its row id.
fn identity(t: &Touchpoint) -> (PersonaId, Stage, &Channel, &str) {
    (t.persona, t.stage, &t.channel, t.description.trim())
}

/// One stage's touchpoints, from version A ("before") to version B ("after").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StageDiff {
    /// In B and not in A.
    pub added: Vec<Touchpoint>,
    /// In A and not in B.
    pub removed: Vec<Touchpoint>,
    /// In both (as B has them). A touchpoint A has twice and B once is kept once and
    /// removed once: the two are compared as multisets.
    pub kept: Vec<Touchpoint>,
}

/// The touchpoint diff of every stage, of one persona or (`None`) all.
pub fn touchpoint_diff(a: &[Touchpoint], b: &[Touchpoint], persona: Option<PersonaId>) -> [StageDiff; 8] {
    let in_scope = |t: &&Touchpoint| persona.is_none_or(|p| t.persona == p);
    let mut stages: [StageDiff; 8] = Default::default();
    // Each of A's touchpoints can be matched by one of B's at most.
    let mut unmatched: Vec<&Touchpoint> = a.iter().filter(in_scope).collect();
    for t in b.iter().filter(in_scope) {
        let diff = &mut stages[t.stage.index()];
        match unmatched.iter().position(|old| identity(old) == identity(t)) {
            Some(at) => {
                unmatched.swap_remove(at);
                diff.kept.push(t.clone());
            }
            None => diff.added.push(t.clone()),
        }
    }
    // Removed ones in A's order.
    for t in a.iter().filter(in_scope) {
        let diff = &mut stages[t.stage.index()];
        let still = unmatched.iter().position(|u| std::ptr::eq(*u, t));
        if let Some(at) = still {
            unmatched.swap_remove(at);
            diff.removed.push(t.clone());
        }
    }
    stages
}

/// One stage's emotion line: the target of each version against what was observed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageTargets {
    pub stage: Stage,
    /// Version A's target (the mean over personas when comparing all of them).
    pub target_a: f64,
    /// Version B's target.
    pub target_b: f64,
    /// The mean logged emotion at the stage; none without entries.
    pub observed: Option<f64>,
}

impl StageTargets {
    /// Observed minus A's target: negative when customers feel worse than A aims for.
    pub fn gap_a(&self) -> Option<f64> {
        self.observed.map(|o| o - self.target_a)
    }

    /// Observed minus B's target: how far the designed journey still has to lift the stage.
    pub fn gap_b(&self) -> Option<f64> {
        self.observed.map(|o| o - self.target_b)
    }

    /// How much B raises (positive) or lowers the target against A.
    pub fn target_change(&self) -> f64 {
        self.target_b - self.target_a
    }
}

/// The emotion lines of every stage for `personas` (one persona, or every persona when
/// comparing all), with the observed statistics of the same scope.
pub fn stage_targets(
    a: &Targets,
    b: &Targets,
    personas: &[PersonaId],
    observed: &[EmotionStats; 8],
) -> [StageTargets; 8] {
    Stage::ALL.map(|stage| StageTargets {
        stage,
        target_a: a.mean(personas, stage),
        target_b: b.mean(personas, stage),
        observed: observed[stage.index()].mean,
    })
}

/// Everything the Compare view and its PNG show, computed once per data change.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub touchpoints: [StageDiff; 8],
    pub emotions: [StageTargets; 8],
}

impl Comparison {
    /// Compares version A with version B for one persona or (`persona = None`) all of
    /// `personas`. `observed` are the logged emotion statistics of the same scope.
    pub fn new(
        (a_touchpoints, a_targets): (&[Touchpoint], &Targets),
        (b_touchpoints, b_targets): (&[Touchpoint], &Targets),
        persona: Option<PersonaId>,
        personas: &[PersonaId],
        observed: &[EmotionStats; 8],
    ) -> Self {
        let scope: Vec<PersonaId> = persona.map_or_else(|| personas.to_vec(), |p| vec![p]);
        Self {
            touchpoints: touchpoint_diff(a_touchpoints, b_touchpoints, persona),
            emotions: stage_targets(a_targets, b_targets, &scope, observed),
        }
    }

    /// Totals over the eight stages: (added, removed, kept).
    pub fn touchpoint_totals(&self) -> (usize, usize, usize) {
        self.touchpoints
            .iter()
            .fold((0, 0, 0), |(a, r, k), d| (a + d.added.len(), r + d.removed.len(), k + d.kept.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::emotion::Score;
    use crate::model::version::VersionId;

    fn tp(version: i64, persona: i64, stage: Stage, channel: Channel, text: &str) -> Touchpoint {
        Touchpoint {
            version: VersionId(version),
            persona: PersonaId(persona),
            stage,
            channel,
            description: text.into(),
        }
    }

    #[test]
    fn touchpoints_are_added_removed_and_kept_per_stage_as_multisets() {
        let a = vec![
            tp(1, 1, Stage::Kickoff, Channel::Email, "Welcome"),
            tp(1, 1, Stage::Kickoff, Channel::Email, "Welcome"),
            tp(1, 1, Stage::Kickoff, Channel::Phone, "Call"),
            tp(1, 2, Stage::Validation, Channel::Mail, "Card"),
        ];
        let b = vec![
            tp(2, 1, Stage::Kickoff, Channel::Email, " Welcome "),
            tp(2, 1, Stage::Kickoff, Channel::Video, "Tour"),
            tp(2, 2, Stage::Validation, Channel::Mail, "Card"),
            tp(2, 2, Stage::Advocacy, Channel::Gift, "Mug"),
        ];
        let diff = touchpoint_diff(&a, &b, None);
        let kickoff = &diff[Stage::Kickoff.index()];
        // Two welcome e-mails before, one after: one kept, one removed; the call goes; the tour is new.
        assert_eq!(kickoff.kept.len(), 1);
        assert_eq!(kickoff.added, vec![b[1].clone()]);
        assert_eq!(kickoff.removed, vec![a[1].clone(), a[2].clone()]);
        assert_eq!(diff[Stage::Validation.index()].kept, vec![b[2].clone()]);
        assert_eq!(diff[Stage::Advocacy.index()].added, vec![b[3].clone()]);
        let totals = Comparison {
            touchpoints: diff,
            emotions: stage_targets(&Targets::default(), &Targets::default(), &[], &Default::default()),
        }
        .touchpoint_totals();
        assert_eq!(totals, (2, 2, 2));

        let only_two = touchpoint_diff(&a, &b, Some(PersonaId(2)));
        assert!(only_two[Stage::Kickoff.index()] == StageDiff::default());
        assert_eq!(only_two[Stage::Advocacy.index()].added.len(), 1);
        assert_eq!(only_two[Stage::Validation.index()].kept.len(), 1);
    }

    #[test]
    fn targets_against_observed_give_signed_gaps() {
        let (p, q) = (PersonaId(1), PersonaId(2));
        let score = |v| Score::new(v).expect("score");
        let a = Targets::new([(p, Stage::Validation, score(-1))]);
        let b = Targets::new([(p, Stage::Validation, score(2)), (q, Stage::Validation, score(4))]);
        let mut observed: [EmotionStats; 8] = Default::default();
        observed[Stage::Validation.index()] = EmotionStats::from_scores([score(-4), score(-2), score(0)]);
        let lines = stage_targets(&a, &b, &[p, q], &observed);
        let v = lines[Stage::Validation.index()];
        let expected_q = f64::from(Stage::Validation.expected_score());
        // A: p at −1, q at the model's level; B: 2 and 4. Observed mean (−4 −2 + 0)/3 = −2.
        assert!((v.target_a - (-1.0 + expected_q) / 2.0).abs() < 1e-12);
        assert!((v.target_b - 3.0).abs() < 1e-12);
        assert_eq!(v.observed, Some(-2.0));
        assert!((v.gap_b().expect("gap") - (-5.0)).abs() < 1e-12);
        assert!((v.gap_a().expect("gap") - (-2.0 - (-1.0 + expected_q) / 2.0)).abs() < 1e-12);
        assert!((v.target_change() - (3.0 - (-1.0 + expected_q) / 2.0)).abs() < 1e-12);
        // No entries at Kickoff: no observed mean, no gap; both targets at the model's level.
        let k = lines[Stage::Kickoff.index()];
        assert_eq!((k.observed, k.gap_a()), (None, None));
        assert!((k.target_a - f64::from(Stage::Kickoff.expected_score())).abs() < 1e-12);
    }

    #[test]
    fn one_persona_scopes_the_targets_to_it() {
        let p = PersonaId(1);
        let b = Targets::new([(p, Stage::Kickoff, Score::new(-3).expect("score"))]);
        let c = Comparison::new(
            (&[], &Targets::default()),
            (&[], &b),
            Some(p),
            &[p, PersonaId(2)],
            &Default::default(),
        );
        assert!((c.emotions[Stage::Kickoff.index()].target_b - -3.0).abs() < 1e-12);
    }
}
