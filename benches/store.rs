//! Store benchmarks on a million customer events. Run in release: `cargo bench --bench store`.
//!
//! Targets: import ≥ 300,000 rows/s, report ≤ 300 ms on the 1M-event workspace.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::NaiveDate;
use divan::Bencher;
use divan::counter::ItemsCount;
use fanpath::model::date::format_iso;
use fanpath::store::{DemoOptions, ImportKind, ImportOptions, Workspace, demo_customer_events};

fn main() {
    divan::main();
}

const EVENTS: usize = 1_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default()
}

/// A folder holding the CSV of a million events (realistic: demo customers, ISO dates),
/// the same with every field quoted (as spreadsheets export it), and a workspace with those
/// events imported.
struct Fixture {
    dir: PathBuf,
    csv: PathBuf,
    quoted_csv: PathBuf,
    workspace: PathBuf,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    // Under target/ and emptied on each run: a static is never dropped, so a TempDir here
    // would leave 200 MB behind every run.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("store-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let csv = dir.join("events.csv");
    // About four events per demo customer: make enough, keep the first million.
    let events = demo_customer_events(280_000, 1, today());
    assert!(events.len() >= EVENTS, "only {} events", events.len());
    let mut out = BufWriter::new(std::fs::File::create(&csv).expect("create csv"));
    writeln!(out, "customer_id,persona,stage,reached_at").expect("write");
    for e in &events[..EVENTS] {
        writeln!(out, "{},{},{},{}", e.customer_id, e.persona, e.stage.number(), format_iso(e.reached_at))
            .expect("write");
    }
    out.flush().expect("flush");
    drop(out);
    let quoted_csv = dir.join("events-quoted.csv");
    let mut out = BufWriter::new(std::fs::File::create(&quoted_csv).expect("create csv"));
    writeln!(out, "\"customer_id\",\"persona\",\"stage\",\"reached_at\"").expect("write");
    for e in &events[..EVENTS] {
        let at = format_iso(e.reached_at);
        writeln!(out, "\"{}\",\"{}\",\"{}\",\"{at}\"", e.customer_id, e.persona, e.stage.number())
            .expect("write");
    }
    out.flush().expect("flush");
    drop(out);
    let workspace = dir.join("million.sqlite");
    Workspace::open(&workspace)
        .expect("workspace")
        .import_csv(ImportKind::Customers, &csv, ImportOptions::default(), &mut |_| {})
        .expect("import");
    Fixture { dir, csv, quoted_csv, workspace }
});

fn fresh_workspace(name: &str) -> Workspace {
    let path = FIXTURE.dir.join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    Workspace::open(&path).expect("workspace")
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_1m_customer_events(bencher: Bencher) {
    let csv = &FIXTURE.csv;
    bencher
        .counter(ItemsCount::new(EVENTS))
        .with_inputs(|| fresh_workspace("import.sqlite"))
        .bench_local_values(|mut ws| {
            let summary = ws
                .import_csv(ImportKind::Customers, csv, ImportOptions::default(), &mut |_| {})
                .expect("import");
            assert_eq!(summary.rows, EVENTS as u64);
            ws
        });
}

/// Quoted files were parsed on one thread before issue #7; now they are cut into chunks too.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn import_1m_quoted_customer_events(bencher: Bencher) {
    let csv = &FIXTURE.quoted_csv;
    bencher
        .counter(ItemsCount::new(EVENTS))
        .with_inputs(|| fresh_workspace("import-quoted.sqlite"))
        .bench_local_values(|mut ws| {
            let summary = ws
                .import_csv(ImportKind::Customers, csv, ImportOptions::default(), &mut |_| {})
                .expect("import");
            assert_eq!(summary.rows, EVENTS as u64);
            ws
        });
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn reimport_1m_customer_events_unchanged(bencher: Bencher) {
    let fixture = &*FIXTURE;
    bencher
        .counter(ItemsCount::new(EVENTS))
        .with_inputs(|| Workspace::open(&fixture.workspace).expect("ws"))
        .bench_local_values(|mut ws| {
            let summary = ws
                .import_csv(ImportKind::Customers, &fixture.csv, ImportOptions::default(), &mut |_| {})
                .expect("import");
            assert_eq!(summary.added, 0);
            ws
        });
}

#[divan::bench(sample_count = 10)]
fn report_1m_events(bencher: Bencher) {
    let ws = Workspace::open(&FIXTURE.workspace).expect("workspace");
    bencher.bench_local(|| ws.report(None).expect("report"));
}

#[divan::bench(sample_count = 10)]
fn report_1m_events_one_persona(bencher: Bencher) {
    let ws = Workspace::open(&FIXTURE.workspace).expect("workspace");
    bencher.bench_local(|| ws.report(Some("Nguyễn Thị Hằng")).expect("report"));
}

#[divan::bench(sample_count = 3, sample_size = 1)]
fn demo_100k_customers(bencher: Bencher) {
    bencher.with_inputs(|| fresh_workspace("demo.sqlite")).bench_local_values(|mut ws| {
        let mut options = DemoOptions::new(today());
        options.customers = 100_000;
        ws.write_demo(&options).expect("demo");
        ws
    });
}
