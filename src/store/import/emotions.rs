//! Emotion entries from CSV: read and validated in file order, then written in one
//! transaction, skipping entries the workspace already holds.

use std::path::Path;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDateTime;
use rusqlite::{Transaction, params};
use rustc_hash::FxHashMap;

use super::csv::{Header, LineCounter, csv_error, field, is_blank, record_quotes_ok};
use super::errors::{RowErrors, RowProblem};
use super::fields::{StageParser, TEXT_MAX_CHARS, parse_score, parse_source, required, too_long};
use super::options::{CANCEL_CHECK_EVERY, check};
use super::personas::PersonaSlots;
use super::summary::ImportSummary;
use super::{ImportProgress, PROGRESS_EVERY};
use crate::model::date::parse_date_time;
use crate::model::emotion::{EmotionEntry, Score, Source};
use crate::model::persona::PersonaId;
use crate::model::stage::Stage;
use crate::store::Result;
use crate::store::export::formula_restored;

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

/// Validated emotion entries in memory, ready to be resolved and written.
#[derive(Debug, Default)]
pub(super) struct EmotionBatch {
    personas: PersonaSlots,
    rows: Vec<EmotionRow>,
    errors: RowErrors,
}

impl EmotionBatch {
    /// Reads the data rows of an emotions CSV held in memory; returns the rows read.
    pub(super) fn read_csv(
        bytes: &[u8],
        header: &Header,
        path: &Path,
        cancel: Option<&AtomicBool>,
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
        // Labels and notes (columns 3 and 4) may run over several lines; no other field read.
        let single_line: Vec<usize> =
            cols.iter().enumerate().filter(|(i, _)| !matches!(i, 3 | 4)).filter_map(|(_, c)| *c).collect();
        while reader.read_byte_record(&mut record).map_err(|e| csv_error(path, e))? {
            if is_blank(&record) {
                continue;
            }
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                progress(ImportProgress::Read(rows));
            }
            if rows.is_multiple_of(CANCEL_CHECK_EVERY) {
                check(cancel)?;
            }
            let line = lines.line(data, &record);
            if !record_quotes_ok(data, &record, reader.position().byte(), header.delimiter, &single_line) {
                batch.errors.push_one(line, RowProblem::StrayQuote);
                continue;
            }
            let mut problems = Vec::new();
            let get = |i: usize| field(&record, cols[i], path, line);
            // Text cells exported with a `'` against formula injection come back without it.
            let persona = required(get(0)?.map(formula_restored), "persona", &mut problems);
            let stage = required(get(1)?, "stage", &mut problems)
                .and_then(|text| stages.parse(text).map_err(|e| problems.push(e)).ok());
            let score = required(get(2)?, "score", &mut problems)
                .and_then(|text| parse_score(text).map_err(|e| problems.push(e)).ok());
            let text = |value: Option<&str>| formula_restored(value.unwrap_or_default()).to_owned();
            let (label, note, touchpoint) = (text(get(3)?), text(get(4)?), text(get(5)?));
            for (value, name) in [(&label, "label"), (&note, "note")] {
                problems.extend(too_long(value, name, TEXT_MAX_CHARS));
            }
            let source = parse_source(get(6)?.unwrap_or_default()).map_err(|e| problems.push(e)).ok();
            let logged_at = match get(7)? {
                None | Some("") => Some(None),
                Some(value) => parse_date_time(value)
                    .map(Some)
                    .map_err(|_| problems.push(RowProblem::BadDate { value: value.to_owned() }))
                    .ok(),
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
                _ => batch.errors.push(line, problems),
            }
        }
        Ok((batch, rows))
    }

    /// Resolves personas in the open transaction and, unless there are errors and `skip`
    /// is false, writes the entries the workspace does not hold yet.
    pub(super) fn resolve_and_write(
        mut self,
        tx: &Transaction<'_>,
        path: &Path,
        skip: bool,
        cancel: Option<&AtomicBool>,
        summary: &mut ImportSummary,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<()> {
        check(cancel)?;
        summary.settle(std::mem::take(&mut self.errors), path, skip)?;
        self.personas.resolve(tx)?;
        let mut used = vec![false; self.personas.slots.len()];
        for row in &self.rows {
            used[row.persona as usize] = true;
        }
        summary.personas_created = self.personas.create_used(tx, &used)?;
        // Entries already in the workspace are not added again, counting duplicates: a file
        // with three identical entries adds three the first time and none the second.
        let mut already: FxHashMap<EmotionKey<'_>, i64> = FxHashMap::default();
        let mut count = tx.prepare_cached(
            "SELECT count(*) FROM emotions WHERE persona_id = ?1 AND stage = ?2 AND score = ?3
                AND label = ?4 AND note = ?5 AND touchpoint = ?6 AND source = ?7 AND logged_at IS ?8",
        )?;
        let total = self.rows.len() as u64;
        for (done, row) in self.rows.iter().enumerate() {
            if (done as u64).is_multiple_of(CANCEL_CHECK_EVERY) {
                check(cancel)?;
            }
            let Some(persona) = self.personas.id(row.persona) else {
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
            crate::store::emotions::insert(
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
