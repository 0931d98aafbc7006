//! Cohorts and date ranges in SQL: customers grouped by the month or week of their first
//! event, and the filters that restrict the report and the Analytics view to customers who
//! started within a [`DateRange`].
//!
//! The range bounds are written into the SQL text as integer and `YYYY-MM-DD` literals made
//! here from a `NaiveDate` (no user text reaches the SQL), so each query keeps its
//! positional parameters and SQLite sees constant bounds it can seek an index with.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};

use crate::model::cohort::{CohortPeriod, CohortTable, DateRange, cohorts_from_days};
use crate::model::date::{epoch_day, to_epoch_seconds};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::store::error::Result;
use crate::store::sql::GroupRow;
use crate::store::workspace::Workspace;

/// Seconds since 1970 at the start of `day` (UTC, as the importer stores times).
fn day_start_seconds(day: NaiveDate) -> i64 {
    to_epoch_seconds(day.and_time(NaiveTime::MIN))
}

/// `" AND {column} >= … AND {column} < …"` for a column of epoch seconds (a customer's
/// `first_at`), only the ends the range has; empty for [`DateRange::ALL`].
pub(crate) fn seconds_filter(range: &DateRange, column: &str) -> String {
    let mut sql = String::new();
    if let Some(from) = range.from {
        sql.push_str(&format!(" AND {column} >= {}", day_start_seconds(from)));
    }
    if let Some(to) = range.to {
        sql.push_str(&format!(" AND {column} < {}", day_start_seconds(to)));
    }
    sql
}

/// The same for a stored ISO date-time text (an emotion entry's `logged_at`): text order is
/// time order, and a comparison with NULL is never true, so undated entries are left out
/// while either end is set.
pub(crate) fn text_date_filter(range: &DateRange, column: &str) -> String {
    let mut sql = String::new();
    if let Some(from) = range.from {
        sql.push_str(&format!(" AND {column} >= '{}'", from.format("%Y-%m-%d")));
    }
    if let Some(to) = range.to {
        sql.push_str(&format!(" AND {column} < '{}'", to.format("%Y-%m-%d")));
    }
    sql
}

/// `" AND {column} IN (customers who started in the range)"` for tables keyed by customer
/// (stage events); empty for [`DateRange::ALL`], so the unrestricted queries keep their
/// index paths.
pub(crate) fn customer_filter(range: &DateRange, column: &str) -> String {
    if range.is_all() {
        return String::new();
    }
    format!(" AND {column} IN (SELECT id FROM customers WHERE 1{})", seconds_filter(range, "first_at"))
}

/// `INDEXED BY customers_by_first`, or nothing in a file from before that index: `report`
/// opens files read-only and does not upgrade them, and naming a missing index is an
/// error, not a slower plan.
pub(super) fn by_first_event(conn: &rusqlite::Connection) -> Result<&'static str> {
    let exists: bool = conn
        .prepare_cached(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'customers_by_first'",
        )?
        .query_row([], |row| row.get(0))?;
    Ok(if exists { "INDEXED BY customers_by_first" } else { "" })
}

impl Workspace {
    /// Customers of `persona` (or everyone) whose first event falls in `range`, grouped by
    /// the `period` of their first event, with how many reached each stage ("reached" as
    /// the funnel counts it: a furthest stage at least that far).
    ///
    /// One pass over the `customers(first_at, furthest_stage, persona_id)` index (a range
    /// seek when the range has ends), counting per day and furthest stage; the days are then
    /// folded into periods in [`cohorts_from_days`].
    pub fn cohort_table(
        &self,
        persona: Option<PersonaId>,
        range: &DateRange,
        period: CohortPeriod,
    ) -> Result<CohortTable> {
        let conn = self.conn();
        let scope = if persona.is_some() { "persona_id = ?1" } else { "?1 IS NULL" };
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT first_at, furthest_stage FROM customers {}
             WHERE {scope}{} ORDER BY first_at",
            by_first_event(conn)?,
            seconds_filter(range, "first_at")
        ))?;
        let mut rows = stmt.query([persona.map(|p| p.0)])?;
        // Rows come in time order: a run of one day is counted without a map lookup.
        let mut by_day: BTreeMap<NaiveDate, [u64; 8]> = BTreeMap::new();
        let mut current: Option<(i64, i64, [u64; 8])> = None;
        while let Some(row) = rows.next()? {
            let first_at: i64 = row.get(0)?;
            let stage: Stage = GroupRow::new(conn, row, "customers", "id").get(1, "furthest_stage")?;
            let day = first_at.div_euclid(86_400);
            match &mut current {
                Some((run_day, _, furthest)) if *run_day == day => furthest[stage.index()] += 1,
                _ => {
                    if let Some((_, seconds, furthest)) = current.take() {
                        add_day(&mut by_day, epoch_day(seconds), &furthest);
                    }
                    let mut furthest = [0; 8];
                    furthest[stage.index()] = 1;
                    current = Some((day, first_at, furthest));
                }
            }
        }
        if let Some((_, seconds, furthest)) = current {
            add_day(&mut by_day, epoch_day(seconds), &furthest);
        }
        Ok(CohortTable { period, cohorts: cohorts_from_days(by_day, period) })
    }
}

fn add_day(by_day: &mut BTreeMap<NaiveDate, [u64; 8]>, day: NaiveDate, furthest: &[u64; 8]) {
    let counts = by_day.entry(day).or_insert([0; 8]);
    for (sum, n) in counts.iter_mut().zip(furthest) {
        *sum += n;
    }
}

#[cfg(test)]
#[path = "cohorts_tests.rs"]
mod tests;
