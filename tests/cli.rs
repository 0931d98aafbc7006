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

// Journey versions (issue #10 §1, §2).

/// A demo workspace with a to-be copy of "Current" whose Validation target for the first
/// persona is +4; returns the number of personas.
fn demo_with_a_to_be_version(db: &std::path::Path) -> usize {
    use fanpath::model::{JourneyVersion, Score, Stage, VersionKind};
    use fanpath::store::edit::Edit;
    let out = fanpath(db, &["demo", "--customers", "200"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut ws = fanpath::store::Workspace::open(db).expect("open");
    let current = ws.first_version().expect("current");
    let card = JourneyVersion {
        kind: VersionKind::ToBe,
        launch_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 15),
        ..JourneyVersion::named("Tết 2027")
    };
    Edit::CreateVersion(Box::new(card), Some(current)).apply(&mut ws).expect("copy");
    let to_be = ws.version_named("tết 2027", &[]).expect("found");
    let personas = ws.personas().expect("personas");
    let score = Some(Score::new(4).expect("score"));
    Edit::SetTarget { version: to_be, persona: personas[0].id, stage: Stage::Validation, score }
        .apply(&mut ws)
        .expect("target");
    personas.len()
}

#[test]
fn versions_are_listed_with_kind_launch_date_and_touchpoints() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("versions.sqlite");
    demo_with_a_to_be_version(&db);
    let touchpoints = {
        let ws = fanpath::store::Workspace::open_read_only(&db).expect("open");
        ws.version_touchpoints(ws.first_version().expect("v"), None).expect("tps").len()
    };
    let out = fanpath(&db, &["versions"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<String> =
        stdout(&out).lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    assert_eq!(lines[0], "Version Kind Launch date Touchpoints");
    assert_eq!(lines[1], format!("Current As-is – {touchpoints}"));
    // The demo's own to-be version (launched half a year before the demo's day), then ours.
    assert!(lines[2].starts_with("Tháng đầu suôn sẻ To-be "), "{}", lines[2]);
    assert_eq!(lines[3], format!("Tết 2027 To-be 2027-01-15 {touchpoints}"));
    assert_eq!(lines.len(), 4);
}

#[test]
fn report_version_uses_that_versions_targets_and_touchpoints() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("versions.sqlite");
    let personas = demo_with_a_to_be_version(&db);
    let out = fanpath(&db, &["report", "--version", "TẾT 2027", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["version"]["name"], "Tết 2027");
    assert_eq!(json["version"]["kind"], "to_be");
    assert_eq!(json["version"]["launch_date"], "2027-01-15");
    // Validation (stage 3): one persona at +4, the others at the model's level.
    let expected = f64::from(fanpath::model::Stage::Validation.expected_score());
    let mean = (4.0 + expected * (personas - 1) as f64) / personas as f64;
    let validation = json["targets"][2].as_f64().expect("number");
    assert!((validation - mean).abs() < 1e-9, "{validation} vs {mean}");
    assert!(!json["findings"].as_array().expect("findings").is_empty());
    // The funnel keys are still there.
    assert!(json["stages"].as_array().is_some_and(|s| s.len() == 8));

    let out = fanpath(&db, &["report", "--version", "Hiện tại"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Journey version: Current (As-is)"), "{text}");
    assert!(text.contains("Findings:\n- "), "{text}");
    let out = fanpath(&db, &["report", "--version", "Nobody"]);
    assert_fails(&out, &["no journey version called \"Nobody\"", "Current, Tháng đầu suôn sẻ, Tết 2027"]);
}

#[test]
fn export_chart_compare_draws_a_1600_by_900_png() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("versions.sqlite");
    demo_with_a_to_be_version(&db);
    let png = dir.path().join("compare.png");
    let png_arg = png.to_str().expect("path");
    let out = fanpath(&db, &["export", "chart", "compare", png_arg, "--versions", "Current", "Tết 2027"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Current → Tết 2027"), "{}", stdout(&out));
    let image = image::open(&png).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1600, 900));

    let out = fanpath(
        &db,
        &[
            "export",
            "chart",
            "compare",
            png_arg,
            "--versions",
            "Current",
            "Tết 2027",
            "--persona",
            "nguyễn thị hằng",
            "--language",
            "vi",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = fanpath(&db, &["export", "chart", "compare", png_arg]);
    assert_fails(&out, &["--versions A B"]);
}
