//! CSV import of customer events and emotion entries.
//!
//! An import runs in two phases. The whole file is read and validated first, into compact
//! rows held in memory, without touching the database; then one transaction resolves the
//! rows against the workspace (existing personas and customers), re-validates what needs
//! the database (a customer's persona) and writes everything. Any invalid row fails the
//! whole import before anything is written, unless the caller asked to skip invalid rows.
//!
//! - `csv`: the header, fields, line numbers, and where a file may be cut.
//! - `fields`: stages, dates, scores and sources.
//! - `personas`: persona names met in a file, resolved against the workspace.
//! - `events`, `event_parse`, `event_write`: customer events (parsed in parallel chunks).
//! - `emotions`: emotion entries.
//! - `event_log`, `event_log_parse`, `event_log_import`: event logs (any "customer, event,
//!   time" file) turned into stage events by stage rules; `rules_file`: the rules as CSV.
//! - `parallel`: the chunked parallel parse both large imports use.
//! - `preview`: the first rows of a file, for the import wizard.
//! - `opportunities`: the opportunity backlog (into one journey version).
//! - `options`: what a file holds, how to treat bad rows, progress.
//! - `errors`: why rows were rejected ([`RowProblem`]), as data; the words are in
//!   `i18n/import.rs`. `summary`: what an import did.
//!
//! The bulk write path (multi-row INSERTs, index rebuild) is `store/bulk.rs`, shared with
//! the demo generator.

mod csv;
mod customer_join;
mod customer_key;
mod emotions;
mod errors;
mod event_log;
mod event_log_import;
mod event_log_parse;
mod event_parse;
mod event_write;
mod events;
mod fields;
mod opportunities;
mod options;
mod parallel;
mod personas;
mod preview;
mod rules_file;
mod summary;

use std::fs::File;
use std::io::Read;
use std::path::Path;

use rusqlite::TransactionBehavior;

pub use errors::{ROW_ERRORS_KEPT, ROW_ERRORS_SHOWN, RowError, RowProblem};
pub use event_log::{
    EventColumn, EventLogColumns, EventLogRow, ParsedEventLog, PersonaSource, read_event_log,
    read_event_log_bytes,
};
pub use event_log_import::{EventImportSummary, EventLogPreview, EventPreview, TOP_UNMATCHED};
pub(crate) use events::{EventBatch, write_event_batch};
pub use options::{ImportKind, ImportOptions, ImportProgress, PROGRESS_EVERY};
pub use rules_file::{RULES_HEADER, read_stage_rules_bytes, read_stage_rules_file, stage_rules_csv};
pub use summary::ImportSummary;
// The import wizard's look at a file's head.
pub use preview::{CsvPreview, preview_csv};

use self::csv::{parse_header, read_all};
use self::emotions::EmotionBatch;
use super::bulk::bulk_write;
use super::{Result, StoreError, Workspace};
use crate::model::customer::CustomerEvent;

// ---------------------------------------------------------------------------------------
// The workspace API

impl Workspace {
    /// Imports a CSV file of `kind` (see [`ImportKind::columns`]). Refuses the whole file,
    /// writing nothing, when any row is invalid, unless `options.skip_invalid`.
    pub fn import_csv(
        &mut self,
        kind: ImportKind,
        path: &Path,
        options: ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        let file = File::open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        self.import_csv_from(kind, file, path, options, progress)
    }

    /// Like [`Self::import_csv`] for CSV text from any reader; `name` stands for the file
    /// in messages.
    pub fn import_csv_from(
        &mut self,
        kind: ImportKind,
        input: impl Read,
        name: &Path,
        options: ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportSummary> {
        // The whole file in memory: a million rows are ~50 MB, and it lets the parse use
        // every core (see EventBatch::read_csv).
        let bytes = read_all(input, name)?;
        let header = parse_header(&bytes, name, kind)?;
        let mut summary = ImportSummary::new(kind);
        match kind {
            ImportKind::Customers => {
                let (mut batch, rows) =
                    EventBatch::read_csv(&bytes, &header, name, options.cancel.as_deref(), progress)?;
                summary.rows = rows;
                batch.cancel.clone_from(&options.cancel);
                self.write_events(batch, name, options.skip_invalid, &mut summary, progress)?;
            }
            ImportKind::Emotions => {
                let cancel = options.cancel.as_deref();
                let (batch, rows) = EmotionBatch::read_csv(&bytes, &header, name, cancel, progress)?;
                summary.rows = rows;
                let tx = self.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
                batch.resolve_and_write(&tx, name, options.skip_invalid, cancel, &mut summary, progress)?;
                tx.commit()?;
            }
            ImportKind::Opportunities => {
                let today = chrono::Local::now().date_naive();
                return self.import_opportunities(&bytes[..], name, None, options, today);
            }
        }
        Ok(summary)
    }

    /// Imports events given in code, through the same path as a customers CSV: unknown
    /// personas are created, the earliest date per customer and stage wins, and any invalid
    /// event (empty id or persona, a customer with two personas) fails the whole call.
    pub fn import_customer_events(
        &mut self,
        events: impl IntoIterator<Item = CustomerEvent>,
    ) -> Result<ImportSummary> {
        let mut batch = EventBatch::default();
        let mut rows = 0;
        for event in events {
            rows += 1;
            batch.push_event(rows, &event);
        }
        let mut summary = ImportSummary::new(ImportKind::Customers);
        summary.rows = rows;
        self.write_events(batch, Path::new("the events"), false, &mut summary, &mut |_| {})?;
        Ok(summary)
    }

    fn write_events(
        &mut self,
        batch: EventBatch,
        path: &Path,
        skip: bool,
        summary: &mut ImportSummary,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<()> {
        let rows = batch.rows.len();
        bulk_write(self.conn_mut(), rows, |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            batch.resolve_and_write(&tx, path, skip, summary, progress)?;
            tx.commit()?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::csv::{Header, chunk_starts};
    use super::*;

    /// Rows, customers (id, persona, first line), errors and error count of a batch.
    type Snapshot = (Vec<(u32, u8, i64, u64)>, Vec<(String, String, u64)>, Vec<RowError>, u64);

    /// What a batch holds, in a comparable form.
    fn snapshot(batch: &EventBatch) -> Snapshot {
        let rows = batch.rows.iter().map(|r| (r.customer, r.stage, r.at, r.line)).collect();
        let customers = batch
            .customers
            .iter()
            .map(|c| (c.external.to_string(), batch.personas.name(c.persona).to_owned(), c.line))
            .collect();
        let mut errors = batch.errors.kept.clone();
        errors.sort_by_key(|e| e.line);
        (rows, customers, errors, batch.errors.count)
    }

    /// Parses `bytes` in `chunks` chunks; returns the batch's snapshot and the rows read.
    fn parse_in(bytes: &[u8], header: &Header, chunks: usize) -> (Snapshot, u64) {
        let (batch, rows) =
            EventBatch::read_csv_in(bytes, header, Path::new("t.csv"), None, &mut |_| {}, chunks)
                .expect("parse");
        (snapshot(&batch), rows)
    }

    /// A customers file with conflicts, bad stages and dates, empty fields and blank rows.
    fn messy_customers(rows: usize, seed: u64, quoted: bool) -> String {
        let mut csv = String::from("\u{feff}customer_id;persona;stage;reached_at\r\n");
        let mut rng = fastrand::Rng::with_seed(seed);
        for i in 0..rows {
            let customer = format!("c{}", rng.u32(0..700));
            // Mostly one persona per customer, sometimes another (a conflict), spelled in
            // different cases; some invalid stages, dates and empty fields.
            let persona = match rng.u8(0..40) {
                0 => "Khác".to_owned(),
                1 => String::new(),
                n if n < 20 => format!("P{}", customer.len() % 3),
                _ => format!("p{}", customer.len() % 3),
            };
            let stage = if rng.u8(0..50) == 0 { "9".to_owned() } else { rng.u8(1..=8).to_string() };
            let date = if rng.u8(0..60) == 0 {
                "2024-02-30".to_owned()
            } else {
                format!("2024-0{}-1{}", rng.u8(1..=9), rng.u8(0..=9))
            };
            if quoted {
                // Quoted fields holding the delimiter, escaped quotes and line ends (these
                // only in a column the importer does not read: an id may not hold one).
                let customer = match rng.u8(0..4) {
                    0 => format!("\"{customer};x\""),
                    1 => format!("\"{customer}\"\"\""),
                    _ => customer,
                };
                let note = if rng.u8(0..4) == 0 { "\"x\r\n\n;\"\"\n\"" } else { "" };
                let persona = if rng.bool() { format!("\"{persona}\"") } else { persona };
                csv.push_str(&format!("{customer};{persona};\"{stage}\";{date};{note}\r\n"));
            } else {
                csv.push_str(&format!("{customer};{persona};{stage};{date}\r\n"));
            }
            if i % 500 == 0 {
                csv.push_str(";;;\r\n");
            }
        }
        csv
    }

    #[test]
    fn parsing_in_two_halves_equals_parsing_in_one() {
        let csv = messy_customers(4_000, 5, false);
        let bytes = csv.as_bytes();
        let header = parse_header(bytes, Path::new("t.csv"), ImportKind::Customers).expect("header");
        assert_eq!(chunk_starts(&bytes[header.data_start..], header.delimiter, 2).len(), 1);
        let (one, rows_one) = parse_in(bytes, &header, 1);
        let (two, rows_two) = parse_in(bytes, &header, 2);
        assert_eq!(rows_one, rows_two);
        assert_eq!(rows_one, 4_000);
        assert_eq!(one.0.first().map(|r| r.3), Some(2), "the header is line 1");
        assert!(one.3 > 100, "the data has errors to compare");
        assert_eq!(one, two);
    }

    #[test]
    fn parsing_in_many_chunks_equals_parsing_in_one() {
        let csv = messy_customers(3_000, 11, false);
        let bytes = csv.as_bytes();
        let header = parse_header(bytes, Path::new("t.csv"), ImportKind::Customers).expect("header");
        let one = parse_in(bytes, &header, 1);
        for chunks in [3, 7, 64, 1_000, 100_000] {
            assert_eq!(parse_in(bytes, &header, chunks), one, "{chunks} chunks");
        }
        let cuts = chunk_starts(&bytes[header.data_start..], header.delimiter, 1_000);
        assert!(cuts.len() > 500, "every few rows a chunk: {}", cuts.len());
    }

    #[test]
    fn quoted_fields_with_line_ends_parse_the_same_in_chunks() {
        let csv = messy_customers(3_000, 7, true);
        let bytes = csv.as_bytes();
        let header = parse_header(bytes, Path::new("t.csv"), ImportKind::Customers).expect("header");
        let data = &bytes[header.data_start..];
        let one = parse_in(bytes, &header, 1);
        assert_eq!(one.1, 3_000);
        assert!(one.0.0.len() > 2_000 && one.0.3 > 100, "valid and invalid rows to compare");
        let mut naive_cut_inside_quotes = false;
        for chunks in [2, 3, 16, 97, 1_000] {
            assert_eq!(parse_in(bytes, &header, chunks), one, "{chunks} chunks");
            // The first newline after each target is often inside a quoted field here; the
            // cuts must avoid it.
            let cuts = chunk_starts(data, header.delimiter, chunks);
            for k in 1..chunks {
                let target = data.len() * k / chunks;
                let naive = data[target..].iter().position(|&b| b == b'\n').map(|i| target + i + 1);
                naive_cut_inside_quotes |= naive.is_some_and(|n| n < data.len() && !cuts.contains(&n));
            }
        }
        assert!(naive_cut_inside_quotes, "the test cuts through quoted fields");
        // A row after a quoted field spanning three lines is on the right line.
        let text =
            "customer_id,persona,stage,reached_at,note\na,P,1,2024-01-01,\"x\n\n\"\nb,P,9,2024-01-01\n";
        let header =
            parse_header(text.as_bytes(), Path::new("t.csv"), ImportKind::Customers).expect("header");
        for chunks in [1, 2, 5] {
            let (snapshot, _) = parse_in(text.as_bytes(), &header, chunks);
            assert_eq!(snapshot.2.iter().map(|e| e.line).collect::<Vec<_>>(), [5], "{chunks} chunks");
        }
    }

    #[test]
    fn progress_counts_the_rows_of_every_chunk() {
        let mut csv = String::from("customer_id,persona,stage,reached_at\n");
        for i in 0..250_000 {
            csv.push_str(&format!("c{i},P,1,2024-01-01\n"));
        }
        let bytes = csv.as_bytes();
        let header = parse_header(bytes, Path::new("t.csv"), ImportKind::Customers).expect("header");
        for chunks in [1, 8] {
            let mut seen = Vec::new();
            let (batch, rows) = EventBatch::read_csv_in(
                bytes,
                &header,
                Path::new("t.csv"),
                None,
                &mut |p| seen.push(p),
                chunks,
            )
            .expect("parse");
            assert_eq!((rows, batch.rows.len()), (250_000, 250_000));
            let read = [100_000, 200_000, 250_000].map(ImportProgress::Read);
            assert_eq!(seen, read, "{chunks} chunks");
        }
    }
}
