//! Applying the commands a frame sent: edits go through the undo history, the rest change
//! the selection, the settings or open a file dialog.

#![warn(clippy::wildcard_enum_match_arm)]

use egui::ViewportCommand;

use super::FanpathApp;
use super::history::PersonaChange;
use crate::i18n::{Text, Tr};
use crate::model::{Persona, Rgb};
use crate::store::edit::Edit;
use crate::ui::command::{Command, UiCommand};
use crate::ui::state::{Dialog, View};

/// How far one zoom step goes, and the range zoom stays in (as tenths).
const ZOOM_STEP: f32 = 0.1;
const ZOOM_TENTHS_MIN: f32 = 5.0;
const ZOOM_TENTHS_MAX: f32 = 30.0;

impl FanpathApp {
    /// Applies every queued command; refreshes the cache once if any changed data.
    pub fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = self.commands.take();
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
        match command {
            Command::Ui(command) => self.apply_ui_command(ctx, command),
            // A deletion waits for a backup taken on another thread.
            Command::Edit(edit @ (Edit::DeletePersona(_) | Edit::DeleteVersion(_))) => {
                self.delete_after_backup(ctx, edit)
            }
            Command::Edit(edit) if Self::is_version_edit(&edit) => self.apply_version_edit(ctx, edit),
            Command::Edit(edit) => self.apply_edit(ctx, edit),
            Command::OpenWorkspaceAt(path) => self.open_workspace(ctx, &path),
            Command::SelectPersona(id) => {
                self.selection.persona = id;
                false
            }
            Command::SelectStage(stage) => {
                self.selection.stage = Some(stage);
                false
            }
            Command::SetLanguage(language) => {
                self.settings.language = language;
                false
            }
            Command::AskDeletePersona(id) => {
                self.dialog = Some(Dialog::ConfirmDelete(id));
                false
            }
            Command::ChooseAvatar(id) => self.choose_avatar(ctx, id),
            Command::EditEmotion(id) => {
                if let Some((_, entry)) = self.data.emotions.iter().find(|(e, _)| *e == id) {
                    self.selection.persona = Some(entry.persona);
                    self.selection.stage = Some(entry.stage);
                    self.selection.view = View::Board;
                    self.stage_detail.edit(id, &entry.clone());
                }
                false
            }
            Command::ExportChart(chart) => {
                self.export_chart(chart);
                false
            }
            Command::ExportCsv(table) => {
                self.export_csv(table);
                false
            }
            Command::AskRestoreBackup(info) => {
                self.dialog = Some(Dialog::ConfirmRestore(info));
                false
            }
            Command::RestoreBackup(path) => self.restore_backup(&path),
            Command::ImportWorkspaceFile { path, replace } => self.import_workspace_file(ctx, path, replace),
            Command::PresentFor(persona) => {
                self.analytics_view.persona = persona;
                false
            }
            Command::EndPresentation => {
                self.end_presentation(ctx);
                false
            }
            Command::ImportWizard(request) => self.apply_wizard_request(ctx, request),
            Command::SelectVersion(version) => self.select_version(version),
            Command::ExportCompare { a, b, persona } => self.export_compare(a, b, persona),
            Command::AddOpportunityFromPlaybook { stage, title } => {
                self.add_opportunity_from_playbook(ctx, stage, &title)
            }
            Command::CreateFromTemplate(choice) => self.create_from_template(ctx, choice),
        }
    }

    fn apply_ui_command(&mut self, ctx: &egui::Context, command: UiCommand) -> bool {
        match command {
            UiCommand::NewWorkspace => self.new_workspace(ctx),
            UiCommand::OpenWorkspace => self.choose_workspace(ctx),
            UiCommand::SaveCopy => {
                self.choose_save_copy();
                false
            }
            UiCommand::Quit => {
                ctx.send_viewport_cmd(ViewportCommand::Close);
                false
            }
            UiCommand::Undo => self.step_history(ctx, true),
            UiCommand::Redo => self.step_history(ctx, false),
            UiCommand::NewPersona => self.new_persona(ctx),
            UiCommand::FocusSearch => {
                self.persona_list.request_focus();
                false
            }
            UiCommand::ZoomIn => self.set_zoom(ctx, self.settings.zoom + ZOOM_STEP),
            UiCommand::ZoomOut => self.set_zoom(ctx, self.settings.zoom - ZOOM_STEP),
            UiCommand::ZoomReset => self.set_zoom(ctx, 1.0),
            UiCommand::About => {
                self.about_open = true;
                false
            }
            UiCommand::ShowView(view) => {
                self.selection.view = view;
                false
            }
            UiCommand::RestoreBackup => {
                self.show_backups();
                false
            }
            UiCommand::ExportWorkspaceFile => {
                self.export_workspace_file();
                false
            }
            UiCommand::ImportWorkspaceFile => self.choose_workspace_file(ctx),
            UiCommand::Present => {
                if self.presenting.is_some() {
                    self.end_presentation(ctx);
                } else {
                    self.start_presentation(ctx);
                }
                false
            }
            UiCommand::ToggleProjectorTheme => {
                self.settings.present.dark = !self.settings.present.dark;
                false
            }
            UiCommand::ToggleRevealMode => {
                self.settings.present.reveal_mode = !self.settings.present.reveal_mode;
                false
            }
            UiCommand::ImportData => {
                self.apply_wizard_request(ctx, crate::ui::import_wizard::WizardRequest::Open(None))
            }
            UiCommand::ManageVersions => self.open_version_dialog(),
            UiCommand::StagePlaybook => {
                self.playbook_window.open = true;
                if let Some(stage) = self.selection.stage {
                    self.playbook_window.stage = stage;
                }
                false
            }
            UiCommand::ExportJourneyMap => {
                self.export_journey_map();
                false
            }
            UiCommand::ExportWorkshopPack => {
                self.export_workshop_pack();
                false
            }
            UiCommand::NewFromTemplate => self.open_template_dialog(),
        }
    }

    /// Zoom in tenths, within bounds; never changes data.
    fn set_zoom(&mut self, ctx: &egui::Context, zoom: f32) -> bool {
        self.settings.zoom = (zoom * 10.0).round().clamp(ZOOM_TENTHS_MIN, ZOOM_TENTHS_MAX) / 10.0;
        ctx.set_zoom_factor(self.settings.zoom);
        false
    }

    /// A new persona with a free name and the next palette colour, opened on its card.
    fn new_persona(&mut self, ctx: &egui::Context) -> bool {
        let base = Tr(self.settings.language).t(Text::NewPersonaName);
        let name = match self.workspace.persona_by_name(base) {
            Ok(Some(_)) => self.workspace.free_persona_name(base),
            Ok(None) => Ok(base.to_owned()),
            Err(err) => Err(err),
        };
        let name = match name {
            Ok(name) => name,
            Err(err) => {
                self.show_error(&err);
                return false;
            }
        };
        let mut persona = Persona::named(name);
        persona.color = Rgb::PALETTE[self.data.personas.len() % Rgb::PALETTE.len()];
        let created = self.apply_edit(ctx, Edit::CreatePersona(Box::new(persona)));
        if created {
            self.selection.view = View::PersonaCard;
            self.persona_editor.focus_name();
        }
        created
    }

    /// Applies an edit and records it for undo; returns whether it changed the data.
    pub(super) fn apply_edit(&mut self, ctx: &egui::Context, edit: Edit) -> bool {
        let now_seconds = ctx.input(|i| i.time);
        match self.history.apply(&mut self.workspace, edit, now_seconds) {
            Ok(change) => {
                self.follow(change);
                true
            }
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    fn step_history(&mut self, ctx: &egui::Context, undo: bool) -> bool {
        let now_seconds = ctx.input(|i| i.time);
        let stepped = if undo {
            self.history.undo(&mut self.workspace, now_seconds)
        } else {
            self.history.redo(&mut self.workspace, now_seconds)
        };
        match stepped {
            Ok(Some(change)) => {
                self.follow(change);
                true
            }
            Ok(None) => false,
            Err(err) => {
                self.show_error(&err);
                false
            }
        }
    }

    /// Selects a persona that (re)appeared; forgets one that was deleted.
    fn follow(&mut self, change: PersonaChange) {
        match change {
            PersonaChange::Appeared(id) => self.selection.persona = Some(id),
            PersonaChange::Removed(id) => {
                if self.selection.persona == Some(id) {
                    self.selection.persona = None;
                }
            }
            PersonaChange::None => {}
        }
    }
}
