//! The journey-version lists of the workspace file (`versions`, `stage_targets`), both
//! directions; the rest of the file is in `read.rs` and `write.rs`.

use rusqlite::{Connection, Statement, params};

use super::{TargetRow, VersionRow};
use crate::model::version::JourneyVersion;

/// Every version, in id order.
pub(super) fn version_rows(conn: &Connection) -> rusqlite::Result<Vec<VersionRow>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, kind, note, launch_date, position, created_on, named_by_fanpath
         FROM journey_versions ORDER BY id",
    )?;
    stmt.query_map([], |r| {
        Ok(VersionRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            note: r.get(3)?,
            launch_date: r.get(4)?,
            position: r.get(5)?,
            created_on: r.get(6)?,
            named_by_fanpath: r.get(7)?,
        })
    })?
    .collect()
}

/// Every target that was set, by version, persona and stage (versions are few, and their
/// targets at most personas × 8, so a list is fine).
pub(super) fn target_rows(conn: &Connection) -> rusqlite::Result<Vec<TargetRow>> {
    let mut stmt = conn.prepare(
        "SELECT version_id, persona_id, stage, score FROM stage_targets ORDER BY version_id, persona_id, stage",
    )?;
    stmt.query_map([], |r| {
        Ok(TargetRow { version_id: r.get(0)?, persona_id: r.get(1)?, stage: r.get(2)?, score: r.get(3)? })
    })?
    .collect()
}

/// The INSERT [`insert_version`] runs.
pub(super) const INSERT_VERSION: &str = "INSERT INTO journey_versions
    (id, name, name_key, kind, note, launch_date, position, created_on, named_by_fanpath)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// The INSERT for a target row.
pub(super) const INSERT_TARGET: &str =
    "INSERT INTO stage_targets (version_id, persona_id, stage, score) VALUES (?1, ?2, ?3, ?4)";

/// A day as the workspace stores it, or why it is not one.
fn day(field: &str, value: Option<&String>) -> Result<(), String> {
    match value {
        Some(text) if chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() => {
            Err(format!("{field} \"{}\" is not a date (YYYY-MM-DD)", text.escape_debug()))
        }
        _ => Ok(()),
    }
}

/// Writes one version row, checking what SQLite's constraints do not (the dates).
pub(super) fn insert_version(insert: &mut Statement<'_>, row: &VersionRow) -> Result<(), String> {
    day("launch_date", row.launch_date.as_ref())?;
    day("created_on", row.created_on.as_ref())?;
    let name = JourneyVersion::clean_name(&row.name);
    if name.is_empty() {
        return Err("the name is empty".to_owned());
    }
    insert
        .execute(params![
            row.id,
            name,
            JourneyVersion::name_key(&name),
            row.kind,
            row.note,
            row.launch_date,
            row.position,
            row.created_on,
            row.named_by_fanpath
        ])
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// A file without versions (format version 1) gets the one a workspace always has,
/// "Current" under id 1, which its touchpoints were written into.
pub(super) fn ensure_a_version(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO journey_versions (id, name, name_key, kind, position, named_by_fanpath)
         SELECT 1, 'Current', 'current', 'as_is', 0, 1
         WHERE NOT EXISTS (SELECT 1 FROM journey_versions)",
        [],
    )?;
    Ok(())
}
