//! Reading CSV: the header (delimiter, columns, BOM), fields, line numbers, and where a
//! file held in memory may be cut into chunks that parse alone.

use std::io::Read;
use std::path::Path;

use super::ImportKind;
use crate::store::{Result, StoreError};

/// Picks `;` when the header line has more semicolons than commas outside quotes
/// (spreadsheets in locales with a decimal comma write `;`), `,` otherwise.
pub(super) fn detect_delimiter(head: &[u8]) -> u8 {
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

pub(super) fn csv_error(path: &Path, err: csv::Error) -> StoreError {
    if err.is_io_error() {
        if let csv::ErrorKind::Io(source) = err.into_kind() {
            return StoreError::Io { path: path.to_path_buf(), source };
        }
        return StoreError::Csv { path: path.to_path_buf(), detail: "read error".to_owned() };
    }
    StoreError::Csv { path: path.to_path_buf(), detail: err.to_string() }
}

pub(super) fn not_utf8(path: &Path, line: u64) -> StoreError {
    StoreError::Csv {
        path: path.to_path_buf(),
        detail: format!(
            "line {line} is not UTF-8 text; is it a CSV file? Save it as \"CSV UTF-8\" and try again"
        ),
    }
}

/// What the header line says: the delimiter, where each column is, where data starts.
#[derive(Clone, Debug)]
pub(super) struct Header {
    pub(super) delimiter: u8,
    /// Position of each of `kind.columns()` in a record, if the header has it.
    pub(super) columns: Vec<Option<usize>>,
    /// Byte offset of the first data row in the file.
    pub(super) data_start: usize,
    /// Newlines before `data_start`: the lines the data rows come after.
    pub(super) line_offset: u64,
}

impl Header {
    /// A CSV reader over (part of) the data rows.
    pub(super) fn reader<'b>(&self, data: &'b [u8]) -> csv::Reader<&'b [u8]> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(data)
    }
}

/// The header line of a file held in memory, before its names are matched to columns.
#[derive(Clone, Debug)]
pub(super) struct HeaderLine {
    pub(super) delimiter: u8,
    /// The header's names, trimmed and lower-cased (a BOM removed).
    pub(super) names: Vec<String>,
    /// The names as the file writes them, trimmed: for messages.
    pub(super) written: Vec<String>,
    /// Byte offset of the first data row in the file.
    pub(super) data_start: usize,
    /// Newlines before `data_start`.
    pub(super) line_offset: u64,
}

/// Reads the header line of a whole file held in memory; `expected` is a header such a
/// file should have, for the message when there is none.
pub(super) fn read_header_line(bytes: &[u8], path: &Path, expected: &str) -> Result<HeaderLine> {
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
    let mut written = Vec::with_capacity(header.len());
    for field in &header {
        let text = std::str::from_utf8(field).map_err(|_| not_utf8(path, line))?;
        written.push(text.trim().trim_start_matches('\u{feff}').trim().to_owned());
    }
    let names = written.iter().map(|name| name.to_lowercase()).collect();
    // The reader stands after the header's last field (before the `\n` of a CRLF, which
    // LineCounter skips).
    let data_start = usize::try_from(reader.position().byte()).unwrap_or(bytes.len()).min(bytes.len());
    Ok(HeaderLine { delimiter, names, written, data_start, line_offset: newlines(&bytes[..data_start]) })
}

/// Reads the header of a whole file held in memory.
pub(super) fn parse_header(bytes: &[u8], path: &Path, kind: ImportKind) -> Result<Header> {
    let expected = kind.columns().join(",");
    let line = read_header_line(bytes, path, &expected)?;
    let names = &line.names;
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
    Ok(Header {
        delimiter: line.delimiter,
        columns,
        data_start: line.data_start,
        line_offset: line.line_offset,
    })
}

/// Reads all of `input`, naming `path` if that fails.
pub(super) fn read_all(mut input: impl Read, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    Ok(bytes)
}

/// A field of a record: `None` when the record is too short (or the column is optional and
/// absent from the header), trimmed text otherwise.
pub(super) fn field<'r>(
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

/// Whether the record just read (the reader now stands at `end`) has well-formed quotes,
/// judged on the bytes the file wrote (see [`quotes_well_formed`]).
pub(super) fn record_quotes_ok(
    data: &[u8],
    record: &csv::ByteRecord,
    end: u64,
    delimiter: u8,
    single_line: &[usize],
) -> bool {
    quotes_well_formed(raw_record(data, record, end), delimiter, single_line)
}

/// The bytes a record was read from: from its reported start to where the reader stands
/// after it (`end`), line ends at either side included.
fn raw_record<'d>(data: &'d [u8], record: &csv::ByteRecord, end: u64) -> &'d [u8] {
    let start = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    let end = usize::try_from(end).unwrap_or(usize::MAX).min(data.len());
    data.get(start.min(end)..end).unwrap_or_default()
}

/// Whether the quotes of a record, given as the bytes it was read from, are as RFC 4180
/// has them: a field is either unquoted and holds no `"`, or quoted from its first byte to
/// a closing `"` right before a delimiter or the end, with `""` for a quote inside. The
/// fields at `single_line` (ids, names, stages, dates…) may not run over several lines;
/// notes, labels and columns the importer does not read may.
///
/// The csv crate reads anything else leniently: a `"` inside a field is kept as text, and
/// a stray `"` at the start of a line opens a field that swallows the lines after it up
/// to the next quote, so several rows would silently become one.
fn quotes_well_formed(raw: &[u8], delimiter: u8, single_line: &[usize]) -> bool {
    if memchr::memchr(b'"', raw).is_none() {
        return true;
    }
    let line_end = |b: &u8| matches!(b, b'\r' | b'\n');
    let start = raw.iter().position(|b| !line_end(b)).unwrap_or(raw.len());
    let end = raw.iter().rposition(|b| !line_end(b)).map_or(start, |i| i + 1).max(start);
    let raw = &raw[start..end];
    let mut pos = 0;
    let mut field = 0;
    loop {
        if raw.get(pos) == Some(&b'"') {
            pos += 1;
            loop {
                let Some(i) = memchr::memchr(b'"', &raw[pos..]) else {
                    return false;
                };
                if single_line.contains(&field) && raw[pos..pos + i].iter().any(line_end) {
                    return false;
                }
                pos += i + 1;
                if raw.get(pos) == Some(&b'"') {
                    pos += 1;
                } else {
                    break;
                }
            }
            match raw.get(pos) {
                None => return true,
                Some(&b) if b == delimiter => pos += 1,
                Some(_) => return false,
            }
        } else {
            let next = memchr::memchr(delimiter, &raw[pos..]).map_or(raw.len(), |i| pos + i);
            if raw[pos..next].contains(&b'"') {
                return false;
            }
            if next == raw.len() {
                return true;
            }
            pos = next + 1;
        }
        field += 1;
    }
}

/// Whether a record is blank: spreadsheets often leave rows of bare delimiters at the end.
pub(super) fn is_blank(record: &csv::ByteRecord) -> bool {
    record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace))
}

/// File line numbers of records, counted from their byte offsets.
///
/// csv's own line numbers run one behind after a CRLF (it consumes the `\n` only when
/// reading the next record), so lines are counted here: a record starts at the first byte
/// after its reported offset that is not a line end (blank lines are skipped by csv).
pub(super) struct LineCounter {
    /// Lines before `data` (the header, earlier chunks of a split file).
    line_offset: u64,
    counted_to: usize,
    newlines: u64,
}

impl LineCounter {
    pub(super) fn new(line_offset: u64) -> Self {
        Self { line_offset, counted_to: 0, newlines: 0 }
    }

    /// The 1-based line in the file where `record`, read from `data`, starts.
    pub(super) fn line(&mut self, data: &[u8], record: &csv::ByteRecord) -> u64 {
        let reported = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let mut start = reported.min(data.len()).max(self.counted_to);
        while matches!(data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        // Usually one record's bytes: a plain loop beats setting up a vector search.
        let between = &data[self.counted_to..start];
        self.newlines += if between.len() < 256 {
            between.iter().filter(|&&b| b == b'\n').count() as u64
        } else {
            newlines(between)
        };
        self.counted_to = start;
        self.line_offset + self.newlines + 1
    }
}

/// Newlines in `bytes`: csv counts lines by them, so this is how many lines they span.
pub(super) fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Where the data rows may be cut into about `chunks` pieces of similar size, each starting
/// at the start of a record, so each piece parses alone exactly as it would in the whole.
///
/// A cut goes after a newline that ends a record: one outside quotes. Quotes are tracked as
/// the csv crate reads them (RFC 4180): a quote opens a quoted field only at the start of a
/// field, `""` inside one is an escaped quote, and any other quote is an ordinary character.
/// Between quotes the scan jumps with `memchr`, so a file without quotes costs one search
/// per cut. Returns the start offsets of the pieces after the first, ascending.
pub(super) fn chunk_starts(data: &[u8], delimiter: u8, chunks: usize) -> Vec<usize> {
    let len = data.len();
    let mut targets = (1..chunks.max(1)).map(|k| len / chunks * k + len % chunks * k / chunks).peekable();
    let mut starts: Vec<usize> = Vec::new();
    let field_start =
        |at: usize| at == 0 || matches!(data[at - 1], b'\n' | b'\r') || data[at - 1] == delimiter;
    let mut pos = 0;
    while pos < len && targets.peek().is_some() {
        // Outside quotes: every newline up to the next quote ends a record.
        let quote = memchr::memchr(b'"', &data[pos..]).map_or(len, |i| pos + i);
        while let Some(&target) = targets.peek() {
            if target > quote {
                break;
            }
            // A newline just before the target makes the target itself a record start.
            let from = target.saturating_sub(1).max(pos);
            let Some(newline) = memchr::memchr(b'\n', &data[from..quote]) else {
                break;
            };
            let start = from + newline + 1;
            if start < len {
                starts.push(start);
            }
            pos = start;
            // Targets already passed are served by this cut.
            while targets.next_if(|&t| t <= start).is_some() {}
        }
        if quote >= len {
            break;
        }
        pos = quote + 1;
        if !field_start(quote) {
            continue;
        }
        // Inside a quoted field: find its closing quote, skipping escaped ones.
        loop {
            let Some(i) = memchr::memchr(b'"', &data[pos..]) else {
                return starts;
            };
            let at = pos + i;
            if data.get(at + 1) == Some(&b'"') {
                pos = at + 2;
            } else {
                pos = at + 1;
                break;
            }
        }
    }
    starts
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

    /// The records of `data` read whole, and read piece by piece at `starts`.
    fn records_whole_and_in_pieces(
        data: &[u8],
        starts: &[usize],
    ) -> (Vec<csv::ByteRecord>, Vec<csv::ByteRecord>) {
        let read = |bytes: &[u8]| -> Vec<csv::ByteRecord> {
            csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes)
                .byte_records()
                .map(|r| r.expect("record"))
                .collect()
        };
        let mut bounds = vec![0];
        bounds.extend_from_slice(starts);
        bounds.push(data.len());
        let pieces = bounds.windows(2).flat_map(|w| read(&data[w[0]..w[1]])).collect();
        (read(data), pieces)
    }

    #[test]
    fn cuts_fall_between_records_only() {
        let data = b"a,\"b\nc\",d\n\"x\"\"\ny\",z\ne\"f,g\nh,i\n\"\n\n\n\",j\nk,l\n";
        for chunks in 1..=data.len() {
            let starts = chunk_starts(data, b',', chunks);
            assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
            for &s in &starts {
                assert!([10, 20, 26, 30, 38].contains(&s), "{chunks} chunks: cut at {s}");
            }
            let (whole, pieces) = records_whole_and_in_pieces(data, &starts);
            assert_eq!(whole, pieces, "{chunks} chunks");
        }
        // A file without quotes is cut near the targets.
        let plain = b"aa\nbb\ncc\ndd\n";
        assert_eq!(chunk_starts(plain, b',', 4), [3, 6, 9]);
        assert_eq!(chunk_starts(plain, b',', 3), [6, 9]);
        assert_eq!(chunk_starts(plain, b',', 100), [3, 6, 9]);
        assert_eq!(chunk_starts(plain, b',', 1), Vec::<usize>::new());
        // A quote that never closes leaves the rest of the file in one piece.
        assert_eq!(chunk_starts(b"a\n\"b\nc\nd\ne\n", b',', 4), [2]);
    }
}
