//! Writing a resolved batch of customer events: new customers through multi-row INSERTs,
//! known customers event by event, with the derived columns kept in step (see
//! migrations.rs).

use rusqlite::{Transaction, params};

use super::events::{EventBatch, EventRow, ExistingCustomer};
use super::options::{CANCEL_CHECK_EVERY, check};
use super::{ImportProgress, PROGRESS_EVERY};
use crate::store::Result;
use crate::store::bulk::{BatchInsert, InsertRow};

/// What writing a batch did.
#[derive(Debug, Default)]
pub(super) struct EventWriteStats {
    pub(super) added: u64,
    pub(super) updated: u64,
    pub(super) unchanged: u64,
    pub(super) customers_created: u64,
    pub(super) customers_updated: u64,
}

impl EventBatch {
    /// Writes customers and events, keeping the derived columns in step (see migrations.rs).
    pub(super) fn write(
        &mut self,
        tx: &Transaction<'_>,
        existing: &[Option<ExistingCustomer>],
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<EventWriteStats> {
        let mut stats = EventWriteStats::default();
        // Sorted by customer then stage then date: the first row of each (customer, stage)
        // is the earliest, and new customers' rows go in as appends to both B-trees.
        self.rows.sort_unstable_by_key(|r| (r.customer, r.stage, r.at));
        let total = self.rows.len() as u64;
        // New customers get ids counting up from the largest, so their events append.
        let mut next_id: i64 =
            tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM customers", [], |r| r.get(0))?;
        let mut new_customers = BatchInsert::<NewCustomer<'_>>::new(tx)?;
        let mut new_events = BatchInsert::<NewEvent>::new(tx)?;
        let mut insert_event = tx.prepare_cached(
            "INSERT INTO stage_events (customer_id, stage, reached_at, days_from_start, persona_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut update_event = tx.prepare_cached(
            "UPDATE stage_events SET reached_at = ?3, days_from_start = ?4
             WHERE customer_id = ?1 AND stage = ?2",
        )?;
        let mut known_events =
            tx.prepare_cached("SELECT stage, reached_at FROM stage_events WHERE customer_id = ?1")?;
        let mut done = 0_u64;
        let mut start = 0;
        let mut group: Vec<EventRow> = Vec::with_capacity(8);
        let mut customers_done = 0_u64;
        while start < self.rows.len() {
            if customers_done.is_multiple_of(CANCEL_CHECK_EVERY) {
                check(self.cancel.as_deref())?;
            }
            customers_done += 1;
            let customer = self.rows[start].customer;
            let end = self.rows[start..]
                .iter()
                .position(|r| r.customer != customer)
                .map_or(self.rows.len(), |n| start + n);
            // One row per stage: the earliest.
            group.clear();
            for row in &self.rows[start..end] {
                if group.last().is_some_and(|g| g.stage == row.stage) {
                    stats.unchanged += 1;
                } else {
                    group.push(*row);
                }
            }
            let batch_customer = &self.customers[customer as usize];
            let slot_persona = self.personas.id(batch_customer.persona);
            let file_first = group.iter().map(|r| r.at).min().unwrap_or(0);
            match existing[customer as usize] {
                None => {
                    let id = next_id;
                    next_id += 1;
                    new_customers.push(NewCustomer {
                        id,
                        external: &batch_customer.external,
                        persona: slot_persona,
                        first_at: file_first,
                        last_at: group.iter().map(|r| r.at).max().unwrap_or(file_first),
                        furthest: group.iter().map(|r| r.stage).max().unwrap_or(1),
                    })?;
                    for row in &group {
                        new_events.push(NewEvent {
                            customer: id,
                            stage: row.stage,
                            at: row.at,
                            days: days_between(file_first, row.at),
                            persona: slot_persona,
                        })?;
                    }
                    stats.added += group.len() as u64;
                    stats.customers_created += 1;
                }
                Some(known) => {
                    let persona = known.persona.or(slot_persona);
                    let first = known.first_at.min(file_first);
                    let mut have = [None::<i64>; 8];
                    let mut rows = known_events.query([known.id])?;
                    while let Some(r) = rows.next()? {
                        let stage: usize = r.get(0)?;
                        if let Some(slot) = stage.checked_sub(1).and_then(|i| have.get_mut(i)) {
                            *slot = Some(r.get(1)?);
                        }
                    }
                    let mut changed = false;
                    for row in &group {
                        let values =
                            params![known.id, row.stage, row.at, days_between(first, row.at), persona];
                        match have[usize::from(row.stage) - 1] {
                            None => {
                                insert_event.execute(values)?;
                                stats.added += 1;
                                changed = true;
                            }
                            Some(old) if row.at < old => {
                                update_event.execute(&values[..4])?;
                                stats.updated += 1;
                                changed = true;
                            }
                            Some(_) => stats.unchanged += 1,
                        }
                    }
                    let persona_set = known.persona.is_none() && persona.is_some();
                    stats.customers_updated += u64::from(changed || persona_set);
                    if persona_set {
                        // The customer's persona was deleted; the file gives it a new one.
                        tx.prepare_cached("UPDATE customers SET persona_id = ?2 WHERE id = ?1")?
                            .execute(params![known.id, persona])?;
                        tx.prepare_cached("UPDATE stage_events SET persona_id = ?2 WHERE customer_id = ?1")?
                            .execute(params![known.id, persona])?;
                    }
                    if changed {
                        refresh_customer(tx, known.id, first, first < known.first_at)?;
                    }
                }
            }
            let before = done;
            done += (end - start) as u64;
            if done / PROGRESS_EVERY != before / PROGRESS_EVERY && done < total {
                progress(ImportProgress::Written { done: done / PROGRESS_EVERY * PROGRESS_EVERY, total });
            }
            start = end;
        }
        check(self.cancel.as_deref())?;
        new_customers.finish()?;
        new_events.finish()?;
        if total > 0 {
            progress(ImportProgress::Written { done: total, total });
        }
        Ok(stats)
    }
}

/// A customer new to the workspace, with an id chosen by the importer.
struct NewCustomer<'a> {
    id: i64,
    external: &'a str,
    persona: Option<i64>,
    first_at: i64,
    last_at: i64,
    furthest: u8,
}

impl InsertRow for NewCustomer<'_> {
    const INSERT: &'static str =
        "INSERT INTO customers (id, external_id, persona_id, first_at, last_at, furthest_stage) VALUES ";
    const COLUMNS: usize = 6;
    fn bind(&self, stmt: &mut rusqlite::Statement<'_>, first: usize) -> rusqlite::Result<()> {
        stmt.raw_bind_parameter(first, self.id)?;
        stmt.raw_bind_parameter(first + 1, self.external)?;
        stmt.raw_bind_parameter(first + 2, self.persona)?;
        stmt.raw_bind_parameter(first + 3, self.first_at)?;
        stmt.raw_bind_parameter(first + 4, self.last_at)?;
        stmt.raw_bind_parameter(first + 5, self.furthest)
    }
}

/// An event of a new customer.
struct NewEvent {
    customer: i64,
    stage: u8,
    at: i64,
    days: f64,
    persona: Option<i64>,
}

impl InsertRow for NewEvent {
    const INSERT: &'static str =
        "INSERT INTO stage_events (customer_id, stage, reached_at, days_from_start, persona_id) VALUES ";
    const COLUMNS: usize = 5;
    fn bind(&self, stmt: &mut rusqlite::Statement<'_>, first: usize) -> rusqlite::Result<()> {
        stmt.raw_bind_parameter(first, self.customer)?;
        stmt.raw_bind_parameter(first + 1, self.stage)?;
        stmt.raw_bind_parameter(first + 2, self.at)?;
        stmt.raw_bind_parameter(first + 3, self.days)?;
        stmt.raw_bind_parameter(first + 4, self.persona)
    }
}

/// Fractional days from `first` to `at`, computed exactly as [`crate::model::funnel`] does
/// so the store's medians equal the reference implementation's.
fn days_between(first: i64, at: i64) -> f64 {
    (at - first) as f64 / crate::model::date::SECONDS_PER_DAY
}

/// Recomputes an existing customer's derived columns after its events changed; when its
/// first event moved earlier, every event's `days_from_start` moves with it.
fn refresh_customer(tx: &Transaction<'_>, id: i64, first: i64, first_moved: bool) -> Result<()> {
    tx.prepare_cached(
        "UPDATE customers SET first_at = ?2,
            last_at = (SELECT max(reached_at) FROM stage_events WHERE customer_id = ?1),
            furthest_stage = (SELECT max(stage) FROM stage_events WHERE customer_id = ?1)
         WHERE id = ?1",
    )?
    .execute(params![id, first])?;
    if first_moved {
        tx.prepare_cached(
            "UPDATE stage_events SET days_from_start = (reached_at - ?2) / 86400.0 WHERE customer_id = ?1",
        )?
        .execute(params![id, first])?;
    }
    Ok(())
}
