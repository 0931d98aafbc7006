//! Stage rules from a CSV file with the header `event,occurrence,stage` (columns in any
//! order and case, `,` or `;`, a BOM and CRLF line ends as the other imports accept).

use std::path::Path;

use super::csv::{LineCounter, csv_error, field, is_blank, read_all, read_header_line};
use crate::model::rules::{StageRule, StageRules};
use crate::store::{Result, StoreError};

/// The header a rules file has, in the order `rules show --format csv` writes it.
pub const RULES_HEADER: [&str; 3] = ["event", "occurrence", "stage"];

/// Reads a rules file. A row that is not a rule (an unknown stage, a blank event, an
/// occurrence that is not 1, 2, 3 …) refuses the file, naming its line and value.
pub fn read_stage_rules_file(path: &Path) -> Result<StageRules> {
    let file =
        std::fs::File::open(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    read_stage_rules_bytes(&read_all(file, path)?, path)
}

/// [`read_stage_rules_file`] for a file already in memory; `path` names it in messages.
pub fn read_stage_rules_bytes(bytes: &[u8], path: &Path) -> Result<StageRules> {
    let expected = RULES_HEADER.join(",");
    let header = read_header_line(bytes, path, &expected)?;
    let at = |name: &str| header.names.iter().position(|n| n == name);
    let (event, occurrence, stage) = (at("event"), at("occurrence"), at("stage"));
    let (Some(event), Some(stage)) = (event, stage) else {
        let missing = [("event", event), ("stage", stage)]
            .into_iter()
            .filter(|(_, at)| at.is_none())
            .map(|(name, _)| name)
            .collect();
        return Err(StoreError::MissingColumns { path: path.to_path_buf(), missing, expected });
    };
    let data = &bytes[header.data_start..];
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(header.delimiter)
        .from_reader(data);
    let mut lines = LineCounter::new(header.line_offset);
    let mut record = csv::ByteRecord::new();
    let mut rules = Vec::new();
    while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
        if is_blank(&record) {
            continue;
        }
        let line = lines.line(data, &record);
        let get = |column: Option<usize>| field(&record, column, path, line).map(Option::unwrap_or_default);
        let rule = StageRule::parse(get(Some(event))?, get(occurrence)?, get(Some(stage))?)
            .map_err(|error| StoreError::BadRules { path: path.to_path_buf(), line, error })?;
        rules.push(rule);
    }
    StageRules::new(rules).map_err(|error| StoreError::BadRules { path: path.to_path_buf(), line: 0, error })
}

/// The rules as a rules file: the header, then one row per rule, which
/// [`read_stage_rules_bytes`] reads back to the same rules.
pub fn stage_rules_csv(rules: &StageRules) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(RULES_HEADER);
    for row in rules.to_rows() {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
