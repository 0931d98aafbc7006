//! One chunk of an event log parsed on its own: customers, events and personas numbered
//! within the chunk, joined in file order by `event_log.rs`.

use std::path::Path;

use rustc_hash::FxHashMap;

use super::csv::{LineCounter, csv_error, field, is_blank, newlines, record_quotes_ok};
use super::customer_key::CustomerKey;
use super::errors::{RowErrors, RowProblem};
use super::events::NO_PERSONA;
use super::fields::{CUSTOMER_ID_MAX_CHARS, too_long};
use super::parallel::RowTicker;
use super::personas::PersonaSlots;
use crate::model::date::parse_event_time;
use crate::model::rule_engine::{EventId, EventNames};
use crate::store::Result;

/// Longest event name, in characters: a name longer than this is not an event name but a
/// column mixed up with another.
pub(super) const EVENT_NAME_MAX_CHARS: usize = 200;

/// One valid row of an event log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventLogRow {
    /// The customer, an index for `ParsedEventLog::customer_id`.
    pub customer: u32,
    /// The event, an id of `ParsedEventLog::names`.
    pub event: EventId,
    /// When, in UTC seconds since 1970-01-01.
    pub at_seconds: i64,
    /// 1-based line of the file where the row starts.
    pub line: u64,
    /// The row's persona slot ([`NO_PERSONA`] when the row names none).
    pub(super) persona: u32,
}

/// Where the columns an event log is read by sit in its records.
#[derive(Clone, Debug)]
pub(super) struct LogColumns {
    pub(super) customer: usize,
    /// The header's name of the customer column, for messages.
    pub(super) customer_name: String,
    /// The event column and its name, unless every row is one event.
    pub(super) event: Option<(usize, String)>,
    /// The one event every row is (`--event-name`).
    pub(super) fixed_event: Option<String>,
    pub(super) time: usize,
    pub(super) time_name: String,
    /// The persona column, if personas come from one.
    pub(super) persona: Option<usize>,
}

/// The rows of one part of a file.
#[derive(Debug, Default)]
pub(super) struct LogChunk {
    pub(super) names: EventNames,
    /// External ids, by local customer number: filled from `customer_index` once the
    /// chunk is parsed, so each id is held once.
    pub(super) customers: Vec<CustomerKey>,
    customer_index: FxHashMap<CustomerKey, u32>,
    pub(super) personas: PersonaSlots,
    /// Rows with local customer, event and persona numbers.
    pub(super) rows: Vec<EventLogRow>,
    pub(super) errors: RowErrors,
    pub(super) rows_read: u64,
}

impl LogChunk {
    /// Parses and validates the rows in `data`, which starts after `line_offset` lines.
    pub(super) fn parse(
        data: &[u8],
        cols: &LogColumns,
        delimiter: u8,
        line_offset: u64,
        path: &Path,
        ticker: &mut RowTicker<'_>,
    ) -> Result<Self> {
        // Sized for the rows up front: growing a million-entry table and vector rehashes
        // and copies them several times, and every fresh page costs a fault.
        let line_count = usize::try_from(newlines(data)).unwrap_or(0);
        let mut chunk = Self {
            rows: Vec::with_capacity(line_count),
            customer_index: FxHashMap::with_capacity_and_hasher(line_count, Default::default()),
            ..Self::default()
        };
        let fixed_event = cols.fixed_event.as_deref().map(|name| chunk.names.intern(name));
        let mut record = csv::ByteRecord::new();
        let mut problems = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(data);
        let mut lines = LineCounter::new(line_offset);
        let mut single_line = vec![cols.customer, cols.time];
        single_line.extend(cols.event.as_ref().map(|e| e.0));
        single_line.extend(cols.persona);
        while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
            if is_blank(&record) {
                continue;
            }
            chunk.rows_read += 1;
            ticker.row()?;
            let line = lines.line(data, &record);
            if !record_quotes_ok(data, &record, reader.position().byte(), delimiter, &single_line) {
                chunk.errors.push_one(line, RowProblem::StrayQuote);
                continue;
            }
            let value = |at: usize, name: &str, problems: &mut Vec<RowProblem>| {
                required_value(&record, at, name, path, line, problems)
            };
            let customer = value(cols.customer, &cols.customer_name, &mut problems)?.and_then(|id| {
                let problem = too_long(id, "customer_id", CUSTOMER_ID_MAX_CHARS);
                problems.extend(problem.clone());
                problem.is_none().then_some(id)
            });
            let event = match (&cols.event, fixed_event) {
                (_, Some(id)) => Some(id),
                (Some((at, name)), None) => value(*at, name, &mut problems)?.and_then(|text| {
                    let problem = too_long(text, "event", EVENT_NAME_MAX_CHARS);
                    problems.extend(problem.clone());
                    problem.is_none().then(|| chunk.names.intern(text))
                }),
                (None, None) => None,
            };
            let at = value(cols.time, &cols.time_name, &mut problems)?.and_then(|text| {
                parse_event_time(text)
                    .map_err(|_| problems.push(RowProblem::BadTime { value: text.to_owned() }))
                    .ok()
            });
            // An empty persona cell is no persona: the customer's other rows may name one.
            let persona = match cols.persona.map(|at| field(&record, Some(at), path, line)).transpose()? {
                Some(Some(name)) if !name.is_empty() => {
                    chunk.personas.slot(name).map_err(|e| problems.push(e)).unwrap_or(NO_PERSONA)
                }
                _ => NO_PERSONA,
            };
            let (Some(customer), Some(event), Some(at), true) = (customer, event, at, problems.is_empty())
            else {
                chunk.errors.push(line, std::mem::take(&mut problems));
                continue;
            };
            let Some(customer) = chunk.customer(customer) else {
                chunk.errors.push_one(line, RowProblem::TooManyCustomers);
                continue;
            };
            chunk.rows.push(EventLogRow { customer, event, at_seconds: at, line, persona });
        }
        chunk.customers = vec![CustomerKey::default(); chunk.customer_index.len()];
        for (external, index) in std::mem::take(&mut chunk.customer_index) {
            chunk.customers[index as usize] = external;
        }
        Ok(chunk)
    }

    /// The local number of a customer, numbering it at first sight.
    fn customer(&mut self, external: &str) -> Option<u32> {
        if let Some(&index) = self.customer_index.get(external) {
            return Some(index);
        }
        let index = u32::try_from(self.customer_index.len()).ok()?;
        self.customer_index.insert(CustomerKey::new(external), index);
        Some(index)
    }
}

/// A column a row must fill: its trimmed text, or `None` with the problem added.
fn required_value<'r>(
    record: &'r csv::ByteRecord,
    at: usize,
    name: &str,
    path: &Path,
    line: u64,
    problems: &mut Vec<RowProblem>,
) -> Result<Option<&'r str>> {
    Ok(match field(record, Some(at), path, line)? {
        Some("") | None => {
            problems.push(RowProblem::EmptyValue { column: name.to_owned() });
            None
        }
        Some(text) => Some(text),
    })
}
