//! Journey versions and their target emotions: list, create (empty or as a copy), edit,
//! delete and restore (for undo). Touchpoints of a version live in `touchpoints.rs`.

use rusqlite::{Connection, OptionalExtension, Row};

use super::sql::{StoredDay, StoredRow};
use super::{Result, StoreError, Workspace};
use crate::model::emotion::Score;
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::model::touchpoint::{Touchpoint, TouchpointId};
use crate::model::version::{JourneyVersion, Targets, VersionError, VersionId};

/// The table versions live in, as named in damaged-row errors.
const TABLE: &str = "journey_versions";

const COLUMNS: &str = "id, name, kind, note, launch_date, position, created_on, named_by_fanpath";

/// Everything a version deletion removed, so undo can put it back exactly, ids included.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedVersion {
    pub id: VersionId,
    pub version: JourneyVersion,
    pub touchpoints: Vec<(TouchpointId, Touchpoint)>,
    /// The targets that were set, `(persona, stage, score)`.
    pub targets: Vec<(PersonaId, Stage, Score)>,
    /// The version's opportunity backlog (issue #10 §3).
    pub opportunities: Vec<(crate::model::OpportunityId, crate::model::Opportunity)>,
}

fn from_row(row: &Row<'_>) -> Result<(VersionId, JourneyVersion)> {
    let row = StoredRow::new(row, TABLE, 0)?;
    let launch: Option<StoredDay> = row.get(4)?;
    let created: Option<StoredDay> = row.get(6)?;
    Ok((
        VersionId(row.id()),
        JourneyVersion {
            name: row.get(1)?,
            kind: row.get(2)?,
            note: row.get(3)?,
            launch_date: launch.map(|d| d.0),
            position: row.get(5)?,
            created_on: created.map(|d| d.0),
            named_by_fanpath: row.get(7)?,
        },
    ))
}

fn query(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<(VersionId, JourneyVersion)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut versions = Vec::new();
    while let Some(row) = rows.next()? {
        versions.push(from_row(row)?);
    }
    Ok(versions)
}

/// Checks the name (not empty) and cleans it; uniqueness is the UNIQUE index's.
fn cleaned(version: &JourneyVersion) -> Result<JourneyVersion> {
    let name = JourneyVersion::clean_name(&version.name);
    if name.is_empty() {
        return Err(VersionError::EmptyName.into());
    }
    Ok(JourneyVersion { name, ..version.clone() })
}

/// Turns the UNIQUE(name_key) violation into [`VersionError::DuplicateName`].
fn map_duplicate(err: rusqlite::Error, name: &str) -> StoreError {
    match &err {
        rusqlite::Error::SqliteFailure(e, Some(msg))
            if e.code == rusqlite::ErrorCode::ConstraintViolation && msg.contains("name_key") =>
        {
            VersionError::DuplicateName(name.to_owned()).into()
        }
        _ => err.into(),
    }
}

/// Inserts a version card as given, under `id` when restoring after undo.
pub(super) fn insert(conn: &Connection, id: Option<VersionId>, v: &JourneyVersion) -> Result<VersionId> {
    let v = cleaned(v)?;
    conn.execute(
        "INSERT INTO journey_versions (id, name, name_key, kind, note, launch_date, position, created_on,
            named_by_fanpath)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            id,
            v.name,
            JourneyVersion::name_key(&v.name),
            v.kind,
            v.note,
            v.launch_date.map(StoredDay),
            v.position,
            v.created_on.map(StoredDay),
            v.named_by_fanpath,
        ],
    )
    .map_err(|e| map_duplicate(e, &v.name))?;
    Ok(VersionId(conn.last_insert_rowid()))
}

/// The targets set in `version`, by persona then stage.
fn target_rows(conn: &Connection, version: VersionId) -> Result<Vec<(PersonaId, Stage, Score)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT persona_id, stage, score FROM stage_targets WHERE version_id = ?1 ORDER BY persona_id, stage",
    )?;
    let mut rows = stmt.query([version])?;
    let mut targets = Vec::new();
    while let Some(row) = rows.next()? {
        // The table has no row id; the version's id names the row in an error.
        let row = StoredRow::new(row, "stage_targets", 0)?;
        targets.push((row.get(0)?, row.get(1)?, row.get(2)?));
    }
    Ok(targets)
}

/// Sets (or with `None` clears) one target; returns what was there before.
pub(super) fn set_target(
    conn: &Connection,
    version: VersionId,
    persona: PersonaId,
    stage: Stage,
    score: Option<Score>,
) -> Result<Option<Score>> {
    let old: Option<Score> = conn
        .query_row(
            "SELECT score FROM stage_targets WHERE version_id = ?1 AND persona_id = ?2 AND stage = ?3",
            rusqlite::params![version, persona, stage],
            |r| r.get(0),
        )
        .optional()?;
    match score {
        Some(score) => conn.execute(
            "INSERT INTO stage_targets (version_id, persona_id, stage, score) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (version_id, persona_id, stage) DO UPDATE SET score = excluded.score",
            rusqlite::params![version, persona, stage, score],
        )?,
        None => conn.execute(
            "DELETE FROM stage_targets WHERE version_id = ?1 AND persona_id = ?2 AND stage = ?3",
            rusqlite::params![version, persona, stage],
        )?,
    };
    Ok(old)
}

/// Copies everything `from` owns into `to` (a version just created): its touchpoints
/// (under new ids) and its targets. THE hook for tables a version owns that come later:
/// the opportunity backlog (issue #10 §3) adds its copy here, and its rows to
/// [`DeletedVersion`], [`delete`] and [`restore`].
pub(super) fn copy_version_children(conn: &Connection, from: VersionId, to: VersionId) -> Result<()> {
    conn.execute(
        "INSERT INTO touchpoints (version_id, persona_id, stage, channel, description)
         SELECT ?2, persona_id, stage, channel, description FROM touchpoints WHERE version_id = ?1 ORDER BY id",
        [from, to],
    )?;
    conn.execute(
        "INSERT INTO stage_targets (version_id, persona_id, stage, score)
         SELECT ?2, persona_id, stage, score FROM stage_targets WHERE version_id = ?1",
        [from, to],
    )?;
    super::opportunities::copy_to_version(conn, from, to)?;
    Ok(())
}

/// Creates a version (a copy of `source`'s touchpoints and targets when given) inside the
/// caller's transaction; it goes after the last version in the switcher.
pub(super) fn create(
    ws: &Workspace,
    version: &JourneyVersion,
    source: Option<VersionId>,
) -> Result<VersionId> {
    let conn = ws.conn();
    if let Some(source) = source {
        ws.version(source)?;
    }
    let position: i64 =
        conn.query_row("SELECT coalesce(max(position) + 1, 0) FROM journey_versions", [], |r| r.get(0))?;
    let id = insert(conn, None, &JourneyVersion { position, ..version.clone() })?;
    if let Some(source) = source {
        copy_version_children(conn, source, id)?;
    }
    Ok(id)
}

/// Deletes a version and everything it owns inside the caller's transaction, remembering
/// the rows for undo. The last version is refused.
pub(super) fn delete(ws: &Workspace, id: VersionId) -> Result<DeletedVersion> {
    let version = ws.version(id)?;
    let count: i64 = ws.conn().query_row("SELECT count(*) FROM journey_versions", [], |r| r.get(0))?;
    if count <= 1 {
        return Err(VersionError::LastVersion.into());
    }
    let touchpoints = super::touchpoints::of_version(ws.conn(), id, None)?;
    let targets = target_rows(ws.conn(), id)?;
    let opportunities = super::opportunities::of_version(ws.conn(), id)?;
    // Foreign keys cascade to the touchpoints, targets and opportunities.
    ws.conn().execute("DELETE FROM journey_versions WHERE id = ?1", [id])?;
    Ok(DeletedVersion { id, version, touchpoints, targets, opportunities })
}

/// Puts back a deleted version inside the caller's transaction.
pub(super) fn restore(conn: &Connection, deleted: &DeletedVersion) -> Result<()> {
    insert(conn, Some(deleted.id), &deleted.version)?;
    for (id, touchpoint) in &deleted.touchpoints {
        super::touchpoints::insert(conn, Some(*id), touchpoint)?;
    }
    for &(persona, stage, score) in &deleted.targets {
        set_target(conn, deleted.id, persona, stage, Some(score))?;
    }
    for (id, opportunity) in &deleted.opportunities {
        super::opportunities::insert(conn, Some(*id), opportunity)?;
    }
    Ok(())
}

/// Deletes every version (with its touchpoints and targets) and creates the one a new
/// workspace has, "Current", created on `today`: the demo and the replacing import start
/// from it.
pub(super) fn reset(conn: &Connection, today: Option<chrono::NaiveDate>) -> Result<VersionId> {
    conn.execute("DELETE FROM journey_versions", [])?;
    let current = JourneyVersion {
        created_on: today,
        named_by_fanpath: true,
        ..JourneyVersion::named(crate::model::version::CURRENT_VERSION_NAME)
    };
    insert(conn, None, &current)
}

impl Workspace {
    /// Every journey version, in switcher order (position, then id). Never empty in a
    /// workspace this build wrote.
    pub fn versions(&self) -> Result<Vec<(VersionId, JourneyVersion)>> {
        query(self.conn(), &format!("SELECT {COLUMNS} FROM journey_versions ORDER BY position, id"), [])
    }

    /// One version's card.
    pub fn version(&self, id: VersionId) -> Result<JourneyVersion> {
        let sql = format!("SELECT {COLUMNS} FROM journey_versions WHERE id = ?1");
        query(self.conn(), &sql, [id])?.pop().map(|(_, v)| v).ok_or(StoreError::NotFound(id.0))
    }

    /// The first version in switcher order: what the board shows at start and what
    /// `report` uses without `--version` (the upgrade's "Current" unless reordered).
    pub fn first_version(&self) -> Result<VersionId> {
        self.versions()?.first().map(|(id, _)| *id).ok_or(StoreError::NotFound(0))
    }

    /// The version `name` names (by key, or "Current"/"Hiện tại" for the version Fanpath
    /// named, see [`JourneyVersion::answers_to`]); [`VersionError::Unknown`] lists the
    /// names there are.
    pub fn version_named(&self, name: &str, translated: &[&str]) -> Result<VersionId> {
        let versions = self.versions()?;
        if let Some((id, _)) = versions.iter().find(|(_, v)| v.answers_to(name, translated)) {
            return Ok(*id);
        }
        let known = versions.into_iter().map(|(_, v)| v.name).collect();
        Err(VersionError::Unknown { name: name.to_owned(), known }.into())
    }

    /// The targets set in `version` (pairs without one are at the model's level).
    pub fn targets(&self, version: VersionId) -> Result<Targets> {
        Ok(Targets::new(target_rows(self.conn(), version)?))
    }

    /// Replaces a version's card (name, kind, note, launch date, position).
    pub fn update_version(&mut self, id: VersionId, version: &JourneyVersion) -> Result<()> {
        let v = cleaned(version)?;
        let changed = self
            .conn()
            .execute(
                "UPDATE journey_versions SET name = ?2, name_key = ?3, kind = ?4, note = ?5, launch_date = ?6,
                    position = ?7, created_on = ?8, named_by_fanpath = ?9
                 WHERE id = ?1",
                rusqlite::params![
                    id,
                    v.name,
                    JourneyVersion::name_key(&v.name),
                    v.kind,
                    v.note,
                    v.launch_date.map(StoredDay),
                    v.position,
                    v.created_on.map(StoredDay),
                    v.named_by_fanpath,
                ],
            )
            .map_err(|e| map_duplicate(e, &v.name))?;
        if changed == 0 {
            return Err(StoreError::NotFound(id.0));
        }
        Ok(())
    }

    /// A version name not yet taken: `name`, else "name (2)", "name (3)" …
    pub fn free_version_name(&self, name: &str) -> Result<String> {
        let taken: Vec<String> =
            self.versions()?.into_iter().map(|(_, v)| JourneyVersion::name_key(&v.name)).collect();
        let base = JourneyVersion::clean_name(name);
        let mut candidate = base.clone();
        let mut n = 2;
        while taken.contains(&JourneyVersion::name_key(&candidate)) {
            candidate = format!("{base} ({n})");
            n += 1;
        }
        Ok(candidate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::persona::Persona;
    use crate::model::touchpoint::Channel;
    use crate::model::version::VersionKind;

    fn tp(version: VersionId, persona: PersonaId, stage: Stage) -> Touchpoint {
        Touchpoint { version, persona, stage, channel: Channel::Email, description: "Chào".into() }
    }

    #[test]
    fn a_new_workspace_has_one_current_version() {
        let ws = Workspace::open_in_memory().expect("open");
        let versions = ws.versions().expect("versions");
        assert_eq!(versions.len(), 1);
        let (_, current) = &versions[0];
        assert_eq!(current.name, "Current");
        assert!(current.named_by_fanpath);
        assert_eq!(current.kind, VersionKind::AsIs);
        assert_eq!(ws.first_version().expect("first"), versions[0].0);
        assert_eq!(ws.version_named("hiện tại", &["Hiện tại"]).expect("by VI name"), versions[0].0);
    }

    #[test]
    fn copy_delete_and_restore_keep_every_row() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let current = ws.first_version().expect("current");
        let p = ws.create_persona(&Persona::named("Hằng")).expect("persona");
        let t1 = ws.add_touchpoint(&tp(current, p, Stage::Kickoff)).expect("tp");
        let one = Score::new(1).expect("score");
        ws.in_transaction(|ws| set_target(ws.conn(), current, p, Stage::Validation, Some(one)))
            .expect("target");
        let copy = ws
            .in_transaction(|ws| create(ws, &JourneyVersion::named("Tết 2027"), Some(current)))
            .expect("copy");
        let copied = ws.version_touchpoints(copy, None).expect("copied");
        assert_eq!(copied.len(), 1);
        assert_ne!(copied[0].0, t1, "a copy gets its own rows");
        assert_eq!(copied[0].1, tp(copy, p, Stage::Kickoff));
        assert_eq!(ws.targets(copy).expect("t"), ws.targets(current).expect("t"));
        assert_eq!(ws.version(copy).expect("v").position, 1);

        let deleted = ws.in_transaction(|ws| delete(ws, copy)).expect("delete");
        assert_eq!(ws.versions().expect("v").len(), 1);
        assert!(ws.version_touchpoints(copy, None).expect("gone").is_empty());
        ws.in_transaction(|ws| restore(ws.conn(), &deleted)).expect("restore");
        assert_eq!(ws.version_touchpoints(copy, None).expect("back"), copied);
        assert_eq!(ws.targets(copy).expect("t").score(p, Stage::Validation), 1);

        let last = ws.in_transaction(|ws| {
            delete(ws, copy)?;
            delete(ws, current)
        });
        assert!(matches!(last, Err(StoreError::Version(VersionError::LastVersion))), "{last:?}");
    }

    #[test]
    fn names_are_unique_and_not_empty() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let dup = ws.in_transaction(|ws| create(ws, &JourneyVersion::named("CURRENT"), None));
        assert!(matches!(dup, Err(StoreError::Version(VersionError::DuplicateName(_)))), "{dup:?}");
        let empty = ws.in_transaction(|ws| create(ws, &JourneyVersion::named(" \u{200b} "), None));
        assert!(matches!(empty, Err(StoreError::Version(VersionError::EmptyName))), "{empty:?}");
        assert_eq!(ws.free_version_name("current").expect("free"), "current (2)");
    }

    #[test]
    fn findings_use_the_chosen_versions_targets_and_touchpoints() {
        use crate::model::analytics::Finding;
        use crate::model::emotion::{EmotionEntry, Source};
        use crate::store::AnalyticsOptions;
        let mut ws = Workspace::open_in_memory().expect("open");
        let current = ws.first_version().expect("current");
        let p = ws.create_persona(&Persona::named("Hằng")).expect("persona");
        let entry = EmotionEntry {
            persona: p,
            stage: Stage::Validation,
            score: Score::new(-4).expect("score"),
            label: String::new(),
            note: String::new(),
            touchpoint: String::new(),
            source: Source::Survey,
            logged_at: None,
        };
        ws.add_emotion(&entry).expect("entry");
        let to_be =
            ws.in_transaction(|ws| create(ws, &JourneyVersion::named("To-be"), Some(current))).expect("copy");
        let two = Score::new(2).expect("score");
        ws.in_transaction(|ws| set_target(ws.conn(), to_be, p, Stage::Validation, Some(two)))
            .expect("target");
        ws.add_touchpoint(&tp(to_be, p, Stage::Kickoff)).expect("tp");
        let findings = |version| {
            let options = AnalyticsOptions { version: Some(version), ..AnalyticsOptions::default() };
            ws.analytics(&options).expect("analytics").findings
        };
        let low = |found: &[Finding]| {
            found.iter().find_map(|f| match f {
                Finding::LowestEmotion { expected, .. } => Some(*expected),
                _ => None,
            })
        };
        let gaps = |found: &[Finding]| {
            found.iter().find_map(|f| match f {
                Finding::TouchpointGaps { stages, .. } => Some(stages.len()),
                _ => None,
            })
        };
        let (as_is, designed) = (findings(current), findings(to_be));
        assert_eq!(low(&as_is), Some(Stage::Validation.expected_score()));
        assert_eq!(low(&designed), Some(2));
        assert_eq!(gaps(&as_is), Some(8));
        assert_eq!(gaps(&designed), Some(7), "the to-be version has a Kickoff touchpoint");
        // Without a version the findings are the first version's.
        assert_eq!(ws.analytics(&AnalyticsOptions::default()).expect("a").findings, as_is);
    }
}
