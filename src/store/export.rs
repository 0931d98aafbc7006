//! Export: the funnel and the emotion log as CSV that Excel opens with Vietnamese text
//! intact, and an atomic file write for every export (CSV, JSON, PNG).
//!
//! The funnel as JSON is [`Report::to_json`].

use std::io::Write;
use std::path::Path;

use super::personas::PersonaRecord;
use super::report::Report;
use super::{Result, StoreError, Workspace};
use crate::model::cohort::{CohortTable, DateRange};
use crate::model::date::format_iso;
use crate::model::emotion::EmotionEntry;
use crate::model::persona::PersonaId;
use crate::model::stage::{Language, Stage};

/// The UTF-8 byte-order mark. Excel reads a CSV file without it in the machine's legacy
/// code page, which garbles Vietnamese.
pub const UTF8_BOM: &str = "\u{feff}";

/// Columns of [`funnel_csv`].
pub const FUNNEL_COLUMNS: [&str; 12] = [
    "stage",
    "name",
    "reached",
    "conversion_from_start",
    "step_conversion",
    "drop_off",
    "drop_off_rate",
    "median_days_from_start",
    "emotion_entries",
    "emotion_mean",
    "emotion_min",
    "emotion_max",
];

/// Columns of [`cohorts_csv`]: the cohort's first day, its customers, then how many
/// reached each stage and the share of the cohort that did.
pub const COHORT_COLUMNS: [&str; 18] = [
    "start",
    "customers",
    "reached_1",
    "reached_2",
    "reached_3",
    "reached_4",
    "reached_5",
    "reached_6",
    "reached_7",
    "reached_8",
    "share_1",
    "share_2",
    "share_3",
    "share_4",
    "share_5",
    "share_6",
    "share_7",
    "share_8",
];

/// The cohorts as CSV, one row per period in order (dates `YYYY-MM-DD`, shares as
/// fractions), with the same BOM and line ends as [`funnel_csv`].
pub fn cohorts_csv(table: &CohortTable) -> String {
    let rows = table.cohorts.iter().map(|cohort| {
        [cohort.start.format("%Y-%m-%d").to_string(), cohort.customers.to_string()]
            .into_iter()
            .chain(cohort.reached.iter().map(u64::to_string))
            .chain(Stage::ALL.iter().map(|s| cohort.share(*s).map(|r| r.to_string()).unwrap_or_default()))
            .collect::<Vec<String>>()
    });
    to_csv(&COHORT_COLUMNS, rows)
}

/// Columns of [`emotions_csv`] and [`emotion_rows_csv`]: the importer's emotion columns (so an export imports
/// back into another workspace), with the date first.
pub const EMOTION_COLUMNS: [&str; 8] =
    ["logged_at", "persona", "stage", "score", "label", "note", "touchpoint", "source"];

/// The funnel report as CSV, one row per stage: the numbers of `fanpath report` (rates as
/// fractions, English stage names as in the JSON). Empty cells where a number does not
/// exist (the step conversion of stage 1, the drop-off of stage 8, a median or mean with
/// no data). Starts with a UTF-8 BOM; CRLF line ends.
pub fn funnel_csv(report: &Report) -> String {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let rows = report.stages().into_iter().map(|s| {
        vec![
            s.stage.number().to_string(),
            s.stage.name_en().to_owned(),
            s.reached.to_string(),
            s.conversion_from_start.to_string(),
            opt(s.step_conversion.map(|v| v.to_string())),
            opt(s.drop_off.map(|v| v.to_string())),
            opt(s.drop_off_rate.map(|v| v.to_string())),
            opt(s.median_days_from_start.map(|v| v.to_string())),
            s.emotion.entries.to_string(),
            opt(s.emotion.mean.map(|v| v.to_string())),
            opt(s.emotion.min.map(|v| v.to_string())),
            opt(s.emotion.max.map(|v| v.to_string())),
        ]
    });
    to_csv(&FUNNEL_COLUMNS, rows)
}

/// The emotion log of one persona (or everyone) as CSV, oldest first, with English stage
/// and source names; see [`emotion_rows_csv`].
pub fn emotions_csv(workspace: &Workspace, persona: Option<PersonaId>) -> Result<String> {
    emotions_csv_in(workspace, persona, &DateRange::ALL)
}

/// [`emotions_csv`] of the entries logged in `range` (by `logged_at`, as `report --from
/// --to` counts emotions): while a range is set, undated entries are left out.
pub fn emotions_csv_in(
    workspace: &Workspace,
    persona: Option<PersonaId>,
    range: &DateRange,
) -> Result<String> {
    let entries = workspace.emotions(persona, None)?;
    let personas = workspace.personas()?;
    let in_range =
        |e: &&EmotionEntry| range.is_all() || e.logged_at.is_some_and(|at| range.contains(at.date()));
    Ok(emotion_rows_csv(entries.iter().map(|(_, e)| e).filter(in_range), &personas, Language::English))
}

/// Emotion entries as CSV, in the order given (pass the rows a table shows, filtered and
/// sorted). `personas` names each entry's persona; an unknown persona leaves the cell
/// empty. Stage and source names are in `language` (the importer reads both languages);
/// dates are `YYYY-MM-DDTHH:MM:SS` or empty; scores are signed (`+3`, `-2`); text cells
/// are [`formula_safe`]. Starts with a UTF-8 BOM; CRLF line ends.
pub fn emotion_rows_csv<'a>(
    entries: impl IntoIterator<Item = &'a EmotionEntry>,
    personas: &[PersonaRecord],
    language: Language,
) -> String {
    let rows = entries.into_iter().map(|e| {
        let persona = personas.iter().find(|p| p.id == e.persona).map(|p| p.persona.name.clone());
        vec![
            e.logged_at.map(format_iso).unwrap_or_default(),
            formula_safe(&persona.unwrap_or_default()),
            e.stage.name(language).to_owned(),
            e.score.to_string(),
            formula_safe(&e.label),
            formula_safe(&e.note),
            formula_safe(&e.touchpoint),
            e.source.name(language).to_owned(),
        ]
    });
    to_csv(&EMOTION_COLUMNS, rows)
}

/// Whether a spreadsheet would read a cell starting with `c` as a formula (or strip the
/// character and then read one).
fn starts_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// A text cell a spreadsheet cannot run: one starting with `=`, `+`, `-`, `@`, a tab or a
/// CR gets a `'` in front (CSV formula injection: a note `=HYPERLINK(…)` would otherwise
/// become a live formula in whoever opens the export). Scores are numbers and left alone.
pub(crate) fn formula_safe(text: &str) -> String {
    if text.starts_with(starts_formula) { format!("'{text}") } else { text.to_owned() }
}

/// Undoes [`formula_safe`] on a cell read back by the importer, so an export imports
/// unchanged.
pub(crate) fn formula_restored(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(starts_formula) => rest,
        _ => text,
    }
}

pub(crate) fn to_csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    fn write(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> csv::Result<Vec<u8>> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(UTF8_BOM.as_bytes().to_vec());
        out.write_record(header)?;
        for row in rows {
            out.write_record(&row)?;
        }
        out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
    // Writing whole, equal-length records of text into memory cannot fail, and text in
    // gives UTF-8 out.
    write(header, rows).ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// Writes `contents` to `path` atomically: into a temporary file beside it, flushed to
/// disk, then renamed over `path`, so a crash or a full disk never leaves half a file
/// (and never damages an existing one). Errors name `path`.
pub fn write_export(path: &Path, contents: impl AsRef<[u8]>) -> Result<()> {
    let io = |source| StoreError::Io { path: path.to_path_buf(), source };
    let name = path
        .file_name()
        .ok_or_else(|| io(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name")))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let written = (|| {
        let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).open(&temp)?;
        file.write_all(contents.as_ref())?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if let Err(err) = written {
        // Best effort: the temporary file may not even exist.
        let _ = std::fs::remove_file(&temp);
        return Err(io(err));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_date_time;
    use crate::model::emotion::{Score, Source};
    use crate::model::persona::Persona;
    use crate::model::stage::Stage;
    use crate::store::{ImportKind, ImportOptions};

    fn read(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(UTF8_BOM).expect("starts with a BOM");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
        reader.records().map(|r| r.expect("valid CSV").iter().map(str::to_owned).collect()).collect()
    }

    fn entry(persona: i64, stage: Stage, score: i64, label: &str, note: &str) -> EmotionEntry {
        EmotionEntry {
            persona: PersonaId(persona),
            stage,
            score: Score::new(score).expect("score"),
            label: label.to_owned(),
            note: note.to_owned(),
            touchpoint: "Zalo".to_owned(),
            source: Source::Interview,
            logged_at: Some(parse_date_time("2024-03-05T09:30:00").expect("date")),
        }
    }

    #[test]
    fn funnel_rows_with_bom_and_crlf() {
        let mut ws = Workspace::open_in_memory().expect("ws");
        let events = [("a", 1, "2024-01-01"), ("a", 2, "2024-01-03"), ("b", 1, "2024-01-01")];
        ws.import_customer_events(events.map(|(c, s, at)| crate::model::CustomerEvent {
            customer_id: c.into(),
            persona: "Hằng".into(),
            stage: Stage::from_number(s).expect("stage"),
            reached_at: parse_date_time(at).expect("date"),
        }))
        .expect("import");
        let report = ws.report_for(None).expect("report");
        let text = funnel_csv(&report);
        assert!(text.starts_with("\u{feff}stage,name,reached,"), "{text}");
        assert!(text.ends_with("\r\n"));
        assert_eq!(text.matches("\r\n").count(), 9);
        assert_eq!(text.matches('\n').count(), 9, "no bare LF");
        let rows = read(&text);
        assert_eq!(rows[0], FUNNEL_COLUMNS);
        assert_eq!(rows[1], ["1", "Evaluation", "2", "1", "", "1", "0.5", "0", "0", "", "", ""]);
        assert_eq!(rows[2], ["2", "Acknowledgment", "1", "0.5", "0.5", "1", "1", "2", "0", "", "", ""]);
        // Nobody reached Adoption: no step conversion into Advocacy.
        assert_eq!(rows[8][..8], ["8", "Advocacy", "0", "0", "", "", "", ""]);
    }

    #[test]
    fn text_cells_cannot_become_spreadsheet_formulas() {
        let personas = vec![PersonaRecord { id: PersonaId(1), persona: Persona::named("=HYPERLINK(\"x\")") }];
        let entries = [
            entry(1, Stage::Validation, -3, "+cmd|' /C calc'!A0", "-2+3"),
            entry(1, Stage::Advocacy, 2, "@SUM(A1)", "\tx"),
            entry(1, Stage::Advocacy, 0, "\rx", "a=b"),
        ];
        let text = emotion_rows_csv(&entries, &personas, Language::English);
        let rows = read(&text);
        assert_eq!(rows[1][1], "'=HYPERLINK(\"x\")");
        assert_eq!(rows[1][3..6], ["-3", "'+cmd|' /C calc'!A0", "'-2+3"], "the score stays a number");
        assert_eq!(rows[2][3..6], ["+2", "'@SUM(A1)", "'\tx"]);
        assert_eq!(rows[3][3..6], ["0", "'\rx", "a=b"]);
        // The importer takes the quote off again: the entries come back as they were.
        let mut ws = Workspace::open_in_memory().expect("ws");
        let import = |ws: &mut Workspace| {
            ws.import_csv_from(
                ImportKind::Emotions,
                text.as_bytes(),
                Path::new("export.csv"),
                ImportOptions::default(),
                &mut |_| {},
            )
        };
        import(&mut ws).expect("import");
        let back: Vec<EmotionEntry> =
            ws.emotions(None, None).expect("list").into_iter().map(|(_, e)| e).collect();
        let id = ws.persona_by_name("=HYPERLINK(\"x\")").expect("query").expect("created").id;
        for e in &entries {
            let e = EmotionEntry { persona: id, ..e.clone() };
            assert!(back.contains(&e), "{e:?} not in {back:?}");
        }
    }

    #[test]
    fn emotions_round_trip_with_vietnamese_text() {
        let personas =
            vec![PersonaRecord { id: PersonaId(7), persona: Persona::named("Nguyễn Thị Hằng") }];
        let entries = [
            entry(7, Stage::Validation, -3, "hối tiếc sau mua", "Đắt hơn quán quen, \"lăn tăn\"\nmột chút"),
            entry(7, Stage::Acknowledgment, 4, "phấn khích", ""),
            entry(99, Stage::Advocacy, 0, "", ""),
        ];
        let text = emotion_rows_csv(&entries, &personas, Language::Vietnamese);
        assert!(text.starts_with(UTF8_BOM));
        let rows = read(&text);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0], EMOTION_COLUMNS);
        assert_eq!(
            rows[1],
            [
                "2024-03-05T09:30:00",
                "Nguyễn Thị Hằng",
                "Xác nhận",
                "-3",
                "hối tiếc sau mua",
                "Đắt hơn quán quen, \"lăn tăn\"\nmột chút",
                "Zalo",
                "Phỏng vấn",
            ]
        );
        assert_eq!(rows[2][2..4], ["Thừa nhận", "+4"]);
        assert_eq!(rows[3][1], "", "unknown persona");
        let english = read(&emotion_rows_csv(&entries[..1], &personas, Language::English));
        assert_eq!((english[1][2].as_str(), english[1][7].as_str()), ("Validation", "Interview"));

        // What was exported imports back into a fresh workspace, unchanged.
        let mut ws = Workspace::open_in_memory().expect("ws");
        ws.import_csv_from(
            ImportKind::Emotions,
            text.as_bytes(),
            Path::new("export.csv"),
            ImportOptions::default(),
            &mut |_| {},
        )
        .expect_err("the unnamed persona's row is invalid");
        let text = emotion_rows_csv(&entries[..2], &personas, Language::Vietnamese);
        ws.import_csv_from(
            ImportKind::Emotions,
            text.as_bytes(),
            Path::new("export.csv"),
            ImportOptions::default(),
            &mut |_| {},
        )
        .expect("re-import");
        let id = ws.persona_by_name("Nguyễn Thị Hằng").expect("query").expect("created").id;
        let back: Vec<EmotionEntry> =
            ws.emotions(None, None).expect("list").into_iter().map(|(_, e)| e).collect();
        let expected: Vec<EmotionEntry> =
            entries[..2].iter().map(|e| EmotionEntry { persona: id, ..e.clone() }).collect();
        assert_eq!(back.len(), 2);
        for e in &expected {
            assert!(back.contains(e), "{e:?} not in {back:?}");
        }

        // The workspace's log, in English.
        let log = read(&emotions_csv(&ws, Some(id)).expect("csv"));
        assert_eq!(log.len(), 3);
        assert!(log[1..].iter().all(|r| r[1] == "Nguyễn Thị Hằng"));
        assert!(log[1..].iter().any(|r| r[2..4] == ["Validation", "-3"] && r[7] == "Interview"));
        assert_eq!(read(&emotions_csv(&ws, Some(PersonaId(999))).expect("csv")), [EMOTION_COLUMNS]);
    }

    #[test]
    fn writes_atomically_and_names_the_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("phễu.csv");
        write_export(&path, "old").expect("write");
        write_export(&path, "mới").expect("replace");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "mới");
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, [std::ffi::OsString::from("phễu.csv")], "no temporary file left");

        let missing = dir.path().join("no such folder").join("funnel.csv");
        let err = write_export(&missing, "x").expect_err("no folder");
        assert!(err.to_string().contains(&missing.display().to_string()), "{err}");
        // A folder in the way: the rename fails and the temporary file is removed.
        let folder = dir.path().join("taken");
        std::fs::create_dir(&folder).expect("mkdir");
        let err = write_export(&folder, "x").expect_err("a folder");
        assert!(err.to_string().contains("taken"), "{err}");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
    }
}
