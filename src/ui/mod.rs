//! The desktop app: egui views over the cached workspace data.
//!
//! One view per file; every function that takes `&mut Ui` ends in `_ui`; views only send
//! [`command::Command`]s, which [`app::FanpathApp`] applies after the frame.

pub mod about;
pub mod analytics;
pub mod app;
pub mod backlog;
pub mod command;
pub mod context;
pub mod data;
pub mod dialogs;
pub mod emotion_table;
pub mod handout_png;
pub mod import_wizard;
pub mod journey_board;
pub mod menu;
pub mod persona_editor;
pub mod persona_list;
pub mod playbook;
pub mod present;
pub mod raster;
pub mod restore_dialog;
pub mod stage_detail;
pub mod stage_opportunities;
pub mod state;
pub mod style;
pub mod widgets;

// Journey versions and the Compare view (issue #10).
pub mod compare;
pub mod target_editor;
pub mod version_bar;
pub mod version_dialog;
// Templates (issue #11 §2).
pub mod template_dialog;

use std::path::PathBuf;

pub use app::{FanpathApp, Settings};

use crate::store::Workspace;

/// Set, the window prints the time to its first frame and closes (without saving its
/// settings): the start-up measurement of `scripts/measure_open.sh`.
const EXIT_AFTER_FIRST_FRAME: &str = "FANPATH_EXIT_AFTER_FIRST_FRAME";

/// The window and task bar icon: assets/icon.png (drawn by scripts/make_icon.py), also
/// the icon the Debian package installs for the menu entry.
pub fn window_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory(include_bytes!("../../assets/icon.png")).ok()?.to_rgba8();
    Some(egui::IconData { width: image.width(), height: image.height(), rgba: image.into_raw() })
}

/// Opens the window on `db`, or on the last workspace used, or on the default one.
pub fn run(db: Option<PathBuf>) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Fanpath")
        // Matches StartupWMClass of assets/fanpath.desktop, so the menu entry's icon is the window's.
        .with_app_id("fanpath")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, persist_window: true, ..Default::default() };
    eframe::run_native(
        "Fanpath",
        options,
        Box::new(move |cc| {
            let settings: Settings =
                cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
            let path = match db {
                Some(path) => path,
                None => match settings.recent.first().filter(|p| p.exists()) {
                    Some(last) => last.clone(),
                    None => Workspace::default_path()?,
                },
            };
            // A workspace that cannot be opened (moved, damaged, from a newer Fanpath) must
            // not keep the app from starting: fall back to the default one and say why.
            // A read-only file opens for viewing, and the status bar says so.
            let (workspace, problem) = match Workspace::open_or_view(&path) {
                Ok(workspace) => (workspace, None),
                Err(err) if path != Workspace::default_path()? => (
                    Workspace::open_or_view(Workspace::default_path()?)?,
                    Some(err.message(settings.language)),
                ),
                Err(err) => return Err(err.into()),
            };
            let mut app = FanpathApp::new(workspace, settings);
            app.dialog = problem.map(state::Dialog::Error);
            app.request_daily_backup();
            if std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some() {
                return Ok(Box::new(FirstFrameProbe { app, started, shown: false }));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("could not open the window: {err}"))
}

/// The app, closing after its first frame and saying when that was.
struct FirstFrameProbe {
    app: FanpathApp,
    started: std::time::Instant,
    shown: bool,
}

impl eframe::App for FirstFrameProbe {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.app.ui(ui);
        if !self.shown {
            self.shown = true;
            eprintln!("first frame after {} ms", self.started.elapsed().as_millis());
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}
