//! One UI frame of the Analytics view on a 100,000-customer demo workspace (about a
//! million stage events): egui layout plus tessellation through an egui_kittest harness,
//! no GPU rendering. Run in release: `cargo bench --bench ui_frame`. Target: ≤ 4 ms.

use std::sync::LazyLock;

use chrono::NaiveDate;
use divan::Bencher;
use egui_kittest::Harness;
use fanpath::store::{DemoOptions, Workspace};
use fanpath::ui::analytics::Chart;
use fanpath::ui::command::UiCommand;
use fanpath::ui::state::View;
use fanpath::ui::{FanpathApp, Settings};

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
}

/// The demo workspace, written once for all benchmarks.
static WORKSPACE: LazyLock<(tempfile::TempDir, std::path::PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("demo.sqlite");
    let mut ws = Workspace::open(&path).expect("workspace");
    ws.write_demo(&DemoOptions { customers: 100_000, ..DemoOptions::new(today()) }).expect("demo");
    (dir, path)
});

fn harness(chart: Chart) -> Harness<'static, FanpathApp> {
    let ws = Workspace::open(&WORKSPACE.1).expect("open");
    let mut app = FanpathApp::with_today(ws, Settings::default(), today());
    app.send(UiCommand::ShowView(View::Analytics));
    app.analytics_view_mut().chart = chart;
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_ui_state(|ui, app: &mut FanpathApp| app.ui(ui), app);
    // Settle: the first frames compute and cache the analytics and lay out text.
    harness.run_steps(4);
    harness
}

/// One frame with cached data: what every repaint (hover, scroll) costs.
#[divan::bench(args = [Chart::Funnel, Chart::EmotionCurve, Chart::EmotionVsDropOff, Chart::TimeToStage, Chart::Stalled], sample_count = 60)]
fn analytics_frame(bencher: Bencher, chart: Chart) {
    let mut harness = harness(chart);
    bencher.bench_local(|| {
        harness.step();
        let shapes = harness.output().shapes.clone();
        let ctx = harness.ctx.clone();
        divan::black_box(ctx.tessellate(shapes, 1.0));
    });
}

/// Switching the persona filter: the store query plus the next frame.
#[divan::bench(sample_count = 10)]
fn switch_persona_filter(bencher: Bencher) {
    let mut harness = harness(Chart::Funnel);
    let personas: Vec<_> = harness.state().data.personas.iter().map(|r| Some(r.id)).chain([None]).collect();
    let mut next = personas.iter().cycle();
    bencher.bench_local(|| {
        harness.state_mut().analytics_view_mut().persona = next.next().copied().flatten();
        harness.step();
    });
}
