//! Before/after a launch as JSON, a text table (the CLI) and CSV (the app's export): one
//! row per stage with both groups' `reached`, the step conversion into the stage, the
//! difference in points and the p-value.

use serde::Serialize;

use super::export::to_csv;
use crate::i18n::Tr;
use crate::i18n::format::{count, decimal, percent};
use crate::model::Language::English;
use crate::model::launch::{LaunchComparison, Verdict};
use crate::model::stage::Stage;

/// One stage of the comparison; the step is the one *into* the stage (none for stage 1).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LaunchStageRow {
    pub stage: u8,
    pub name: &'static str,
    pub before_reached: u64,
    pub after_reached: u64,
    /// Share of the before group at the previous stage that reached this one.
    pub before_step_conversion: Option<f64>,
    pub after_step_conversion: Option<f64>,
    /// `(after − before) × 100`.
    pub difference_points: Option<f64>,
    /// Two-sided p-value of the pooled z-test; none when there are too few customers.
    pub p_value: Option<f64>,
    /// `improved`, `worsened`, `no_clear_change`, `too_few`; none for stage 1.
    pub verdict: Option<&'static str>,
}

/// The verdict's key in JSON and CSV.
fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Improved => "improved",
        Verdict::Worsened => "worsened",
        Verdict::NoClearChange => "no_clear_change",
        Verdict::TooFew => "too_few",
    }
}

/// The eight rows of `comparison`.
pub fn launch_rows(comparison: &LaunchComparison) -> [LaunchStageRow; 8] {
    Stage::ALL.map(|stage| {
        let step = comparison.steps.iter().find(|s| s.to == stage);
        LaunchStageRow {
            stage: stage.number(),
            name: stage.name_en(),
            before_reached: comparison.before.reached(stage),
            after_reached: comparison.after.reached(stage),
            before_step_conversion: step.and_then(|s| s.before.rate()),
            after_step_conversion: step.and_then(|s| s.after.rate()),
            difference_points: step.and_then(|s| s.difference_points),
            p_value: step.and_then(|s| s.test).map(|t| t.p_value),
            verdict: step.map(|s| verdict_key(s.verdict)),
        }
    })
}

#[derive(Serialize)]
struct JsonGroup {
    customers: u64,
    first_day: String,
    last_day: String,
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    version: &'a str,
    launch_date: String,
    window_days: u32,
    today: String,
    before: JsonGroup,
    after: JsonGroup,
    stages: [LaunchStageRow; 8],
    sentences: Vec<String>,
}

/// The comparison as pretty-printed JSON (shape in the README).
pub fn launch_json(comparison: &LaunchComparison, version: &str) -> String {
    let w = comparison.window;
    let day_before = |d: chrono::NaiveDate| d.pred_opt().unwrap_or(d).to_string();
    let json = JsonComparison {
        version,
        launch_date: w.launch.to_string(),
        window_days: w.window_days,
        today: w.today.to_string(),
        before: JsonGroup {
            customers: comparison.before.customers(),
            first_day: w.start().to_string(),
            last_day: day_before(w.launch),
        },
        after: JsonGroup {
            customers: comparison.after.customers(),
            first_day: w.launch.to_string(),
            last_day: day_before(w.end().min(w.latest_counted_day().succ_opt().unwrap_or(w.today))),
        },
        stages: launch_rows(comparison),
        sentences: comparison.steps.iter().map(|s| Tr(English).launch_step(s)).collect(),
    };
    serde_json::to_string_pretty(&json).unwrap_or_default()
}

/// The comparison as a text table for the terminal, then the who-is-compared line and
/// one sentence per step.
pub fn launch_table(comparison: &LaunchComparison, version: &str) -> String {
    let tr = Tr(English);
    let opt_pct = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| percent(v, English));
    let mut out = format!("{version}, launched {}\n", comparison.window.launch);
    out.push_str(&format!(
        "{:<18} {:>10} {:>10} {:>10} {:>10} {:>8} {:>9}\n",
        "Stage", "Before", "After", "Step bef.", "Step aft.", "Points", "p"
    ));
    for row in launch_rows(comparison) {
        out.push_str(&format!(
            "{:<18} {:>10} {:>10} {:>10} {:>10} {:>8} {:>9}\n",
            format!("{}. {}", row.stage, row.name),
            count(row.before_reached, English),
            count(row.after_reached, English),
            opt_pct(row.before_step_conversion),
            opt_pct(row.after_step_conversion),
            row.difference_points.map_or_else(|| "–".to_owned(), |v| decimal(v, true, English)),
            row.p_value.map_or_else(|| "–".to_owned(), |p| format!("{p:.4}")),
        ));
    }
    out.push('\n');
    out.push_str(&tr.launch_groups(comparison));
    out.push('\n');
    for step in &comparison.steps {
        out.push_str(&format!("- {}\n", tr.launch_step(step)));
    }
    out
}

/// Columns of [`launch_csv`].
pub const LAUNCH_COLUMNS: [&str; 9] = [
    "stage",
    "name",
    "before_reached",
    "after_reached",
    "before_step_conversion",
    "after_step_conversion",
    "difference_points",
    "p_value",
    "verdict",
];

/// The comparison as CSV, one row per stage (rates as fractions, empty cells where a number
/// does not exist); a UTF-8 BOM and CRLF line ends like the other exports.
pub fn launch_csv(comparison: &LaunchComparison) -> String {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let rows = launch_rows(comparison).into_iter().map(|r| {
        vec![
            r.stage.to_string(),
            r.name.to_owned(),
            r.before_reached.to_string(),
            r.after_reached.to_string(),
            opt(r.before_step_conversion),
            opt(r.after_step_conversion),
            opt(r.difference_points),
            opt(r.p_value),
            r.verdict.unwrap_or_default().to_owned(),
        ]
    });
    to_csv(&LAUNCH_COLUMNS, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::launch::LaunchWindow;

    fn comparison() -> LaunchComparison {
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let window = LaunchWindow { launch: day("2026-03-01"), window_days: 30, today: day("2026-06-01") };
        // Before: 470 of 1,000 stop at Kickoff; after: 390 of 1,000 do.
        let mut before = [0; 8];
        (before[3], before[4]) = (470, 530);
        let mut after = [0; 8];
        (after[3], after[4]) = (390, 610);
        LaunchComparison::from_furthest(window, before, after)
    }

    #[test]
    fn rows_json_and_csv_carry_the_same_numbers() {
        let c = comparison();
        let rows = launch_rows(&c);
        assert_eq!(rows[0].verdict, None);
        let acclimation = rows[4];
        assert_eq!((acclimation.before_reached, acclimation.after_reached), (530, 610));
        assert_eq!(acclimation.before_step_conversion, Some(0.53));
        assert_eq!(acclimation.verdict, Some("improved"));
        let p = acclimation.p_value.expect("enough customers");
        assert!((p - 0.000_302).abs() < 2e-6, "{p}");

        let json: serde_json::Value = serde_json::from_str(&launch_json(&c, "To-be")).expect("json");
        assert_eq!(json["version"], "To-be");
        assert_eq!(json["before"]["customers"], 1000);
        assert_eq!(json["before"]["first_day"], "2026-01-30");
        assert_eq!(json["after"]["last_day"], "2026-03-30");
        assert_eq!(json["stages"][4]["after_reached"], 610);
        assert_eq!(
            json["stages"][4]["difference_points"].as_f64().map(|v| (v - 8.0).abs() < 1e-9),
            Some(true)
        );
        assert!(json["sentences"][3].as_str().is_some_and(|s| s.contains("improved from 53.0 % to 61.0 %")));

        let csv = launch_csv(&c);
        let line = csv.lines().nth(5).expect("stage 5 row");
        assert!(line.starts_with("5,Acclimation,530,610,0.53,0.61,"), "{line}");
        assert!(line.ends_with(",improved"), "{line}");
        assert!(launch_table(&c, "To-be").contains("Kickoff → Acclimation improved"));
    }
}
