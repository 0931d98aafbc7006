//! `fanpath backup`, `backups`, `restore`, `export workspace` and `import workspace`:
//! keeping the workspace safe and carrying it to another machine or tool.

use std::path::Path;

use fanpath::i18n::format::count;
use fanpath::model::Language::English;
use fanpath::store::backup::{BackupReason, backup_dir};
use fanpath::store::{BackupInfo, Workspace, list_backups, restore_backup};

use crate::open_existing;

/// A size in bytes for people: `812 KB`, `3.4 MB`.
fn size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", count(bytes.div_ceil(1024), English))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

fn counted(n: Option<u64>) -> String {
    n.map_or_else(|| "?".to_owned(), |n| count(n, English))
}

fn describe(info: &BackupInfo) -> String {
    format!(
        "{}  {:>9}  {:>8} personas  {:>10} customers  {}",
        info.taken_at.format("%Y-%m-%d %H:%M:%S"),
        size(info.size_bytes),
        counted(info.personas),
        counted(info.customers),
        info.path.display()
    )
}

/// `fanpath backup [FILE]`: a rolling backup now, or one backup into FILE.
pub fn backup(db: &Path, file: Option<&Path>) -> anyhow::Result<()> {
    let workspace = open_existing(db)?;
    let info = match file {
        Some(file) => workspace.backup_to(file)?,
        None => workspace
            .backup_now(BackupReason::Manual)?
            .ok_or_else(|| anyhow::anyhow!("{} is not a file that can be backed up", db.display()))?,
    };
    println!("Backed up {} to {} ({})", db.display(), info.path.display(), size(info.size_bytes));
    Ok(())
}

/// `fanpath backups`: the rolling backups, newest first.
pub fn backups(db: &Path) -> anyhow::Result<()> {
    let backups = list_backups(db)?;
    if backups.is_empty() {
        println!("No backups of {} yet (they go to {}).", db.display(), backup_dir(db).display());
        return Ok(());
    }
    for info in &backups {
        println!("{}", describe(info));
    }
    Ok(())
}

/// `fanpath restore FILE`: the workspace becomes the backup; its current state is backed up first.
pub fn restore(db: &Path, file: &Path) -> anyhow::Result<()> {
    let before = restore_backup(db, file)?;
    if let Some(before) = before {
        println!("Backed up the current state to {}", before.path.display());
    }
    println!("Restored {} into {}", file.display(), db.display());
    Ok(())
}

/// `fanpath export workspace FILE.json`.
pub fn export_workspace(db: &Path, file: &Path) -> anyhow::Result<()> {
    let workspace = open_existing(db)?;
    let summary = workspace.export_workspace_file(file)?;
    println!("Wrote {summary} to {}", file.display());
    Ok(())
}

/// `fanpath import workspace FILE.json [--replace]`.
pub fn import_workspace(db: &Path, file: &Path, replace: bool) -> anyhow::Result<()> {
    // Check the file first so a wrong name leaves no new workspace behind.
    std::fs::metadata(file).map_err(|err| anyhow::anyhow!("cannot read {}: {err}", file.display()))?;
    let created = !db.exists();
    let mut workspace = Workspace::open(db)?;
    let result = workspace.import_workspace_file(file, replace);
    drop(workspace);
    match result {
        Ok(summary) => {
            println!("Imported {summary} from {}", file.display());
            Ok(())
        }
        Err(err) => {
            if created {
                // A refused file leaves no new, empty workspace behind.
                for suffix in ["", "-wal", "-shm"] {
                    let mut name = db.as_os_str().to_owned();
                    name.push(suffix);
                    let _ = std::fs::remove_file(std::path::PathBuf::from(name));
                }
            }
            Err(err.into())
        }
    }
}
