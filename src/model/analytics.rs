//! Analytics on top of the funnel: how many customers get far within their first hundred
//! days, who has stalled, how each persona feels along the path, and the plain-language
//! findings the Analytics view leads with.
//!
//! Plain values only: the store fills them in SQL (`Workspace::analytics`), and
//! [`findings`] picks what is worth saying without touching a database. The sentences
//! themselves, in both languages, are in `crate::i18n` (`Finding::text`).

use chrono::NaiveDateTime;

use super::emotion::{EmotionStats, Score};
use super::funnel::Funnel;
use super::persona::{PersonaId, Rgb};
use super::stage::Stage;
use super::version::Targets;

/// The window, in days from a customer's first event, that [`FirstHundredDays`] looks at.
pub const FIRST_DAYS: u32 = 100;

/// `customers` of `of`: a share of a group of customers.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Share {
    /// Customers that meet the condition.
    pub customers: u64,
    /// Customers in the group.
    pub of: u64,
}

impl Share {
    /// `customers / of`; none when the group is empty.
    pub fn rate(&self) -> Option<f64> {
        #[expect(clippy::cast_precision_loss, reason = "customer counts are far below 2^52")]
        (self.of > 0).then(|| self.customers as f64 / self.of as f64)
    }
}

/// Customers (in scope) whose earliest event at a stage ≥ s lies within [`FIRST_DAYS`]
/// days of their first event (the boundary included); `of` is every customer in scope.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FirstHundredDays {
    /// Reached Kickoff (or a later stage) within the window.
    pub kickoff: Share,
    /// Reached Accomplishment (or a later stage) within the window.
    pub accomplishment: Share,
}

/// A customer who has stalled: no new stage event for a while, and not at Advocacy.
#[derive(Clone, Debug, PartialEq)]
pub struct StalledCustomer {
    /// The business's own identifier for the customer.
    pub customer_id: String,
    /// The customer's persona, if it still has one.
    pub persona: Option<String>,
    /// The furthest stage the customer reached.
    pub stage: Stage,
    /// When the customer's latest stage event happened.
    pub last_event: NaiveDateTime,
    /// Days from `last_event` to the start of the reference date.
    pub days_since: f64,
}

/// Customers whose latest stage event is older than `days` before the reference date and
/// who have not reached Advocacy, counted per furthest stage.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stalled {
    /// The threshold, in days.
    pub days: u32,
    /// Stalled customers per furthest stage (Advocacy is always 0).
    pub per_stage: [u64; 8],
    /// All stalled customers.
    pub total: u64,
    /// The most stale first (oldest latest event; ties in import order), at most the
    /// requested limit.
    pub customers: Vec<StalledCustomer>,
}

/// One logged emotion, as drawn on a persona's curve.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionPoint {
    pub stage: Stage,
    pub score: Score,
    pub label: String,
    pub note: String,
}

/// One persona's emotions per stage: statistics (mean, min, max, count) and every entry.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionCurve {
    pub persona: PersonaId,
    pub name: String,
    pub color: Rgb,
    /// Per stage, indexed by [`Stage::index`].
    pub stats: [EmotionStats; 8],
    /// Every entry, by stage, oldest first within a stage (undated last).
    pub points: Vec<EmotionPoint>,
}

/// How many touchpoints a persona has per stage, for spotting gaps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TouchpointCoverage {
    pub persona: String,
    /// Touchpoints per stage, indexed by [`Stage::index`].
    pub touchpoints: [u64; 8],
}

/// Everything [`findings`] reads.
#[derive(Clone, Copy, Debug)]
pub struct FindingInputs<'a> {
    /// The funnel of the customers in scope.
    pub funnel: &'a Funnel,
    /// Emotion statistics per stage over the entries in scope.
    pub emotions: &'a [EmotionStats; 8],
    /// Per-persona emotion curves, in the order they are shown.
    pub curves: &'a [EmotionCurve],
    pub stalled: &'a Stalled,
    pub first_100_days: &'a FirstHundredDays,
    /// The personas in scope, in the order they are shown.
    pub touchpoints: &'a [TouchpointCoverage],
    /// The journey version's target emotions: the "expected" level of each finding
    /// (the model's level where none was set).
    pub targets: &'a Targets,
    /// The personas in scope: the expected level of everyone is their mean target.
    pub personas: &'a [PersonaId],
}

impl FindingInputs<'_> {
    /// The expected emotion at `stage` for one persona, or (`None`) everyone in scope,
    /// rounded to a whole score as findings show it.
    fn expected(&self, persona: Option<PersonaId>, stage: Stage) -> i8 {
        match persona {
            Some(p) => self.targets.score(p, stage),
            // Means of scores −5…+5 round into −5…+5.
            #[expect(clippy::cast_possible_truncation, reason = "a mean of scores is within −5…+5")]
            None => self.targets.mean(self.personas, stage).round() as i8,
        }
    }
}

/// One thing worth knowing about the journey, with the numbers behind it.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// The transition that loses the largest share of the customers who reach it.
    BiggestDropOff {
        from: Stage,
        to: Stage,
        /// Customers who reached `from` and went no further.
        lost: u64,
        /// Customers who reached `from`.
        reached: u64,
        /// `lost / reached`.
        rate: f64,
    },
    /// The stage of the biggest drop-off also has a negative or below-expected mean emotion.
    LeakMeetsLow {
        stage: Stage,
        mean: f64,
        /// [`Stage::expected_score`] of the stage.
        expected: i8,
        /// The drop-off rate of the stage.
        rate: f64,
    },
    /// The stage holding the most stalled customers.
    Stalled {
        stage: Stage,
        /// Stalled customers at `stage`.
        customers: u64,
        /// The threshold, in days.
        days: u32,
        /// Stalled customers at all stages.
        total: u64,
    },
    /// The stage with the lowest mean emotion of one persona (or of everyone, `None`).
    LowestEmotion { persona: Option<String>, stage: Stage, mean: f64, expected: i8 },
    /// Customers reaching `stage` (or later) within their first [`FIRST_DAYS`] days.
    FirstHundredDays { stage: Stage, customers: u64, of: u64 },
    /// Stages where a persona has no touchpoint, in path order.
    TouchpointGaps { persona: String, stages: Vec<Stage> },
}

/// The findings worth showing, most important first: the biggest drop-off (and whether it
/// meets an emotional low), where customers stall, each persona's emotional low point,
/// how many get far in their first hundred days, and missing touchpoints. Empty when
/// there is nothing to say (no customers, no emotion entries, no personas).
pub fn findings(inputs: &FindingInputs<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let funnel = inputs.funnel;

    if let Some(drop) = funnel.biggest_drop_off() {
        out.push(Finding::BiggestDropOff {
            from: drop.from,
            to: drop.to,
            lost: drop.lost,
            reached: funnel.reached(drop.from),
            rate: drop.rate,
        });
        let expected = inputs.expected(None, drop.from);
        if let Some(mean) = inputs.emotions[drop.from.index()].mean
            && (mean < 0.0 || mean < f64::from(expected))
        {
            out.push(Finding::LeakMeetsLow { stage: drop.from, mean, expected, rate: drop.rate });
        }
    }

    let stalled = inputs.stalled;
    // Ties go to the earlier stage.
    let top = Stage::ALL.into_iter().rev().max_by_key(|s| stalled.per_stage[s.index()]);
    if let Some(stage) = top
        && stalled.per_stage[stage.index()] > 0
    {
        out.push(Finding::Stalled {
            stage,
            customers: stalled.per_stage[stage.index()],
            days: stalled.days,
            total: stalled.total,
        });
    }

    let mut lows: Vec<Finding> = Vec::new();
    for curve in inputs.curves {
        if let Some((stage, mean)) = lowest_mean(&curve.stats) {
            lows.push(Finding::LowestEmotion {
                persona: Some(curve.name.clone()),
                stage,
                mean,
                expected: inputs.expected(Some(curve.persona), stage),
            });
        }
    }
    if inputs.curves.is_empty()
        && let Some((stage, mean)) = lowest_mean(inputs.emotions)
    {
        lows.push(Finding::LowestEmotion {
            persona: None,
            stage,
            mean,
            expected: inputs.expected(None, stage),
        });
    }
    // The lowest lows first; the sort is stable, so equal means keep the personas' order.
    lows.sort_by(|a, b| match (a, b) {
        (Finding::LowestEmotion { mean: x, .. }, Finding::LowestEmotion { mean: y, .. }) => x.total_cmp(y),
        _ => std::cmp::Ordering::Equal,
    });
    out.extend(lows);

    let first = inputs.first_100_days;
    for (stage, share) in [(Stage::Kickoff, first.kickoff), (Stage::Accomplishment, first.accomplishment)] {
        if share.of > 0 {
            out.push(Finding::FirstHundredDays { stage, customers: share.customers, of: share.of });
        }
    }

    for coverage in inputs.touchpoints {
        let stages: Vec<Stage> =
            Stage::ALL.into_iter().filter(|s| coverage.touchpoints[s.index()] == 0).collect();
        if !stages.is_empty() {
            out.push(Finding::TouchpointGaps { persona: coverage.persona.clone(), stages });
        }
    }
    out
}

/// The stage with the lowest mean emotion (ties to the earlier stage), if any has entries.
fn lowest_mean(stats: &[EmotionStats; 8]) -> Option<(Stage, f64)> {
    let mut best: Option<(Stage, f64)> = None;
    for stage in Stage::ALL {
        if let Some(mean) = stats[stage.index()].mean
            && best.is_none_or(|(_, b)| mean < b)
        {
            best = Some((stage, mean));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn curve(name: &str, means: [Option<f64>; 8]) -> EmotionCurve {
        EmotionCurve {
            persona: PersonaId(1),
            name: name.to_owned(),
            color: Rgb::default(),
            stats: means.map(|mean| EmotionStats {
                entries: u64::from(mean.is_some()),
                mean,
                min: None,
                max: None,
            }),
            points: Vec::new(),
        }
    }

    fn stats(means: [Option<f64>; 8]) -> [EmotionStats; 8] {
        curve("", means).stats
    }

    #[test]
    fn shares() {
        assert_eq!(Share { customers: 1, of: 4 }.rate(), Some(0.25));
        assert_eq!(Share::default().rate(), None);
    }

    #[test]
    fn nothing_to_say_without_data() {
        let empty = FindingInputs {
            funnel: &Funnel::default(),
            emotions: &[EmotionStats::default(); 8],
            curves: &[],
            stalled: &Stalled { days: 30, ..Stalled::default() },
            first_100_days: &FirstHundredDays::default(),
            targets: &Targets::default(),
            personas: &[],
            touchpoints: &[],
        };
        assert_eq!(findings(&empty), Vec::new());
    }

    #[test]
    fn findings_in_order_with_their_numbers() {
        // 560 reach Kickoff, 348 go on to Acclimation: 212 lost (37.9 %), the worst step.
        // Furthest stages: 100 stop at Evaluation, 0 at 2 and 3, 212 at Kickoff, 348 at 8.
        let funnel = Funnel::from_furthest([100, 0, 0, 212, 0, 0, 0, 348]);
        let mut emotions = [EmotionStats::default(); 8];
        emotions[Stage::Kickoff.index()] =
            EmotionStats { entries: 4, mean: Some(-1.5), min: None, max: None };
        let curves = [
            curve("Minh Anh", [None, Some(3.0), Some(-2.125), Some(-1.5), None, None, None, None]),
            curve("Đức", [Some(1.0), None, None, None, Some(-3.0), None, None, None]),
        ];
        let mut per_stage = [0; 8];
        per_stage[Stage::Kickoff.index()] = 412;
        per_stage[Stage::Validation.index()] = 412; // a tie goes to the earlier stage
        per_stage[Stage::Evaluation.index()] = 196;
        let stalled = Stalled { days: 30, per_stage, total: 1020, customers: Vec::new() };
        let first = FirstHundredDays {
            kickoff: Share { customers: 1234, of: 2272 },
            accomplishment: Share { customers: 0, of: 2272 },
        };
        let mut covered = [1; 8];
        covered[Stage::Validation.index()] = 0;
        covered[Stage::Acclimation.index()] = 0;
        let touchpoints = [
            TouchpointCoverage { persona: "Minh Anh".into(), touchpoints: covered },
            TouchpointCoverage { persona: "Đức".into(), touchpoints: [0; 8] },
            TouchpointCoverage { persona: "Full".into(), touchpoints: [2; 8] },
        ];
        let found = findings(&FindingInputs {
            funnel: &funnel,
            emotions: &emotions,
            curves: &curves,
            stalled: &stalled,
            first_100_days: &first,
            targets: &Targets::default(),
            personas: &[],
            touchpoints: &touchpoints,
        });
        let rate = 212.0 / 560.0;
        assert_eq!(
            found,
            vec![
                Finding::BiggestDropOff {
                    from: Stage::Kickoff,
                    to: Stage::Acclimation,
                    lost: 212,
                    reached: 560,
                    rate
                },
                Finding::LeakMeetsLow { stage: Stage::Kickoff, mean: -1.5, expected: 2, rate },
                Finding::Stalled { stage: Stage::Validation, customers: 412, days: 30, total: 1020 },
                Finding::LowestEmotion {
                    persona: Some("Đức".into()),
                    stage: Stage::Acclimation,
                    mean: -3.0,
                    expected: -1
                },
                Finding::LowestEmotion {
                    persona: Some("Minh Anh".into()),
                    stage: Stage::Validation,
                    mean: -2.125,
                    expected: -2
                },
                Finding::FirstHundredDays { stage: Stage::Kickoff, customers: 1234, of: 2272 },
                Finding::FirstHundredDays { stage: Stage::Accomplishment, customers: 0, of: 2272 },
                Finding::TouchpointGaps {
                    persona: "Minh Anh".into(),
                    stages: vec![Stage::Validation, Stage::Acclimation]
                },
                Finding::TouchpointGaps { persona: "Đức".into(), stages: Stage::ALL.to_vec() },
            ]
        );
    }

    #[test]
    fn leak_needs_a_low_and_lows_fall_back_to_everyone() {
        let funnel = Funnel::from_furthest([0, 0, 5, 5, 0, 0, 0, 0]);
        // Validation loses 5 of 10 and Kickoff everyone: Kickoff is the biggest drop-off.
        // Its mean (+2) equals the expected +2: no LeakMeetsLow.
        let emotions = stats([None, None, Some(-4.0), Some(2.0), None, None, None, None]);
        let found = findings(&FindingInputs {
            funnel: &funnel,
            emotions: &emotions,
            curves: &[],
            stalled: &Stalled::default(),
            first_100_days: &FirstHundredDays::default(),
            targets: &Targets::default(),
            personas: &[],
            touchpoints: &[],
        });
        assert_eq!(
            found,
            vec![
                Finding::BiggestDropOff {
                    from: Stage::Kickoff,
                    to: Stage::Acclimation,
                    lost: 5,
                    reached: 5,
                    rate: 1.0
                },
                Finding::LowestEmotion { persona: None, stage: Stage::Validation, mean: -4.0, expected: -2 },
            ]
        );
    }
}
