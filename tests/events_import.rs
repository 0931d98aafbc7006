//! `fanpath import events` and `fanpath rules` as a process, and the event-log API where a
//! process cannot reach (cancel). Every count is checked against a reference written here:
//! the rules applied the plain way (collect, sort, dedup, pick the N-th) on the rows the
//! test generated, with times computed from the UTC seconds the test started from.

mod common;
#[path = "common/tables.rs"]
mod tables;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::DateTime;
use common::{assert_fails, fanpath, stderr, stdout};
use fanpath::model::rules::StageRules;
use fanpath::store::{
    EventColumn, EventLogColumns, ImportOptions, ImportProgress, PersonaSource, StoreError, Workspace,
    read_event_log, read_stage_rules_bytes,
};
use tables::dump;

/// (customer, stage) → UTC seconds, as the workspace holds stage events.
type StageEvents = BTreeMap<(String, u8), i64>;

/// A rule for the reference: event (`*` for any), occurrence, stage number.
type RefRule<'a> = (&'a str, Option<usize>, u8);

/// The rules applied the plain way to `(customer, event, UTC seconds)` rows.
fn reference(rows: &[(String, String, i64)], rules: &[RefRule<'_>]) -> StageEvents {
    let mut by_customer: BTreeMap<&str, Vec<(&str, i64)>> = BTreeMap::new();
    for (customer, event, at) in rows {
        by_customer.entry(customer).or_default().push((event, *at));
    }
    let mut out = StageEvents::new();
    for (customer, events) in by_customer {
        for (event, nth, stage) in rules {
            let mut times: Vec<i64> = events
                .iter()
                .filter(|(e, _)| *event == "*" || e.trim().to_lowercase() == event.to_lowercase())
                .map(|(_, at)| *at)
                .collect();
            times.sort_unstable();
            times.dedup();
            if let Some(&at) = times.get(nth.unwrap_or(1) - 1) {
                let slot = out.entry((customer.to_owned(), *stage)).or_insert(at);
                *slot = (*slot).min(at);
            }
        }
    }
    out
}

/// The stage events a workspace file holds.
fn stored(db: &Path) -> StageEvents {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare(
            "SELECT c.external_id, e.stage, e.reached_at FROM stage_events e JOIN customers c ON c.id = e.customer_id",
        )
        .expect("query");
    stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("values")
}

/// A customer's persona name in the workspace.
fn persona_of(db: &Path, customer: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT p.name FROM customers c LEFT JOIN personas p ON p.id = c.persona_id WHERE c.external_id = ?1",
        [customer],
        |r| r.get(0),
    )
    .expect("customer")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// `2024-03-01 00:00:00 UTC` in seconds, the test's origin.
const MARCH_1: i64 = 1_709_251_200;
const DAY: i64 = 86_400;

/// A shop's order export: one line per order item, no event column; a multi-item order
/// has several lines with the same date. Returns the file and `(customer, "order", time)`.
fn order_export(customers: usize, seed: u64) -> (String, Vec<(String, String, i64)>) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut csv = String::from("Customer;Order date;Amount\r\n");
    let mut rows = Vec::new();
    for c in 0..customers {
        let customer = format!("KH{c:04}");
        for _ in 0..rng.usize(1..=4) {
            let day = MARCH_1 + rng.i64(0..90) * DAY;
            let date = DateTime::from_timestamp(day, 0).expect("date").format("%d/%m/%Y");
            // One to three lines per order: the same customer and date.
            for _ in 0..rng.usize(1..=3) {
                csv.push_str(&format!("{customer};{date};{}\r\n", rng.u32(10..900)));
                rows.push((customer.clone(), "order".to_owned(), day));
            }
        }
    }
    (csv, rows)
}

#[test]
fn an_order_export_reaches_stages_by_order_count_and_reimport_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.sqlite");
    let (csv, rows) = order_export(300, 1);
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, &csv).expect("write");
    let rules = dir.path().join("rules.csv");
    std::fs::write(
        &rules,
        "\u{feff}event;occurrence;stage\r\norder;1;Kickoff\r\norder;2;Acclimation\r\nORDER ;3;6\r\n",
    )
    .expect("write rules");
    let args = [
        "import",
        "events",
        path_str(&file),
        "--rules",
        path_str(&rules),
        "--customer",
        "customer",
        "--time",
        "order date",
        "--event-name",
        "order",
    ];
    let out = fanpath(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = reference(&rows, &[("order", Some(1), 4), ("order", Some(2), 5), ("order", Some(3), 6)]);
    assert_eq!(stored(&db), expected);
    let summary = stdout(&out);
    assert!(
        summary.starts_with(&format!("{} rows read: 300 customers created, 0 updated", rows.len())),
        "{summary}"
    );
    assert!(summary.contains(&format!("{} stage events added", expected.len())), "{summary}");
    // Rows per rule: every line of the file is an order.
    assert!(
        summary.contains(&format!("order (time 1) → 4. Kickoff: {} rows, 300 customers", rows.len())),
        "{summary}"
    );
    let second = expected.keys().filter(|(_, stage)| *stage == 5).count();
    assert!(
        summary
            .contains(&format!("order (time 2) → 5. Acclimation: {} rows, {second} customers", rows.len())),
        "{summary}"
    );
    assert!(summary.contains("The rules were saved"), "{summary}");

    // The report sees them: customers reaching Acclimation are those with two order days.
    let out = fanpath(&db, &["report", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["customers"], 300);
    assert_eq!(json["stages"][4]["reached"].as_u64(), Some(second as u64));

    // Again, with the saved rules: nothing changes.
    let before = dump(&db);
    let out = fanpath(&db, &args[..3].iter().chain(&args[5..]).copied().collect::<Vec<_>>());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 customers created, 0 updated; 0 stage events added, 0 moved"),
        "{}",
        stdout(&out)
    );
    assert_eq!(dump(&db), before);
}

#[test]
fn a_web_event_log_with_zones_is_read_in_utc() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("web.sqlite");
    let mut rng = fastrand::Rng::with_seed(2);
    let events = ["page_view", "Add_To_Cart", " purchase ", "newsletter", "search"];
    let mut csv = String::from("user_id,event_name,event_time,device\n");
    let mut rows = Vec::new();
    for u in 0..200 {
        for _ in 0..rng.usize(1..12) {
            let event = events[rng.usize(0..events.len())];
            let at = MARCH_1 + rng.i64(0..60 * DAY);
            let time = match rng.u8(0..4) {
                0 => DateTime::from_timestamp(at, 0).expect("t").format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                1 => DateTime::from_timestamp(at + 7 * 3600, 0)
                    .expect("t")
                    .format("%Y-%m-%dT%H:%M:%S+07:00")
                    .to_string(),
                2 => DateTime::from_timestamp(at + 7 * 3600, 0)
                    .expect("t")
                    .format("%Y-%m-%d %H:%M:%S +0700")
                    .to_string(),
                _ => DateTime::from_timestamp(at, 0).expect("t").format("%Y-%m-%d %H:%M:%S").to_string(),
            };
            csv.push_str(&format!("u{u},\"{event}\",{time},mobile\n"));
            rows.push((format!("u{u}"), event.to_owned(), at));
        }
    }
    let file = dir.path().join("events.csv");
    std::fs::write(&file, &csv).expect("write");
    let rules = dir.path().join("rules.csv");
    std::fs::write(&rules, "event,occurrence,stage\npage_view,,1\nadd_to_cart,,Validation\npurchase,,Kickoff\nPURCHASE,2,Adoption\n*,,Evaluation\n")
        .expect("rules");
    let out = fanpath(
        &db,
        &[
            "import",
            "events",
            path_str(&file),
            "--rules",
            path_str(&rules),
            "--customer",
            "USER_ID",
            "--event",
            "event_name",
            "--time",
            "event_time",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = reference(
        &rows,
        &[
            ("page_view", None, 1),
            ("add_to_cart", None, 3),
            ("purchase", None, 4),
            ("purchase", Some(2), 7),
            ("*", None, 1),
        ],
    );
    assert_eq!(stored(&db), expected);
    // `*` matches every row: nothing is left unmatched.
    assert!(!stdout(&out).contains("matched no rule"), "{}", stdout(&out));

    // Without the * rule, the unmatched events are listed with their counts.
    let db2 = dir.path().join("web2.sqlite");
    std::fs::write(&rules, "event,occurrence,stage\npage_view,,1\n").expect("rules");
    let out = fanpath(
        &db2,
        &[
            "import",
            "events",
            path_str(&file),
            "--rules",
            path_str(&rules),
            "--customer",
            "user_id",
            "--event",
            "event_name",
            "--time",
            "event_time",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    let mut others: BTreeMap<String, usize> = BTreeMap::new();
    for (_, e, _) in &rows {
        if e != "page_view" {
            *others.entry(e.trim().to_owned()).or_default() += 1;
        }
    }
    assert!(
        summary.contains(&format!("{} rows matched no rule", others.values().sum::<usize>())),
        "{summary}"
    );
    for (event, n) in &others {
        assert!(summary.contains(&format!("\n  {event}: {n}")), "{event} {n}: {summary}");
    }
    let viewers: BTreeSet<&str> = rows.iter().filter(|r| r.1 == "page_view").map(|r| r.0.as_str()).collect();
    let customers: BTreeSet<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert!(
        summary.contains(&format!("{} customers matched no rule", customers.len() - viewers.len())),
        "{summary}"
    );
    assert_eq!(stored(&db2).len(), viewers.len());
}

#[test]
fn events_merge_with_existing_customers_like_a_customers_import() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let customers = dir.path().join("customers.csv");
    std::fs::write(
        &customers,
        "customer_id,persona,stage,reached_at\nA,Hằng,1,2024-03-10\nA,Hằng,4,2024-03-20\nB,Khoa,1,2024-03-01\n",
    )
    .expect("write");
    assert!(fanpath(&db, &["import", "customers", path_str(&customers)]).status.success());
    let log = dir.path().join("log.csv");
    // A: stage 1 earlier (moved), stage 4 later (kept); B: a new stage; C: new customer.
    std::fs::write(
        &log,
        "customer_id,event,timestamp\nA,visit,2024-03-05\nA,order,2024-03-25\nB,order,2024-03-02\nC,visit,2024-04-01\n",
    )
    .expect("write");
    let rules = dir.path().join("rules.csv");
    std::fs::write(&rules, "event,occurrence,stage\nvisit,,1\norder,,4\n").expect("rules");
    let out = fanpath(&db, &["import", "events", path_str(&log), "--rules", path_str(&rules)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("4 rows read: 1 customers created, 2 updated; 2 stage events added, 1 moved to an earlier date, 1 already there."),
        "{}",
        stdout(&out)
    );
    let t = |d: &str| {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .expect("d")
            .and_hms_opt(0, 0, 0)
            .expect("t")
            .and_utc()
            .timestamp()
    };
    let expected: StageEvents = [
        (("A".into(), 1), t("2024-03-05")),
        (("A".into(), 4), t("2024-03-20")),
        (("B".into(), 1), t("2024-03-01")),
        (("B".into(), 4), t("2024-03-02")),
        (("C".into(), 1), t("2024-04-01")),
    ]
    .into();
    assert_eq!(stored(&db), expected);
    // Existing customers keep their personas; the new one has none.
    assert_eq!(persona_of(&db, "A").as_deref(), Some("Hằng"));
    assert_eq!(persona_of(&db, "C"), None);
}

#[test]
fn personas_come_from_the_earliest_non_empty_value_or_one_name() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let log = dir.path().join("log.csv");
    // A's earliest row (by time, not by line) with a persona says Sinh viên; the later
    // Nhân viên is counted. B's first row has none, its second does.
    std::fs::write(
        &log,
        "customer_id,event,timestamp,segment\nA,visit,2024-03-09,Nhân viên\nA,visit,2024-03-01,\nA,visit,2024-03-05,sinh viên\nA,visit,2024-03-07,Sinh viên\nB,visit,2024-03-01,\nB,visit,2024-03-02,Nhân viên\n",
    )
    .expect("write");
    let rules = dir.path().join("rules.csv");
    std::fs::write(&rules, "event,occurrence,stage\nvisit,,1\nvisit,2,2\n").expect("rules");
    let out = fanpath(
        &db,
        &["import", "events", path_str(&log), "--rules", path_str(&rules), "--persona-column", "Segment"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(persona_of(&db, "A").as_deref(), Some("sinh viên"));
    assert_eq!(persona_of(&db, "B").as_deref(), Some("Nhân viên"));
    let summary = stdout(&out);
    assert!(summary.contains("1 customers have rows naming another persona"), "{summary}");
    assert!(summary.contains("New personas: Nhân viên, sinh viên."), "{summary}");

    let db2 = dir.path().join("ws2.sqlite");
    let out = fanpath(
        &db2,
        &["import", "events", path_str(&log), "--rules", path_str(&rules), "--persona", "Khách web"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(persona_of(&db2, "A").as_deref(), Some("Khách web"));
    assert_eq!(persona_of(&db2, "B").as_deref(), Some("Khách web"));

    let out =
        fanpath(&db2, &["import", "events", path_str(&log), "--persona", "X", "--persona-column", "segment"]);
    assert_eq!(out.status.code(), Some(2), "clap refuses both: {}", stderr(&out));
}

#[test]
fn bad_rows_refuse_the_file_with_lines_unless_skipped() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let log = dir.path().join("log.csv");
    std::fs::write(
        &log,
        "customer_id,event,timestamp\nA,visit,2024-03-01\n,visit,2024-03-02\nB,visit,yesterday\nC,visit,2024-02-30\nD,,2024-03-01\nE,visit,20240303\n",
    )
    .expect("write");
    let rules = dir.path().join("rules.csv");
    std::fs::write(&rules, "event,occurrence,stage\nvisit,,1\n").expect("rules");
    let out = fanpath(&db, &["import", "events", path_str(&log), "--rules", path_str(&rules)]);
    assert_fails(
        &out,
        &[
            "line 3: customer_id is empty",
            "line 4: time \"yesterday\"",
            "line 5: time \"2024-02-30\"",
            "line 6: event is empty",
            "--skip-invalid",
        ],
    );
    assert!(!db.exists(), "a failed import into a new workspace leaves no file");

    let out =
        fanpath(&db, &["import", "events", path_str(&log), "--rules", path_str(&rules), "--skip-invalid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Skipped 4 invalid rows:\n  line 3"), "{}", stdout(&out));
    let t = |s: i64| s;
    let expected: StageEvents =
        [(("A".into(), 1), t(MARCH_1)), (("E".into(), 1), t(MARCH_1 + 2 * DAY))].into();
    assert_eq!(stored(&db), expected);
}

#[test]
fn rules_files_are_checked_and_needed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let log = dir.path().join("log.csv");
    std::fs::write(&log, "customer_id,event,timestamp\nA,visit,2024-03-01\n").expect("write");
    let out = fanpath(&db, &["import", "events", path_str(&log)]);
    assert_fails(&out, &["has no stage rules saved", "--rules"]);
    assert!(!db.exists());

    let rules = dir.path().join("rules.csv");
    std::fs::write(&rules, "event,occurrence,stage\nvisit,,1\norder,2,Purchase\n").expect("rules");
    let out = fanpath(&db, &["import", "events", path_str(&log), "--rules", path_str(&rules)]);
    assert_fails(&out, &["rules.csv, line 3: stage \"Purchase\" is unknown"]);
    let out = fanpath(&db, &["rules", "set", path_str(&rules)]);
    assert_fails(&out, &["line 3: stage \"Purchase\""]);
    std::fs::write(&rules, "event,occurrence,stage\nvisit,first,1\n").expect("rules");
    assert_fails(&fanpath(&db, &["rules", "set", path_str(&rules)]), &["line 2: occurrence \"first\""]);
    assert!(!db.exists());
}

#[test]
fn rules_show_prints_what_rules_set_reads_back() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let rules = dir.path().join("rules.csv");
    std::fs::write(
        &rules,
        "\u{feff}Stage;Event;Occurrence\r\nxác nhận;\"Thêm; giỏ\";\r\n4;order;2\r\n1;*;\r\n",
    )
    .expect("rules");
    let out = fanpath(&db, &["rules", "set", path_str(&rules)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("Saved 3 stage rules"), "{}", stdout(&out));
    let shown = stdout(&fanpath(&db, &["rules", "show"]));
    assert_eq!(shown, "event,occurrence,stage\nThêm; giỏ,,3\norder,2,4\n*,,1\n");
    let again = dir.path().join("again.csv");
    std::fs::write(&again, &shown).expect("write");
    let db2 = dir.path().join("ws2.sqlite");
    assert!(fanpath(&db2, &["rules", "set", path_str(&again)]).status.success());
    let json = |db: &Path| -> serde_json::Value {
        serde_json::from_str(&stdout(&fanpath(db, &["rules", "show", "--format", "json"]))).expect("json")
    };
    assert_eq!(json(&db), json(&db2));
    assert_eq!(
        json(&db)["rules"][1],
        serde_json::json!({"event": "order", "occurrence": 2, "stage": 4, "stage_name": "Kickoff"})
    );
    let empty = dir.path().join("empty.sqlite");
    Workspace::open(&empty).expect("create");
    assert_fails(&fanpath(&empty, &["rules", "show"]), &["has no stage rules saved"]);
}

/// A log big enough for several progress reports while reading and writing, and its rows.
fn big_log(dir: &Path) -> (std::path::PathBuf, Vec<(String, String, i64)>) {
    let mut csv = String::from("customer_id,event,timestamp\n");
    let mut rows = Vec::new();
    for i in 0..250_000 {
        let (customer, event, day) = (format!("c{}", i % 120_000), ["visit", "order"][i % 2], i % 28);
        csv.push_str(&format!("{customer},{event},2024-03-{:02}T10:00:00Z\n", 1 + day));
        rows.push((customer, event.to_owned(), MARCH_1 + day as i64 * DAY + 10 * 3600));
    }
    let file = dir.join("big.csv");
    std::fs::write(&file, csv).expect("write");
    (file, rows)
}

#[test]
fn cancel_while_reading_or_writing_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&db).expect("open");
    let rules = read_stage_rules_bytes(b"event,occurrence,stage\nvisit,,1\norder,,4\n", Path::new("r.csv"))
        .expect("rules");
    ws.set_stage_rules(&rules).expect("rules");
    let (file, rows) = big_log(dir.path());
    let columns = EventLogColumns::default();
    let before = dump(&db);

    // Cancelled while reading.
    let cancel = Arc::new(AtomicBool::new(false));
    let options = ImportOptions { cancel: Some(cancel.clone()), ..ImportOptions::default() };
    let read = read_event_log(&file, &columns, &options, &mut |p| {
        if matches!(p, ImportProgress::Read(_)) {
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(matches!(read, Err(StoreError::Cancelled)), "{read:?}");

    // Cancelled while writing, after the first rows were written.
    cancel.store(false, Ordering::Relaxed);
    let log = read_event_log(&file, &columns, &options, &mut |_| {}).expect("read");
    let other =
        StageRules::new(vec![fanpath::model::rules::StageRule::parse("order", "2", "5").expect("rule")])
            .expect("rules");
    let mut written = 0;
    let result = ws.import_event_log(&log, Some(&other), &options, &mut |p| {
        if let ImportProgress::Written { done, .. } = p {
            written = done;
            cancel.store(true, Ordering::Relaxed);
        }
    });
    assert!(matches!(result, Err(StoreError::Cancelled)), "{result:?}");
    assert!(written > 0, "cancelled after writing began");
    assert_eq!(dump(&db), before, "nothing written, the rules not replaced either");
    assert_eq!(ws.stage_rules().expect("rules").as_ref(), Some(&rules));
    assert!(StoreError::Cancelled.message(fanpath::model::Language::Vietnamese).contains("huỷ"));

    // Not cancelled: everything, checked against the reference.
    cancel.store(false, Ordering::Relaxed);
    ws.import_event_log(&log, None, &options, &mut |_| {}).expect("import");
    assert_eq!(log.rows().len(), rows.len());
    assert_eq!(stored(&db), reference(&rows, &[("visit", None, 1), ("order", None, 4)]));
}

#[test]
fn the_preview_counts_what_the_import_writes() {
    let dir = tempfile::tempdir().expect("dir");
    let (csv, rows) = order_export(500, 9);
    let file = dir.path().join("orders.csv");
    std::fs::write(&file, &csv).expect("write");
    let columns = EventLogColumns {
        customer: "customer".into(),
        event: EventColumn::EveryRowIs("order".into()),
        time: "Order Date".into(),
        persona: PersonaSource::None,
    };
    let log = read_event_log(&file, &columns, &ImportOptions::default(), &mut |_| {}).expect("read");
    assert_eq!((log.rows_read(), log.customer_count(), log.delimiter()), (rows.len() as u64, 500, ';'));
    let rules = read_stage_rules_bytes(
        b"event,occurrence,stage\norder,,4\norder,2,5\norder,3,6\n",
        Path::new("r.csv"),
    )
    .expect("rules");
    let preview = log.preview(&rules);
    let expected = reference(&rows, &[("order", None, 4), ("order", Some(2), 5), ("order", Some(3), 6)]);
    let reached = |stage: u8| {
        expected.keys().filter(|(_, s)| *s >= stage).map(|(c, _)| c).collect::<BTreeSet<_>>().len() as u64
    };
    assert_eq!(preview.funnel.reached[3], reached(4));
    assert_eq!(preview.funnel.reached[4], reached(5));
    assert_eq!(preview.funnel.reached[5], reached(6));
    assert_eq!(preview.events.len(), 1);
    assert_eq!((preview.events[0].rows, preview.events[0].customers), (rows.len() as u64, 500));
    let drop = preview.biggest_drop_off.expect("a drop-off");
    assert!(drop.lost > 0);
    let db = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&db).expect("open");
    let summary =
        ws.import_event_log(&log, Some(&rules), &ImportOptions::default(), &mut |_| {}).expect("import");
    assert_eq!(summary.import.added, expected.len() as u64);
    assert_eq!(stored(&db), expected);
    assert_eq!(summary.rule_stats[1].1.customers, expected.keys().filter(|(_, s)| *s == 5).count() as u64);
}
