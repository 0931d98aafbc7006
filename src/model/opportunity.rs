//! The opportunity backlog (issue #10 §3): ideas for improving a stage of a journey version,
//! rated by value and effort so a team can see its quick wins.
//!
//! The ordering maths lives here, on plain values: the table, the matrix chart and the CLI
//! export all rank the same way.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::collate::fold_diacritics;
use super::emotion::EmotionId;
use super::persona::PersonaId;
use super::stage::{Language, Stage};
use super::version::VersionId;

/// Longest opportunity title, in characters: a title is a line in a table, not a document.
pub const TITLE_MAX_CHARS: usize = 200;

/// Longest owner name, in characters.
pub const OWNER_MAX_CHARS: usize = 200;

/// Row id of an opportunity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OpportunityId(pub i64);

/// Where an opportunity stands. Idea, planned and in progress are *open*: the work still
/// ahead, which the board and the Compare view count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OpportunityStatus {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// A status that is none of the known keys or names.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown status \"{0}\": use idea, planned, in progress, done or dropped")]
pub struct StatusError(pub String);

impl OpportunityStatus {
    /// Every status, in the order work moves through them.
    pub const ALL: [Self; 5] = [Self::Idea, Self::Planned, Self::InProgress, Self::Done, Self::Dropped];

    /// Stable identifier stored in the database and written to CSV.
    pub fn key(self) -> &'static str {
        match self {
            Self::Idea => "idea",
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }

    /// Still work ahead: idea, planned or in progress.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Idea | Self::Planned | Self::InProgress)
    }

    pub fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Idea, Language::English) => "Idea",
            (Self::Planned, Language::English) => "Planned",
            (Self::InProgress, Language::English) => "In progress",
            (Self::Done, Language::English) => "Done",
            (Self::Dropped, Language::English) => "Dropped",
            (Self::Idea, Language::Vietnamese) => "Ý tưởng",
            (Self::Planned, Language::Vietnamese) => "Đã lên kế hoạch",
            (Self::InProgress, Language::Vietnamese) => "Đang làm",
            (Self::Done, Language::Vietnamese) => "Đã xong",
            (Self::Dropped, Language::Vietnamese) => "Đã bỏ",
        }
    }
}

impl FromStr for OpportunityStatus {
    type Err = StatusError;

    /// Accepts the key, and the English or Vietnamese name in any case, with or without
    /// diacritics, spaces, `-` or `_` ("In progress", "in-progress", "dang lam").
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = squash(text);
        Self::ALL
            .into_iter()
            .find(|status| {
                [status.key(), status.name(Language::English), status.name(Language::Vietnamese)]
                    .iter()
                    .any(|name| squash(name) == wanted)
            })
            .ok_or_else(|| StatusError(text.to_owned()))
    }
}

/// Lower case without diacritics, spaces, `-` or `_`: how status names are compared.
fn squash(text: &str) -> String {
    fold_diacritics(text.trim()).chars().filter(|c| !matches!(c, ' ' | '-' | '_')).collect()
}

/// A rating from 1 (little) to 5 (a lot): the value of an opportunity to customers, or the
/// effort it takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Rating(u8);

/// A rating outside 1…5.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" must be a whole number from 1 to 5")]
pub struct RatingError(pub String);

impl Rating {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;
    /// The middle of the scale: a new opportunity starts here until someone rates it.
    pub const MIDDLE: Self = Self(3);
    /// A rating of this or more is *high* (value) or *big* (effort) in the matrix.
    pub const HIGH_FROM: u8 = 3;

    pub fn new(value: i64) -> Result<Self, RatingError> {
        u8::try_from(value)
            .ok()
            .filter(|v| (Self::MIN..=Self::MAX).contains(v))
            .map(Self)
            .ok_or_else(|| RatingError(value.to_string()))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Every rating, for menus.
    pub fn all() -> impl Iterator<Item = Self> {
        (Self::MIN..=Self::MAX).map(Self)
    }

    fn is_high(self) -> bool {
        self.0 >= Self::HIGH_FROM
    }
}

impl Default for Rating {
    fn default() -> Self {
        Self::MIDDLE
    }
}

impl FromStr for Rating {
    type Err = RatingError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        if trimmed.len() != 1 || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RatingError(text.to_owned()));
        }
        trimmed
            .parse::<i64>()
            .ok()
            .and_then(|v| Self::new(v).ok())
            .ok_or_else(|| RatingError(text.to_owned()))
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The four corners of the value × effort matrix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    /// High value, small effort: do these first.
    QuickWin,
    /// High value, big effort: plan these.
    BigBet,
    /// Low value, small effort: when there is time.
    FillIn,
    /// Low value, big effort: usually not worth it.
    MoneyPit,
}

impl Quadrant {
    /// The quadrant of a value and effort; a rating of [`Rating::HIGH_FROM`] or more counts
    /// as high value or big effort.
    pub fn of(value: Rating, effort: Rating) -> Self {
        match (value.is_high(), effort.is_high()) {
            (true, false) => Self::QuickWin,
            (true, true) => Self::BigBet,
            (false, false) => Self::FillIn,
            (false, true) => Self::MoneyPit,
        }
    }
}

/// One idea for improving a stage of a journey version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub version: VersionId,
    pub title: String,
    pub stage: Stage,
    /// The persona it serves; `None` for all personas.
    pub persona: Option<PersonaId>,
    pub status: OpportunityStatus,
    pub value: Rating,
    pub effort: Rating,
    /// Who carries it (free text: a name, a team).
    pub owner: String,
    /// Why the team believes in it, in words.
    pub evidence: String,
    /// Emotion entries of the stage that back it up. An entry deleted later simply drops
    /// out of this list.
    pub evidence_emotions: Vec<EmotionId>,
    pub note: String,
    pub created: NaiveDate,
}

impl Opportunity {
    /// A new idea at `stage` for all personas, rated in the middle, created `today`.
    pub fn new(version: VersionId, title: impl Into<String>, stage: Stage, today: NaiveDate) -> Self {
        Self {
            version,
            title: title.into(),
            stage,
            persona: None,
            status: OpportunityStatus::Idea,
            value: Rating::MIDDLE,
            effort: Rating::MIDDLE,
            owner: String::new(),
            evidence: String::new(),
            evidence_emotions: Vec::new(),
            note: String::new(),
            created: today,
        }
    }

    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.value, self.effort)
    }

    /// What the matrix ranks by: value per unit of effort, as a fraction (value, effort)
    /// so comparisons are exact.
    pub fn priority(&self) -> (u8, u8) {
        (self.value.get(), self.effort.get())
    }

    /// Value per unit of effort, for display (0.2 … 5.0).
    pub fn priority_ratio(&self) -> f64 {
        f64::from(self.value.get()) / f64::from(self.effort.get())
    }

    /// Whether it belongs in a view of `persona` (`None`: everyone): one for all personas
    /// counts for each of them.
    pub fn concerns(&self, persona: Option<PersonaId>) -> bool {
        persona.is_none_or(|p| self.persona.is_none_or(|own| own == p))
    }
}

/// The quick-wins ordering: the best value for the effort first, then the higher value,
/// then the smaller effort, then the older one (and `tie` for anything equal so far).
///
/// Open opportunities come before done and dropped ones: the backlog ranks the work ahead.
pub fn compare_priority(a: &Opportunity, b: &Opportunity) -> Ordering {
    let open = b.status.is_open().cmp(&a.status.is_open());
    // a.value / a.effort against b.value / b.effort, cross-multiplied (all positive).
    let ratio = (u16::from(b.value.get()) * u16::from(a.effort.get()))
        .cmp(&(u16::from(a.value.get()) * u16::from(b.effort.get())));
    open.then(ratio).then(b.value.cmp(&a.value)).then(a.effort.cmp(&b.effort)).then(a.created.cmp(&b.created))
}

/// Ranks opportunities by [`compare_priority`], keeping the given order for full ties
/// (callers pass them in id order, so a rank is stable).
pub fn rank<T>(items: &mut [T], opportunity: impl Fn(&T) -> &Opportunity) {
    items.sort_by(|a, b| compare_priority(opportunity(a), opportunity(b)));
}

/// How many open opportunities each of the eight stages has.
pub fn open_per_stage<'a>(opportunities: impl IntoIterator<Item = &'a Opportunity>) -> [u64; 8] {
    let mut counts = [0; 8];
    for opportunity in opportunities {
        if opportunity.status.is_open() {
            counts[opportunity.stage.index()] += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("date")
    }

    fn opp(title: &str, value: u8, effort: u8) -> Opportunity {
        let mut o = Opportunity::new(VersionId(1), title, Stage::Evaluation, day());
        o.value = Rating::new(value.into()).expect("value");
        o.effort = Rating::new(effort.into()).expect("effort");
        o
    }

    #[test]
    fn statuses_parse_from_keys_and_both_languages() {
        for status in OpportunityStatus::ALL {
            assert_eq!(status.key().parse::<OpportunityStatus>(), Ok(status));
            assert_eq!(status.name(Language::English).parse::<OpportunityStatus>(), Ok(status));
            assert_eq!(status.name(Language::Vietnamese).parse::<OpportunityStatus>(), Ok(status));
        }
        assert_eq!(" In-Progress ".parse::<OpportunityStatus>(), Ok(OpportunityStatus::InProgress));
        assert_eq!("dang lam".parse::<OpportunityStatus>(), Ok(OpportunityStatus::InProgress));
        assert_eq!("doing".parse::<OpportunityStatus>(), Err(StatusError("doing".into())));
        assert_eq!("".parse::<OpportunityStatus>(), Err(StatusError(String::new())));
    }

    #[test]
    fn only_idea_planned_and_in_progress_are_open() {
        let open: Vec<_> = OpportunityStatus::ALL.into_iter().filter(|s| s.is_open()).collect();
        assert_eq!(
            open,
            [OpportunityStatus::Idea, OpportunityStatus::Planned, OpportunityStatus::InProgress]
        );
    }

    #[test]
    fn ratings_are_whole_numbers_from_one_to_five() {
        for (text, ok) in [("1", true), ("5", true), (" 3 ", true), ("0", false), ("6", false)] {
            assert_eq!(text.parse::<Rating>().is_ok(), ok, "{text}");
        }
        for text in ["", "+3", "3.0", "-1", "05", "x", "٣"] {
            assert_eq!(text.parse::<Rating>(), Err(RatingError(text.to_owned())), "{text}");
        }
        assert_eq!(Rating::all().map(Rating::get).collect::<Vec<_>>(), [1, 2, 3, 4, 5]);
        assert!(Rating::new(256).is_err());
    }

    #[test]
    fn quadrants_split_at_three() {
        // Independent table: high value is 3..=5, big effort is 3..=5.
        for value in 1..=5_u8 {
            for effort in 1..=5_u8 {
                let expected = match (value >= 3, effort >= 3) {
                    (true, false) => Quadrant::QuickWin,
                    (true, true) => Quadrant::BigBet,
                    (false, false) => Quadrant::FillIn,
                    (false, true) => Quadrant::MoneyPit,
                };
                assert_eq!(opp("x", value, effort).quadrant(), expected, "value {value} effort {effort}");
            }
        }
        assert_eq!(opp("x", 5, 1).quadrant(), Quadrant::QuickWin);
        assert_eq!(opp("x", 1, 5).quadrant(), Quadrant::MoneyPit);
    }

    #[test]
    fn ranking_puts_the_best_value_for_the_effort_first() {
        // Ratios: a 5/1 = 5, b 4/2 = 2, c 2/1 = 2 (lower value than b), d 3/3 = 1,
        // e 5/5 = 1 (higher value than d), f 1/5 = 0.2.
        let mut list = vec![
            opp("f", 1, 5),
            opp("d", 3, 3),
            opp("c", 2, 1),
            opp("e", 5, 5),
            opp("a", 5, 1),
            opp("b", 4, 2),
        ];
        rank(&mut list, |o| o);
        let titles: Vec<&str> = list.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["a", "b", "c", "e", "d", "f"]);
        // Ratios as floats agree with the exact order.
        let ratios: Vec<f64> = list.iter().map(Opportunity::priority_ratio).collect();
        assert!(ratios.windows(2).all(|w| w[0] >= w[1]), "{ratios:?}");
    }

    #[test]
    fn open_work_ranks_before_done_and_dropped() {
        let mut done = opp("done", 5, 1);
        done.status = OpportunityStatus::Done;
        let mut dropped = opp("dropped", 5, 1);
        dropped.status = OpportunityStatus::Dropped;
        let mut list = vec![done, opp("weak", 1, 5), dropped];
        rank(&mut list, |o| o);
        assert_eq!(list[0].title, "weak");
    }

    #[test]
    fn older_ranks_first_among_equals_and_full_ties_keep_their_order() {
        let mut young = opp("young", 4, 2);
        young.created = day().succ_opt().expect("next day");
        let mut list = vec![young, opp("old", 4, 2), opp("first", 2, 4), opp("second", 2, 4)];
        rank(&mut list, |o| o);
        let titles: Vec<&str> = list.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["old", "young", "first", "second"]);
    }

    #[test]
    fn open_counts_per_stage() {
        let mut list = vec![opp("a", 3, 3), opp("b", 3, 3), opp("c", 3, 3), opp("d", 3, 3)];
        list[1].stage = Stage::Advocacy;
        list[2].status = OpportunityStatus::Done;
        list[3].status = OpportunityStatus::InProgress;
        let counts = open_per_stage(&list);
        let mut expected = [0_u64; 8];
        expected[Stage::Evaluation.index()] = 2;
        expected[Stage::Advocacy.index()] = 1;
        assert_eq!(counts, expected);
    }
}
