//! File → Restore from backup…: the list of backups, the restore confirmation, and the
//! confirmation before a workspace file replaces the workspace's data.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::command::Command;
use super::style;
use crate::i18n::{Text, Tr};
use crate::store::BackupInfo;

/// The answer of a dialog: `None` while open, `Some(None)` when closed without a command.
pub type Answer = Option<Option<Command>>;

/// The backups, newest first, each with a "Restore…" button.
pub fn backups_ui(ui: &mut Ui, tr: Tr, folder: &Path, backups: &[BackupInfo]) -> Answer {
    let mut answer = None;
    ui.heading(tr.t(Text::RestoreBackupTitle));
    ui.add_space(4.0);
    ui.label(tr.t(Text::BackupsExplained));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr.t(Text::BackupsKeptIn));
        ui.monospace(folder.display().to_string());
    });
    ui.add_space(8.0);
    if backups.is_empty() {
        ui.label(tr.t(Text::NoBackupsYet));
    } else {
        egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
            egui::Grid::new("backups").striped(true).num_columns(5).spacing([16.0, 6.0]).show(ui, |ui| {
                for text in [Text::BackupTaken, Text::BackupSize, Text::Personas, Text::Customers] {
                    ui.strong(tr.t(text));
                }
                ui.end_row();
                for info in backups {
                    ui.label(tr.backup_time(info));
                    ui.label(tr.file_size(info.size_bytes));
                    ui.label(tr.maybe_count(info.personas));
                    ui.label(tr.maybe_count(info.customers));
                    let restore =
                        ui.button(tr.t(Text::RestoreEllipsis)).on_hover_text(info.path.display().to_string());
                    if restore.clicked() {
                        answer = Some(Some(Command::AskRestoreBackup(info.clone())));
                    }
                    ui.end_row();
                }
            });
        });
    }
    ui.add_space(8.0);
    if ui.button(tr.t(Text::Cancel)).clicked() {
        answer = Some(None);
    }
    answer
}

/// "Restore the backup of …?", saying that the current state is backed up first.
pub fn confirm_restore_ui(ui: &mut Ui, tr: Tr, info: &BackupInfo) -> Answer {
    confirm_ui(
        ui,
        tr,
        &tr.restore_question(info),
        Text::RestoreConsequence,
        Text::Restore,
        Command::RestoreBackup(info.path.clone()),
    )
}

/// "Replace everything in this workspace?" before importing a workspace file over data.
pub fn confirm_replace_ui(ui: &mut Ui, tr: Tr, file: &Path) -> Answer {
    let command = Command::ImportWorkspaceFile { path: PathBuf::from(file), replace: true };
    let question = format!("{} ({})", tr.t(Text::ReplaceWorkspaceQuestion), file.display());
    confirm_ui(ui, tr, &question, Text::ReplaceWorkspaceConsequence, Text::Replace, command)
}

fn confirm_ui(
    ui: &mut Ui,
    tr: Tr,
    question: &str,
    consequence: Text,
    action: Text,
    command: Command,
) -> Answer {
    let mut answer = None;
    ui.heading(question);
    ui.add_space(4.0);
    ui.label(tr.t(consequence));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(RichText::new(tr.t(action)).color(style::GAP)).clicked() {
            answer = Some(Some(command.clone()));
        }
        if ui.button(tr.t(Text::Cancel)).clicked() {
            answer = Some(None);
        }
    });
    answer
}
