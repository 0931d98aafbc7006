//! `fanpath import opportunities` and `fanpath export opportunities` as a process: the
//! round trip, all-or-nothing refusal with line numbers, and the options.

mod common;

use common::{assert_fails, fanpath, stderr, stdout};
use fanpath::model::{OpportunityStatus, Stage};
use fanpath::store::Workspace;

/// A workspace with two personas, made through the CLI like a user would.
fn workspace_with_personas(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("ws.sqlite");
    let emotions = dir.join("emotions.csv");
    std::fs::write(&emotions, "persona,stage,score\nHằng,3,-4\nKhoa,1,+2\n").expect("write");
    let out = fanpath(&db, &["import", "emotions", emotions.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn path(p: &std::path::Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Semicolons, CRLF, a BOM, Vietnamese status names, a quoted note over two lines, a
/// formula-looking owner, empty optional cells.
const GOOD: &str = "\u{feff}title;stage;persona;status;value;effort;owner;evidence;note;created\r\n\
    Gọi điện chào mừng;Kickoff;hằng;Đang làm;5;2;Linh;Ba khách nói không ai gọi;\"thử ở\r\nhai cửa hàng\";2026-01-05\r\n\
    Bảng giá rõ ràng;1;;idea;4;1;'=Bảo;;;2026-01-06\r\n\
    Thẻ thành viên;adoption;Khoa;dropped;2;5;;;;2026-01-07\r\n";

#[test]
fn import_export_import_round_trips() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace_with_personas(dir.path());
    let csv = dir.path().join("opportunities.csv");
    std::fs::write(&csv, GOOD).expect("write");
    let out = fanpath(&db, &["import", "opportunities", path(&csv)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("3 rows read: 3 opportunities added, 0 already there"), "{}", stdout(&out));

    {
        let ws = Workspace::open_read_only(&db).expect("open");
        let list = ws.opportunities(None).expect("list");
        assert_eq!(list.len(), 3);
        let (_, first) = &list[0];
        assert_eq!((first.stage, first.status), (Stage::Kickoff, OpportunityStatus::InProgress));
        assert_eq!((first.value.get(), first.effort.get()), (5, 2));
        assert_eq!(first.note, "thử ở\r\nhai cửa hàng");
        assert_eq!(list[1].1.owner, "=Bảo", "the formula guard comes off on import");
        assert_eq!(list[1].1.persona, None);
        let open = ws.open_opportunities_per_stage(first.version, None).expect("counts");
        let mut expected = [0_u64; 8];
        expected[Stage::Kickoff.index()] = 1;
        expected[Stage::Evaluation.index()] = 1;
        assert_eq!(open, expected, "the dropped one is not open");
    }

    let exported = dir.path().join("out.csv");
    let out = fanpath(&db, &["export", "opportunities", path(&exported)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(&exported).expect("read");
    assert!(first.starts_with("\u{feff}title,stage,persona,status".as_bytes()));
    let text = String::from_utf8(first.clone()).expect("utf-8");
    assert!(text.contains("'=Bảo"), "formula-safe: {text}");
    assert!(text.contains("Kickoff,Hằng,in_progress,5,2,Linh"), "{text}");

    // Into a fresh workspace with the same personas: the same file comes out.
    let other_dir = tempfile::tempdir().expect("dir");
    let other = workspace_with_personas(other_dir.path());
    let out = fanpath(&other, &["import", "opportunities", path(&exported)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = other_dir.path().join("again.csv");
    let out = fanpath(&other, &["export", "opportunities", path(&again)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&again).expect("read"), first);

    // Importing the export again adds nothing.
    let out = fanpath(&other, &["import", "opportunities", path(&exported)]);
    assert!(stdout(&out).contains("0 opportunities added, 3 already there"), "{}", stdout(&out));
}

#[test]
fn a_bad_file_writes_nothing_and_names_every_line() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace_with_personas(dir.path());
    let csv = dir.path().join("bad.csv");
    std::fs::write(
        &csv,
        "title,stage,persona,status,value,effort\n\
         Fine,1,,,3,3\n\
         ,9,Nobody,maybe,0,6\n\
         Also fine,2,Khoa,planned,,\n",
    )
    .expect("write");
    let out = fanpath(&db, &["import", "opportunities", path(&csv)]);
    assert_fails(
        &out,
        &[
            "line 3: title is empty",
            "unknown stage \"9\"",
            "no persona is named \"Nobody\"",
            "unknown status \"maybe\"",
            "value \"0\" must be a whole number from 1 to 5",
            "effort \"6\"",
            "--skip-invalid",
        ],
    );
    let ws = Workspace::open_read_only(&db).expect("open");
    assert!(ws.opportunities(None).expect("list").is_empty(), "nothing written");
    drop(ws);

    let out = fanpath(&db, &["import", "opportunities", path(&csv), "--skip-invalid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 opportunities added"), "{}", stdout(&out));
    assert!(stdout(&out).contains("line 3:"), "{}", stdout(&out));
    let ws = Workspace::open_read_only(&db).expect("open");
    let list = ws.opportunities(None).expect("list");
    assert_eq!(list.len(), 2);
    // Empty value and effort are the middle of the scale.
    assert_eq!((list[1].1.value.get(), list[1].1.effort.get()), (3, 3));
}

#[test]
fn versions_are_chosen_by_name() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace_with_personas(dir.path());
    let csv = dir.path().join("o.csv");
    std::fs::write(&csv, "title,stage\nOne,1\n").expect("write");
    let out = fanpath(&db, &["import", "opportunities", path(&csv), "--version", "Nowhere"]);
    assert_fails(&out, &["no journey version called \"Nowhere\""]);
    let out = fanpath(&db, &["import", "opportunities", path(&csv), "--version", "current"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = fanpath(&db, &["import", "emotions", path(&csv), "--version", "current"]);
    assert_fails(&out, &["--version is for `import opportunities`"]);
    let exported = dir.path().join("e.csv");
    let out = fanpath(&db, &["export", "opportunities", path(&exported), "--version", "Nowhere"]);
    assert_fails(&out, &["no journey version called \"Nowhere\""]);
}
