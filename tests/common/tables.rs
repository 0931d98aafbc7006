//! Every row of every table of a workspace file, for tests that compare two workspaces.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::collections::BTreeMap;
use std::path::Path;

/// Table name → its rows (each value in SQLite's own form), sorted, for every table in the
/// file: two workspaces compare equal exactly when they hold the same data, ids included.
pub type Tables = BTreeMap<String, Vec<Vec<String>>>;

/// Reads every table of the workspace file at `path` (read-only).
pub fn dump(path: &Path) -> Tables {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .expect("open read-only");
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").expect("tables");
    let tables: Vec<String> =
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("names");
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).expect("select");
            let columns = stmt.column_count();
            let mut rows: Vec<Vec<String>> = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                        .collect()
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("values");
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// How many rows each table holds.
pub fn row_counts(tables: &Tables) -> BTreeMap<&str, usize> {
    tables.iter().map(|(name, rows)| (name.as_str(), rows.len())).collect()
}
