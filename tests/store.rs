//! Store integration tests: workspace files, CSV import, the report and the demo.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fanpath::model::date::{parse_date_time, to_epoch_seconds};
use fanpath::model::emotion::{EmotionStats, Score, Source};
use fanpath::model::{CustomerEvent, Funnel, Stage};
use fanpath::store::{
    DemoOptions, ImportKind, ImportOptions, ImportSummary, StoreError, Workspace, demo_customer_events,
};
use rusqlite::Connection;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn import(ws: &mut Workspace, kind: ImportKind, text: impl AsRef<[u8]>) -> Result<ImportSummary, StoreError> {
    import_with(ws, kind, text, false)
}

fn import_with(
    ws: &mut Workspace,
    kind: ImportKind,
    text: impl AsRef<[u8]>,
    skip_invalid: bool,
) -> Result<ImportSummary, StoreError> {
    ws.import_csv_from(
        kind,
        text.as_ref(),
        Path::new("test.csv"),
        ImportOptions { skip_invalid, ..ImportOptions::default() },
        &mut |_| {},
    )
}

/// (external id, persona name, stage, reached_at, days_from_start, event persona).
type StoredEvent = (String, Option<String>, u8, i64, f64, Option<String>);

/// Every stored event, by customer and stage.
fn stored_events(path: &Path) -> Vec<StoredEvent> {
    let conn = Connection::open(path).expect("open");
    let mut stmt = conn
        .prepare(
            "SELECT c.external_id, p.name, e.stage, e.reached_at, e.days_from_start, ep.name
             FROM stage_events e JOIN customers c ON c.id = e.customer_id
             LEFT JOIN personas p ON p.id = c.persona_id
             LEFT JOIN personas ep ON ep.id = e.persona_id
             ORDER BY c.external_id, e.stage",
        )
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
}

/// Checks every derived column against the events themselves.
fn assert_derived_columns(path: &Path) {
    let conn = Connection::open(path).expect("open");
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM customers c WHERE
                first_at != (SELECT min(reached_at) FROM stage_events WHERE customer_id = c.id)
                OR last_at != (SELECT max(reached_at) FROM stage_events WHERE customer_id = c.id)
                OR furthest_stage != (SELECT max(stage) FROM stage_events WHERE customer_id = c.id)",
            [],
            |r| r.get(0),
        )
        .expect("customers");
    assert_eq!(bad, 0, "customers whose derived columns disagree with their events");
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM stage_events e JOIN customers c ON c.id = e.customer_id
             WHERE e.days_from_start != (e.reached_at - c.first_at) / 86400.0
                OR e.persona_id IS NOT c.persona_id",
            [],
            |r| r.get(0),
        )
        .expect("events");
    assert_eq!(bad, 0, "events whose derived columns disagree with their customer");
}

// ---------------------------------------------------------------------------------------
// Workspace files

#[test]
fn workspace_round_trip_and_migration_from_empty_file() {
    let dir = temp();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").expect("empty file");
    {
        let mut ws = Workspace::open(&path).expect("an empty file becomes a workspace");
        import(
            &mut ws,
            ImportKind::Customers,
            "customer_id,persona,stage,reached_at\nk1,Hằng,1,2024-01-01\n",
        )
        .expect("import");
    }
    let conn = Connection::open(&path).expect("raw");
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert!(version >= 1);
    drop(conn);
    let ws = Workspace::open(&path).expect("reopen");
    let report = ws.report(None).expect("report");
    assert_eq!(report.customers(), 1);
    assert_eq!(report.personas[0].name, "Hằng");

    // A workspace in a folder that does not exist yet.
    let nested = dir.path().join("a/b/ws.sqlite");
    Workspace::open(&nested).expect("creates folders");
    assert!(nested.exists());
}

fn assert_refused(path: &Path, expect: &str) {
    let before = std::fs::read(path).expect("read");
    let err = Workspace::open(path).expect_err("must be refused");
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(expect), "{message}");
    assert_eq!(std::fs::read(path).expect("read"), before, "the file must be left unchanged");
}

fn real_workspace(path: &Path, customers: u64) {
    let mut ws = Workspace::open(path).expect("create");
    let mut options = DemoOptions::new(NaiveDate::from_ymd_opt(2025, 1, 31).expect("date"));
    options.customers = customers;
    ws.write_demo(&options).expect("demo");
}

#[test]
fn refuses_files_that_are_not_workspaces() {
    let dir = temp();
    let text = dir.path().join("notes.sqlite");
    std::fs::write(&text, "customer_id,persona,stage,reached_at\n".repeat(10)).expect("write");
    assert_refused(&text, "is not a Fanpath workspace");

    let tiny = dir.path().join("tiny.sqlite");
    std::fs::write(&tiny, b"hello").expect("write");
    assert_refused(&tiny, "is not a Fanpath workspace");

    // Someone else's SQLite database.
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .expect("open")
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .expect("create");
    assert_refused(&other, "is not a Fanpath workspace");

    // A real workspace cut in half.
    let whole = dir.path().join("whole.sqlite");
    real_workspace(&whole, 300);
    let bytes = std::fs::read(&whole).expect("read");
    let cut = dir.path().join("cut.sqlite");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("write");
    assert_refused(&cut, "damaged");

    // A workspace from a newer Fanpath.
    let newer = dir.path().join("newer.sqlite");
    real_workspace(&newer, 10);
    Connection::open(&newer).expect("open").pragma_update(None, "user_version", 99).expect("bump");
    assert_refused(&newer, "newer Fanpath");
}

// ---------------------------------------------------------------------------------------
// CSV import: accepted variants

const HEADER: &str = "customer_id,persona,stage,reached_at\n";

#[test]
fn imports_bom_crlf_semicolons_quotes_vietnamese_and_day_first_dates() {
    let dir = temp();
    let path = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    // Column order and case shuffled, an extra column, `;` with quoted fields holding `;`,
    // `,`, a doubled quote and a newline, CRLF line ends and a UTF-8 BOM.
    let csv = "\u{feff}Stage;REACHED_AT;Ghi chú;Persona;Customer_ID\r\n\
               1;05/03/2024;\"a; b, c\";\"Nguyễn Thị Hằng\";KH-1\r\n\
               Xác nhận;2024-03-07T08:30:00;\"dòng 1\r\ndòng 2\";nguyễn thị hằng;KH-1\r\n\
               \"2\";2024-03-06 09:00:00;;\"Trần \"\"Khoa\"\"\";\"KH,2\"\r\n\
               ;;;;\r\n";
    let summary = ws
        .import_csv_from(
            ImportKind::Customers,
            csv.as_bytes(),
            Path::new("x.csv"),
            ImportOptions::default(),
            &mut |_| {},
        )
        .expect("import");
    assert_eq!(summary.rows, 3, "the blank row is not a row");
    assert_eq!(summary.added, 3);
    assert_eq!(summary.customers_created, 2);
    assert_eq!(summary.personas_created, vec!["Nguyễn Thị Hằng".to_owned(), "Trần \"Khoa\"".to_owned()]);
    let events = stored_events(&path);
    let day = |t: &str| to_epoch_seconds(parse_date_time(t).expect("date"));
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].0, "KH,2");
    assert_eq!(events[0].2, 2);
    assert_eq!(
        events[1],
        (
            "KH-1".into(),
            Some("Nguyễn Thị Hằng".into()),
            1,
            day("2024-03-05"),
            0.0,
            Some("Nguyễn Thị Hằng".into())
        )
    );
    assert_eq!(events[2].2, 3);
    assert_eq!(events[2].3, day("2024-03-07T08:30:00"));
    assert_eq!(events[2].4, 2.0 + 8.5 / 24.0);
    assert_derived_columns(&path);

    // The same content from a real file, with LF and commas, into a second workspace.
    let file = dir.path().join("plain.csv");
    std::fs::write(
        &file,
        "customer_id,persona,stage,reached_at,extra\nKH-9,Lê Văn Dũng,Khởi động,2024-01-01,x\n",
    )
    .expect("write");
    let mut other = Workspace::open(dir.path().join("other.sqlite")).expect("ws");
    let summary = other
        .import_csv(ImportKind::Customers, &file, ImportOptions::default(), &mut |_| {})
        .expect("file import");
    assert_eq!((summary.rows, summary.added), (1, 1));
    assert_eq!(other.report(None).expect("report").funnel.reached[3], 1);
}

#[test]
fn header_only_and_header_problems() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let summary = import(&mut ws, ImportKind::Customers, HEADER).expect("header only");
    assert_eq!((summary.rows, summary.added), (0, 0));

    let err =
        import(&mut ws, ImportKind::Customers, "customer_id,Persona,reached\nk,P,1\n").expect_err("missing");
    let message = err.to_string();
    assert!(message.contains("test.csv"), "{message}");
    assert!(message.contains("\"stage\", \"reached_at\""), "{message}");

    // Line numbers count the header as line 1, whatever the line ends.
    let crlf = "\u{feff}customer_id;persona;stage;reached_at\r\n\r\nk;P;1;2024-01-01\r\nk;P;0;2024-01-01\r\n";
    let err = import(&mut ws, ImportKind::Customers, crlf).expect_err("bad stage");
    assert!(err.to_string().contains("\n  line 4: unknown stage \"0\""), "{err}");

    let quoted =
        "customer_id,persona,stage,reached_at,note\nk,P,1,2024-01-01,\"two\nlines\"\nk,P,x,2024-01-01,\n";
    let err = import(&mut ws, ImportKind::Customers, quoted).expect_err("bad stage");
    assert!(err.to_string().contains("\n  line 4: unknown stage \"x\""), "{err}");

    let err = import(&mut ws, ImportKind::Customers, "").expect_err("empty");
    assert!(err.to_string().contains("empty"), "{err}");

    let err = import(&mut ws, ImportKind::Customers, b"\xff\xfec\x00u\x00").expect_err("utf-16");
    assert!(err.to_string().contains("UTF-16"), "{err}");

    let mut latin1 = HEADER.as_bytes().to_vec();
    latin1.extend_from_slice(b"k1,Ph\xe1m,1,2024-01-01\n");
    let err = import(&mut ws, ImportKind::Customers, latin1).expect_err("latin-1");
    assert!(err.to_string().contains("line 2 is not UTF-8"), "{err}");
    assert_eq!(ws.report(None).expect("report").customers(), 0);
}

// ---------------------------------------------------------------------------------------
// CSV import: invalid rows

#[test]
fn any_invalid_row_refuses_the_whole_file() {
    let dir = temp();
    let path = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    import(&mut ws, ImportKind::Customers, format!("{HEADER}k0,Old,1,2024-01-01\n")).expect("seed");
    let csv = format!(
        "{HEADER}k1,New,1,2024-01-01\n\
         k2,New,9,2024-01-01\n\
         k3,New,2,2024-02-30\n\
         k4,,1,2024-01-01\n\
         k5,New\n\
         k6,New,1,2024-01-01\n\
         k6,Other,2,2024-01-02\n\
         k0,New,2,2024-01-05\n"
    );
    let err = import(&mut ws, ImportKind::Customers, &csv).expect_err("invalid rows");
    let message = err.to_string();
    assert!(matches!(err, StoreError::InvalidRows { count: 6, .. }), "{message}");
    for expected in [
        "test.csv",
        "6 invalid rows, so nothing was imported",
        "line 3: unknown stage \"9\"",
        "line 4: date \"2024-02-30\"",
        "line 5: persona is empty",
        "line 6: missing stage; missing reached_at",
        "line 8: customer \"k6\" is persona \"New\" on line 7, not \"Other\"",
        "line 9: customer \"k0\" belongs to persona \"Old\" in the workspace, not \"New\"",
    ] {
        assert!(message.contains(expected), "{expected:?} not in {message}");
    }
    // Nothing was written: no new customers, no new persona.
    let report = ws.report(None).expect("report");
    assert_eq!(report.customers(), 1);
    assert_eq!(report.personas.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Old"]);

    // With skip_invalid the valid rows go in and the others are reported.
    let summary = import_with(&mut ws, ImportKind::Customers, &csv, true).expect("skip");
    assert_eq!(summary.skipped, 6);
    assert_eq!(summary.skipped_rows.iter().map(|r| r.line).collect::<Vec<_>>(), [3, 4, 5, 6, 8, 9]);
    assert_eq!((summary.added, summary.customers_created), (2, 2));
    assert_eq!(summary.personas_created, ["New"]);
    assert!(summary.to_string().contains("Skipped 6 invalid rows"), "{summary}");
    assert_eq!(ws.report(None).expect("report").customers(), 3);
    assert_derived_columns(&path);
}

#[test]
fn more_than_twenty_bad_rows_are_summarised() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let mut csv = HEADER.to_owned();
    for i in 0..25 {
        csv.push_str(&format!("k{i},P,{},2024-01-01\n", if i % 2 == 0 { "0" } else { "x" }));
    }
    csv.push_str("ok,P,1,2024-01-01\n");
    let message = import(&mut ws, ImportKind::Customers, &csv).expect_err("bad").to_string();
    assert!(message.contains("25 invalid rows"), "{message}");
    assert!(message.contains("line 21:"), "{message}");
    assert!(!message.contains("line 22:"), "only the first 20 are listed: {message}");
    assert!(message.ends_with("… and 5 more"), "{message}");
    assert_eq!(ws.report(None).expect("report").customers(), 0);
}

#[test]
fn reimporting_changes_nothing_and_the_earliest_date_wins() {
    let dir = temp();
    let path = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    let first = format!(
        "{HEADER}a,P,1,2024-01-10\na,P,2,2024-01-12\na,P,2,2024-01-11\nb,Q,1,2024-02-01\nb,Q,3,2024-02-04\n"
    );
    let s = import(&mut ws, ImportKind::Customers, &first).expect("first");
    assert_eq!((s.added, s.unchanged, s.customers_created), (4, 1, 2));
    let before = stored_events(&path);
    assert_eq!(before[1].3, to_epoch_seconds(parse_date_time("2024-01-11").expect("d")), "earliest kept");

    let s = import(&mut ws, ImportKind::Customers, &first).expect("again");
    assert_eq!((s.added, s.updated, s.unchanged, s.customers_created), (0, 0, 5, 0));
    assert!(s.personas_created.is_empty());
    assert_eq!(stored_events(&path), before);

    // Later dates change nothing; an earlier first event moves every day count.
    let s = import(
        &mut ws,
        ImportKind::Customers,
        format!("{HEADER}a,p,2,2024-01-20\na,P,1,2024-01-08\nb,Q,5,2024-03-01\n"),
    )
    .expect("earlier");
    assert_eq!((s.added, s.updated, s.unchanged), (1, 1, 1));
    let after = stored_events(&path);
    assert_eq!(after[0].4, 0.0);
    assert_eq!(after[1].4, 3.0, "a's stage 2 is now three days after its first event");
    assert_derived_columns(&path);
    let report = ws.report(None).expect("report");
    assert_eq!(report.funnel.reached, [2, 2, 1, 1, 1, 0, 0, 0]);
}

#[test]
fn a_customer_whose_persona_was_deleted_takes_the_imported_one() {
    let dir = temp();
    let path = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    import(&mut ws, ImportKind::Customers, format!("{HEADER}a,Gone,1,2024-01-01\n")).expect("seed");
    let gone = ws.persona_by_name("gone").expect("query").expect("persona").id;
    ws.delete_persona(gone).expect("delete");
    let s = import(&mut ws, ImportKind::Customers, format!("{HEADER}a,Here,2,2024-01-02\n")).expect("import");
    assert_eq!(s.personas_created, ["Here"]);
    let report = ws.report(Some("HERE")).expect("report");
    assert_eq!(report.funnel.reached[..2], [1, 1]);
    assert_derived_columns(&path);
}

// ---------------------------------------------------------------------------------------
// Emotions

#[test]
fn imports_emotions_with_defaults_and_without_duplicates() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let csv = "SCORE,stage,persona,label,note,touchpoint,source,logged_at\n\
               -3,Xác nhận,Nguyễn Thị Hằng,hối tiếc sau mua,\"Đắt quá, lăn tăn\",Zalo,khảo sát,05/03/2024\n\
               +4,2,nguyễn thị hằng,phấn khích,,,,\n\
               +4,2,Nguyễn Thị Hằng,phấn khích,,,,\n\
               0,8,Khoa,,,,Interview,2024-01-02T10:00:00\n";
    let s = import(&mut ws, ImportKind::Emotions, csv).expect("import");
    assert_eq!((s.rows, s.added, s.unchanged), (4, 4, 0));
    assert_eq!(s.personas_created, ["Nguyễn Thị Hằng", "Khoa"]);
    let again = import(&mut ws, ImportKind::Emotions, csv).expect("again");
    assert_eq!((again.added, again.unchanged), (0, 4), "identical entries are not added twice");

    let hang = ws.persona_by_name("NGUYỄN THỊ HẰNG").expect("q").expect("persona").id;
    let entries = ws.emotions(Some(hang), None).expect("entries");
    assert_eq!(entries.len(), 3);
    let validation = entries.iter().find(|(_, e)| e.stage == Stage::Validation).expect("entry");
    assert_eq!(validation.1.source, Source::Survey);
    assert_eq!(validation.1.note, "Đắt quá, lăn tăn");
    assert_eq!(validation.1.logged_at, parse_date_time("2024-03-05").ok());
    let undated = entries.iter().find(|(_, e)| e.stage == Stage::Acknowledgment).expect("entry");
    assert_eq!((undated.1.source, undated.1.logged_at), (Source::Assumption, None));

    let report = ws.report(None).expect("report");
    assert_eq!(report.emotions[Stage::Acknowledgment.index()].entries, 2);
    assert_eq!(report.emotions[Stage::Validation.index()].min, Some(-3));
    assert_eq!(report.emotions[Stage::Advocacy.index()].mean, Some(0.0));

    let bad =
        "persona,stage,score,source,logged_at\nA,1,6,,\nA,1,1,rumour,\nA,1,1,,yesterday\n,1,1,,\nA,,,,\n";
    let message = import(&mut ws, ImportKind::Emotions, bad).expect_err("bad").to_string();
    for expected in [
        "5 invalid rows",
        "line 2: score \"6\"",
        "line 3: unknown source \"rumour\"",
        "line 4: date \"yesterday\"",
        "line 5: persona is empty",
        "line 6: stage is empty; score is empty",
    ] {
        assert!(message.contains(expected), "{expected:?} not in {message}");
    }
    assert!(ws.persona_by_name("A").expect("q").is_none(), "no persona created by a refused file");
}

// ---------------------------------------------------------------------------------------
// The report against hand-computed and reference numbers

#[test]
fn hand_computed_funnel_with_skips_empty_stages_and_ties() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let csv = format!(
        "{HEADER}a,P,1,2024-01-01\na,P,2,2024-01-03\na,P,4,2024-01-11\n\
         b,P,1,2024-01-01\nb,P,2,2024-01-02T12:00:00\n\
         c,Q,2,2024-02-01\n\
         d,Q,1,2024-03-01\n\
         e,Q,1,2024-03-01\ne,Q,2,2024-03-03\ne,Q,3,2024-03-04\ne,Q,4,2024-03-06\n"
    );
    import(&mut ws, ImportKind::Customers, csv).expect("import");
    let report = ws.report(None).expect("report");
    assert_eq!(report.funnel.reached, [5, 4, 2, 2, 0, 0, 0, 0]);
    assert_eq!(
        report.funnel.median_days_from_start,
        [Some(0.0), Some(1.75), Some(3.0), Some(7.5), None, None, None, None]
    );
    let stages = report.stages();
    assert_eq!(stages[1].step_conversion, Some(0.8));
    assert_eq!(stages[2].drop_off, Some(0));
    assert_eq!(stages[3].drop_off_rate, Some(1.0));
    assert_eq!(stages[5].step_conversion, None, "nobody reached stage 5");
    assert_eq!(stages[7].drop_off, None);
    let biggest = report.biggest_drop_off().expect("drop-off");
    assert_eq!(
        (biggest.from, biggest.to, biggest.lost, biggest.rate),
        (Stage::Kickoff, Stage::Acclimation, 2, 1.0)
    );
    assert_eq!(report.personas.len(), 2);
    assert_eq!(
        (report.personas[0].name.as_str(), report.personas[0].reached),
        ("P", [2, 2, 1, 1, 0, 0, 0, 0])
    );
    assert_eq!((report.personas[1].customers, report.personas[1].reached), (3, [3, 2, 1, 1, 0, 0, 0, 0]));

    let q = ws.report(Some(" q ")).expect("persona report");
    assert_eq!(q.persona.as_deref(), Some("Q"));
    assert_eq!(q.funnel.reached, [3, 2, 1, 1, 0, 0, 0, 0]);
    assert_eq!(q.funnel.median_days_from_start[1], Some(1.0), "c at 0 and e at 2");
    assert_eq!(q.personas.len(), 1);

    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
    assert_eq!(json["customers"], 5);
    assert!(json["persona"].is_null());
    assert_eq!(json["stages"][1]["name"], "Acknowledgment");
    assert_eq!(json["stages"][1]["median_days_from_start"], 1.75);
    assert!(json["stages"][0]["step_conversion"].is_null());
    assert!(json["stages"][7]["drop_off"].is_null());
    assert_eq!(json["stages"][0]["emotion"]["entries"], 0);
    assert!(json["stages"][0]["emotion"]["mean"].is_null());
    assert_eq!(json["biggest_drop_off"], serde_json::json!({"from": 4, "to": 5, "lost": 2, "rate": 1.0}));
    assert_eq!(
        json["personas"][1],
        serde_json::json!({"name": "Q", "customers": 3, "reached": [3, 2, 1, 1, 0, 0, 0, 0]})
    );
    let keys: Vec<&str> = json.as_object().expect("object").keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 7, "{keys:?}");

    let table = report.to_table();
    assert!(
        table
            .contains("Biggest drop-off: Kickoff → Acclimation: 2 of 2 customers went no further (100.0 %)."),
        "{table}"
    );
    assert!(table.contains("4 Kickoff"), "{table}");

    // Equal drop-off rates: the earlier stage is the biggest.
    let mut tie = Workspace::open_in_memory().expect("ws");
    import(&mut tie, ImportKind::Customers, format!(
        "{HEADER}w,P,1,2024-01-01\nx,P,1,2024-01-01\ny,P,2,2024-01-01\nz,P,1,2024-01-01\nz,P,2,2024-01-01\nz,P,8,2024-01-01\n"
    ))
    .expect("import");
    let report = tie.report(None).expect("report");
    assert_eq!(report.funnel.reached, [4, 2, 1, 1, 1, 1, 1, 1]);
    let biggest = report.biggest_drop_off().expect("drop-off");
    assert_eq!((biggest.from, biggest.rate), (Stage::Evaluation, 0.5));
    assert_eq!(report.funnel.median_days_from_start[7], Some(0.0));
}

#[test]
fn sql_report_equals_the_reference_on_random_events() {
    let dir = temp();
    let path = dir.path().join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    let mut rng = fastrand::Rng::with_seed(42);
    let personas = ["Đặng Văn Lâm", "An", "Zoe", "Ánh"];
    let base = to_epoch_seconds(parse_date_time("2024-01-01").expect("date"));
    let mut events = Vec::new();
    for c in 0..400 {
        let persona = personas[rng.usize(0..personas.len())];
        for stage in Stage::ALL {
            // Random subsets of stages, repeated stages and coarse times (ties in days).
            for _ in 0..rng.usize(0..=2) {
                if rng.u8(0..3) == 0 {
                    continue;
                }
                let at = base + i64::from(stage.number()) * 86_400 * rng.i64(0..6) + rng.i64(0..4) * 43_200;
                events.push(CustomerEvent {
                    customer_id: format!("c{c}"),
                    persona: persona.to_owned(),
                    stage,
                    reached_at: fanpath::model::date::from_epoch_seconds(at),
                });
            }
        }
    }
    rng.shuffle(&mut events);
    // Three imports, so later ones move first events earlier and add stages.
    let (a, rest) = events.split_at(events.len() / 3);
    let (b, c) = rest.split_at(rest.len() / 2);
    for part in [a, b, c] {
        ws.import_customer_events(part.iter().cloned()).expect("import");
    }
    assert_derived_columns(&path);

    let report = ws.report(None).expect("report");
    assert_eq!(report.funnel, Funnel::from_events(&events));
    for persona in personas {
        let mine: Vec<CustomerEvent> = events.iter().filter(|e| e.persona == persona).cloned().collect();
        let expected = Funnel::from_events(&mine);
        let report = ws.report(Some(&persona.to_uppercase())).expect("persona report");
        assert_eq!(report.funnel, expected, "{persona}");
        let row = report.personas.iter().find(|p| p.name == persona).expect("row");
        assert_eq!(row.reached, expected.reached);
    }
    // The breakdown is in Vietnamese order: A, Á, Đ, Z.
    let names: Vec<String> = ws.report(None).expect("report").personas.into_iter().map(|p| p.name).collect();
    assert_eq!(names, ["An", "Ánh", "Đặng Văn Lâm", "Zoe"]);
}

#[test]
fn emotion_stats_equal_the_reference() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let mut rng = fastrand::Rng::with_seed(9);
    let mut csv = "persona,stage,score\n".to_owned();
    let mut scores: Vec<Vec<(bool, Score)>> = vec![Vec::new(); 8];
    for _ in 0..300 {
        let stage = rng.usize(0..8);
        let a = rng.bool();
        let score = Score::new(rng.i64(-5..=5)).expect("score");
        csv.push_str(&format!("{},{},{score}\n", if a { "A" } else { "B" }, stage + 1));
        scores[stage].push((a, score));
    }
    import(&mut ws, ImportKind::Emotions, csv).expect("import");
    let all = ws.report(None).expect("report");
    let only_a = ws.report(Some("a")).expect("report");
    for (i, list) in scores.iter().enumerate() {
        for (stats, filter) in [(all.emotions[i], None), (only_a.emotions[i], Some(true))] {
            let expected = EmotionStats::from_scores(
                list.iter().filter(|(a, _)| filter.is_none_or(|f| f == *a)).map(|(_, s)| *s),
            );
            assert_eq!((stats.entries, stats.min, stats.max), (expected.entries, expected.min, expected.max));
            let (m, e) = (stats.mean.unwrap_or(f64::NAN), expected.mean.unwrap_or(f64::NAN));
            assert!((m - e).abs() < 1e-9 || (m.is_nan() && e.is_nan()), "{m} vs {e}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// Demo

#[test]
fn demo_fills_an_empty_workspace_and_refuses_to_mix() {
    let dir = temp();
    let path: PathBuf = dir.path().join("demo.sqlite");
    let mut ws = Workspace::open(&path).expect("ws");
    let today = NaiveDate::from_ymd_opt(2025, 6, 30).expect("date");
    let mut options = DemoOptions::new(today);
    options.customers = 500;
    let summary = ws.write_demo(&options).expect("demo");
    assert_eq!(summary.personas, 4);
    assert_eq!(summary.customers, 500);
    assert!(summary.touchpoints >= 32 && summary.emotions >= 96, "{summary:?}");
    assert_derived_columns(&path);

    let events = demo_customer_events(500, options.seed, today);
    assert_eq!(summary.events, events.len() as u64);
    let report = ws.report(None).expect("report");
    assert_eq!(report.funnel, Funnel::from_events(&events));
    assert!(report.emotions.iter().all(|e| e.entries >= 12));
    assert!(report.emotions[Stage::Validation.index()].min < Some(0));
    let personas = ws.personas().expect("personas");
    assert!(personas.iter().all(|p| p.persona.stage.is_some() && p.persona.avatar_png.is_some()));
    // The summary counts the touchpoints written (the current version's); the demo's to-be
    // version holds a copy of them plus its own.
    let current = ws.first_version().expect("current");
    assert_eq!(ws.version_touchpoints(current, None).expect("touchpoints").len() as u64, summary.touchpoints);

    let err = ws.write_demo(&options).expect_err("not empty");
    assert!(matches!(err, StoreError::NotEmpty { .. }));
    assert!(err.to_string().contains("4 personas"), "{err}");
    assert!(err.to_string().contains(&path.display().to_string()), "{err}");

    options.replace = true;
    options.customers = 50;
    let again = ws.write_demo(&options).expect("replace");
    assert_eq!(again.customers, 50);
    assert_eq!(ws.report(None).expect("report").customers(), 50);
    assert_eq!(ws.personas().expect("personas").len(), 4);
}

#[test]
fn programmatic_events_and_long_persona_names_are_validated() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let at = parse_date_time("2024-01-01").expect("date");
    let event = |customer: &str, persona: &str| CustomerEvent {
        customer_id: customer.to_owned(),
        persona: persona.to_owned(),
        stage: Stage::Evaluation,
        reached_at: at,
    };
    let err = ws
        .import_customer_events([event("a", "P"), event(" ", "P"), event("b", ""), event("a", "Q")])
        .expect_err("invalid events");
    let message = err.to_string();
    for expected in [
        "3 invalid rows",
        "line 2: customer_id is empty",
        "line 3: persona is empty",
        "line 4: customer \"a\"",
    ] {
        assert!(message.contains(expected), "{expected:?} not in {message}");
    }
    assert_eq!(ws.report(None).expect("report").customers(), 0);

    let long = "ễ".repeat(201);
    let err =
        import(&mut ws, ImportKind::Customers, format!("{HEADER}a,{long},1,2024-01-01\n")).expect_err("long");
    assert!(
        err.to_string().contains("line 2: persona name is 201 characters long; the limit is 200"),
        "{err}"
    );
    let summary = ws.import_customer_events([event("a", &"ễ".repeat(120))]).expect("120 is fine");
    assert_eq!(summary.personas_created.len(), 1);
}

// ---------------------------------------------------------------------------------------
// Damaged rows: a value another tool wrote that is not one of the domain's

/// A workspace file with one persona, emotion entry, touchpoint and customer, kept open,
/// and a second, raw connection to the same file that may write what Fanpath never would.
fn workspace_and_raw_connection(dir: &Path) -> (Workspace, Connection) {
    let path = dir.join("ws.sqlite");
    let mut ws = Workspace::open(&path).expect("workspace");
    import(&mut ws, ImportKind::Customers, "customer_id,persona,stage,reached_at\nk1,Hằng,2,2024-01-01\n")
        .expect("customers");
    import(&mut ws, ImportKind::Emotions, "persona,stage,score,source\nHằng,3,-2,survey\n")
        .expect("emotions");
    let raw = Connection::open(&path).expect("raw connection");
    // The schema's CHECK constraints would stop a stage 9: another tool may have none.
    raw.pragma_update(None, "ignore_check_constraints", true).expect("pragma");
    (ws, raw)
}

fn assert_damaged(err: &StoreError, table: &str, column: &str, value: &str, row: i64) {
    let StoreError::DamagedRow { table: t, id, column: c, value: v } = err else {
        panic!("expected a damaged row, got {err:?}");
    };
    assert_eq!((*t, *id, c.as_str(), v.as_str()), (table, row, column, value), "{err}");
    let english = err.to_string();
    assert!(english.contains(&format!("row {row} of table {table}")), "{english}");
    assert!(english.contains(&format!("{value} in column {column}")), "{english}");
    let vietnamese = err.message(fanpath::model::Language::Vietnamese);
    assert!(vietnamese.contains(&format!("dòng {row} của bảng {table}")), "{vietnamese}");
}

#[test]
fn damaged_emotion_values_are_errors_naming_table_row_and_column() {
    let dir = temp();
    let (ws, raw) = workspace_and_raw_connection(dir.path());
    let id: i64 = raw.query_row("SELECT id FROM emotions", [], |r| r.get(0)).expect("id");
    let good = ws.emotions(None, None).expect("emotions");
    assert_eq!(good.len(), 1);
    for (column, bad, shown) in [
        ("stage", "9", "9"),
        ("score", "42", "42"),
        ("source", "'rumour'", "'rumour'"),
        ("logged_at", "'yesterday'", "'yesterday'"),
    ] {
        raw.execute(&format!("UPDATE emotions SET {column} = {bad} WHERE id = ?1"), [id]).expect("bad value");
        let err = ws.emotions(None, None).expect_err(column);
        assert_damaged(&err, "emotions", column, shown, id);
        raw.execute_batch(&format!(
            "UPDATE emotions SET stage = 3, score = -2, source = 'survey', logged_at = NULL WHERE id = {id}"
        ))
        .expect("repair");
        assert_eq!(ws.emotions(None, None).expect("repaired"), good);
    }

    // The per-stage statistics (a GROUP BY, no row id of its own) name the first row too.
    raw.execute("UPDATE emotions SET stage = 9 WHERE id = ?1", [id]).expect("bad stage");
    let err = ws.report(None).expect_err("report");
    assert_damaged(&err, "emotions", "stage", "9", id);
    raw.execute("UPDATE emotions SET stage = 3, score = 42 WHERE id = ?1", [id]).expect("bad score");
    let err = ws.analytics(&fanpath::store::AnalyticsOptions::default()).expect_err("analytics");
    assert_damaged(&err, "emotions", "score", "42", id);
}

#[test]
fn damaged_personas_touchpoints_and_customers_are_errors_too() {
    let dir = temp();
    let (mut ws, raw) = workspace_and_raw_connection(dir.path());
    let persona = ws.personas().expect("personas")[0].id;
    let touchpoint = fanpath::model::Touchpoint {
        version: ws.first_version().expect("version"),
        persona,
        stage: Stage::Kickoff,
        channel: fanpath::model::Channel::Other("Zalo".into()),
        description: String::new(),
    };
    let tid = ws.add_touchpoint(&touchpoint).expect("touchpoint");

    raw.execute("UPDATE personas SET color = 'blue' WHERE id = ?1", [persona.0]).expect("bad colour");
    assert_damaged(&ws.personas().expect_err("personas"), "personas", "color", "'blue'", persona.0);
    assert_damaged(&ws.report(None).expect_err("report"), "personas", "color", "'blue'", persona.0);
    raw.execute("UPDATE personas SET color = '#102030', stage = 0 WHERE id = ?1", [persona.0])
        .expect("stage 0");
    assert_damaged(&ws.persona(persona).expect_err("persona"), "personas", "stage", "0", persona.0);
    raw.execute("UPDATE personas SET stage = NULL WHERE id = ?1", [persona.0]).expect("repair");

    raw.execute("UPDATE touchpoints SET stage = 12 WHERE id = ?1", [tid.0]).expect("bad stage");
    assert_damaged(&ws.touchpoints(None).expect_err("touchpoints"), "touchpoints", "stage", "12", tid.0);
    let err = ws.analytics(&fanpath::store::AnalyticsOptions::default()).expect_err("coverage");
    assert_damaged(&err, "touchpoints", "stage", "12", tid.0);
    raw.execute("UPDATE touchpoints SET stage = 4 WHERE id = ?1", [tid.0]).expect("repair");
    assert_eq!(ws.touchpoints(None).expect("repaired"), vec![(tid, touchpoint)]);

    let customer: i64 = raw.query_row("SELECT id FROM customers", [], |r| r.get(0)).expect("customer");
    raw.execute("UPDATE customers SET furthest_stage = 9 WHERE id = ?1", [customer]).expect("bad stage");
    assert_damaged(&ws.report(None).expect_err("report"), "customers", "furthest_stage", "9", customer);
    raw.execute("UPDATE customers SET furthest_stage = 2 WHERE id = ?1", [customer]).expect("repair");
    raw.execute("UPDATE stage_events SET stage = 9 WHERE customer_id = ?1 AND stage = 2", [customer])
        .expect("bad event");
    assert_damaged(&ws.report(None).expect_err("report"), "stage_events", "stage", "9", customer);
}
