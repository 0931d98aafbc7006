//! Versioned schema migrations. `PRAGMA user_version` holds the version a file is at;
//! the steps run in one transaction so a crash never leaves half a schema.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::error::{Result, StoreError};

/// `PRAGMA application_id` of a Fanpath workspace ("FANP"), so other SQLite files are
/// recognised as not ours without guessing from table names. Stamped by every migration.
pub const APPLICATION_ID: i32 = 0x4641_4E50;

/// Migration `i` brings a file from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[V1, V2, V4_VERSIONS_STAND_IN, V5_OPPORTUNITIES];

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

/// TEMPORARY stand-in for H14's `V4_JOURNEY_VERSIONS` (branch `h14-versions`), so the
/// backlog can be built and tested before that branch lands; replaced by it at the merge.
const V4_VERSIONS_STAND_IN: &str = "
CREATE TABLE journey_versions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
INSERT INTO journey_versions (id, name, position) VALUES (1, 'Current', 0);
";

/// The opportunity backlog (issue #10 §3): ideas per version and stage, rated by value and
/// effort. `persona_id` NULL means all personas; an opportunity goes with its version and
/// with its persona (deleting a persona keeps its opportunities for undo, see
/// `DeletedPersona`). Evidence links to emotion entries live in their own table without a
/// foreign key to `emotions`: a deleted entry's link is ignored when read (so the opportunity
/// never breaks) and comes back with the entry when the deletion is undone. A new entry
/// clears stale links to its row id (`emotions::insert`).
const V5_OPPORTUNITIES: &str = "
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
        assert_eq!(indexes, ["customers_by_furthest", "customers_by_persona_last"]);
        let kept: i64 = conn.query_row("SELECT last_at FROM customers", [], |r| r.get(0)).expect("row");
        assert_eq!(kept, 9);
    }

    #[test]
    fn files_from_before_the_backlog_gain_an_empty_one() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch(V1).expect("v1");
        conn.execute_batch(V2).expect("v2");
        conn.pragma_update(None, "user_version", 2).expect("v2 stamp");
        conn.execute_batch(
            "INSERT INTO personas (id, name, name_key) VALUES (7, 'Hằng', 'hằng');
             INSERT INTO emotions (id, persona_id, stage, score) VALUES (3, 7, 4, -2);",
        )
        .expect("data");
        migrate(&mut conn, Path::new(":memory:")).expect("migrate");
        conn.pragma_update(None, "foreign_keys", true).expect("fk");
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).expect(sql);
        assert_eq!(count("SELECT count(*) FROM opportunities"), 0);
        assert_eq!(count("SELECT count(*) FROM personas"), 1);
        let version = count("SELECT min(id) FROM journey_versions");
        conn.execute(
            "INSERT INTO opportunities (version_id, title, stage, persona_id, value, effort, created)
             VALUES (?1, 'Gọi lại', 4, 7, 4, 2, '2026-01-01')",
            [version],
        )
        .expect("an opportunity fits the upgraded file");
        conn.execute("INSERT INTO opportunity_evidence VALUES (1, 3)", []).expect("a link");
        // Deleting the persona takes its opportunity and that opportunity's links along.
        conn.execute("DELETE FROM personas", []).expect("delete persona");
        assert_eq!(count("SELECT count(*) FROM opportunities"), 0);
        assert_eq!(count("SELECT count(*) FROM opportunity_evidence"), 0);
    }
}
