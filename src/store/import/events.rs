//! Customer events: the validated batch in memory, how parsed chunks join it in file order,
//! and how it is checked against the workspace before [`super::event_write`] writes it.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use rusqlite::{Connection, OptionalExtension, Transaction};
use rustc_hash::FxHashMap;

use super::errors::{RowErrors, RowProblem};
use super::options::check;
use super::personas::{PersonaSlots, persona_name};
use super::summary::ImportSummary;
use super::{ImportKind, ImportProgress};
use crate::model::customer::CustomerEvent;
use crate::model::date::to_epoch_seconds;
use crate::model::stage::Stage;
use crate::store::Result;
use crate::store::bulk::SecondaryIndexes;

/// A customer named by the rows.
#[derive(Debug)]
pub(super) struct BatchCustomer {
    pub(super) external: Box<str>,
    pub(super) persona: u32,
    /// Line of the row that introduced the customer, for conflict messages.
    pub(super) line: u64,
}

/// One event, compact: a million of them fit in 24 MB.
#[derive(Clone, Copy, Debug)]
pub(super) struct EventRow {
    pub(super) customer: u32,
    pub(super) stage: u8,
    pub(super) at: i64,
    pub(super) line: u64,
}

/// The customer as the workspace has it.
#[derive(Clone, Copy, Debug)]
pub(super) struct ExistingCustomer {
    pub(super) id: i64,
    pub(super) persona: Option<i64>,
    pub(super) first_at: i64,
}

/// Validated customer events in memory, ready to be resolved and written.
#[derive(Debug, Default)]
pub(crate) struct EventBatch {
    pub(super) personas: PersonaSlots,
    /// External id → index in `customers`, kept by [`Self::push`]; a batch built whole
    /// (an event log's) leaves it empty.
    pub(super) customer_index: FxHashMap<Box<str>, u32>,
    pub(super) customers: Vec<BatchCustomer>,
    pub(super) rows: Vec<EventRow>,
    pub(super) errors: RowErrors,
    /// The caller's cancel flag, read between write batches.
    pub(super) cancel: Option<Arc<AtomicBool>>,
}

/// A customer whose first valid row has not been seen yet.
pub(super) const NO_PERSONA: u32 = u32::MAX;

impl EventBatch {
    /// Adds one event whose fields are already parsed; `Err` is why the row is invalid.
    fn push(
        &mut self,
        line: u64,
        customer: &str,
        persona: &str,
        stage: Stage,
        at: i64,
    ) -> Result<(), RowProblem> {
        let slot = self.personas.slot(persona)?;
        let index = match self.customer_index.get(customer) {
            Some(&index) => {
                let known = &self.customers[index as usize];
                if known.persona != slot {
                    return Err(RowProblem::PersonaConflict {
                        customer: customer.to_owned(),
                        first_persona: self.personas.name(known.persona).to_owned(),
                        first_line: known.line,
                        persona: persona.to_owned(),
                    });
                }
                index
            }
            None => {
                let index = u32::try_from(self.customers.len()).map_err(|_| RowProblem::TooManyCustomers)?;
                self.customers.push(BatchCustomer { external: customer.into(), persona: slot, line });
                self.customer_index.insert(customer.into(), index);
                index
            }
        };
        self.rows.push(EventRow { customer: index, stage: stage.number(), at, line });
        Ok(())
    }

    /// Adds an event given as a [`CustomerEvent`], recording a row error when it is invalid.
    pub(crate) fn push_event(&mut self, line: u64, event: &CustomerEvent) {
        let customer = event.customer_id.trim();
        let persona = event.persona.trim();
        let result = if customer.is_empty() {
            Err(RowProblem::EmptyField { field: "customer_id" })
        } else if persona.is_empty() {
            Err(RowProblem::EmptyField { field: "persona" })
        } else {
            self.push(line, customer, persona, event.stage, to_epoch_seconds(event.reached_at))
        };
        if let Err(problem) = result {
            self.errors.push_one(line, problem);
        }
    }

    /// Resolves personas and existing customers in the open transaction, turns persona
    /// conflicts with the workspace into row errors (dropping that customer's rows), and,
    /// unless there are errors and `skip` is false, writes everything.
    pub(super) fn resolve_and_write(
        mut self,
        tx: &Transaction<'_>,
        path: &Path,
        skip: bool,
        summary: &mut ImportSummary,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<()> {
        self.personas.resolve(tx)?;
        let existing = self.existing_customers(tx)?;
        // A customer keeps the persona the workspace gave it; rows saying otherwise are errors.
        let mut rejected = vec![false; self.customers.len()];
        for (index, customer) in self.customers.iter().enumerate() {
            let Some(ExistingCustomer { persona: Some(persona), .. }) = existing[index] else {
                continue;
            };
            // An event log without personas keeps the workspace's.
            if customer.persona == NO_PERSONA {
                continue;
            }
            if self.personas.id(customer.persona) != Some(persona) {
                rejected[index] = true;
            }
        }
        if rejected.iter().any(|r| *r) {
            let mut problems: FxHashMap<u32, RowProblem> = FxHashMap::default();
            for row in self.rows.iter().filter(|r| rejected[r.customer as usize]) {
                let problem = match problems.get(&row.customer) {
                    Some(problem) => problem.clone(),
                    None => {
                        let customer = &self.customers[row.customer as usize];
                        let workspace_persona = existing[row.customer as usize]
                            .and_then(|e| e.persona)
                            .map_or_else(|| Ok(String::new()), |id| persona_name(tx, id))?;
                        let problem = RowProblem::WorkspacePersonaConflict {
                            customer: customer.external.to_string(),
                            workspace_persona,
                            persona: self.personas.name(customer.persona).to_owned(),
                        };
                        problems.insert(row.customer, problem.clone());
                        problem
                    }
                };
                self.errors.push_one(row.line, problem);
            }
            self.rows.retain(|r| !rejected[r.customer as usize]);
        }
        summary.settle(std::mem::take(&mut self.errors), path, skip)?;

        let mut used = vec![false; self.personas.slots.len()];
        for (customer, _) in self.customers.iter().zip(&rejected).filter(|(_, r)| !**r) {
            if let Some(used) = used.get_mut(customer.persona as usize) {
                *used = true;
            }
        }
        let personas_created = self.personas.create_used(tx, &used)?;
        let new_rows = self.rows.iter().filter(|r| existing[r.customer as usize].is_none()).count();
        let rebuilt = SecondaryIndexes::drop_for_bulk_write(tx, new_rows)?;
        let stats = self.write(tx, &existing, progress)?;
        rebuilt.recreate(tx)?;
        // Rebuilding the indexes takes a while: a Cancel pressed meanwhile still counts.
        check(self.cancel.as_deref())?;
        summary.added = stats.added;
        summary.updated = stats.updated;
        summary.unchanged = stats.unchanged;
        summary.customers_created = stats.customers_created;
        summary.customers_updated = stats.customers_updated;
        summary.personas_created = personas_created;
        Ok(())
    }

    /// The workspace's record of each batch customer, if it has one.
    fn existing_customers(&self, conn: &Connection) -> Result<Vec<Option<ExistingCustomer>>> {
        let mut existing = vec![None; self.customers.len()];
        let in_workspace: i64 = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
        if in_workspace == 0 || self.customers.is_empty() {
            return Ok(existing);
        }
        let from_row = |r: &rusqlite::Row<'_>, at: usize| -> rusqlite::Result<ExistingCustomer> {
            Ok(ExistingCustomer { id: r.get(at)?, persona: r.get(at + 1)?, first_at: r.get(at + 2)? })
        };
        // One scan beats a point lookup per customer unless the workspace is much larger
        // than the file (a point lookup costs several rows' worth of scanning).
        if in_workspace <= 4 * self.customers.len() as i64 {
            // An event log's batch comes without `customer_index` (only `push` needs it).
            let borrowed: FxHashMap<&str, u32> = if self.customer_index.is_empty() {
                (0..).zip(&self.customers).map(|(index, c)| (&*c.external, index)).collect()
            } else {
                FxHashMap::default()
            };
            let mut stmt = conn.prepare("SELECT external_id, id, persona_id, first_at FROM customers")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let external = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                if let Some(&index) = self.customer_index.get(external).or_else(|| borrowed.get(external)) {
                    existing[index as usize] = Some(from_row(row, 1)?);
                }
            }
        } else {
            let mut stmt =
                conn.prepare_cached("SELECT id, persona_id, first_at FROM customers WHERE external_id = ?1")?;
            for (slot, customer) in existing.iter_mut().zip(&self.customers) {
                *slot = stmt.query_row([&*customer.external], |r| from_row(r, 0)).optional()?;
            }
        }
        Ok(existing)
    }
}

/// Writes a batch inside a transaction the caller owns (the demo writes personas first).
pub(crate) fn write_event_batch(tx: &Transaction<'_>, batch: EventBatch) -> Result<ImportSummary> {
    let mut summary = ImportSummary::new(ImportKind::Customers);
    summary.rows = batch.rows.len() as u64 + batch.errors.count;
    batch.resolve_and_write(tx, Path::new("the events"), false, &mut summary, &mut |_| {})?;
    Ok(summary)
}
