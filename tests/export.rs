//! End-to-end tests of `fanpath export`.

mod common;

use std::path::Path;

use common::{assert_fails, fanpath, stderr, stdout};

use fanpath::model::{CustomerEvent, Stage};
use fanpath::store::Workspace;

fn event(customer: &str, persona: &str, stage: u8, at: &str) -> CustomerEvent {
    CustomerEvent {
        customer_id: customer.to_owned(),
        persona: persona.to_owned(),
        stage: Stage::from_number(stage).expect("stage"),
        reached_at: fanpath::model::date::parse_date_time(at).expect("date"),
    }
}

/// Three customers: Hằng's reaches Validation; Khoa's two stop at Acknowledgment and Evaluation.
fn workspace(db: &Path) {
    let mut ws = Workspace::open(db).expect("workspace");
    ws.import_customer_events([
        event("1", "Hằng", 1, "2024-03-01"),
        event("1", "Hằng", 2, "2024-03-03"),
        event("1", "Hằng", 3, "2024-03-04"),
        event("2", "Khoa", 1, "2024-03-01"),
        event("2", "Khoa", 2, "2024-03-02"),
        event("3", "Khoa", 1, "2024-03-05"),
    ])
    .expect("import");
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("read");
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).expect("starts with a UTF-8 BOM");
    assert!(body.windows(2).filter(|w| w == b"\r\n").count() == body.iter().filter(|b| **b == b'\n').count());
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn export_funnel_as_csv_and_json() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    workspace(&db);

    let csv = dir.path().join("phễu.csv");
    let out = fanpath(&db, &["export", "funnel", csv.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Wrote the funnel of all personas (3 customers) to"), "{}", stdout(&out));
    let rows = read_csv(&csv);
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[0][..3], ["stage", "name", "reached"]);
    assert_eq!(rows[1][..3], ["1", "Evaluation", "3"]);
    assert_eq!(
        rows[2][..8],
        ["2", "Acknowledgment", "2", "0.6666666666666666", "0.6666666666666666", "1", "0.5", "1.5"]
    );
    assert_eq!(rows[3][2], "1");

    // JSON equals `fanpath report --format json`, whatever the extension says with --format.
    let json = dir.path().join("funnel.txt");
    let out = fanpath(
        &db,
        &["export", "funnel", "--format", "json", "--persona", "KHOA", json.to_str().expect("path")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("persona Khoa (2 customers)"), "{}", stdout(&out));
    let report = fanpath(&db, &["report", "--persona", "khoa", "--format", "json"]);
    assert_eq!(std::fs::read_to_string(&json).expect("read"), stdout(&report));
    let value: serde_json::Value = serde_json::from_str(&stdout(&report)).expect("JSON");
    assert_eq!(value["customers"], 2);

    // The format from the extension; an existing file is replaced.
    let by_name = dir.path().join("FUNNEL.JSON");
    std::fs::write(&by_name, "old").expect("write");
    let out = fanpath(&db, &["export", "funnel", by_name.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&by_name).expect("read")).expect("JSON");
    assert_eq!(value["customers"], 3);
}

#[test]
fn export_funnel_errors_name_the_problem() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let csv = dir.path().join("funnel.csv");

    let out = fanpath(&db, &["export", "funnel", csv.to_str().expect("path")]);
    assert_fails(&out, &["does not exist"]);
    assert!(!db.exists(), "no workspace created");

    workspace(&db);
    let out = fanpath(&db, &["export", "funnel", "--persona", "Nobody", csv.to_str().expect("path")]);
    assert_fails(&out, &["no persona called \"Nobody\"", "Hằng, Khoa"]);
    assert!(!csv.exists());

    let unknown = dir.path().join("funnel.xlsx");
    let out = fanpath(&db, &["export", "funnel", unknown.to_str().expect("path")]);
    assert_fails(&out, &["funnel.xlsx", "--format csv"]);

    let nowhere = dir.path().join("missing folder").join("funnel.csv");
    let out = fanpath(&db, &["export", "funnel", nowhere.to_str().expect("path")]);
    assert_fails(&out, &["missing folder"]);
}
