//! Never block a frame (issue #9, point 2): the Analytics queries and exports run on a
//! worker with its own connection while the window keeps drawing, and the window notices
//! what another process wrote to the workspace.

#[path = "common/app.rs"]
mod app;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fanpath::model::{Language, Persona};
use fanpath::store::Workspace;
use fanpath::ui::analytics::{Chart, CsvTable};
use fanpath::ui::command::UiCommand;
use fanpath::ui::state::View;
use fanpath::ui::{FanpathApp, Settings};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).expect("date")
}

fn harness(workspace: Workspace) -> Harness<'static, FanpathApp> {
    let app = FanpathApp::with_today(workspace, Settings::default(), today());
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut FanpathApp| app.ui(ui), app);
    harness.run();
    harness
}

/// The default demo (2,000 customers) in a temporary file.
fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("demo.sqlite");
    let mut ws = Workspace::open(&path).expect("create");
    ws.write_demo(&fanpath::store::DemoOptions::new(today())).expect("demo");
    (dir, path)
}

/// Steps frames (real time passing) until `done` holds; fails after `limit`.
fn step_until(
    h: &mut Harness<'_, FanpathApp>,
    limit: Duration,
    what: &str,
    mut done: impl FnMut(&Harness<'_, FanpathApp>) -> bool,
) {
    let deadline = Instant::now() + limit;
    while !done(h) {
        assert!(Instant::now() < deadline, "{what} within {limit:?}");
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
}

/// Steps until the worker has answered everything asked, then lets the screen settle.
fn settle(h: &mut Harness<'_, FanpathApp>) {
    step_until(h, Duration::from_secs(60), "the worker answers", |h| !h.state().busy());
    h.step();
    h.run();
}

fn show_analytics(h: &mut Harness<'_, FanpathApp>) {
    h.state_mut().send(UiCommand::ShowView(View::Analytics));
    // The command is applied after this frame; the next one asks for the numbers.
    h.step();
    h.step();
}

#[test]
fn analytics_are_computed_off_the_frame_with_a_spinner_meanwhile() {
    let (_dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    // The frame that asked did not wait: nothing to show yet but the spinner.
    assert!(h.state().busy());
    assert!(h.state().analytics().is_none());
    h.get_by_label("Computing…");

    settle(&mut h);
    let analytics = h.state().analytics().expect("arrived").clone();
    assert_eq!(analytics.report.customers(), 2_000);
    assert!(h.query_by_label("Computing…").is_none());
    h.get_by_label(&format!("• {}", analytics.findings[0].text(Language::English)));
}

#[test]
fn a_new_filter_keeps_the_last_numbers_on_show_until_its_own_arrive() {
    let (_dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    let persona = h.state().data.personas[0].clone();

    h.state_mut().analytics_view_mut().persona = Some(persona.id);
    h.step();
    assert!(h.state().busy());
    let shown = h.state().analytics().expect("the last numbers stay").report.persona.clone();
    assert_eq!(shown, None, "still everyone's numbers, with a spinner beside the filter");
    h.get_by_label("Computing…");

    settle(&mut h);
    let shown = h.state().analytics().expect("arrived").report.persona.clone();
    assert_eq!(shown, Some(persona.persona.name));
}

#[test]
fn switching_filters_quickly_ends_on_the_last_one() {
    let (_dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    let personas: Vec<_> = h.state().data.personas.iter().map(|r| r.id).collect();
    for id in &personas {
        h.state_mut().analytics_view_mut().persona = Some(*id);
        h.step();
    }
    h.state_mut().analytics_view_mut().stall_days = 45;
    h.step();
    settle(&mut h);
    let analytics = h.state().analytics().expect("arrived");
    let last = h.state().data.persona(personas[personas.len() - 1]).expect("persona");
    assert_eq!(analytics.report.persona.as_deref(), Some(last.persona.name.as_str()));
    assert_eq!(analytics.stalled.days, 45);
}

#[test]
fn a_workspace_in_memory_computes_inline() {
    let mut ws = Workspace::open_in_memory().expect("memory");
    ws.write_demo(&fanpath::store::DemoOptions::new(today())).expect("demo");
    let mut h = harness(ws);
    h.state_mut().send(UiCommand::ShowView(View::Analytics));
    h.run();
    assert!(!h.state().busy());
    assert_eq!(h.state().analytics().expect("computed in the frame").report.customers(), 2_000);
}

#[test]
fn exports_are_written_by_the_worker_and_reported_in_the_status_bar() {
    let (dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    let (csv, emotions, png) =
        (dir.path().join("funnel.csv"), dir.path().join("emotions.csv"), dir.path().join("c.png"));
    h.state_mut().export_csv_to(CsvTable::Funnel, csv.clone());
    h.state_mut().export_csv_to(CsvTable::Emotions, emotions.clone());
    h.state_mut().export_chart_to(Chart::TimeToStage, png.clone());
    assert!(h.state().busy(), "the exports are out, the frame is free");
    settle(&mut h);
    let funnel = std::fs::read_to_string(&csv).expect("funnel written");
    assert!(funnel.lines().count() >= 9, "{funnel}");
    assert!(std::fs::read_to_string(&emotions).expect("emotions written").lines().count() > 1);
    let image = image::open(&png).expect("a PNG");
    assert_eq!((image.width(), image.height()), (1600, 900));
    h.get_by_label_contains("Exported to");
}

#[test]
fn the_workspace_file_is_written_by_the_worker() {
    let (dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    let file = dir.path().join("everything.json");
    h.state_mut().export_workspace_file_to(file.clone());
    assert!(h.state().busy(), "the export is out, the frame is free");
    settle(&mut h);
    // What the worker wrote reads back into a new workspace with every customer.
    let mut copy = Workspace::open(dir.path().join("copy.sqlite")).expect("copy");
    let summary = copy.import_workspace_file(&file, false).expect("the file reads back");
    assert_eq!(summary.customers, 2000);
    assert_eq!(summary.personas, 4);
    h.get_by_label_contains("2,000 customers");
}

#[test]
fn an_export_that_fails_says_why() {
    let (dir, path) = demo();
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    let folder = dir.path().join("a folder");
    std::fs::create_dir(&folder).expect("folder");
    h.state_mut().export_csv_to(CsvTable::Funnel, folder);
    settle(&mut h);
    assert!(matches!(h.state().dialog, Some(fanpath::ui::state::Dialog::Error(_))));
}

fn add_persona_elsewhere(path: &Path, name: &str) {
    let mut other = Workspace::open(path).expect("a second connection");
    other.create_persona(&Persona::named(name)).expect("persona");
}

#[test]
fn a_persona_added_by_another_process_shows_without_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.sqlite");
    add_persona_elsewhere(&path, "Nguyễn Thị Hằng");
    let mut h = harness(Workspace::open(&path).expect("open"));
    assert!(h.query_all_by_label("Nguyễn Thị Hằng").next().is_some());

    // The app's own edits are not mistaken for someone else's: no second reload.
    h.state_mut().send(UiCommand::NewPersona);
    h.run();
    // Away from the new persona's card, whose name field would hold the reload back.
    h.state_mut().send(UiCommand::ShowView(View::Board));
    h.run();
    let generation = h.state().data.generation;
    let quiet = Instant::now() + Duration::from_millis(2_500);
    while Instant::now() < quiet {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    assert_eq!(h.state().data.generation, generation, "own commits reload once, not twice");

    add_persona_elsewhere(&path, "Trần Minh Đức");
    step_until(&mut h, Duration::from_secs(10), "the new persona shows", |h| {
        h.query_all_by_label("Trần Minh Đức").next().is_some()
    });
    assert_eq!(h.state().data.generation, generation + 1);
    assert_eq!(h.state().data.personas.len(), 3);
}

#[test]
fn analytics_follow_an_import_made_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.sqlite");
    drop(Workspace::open(&path).expect("create"));
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    assert_eq!(h.state().analytics().expect("computed").report.customers(), 0);

    let mut other = Workspace::open(&path).expect("second connection");
    other.write_demo(&fanpath::store::DemoOptions::new(today())).expect("demo");
    drop(other);
    step_until(&mut h, Duration::from_secs(20), "the imported customers are counted", |h| {
        h.state().analytics().is_some_and(|a| a.report.customers() == 2_000)
    });
}

#[test]
fn typing_in_a_field_is_not_undone_by_a_change_from_elsewhere() {
    use egui::accesskit::Role;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shared.sqlite");
    let mut h = harness(Workspace::open(&path).expect("create"));
    h.state_mut().send(UiCommand::NewPersona);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Name").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "Name").type_text("Lê Thu Trang");
    h.run();

    add_persona_elsewhere(&path, "Trần Minh Đức");
    let typing = Instant::now() + Duration::from_millis(2_500);
    while Instant::now() < typing {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    let field = h.get_by_role_and_label(Role::TextInput, "Name").value();
    assert_eq!(field.as_deref(), Some("Lê Thu Trang"), "the typed name stays");

    // Enter saves the name; the reload that follows brings the other process's persona.
    h.key_press(egui::Key::Enter);
    h.run();
    step_until(&mut h, Duration::from_secs(5), "the other persona shows", |h| {
        h.query_all_by_label("Trần Minh Đức").next().is_some()
    });
    let names: Vec<String> = Workspace::open(&path)
        .expect("reopen")
        .personas()
        .expect("personas")
        .into_iter()
        .map(|r| r.persona.name)
        .collect();
    assert!(names.contains(&"Lê Thu Trang".to_owned()), "{names:?}");
}

/// "Export emotions CSV" follows the Analytics view's date range as `report --from --to`
/// counts emotions: entries logged in `[from, to)`, undated ones left out while a range is
/// set. The expected rows are picked here from the unfiltered export by comparing the date
/// text of its `logged_at` column.
#[test]
fn the_emotions_export_follows_the_date_range() {
    use fanpath::model::{DateRange, EmotionEntry, Score, Source, Stage};
    let (dir, path) = demo();
    let mut ws = Workspace::open(&path).expect("open");
    let persona = ws.personas().expect("personas")[0].id;
    // Entries on both sides of each end of March 2026, and one without a date.
    for (at, score) in [
        (Some("2026-02-28T23:59:59"), -1),
        (Some("2026-03-01T00:00:00"), 2),
        (Some("2026-03-31T23:59:59"), 3),
        (Some("2026-04-01T00:00:00"), -2),
        (None, 1),
    ] {
        let entry = EmotionEntry {
            persona,
            stage: Stage::Validation,
            score: Score::new(score).expect("score"),
            label: "range check".to_owned(),
            note: String::new(),
            touchpoint: String::new(),
            source: Source::Observation,
            logged_at: at
                .map(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").expect("time")),
        };
        ws.add_emotion(&entry).expect("add");
    }
    drop(ws);
    let mut h = harness(Workspace::open(&path).expect("open"));
    show_analytics(&mut h);
    settle(&mut h);
    let (all_csv, march_csv) = (dir.path().join("all.csv"), dir.path().join("march.csv"));
    h.state_mut().export_csv_to(CsvTable::Emotions, all_csv.clone());
    settle(&mut h);
    // March 2026, typed into the view's date boxes.
    app::type_date(&mut h, "First event from", "2026-03-01");
    app::type_date(&mut h, "to (not including)", "2026-04-01");
    settle(&mut h);
    let march =
        DateRange { from: NaiveDate::from_ymd_opt(2026, 3, 1), to: NaiveDate::from_ymd_opt(2026, 4, 1) };
    assert_eq!(h.state().analytics().expect("computed").report.range, march);
    h.state_mut().export_csv_to(CsvTable::Emotions, march_csv.clone());
    settle(&mut h);

    let lines = |p: &Path| -> Vec<String> {
        std::fs::read_to_string(p).expect("written").lines().map(str::to_owned).collect()
    };
    let (all, in_march) = (lines(&all_csv), lines(&march_csv));
    assert_eq!(in_march[0], all[0], "the same header");
    let expected: Vec<String> = all[1..]
        .iter()
        .filter(|line| {
            let logged_at = line.split(',').next().unwrap_or_default();
            !logged_at.is_empty() && ("2026-03-01"..="2026-03-31\u{10ffff}").contains(&logged_at)
        })
        .cloned()
        .collect();
    assert_eq!(in_march[1..], expected);
    let ours: Vec<&String> = in_march.iter().filter(|l| l.contains("range check")).collect();
    assert_eq!(ours.len(), 2, "the first and last second of March only: {ours:?}");
    assert!(all.iter().any(|l| l.starts_with(",") && l.contains("range check")), "undated, unfiltered");
    assert!(all.len() > in_march.len() + 3);
}
