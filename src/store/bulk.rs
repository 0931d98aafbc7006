//! The bulk write path shared by the importer and the demo generator: settings for a large
//! transaction, multi-row INSERTs, and dropping secondary indexes while millions of rows
//! go in.

use rusqlite::{Connection, Transaction};

use super::Result;

/// Runs `write` (which opens and commits its own transaction) with settings for a bulk
/// write of `rows` events, restoring the previous settings afterwards:
///
/// - A page cache large enough for the tables and indexes being written. SQLite's default
///   (2 MB) holds a sliver of them; past that every insert evicts and re-reads pages,
///   which made a million-row import half again slower.
/// - Foreign-key enforcement off: it costs a parent lookup per inserted row (a third of
///   the write time), and the importer inserts personas before their customers and
///   customers before their events, so every reference it writes exists.
pub(crate) fn bulk_write<T>(
    conn: &mut Connection,
    rows: usize,
    write: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    // About 100 bytes of table and index per event, in KiB; at most 1 GiB.
    let kib = i64::try_from(rows / 10).unwrap_or(i64::MAX).min(1 << 20);
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    if kib > 2_000 {
        // A negative cache_size is in KiB rather than pages.
        conn.pragma_update(None, "cache_size", -kib)?;
    }
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = write(conn);
    // The transaction is over (committed or rolled back): the settings can go back.
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    conn.pragma_update(None, "cache_size", cache)?;
    result
}

/// A row [`BatchInsert`] can write.
pub(crate) trait InsertRow {
    /// `INSERT INTO table (columns) VALUES `, without the values.
    const INSERT: &'static str;
    const COLUMNS: usize;
    /// Binds the row's values to parameters `first..first + COLUMNS` (1-based).
    fn bind(&self, stmt: &mut rusqlite::Statement<'_>, first: usize) -> rusqlite::Result<()>;
}

/// Rows per multi-row INSERT: one statement step per 64 rows instead of per row roughly
/// halves the cost of writing a million events.
const INSERT_BATCH: usize = 64;

/// Buffers rows and writes them [`INSERT_BATCH`] at a time; [`Self::finish`] writes the rest.
pub(crate) struct BatchInsert<'t, R: InsertRow> {
    many: rusqlite::CachedStatement<'t>,
    one: rusqlite::CachedStatement<'t>,
    pending: Vec<R>,
}

impl<'t, R: InsertRow> BatchInsert<'t, R> {
    pub(crate) fn new(tx: &'t Transaction<'_>) -> Result<Self> {
        let values = |n: usize| {
            let row = format!("({})", vec!["?"; R::COLUMNS].join(", "));
            format!("{}{}", R::INSERT, vec![row; n].join(", "))
        };
        Ok(Self {
            many: tx.prepare_cached(&values(INSERT_BATCH))?,
            one: tx.prepare_cached(&values(1))?,
            pending: Vec::with_capacity(INSERT_BATCH),
        })
    }

    pub(crate) fn push(&mut self, row: R) -> Result<()> {
        self.pending.push(row);
        if self.pending.len() == INSERT_BATCH {
            for (i, row) in self.pending.iter().enumerate() {
                row.bind(&mut self.many, 1 + i * R::COLUMNS)?;
            }
            self.many.raw_execute()?;
            self.pending.clear();
        }
        Ok(())
    }

    /// Writes the rows still buffered; call it before the transaction commits.
    pub(crate) fn finish(&mut self) -> Result<()> {
        for row in self.pending.drain(..) {
            row.bind(&mut self.one, 1)?;
            self.one.raw_execute()?;
        }
        Ok(())
    }
}

/// The secondary indexes of `customers` and `stage_events`, dropped around a bulk write.
///
/// Their keys (stage and days, persona and stage …) arrive in random order, so keeping them
/// up to date costs a B-tree search and often a page split per row; building them once
/// afterwards is one sort per index. Measured on a million events into an empty workspace
/// (benches/store.rs): about 5.7 s with the indexes in place, 0.6 s plus 1.7 s for the
/// rebuild without. The definitions are read from the schema, so migrations remain their
/// only source.
pub(crate) struct SecondaryIndexes(Vec<(String, String)>);

impl SecondaryIndexes {
    /// Drops the indexes when `new_rows` (events of customers new to the workspace) are
    /// many and more than the table already holds (rebuilding costs a pass over every
    /// existing row); otherwise keeps them.
    pub(crate) fn drop_for_bulk_write(tx: &Transaction<'_>, new_rows: usize) -> Result<Self> {
        let existing: i64 = tx.query_row("SELECT count(*) FROM stage_events", [], |r| r.get(0))?;
        let rows = i64::try_from(new_rows).unwrap_or(i64::MAX);
        if rows < 50_000 || rows <= existing {
            return Ok(Self(Vec::new()));
        }
        Self::drop_all(tx)
    }

    /// Drops every declared index of `customers` and `stage_events`, for a write that
    /// replaces the tables whole (a workspace file).
    pub(crate) fn drop_all(tx: &Transaction<'_>) -> Result<Self> {
        // Indexes with SQL are the declared ones; UNIQUE and PRIMARY KEY ones have none.
        let indexes: Vec<(String, String)> = tx
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'
                 AND tbl_name IN ('customers', 'stage_events') AND sql IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(Self(indexes))
    }

    /// Builds the dropped indexes again, in the same transaction.
    pub(crate) fn recreate(self, tx: &Transaction<'_>) -> Result<()> {
        for (_, sql) in &self.0 {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}

/// What a workspace holds ("4 personas, 2,000 customers"), for refusing to write made-up or
/// imported data over it; `None` when it is empty.
pub(crate) fn existing_data(conn: &Connection) -> Result<Option<String>> {
    let mut parts = Vec::new();
    for (table, noun) in [
        ("personas", "personas"),
        ("touchpoints", "touchpoints"),
        ("emotions", "emotion entries"),
        ("customers", "customers"),
    ] {
        let n: u64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        if n > 0 {
            parts.push(format!("{} {noun}", crate::i18n::format::count(n, crate::model::Language::English)));
        }
    }
    Ok((!parts.is_empty()).then(|| parts.join(", ")))
}
