//! Import: a workspace file into the workspace, each row inserted as the parser reaches
//! it (serde's `visit_seq` over the big lists), all in one transaction.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::BufReader;
use std::num::NonZeroU32;
use std::path::Path;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use rusqlite::{Connection, Statement, TransactionBehavior, params};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{
    CustomerRow, EmotionRow, FORMAT, FORMAT_VERSION, PersonaRow, StageRuleRow, TargetRow, TouchpointRow,
    VersionRow, WorkspaceFileSummary,
};
use crate::model::date::SECONDS_PER_DAY;
use crate::model::persona::{Persona, PersonaField};
use crate::model::rules::StageRule;
use crate::store::backup::BackupReason;
use crate::store::bulk::{SecondaryIndexes, existing_data};
use crate::store::error::{Result, StoreError};
use crate::store::workspace::Workspace;

/// At most this many characters of a bad key are quoted in an error.
const QUOTED_CHARS: usize = 80;

/// The lists of a workspace file, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Personas,
    Touchpoints,
    Emotions,
    Customers,
    StageRules,
    Versions,
    StageTargets,
    Opportunities,
}

impl Table {
    const ALL: [Self; 8] = [
        Self::Personas,
        Self::Touchpoints,
        Self::Emotions,
        Self::Customers,
        Self::StageRules,
        Self::Versions,
        Self::StageTargets,
        Self::Opportunities,
    ];

    fn key(self) -> &'static str {
        match self {
            Self::Personas => "personas",
            Self::Touchpoints => "touchpoints",
            Self::Emotions => "emotions",
            Self::Customers => "customers",
            Self::StageRules => "stage_rules",
            Self::Versions => "versions",
            Self::StageTargets => "stage_targets",
            Self::Opportunities => "opportunities",
        }
    }

    /// Whether a file must hold the list: the version lists came with format version 2,
    /// the backlog after it.
    fn required(self) -> bool {
        !matches!(self, Self::StageRules | Self::Versions | Self::StageTargets | Self::Opportunities)
    }
}

impl Workspace {
    /// Reads the workspace file at `file` into this workspace, in one transaction: on any
    /// error nothing is written. A workspace holding data is refused unless `replace`, which
    /// backs it up and then replaces everything in it.
    pub fn import_workspace_file(&mut self, file: &Path, replace: bool) -> Result<WorkspaceFileSummary> {
        let input = std::fs::File::open(file)
            .map_err(|source| StoreError::Io { path: file.to_path_buf(), source })?;
        if let Some(detail) = existing_data(self.conn())? {
            if !replace {
                return Err(StoreError::WorkspaceNotEmpty { path: self.path().to_path_buf(), detail });
            }
            self.backup_now(BackupReason::BeforeChange)?;
        }
        let conn = self.conn_mut();
        // Foreign keys are checked once at the end (naming the row), not per insert: the
        // lists may come in any order, and a lookup per row costs a third of the write.
        let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", false)?;
        let result = load(conn, file, input);
        conn.pragma_update(None, "foreign_keys", foreign_keys)?;
        result
    }
}

fn load(conn: &mut Connection, path: &Path, input: std::fs::File) -> Result<WorkspaceFileSummary> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch(
        "DELETE FROM opportunity_evidence; DELETE FROM opportunities;
         DELETE FROM stage_events; DELETE FROM customers; DELETE FROM emotions;
         DELETE FROM touchpoints; DELETE FROM stage_targets; DELETE FROM journey_versions;
         DELETE FROM personas; DELETE FROM stage_rules;",
    )?;
    // Built once at the end instead of updated per row (see the CSV importer's bulk write).
    let indexes = SecondaryIndexes::drop_all(&tx)?;
    let loader = Loader {
        conn: &tx,
        path,
        failure: RefCell::new(None),
        started: Cell::new(false),
        summary: RefCell::default(),
    };
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(1 << 16, input));
    let parsed = de::Deserializer::deserialize_map(&mut de, Document(&loader)).and_then(|()| de.end());
    if let Err(err) = parsed {
        return Err(loader.failure.take().unwrap_or_else(|| {
            if err.is_io() {
                StoreError::Io { path: path.to_path_buf(), source: err.into() }
            } else if !loader.started.get() {
                StoreError::NotAWorkspaceFile { path: path.to_path_buf() }
            } else {
                StoreError::BadWorkspaceFile { path: path.to_path_buf(), detail: err.to_string() }
            }
        }));
    }
    let summary = *loader.summary.borrow();
    drop(loader);
    super::versions::ensure_a_version(&tx)?;
    indexes.recreate(&tx)?;
    check_references(&tx, path)?;
    tx.commit()?;
    Ok(summary)
}

/// Refuses rows that refer to a row the file does not hold (a touchpoint of persona 99).
/// Stage events need no check: each is written with its customer and that customer's persona.
fn check_references(conn: &Connection, path: &Path) -> Result<()> {
    for table in ["touchpoints", "emotions", "customers", "stage_targets", "opportunities"] {
        let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_check({table})"))?;
        let mut rows = stmt.query([])?;
        if let Some(r) = rows.next()? {
            let (id, parent): (Option<i64>, String) = (r.get(1)?, r.get(2)?);
            let which = id.map_or_else(String::new, |id| format!(" (id {id})"));
            return Err(StoreError::BadWorkspaceFile {
                path: path.to_path_buf(),
                detail: format!(
                    "a row of {table}{which} refers to a row of {parent} that is not in the file"
                ),
            });
        }
    }
    Ok(())
}

/// What the parser's callbacks share: the transaction, and the first error, kept whole
/// because serde's errors only carry text.
struct Loader<'a> {
    conn: &'a Connection,
    path: &'a Path,
    failure: RefCell<Option<StoreError>>,
    /// Whether `"format": "fanpath-workspace"` was read: before it, any problem means the
    /// file is not a workspace file at all.
    started: Cell<bool>,
    summary: RefCell<WorkspaceFileSummary>,
}

impl Loader<'_> {
    fn stop<E: de::Error>(&self, err: StoreError) -> E {
        *self.failure.borrow_mut() = Some(err);
        E::custom("stopped")
    }

    fn bad<E: de::Error>(&self, detail: String) -> E {
        self.stop(StoreError::BadWorkspaceFile { path: self.path.to_path_buf(), detail })
    }
}

/// A key as shown in an error: at most [`QUOTED_CHARS`] characters, control characters escaped.
fn quoted(key: &str) -> String {
    let mut shown: String = key.chars().take(QUOTED_CHARS).collect();
    if shown.len() < key.len() {
        shown.push('…');
    }
    shown.escape_debug().to_string()
}

/// The top-level object.
struct Document<'l, 'a>(&'l Loader<'a>);

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Fanpath workspace file (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let loader = self.0;
        let not_ours = || StoreError::NotAWorkspaceFile { path: loader.path.to_path_buf() };
        let mut version = None;
        let mut seen = [false; Table::ALL.len()];
        while let Some(key) = map.next_key::<String>()? {
            if !loader.started.get() {
                // Our files say what they are first; anything else is someone else's JSON.
                if key != "format" || map.next_value::<String>()? != FORMAT {
                    return Err(loader.stop(not_ours()));
                }
                loader.started.set(true);
                continue;
            }
            match key.as_str() {
                "format_version" => {
                    let found: u64 = map.next_value()?;
                    if found > FORMAT_VERSION {
                        return Err(loader.stop(StoreError::NewerWorkspaceFile {
                            path: loader.path.to_path_buf(),
                            found,
                            supported: FORMAT_VERSION,
                        }));
                    }
                    if found == 0 {
                        return Err(loader.bad("there is no format_version 0".to_owned()));
                    }
                    version = Some(found);
                }
                "generator" => {
                    map.next_value::<de::IgnoredAny>()?;
                }
                _ => {
                    let Some(i) = Table::ALL.iter().position(|t| t.key() == key) else {
                        return Err(loader.bad(format!("unknown key \"{}\"", quoted(&key))));
                    };
                    if version.is_none() {
                        return Err(loader.bad(format!("\"{key}\" comes before \"format_version\"")));
                    }
                    if seen[i] {
                        return Err(loader.bad(format!("\"{key}\" appears twice")));
                    }
                    seen[i] = true;
                    map.next_value_seed(Rows { loader, table: Table::ALL[i] })?;
                }
            }
        }
        if !loader.started.get() {
            return Err(loader.stop(not_ours()));
        }
        if version.is_none() {
            return Err(loader.bad("no \"format_version\"".to_owned()));
        }
        // Files written before stage rules or versions existed have no lists of them.
        if let Some(missing) = Table::ALL.iter().zip(seen).find(|(t, seen)| t.required() && !seen) {
            return Err(loader.bad(format!("no \"{}\" list", missing.0.key())));
        }
        Ok(())
    }
}

/// One of the lists, inserted row by row.
struct Rows<'l, 'a> {
    loader: &'l Loader<'a>,
    table: Table,
}

impl<'de> DeserializeSeed<'de> for Rows<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> std::result::Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

/// Why one row could not be written, in words for the error message.
type RowResult = std::result::Result<(), String>;

impl<'de> Visitor<'de> for Rows<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of {}", self.table.key())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let loader = self.loader;
        let key = self.table.key();
        let prepare = |sql: &str| loader.conn.prepare(sql).map_err(|e| loader.stop::<A::Error>(e.into()));
        let failed = |index: u64, id: i64, problem: String| -> A::Error {
            loader.bad(format!("{key}[{index}] (id {id}): {problem}"))
        };
        let mut index = 0_u64;
        match self.table {
            Table::Personas => {
                let mut insert = prepare(
                    "INSERT INTO personas (id, name, name_key, segment, age_range, occupation, location,
                        income_band, shopping_habits, goals, pain_points, motivations,
                        preferred_channels, quote, notes, color, avatar_png, stage)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                )?;
                while let Some(row) = seq.next_element::<PersonaRow>()? {
                    insert_persona(&mut insert, &row).map_err(|p| failed(index, row.id, p))?;
                    index += 1;
                }
                loader.summary.borrow_mut().personas = index;
            }
            Table::Touchpoints => {
                let mut insert = prepare(
                    "INSERT INTO touchpoints (id, version_id, persona_id, stage, channel, description)
                     VALUES (?1, coalesce(?2, 1), ?3, ?4, ?5, ?6)",
                )?;
                while let Some(row) = seq.next_element::<TouchpointRow>()? {
                    insert
                        .execute(params![
                            row.id,
                            row.version_id,
                            row.persona_id,
                            row.stage,
                            row.channel,
                            row.description
                        ])
                        .map_err(|e| failed(index, row.id, e.to_string()))?;
                    index += 1;
                }
                loader.summary.borrow_mut().touchpoints = index;
            }
            Table::Emotions => {
                let mut insert = prepare(
                    "INSERT INTO emotions (id, persona_id, stage, score, label, note, touchpoint, source, logged_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )?;
                while let Some(row) = seq.next_element::<EmotionRow>()? {
                    insert
                        .execute(params![
                            row.id,
                            row.persona_id,
                            row.stage,
                            row.score,
                            row.label,
                            row.note,
                            row.touchpoint,
                            row.source,
                            row.logged_at
                        ])
                        .map_err(|e| failed(index, row.id, e.to_string()))?;
                    index += 1;
                }
                loader.summary.borrow_mut().emotions = index;
            }
            Table::Customers => {
                let mut customer = prepare(
                    "INSERT INTO customers (id, external_id, persona_id, first_at, last_at, furthest_stage)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?;
                let event_inserts = EventInserts::new();
                let mut events = 0;
                while let Some(row) = seq.next_element::<CustomerRow>()? {
                    insert_customer(&mut customer, loader.conn, &event_inserts, &row)
                        .map_err(|p| failed(index, row.id, p))?;
                    events += row.events.len() as u64;
                    index += 1;
                }
                let mut summary = loader.summary.borrow_mut();
                summary.customers = index;
                summary.events = events;
            }
            Table::StageRules => {
                let mut insert = prepare(
                    "INSERT INTO stage_rules (position, event, occurrence, stage) VALUES (?1, ?2, ?3, ?4)",
                )?;
                while let Some(row) = seq.next_element::<StageRuleRow>()? {
                    let position = i64::try_from(index).unwrap_or(i64::MAX) + 1;
                    insert_stage_rule(&mut insert, position, &row).map_err(|p| failed(index, position, p))?;
                    index += 1;
                }
            }
            Table::Versions => {
                let mut insert = prepare(super::versions::INSERT_VERSION)?;
                while let Some(row) = seq.next_element::<VersionRow>()? {
                    super::versions::insert_version(&mut insert, &row)
                        .map_err(|p| failed(index, row.id, p))?;
                    index += 1;
                }
            }
            Table::StageTargets => {
                let mut insert = prepare(super::versions::INSERT_TARGET)?;
                while let Some(row) = seq.next_element::<TargetRow>()? {
                    insert
                        .execute(params![row.version_id, row.persona_id, row.stage, row.score])
                        .map_err(|e| failed(index, row.version_id, e.to_string()))?;
                    index += 1;
                }
            }
            Table::Opportunities => {
                use super::opportunities::{
                    INSERT_EVIDENCE, INSERT_OPPORTUNITY, OpportunityRow, insert_opportunity,
                };
                let (mut insert, mut link) = (prepare(INSERT_OPPORTUNITY)?, prepare(INSERT_EVIDENCE)?);
                while let Some(row) = seq.next_element::<OpportunityRow>()? {
                    insert_opportunity((&mut insert, &mut link), &row)
                        .map_err(|p| failed(index, row.id(), p))?;
                    index += 1;
                }
            }
        }
        Ok(())
    }
}

/// A stage rule as the rules file would take it: the event not blank, occurrence from 1.
fn insert_stage_rule(insert: &mut Statement<'_>, position: i64, row: &StageRuleRow) -> RowResult {
    let occurrence = row.occurrence.map(|n| n.to_string()).unwrap_or_default();
    let rule =
        StageRule::parse(&row.event, &occurrence, &row.stage.to_string()).map_err(|e| e.to_string())?;
    insert
        .execute(params![position, rule.event.as_str(), rule.occurrence.map(NonZeroU32::get), rule.stage])
        .map_err(|e| e.to_string())?;
    Ok(())
}

fn insert_persona(insert: &mut Statement<'_>, row: &PersonaRow) -> RowResult {
    let avatar = match &row.avatar_png {
        Some(text) => Some(BASE64.decode(text).map_err(|e| format!("avatar_png is not base64 ({e})"))?),
        None => None,
    };
    // The same name rules as every other way in: NFC, no invisible characters, trimmed,
    // so a file edited by hand cannot bring a second persona that looks like the first.
    let name = Persona::clean_name(&row.name);
    if name.is_empty() {
        return Err("name is empty".to_owned());
    }
    let max = PersonaField::Name.max_chars();
    if name.chars().count() > max {
        return Err(format!("name is longer than {max} characters"));
    }
    insert
        .execute(params![
            row.id,
            name,
            Persona::name_key(&name),
            row.segment,
            row.age_range,
            row.occupation,
            row.location,
            row.income_band,
            row.shopping_habits,
            row.goals,
            row.pain_points,
            row.motivations,
            row.preferred_channels,
            row.quote,
            row.notes,
            row.color,
            avatar,
            row.stage
        ])
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// At most this many events go into one INSERT: a customer has one event per stage, so one
/// statement writes all of a customer's events (fewer statements than rows makes writing
/// the events of a million customers markedly faster).
const EVENTS_PER_INSERT: usize = 8;

/// The event INSERT for 1 to [`EVENTS_PER_INSERT`] rows, by row count.
struct EventInserts(Vec<String>);

impl EventInserts {
    fn new() -> Self {
        Self(
            (1..=EVENTS_PER_INSERT)
                .map(|n| {
                    format!(
                        "INSERT INTO stage_events (customer_id, stage, reached_at, days_from_start, persona_id) VALUES {}",
                        vec!["(?, ?, ?, ?, ?)"; n].join(", ")
                    )
                })
                .collect(),
        )
    }
}

/// A customer and its events; each event's derived columns are computed here, as the CSV
/// importer computes them (fractional days since the customer's first event, and the
/// customer's persona).
fn insert_customer(
    customer: &mut Statement<'_>,
    conn: &Connection,
    inserts: &EventInserts,
    row: &CustomerRow,
) -> RowResult {
    customer
        .execute(params![
            row.id,
            row.external_id,
            row.persona_id,
            row.first_at,
            row.last_at,
            row.furthest_stage
        ])
        .map_err(|e| e.to_string())?;
    let text = |e: rusqlite::Error| format!("events: {e}");
    for (chunk_index, chunk) in row.events.chunks(EVENTS_PER_INSERT).enumerate() {
        let mut insert = conn.prepare_cached(&inserts.0[chunk.len() - 1]).map_err(text)?;
        for (i, e) in chunk.iter().enumerate() {
            let Some(seconds) = e.reached_at.checked_sub(row.first_at) else {
                let index = chunk_index * EVENTS_PER_INSERT + i;
                return Err(format!("events[{index}]: reached_at {} is out of range", e.reached_at));
            };
            let days = seconds as f64 / SECONDS_PER_DAY;
            let first = 1 + i * 5;
            insert.raw_bind_parameter(first, row.id).map_err(text)?;
            insert.raw_bind_parameter(first + 1, e.stage).map_err(text)?;
            insert.raw_bind_parameter(first + 2, e.reached_at).map_err(text)?;
            insert.raw_bind_parameter(first + 3, days).map_err(text)?;
            insert.raw_bind_parameter(first + 4, row.persona_id).map_err(text)?;
        }
        insert.raw_execute().map_err(text)?;
    }
    Ok(())
}
