//! What can go wrong in the store, as data: the words for each case, in English and
//! Vietnamese, live in [`crate::i18n`] (`StoreError::message`).

use std::path::PathBuf;

use super::import::RowError;
use crate::model::Language;
use crate::model::persona::PersonaError;
use crate::model::rules::RuleError;
use crate::model::template::TemplateError;
use crate::model::version::VersionError;

/// Everything that can go wrong in the store. Messages name the file where one is involved;
/// [`StoreError::message`] gives them in either language, `Display` in English (the CLI).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Language::English))]
pub enum StoreError {
    /// The file is not SQLite, or is someone else's database; it was not touched.
    NotAWorkspace { path: PathBuf },
    /// SQLite could not read the file, or its integrity check failed; `detail` is SQLite's.
    Damaged { path: PathBuf, detail: String },
    /// There is no workspace at this path (no file, an empty file, or a blank SQLite file),
    /// and the command only reads one; nothing was created.
    NoWorkspace { path: PathBuf, empty: bool },
    /// The file or its folder cannot be written (a read-only file, a read-only folder where
    /// SQLite cannot keep its `-wal` and `-shm` files), or it was opened for viewing only.
    ReadOnly { path: PathBuf },
    /// Another connection (another Fanpath window or command) held the write lock for
    /// longer than the busy timeout.
    Locked { path: PathBuf },
    /// `PRAGMA integrity_check` found problems; `problems` are SQLite's own lines.
    FailedCheck { path: PathBuf, problems: Vec<String> },
    /// "Save a copy" was pointed at the open workspace itself (or a path that is the same file).
    CopyOntoItself { path: PathBuf },
    /// The schema is newer than this build reads (`found` > `supported`).
    NewerVersion { path: PathBuf, found: i64, supported: i64 },
    /// The file or folder could not be read or written.
    Io { path: PathBuf, source: std::io::Error },
    /// A persona card that cannot be saved. No `#[from]`: it is not a cause to chain
    /// after the message (which already says it), see the `From` impl below.
    Persona(PersonaError),
    /// Nothing with this row id (persona, emotion entry, touchpoint).
    NotFound(i64),
    /// SQLite failed (a locked file, a full disk, a broken query).
    Sqlite(#[from] rusqlite::Error),
    /// A stored value that does not decode (a stage 9, a score 42, an unknown source): the
    /// file was changed outside Fanpath. Reads fail rather than show a made-up value.
    DamagedRow {
        table: &'static str,
        /// The row's id (for `stage_events`, which has none, its `customer_id`).
        id: i64,
        column: String,
        /// The stored value as an SQL literal: `9`, `'rumour'`, `NULL`.
        value: String,
    },
    /// A file to import could not be read as CSV at all (encoding, no header …).
    Csv { path: PathBuf, detail: String },
    /// The CSV header lacks required columns; `expected` lists all of them.
    MissingColumns { path: PathBuf, missing: Vec<&'static str>, expected: String },
    /// Rows that failed validation; nothing was written. `rows` holds the first
    /// [`super::ROW_ERRORS_KEPT`] by line, `count` all of them.
    InvalidRows { path: PathBuf, count: u64, rows: Vec<RowError> },
    /// A report or export named a persona the workspace lacks; `known` are its personas,
    /// in Vietnamese name order.
    UnknownPersona { path: PathBuf, name: String, known: Vec<String> },
    /// The demo refuses to mix its made-up data with a workspace's own.
    NotEmpty { path: PathBuf, detail: String },

    // Backups and workspace files.
    /// A backup would be written onto, or restored from, the workspace file itself.
    SameFile { path: PathBuf },
    /// A file to import as a workspace that is not a Fanpath workspace file (JSON without
    /// `"format": "fanpath-workspace"` first); nothing was written.
    NotAWorkspaceFile { path: PathBuf },
    /// A workspace file written by a newer Fanpath (`found` > `supported`); nothing was written.
    NewerWorkspaceFile { path: PathBuf, found: u64, supported: u64 },
    /// A workspace file that cannot be imported (bad JSON, a missing or unknown key, a value
    /// the workspace refuses); `detail` says where. Nothing was written.
    BadWorkspaceFile { path: PathBuf, detail: String },
    /// A workspace file would be imported into a workspace that holds data, without replace.
    WorkspaceNotEmpty { path: PathBuf, detail: String },

    // Event logs and stage rules.
    /// The caller stopped the import (the window's Cancel); its transaction was rolled
    /// back and nothing was written.
    Cancelled,
    /// An event log lacks the columns it was told to read; `found` are the header's names.
    MissingEventColumns { path: PathBuf, missing: Vec<String>, found: Vec<String> },
    /// An event log was imported without rules, and the workspace has none saved.
    NoStageRules { path: PathBuf },
    /// A rules file that cannot be used: `line` is the 1-based line of the bad rule (the
    /// header is line 1; 0 for the file as a whole), `error` what is wrong with its value.
    BadRules { path: PathBuf, line: u64, error: RuleError },
    // Journey versions (issue #10).
    /// A version that cannot be saved, deleted or found.
    Version(VersionError),
    // Templates (issue #11 §2).
    /// A template file that cannot be used, or no built-in template of that name.
    Template(TemplateError),
}

impl From<TemplateError> for StoreError {
    fn from(error: TemplateError) -> Self {
        Self::Template(error)
    }
}

impl From<VersionError> for StoreError {
    fn from(error: VersionError) -> Self {
        Self::Version(error)
    }
}

impl From<PersonaError> for StoreError {
    fn from(error: PersonaError) -> Self {
        Self::Persona(error)
    }
}

impl StoreError {
    /// The same error, naming `path` where SQLite's own error does not: a busy file becomes
    /// [`StoreError::Locked`], a corrupt one [`StoreError::Damaged`], a write refused because the
    /// file or connection is read-only [`StoreError::ReadOnly`]. Other errors are unchanged.
    #[must_use]
    pub fn in_file(self, path: &std::path::Path) -> Self {
        use rusqlite::ErrorCode;
        let Self::Sqlite(error) = self else { return self };
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked { path },
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                Self::Damaged { path, detail: error.to_string() }
            }
            Some(ErrorCode::ReadOnly) => Self::ReadOnly { path },
            _ => Self::Sqlite(error),
        }
    }
}

/// The store's result: [`StoreError`] unless said otherwise.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
