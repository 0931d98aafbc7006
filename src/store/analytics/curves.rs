//! The personas side of the Analytics view: each persona's emotion curve and how many
//! touchpoints it has per stage, in Vietnamese name order.

use crate::model::analytics::{EmotionCurve, EmotionPoint, TouchpointCoverage};
use crate::model::collate;
use crate::model::emotion::{EmotionStats, Score};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::model::version::VersionId;
use crate::store::error::Result;
use crate::store::sql::{GroupRow, StoredRow};
use crate::store::workspace::Workspace;

impl Workspace {
    /// Per persona with entries: statistics per stage (SQL `GROUP BY`) and every entry.
    pub(super) fn emotion_curves(&self, persona: Option<PersonaId>) -> Result<Vec<EmotionCurve>> {
        let conn = self.conn();
        let pid = persona.map(|p| p.0);
        let mut curves: Vec<EmotionCurve> = Vec::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT e.persona_id, p.name, p.color, e.stage, count(*), avg(e.score), min(e.score), max(e.score)
                 FROM emotions e JOIN personas p ON p.id = e.persona_id
                 WHERE ?1 IS NULL OR e.persona_id = ?1
                 GROUP BY e.persona_id, e.stage ORDER BY e.persona_id, e.stage",
            )?;
            let mut rows = stmt.query([pid])?;
            while let Some(row) = rows.next()? {
                // Columns 0–2 are the persona's row; the rest a group of its emotion entries.
                let persona = StoredRow::new(row, "personas", 0)?;
                let group = GroupRow::new(conn, row, "emotions", "id");
                let id = PersonaId(persona.id());
                let stage: Stage = group.get(3, "stage")?;
                if curves.last().is_none_or(|c| c.persona != id) {
                    curves.push(EmotionCurve {
                        persona: id,
                        name: persona.get(1)?,
                        color: persona.get(2)?,
                        stats: [EmotionStats::default(); 8],
                        points: Vec::new(),
                    });
                }
                if let Some(curve) = curves.last_mut() {
                    curve.stats[stage.index()] = EmotionStats {
                        entries: row.get(4)?,
                        mean: row.get(5)?,
                        min: group.get::<Option<Score>>(6, "score")?.map(Score::get),
                        max: group.get::<Option<Score>>(7, "score")?.map(Score::get),
                    };
                }
            }
        }
        // Sorted by id here, so each entry finds its curve by binary search.
        let mut stmt = conn.prepare_cached(
            "SELECT id, persona_id, stage, score, label, note FROM emotions
             WHERE ?1 IS NULL OR persona_id = ?1
             ORDER BY stage, logged_at IS NULL, logged_at, id",
        )?;
        let mut rows = stmt.query([pid])?;
        while let Some(row) = rows.next()? {
            let entry = StoredRow::new(row, "emotions", 0)?;
            let id: PersonaId = entry.get(1)?;
            // Every entry with a persona has a curve (the first query saw it).
            let Ok(at) = curves.binary_search_by_key(&id, |c| c.persona) else { continue };
            curves[at].points.push(EmotionPoint {
                stage: entry.get(2)?,
                score: entry.get(3)?,
                label: entry.get(4)?,
                note: entry.get(5)?,
            });
        }
        curves.sort_by_cached_key(|c| collate::sort_key(&c.name));
        Ok(curves)
    }

    /// Touchpoints per stage of every persona in scope, in Vietnamese name order.
    /// Only the touchpoints of `version` count.
    pub(super) fn touchpoint_coverage(
        &self,
        persona: Option<PersonaId>,
        version: VersionId,
    ) -> Result<Vec<TouchpointCoverage>> {
        let conn = self.conn();
        let pid = persona.map(|p| p.0);
        let mut personas: Vec<(i64, TouchpointCoverage)> = conn
            .prepare_cached("SELECT id, name FROM personas WHERE ?1 IS NULL OR id = ?1 ORDER BY id")?
            .query_map([pid], |r| {
                Ok((r.get(0)?, TouchpointCoverage { persona: r.get(1)?, touchpoints: [0; 8] }))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT persona_id, stage, count(*) FROM touchpoints
             WHERE (?1 IS NULL OR persona_id = ?1) AND version_id = ?2 GROUP BY persona_id, stage",
        )?;
        let mut rows = stmt.query(rusqlite::params![pid, version])?;
        while let Some(row) = rows.next()? {
            let owner: i64 = row.get(0)?;
            let stage: Stage = GroupRow::new(conn, row, "touchpoints", "id").get(1, "stage")?;
            // Touchpoints of personas out of scope are not selected; a persona deleted
            // meanwhile takes its touchpoints with it.
            let Ok(at) = personas.binary_search_by_key(&owner, |(id, _)| *id) else { continue };
            personas[at].1.touchpoints[stage.index()] = row.get(2)?;
        }
        let mut coverage: Vec<TouchpointCoverage> = personas.into_iter().map(|(_, c)| c).collect();
        coverage.sort_by_cached_key(|c| collate::sort_key(&c.persona));
        Ok(coverage)
    }
}
