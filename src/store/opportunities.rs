//! The opportunity backlog: opportunities per journey version, their evidence links to
//! emotion entries, and the open counts the board and the Compare view show.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, Row, params};

use super::sql::StoredRow;
use super::{Result, StoreError, Workspace};
use crate::model::emotion::EmotionId;
use crate::model::opportunity::{Opportunity, OpportunityId, OpportunityStatus, Rating};
use crate::model::persona::PersonaId;
use crate::model::version::VersionId;

/// The table opportunities live in, as named in damaged-row errors.
const TABLE: &str = "opportunities";

const COLUMNS: &str =
    "id, version_id, title, stage, persona_id, status, value, effort, owner, evidence, note, created";

/// Stored as its key (`idea`, `in_progress` …).
impl ToSql for OpportunityStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.key()))
    }
}

impl FromSql for OpportunityStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let key = value.as_str()?;
        Self::ALL.into_iter().find(|s| s.key() == key).ok_or_else(|| {
            FromSqlError::Other(Box::new(crate::model::opportunity::StatusError(key.to_owned())))
        })
    }
}

/// Stored as a whole number, 1–5.
impl ToSql for Rating {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.get())))
    }
}

impl FromSql for Rating {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        Self::new(n).map_err(|_| FromSqlError::OutOfRange(n))
    }
}

/// Stored as the row's integer id.
impl ToSql for OpportunityId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

/// A day as stored: `YYYY-MM-DD`.
struct StoredDay(NaiveDate);

impl FromSql for StoredDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d")
            .map(Self)
            .map_err(|err| FromSqlError::Other(Box::new(err)))
    }
}

fn day_text(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn from_row(row: &Row<'_>) -> Result<(OpportunityId, Opportunity)> {
    let row = StoredRow::new(row, TABLE, 0)?;
    let created: StoredDay = row.get(11)?;
    Ok((
        OpportunityId(row.id()),
        Opportunity {
            version: VersionId(row.get(1)?),
            title: row.get(2)?,
            stage: row.get(3)?,
            persona: row.get(4)?,
            status: row.get(5)?,
            value: row.get(6)?,
            effort: row.get(7)?,
            owner: row.get(8)?,
            evidence: row.get(9)?,
            evidence_emotions: Vec::new(),
            note: row.get(10)?,
            created: created.0,
        },
    ))
}

/// Every row `sql` selects (with `COLUMNS`), with its evidence links.
fn query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<(OpportunityId, Opportunity)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut found = Vec::new();
    while let Some(row) = rows.next()? {
        found.push(from_row(row)?);
    }
    if found.is_empty() {
        return Ok(found);
    }
    // The links of all opportunities at once: a backlog is hand-made, so small.
    let mut links: HashMap<i64, Vec<EmotionId>> = HashMap::new();
    // Links to deleted entries are left out (see V5_OPPORTUNITIES).
    let mut stmt = conn.prepare_cached(
        "SELECT l.opportunity_id, l.emotion_id FROM opportunity_evidence l JOIN emotions e ON e.id = l.emotion_id
         ORDER BY l.opportunity_id, l.emotion_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        links.entry(row.get(0)?).or_default().push(EmotionId(row.get(1)?));
    }
    for (id, opportunity) in &mut found {
        opportunity.evidence_emotions = links.remove(&id.0).unwrap_or_default();
    }
    Ok(found)
}

/// Writes the evidence links of `id`. A link to an entry deleted meanwhile is kept but
/// not read, so undoing that deletion brings the link back.
fn write_links(conn: &Connection, id: OpportunityId, emotions: &[EmotionId]) -> Result<()> {
    conn.execute("DELETE FROM opportunity_evidence WHERE opportunity_id = ?1", [id.0])?;
    let mut link = conn.prepare_cached(
        "INSERT OR IGNORE INTO opportunity_evidence (opportunity_id, emotion_id) VALUES (?1, ?2)",
    )?;
    for emotion in emotions {
        link.execute(params![id.0, emotion.0])?;
    }
    Ok(())
}

/// Runs `sql` with `?1` the id and `?2` … `?12` the opportunity's columns in table order,
/// so the INSERT and the UPDATE cannot disagree on them.
fn execute_row(conn: &Connection, sql: &str, id: Option<OpportunityId>, o: &Opportunity) -> Result<usize> {
    Ok(conn.execute(
        sql,
        params![
            id,
            o.version.0,
            o.title,
            o.stage,
            o.persona,
            o.status,
            o.value,
            o.effort,
            o.owner,
            o.evidence,
            o.note,
            day_text(o.created)
        ],
    )?)
}

/// Inserts an opportunity with its links, with a given id when restoring after undo.
pub(super) fn insert(conn: &Connection, id: Option<OpportunityId>, o: &Opportunity) -> Result<OpportunityId> {
    execute_row(
        conn,
        "INSERT INTO opportunities (id, version_id, title, stage, persona_id, status, value, effort, owner, evidence, note, created)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        id,
        o,
    )?;
    let id = OpportunityId(conn.last_insert_rowid());
    write_links(conn, id, &o.evidence_emotions)?;
    Ok(id)
}

/// Copies every opportunity of version `from` into version `to` (new ids, same links):
/// called by `copy_version_children` when a version is created as a copy of another.
pub(super) fn copy_to_version(conn: &Connection, from: VersionId, to: VersionId) -> Result<u64> {
    let mut copied = 0;
    for (_, mut opportunity) in of_version(conn, from)? {
        opportunity.version = to;
        insert(conn, None, &opportunity)?;
        copied += 1;
    }
    Ok(copied)
}

/// Forgets links to a row id a *new* emotion entry now holds: they pointed at an entry
/// deleted for good, not at this one.
pub(super) fn clear_stale_links(conn: &Connection, emotion: EmotionId) -> Result<()> {
    conn.execute("DELETE FROM opportunity_evidence WHERE emotion_id = ?1", [emotion.0])?;
    Ok(())
}

/// The opportunities of one version, in the order they were added.
pub(super) fn of_version(conn: &Connection, version: VersionId) -> Result<Vec<(OpportunityId, Opportunity)>> {
    let sql = format!("SELECT {COLUMNS} FROM opportunities WHERE version_id = ?1 ORDER BY id");
    query(conn, &sql, [version.0])
}

/// The opportunities of one persona (in every version), kept when the persona is deleted
/// so that undo can put them back.
pub(super) fn of_persona(conn: &Connection, persona: PersonaId) -> Result<Vec<(OpportunityId, Opportunity)>> {
    let sql = format!("SELECT {COLUMNS} FROM opportunities WHERE persona_id = ?1 ORDER BY id");
    query(conn, &sql, [persona.0])
}

impl Workspace {
    /// The opportunities of one version (or of every version), in the order they were added.
    pub fn opportunities(&self, version: Option<VersionId>) -> Result<Vec<(OpportunityId, Opportunity)>> {
        let sql =
            format!("SELECT {COLUMNS} FROM opportunities WHERE ?1 IS NULL OR version_id = ?1 ORDER BY id");
        query(self.conn(), &sql, [version.map(|v| v.0)])
    }

    pub fn opportunity(&self, id: OpportunityId) -> Result<Opportunity> {
        let sql = format!("SELECT {COLUMNS} FROM opportunities WHERE id = ?1");
        query(self.conn(), &sql, [id.0])?.pop().map(|(_, o)| o).ok_or(StoreError::NotFound(id.0))
    }

    pub fn add_opportunity(&mut self, opportunity: &Opportunity) -> Result<OpportunityId> {
        insert(self.conn(), None, opportunity)
    }

    /// Replaces every field of an opportunity, its evidence links included.
    pub fn update_opportunity(&mut self, id: OpportunityId, o: &Opportunity) -> Result<()> {
        let changed = execute_row(
            self.conn(),
            "UPDATE opportunities SET version_id = ?2, title = ?3, stage = ?4, persona_id = ?5, status = ?6,
                value = ?7, effort = ?8, owner = ?9, evidence = ?10, note = ?11, created = ?12 WHERE id = ?1",
            Some(id),
            o,
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        write_links(self.conn(), id, &o.evidence_emotions)
    }

    /// Deletes an opportunity (its links go with it) and returns it, for undo.
    pub fn delete_opportunity(&mut self, id: OpportunityId) -> Result<Opportunity> {
        let opportunity = self.opportunity(id)?;
        self.conn().execute("DELETE FROM opportunities WHERE id = ?1", [id.0])?;
        Ok(opportunity)
    }

    /// Puts a deleted opportunity back under its old id.
    pub fn restore_opportunity(&mut self, id: OpportunityId, opportunity: &Opportunity) -> Result<()> {
        insert(self.conn(), Some(id), opportunity).map(|_| ())
    }

    /// How many open (idea, planned, in progress) opportunities each stage of `version`
    /// has for `persona` (`None`: all of them; one for all personas counts for each), by
    /// stage index: the board's column badges and the Compare view's column.
    pub fn open_opportunities_per_stage(
        &self,
        version: VersionId,
        persona: Option<PersonaId>,
    ) -> Result<[u64; 8]> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT stage, count(*) FROM opportunities
             WHERE version_id = ?1 AND status IN ('idea', 'planned', 'in_progress')
               AND (?2 IS NULL OR persona_id IS NULL OR persona_id = ?2) GROUP BY stage",
        )?;
        let mut rows = stmt.query(params![version.0, persona.map(|p| p.0)])?;
        let mut counts = [0_u64; 8];
        while let Some(row) = rows.next()? {
            let stage: crate::model::Stage = row.get(0)?;
            counts[stage.index()] = row.get::<_, i64>(1)?.try_into().unwrap_or(0);
        }
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::emotion::{EmotionEntry, Score, Source};
    use crate::model::opportunity::open_per_stage;
    use crate::model::{Persona, Stage};

    const V1: VersionId = VersionId(1);

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, 14).expect("date")
    }

    fn emotion_entry() -> EmotionEntry {
        EmotionEntry {
            persona: PersonaId(0),
            stage: Stage::Kickoff,
            score: Score::new(-3).expect("score"),
            label: "lost".into(),
            note: String::new(),
            touchpoint: String::new(),
            source: Source::Interview,
            logged_at: None,
        }
    }

    fn emotion(ws: &mut Workspace, persona: PersonaId) -> EmotionId {
        ws.add_emotion(&EmotionEntry { persona, ..emotion_entry() }).expect("emotion")
    }

    fn full(ws: &mut Workspace) -> Opportunity {
        let persona = ws.create_persona(&Persona::named("Hằng")).expect("persona");
        let evidence = emotion(ws, persona);
        let mut o = Opportunity::new(V1, "Gọi điện chào mừng", Stage::Kickoff, day());
        o.persona = Some(persona);
        o.status = OpportunityStatus::Planned;
        o.value = Rating::new(5).expect("value");
        o.effort = Rating::new(2).expect("effort");
        o.owner = "Linh (CS)".into();
        o.evidence = "Ba khách nói không ai gọi lại".into();
        o.evidence_emotions = vec![evidence];
        o.note = "Thử ở hai cửa hàng trước".into();
        o
    }

    #[test]
    fn every_field_round_trips() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let o = full(&mut ws);
        let id = ws.add_opportunity(&o).expect("add");
        assert_eq!(ws.opportunity(id).expect("read"), o);
        assert_eq!(ws.opportunities(Some(V1)).expect("list"), [(id, o.clone())]);
        assert!(ws.opportunities(Some(VersionId(2))).expect("none").is_empty());

        let mut edited = o.clone();
        edited.evidence_emotions.clear();
        edited.status = OpportunityStatus::Done;
        ws.update_opportunity(id, &edited).expect("update");
        assert_eq!(ws.opportunity(id).expect("read"), edited);

        let deleted = ws.delete_opportunity(id).expect("delete");
        assert_eq!(deleted, edited);
        assert!(matches!(ws.opportunity(id), Err(StoreError::NotFound(_))));
        ws.restore_opportunity(id, &o).expect("restore");
        assert_eq!(ws.opportunity(id).expect("back"), o);
    }

    #[test]
    fn deleting_an_emotion_only_drops_its_link() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let o = full(&mut ws);
        let id = ws.add_opportunity(&o).expect("add");
        let entry = o.evidence_emotions[0];
        ws.delete_emotion(entry).expect("delete emotion");
        let kept = ws.opportunity(id).expect("still there");
        assert!(kept.evidence_emotions.is_empty());
        assert_eq!(kept.title, o.title);
        // Restoring an opportunity that names the deleted entry works without it.
        ws.delete_opportunity(id).expect("delete");
        ws.restore_opportunity(id, &o).expect("restore with a dangling link");
        assert!(ws.opportunity(id).expect("back").evidence_emotions.is_empty());
        // Undoing the entry's deletion brings the link back.
        let persona = o.persona.expect("persona");
        assert!(ws.emotions(None, None).expect("none").is_empty());
        let entry_back = EmotionEntry { persona, ..emotion_entry() };
        ws.restore_emotion(entry, &entry_back).expect("undo the deletion");
        assert_eq!(ws.opportunity(id).expect("linked").evidence_emotions, [entry]);
        // A new entry that happens to take a deleted entry's row id is not evidence.
        ws.delete_emotion(entry).expect("delete again");
        let reused = ws.add_emotion(&entry_back).expect("new entry");
        assert_eq!(reused, entry, "SQLite hands out the highest free row id again");
        assert!(ws.opportunity(id).expect("read").evidence_emotions.is_empty());
    }

    #[test]
    fn open_counts_per_stage_match_the_model() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let statuses = OpportunityStatus::ALL;
        let mut all = Vec::new();
        for (i, stage) in Stage::ALL.iter().enumerate() {
            for j in 0..=i {
                let mut o = Opportunity::new(V1, format!("{i}-{j}"), *stage, day());
                o.status = statuses[(i + j) % statuses.len()];
                ws.add_opportunity(&o).expect("add");
                all.push(o);
            }
        }
        let counts = ws.open_opportunities_per_stage(V1, None).expect("counts");
        assert_eq!(counts, open_per_stage(&all));
        // By hand for one stage: Validation (i = 2) holds j = 0, 1, 2 → statuses 2, 3, 4:
        // in progress (open), done, dropped.
        assert_eq!(counts[Stage::Validation.index()], 1);
        assert_eq!(ws.open_opportunities_per_stage(VersionId(9), None).expect("none"), [0; 8]);
    }

    #[test]
    fn open_counts_of_one_persona_take_hers_and_those_for_everyone() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let lan = ws.create_persona(&Persona::named("Lan")).expect("Lan");
        let minh = ws.create_persona(&Persona::named("Minh")).expect("Minh");
        // (stage, persona, open?) of each opportunity.
        let rows = [
            (Stage::Kickoff, Some(lan), true),
            (Stage::Kickoff, Some(minh), true),
            (Stage::Kickoff, None, true),
            (Stage::Kickoff, Some(lan), false),
            (Stage::Validation, Some(minh), true),
            (Stage::Validation, None, false),
            (Stage::Advocacy, None, true),
        ];
        for (stage, persona, open) in rows {
            let mut o = Opportunity::new(V1, "ý tưởng", stage, day());
            o.persona = persona;
            o.status = if open { OpportunityStatus::Planned } else { OpportunityStatus::Done };
            ws.add_opportunity(&o).expect("add");
        }
        let at = |counts: [u64; 8]| (counts[3], counts[2], counts[7], counts.iter().sum::<u64>());
        // Kickoff, Validation, Advocacy and the total, counted by hand from the rows above.
        assert_eq!(at(ws.open_opportunities_per_stage(V1, None).expect("all")), (3, 1, 1, 5));
        assert_eq!(at(ws.open_opportunities_per_stage(V1, Some(lan)).expect("Lan")), (2, 0, 1, 3));
        assert_eq!(at(ws.open_opportunities_per_stage(V1, Some(minh)).expect("Minh")), (2, 1, 1, 4));
        // The cached count the window uses says the same.
        let list: Vec<Opportunity> =
            ws.opportunities(None).expect("list").into_iter().map(|(_, o)| o).collect();
        for persona in [None, Some(lan), Some(minh)] {
            assert_eq!(
                open_per_stage(list.iter().filter(|o| o.concerns(persona))),
                ws.open_opportunities_per_stage(V1, persona).expect("counts")
            );
        }
    }

    #[test]
    fn copies_go_to_the_other_version_with_their_links() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let o = full(&mut ws);
        ws.add_opportunity(&o).expect("add");
        ws.conn()
            .execute("INSERT INTO journey_versions (id, name, name_key) VALUES (2, 'To-be', 'to-be')", [])
            .expect("version");
        let copied = copy_to_version(ws.conn(), V1, VersionId(2)).expect("copy");
        assert_eq!(copied, 1);
        let mut expected = o.clone();
        expected.version = VersionId(2);
        let to_be: Vec<Opportunity> =
            ws.opportunities(Some(VersionId(2))).expect("list").into_iter().map(|(_, o)| o).collect();
        assert_eq!(to_be, [expected]);
        assert_eq!(ws.opportunities(Some(V1)).expect("kept").len(), 1);
    }

    #[test]
    fn a_damaged_status_names_the_row() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let id = ws.add_opportunity(&Opportunity::new(V1, "x", Stage::Evaluation, day())).expect("add");
        ws.conn().execute("UPDATE opportunities SET status = 'maybe'", []).expect("damage");
        let err = ws.opportunity(id).expect_err("damaged");
        assert!(matches!(err, StoreError::DamagedRow { .. }), "{err:?}");
    }
}
