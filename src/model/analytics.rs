//! Analytics on top of the funnel: how many customers get far within their first hundred
//! days, who has stalled, how each persona feels along the path, and the plain-language
//! findings the Analytics view leads with.
//!
//! Plain values only: the store fills them in SQL (`Workspace::analytics`), and
//! [`findings`] turns them into sentences without touching a database.

use chrono::NaiveDateTime;

use super::emotion::{EmotionStats, Score};
use super::funnel::Funnel;
use super::persona::{PersonaId, Rgb};
use super::stage::{Language, Stage};
use crate::i18n::format::{count, percent, signed, signed_mean};

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

impl Finding {
    /// A plain-language sentence naming the finding's numbers.
    pub fn text(&self, language: Language) -> String {
        let en = language == Language::English;
        let name = |stage: &Stage| stage.name(language);
        match self {
            Self::BiggestDropOff { from, to, lost, reached, rate } => {
                let (rate, lost, reached) =
                    (percent(*rate, language), count(*lost, language), count(*reached, language));
                let (from, to) = (name(from), name(to));
                if en {
                    format!(
                        "The biggest drop-off is {from} → {to}: {rate} of customers who reached {from} ({lost} of {reached}) went no further."
                    )
                } else {
                    format!(
                        "Chặng mất nhiều khách nhất là {from} → {to}: {rate} khách hàng đã tới {from} ({lost} trên {reached}) không đi tiếp."
                    )
                }
            }
            Self::LeakMeetsLow { stage, mean, expected, rate } => {
                let below = *mean < f64::from(*expected);
                let (stage, rate) = (name(stage), percent(*rate, language));
                let (mean, expected) = (signed_mean(*mean, language), signed(*expected));
                match (en, below) {
                    (true, true) => format!(
                        "Where customers leave most, they also feel worse than expected: the mean emotion at {stage} is {mean} (expected {expected}), and {rate} of those who reach it go no further. Start there."
                    ),
                    (true, false) => format!(
                        "Where customers leave most, they also feel bad: the mean emotion at {stage} is {mean} (expected {expected}), and {rate} of those who reach it go no further. Start there."
                    ),
                    (false, true) => format!(
                        "Nơi khách rời bỏ nhiều nhất cũng là nơi họ cảm thấy tệ hơn kỳ vọng: cảm xúc trung bình ở {stage} là {mean} (kỳ vọng {expected}), và {rate} khách hàng tới đây không đi tiếp. Hãy bắt đầu cải thiện từ đây."
                    ),
                    (false, false) => format!(
                        "Nơi khách rời bỏ nhiều nhất cũng là nơi cảm xúc tiêu cực: cảm xúc trung bình ở {stage} là {mean} (kỳ vọng {expected}), và {rate} khách hàng tới đây không đi tiếp. Hãy bắt đầu cải thiện từ đây."
                    ),
                }
            }
            Self::Stalled { stage, customers, days, total } => {
                let stage = name(stage);
                let n = count(*customers, language);
                let all = count(*total, language);
                if en {
                    let verb = if *customers == 1 { "customer has" } else { "customers have" };
                    let unit = if *days == 1 { "day" } else { "days" };
                    let rest = if total > customers {
                        format!(" ({all} stalled across all stages)")
                    } else {
                        String::new()
                    };
                    format!("{n} {verb} been stalled at {stage} for more than {days} {unit}{rest}.")
                } else {
                    let rest = if total > customers {
                        format!(" (tổng cộng {all} khách hàng chững lại ở các giai đoạn)")
                    } else {
                        String::new()
                    };
                    format!("{n} khách hàng đã chững lại ở {stage} hơn {days} ngày{rest}.")
                }
            }
            Self::LowestEmotion { persona, stage, mean, expected } => {
                let below = *mean < f64::from(*expected);
                let (stage, mean, expected) = (name(stage), signed_mean(*mean, language), signed(*expected));
                if en {
                    let whose = persona
                        .as_ref()
                        .map_or_else(|| "across all personas".to_owned(), |p| format!("for persona {p}"));
                    let compared = if below { "below" } else { "at or above" };
                    format!(
                        "{stage} has the lowest mean emotion ({mean}) {whose}, {compared} the expected level ({expected})."
                    )
                } else {
                    let whose = persona
                        .as_ref()
                        .map_or_else(|| "Xét mọi chân dung".to_owned(), |p| format!("Với chân dung {p}"));
                    let compared = if below { "thấp hơn" } else { "không thấp hơn" };
                    format!(
                        "{whose}, {stage} là giai đoạn có cảm xúc trung bình thấp nhất ({mean}), {compared} mức kỳ vọng ({expected})."
                    )
                }
            }
            Self::FirstHundredDays { stage, customers, of } => {
                let share = Share { customers: *customers, of: *of };
                let rate = percent(share.rate().unwrap_or(0.0), language);
                let (stage, n, of) = (name(stage), count(*customers, language), count(*of, language));
                if en {
                    format!(
                        "In their first {FIRST_DAYS} days, {rate} of customers ({n} of {of}) reached {stage}."
                    )
                } else {
                    format!("Trong {FIRST_DAYS} ngày đầu, {rate} khách hàng ({n} trên {of}) đã tới {stage}.")
                }
            }
            Self::TouchpointGaps { persona, stages } => {
                let all = stages.len() == Stage::ALL.len();
                let list = join(stages.iter().map(name), if en { "and" } else { "và" });
                match (en, all) {
                    (true, true) => format!("Persona {persona} has no touchpoints yet."),
                    (true, false) => format!("Persona {persona} has no touchpoint at {list}."),
                    (false, true) => format!("Chân dung {persona} chưa có điểm chạm nào."),
                    (false, false) => format!("Chân dung {persona} chưa có điểm chạm nào ở {list}."),
                }
            }
        }
    }
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
        let expected = drop.from.expected_score();
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
                expected: stage.expected_score(),
            });
        }
    }
    if inputs.curves.is_empty()
        && let Some((stage, mean)) = lowest_mean(inputs.emotions)
    {
        lows.push(Finding::LowestEmotion { persona: None, stage, mean, expected: stage.expected_score() });
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

/// `A`, `A and B`, `A, B and C`.
fn join<'a>(items: impl Iterator<Item = &'a str>, and: &str) -> String {
    let items: Vec<&str> = items.collect();
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;
    const VI: Language = Language::Vietnamese;

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
    fn number_formats() {
        assert_eq!(count(0, EN), "0");
        assert_eq!(count(1_234_567, EN), "1,234,567");
        assert_eq!(count(1_234_567, VI), "1.234.567");
        assert_eq!(percent(212.0 / 560.0, EN), "37.9 %");
        assert_eq!(percent(212.0 / 560.0, VI), "37,9 %");
        assert_eq!(percent(1.0, EN), "100.0 %");
        assert_eq!(signed_mean(-2.125, EN), "-2.1");
        assert_eq!(signed_mean(1.5, VI), "+1,5");
        assert_eq!(signed_mean(-0.04, EN), "0.0");
        assert_eq!(signed_mean(0.04, EN), "0.0");
        assert_eq!(signed(-2), "-2");
        assert_eq!(signed(0), "0");
        assert_eq!(signed(3), "+3");
        assert_eq!(join(["A"].into_iter(), "and"), "A");
        assert_eq!(join(["A", "B"].into_iter(), "and"), "A and B");
        assert_eq!(join(["A", "B", "C"].into_iter(), "và"), "A, B và C");
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

        let english: Vec<String> = found.iter().map(|f| f.text(EN)).collect();
        assert_eq!(
            english,
            [
                "The biggest drop-off is Kickoff → Acclimation: 37.9 % of customers who reached Kickoff (212 of 560) went no further.",
                "Where customers leave most, they also feel worse than expected: the mean emotion at Kickoff is -1.5 (expected +2), and 37.9 % of those who reach it go no further. Start there.",
                "412 customers have been stalled at Validation for more than 30 days (1,020 stalled across all stages).",
                "Acclimation has the lowest mean emotion (-3.0) for persona Đức, below the expected level (-1).",
                "Validation has the lowest mean emotion (-2.1) for persona Minh Anh, below the expected level (-2).",
                "In their first 100 days, 54.3 % of customers (1,234 of 2,272) reached Kickoff.",
                "In their first 100 days, 0.0 % of customers (0 of 2,272) reached Accomplishment.",
                "Persona Minh Anh has no touchpoint at Validation and Acclimation.",
                "Persona Đức has no touchpoints yet.",
            ]
        );
        let vietnamese: Vec<String> = found.iter().map(|f| f.text(VI)).collect();
        assert_eq!(
            vietnamese,
            [
                "Chặng mất nhiều khách nhất là Khởi động → Thích nghi: 37,9 % khách hàng đã tới Khởi động (212 trên 560) không đi tiếp.",
                "Nơi khách rời bỏ nhiều nhất cũng là nơi họ cảm thấy tệ hơn kỳ vọng: cảm xúc trung bình ở Khởi động là -1,5 (kỳ vọng +2), và 37,9 % khách hàng tới đây không đi tiếp. Hãy bắt đầu cải thiện từ đây.",
                "412 khách hàng đã chững lại ở Xác nhận hơn 30 ngày (tổng cộng 1.020 khách hàng chững lại ở các giai đoạn).",
                "Với chân dung Đức, Thích nghi là giai đoạn có cảm xúc trung bình thấp nhất (-3,0), thấp hơn mức kỳ vọng (-1).",
                "Với chân dung Minh Anh, Xác nhận là giai đoạn có cảm xúc trung bình thấp nhất (-2,1), thấp hơn mức kỳ vọng (-2).",
                "Trong 100 ngày đầu, 54,3 % khách hàng (1.234 trên 2.272) đã tới Khởi động.",
                "Trong 100 ngày đầu, 0,0 % khách hàng (0 trên 2.272) đã tới Hoàn thành.",
                "Chân dung Minh Anh chưa có điểm chạm nào ở Xác nhận và Thích nghi.",
                "Chân dung Đức chưa có điểm chạm nào.",
            ]
        );
    }

    #[test]
    fn wording_variants() {
        // Negative but not below the expected dip (-2 at Validation).
        let leak = Finding::LeakMeetsLow { stage: Stage::Validation, mean: -1.0, expected: -2, rate: 0.5 };
        assert_eq!(
            leak.text(EN),
            "Where customers leave most, they also feel bad: the mean emotion at Validation is -1.0 (expected -2), and 50.0 % of those who reach it go no further. Start there."
        );
        assert_eq!(
            leak.text(VI),
            "Nơi khách rời bỏ nhiều nhất cũng là nơi cảm xúc tiêu cực: cảm xúc trung bình ở Xác nhận là -1,0 (kỳ vọng -2), và 50,0 % khách hàng tới đây không đi tiếp. Hãy bắt đầu cải thiện từ đây."
        );
        let low = Finding::LowestEmotion { persona: None, stage: Stage::Evaluation, mean: 1.25, expected: 1 };
        assert_eq!(
            low.text(EN),
            "Evaluation has the lowest mean emotion (+1.2) across all personas, at or above the expected level (+1)."
        );
        assert_eq!(
            low.text(VI),
            "Xét mọi chân dung, Đánh giá là giai đoạn có cảm xúc trung bình thấp nhất (+1,2), không thấp hơn mức kỳ vọng (+1)."
        );
        let one = Finding::Stalled { stage: Stage::Adoption, customers: 1, days: 1, total: 1 };
        assert_eq!(one.text(EN), "1 customer has been stalled at Adoption for more than 1 day.");
        assert_eq!(one.text(VI), "1 khách hàng đã chững lại ở Gắn bó hơn 1 ngày.");
        let gap = Finding::TouchpointGaps { persona: "Hằng".into(), stages: vec![Stage::Advocacy] };
        assert_eq!(gap.text(EN), "Persona Hằng has no touchpoint at Advocacy.");
        assert_eq!(gap.text(VI), "Chân dung Hằng chưa có điểm chạm nào ở Ủng hộ.");
        for finding in [leak, low, one, gap] {
            for language in Language::ALL {
                assert!(!finding.text(language).contains('\u{2212}'));
            }
        }
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
