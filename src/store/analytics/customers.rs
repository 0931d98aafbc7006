//! The customers side of the Analytics view: how many get far within their first hundred
//! days, and who has stalled. Aggregated in SQL over the derived customer columns and
//! their indexes, so stage events never leave the database.

use chrono::{NaiveDate, NaiveTime};

use crate::model::analytics::{FIRST_DAYS, FirstHundredDays, Share, Stalled, StalledCustomer};
use crate::model::cohort::DateRange;
use crate::model::date::{SECONDS_PER_DAY, from_epoch_seconds, to_epoch_seconds};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::store::cohorts::{customer_filter, seconds_filter};
use crate::store::error::Result;
use crate::store::sql::GroupRow;
use crate::store::workspace::Workspace;

impl Workspace {
    /// Customers with an event at Kickoff (or Accomplishment) or later within
    /// [`FIRST_DAYS`] days of their first event: having such an event is the same as the
    /// earliest one lying in the window. One pass for both stages, grouped by customer: over
    /// the primary key's `(customer_id, stage)` order for everyone (no sorting needed),
    /// over the `(persona_id, stage, days_from_start)` index for one persona.
    pub(super) fn first_hundred_days(
        &self,
        persona: Option<PersonaId>,
        range: &DateRange,
        customers: u64,
    ) -> Result<FirstHundredDays> {
        let scope = if persona.is_some() { "persona_id = ?1" } else { "?1 IS NULL" };
        let within = customer_filter(range, "customer_id");
        let (kickoff, accomplishment): (u64, u64) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*), coalesce(sum(furthest >= ?3), 0) FROM (
                SELECT max(stage) AS furthest FROM stage_events
                WHERE {scope} AND stage >= ?2 AND days_from_start <= ?4{within} GROUP BY customer_id)"
            ))?
            .query_row(
                rusqlite::params![persona, Stage::Kickoff, Stage::Accomplishment, f64::from(FIRST_DAYS)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
        Ok(FirstHundredDays {
            kickoff: Share { customers: kickoff, of: customers },
            accomplishment: Share { customers: accomplishment, of: customers },
        })
    }

    /// Customers short of Advocacy whose `last_at` is before the cutoff, per furthest stage,
    /// and the most stale of them: over the `customers(furthest_stage, last_at)` index for
    /// everyone, `(persona_id, furthest_stage, last_at)` (migration 2) for one persona.
    pub(super) fn stalled(
        &self,
        persona: Option<PersonaId>,
        range: &DateRange,
        stall_days: u32,
        reference_date: NaiveDate,
        list_limit: usize,
    ) -> Result<Stalled> {
        let reference = to_epoch_seconds(reference_date.and_time(NaiveTime::MIN));
        let cutoff = reference - i64::from(stall_days) * 86_400;
        let pid = persona.map(|p| p.0);
        // `IN` (rather than `< 8`) lets SQLite seek each stage's range of last_at.
        let scope = format!(
            "{}{}",
            if pid.is_some() { "c.persona_id = ?1" } else { "?1 IS NULL" },
            seconds_filter(range, "c.first_at")
        );
        let filter = format!("c.furthest_stage IN (1, 2, 3, 4, 5, 6, 7) AND c.last_at < ?2 AND {scope}");

        let mut stalled = Stalled { days: stall_days, ..Stalled::default() };
        {
            let mut stmt = self.conn().prepare_cached(&format!(
                "SELECT c.furthest_stage, count(*) FROM customers c WHERE {filter} GROUP BY c.furthest_stage"
            ))?;
            let mut rows = stmt.query(rusqlite::params![pid, cutoff])?;
            while let Some(row) = rows.next()? {
                let stage: Stage =
                    GroupRow::new(self.conn(), row, "customers", "id").get(0, "furthest_stage")?;
                let n: u64 = row.get(1)?;
                stalled.per_stage[stage.index()] += n;
                stalled.total += n;
            }
        }
        if stalled.total == 0 || list_limit == 0 {
            return Ok(stalled);
        }
        // The most stale of each stage straight off the index (no sort over every stalled
        // customer, which would read each one's row), then the most stale of those.
        let limit = i64::try_from(list_limit).unwrap_or(i64::MAX);
        let mut stmt = self.conn().prepare_cached(&format!(
            "SELECT c.external_id, p.name, c.last_at, c.id
             FROM customers c LEFT JOIN personas p ON p.id = c.persona_id
             WHERE c.furthest_stage = ?3 AND c.last_at < ?2 AND {scope}
             ORDER BY c.last_at, c.id LIMIT ?4"
        ))?;
        let mut listed: Vec<(i64, StalledCustomer)> = Vec::new();
        for stage in Stage::ALL.into_iter().filter(|s| stalled.per_stage[s.index()] > 0) {
            let rows = stmt.query_map(rusqlite::params![pid, cutoff, stage, limit], |r| {
                let last_at: i64 = r.get(2)?;
                #[expect(clippy::cast_precision_loss, reason = "second offsets fit in f64")]
                let days_since = (reference - last_at) as f64 / SECONDS_PER_DAY;
                let customer = StalledCustomer {
                    customer_id: r.get(0)?,
                    persona: r.get(1)?,
                    stage,
                    last_event: from_epoch_seconds(last_at),
                    days_since,
                };
                Ok((r.get(3)?, customer))
            })?;
            for row in rows {
                listed.push(row?);
            }
        }
        listed.sort_by_key(|(id, c)| (c.last_event, *id));
        listed.truncate(list_limit);
        stalled.customers = listed.into_iter().map(|(_, c)| c).collect();
        Ok(stalled)
    }
}
