//! Opportunities from CSV: every row read and checked against the workspace's personas,
//! then written in one transaction into one journey version, skipping opportunities the
//! version already holds. A persona the workspace does not know is refused, naming it: a
//! backlog item for a persona nobody modelled is more likely a typo than a new persona.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Transaction;
use rustc_hash::FxHashMap;

use super::csv::{Header, LineCounter, csv_error, field, is_blank, record_quotes_ok};
use super::errors::{RowErrors, RowProblem};
use super::fields::{StageParser, TEXT_MAX_CHARS, required, too_long};
use super::summary::ImportSummary;
use crate::model::date::parse_date_time;
use crate::model::opportunity::{OWNER_MAX_CHARS, Opportunity, OpportunityStatus, Rating, TITLE_MAX_CHARS};
use crate::model::persona::{Persona, PersonaId};
use crate::model::version::VersionId;
use crate::store::Result;
use crate::store::export::formula_restored;

// Columns (`ImportKind::Opportunities.columns()`, the export's): `title` and `stage` are
// required; `persona` empty means all personas; `status` empty is idea; `value` and
// `effort` empty are 3; `created` empty is the day of the import.

/// Columns that may hold line breaks: evidence and note.
const MULTI_LINE: [usize; 2] = [7, 8];

/// Everything that makes two opportunities of one version the same.
type Key = (String, u8, Option<i64>, OpportunityStatus, Rating, Rating, String, String, String, NaiveDate);

fn key(o: &Opportunity) -> Key {
    (
        o.title.clone(),
        o.stage.number(),
        o.persona.map(|p| p.0),
        o.status,
        o.value,
        o.effort,
        o.owner.clone(),
        o.evidence.clone(),
        o.note.clone(),
        o.created,
    )
}

/// Reads every data row of an opportunities CSV held in memory, resolves personas in the
/// open transaction and, unless there are errors and `skip` is false, writes the rows
/// `version` does not hold yet. `today` stands for an empty `created`.
#[allow(clippy::too_many_arguments)] // One call site; the arguments are the import's inputs.
pub(super) fn read_and_write(
    tx: &Transaction<'_>,
    bytes: &[u8],
    header: &Header,
    path: &Path,
    version: VersionId,
    today: NaiveDate,
    skip: bool,
    summary: &mut ImportSummary,
) -> Result<()> {
    let mut errors = RowErrors::default();
    let mut rows = Vec::new();
    let mut stages = StageParser::default();
    let mut personas: FxHashMap<String, Option<PersonaId>> = FxHashMap::default();
    let mut record = csv::ByteRecord::new();
    let cols = &header.columns;
    let data = &bytes[header.data_start..];
    let mut reader = header.reader(data);
    let mut lines = LineCounter::new(header.line_offset);
    let single_line: Vec<usize> =
        cols.iter().enumerate().filter(|(i, _)| !MULTI_LINE.contains(i)).filter_map(|(_, c)| *c).collect();
    while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
        if is_blank(&record) {
            continue;
        }
        summary.rows += 1;
        let line = lines.line(data, &record);
        if !record_quotes_ok(data, &record, reader.position().byte(), header.delimiter, &single_line) {
            errors.push_one(line, RowProblem::StrayQuote);
            continue;
        }
        let mut problems = Vec::new();
        let get = |i: usize| field(&record, cols[i], path, line);
        let text = |value: Option<&str>| formula_restored(value.unwrap_or_default()).to_owned();
        let title = required(get(0)?.map(formula_restored), "title", &mut problems).map(str::to_owned);
        let stage = required(get(1)?, "stage", &mut problems)
            .and_then(|t| stages.parse(t).map_err(|e| problems.push(e)).ok());
        let persona = match get(2)?.map(formula_restored) {
            None | Some("") => Some(None),
            Some(name) => {
                let name_key = Persona::name_key(name);
                let found = match personas.get(&name_key) {
                    Some(found) => *found,
                    None => {
                        let found = persona_id(tx, &name_key)?;
                        personas.insert(name_key, found);
                        found
                    }
                };
                match found {
                    Some(id) => Some(Some(id)),
                    None => {
                        problems.push(RowProblem::UnknownPersona { value: name.to_owned() });
                        None
                    }
                }
            }
        };
        let status = match get(3)? {
            None | Some("") => Some(OpportunityStatus::default()),
            Some(value) => value
                .parse::<OpportunityStatus>()
                .map_err(|_| problems.push(RowProblem::UnknownStatus { value: value.to_owned() }))
                .ok(),
        };
        let mut rating = |column: usize, name: &'static str| -> Result<Option<Rating>> {
            Ok(match get(column)? {
                None | Some("") => Some(Rating::MIDDLE),
                Some(value) => value
                    .parse::<Rating>()
                    .map_err(|_| {
                        problems.push(RowProblem::BadRating { field: name, value: value.to_owned() })
                    })
                    .ok(),
            })
        };
        let value = rating(4, "value")?;
        let effort = rating(5, "effort")?;
        let (owner, evidence, note) = (text(get(6)?), text(get(7)?), text(get(8)?));
        let created = match get(9)? {
            None | Some("") => Some(today),
            Some(value) => parse_date_time(value)
                .map(|at| at.date())
                .map_err(|_| problems.push(RowProblem::BadDate { value: value.to_owned() }))
                .ok(),
        };
        if let Some(title) = &title {
            problems.extend(too_long(title, "title", TITLE_MAX_CHARS));
        }
        problems.extend(too_long(&owner, "owner", OWNER_MAX_CHARS));
        for (value, name) in [(&evidence, "evidence"), (&note, "note")] {
            problems.extend(too_long(value, name, TEXT_MAX_CHARS));
        }
        match (title, stage, persona, status, value, effort, created) {
            (
                Some(title),
                Some(stage),
                Some(persona),
                Some(status),
                Some(value),
                Some(effort),
                Some(created),
            ) if problems.is_empty() => {
                rows.push(Opportunity {
                    version,
                    title,
                    stage,
                    persona,
                    status,
                    value,
                    effort,
                    owner,
                    evidence,
                    evidence_emotions: Vec::new(),
                    note,
                    created,
                });
            }
            _ => errors.push(line, problems),
        }
    }
    summary.settle(errors, path, skip)?;
    // What the version holds already, counted: a file with two identical rows adds two the
    // first time and none the second.
    let mut already: FxHashMap<Key, u64> = FxHashMap::default();
    for (_, existing) in crate::store::opportunities::of_version(tx, version)? {
        *already.entry(key(&existing)).or_default() += 1;
    }
    for row in rows {
        if let Some(n) = already.get_mut(&key(&row)).filter(|n| **n > 0) {
            *n -= 1;
            summary.unchanged += 1;
            continue;
        }
        crate::store::opportunities::insert(tx, None, &row)?;
        summary.added += 1;
    }
    Ok(())
}

/// The id of the persona whose name key is `name_key`, if any.
fn persona_id(tx: &Transaction<'_>, name_key: &str) -> Result<Option<PersonaId>> {
    let mut stmt = tx.prepare_cached("SELECT id FROM personas WHERE name_key = ?1")?;
    let mut rows = stmt.query([name_key])?;
    Ok(match rows.next()? {
        Some(row) => Some(PersonaId(row.get(0)?)),
        None => None,
    })
}

impl crate::store::Workspace {
    /// Imports an opportunities CSV into `version` (the first version when `None`), with
    /// `today` for rows without a `created` date. Refuses the whole file, writing nothing,
    /// when any row is invalid (an unknown persona included), unless `options.skip_invalid`.
    pub fn import_opportunities(
        &mut self,
        input: impl std::io::Read,
        name: &Path,
        version: Option<VersionId>,
        options: super::ImportOptions,
        today: NaiveDate,
    ) -> Result<ImportSummary> {
        let bytes = super::csv::read_all(input, name)?;
        let header = super::csv::parse_header(&bytes, name, super::ImportKind::Opportunities)?;
        let mut summary = ImportSummary::new(super::ImportKind::Opportunities);
        let version = match version {
            Some(version) => version,
            None => self.first_version()?,
        };
        let tx = self.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        read_and_write(&tx, &bytes, &header, name, version, today, options.skip_invalid, &mut summary)?;
        tx.commit()?;
        Ok(summary)
    }
}
