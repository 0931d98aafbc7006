//! Stage rules: which events of an imported event log mean which of the eight stages.
//!
//! A rule reads "the customer's (N-th distinct | earliest) time of event E is when they
//! reached stage S". The rules are an ordered list the user writes once per workspace
//! (a `event,occurrence,stage` file or the import wizard) and the engine in
//! [`super::rule_engine`] applies to every customer.

use std::fmt;
use std::num::NonZeroU32;

use unicode_normalization::UnicodeNormalization;

use super::stage::Stage;

/// What a rule's `event` field matches.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EventMatch {
    /// `*`: every event. The customer's events count as one event "anything" for the
    /// occurrence, so `*` with occurrence 2 is the customer's second distinct time of
    /// doing anything at all.
    Any,
    /// One event name, as the user wrote it (trimmed). It matches file events whose
    /// [`event_key`] equals its own, i.e. ignoring case, surrounding spaces and Unicode
    /// composition.
    Name(String),
}

impl EventMatch {
    /// Reads a rule's `event` field: `*` (with any surrounding spaces) is [`Self::Any`],
    /// anything else non-blank a [`Self::Name`].
    pub fn parse(text: &str) -> Result<Self, RuleError> {
        match text.trim() {
            "" => Err(RuleError::EmptyEvent),
            "*" => Ok(Self::Any),
            name => Ok(Self::Name(name.to_owned())),
        }
    }

    /// The field as a rules file writes it: `*` or the name.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Any => "*",
            Self::Name(name) => name,
        }
    }
}

impl fmt::Display for EventMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The key under which event names are compared: trimmed, lower-cased and NFC-composed,
/// so `" Purchase "`, `"PURCHASE"` and `"purchase"` are one event, and so are a precomposed
/// and a decomposed `"Đặt hàng"`. Allocates; the engine calls it once per distinct spelling,
/// not once per row.
pub fn event_key(name: &str) -> String {
    // Lower-casing can decompose (`İ` becomes `i` + a combining dot), so compose afterwards.
    name.trim().to_lowercase().nfc().collect()
}

/// "The customer reached `stage` at their `occurrence`-th distinct time of `event`
/// (their earliest time when `occurrence` is `None`)."
///
/// Rows of one customer with the same event and the same time are one occurrence: an
/// order spread over several lines on one day is one order.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StageRule {
    /// Which events the rule looks at.
    pub event: EventMatch,
    /// `None`: the earliest time. `Some(n)`: the n-th distinct time (1 is the earliest too,
    /// kept apart from `None` only so a rules file reads back as it was written).
    pub occurrence: Option<NonZeroU32>,
    /// The stage the selected time reaches.
    pub stage: Stage,
}

impl StageRule {
    /// Reads a rule from the three fields of a rules file row (`event`, `occurrence`,
    /// `stage`). The stage takes every form [`Stage`]'s parser accepts (1–8, English,
    /// Coleman's verb, Vietnamese with or without diacritics).
    pub fn parse(event: &str, occurrence: &str, stage: &str) -> Result<Self, RuleError> {
        Ok(Self {
            event: EventMatch::parse(event)?,
            occurrence: parse_occurrence(occurrence)?,
            stage: stage.parse().map_err(|_| RuleError::Stage(stage.to_owned()))?,
        })
    }

    /// The occurrence as a rules file writes it: empty or the number.
    pub fn occurrence_text(&self) -> String {
        self.occurrence.map(|n| n.to_string()).unwrap_or_default()
    }

    /// The distinct-time number this rule selects (1 for "earliest").
    pub fn nth(&self) -> u32 {
        self.occurrence.map_or(1, NonZeroU32::get)
    }
}

/// Empty means "earliest"; otherwise a whole number from 1.
fn parse_occurrence(text: &str) -> Result<Option<NonZeroU32>, RuleError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    // `u32::from_str` accepts a leading `+`; a rules file has no reason to write one.
    let digits_only = trimmed.bytes().all(|b| b.is_ascii_digit());
    match trimmed.parse::<NonZeroU32>() {
        Ok(n) if digits_only => Ok(Some(n)),
        _ => Err(RuleError::Occurrence(text.to_owned())),
    }
}

/// A rule, or a list of rules, that cannot be used. Each variant names the field and the
/// value as the user wrote it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    /// The `event` field is blank.
    #[error("event is empty: write an event name as it appears in the file, or * for any event")]
    EmptyEvent,
    /// The `occurrence` field is neither empty nor a whole number from 1.
    #[error("occurrence \"{0}\" is not empty (the earliest time) or a whole number 1, 2, 3 …")]
    Occurrence(String),
    /// The `stage` field names no stage.
    #[error("stage \"{0}\" is unknown: use 1–8 or a stage name such as Evaluation, Affirm or Xác nhận")]
    Stage(String),
    /// A rules list must have at least one rule.
    #[error("there are no rules: give at least one event,occurrence,stage row")]
    NoRules,
}

/// A rules file row that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("rule {row}: {error}")]
pub struct RuleRowError {
    /// 1-based position among the rules (the caller adds its header line to make a line
    /// number).
    pub row: usize,
    /// What is wrong with it.
    pub error: RuleError,
}

/// The ordered list of stage rules of a workspace: never empty. Duplicates are allowed
/// (they change nothing: the earliest time wins per stage anyway).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StageRules(Vec<StageRule>);

impl StageRules {
    /// Validates a list of rules: at least one, and no blank event name (a rule built by
    /// hand rather than by [`StageRule::parse`] could have one).
    pub fn new(rules: Vec<StageRule>) -> Result<Self, RuleError> {
        if rules.is_empty() {
            return Err(RuleError::NoRules);
        }
        if rules.iter().any(|rule| matches!(&rule.event, EventMatch::Name(name) if name.trim().is_empty())) {
            return Err(RuleError::EmptyEvent);
        }
        Ok(Self(rules))
    }

    /// Reads rules from rows of `[event, occurrence, stage]` fields, stopping at the first bad
    /// row. An empty input is [`RuleError::NoRules`] with `row` 0.
    pub fn parse_rows<'a, I>(rows: I) -> Result<Self, RuleRowError>
    where
        I: IntoIterator<Item = [&'a str; 3]>,
    {
        let rules = rows
            .into_iter()
            .enumerate()
            .map(|(i, [event, occurrence, stage])| {
                StageRule::parse(event, occurrence, stage).map_err(|error| RuleRowError { row: i + 1, error })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Self::new(rules).map_err(|error| RuleRowError { row: 0, error })
    }

    /// The rules, in the user's order.
    pub fn as_slice(&self) -> &[StageRule] {
        &self.0
    }

    /// Each rule as the three fields of a rules file row, `[event, occurrence, stage number]`,
    /// so that [`Self::parse_rows`] reads them back to the same rules.
    pub fn to_rows(&self) -> Vec<[String; 3]> {
        self.0
            .iter()
            .map(|rule| {
                [rule.event.as_str().to_owned(), rule.occurrence_text(), rule.stage.number().to_string()]
            })
            .collect()
    }
}

impl<'a> IntoIterator for &'a StageRules {
    type Item = &'a StageRule;
    type IntoIter = std::slice::Iter<'a, StageRule>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nth(n: u32) -> Option<NonZeroU32> {
        NonZeroU32::new(n)
    }

    #[test]
    fn a_rule_reads_from_three_fields() {
        assert_eq!(
            StageRule::parse(" Purchase ", "", "acknowledgment"),
            Ok(StageRule {
                event: EventMatch::Name("Purchase".into()),
                occurrence: None,
                stage: Stage::Acknowledgment
            })
        );
        assert_eq!(
            StageRule::parse("*", " 2 ", "7"),
            Ok(StageRule { event: EventMatch::Any, occurrence: nth(2), stage: Stage::Adoption })
        );
        for (stage_text, stage) in [
            ("Affirm", Stage::Validation),
            ("xác nhận", Stage::Validation),
            ("XAC NHAN", Stage::Validation),
            ("Ủng hộ", Stage::Advocacy),
            ("8", Stage::Advocacy),
        ] {
            assert_eq!(
                StageRule::parse("order", "1", stage_text).map(|r| r.stage),
                Ok(stage),
                "{stage_text}"
            );
        }
        assert_eq!(StageRule::parse(" * ", "", "1").map(|r| r.event), Ok(EventMatch::Any));
        assert_eq!(StageRule::parse("Đặt hàng", "", "2").map(|r| r.event.to_string()), Ok("Đặt hàng".into()));
    }

    #[test]
    fn bad_fields_are_named_with_their_value() {
        assert_eq!(StageRule::parse("  ", "", "1"), Err(RuleError::EmptyEvent));
        for bad in ["0", "-1", "+2", "1.5", "two", "4294967296"] {
            let err = StageRule::parse("order", bad, "1").expect_err(bad);
            assert_eq!(err, RuleError::Occurrence(bad.to_owned()));
            assert!(err.to_string().contains(&format!("occurrence \"{bad}\"")), "{err}");
        }
        for bad in ["", "9", "Evaluatio", "buy"] {
            let err = StageRule::parse("order", "", bad).expect_err(bad);
            assert_eq!(err, RuleError::Stage(bad.to_owned()));
            assert!(err.to_string().contains(&format!("stage \"{bad}\"")), "{err}");
        }
    }

    #[test]
    fn rules_need_one_rule_and_report_the_bad_row() {
        assert_eq!(StageRules::new(Vec::new()), Err(RuleError::NoRules));
        let blank =
            StageRule { event: EventMatch::Name(" ".into()), occurrence: None, stage: Stage::Kickoff };
        assert_eq!(StageRules::new(vec![blank]), Err(RuleError::EmptyEvent));
        assert_eq!(
            StageRules::parse_rows(Vec::<[&str; 3]>::new()),
            Err(RuleRowError { row: 0, error: RuleError::NoRules })
        );
        let err = StageRules::parse_rows([["view", "", "1"], ["order", "", "2"], ["order", "", "nine"]])
            .expect_err("bad stage");
        assert_eq!(err, RuleRowError { row: 3, error: RuleError::Stage("nine".into()) });
        assert!(err.to_string().starts_with("rule 3: stage \"nine\""), "{err}");
    }

    #[test]
    fn rules_keep_order_and_duplicates_and_round_trip() {
        let rows = [["view", "", "Evaluation"], ["order", "2", "adopt"], ["*", "", "1"], ["view", "", "1"]];
        let rules = StageRules::parse_rows(rows).expect("rules");
        assert_eq!(rules.as_slice().len(), 4);
        assert_eq!(rules.as_slice()[1].nth(), 2);
        assert_eq!(rules.as_slice()[0].nth(), 1);
        let written = rules.to_rows();
        assert_eq!(written[1], ["order".to_owned(), "2".to_owned(), "7".to_owned()]);
        assert_eq!(written[2], ["*".to_owned(), String::new(), "1".to_owned()]);
        let reread =
            StageRules::parse_rows(written.iter().map(|[a, b, c]| [a.as_str(), b.as_str(), c.as_str()]));
        assert_eq!(reread, Ok(rules.clone()));
        assert_eq!(rules.as_slice().iter().filter(|r| r.event == EventMatch::Name("view".into())).count(), 2);
    }

    #[test]
    fn event_keys_ignore_case_spaces_and_composition() {
        assert_eq!(event_key("  Add To Cart\t"), "add to cart");
        assert_eq!(event_key("PURCHASE"), event_key("purchase"));
        // Precomposed and decomposed Vietnamese are one key.
        assert_eq!(event_key("Đặt Hàng"), event_key("đa\u{0323}\u{0306}t ha\u{0300}ng"));
        assert_eq!(event_key("ĐẶT HÀNG"), "đặt hàng");
        // Different diacritics are different events: "hàng" (goods) is not "hang" (cave).
        assert_ne!(event_key("hàng"), event_key("hang"));
    }
}
