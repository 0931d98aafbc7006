//! Event logs: any file of "customer, event, time" rows (a website's event export, a shop's
//! order history), read and validated once into a compact [`ParsedEventLog`] without a
//! workspace. Stage rules then turn it into stage events: previewed in memory
//! ([`ParsedEventLog::preview`], in `event_log_import.rs`) or imported
//! ([`crate::store::Workspace::import_event_log`]).
//!
//! The parse runs on every core like the customers import (`parallel.rs`); the chunks are
//! joined in file order, so line numbers, first spellings and personas are as if the rows
//! were read one by one.

use std::path::{Path, PathBuf};

use super::csv::{HeaderLine, read_all, read_header_line};
use super::customer_join::number_customers;
use super::customer_key::CustomerKey;
use super::errors::{RowError, RowErrors};
pub use super::event_log_parse::EventLogRow;
use super::event_log_parse::{LogChunk, LogColumns};
use super::events::NO_PERSONA;
use super::options::ImportOptions;
use super::parallel::{ChunkedParse, chunk_count};
use super::personas::PersonaSlots;
use super::{ImportProgress, RowProblem};
use crate::model::persona::{PersonaError, PersonaField};
use crate::model::rule_engine::{EventId, EventNames};
use crate::store::{Result, StoreError};

/// Which columns of an event log hold what. Column names are matched ignoring case and
/// surrounding spaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLogColumns {
    /// The customer's id.
    pub customer: String,
    /// The event's name, or one name for every row.
    pub event: EventColumn,
    /// When the event happened.
    pub time: String,
    /// Where each customer's persona comes from.
    pub persona: PersonaSource,
}

impl Default for EventLogColumns {
    /// `customer_id`, `event`, `timestamp`, no persona.
    fn default() -> Self {
        Self {
            customer: "customer_id".to_owned(),
            event: EventColumn::Column("event".to_owned()),
            time: "timestamp".to_owned(),
            persona: PersonaSource::None,
        }
    }
}

/// Where a row's event name comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventColumn {
    /// This column (`--event COL`).
    Column(String),
    /// Every row is one event of this name (`--event-name NAME`): an order history has no
    /// event column, each row is an order.
    EveryRowIs(String),
}

/// Where a customer's persona comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonaSource {
    /// No persona: the customers count in the overall funnel only.
    None,
    /// This column (`--persona-column COL`): each customer's earliest row (by time, then
    /// line) with a non-empty value gives it; later different values are counted, not errors.
    Column(String),
    /// Every customer is this persona (`--persona NAME`).
    Fixed(String),
}

/// A customer's persona as chosen so far: the earliest row naming one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PersonaPick {
    pub(super) slot: u32,
    pub(super) at: i64,
    pub(super) line: u64,
}

impl PersonaPick {
    pub(super) const NONE: Self = Self { slot: NO_PERSONA, at: i64::MAX, line: u64::MAX };

    /// Keeps the earlier of two picks (by time, then line).
    pub(super) fn offer(&mut self, other: Self) {
        if other.slot != NO_PERSONA && (other.at, other.line) < (self.at, self.line) {
            *self = other;
        }
    }
}

/// An event log read and validated once, held compactly (event names interned, customers
/// numbered), with no workspace involved. Cheap to preview with several sets of rules.
#[derive(Debug)]
pub struct ParsedEventLog {
    pub(super) path: PathBuf,
    pub(super) header: Vec<String>,
    pub(super) delimiter: u8,
    pub(super) names: EventNames,
    /// External ids, by customer index.
    pub(super) customers: Vec<CustomerKey>,
    /// Valid rows, in file order.
    pub(super) rows: Vec<EventLogRow>,
    pub(super) personas: PersonaSlots,
    /// Per customer: the persona chosen for it.
    pub(super) customer_persona: Vec<PersonaPick>,
    /// Customers whose rows name another persona than the one chosen.
    pub(super) other_persona_customers: u64,
    /// The first [`super::ROW_ERRORS_KEPT`] invalid rows, by line.
    pub(super) errors: Vec<RowError>,
    pub(super) error_count: u64,
    pub(super) rows_read: u64,
}

impl ParsedEventLog {
    /// The file read (named in messages).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The header's column names as the file writes them.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The detected delimiter: `,` or `;`.
    pub fn delimiter(&self) -> char {
        char::from(self.delimiter)
    }

    /// The distinct events (every spelling of one name is one event).
    pub fn names(&self) -> &EventNames {
        &self.names
    }

    /// The valid rows, in file order.
    pub fn rows(&self) -> &[EventLogRow] {
        &self.rows
    }

    /// Data rows read, valid or not (the header and blank rows not counted).
    pub fn rows_read(&self) -> u64 {
        self.rows_read
    }

    /// Distinct customers among the valid rows.
    pub fn customer_count(&self) -> usize {
        self.customers.len()
    }

    /// The external id of customer `index` (as in [`EventLogRow::customer`]).
    pub fn customer_id(&self, index: u32) -> &str {
        self.customers.get(index as usize).map_or("", CustomerKey::as_str)
    }

    /// The persona the file gives customer `index`, if any.
    pub fn customer_persona(&self, index: u32) -> Option<&str> {
        let pick = self.customer_persona.get(index as usize)?;
        (pick.slot != NO_PERSONA).then(|| self.personas.name(pick.slot))
    }

    /// Customers whose rows name a persona other than the one they were given (their
    /// earliest); counted, not errors.
    pub fn customers_with_other_persona(&self) -> u64 {
        self.other_persona_customers
    }

    /// The first [`super::ROW_ERRORS_KEPT`] invalid rows, by line.
    pub fn row_errors(&self) -> &[RowError] {
        &self.errors
    }

    /// All invalid rows.
    pub fn invalid_rows(&self) -> u64 {
        self.error_count
    }

    /// The invalid rows as the collection the writer settles.
    pub(super) fn row_error_set(&self) -> RowErrors {
        RowErrors { kept: self.errors.clone(), count: self.error_count }
    }
}

/// Reads and validates a whole event log. A file that cannot be read as CSV at all (no
/// header, a missing column, not UTF-8) is an error; invalid rows are kept in the result
/// ([`ParsedEventLog::row_errors`]) for the import to refuse or skip. Honours
/// `options.cancel`.
pub fn read_event_log(
    path: &Path,
    columns: &EventLogColumns,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ParsedEventLog> {
    let file =
        std::fs::File::open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let bytes = read_all(file, path)?;
    read_event_log_bytes(&bytes, path, columns, options, progress)
}

/// [`read_event_log`] for a file already in memory; `path` names it in messages.
pub fn read_event_log_bytes(
    bytes: &[u8],
    path: &Path,
    columns: &EventLogColumns,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ParsedEventLog> {
    let line = read_header_line(bytes, path, &expected_header(columns))?;
    let cols = find_columns(&line, columns, path)?;
    let mut fixed_persona = PersonaSlots::default();
    let fixed_slot = match &columns.persona {
        PersonaSource::Fixed(name) => Some(fixed_persona.slot(name.trim()).map_err(persona_error)?),
        PersonaSource::None | PersonaSource::Column(_) => None,
    };
    let data = &bytes[line.data_start..];
    let parse = ChunkedParse {
        data,
        delimiter: line.delimiter,
        line_offset: line.line_offset,
        chunks: chunk_count(data.len()),
        path,
        cancel: options.cancel.as_deref(),
    };
    let chunks = parse.run(progress, |piece, offset, ticker| {
        LogChunk::parse(piece, &cols, line.delimiter, offset, path, ticker)
    })?;
    let mut log = ParsedEventLog {
        path: path.to_path_buf(),
        header: line.written,
        delimiter: line.delimiter,
        names: EventNames::default(),
        customers: Vec::new(),
        rows: Vec::new(),
        personas: fixed_persona,
        customer_persona: Vec::new(),
        other_persona_customers: 0,
        errors: Vec::new(),
        error_count: 0,
        rows_read: 0,
    };
    let mut chunks = chunks;
    let lists: Vec<Vec<CustomerKey>> =
        chunks.iter_mut().map(|chunk| std::mem::take(&mut chunk.customers)).collect();
    let (customers, maps) = number_customers(&lists);
    drop(lists);
    log.customer_persona = vec![PersonaPick::NONE; customers.len()];
    log.customers = customers;
    let mut errors = RowErrors::default();
    log.rows.reserve_exact(chunks.iter().map(|chunk| chunk.rows.len()).sum());
    for (chunk, customer_map) in chunks.into_iter().zip(maps) {
        absorb(&mut log, chunk, &customer_map, &mut errors);
    }
    if let Some(slot) = fixed_slot {
        log.customer_persona = vec![PersonaPick { slot, at: i64::MIN, line: 0 }; log.customers.len()];
    } else {
        log.other_persona_customers = other_persona_customers(&log);
    }
    let (kept, count) = errors.into_sorted();
    log.errors = kept;
    log.error_count = count;
    Ok(log)
}

/// A header the columns ask for, for the message about a file without one.
fn expected_header(columns: &EventLogColumns) -> String {
    let mut names = vec![columns.customer.as_str()];
    if let EventColumn::Column(event) = &columns.event {
        names.push(event);
    }
    names.push(&columns.time);
    if let PersonaSource::Column(persona) = &columns.persona {
        names.push(persona);
    }
    names.join(",")
}

/// Where the asked-for columns are in the header, or which are missing.
fn find_columns(line: &HeaderLine, columns: &EventLogColumns, path: &Path) -> Result<LogColumns> {
    let mut missing = Vec::new();
    let mut find = |name: &str| {
        let key = name.trim().to_lowercase();
        let at = line.names.iter().position(|n| *n == key);
        if at.is_none() {
            missing.push(name.trim().to_owned());
        }
        at
    };
    let customer = find(&columns.customer);
    let (event, fixed_event) = match &columns.event {
        EventColumn::Column(name) => (find(name), None),
        EventColumn::EveryRowIs(name) => (None, Some(name.trim().to_owned())),
    };
    let time = find(&columns.time);
    let persona = match &columns.persona {
        PersonaSource::Column(name) => find(name),
        PersonaSource::None | PersonaSource::Fixed(_) => None,
    };
    if let (Some(customer), Some(time), true) = (customer, time, missing.is_empty()) {
        let name = |at: usize| line.written.get(at).cloned().unwrap_or_default();
        return Ok(LogColumns {
            customer,
            customer_name: name(customer),
            event: event.map(|at| (at, name(at))),
            fixed_event,
            time,
            time_name: name(time),
            persona,
        });
    }
    Err(StoreError::MissingEventColumns { path: path.to_path_buf(), missing, found: line.written.clone() })
}

/// A `--persona NAME` that no persona could have.
fn persona_error(problem: RowProblem) -> StoreError {
    match problem {
        RowProblem::PersonaNameTooLong { chars, max_chars } => {
            StoreError::Persona(PersonaError::TooLong { field: PersonaField::Name, chars, max: max_chars })
        }
        _ => StoreError::Persona(PersonaError::EmptyName),
    }
}

/// Customers with a row naming another persona than the one they were given.
fn other_persona_customers(log: &ParsedEventLog) -> u64 {
    let mut other = vec![false; log.customers.len()];
    for row in &log.rows {
        let chosen = log.customer_persona[row.customer as usize].slot;
        if row.persona != NO_PERSONA && row.persona != chosen {
            other[row.customer as usize] = true;
        }
    }
    other.iter().filter(|o| **o).count() as u64
}

/// Adds a parsed chunk to the log, in file order: its rows with the file's customer
/// (`customer_map`, by the chunk's local number), event and persona numbers.
fn absorb(log: &mut ParsedEventLog, chunk: LogChunk, customer_map: &[u32], errors: &mut RowErrors) {
    let LogChunk { names, personas, rows, errors: chunk_errors, rows_read, .. } = chunk;
    log.rows_read += rows_read;
    errors.append(chunk_errors);
    let event_map: Vec<EventId> = names.iter().map(|(_, name)| log.names.intern(name)).collect();
    let persona_map: Vec<u32> = personas
        .slots
        .iter()
        // Names were validated when the chunk was parsed, so this cannot fail.
        .map(|slot| log.personas.slot(&slot.name).unwrap_or(NO_PERSONA))
        .collect();
    for mut row in rows {
        row.customer = customer_map[row.customer as usize];
        row.event = event_map[row.event.index()];
        if row.persona != NO_PERSONA {
            row.persona = persona_map[row.persona as usize];
            log.customer_persona[row.customer as usize].offer(PersonaPick {
                slot: row.persona,
                at: row.at_seconds,
                line: row.line,
            });
        }
        log.rows.push(row);
    }
}
