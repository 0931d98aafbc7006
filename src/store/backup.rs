//! Rolling backups through SQLite's online backup API, and restoring one.
//!
//! A backup is never a file copy: the workspace runs in WAL mode, so committed changes may
//! still sit in the `-wal` file beside it, and a copy taken while the app writes can be torn.
//! The backup API reads one consistent snapshot through SQLite, WAL included.
//!
//! Where: `<folder of the workspace file>/backups/<workspace file stem>/`, one file per
//! backup named `<stem>-YYYYMMDD-HHMMSS.sqlite` (local time; `-2`, `-3` … are appended when
//! two backups fall in one second). Each is written to a temporary file and renamed into
//! place, so a crash never leaves half a backup under a backup's name.
//!
//! Retention ([`retained`]): the newest backup of each of the last 7 days that have one,
//! plus the newest of each of the last 4 ISO weeks before those, plus up to 10 from the last
//! 24 hours; the rest is deleted after every backup.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::migrations::{APPLICATION_ID, CURRENT_VERSION, migrate};
use super::workspace::Workspace;

/// Daily copies kept: the newest backup of each of this many most recent days.
pub const DAILY_COPIES: usize = 7;
/// Weekly copies kept beyond the daily ones: the newest of each of this many ISO weeks.
pub const WEEKLY_COPIES: usize = 4;
/// Backups of the last day kept besides the daily one, newest first: each destructive
/// operation backs up first, and the backup before a morning's deletion must not be pruned
/// by the one before an afternoon's import. Capped, because a large workspace deleted
/// persona by persona would otherwise fill the disk.
pub const RECENT_COPIES: usize = 10;
/// A CSV import at least this large backs the workspace up first: customer-event lines
/// are 40–60 bytes, so this is about 10,000 rows. Below it an import is quick to redo by
/// hand, and the size is known before the file is read (the row count is not).
pub const LARGE_IMPORT_BYTES: u64 = 512 * 1024;

/// Why a backup is taken, which decides whether it may be skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReason {
    /// The app opened the workspace: skipped when a backup from today exists.
    Opened,
    /// Asked for (`fanpath backup`): always taken.
    Manual,
    /// Before something that deletes or replaces data (`demo --replace`, a large import,
    /// deleting a persona, a restore, replacing the workspace from a file): skipped when
    /// the workspace holds nothing to lose.
    BeforeChange,
}

/// One backup file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// When it was taken, in local time (from its file name).
    pub taken_at: NaiveDateTime,
    pub size_bytes: u64,
    /// Personas in the backup, read from it; `None` when it cannot be read.
    pub personas: Option<u64>,
    /// Customers in the backup, read from it; `None` when it cannot be read.
    pub customers: Option<u64>,
}

/// The folder the rolling backups of the workspace at `workspace` go to.
pub fn backup_dir(workspace: &Path) -> PathBuf {
    let folder = workspace.parent().unwrap_or_else(|| Path::new(""));
    folder.join("backups").join(stem(workspace))
}

fn stem(workspace: &Path) -> String {
    workspace.file_stem().map_or_else(|| "workspace".to_owned(), |s| s.to_string_lossy().into_owned())
}

const STAMP: &str = "%Y%m%d-%H%M%S";

/// The backup file name for `taken_at`, the `n`th of that second (from 1).
fn backup_name(stem: &str, taken_at: NaiveDateTime, n: u32) -> String {
    let stamp = taken_at.format(STAMP);
    if n <= 1 { format!("{stem}-{stamp}.sqlite") } else { format!("{stem}-{stamp}-{n}.sqlite") }
}

/// When a file named by [`backup_name`] was taken and its number in that second; `None`
/// for any other file (a temporary file, something the user put there).
fn parse_backup_name(stem: &str, name: &str) -> Option<(NaiveDateTime, u32)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(".sqlite")?;
    let (stamp, n) = match rest.get(15..) {
        Some("") => (rest, 1),
        Some(suffix) => (rest.get(..15)?, suffix.strip_prefix('-')?.parse().ok().filter(|n| *n > 1)?),
        None => return None,
    };
    Some((NaiveDateTime::parse_from_str(stamp, STAMP).ok()?, n))
}

/// The backups in `dir` of the workspace named `stem`, newest first.
fn scan(dir: &Path, stem: &str) -> Result<Vec<(NaiveDateTime, u32, PathBuf)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(StoreError::Io { path: dir.to_path_buf(), source }),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        let name = entry.file_name();
        if let Some((at, n)) = name.to_str().and_then(|name| parse_backup_name(stem, name)) {
            found.push((at, n, entry.path()));
        }
    }
    found.sort_by_key(|(at, n, _)| std::cmp::Reverse((*at, *n)));
    Ok(found)
}

/// Which of the backups taken at `stamps` to keep: the newest of each of the last
/// [`DAILY_COPIES`] days that have a backup, then the newest of each of the last
/// [`WEEKLY_COPIES`] ISO weeks among the older ones; and besides those, up to
/// [`RECENT_COPIES`] backups taken less than 24 hours before the newest. `stamps` may come
/// in any order; the answer is in the same order. Of two equal times, the one listed first
/// counts as newer.
pub fn retained(stamps: &[NaiveDateTime]) -> Vec<bool> {
    let mut newest_first: Vec<usize> = (0..stamps.len()).collect();
    newest_first.sort_by(|&a, &b| stamps[b].cmp(&stamps[a]).then(a.cmp(&b)));
    let mut keep = vec![false; stamps.len()];
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut weeks: Vec<(i32, u32)> = Vec::new();
    let newest = newest_first.first().map(|&i| stamps[i]);
    let recent = |at: NaiveDateTime| newest.is_some_and(|newest| newest - at < chrono::Duration::hours(24));
    for &i in newest_first.iter().filter(|&&i| recent(stamps[i])).take(RECENT_COPIES) {
        keep[i] = true;
    }
    for i in newest_first {
        let day = stamps[i].date();
        if days.contains(&day) {
            continue;
        }
        if days.len() < DAILY_COPIES {
            days.push(day);
            keep[i] = true;
            continue;
        }
        let week = (day.iso_week().year(), day.iso_week().week());
        if weeks.len() < WEEKLY_COPIES && !weeks.contains(&week) {
            weeks.push(week);
            keep[i] = true;
        }
    }
    keep
}

/// Deletes the backups of the workspace that [`retained`] does not keep.
fn prune(dir: &Path, stem: &str) -> Result<()> {
    let found = scan(dir, stem)?;
    let stamps: Vec<NaiveDateTime> = found.iter().map(|(at, _, _)| *at).collect();
    for ((_, _, path), keep) in found.iter().zip(retained(&stamps)) {
        if !keep {
            std::fs::remove_file(path).map_err(|source| StoreError::Io { path: path.clone(), source })?;
        }
    }
    Ok(())
}

/// The rolling backups of the workspace at `workspace`, newest first, with the counts read
/// from each (read-only). No backup folder means no backups.
pub fn list_backups(workspace: &Path) -> Result<Vec<BackupInfo>> {
    let found = scan(&backup_dir(workspace), &stem(workspace))?;
    Ok(found.into_iter().map(|(taken_at, _, path)| describe(path, taken_at)).collect())
}

/// Size and counts of one backup file; what cannot be read stays `None` / 0.
fn describe(path: PathBuf, taken_at: NaiveDateTime) -> BackupInfo {
    let size_bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    let counts = open_read_only(&path).ok().and_then(|conn| {
        let count = |table: &str| {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, u64>(0)).ok()
        };
        Some((count("personas")?, count("customers")?))
    });
    BackupInfo { path, taken_at, size_bytes, personas: counts.map(|c| c.0), customers: counts.map(|c| c.1) }
}

fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
}

/// A temporary name beside `path` (same folder, so the rename is atomic).
pub(crate) fn temp_beside(path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Runs a backup to the end in one step: all pages under one read transaction, so one
/// consistent snapshot. A busy or locked database is retried for a few seconds, as
/// SQLite's own busy timeout would.
fn copy_all(backup: &Backup<'_, '_>) -> Result<()> {
    const TRIES: u32 = 50;
    for _ in 0..TRIES {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    let busy = rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY);
    Err(rusqlite::Error::SqliteFailure(busy, Some("the database stayed locked during the backup".to_owned()))
        .into())
}

/// Copies the database behind `source` into a new file at `dest` through the backup API:
/// into a temporary file, as a single self-contained file (no WAL), then renamed over `dest`.
fn copy_database(source: &Connection, dest: &Path) -> Result<()> {
    let temp = temp_beside(dest);
    let written = (|| -> Result<()> {
        let io = |source| StoreError::Io { path: dest.to_path_buf(), source };
        if let Some(folder) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(io)?;
        }
        match std::fs::remove_file(&temp) {
            Err(err) if err.kind() != std::io::ErrorKind::NotFound => return Err(io(err)),
            _ => {}
        }
        let mut out = Connection::open(&temp)?;
        copy_all(&Backup::new(source, &mut out)?)?;
        // The copy is one file that any SQLite opens as it is, without a -wal beside it.
        out.pragma_update(None, "journal_mode", "DELETE")?;
        out.close().map_err(|(_, err)| err)?;
        std::fs::File::open(&temp).and_then(|f| f.sync_all()).map_err(io)?;
        std::fs::rename(&temp, dest).map_err(io)
    })();
    if written.is_err() {
        // Best effort: the temporary file may not even exist.
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Whether the database holds no persona, touchpoint, emotion entry or customer.
fn is_empty(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT (EXISTS (SELECT 1 FROM personas) OR EXISTS (SELECT 1 FROM touchpoints)
            OR EXISTS (SELECT 1 FROM emotions) OR EXISTS (SELECT 1 FROM customers))",
        [],
        |r| r.get(0),
    )?)
}

/// Takes a rolling backup of the workspace at `path` read through `conn`, unless `reason`
/// allows skipping it; prunes old backups after writing one.
fn rolling_backup(conn: &Connection, path: &Path, reason: BackupReason) -> Result<Option<BackupInfo>> {
    let written = unpruned_backup(conn, path, reason)?;
    if written.is_some() {
        prune(&backup_dir(path), &stem(path))?;
    }
    Ok(written)
}

/// [`rolling_backup`] without the pruning, for a restore whose source may be a backup that
/// pruning would delete.
fn unpruned_backup(conn: &Connection, path: &Path, reason: BackupReason) -> Result<Option<BackupInfo>> {
    if path.as_os_str() == ":memory:" {
        return Ok(None);
    }
    let (dir, stem) = (backup_dir(path), stem(path));
    let existing = scan(&dir, &stem)?;
    let now = chrono::Local::now().naive_local();
    let now = now.with_nanosecond(0).unwrap_or(now);
    match reason {
        BackupReason::Opened if existing.first().is_some_and(|(at, _, _)| at.date() == now.date()) => {
            return Ok(None);
        }
        BackupReason::BeforeChange if is_empty(conn)? => return Ok(None),
        BackupReason::Opened | BackupReason::BeforeChange | BackupReason::Manual => {}
    }
    let n = existing.iter().filter(|(at, _, _)| *at == now).map(|(_, n, _)| n + 1).max().unwrap_or(1);
    let dest = dir.join(backup_name(&stem, now, n));
    copy_database(conn, &dest)?;
    Ok(Some(describe(dest, now)))
}

/// Takes a rolling backup of the workspace file at `path` through a read-only connection of
/// its own, so it can run on another thread while the app keeps its connection (WAL lets
/// both read and write at once).
pub fn backup_file_now(path: &Path, reason: BackupReason) -> Result<Option<BackupInfo>> {
    let conn = open_read_only(path)?;
    rolling_backup(&conn, path, reason)
}

/// Refuses a backup that is not an intact Fanpath workspace this version can read, before
/// anything is written.
fn check_backup(backup: &Path) -> Result<()> {
    if !backup.is_file() {
        let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        return Err(StoreError::Io { path: backup.to_path_buf(), source });
    }
    let not_ours = || StoreError::NotAWorkspace { path: backup.to_path_buf() };
    let conn = open_read_only(backup).map_err(|_| not_ours())?;
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|_| not_ours())?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|_| not_ours())?;
    if app_id != APPLICATION_ID || version < 1 {
        return Err(not_ours());
    }
    if version > CURRENT_VERSION {
        return Err(StoreError::NewerVersion {
            path: backup.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    // Restoring is rare and replaces everything: worth a full read of the backup first.
    let damaged = |detail: String| StoreError::Damaged { path: backup.to_path_buf(), detail };
    let check: String =
        conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(|e| damaged(e.to_string()))?;
    if check != "ok" {
        return Err(damaged(check));
    }
    Ok(())
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

impl Workspace {
    /// Takes a rolling backup now (see the module docs), unless `reason` allows skipping
    /// it; returns the backup written, if any. Old backups are pruned afterwards.
    pub fn backup_now(&self, reason: BackupReason) -> Result<Option<BackupInfo>> {
        rolling_backup(self.conn(), self.path(), reason)
    }

    /// Writes one backup to `dest` (replaced if it exists), outside the rolling folder.
    pub fn backup_to(&self, dest: &Path) -> Result<BackupInfo> {
        if same_file(dest, self.path()) {
            return Err(StoreError::SameFile { path: dest.to_path_buf() });
        }
        copy_database(self.conn(), dest)?;
        let now = chrono::Local::now().naive_local();
        Ok(describe(dest.to_path_buf(), now.with_nanosecond(0).unwrap_or(now)))
    }

    /// Backs up before importing `csv` when the file is large ([`LARGE_IMPORT_BYTES`]) and
    /// the workspace holds data.
    pub fn backup_before_import(&self, csv: &Path) -> Result<Option<BackupInfo>> {
        let size = std::fs::metadata(csv).map_or(0, |m| m.len());
        if size < LARGE_IMPORT_BYTES {
            return Ok(None);
        }
        self.backup_now(BackupReason::BeforeChange)
    }

    /// Replaces the workspace's data with the backup at `backup`, through the backup API
    /// into this connection (so every connection to the file sees the restored data).
    /// The backup is checked first and the current state backed up before anything is
    /// replaced; returns that backup of the current state, if one was needed.
    pub fn restore_from(&mut self, backup: &Path) -> Result<Option<BackupInfo>> {
        if same_file(backup, self.path()) {
            return Err(StoreError::SameFile { path: backup.to_path_buf() });
        }
        check_backup(backup)?;
        let before = unpruned_backup(self.conn(), self.path(), BackupReason::BeforeChange)?;
        let source = open_read_only(backup)?;
        copy_all(&Backup::new(&source, self.conn_mut())?)?;
        drop(source);
        // A backup from an older Fanpath comes up to this version's schema.
        let path = self.path().to_path_buf();
        migrate(self.conn_mut(), &path)?;
        if before.is_some() {
            prune(&backup_dir(&path), &stem(&path))?;
        }
        Ok(before)
    }
}

/// Restores the backup at `backup` into the workspace at `workspace` (see
/// [`Workspace::restore_from`]); the backup is checked before the workspace is opened.
pub fn restore_backup(workspace: &Path, backup: &Path) -> Result<Option<BackupInfo>> {
    check_backup(backup)?;
    Workspace::open(workspace)?.restore_from(backup)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("date")
    }

    fn kept(stamps: &[&str]) -> Vec<String> {
        let parsed: Vec<NaiveDateTime> = stamps.iter().map(|s| at(s)).collect();
        let keep = retained(&parsed);
        stamps.iter().zip(keep).filter(|(_, k)| *k).map(|(s, _)| (*s).to_owned()).collect()
    }

    #[test]
    fn keeps_the_newest_of_each_of_seven_days() {
        // Two a day for ten days (2025-06-01 … 06-10), oldest first.
        let mut stamps = Vec::new();
        for day in 1..=10 {
            stamps.push(format!("2025-06-{day:02} 08:00"));
            stamps.push(format!("2025-06-{day:02} 17:00"));
        }
        let refs: Vec<&str> = stamps.iter().map(String::as_str).collect();
        let kept = kept(&refs);
        // Days 4–10 keep their 17:00 copy; days 1–3 (Sun 1 June is ISO week 22, 2–3 are
        // week 23) give one weekly copy per week: the newest of each. The last day's 08:00
        // copy stays too: it is less than 24 hours old.
        assert_eq!(
            kept,
            [
                "2025-06-01 17:00",
                "2025-06-03 17:00",
                "2025-06-04 17:00",
                "2025-06-05 17:00",
                "2025-06-06 17:00",
                "2025-06-07 17:00",
                "2025-06-08 17:00",
                "2025-06-09 17:00",
                "2025-06-10 08:00",
                "2025-06-10 17:00",
            ]
        );
    }

    #[test]
    fn keeps_four_weekly_copies_beyond_the_daily_ones() {
        // One backup every third day over three months, in random order.
        let mut stamps: Vec<String> = (0..30)
            .map(|i| {
                let day = NaiveDate::from_ymd_opt(2025, 3, 1).expect("d") + chrono::Duration::days(i * 3);
                format!("{} 12:00", day.format("%Y-%m-%d"))
            })
            .collect();
        stamps.reverse();
        stamps.swap(3, 17);
        let refs: Vec<&str> = stamps.iter().map(String::as_str).collect();
        let mut kept = kept(&refs);
        kept.sort_unstable();
        // The last seven backups (2025-05-09 … 05-27) are the daily copies; before them,
        // the newest of the four ISO weeks 19 (Tue 05-06), 18 (Sat 05-03), 17 (Sun 04-27)
        // and 16 (Fri 04-18).
        assert_eq!(
            kept,
            [
                "2025-04-18 12:00",
                "2025-04-27 12:00",
                "2025-05-03 12:00",
                "2025-05-06 12:00",
                "2025-05-09 12:00",
                "2025-05-12 12:00",
                "2025-05-15 12:00",
                "2025-05-18 12:00",
                "2025-05-21 12:00",
                "2025-05-24 12:00",
                "2025-05-27 12:00",
            ]
        );
    }

    #[test]
    fn few_backups_are_all_kept() {
        assert!(retained(&[]).is_empty());
        assert_eq!(kept(&["2025-01-01 10:00", "2024-01-01 10:00"]).len(), 2);
        // Two on an older day: only the newer stays.
        assert_eq!(
            kept(&["2025-01-01 10:00", "2025-01-01 11:00", "2025-01-03 09:00"]),
            ["2025-01-01 11:00", "2025-01-03 09:00"]
        );
    }

    #[test]
    fn the_last_day_keeps_up_to_ten_backups() {
        // A backup before each of twelve deletions in one afternoon, then one the next
        // morning: the ten newest within 24 hours of that morning stay, the two oldest go
        // (their day's newest copy stays as the daily one).
        let mut stamps: Vec<String> = (0..12).map(|m| format!("2025-01-01 14:{m:02}")).collect();
        stamps.push("2025-01-02 09:00".to_owned());
        let refs: Vec<&str> = stamps.iter().map(String::as_str).collect();
        let kept = kept(&refs);
        assert_eq!(kept.len(), 10);
        assert_eq!(kept.first().map(String::as_str), Some("2025-01-01 14:03"));
        assert_eq!(kept.last().map(String::as_str), Some("2025-01-02 09:00"));
        // Older than 24 hours before the newest: the usual one a day.
        assert_eq!(kept_older(), ["2024-12-30 11:00", "2025-01-01 10:00"]);
    }

    fn kept_older() -> Vec<String> {
        kept(&["2024-12-30 10:00", "2024-12-30 11:00", "2025-01-01 10:00"])
    }

    #[test]
    fn backup_names_round_trip() {
        let taken = at("2025-06-30 07:05");
        assert_eq!(backup_name("cửa hàng", taken, 1), "cửa hàng-20250630-070500.sqlite");
        assert_eq!(parse_backup_name("cửa hàng", "cửa hàng-20250630-070500.sqlite"), Some((taken, 1)));
        assert_eq!(parse_backup_name("shop", &backup_name("shop", taken, 3)), Some((taken, 3)));
        for other in [
            "shop-20250630-070500.sqlite.tmp",
            ".shop-20250630-070500.sqlite.1.tmp",
            "shop-20250630-0705.sqlite",
            "shop-20250630-070500-1.sqlite",
            "shop-20250630-070500-x.sqlite",
            "shopx-20250630-070500.sqlite",
            "other-20250630-070500.sqlite",
        ] {
            assert_eq!(parse_backup_name("shop", other), None, "{other}");
        }
    }

    #[test]
    fn the_backup_folder_sits_beside_the_workspace() {
        assert_eq!(
            backup_dir(Path::new("/data/fanpath/shop.sqlite")),
            Path::new("/data/fanpath/backups/shop")
        );
    }
}
