//! The before/after launch comparison and the cohort query on a million demo customers.
//! Run in release: `cargo bench --bench launch`.
//!
//! Both run on the Analytics worker whenever the filter or the data changes, so they are
//! what a CX lead waits for after moving the window or switching the cohort period.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::{Duration, NaiveDate};
use divan::Bencher;
use fanpath::model::launch::{DEFAULT_WINDOW_DAYS, LaunchWindow};
use fanpath::model::{CohortPeriod, DateRange, PersonaId};
use fanpath::store::{DEMO_LAUNCH_DAYS_AGO, DemoOptions, Workspace};

fn main() {
    divan::main();
}

const CUSTOMERS: u64 = 1_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or_default()
}

/// The demo's own launch (its to-be version), compared over the default window.
fn window() -> LaunchWindow {
    let today = today();
    LaunchWindow {
        launch: today - Duration::days(DEMO_LAUNCH_DAYS_AGO),
        window_days: DEFAULT_WINDOW_DAYS,
        today,
    }
}

/// The demo workspace with a million customers, written once per run.
static WORKSPACE: LazyLock<PathBuf> = LazyLock::new(|| {
    // Under target/ and emptied on each run: a static is never dropped, so a TempDir here
    // would leave hundreds of megabytes behind every run.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("launch-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join("million-customers.sqlite");
    let mut ws = Workspace::open(&path).expect("workspace");
    ws.write_demo(&DemoOptions { customers: CUSTOMERS, ..DemoOptions::new(today()) }).expect("demo");
    path
});

fn open() -> Workspace {
    Workspace::open(WORKSPACE.as_path()).expect("workspace")
}

fn first_persona(ws: &Workspace) -> PersonaId {
    ws.personas().expect("personas")[0].id
}

#[divan::bench(sample_count = 10)]
fn launch_comparison_1m_customers(bencher: Bencher) {
    let ws = open();
    let comparison = ws.launch_comparison(window(), None).expect("compare");
    assert!(comparison.before.customers() > 0 && comparison.after.customers() > 0);
    bencher.bench_local(|| ws.launch_comparison(window(), None).expect("compare"));
}

#[divan::bench(sample_count = 10)]
fn launch_comparison_1m_customers_one_persona(bencher: Bencher) {
    let ws = open();
    let persona = first_persona(&ws);
    bencher.bench_local(|| ws.launch_comparison(window(), Some(persona)).expect("compare"));
}

#[divan::bench(sample_count = 10, args = [CohortPeriod::Month, CohortPeriod::Week])]
fn cohorts_1m_customers(bencher: Bencher, period: CohortPeriod) {
    let ws = open();
    bencher.bench_local(|| ws.cohort_table(None, &DateRange::ALL, period).expect("cohorts"));
}

#[divan::bench(sample_count = 10)]
fn cohorts_1m_customers_one_persona(bencher: Bencher) {
    let ws = open();
    let persona = first_persona(&ws);
    bencher.bench_local(|| {
        ws.cohort_table(Some(persona), &DateRange::ALL, CohortPeriod::Month).expect("cohorts")
    });
}
