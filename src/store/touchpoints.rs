//! Touchpoints per persona and stage.

use rusqlite::{Connection, Row};

use super::{Result, StoreError, Workspace};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::model::touchpoint::{Channel, Touchpoint, TouchpointId};

fn from_row(row: &Row<'_>) -> rusqlite::Result<(TouchpointId, Touchpoint)> {
    let stage: u8 = row.get(2)?;
    let channel: String = row.get(3)?;
    Ok((
        TouchpointId(row.get(0)?),
        Touchpoint {
            persona: PersonaId(row.get(1)?),
            stage: Stage::from_number(stage).unwrap_or(Stage::Evaluation),
            channel: Channel::from_key(&channel),
            description: row.get(4)?,
        },
    ))
}

pub(super) fn insert(conn: &Connection, id: Option<TouchpointId>, t: &Touchpoint) -> Result<TouchpointId> {
    conn.execute(
        "INSERT INTO touchpoints (id, persona_id, stage, channel, description) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![id.map(|i| i.0), t.persona.0, t.stage.number(), t.channel.key(), t.description],
    )?;
    Ok(TouchpointId(conn.last_insert_rowid()))
}

impl Workspace {
    /// Touchpoints of one persona (or all), by stage then in the order they were added.
    pub fn touchpoints(&self, persona: Option<PersonaId>) -> Result<Vec<(TouchpointId, Touchpoint)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, persona_id, stage, channel, description FROM touchpoints
             WHERE ?1 IS NULL OR persona_id = ?1 ORDER BY stage, id",
        )?;
        let rows = stmt.query_map([persona.map(|p| p.0)], from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn add_touchpoint(&mut self, touchpoint: &Touchpoint) -> Result<TouchpointId> {
        insert(self.conn(), None, touchpoint)
    }

    pub fn update_touchpoint(&mut self, id: TouchpointId, t: &Touchpoint) -> Result<()> {
        let changed = self.conn().execute(
            "UPDATE touchpoints SET persona_id = ?2, stage = ?3, channel = ?4, description = ?5 WHERE id = ?1",
            rusqlite::params![id.0, t.persona.0, t.stage.number(), t.channel.key(), t.description],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// Deletes a touchpoint and returns it, for undo.
    pub fn delete_touchpoint(&mut self, id: TouchpointId) -> Result<Touchpoint> {
        let (_, touchpoint) = self
            .conn()
            .query_row(
                "SELECT id, persona_id, stage, channel, description FROM touchpoints WHERE id = ?1",
                [id.0],
                from_row,
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => StoreError::NotFound(id.0),
                other => other.into(),
            })?;
        self.conn().execute("DELETE FROM touchpoints WHERE id = ?1", [id.0])?;
        Ok(touchpoint)
    }

    pub fn restore_touchpoint(&mut self, id: TouchpointId, touchpoint: &Touchpoint) -> Result<()> {
        insert(self.conn(), Some(id), touchpoint).map(|_| ())
    }
}
