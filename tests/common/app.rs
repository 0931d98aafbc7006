//! Helpers shared by the tests that drive the window through egui_kittest: one harness
//! (fixed size, scale and day, so snapshots are stable), waiting for the app's background
//! work, and snapshot comparison.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::Path;

use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fanpath::model::Language;
use fanpath::store::Workspace;
use fanpath::ui::{FanpathApp, Settings};

/// The day every UI test runs on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).expect("date")
}

/// The app on the workspace at `path`, in `language`, in a window of `size` points at
/// scale 1, on [`today`].
pub fn harness_sized(path: &Path, language: Language, size: [f32; 2]) -> Harness<'static, FanpathApp> {
    let workspace = Workspace::open(path).expect("open workspace");
    let settings = Settings { language, ..Settings::default() };
    let app = FanpathApp::with_today(workspace, settings, today());
    // `run()` stops with an error when the app still asks for frames after `max_steps`:
    // background answers (analytics, the integrity check) ask for one whenever they land,
    // which on a loaded machine can be a few frames late. 16 leaves room; a real repaint
    // loop still fails.
    let mut harness = Harness::builder()
        .with_max_steps(16)
        .with_size(size)
        .with_pixels_per_point(1.0)
        .build_ui_state(|ui, app: &mut FanpathApp| app.ui(ui), app);
    // The integrity check starts at the second frame and asks for a repaint when it
    // answers; let it answer here, or its repaint lands in a test's `run()` at a moment
    // that depends on the machine's load.
    settle(&mut harness);
    harness
}

/// [`harness_sized`] at the desktop size, 1280 × 800.
pub fn harness(path: &Path, language: Language) -> Harness<'static, FanpathApp> {
    harness_sized(path, language, [1280.0, 800.0])
}

/// Steps frames until nothing the app sent off the frame is out (analytics, exports,
/// backups, the import wizard's jobs, the integrity check), then lets the screen settle.
/// Bounded: work that never answers fails the test.
pub fn settle(harness: &mut Harness<'_, FanpathApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    // A click is applied at the end of its frame and the job sent in the next: two idle
    // frames in a row mean nothing is out.
    let mut idle_frames = 0;
    while idle_frames < 2 {
        harness.step();
        if harness.state().busy() || harness.state().integrity_check_running() {
            idle_frames = 0;
            assert!(std::time::Instant::now() < deadline, "background work did not answer");
            std::thread::sleep(std::time::Duration::from_millis(2));
        } else {
            idle_frames += 1;
        }
    }
    harness.run();
}

/// Compares against `tests/snapshots/NAME.png` (rendered by wgpu; Mesa's lavapipe on
/// machines without a GPU). Where no graphics adapter exists at all, a developer's
/// `cargo test` skips the picture with a note; CI installs lavapipe and always compares.
pub fn snapshot(harness: &mut Harness<'_, FanpathApp>, name: &str) {
    // The workspace path lives in a random temporary folder: keep it out of the picture.
    let paths: Vec<egui::Rect> = harness.query_all_by_label_contains(".sqlite").map(|n| n.rect()).collect();
    for rect in paths {
        harness.mask(rect);
    }
    // Lavapipe is not bit-for-bit stable: a glyph edge may differ by a pixel or two between
    // runs. A layout change moves thousands; allow a handful.
    let options = egui_kittest::SnapshotOptions::default().max_failed_pixels(8_usize);
    // kittest panics (rather than returning an error) when it finds no adapter.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        harness.try_snapshot_options(name, &options)
    }));
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(err)) => panic!("snapshot {name}: {err}"),
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            let no_renderer = message.contains("render state") || message.contains("adapter");
            if !no_renderer || std::env::var_os("CI").is_some() {
                std::panic::resume_unwind(panic);
            }
            eprintln!(
                "snapshot {name} skipped: no graphics adapter; install mesa-vulkan-drivers to compare it"
            );
        }
    }
}

/// Types `text` into the date box named `label` as a user would (select all, delete,
/// type, Enter); an empty `text` clears it. The Analytics view's scroll areas animate for a
/// few frames after a click, so frames are stepped rather than run to rest.
pub fn type_date(harness: &mut Harness<'_, FanpathApp>, label: &str, text: &str) {
    use egui::accesskit::Role;
    use egui::{Key, Modifiers};
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run_steps(8);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    if !text.is_empty() {
        harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    }
    harness.run_steps(8);
    harness.key_press(Key::Enter);
    harness.run_steps(8);
}
