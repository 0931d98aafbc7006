//! Rolling backups and restore: through SQLite's backup API (WAL included), kept 7 daily
//! and 4 weekly, restored after checking the backup and backing up the current state; and
//! the `fanpath backup`, `backups`, `restore`, `export workspace`, `import workspace` commands.

mod common;
#[path = "common/tables.rs"]
mod tables;

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use common::{assert_fails, fanpath, stderr, stdout};
use fanpath::store::backup::{BackupReason, backup_dir, backup_file_now};
use fanpath::store::{DemoOptions, StoreError, Workspace, list_backups, restore_backup};
use tables::dump;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

fn demo(path: &Path, customers: u64, seed: u64) -> Workspace {
    let mut ws = Workspace::open(path).expect("open");
    ws.write_demo(&DemoOptions { customers, seed, replace: true, ..DemoOptions::new(today()) })
        .expect("demo");
    ws
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn a_backup_holds_the_workspace_and_is_listed_with_its_counts() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("cửa hàng.sqlite");
    let ws = demo(&path, 120, 1);
    let info = ws.backup_now(BackupReason::Manual).expect("backup").expect("written");
    assert_eq!(info.path.parent(), Some(dir.path().join("backups").join("cửa hàng").as_path()));
    let name = info.path.file_name().and_then(|n| n.to_str()).expect("name");
    assert!(
        name.starts_with("cửa hàng-20")
            && name.ends_with(".sqlite")
            && name.len() == "cửa hàng-20250630-070500.sqlite".len(),
        "{name}"
    );
    assert_eq!(dump(&info.path), dump(&path));
    // A single self-contained file: not in WAL mode, nothing beside it.
    let header = std::fs::read(&info.path).expect("read");
    assert_eq!((header[18], header[19]), (1, 1), "rollback journal, not WAL");
    let listed = list_backups(&path).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].personas, listed[0].customers), (Some(4), Some(120)));
    assert_eq!(listed[0].size_bytes, std::fs::metadata(&info.path).expect("meta").len());
    let leftovers: Vec<_> = std::fs::read_dir(backup_dir(&path)).expect("dir").collect();
    assert_eq!(leftovers.len(), 1, "no temporary or -wal file left: {leftovers:?}");
}

#[test]
fn the_opening_backup_is_taken_once_a_day_and_an_empty_workspace_needs_none() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.sqlite");
    let ws = Workspace::open(&path).expect("open");
    assert_eq!(ws.backup_now(BackupReason::BeforeChange).expect("backup"), None, "nothing to lose");
    assert!(ws.backup_now(BackupReason::Opened).expect("backup").is_some());
    assert_eq!(ws.backup_now(BackupReason::Opened).expect("backup"), None, "one a day");
    // Two in one second do not overwrite each other.
    let a = ws.backup_now(BackupReason::Manual).expect("a").expect("written");
    let b = ws.backup_now(BackupReason::Manual).expect("b").expect("written");
    assert_ne!(a.path, b.path);
    assert!(
        Workspace::open_in_memory().expect("memory").backup_now(BackupReason::Manual).expect("ok").is_none()
    );
}

#[test]
fn a_backup_sees_changes_still_in_the_wal() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.sqlite");
    demo(&path, 10, 1);
    // Another connection commits into the WAL and never checkpoints.
    let writer = rusqlite::Connection::open(&path).expect("open");
    writer.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
    writer.execute("UPDATE personas SET notes = 'only in the WAL' WHERE id = 1", []).expect("write");
    let wal = std::fs::metadata(dir.path().join("w.sqlite-wal")).expect("a WAL").len();
    assert!(wal > 0);
    let info = backup_file_now(&path, BackupReason::Manual).expect("backup").expect("written");
    let conn = rusqlite::Connection::open(&info.path).expect("open backup");
    let notes: String =
        conn.query_row("SELECT notes FROM personas WHERE id = 1", [], |r| r.get(0)).expect("row");
    assert_eq!(notes, "only in the WAL");
}

#[test]
fn old_backups_are_pruned_to_seven_daily_four_weekly_and_the_last_day() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("shop.sqlite");
    let ws = demo(&path, 5, 1);
    let first = ws.backup_now(BackupReason::Manual).expect("backup").expect("written");
    // Sixty days of older backups, one a day.
    let folder = backup_dir(&path);
    let now = chrono::Local::now().date_naive();
    for days in 1..=60 {
        let day = now - chrono::Duration::days(days);
        let name = format!("shop-{}-120000.sqlite", day.format("%Y%m%d"));
        std::fs::copy(&first.path, folder.join(name)).expect("copy");
    }
    std::fs::write(folder.join("notes.txt"), "mine").expect("a file of the user's");
    ws.backup_now(BackupReason::Manual).expect("backup");
    let kept = list_backups(&path).expect("list");
    // Both of today's (less than 24 hours old), the six days before, then four weekly copies.
    assert_eq!(kept.len(), 12, "{:?}", kept.iter().map(|b| b.taken_at).collect::<Vec<_>>());
    assert_eq!(kept[0].taken_at.date(), now);
    assert_eq!(kept[1].taken_at.date(), now);
    assert_eq!(kept[7].taken_at.date(), now - chrono::Duration::days(6));
    let weeks: Vec<_> = kept[8..].iter().map(|b| b.taken_at.date().iso_week()).collect();
    for pair in weeks.windows(2) {
        assert_ne!(pair[0], pair[1]);
    }
    assert!(kept.windows(2).all(|w| w[0].taken_at >= w[1].taken_at), "newest first");
    assert!(folder.join("notes.txt").exists(), "other files are left alone");
}

#[test]
fn restore_backs_up_the_current_state_then_replaces_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.sqlite");
    let ws = demo(&path, 60, 1);
    let original = dump(&path);
    let backup = dir.path().join("saved.sqlite");
    ws.backup_to(&backup).expect("backup to a file");
    drop(ws);
    let changed = demo(&path, 90, 2);
    let changed_tables = dump(&path);
    assert_ne!(changed_tables, original);

    // The app's connection stays open while the CLI restores.
    let before = restore_backup(&path, &backup).expect("restore").expect("current state backed up");
    assert_eq!(dump(&before.path), changed_tables);
    assert_eq!(dump(&path), original);
    assert_eq!(
        changed.report(None).expect("report").customers(),
        60,
        "an open connection sees the restored data"
    );
    assert_eq!(changed.personas().expect("personas").len(), 4);
}

#[test]
fn a_backup_that_is_not_a_workspace_is_refused_before_anything_is_touched() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("w.sqlite");
    drop(demo(&path, 20, 1));
    let original = dump(&path);
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "not a database at all, but long enough to have a header …………………………………………………………")
        .expect("write");
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).expect("open").execute_batch("CREATE TABLE t (x)").expect("table");
    let newer = dir.path().join("newer.sqlite");
    std::fs::copy(&path, &newer).expect("copy");
    rusqlite::Connection::open(&newer).expect("open").pragma_update(None, "user_version", 99).expect("v99");
    let missing = dir.path().join("missing.sqlite");
    type Expected = fn(&StoreError) -> bool;
    let cases: [(&PathBuf, Expected); 5] = [
        (&text, |e| matches!(e, StoreError::NotAWorkspace { .. })),
        (&other, |e| matches!(e, StoreError::NotAWorkspace { .. })),
        (&newer, |e| matches!(e, StoreError::NewerVersion { .. })),
        (&missing, |e| matches!(e, StoreError::Io { .. })),
        (&path, |e| matches!(e, StoreError::SameFile { .. })),
    ];
    for (file, expected) in cases {
        let err = restore_backup(&path, file).expect_err("refused");
        assert!(expected(&err), "{}: {err}", file.display());
        assert!(err.to_string().contains(&file.display().to_string()), "names the file: {err}");
        assert_eq!(dump(&path), original, "{}", file.display());
    }
    assert!(list_backups(&path).expect("list").is_empty(), "no backup taken for a refused restore");
}

#[test]
fn cli_backup_backups_restore() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let out = fanpath(&db, &["demo", "--customers", "50"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let original = dump(&db);

    let out = fanpath(&db, &["backup"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&backup_dir(&db).display().to_string()), "{}", stdout(&out));
    let saved = dir.path().join("saved.sqlite");
    let out = fanpath(&db, &["backup", path_str(&saved)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dump(&saved), original);
    assert_fails(&fanpath(&db, &["backup", path_str(&db)]), &["is the workspace itself"]);

    // demo --replace backs up first.
    let out = fanpath(&db, &["demo", "--customers", "70", "--seed", "9", "--replace"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Backed up the workspace to"), "{}", stderr(&out));
    let out = fanpath(&db, &["backups"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = stdout(&out);
    // Both of today's backups are kept; the newest, taken before the demo was replaced,
    // holds the old demo.
    assert_eq!(listing.lines().count(), 2, "{listing}");
    let newest = listing.lines().next().unwrap_or_default();
    assert!(newest.contains("4 personas") && newest.contains("50 customers"), "{listing}");

    let out = fanpath(&db, &["restore", path_str(&saved)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Backed up the current state to"), "{}", stdout(&out));
    assert_eq!(dump(&db), original);
    let listing = stdout(&fanpath(&db, &["backups"]));
    assert!(listing.lines().any(|l| l.contains("70 customers")), "the replaced demo was kept: {listing}");

    let empty = dir.path().join("none.sqlite");
    let out = fanpath(&empty, &["backups"]);
    assert!(stdout(&out).contains("No backups"), "{}", stdout(&out));
}

#[test]
fn cli_export_and_import_workspace() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    assert!(fanpath(&db, &["demo", "--customers", "80"]).status.success());
    let json = dir.path().join("ws.json");
    let out = fanpath(&db, &["export", "workspace", path_str(&json)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("80 customers"), "{}", stdout(&out));

    let copy = dir.path().join("copy.sqlite");
    let out = fanpath(&copy, &["import", "workspace", path_str(&json)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Imported 4 personas,"), "{}", stdout(&out));
    assert_eq!(dump(&copy), dump(&db));

    assert_fails(
        &fanpath(&copy, &["import", "workspace", path_str(&json)]),
        &["already holds data", "--replace"],
    );
    let out = fanpath(&copy, &["import", "workspace", path_str(&json), "--replace"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(dump(&copy), dump(&db));
    assert_fails(
        &fanpath(&copy, &["import", "customers", path_str(&json), "--replace"]),
        &["--replace is for"],
    );
    let foreign = dir.path().join("foreign.json");
    std::fs::write(&foreign, "{\"hello\": 1}").expect("write");
    assert_fails(
        &fanpath(&copy, &["import", "workspace", path_str(&foreign), "--replace"]),
        &["is not a Fanpath workspace file"],
    );
    assert_eq!(dump(&copy), dump(&db));
    // A refused file into a new path leaves no workspace there.
    let fresh = dir.path().join("fresh.sqlite");
    assert_fails(
        &fanpath(&fresh, &["import", "workspace", path_str(&foreign)]),
        &["is not a Fanpath workspace file"],
    );
    assert!(!fresh.exists());
}

#[test]
fn a_large_csv_import_backs_up_first_and_a_small_one_does_not() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    assert!(fanpath(&db, &["demo", "--customers", "20"]).status.success());
    let small = dir.path().join("small.csv");
    std::fs::write(&small, "customer_id,persona,stage,reached_at\nX1,Hằng,1,2024-03-01\n").expect("write");
    let out = fanpath(&db, &["import", "customers", path_str(&small)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(list_backups(&db).expect("list").is_empty(), "a small import needs no backup");

    // 12,000 rows of about 50 bytes: past the 512 KB threshold.
    let mut csv = String::from("customer_id,persona,stage,reached_at\n");
    for n in 0..12_000 {
        csv.push_str(&format!("CUSTOMER-{n:08},Khách hàng mới,{},2024-03-{:02}\n", n % 8 + 1, n % 28 + 1));
    }
    assert!(csv.len() as u64 >= fanpath::store::backup::LARGE_IMPORT_BYTES);
    let large = dir.path().join("large.csv");
    std::fs::write(&large, csv).expect("write");
    let out = fanpath(&db, &["import", "customers", path_str(&large)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Backed up the workspace to"), "{}", stderr(&out));
    let backups = list_backups(&db).expect("list");
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].customers, Some(21), "the state before the import");
}
