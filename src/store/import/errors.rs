//! Why rows were rejected, as data: the words are in [`crate::i18n`] (`i18n/import.rs`), so
//! the same error reads in English in the CLI and in Vietnamese in a Vietnamese UI.

use std::fmt;

use crate::model::Language;

/// One thing wrong with a row. Carries the values involved, never text for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The record is too short to have the column (`field` is the column's name).
    MissingField { field: &'static str },
    /// A required column is empty.
    EmptyField { field: &'static str },
    /// The stage is neither 1–8 nor a stage name.
    UnknownStage { value: String },
    /// The date is in none of the accepted shapes, or does not exist.
    BadDate { value: String },
    /// A `"` inside an unquoted field, a quoted field that never closes or has text after
    /// its closing quote, or a line break inside a quoted field that may not hold one: the
    /// file's quotes are wrong, and reading on would merge or split rows.
    StrayQuote,
    /// The score is not a whole number from −5 to +5.
    BadScore { value: String },
    /// The evidence source is none of the known ones.
    UnknownSource { value: String },
    /// The persona name is longer than the limit.
    PersonaNameTooLong { chars: usize, max_chars: usize },
    /// A value is longer than its column allows (`field` is the column's name).
    TooLong { field: &'static str, chars: usize, max_chars: usize },
    /// More distinct personas than the importer numbers (2³²).
    TooManyPersonas,
    /// More distinct customers than the importer numbers (2³²).
    TooManyCustomers,
    /// An earlier row of the file gave the customer another persona.
    PersonaConflict { customer: String, first_persona: String, first_line: u64, persona: String },
    /// The workspace already has the customer under another persona.
    WorkspacePersonaConflict { customer: String, workspace_persona: String, persona: String },
    /// A column an event log was told to read is empty on this row (`column` as the
    /// header names it: event logs name their own columns).
    EmptyValue { column: String },
    /// An event time in none of the accepted shapes (with or without a zone), or a day
    /// that does not exist.
    BadTime { value: String },
    // The opportunity backlog (issue #10 §3).
    /// No persona has this name (an opportunities import does not create personas).
    UnknownPersona { value: String },
    /// The opportunity status is none of the known ones.
    UnknownStatus { value: String },
    /// A value or effort rating is not a whole number from 1 to 5.
    BadRating { field: &'static str, value: String },
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}

/// One rejected row: its 1-based line in the file (the header is line 1) and why.
/// For events passed to [`crate::store::Workspace::import_customer_events`], `line` is the
/// event's 1-based position in the sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line where the row starts (a quoted field may span several lines).
    pub line: u64,
    /// Everything wrong with the row, in column order; never empty.
    pub problems: Vec<RowProblem>,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}

/// Row errors shown in a message before "… and N more".
pub const ROW_ERRORS_SHOWN: usize = 20;

/// Row errors kept in [`super::ImportSummary::skipped_rows`] and in the error; a file that is wrong
/// throughout could otherwise hold millions of messages in memory.
pub const ROW_ERRORS_KEPT: usize = 1000;

/// Collects row errors, keeping the [`ROW_ERRORS_KEPT`] lowest line numbers and a count.
#[derive(Debug, Default)]
pub(super) struct RowErrors {
    pub(super) kept: Vec<RowError>,
    pub(super) count: u64,
}

impl RowErrors {
    pub(super) fn push(&mut self, line: u64, problems: Vec<RowProblem>) {
        self.count += 1;
        self.kept.push(RowError { line, problems });
        // Trim in batches: errors arrive mostly in line order, so this stays cheap.
        if self.kept.len() >= 2 * ROW_ERRORS_KEPT {
            self.trim();
        }
    }

    /// Records a row with a single problem.
    pub(super) fn push_one(&mut self, line: u64, problem: RowProblem) {
        self.push(line, vec![problem]);
    }

    /// Takes over another collection's errors.
    pub(super) fn append(&mut self, other: Self) {
        let dropped = other.count - other.kept.len() as u64;
        for error in other.kept {
            self.push(error.line, error.problems);
        }
        self.count += dropped;
    }

    fn trim(&mut self) {
        self.kept.sort_by_key(|e| e.line);
        self.kept.truncate(ROW_ERRORS_KEPT);
    }

    pub(super) fn into_sorted(mut self) -> (Vec<RowError>, u64) {
        self.trim();
        (self.kept, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::format::count as group;
    use crate::i18n::import::row_error_lines;

    #[test]
    fn row_error_list_is_capped() {
        let mut errors = RowErrors::default();
        for line in (2..=2 * ROW_ERRORS_KEPT as u64 + 10).rev() {
            errors.push_one(line, RowProblem::EmptyField { field: "stage" });
        }
        let (rows, count) = errors.into_sorted();
        assert_eq!(count, 2 * ROW_ERRORS_KEPT as u64 + 9);
        assert_eq!(rows.len(), ROW_ERRORS_KEPT);
        assert_eq!(rows[0].line, 2);
        let text = row_error_lines(&rows, count, Language::English);
        assert_eq!(text.lines().filter(|l| l.starts_with("  line")).count(), ROW_ERRORS_SHOWN);
        assert!(text.ends_with(&format!("… and {} more", group(count - 20, Language::English))));
    }

    #[test]
    fn appended_errors_keep_the_count_of_dropped_ones() {
        let mut part = RowErrors::default();
        for line in 0..3 * ROW_ERRORS_KEPT as u64 {
            part.push_one(line + 2, RowProblem::TooManyCustomers);
        }
        let mut all = RowErrors::default();
        all.push_one(1, RowProblem::TooManyPersonas);
        all.append(part);
        let (rows, count) = all.into_sorted();
        assert_eq!(count, 3 * ROW_ERRORS_KEPT as u64 + 1);
        assert_eq!(rows.len(), ROW_ERRORS_KEPT);
        assert_eq!(rows[0].problems, [RowProblem::TooManyPersonas]);
    }
}
