//! Export: the workspace into a workspace file, one row at a time.

use std::io::{BufWriter, Write};
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use rusqlite::Connection;
use serde::Serialize;

use super::WorkspaceFileSummary;
use super::{
    CustomerRow, EmotionRow, EventRow, FORMAT, FORMAT_VERSION, PersonaRow, StageRuleRow, TouchpointRow,
};
use crate::store::backup::temp_beside;
use crate::store::error::{Result, StoreError};
use crate::store::workspace::Workspace;

/// The writer of a JSON document made of arrays of rows, one row per line.
struct RowWriter<W: Write> {
    out: W,
    first_row: bool,
}

impl<W: Write> RowWriter<W> {
    fn begin_array(&mut self, key: &str) -> std::io::Result<()> {
        write!(self.out, ",\n\"{key}\": [")?;
        self.first_row = true;
        Ok(())
    }

    fn row(&mut self, row: &impl Serialize) -> std::io::Result<()> {
        self.out.write_all(if self.first_row { b"\n" } else { b",\n" })?;
        self.first_row = false;
        serde_json::to_writer(&mut self.out, row).map_err(std::io::Error::from)
    }

    fn end_array(&mut self) -> std::io::Result<()> {
        self.out.write_all(b"\n]")
    }
}

/// Why writing stopped: the database or the file.
enum Stop {
    Store(StoreError),
    Io(std::io::Error),
}

impl From<rusqlite::Error> for Stop {
    fn from(err: rusqlite::Error) -> Self {
        Self::Store(err.into())
    }
}

impl From<std::io::Error> for Stop {
    fn from(err: std::io::Error) -> Self {
        Self::Io(err)
    }
}

impl From<StoreError> for Stop {
    fn from(err: StoreError) -> Self {
        Self::Store(err)
    }
}

impl Workspace {
    /// Writes the whole workspace to `dest` as a workspace file (replaced if it exists,
    /// atomically: into a temporary file beside it, then renamed). Reads one consistent
    /// snapshot and holds one row in memory at a time.
    pub fn export_workspace_file(&self, dest: &Path) -> Result<WorkspaceFileSummary> {
        let io = |source| StoreError::Io { path: dest.to_path_buf(), source };
        let temp = temp_beside(dest);
        let written = (|| -> std::result::Result<WorkspaceFileSummary, Stop> {
            let file = std::fs::File::create(&temp)?;
            let mut writer = RowWriter { out: BufWriter::with_capacity(1 << 16, file), first_row: true };
            // A read transaction: every table from the same moment, even while the app or
            // another process writes.
            let tx = self.conn().unchecked_transaction()?;
            let summary = write_document(&tx, &mut writer)?;
            tx.commit()?;
            let file = writer.out.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            file.sync_all()?;
            drop(file);
            std::fs::rename(&temp, dest)?;
            Ok(summary)
        })();
        match written {
            Ok(summary) => Ok(summary),
            Err(stop) => {
                // Best effort: the temporary file may not even exist.
                let _ = std::fs::remove_file(&temp);
                Err(match stop {
                    Stop::Store(err) => err,
                    Stop::Io(err) => io(err),
                })
            }
        }
    }
}

fn write_document<W: Write>(
    conn: &Connection,
    w: &mut RowWriter<W>,
) -> std::result::Result<WorkspaceFileSummary, Stop> {
    let mut summary = WorkspaceFileSummary::default();
    write!(
        w.out,
        "{{\n\"format\": \"{FORMAT}\",\n\"format_version\": {FORMAT_VERSION},\n\"generator\": \"fanpath {}\"",
        env!("CARGO_PKG_VERSION")
    )?;

    w.begin_array("personas")?;
    let mut stmt = conn.prepare(
        "SELECT id, name, segment, age_range, occupation, location, income_band, shopping_habits,
            goals, pain_points, motivations, preferred_channels, quote, notes, color, avatar_png, stage
         FROM personas ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let avatar: Option<Vec<u8>> = r.get(15)?;
        w.row(&PersonaRow {
            id: r.get(0)?,
            name: r.get(1)?,
            segment: r.get(2)?,
            age_range: r.get(3)?,
            occupation: r.get(4)?,
            location: r.get(5)?,
            income_band: r.get(6)?,
            shopping_habits: r.get(7)?,
            goals: r.get(8)?,
            pain_points: r.get(9)?,
            motivations: r.get(10)?,
            preferred_channels: r.get(11)?,
            quote: r.get(12)?,
            notes: r.get(13)?,
            color: r.get(14)?,
            avatar_png: avatar.map(|png| BASE64.encode(png)),
            stage: r.get(16)?,
        })?;
        summary.personas += 1;
    }
    w.end_array()?;

    // Journey versions before the touchpoints that belong to them.
    w.begin_array("versions")?;
    for row in super::versions::version_rows(conn)? {
        w.row(&row)?;
    }
    w.end_array()?;

    w.begin_array("touchpoints")?;
    let mut stmt = conn.prepare(
        "SELECT id, version_id, persona_id, stage, channel, description FROM touchpoints ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        w.row(&TouchpointRow {
            id: r.get(0)?,
            version_id: r.get(1)?,
            persona_id: r.get(2)?,
            stage: r.get(3)?,
            channel: r.get(4)?,
            description: r.get(5)?,
        })?;
        summary.touchpoints += 1;
    }
    w.end_array()?;

    w.begin_array("stage_targets")?;
    for row in super::versions::target_rows(conn)? {
        w.row(&row)?;
    }
    w.end_array()?;

    // The backlog after the versions, personas and touchpoints it refers to.
    w.begin_array("opportunities")?;
    for row in super::opportunities::opportunity_rows(conn)? {
        w.row(&row)?;
    }
    w.end_array()?;

    w.begin_array("emotions")?;
    let mut stmt = conn.prepare(
        "SELECT id, persona_id, stage, score, label, note, touchpoint, source, logged_at
         FROM emotions ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        w.row(&EmotionRow {
            id: r.get(0)?,
            persona_id: r.get(1)?,
            stage: r.get(2)?,
            score: r.get(3)?,
            label: r.get(4)?,
            note: r.get(5)?,
            touchpoint: r.get(6)?,
            source: r.get(7)?,
            logged_at: r.get(8)?,
        })?;
        summary.emotions += 1;
    }
    w.end_array()?;

    w.begin_array("customers")?;
    write_customers(conn, w, &mut summary)?;
    w.end_array()?;

    w.begin_array("stage_rules")?;
    let mut stmt = conn.prepare("SELECT event, occurrence, stage FROM stage_rules ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        w.row(&StageRuleRow { event: r.get(0)?, occurrence: r.get(1)?, stage: r.get(2)? })?;
    }
    w.end_array()?;
    w.out.write_all(b"\n}\n")?;
    Ok(summary)
}

/// Customers with their events, walking both tables in customer order side by side (the
/// events' primary key starts with the customer), so neither is held in memory.
fn write_customers<W: Write>(
    conn: &Connection,
    w: &mut RowWriter<W>,
    summary: &mut WorkspaceFileSummary,
) -> std::result::Result<(), Stop> {
    let mut customers = conn.prepare(
        "SELECT id, external_id, persona_id, first_at, last_at, furthest_stage FROM customers ORDER BY id",
    )?;
    let mut events =
        conn.prepare("SELECT customer_id, stage, reached_at FROM stage_events ORDER BY customer_id, stage")?;
    let mut customers = customers.query([])?;
    let mut events = events.query([])?;
    let read_event = |events: &mut rusqlite::Rows<'_>| -> rusqlite::Result<Option<(i64, EventRow)>> {
        Ok(match events.next()? {
            Some(r) => Some((r.get(0)?, EventRow { stage: r.get(1)?, reached_at: r.get(2)? })),
            None => None,
        })
    };
    let mut next_event = read_event(&mut events)?;
    while let Some(r) = customers.next()? {
        let mut customer = CustomerRow {
            id: r.get(0)?,
            external_id: r.get(1)?,
            persona_id: r.get(2)?,
            first_at: r.get(3)?,
            last_at: r.get(4)?,
            furthest_stage: r.get(5)?,
            events: Vec::new(),
        };
        while let Some((owner, _)) = &next_event {
            if *owner > customer.id {
                break;
            }
            if *owner < customer.id {
                // An event of no customer: foreign keys forbid it, so the file was changed
                // outside Fanpath.
                return Err(Stop::Store(StoreError::DamagedRow {
                    table: "stage_events",
                    id: *owner,
                    column: "customer_id".to_owned(),
                    value: owner.to_string(),
                }));
            }
            if let Some((_, event)) = next_event.take() {
                customer.events.push(event);
            }
            next_event = read_event(&mut events)?;
        }
        summary.events += customer.events.len() as u64;
        w.row(&customer)?;
        summary.customers += 1;
    }
    if let Some((owner, _)) = next_event {
        return Err(Stop::Store(StoreError::DamagedRow {
            table: "stage_events",
            id: owner,
            column: "customer_id".to_owned(),
            value: owner.to_string(),
        }));
    }
    Ok(())
}
