//! `fanpath import opportunities` and `fanpath export opportunities`: the backlog of one
//! journey version as CSV (issue #10 §3).

use std::path::Path;

use anyhow::Context;
use fanpath::store::export::write_export;
use fanpath::store::{ImportOptions, ImportSummary, StoreError, Workspace, opportunities_csv};

/// Imports an opportunities CSV into a version of the open workspace (all or nothing,
/// unless `skip_invalid`).
pub fn import(
    workspace: &mut Workspace,
    db: &Path,
    file: &Path,
    version_name: Option<&str>,
    skip_invalid: bool,
) -> anyhow::Result<ImportSummary> {
    let version = crate::versions_cli::version_id(workspace, version_name).map_err(|err| in_file(err, db))?;
    let input = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let today = chrono::Local::now().date_naive();
    match workspace.import_opportunities(
        input,
        file,
        Some(version),
        ImportOptions { skip_invalid, ..ImportOptions::default() },
        today,
    ) {
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
    let version =
        crate::versions_cli::version_id(&workspace, version_name).map_err(|err| in_file(err, db))?;
    let opportunities = workspace.opportunities(Some(version)).map_err(|err| err.in_file(db))?;
    let personas = workspace.personas().map_err(|err| err.in_file(db))?;
    write_export(file, opportunities_csv(&opportunities, &personas))?;
    println!("Wrote {} opportunities to {}", opportunities.len(), file.display());
    Ok(())
}

/// Names the workspace in a version error, as the other commands' errors do.
fn in_file(err: anyhow::Error, db: &Path) -> anyhow::Error {
    match err.downcast::<StoreError>() {
        Ok(err) => err.in_file(db).into(),
        Err(err) => err,
    }
}
