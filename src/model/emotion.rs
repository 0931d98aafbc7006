//! Emotional highs and lows logged per persona and stage.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::collate::fold_diacritics;
use super::persona::PersonaId;
use super::stage::{Language, Stage};

/// Longest emotion label or note, in characters: the importer refuses longer ones and the
/// form stops there.
pub const TEXT_MAX_CHARS: usize = 10_000;

/// Row id of an emotion entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EmotionId(pub i64);

/// How a customer felt, from −5 (furious, ready to leave) to +5 (delighted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score(i8);

/// A score outside −5…+5.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("score \"{0}\" must be a whole number from -5 to +5")]
pub struct ScoreError(pub String);

impl Score {
    pub const MIN: i8 = -5;
    pub const MAX: i8 = 5;

    pub fn new(value: i64) -> Result<Self, ScoreError> {
        i8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(Self)
            .ok_or_else(|| ScoreError(value.to_string()))
    }

    pub fn get(self) -> i8 {
        self.0
    }
}

impl FromStr for Score {
    type Err = ScoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        // One optional sign, then digits only: `str::parse` after stripping a `+` would take
        // `+-1` and `++1`.
        let digits = trimmed.strip_prefix(['+', '-']).unwrap_or(trimmed);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ScoreError(text.to_owned()));
        }
        trimmed
            .strip_prefix('+')
            .unwrap_or(trimmed)
            .parse::<i64>()
            .ok()
            .and_then(|v| Self::new(v).ok())
            .ok_or_else(|| ScoreError(text.to_owned()))
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 { write!(f, "+{}", self.0) } else { write!(f, "{}", self.0) }
    }
}

/// Where an emotion entry's evidence came from. Assumptions are kept apart so a
/// journey built on guesses is visible as such.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Source {
    Interview,
    Survey,
    Observation,
    /// The default when nothing says otherwise: unverified until backed by research.
    #[default]
    Assumption,
}

/// A source could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown source \"{0}\": use interview, survey, observation or assumption")]
pub struct ParseSourceError(pub String);

impl Source {
    pub const ALL: [Self; 4] = [Self::Interview, Self::Survey, Self::Observation, Self::Assumption];

    /// Stable identifier used in the database and in CSV/JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::Interview => "interview",
            Self::Survey => "survey",
            Self::Observation => "observation",
            Self::Assumption => "assumption",
        }
    }

    pub fn name(self, language: Language) -> &'static str {
        match language {
            Language::English => match self {
                Self::Interview => "Interview",
                Self::Survey => "Survey",
                Self::Observation => "Observation",
                Self::Assumption => "Assumption",
            },
            Language::Vietnamese => match self {
                Self::Interview => "Phỏng vấn",
                Self::Survey => "Khảo sát",
                Self::Observation => "Quan sát",
                Self::Assumption => "Giả định",
            },
        }
    }
}

impl FromStr for Source {
    type Err = ParseSourceError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let key = fold_diacritics(text.trim());
        Self::ALL
            .into_iter()
            .find(|s| key == s.key() || key == fold_diacritics(s.name(Language::Vietnamese)))
            .ok_or_else(|| ParseSourceError(text.to_owned()))
    }
}

/// One logged feeling of a persona at a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmotionEntry {
    pub persona: PersonaId,
    pub stage: Stage,
    pub score: Score,
    /// A word for the feeling: "excited", "buyer's remorse" …
    pub label: String,
    pub note: String,
    /// The touchpoint where it happened, free text.
    pub touchpoint: String,
    pub source: Source,
    pub logged_at: Option<NaiveDateTime>,
}

/// Quick labels offered when logging, in the order shown: highs first, then lows.
pub const QUICK_LABELS: [(&str, &str); 12] = [
    ("excited", "phấn khích"),
    ("relieved", "nhẹ nhõm"),
    ("satisfied", "hài lòng"),
    ("proud", "tự hào"),
    ("enthusiastic", "nhiệt tình"),
    ("confident", "tin tưởng"),
    ("doubtful", "hoài nghi"),
    ("anxious", "lo lắng"),
    ("confused", "bối rối"),
    ("frustrated", "bực bội"),
    ("disappointed", "thất vọng"),
    ("buyer's remorse", "hối tiếc sau mua"),
];

/// Count, mean, lowest and highest score of a set of entries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmotionStats {
    pub entries: u64,
    pub mean: Option<f64>,
    pub min: Option<i8>,
    pub max: Option<i8>,
}

impl EmotionStats {
    /// Statistics over scores, computed in memory (the store does the same in SQL).
    pub fn from_scores(scores: impl IntoIterator<Item = Score>) -> Self {
        let mut stats = Self::default();
        let mut sum = 0_i64;
        for score in scores {
            let v = score.get();
            stats.entries += 1;
            sum += i64::from(v);
            stats.min = Some(stats.min.map_or(v, |m| m.min(v)));
            stats.max = Some(stats.max.map_or(v, |m| m.max(v)));
        }
        if stats.entries > 0 {
            #[expect(clippy::cast_precision_loss, reason = "entry counts are far below 2^52")]
            let mean = sum as f64 / stats.entries as f64;
            stats.mean = Some(mean);
        }
        stats
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores() {
        assert_eq!("+3".parse::<Score>().map(Score::get), Ok(3));
        assert_eq!(" -5 ".parse::<Score>().map(Score::get), Ok(-5));
        assert!("6".parse::<Score>().is_err());
        assert!("-6".parse::<Score>().is_err());
        assert!("2.5".parse::<Score>().is_err());
        assert!("".parse::<Score>().is_err());
        assert_eq!(Score::new(4).map(|s| s.to_string()), Ok("+4".to_owned()));
        assert_eq!(Score::new(0).map(|s| s.to_string()), Ok("0".to_owned()));
    }

    #[test]
    fn sources() {
        assert_eq!("Interview".parse(), Ok(Source::Interview));
        assert_eq!("khảo sát".parse(), Ok(Source::Survey));
        assert_eq!("quan sat".parse(), Ok(Source::Observation));
        assert!("rumour".parse::<Source>().is_err());
    }

    #[test]
    fn stats() {
        let scores = [3, -2, 5, -4].map(|v| Score::new(v).expect("valid"));
        let stats = EmotionStats::from_scores(scores);
        assert_eq!(stats.entries, 4);
        assert_eq!(stats.mean, Some(0.5));
        assert_eq!((stats.min, stats.max), (Some(-4), Some(5)));
        assert_eq!(EmotionStats::from_scores([]), EmotionStats::default());
    }
}
