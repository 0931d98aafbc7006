//! The workspace file is never refused when intact, never created or written by a command
//! that only reads, and never lost through the menu (issue #9, points 1 and 4).

mod common;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use chrono::NaiveDate;
use common::{assert_fails, fanpath, stderr, stdout};
use fanpath::model::Persona;
use fanpath::store::edit::Edit;
use fanpath::store::{DemoOptions, StoreError, Workspace};
use fanpath::ui::{FanpathApp, Settings};
use rusqlite::Connection;

const DEMO_CUSTOMERS: u64 = 300;
/// Customers written into the WAL and left there, never checkpointed.
const WAL_CUSTOMERS: u64 = 5_000;

fn demo_workspace(path: &Path, customers: u64) {
    let mut workspace = Workspace::open(path).expect("create");
    let mut options = DemoOptions::new(NaiveDate::from_ymd_opt(2025, 1, 31).expect("date"));
    options.customers = customers;
    workspace.write_demo(&options).expect("demo");
}

fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn report_customers(db: &Path) -> u64 {
    let out = fanpath(db, &["report", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    json["customers"].as_u64().expect("a count")
}

/// The last copy of page 1 in a WAL file: what a checkpoint writes into the main file first.
fn newest_page_one(wal: &[u8]) -> Vec<u8> {
    let page_size = u32::from_be_bytes([wal[8], wal[9], wal[10], wal[11]]) as usize;
    let frame = 24 + page_size;
    let mut newest = None;
    let mut offset = 32;
    while offset + frame <= wal.len() {
        let page = u32::from_be_bytes([wal[offset], wal[offset + 1], wal[offset + 2], wal[offset + 3]]);
        if page == 1 {
            newest = Some(wal[offset + 24..offset + frame].to_vec());
        }
        offset += frame;
    }
    newest.expect("page 1 is in every commit that grows the file")
}

/// A workspace as a crash in the middle of a checkpoint leaves it: the main file holds
/// the new first page (whose header counts pages the main file does not have yet) and
/// the committed WAL beside it holds everything else. Returns its path.
fn crashed_mid_checkpoint(dir: &Path) -> PathBuf {
    let original = dir.join("live.sqlite");
    demo_workspace(&original, DEMO_CUSTOMERS);
    let writer = Connection::open(&original).expect("raw");
    writer.pragma_update(None, "wal_autocheckpoint", 0).expect("no checkpoint");
    writer
        .execute_batch(&format!(
            "BEGIN;
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {WAL_CUSTOMERS})
             INSERT INTO customers (external_id, persona_id, first_at, last_at, furthest_stage)
             SELECT 'wal-' || i, NULL, 0, 86400, 2 FROM n;
             INSERT INTO stage_events (customer_id, stage, reached_at, days_from_start, persona_id)
             SELECT id, 1, 0, 0.0, NULL FROM customers WHERE external_id LIKE 'wal-%';
             INSERT INTO stage_events (customer_id, stage, reached_at, days_from_start, persona_id)
             SELECT id, 2, 86400, 1.0, NULL FROM customers WHERE external_id LIKE 'wal-%';
             COMMIT;"
        ))
        .expect("rows that stay in the WAL");
    // Copied while the writer is open: the WAL is committed and not yet checkpointed.
    let crashed = dir.join("crashed.sqlite");
    let mut main = std::fs::read(&original).expect("main file");
    let wal = std::fs::read(companion(&original, "-wal")).expect("wal");
    drop(writer);
    let page_one = newest_page_one(&wal);
    main[..page_one.len()].copy_from_slice(&page_one);
    std::fs::write(&crashed, &main).expect("main copy");
    std::fs::write(companion(&crashed, "-wal"), &wal).expect("wal copy");

    let pages = u64::from(u32::from_be_bytes([main[28], main[29], main[30], main[31]]));
    let page_size = u64::from(u16::from_be_bytes([main[16], main[17]]));
    assert!(
        pages * page_size > main.len() as u64,
        "the header must promise more pages than the main file holds, as after a crash mid-checkpoint"
    );
    crashed
}

#[test]
fn a_committed_wal_left_by_a_crash_mid_checkpoint_is_intact_for_every_command() {
    let dir = tempfile::tempdir().expect("dir");
    let db = crashed_mid_checkpoint(dir.path());
    let expected = DEMO_CUSTOMERS + WAL_CUSTOMERS;
    let before = std::fs::read(&db).expect("read");

    // Commands that only read see every row, and leave the main file as it was.
    assert_eq!(report_customers(&db), expected);
    let out = fanpath(&db, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "ok\n");
    let csv = dir.path().join("funnel.csv");
    let out = fanpath(&db, &["export", "funnel", csv.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(5,300 customers)"), "{}", stdout(&out));
    assert_eq!(std::fs::read(&db).expect("read"), before, "reading never writes");

    // The window's open, for writing.
    {
        let workspace = Workspace::open_or_view(&db).expect("the window opens it");
        assert!(!workspace.is_read_only());
        assert_eq!(workspace.report(None).expect("report").customers(), expected);
    }

    // An import adds to every row that was there.
    let customers = dir.path().join("c.csv");
    std::fs::write(&customers, "customer_id,persona,stage,reached_at\nnew-1,Hằng,1,2024-01-01\n")
        .expect("csv");
    let out = fanpath(&db, &["import", "customers", customers.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(report_customers(&db), expected + 1);
    let out = fanpath(&db, &["check"]);
    assert_eq!(stdout(&out), "ok\n", "{}", stderr(&out));
}

#[test]
fn a_cut_file_is_still_refused_as_damaged_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let whole = dir.path().join("whole.sqlite");
    demo_workspace(&whole, DEMO_CUSTOMERS);
    let bytes = std::fs::read(&whole).expect("read");
    let cut = dir.path().join("cut.sqlite");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    for args in [&["report"][..], &["check"], &["demo"]] {
        let out = fanpath(&cut, args);
        assert_fails(&out, &["cut.sqlite", "is damaged", "left untouched"]);
        assert_eq!(std::fs::read(&cut).expect("read"), &bytes[..bytes.len() / 2]);
    }
}

#[test]
fn report_export_and_check_never_create_or_write_a_workspace() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("missing.sqlite");
    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").expect("empty file");
    let csv = dir.path().join("out.csv");
    let csv = csv.to_str().expect("path");
    let png = dir.path().join("out.png");
    let png = png.to_str().expect("path");
    let commands: [&[&str]; 4] =
        [&["report"], &["export", "funnel", csv], &["export", "chart", "funnel", png], &["check"]];
    for args in commands {
        let out = fanpath(&missing, args);
        assert_fails(&out, &["missing.sqlite does not exist", "no workspace there"]);
        assert!(!missing.exists(), "{args:?} created a workspace");
        let out = fanpath(&empty, args);
        assert_fails(&out, &["empty.sqlite is empty", "no workspace"]);
        assert_eq!(std::fs::metadata(&empty).expect("meta").len(), 0, "{args:?} wrote into the empty file");
        assert!(!companion(&empty, "-wal").exists() && !companion(&empty, "-journal").exists());
    }
    assert!(!Path::new(csv).exists() && !Path::new(png).exists());

    // A real workspace: read, never written.
    let db = dir.path().join("ws.sqlite");
    demo_workspace(&db, 50);
    let before = std::fs::read(&db).expect("read");
    for args in commands {
        let out = fanpath(&db, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn a_failed_import_leaves_no_new_workspace_behind() {
    let dir = tempfile::tempdir().expect("dir");
    let invalid = dir.path().join("invalid.csv");
    std::fs::write(&invalid, "customer_id,persona,stage,reached_at\n1,A,nine,2024-01-01\n").expect("csv");
    let no_header = dir.path().join("no_header.csv");
    std::fs::write(&no_header, "a,b\n1,2\n").expect("csv");
    let folder = dir.path().join("a folder.csv");
    std::fs::create_dir(&folder).expect("dir");
    for csv in [&invalid, &no_header, &folder, &dir.path().join("missing.csv")] {
        let fresh = dir.path().join("fresh.sqlite");
        let out = fanpath(&fresh, &["import", "customers", csv.to_str().expect("path")]);
        assert_fails(&out, &[&csv.file_name().expect("name").to_string_lossy()]);
        for file in [fresh.clone(), companion(&fresh, "-wal"), companion(&fresh, "-shm")] {
            assert!(!file.exists(), "{} left behind by a failed import of {}", file.display(), csv.display());
        }
        let empty = dir.path().join("empty.sqlite");
        std::fs::write(&empty, b"").expect("empty");
        let out = fanpath(&empty, &["import", "emotions", csv.to_str().expect("path")]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert_eq!(std::fs::metadata(&empty).expect("still there").len(), 0);
    }
    // The workspace path is a folder: refused, nothing made inside it.
    let out = fanpath(&folder, &["import", "customers", invalid.to_str().expect("path")]);
    assert_fails(&out, &["a folder.csv"]);
    assert_eq!(std::fs::read_dir(&folder).expect("list").count(), 0);
}

/// Overwrites the first bytes of an index's root page: the file opens (its first page is
/// intact), and only a check that reads every page finds the damage.
fn damage_an_index(path: &Path) {
    let conn = Connection::open(path).expect("raw");
    let (root, page_size): (i64, i64) = conn
        .query_row(
            "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = 'stage_events_by_stage'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("root page");
    drop(conn);
    let mut bytes = std::fs::read(path).expect("read");
    let start = usize::try_from((root - 1) * page_size).expect("offset");
    bytes[start..start + 64].fill(0x55);
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn check_prints_ok_or_the_problems_and_never_writes() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    demo_workspace(&db, DEMO_CUSTOMERS);
    let out = fanpath(&db, &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "ok\n");

    damage_an_index(&db);
    let before = std::fs::read(&db).expect("read");
    let out = fanpath(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!stdout(&out).is_empty() && !stdout(&out).starts_with("ok"), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.starts_with("error: ") && err.contains("ws.sqlite is damaged"), "{err}");
    assert!(err.contains("integrity check found"), "{err}");
    assert_eq!(std::fs::read(&db).expect("read"), before, "check never writes");
    // Opening stays cheap: the damage is in a page that opening does not read.
    Workspace::open_read_only(&db).expect("opens without reading every page");
}

fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        // Root writes through any permission bit, so permission tests prove nothing there.
        let probe = tempfile::tempdir().expect("dir");
        let file = probe.path().join("probe");
        std::fs::write(&file, b"x").expect("write");
        let mut permissions = std::fs::metadata(&file).expect("meta").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&file, permissions).expect("chmod");
        std::fs::OpenOptions::new().append(true).open(&file).is_ok()
    }
    #[cfg(not(unix))]
    {
        false
    }
}

fn set_read_only(path: &Path, read_only: bool) {
    let mut permissions = std::fs::metadata(path).expect("meta").permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o755 } else { 0o644 };
        permissions.set_mode(if read_only { mode & 0o555 } else { mode });
    }
    #[cfg(not(unix))]
    permissions.set_readonly(read_only);
    std::fs::set_permissions(path, permissions).expect("chmod");
}

#[test]
fn a_workspace_opened_for_viewing_refuses_edits_by_name_and_is_not_written() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("chỉ xem.sqlite");
    demo_workspace(&db, 20);
    let before = std::fs::read(&db).expect("read");
    let mut workspace = Workspace::open_read_only(&db).expect("open for viewing");
    assert!(workspace.is_read_only());
    assert_eq!(workspace.report(None).expect("report").customers(), 20);
    let err =
        Edit::CreatePersona(Box::new(Persona::named("Mới"))).apply(&mut workspace).expect_err("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("chỉ xem.sqlite is read-only"), "{message}");

    // The window: the edit is refused with that message, not an SQL error.
    let mut app = FanpathApp::new(workspace, Settings::default());
    app.send(Edit::CreatePersona(Box::new(Persona::named("Mới"))));
    app.apply_commands(&egui::Context::default());
    let Some(fanpath::ui::state::Dialog::Error(shown)) = &app.dialog else { panic!("{:?}", app.dialog) };
    assert!(shown.contains("is read-only"), "{shown}");
    drop(app);
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

#[test]
fn read_only_files_and_folders_say_read_only_and_open_for_viewing() {
    if running_as_root() {
        eprintln!("skipped: root ignores file permissions");
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    demo_workspace(&db, 20);
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "customer_id,persona,stage,reached_at\nk,A,1,2024-01-01\n").expect("csv");

    set_read_only(&db, true);
    let out = fanpath(&db, &["import", "customers", csv.to_str().expect("path")]);
    assert_fails(&out, &["ws.sqlite is read-only"]);
    assert_eq!(report_customers(&db), 20);
    let workspace = Workspace::open_or_view(&db).expect("opens for viewing");
    assert!(workspace.is_read_only());
    drop(workspace);
    set_read_only(&db, false);

    // A read-only folder: SQLite cannot create its -wal and -shm files there.
    let folder = dir.path().join("shelf");
    std::fs::create_dir(&folder).expect("dir");
    let shelved = folder.join("ws.sqlite");
    demo_workspace(&shelved, 20);
    set_read_only(&folder, true);
    let out = fanpath(&shelved, &["import", "customers", csv.to_str().expect("path")]);
    assert_fails(&out, &["ws.sqlite is read-only"]);
    assert_eq!(report_customers(&shelved), 20);
    let workspace = Workspace::open_or_view(&shelved).expect("opens for viewing");
    assert!(workspace.is_read_only());
    assert_eq!(workspace.report(None).expect("report").customers(), 20);
    drop(workspace);
    set_read_only(&folder, false);
}

#[test]
fn save_a_copy_refuses_the_open_file_and_replaces_the_target_only_when_complete() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    demo_workspace(&db, DEMO_CUSTOMERS);
    let mut workspace = Workspace::open(&db).expect("open");
    let same_file = [db.clone(), dir.path().join(".").join("ws.sqlite"), dir.path().join("sub/../ws.sqlite")];
    std::fs::create_dir(dir.path().join("sub")).expect("sub");
    #[cfg(unix)]
    let same_file = {
        let link = dir.path().join("link.sqlite");
        std::os::unix::fs::symlink(&db, &link).expect("symlink");
        let mut all = same_file.to_vec();
        all.push(link);
        all
    };
    for target in &same_file {
        let err = workspace.save_copy(target).expect_err("the open file is refused");
        assert!(matches!(err, StoreError::CopyOntoItself { .. }), "{target:?}: {err:?}");
        assert!(err.to_string().contains("is the workspace you have open"), "{err}");
    }
    // The workspace is intact and still takes edits.
    Edit::CreatePersona(Box::new(Persona::named("Sau khi sao"))).apply(&mut workspace).expect("edit");

    let copy = dir.path().join("copy.sqlite");
    std::fs::write(&copy, b"an older file in the way").expect("old file");
    workspace.save_copy(&copy).expect("copy");
    let copied = Workspace::open_read_only(&copy).expect("the copy is a workspace");
    assert_eq!(copied.report(None).expect("report").customers(), DEMO_CUSTOMERS);
    assert!(copied.persona_by_name("Sau khi sao").expect("query").is_some(), "the copy has the latest edit");
    copied.check_integrity().expect("the copy is intact");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".partial")), "{names:?}");

    // A folder that does not exist: nothing is written, the error names the target.
    let nowhere = dir.path().join("no such folder/copy.sqlite");
    let err = workspace.save_copy(&nowhere).expect_err("no folder");
    assert!(err.to_string().contains("no such folder"), "{err}");
}

#[test]
fn many_first_opens_of_one_new_file_at_once_all_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    for round in 0..40 {
        let path = dir.path().join(format!("new-{round}.sqlite"));
        let barrier = Arc::new(Barrier::new(3));
        let openers: Vec<_> = (0..3)
            .map(|_| {
                let (path, barrier) = (path.clone(), Arc::clone(&barrier));
                std::thread::spawn(move || {
                    barrier.wait();
                    Workspace::open(&path).map(|ws| ws.report(None).map(|r| r.customers()))
                })
            })
            .collect();
        for opener in openers {
            let opened = opener.join().expect("no panic");
            assert!(matches!(opened, Ok(Ok(0))), "round {round}: {opened:?}");
        }
    }
}

#[test]
fn a_lock_held_by_another_fanpath_is_named_once() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("busy.sqlite");
    demo_workspace(&db, 20);
    let holder = Connection::open(&db).expect("raw");
    holder
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM emotions WHERE id = -1;")
        .expect("hold the write lock");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "customer_id,persona,stage,reached_at\nk,A,1,2024-01-01\n").expect("csv");
    let out = fanpath(&db, &["import", "customers", csv.to_str().expect("path")]);
    assert_fails(&out, &["busy.sqlite is in use by another Fanpath (a window or a command)"]);
    let err = stderr(&out);
    assert_eq!(err.matches("locked").count() + err.matches("in use").count(), 1, "{err}");
    // Reading is not blocked by a writer (WAL).
    assert_eq!(report_customers(&db), 20);
    holder.execute_batch("ROLLBACK").expect("release");
}

#[test]
fn two_imports_creating_one_new_workspace_at_once_both_succeed() {
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "customer_id,persona,stage,reached_at\nk1,An,1,2024-01-01\nk2,Bình,2,2024-01-02\n")
        .expect("csv");
    for round in 0..12 {
        let db = dir.path().join(format!("new-{round}.sqlite"));
        let children: Vec<_> = (0..2)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_fanpath"))
                    .arg("--db")
                    .arg(&db)
                    .args(["import", "customers"])
                    .arg(&csv)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        assert_eq!(report_customers(&db), 2, "round {round}");
    }
}
