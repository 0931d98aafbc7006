//! The opportunity backlog in the workspace file (issue #10 §3): the `opportunities` list,
//! each with the ids of the emotion entries given as evidence, both directions.

use rusqlite::{Connection, Statement, params};
use serde::{Deserialize, Serialize};

/// One row of `opportunities` with its evidence links.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OpportunityRow {
    id: i64,
    version_id: i64,
    title: String,
    /// 1 … 8.
    stage: i64,
    /// `null`: for all personas.
    persona_id: Option<i64>,
    /// `idea`, `planned`, `in_progress`, `done` or `dropped`.
    status: String,
    /// 1 … 5.
    value: i64,
    /// 1 … 5.
    effort: i64,
    owner: String,
    evidence: String,
    note: String,
    /// `YYYY-MM-DD`.
    created: String,
    /// Emotion entries given as evidence (a link to an entry not in the file is kept, as
    /// the workspace keeps it: it is not read while the entry is missing).
    #[serde(default)]
    evidence_emotion_ids: Vec<i64>,
}

impl OpportunityRow {
    pub(super) fn id(&self) -> i64 {
        self.id
    }
}

/// Every opportunity with its links, in id order.
pub(super) fn opportunity_rows(conn: &Connection) -> rusqlite::Result<Vec<OpportunityRow>> {
    let mut links = conn.prepare(
        "SELECT emotion_id FROM opportunity_evidence WHERE opportunity_id = ?1 ORDER BY emotion_id",
    )?;
    let mut stmt = conn.prepare(
        "SELECT id, version_id, title, stage, persona_id, status, value, effort, owner, evidence, note, created
         FROM opportunities ORDER BY id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(OpportunityRow {
                id: r.get(0)?,
                version_id: r.get(1)?,
                title: r.get(2)?,
                stage: r.get(3)?,
                persona_id: r.get(4)?,
                status: r.get(5)?,
                value: r.get(6)?,
                effort: r.get(7)?,
                owner: r.get(8)?,
                evidence: r.get(9)?,
                note: r.get(10)?,
                created: r.get(11)?,
                evidence_emotion_ids: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|mut row| {
            row.evidence_emotion_ids =
                links.query_map([row.id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok(row)
        })
        .collect()
}

/// The INSERTs [`insert_opportunity`] runs: the row, then each link.
pub(super) const INSERT_OPPORTUNITY: &str = "INSERT INTO opportunities
    (id, version_id, title, stage, persona_id, status, value, effort, owner, evidence, note, created)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
pub(super) const INSERT_EVIDENCE: &str =
    "INSERT OR IGNORE INTO opportunity_evidence (opportunity_id, emotion_id) VALUES (?1, ?2)";

/// Writes one opportunity and its links, checking what SQLite's constraints do not (the
/// status and the date).
pub(super) fn insert_opportunity(
    (insert, link): (&mut Statement<'_>, &mut Statement<'_>),
    row: &OpportunityRow,
) -> Result<(), String> {
    // Only the stored keys (`in_progress`), not the names the CSV import also accepts.
    let known = row.status.parse::<crate::model::opportunity::OpportunityStatus>().map(|s| s.key());
    if known != Ok(row.status.as_str()) {
        return Err(format!("status \"{}\" is not one Fanpath knows", row.status.escape_debug()));
    }
    if chrono::NaiveDate::parse_from_str(&row.created, "%Y-%m-%d").is_err() {
        return Err(format!("created \"{}\" is not a date (YYYY-MM-DD)", row.created.escape_debug()));
    }
    if row.title.trim().is_empty() {
        return Err("the title is empty".to_owned());
    }
    insert
        .execute(params![
            row.id,
            row.version_id,
            row.title,
            row.stage,
            row.persona_id,
            row.status,
            row.value,
            row.effort,
            row.owner,
            row.evidence,
            row.note,
            row.created
        ])
        .map_err(|e| e.to_string())?;
    for emotion in &row.evidence_emotion_ids {
        link.execute(params![row.id, emotion]).map_err(|e| e.to_string())?;
    }
    Ok(())
}
