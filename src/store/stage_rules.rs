//! The workspace's stage rules (`stage_rules` table): read, replaced whole, and written
//! inside an import's transaction.

use std::num::NonZeroU32;

use rusqlite::{Connection, TransactionBehavior, params};

use super::sql::StoredRow;
use super::{Result, StoreError, Workspace};
use crate::model::rules::{EventMatch, StageRule, StageRules};
use crate::model::stage::Stage;

impl Workspace {
    /// The saved stage rules, in order; `None` when the workspace has none.
    pub fn stage_rules(&self) -> Result<Option<StageRules>> {
        read_stage_rules(self.conn())
    }

    /// Replaces the saved stage rules with `rules`, in one transaction.
    pub fn set_stage_rules(&mut self, rules: &StageRules) -> Result<()> {
        let tx = self.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
        write_stage_rules(&tx, rules)?;
        tx.commit()?;
        Ok(())
    }
}

/// The rules stored in `conn`, if any.
pub(crate) fn read_stage_rules(conn: &Connection) -> Result<Option<StageRules>> {
    let mut stmt =
        conn.prepare_cached("SELECT position, event, occurrence, stage FROM stage_rules ORDER BY position")?;
    let mut rows = stmt.query([])?;
    let mut rules = Vec::new();
    while let Some(row) = rows.next()? {
        let row = StoredRow::new(row, "stage_rules", 0)?;
        let event: String = row.get(1)?;
        let occurrence: Option<u32> = row.get(2)?;
        let stage: Stage = row.get(3)?;
        let damaged = |column: &str, value: String| StoreError::DamagedRow {
            table: "stage_rules",
            id: row.id(),
            column: column.to_owned(),
            value,
        };
        let event = EventMatch::parse(&event).map_err(|_| damaged("event", format!("'{event}'")))?;
        let occurrence = match occurrence {
            None => None,
            Some(n) => Some(NonZeroU32::new(n).ok_or_else(|| damaged("occurrence", n.to_string()))?),
        };
        rules.push(StageRule { event, occurrence, stage });
    }
    if rules.is_empty() {
        return Ok(None);
    }
    // Every row was checked above, so the list is valid.
    StageRules::new(rules).map(Some).map_err(|_| StoreError::DamagedRow {
        table: "stage_rules",
        id: 0,
        column: "event".to_owned(),
        value: "''".to_owned(),
    })
}

/// Replaces the stored rules with `rules` inside the caller's transaction.
pub(crate) fn write_stage_rules(conn: &Connection, rules: &StageRules) -> Result<()> {
    conn.execute("DELETE FROM stage_rules", [])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO stage_rules (position, event, occurrence, stage) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, rule) in (1_i64..).zip(rules) {
        insert.execute(params![
            position,
            rule.event.as_str(),
            rule.occurrence.map(NonZeroU32::get),
            rule.stage
        ])?;
    }
    Ok(())
}
