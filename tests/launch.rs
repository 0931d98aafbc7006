//! `fanpath report --compare-launch`: before/after a launch, run as a process.

mod common;

use common::{assert_fails, fanpath, stderr, stdout};

/// 40 customers start in February and all reach Kickoff; 16 of them go on to Acclimation.
/// 40 start in March (from the launch on the 1st), all reach Kickoff, 30 go on. Five more
/// start on 25 March and are only at Evaluation: too young on 20 April with a 30-day
/// window, they must not count. Two start outside the window.
fn workspace(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("ws.sqlite");
    let csv = dir.join("customers.csv");
    let mut text = String::from("customer_id,persona,stage,reached_at\n");
    let mut customer = |id: String, day: &str, furthest: u8| {
        for stage in 1..=furthest {
            text.push_str(&format!("{id},Lan,{stage},{day}T{:02}:00:00\n", 8 + stage));
        }
    };
    for i in 0..40 {
        customer(format!("b{i}"), &format!("2024-02-{:02}", 1 + i % 28), if i < 16 { 5 } else { 4 });
        customer(format!("a{i}"), &format!("2024-03-{:02}", 1 + i % 20), if i < 30 { 5 } else { 4 });
    }
    for i in 0..5 {
        customer(format!("young{i}"), "2024-03-25", 1);
    }
    customer("old".to_owned(), "2024-01-15", 8);
    customer("late".to_owned(), "2024-04-02", 8);
    std::fs::write(&csv, text).expect("csv");
    let out = fanpath(&db, &["import", "customers", csv.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn compare_launch_as_json_with_hand_computed_test() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace(dir.path());
    let args = ["report", "--compare-launch", "2024-03-01", "--window", "30", "--today", "2024-04-20"];
    let out = fanpath(&db, &[&args[..], &["--format", "json"]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(json["launch_date"], "2024-03-01");
    assert_eq!(json["window_days"], 30);
    assert_eq!(json["before"]["customers"], 40);
    assert_eq!(json["after"]["customers"], 40, "the five young customers do not count");
    assert_eq!(json["after"]["last_day"], "2024-03-21");
    let stage = |n: usize| &json["stages"][n - 1];
    assert_eq!(
        (stage(4)["before_reached"].as_u64(), stage(4)["after_reached"].as_u64()),
        (Some(40), Some(40))
    );
    assert_eq!(
        (stage(5)["before_reached"].as_u64(), stage(5)["after_reached"].as_u64()),
        (Some(16), Some(30))
    );
    assert_eq!(stage(5)["before_step_conversion"], 0.4);
    assert_eq!(stage(5)["after_step_conversion"], 0.75);
    let points = stage(5)["difference_points"].as_f64().expect("points");
    assert!((points - 35.0).abs() < 1e-9, "{points}");
    // By hand: pooled 46/80 = 0.575, se = √(0.575 · 0.425 · (1/40 + 1/40)) = 0.110538,
    // z = 0.35 / 0.110538 = 3.16632, two-sided p = erfc(z/√2) = 0.0015438.
    let p = stage(5)["p_value"].as_f64().expect("p");
    assert!((p - 0.001_543_8).abs() < 1e-6, "{p}");
    assert_eq!(stage(5)["verdict"], "improved");
    // Everyone who started reached Kickoff in both groups: a pooled rate of 1, too few to test.
    assert_eq!(stage(2)["verdict"], "too_few");
    assert!(stage(2)["p_value"].is_null());
    assert!(stage(1)["verdict"].is_null());
    assert!(
        json["sentences"][3].as_str().is_some_and(|s| s
            == "Kickoff → Acclimation improved from 40.0 % to 75.0 % (+35.0 points, unlikely to be chance)"),
        "{}",
        json["sentences"]
    );

    let out = fanpath(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("5. Acclimation"), "{table}");
    assert!(table.contains("Before: 40 customers who started 2024-01-31 – 2024-02-29."), "{table}");
    assert!(table.contains("- Kickoff → Acclimation improved from 40.0 % to 75.0 %"), "{table}");
}

#[test]
fn compare_launch_refuses_what_it_cannot_read() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace(dir.path());
    let out = fanpath(&db, &["report", "--compare-launch", "Someday"]);
    assert_fails(&out, &["no journey version called \"Someday\"", "Current"]);
    let out = fanpath(&db, &["report", "--compare-launch", "2024-03-01", "--persona", "Nobody"]);
    assert_fails(&out, &["Nobody"]);
    let out = fanpath(&db, &["report", "--window", "30"]);
    assert_eq!(out.status.code(), Some(2), "--window needs --compare-launch: {}", stderr(&out));
}

#[test]
fn export_chart_launch_draws_a_1600_by_900_png() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace(dir.path());
    {
        // A to-be version launched on 1 March, the day the customers above were split on.
        let mut ws = fanpath::store::Workspace::open(&db).expect("open");
        let card = fanpath::model::JourneyVersion {
            kind: fanpath::model::VersionKind::ToBe,
            launch_date: chrono::NaiveDate::from_ymd_opt(2024, 3, 1),
            ..fanpath::model::JourneyVersion::named("Khai trương")
        };
        fanpath::store::edit::Edit::CreateVersion(Box::new(card), None).apply(&mut ws).expect("version");
    }
    let png = dir.path().join("launch.png");
    let png_arg = png.to_str().expect("path");
    let out =
        fanpath(&db, &["export", "chart", "launch", png_arg, "--version", "khai trương", "--window", "30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Khai trương (2024-03-01)"), "{}", stdout(&out));
    let image = image::open(&png).expect("a PNG").to_rgb8();
    assert_eq!(image.dimensions(), (1600, 900));
    // The after group's bars are drawn in their blue: not a page of text only.
    let blue = image.pixels().filter(|p| p.0 == [0x42, 0x7a, 0xb5]).count();
    assert!(blue > 5_000, "{blue} blue pixels");

    std::fs::remove_file(&png).expect("remove");
    let out = fanpath(
        &db,
        &[
            "export",
            "chart",
            "launch",
            png_arg,
            "--version",
            "2024-03-01",
            "--persona",
            "lan",
            "--language",
            "vi",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(image::open(&png).expect("a PNG").into_rgb8().dimensions(), (1600, 900));
}

#[test]
fn export_chart_launch_refuses_what_it_cannot_draw() {
    let dir = tempfile::tempdir().expect("dir");
    let db = workspace(dir.path());
    let png = dir.path().join("launch.png");
    let png_arg = png.to_str().expect("path");
    let out = fanpath(&db, &["export", "chart", "launch", png_arg, "--version", "Someday"]);
    assert_fails(&out, &["no journey version called \"Someday\"", "Current"]);
    let out = fanpath(&db, &["export", "chart", "launch", png_arg, "--version", "Current"]);
    assert_fails(&out, &["has no launch date"]);
    let out = fanpath(&db, &["export", "chart", "launch", png_arg]);
    assert_fails(&out, &["--version NAME"]);
    let out = fanpath(
        &db,
        &["export", "chart", "launch", png_arg, "--version", "2024-03-01", "--persona", "Nobody"],
    );
    assert_fails(&out, &["Nobody"]);
    let out = fanpath(&db, &["export", "chart", "funnel", png_arg, "--version", "2024-03-01"]);
    assert_fails(&out, &["export chart launch"]);
    assert!(!png.exists(), "nothing written");
}
