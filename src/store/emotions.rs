//! The emotion log: highs and lows per persona and stage.

use rusqlite::{Connection, Row};

use super::cohorts::text_date_filter;
use super::sql::{GroupRow, StoredDate, StoredRow};
use super::{Result, StoreError, Workspace};
use crate::model::cohort::DateRange;
use crate::model::emotion::{EmotionEntry, EmotionId, EmotionStats, Score};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;

const COLUMNS: &str = "id, persona_id, stage, score, label, note, touchpoint, source, logged_at";

/// The table entries live in, as named in damaged-row errors.
const TABLE: &str = "emotions";

fn from_row(row: &Row<'_>) -> Result<(EmotionId, EmotionEntry)> {
    let row = StoredRow::new(row, TABLE, 0)?;
    let logged_at: Option<StoredDate> = row.get(8)?;
    Ok((
        EmotionId(row.id()),
        EmotionEntry {
            persona: row.get(1)?,
            stage: row.get(2)?,
            score: row.get(3)?,
            label: row.get(4)?,
            note: row.get(5)?,
            touchpoint: row.get(6)?,
            source: row.get(7)?,
            logged_at: logged_at.map(|at| at.0),
        },
    ))
}

/// Inserts an entry, with a given id when restoring after undo.
pub(super) fn insert(conn: &Connection, id: Option<EmotionId>, e: &EmotionEntry) -> Result<EmotionId> {
    conn.execute(
        "INSERT INTO emotions (id, persona_id, stage, score, label, note, touchpoint, source, logged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            id,
            e.persona,
            e.stage,
            e.score,
            e.label,
            e.note,
            e.touchpoint,
            e.source,
            e.logged_at.map(StoredDate),
        ],
    )?;
    let new_id = EmotionId(conn.last_insert_rowid());
    if id.is_none() {
        // A row id freed by a deletion may come back: old evidence links are not about this entry.
        super::opportunities::clear_stale_links(conn, new_id)?;
    }
    Ok(new_id)
}

impl Workspace {
    /// Entries, optionally for one persona and/or stage, oldest first (undated last).
    pub fn emotions(
        &self,
        persona: Option<PersonaId>,
        stage: Option<Stage>,
    ) -> Result<Vec<(EmotionId, EmotionEntry)>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT {COLUMNS} FROM emotions
             WHERE (?1 IS NULL OR persona_id = ?1) AND (?2 IS NULL OR stage = ?2)
             ORDER BY logged_at IS NULL, logged_at, id"
        ))?;
        let mut rows = stmt.query(rusqlite::params![persona, stage])?;
        let mut entries = Vec::new();
        while let Some(row) = rows.next()? {
            entries.push(from_row(row)?);
        }
        Ok(entries)
    }

    pub fn add_emotion(&mut self, entry: &EmotionEntry) -> Result<EmotionId> {
        insert(self.conn(), None, entry)
    }

    /// One entry by id.
    pub fn emotion(&self, id: EmotionId) -> Result<EmotionEntry> {
        let mut stmt =
            self.conn().prepare_cached(&format!("SELECT {COLUMNS} FROM emotions WHERE id = ?1"))?;
        let mut rows = stmt.query([id])?;
        let Some(row) = rows.next()? else { return Err(StoreError::NotFound(id.0)) };
        Ok(from_row(row)?.1)
    }

    /// Replaces an entry in one statement, so a failure leaves the old entry in place.
    pub fn update_emotion(&mut self, id: EmotionId, e: &EmotionEntry) -> Result<()> {
        let changed = self.conn().execute(
            "UPDATE emotions SET persona_id = ?2, stage = ?3, score = ?4, label = ?5, note = ?6,
                touchpoint = ?7, source = ?8, logged_at = ?9 WHERE id = ?1",
            rusqlite::params![
                id,
                e.persona,
                e.stage,
                e.score,
                e.label,
                e.note,
                e.touchpoint,
                e.source,
                e.logged_at.map(StoredDate),
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// Deletes an entry and returns it, for undo.
    pub fn delete_emotion(&mut self, id: EmotionId) -> Result<EmotionEntry> {
        let entry = self.emotion(id)?;
        self.conn().execute("DELETE FROM emotions WHERE id = ?1", [id])?;
        Ok(entry)
    }

    /// Puts back a deleted entry under its old id.
    pub fn restore_emotion(&mut self, id: EmotionId, entry: &EmotionEntry) -> Result<()> {
        insert(self.conn(), Some(id), entry).map(|_| ())
    }

    /// Count, mean, min and max score per stage, aggregated in SQL.
    pub fn emotion_stats_by_stage(&self, persona: Option<PersonaId>) -> Result<[EmotionStats; 8]> {
        self.emotion_stats_in(persona, &DateRange::ALL)
    }

    /// Statistics per stage of the entries logged in `range` (undated entries only when the
    /// range is [`DateRange::ALL`]), for one persona or all.
    pub fn emotion_stats_in(
        &self,
        persona: Option<PersonaId>,
        range: &DateRange,
    ) -> Result<[EmotionStats; 8]> {
        let mut stats = [EmotionStats::default(); 8];
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT stage, COUNT(*), AVG(score), MIN(score), MAX(score) FROM emotions
             WHERE (?1 IS NULL OR persona_id = ?1){} GROUP BY stage",
            text_date_filter(range, "logged_at")
        ))?;
        let mut rows = stmt.query([persona])?;
        while let Some(row) = rows.next()? {
            let group = GroupRow::new(self.conn(), row, TABLE, "id");
            let stage: Stage = group.get(0, "stage")?;
            stats[stage.index()] = EmotionStats {
                entries: row.get(1)?,
                mean: row.get(2)?,
                min: group.get::<Option<Score>>(3, "score")?.map(Score::get),
                max: group.get::<Option<Score>>(4, "score")?.map(Score::get),
            };
        }
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_date_time;
    use crate::model::emotion::Source;
    use crate::model::persona::Persona;

    fn entry(persona: PersonaId, stage: Stage, score: i64, at: Option<&str>) -> EmotionEntry {
        EmotionEntry {
            persona,
            stage,
            score: Score::new(score).expect("score"),
            label: "bối rối".into(),
            note: "Không biết đặt hàng trên ứng dụng".into(),
            touchpoint: "App".into(),
            source: Source::Survey,
            logged_at: at.map(|t| parse_date_time(t).expect("date")),
        }
    }

    #[test]
    fn log_edit_delete_restore_and_stats() {
        let mut ws = Workspace::open_in_memory().expect("ws");
        let a = ws.create_persona(&Persona::named("A")).expect("a");
        let b = ws.create_persona(&Persona::named("B")).expect("b");
        let e1 = ws.add_emotion(&entry(a, Stage::Validation, -3, Some("2024-05-02"))).expect("e1");
        let _e2 = ws.add_emotion(&entry(a, Stage::Validation, 1, None)).expect("e2");
        let _e3 = ws.add_emotion(&entry(b, Stage::Validation, 5, Some("2024-05-01"))).expect("e3");
        let _e4 = ws.add_emotion(&entry(a, Stage::Advocacy, 4, Some("2024-06-01"))).expect("e4");

        let all_validation = ws.emotions(None, Some(Stage::Validation)).expect("list");
        assert_eq!(all_validation.len(), 3);
        // Oldest first, undated last.
        assert_eq!(all_validation[0].1.score.get(), 5);
        assert_eq!(all_validation[2].1.logged_at, None);

        let stats = ws.emotion_stats_by_stage(Some(a)).expect("stats");
        assert_eq!(stats[Stage::Validation.index()].entries, 2);
        assert_eq!(stats[Stage::Validation.index()].mean, Some(-1.0));
        assert_eq!(stats[Stage::Validation.index()].min, Some(-3));
        assert_eq!(stats[Stage::Advocacy.index()].max, Some(4));
        assert_eq!(stats[Stage::Kickoff.index()], EmotionStats::default());
        let everyone = ws.emotion_stats_by_stage(None).expect("stats");
        assert_eq!(everyone[Stage::Validation.index()].max, Some(5));

        let mut edited = entry(a, Stage::Kickoff, 2, Some("2024-05-03T10:00:00"));
        edited.label = "hào hứng".into();
        ws.update_emotion(e1, &edited).expect("update");
        let removed = ws.delete_emotion(e1).expect("delete");
        assert_eq!(removed, edited);
        assert!(matches!(ws.delete_emotion(e1), Err(StoreError::NotFound(_))));
        ws.restore_emotion(e1, &removed).expect("restore");
        assert!(ws.emotions(Some(a), Some(Stage::Kickoff)).expect("list").contains(&(e1, edited)));
    }
}
