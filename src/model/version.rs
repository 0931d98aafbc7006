//! Journey versions (issue #10 §1): the same eight-stage journey as it is today ("as-is")
//! and as a team wants it to be ("to-be"). A version owns its touchpoints and a target
//! emotion per persona and stage; personas, the emotion log and customers' stage events
//! belong to the workspace and are shared by every version.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::emotion::Score;
use super::persona::{Persona, PersonaId};
use super::stage::Stage;

/// Row id of a journey version.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct VersionId(pub i64);

/// Whether a version describes the journey as customers live it now or as it is designed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VersionKind {
    /// The journey as it is today.
    #[default]
    AsIs,
    /// A designed journey, possibly launched on [`JourneyVersion::launch_date`].
    ToBe,
}

impl VersionKind {
    /// Both kinds, in menu order.
    pub const ALL: [Self; 2] = [Self::AsIs, Self::ToBe];

    /// Stable identifier stored in the database and the portable file.
    pub fn key(self) -> &'static str {
        match self {
            Self::AsIs => "as_is",
            Self::ToBe => "to_be",
        }
    }

    /// The kind stored under `key`, accepting the CLI's spellings (`as-is`, `tobe`).
    pub fn from_key(key: &str) -> Option<Self> {
        match key.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "as_is" | "asis" => Some(Self::AsIs),
            "to_be" | "tobe" => Some(Self::ToBe),
            _ => None,
        }
    }
}

/// A version's name as stored when Fanpath named it itself (the upgrade of a workspace
/// from before versions, and every new workspace). While
/// [`JourneyVersion::named_by_fanpath`] is set the UI shows it translated ("Hiện tại").
pub const CURRENT_VERSION_NAME: &str = "Current";

/// One journey version: its card, without the touchpoints and targets it owns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JourneyVersion {
    /// The name the user gave it, unique in the workspace (compared like persona names).
    pub name: String,
    pub kind: VersionKind,
    /// Free text: what changes in this version and why.
    pub note: String,
    /// The day a to-be version went live, for the before/after comparison.
    pub launch_date: Option<NaiveDate>,
    /// Place in the version switcher (lower first; ties by id).
    pub position: i64,
    /// The day the version was created, if known (versions made by the upgrade have it).
    pub created_on: Option<NaiveDate>,
    /// The name is [`CURRENT_VERSION_NAME`] as Fanpath chose it: shown translated until
    /// the user renames the version (a rename clears it).
    pub named_by_fanpath: bool,
}

impl JourneyVersion {
    /// A new as-is version called `name` (cleaned like a persona name), at position 0.
    pub fn named(name: &str) -> Self {
        Self {
            name: Self::clean_name(name),
            kind: VersionKind::AsIs,
            note: String::new(),
            launch_date: None,
            position: 0,
            created_on: None,
            named_by_fanpath: false,
        }
    }

    /// The name without invisible characters or surrounding space, NFC-normalised.
    pub fn clean_name(name: &str) -> String {
        Persona::clean_name(name)
    }

    /// The key under which version names must be unique (case-insensitive, Unicode-aware).
    pub fn name_key(name: &str) -> String {
        Persona::name_key(name)
    }

    /// Whether `query` names this version: its stored name, compared by key, or for a
    /// version Fanpath named, any of `translated` (the names it is shown under).
    pub fn answers_to(&self, query: &str, translated: &[&str]) -> bool {
        let key = Self::name_key(query);
        Self::name_key(&self.name) == key
            || (self.named_by_fanpath && translated.iter().any(|t| Self::name_key(t) == key))
    }
}

/// Why a version cannot be saved or deleted; the words are in `i18n::versions`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
    /// The name is empty once cleaned.
    EmptyName,
    /// Another version already has this name (compared by [`JourneyVersion::name_key`]).
    DuplicateName(String),
    /// The only version of a workspace cannot be deleted: the board always shows one.
    LastVersion,
    /// A command named a version the workspace lacks; `known` are its versions' names.
    Unknown { name: String, known: Vec<String> },
}

/// A target emotion per persona and stage of one version. A pair without a target is
/// expected at the model's level ([`Stage::expected_score`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    set: BTreeMap<(PersonaId, Stage), Score>,
}

impl Targets {
    /// Targets from stored rows.
    pub fn new(rows: impl IntoIterator<Item = (PersonaId, Stage, Score)>) -> Self {
        Self { set: rows.into_iter().map(|(p, s, score)| ((p, s), score)).collect() }
    }

    /// The score set for `persona` at `stage`, if one was set.
    pub fn explicit(&self, persona: PersonaId, stage: Stage) -> Option<Score> {
        self.set.get(&(persona, stage)).copied()
    }

    /// The target of `persona` at `stage`: the one set, else the model's expected level.
    pub fn score(&self, persona: PersonaId, stage: Stage) -> i8 {
        self.explicit(persona, stage).map_or_else(|| stage.expected_score(), Score::get)
    }

    /// The mean target at `stage` over `personas` (the model's level when there are none):
    /// the curve the Compare view draws for "all personas".
    pub fn mean(&self, personas: &[PersonaId], stage: Stage) -> f64 {
        if personas.is_empty() {
            return f64::from(stage.expected_score());
        }
        let sum: f64 = personas.iter().map(|&p| f64::from(self.score(p, stage))).sum();
        sum / personas.len() as f64
    }

    /// The targets that were set, by persona then stage.
    pub fn iter(&self) -> impl Iterator<Item = (PersonaId, Stage, Score)> + '_ {
        self.set.iter().map(|(&(p, s), &score)| (p, s, score))
    }

    /// How many targets were set.
    pub fn len(&self) -> usize {
        self.set.len()
    }

    /// Whether no target was set (every pair at the model's level).
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_keys_round_trip_and_accept_cli_spellings() {
        for kind in VersionKind::ALL {
            assert_eq!(VersionKind::from_key(kind.key()), Some(kind));
        }
        assert_eq!(VersionKind::from_key("To-Be"), Some(VersionKind::ToBe));
        assert_eq!(VersionKind::from_key("as is"), Some(VersionKind::AsIs));
        assert_eq!(VersionKind::from_key("future"), None);
    }

    #[test]
    fn targets_default_to_the_expected_level() {
        let a = PersonaId(1);
        let b = PersonaId(2);
        let targets = Targets::new([(a, Stage::Validation, Score::new(3).expect("score"))]);
        assert_eq!(targets.score(a, Stage::Validation), 3);
        assert_eq!(targets.score(b, Stage::Validation), Stage::Validation.expected_score());
        assert_eq!(targets.explicit(b, Stage::Validation), None);
        let expected = (3.0 + f64::from(Stage::Validation.expected_score())) / 2.0;
        assert!((targets.mean(&[a, b], Stage::Validation) - expected).abs() < 1e-12);
        assert!(
            (targets.mean(&[], Stage::Kickoff) - f64::from(Stage::Kickoff.expected_score())).abs() < 1e-12
        );
    }

    #[test]
    fn a_version_answers_to_its_name_and_while_unrenamed_to_its_translations() {
        let mut current = JourneyVersion::named(CURRENT_VERSION_NAME);
        current.named_by_fanpath = true;
        assert!(current.answers_to("current", &["Hiện tại"]));
        assert!(current.answers_to("hiện tại", &["Hiện tại"]));
        current.named_by_fanpath = false;
        assert!(!current.answers_to("Hiện tại", &["Hiện tại"]));
        assert!(JourneyVersion::named(" Tết 2027 ").answers_to("TẾT 2027", &[]));
    }
}
