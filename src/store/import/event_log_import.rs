//! Stage rules applied to a parsed event log: in memory for a preview, or written to the
//! workspace as ordinary stage events through the customers import's writer (same merge:
//! the earliest time per customer and stage wins, a re-import changes nothing).

use std::path::Path;

use rayon::prelude::*;
use rusqlite::TransactionBehavior;

use super::event_log::{EventLogRow, ParsedEventLog};
use super::events::{BatchCustomer, EventBatch, EventRow};
use super::options::ImportOptions;
use super::summary::ImportSummary;
use super::{ImportKind, ImportProgress};
use crate::model::funnel::{DropOff, Funnel};
use crate::model::rule_engine::{CompiledRules, EventId, EventLogSummary, RuleStats, StageTimes};
use crate::model::rules::{StageRule, StageRules};
use crate::store::bulk::bulk_write;
use crate::store::stage_rules::{read_stage_rules, write_stage_rules};
use crate::store::{Result, StoreError, Workspace};

/// How many of the most frequent unmatched events a summary or preview names.
pub const TOP_UNMATCHED: usize = 10;

/// One distinct event of a log, for the list a user assigns stages to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventPreview {
    /// Its id in [`ParsedEventLog::names`].
    pub id: EventId,
    /// The name as first written in the file (trimmed).
    pub name: String,
    /// Rows of the event.
    pub rows: u64,
    /// Customers with at least one row of it.
    pub customers: u64,
    /// Whether some rule matches it.
    pub matched: bool,
}

/// What some rules would make of a log, computed in memory; nothing written.
#[derive(Clone, Debug, PartialEq)]
pub struct EventLogPreview {
    /// Every distinct event, most rows first (ties by name).
    pub events: Vec<EventPreview>,
    /// Customers reaching each stage (furthest stage at or after it), over the customers
    /// the rules give a stage.
    pub funnel: Funnel,
    /// The stage transition losing the largest share, if anyone dropped off.
    pub biggest_drop_off: Option<DropOff>,
    /// Customers that would be created or updated: those with at least one stage.
    pub customers_with_stage: u64,
    /// Customers no rule gives a stage: not created.
    pub customers_without_stage: u64,
    /// Per rule, in the rules' order: rows it matched and customers it gave a time.
    pub rule_stats: Vec<(StageRule, RuleStats)>,
    /// Rows no rule matches.
    pub unmatched_rows: u64,
    /// The [`TOP_UNMATCHED`] unmatched events with the most rows, with their row counts.
    pub top_unmatched: Vec<(String, u64)>,
}

/// What an event-log import did.
#[derive(Clone, Debug, PartialEq)]
pub struct EventImportSummary {
    /// Rows read, customers and events written, as for a customers import: `added` is
    /// stage events added, `updated` events moved earlier, `unchanged` stage times the
    /// workspace already had as early or earlier.
    pub import: ImportSummary,
    /// Customers no rule gave a stage (not created).
    pub customers_without_stage: u64,
    /// Per rule, in the rules' order: rows it matched and customers it gave a time.
    pub rule_stats: Vec<(StageRule, RuleStats)>,
    /// Rows no rule matches.
    pub unmatched_rows: u64,
    /// The [`TOP_UNMATCHED`] unmatched events with the most rows, with their row counts.
    pub top_unmatched: Vec<(String, u64)>,
    /// Customers whose rows name another persona than their earliest (kept; counted).
    pub customers_with_other_persona: u64,
    /// Whether the rules given were saved in the workspace.
    pub rules_saved: bool,
}

/// Stage times of every customer of a log under some rules.
struct Applied {
    /// Per customer index.
    times: Vec<StageTimes>,
    summary: EventLogSummary,
    compiled: CompiledRules,
}

/// Customers per parallel part when applying rules: enough to be worth a thread.
const CUSTOMERS_PER_PART: usize = 16_384;

impl ParsedEventLog {
    /// Distinct events (name, rows, customers), the funnel these rules give (customers
    /// reaching each stage) and the biggest drop-off: computed in memory, nothing written.
    pub fn preview(&self, rules: &StageRules) -> EventLogPreview {
        let applied = self.apply(rules);
        let mut furthest = [0_u64; 8];
        for stage in applied.times.iter().filter_map(StageTimes::furthest) {
            furthest[stage.index()] += 1;
        }
        let funnel = Funnel::from_furthest(furthest);
        let events = applied
            .summary
            .events_by_rows(&self.names)
            .into_iter()
            .map(|(id, name, counts)| EventPreview {
                id,
                name: name.to_owned(),
                rows: counts.rows,
                customers: counts.customers,
                matched: applied.compiled.matches(id),
            })
            .collect();
        let summary = &applied.summary;
        EventLogPreview {
            events,
            biggest_drop_off: funnel.biggest_drop_off(),
            funnel,
            customers_with_stage: summary.customers_with_stage,
            customers_without_stage: summary.customers - summary.customers_with_stage,
            rule_stats: rule_stats(rules, summary),
            unmatched_rows: summary.unmatched_rows(),
            top_unmatched: top_unmatched(self, summary),
        }
    }

    /// Runs the rules over every customer, in parallel parts of customers.
    fn apply(&self, rules: &StageRules) -> Applied {
        let mut names = self.names.clone();
        let compiled = CompiledRules::new(rules, &mut names);
        let customers = self.customers.len();
        // Rows grouped by customer (a counting sort): `starts[c]..starts[c + 1]`.
        let mut starts = vec![0_usize; customers + 1];
        for row in &self.rows {
            starts[row.customer as usize + 1] += 1;
        }
        for c in 0..customers {
            starts[c + 1] += starts[c];
        }
        let Some(first) = self.rows.first() else {
            return Applied { times: Vec::new(), summary: EventLogSummary::default(), compiled };
        };
        let mut grouped = vec![(first.event, 0_i64); self.rows.len()];
        let mut next = starts.clone();
        for EventLogRow { customer, event, at_seconds, .. } in &self.rows {
            let slot = &mut next[*customer as usize];
            grouped[*slot] = (*event, *at_seconds);
            *slot += 1;
        }
        // Cut into parts of whole customers, each with its own slice of rows.
        let mut parts = Vec::new();
        let mut rest: &mut [(EventId, i64)] = &mut grouped;
        let mut from = 0;
        while from < customers {
            let to = (from + CUSTOMERS_PER_PART).min(customers);
            let (part, tail) = std::mem::take(&mut rest).split_at_mut(starts[to] - starts[from]);
            parts.push((from, to, part));
            rest = tail;
            from = to;
        }
        let compiled_ref = &compiled;
        let starts_ref = &starts;
        let results: Vec<(Vec<StageTimes>, EventLogSummary)> = parts
            .into_par_iter()
            .map(|(from, to, part)| {
                let mut summary = EventLogSummary::default();
                let base = starts_ref[from];
                let times = (from..to)
                    .map(|c| {
                        let rows = &mut part[starts_ref[c] - base..starts_ref[c + 1] - base];
                        compiled_ref.stage_times(rows, &mut summary)
                    })
                    .collect();
                (times, summary)
            })
            .collect();
        let mut times = Vec::with_capacity(customers);
        let mut summary = EventLogSummary::default();
        for (part_times, part_summary) in results {
            times.extend(part_times);
            summary.merge(&part_summary);
        }
        Applied { times, summary, compiled }
    }

    /// The stage events the rules give, as the customers import's batch.
    fn stage_batch(&self, applied: &Applied, options: &ImportOptions) -> EventBatch {
        let mut first_line = vec![u64::MAX; self.customers.len()];
        for row in &self.rows {
            let line = &mut first_line[row.customer as usize];
            *line = (*line).min(row.line);
        }
        let mut batch = EventBatch {
            personas: self.personas.clone(),
            errors: self.row_error_set(),
            cancel: options.cancel.clone(),
            ..EventBatch::default()
        };
        // Customers in the order of their ids (byte order, as SQLite's unique index sorts
        // them): new customers then get ids in that order, so the `external_id` index grows
        // by appends instead of a page search and split per customer. The rows come out
        // sorted by customer and stage, as the writer wants them.
        let mut order: Vec<(u128, usize)> = (0..applied.times.len())
            .filter(|&c| !applied.times[c].is_empty())
            .map(|c| (self.customers[c].prefix(), c))
            .collect();
        order.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0).then_with(|| self.customers[a.1].as_bytes().cmp(self.customers[b.1].as_bytes()))
        });
        batch.customers.reserve_exact(order.len());
        for (_, index) in order {
            let line = first_line[index];
            let customer = u32::try_from(batch.customers.len()).unwrap_or(u32::MAX);
            batch.customers.push(BatchCustomer {
                external: self.customers[index].as_str().into(),
                persona: self.customer_persona[index].slot,
                line,
            });
            for (stage, at) in applied.times[index].iter() {
                batch.rows.push(EventRow { customer, stage: stage.number(), at, line });
            }
        }
        batch
    }
}

/// Per-rule counts beside their rules.
fn rule_stats(rules: &StageRules, summary: &EventLogSummary) -> Vec<(StageRule, RuleStats)> {
    let stats = summary.rule_stats();
    rules
        .into_iter()
        .enumerate()
        .map(|(i, rule)| (rule.clone(), stats.get(i).copied().unwrap_or_default()))
        .collect()
}

fn top_unmatched(log: &ParsedEventLog, summary: &EventLogSummary) -> Vec<(String, u64)> {
    summary
        .top_unmatched(&log.names, TOP_UNMATCHED)
        .into_iter()
        .map(|(name, rows)| (name.to_owned(), rows))
        .collect()
}

impl Workspace {
    /// Imports the stage events `rules` give on `log` (the saved rules when `None`; with
    /// none saved, [`StoreError::NoStageRules`]). `rules: Some` saves them in the same
    /// transaction as the import. Invalid rows refuse the whole log unless
    /// `options.skip_invalid`; a set `options.cancel` rolls everything back. Nothing is
    /// written on any error.
    pub fn import_event_log(
        &mut self,
        log: &ParsedEventLog,
        rules: Option<&StageRules>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<EventImportSummary> {
        options.check_cancel()?;
        // Invalid rows refuse the log before anything else is done.
        ImportSummary::new(ImportKind::Customers).settle(
            log.row_error_set(),
            log.path(),
            options.skip_invalid,
        )?;
        let given = rules.is_some();
        let saved;
        let rules = match rules {
            Some(rules) => rules,
            None => {
                saved = read_stage_rules(self.conn())?;
                saved.as_ref().ok_or_else(|| StoreError::NoStageRules { path: self.path().to_path_buf() })?
            }
        };
        let applied = log.apply(rules);
        let batch = log.stage_batch(&applied, options);
        let mut import = ImportSummary::new(ImportKind::Customers);
        import.rows = log.rows_read();
        let path: &Path = log.path();
        bulk_write(self.conn_mut(), batch.rows.len(), |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if given {
                write_stage_rules(&tx, rules)?;
            }
            batch.resolve_and_write(&tx, path, options.skip_invalid, &mut import, progress)?;
            options.check_cancel()?;
            tx.commit()?;
            Ok(())
        })?;
        let summary = &applied.summary;
        Ok(EventImportSummary {
            import,
            customers_without_stage: summary.customers - summary.customers_with_stage,
            rule_stats: rule_stats(rules, summary),
            unmatched_rows: summary.unmatched_rows(),
            top_unmatched: top_unmatched(log, summary),
            customers_with_other_persona: log.customers_with_other_persona(),
            rules_saved: given,
        })
    }
}
