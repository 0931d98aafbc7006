//! The app shell: owns the workspace, the cached view data and the undo history, lays out
//! the panels, and applies the commands the views sent once the frame is drawn.
//!
//! One concern per file: the frame layout here, command handling, file dialogs and
//! files, the undo history and the settings each in their own.

mod background;
mod command_handling;
mod file_task;
mod file_task_handling;
mod files;
mod handout_job;
mod handouts;
pub mod history;
#[cfg(test)]
mod history_tests;
mod import_host;
mod import_jobs;
mod integrity;
mod playbook_handling;
mod presenting;
// Tests answer a save dialog (H21).
mod save_dialog;
mod settings;
mod templates;
mod versions;
mod worker;

use std::collections::HashMap;

use egui::{KeyboardShortcut, TextureHandle, Ui, ViewportCommand};

use self::history::History;
pub use self::settings::Settings;
use self::worker::{AnalyticsSlot, Worker};
use super::analytics::AnalyticsView;
use super::backlog::BacklogView;
use super::command::{Command, Commands, UiCommand};
use super::compare::CompareView;
use super::context::ViewContext;
use super::data::ViewData;
use super::emotion_table::EmotionTable;
use super::journey_board::JourneyBoard;
use super::menu::{self, HistoryState};
use super::persona_editor::PersonaEditor;
use super::persona_list::PersonaList;
use super::playbook::{PlaybookPanel, PlaybookWindow};
use super::present::Presenter;
use super::stage_detail::StageDetail;
use super::state::{Dialog, Selection, View};
use super::version_dialog::VersionDialog;
use super::{about, dialogs, style};
use crate::i18n::{Text, Tr};
use crate::model::{Language, PersonaId};
use crate::store::analytics::Analytics;
use crate::store::{StoreError, Workspace};

/// The Fanpath window.
pub struct FanpathApp {
    /// Slow work's thread (analytics, exports, watching the file), started at the first
    /// frame; `None` for a workspace in memory, where jobs run inline. Declared before
    /// `workspace` so it is dropped (and its connection closed) first.
    worker: Option<Worker>,
    pub settings: Settings,
    workspace: Workspace,
    /// `PRAGMA data_version` of the app's connection when the cache was last loaded: a
    /// different value means another process committed since.
    seen_version: Option<i64>,
    /// Another process committed; the reload waits for the typing in a text field to end.
    reload_waiting: bool,
    /// Exports sent to the worker and not yet written.
    exports_in_flight: usize,
    pub data: ViewData,
    pub selection: Selection,
    history: History,
    commands: Commands,
    /// Every shortcut with its command, in the order input is checked.
    shortcuts: Vec<(KeyboardShortcut, UiCommand)>,
    pub dialog: Option<Dialog>,
    /// A short confirmation shown in the status bar ("Saved a copy to …").
    status: Option<String>,
    avatars: HashMap<PersonaId, TextureHandle>,
    persona_list: PersonaList,
    persona_editor: PersonaEditor,
    journey_board: JourneyBoard,
    stage_detail: StageDetail,
    emotion_table: EmotionTable,
    about_open: bool,
    /// The stage playbook beside the stage detail, and its Help window (issue #10 §4).
    playbook_panel: PlaybookPanel,
    playbook_window: PlaybookWindow,
    analytics_view: AnalyticsView,
    /// The opportunity backlog's filters, sort, selection and form.
    backlog_view: BacklogView,
    /// The analytics on show, and the key of the one being computed.
    analytics: AnalyticsSlot,
    /// The reference date for new entries and stalls; fixed in tests.
    today: chrono::NaiveDate,
    title: String,
    /// Fonts, style and textures go on the context at the first frame.
    started: bool,
    /// The integrity check and the daily backup have been started (second frame).
    background_started: bool,
    /// The window asked for the daily backup (`request_daily_backup`); tests do not.
    daily_backup_wanted: bool,
    /// The daily backup running on its own thread: its failure message, if any, arrives here.
    daily_backup: Option<std::sync::mpsc::Receiver<Option<String>>>,
    /// Journey versions (issue #10): the versions dialog and the Compare view.
    version_dialog: VersionDialog,
    /// File → New from template… (issue #11 §2).
    template_dialog: crate::ui::template_dialog::TemplateDialog,
    compare_view: CompareView,
    /// The daily integrity check running in the background, if any: the file it reads and
    /// where its answer arrives (`integrity.rs`).
    integrity_check: Option<(std::path::PathBuf, std::sync::mpsc::Receiver<Result<(), StoreError>>)>,
    /// A backup before a deletion, or a workspace file being read (`file_task.rs`).
    file_task: Option<file_task::FileTask>,
    /// Trainer mode, while it runs: its slides replace the panels.
    presenting: Option<Presenter>,
    /// File → Import data…: the wizard, if open, and its jobs (`import_host.rs`, `import_jobs.rs`).
    import_wizard: import_host::WizardHost,
    /// The answer to the next save dialog, given by a test (`save_dialog.rs`).
    next_save_path: Option<std::path::PathBuf>,
}

impl FanpathApp {
    /// Builds the app on an open workspace, with today's date as the default for new entries.
    pub fn new(workspace: Workspace, settings: Settings) -> Self {
        Self::with_today(workspace, settings, chrono::Local::now().date_naive())
    }

    /// Builds the app with a fixed "today" (tests pin it so screens do not change daily).
    pub fn with_today(workspace: Workspace, settings: Settings, today: chrono::NaiveDate) -> Self {
        let mut app = Self {
            worker: None,
            settings,
            workspace,
            seen_version: None,
            reload_waiting: false,
            exports_in_flight: 0,
            data: ViewData::default(),
            selection: Selection::default(),
            history: History::default(),
            commands: Commands::default(),
            shortcuts: UiCommand::shortcut_table(),
            dialog: None,
            status: None,
            avatars: HashMap::new(),
            persona_list: PersonaList::default(),
            persona_editor: PersonaEditor::default(),
            journey_board: JourneyBoard,
            stage_detail: StageDetail::new(today),
            emotion_table: EmotionTable::default(),
            about_open: false,
            playbook_panel: PlaybookPanel::default(),
            playbook_window: PlaybookWindow::default(),
            analytics_view: AnalyticsView::default(),
            backlog_view: BacklogView::default(),
            analytics: AnalyticsSlot::default(),
            today,
            title: String::new(),
            started: false,
            background_started: false,
            daily_backup_wanted: false,
            daily_backup: None,
            integrity_check: None,
            file_task: None,
            presenting: None,
            import_wizard: import_host::WizardHost::default(),
            version_dialog: VersionDialog::default(),
            template_dialog: Default::default(),
            compare_view: CompareView::default(),
            next_save_path: None,
        };
        let path = app.workspace.path().to_path_buf();
        app.settings.remember(&path);
        app
    }

    /// Takes today's backup once the window is up (see [`Self::start_daily_backup`]).
    pub fn request_daily_backup(&mut self) {
        self.daily_backup_wanted = true;
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// Queues a command as if a view had sent it (tests and the window use this).
    pub fn send(&mut self, command: impl Into<Command>) {
        self.commands.send(command);
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Draws one frame, then applies what the frame asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            style::install(&ctx);
            ctx.set_zoom_factor(self.settings.zoom);
            self.start_worker(&ctx);
            self.refresh(&ctx);
            // The background reads (integrity check, daily backup) start at the next frame:
            // on two cores they would otherwise compete with the first frame for the CPU
            // and the disk, and the window would appear later on a large workspace.
            ctx.request_repaint();
        } else if !self.background_started {
            self.background_started = true;
            self.start_integrity_check(&ctx);
            if self.daily_backup_wanted {
                self.start_daily_backup(&ctx);
            }
        }
        self.take_answers(&ctx);
        self.take_wizard_answers(&ctx);
        self.take_dropped_file(&ctx);
        self.poll_integrity_check();
        if self.presenting.is_some() {
            self.presentation_ui(ui, &ctx);
            return;
        }
        self.shortcuts_ui(ui);
        self.poll_daily_backup();
        if self.poll_file_task(&ctx) {
            self.refresh(&ctx);
        }
        self.update_title(&ctx);
        if self.selection.view == View::Analytics {
            self.ensure_analytics();
        }
        self.analytics_view.computing = self.analytics.computing();
        let tr = Tr(self.settings.language);
        let history = HistoryState { can_undo: self.can_undo(), can_redo: self.can_redo() };
        let view = ViewContext {
            tr,
            data: &self.data,
            selection: &self.selection,
            avatars: &self.avatars,
            analytics: self.analytics.shown(),
            today: self.today,
        };
        let out = &mut self.commands;

        // Windows that open below the menu bar need its edge (the import wizard, H25).
        let menu_bar = egui::Panel::top("menu_bar")
            .show(ui, |ui| {
                menu::menu_bar_ui(ui, &view, &self.settings.recent, history, self.settings.present, out);
            })
            .response
            .rect;
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status_bar_ui(ui, tr, &self.workspace, self.status.as_deref());
        });
        egui::Panel::left("personas").default_size(200.0).size_range(180.0..=420.0).show(ui, |ui| {
            self.persona_list.ui(ui, &view, out);
        });
        if self.selection.view == View::Board {
            egui::Panel::bottom("stage_detail")
                .resizable(true)
                .default_size(320.0)
                .size_range(160.0..=600.0)
                .show(ui, |ui| {
                    self.playbook_panel.ui(ui, &view, out);
                    self.stage_detail.ui(ui, &view, out);
                });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            view_tabs_ui(ui, &view, out);
            ui.separator();
            match self.selection.view {
                View::Board => self.journey_board.ui(ui, &view, out),
                View::PersonaCard => self.persona_editor.ui(ui, &view, out),
                View::EmotionLog => self.emotion_table.ui(ui, &view, out),
                View::Analytics => self.analytics_view.ui(ui, &view, out),
                View::Backlog => self.backlog_view.ui(ui, &view, out),
                View::Compare => self.compare_view.ui(ui, &view, out),
            }
        });
        self.version_dialog.ui(&ctx, &view, out);
        self.template_dialog.ui(&ctx, tr, out);

        self.import_wizard_ui(&ctx, menu_bar.bottom());
        if self.about_open {
            about::about_window_ui(&ctx, tr, &mut self.about_open);
        }
        self.file_task_ui(&ctx);
        if self.playbook_window.open {
            self.playbook_window.show(&ctx, tr, &mut self.commands);
        }
        if let Some(dialog) = self.dialog.clone()
            && let Some(answer) = dialogs::dialog_ui(&ctx, tr, &dialog, &self.data)
        {
            self.dialog = None;
            if let Some(command) = answer {
                self.commands.send(command);
            }
        }

        self.apply_commands(&ctx);
    }

    /// The analytics on show, if computed (possibly for the previous filter while
    /// [`Self::busy`] computes the new one).
    pub fn analytics(&self) -> Option<&Analytics> {
        self.analytics.shown().and_then(|result| result.as_ref().ok())
    }

    pub fn analytics_view_mut(&mut self) -> &mut AnalyticsView {
        &mut self.analytics_view
    }

    /// The Backlog view (tests read its selection and where it drew its dots).
    pub fn backlog_view(&self) -> &BacklogView {
        &self.backlog_view
    }

    fn shortcuts_ui(&mut self, ui: &Ui) {
        // While a text field has focus, Ctrl+Z belongs to the field's own undo.
        let typing = ui.ctx().egui_wants_keyboard_input();
        for &(shortcut, command) in &self.shortcuts {
            if typing && command.yields_to_text_field() {
                continue;
            }
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.send(command);
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.shown_version_name() {
            Some(version) => format!("{} — {version} — Fanpath", self.workspace.display_name()),
            None => format!("{} — Fanpath", self.workspace.display_name()),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Shows a store error in the UI language.
    fn show_error(&mut self, err: &StoreError) {
        self.dialog = Some(Dialog::Error(err.message(self.settings.language)));
    }

    /// Re-reads the cache from the store and rebuilds avatar textures.
    fn refresh(&mut self, ctx: &egui::Context) {
        // Read before loading: a commit from elsewhere during the load is noticed next time.
        self.seen_version = self.workspace.data_version().ok();
        self.reload_waiting = false;
        match ViewData::load(&self.workspace) {
            Ok(data) => {
                let generation = self.data.generation + 1;
                self.data = data;
                self.data.generation = generation;
            }
            Err(err) => self.show_error(&err),
        }
        if let Some(id) = self.selection.persona
            && self.data.persona(id).is_none()
        {
            self.selection.persona = None;
        }
        self.avatars = self
            .data
            .personas
            .iter()
            .filter_map(|record| {
                let png = record.persona.avatar_png.as_ref()?;
                let image = image::load_from_memory(png).ok()?.to_rgba8();
                let size = [image.width() as usize, image.height() as usize];
                let color = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
                Some((
                    record.id,
                    ctx.load_texture(format!("avatar-{}", record.id.0), color, egui::TextureOptions::LINEAR),
                ))
            })
            .collect();
        self.persona_editor.sync(&self.data, &self.selection);
    }
}

/// One tab per view above the central area.
fn view_tabs_ui(ui: &mut Ui, view: &ViewContext<'_>, out: &mut Commands) {
    ui.horizontal(|ui| {
        for shown in View::ALL {
            let selected = view.selection.view == shown;
            if ui.selectable_label(selected, view.tr.t(shown.text())).clicked() && !selected {
                out.send(UiCommand::ShowView(shown));
            }
        }
    });
}

/// The open workspace's path, whether it is read-only, and the last confirmation.
fn status_bar_ui(ui: &mut Ui, tr: Tr, workspace: &Workspace, status: Option<&str>) {
    ui.horizontal(|ui| {
        ui.label(tr.t(Text::WorkspaceLabel));
        ui.monospace(workspace.path().display().to_string());
        if workspace.is_read_only() {
            ui.separator();
            ui.label(egui::RichText::new(tr.t(Text::ReadOnlyBanner)).strong().color(style::GAP))
                .on_hover_text(tr.t(Text::ReadOnlyTip));
        }
        if let Some(status) = status {
            ui.separator();
            ui.label(status);
        }
    });
}

impl eframe::App for FanpathApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        FanpathApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
