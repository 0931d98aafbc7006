//! End-to-end tests of the `fanpath` command.

mod common;

use common::{assert_fails, fanpath, stderr, stdout};

#[test]
fn import_then_report_as_json_and_table() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let csv = dir.path().join("customers.csv");
    std::fs::write(
        &csv,
        "customer_id;persona;stage;reached_at\r\n\
         1;Hằng;1;01/03/2024\r\n1;Hằng;2;03/03/2024\r\n1;Hằng;3;04/03/2024\r\n\
         2;Khoa;1;2024-03-01\r\n2;Khoa;2;2024-03-02\r\n\
         3;Khoa;1;2024-03-05\r\n",
    )
    .expect("write");
    let out = fanpath(&db, &["import", "customers", csv.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("6 rows read: 6 events added"), "{}", stdout(&out));
    assert!(stdout(&out).contains("New personas: Hằng, Khoa."), "{}", stdout(&out));

    let emotions = dir.path().join("emotions.csv");
    std::fs::write(&emotions, "persona,stage,score\nHằng,3,-4\nKhoa,3,-2\nKhoa,1,+2\n").expect("write");
    let out = fanpath(&db, &["import", "emotions", emotions.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = fanpath(&db, &["report", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["customers"], 3);
    assert_eq!(json["stages"][0]["reached"], 3);
    assert_eq!(json["stages"][1]["reached"], 2);
    assert_eq!(json["stages"][1]["median_days_from_start"], 1.5);
    assert_eq!(json["stages"][2]["reached"], 1);
    assert_eq!(
        json["stages"][2]["emotion"],
        serde_json::json!({"entries": 2, "mean": -3.0, "min": -4, "max": -2})
    );
    assert_eq!(json["biggest_drop_off"]["from"], 3);
    assert_eq!(json["personas"][0]["name"], "Hằng");

    let out = fanpath(&db, &["report", "--persona", "KHOA", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!((json["customers"].as_u64(), json["persona"].as_str()), (Some(2), Some("Khoa")));

    let out = fanpath(&db, &["report"]);
    assert!(out.status.success());
    let table = stdout(&out);
    assert!(table.contains("3 Validation"), "{table}");
    assert!(table.contains("Biggest drop-off: Validation → Kickoff"), "{table}");
    // Numbers read as in the app: "100.0 %" (one formatter), signed means.
    assert!(table.contains("went no further (100.0 %)."), "{table}");
    assert!(table.contains("-3.0"), "{table}");

    let out = fanpath(&db, &["report", "--persona", "Nobody"]);
    assert_fails(&out, &["no persona called \"Nobody\"", "Hằng, Khoa"]);
}

#[test]
fn demo_then_report() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.sqlite");
    let out = fanpath(&db, &["demo", "--customers", "300"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("300 customers"), "{}", stdout(&out));
    let out = fanpath(&db, &["report"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Funnel of all personas: 300 customers"), "{}", stdout(&out));
    assert!(stdout(&out).contains("Nguyễn Thị Hằng"), "{}", stdout(&out));

    let out = fanpath(&db, &["demo"]);
    assert_fails(&out, &["already holds data", "--replace", &db.display().to_string()]);
    let out = fanpath(&db, &["demo", "--customers", "20", "--replace"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn bad_files_fail_with_a_message_and_exit_code_1() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "customer_id,persona,stage,reached_at\n1,A,1,2024-01-01\n2,A,nine,2024-01-01\n")
        .expect("write");
    let out = fanpath(&db, &["import", "customers", bad.to_str().expect("path")]);
    assert_fails(&out, &["bad.csv", "line 3: unknown stage \"nine\"", "--skip-invalid"]);
    let out = fanpath(&db, &["import", "customers", bad.to_str().expect("path"), "--skip-invalid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Skipped 1 invalid rows"), "{}", stdout(&out));

    let missing = dir.path().join("missing.csv");
    let fresh = dir.path().join("fresh.sqlite");
    let out = fanpath(&fresh, &["import", "customers", missing.to_str().expect("path")]);
    assert_fails(&out, &["missing.csv"]);
    assert!(!fresh.exists(), "no workspace is created for a file that does not exist");

    // A picture renamed to .csv.
    let png = dir.path().join("photo.csv");
    let mut bytes = Vec::new();
    image::RgbaImage::from_pixel(8, 8, image::Rgba([200, 10, 10, 255]))
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .expect("png");
    std::fs::write(&png, &bytes).expect("write");
    let out = fanpath(&db, &["import", "emotions", png.to_str().expect("path")]);
    assert_fails(&out, &["photo.csv", "not UTF-8"]);

    // A directory is not a CSV file either.
    let out = fanpath(&db, &["import", "customers", dir.path().to_str().expect("path")]);
    assert_fails(&out, &[&dir.path().display().to_string()]);

    // Report on a workspace that does not exist.
    let out = fanpath(&dir.path().join("nowhere.sqlite"), &["report"]);
    assert_fails(&out, &["nowhere.sqlite", "does not exist"]);
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let not_db = dir.path().join("notes.txt");
    let content = "these are my notes, not a database\n".repeat(20);
    std::fs::write(&not_db, &content).expect("write");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "customer_id,persona,stage,reached_at\n1,A,1,2024-01-01\n").expect("write");
    for args in [vec!["report"], vec!["import", "customers", csv.to_str().expect("path")], vec!["demo"]] {
        let out = fanpath(&not_db, &args);
        assert_fails(&out, &["notes.txt", "is not a Fanpath workspace"]);
        assert_eq!(std::fs::read_to_string(&not_db).expect("read"), content);
    }
}
