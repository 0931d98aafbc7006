//! The app shell: owns the workspace, the cached view data and the undo history, lays out
//! the panels, and applies the commands the views sent once the frame is drawn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{TextureHandle, Ui, ViewportCommand};
use serde::{Deserialize, Serialize};

use super::command::{Command, Commands, View};
use super::data::ViewData;
use crate::i18n::{Text, Tr};
use super::{
    about, analytics, dialogs, emotion_table, journey_board, menu, persona_editor, persona_list, stage_detail,
};
use crate::model::{Language, Persona, PersonaId, Stage};
use crate::store::analytics::Analytics;
use crate::store::{self, Workspace};

/// Preferences kept between runs in eframe's storage (not in the workspace: they belong
/// to this computer, not to the journey data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub language: Language,
    /// Most recent first; the first one is reopened at start.
    pub recent: Vec<PathBuf>,
    pub zoom: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self { language: Language::English, recent: Vec::new(), zoom: 1.0 }
    }
}

const MAX_RECENT: usize = 8;

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }
}

/// What is selected and shown; views read it, commands change it.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub persona: Option<PersonaId>,
    pub stage: Option<Stage>,
    pub view: View,
}

/// One undoable step: the command that reverses it, and what lets quick successive edits
/// of the same persona (a colour drag, typing field after field) merge into one step.
#[derive(Debug)]
struct UndoStep {
    inverse: Command,
    merge_key: Option<PersonaId>,
    at: f64,
}

/// What an analytics result depends on: the data generation, persona filter, stall days.
type AnalyticsKey = (u64, Option<PersonaId>, u32);

/// Edits of one persona closer together than this undo as one.
const MERGE_SECONDS: f64 = 1.0;

/// A modal the app is showing.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Error(String),
    ConfirmDelete(PersonaId),
}

/// The Fanpath window.
pub struct FanpathApp {
    pub settings: Settings,
    workspace: Workspace,
    pub data: ViewData,
    pub selection: Selection,
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
    commands: Commands,
    pub dialog: Option<Dialog>,
    /// A short confirmation shown in the status bar ("Saved a copy to …").
    status: Option<String>,
    avatars: HashMap<PersonaId, TextureHandle>,
    persona_list: persona_list::PersonaList,
    persona_editor: persona_editor::PersonaEditor,
    stage_detail: stage_detail::StageDetail,
    emotion_table: emotion_table::EmotionTable,
    about_open: bool,
    analytics_view: analytics::AnalyticsView,
    /// The last analytics computed, with the (data generation, filter) it belongs to.
    analytics: Option<(AnalyticsKey, Result<Analytics, String>)>,
    /// The reference date for new entries and stalls; fixed in tests.
    today: chrono::NaiveDate,
    title: String,
    /// Fonts, style and textures go on the context at the first frame.
    started: bool,
}

impl FanpathApp {
    /// Builds the app on an open workspace, with today's date as the default for new entries.
    pub fn new(workspace: Workspace, settings: Settings) -> Self {
        Self::with_today(workspace, settings, chrono::Local::now().date_naive())
    }

    /// Builds the app with a fixed "today" (tests pin it so screens do not change daily).
    pub fn with_today(workspace: Workspace, settings: Settings, today: chrono::NaiveDate) -> Self {
        let mut app = Self {
            settings,
            workspace,
            data: ViewData::default(),
            selection: Selection::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            commands: Commands::default(),
            dialog: None,
            status: None,
            avatars: HashMap::new(),
            persona_list: persona_list::PersonaList::default(),
            persona_editor: persona_editor::PersonaEditor::default(),
            stage_detail: stage_detail::StageDetail::new(today),
            emotion_table: emotion_table::EmotionTable::default(),
            about_open: false,
            analytics_view: analytics::AnalyticsView::default(),
            analytics: None,
            today,
            title: String::new(),
            started: false,
        };
        let path = app.workspace.path().to_path_buf();
        app.settings.remember(&path);
        app
    }

    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    pub fn language(&self) -> Language {
        self.settings.language
    }

    /// Queues a command as if a view had sent it (tests and the window use this).
    pub fn send(&mut self, command: Command) {
        self.commands.send(command);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Draws one frame, then applies what the frame asked for.
    pub fn ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            super::style::install(&ctx);
            ctx.set_zoom_factor(self.settings.zoom);
            self.refresh(&ctx);
        }
        self.shortcuts_ui(ui);
        self.update_title(&ctx);
        let tr = Tr(self.settings.language);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar_ui(
                ui,
                tr,
                &self.settings.recent,
                self.can_undo(),
                self.can_redo(),
                &self.selection,
                &mut self.commands,
            );
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| self.status_bar_ui(ui, tr));
        egui::Panel::left("personas").default_size(200.0).size_range(180.0..=420.0).show(ui, |ui| {
            self.persona_list.ui(ui, tr, &self.data, &self.selection, &self.avatars, &mut self.commands);
        });
        if self.selection.view == View::Board {
            egui::Panel::bottom("stage_detail")
                .resizable(true)
                .default_size(320.0)
                .size_range(160.0..=600.0)
                .show(ui, |ui| {
                    self.stage_detail.ui(ui, tr, &self.data, &self.selection, &mut self.commands);
                });
        }
        if self.selection.view == View::Analytics {
            self.ensure_analytics();
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            self.view_tabs_ui(ui, tr);
            ui.separator();
            match self.selection.view {
                View::Board => {
                    journey_board::board_ui(ui, tr, &self.data, &self.selection, &mut self.commands)
                }
                View::PersonaCard => self.persona_editor.ui(
                    ui,
                    tr,
                    &self.data,
                    &self.selection,
                    &self.avatars,
                    &mut self.commands,
                ),
                View::EmotionLog => self.emotion_table.ui(ui, tr, &self.data, &mut self.commands),
                View::Analytics => {
                    let result = self.analytics.as_ref().map(|(_, result)| result);
                    self.analytics_view.ui(ui, tr, &self.data, result, &mut self.commands);
                }
            }
        });

        if self.about_open {
            about::about_window_ui(&ctx, tr, &mut self.about_open);
        }
        if let Some(dialog) = self.dialog.clone()
            && let Some(command) = dialogs::dialog_ui(&ctx, tr, &dialog, &self.data)
        {
            self.dialog = None;
            if let Some(command) = command {
                self.commands.send(command);
            }
        }

        self.apply_commands(&ctx);
    }

    /// Recomputes the analytics when the data or the filter changed since the last time;
    /// otherwise the cached result is drawn.
    fn ensure_analytics(&mut self) {
        let key = (self.data.generation, self.analytics_view.persona, self.analytics_view.stall_days);
        if self.analytics.as_ref().is_some_and(|(cached, _)| *cached == key) {
            return;
        }
        let result = self
            .workspace
            .analytics(&self.analytics_view.query(self.today))
            .map_err(|err| err.message(self.settings.language));
        self.analytics = Some((key, result));
    }

    /// The analytics on show, if computed.
    pub fn analytics(&self) -> Option<&Analytics> {
        self.analytics.as_ref().and_then(|(_, result)| result.as_ref().ok())
    }

    pub fn analytics_view_mut(&mut self) -> &mut analytics::AnalyticsView {
        &mut self.analytics_view
    }

    fn view_tabs_ui(&mut self, ui: &mut Ui, tr: Tr) {
        ui.horizontal(|ui| {
            for view in View::ALL {
                let selected = self.selection.view == view;
                if ui.selectable_label(selected, tr.t(view.text())).clicked() && !selected {
                    self.commands.send(Command::ShowView(view));
                }
            }
        });
    }

    fn status_bar_ui(&self, ui: &mut Ui, tr: Tr) {
        ui.horizontal(|ui| {
            ui.label(tr.t(Text::WorkspaceLabel));
            ui.monospace(self.workspace.path().display().to_string());
            if let Some(status) = &self.status {
                ui.separator();
                ui.label(status);
            }
        });
    }

    fn shortcuts_ui(&mut self, ui: &Ui) {
        // While a text field has focus, Ctrl+Z belongs to the field's own undo.
        let typing = ui.ctx().egui_wants_keyboard_input();
        for command in Command::with_shortcuts() {
            let Some(shortcut) = command.shortcut() else { continue };
            if typing && matches!(command, Command::Undo | Command::Redo) {
                continue;
            }
            if ui.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.send(command);
            }
        }
        if !typing && ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)) {
            self.commands.send(Command::Redo);
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F1)) {
            self.commands.send(Command::ShowAbout);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!("{} — Fanpath", self.workspace.display_name());
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Applies every queued command; refreshes the cache once if any changed data.
    pub fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands: Vec<Command> = self.commands.drain().collect();
        if commands.is_empty() {
            return;
        }
        let mut changed = false;
        for command in commands {
            changed |= self.apply(ctx, command);
        }
        if changed {
            self.refresh(ctx);
        }
        ctx.request_repaint();
    }

    /// Carries out one command; returns whether workspace data changed.
    fn apply(&mut self, ctx: &egui::Context, command: Command) -> bool {
        let tr = Tr(self.settings.language);
        match command {
            Command::Undo => self.step_history(ctx, true),
            Command::Redo => self.step_history(ctx, false),
            command if command.is_edit() => {
                let merge_key = match &command {
                    Command::UpdatePersona(id, _) => Some(*id),
                    _ => None,
                };
                match self.execute(command) {
                    Ok(None) => false,
                    Ok(Some(inverse)) => {
                        let now = ctx.input(|i| i.time);
                        let merges = self.undo.last().is_some_and(|last| {
                            merge_key.is_some()
                                && last.merge_key == merge_key
                                && now - last.at < MERGE_SECONDS
                        });
                        if merges {
                            if let Some(last) = self.undo.last_mut() {
                                last.at = now;
                            }
                        } else {
                            self.undo.push(UndoStep { inverse, merge_key, at: now });
                        }
                        self.redo.clear();
                        true
                    }
                    Err(err) => {
                        self.show_error(&err);
                        false
                    }
                }
            }
            Command::NewWorkspace => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::NewWorkspace))
                    .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite", "db"])
                    .set_file_name("journeys.sqlite")
                    .save_file()
                {
                    self.new_workspace_at(ctx, &path)
                } else {
                    false
                }
            }
            Command::OpenWorkspace => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::OpenWorkspace))
                    .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite", "db"])
                    .pick_file()
                {
                    self.open_workspace(ctx, &path)
                } else {
                    false
                }
            }
            Command::OpenWorkspaceAt(path) => self.open_workspace(ctx, &path),
            Command::SaveCopy => {
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::SaveCopy))
                    .add_filter(tr.t(Text::WorkspaceFiles), &["sqlite"])
                    .set_file_name(format!("{} copy.sqlite", self.workspace.display_name()))
                    .save_file()
                {
                    self.save_copy(&path);
                }
                false
            }
            Command::Quit => {
                ctx.send_viewport_cmd(ViewportCommand::Close);
                false
            }
            Command::AskDeletePersona(id) => {
                self.dialog = Some(Dialog::ConfirmDelete(id));
                false
            }
            Command::ChooseAvatar(id) => {
                let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::ChooseAvatar))
                    .add_filter(tr.t(Text::Images), &["png", "jpg", "jpeg"])
                    .pick_file()
                else {
                    return false;
                };
                self.set_avatar_from_file(ctx, id, &path)
            }
            Command::SelectPersona(id) => {
                self.selection.persona = id;
                false
            }
            Command::ExportChart(chart) => {
                let Some(analytics) = self.analytics() else { return false };
                let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::ExportPng))
                    .add_filter("PNG", &["png"])
                    .set_file_name(format!("{}.png", chart.key()))
                    .save_file()
                else {
                    return false;
                };
                let written = analytics::export::chart_png(
                    chart,
                    analytics,
                    &self.analytics_view.options,
                    self.settings.language,
                )
                .map_err(|err| err.to_string())
                .and_then(|png| {
                    store::export::write_export(&path, &png)
                        .map_err(|err| err.message(self.settings.language))
                });
                match written {
                    Ok(()) => self.status = Some(format!("{} {}", tr.t(Text::ExportedTo), path.display())),
                    Err(message) => self.dialog = Some(Dialog::Error(message)),
                }
                false
            }
            Command::ExportCsv(table) => {
                let Some(analytics) = self.analytics() else { return false };
                let (name, contents) = match table {
                    analytics::CsvTable::Funnel => {
                        ("funnel.csv", Ok(store::export::funnel_csv(&analytics.report)))
                    }
                    analytics::CsvTable::Emotions => (
                        "emotions.csv",
                        store::export::emotions_csv(&self.workspace, self.analytics_view.persona),
                    ),
                };
                let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(command_text(table)))
                    .add_filter(tr.t(Text::CsvFiles), &["csv"])
                    .set_file_name(name)
                    .save_file()
                else {
                    return false;
                };
                match contents.and_then(|csv| store::export::write_export(&path, csv.as_bytes())) {
                    Ok(()) => self.status = Some(format!("{} {}", tr.t(Text::ExportedTo), path.display())),
                    Err(err) => self.show_error(&err),
                }
                false
            }
            Command::EditEmotion(id) => {
                if let Some((_, entry)) = self.data.emotions.iter().find(|(e, _)| *e == id) {
                    self.selection.persona = Some(entry.persona);
                    self.selection.stage = Some(entry.stage);
                    self.selection.view = View::Board;
                    self.stage_detail.edit(id, &entry.clone());
                }
                false
            }
            Command::SelectStage(stage) => {
                self.selection.stage = Some(stage);
                false
            }
            Command::ShowView(view) => {
                self.selection.view = view;
                false
            }
            Command::SetLanguage(language) => {
                self.settings.language = language;
                false
            }
            Command::ShowAbout => {
                self.about_open = true;
                false
            }
            Command::FocusSearch => {
                self.persona_list.request_focus();
                false
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                let zoom = match command {
                    Command::ZoomIn => self.settings.zoom + 0.1,
                    Command::ZoomOut => self.settings.zoom - 0.1,
                    _ => 1.0,
                };
                self.settings.zoom = (zoom * 10.0).round().clamp(5.0, 30.0) / 10.0;
                ctx.set_zoom_factor(self.settings.zoom);
                false
            }
            // Edits were matched above.
            _ => false,
        }
    }

    /// Runs an edit against the store and returns the command that undoes it (none for a
    /// command that is not an edit).
    fn execute(&mut self, command: Command) -> store::Result<Option<Command>> {
        let ws = &mut self.workspace;
        Ok(Some(match command {
            Command::NewPersona => {
                let base = Tr(self.settings.language).t(Text::NewPersonaName);
                let name = if ws.persona_by_name(base)?.is_some() {
                    ws.free_persona_name(base)?
                } else {
                    base.to_owned()
                };
                let mut persona = Persona::named(name);
                persona.color =
                    crate::model::Rgb::PALETTE[self.data.personas.len() % crate::model::Rgb::PALETTE.len()];
                let id = ws.create_persona(&persona)?;
                self.selection.persona = Some(id);
                self.selection.view = View::PersonaCard;
                self.persona_editor.focus_name();
                Command::DeletePersona(id)
            }
            Command::DuplicatePersona(source) => {
                let mut persona = ws.persona(source)?;
                persona.name = ws.free_persona_name(&persona.name)?;
                let id = ws.create_persona(&persona)?;
                self.selection.persona = Some(id);
                Command::DeletePersona(id)
            }
            Command::UpdatePersona(id, persona) => {
                let old = ws.persona(id)?;
                ws.update_persona(id, &persona)?;
                Command::UpdatePersona(id, Box::new(old))
            }
            Command::MovePersona(id, stage) => {
                let old = ws.persona(id)?.stage;
                ws.set_persona_stage(id, stage)?;
                Command::MovePersona(id, old)
            }
            Command::DeletePersona(id) => {
                let deleted = ws.delete_persona(id)?;
                if self.selection.persona == Some(id) {
                    self.selection.persona = None;
                }
                Command::RestorePersona(Box::new(deleted))
            }
            Command::RestorePersona(deleted) => {
                ws.restore_persona(&deleted)?;
                self.selection.persona = Some(deleted.id);
                Command::DeletePersona(deleted.id)
            }
            Command::AddEmotion(entry) => Command::DeleteEmotion(ws.add_emotion(&entry)?),
            Command::UpdateEmotion(id, entry) => {
                let old = ws.delete_emotion(id)?;
                ws.restore_emotion(id, &entry)?;
                Command::UpdateEmotion(id, old)
            }
            Command::DeleteEmotion(id) => {
                let entry = ws.delete_emotion(id)?;
                Command::RestoreEmotion(id, entry)
            }
            Command::RestoreEmotion(id, entry) => {
                ws.restore_emotion(id, &entry)?;
                Command::DeleteEmotion(id)
            }
            Command::AddTouchpoint(touchpoint) => Command::DeleteTouchpoint(ws.add_touchpoint(&touchpoint)?),
            Command::DeleteTouchpoint(id) => {
                let touchpoint = ws.delete_touchpoint(id)?;
                Command::RestoreTouchpoint(id, touchpoint)
            }
            Command::RestoreTouchpoint(id, touchpoint) => {
                ws.restore_touchpoint(id, &touchpoint)?;
                Command::DeleteTouchpoint(id)
            }
            _ => return Ok(None),
        }))
    }

    fn step_history(&mut self, ctx: &egui::Context, undo: bool) -> bool {
        let popped = if undo { self.undo.pop() } else { self.redo.pop() };
        let Some(step) = popped else { return false };
        match self.execute(step.inverse) {
            Ok(None) => false,
            Ok(Some(inverse)) => {
                let step = UndoStep { inverse, merge_key: None, at: ctx.input(|i| i.time) };
                if undo {
                    self.redo.push(step);
                } else {
                    self.undo.push(step);
                }
                true
            }
            Err(err) => {
                // The history no longer matches the file (edited elsewhere?): start afresh
                // rather than undo the wrong thing.
                self.undo.clear();
                self.redo.clear();
                self.show_error(&err);
                false
            }
        }
    }

    fn open_workspace(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        match Workspace::open(path) {
            Ok(workspace) => {
                self.switch_to(ctx, workspace);
                true
            }
            Err(err) => {
                self.settings.recent.retain(|p| p != path || p.exists());
                self.show_error(&err);
                false
            }
        }
    }

    fn new_workspace_at(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        if path == self.workspace.path() {
            self.dialog =
                Some(Dialog::Error(Tr(self.settings.language).t(Text::CannotReplaceOpen).to_owned()));
            return false;
        }
        // The native dialog has already asked whether to replace an existing file.
        if path.exists()
            && let Err(err) = std::fs::remove_file(path)
        {
            self.dialog = Some(Dialog::Error(format!("{}: {err}", path.display())));
            return false;
        }
        self.open_workspace(ctx, path)
    }

    fn switch_to(&mut self, ctx: &egui::Context, workspace: Workspace) {
        self.settings.remember(workspace.path());
        self.workspace = workspace;
        // Undo history belongs to the file it was made in.
        self.undo.clear();
        self.redo.clear();
        self.selection.persona = None;
        self.status = None;
        self.refresh(ctx);
    }

    fn save_copy(&mut self, path: &Path) {
        match self.workspace.save_copy(path) {
            Ok(()) => {
                self.status =
                    Some(format!("{} {}", Tr(self.settings.language).t(Text::SavedCopyTo), path.display()));
            }
            Err(err) => self.show_error(&err),
        }
    }

    /// Reads a picture, downscales it and sets it as the persona's avatar (undoable).
    pub fn set_avatar_from_file(&mut self, ctx: &egui::Context, id: PersonaId, path: &Path) -> bool {
        let result = store::avatar::load_avatar(path).and_then(|png| {
            let mut persona = self.workspace.persona(id)?;
            persona.avatar_png = Some(png);
            Ok(persona)
        });
        match result {
            Ok(persona) => self.apply(ctx, Command::UpdatePersona(id, Box::new(persona))),
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    fn show_error(&mut self, err: &store::StoreError) {
        self.dialog = Some(Dialog::Error(err.message(self.settings.language)));
    }

    /// Re-reads the cache from the store and rebuilds avatar textures.
    fn refresh(&mut self, ctx: &egui::Context) {
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

fn command_text(table: analytics::CsvTable) -> Text {
    Command::ExportCsv(table).text()
}

impl eframe::App for FanpathApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        FanpathApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_workspaces_keep_the_latest_first_without_repeats() {
        let mut settings = Settings::default();
        for name in ["a", "b", "a", "c"] {
            settings.remember(Path::new(name));
        }
        assert_eq!(settings.recent, [PathBuf::from("c"), PathBuf::from("a"), PathBuf::from("b")]);
        for i in 0..20 {
            settings.remember(&PathBuf::from(format!("w{i}")));
        }
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], PathBuf::from("w19"));
    }

    #[test]
    fn settings_from_an_older_version_fill_in_defaults() {
        let settings: Settings = serde_json::from_str(r#"{"language":"Vietnamese"}"#).expect("parse");
        assert_eq!(settings.language, Language::Vietnamese);
        assert_eq!(settings.zoom, 1.0);
        assert!(settings.recent.is_empty());
    }
}
