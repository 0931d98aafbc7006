//! Versioned schema migrations. `PRAGMA user_version` holds the version a file is at;
//! the steps run in one transaction so a crash never leaves half a schema.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Result, StoreError};

/// `PRAGMA application_id` of a Fanpath workspace ("FANP"), so other SQLite files are
/// recognised as not ours without guessing from table names. Stamped by every migration.
pub const APPLICATION_ID: i32 = 0x4641_4E50;

/// Migration `i` brings a file from version `i` to `i + 1`.
const MIGRATIONS: &[&str] =
    &[V1, V2, V3_STAGE_RULES, V4_CUSTOMERS_BY_FIRST_EVENT, V5_JOURNEY_VERSIONS, V6_OPPORTUNITIES];

/// The schema version this build writes.
pub const CURRENT_VERSION: i64 = MIGRATIONS.len() as i64;

/// Version 1: personas, touchpoints, emotions, customers and their stage events.
///
/// Stage events carry two derived columns kept in step by the importer, because the
/// report must not load a million events to compute medians:
/// `days_from_start` (days since the customer's first event) and a copy of the
/// customer's `persona_id` (a customer never changes persona), so the indexes
/// `(stage, days_from_start)` and `(persona_id, stage, days_from_start)` answer a median
/// by skipping to the middle row.
const V1: &str = "
CREATE TABLE personas (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    segment TEXT NOT NULL DEFAULT '',
    age_range TEXT NOT NULL DEFAULT '',
    occupation TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    income_band TEXT NOT NULL DEFAULT '',
    shopping_habits TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    pain_points TEXT NOT NULL DEFAULT '',
    motivations TEXT NOT NULL DEFAULT '',
    preferred_channels TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '#1f77b4',
    avatar_png BLOB,
    stage INTEGER CHECK (stage BETWEEN 1 AND 8)
);

CREATE TABLE touchpoints (
    id INTEGER PRIMARY KEY,
    persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    channel TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX touchpoints_by_persona ON touchpoints(persona_id, stage);

CREATE TABLE emotions (
    id INTEGER PRIMARY KEY,
    persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    score INTEGER NOT NULL CHECK (score BETWEEN -5 AND 5),
    label TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    touchpoint TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'assumption',
    logged_at TEXT
);
CREATE INDEX emotions_by_persona ON emotions(persona_id, stage);
CREATE INDEX emotions_by_stage ON emotions(stage);

CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    external_id TEXT NOT NULL UNIQUE,
    persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
    first_at INTEGER NOT NULL,
    last_at INTEGER NOT NULL,
    furthest_stage INTEGER NOT NULL CHECK (furthest_stage BETWEEN 1 AND 8)
);
CREATE INDEX customers_by_persona ON customers(persona_id, furthest_stage);
CREATE INDEX customers_by_furthest ON customers(furthest_stage, last_at);

CREATE TABLE stage_events (
    customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    reached_at INTEGER NOT NULL,
    days_from_start REAL NOT NULL,
    persona_id INTEGER REFERENCES personas(id) ON DELETE SET NULL,
    PRIMARY KEY (customer_id, stage)
) WITHOUT ROWID;
CREATE INDEX stage_events_by_stage ON stage_events(stage, days_from_start);
CREATE INDEX stage_events_by_persona ON stage_events(persona_id, stage, days_from_start);
";

/// Version 2: the Analytics view counts one persona's stalled customers (short of
/// Advocacy, latest event before a cutoff) from an index alone. The new index
/// `(persona_id, furthest_stage, last_at)` has the old `(persona_id, furthest_stage)` as
/// its prefix, so it serves every query that used the old one, which goes.
const V2: &str = "
CREATE INDEX customers_by_persona_last ON customers(persona_id, furthest_stage, last_at);
DROP INDEX customers_by_persona;
";

/// Stage rules: which events of an imported event log mean which stage (see
/// `model/rules.rs`). An ordered list, one row per rule; `occurrence` NULL is "the
/// earliest time", N the N-th distinct time.
const V3_STAGE_RULES: &str = "
CREATE TABLE stage_rules (
    position INTEGER PRIMARY KEY,
    event TEXT NOT NULL CHECK (trim(event) <> ''),
    occurrence INTEGER CHECK (occurrence IS NULL OR occurrence >= 1),
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8)
);
";

/// Cohorts and date ranges (`report --from --to --cohorts`, the Analytics date range) select
/// customers by their first event. This index answers them in one pass that never reads a
/// table row: a seek to the range's start, then `first_at` in order with the furthest stage
/// and persona beside it (the persona last, so one index serves everyone and one persona).
const V4_CUSTOMERS_BY_FIRST_EVENT: &str = "
CREATE INDEX customers_by_first ON customers(first_at, furthest_stage, persona_id);
";
/// Journey versions (issue #10): a workspace holds one or more versions of its journey
/// (as-is / to-be); touchpoints and target emotions belong to a version, personas, emotions
/// and customers to the workspace.
///
/// Every workspace gets one version, "Current" (`named_by_fanpath = 1`, so the window shows
/// it translated until renamed), and every existing touchpoint moves into it. `touchpoints`
/// is rebuilt rather than altered because SQLite cannot add a `NOT NULL REFERENCES` column;
/// nothing references `touchpoints`, so dropping the old table is safe with foreign keys on.
/// `stage_targets` holds only the targets a user set: an absent row means the model's
/// expected level, so a new version needs no rows.
pub(super) const V5_JOURNEY_VERSIONS: &str = "
CREATE TABLE journey_versions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'as_is' CHECK (kind IN ('as_is', 'to_be')),
    note TEXT NOT NULL DEFAULT '',
    launch_date TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    created_on TEXT,
    named_by_fanpath INTEGER NOT NULL DEFAULT 0 CHECK (named_by_fanpath IN (0, 1))
);
INSERT INTO journey_versions (id, name, name_key, kind, position, created_on, named_by_fanpath)
    VALUES (1, 'Current', 'current', 'as_is', 0, date('now'), 1);

CREATE TABLE touchpoints_versioned (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES journey_versions(id) ON DELETE CASCADE,
    persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    channel TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
INSERT INTO touchpoints_versioned (id, version_id, persona_id, stage, channel, description)
    SELECT id, 1, persona_id, stage, channel, description FROM touchpoints;
DROP TABLE touchpoints;
ALTER TABLE touchpoints_versioned RENAME TO touchpoints;
CREATE INDEX touchpoints_by_persona ON touchpoints(persona_id, stage);
CREATE INDEX touchpoints_by_version ON touchpoints(version_id, persona_id, stage);

CREATE TABLE stage_targets (
    version_id INTEGER NOT NULL REFERENCES journey_versions(id) ON DELETE CASCADE,
    persona_id INTEGER NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    score INTEGER NOT NULL CHECK (score BETWEEN -5 AND 5),
    PRIMARY KEY (version_id, persona_id, stage)
) WITHOUT ROWID;
CREATE INDEX stage_targets_by_persona ON stage_targets(persona_id);
";

/// Lets a file from before journey versions be read without writing it (`report`,
/// `export`, viewing a read-only file): temporary tables and a view in the connection's own
/// TEMP schema, which SQLite searches before the file's, give it the one "Current" version
/// holding every touchpoint, as [`V5_JOURNEY_VERSIONS`] would. Nothing reaches the file.
pub(crate) fn shim_journey_versions(conn: &Connection) -> Result<()> {
    let has_versions: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'journey_versions')",
        [],
        |r| r.get(0),
    )?;
    if has_versions {
        return Ok(());
    }
    conn.execute_batch(
        "CREATE TEMP TABLE journey_versions (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'as_is', note TEXT NOT NULL DEFAULT '', launch_date TEXT,
            position INTEGER NOT NULL DEFAULT 0, created_on TEXT,
            named_by_fanpath INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO temp.journey_versions (id, name, name_key, named_by_fanpath) VALUES (1, 'Current', 'current', 1);
        CREATE TEMP TABLE stage_targets (
            version_id INTEGER NOT NULL, persona_id INTEGER NOT NULL, stage INTEGER NOT NULL,
            score INTEGER NOT NULL, PRIMARY KEY (version_id, persona_id, stage)
        );
        CREATE TEMP VIEW touchpoints AS
            SELECT id, 1 AS version_id, persona_id, stage, channel, description FROM main.touchpoints;",
    )?;
    Ok(())
}

/// The opportunity backlog (issue #10 §3): ideas per version and stage, rated by value and
/// effort. `persona_id` NULL means all personas; an opportunity goes with its version and
/// with its persona (deleting a persona keeps its opportunities for undo, see
/// `DeletedPersona`). Evidence links to emotion entries live in their own table without a
/// foreign key to `emotions`: a deleted entry's link is ignored when read (so the opportunity
/// never breaks) and comes back with the entry when the deletion is undone. A new entry
/// clears stale links to its row id (`emotions::insert`).
const V6_OPPORTUNITIES: &str = "
CREATE TABLE opportunities (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES journey_versions(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 8),
    persona_id INTEGER REFERENCES personas(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'idea',
    value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
    effort INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
    owner TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX opportunities_by_version ON opportunities(version_id, stage);
CREATE INDEX opportunities_by_persona ON opportunities(persona_id);

CREATE TABLE opportunity_evidence (
    opportunity_id INTEGER NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,
    emotion_id INTEGER NOT NULL,
    PRIMARY KEY (opportunity_id, emotion_id)
) WITHOUT ROWID;
CREATE INDEX opportunity_evidence_by_emotion ON opportunity_evidence(emotion_id);
";

/// Brings the file up to [`CURRENT_VERSION`], stamping it as a Fanpath workspace.
///
/// Two processes may open one new file at the same moment (two imports, a window and a
/// command): the write lock is taken first (`BEGIN IMMEDIATE`) and the version read again
/// inside the transaction, so the second one finds the schema already there.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    if current_version(conn, path)? == CURRENT_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version = current_version(&tx, path)?;
    for sql in MIGRATIONS.iter().skip(usize::try_from(version).unwrap_or(0)) {
        tx.execute_batch(sql)?;
    }
    if version < CURRENT_VERSION {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}

/// The file's schema version; one newer than this build is refused.
fn current_version(conn: &Connection, path: &Path) -> Result<i64> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > CURRENT_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(version)
}

/// Lets a file from before the backlog be read without writing it (`export opportunities`,
/// viewing a read-only file): an empty backlog in the connection's TEMP schema, as
/// `shim_journey_versions` does for versions. Nothing reaches the file.
pub(crate) fn shim_opportunities(conn: &Connection) -> Result<()> {
    let has_backlog: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'opportunities')",
        [],
        |r| r.get(0),
    )?;
    if !has_backlog {
        conn.execute_batch(
            "CREATE TEMP TABLE opportunities (
                id INTEGER PRIMARY KEY, version_id INTEGER NOT NULL, title TEXT NOT NULL,
                stage INTEGER NOT NULL, persona_id INTEGER, status TEXT NOT NULL, value INTEGER NOT NULL,
                effort INTEGER NOT NULL, owner TEXT NOT NULL, evidence TEXT NOT NULL, note TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE TEMP TABLE opportunity_evidence (opportunity_id INTEGER NOT NULL, emotion_id INTEGER NOT NULL);",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_an_empty_database_to_current() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
        assert_eq!(version, CURRENT_VERSION);
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).expect("id");
        assert_eq!(app, APPLICATION_ID);
        // Running again is a no-op.
        migrate(&mut conn, Path::new(":memory:")).expect("idempotent");
    }

    #[test]
    fn version_1_files_gain_the_stall_index() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(V1).expect("v1");
        conn.pragma_update(None, "user_version", 1).expect("v1 stamp");
        conn.execute(
            "INSERT INTO customers (external_id, first_at, last_at, furthest_stage) VALUES ('k', 0, 9, 2)",
            [],
        )
        .expect("a customer");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
        assert_eq!(version, CURRENT_VERSION);
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND sql IS NOT NULL ORDER BY name")
            .expect("query")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("names");
        // Later migrations add indexes of their own; the stall index and the old one's removal
        // are what version 2 is about.
        for name in ["customers_by_furthest", "customers_by_persona_last", "customers_by_first"] {
            assert!(indexes.iter().any(|i| i == name), "{name} missing from {indexes:?}");
        }
        assert!(!indexes.iter().any(|i| i == "customers_by_persona"), "{indexes:?}");
        let kept: i64 = conn.query_row("SELECT last_at FROM customers", [], |r| r.get(0)).expect("row");
        assert_eq!(kept, 9);
    }

    #[test]
    fn version_2_files_gain_empty_stage_rules() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(V1).expect("v1");
        conn.execute_batch(V2).expect("v2");
        conn.pragma_update(None, "user_version", 2).expect("v2 stamp");
        conn.execute(
            "INSERT INTO customers (external_id, first_at, last_at, furthest_stage) VALUES ('k', 0, 9, 2)",
            [],
        )
        .expect("a customer");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
        assert_eq!(version, CURRENT_VERSION);
        let rules: i64 = conn.query_row("SELECT count(*) FROM stage_rules", [], |r| r.get(0)).expect("table");
        assert_eq!(rules, 0);
        let kept: i64 = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0)).expect("row");
        assert_eq!(kept, 1);
        // The table refuses what no rule can be.
        for bad in [
            "INSERT INTO stage_rules (event, occurrence, stage) VALUES (' ', NULL, 1)",
            "INSERT INTO stage_rules (event, occurrence, stage) VALUES ('order', 0, 1)",
            "INSERT INTO stage_rules (event, occurrence, stage) VALUES ('order', NULL, 9)",
        ] {
            assert!(conn.execute(bad, []).is_err(), "{bad}");
        }
    }

    #[test]
    fn version_2_files_gain_the_first_event_index_and_keep_their_rows() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(V1).expect("v1");
        conn.execute_batch(V2).expect("v2");
        conn.pragma_update(None, "user_version", 2).expect("v2 stamp");
        conn.execute(
            "INSERT INTO customers (external_id, first_at, last_at, furthest_stage) VALUES ('k', 86400, 90000, 3)",
            [],
        )
        .expect("a customer");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("v");
        assert_eq!(version, CURRENT_VERSION);
        // The cohort query names the index (INDEXED BY), so it must exist under this name.
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT first_at, furthest_stage FROM customers INDEXED BY customers_by_first
                 WHERE first_at >= 0 ORDER BY first_at",
                [],
                |r| r.get(3),
            )
            .expect("plan");
        assert!(plan.contains("COVERING INDEX customers_by_first"), "{plan}");
        let kept: (i64, i64) = conn
            .query_row("SELECT first_at, furthest_stage FROM customers", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("row");
        assert_eq!(kept, (86_400, 3));
    }

    /// A version 2 file (before journey versions) with a persona and two touchpoints.
    fn before_versions() -> Connection {
        let conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(V1).expect("v1");
        conn.execute_batch(V2).expect("v2");
        conn.pragma_update(None, "user_version", 2).expect("v2 stamp");
        conn.execute_batch(
            "INSERT INTO personas (id, name, name_key) VALUES (7, 'Hằng', 'hằng');
             INSERT INTO touchpoints (id, persona_id, stage, channel, description)
                 VALUES (3, 7, 1, 'email', 'Chào'), (9, 7, 5, 'phone', 'Gọi');",
        )
        .expect("rows");
        conn
    }

    fn touchpoint_rows(conn: &Connection) -> Vec<(i64, i64, i64, String)> {
        conn.prepare("SELECT id, version_id, persona_id, description FROM touchpoints ORDER BY id")
            .expect("query")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("touchpoints")
    }

    #[test]
    fn files_before_versions_upgrade_to_one_current_version_holding_every_touchpoint() {
        let mut conn = before_versions();
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        let versions: Vec<(i64, String, String, bool)> = conn
            .prepare("SELECT id, name, kind, named_by_fanpath FROM journey_versions")
            .expect("query")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("versions");
        assert_eq!(versions, [(1, "Current".to_owned(), "as_is".to_owned(), true)]);
        assert_eq!(
            touchpoint_rows(&conn),
            [(3, 1, 7, "Chào".to_owned()), (9, 1, 7, "Gọi".to_owned())],
            "touchpoints keep their ids and move into Current"
        );
        let targets: i64 = conn.query_row("SELECT count(*) FROM stage_targets", [], |r| r.get(0)).expect("t");
        assert_eq!(targets, 0);
        // The rebuilt table still cascades from personas.
        conn.pragma_update(None, "foreign_keys", true).expect("fk");
        conn.execute("DELETE FROM personas WHERE id = 7", []).expect("delete");
        assert!(touchpoint_rows(&conn).is_empty());
    }

    #[test]
    fn files_before_versions_read_through_the_shim_without_being_written() {
        let conn = before_versions();
        shim_journey_versions(&conn).expect("shim");
        assert_eq!(touchpoint_rows(&conn), [(3, 1, 7, "Chào".to_owned()), (9, 1, 7, "Gọi".to_owned())]);
        let in_file: i64 = conn
            .query_row("SELECT count(*) FROM main.sqlite_master WHERE name = 'journey_versions'", [], |r| {
                r.get(0)
            })
            .expect("count");
        assert_eq!(in_file, 0);
        // A current file is left alone.
        let mut current = Connection::open_in_memory().expect("memory db");
        migrate(&mut current, Path::new(":memory:")).expect("migrate");
        shim_journey_versions(&current).expect("no-op");
        let temp: i64 =
            current.query_row("SELECT count(*) FROM temp.sqlite_master", [], |r| r.get(0)).expect("count");
        assert_eq!(temp, 0);
    }

    #[test]
    fn files_from_before_the_backlog_gain_an_empty_one() {
        let mut conn = before_versions();
        conn.execute("INSERT INTO emotions (id, persona_id, stage, score) VALUES (3, 7, 4, -2)", [])
            .expect("entry");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        conn.pragma_update(None, "foreign_keys", true).expect("fk");
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql);
        assert_eq!(count("SELECT count(*) FROM opportunities"), 0);
        conn.execute(
            "INSERT INTO opportunities (version_id, title, stage, persona_id, value, effort, created)
             VALUES (1, 'Gọi lại', 4, 7, 4, 2, '2026-01-01')",
            [],
        )
        .expect("an opportunity fits the upgraded file");
        conn.execute("INSERT INTO opportunity_evidence VALUES (1, 3)", []).expect("a link");
        // Deleting the persona takes its opportunity and that opportunity's links along.
        conn.execute("DELETE FROM personas", []).expect("delete persona");
        assert_eq!(count("SELECT count(*) FROM opportunities"), 0);
        assert_eq!(count("SELECT count(*) FROM opportunity_evidence"), 0);
    }
}
