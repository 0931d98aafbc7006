//! The workspace file: opening (and creating) it, refusing files that are not ours or come
//! from a newer Fanpath, and the connection every other store file uses.
//!
//! Opening costs the same whatever the size of the file: it reads the header's magic bytes,
//! the application id, the schema version and the schema page, nothing more. SQLite judges
//! the pages itself, and it knows the WAL: a committed WAL not yet copied into the main file
//! (after a crash, or while another process checkpoints) is part of the workspace, so the
//! main file's own length proves nothing. The full `PRAGMA integrity_check` runs only when
//! asked for ([`Workspace::check_integrity`]: `fanpath check`, the window's daily check).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB, OpenFlags};

use super::error::{Result, StoreError};
use super::migrations::{APPLICATION_ID, CURRENT_VERSION, migrate};

/// An open workspace file.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    /// Opened for viewing only: every write is refused with [`StoreError::ReadOnly`].
    read_only: bool,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish_non_exhaustive()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// How long a write waits for another connection's lock before giving up with
/// [`StoreError::Locked`].
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// What is at a workspace path before SQLite opens it.
enum Found {
    Nothing,
    EmptyFile,
    SqliteFile,
}

impl Workspace {
    /// Runs `f` between `BEGIN IMMEDIATE` and `COMMIT`, or rolls back when it fails.
    /// `IMMEDIATE` takes the write lock before the reads, so what an inverse remembers cannot
    /// be changed by another process between the read and the write.
    pub(crate) fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(StoreError::ReadOnly { path: self.path.clone() });
        }
        self.conn().execute_batch("BEGIN IMMEDIATE").map_err(|err| self.sqlite_error(err))?;
        let result = f(self).and_then(|value| {
            self.conn().execute_batch("COMMIT").map_err(|err| self.sqlite_error(err))?;
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

    /// Opens the workspace at `path` for reading and writing, creating it (and its folder)
    /// when there is no file or an empty one. A file that cannot be written is refused with
    /// [`StoreError::ReadOnly`] (the window then opens it with [`Workspace::open_read_only`]).
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let is_new = match look_at(&path)? {
            Found::Nothing => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent)
                        .map_err(|source| StoreError::Io { path: path.clone(), source })?;
                }
                true
            }
            Found::EmptyFile => true,
            Found::SqliteFile => false,
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&path, flags).map_err(|err| open_error(&path, err))?;
        // SQLite quietly opens a file it may not write for reading only.
        if !is_new && conn.is_readonly(MAIN_DB).map_err(|err| open_error(&path, err))? {
            return Err(StoreError::ReadOnly { path });
        }
        let mut workspace = Self { conn, path, read_only: false };
        workspace.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Nothing is written before the file is known to be ours.
        workspace.identify()?;
        workspace.configure_for_writing().map_err(|err| open_error(&workspace.path, err))?;
        migrate(&mut workspace.conn, &workspace.path).map_err(|err| err.in_file(&workspace.path))?;
        Ok(workspace)
    }

    /// Opens an existing workspace for reading only (`SQLITE_OPEN_READ_ONLY`): the file is
    /// never created, migrated or written. `report`, `export` and `check` use it, and the
    /// window for a file it may not write. No file, an empty file or a blank SQLite file is
    /// [`StoreError::NoWorkspace`].
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        match look_at(&path)? {
            Found::Nothing => return Err(StoreError::NoWorkspace { path, empty: false }),
            Found::EmptyFile => return Err(StoreError::NoWorkspace { path, empty: true }),
            Found::SqliteFile => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let workspace = Self::read_only_connection(&path, &path, flags)?;
        let (workspace, blank) = match workspace.identify() {
            // In a read-only folder SQLite cannot create the `-shm` file a WAL reader needs.
            // Without a `-wal` file every committed page is in the main file, and
            // `immutable=1` reads it without the shared memory. No writer of ours can work
            // in that folder either (it could not make its WAL), and the file is only read.
            Err(StoreError::ReadOnly { .. }) if !sidecar(&path, "-wal").exists() => {
                let uri = immutable_uri(&path);
                let workspace =
                    Self::read_only_connection(&path, Path::new(&uri), flags | OpenFlags::SQLITE_OPEN_URI)?;
                let blank = workspace.identify()?;
                (workspace, blank)
            }
            Err(err) => return Err(err),
            Ok(blank) => (workspace, blank),
        };
        if blank {
            return Err(StoreError::NoWorkspace { path: workspace.path, empty: true });
        }
        // Versions older than this build's are read as they are: migrations before journey
        // versions only added indexes, which make queries faster, not different; a file from
        // before versions reads through temporary tables that are never written to it.
        super::migrations::shim_journey_versions(&workspace.conn)?;
        super::migrations::shim_opportunities(&workspace.conn)?;
        Ok(workspace)
    }

    /// Opens the workspace at `path` for writing, or, when the file or its folder cannot be
    /// written, for viewing only ([`Workspace::is_read_only`]): the window's way to open.
    pub fn open_or_view(path: impl AsRef<Path>) -> Result<Self> {
        match Self::open(path.as_ref()) {
            // No workspace to view (a new file in a read-only folder): say why it cannot be made.
            Err(StoreError::ReadOnly { path }) => match Self::open_read_only(&path) {
                Err(StoreError::NoWorkspace { .. }) => Err(StoreError::ReadOnly { path }),
                viewed => viewed,
            },
            opened => opened,
        }
    }

    fn read_only_connection(path: &Path, target: &Path, flags: OpenFlags) -> Result<Self> {
        let conn = Connection::open_with_flags(target, flags).map_err(|err| open_error(path, err))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Self { conn, path: path.to_path_buf(), read_only: true })
    }

    /// A throwaway workspace in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Self> {
        let mut workspace =
            Self { conn: Connection::open_in_memory()?, path: PathBuf::from(":memory:"), read_only: false };
        workspace.conn.pragma_update(None, "foreign_keys", true)?;
        migrate(&mut workspace.conn, &workspace.path)?;
        Ok(workspace)
    }

    /// Reads the application id, schema version and table count (the first page only, in
    /// constant time); returns whether the file is a blank SQLite database that may become a
    /// workspace. Someone else's database and a newer schema are refused.
    fn identify(&self) -> Result<bool> {
        // One statement, so one read transaction: another process creating the same new
        // file cannot commit between the reads.
        let (app_id, tables, version): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id),
                        (SELECT count(*) FROM sqlite_master),
                        (SELECT user_version FROM pragma_user_version)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|err| open_error(&self.path, err))?;
        if app_id == 0 && tables == 0 && version == 0 {
            return Ok(true);
        }
        if app_id != i64::from(APPLICATION_ID) {
            return Err(StoreError::NotAWorkspace { path: self.path.clone() });
        }
        if version > CURRENT_VERSION {
            return Err(StoreError::NewerVersion {
                path: self.path.clone(),
                found: version,
                supported: CURRENT_VERSION,
            });
        }
        Ok(false)
    }

    fn configure_for_writing(&self) -> rusqlite::Result<()> {
        self.conn.pragma_update(None, "foreign_keys", true)?;
        // WAL keeps the file readable by another process (a backup, a second window, a
        // report) while the app writes.
        // Two connections switching one new file to WAL at once: SQLite answers "busy" at
        // once rather than wait (waiting could deadlock), so ask again.
        retry_busy(|| self.conn.pragma_update(None, "journal_mode", "WAL"))?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")
    }

    /// The file this workspace lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether `other` leads to this workspace's file (the same path, a link to it, another
    /// spelling of it): replacing that file would lose the open workspace.
    pub fn is_same_file(&self, other: &Path) -> bool {
        same_file(&self.path, other)
    }

    /// Whether the workspace was opened for viewing only (every edit is refused).
    pub fn is_read_only(&self) -> bool {
        self.read_only
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

    /// SQLite's error, naming this workspace's file when it is a lock, a corruption or a
    /// refused write.
    fn sqlite_error(&self, err: rusqlite::Error) -> StoreError {
        StoreError::from(err).in_file(&self.path)
    }

    /// Runs SQLite's full `PRAGMA integrity_check`, reading every page: `Ok` when the
    /// file is intact, [`StoreError::FailedCheck`] with SQLite's lines when it is not.
    /// It only reads; open the workspace with [`Workspace::open_read_only`] to be sure.
    pub fn check_integrity(&self) -> Result<()> {
        let mut statement =
            self.conn.prepare("PRAGMA integrity_check").map_err(|err| self.sqlite_error(err))?;
        let mut rows = statement.query([]).map_err(|err| self.sqlite_error(err))?;
        let mut problems = Vec::new();
        loop {
            match rows.next() {
                Ok(Some(row)) => {
                    let line: String = row.get(0).map_err(|err| self.sqlite_error(err))?;
                    // SQLite heads its list with the schema's name; the lines after it count.
                    if line != "ok" && !line.starts_with("*** in database") {
                        problems.push(line);
                    }
                }
                Ok(None) => break,
                // The check can stop at a page too damaged to read after listing others:
                // that is one more problem, not a reason to hide the ones found.
                Err(err) if !problems.is_empty() => {
                    problems.push(err.to_string());
                    break;
                }
                Err(err) => return Err(self.sqlite_error(err)),
            }
        }
        if problems.is_empty() {
            return Ok(());
        }
        Err(StoreError::FailedCheck { path: self.path.clone(), problems })
    }

    /// Writes a consistent copy of the whole workspace to `dest` through SQLite's online
    /// backup, into a temporary file in `dest`'s folder that replaces `dest` only once it
    /// is complete. The open workspace itself (by any path that leads to the same file) is
    /// refused: replacing it would lose every later edit.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        if self.is_same_file(dest) {
            return Err(StoreError::CopyOntoItself { path: dest.to_path_buf() });
        }
        // SQLite would replay the frames of a `-wal` left beside the destination (another
        // program has it open, or crashed) onto the new copy. An empty one is harmless.
        if std::fs::metadata(sidecar(dest, "-wal")).is_ok_and(|wal| wal.len() > 0) {
            return Err(StoreError::Locked { path: dest.to_path_buf() });
        }
        let io = |source| StoreError::Io { path: dest.to_path_buf(), source };
        let Some(name) = dest.file_name() else {
            return Err(io(std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name")));
        };
        let folder = dest.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if !folder.is_dir() {
            return Err(io(std::io::Error::new(std::io::ErrorKind::NotFound, "its folder does not exist")));
        }
        let temp = folder.join(format!(
            ".{}.{}-{}.partial",
            name.to_string_lossy(),
            std::process::id(),
            fastrand::u32(..)
        ));
        let written = self
            .conn
            .backup(MAIN_DB, &temp, None)
            .map_err(|err| StoreError::from(err).in_file(dest))
            .and_then(|()| std::fs::rename(&temp, dest).map_err(io));
        if written.is_err() {
            // Nothing half-written stays behind; the destination was never touched.
            for leftover in [temp.clone(), sidecar(&temp, "-journal")] {
                let _ = std::fs::remove_file(leftover);
            }
        }
        written
    }
}

/// Looks at `path` before SQLite does: nothing there, an empty file, or a file that starts
/// like SQLite. Anything else (a folder, a text file, a picture) is refused untouched.
fn look_at(path: &Path) -> Result<Found> {
    use std::io::Read;
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(err) => return Err(io(err)),
    };
    if meta.is_dir() {
        return Err(io(std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a folder, not a file")));
    }
    if meta.len() == 0 {
        return Ok(Found::EmptyFile);
    }
    let mut header = [0_u8; 16];
    let mut file = std::fs::File::open(path).map_err(io)?;
    if meta.len() < 100 || file.read_exact(&mut header).is_err() || &header != SQLITE_MAGIC {
        return Err(StoreError::NotAWorkspace { path: path.to_path_buf() });
    }
    Ok(Found::SqliteFile)
}

/// An error while opening `path`: SQLite's "cannot open" for a file we could read means it
/// could not create its `-wal`, `-shm` or journal beside it, i.e. a read-only folder.
fn open_error(path: &Path, err: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    match err.sqlite_error_code() {
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::ReadOnly { path: path.to_path_buf() }
        }
        _ => StoreError::from(err).in_file(path),
    }
}

/// Runs `f` again while SQLite answers "busy" without having waited, for at most the busy
/// timeout.
fn retry_busy<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let started = std::time::Instant::now();
    loop {
        match f() {
            Err(err)
                if err.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            done => return done,
        }
    }
}

/// `path` with SQLite's suffix for one of its companion files (`-wal`, `-shm`, `-journal`).
fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A `file:` URI opening `path` as immutable, with the characters URIs reserve escaped.
fn immutable_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if text.as_bytes().get(1) == Some(&b':') {
        // A Windows drive letter: file:/C:/…
        uri.push('/');
    }
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/:".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Whether `a` and `b` lead to the same file (same path, a link, `..`, another case on a
/// case-insensitive disk); `b` need not exist yet.
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    let resolve = |path: &Path| {
        path.canonicalize().ok().or_else(|| {
            let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            Some(parent.canonicalize().ok()?.join(path.file_name()?))
        })
    };
    if let (Some(a), Some(b)) = (resolve(a), resolve(b))
        && a == b
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// A second, read-only view of an open workspace file, for work that must not wait on (or
/// hold up) the window's own connection.
impl Workspace {
    /// Opens `path` read-only, beside the connection that writes it. WAL lets this
    /// connection read a consistent snapshot while the other one writes; it never migrates,
    /// checks or changes the file, so the writer must have opened it first.
    pub fn open_reader(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        Self::read_only_connection(
            path,
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    }

    /// SQLite's `PRAGMA data_version`: a number that changes whenever another connection
    /// (another window, a command-line import) commits to the file, and never for this
    /// connection's own commits. Cheap: it reads the WAL index, not the data.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn immutable_uris_escape_what_uris_reserve() {
        assert_eq!(
            immutable_uri(Path::new("/tmp/a b?#%.sqlite")),
            "file:/tmp/a%20b%3F%23%25.sqlite?immutable=1"
        );
        assert_eq!(immutable_uri(Path::new("C:\\x\\ws.sqlite")), "file:/C:/x/ws.sqlite?immutable=1");
        assert_eq!(
            immutable_uri(Path::new("/tmp/cà phê.sqlite")),
            "file:/tmp/c%C3%A0%20ph%C3%AA.sqlite?immutable=1"
        );
    }

    #[test]
    fn sidecars_append_to_the_whole_name() {
        assert_eq!(sidecar(Path::new("/a/ws.sqlite"), "-wal"), PathBuf::from("/a/ws.sqlite-wal"));
    }
}
