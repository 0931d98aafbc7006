//! The findings of the Analytics view as sentences, in English and Vietnamese. The model
//! decides what is worth saying ([`crate::model::analytics::findings`]); this file only
//! words it, with the numbers formatted by [`super::format`].

use super::format::{count, percent, signed, signed_mean};
use crate::model::analytics::{FIRST_DAYS, Finding, Share};
use crate::model::{Language, Stage};

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

    #[test]
    fn lists_join_with_the_language_and() {
        assert_eq!(join(["A"].into_iter(), "and"), "A");
        assert_eq!(join(["A", "B"].into_iter(), "and"), "A and B");
        assert_eq!(join(["A", "B", "C"].into_iter(), "và"), "A, B và C");
    }

    #[test]
    fn every_kind_of_finding_in_both_languages() {
        let rate = 212.0 / 560.0;
        let found = vec![
            Finding::BiggestDropOff {
                from: Stage::Kickoff,
                to: Stage::Acclimation,
                lost: 212,
                reached: 560,
                rate,
            },
            Finding::LeakMeetsLow { stage: Stage::Kickoff, mean: -1.5, expected: 2, rate },
            Finding::Stalled { stage: Stage::Validation, customers: 412, days: 30, total: 1020 },
            Finding::LowestEmotion {
                persona: Some("Đức".into()),
                stage: Stage::Acclimation,
                mean: -3.0,
                expected: -1,
            },
            Finding::LowestEmotion {
                persona: Some("Minh Anh".into()),
                stage: Stage::Validation,
                mean: -2.125,
                expected: -2,
            },
            Finding::FirstHundredDays { stage: Stage::Kickoff, customers: 1234, of: 2272 },
            Finding::FirstHundredDays { stage: Stage::Accomplishment, customers: 0, of: 2272 },
            Finding::TouchpointGaps {
                persona: "Minh Anh".into(),
                stages: vec![Stage::Validation, Stage::Acclimation],
            },
            Finding::TouchpointGaps { persona: "Đức".into(), stages: Stage::ALL.to_vec() },
        ];

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
}
