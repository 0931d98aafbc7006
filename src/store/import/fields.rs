//! Field parsing for the importer: required fields, stages, dates and scores, turning each
//! failure into a [`RowProblem`].

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use super::errors::RowProblem;
use crate::model::date::{parse_date_time, to_epoch_seconds};
pub(super) use crate::model::emotion::TEXT_MAX_CHARS;
use crate::model::emotion::{Score, Source};
use crate::model::stage::Stage;

/// A required field, or a problem added to `problems`.
pub(super) fn required<'r>(
    value: Option<&'r str>,
    field: &'static str,
    problems: &mut Vec<RowProblem>,
) -> Option<&'r str> {
    match value {
        None => {
            problems.push(RowProblem::MissingField { field });
            None
        }
        Some("") => {
            problems.push(RowProblem::EmptyField { field });
            None
        }
        Some(text) => Some(text),
    }
}

/// Longest customer id, in characters.
pub(super) const CUSTOMER_ID_MAX_CHARS: usize = 200;

/// A problem when `value` of `field` is longer than `max_chars` characters.
pub(super) fn too_long(value: &str, field: &'static str, max_chars: usize) -> Option<RowProblem> {
    // Bytes bound characters from above: most values are never counted.
    if value.len() <= max_chars {
        return None;
    }
    let chars = value.chars().count();
    (chars > max_chars).then_some(RowProblem::TooLong { field, chars, max_chars })
}

/// Parses stage text, remembering names already seen: matching a stage name folds
/// diacritics, which is too slow to repeat a million times.
#[derive(Default)]
pub(super) struct StageParser {
    seen: FxHashMap<Box<str>, Stage>,
}

impl StageParser {
    pub(super) fn parse(&mut self, text: &str) -> Result<Stage, RowProblem> {
        let unknown = || RowProblem::UnknownStage { value: text.to_owned() };
        if let [digit @ b'1'..=b'8'] = text.as_bytes() {
            return Stage::from_number(digit - b'0').ok_or_else(unknown);
        }
        if let Some(stage) = self.seen.get(text) {
            return Ok(*stage);
        }
        let stage = text.parse::<Stage>().map_err(|_| unknown())?;
        self.seen.insert(text.into(), stage);
        Ok(stage)
    }
}

/// A score from −5 to +5.
pub(super) fn parse_score(text: &str) -> Result<Score, RowProblem> {
    text.parse::<Score>().map_err(|_| RowProblem::BadScore { value: text.to_owned() })
}

/// An evidence source; empty means the default.
pub(super) fn parse_source(text: &str) -> Result<Source, RowProblem> {
    if text.is_empty() {
        return Ok(Source::default());
    }
    text.parse::<Source>().map_err(|_| RowProblem::UnknownSource { value: text.to_owned() })
}

/// Parses a date like [`parse_date_time`], with a fast path for the two ISO shapes that
/// make up nearly every large export. The fast path accepts only what `parse_date_time`
/// accepts, with the same value; anything else goes to `parse_date_time`.
pub(super) fn parse_epoch(text: &str) -> Result<i64, RowProblem> {
    fn digits(bytes: &[u8]) -> Option<u32> {
        bytes.iter().try_fold(0_u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    }
    let fast = || -> Option<i64> {
        let b = text.as_bytes();
        if b.len() != 10 && b.len() != 19 {
            return None;
        }
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        // Year 0 is no year of the documented forms (parse_date_time refuses it too).
        let year = i32::try_from(digits(&b[0..4])?).ok().filter(|&y| y >= 1)?;
        let date = NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)?;
        let time = if b.len() == 19 {
            if !matches!(b[10], b'T' | b' ') || b[13] != b':' || b[16] != b':' {
                return None;
            }
            date.and_hms_opt(digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?)?
        } else {
            date.and_hms_opt(0, 0, 0)?
        };
        Some(to_epoch_seconds(time))
    };
    match fast() {
        Some(seconds) => Ok(seconds),
        None => parse_date_time(text)
            .map(to_epoch_seconds)
            .map_err(|_| RowProblem::BadDate { value: text.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_dates_match_parse_date_time() {
        for text in [
            "2024-03-05",
            "2024-03-05T13:04:59",
            "2024-03-05 13:04:59",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-03-05T24:00:00",
            "2024-03-05T23:59:60",
            "2024-03-05X13:04:59",
            "05/03/2024",
            "20240305",
            "2024-3-5",
            "+024-03-05",
            "0000-01-01",
            "0000-01-01T00:00:00",
            "-001-01-01",
            "01/01/24",
            "2024-03-0５",
            "",
        ] {
            let reference =
                parse_date_time(text).map(to_epoch_seconds).map_err(|e| RowProblem::BadDate { value: e.0 });
            assert_eq!(parse_epoch(text), reference, "{text}");
        }
    }

    #[test]
    fn stage_parser_caches_names() {
        let mut p = StageParser::default();
        assert_eq!(p.parse("3"), Ok(Stage::Validation));
        assert_eq!(p.parse("Xác nhận"), Ok(Stage::Validation));
        assert_eq!(p.parse("Xác nhận"), Ok(Stage::Validation));
        assert_eq!(p.parse("9"), Err(RowProblem::UnknownStage { value: "9".into() }));
        assert!(p.parse("0").is_err());
    }

    #[test]
    fn scores_and_sources() {
        assert_eq!(parse_score("+3").map(Score::get), Ok(3));
        assert_eq!(parse_score("6"), Err(RowProblem::BadScore { value: "6".into() }));
        assert_eq!(parse_source(""), Ok(Source::default()));
        assert_eq!(parse_source("rumour"), Err(RowProblem::UnknownSource { value: "rumour".into() }));
    }

    #[test]
    fn required_fields_name_the_column() {
        let mut problems = Vec::new();
        assert_eq!(required(Some("x"), "stage", &mut problems), Some("x"));
        assert_eq!(required(Some(""), "stage", &mut problems), None);
        assert_eq!(required(None, "score", &mut problems), None);
        assert_eq!(
            problems,
            [RowProblem::EmptyField { field: "stage" }, RowProblem::MissingField { field: "score" }]
        );
    }
}
