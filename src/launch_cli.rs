//! `fanpath report --compare-launch VERSION`: before/after a launch from the command line.

use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use fanpath::i18n::versions::CURRENT_NAMES;
use fanpath::model::launch::LaunchWindow;
use fanpath::store::Workspace;
use fanpath::store::launch_export::{launch_json, launch_table};

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

/// The launch date of the version named `name`, or `name` itself read as a date (for a
/// change made outside Fanpath's versions).
fn launch_date(workspace: &Workspace, name: &str) -> anyhow::Result<NaiveDate> {
    let id = match workspace.version_named(name, &CURRENT_NAMES) {
        Ok(id) => id,
        Err(err) => {
            // Not a version: a date will do; otherwise the error names the versions there are.
            return NaiveDate::parse_from_str(name.trim(), "%Y-%m-%d").map_err(|_| anyhow::Error::new(err));
        }
    };
    let version = workspace.version(id)?;
    version.launch_date.with_context(|| {
        format!(
            "the version \"{}\" has no launch date: set one in the window (Journey versions…)",
            version.name
        )
    })
}
