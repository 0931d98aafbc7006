//! UI frames on a 1,000,000-customer demo workspace (about 3.9 million stage events):
//! egui layout plus tessellation through an egui_kittest harness, no GPU rendering.
//! Run in release: `cargo bench --bench ui_frame`.
//!
//! The workspace is generated once into `target/tmp/` and reused by later runs; **the
//! first run spends minutes writing it**. `FANPATH_BENCH_CUSTOMERS=250000` picks another
//! size (each size has its own file).
//!
//! - `analytics_frame`: one frame with the numbers on show, what every hover costs.
//! - `frames_while_switching`: every frame from a switch of persona filter or of chart
//!   until its result is on screen, while the worker computes. Target: no frame over 16 ms.
//!   Besides divan's table it prints the median and worst per kind of frame.
//! - `analytics_query` and `view_data_load`: what the worker and a cache reload cost.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use divan::Bencher;
use egui_kittest::Harness;
use fanpath::model::PersonaId;
use fanpath::store::analytics::AnalyticsOptions;
use fanpath::store::{DemoOptions, Workspace};
use fanpath::ui::analytics::Chart;
use fanpath::ui::command::UiCommand;
use fanpath::ui::data::ViewData;
use fanpath::ui::state::View;
use fanpath::ui::{FanpathApp, Settings};

fn main() {
    divan::main();
}

thread_local! {
    /// Time spent in `FanpathApp::ui` during the current step (all of its passes): the
    /// app's own work, without kittest's accessibility tree, textures or tessellation.
    static APP_WORK: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
}

fn customers() -> u64 {
    std::env::var("FANPATH_BENCH_CUSTOMERS").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000_000)
}

/// The demo workspace in `target/tmp/`, written on first use. It is written under a
/// temporary name and renamed when complete, so an interrupted run is never reused.
static WORKSPACE: LazyLock<PathBuf> = LazyLock::new(|| {
    let customers = customers();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("ui_frame_{customers}.sqlite"));
    if path.exists() {
        return path;
    }
    let partial = dir.join(format!("ui_frame_{customers}.partial.sqlite"));
    let _ = std::fs::remove_file(&partial);
    eprintln!("writing a {customers}-customer demo workspace to {} (once; minutes)", path.display());
    let started = Instant::now();
    let mut ws = Workspace::open(&partial).expect("workspace");
    ws.write_demo(&DemoOptions { customers, ..DemoOptions::new(today()) }).expect("demo");
    drop(ws);
    std::fs::rename(&partial, &path).expect("rename");
    eprintln!("written in {:.0?}", started.elapsed());
    path
});

/// Steps until the worker has answered, so the frames measured draw real numbers.
fn settle(harness: &mut Harness<'static, FanpathApp>) {
    let deadline = Instant::now() + Duration::from_secs(300);
    let mut idle_frames = 0;
    while idle_frames < 2 {
        harness.step();
        if harness.state().busy() {
            idle_frames = 0;
            assert!(Instant::now() < deadline, "the worker did not answer");
            std::thread::sleep(Duration::from_millis(5));
        } else {
            idle_frames += 1;
        }
    }
}

fn harness(chart: Chart) -> Harness<'static, FanpathApp> {
    let ws = Workspace::open(&*WORKSPACE).expect("open");
    let mut app = FanpathApp::with_today(ws, Settings::default(), today());
    app.send(UiCommand::ShowView(View::Analytics));
    app.analytics_view_mut().chart = chart;
    let mut harness = Harness::builder().with_size([1280.0, 800.0]).build_ui_state(
        |ui, app: &mut FanpathApp| {
            let started = Instant::now();
            app.ui(ui);
            APP_WORK.set(APP_WORK.get() + started.elapsed());
        },
        app,
    );
    settle(&mut harness);
    // Lay out text and settle the plot bounds.
    harness.run_steps(4);
    harness
}

/// One frame's work: the app's frame plus tessellation.
fn frame(harness: &mut Harness<'static, FanpathApp>) {
    APP_WORK.set(Duration::ZERO);
    harness.step();
    let shapes = harness.output().shapes.clone();
    let ctx = harness.ctx.clone();
    divan::black_box(ctx.tessellate(shapes, 1.0));
}

/// One frame with cached data: what every repaint (hover, scroll) costs.
#[divan::bench(args = [Chart::Funnel, Chart::EmotionCurve, Chart::EmotionVsDropOff, Chart::TimeToStage, Chart::Stalled], sample_count = 60)]
fn analytics_frame(bencher: Bencher, chart: Chart) {
    let mut harness = harness(chart);
    bencher.bench_local(|| frame(&mut harness));
}

/// Which frame of a switch a measurement was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The frame in which the persona filter changed (it sends the job).
    FilterSwitch,
    /// The frame in which the chart changed (drawn from the numbers on show).
    ChartSwitch,
    /// A frame while the worker computes (the last numbers and a spinner).
    Waiting,
    /// The frame that takes the worker's answer and draws it.
    Arrival,
}

/// Switches alternately the persona filter and the chart, and measures every frame from
/// the switch until its result is drawn. Between frames it sleeps 8 ms (untimed), about a
/// display's pace, so the worker runs as it would behind a window.
#[divan::bench(sample_count = 400, sample_size = 1)]
fn frames_while_switching(bencher: Bencher) {
    let harness = RefCell::new(harness(Chart::Funnel));
    let filters: Vec<Option<PersonaId>> =
        harness.borrow().state().data.personas.iter().map(|r| Some(r.id)).chain([None]).collect();
    // Per frame: its kind, the whole step with tessellation, and the app's own work.
    let frames: RefCell<Vec<(Kind, Duration, Duration)>> = RefCell::new(Vec::new());
    let switches = RefCell::new(0_usize);
    bencher.with_inputs(|| std::thread::sleep(Duration::from_millis(8))).bench_local_values(|()| {
        let mut harness = harness.borrow_mut();
        let started = Instant::now();
        let waiting = harness.state().busy();
        let kind = if waiting {
            Kind::Waiting
        } else {
            let mut switches = switches.borrow_mut();
            *switches += 1;
            let n = *switches;
            let view = harness.state_mut().analytics_view_mut();
            if n.is_multiple_of(2) {
                view.chart = Chart::ALL[(n / 2) % Chart::ALL.len()];
                Kind::ChartSwitch
            } else {
                view.persona = filters[(n / 2) % filters.len()];
                Kind::FilterSwitch
            }
        };
        frame(&mut harness);
        let kind = if waiting && !harness.state().busy() { Kind::Arrival } else { kind };
        frames.borrow_mut().push((kind, started.elapsed(), APP_WORK.get()));
    });
    report(&frames.into_inner(), *switches.borrow());
}

/// Median and worst frame per kind, on stderr beside divan's table.
fn report(frames: &[(Kind, Duration, Duration)], switches: usize) {
    eprintln!(
        "\nframes_while_switching: {} frames, {switches} switches, {} customers",
        frames.len(),
        customers()
    );
    let summary = |mut times: Vec<Duration>| {
        times.sort();
        let (Some(median), Some(worst)) = (times.get(times.len() / 2), times.last()) else {
            return String::new();
        };
        let over = times.iter().filter(|t| **t > Duration::from_millis(16)).count();
        format!("median {median:.2?}, worst {worst:.2?}, over 16 ms: {over}")
    };
    for kind in [Kind::FilterSwitch, Kind::ChartSwitch, Kind::Waiting, Kind::Arrival] {
        let of_kind = || frames.iter().filter(|(k, _, _)| *k == kind);
        eprintln!(
            "  {kind:?} ({} frames)\n    app work (FanpathApp::ui): {}\n    whole step + tessellation: {}",
            of_kind().count(),
            summary(of_kind().map(|(_, _, app)| *app).collect()),
            summary(of_kind().map(|(_, whole, _)| *whole).collect()),
        );
    }
}

/// The analytics query the worker runs for one filter (the spinner's duration).
#[divan::bench(sample_count = 5)]
fn analytics_query(bencher: Bencher) {
    let ws = Workspace::open(&*WORKSPACE).expect("open");
    let options = AnalyticsOptions {
        persona: None,
        stall_days: 30,
        reference_date: today(),
        stalled_list_limit: 200,
        version: None,
    };
    bencher.bench_local(|| divan::black_box(ws.analytics(&options).expect("analytics")));
}

/// Reloading the cache (personas, emotion entries, touchpoints, per-stage statistics) on
/// the UI thread after every edit: customer events are never loaded, so it stays small.
#[divan::bench(sample_count = 20)]
fn view_data_load(bencher: Bencher) {
    let ws = Workspace::open(&*WORKSPACE).expect("open");
    bencher.bench_local(|| divan::black_box(ViewData::load(&ws).expect("load")));
}
