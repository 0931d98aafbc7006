//! Parsing a customers CSV held in memory: cut into chunks at record boundaries, the chunks
//! parsed on rayon's threads (`parallel.rs`), then joined in file order, so the result is
//! the same as reading the rows one by one.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use rustc_hash::FxHashMap;

use super::ImportProgress;
use super::csv::{Header, LineCounter, csv_error, field, is_blank, record_quotes_ok};
use super::errors::{RowErrors, RowProblem};
use super::events::{BatchCustomer, EventBatch, EventRow, NO_PERSONA};
use super::fields::{CUSTOMER_ID_MAX_CHARS, StageParser, parse_epoch, required, too_long};
use super::parallel::{ChunkedParse, RowTicker, chunk_count};
use super::personas::PersonaSlots;
use crate::store::Result;

/// Rows of one part of a file, with customers and personas numbered within the part.
#[derive(Debug, Default)]
pub(super) struct ParsedChunk {
    pub(super) rows: Vec<ParsedRow>,
    /// External ids, by local customer number.
    pub(super) customers: Vec<Box<str>>,
    /// External id → local customer number.
    pub(super) customer_index: FxHashMap<Box<str>, u32>,
    pub(super) personas: PersonaSlots,
    pub(super) errors: RowErrors,
    pub(super) rows_read: u64,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct ParsedRow {
    pub(super) customer: u32,
    pub(super) persona: u32,
    pub(super) stage: u8,
    pub(super) at: i64,
    pub(super) line: u64,
}

/// Parses and validates the fields of the customers rows in `data`. Everything that needs
/// only the row itself is checked here; customer–persona consistency across rows is
/// checked when chunks are combined ([`EventBatch::absorb`]). `ticker` hears of every row.
fn parse_chunk(
    data: &[u8],
    header: &Header,
    line_offset: u64,
    path: &Path,
    ticker: &mut RowTicker<'_>,
) -> Result<ParsedChunk> {
    let mut chunk = ParsedChunk::default();
    let mut stages = StageParser::default();
    let mut record = csv::ByteRecord::new();
    let mut problems = Vec::new();
    let cols = &header.columns;
    let mut reader = header.reader(data);
    let mut lines = LineCounter::new(line_offset);
    let single_line: Vec<usize> = cols.iter().flatten().copied().collect();
    while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
        if is_blank(&record) {
            continue;
        }
        chunk.rows_read += 1;
        ticker.row()?;
        let line = lines.line(data, &record);
        if !record_quotes_ok(data, &record, reader.position().byte(), header.delimiter, &single_line) {
            chunk.errors.push_one(line, RowProblem::StrayQuote);
            continue;
        }
        let customer =
            required(field(&record, cols[0], path, line)?, "customer_id", &mut problems).and_then(|id| {
                match too_long(id, "customer_id", CUSTOMER_ID_MAX_CHARS) {
                    Some(problem) => {
                        problems.push(problem);
                        None
                    }
                    None => Some(id),
                }
            });
        let persona = required(field(&record, cols[1], path, line)?, "persona", &mut problems)
            .and_then(|name| chunk.personas.slot(name).map_err(|e| problems.push(e)).ok());
        let stage = required(field(&record, cols[2], path, line)?, "stage", &mut problems)
            .and_then(|text| stages.parse(text).map_err(|e| problems.push(e)).ok());
        let at = required(field(&record, cols[3], path, line)?, "reached_at", &mut problems)
            .and_then(|text| parse_epoch(text).map_err(|e| problems.push(e)).ok());
        let (Some(customer), Some(persona), Some(stage), Some(at), true) =
            (customer, persona, stage, at, problems.is_empty())
        else {
            chunk.errors.push(line, std::mem::take(&mut problems));
            continue;
        };
        let customer = match chunk.customer_index.get(customer) {
            Some(&index) => index,
            None => {
                let Ok(index) = u32::try_from(chunk.customers.len()) else {
                    chunk.errors.push_one(line, RowProblem::TooManyCustomers);
                    continue;
                };
                chunk.customers.push(customer.into());
                chunk.customer_index.insert(customer.into(), index);
                index
            }
        };
        chunk.rows.push(ParsedRow { customer, persona, stage: stage.number(), at, line });
    }
    Ok(chunk)
}

impl EventBatch {
    /// Adds a parsed chunk's rows in order, registering customers at their first row and
    /// turning rows that give a customer another persona into row errors.
    pub(super) fn absorb(&mut self, chunk: ParsedChunk) {
        let ParsedChunk { rows, customers, customer_index, personas, errors, .. } = chunk;
        let persona_map: Vec<u32> = personas
            .slots
            .iter()
            // Names were validated when the chunk was parsed, so this cannot fail.
            .map(|slot| self.personas.slot(&slot.name).unwrap_or(0))
            .collect();
        let customer_map: Vec<u32> = if self.customers.is_empty() {
            // The first chunk: its customers become the batch's as they are.
            self.customer_index = customer_index;
            self.customers = customers
                .into_iter()
                .map(|external| BatchCustomer { external, persona: NO_PERSONA, line: 0 })
                .collect();
            (0..self.customers.len() as u32).collect()
        } else {
            customers
                .into_iter()
                .map(|external| match self.customer_index.get(&external) {
                    Some(&index) => index,
                    None => {
                        let index = self.customers.len() as u32;
                        self.customer_index.insert(external.clone(), index);
                        self.customers.push(BatchCustomer { external, persona: NO_PERSONA, line: 0 });
                        index
                    }
                })
                .collect()
        };
        self.rows.reserve(rows.len());
        for row in rows {
            let index = customer_map[row.customer as usize];
            let persona = persona_map[row.persona as usize];
            let customer = &mut self.customers[index as usize];
            if customer.persona == NO_PERSONA {
                customer.persona = persona;
                customer.line = row.line;
            } else if customer.persona != persona {
                let problem = RowProblem::PersonaConflict {
                    customer: customer.external.to_string(),
                    first_persona: self.personas.name(customer.persona).to_owned(),
                    first_line: customer.line,
                    persona: self.personas.name(persona).to_owned(),
                };
                self.errors.push_one(row.line, problem);
                continue;
            }
            self.rows.push(EventRow { customer: index, stage: row.stage, at: row.at, line: row.line });
        }
        self.errors.append(errors);
    }

    /// Reads the data rows of a customers CSV held in memory, in parallel when it is large;
    /// the result is the same as reading the rows in order. Returns the rows read.
    pub(super) fn read_csv(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        cancel: Option<&AtomicBool>,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<(Self, u64)> {
        let chunks = chunk_count(bytes.len().saturating_sub(header.data_start));
        Self::read_csv_in(bytes, header, path, cancel, progress, chunks)
    }

    /// [`Self::read_csv`] in about `chunks` chunks.
    pub(super) fn read_csv_in(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        cancel: Option<&AtomicBool>,
        progress: &mut dyn FnMut(ImportProgress),
        chunks: usize,
    ) -> Result<(Self, u64)> {
        let parse = ChunkedParse {
            data: &bytes[header.data_start..],
            delimiter: header.delimiter,
            line_offset: header.line_offset,
            chunks,
            path,
            cancel,
        };
        let parsed =
            parse.run(progress, |piece, offset, ticker| parse_chunk(piece, header, offset, path, ticker))?;
        let mut batch = Self::default();
        let mut rows = 0;
        for chunk in parsed {
            rows += chunk.rows_read;
            batch.absorb(chunk);
        }
        Ok((batch, rows))
    }
}
