//! The SQLite layer: one file is one workspace.
//!
//! [`Workspace`] owns the connection. Every user change runs in one transaction, the
//! schema is versioned through `PRAGMA user_version`, and a file that is not ours,
//! is damaged, or comes from a newer Fanpath is refused before anything is written.

pub mod analytics;
pub mod avatar;
mod bulk;
mod demo;
mod emotions;
pub mod export;
mod import;
mod migrations;
mod personas;
mod report;
mod touchpoints;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use analytics::{Analytics, AnalyticsOptions};
pub use demo::{DemoOptions, DemoSummary, demo_customer_events};
pub use import::{
    ImportKind, ImportOptions, ImportProgress, ImportSummary, PROGRESS_EVERY, ROW_ERRORS_KEPT,
    ROW_ERRORS_SHOWN, RowError, RowProblem, row_error_lines,
};
pub use personas::{DeletedPersona, PersonaRecord};
pub use report::{Report, StageReport, group_digits};

use crate::model::persona::PersonaError;

/// `PRAGMA application_id` of a Fanpath workspace ("FANP"), so other SQLite files are
/// recognised as not ours without guessing from table names.
pub const APPLICATION_ID: i32 = 0x4641_4E50;

/// Everything that can go wrong in the store. Messages name the file where one is involved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not a Fanpath workspace", path.display())]
    NotAWorkspace { path: PathBuf },
    #[error("{} is damaged ({detail}); it was left untouched", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{} was written by a newer Fanpath (schema version {found}; this version reads up to {supported}). Update Fanpath to open it; the file was left untouched",
        path.display()
    )]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },
    #[error("cannot use {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Persona(#[from] PersonaError),
    #[error("nothing with id {0} in this workspace")]
    NotFound(i64),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file to import could not be read as CSV at all (encoding, no header …).
    #[error("cannot import {}: {detail}", path.display())]
    Csv { path: PathBuf, detail: String },
    #[error(
        "cannot import {}: the header has no {} column (expected {expected}, in any order and case)",
        path.display(),
        missing.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
    )]
    MissingColumns { path: PathBuf, missing: Vec<&'static str>, expected: String },
    /// Rows that failed validation; nothing was written. `rows` holds the first
    /// [`ROW_ERRORS_KEPT`] by line, `count` all of them.
    #[error(
        "cannot import {}: {} invalid row{}, so nothing was imported:{}",
        path.display(),
        group_digits(*count),
        if *count == 1 { "" } else { "s" },
        row_error_lines(rows, *count)
    )]
    InvalidRows { path: PathBuf, count: u64, rows: Vec<RowError> },
    #[error(
        "{} has no persona called \"{name}\"{}",
        path.display(),
        if known.is_empty() { String::from(" (it has no personas)") } else { format!("; its personas are {}", known.join(", ")) }
    )]
    UnknownPersona { path: PathBuf, name: String, known: Vec<String> },
    /// The demo refuses to mix its made-up data with a workspace's own.
    #[error(
        "{} already holds data ({detail}); the demo would mix with it. Use the replace option (fanpath demo --replace) to delete everything in it and write the demo instead",
        path.display()
    )]
    NotEmpty { path: PathBuf, detail: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open workspace file.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace").field("path", &self.path).finish_non_exhaustive()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Workspace {
    /// Where the workspace lives when none is named: the platform's data directory.
    pub fn default_path() -> Result<PathBuf> {
        let dirs = directories::ProjectDirs::from("", "", "fanpath").ok_or_else(|| StoreError::Io {
            path: PathBuf::from("~"),
            source: std::io::Error::other("no home directory to keep the workspace in"),
        })?;
        Ok(dirs.data_dir().join("workspace.sqlite"))
    }

    /// Opens the workspace at `path`, creating it (and its folder) when the file does not exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let io = |source| StoreError::Io { path: path.clone(), source };
        let is_new = match std::fs::metadata(&path) {
            Ok(meta) => meta.len() == 0,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(io)?;
                }
                true
            }
            Err(err) => return Err(io(err)),
        };
        if !is_new {
            check_file(&path)?;
        }
        let conn = Connection::open(&path)?;
        Self::init(conn, path)
    }

    /// A throwaway workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn init(conn: Connection, path: PathBuf) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        if path.as_os_str() != ":memory:" {
            // WAL keeps the file readable by another process (a backup, a second window)
            // while the app writes.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        let mut workspace = Self { conn, path };
        migrations::migrate(&mut workspace.conn, &workspace.path)?;
        Ok(workspace)
    }

    /// The file this workspace lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file name without extension, as shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path.file_stem().map_or_else(|| "workspace".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    /// The raw connection, for the store's own modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Writes a consistent copy of the whole workspace to `dest` (which must not exist yet,
    /// or is replaced). The open workspace stays where it is.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            std::fs::remove_file(dest)
                .map_err(|source| StoreError::Io { path: dest.to_path_buf(), source })?;
        }
        let target = dest.to_string_lossy();
        self.conn.execute("VACUUM INTO ?1", [target.as_ref()])?;
        Ok(())
    }
}

/// Refuses files that are not SQLite, are cut short, are someone else's database or come
/// from a newer schema, reading only (the file is never written on refusal).
fn check_file(path: &Path) -> Result<()> {
    use std::io::Read;
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let not_ours = || StoreError::NotAWorkspace { path: path.to_path_buf() };
    let mut header = [0_u8; 100];
    let mut file = std::fs::File::open(path).map_err(io)?;
    let file_len = file.metadata().map_err(io)?.len();
    if file_len < 100 {
        return Err(not_ours());
    }
    file.read_exact(&mut header).map_err(io)?;
    if &header[..16] != SQLITE_MAGIC {
        return Err(not_ours());
    }
    // Header bytes 16–17: page size (1 means 65536); 28–31: pages in the file, valid when
    // the change counter (24–27) equals the version-valid-for number (92–95).
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    if header[24..28] == header[92..96] && pages * page_size > file_len {
        return Err(StoreError::Damaged {
            path: path.to_path_buf(),
            detail: format!(
                "it should be {} bytes long but is {file_len}: the file was cut short",
                pages * page_size
            ),
        });
    }
    let damaged =
        |err: rusqlite::Error| StoreError::Damaged { path: path.to_path_buf(), detail: err.to_string() };
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(damaged)?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(damaged)?;
    let tables: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(damaged)?;
    if app_id != APPLICATION_ID && !(app_id == 0 && tables == 0) {
        return Err(not_ours());
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(damaged)?;
    if version > migrations::CURRENT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: migrations::CURRENT_VERSION,
        });
    }
    let check: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(damaged)?;
    if check != "ok" {
        return Err(StoreError::Damaged { path: path.to_path_buf(), detail: check });
    }
    Ok(())
}
