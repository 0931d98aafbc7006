//! The import wizard's frames on a 1,000,000-row event log (issue #8 §3: "no frame over
//! 100 ms while a million-row file is read, previewed or imported"). Run in release:
//! `cargo bench --bench import_wizard`.
//!
//! Drives the whole app headlessly (an egui_kittest harness around `FanpathApp::ui`, no GPU)
//! through File → Import data… as a user would: the file, its columns, reading it (step 3),
//! mapping eight rules through the combo boxes and the + buttons (each edit recomputes the
//! funnel preview), the funnel step, and the import until its summary is on screen. Every
//! frame's duration is recorded, and the max, p99 and median are printed per phase, for the
//! whole step (the app, kittest's accessibility tree, tessellation) and for the app's own
//! work. Between frames it sleeps 8 ms (untimed), about a display's pace, so the wizard's
//! threads run as they would behind a window.
//!
//! The log is the one `scripts/bench_events_import.sh` writes (same shape: ~250,000
//! customers, 12 event names, times in three notations, a persona column), generated once
//! into `target/tmp/`; `FANPATH_BENCH_EVENT_LOG=FILE` uses another file of that shape, and
//! `FANPATH_BENCH_ROWS=N` another size.

use std::cell::Cell;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use fanpath::store::Workspace;
use fanpath::ui::command::UiCommand;
use fanpath::ui::import_wizard::{Loading, RunState, Step, WizardRequest};
use fanpath::ui::{FanpathApp, Settings};

thread_local! {
    /// Time spent in `FanpathApp::ui` during the current step.
    static APP_WORK: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// The frame budget the issue sets.
const BUDGET: Duration = Duration::from_millis(100);

/// Untimed pause between frames (about a 120 Hz display's pace).
const PAUSE: Duration = Duration::from_millis(8);

/// The script's rules (`scripts/bench_events_import.sh`), as (event, line, stage option):
/// the purchase gets three lines (earliest, 2nd and 3rd distinct time) through its + button.
const RULES: [(&str, usize, &str); 8] = [
    ("page_view", 1, "1. Evaluation"),
    ("view_item", 1, "2. Acknowledgment"),
    ("add_to_cart", 1, "3. Validation"),
    ("purchase", 1, "4. Kickoff"),
    ("purchase", 2, "5. Acclimation"),
    ("review", 1, "6. Accomplishment"),
    ("purchase", 3, "7. Adoption"),
    ("refer_friend", 1, "8. Advocacy"),
];

fn main() {
    let rows: usize =
        std::env::var("FANPATH_BENCH_ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let log = std::env::var_os("FANPATH_BENCH_EVENT_LOG").map_or_else(|| generated_log(rows), PathBuf::from);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let db = dir.join("import_wizard.sqlite");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut bench = Bench::new(&db);
    bench.run(&log);
    bench.report(&log);
}

/// One frame's measurement.
struct Frame {
    phase: &'static str,
    whole: Duration,
    app: Duration,
}

struct Bench {
    harness: Harness<'static, FanpathApp>,
    frames: Vec<Frame>,
    phase: &'static str,
}

impl Bench {
    fn new(db: &Path) -> Self {
        let today = NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default();
        let workspace = Workspace::open(db).expect("workspace");
        let app = FanpathApp::with_today(workspace, Settings::default(), today);
        let mut harness =
            Harness::builder().with_size([1280.0, 800.0]).with_pixels_per_point(1.0).build_ui_state(
                |ui, app: &mut FanpathApp| {
                    let started = Instant::now();
                    app.ui(ui);
                    APP_WORK.set(APP_WORK.get() + started.elapsed());
                },
                app,
            );
        harness.run_steps(4);
        Self { harness, frames: Vec::new(), phase: "opening" }
    }

    /// One frame, timed, with its tessellation (what a real window also does).
    fn frame(&mut self) {
        std::thread::sleep(PAUSE);
        APP_WORK.set(Duration::ZERO);
        let started = Instant::now();
        self.harness.step();
        let shapes = self.harness.output().shapes.clone();
        let ctx = self.harness.ctx.clone();
        std::hint::black_box(ctx.tessellate(shapes, 1.0));
        self.frames.push(Frame { phase: self.phase, whole: started.elapsed(), app: APP_WORK.get() });
    }

    /// Frames until `done` holds and nothing is out, then two more (bounded: 10 minutes).
    fn frames_until(&mut self, what: &str, done: impl Fn(&FanpathApp) -> bool) {
        let limit = std::env::var("FANPATH_BENCH_WAIT_S").ok().and_then(|s| s.parse().ok()).unwrap_or(600);
        let deadline = Instant::now() + Duration::from_secs(limit);
        let mut idle = 0;
        while idle < 2 {
            self.frame();
            let app = self.harness.state();
            if done(app) && !app.busy() {
                idle += 1;
            } else {
                idle = 0;
                assert!(
                    Instant::now() < deadline,
                    "{what}: no answer in {limit} s; busy {}, wizard at {:?}",
                    app.busy(),
                    app.import_wizard().map(|w| (
                        w.step,
                        w.head.is_busy(),
                        w.log.is_busy(),
                        w.funnel.is_busy()
                    ))
                );
            }
        }
    }

    /// Clicks what `by` finds, after two frames in which the layout settles (a step's first
    /// frame may still move its buttons), then draws the frame taking the click.
    fn click(&mut self, by: By<'_>) {
        self.frame();
        self.frame();
        self.harness.get(by).click();
        self.frame();
    }

    fn wizard_step(&self) -> Option<Step> {
        self.harness.state().import_wizard().map(|w| w.step)
    }

    fn run(&mut self, log: &Path) {
        // 1 – 2. The wizard on the file (a drop), its head and its columns.
        self.phase = "1-2 file and columns";
        self.harness.state_mut().send(UiCommand::ImportData);
        self.frame();
        self.harness.state_mut().send(WizardRequest::SetFile(log.to_path_buf()));
        self.frames_until("head", |app| app.import_wizard().is_some_and(|w| w.head.ready().is_some()));
        self.click(By::new().label("Next"));
        assert_eq!(self.wizard_step(), Some(Step::Columns));

        // 3. Reading and checking the whole log, counting its events.
        self.phase = "3 reading the log";
        self.click(By::new().label("Next"));
        self.frames_until("log", |app| {
            app.import_wizard().is_some_and(|w| !matches!(w.log, Loading::Busy | Loading::Idle))
        });
        let wizard = self.harness.state().import_wizard().expect("wizard");
        let Loading::Ready(facts) = &wizard.log else {
            panic!("the log was not read: {:?}", wizard.log);
        };
        eprintln!("read: {} rows, {} customers, {} events", facts.rows, facts.customers, facts.events.len());

        // 3 – 4. Every rule through the UI; each edit recomputes the funnel preview.
        self.phase = "3 rules edits -> funnel preview";
        for (event, line, stage) in RULES {
            let name = if line == 1 {
                format!("Stage for event {event}")
            } else {
                self.click(By::new().label(&format!("Add a line for event {event}")));
                format!("Stage for event {event}, line {line}")
            };
            self.click(By::new().role(Role::ComboBox).label(&name));
            let option = By::new().label(stage).predicate(|node| node.role() != Role::Label);
            self.frame();
            self.harness.get_all(option).last().expect("option").click();
            self.frame();
            self.frames_until("funnel", |app| {
                app.import_wizard().is_some_and(|w| w.funnel.ready().is_some())
            });
        }
        self.phase = "4 funnel step";
        self.click(By::new().label("Next"));
        self.frames_until("funnel step", |app| {
            app.import_wizard().is_some_and(|w| w.funnel.ready().is_some())
        });
        assert_eq!(self.wizard_step(), Some(Step::Funnel));
        let wizard = self.harness.state().import_wizard().expect("wizard");
        eprintln!("funnel preview: {:?}", wizard.funnel.ready().map(|f| f.funnel.reached));

        // 5. The import on its thread, its progress, its summary, the reloaded views.
        self.phase = "5 importing";
        let started = Instant::now();
        self.click(By::new().label("Import"));
        self.frames_until("import", |app| {
            app.import_wizard()
                .is_some_and(|w| !matches!(w.run, RunState::Running { .. } | RunState::NotStarted))
        });
        let wizard = self.harness.state().import_wizard().expect("wizard");
        let RunState::Done(summary) = &wizard.run else {
            panic!("the import failed: {:?}", wizard.run);
        };
        eprintln!("imported in {:.1?}: {}", started.elapsed(), summary.lines().next().unwrap_or_default());
        self.phase = "after: close";
        self.click(By::new().label("Close"));
        self.harness.run_steps(2);
    }

    fn report(&self, log: &Path) {
        let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        let load: Vec<&str> = load.split_whitespace().take(3).collect();
        let mut out = String::new();
        _ = writeln!(
            out,
            "\nimport wizard on {} ({} frames; {cores} cores, load {}); frame budget {BUDGET:?}",
            log.display(),
            self.frames.len(),
            load.join(" ")
        );
        let mut phases: Vec<&'static str> = Vec::new();
        for frame in &self.frames {
            if !phases.contains(&frame.phase) {
                phases.push(frame.phase);
            }
        }
        for phase in phases.into_iter().chain(["all"]) {
            let of_phase: Vec<&Frame> =
                self.frames.iter().filter(|f| phase == "all" || f.phase == phase).collect();
            let whole = summary(of_phase.iter().map(|f| f.whole).collect());
            let app = summary(of_phase.iter().map(|f| f.app).collect());
            _ = writeln!(
                out,
                "  {phase} ({} frames)\n    whole step: {whole}\n    app work:   {app}",
                of_phase.len()
            );
        }
        let worst = self.frames.iter().max_by_key(|f| f.whole);
        if let Some(worst) = worst {
            _ = writeln!(out, "  worst frame: {:.1?} in \"{}\"", worst.whole, worst.phase);
        }
        eprint!("{out}");
    }
}

/// "max 12.3ms, p99 8.1ms, median 2.0ms, over 100 ms: 0".
fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).copied().unwrap_or_default()
    };
    let over = times.iter().filter(|t| **t > BUDGET).count();
    format!("max {:.1?}, p99 {:.1?}, median {:.1?}, over 100 ms: {over}", at(1.0), at(0.99), at(0.5))
}

/// The script's event log, written once into `target/tmp/` (under a temporary name renamed
/// when complete, so an interrupted run is never reused).
fn generated_log(rows: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!("wizard_events_{rows}.csv"));
    if path.exists() {
        return path;
    }
    let events = [
        "page_view",
        "search",
        "view_item",
        "add_to_cart",
        "begin_checkout",
        "purchase",
        "review",
        "refer_friend",
        "login",
        "newsletter_open",
        "support_ticket",
        "return_request",
    ];
    let personas = ["Sinh viên", "Nhân viên văn phòng", "Chủ cửa hàng", ""];
    let mut rng = fastrand::Rng::with_seed(8);
    let mut csv = String::with_capacity(rows * 60);
    csv.push_str("customer_id,event,timestamp,persona\n");
    for _ in 0..rows {
        let customer = rng.u32(0..250_000);
        let r = rng.f64();
        // The later funnel events rarer, as in the script.
        let event = match r {
            r if r < 0.30 => 0,
            r if r < 0.45 => 1,
            r if r < 0.60 => 2,
            r if r < 0.70 => 3,
            r if r < 0.76 => 4,
            r if r < 0.82 => 5,
            _ => 6 + rng.usize(0..6),
        };
        let (m, d, h, mi, s) =
            (rng.u32(1..=6), rng.u32(1..=28), rng.u32(0..24), rng.u32(0..60), rng.u32(0..60));
        let time = match rng.u8(0..3) {
            0 => format!("2024-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"),
            1 => format!("2024-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}+07:00"),
            _ => format!("2024-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
        };
        let persona = personas[(customer % 4) as usize];
        _ = writeln!(csv, "KH{customer:06},{},{time},{persona}", events[event]);
    }
    let partial = dir.join(format!("wizard_events_{rows}.partial.csv"));
    std::fs::write(&partial, csv).expect("write the log");
    std::fs::rename(&partial, &path).expect("rename");
    path
}
