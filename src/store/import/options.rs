//! What an import is asked to do: the kind of file, how to treat invalid rows, and the
//! progress it reports.

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

/// How to treat invalid rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the valid rows and report the invalid ones, instead of refusing the whole file.
    pub skip_invalid: bool,
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
