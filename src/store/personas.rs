//! Persona cards: create, edit, move along the path, delete and restore (for undo).

use rusqlite::types::ToSql;
use rusqlite::{Connection, Row};

use super::sql::StoredRow;
use super::{Result, StoreError, Workspace};
use crate::model::collate;
use crate::model::emotion::{EmotionEntry, EmotionId, Score};
use crate::model::opportunity::{Opportunity, OpportunityId};
use crate::model::persona::{Persona, PersonaError, PersonaId};
use crate::model::stage::Stage;
use crate::model::touchpoint::{Touchpoint, TouchpointId};
use crate::model::version::VersionId;

/// A persona with its row id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonaRecord {
    pub id: PersonaId,
    pub persona: Persona,
}

/// Everything a persona deletion removed, so undo can put it back exactly, ids included.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedPersona {
    pub id: PersonaId,
    pub persona: Persona,
    pub emotions: Vec<(EmotionId, EmotionEntry)>,
    pub touchpoints: Vec<(TouchpointId, Touchpoint)>,
    /// The persona's target emotions in every version, `(version, stage, score)`.
    pub targets: Vec<(VersionId, Stage, Score)>,
    /// Row ids of the customers that belonged to the persona (their link is cleared).
    pub customer_ids: Vec<i64>,
    /// The persona's own opportunities (in every version), which go with it.
    pub opportunities: Vec<(OpportunityId, Opportunity)>,
}

const COLUMNS: &str = "id, name, segment, age_range, occupation, location, income_band, \
    shopping_habits, goals, pain_points, motivations, preferred_channels, quote, notes, \
    color, avatar_png, stage";

/// The table personas live in, as named in damaged-row errors.
const TABLE: &str = "personas";

fn from_row(row: &Row<'_>) -> Result<PersonaRecord> {
    let row = StoredRow::new(row, TABLE, 0)?;
    Ok(PersonaRecord {
        id: PersonaId(row.id()),
        persona: Persona {
            name: row.get(1)?,
            segment: row.get(2)?,
            age_range: row.get(3)?,
            occupation: row.get(4)?,
            location: row.get(5)?,
            income_band: row.get(6)?,
            shopping_habits: row.get(7)?,
            goals: row.get(8)?,
            pain_points: row.get(9)?,
            motivations: row.get(10)?,
            preferred_channels: row.get(11)?,
            quote: row.get(12)?,
            notes: row.get(13)?,
            color: row.get(14)?,
            avatar_png: row.get(15)?,
            stage: row.get(16)?,
        },
    })
}

/// Every row `sql` selects (with `COLUMNS`), read by [`from_row`].
fn query(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<PersonaRecord>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut records = Vec::new();
    while let Some(row) = rows.next()? {
        records.push(from_row(row)?);
    }
    Ok(records)
}

/// Inserts a persona card as given (validated by the caller), under `id` when restoring
/// after undo. The one place personas are written whole: create, restore and the demo.
pub(super) fn insert(conn: &Connection, id: Option<PersonaId>, p: &Persona) -> Result<PersonaId> {
    conn.execute(
        "INSERT INTO personas (id, name, name_key, segment, age_range, occupation, location,
            income_band, shopping_habits, goals, pain_points, motivations,
            preferred_channels, quote, notes, color, avatar_png, stage)
         VALUES (:id, :name, :key, :segment, :age, :occupation, :location, :income,
            :habits, :goals, :pains, :motivations, :channels, :quote, :notes, :color,
            :avatar, :stage)",
        &card_params(id.map(|i| i.0), p)[..],
    )
    .map_err(|e| map_duplicate(e, &p.name))?;
    Ok(PersonaId(conn.last_insert_rowid()))
}

/// The named parameters of a whole persona card, shared by INSERT and UPDATE so the
/// two can never disagree on a column.
fn card_params(id: Option<i64>, p: &Persona) -> [(&'static str, Box<dyn ToSql + '_>); 18] {
    [
        (":id", Box::new(id)),
        (":name", Box::new(&p.name)),
        (":key", Box::new(Persona::name_key(&p.name))),
        (":segment", Box::new(&p.segment)),
        (":age", Box::new(&p.age_range)),
        (":occupation", Box::new(&p.occupation)),
        (":location", Box::new(&p.location)),
        (":income", Box::new(&p.income_band)),
        (":habits", Box::new(&p.shopping_habits)),
        (":goals", Box::new(&p.goals)),
        (":pains", Box::new(&p.pain_points)),
        (":motivations", Box::new(&p.motivations)),
        (":channels", Box::new(&p.preferred_channels)),
        (":quote", Box::new(&p.quote)),
        (":notes", Box::new(&p.notes)),
        (":color", Box::new(p.color)),
        (":avatar", Box::new(&p.avatar_png)),
        (":stage", Box::new(p.stage)),
    ]
}

/// Turns the UNIQUE(name_key) violation into the error the editor shows beside the name.
fn map_duplicate(err: rusqlite::Error, name: &str) -> StoreError {
    match &err {
        rusqlite::Error::SqliteFailure(e, Some(msg))
            if e.code == rusqlite::ErrorCode::ConstraintViolation && msg.contains("name_key") =>
        {
            StoreError::Persona(PersonaError::DuplicateName(name.trim().to_owned()))
        }
        _ => StoreError::Sqlite(err),
    }
}

fn validated(persona: &Persona) -> Result<Persona> {
    if let Some(first) = persona.validate().into_iter().next() {
        return Err(first.into());
    }
    Ok(persona.clone().normalized())
}

impl Workspace {
    /// All personas, in Vietnamese name order.
    pub fn personas(&self) -> Result<Vec<PersonaRecord>> {
        let mut records = query(self.conn(), &format!("SELECT {COLUMNS} FROM personas"), [])?;
        records.sort_by_cached_key(|r| collate::sort_key(&r.persona.name));
        Ok(records)
    }

    pub fn persona(&self, id: PersonaId) -> Result<Persona> {
        query(self.conn(), &format!("SELECT {COLUMNS} FROM personas WHERE id = ?1"), [id])?
            .pop()
            .map(|r| r.persona)
            .ok_or(StoreError::NotFound(id.0))
    }

    /// Finds a persona by name, ignoring case and surrounding spaces.
    pub fn persona_by_name(&self, name: &str) -> Result<Option<PersonaRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM personas WHERE name_key = ?1");
        Ok(query(self.conn(), &sql, [Persona::name_key(name)])?.pop())
    }

    /// Saves a new persona after validating it; the name must be unique ignoring case.
    pub fn create_persona(&mut self, persona: &Persona) -> Result<PersonaId> {
        let p = validated(persona)?;
        insert(self.conn(), None, &p)
    }

    /// Replaces every field of a persona.
    pub fn update_persona(&mut self, id: PersonaId, persona: &Persona) -> Result<()> {
        let p = validated(persona)?;
        let changed = self
            .conn()
            .execute(
                "UPDATE personas SET name = :name, name_key = :key, segment = :segment,
                    age_range = :age, occupation = :occupation, location = :location,
                    income_band = :income, shopping_habits = :habits, goals = :goals,
                    pain_points = :pains, motivations = :motivations,
                    preferred_channels = :channels, quote = :quote, notes = :notes,
                    color = :color, avatar_png = :avatar, stage = :stage
                 WHERE id = :id",
                &card_params(Some(id.0), &p)[..],
            )
            .map_err(|e| map_duplicate(e, &p.name))?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// Places a persona on the path (or takes it off with `None`).
    pub fn set_persona_stage(&mut self, id: PersonaId, stage: Option<Stage>) -> Result<()> {
        let changed = self
            .conn()
            .execute("UPDATE personas SET stage = ?2 WHERE id = ?1", rusqlite::params![id, stage])?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// A name not yet taken, based on `base`: "Hằng (2)", "Hằng (3)" …
    pub fn free_persona_name(&self, base: &str) -> Result<String> {
        let base = base.trim();
        for n in 2.. {
            let candidate = format!("{base} ({n})");
            if self.persona_by_name(&candidate)?.is_none() {
                return Ok(candidate);
            }
        }
        Ok(base.to_owned())
    }

    /// Deletes a persona with its emotions and touchpoints, and unlinks its customers, in
    /// one transaction. Returns what was removed so [`Workspace::restore_persona`] can undo it.
    pub fn delete_persona(&mut self, id: PersonaId) -> Result<DeletedPersona> {
        self.in_transaction(|ws| delete(ws, id))
    }

    /// Puts back a deleted persona exactly as it was, ids included, in one transaction.
    pub fn restore_persona(&mut self, deleted: &DeletedPersona) -> Result<()> {
        self.in_transaction(|ws| restore(ws.conn(), deleted))
    }
}

/// Deletes a persona inside the caller's transaction, so the rows remembered for undo are
/// exactly the rows removed.
pub(super) fn delete(ws: &Workspace, id: PersonaId) -> Result<DeletedPersona> {
    let persona = ws.persona(id)?;
    let emotions = ws.emotions(Some(id), None)?;
    let touchpoints = ws.touchpoints(Some(id))?;
    let targets = {
        let mut stmt = ws.conn().prepare(
            "SELECT version_id, stage, score FROM stage_targets WHERE persona_id = ?1 ORDER BY version_id, stage",
        )?;
        let mut rows = stmt.query([id.0])?;
        let mut targets = Vec::new();
        while let Some(row) = rows.next()? {
            let row = StoredRow::new(row, "stage_targets", 0)?;
            targets.push((row.get(0)?, row.get(1)?, row.get(2)?));
        }
        targets
    };
    let customer_ids = {
        let mut stmt = ws.conn().prepare("SELECT id FROM customers WHERE persona_id = ?1 ORDER BY id")?;
        stmt.query_map([id.0], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?
    };
    let opportunities = super::opportunities::of_persona(ws.conn(), id)?;
    // Foreign keys cascade to emotions, touchpoints and opportunities and clear customer links.
    ws.conn().execute("DELETE FROM personas WHERE id = ?1", [id.0])?;
    Ok(DeletedPersona { id, persona, emotions, touchpoints, targets, customer_ids, opportunities })
}

/// Puts back a deleted persona inside the caller's transaction.
pub(super) fn restore(conn: &Connection, deleted: &DeletedPersona) -> Result<()> {
    insert(conn, Some(deleted.id), &deleted.persona)?;
    for (id, entry) in &deleted.emotions {
        super::emotions::insert(conn, Some(*id), entry)?;
    }
    for (id, touchpoint) in &deleted.touchpoints {
        super::touchpoints::insert(conn, Some(*id), touchpoint)?;
    }
    for &(version, stage, score) in &deleted.targets {
        conn.execute(
            "INSERT INTO stage_targets (version_id, persona_id, stage, score) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![version, deleted.id, stage, score],
        )?;
    }
    // After the emotions, so the evidence links find their entries.
    for (id, opportunity) in &deleted.opportunities {
        super::opportunities::insert(conn, Some(*id), opportunity)?;
    }
    let mut relink = conn.prepare("UPDATE customers SET persona_id = ?1 WHERE id = ?2")?;
    let mut relink_events = conn.prepare("UPDATE stage_events SET persona_id = ?1 WHERE customer_id = ?2")?;
    for customer in &deleted.customer_ids {
        relink.execute([deleted.id.0, *customer])?;
        relink_events.execute([deleted.id.0, *customer])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persona::Rgb;

    fn ws() -> Workspace {
        Workspace::open_in_memory().expect("in-memory workspace")
    }

    #[test]
    fn create_read_update_round_trip() {
        let mut ws = ws();
        let mut p = Persona::named("  Nguyễn Thị Hằng ");
        p.segment = "Dân văn phòng".into();
        p.quote = "Tôi cần cà phê ngon trước 8 giờ.".into();
        p.color = Rgb([10, 20, 30]);
        p.avatar_png = Some(vec![1, 2, 3]);
        p.stage = Some(Stage::Validation);
        let id = ws.create_persona(&p).expect("create");
        let stored = ws.persona(id).expect("read");
        assert_eq!(stored, p.clone().normalized());
        assert_eq!(stored.name, "Nguyễn Thị Hằng");

        let mut edited = stored.clone();
        edited.goals = "Tiết kiệm thời gian".into();
        edited.stage = None;
        ws.update_persona(id, &edited).expect("update");
        assert_eq!(ws.persona(id).expect("read"), edited);
        ws.set_persona_stage(id, Some(Stage::Advocacy)).expect("move");
        assert_eq!(ws.persona(id).expect("read").stage, Some(Stage::Advocacy));
    }

    #[test]
    fn names_are_unique_ignoring_case_and_sorted_vietnamese() {
        let mut ws = ws();
        ws.create_persona(&Persona::named("Đức")).expect("create");
        let err = ws.create_persona(&Persona::named(" đỨC ")).expect_err("duplicate");
        assert!(matches!(err, StoreError::Persona(PersonaError::DuplicateName(_))), "{err}");
        let err = ws.create_persona(&Persona::named("")).expect_err("empty");
        assert!(matches!(err, StoreError::Persona(PersonaError::EmptyName)));
        for name in ["Zoe", "Dung", "Anh"] {
            ws.create_persona(&Persona::named(name)).expect("create");
        }
        let names: Vec<String> = ws.personas().expect("list").into_iter().map(|r| r.persona.name).collect();
        assert_eq!(names, ["Anh", "Dung", "Đức", "Zoe"]);
        assert_eq!(ws.free_persona_name("Đức").expect("name"), "Đức (2)");
        let other = ws.create_persona(&Persona::named("Other")).expect("create");
        let err = ws.update_persona(other, &Persona::named("ĐỨC")).expect_err("rename onto existing");
        assert!(matches!(err, StoreError::Persona(PersonaError::DuplicateName(_))));
    }

    #[test]
    fn delete_and_restore_keep_everything() {
        use crate::model::emotion::{Score, Source};
        use crate::model::touchpoint::Channel;
        let mut ws = ws();
        let id = ws.create_persona(&Persona::named("Minh Anh")).expect("create");
        let entry = EmotionEntry {
            persona: id,
            stage: Stage::Validation,
            score: Score::new(-3).expect("score"),
            label: "hoài nghi".into(),
            note: String::new(),
            touchpoint: "Zalo".into(),
            source: Source::Interview,
            logged_at: None,
        };
        let eid = ws.add_emotion(&entry).expect("emotion");
        let tp = Touchpoint {
            version: ws.first_version().expect("version"),
            persona: id,
            stage: Stage::Kickoff,
            channel: Channel::Email,
            description: "Chào mừng".into(),
        };
        let tid = ws.add_touchpoint(&tp).expect("touchpoint");
        let deleted = ws.delete_persona(id).expect("delete");
        assert!(ws.personas().expect("list").is_empty());
        assert!(ws.emotions(None, None).expect("emotions").is_empty());
        ws.restore_persona(&deleted).expect("restore");
        assert_eq!(ws.persona(id).expect("back").name, "Minh Anh");
        assert_eq!(ws.emotions(Some(id), None).expect("emotions"), vec![(eid, entry)]);
        assert_eq!(ws.touchpoints(Some(id)).expect("tps"), vec![(tid, tp)]);
    }
}
