//! `fanpath import opportunities` and `fanpath export opportunities`: the backlog of one
//! journey version as CSV (issue #10 §3).

use std::path::Path;

use anyhow::Context;
use fanpath::model::VersionId;
use fanpath::store::export::write_export;
use fanpath::store::{ImportOptions, ImportSummary, StoreError, Workspace, opportunities_csv};

/// The version called `name`, or the first version; an unknown name is refused, listing
/// none of the guesswork: the user should say which version they mean.
fn version(workspace: &Workspace, name: Option<&str>, db: &Path) -> anyhow::Result<VersionId> {
    match name {
        Some(name) => workspace
            .version_named(name)?
            .ok_or_else(|| anyhow::anyhow!("there is no journey version called \"{name}\" in {}", db.display())),
        None => workspace
            .first_version()?
            .ok_or_else(|| anyhow::anyhow!("{} has no journey version", db.display())),
    }
}

/// Imports an opportunities CSV into a version of the open workspace (all or nothing,
/// unless `skip_invalid`).
pub fn import(
    workspace: &mut Workspace,
    db: &Path,
    file: &Path,
    version_name: Option<&str>,
    skip_invalid: bool,
) -> anyhow::Result<ImportSummary> {
    let version = version(workspace, version_name, db)?;
    let input = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let today = chrono::Local::now().date_naive();
    match workspace.import_opportunities(input, file, Some(version), ImportOptions { skip_invalid }, today) {
        Ok(summary) => Ok(summary),
        Err(err @ StoreError::InvalidRows { .. }) => {
            Err(anyhow::anyhow!("{err}\nFix these rows, or pass --skip-invalid to import the valid ones."))
        }
        Err(err) => Err(err.in_file(db).into()),
    }
}

/// Writes the backlog of a version (the first when `version_name` is `None`) to `file`.
pub fn export(db: &Path, file: &Path, version_name: Option<&str>) -> anyhow::Result<()> {
    let workspace = crate::open_existing(db)?;
    let version = version(&workspace, version_name, db)?;
    let opportunities = workspace.opportunities(Some(version)).map_err(|err| err.in_file(db))?;
    let personas = workspace.personas().map_err(|err| err.in_file(db))?;
    write_export(file, opportunities_csv(&opportunities, &personas))?;
    println!("Wrote {} opportunities to {}", opportunities.len(), file.display());
    Ok(())
}
