//! CSV import of customer events and emotion entries, and the bulk write path that the
//! demo generator and [`Workspace::import_customer_events`] share with it.
//!
//! An import runs in two phases. The whole file is read and validated first, into compact
//! rows held in memory, without touching the database; then one transaction resolves the
//! rows against the workspace (existing personas and customers), re-validates what needs
//! the database (a customer's persona) and writes everything. Any invalid row fails the
//! whole import before anything is written, unless the caller asked to skip invalid rows.

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::report::group_digits;
use super::{Result, StoreError, Workspace};
use crate::model::customer::CustomerEvent;
use crate::model::date::{parse_date_time, to_epoch_seconds};
use crate::model::emotion::{EmotionEntry, Score, Source};
use crate::model::persona::{NAME_MAX_CHARS, Persona, PersonaId, Rgb};
use crate::model::stage::Stage;

/// What a CSV file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportKind {
    /// `customer_id,persona,stage,reached_at`: customers reaching stages.
    Customers,
    /// `persona,stage,score,label,note,touchpoint,source,logged_at`: emotion entries.
    Emotions,
}

impl ImportKind {
    /// The columns the importer reads, in the documented order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Self::Customers => &["customer_id", "persona", "stage", "reached_at"],
            Self::Emotions => {
                &["persona", "stage", "score", "label", "note", "touchpoint", "source", "logged_at"]
            }
        }
    }

    /// How many of [`Self::columns`] (from the start) every file must have.
    fn required(self) -> usize {
        match self {
            Self::Customers => 4,
            Self::Emotions => 3,
        }
    }

    fn rows_noun(self) -> &'static str {
        match self {
            Self::Customers => "events",
            Self::Emotions => "emotion entries",
        }
    }
}

/// How to treat invalid rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Import the valid rows and report the invalid ones, instead of refusing the whole file.
    pub skip_invalid: bool,
}

/// Reported while a long import runs, so a caller can show progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportProgress {
    /// Data rows read and validated so far (reported every [`PROGRESS_EVERY`] rows).
    Read(u64),
    /// Rows written so far, out of the total to write.
    Written { done: u64, total: u64 },
}

/// How many rows pass between two progress reports.
pub const PROGRESS_EVERY: u64 = 100_000;

/// One rejected row: its 1-based line in the file (the header is line 1) and why.
/// For events passed to [`Workspace::import_customer_events`], `line` is the event's
/// 1-based position in the sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Row errors shown in a message before "… and N more".
pub const ROW_ERRORS_SHOWN: usize = 20;

/// Row errors kept in [`ImportSummary::skipped_rows`] and in the error; a file that is wrong
/// throughout could otherwise hold millions of messages in memory.
pub const ROW_ERRORS_KEPT: usize = 1000;

/// The lines of a row-error list: the first [`ROW_ERRORS_SHOWN`], then "… and N more".
pub fn row_error_lines(rows: &[RowError], count: u64) -> String {
    let mut text = String::new();
    for row in rows.iter().take(ROW_ERRORS_SHOWN) {
        text.push_str("\n  ");
        text.push_str(&row.to_string());
    }
    let shown = rows.len().min(ROW_ERRORS_SHOWN) as u64;
    if count > shown {
        text.push_str(&format!("\n  … and {} more", group_digits(count - shown)));
    }
    text
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    pub kind: ImportKind,
    /// Data rows read (the header and blank rows not counted).
    pub rows: u64,
    /// Invalid rows left out (only with [`ImportOptions::skip_invalid`]).
    pub skipped: u64,
    /// The first [`ROW_ERRORS_KEPT`] skipped rows, by line.
    pub skipped_rows: Vec<RowError>,
    /// Events or emotion entries written that were not there before.
    pub added: u64,
    /// Events moved to an earlier date (the earliest date of a customer's stage wins).
    pub updated: u64,
    /// Valid rows that changed nothing: already in the workspace, or repeated in the file.
    pub unchanged: u64,
    /// Customers that did not exist before.
    pub customers_created: u64,
    /// Personas created because no persona had their name, in order of first appearance.
    pub personas_created: Vec<String>,
}

impl ImportSummary {
    fn new(kind: ImportKind) -> Self {
        Self {
            kind,
            rows: 0,
            skipped: 0,
            skipped_rows: Vec::new(),
            added: 0,
            updated: 0,
            unchanged: 0,
            customers_created: 0,
            personas_created: Vec::new(),
        }
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} rows read: {} {} added",
            group_digits(self.rows),
            group_digits(self.added),
            self.kind.rows_noun()
        )?;
        if self.kind == ImportKind::Customers {
            write!(f, ", {} moved to an earlier date", group_digits(self.updated))?;
        }
        write!(f, ", {} already there", group_digits(self.unchanged))?;
        if self.kind == ImportKind::Customers {
            write!(f, "; {} new customers", group_digits(self.customers_created))?;
        }
        f.write_str(".")?;
        if !self.personas_created.is_empty() {
            write!(f, "\nNew personas: {}.", self.personas_created.join(", "))?;
        }
        if self.skipped > 0 {
            write!(
                f,
                "\nSkipped {} invalid rows:{}",
                group_digits(self.skipped),
                row_error_lines(&self.skipped_rows, self.skipped)
            )?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Row errors

/// Collects row errors, keeping the [`ROW_ERRORS_KEPT`] lowest line numbers and a count.
#[derive(Debug, Default)]
struct RowErrors {
    kept: Vec<RowError>,
    count: u64,
}

impl RowErrors {
    fn push(&mut self, line: u64, reason: String) {
        self.count += 1;
        self.kept.push(RowError { line, reason });
        // Trim in batches: errors arrive mostly in line order, so this stays cheap.
        if self.kept.len() >= 2 * ROW_ERRORS_KEPT {
            self.trim();
        }
    }

    /// Takes over another collection's errors.
    fn append(&mut self, other: Self) {
        let dropped = other.count - other.kept.len() as u64;
        for error in other.kept {
            self.push(error.line, error.reason);
        }
        self.count += dropped;
    }

    fn trim(&mut self) {
        self.kept.sort_by_key(|e| e.line);
        self.kept.truncate(ROW_ERRORS_KEPT);
    }

    fn into_sorted(mut self) -> (Vec<RowError>, u64) {
        self.trim();
        (self.kept, self.count)
    }

    /// Fails with every error unless `skip`; with `skip`, moves them into the summary.
    fn settle(self, path: &Path, skip: bool, summary: &mut ImportSummary) -> Result<()> {
        if self.count == 0 {
            return Ok(());
        }
        let (rows, count) = self.into_sorted();
        if !skip {
            return Err(StoreError::InvalidRows { path: path.to_path_buf(), count, rows });
        }
        summary.skipped = count;
        summary.skipped_rows = rows;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Reading CSV

/// Picks `;` when the header line has more semicolons than commas outside quotes
/// (spreadsheets in locales with a decimal comma write `;`), `,` otherwise.
fn detect_delimiter(head: &[u8]) -> u8 {
    let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let (mut commas, mut semicolons, mut quoted) = (0_usize, 0_usize, false);
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

fn csv_error(path: &Path, err: csv::Error) -> StoreError {
    if err.is_io_error() {
        if let csv::ErrorKind::Io(source) = err.into_kind() {
            return StoreError::Io { path: path.to_path_buf(), source };
        }
        return StoreError::Csv { path: path.to_path_buf(), detail: "read error".to_owned() };
    }
    StoreError::Csv { path: path.to_path_buf(), detail: err.to_string() }
}

fn not_utf8(path: &Path, line: u64) -> StoreError {
    StoreError::Csv {
        path: path.to_path_buf(),
        detail: format!(
            "line {line} is not UTF-8 text; is it a CSV file? Save it as \"CSV UTF-8\" and try again"
        ),
    }
}

/// What the header line says: the delimiter, where each column is, where data starts.
#[derive(Clone, Debug)]
struct Header {
    delimiter: u8,
    /// Position of each of `kind.columns()` in a record, if the header has it.
    columns: Vec<Option<usize>>,
    /// Byte offset of the first data row in the file.
    data_start: usize,
    /// Newlines before `data_start`: the lines the data rows come after.
    line_offset: u64,
}

impl Header {
    /// A CSV reader over (part of) the data rows.
    fn reader<'b>(&self, data: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(data)
    }
}

/// Reads the header of a whole file held in memory.
fn parse_header(bytes: &[u8], path: &Path, kind: ImportKind) -> Result<Header> {
    let expected = kind.columns().join(",");
    if bytes.is_empty() {
        return Err(StoreError::Csv {
            path: path.to_path_buf(),
            detail: format!("the file is empty; the first line must be a header such as {expected}"),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(StoreError::Csv {
            path: path.to_path_buf(),
            detail: "the file is UTF-16 text; save it as \"CSV UTF-8\" and try again".to_owned(),
        });
    }
    let delimiter = detect_delimiter(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(bytes);
    let mut header = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut header).map_err(|e| csv_error(path, e))? {
        return Err(StoreError::Csv {
            path: path.to_path_buf(),
            detail: format!("the file has no header; the first line must be a header such as {expected}"),
        });
    }
    let line = LineCounter::new(0).line(bytes, &header);
    let mut names = Vec::with_capacity(header.len());
    for field in &header {
        let text = std::str::from_utf8(field).map_err(|_| not_utf8(path, line))?;
        names.push(text.trim().trim_start_matches('\u{feff}').trim().to_lowercase());
    }
    let columns: Vec<Option<usize>> =
        kind.columns().iter().map(|c| names.iter().position(|n| n == c)).collect();
    let missing: Vec<&'static str> = kind.columns()[..kind.required()]
        .iter()
        .zip(&columns)
        .filter(|(_, at)| at.is_none())
        .map(|(name, _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(StoreError::MissingColumns { path: path.to_path_buf(), missing, expected });
    }
    // The reader stands after the header's last field (before the `\n` of a CRLF, which
    // LineCounter skips).
    let data_start = usize::try_from(reader.position().byte()).unwrap_or(bytes.len()).min(bytes.len());
    Ok(Header { delimiter, columns, data_start, line_offset: newlines(&bytes[..data_start]) })
}

/// Reads all of `input`, naming `path` if that fails.
fn read_all(mut input: impl Read, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    Ok(bytes)
}

/// A field of a record: `None` when the record is too short (or the column is optional and
/// absent from the header), trimmed text otherwise.
fn field<'r>(
    record: &'r csv::ByteRecord,
    column: Option<usize>,
    path: &Path,
    line: u64,
) -> Result<Option<&'r str>> {
    let Some(bytes) = column.and_then(|c| record.get(c)) else {
        return Ok(None);
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not_utf8(path, line))?;
    Ok(Some(text.trim()))
}

/// A required field, or a problem added to `problems`.
fn required<'r>(value: Option<&'r str>, name: &str, problems: &mut Vec<String>) -> Option<&'r str> {
    match value {
        None => {
            problems.push(format!("missing {name}"));
            None
        }
        Some("") => {
            problems.push(format!("{name} is empty"));
            None
        }
        Some(text) => Some(text),
    }
}

/// Whether a record is blank: spreadsheets often leave rows of bare delimiters at the end.
fn is_blank(record: &csv::ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// File line numbers of records, counted from their byte offsets.
///
/// csv's own line numbers run one behind after a CRLF (it consumes the `\n` only when
/// reading the next record), so lines are counted here: a record starts at the first byte
/// after its reported offset that is not a line end (blank lines are skipped by csv).
struct LineCounter {
    /// Bytes before `data` (the header, the first half of a split file) and their lines.
    line_offset: u64,
    counted_to: usize,
    newlines: u64,
}

impl LineCounter {
    fn new(line_offset: u64) -> Self {
        Self { line_offset, counted_to: 0, newlines: 0 }
    }

    /// The 1-based line in the file where `record`, read from `data`, starts.
    fn line(&mut self, data: &[u8], record: &csv::ByteRecord) -> u64 {
        let reported = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let mut start = reported.min(data.len()).max(self.counted_to);
        while matches!(data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        self.newlines += newlines(&data[self.counted_to..start]);
        self.counted_to = start;
        self.line_offset + self.newlines + 1
    }
}

/// Parses stage text, remembering names already seen: matching a stage name folds
/// diacritics, which is too slow to repeat a million times.
#[derive(Default)]
struct StageParser {
    seen: HashMap<Box<str>, Stage>,
}

impl StageParser {
    fn parse(&mut self, text: &str) -> Result<Stage, String> {
        if let [digit @ b'1'..=b'8'] = text.as_bytes() {
            return Stage::from_number(digit - b'0').ok_or_else(|| text.to_owned());
        }
        if let Some(stage) = self.seen.get(text) {
            return Ok(*stage);
        }
        let stage = text.parse::<Stage>().map_err(|e| e.to_string())?;
        self.seen.insert(text.into(), stage);
        Ok(stage)
    }
}

/// Parses a date like [`parse_date_time`], with a fast path for the two ISO shapes that
/// make up nearly every large export. The fast path accepts only what `parse_date_time`
/// accepts, with the same value; anything else goes to `parse_date_time`.
fn parse_epoch(text: &str) -> Result<i64, String> {
    fn digits(bytes: &[u8]) -> Option<u32> {
        bytes.iter().try_fold(0_u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    }
    let fast = || -> Option<i64> {
        let b = text.as_bytes();
        if b.len() != 10 && b.len() != 19 {
            return None;
        }
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = i32::try_from(digits(&b[0..4])?).ok()?;
        let date = NaiveDate::from_ymd_opt(year, digits(&b[5..7])?, digits(&b[8..10])?)?;
        let time = if b.len() == 19 {
            if !matches!(b[10], b'T' | b' ') || b[13] != b':' || b[16] != b':' {
                return None;
            }
            date.and_hms_opt(digits(&b[11..13])?, digits(&b[14..16])?, digits(&b[17..19])?)?
        } else {
            date.and_hms_opt(0, 0, 0)?
        };
        Some(to_epoch_seconds(time))
    };
    match fast() {
        Some(seconds) => Ok(seconds),
        None => parse_date_time(text).map(to_epoch_seconds).map_err(|e| e.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Hashing

/// A fast hasher for the importer's maps of short strings (customer ids, persona names),
/// which SipHash made a fifth of the parse time. It is not DoS-resistant; a file crafted
/// against it can only make its own import slower.
#[derive(Clone, Copy, Default)]
struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        let mut tail = [0_u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(tail) ^ bytes.len() as u64).wrapping_mul(K);
    }

    fn write_u8(&mut self, byte: u8) {
        self.write(&[byte]);
    }

    fn finish(&self) -> u64 {
        // Fold the high bits down: hashbrown picks buckets from the low bits.
        self.0 ^ (self.0 >> 29)
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

// ---------------------------------------------------------------------------------------
// Personas named in a file

/// A persona named by the rows, before the database is consulted.
#[derive(Debug)]
struct PersonaSlot {
    /// The name as first written in the file, trimmed.
    name: String,
    key: String,
    /// Set when resolved: the existing persona with this key, or the one just created.
    id: Option<i64>,
}

/// Persona names → slots, matching names by [`Persona::name_key`].
#[derive(Debug, Default)]
struct PersonaSlots {
    slots: Vec<PersonaSlot>,
    by_key: FastMap<String, u32>,
    /// Exact text → slot, so the common case costs one lookup and no allocation.
    by_text: FastMap<Box<str>, u32>,
}

impl PersonaSlots {
    /// The slot of a (trimmed, non-empty) persona name, or a problem with the name.
    fn slot(&mut self, name: &str) -> Result<u32, String> {
        if let Some(&slot) = self.by_text.get(name) {
            return Ok(slot);
        }
        let chars = name.chars().count();
        if chars > NAME_MAX_CHARS {
            return Err(format!("persona name is {chars} characters long; the limit is {NAME_MAX_CHARS}"));
        }
        let key = Persona::name_key(name);
        let slot = match self.by_key.get(&key) {
            Some(&slot) => slot,
            None => {
                let slot = u32::try_from(self.slots.len()).map_err(|_| "too many personas".to_owned())?;
                self.slots.push(PersonaSlot { name: name.to_owned(), key: key.clone(), id: None });
                self.by_key.insert(key, slot);
                slot
            }
        };
        self.by_text.insert(name.into(), slot);
        Ok(slot)
    }

    fn name(&self, slot: u32) -> &str {
        self.slots.get(slot as usize).map_or("", |s| s.name.as_str())
    }

    /// Looks every slot up among the workspace's personas.
    fn resolve(&mut self, conn: &Connection) -> Result<()> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM personas WHERE name_key = ?1")?;
        for slot in &mut self.slots {
            if let Some((id, name)) = stmt
                .query_row([&slot.key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .optional()?
            {
                // Messages then use the workspace's spelling of the name.
                slot.id = Some(id);
                slot.name = name;
            }
        }
        Ok(())
    }

    /// Creates the personas of the slots marked `used` that do not exist yet, with colours
    /// from the palette continuing after the existing personas; returns their names.
    fn create_used(&mut self, tx: &Transaction<'_>, used: &[bool]) -> Result<Vec<String>> {
        let mut created = Vec::new();
        let existing: i64 = tx.query_row("SELECT count(*) FROM personas", [], |r| r.get(0))?;
        let existing = usize::try_from(existing).unwrap_or(0);
        let mut insert =
            tx.prepare_cached("INSERT INTO personas (name, name_key, color) VALUES (?1, ?2, ?3)")?;
        let new_slots = self.slots.iter_mut().zip(used).filter(|(s, used)| **used && s.id.is_none());
        for (k, (slot, _)) in new_slots.enumerate() {
            let color = Rgb::PALETTE[(existing + k) % Rgb::PALETTE.len()];
            insert.execute(params![slot.name, slot.key, color.to_hex()])?;
            slot.id = Some(tx.last_insert_rowid());
            created.push(slot.name.clone());
        }
        Ok(created)
    }
}

fn persona_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM personas WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| format!("#{id}")))
}

// ---------------------------------------------------------------------------------------
// Customer events

/// A customer named by the rows.
#[derive(Debug)]
struct BatchCustomer {
    external: Box<str>,
    persona: u32,
    /// Line of the row that introduced the customer, for conflict messages.
    line: u64,
}

/// One event, compact: a million of them fit in 24 MB.
#[derive(Clone, Copy, Debug)]
struct EventRow {
    customer: u32,
    stage: u8,
    at: i64,
    line: u64,
}

/// The customer as the workspace has it.
#[derive(Clone, Copy, Debug)]
struct ExistingCustomer {
    id: i64,
    persona: Option<i64>,
    first_at: i64,
}

/// Validated customer events in memory, ready to be resolved and written.
#[derive(Debug, Default)]
pub(crate) struct EventBatch {
    personas: PersonaSlots,
    customer_index: FastMap<Box<str>, u32>,
    customers: Vec<BatchCustomer>,
    rows: Vec<EventRow>,
    errors: RowErrors,
}

/// A customer whose first valid row has not been seen yet.
const NO_PERSONA: u32 = u32::MAX;

/// Rows of one part of a file, with customers and personas numbered within the part.
#[derive(Debug, Default)]
struct ParsedChunk {
    rows: Vec<ParsedRow>,
    /// External ids, by local customer number.
    customers: Vec<Box<str>>,
    /// External id → local customer number.
    customer_index: FastMap<Box<str>, u32>,
    personas: PersonaSlots,
    errors: RowErrors,
    rows_read: u64,
}

#[derive(Clone, Copy, Debug)]
struct ParsedRow {
    customer: u32,
    persona: u32,
    stage: u8,
    at: i64,
    line: u64,
}

/// Below this size a file is parsed on one thread: a second one would not pay for itself.
const PARALLEL_PARSE_BYTES: usize = 4 << 20;

/// Where the data rows may be cut in two for parsing on two threads: the start of the line
/// after the middle, when no quote comes before it (a quoted field could hold a newline,
/// and then the cut might fall inside it). None for small files or when no cut is safe.
fn split_point(data: &[u8], parallel_from: usize) -> Option<usize> {
    if data.len() < parallel_from.max(1) {
        return None;
    }
    let middle = data.len() / 2;
    let newline = data[middle..].iter().position(|&b| b == b'\n')?;
    let split = middle + newline + 1;
    (split < data.len() && !data[..split].contains(&b'"')).then_some(split)
}

/// Newlines in `bytes`: csv counts lines by them, so this is how many lines they span.
fn newlines(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b == b'\n').count() as u64
}

/// Parses and validates the fields of the customers rows in `data`. Everything that needs
/// only the row itself is checked here; customer–persona consistency across rows is
/// checked when chunks are combined ([`EventBatch::absorb`]).
fn parse_chunk(
    data: &[u8],
    header: &Header,
    line_offset: u64,
    path: &Path,
    read: &AtomicU64,
    report: &mut dyn FnMut(u64),
) -> Result<ParsedChunk> {
    let mut chunk = ParsedChunk::default();
    let mut stages = StageParser::default();
    let mut record = csv::ByteRecord::new();
    let mut problems = Vec::new();
    let cols = &header.columns;
    let mut reader = header.reader(data);
    let mut lines = LineCounter::new(line_offset);
    let mut unreported = 0_u64;
    while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
        if is_blank(&record) {
            continue;
        }
        chunk.rows_read += 1;
        unreported += 1;
        if unreported == 10_000 {
            // Both threads count into `read`; `report` sees the total so far.
            report(read.fetch_add(unreported, Ordering::Relaxed) + unreported);
            unreported = 0;
        }
        let line = lines.line(data, &record);
        problems.clear();
        let customer = required(field(&record, cols[0], path, line)?, "customer_id", &mut problems);
        let persona = required(field(&record, cols[1], path, line)?, "persona", &mut problems)
            .and_then(|name| chunk.personas.slot(name).map_err(|e| problems.push(e)).ok());
        let stage = required(field(&record, cols[2], path, line)?, "stage", &mut problems)
            .and_then(|text| stages.parse(text).map_err(|e| problems.push(e)).ok());
        let at = required(field(&record, cols[3], path, line)?, "reached_at", &mut problems)
            .and_then(|text| parse_epoch(text).map_err(|e| problems.push(e)).ok());
        let (Some(customer), Some(persona), Some(stage), Some(at), true) =
            (customer, persona, stage, at, problems.is_empty())
        else {
            chunk.errors.push(line, problems.join("; "));
            continue;
        };
        let customer = match chunk.customer_index.get(customer) {
            Some(&index) => index,
            None => {
                let Ok(index) = u32::try_from(chunk.customers.len()) else {
                    chunk.errors.push(line, "too many customers in one import".to_owned());
                    continue;
                };
                chunk.customers.push(customer.into());
                chunk.customer_index.insert(customer.into(), index);
                index
            }
        };
        chunk.rows.push(ParsedRow { customer, persona, stage: stage.number(), at, line });
    }
    read.fetch_add(unreported, Ordering::Relaxed);
    Ok(chunk)
}

/// What writing a batch did.
#[derive(Debug, Default)]
struct EventWriteStats {
    added: u64,
    updated: u64,
    unchanged: u64,
    customers_created: u64,
}

impl EventBatch {
    /// Adds one event whose fields are already parsed; `Err` is the reason the row is invalid.
    fn push(
        &mut self,
        line: u64,
        customer: &str,
        persona: &str,
        stage: Stage,
        at: i64,
    ) -> Result<(), String> {
        let slot = self.personas.slot(persona)?;
        let index = match self.customer_index.get(customer) {
            Some(&index) => {
                let known = &self.customers[index as usize];
                if known.persona != slot {
                    return Err(format!(
                        "customer \"{customer}\" is persona \"{}\" on line {}, not \"{persona}\"",
                        self.personas.name(known.persona),
                        known.line
                    ));
                }
                index
            }
            None => {
                let index = u32::try_from(self.customers.len())
                    .map_err(|_| "too many customers in one import".to_owned())?;
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
            Err("customer_id is empty".to_owned())
        } else if persona.is_empty() {
            Err("persona is empty".to_owned())
        } else {
            self.push(line, customer, persona, event.stage, to_epoch_seconds(event.reached_at))
        };
        if let Err(reason) = result {
            self.errors.push(line, reason);
        }
    }

    /// Reads the data rows of a customers CSV held in memory. Large files without quotes
    /// are parsed in two halves on two threads; the result is the same as reading the
    /// rows in order.
    fn read_csv(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<(Self, u64)> {
        Self::read_csv_split(bytes, header, path, progress, PARALLEL_PARSE_BYTES)
    }

    /// [`Self::read_csv`], splitting files of at least `parallel_from` bytes.
    fn read_csv_split(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress),
        parallel_from: usize,
    ) -> Result<(Self, u64)> {
        let data = &bytes[header.data_start..];
        let read = AtomicU64::new(0);
        // Only this thread holds the callback; it reports each multiple of PROGRESS_EVERY
        // passed by both threads together.
        let mut reported = 0;
        let mut report = |total: u64| {
            let mark = total / PROGRESS_EVERY * PROGRESS_EVERY;
            if mark > reported {
                reported = mark;
                progress(ImportProgress::Read(mark));
            }
        };
        let chunks = match split_point(data, parallel_from) {
            None => vec![parse_chunk(data, header, header.line_offset, path, &read, &mut report)?],
            Some(split) => {
                let (first, second) = data.split_at(split);
                let second_offset = header.line_offset + newlines(first);
                std::thread::scope(|scope| {
                    let worker =
                        scope.spawn(|| parse_chunk(second, header, second_offset, path, &read, &mut |_| {}));
                    let first = parse_chunk(first, header, header.line_offset, path, &read, &mut report);
                    // A panic in the worker would be a bug; report it rather than abort.
                    let second = worker.join().unwrap_or_else(|_| {
                        Err(StoreError::Csv { path: path.to_path_buf(), detail: "parsing failed".to_owned() })
                    });
                    Ok::<_, StoreError>(vec![first?, second?])
                })?
            }
        };
        let total = read.load(Ordering::Relaxed);
        if total >= PROGRESS_EVERY && total != reported {
            progress(ImportProgress::Read(total));
        }
        let mut batch = Self::default();
        let mut rows = 0;
        for chunk in chunks {
            rows += chunk.rows_read;
            batch.absorb(chunk);
        }
        Ok((batch, rows))
    }

    /// Adds a parsed chunk's rows in order, registering customers at their first row and
    /// turning rows that give a customer another persona into row errors.
    fn absorb(&mut self, chunk: ParsedChunk) {
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
                let reason = format!(
                    "customer \"{}\" is persona \"{}\" on line {}, not \"{}\"",
                    customer.external,
                    self.personas.name(customer.persona),
                    customer.line,
                    self.personas.name(persona)
                );
                self.errors.push(row.line, reason);
                continue;
            }
            self.rows.push(EventRow { customer: index, stage: row.stage, at: row.at, line: row.line });
        }
        self.errors.append(errors);
    }

    /// Resolves personas and existing customers in the open transaction, turns persona
    /// conflicts with the workspace into row errors (dropping that customer's rows), and,
    /// unless there are errors and `skip` is false, writes everything.
    fn resolve_and_write(
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
            if self.personas.slots[customer.persona as usize].id != Some(persona) {
                rejected[index] = true;
            }
        }
        if rejected.iter().any(|r| *r) {
            let mut reasons: HashMap<u32, String> = HashMap::new();
            for row in self.rows.iter().filter(|r| rejected[r.customer as usize]) {
                let reason = match reasons.get(&row.customer) {
                    Some(reason) => reason.clone(),
                    None => {
                        let customer = &self.customers[row.customer as usize];
                        let owner = existing[row.customer as usize]
                            .and_then(|e| e.persona)
                            .map_or_else(|| Ok(String::new()), |id| persona_name(tx, id))?;
                        let reason = format!(
                            "customer \"{}\" belongs to persona \"{owner}\" in the workspace, not \"{}\"",
                            customer.external,
                            self.personas.name(customer.persona)
                        );
                        reasons.insert(row.customer, reason.clone());
                        reason
                    }
                };
                self.errors.push(row.line, reason);
            }
            self.rows.retain(|r| !rejected[r.customer as usize]);
        }
        std::mem::take(&mut self.errors).settle(path, skip, summary)?;

        let mut used = vec![false; self.personas.slots.len()];
        for (customer, _) in self.customers.iter().zip(&rejected).filter(|(_, r)| !**r) {
            used[customer.persona as usize] = true;
        }
        let personas_created = self.personas.create_used(tx, &used)?;
        let new_rows = self.rows.iter().filter(|r| existing[r.customer as usize].is_none()).count();
        let rebuilt = SecondaryIndexes::drop_for_bulk_write(tx, new_rows)?;
        let stats = self.write(tx, &existing, progress)?;
        rebuilt.recreate(tx)?;
        summary.added = stats.added;
        summary.updated = stats.updated;
        summary.unchanged = stats.unchanged;
        summary.customers_created = stats.customers_created;
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
            let mut stmt = conn.prepare("SELECT external_id, id, persona_id, first_at FROM customers")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let external = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                if let Some(&index) = self.customer_index.get(external) {
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

    /// Writes customers and events, keeping the derived columns in step (see migrations.rs).
    fn write(
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
        while start < self.rows.len() {
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
            let slot_persona = self.personas.slots[batch_customer.persona as usize].id;
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
                    if known.persona.is_none() && persona.is_some() {
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
        new_customers.finish()?;
        new_events.finish()?;
        if total > 0 {
            progress(ImportProgress::Written { done: total, total });
        }
        Ok(stats)
    }
}

/// A row [`BatchInsert`] can write.
trait InsertRow {
    /// `INSERT INTO table (columns) VALUES `, without the values.
    const INSERT: &'static str;
    const COLUMNS: usize;
    /// Binds the row's values to parameters `first..first + COLUMNS` (1-based).
    fn bind(&self, stmt: &mut rusqlite::Statement<'_>, first: usize) -> rusqlite::Result<()>;
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

/// Rows per multi-row INSERT: one statement step per 64 rows instead of per row roughly
/// halves the cost of writing a million events.
const INSERT_BATCH: usize = 64;

/// Buffers rows and writes them [`INSERT_BATCH`] at a time; [`Self::finish`] writes the rest.
struct BatchInsert<'t, R: InsertRow> {
    many: rusqlite::CachedStatement<'t>,
    one: rusqlite::CachedStatement<'t>,
    pending: Vec<R>,
}

impl<'t, R: InsertRow> BatchInsert<'t, R> {
    fn new(tx: &'t Transaction<'_>) -> Result<Self> {
        let values = |n: usize| {
            let row = format!("({})", vec!["?"; R::COLUMNS].join(", "));
            format!("{}{}", R::INSERT, vec![row; n].join(", "))
        };
        Ok(Self {
            many: tx.prepare_cached(&values(INSERT_BATCH))?,
            one: tx.prepare_cached(&values(1))?,
            pending: Vec::with_capacity(INSERT_BATCH),
        })
    }

    fn push(&mut self, row: R) -> Result<()> {
        self.pending.push(row);
        if self.pending.len() == INSERT_BATCH {
            for (i, row) in self.pending.iter().enumerate() {
                row.bind(&mut self.many, 1 + i * R::COLUMNS)?;
            }
            self.many.raw_execute()?;
            self.pending.clear();
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        for row in self.pending.drain(..) {
            row.bind(&mut self.one, 1)?;
            self.one.raw_execute()?;
        }
        Ok(())
    }
}

/// The secondary indexes of `customers` and `stage_events`, dropped around a bulk write.
///
/// Their keys (stage and days, persona and stage …) arrive in random order, so keeping them
/// up to date costs a B-tree search and often a page split per row; building them once
/// afterwards is one sort per index. Measured on a million events into an empty workspace
/// (benches/store.rs): about 5.7 s with the indexes in place, 0.6 s plus 1.7 s for the
/// rebuild without. The definitions are read from the schema, so migrations remain their
/// only source.
struct SecondaryIndexes(Vec<(String, String)>);

impl SecondaryIndexes {
    /// Drops the indexes when `new_rows` (events of customers new to the workspace) are
    /// many and more than the table already holds (rebuilding costs a pass over every
    /// existing row); otherwise keeps them.
    fn drop_for_bulk_write(tx: &Transaction<'_>, new_rows: usize) -> Result<Self> {
        let existing: i64 = tx.query_row("SELECT count(*) FROM stage_events", [], |r| r.get(0))?;
        let rows = i64::try_from(new_rows).unwrap_or(i64::MAX);
        if rows < 50_000 || rows <= existing {
            return Ok(Self(Vec::new()));
        }
        // Indexes with SQL are the declared ones; UNIQUE and PRIMARY KEY ones have none.
        let indexes: Vec<(String, String)> = tx
            .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'
                 AND tbl_name IN ('customers', 'stage_events') AND sql IS NOT NULL",
            )?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (name, _) in &indexes {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        Ok(Self(indexes))
    }

    fn recreate(self, tx: &Transaction<'_>) -> Result<()> {
        for (_, sql) in &self.0 {
            tx.execute_batch(sql)?;
        }
        Ok(())
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

// ---------------------------------------------------------------------------------------
// Emotion entries

#[derive(Debug)]
struct EmotionRow {
    persona: u32,
    stage: Stage,
    score: Score,
    label: String,
    note: String,
    touchpoint: String,
    source: Source,
    logged_at: Option<NaiveDateTime>,
}

/// Everything that makes two emotion entries the same: persona id, stage, score, label,
/// note, touchpoint, source, date.
type EmotionKey<'a> = (i64, u8, i8, &'a str, &'a str, &'a str, Source, Option<NaiveDateTime>);

#[derive(Debug, Default)]
struct EmotionBatch {
    personas: PersonaSlots,
    rows: Vec<EmotionRow>,
    errors: RowErrors,
}

impl EmotionBatch {
    fn read_csv(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<(Self, u64)> {
        let mut batch = Self::default();
        let mut stages = StageParser::default();
        let mut record = csv::ByteRecord::new();
        let mut rows = 0_u64;
        let cols = &header.columns;
        let data = &bytes[header.data_start..];
        let mut reader = header.reader(data);
        let mut lines = LineCounter::new(header.line_offset);
        while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
            if is_blank(&record) {
                continue;
            }
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                progress(ImportProgress::Read(rows));
            }
            let line = lines.line(data, &record);
            let mut problems = Vec::new();
            let get = |i: usize| field(&record, cols[i], path, line);
            let persona = required(get(0)?, "persona", &mut problems);
            let stage = required(get(1)?, "stage", &mut problems)
                .and_then(|text| stages.parse(text).map_err(|e| problems.push(e)).ok());
            let score = required(get(2)?, "score", &mut problems)
                .and_then(|text| text.parse::<Score>().map_err(|e| problems.push(e.to_string())).ok());
            let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
            let (label, note, touchpoint) = (text(get(3)?), text(get(4)?), text(get(5)?));
            let source = match get(6)? {
                None | Some("") => Some(Source::default()),
                Some(value) => value.parse::<Source>().map_err(|e| problems.push(e.to_string())).ok(),
            };
            let logged_at = match get(7)? {
                None | Some("") => Some(None),
                Some(value) => {
                    parse_date_time(value).map(Some).map_err(|e| problems.push(e.to_string())).ok()
                }
            };
            let slot = persona.and_then(|p| batch.personas.slot(p).map_err(|e| problems.push(e)).ok());
            match (slot, stage, score, source, logged_at) {
                (Some(persona), Some(stage), Some(score), Some(source), Some(logged_at))
                    if problems.is_empty() =>
                {
                    batch.rows.push(EmotionRow {
                        persona,
                        stage,
                        score,
                        label,
                        note,
                        touchpoint,
                        source,
                        logged_at,
                    });
                }
                _ => batch.errors.push(line, problems.join("; ")),
            }
        }
        Ok((batch, rows))
    }

    fn resolve_and_write(
        mut self,
        tx: &Transaction<'_>,
        path: &Path,
        skip: bool,
        summary: &mut ImportSummary,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<()> {
        std::mem::take(&mut self.errors).settle(path, skip, summary)?;
        self.personas.resolve(tx)?;
        let mut used = vec![false; self.personas.slots.len()];
        for row in &self.rows {
            used[row.persona as usize] = true;
        }
        summary.personas_created = self.personas.create_used(tx, &used)?;
        // Entries already in the workspace are not added again, counting duplicates: a file
        // with three identical entries adds three the first time and none the second.
        let mut already: HashMap<EmotionKey<'_>, i64> = HashMap::new();
        let mut count = tx.prepare_cached(
            "SELECT count(*) FROM emotions WHERE persona_id = ?1 AND stage = ?2 AND score = ?3
                AND label = ?4 AND note = ?5 AND touchpoint = ?6 AND source = ?7 AND logged_at IS ?8",
        )?;
        let total = self.rows.len() as u64;
        for (done, row) in self.rows.iter().enumerate() {
            let Some(persona) = self.personas.slots[row.persona as usize].id else {
                continue;
            };
            let key = (
                persona,
                row.stage.number(),
                row.score.get(),
                row.label.as_str(),
                row.note.as_str(),
                row.touchpoint.as_str(),
                row.source,
                row.logged_at,
            );
            let remaining = match already.get_mut(&key) {
                Some(n) => n,
                None => {
                    let n: i64 = count.query_row(
                        params![
                            persona,
                            key.1,
                            key.2,
                            key.3,
                            key.4,
                            key.5,
                            row.source.key(),
                            row.logged_at.map(crate::model::date::format_iso)
                        ],
                        |r| r.get(0),
                    )?;
                    already.entry(key).or_insert(n)
                }
            };
            if *remaining > 0 {
                *remaining -= 1;
                summary.unchanged += 1;
                continue;
            }
            super::emotions::insert(
                tx,
                None,
                &EmotionEntry {
                    persona: PersonaId(persona),
                    stage: row.stage,
                    score: row.score,
                    label: row.label.clone(),
                    note: row.note.clone(),
                    touchpoint: row.touchpoint.clone(),
                    source: row.source,
                    logged_at: row.logged_at,
                },
            )?;
            summary.added += 1;
            let done = done as u64 + 1;
            if done.is_multiple_of(PROGRESS_EVERY) {
                progress(ImportProgress::Written { done, total });
            }
        }
        Ok(())
    }
}

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
        // both cores (see EventBatch::read_csv).
        let bytes = read_all(input, name)?;
        let header = parse_header(&bytes, name, kind)?;
        let mut summary = ImportSummary::new(kind);
        match kind {
            ImportKind::Customers => {
                let (batch, rows) = EventBatch::read_csv(&bytes, &header, name, progress)?;
                summary.rows = rows;
                self.write_events(batch, name, options.skip_invalid, &mut summary, progress)?;
            }
            ImportKind::Emotions => {
                let (batch, rows) = EmotionBatch::read_csv(&bytes, &header, name, progress)?;
                summary.rows = rows;
                let tx = self.conn_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
                batch.resolve_and_write(&tx, name, options.skip_invalid, &mut summary, progress)?;
                tx.commit()?;
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

/// Runs `write` (which opens and commits its own transaction) with settings for a bulk
/// write of `rows` events, restoring the previous settings afterwards:
///
/// - A page cache large enough for the tables and indexes being written. SQLite's default
///   (2 MB) holds a sliver of them; past that every insert evicts and re-reads pages,
///   which made a million-row import half again slower.
/// - Foreign-key enforcement off: it costs a parent lookup per inserted row (a third of
///   the write time), and the importer inserts personas before their customers and
///   customers before their events, so every reference it writes exists.
pub(crate) fn bulk_write<T>(
    conn: &mut Connection,
    rows: usize,
    write: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    // About 100 bytes of table and index per event, in KiB; at most 1 GiB.
    let kib = i64::try_from(rows / 10).unwrap_or(i64::MAX).min(1 << 20);
    let cache: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let foreign_keys: bool = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?;
    if kib > 2_000 {
        // A negative cache_size is in KiB rather than pages.
        conn.pragma_update(None, "cache_size", -kib)?;
    }
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = write(conn);
    // The transaction is over (committed or rolled back): the settings can go back.
    conn.pragma_update(None, "foreign_keys", foreign_keys)?;
    conn.pragma_update(None, "cache_size", cache)?;
    result
}

/// Writes a batch inside a transaction the caller owns (the demo writes personas first).
pub(crate) fn write_event_batch(tx: &Transaction<'_>, batch: EventBatch) -> Result<ImportSummary> {
    let mut summary = ImportSummary::new(ImportKind::Customers);
    summary.rows = batch.rows.len() as u64 + batch.errors.count;
    batch.resolve_and_write(tx, Path::new("the events"), false, &mut summary, &mut |_| {})?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_detection() {
        assert_eq!(detect_delimiter(b"a,b,c\n1;2;3"), b',');
        assert_eq!(detect_delimiter(b"a;b;c\r\n1,2"), b';');
        assert_eq!(detect_delimiter(b"\"a,x\";b;c"), b';');
        assert_eq!(detect_delimiter(b"abc"), b',');
    }

    #[test]
    fn fast_dates_match_parse_date_time() {
        for text in [
            "2024-03-05",
            "2024-03-05T13:04:59",
            "2024-03-05 13:04:59",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-03-05T24:00:00",
            "2024-03-05T23:59:60",
            "2024-03-05X13:04:59",
            "05/03/2024",
            "20240305",
            "2024-3-5",
            "+024-03-05",
            "2024-03-0５",
            "",
        ] {
            let reference = parse_date_time(text).map(to_epoch_seconds).map_err(|e| e.to_string());
            assert_eq!(parse_epoch(text), reference, "{text}");
        }
    }

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

    #[test]
    fn parsing_in_two_halves_equals_parsing_in_one() {
        let mut csv = String::from("\u{feff}customer_id;persona;stage;reached_at\r\n");
        let mut rng = fastrand::Rng::with_seed(5);
        for i in 0..4_000 {
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
            csv.push_str(&format!("{customer};{persona};{stage};{date}\r\n"));
            if i % 500 == 0 {
                csv.push_str(";;;\r\n");
            }
        }
        let bytes = csv.as_bytes();
        let header = parse_header(bytes, Path::new("t.csv"), ImportKind::Customers).expect("header");
        let path = Path::new("t.csv");
        let (one, rows_one) =
            EventBatch::read_csv_split(bytes, &header, path, &mut |_| {}, usize::MAX).expect("one");
        let (two, rows_two) = EventBatch::read_csv_split(bytes, &header, path, &mut |_| {}, 1).expect("two");
        assert!(split_point(&bytes[header.data_start..], 1).is_some());
        assert_eq!(rows_one, rows_two);
        assert_eq!(rows_one, 4_000);
        assert_eq!(one.rows.first().map(|r| r.line), Some(2), "the header is line 1");
        assert!(one.errors.count > 100, "the data has errors to compare");
        assert_eq!(snapshot(&one), snapshot(&two));
        // A quote before the middle keeps the file on one thread.
        assert_eq!(split_point(b"a\n\"b\nc\"\nd\ne\n", 1), None);
    }

    #[test]
    fn stage_parser_caches_names() {
        let mut p = StageParser::default();
        assert_eq!(p.parse("3"), Ok(Stage::Validation));
        assert_eq!(p.parse("Xác nhận"), Ok(Stage::Validation));
        assert_eq!(p.parse("Xác nhận"), Ok(Stage::Validation));
        assert!(p.parse("9").is_err());
        assert!(p.parse("0").is_err());
    }

    #[test]
    fn row_error_list_is_capped() {
        let mut errors = RowErrors::default();
        for line in (2..=2 * ROW_ERRORS_KEPT as u64 + 10).rev() {
            errors.push(line, "bad".into());
        }
        let (rows, count) = errors.into_sorted();
        assert_eq!(count, 2 * ROW_ERRORS_KEPT as u64 + 9);
        assert_eq!(rows.len(), ROW_ERRORS_KEPT);
        assert_eq!(rows[0].line, 2);
        let text = row_error_lines(&rows, count);
        assert_eq!(text.lines().filter(|l| l.starts_with("  line")).count(), ROW_ERRORS_SHOWN);
        assert!(text.ends_with(&format!("… and {} more", group_digits(count - 20))));
    }
}
