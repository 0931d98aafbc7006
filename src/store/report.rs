//! The funnel report: how far customers got, where they dropped off, how long each stage
//! took them and how they felt there.
//!
//! Everything is aggregated in SQL from the derived columns the importer maintains
//! (`customers.furthest_stage`, `stage_events.days_from_start`), so a million events never
//! leave the database. The CLI prints this report and the Analytics view draws it: one
//! code path for both.

use serde::Serialize;

use super::cohorts::{customer_filter, seconds_filter};
use super::sql::{GroupRow, StoredRow};
use super::{Result, StoreError, Workspace};
use crate::i18n::format::{count, decimal, percent, signed, signed_mean};
use crate::model::Language::English;
use crate::model::cohort::{CohortPeriod, CohortTable, DateRange};
use crate::model::collate;
use crate::model::customer::PersonaFunnel;
use crate::model::emotion::EmotionStats;
use crate::model::funnel::{DropOff, Funnel};
use crate::model::persona::{Persona, PersonaId};
use crate::model::stage::Stage;

/// The funnel of a workspace, or of one persona's customers.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The persona the report is restricted to (as the workspace spells it), or none for all.
    pub persona: Option<String>,
    /// Customers reaching each stage and the median days it took them.
    pub funnel: Funnel,
    /// Emotion entries logged per stage.
    pub emotions: [EmotionStats; 8],
    /// How far each persona's customers got, in Vietnamese name order. Only the chosen
    /// persona when the report is restricted to one.
    pub personas: Vec<PersonaFunnel>,
    /// The customers counted are those whose first event falls in this range; emotion
    /// entries those logged in it ([`DateRange::ALL`]: everyone, every entry).
    pub range: DateRange,
    /// The customers by month or week of first event, when asked for (`--cohorts`).
    pub cohorts: Option<CohortTable>,
}

/// One stage's line of the report, everything derived from [`Report::funnel`] and
/// [`Report::emotions`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageReport {
    pub stage: Stage,
    pub reached: u64,
    /// Share of all customers that reached the stage.
    pub conversion_from_start: f64,
    /// Share of the previous stage's customers that reached it; none for stage 1.
    pub step_conversion: Option<f64>,
    /// Customers who reached the stage and went no further; none for the last stage.
    pub drop_off: Option<u64>,
    pub drop_off_rate: Option<f64>,
    pub median_days_from_start: Option<f64>,
    pub emotion: EmotionStats,
}

impl Report {
    /// Customers in the report.
    pub fn customers(&self) -> u64 {
        self.funnel.customers()
    }

    /// The eight stage lines.
    pub fn stages(&self) -> [StageReport; 8] {
        Stage::ALL.map(|stage| StageReport {
            stage,
            reached: self.funnel.reached(stage),
            conversion_from_start: self.funnel.conversion_from_start(stage),
            step_conversion: self.funnel.step_conversion(stage),
            drop_off: self.funnel.drop_off(stage),
            drop_off_rate: self.funnel.drop_off_rate(stage),
            median_days_from_start: self.funnel.median_days(stage),
            emotion: self.emotions[stage.index()],
        })
    }

    /// The transition losing the largest share of customers.
    pub fn biggest_drop_off(&self) -> Option<DropOff> {
        self.funnel.biggest_drop_off()
    }

    /// The report as pretty-printed JSON, in the documented shape (see README).
    pub fn to_json(&self) -> String {
        let json = JsonReport {
            customers: self.customers(),
            persona: self.persona.as_deref(),
            stages: self
                .stages()
                .iter()
                .map(|s| JsonStage {
                    stage: s.stage.number(),
                    name: s.stage.name_en(),
                    reached: s.reached,
                    conversion_from_start: s.conversion_from_start,
                    step_conversion: s.step_conversion,
                    drop_off: s.drop_off,
                    drop_off_rate: s.drop_off_rate,
                    median_days_from_start: s.median_days_from_start,
                    emotion: JsonEmotion {
                        entries: s.emotion.entries,
                        mean: s.emotion.mean,
                        min: s.emotion.min,
                        max: s.emotion.max,
                    },
                })
                .collect(),
            biggest_drop_off: self.biggest_drop_off().map(|d| JsonDropOff {
                from: d.from.number(),
                to: d.to.number(),
                lost: d.lost,
                rate: d.rate,
            }),
            personas: &self.personas,
            from: self.range.from.map(|d| d.format("%Y-%m-%d").to_string()),
            to: self.range.to.map(|d| d.format("%Y-%m-%d").to_string()),
            cohort_period: self.cohorts.as_ref().map(|c| c.period),
            cohorts: self.cohorts.as_ref().map(|c| c.cohorts.as_slice()),
        };
        // Serialising plain structs of numbers and strings cannot fail.
        serde_json::to_string_pretty(&json).unwrap_or_default()
    }

    /// The report as an aligned text table, for a terminal, in English with the numbers
    /// formatted as the app shows them ([`crate::i18n::format`]).
    pub fn to_table(&self) -> String {
        let mut out = String::new();
        let scope =
            self.persona.as_ref().map_or_else(|| "all personas".to_owned(), |p| format!("persona {p}"));
        out.push_str(&format!(
            "Funnel of {scope}{}: {} customers\n\n",
            range_words(&self.range),
            count(self.customers(), English)
        ));

        let header = [
            "Stage",
            "Reached",
            "Of start",
            "Step",
            "Lost",
            "Lost %",
            "Median days",
            "Emotions",
            "Mean",
            "Min",
            "Max",
        ];
        let dash = || "–".to_owned();
        let percent_en = |rate: f64| percent(rate, English);
        let count_en = |n: u64| count(n, English);
        let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| (*h).to_owned()).collect()];
        for s in self.stages() {
            rows.push(vec![
                format!("{} {}", s.stage.number(), s.stage.name_en()),
                count_en(s.reached),
                percent_en(s.conversion_from_start),
                s.step_conversion.map_or_else(dash, percent_en),
                s.drop_off.map_or_else(dash, count_en),
                s.drop_off_rate.map_or_else(dash, percent_en),
                s.median_days_from_start.map_or_else(dash, |d| decimal(d, false, English)),
                count_en(s.emotion.entries),
                s.emotion.mean.map_or_else(dash, |m| signed_mean(m, English)),
                s.emotion.min.map_or_else(dash, signed),
                s.emotion.max.map_or_else(dash, signed),
            ]);
        }
        out.push_str(&align(&rows));

        out.push('\n');
        out.push_str(&match self.biggest_drop_off() {
            Some(d) => format!(
                "Biggest drop-off: {} → {}: {} of {} customers went no further ({}).\n",
                d.from,
                d.to,
                count_en(d.lost),
                count_en(self.funnel.reached(d.from)),
                percent_en(d.rate)
            ),
            None if self.customers() == 0 => "No customers yet: import some to see the funnel.\n".to_owned(),
            None => "No drop-off: every customer reached Advocacy.\n".to_owned(),
        });

        if !self.personas.is_empty() {
            out.push('\n');
            let mut rows: Vec<Vec<String>> = vec![
                ["Persona", "Customers"]
                    .iter()
                    .map(|h| (*h).to_owned())
                    .chain((1..=8).map(|n| n.to_string()))
                    .collect(),
            ];
            for p in &self.personas {
                rows.push(
                    [p.name.clone(), count_en(p.customers)]
                        .into_iter()
                        .chain(p.reached.iter().map(|n| count_en(*n)))
                        .collect(),
                );
            }
            out.push_str(&align(&rows));
        }
        if let Some(table) = &self.cohorts {
            out.push('\n');
            out.push_str(&cohort_table_text(table));
        }
        out
    }
}

/// `", first event from 2024-03-01 to before 2024-04-01"`, or nothing for every day.
fn range_words(range: &DateRange) -> String {
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match (range.from, range.to) {
        (None, None) => String::new(),
        (Some(from), None) => format!(", first event on or after {}", day(from)),
        (None, Some(to)) => format!(", first event before {}", day(to)),
        (Some(from), Some(to)) => format!(", first event from {} to before {}", day(from), day(to)),
    }
}

/// The cohorts as a table: one row per period, its customers, and the share of them that
/// reached each stage.
fn cohort_table_text(table: &CohortTable) -> String {
    let unit = match table.period {
        CohortPeriod::Month => "Month",
        CohortPeriod::Week => "Week of",
    };
    let mut out = format!("Cohorts by {} of first event: share reaching each stage\n", table.period);
    let mut rows: Vec<Vec<String>> = vec![
        [unit, "Customers"].iter().map(|h| (*h).to_owned()).chain((1..=8).map(|n| n.to_string())).collect(),
    ];
    for cohort in &table.cohorts {
        let start = match table.period {
            CohortPeriod::Month => cohort.start.format("%Y-%m").to_string(),
            CohortPeriod::Week => cohort.start.format("%Y-%m-%d").to_string(),
        };
        rows.push(
            [start, count(cohort.customers, English)]
                .into_iter()
                .chain(
                    Stage::ALL
                        .iter()
                        .map(|s| cohort.share(*s).map_or_else(|| "–".to_owned(), |r| percent(r, English))),
                )
                .collect(),
        );
    }
    if table.cohorts.is_empty() {
        out.push_str("No customers in the range.\n");
    } else {
        out.push_str(&align(&rows));
    }
    out
}

/// Lays rows out in columns: the first left-aligned, the others right-aligned (numbers).
fn align(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[c].saturating_sub(cell.chars().count()));
            if c == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    customers: u64,
    persona: Option<&'a str>,
    stages: Vec<JsonStage>,
    biggest_drop_off: Option<JsonDropOff>,
    personas: &'a [PersonaFunnel],
    /// The range the report is restricted to (`null`: open).
    from: Option<String>,
    to: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cohort_period: Option<CohortPeriod>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cohorts: Option<&'a [crate::model::cohort::Cohort]>,
}

#[derive(Serialize)]
struct JsonStage {
    stage: u8,
    name: &'static str,
    reached: u64,
    conversion_from_start: f64,
    step_conversion: Option<f64>,
    drop_off: Option<u64>,
    drop_off_rate: Option<f64>,
    median_days_from_start: Option<f64>,
    emotion: JsonEmotion,
}

#[derive(Serialize)]
struct JsonEmotion {
    entries: u64,
    mean: Option<f64>,
    min: Option<i8>,
    max: Option<i8>,
}

#[derive(Serialize)]
struct JsonDropOff {
    from: u8,
    to: u8,
    lost: u64,
    rate: f64,
}

impl Workspace {
    /// The report over all customers, or over one persona's (named case-insensitively).
    pub fn report(&self, persona: Option<&str>) -> Result<Report> {
        self.report_with(persona, &DateRange::ALL, None)
    }

    /// The report over the customers of one persona (named case-insensitively) or everyone
    /// whose first event falls in `range`, and their cohorts by `cohorts` when given.
    pub fn report_with(
        &self,
        persona: Option<&str>,
        range: &DateRange,
        cohorts: Option<CohortPeriod>,
    ) -> Result<Report> {
        // One snapshot for the report and its cohorts, even while another process imports.
        let _snapshot = self.conn().unchecked_transaction()?;
        let persona = persona.map(|name| self.persona_named(name)).transpose()?;
        let mut report = self.report_in(persona, range)?;
        if let Some(period) = cohorts {
            report.cohorts = Some(self.cohort_table(persona, range, period)?);
        }
        Ok(report)
    }

    /// The persona called `name` (case-insensitively), or an error listing the known ones.
    pub fn persona_named(&self, name: &str) -> Result<PersonaId> {
        match self.persona_id_by_name(name)? {
            Some(id) => Ok(id),
            None => {
                let mut known: Vec<String> = self
                    .conn()
                    .prepare("SELECT name FROM personas")?
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                known.sort_by(|a, b| collate::compare(a, b));
                Err(StoreError::UnknownPersona {
                    path: self.path().to_path_buf(),
                    name: name.trim().to_owned(),
                    known,
                })
            }
        }
    }

    fn persona_id_by_name(&self, name: &str) -> Result<Option<PersonaId>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn()
            .query_row("SELECT id FROM personas WHERE name_key = ?1", [Persona::name_key(name)], |r| r.get(0))
            .optional()?)
    }

    /// The report over all customers, or over the customers of one persona.
    pub fn report_for(&self, persona: Option<PersonaId>) -> Result<Report> {
        self.report_in(persona, &DateRange::ALL)
    }

    /// The report over the customers (of one persona, or all) whose first event falls in
    /// `range`, with the emotion entries logged in it.
    pub fn report_in(&self, persona: Option<PersonaId>, range: &DateRange) -> Result<Report> {
        let conn = self.conn();
        let pid = persona.map(|p| p.0);

        // Personas and how far their customers got, in one pass over the
        // (persona_id, furthest_stage) index; customers without a persona (theirs was
        // deleted) count in the overall funnel only.
        let mut personas: Vec<(i64, PersonaFunnel)> = Vec::new();
        {
            let mut stmt =
                conn.prepare_cached("SELECT id, name, color FROM personas WHERE ?1 IS NULL OR id = ?1")?;
            let mut rows = stmt.query([pid])?;
            while let Some(row) = rows.next()? {
                let row = StoredRow::new(row, "personas", 0)?;
                let funnel =
                    PersonaFunnel { name: row.get(1)?, customers: 0, reached: [0; 8], color: row.get(2)? };
                personas.push((row.id(), funnel));
            }
        }
        personas.sort_by_key(|(id, _)| *id);
        let persona_name = match pid {
            Some(id) => Some(personas.first().map(|(_, p)| p.name.clone()).ok_or(StoreError::NotFound(id))?),
            None => None,
        };
        let mut furthest = [0_u64; 8];
        let mut per_persona: Vec<[u64; 8]> = vec![[0; 8]; personas.len()];
        {
            let scope = if pid.is_some() { "persona_id = ?1" } else { "?1 IS NULL" };
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT persona_id, furthest_stage, count(*) FROM customers
                 WHERE {scope}{} GROUP BY persona_id, furthest_stage",
                seconds_filter(range, "first_at")
            ))?;
            let mut rows = stmt.query([pid])?;
            while let Some(row) = rows.next()? {
                let owner: Option<i64> = row.get(0)?;
                let stage: Stage = GroupRow::new(conn, row, "customers", "id").get(1, "furthest_stage")?;
                let count: u64 = row.get(2)?;
                furthest[stage.index()] += count;
                if let Some(at) = owner.and_then(|o| personas.binary_search_by_key(&o, |(id, _)| *id).ok()) {
                    per_persona[at][stage.index()] += count;
                }
            }
        }
        for ((_, p), histogram) in personas.iter_mut().zip(&per_persona) {
            p.reached = Funnel::from_furthest(*histogram).reached;
            p.customers = p.reached[0];
        }
        let mut personas: Vec<PersonaFunnel> = personas.into_iter().map(|(_, p)| p).collect();
        personas.sort_by_cached_key(|p| collate::sort_key(&p.name));

        let mut funnel = Funnel::from_furthest(furthest);
        funnel.median_days_from_start = self.median_days(pid, range)?;
        let emotions = self.emotion_stats_in(persona, range)?;
        Ok(Report { persona: persona_name, funnel, emotions, personas, range: *range, cohorts: None })
    }

    /// Median `days_from_start` per stage: count the events of the stage, then skip to the
    /// middle of the `(…, stage, days_from_start)` index.
    /// With a range, the events are those of the customers who started in it: still in
    /// index order, the others skipped on the way to the middle.
    fn median_days(&self, persona: Option<i64>, range: &DateRange) -> Result<[Option<f64>; 8]> {
        let conn = self.conn();
        let mut counts = [0_i64; 8];
        let scope = if persona.is_some() { "persona_id = ?1" } else { "?1 IS NULL" };
        let within = customer_filter(range, "customer_id");
        let count_sql =
            format!("SELECT stage, count(*) FROM stage_events WHERE {scope}{within} GROUP BY stage");
        let middle_sql = format!(
            "SELECT days_from_start FROM stage_events WHERE {scope} AND stage = ?2{within}
             ORDER BY days_from_start LIMIT 2 OFFSET ?3"
        );
        {
            let mut stmt = conn.prepare_cached(&count_sql)?;
            let mut rows = stmt.query([persona])?;
            while let Some(row) = rows.next()? {
                let stage: Stage = GroupRow::new(conn, row, "stage_events", "customer_id").get(0, "stage")?;
                counts[stage.index()] = row.get(1)?;
            }
        }
        let mut medians = [None; 8];
        let mut stmt = conn.prepare_cached(&middle_sql)?;
        for (stage, (&n, median)) in Stage::ALL.iter().zip(counts.iter().zip(&mut medians)) {
            if n == 0 {
                continue;
            }
            let middle: Vec<f64> = stmt
                .query_map(rusqlite::params![persona, stage, (n - 1) / 2], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            *median = match (n % 2, middle.as_slice()) {
                (1, [m, ..]) => Some(*m),
                (0, [a, b]) => Some((a + b) / 2.0),
                _ => None,
            };
        }
        Ok(medians)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_workspace_reports_zeroes() {
        let ws = Workspace::open_in_memory().expect("ws");
        let report = ws.report(None).expect("report");
        assert_eq!(report.customers(), 0);
        assert_eq!(report.biggest_drop_off(), None);
        assert!(report.to_table().contains("No customers yet"));
        let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
        assert_eq!(json["stages"].as_array().map(Vec::len), Some(8));
        assert!(json["biggest_drop_off"].is_null());
        let err = ws.report(Some("Nobody")).expect_err("unknown");
        assert!(err.to_string().contains("\"Nobody\""), "{err}");
    }
}
