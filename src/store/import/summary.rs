//! What an import did; its words are in `i18n/import.rs`.

use std::fmt;
use std::path::Path;

use super::ImportKind;
use super::errors::{RowError, RowErrors};
use crate::model::Language;
use crate::store::{Result, StoreError};

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub kind: ImportKind,
    /// Data rows read (the header and blank rows not counted).
    pub rows: u64,
    /// Invalid rows left out (only with [`super::ImportOptions::skip_invalid`]).
    pub skipped: u64,
    /// The first [`super::ROW_ERRORS_KEPT`] skipped rows, by line.
    pub skipped_rows: Vec<RowError>,
    /// Events or emotion entries written that were not there before.
    pub added: u64,
    /// Events moved to an earlier date (the earliest date of a customer's stage wins).
    pub updated: u64,
    /// Valid rows that changed nothing: already in the workspace, or repeated in the file.
    pub unchanged: u64,
    /// Customers that did not exist before.
    pub customers_created: u64,
    /// Customers that existed and gained an event, an earlier date or a persona.
    pub customers_updated: u64,
    /// Personas created because no persona had their name, in order of first appearance.
    pub personas_created: Vec<String>,
}

impl ImportSummary {
    pub(crate) fn new(kind: ImportKind) -> Self {
        Self {
            kind,
            rows: 0,
            skipped: 0,
            skipped_rows: Vec::new(),
            added: 0,
            updated: 0,
            unchanged: 0,
            customers_created: 0,
            customers_updated: 0,
            personas_created: Vec::new(),
        }
    }

    /// Fails with every row error unless `skip`; with `skip`, keeps them in the summary.
    pub(super) fn settle(&mut self, errors: RowErrors, path: &Path, skip: bool) -> Result<()> {
        if errors.count == 0 {
            return Ok(());
        }
        let (rows, count) = errors.into_sorted();
        if !skip {
            return Err(StoreError::InvalidRows { path: path.to_path_buf(), count, rows });
        }
        self.skipped = count;
        self.skipped_rows = rows;
        Ok(())
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}
