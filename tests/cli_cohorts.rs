//! `fanpath report --from --to --cohorts` and the cohort exports, as a process, checked
//! against numbers computed here from the generated CSV.

mod common;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use common::{assert_fails, fanpath, stderr, stdout};

/// One generated customer: its id, persona, stage events (stage, time) in the file.
struct Customer {
    id: String,
    persona: &'static str,
    events: Vec<(u8, NaiveDateTime)>,
}

impl Customer {
    fn first(&self) -> NaiveDateTime {
        self.events.iter().map(|(_, t)| *t).min().expect("events")
    }
    fn furthest(&self) -> u8 {
        self.events.iter().map(|(s, _)| *s).max().expect("events")
    }
}

/// A small deterministic generator (no dependency, same file on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// 400 customers starting between 2023-11-20 and 2024-04-10 (times of day included, so
/// some start just before or at midnight of a bound), each reaching 1 to 8 stages, some
/// starting at stage 2; the file lists events out of order and gives some stages twice.
fn generate() -> (Vec<Customer>, String) {
    let mut rng = Lcg(20_240_301);
    let start = NaiveDate::from_ymd_opt(2023, 11, 20).expect("day").and_hms_opt(0, 0, 0).expect("time");
    let mut customers = Vec::new();
    for n in 0..400 {
        let first = start
            + Duration::days(i64::try_from(rng.below(142)).expect("small"))
            + Duration::seconds(i64::try_from(rng.below(86_400)).expect("small"));
        // Every 50th customer exactly at midnight of a month's first day.
        let first = if n % 50 == 0 {
            NaiveDate::from_ymd_opt(2024, 1 + u32::try_from(n / 100).expect("small"), 1)
                .expect("day")
                .and_hms_opt(0, 0, 0)
                .expect("time")
        } else {
            first
        };
        let lowest = if n % 7 == 0 { 2 } else { 1 };
        let furthest = lowest + u8::try_from(rng.below(u64::from(9 - lowest))).expect("small");
        let mut events = Vec::new();
        let mut at = first;
        for stage in lowest..=furthest {
            events.push((stage, at));
            at += Duration::hours(i64::try_from(1 + rng.below(24 * 20)).expect("small"));
        }
        let persona = if n % 3 == 0 { "Hằng" } else { "Khoa" };
        customers.push(Customer { id: format!("c{n:04}"), persona, events });
    }
    let mut csv = String::from("customer_id,persona,stage,reached_at\n");
    for c in customers.iter().rev() {
        for (stage, at) in c.events.iter().rev() {
            csv.push_str(&format!("{},{},{stage},{}\n", c.id, c.persona, at.format("%Y-%m-%dT%H:%M:%S")));
        }
        // A later duplicate of the first stage: the earliest time wins.
        let (stage, at) = c.events[0];
        csv.push_str(&format!(
            "{},{},{stage},{}\n",
            c.id,
            c.persona,
            (at + Duration::days(3)).format("%Y-%m-%d")
        ));
    }
    (customers, csv)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("day")
}

fn expected_start(first: NaiveDate, week: bool) -> NaiveDate {
    if week {
        first - Duration::days(i64::from(first.weekday().num_days_from_monday()))
    } else {
        first.with_day(1).expect("day 1")
    }
}

/// The `cohorts` array the report must print, computed from the generated customers.
fn expected_cohorts(customers: &[&Customer], week: bool) -> serde_json::Value {
    let mut by_start: BTreeMap<NaiveDate, (u64, [u64; 8])> = BTreeMap::new();
    for c in customers {
        let entry = by_start.entry(expected_start(c.first().date(), week)).or_insert((0, [0; 8]));
        entry.0 += 1;
        for stage in 1..=c.furthest() {
            entry.1[usize::from(stage - 1)] += 1;
        }
    }
    serde_json::Value::Array(
        by_start
            .into_iter()
            .map(|(start, (customers, reached))| {
                serde_json::json!({"start": start.format("%Y-%m-%d").to_string(), "customers": customers, "reached": reached})
            })
            .collect(),
    )
}

fn workspace_with_generated_data(dir: &std::path::Path) -> (std::path::PathBuf, Vec<Customer>) {
    let db = dir.join("ws.sqlite");
    let (customers, csv) = generate();
    let file = dir.join("customers.csv");
    std::fs::write(&file, csv).expect("write");
    let out = fanpath(&db, &["import", "customers", file.to_str().expect("utf-8 path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    (db, customers)
}

fn json_of(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let out = fanpath(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("valid JSON")
}

#[test]
fn from_and_to_restrict_the_report_to_customers_who_started_in_the_range() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, customers) = workspace_with_generated_data(dir.path());
    let cases: [(Option<&str>, Option<&str>, Option<&str>); 5] = [
        (None, None, None),
        (Some("2024-01-01"), Some("2024-03-01"), None),
        (Some("2024-02-01"), None, Some("Khoa")),
        (None, Some("01/02/2024"), Some("Hằng")),
        (Some("2030-01-01"), None, None),
    ];
    for (from, to, persona) in cases {
        let bound = |text: Option<&str>| {
            text.map(|t| {
                NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
                    .expect("day")
                    .and_hms_opt(0, 0, 0)
                    .expect("midnight")
            })
        };
        let (lo, hi) = (bound(from), bound(to));
        let scope: Vec<&Customer> = customers
            .iter()
            .filter(|c| {
                persona.is_none_or(|p| p == c.persona)
                    && lo.is_none_or(|lo| c.first() >= lo)
                    && hi.is_none_or(|hi| c.first() < hi)
            })
            .collect();
        let mut args = vec!["report", "--format", "json", "--cohorts", "month"];
        for (flag, value) in [("--from", from), ("--to", to), ("--persona", persona)] {
            if let Some(value) = value {
                args.extend([flag, value]);
            }
        }
        let json = json_of(&db, &args);
        let context = format!("{from:?} {to:?} {persona:?}");
        assert_eq!(json["customers"].as_u64(), Some(scope.len() as u64), "{context}");
        for stage in 1..=8_u8 {
            let reached = scope.iter().filter(|c| c.furthest() >= stage).count() as u64;
            assert_eq!(
                json["stages"][usize::from(stage - 1)]["reached"].as_u64(),
                Some(reached),
                "{context} {stage}"
            );
        }
        assert_eq!(json["cohorts"], expected_cohorts(&scope, false), "{context}");
        assert_eq!(json["cohort_period"], "month");
        assert_eq!(json["from"].as_str(), lo.map(|d| d.format("%Y-%m-%d").to_string()).as_deref());
    }
    // Without --cohorts there is no cohorts key, and no range means null bounds.
    let json = json_of(&db, &["report", "--format", "json"]);
    assert!(json.get("cohorts").is_none(), "{json}");
    assert!(json["from"].is_null() && json["to"].is_null());
}

#[test]
fn weekly_cohorts_start_on_monday_and_the_table_shows_percentages() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, customers) = workspace_with_generated_data(dir.path());
    let all: Vec<&Customer> = customers.iter().collect();
    let json = json_of(&db, &["report", "--format", "json", "--cohorts", "week"]);
    let expected = expected_cohorts(&all, true);
    assert_eq!(json["cohorts"], expected);
    for cohort in expected.as_array().expect("array") {
        let start = day(cohort["start"].as_str().expect("start"));
        assert_eq!(start.weekday(), chrono::Weekday::Mon, "{start}");
    }

    let out = fanpath(&db, &["report", "--cohorts", "month", "--from", "2024-01-01", "--to", "2024-02-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("first event from 2024-01-01 to before 2024-02-01"), "{table}");
    assert!(table.contains("Cohorts by month of first event"), "{table}");
    // January alone: its row gives its customers, and last the share reaching Advocacy.
    let january: Vec<&Customer> = customers
        .iter()
        .filter(|c| c.first().date() >= day("2024-01-01") && c.first().date() < day("2024-02-01"))
        .collect();
    let line = table.lines().find(|l| l.starts_with("2024-01 ")).expect("a January row");
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(cells[1], january.len().to_string(), "{line}");
    let advocacy = january.iter().filter(|c| c.furthest() == 8).count() as f64 / january.len() as f64;
    assert!(line.ends_with(&format!("{:.1} %", advocacy * 100.0)), "{line}");
    assert!(!table.contains("2023-12 "), "only January is in range: {table}");
}

#[test]
fn emotions_are_counted_by_the_day_they_were_logged() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = workspace_with_generated_data(dir.path());
    let emotions = dir.path().join("emotions.csv");
    std::fs::write(
        &emotions,
        "persona,stage,score,logged_at\n\
         Khoa,2,-4,2024-01-31T23:59:59\nKhoa,2,2,2024-02-01\nKhoa,2,4,2024-02-15T10:00:00\n\
         Khoa,2,-1,2024-03-01\nKhoa,2,5,\n",
    )
    .expect("write");
    let out = fanpath(&db, &["import", "emotions", emotions.to_str().expect("path")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let emotion = |args: &[&str]| {
        json_of(&db, &[&["report", "--format", "json"], args].concat())["stages"][1]["emotion"].clone()
    };
    assert_eq!(emotion(&[]), serde_json::json!({"entries": 5, "mean": 1.2, "min": -4, "max": 5}));
    assert_eq!(
        emotion(&["--from", "2024-02-01", "--to", "2024-03-01"]),
        serde_json::json!({"entries": 2, "mean": 3.0, "min": 2, "max": 4})
    );
    // Undated entries are left out as soon as one end is given.
    assert_eq!(
        emotion(&["--to", "2024-02-01"]),
        serde_json::json!({"entries": 1, "mean": -4.0, "min": -4, "max": -4})
    );
}

#[test]
fn bad_dates_and_empty_ranges_fail_with_exit_code_1() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, _) = workspace_with_generated_data(dir.path());
    assert_fails(
        &fanpath(&db, &["report", "--from", "2024-02-30"]),
        &["--from", "\"2024-02-30\" is not a date"],
    );
    assert_fails(&fanpath(&db, &["report", "--to", "March"]), &["--to", "YYYY-MM-DD"]);
    assert_fails(
        &fanpath(&db, &["report", "--from", "2024-03-01", "--to", "2024-03-01"]),
        &["--to (2024-03-01) must be after --from (2024-03-01)"],
    );
    assert_fails(&fanpath(&db, &["report", "--from", "2024-03-01T10:00:00"]), &["is not a date"]);
    let png = dir.path().join("c.png");
    assert_fails(
        &fanpath(&db, &["export", "chart", "cohorts", png.to_str().expect("path"), "--to", "1/1/24"]),
        &["--to"],
    );
    assert!(!png.exists());
}

#[test]
fn exports_take_the_range_and_the_cohorts_chart_is_drawn() {
    let dir = tempfile::tempdir().expect("dir");
    let (db, customers) = workspace_with_generated_data(dir.path());
    let json_file = dir.path().join("funnel.json");
    let out = fanpath(
        &db,
        &["export", "funnel", json_file.to_str().expect("path"), "--from", "2024-02-01", "--cohorts", "week"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_file).expect("read")).expect("json");
    let scope: Vec<&Customer> = customers.iter().filter(|c| c.first().date() >= day("2024-02-01")).collect();
    assert_eq!(json["customers"].as_u64(), Some(scope.len() as u64));
    assert_eq!(json["cohorts"], expected_cohorts(&scope, true));
    let csv_file = dir.path().join("funnel.csv");
    let out = fanpath(&db, &["export", "funnel", csv_file.to_str().expect("path"), "--to", "2024-01-01"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&csv_file).expect("read");
    let before = customers.iter().filter(|c| c.first().date() < day("2024-01-01")).count();
    let stage_1 = csv.lines().nth(1).expect("stage 1 row");
    assert!(stage_1.starts_with(&format!("1,Evaluation,{before},")), "{stage_1}");

    for period in ["month", "week"] {
        let png = dir.path().join(format!("cohorts-{period}.png"));
        let out = fanpath(
            &db,
            &[
                "export",
                "chart",
                "cohorts",
                png.to_str().expect("path"),
                "--cohorts",
                period,
                "--language",
                "vi",
            ],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let image = image::open(&png).expect("a PNG");
        assert_eq!((image.width(), image.height()), (1600, 900));
    }
}
