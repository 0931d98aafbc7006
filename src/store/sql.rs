//! The domain types as SQL values: how a [`Stage`], a [`Score`], a [`Source`], an [`Rgb`],
//! a [`Channel`], a date and the row ids are written to and read from their columns.
//!
//! Reading never guesses: a value that does not decode (a stage 9 written by another tool,
//! a score 42, an unknown source) becomes [`StoreError::DamagedRow`] naming the table, the
//! row and the column, through [`StoredRow`] for whole rows and [`GroupRow`] for `GROUP BY`
//! results.

use chrono::NaiveDateTime;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, Row};

use super::error::{Result, StoreError};
use crate::model::date::{format_iso, parse_date_time};
use crate::model::emotion::{EmotionId, Score, Source};
use crate::model::persona::{PersonaId, Rgb};
use crate::model::stage::Stage;
use crate::model::touchpoint::{Channel, TouchpointId};
use crate::model::version::{VersionId, VersionKind};

/// A value of the right SQL type that is not one of the domain's (`stage = 9`).
#[derive(Debug, thiserror::Error)]
#[error("not a valid value")]
struct NotValid;

fn not_valid() -> FromSqlError {
    FromSqlError::Other(Box::new(NotValid))
}

/// Stored as its number, 1–8.
impl ToSql for Stage {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.number())))
    }
}

impl FromSql for Stage {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        u8::try_from(n).ok().and_then(Self::from_number).ok_or(FromSqlError::OutOfRange(n))
    }
}

/// Stored as a whole number, −5…+5.
impl ToSql for Score {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(i64::from(self.get())))
    }
}

impl FromSql for Score {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = value.as_i64()?;
        Self::new(n).map_err(|_| FromSqlError::OutOfRange(n))
    }
}

/// Stored as its key (`interview`, `survey` …).
impl ToSql for Source {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.key()))
    }
}

/// Reads what the importer accepts too (a Vietnamese name, any case), as before.
impl FromSql for Source {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value.as_str()?.parse().map_err(|_| not_valid())
    }
}

/// Stored as `#rrggbb`.
impl ToSql for Rgb {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.to_hex()))
    }
}

impl FromSql for Rgb {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Self::from_hex(value.as_str()?).ok_or_else(not_valid)
    }
}

/// Stored as its key; free text as itself.
impl ToSql for Channel {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.key()))
    }
}

/// Any text is a channel (free text is [`Channel::Other`]); only a non-text value is not.
impl FromSql for Channel {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Ok(Self::from_key(value.as_str()?))
    }
}

macro_rules! row_id {
    ($($id:ident),*) => {$(
        /// Stored as the row's integer id.
        impl ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.0))
            }
        }

        impl FromSql for $id {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                value.as_i64().map(Self)
            }
        }
    )*};
}
row_id!(PersonaId, EmotionId, TouchpointId, VersionId);

/// Stored as its key (`as_is`, `to_be`).
impl ToSql for VersionKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.key()))
    }
}

impl FromSql for VersionKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        Self::from_key(value.as_str()?).ok_or_else(not_valid)
    }
}

/// A calendar day as stored: ISO 8601 text (`2027-01-15`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StoredDay(pub chrono::NaiveDate);

impl ToSql for StoredDay {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.format("%Y-%m-%d").to_string()))
    }
}

impl FromSql for StoredDay {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        chrono::NaiveDate::parse_from_str(value.as_str()?, "%Y-%m-%d").map(Self).map_err(|_| not_valid())
    }
}

/// A date and time as stored: ISO 8601 text (`2024-05-01T09:30:00`). `chrono`'s own SQL
/// support is not built (the rusqlite features are kept minimal), hence the wrapper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct StoredDate(pub NaiveDateTime);

impl ToSql for StoredDate {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(format_iso(self.0)))
    }
}

impl FromSql for StoredDate {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        parse_date_time(value.as_str()?).map(Self).map_err(|_| not_valid())
    }
}

/// One row of a table, read column by column: a value that does not decode is an error
/// naming the table, this row's id and the column.
pub(crate) struct StoredRow<'a, 'stmt> {
    row: &'a Row<'stmt>,
    table: &'static str,
    id: i64,
}

impl<'a, 'stmt> StoredRow<'a, 'stmt> {
    /// A row of `table` whose id is in column `id_column`.
    pub fn new(row: &'a Row<'stmt>, table: &'static str, id_column: usize) -> Result<Self> {
        Ok(Self { row, table, id: row.get(id_column)? })
    }

    /// The row's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The value of column `index`.
    pub fn get<T: FromSql>(&self, index: usize) -> Result<T> {
        self.row.get(index).map_err(|err| {
            damaged(self.row, index, err, |_| {
                let column = self.row.as_ref().column_name(index)?.to_owned();
                Ok((self.table, self.id, column))
            })
        })
    }
}

/// One row of a `GROUP BY` result over `table`, which has no single row id: when a value
/// does not decode, the first row of `table` holding it is looked up (on that path only,
/// so reading good data costs nothing extra) and named by its `id_column`.
pub(crate) struct GroupRow<'a, 'stmt> {
    conn: &'a Connection,
    row: &'a Row<'stmt>,
    table: &'static str,
    id_column: &'static str,
}

impl<'a, 'stmt> GroupRow<'a, 'stmt> {
    /// A row of a `GROUP BY` over `table`, whose rows are named by `id_column`.
    pub fn new(
        conn: &'a Connection,
        row: &'a Row<'stmt>,
        table: &'static str,
        id_column: &'static str,
    ) -> Self {
        Self { conn, row, table, id_column }
    }

    /// The value of result column `index`, which holds values of `table`'s `column` (the
    /// column itself, or its `min`/`max`).
    pub fn get<T: FromSql>(&self, index: usize, column: &'static str) -> Result<T> {
        self.row.get(index).map_err(|err| {
            damaged(self.row, index, err, |value| {
                let sql = format!(
                    "SELECT {id} FROM {table} WHERE {column} IS ?1 LIMIT 1",
                    id = self.id_column,
                    table = self.table
                );
                let id = self.conn.query_row(&sql, [value], |r| r.get(0))?;
                Ok((self.table, id, column.to_owned()))
            })
        })
    }
}

/// Turns a failed read of column `index` into [`StoreError::DamagedRow`] when the stored
/// value is at fault; `locate` names the table, the row and the column from the value.
fn damaged(
    row: &Row<'_>,
    index: usize,
    err: rusqlite::Error,
    locate: impl FnOnce(&Value) -> Result<(&'static str, i64, String)>,
) -> StoreError {
    let decoding = matches!(
        err,
        rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..)
    );
    let (true, Ok(raw)) = (decoding, row.get_ref(index)) else {
        return err.into();
    };
    let value = Value::from(raw);
    match locate(&value) {
        Ok((table, id, column)) => StoreError::DamagedRow { table, id, column, value: sql_literal(&value) },
        Err(lookup) => lookup,
    }
}

/// Stored values longer than this are cut in messages.
const LITERAL_MAX_CHARS: usize = 40;

/// A value as SQL writes it: `NULL`, `9`, `4.5`, `'rumour'`, `X'00FF'`, cut to a readable
/// length; the same in every language.
fn sql_literal(value: &Value) -> String {
    let cut = |text: String| {
        if text.chars().count() > LITERAL_MAX_CHARS {
            format!("{}…", text.chars().take(LITERAL_MAX_CHARS).collect::<String>())
        } else {
            text
        }
    };
    match value {
        Value::Null => "NULL".to_owned(),
        Value::Integer(n) => n.to_string(),
        Value::Real(x) => x.to_string(),
        Value::Text(text) => format!("'{}'", cut(text.replace('\'', "''"))),
        Value::Blob(bytes) => {
            format!("X'{}'", cut(bytes.iter().map(|b| format!("{b:02X}")).collect()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromSql>(value: Value) -> FromSqlResult<T> {
        T::column_result(ValueRef::from(&value))
    }

    #[test]
    fn domain_values_round_trip() {
        let conn = Connection::open_in_memory().expect("db");
        let back = |value: &dyn ToSql| -> Value {
            conn.query_row("SELECT ?1", [value], |r| r.get(0)).expect("select")
        };
        for stage in Stage::ALL {
            assert_eq!(read::<Stage>(back(&stage)).ok(), Some(stage));
        }
        let score = Score::new(-4).expect("score");
        assert_eq!(back(&score), Value::Integer(-4));
        assert_eq!(read::<Score>(back(&score)).ok(), Some(score));
        for source in Source::ALL {
            assert_eq!(read::<Source>(back(&source)).ok(), Some(source));
        }
        assert_eq!(back(&Rgb([1, 2, 255])), Value::Text("#0102ff".into()));
        assert_eq!(read::<Rgb>(back(&Rgb([1, 2, 255]))).ok(), Some(Rgb([1, 2, 255])));
        for channel in Channel::NAMED.into_iter().chain([Channel::Other("Zalo".into())]) {
            assert_eq!(read::<Channel>(back(&channel)).ok(), Some(channel));
        }
        assert_eq!(read::<PersonaId>(back(&PersonaId(7))).ok(), Some(PersonaId(7)));
        let date = StoredDate(parse_date_time("2024-05-01T09:30:00").expect("date"));
        assert_eq!(back(&date), Value::Text("2024-05-01T09:30:00".into()));
        assert_eq!(read::<StoredDate>(back(&date)).ok(), Some(date));
    }

    #[test]
    fn values_outside_the_domain_do_not_decode() {
        assert!(read::<Stage>(Value::Integer(0)).is_err());
        assert!(read::<Stage>(Value::Integer(9)).is_err());
        assert!(read::<Stage>(Value::Integer(1 << 40)).is_err());
        assert!(read::<Stage>(Value::Text("3".into())).is_err());
        assert!(read::<Score>(Value::Integer(42)).is_err());
        assert!(read::<Source>(Value::Text("rumour".into())).is_err());
        assert_eq!(read::<Source>(Value::Text("Phỏng vấn".into())).ok(), Some(Source::Interview));
        assert!(read::<Rgb>(Value::Text("blue".into())).is_err());
        assert!(read::<Channel>(Value::Integer(3)).is_err());
        assert!(read::<StoredDate>(Value::Text("yesterday".into())).is_err());
    }

    #[test]
    fn literals_are_sql_and_short() {
        assert_eq!(sql_literal(&Value::Null), "NULL");
        assert_eq!(sql_literal(&Value::Integer(9)), "9");
        assert_eq!(sql_literal(&Value::Text("it's".into())), "'it''s'");
        assert_eq!(sql_literal(&Value::Blob(vec![0, 255])), "X'00FF'");
        let long = sql_literal(&Value::Text("x".repeat(100)));
        assert_eq!(long.chars().count(), LITERAL_MAX_CHARS + 3);
    }

    #[test]
    fn a_damaged_value_names_table_row_and_column() {
        let conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, stage INTEGER);
             INSERT INTO t VALUES (1, 3), (5, 9), (6, 9);",
        )
        .expect("table");
        let mut stmt = conn.prepare("SELECT id, stage FROM t ORDER BY id").expect("select");
        let mut rows = stmt.query([]).expect("rows");
        let mut read = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            let row = StoredRow::new(row, "t", 0).expect("id");
            read.push(row.get::<Stage>(1).map_err(|e| e.to_string()));
        }
        assert_eq!(read[0].as_ref().ok(), Some(&Stage::Validation));
        let err = read[1].as_ref().expect_err("stage 9");
        assert!(
            err.contains("row 5 of table t") && err.contains("column stage") && err.contains(" 9"),
            "{err}"
        );

        let mut stmt = conn.prepare("SELECT stage, count(*) FROM t GROUP BY stage").expect("group");
        let mut rows = stmt.query([]).expect("rows");
        let mut errors = Vec::new();
        while let Some(row) = rows.next().expect("row") {
            if let Err(err) = GroupRow::new(&conn, row, "t", "id").get::<Stage>(0, "stage") {
                errors.push(err);
            }
        }
        assert!(
            matches!(&errors[..], [StoreError::DamagedRow { table: "t", id: 5, column, value }]
                if column == "stage" && value == "9"),
            "{errors:?}"
        );
    }
}
