//! What an import is asked to do: the kind of file, how to treat invalid rows, and the
//! progress it reports.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::store::{Result, StoreError};

/// What a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// `customer_id,persona,stage,reached_at`: customers reaching stages.
    Customers,
    /// `persona,stage,score,label,note,touchpoint,source,logged_at`: emotion entries.
    Emotions,
    /// `title,stage,persona,status,value,effort,owner,evidence,note,created`: the
    /// opportunity backlog of a journey version.
    Opportunities,
}

impl ImportKind {
    /// The columns the importer reads, in the documented order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Customers => &["customer_id", "persona", "stage", "reached_at"],
            Self::Emotions => {
                &["persona", "stage", "score", "label", "note", "touchpoint", "source", "logged_at"]
            }
            Self::Opportunities => &[
                "title", "stage", "persona", "status", "value", "effort", "owner", "evidence", "note",
                "created",
            ],
        }
    }

    /// How many of [`Self::columns`] (from the start) every file must have.
    pub(super) fn required(self) -> usize {
        match self {
            Self::Customers => 4,
            Self::Emotions => 3,
            Self::Opportunities => 2,
        }
    }
}

/// How to treat invalid rows, and how to stop an import that is under way.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Import the valid rows and report the invalid ones, instead of refusing the whole file.
    pub skip_invalid: bool,
    /// Set (by another thread: the window's Cancel button) to stop the import. It is read
    /// between parsed chunks and between write batches; a set flag ends the import with
    /// [`crate::store::StoreError::Cancelled`], its transaction rolled back: nothing written.
    pub cancel: Option<Arc<AtomicBool>>,
}

impl ImportOptions {
    /// Whether the caller asked to stop.
    pub fn is_cancelled(&self) -> bool {
        is_set(self.cancel.as_deref())
    }

    /// [`StoreError::Cancelled`] if the caller asked to stop.
    pub(crate) fn check_cancel(&self) -> Result<()> {
        check(self.cancel.as_deref())
    }
}

/// Rows (or customers) an import handles between two looks at the cancel flag: often
/// enough that Cancel answers within a few milliseconds, rarely enough to cost nothing.
pub(crate) const CANCEL_CHECK_EVERY: u64 = 1024;

/// Whether a cancel flag is set (`None`: nobody can cancel).
pub(crate) fn is_set(flag: Option<&AtomicBool>) -> bool {
    flag.is_some_and(|flag| flag.load(Ordering::Relaxed))
}

/// [`StoreError::Cancelled`] if the flag is set.
pub(crate) fn check(flag: Option<&AtomicBool>) -> Result<()> {
    if is_set(flag) { Err(StoreError::Cancelled) } else { Ok(()) }
}

/// Reported while a long import runs, so a caller can show progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportProgress {
    /// Data rows read and validated so far (reported every [`PROGRESS_EVERY`] rows).
    Read(u64),
    /// Rows written so far, out of the total to write.
    Written { done: u64, total: u64 },
}

/// How many rows pass between two progress reports.
pub const PROGRESS_EVERY: u64 = 100_000;
