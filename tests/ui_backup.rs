//! The app's backups: deleting a persona backs up first, File → Restore from backup… lists
//! the backups and restores one after a confirmation, and importing a workspace file over
//! data asks first.

#[path = "common/app.rs"]
mod app;

use app::{settle, today};
use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fanpath::model::Language;
use fanpath::store::edit::Edit;
use fanpath::store::{DemoOptions, Workspace, list_backups};
use fanpath::ui::FanpathApp;
use fanpath::ui::command::{Command, UiCommand};
use fanpath::ui::state::Dialog;

fn harness(path: &Path) -> Harness<'static, FanpathApp> {
    app::harness(path, Language::English)
}

fn demo(path: &Path, customers: u64) {
    let mut ws = Workspace::open(path).expect("open");
    ws.write_demo(&DemoOptions { customers, replace: true, ..DemoOptions::new(today()) }).expect("demo");
}

#[test]
fn deleting_a_persona_backs_up_first_and_a_backup_can_be_restored() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("journeys.sqlite");
    demo(&path, 40);
    let mut h = harness(&path);
    assert!(list_backups(&path).expect("list").is_empty());

    let id = h.state().data.personas[0].id;
    h.state_mut().send(Command::Edit(Edit::DeletePersona(id)));
    settle(&mut h);
    assert_eq!(h.state().data.personas.len(), 3);
    let backups = list_backups(&path).expect("list");
    assert_eq!(backups.len(), 1, "a backup before the deletion");
    assert_eq!((backups[0].personas, backups[0].customers), (Some(4), Some(40)));

    h.state_mut().send(UiCommand::RestoreBackup);
    h.run();
    assert!(matches!(&h.state().dialog, Some(Dialog::Backups { backups, .. }) if backups.len() == 1));
    h.get_by_label("Restore…").click();
    h.run();
    assert!(matches!(h.state().dialog, Some(Dialog::ConfirmRestore(_))));
    assert!(h.query_by_label_contains("Restore the backup of").is_some());
    assert!(h.query_by_label_contains("The current state is backed up first").is_some());
    h.get_by_role_and_label(Role::Button, "Restore").click();
    h.run();
    assert_eq!(h.state().dialog, None);
    assert_eq!(h.state().data.personas.len(), 4, "the view reloaded the restored data");
    assert!(!h.state().can_undo(), "undo steps belonged to the replaced data");
    assert!(h.query_by_label_contains("Restored the backup").is_some());
    // The state before the restore (three personas) is the newest backup now.
    let backups = list_backups(&path).expect("list");
    assert_eq!(backups[0].personas, Some(3));
}

#[test]
fn importing_a_workspace_file_over_data_asks_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (source, path) = (dir.path().join("source.sqlite"), dir.path().join("journeys.sqlite"));
    demo(&source, 30);
    let json = dir.path().join("source.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    demo(&path, 10);

    let mut h = harness(&path);
    h.state_mut().send(Command::ImportWorkspaceFile { path: json.clone(), replace: false });
    settle(&mut h);
    assert_eq!(h.state().dialog, Some(Dialog::ConfirmReplaceWorkspace(json.clone())));
    h.get_by_role_and_label(Role::Button, "Replace").click();
    settle(&mut h);
    assert_eq!(h.state().dialog, None);
    assert_eq!(h.state().workspace().report(None).expect("report").customers(), 30);
    assert!(h.query_by_label_contains("Imported 4 personas").is_some());
    assert_eq!(list_backups(&path).expect("list")[0].customers, Some(10), "the replaced data was backed up");
}
