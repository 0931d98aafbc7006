//! The first rows of a CSV file, for the import wizard's preview: read from the head of the
//! file only (a million-row file previews as fast as a ten-row one), with the delimiter the
//! importer would detect and the header as written.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::ImportKind;
use super::csv::detect_delimiter;
use crate::store::{Result, StoreError};

/// How much of the file's head a preview reads: enough for the header and dozens of rows of
/// any real export, little enough to be instant.
pub const PREVIEW_HEAD_BYTES: u64 = 256 * 1024;

/// The head of a CSV file: its delimiter, header and first rows, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvPreview {
    /// `b','` or `b';'`, as the importer detects it from the header line.
    pub delimiter: u8,
    /// The header's column names, trimmed, as written (case kept).
    pub columns: Vec<String>,
    /// The first data rows (at most the number asked for), each field trimmed.
    pub rows: Vec<Vec<String>>,
    /// The size of the whole file.
    pub file_bytes: u64,
}

impl CsvPreview {
    /// The columns `kind`'s import requires that the header lacks (names matched ignoring
    /// case and surrounding spaces, as the importer matches them).
    pub fn missing_columns(&self, kind: ImportKind) -> Vec<&'static str> {
        kind.columns()[..kind.required()]
            .iter()
            .copied()
            .filter(|wanted| self.column(wanted).is_none())
            .collect()
    }

    /// The position of the column named `name`, ignoring case and surrounding spaces.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim().to_lowercase();
        self.columns.iter().position(|c| c.to_lowercase() == name)
    }
}

/// Reads the header and at most `max_rows` data rows from the start of the file at `path`.
pub fn preview_csv(path: &Path, max_rows: usize) -> Result<CsvPreview> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let file = File::open(path).map_err(io)?;
    let file_bytes = file.metadata().map_err(io)?.len();
    let mut head = Vec::new();
    file.take(PREVIEW_HEAD_BYTES).read_to_end(&mut head).map_err(io)?;
    preview_bytes(&head, file_bytes, path, max_rows)
}

/// [`preview_csv`] on the head of a file already read; `file_bytes` is the whole file's size.
fn preview_bytes(head: &[u8], file_bytes: u64, path: &Path, max_rows: usize) -> Result<CsvPreview> {
    let csv_error = |detail: &str| StoreError::Csv { path: path.to_path_buf(), detail: detail.to_owned() };
    if head.is_empty() {
        return Err(csv_error("the file is empty; the first line must be a header"));
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(csv_error("the file is UTF-16 text; save it as \"CSV UTF-8\" and try again"));
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    // A head cut inside a row would preview a broken last row: keep whole lines only.
    let text = if (head.len() as u64) < file_bytes {
        text.iter().rposition(|&b| b == b'\n').map_or(text, |end| &text[..=end])
    } else {
        text
    };
    let delimiter = detect_delimiter(text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text);
    let mut records = reader.byte_records();
    let to_strings = |record: &csv::ByteRecord| -> Vec<String> {
        record.iter().map(|field| String::from_utf8_lossy(field).trim().to_owned()).collect()
    };
    let Some(Ok(header)) = records.next() else {
        return Err(csv_error("the file has no header; the first line must be a header"));
    };
    let columns = to_strings(&header);
    let rows = records
        .filter_map(std::result::Result::ok)
        .filter(|record| record.iter().any(|field| !field.is_empty()))
        .take(max_rows)
        .map(|record| to_strings(&record))
        .collect();
    Ok(CsvPreview { delimiter, columns, rows, file_bytes })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn preview(text: &str, file_bytes: u64, rows: usize) -> CsvPreview {
        preview_bytes(text.as_bytes(), file_bytes, Path::new("t.csv"), rows).expect("preview")
    }

    #[test]
    fn reads_the_header_and_the_first_rows_with_the_delimiter() {
        let text = "\u{feff}Customer_ID;Persona;stage;reached_at\r\nc1;Hằng;1;2024-01-01\r\n;;;\r\nc2;\"A;B\";2;2024-01-02\r\nc3;X;3;2024-01-03\r\n";
        let p = preview(text, text.len() as u64, 2);
        assert_eq!(p.delimiter, b';');
        assert_eq!(p.columns, ["Customer_ID", "Persona", "stage", "reached_at"]);
        assert_eq!(p.rows, [vec!["c1", "Hằng", "1", "2024-01-01"], vec!["c2", "A;B", "2", "2024-01-02"]]);
        assert!(p.missing_columns(ImportKind::Customers).is_empty());
        assert_eq!(p.missing_columns(ImportKind::Emotions), ["score"]);
        assert_eq!(p.column(" customer_id "), Some(0));
    }

    #[test]
    fn a_head_cut_inside_a_row_keeps_whole_lines_only() {
        let text = "a,b\n1,2\n3,4";
        let p = preview(text, 1_000, 10);
        assert_eq!(p.rows, [vec!["1", "2"]]);
        assert_eq!(p.file_bytes, 1_000);
    }

    #[test]
    fn empty_and_utf16_files_are_refused() {
        for bytes in [&b""[..], &[0xFF, 0xFE, b'a', 0][..]] {
            let err = preview_bytes(bytes, bytes.len() as u64, Path::new("t.csv"), 5);
            assert!(matches!(err, Err(StoreError::Csv { .. })), "{err:?}");
        }
    }
}
