//! Touchpoints per persona and stage.

use rusqlite::{Connection, Row};

use super::sql::StoredRow;
use super::{Result, StoreError, Workspace};
use crate::model::persona::PersonaId;
use crate::model::touchpoint::{Touchpoint, TouchpointId};
use crate::model::version::VersionId;

/// The table touchpoints live in, as named in damaged-row errors.
const TABLE: &str = "touchpoints";

const COLUMNS: &str = "id, version_id, persona_id, stage, channel, description";

fn from_row(row: &Row<'_>) -> Result<(TouchpointId, Touchpoint)> {
    let row = StoredRow::new(row, TABLE, 0)?;
    Ok((
        TouchpointId(row.id()),
        Touchpoint {
            version: row.get(1)?,
            persona: row.get(2)?,
            stage: row.get(3)?,
            channel: row.get(4)?,
            description: row.get(5)?,
        },
    ))
}

/// Every row `sql` selects (with `COLUMNS`), read by [`from_row`].
fn query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<(TouchpointId, Touchpoint)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut touchpoints = Vec::new();
    while let Some(row) = rows.next()? {
        touchpoints.push(from_row(row)?);
    }
    Ok(touchpoints)
}

/// Inserts a touchpoint, with a given id when restoring after undo.
pub(super) fn insert(conn: &Connection, id: Option<TouchpointId>, t: &Touchpoint) -> Result<TouchpointId> {
    conn.execute(
        "INSERT INTO touchpoints (id, version_id, persona_id, stage, channel, description)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![id, t.version, t.persona, t.stage, t.channel, t.description],
    )?;
    Ok(TouchpointId(conn.last_insert_rowid()))
}

/// The touchpoints of `version` (of one persona or all), by stage then in the order they
/// were added: the rows a version copy duplicates and a version deletion remembers.
pub(super) fn of_version(
    conn: &Connection,
    version: VersionId,
    persona: Option<PersonaId>,
) -> Result<Vec<(TouchpointId, Touchpoint)>> {
    query(
        conn,
        &format!(
            "SELECT {COLUMNS} FROM touchpoints
             WHERE version_id = ?1 AND (?2 IS NULL OR persona_id = ?2) ORDER BY stage, id"
        ),
        rusqlite::params![version, persona],
    )
}

impl Workspace {
    /// Touchpoints of one journey version, of one persona (or all), by stage then in the
    /// order they were added: what the journey board shows.
    pub fn version_touchpoints(
        &self,
        version: VersionId,
        persona: Option<PersonaId>,
    ) -> Result<Vec<(TouchpointId, Touchpoint)>> {
        of_version(self.conn(), version, persona)
    }

    /// Touchpoints of one persona (or all) in EVERY version, by stage then in the order
    /// they were added (persona deletion and whole-workspace checks; views want
    /// [`Workspace::version_touchpoints`]).
    pub fn touchpoints(&self, persona: Option<PersonaId>) -> Result<Vec<(TouchpointId, Touchpoint)>> {
        query(
            self.conn(),
            &format!(
                "SELECT {COLUMNS} FROM touchpoints WHERE ?1 IS NULL OR persona_id = ?1 ORDER BY stage, id"
            ),
            [persona],
        )
    }

    pub fn add_touchpoint(&mut self, touchpoint: &Touchpoint) -> Result<TouchpointId> {
        insert(self.conn(), None, touchpoint)
    }

    pub fn update_touchpoint(&mut self, id: TouchpointId, t: &Touchpoint) -> Result<()> {
        let changed = self.conn().execute(
            "UPDATE touchpoints SET version_id = ?2, persona_id = ?3, stage = ?4, channel = ?5, description = ?6
             WHERE id = ?1",
            rusqlite::params![id, t.version, t.persona, t.stage, t.channel, t.description],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// Deletes a touchpoint and returns it, for undo.
    pub fn delete_touchpoint(&mut self, id: TouchpointId) -> Result<Touchpoint> {
        let sql = format!("SELECT {COLUMNS} FROM touchpoints WHERE id = ?1");
        let Some((_, touchpoint)) = query(self.conn(), &sql, [id])?.pop() else {
            return Err(StoreError::NotFound(id.0));
        };
        self.conn().execute("DELETE FROM touchpoints WHERE id = ?1", [id.0])?;
        Ok(touchpoint)
    }

    pub fn restore_touchpoint(&mut self, id: TouchpointId, touchpoint: &Touchpoint) -> Result<()> {
        insert(self.conn(), Some(id), touchpoint).map(|_| ())
    }
}
