//! The workspace file: opening (and creating) it, refusing files that are not ours, are
//! damaged or come from a newer Fanpath, and the connection every other store file uses.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::migrations::{APPLICATION_ID, CURRENT_VERSION, migrate};

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
    /// Runs `f` between `BEGIN IMMEDIATE` and `COMMIT`, or rolls back when it fails.
    /// `IMMEDIATE` takes the write lock before the reads, so what an inverse remembers cannot
    /// be changed by another process between the read and the write.
    pub(crate) fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.conn().execute_batch("BEGIN IMMEDIATE")?;
        let result = f(self).and_then(|value| {
            self.conn().execute_batch("COMMIT")?;
            Ok(value)
        });
        if result.is_err() && !self.conn().is_autocommit() {
            // The error that made us roll back is the one worth reporting; a failed rollback
            // leaves the connection in a transaction that the next BEGIN will report.
            let _ = self.conn().execute_batch("ROLLBACK");
        }
        result
    }

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
        migrate(&mut workspace.conn, &workspace.path)?;
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
        return Err(StoreError::CutShort {
            path: path.to_path_buf(),
            expected_bytes: pages * page_size,
            actual_bytes: file_len,
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
    if version > CURRENT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    let check: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(damaged)?;
    if check != "ok" {
        return Err(StoreError::Damaged { path: path.to_path_buf(), detail: check });
    }
    Ok(())
}

/// A second, read-only view of an open workspace file, for work that must not wait on (or
/// hold up) the window's own connection.
impl Workspace {
    /// Opens `path` read-only, beside the connection that writes it. WAL lets this
    /// connection read a consistent snapshot while the other one writes; it never migrates,
    /// checks or changes the file, so the writer must have opened it first.
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Self { conn, path })
    }

    /// SQLite's `PRAGMA data_version`: a number that changes whenever another connection
    /// (another window, a command-line import) commits to the file, and never for this
    /// connection's own commits. Cheap: it reads the WAL index, not the data.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}
