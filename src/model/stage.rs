//! The eight stages of the customer experience, in order.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::collate::fold_diacritics;

/// The language the app speaks. Lives in the model because stage names and
/// descriptions are domain facts that exist in both languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    Vietnamese,
}

impl Language {
    pub const ALL: [Self; 2] = [Self::English, Self::Vietnamese];

    /// The language's name written in that language, as shown in a language menu.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Vietnamese => "Tiếng Việt",
        }
    }
}

/// One of the eight stages a customer passes on the way from first-time buyer to raving fan.
///
/// The discriminant is the stage number (1–8), which is also what the store writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[repr(u8)]
pub enum Stage {
    Evaluation = 1,
    Acknowledgment = 2,
    Validation = 3,
    Kickoff = 4,
    Acclimation = 5,
    Accomplishment = 6,
    Adoption = 7,
    Advocacy = 8,
}

/// A stage could not be read from what the user typed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown stage \"{0}\": use 1–8 or a stage name such as Evaluation, Affirm or Xác nhận")]
pub struct ParseStageError(pub String);

impl Stage {
    /// All stages, in path order.
    pub const ALL: [Self; 8] = [
        Self::Evaluation,
        Self::Acknowledgment,
        Self::Validation,
        Self::Kickoff,
        Self::Acclimation,
        Self::Accomplishment,
        Self::Adoption,
        Self::Advocacy,
    ];

    /// The stage number, 1–8.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// Zero-based position, for indexing `[_; 8]` arrays.
    pub fn index(self) -> usize {
        usize::from(self.number() - 1)
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.get(usize::from(number).checked_sub(1)?).copied()
    }

    pub fn next(self) -> Option<Self> {
        Self::from_number(self.number() + 1)
    }

    pub fn previous(self) -> Option<Self> {
        Self::from_number(self.number() - 1)
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::Evaluation => "Evaluation",
            Self::Acknowledgment => "Acknowledgment",
            Self::Validation => "Validation",
            Self::Kickoff => "Kickoff",
            Self::Acclimation => "Acclimation",
            Self::Accomplishment => "Accomplishment",
            Self::Adoption => "Adoption",
            Self::Advocacy => "Advocacy",
        }
    }

    pub fn name_vi(self) -> &'static str {
        match self {
            Self::Evaluation => "Đánh giá",
            Self::Acknowledgment => "Thừa nhận",
            Self::Validation => "Xác nhận",
            Self::Kickoff => "Khởi động",
            Self::Acclimation => "Thích nghi",
            Self::Accomplishment => "Hoàn thành",
            Self::Adoption => "Gắn bó",
            Self::Advocacy => "Ủng hộ",
        }
    }

    pub fn name(self, language: Language) -> &'static str {
        match language {
            Language::English => self.name_en(),
            Language::Vietnamese => self.name_vi(),
        }
    }

    /// "3. Validation" / "3. Xác nhận", as menus and tables show a stage.
    pub fn numbered_name(self, language: Language) -> String {
        format!("{}. {}", self.number(), self.name(language))
    }

    /// Coleman's one-word verb for the stage ("also known as").
    pub fn verb(self) -> &'static str {
        match self {
            Self::Evaluation => "Assess",
            Self::Acknowledgment => "Admit",
            Self::Validation => "Affirm",
            Self::Kickoff => "Activate",
            Self::Acclimation => "Acclimate",
            Self::Accomplishment => "Accomplish",
            Self::Adoption => "Adopt",
            Self::Advocacy => "Advocate",
        }
    }

    /// What happens at this stage, in a sentence or two.
    pub fn description(self, language: Language) -> &'static str {
        match language {
            Language::English => self.description_en(),
            Language::Vietnamese => self.description_vi(),
        }
    }

    fn description_en(self) -> &'static str {
        match self {
            Self::Evaluation => {
                "The prospect weighs whether you can solve their problem and sets expectations. Hopeful, but careful."
            }
            Self::Acknowledgment => {
                "They admit the need and decide you are the answer: the purchase. Spirits are high; keep them there."
            }
            Self::Validation => {
                "Buyer's remorse: doubt creeps in about the money spent. Reassure them quickly that they chose well."
            }
            Self::Kickoff => {
                "The first real interaction after the sale: onboarding, the first invoice, the kickoff meeting. Eager and a little nervous."
            }
            Self::Acclimation => {
                "They learn how you work and fit you into their routine. Friction here is where many quietly give up."
            }
            Self::Accomplishment => {
                "They reach the result they bought for. The promise made during Evaluation is kept."
            }
            Self::Adoption => {
                "They take ownership of the relationship and come back by choice: a loyal customer."
            }
            Self::Advocacy => "They recommend you unprompted and defend you to others: a raving fan.",
        }
    }

    fn description_vi(self) -> &'static str {
        match self {
            Self::Evaluation => {
                "Khách tiềm năng cân nhắc xem bạn có giải quyết được vấn đề của họ không và đặt ra kỳ vọng. Hy vọng nhưng còn dè dặt."
            }
            Self::Acknowledgment => {
                "Khách nhận ra nhu cầu và chọn bạn: họ mua hàng. Tinh thần đang lên cao, hãy giữ cho nó cao."
            }
            Self::Validation => {
                "Hối tiếc sau khi mua: khách bắt đầu nghi ngờ khoản tiền đã chi. Hãy nhanh chóng giúp họ yên tâm rằng mình đã chọn đúng."
            }
            Self::Kickoff => {
                "Lần tương tác thật sự đầu tiên sau khi bán: hướng dẫn sử dụng, hóa đơn đầu tiên, buổi họp khởi động. Háo hức nhưng hơi lo."
            }
            Self::Acclimation => {
                "Khách làm quen với cách bạn làm việc và đưa bạn vào thói quen của họ. Trục trặc ở đây khiến nhiều người lặng lẽ bỏ đi."
            }
            Self::Accomplishment => {
                "Khách đạt được kết quả mà họ đã bỏ tiền ra mua. Lời hứa ở giai đoạn Đánh giá được thực hiện."
            }
            Self::Adoption => {
                "Khách coi mối quan hệ là của mình và tự nguyện quay lại: một khách hàng trung thành."
            }
            Self::Advocacy => {
                "Khách chủ động giới thiệu bạn và bênh vực bạn trước người khác: một người hâm mộ nhiệt thành."
            }
        }
    }

    /// The emotion the model expects a typical customer to feel here, on the −5…+5 scale.
    /// The dip at Validation is buyer's remorse; Acclimation is the learning-curve slump.
    pub fn expected_score(self) -> i8 {
        match self {
            Self::Evaluation => 1,
            Self::Acknowledgment => 4,
            Self::Validation => -2,
            Self::Kickoff => 2,
            Self::Acclimation => -1,
            Self::Accomplishment => 3,
            Self::Adoption => 3,
            Self::Advocacy => 5,
        }
    }

    /// A word for the expected emotion, used beside the expected score.
    pub fn expected_feeling(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Evaluation, Language::English) => "cautiously hopeful",
            (Self::Acknowledgment, Language::English) => "excited",
            (Self::Validation, Language::English) => "doubtful (buyer's remorse)",
            (Self::Kickoff, Language::English) => "eager, a little anxious",
            (Self::Acclimation, Language::English) => "frustrated by the learning curve",
            (Self::Accomplishment, Language::English) => "satisfied",
            (Self::Adoption, Language::English) => "loyal, confident",
            (Self::Advocacy, Language::English) => "enthusiastic",
            (Self::Evaluation, Language::Vietnamese) => "hy vọng dè dặt",
            (Self::Acknowledgment, Language::Vietnamese) => "phấn khích",
            (Self::Validation, Language::Vietnamese) => "hoài nghi (hối tiếc sau mua)",
            (Self::Kickoff, Language::Vietnamese) => "háo hức, hơi lo",
            (Self::Acclimation, Language::Vietnamese) => "bực bội khi làm quen",
            (Self::Accomplishment, Language::Vietnamese) => "hài lòng",
            (Self::Adoption, Language::Vietnamese) => "trung thành, tin tưởng",
            (Self::Advocacy, Language::Vietnamese) => "nhiệt tình",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name_en())
    }
}

impl FromStr for Stage {
    type Err = ParseStageError;

    /// Accepts `1`–`8`, the English names, Coleman's verbs and the Vietnamese names
    /// with or without diacritics, in any case, with surrounding spaces ignored.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        if let Ok(number) = trimmed.parse::<u8>() {
            return Self::from_number(number).ok_or_else(|| ParseStageError(text.to_owned()));
        }
        // Folding makes "Xác nhận", "xac nhan" and "XÁC NHẬN" the same key, and
        // collapsing inner whitespace forgives a doubled space.
        let key = fold_diacritics(trimmed).split_whitespace().collect::<Vec<_>>().join(" ");
        Self::ALL
            .into_iter()
            .find(|stage| {
                [stage.name_en(), stage.verb(), stage.name_vi()]
                    .iter()
                    .any(|name| fold_diacritics(name) == key)
            })
            .ok_or_else(|| ParseStageError(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_number(stage.number()), Some(stage));
            assert_eq!(stage.number().to_string().parse::<Stage>(), Ok(stage));
        }
        assert_eq!(Stage::from_number(0), None);
        assert_eq!(Stage::from_number(9), None);
        assert_eq!(Stage::Kickoff.next(), Some(Stage::Acclimation));
        assert_eq!(Stage::Advocacy.next(), None);
        assert_eq!(Stage::Evaluation.previous(), None);
    }

    #[test]
    fn every_accepted_form_parses() {
        for stage in Stage::ALL {
            for name in [stage.name_en(), stage.verb(), stage.name_vi()] {
                assert_eq!(name.parse::<Stage>(), Ok(stage), "{name}");
                assert_eq!(name.to_uppercase().parse::<Stage>(), Ok(stage), "{name}");
                assert_eq!(name.to_lowercase().parse::<Stage>(), Ok(stage), "{name}");
                assert_eq!(format!("  {name}\t").parse::<Stage>(), Ok(stage), "{name}");
            }
        }
        assert_eq!("xac nhan".parse::<Stage>(), Ok(Stage::Validation));
        assert_eq!("DANH GIA".parse::<Stage>(), Ok(Stage::Evaluation));
        assert_eq!("ung ho".parse::<Stage>(), Ok(Stage::Advocacy));
        assert_eq!("gan bo".parse::<Stage>(), Ok(Stage::Adoption));
        assert_eq!("khoi dong".parse::<Stage>(), Ok(Stage::Kickoff));
        assert_eq!(" 3 ".parse::<Stage>(), Ok(Stage::Validation));
        assert_eq!("affirm".parse::<Stage>(), Ok(Stage::Validation));
    }

    #[test]
    fn rejections_name_the_bad_value() {
        for bad in ["0", "9", "", "  ", "-1", "stage 3", "Evaluatio", "xác", "3.0", "Ủng"] {
            let err = bad.parse::<Stage>().expect_err(bad);
            assert_eq!(err.0, bad);
            assert!(err.to_string().contains(&format!("\"{bad}\"")));
        }
    }

    #[test]
    fn expected_curve_dips_at_validation() {
        let scores: Vec<i8> = Stage::ALL.iter().map(|s| s.expected_score()).collect();
        assert!(scores.iter().all(|s| (-5..=5).contains(s)));
        assert!(Stage::Validation.expected_score() < Stage::Acknowledgment.expected_score());
        assert!(Stage::Validation.expected_score() < 0);
    }
}
