//! `fanpath report --compare-launch VERSION` and `fanpath export chart launch`: before/after
//! a launch from the command line.

use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use fanpath::i18n::Tr;
use fanpath::i18n::versions::CURRENT_NAMES;
use fanpath::model::Language;
use fanpath::model::launch::LaunchWindow;
use fanpath::store::export::write_export;
use fanpath::store::launch_export::{launch_json, launch_table};
use fanpath::store::{AnalyticsOptions, Workspace};
use fanpath::ui::analytics::export::chart_png;
use fanpath::ui::analytics::{Chart, ChartOptions};

/// What `report --compare-launch` was asked.
pub struct CompareLaunch<'a> {
    /// A version's name (its launch date is used), or a launch date as YYYY-MM-DD.
    pub version: &'a str,
    pub window_days: u32,
    pub persona: Option<&'a str>,
    /// The reference day of the age rule; today when not given.
    pub today: Option<NaiveDate>,
    pub json: bool,
}

/// Prints the comparison of the customers who started before and after the launch.
pub fn compare_launch(path: &Path, workspace: &Workspace, ask: &CompareLaunch<'_>) -> anyhow::Result<()> {
    let launch = launch_date(workspace, ask.version)?;
    let persona = match ask.persona {
        Some(name) => Some(workspace.persona_named(name).map_err(|err| err.in_file(path))?),
        None => None,
    };
    let today = ask.today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let window = LaunchWindow { launch, window_days: ask.window_days, today };
    let comparison = workspace.launch_comparison(window, persona).map_err(|err| err.in_file(path))?;
    if ask.json {
        println!("{}", launch_json(&comparison, ask.version));
    } else {
        print!("{}", launch_table(&comparison, ask.version));
    }
    Ok(())
}

/// What `export chart launch` was asked.
pub struct LaunchChart<'a> {
    /// A version's name (its launch date is used), or a launch date as YYYY-MM-DD.
    pub version: &'a str,
    pub window_days: u32,
    pub persona: Option<&'a str>,
    pub language: Language,
}

/// `fanpath export chart launch FILE.png --version NAME`: the Analytics view's before/after
/// chart, counted up to today, into a 1600 × 900 PNG.
pub fn export_chart(path: &Path, file: &Path, ask: &LaunchChart<'_>) -> anyhow::Result<()> {
    let workspace = crate::open_existing(path)?;
    let (launch, name) = launch_and_name(&workspace, ask.version, ask.language)?;
    let persona = match ask.persona {
        Some(name) => Some(workspace.persona_named(name).map_err(|err| err.in_file(path))?),
        None => None,
    };
    let today = chrono::Local::now().date_naive();
    let window = LaunchWindow { launch, window_days: ask.window_days, today };
    let options = AnalyticsOptions {
        persona,
        reference_date: today,
        launch: Some(window),
        ..AnalyticsOptions::default()
    };
    let analytics = workspace.analytics(&options).map_err(|err| err.in_file(path))?;
    let chart_options = ChartOptions { launch_version: name.clone(), ..ChartOptions::default() };
    let png = chart_png(Chart::BeforeAfterLaunch, &analytics, &chart_options, ask.language)
        .map_err(|err| anyhow::anyhow!("could not draw the chart: {err}"))?;
    write_export(file, png)?;
    println!("Wrote the before/after chart of {name} ({launch}) to {}", file.display());
    Ok(())
}

/// The launch date of the version named `name`, or `name` itself read as a date (for a
/// change made outside Fanpath's versions).
fn launch_date(workspace: &Workspace, name: &str) -> anyhow::Result<NaiveDate> {
    launch_and_name(workspace, name, Language::English).map(|(day, _)| day)
}

/// [`launch_date`] and the name to show for it in `language`: the version's (Fanpath's own
/// "Current" translated), or the date as given.
fn launch_and_name(
    workspace: &Workspace,
    name: &str,
    language: Language,
) -> anyhow::Result<(NaiveDate, String)> {
    let id = match workspace.version_named(name, &CURRENT_NAMES) {
        Ok(id) => id,
        Err(err) => {
            // Not a version: a date will do; otherwise the error names the versions there are.
            let day =
                NaiveDate::parse_from_str(name.trim(), "%Y-%m-%d").map_err(|_| anyhow::Error::new(err))?;
            return Ok((day, name.trim().to_owned()));
        }
    };
    let version = workspace.version(id)?;
    let day = version.launch_date.with_context(|| {
        format!(
            "the version \"{}\" has no launch date: set one in the window (Journey versions…)",
            version.name
        )
    })?;
    Ok((day, Tr(language).version_name(&version)))
}
