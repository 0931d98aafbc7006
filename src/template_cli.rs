//! `fanpath demo --template NAME|FILE [--language en|vi]`: a workspace made from a
//! built-in industry template or from a trainer's own copy of one (issue #11 §2).

use std::path::Path;

use anyhow::Context;
use fanpath::model::Language;
use fanpath::model::template::{Template, builtin, builtin_keys};
use fanpath::store::backup::BackupReason;
use fanpath::store::{DemoOptions, Workspace};

use crate::export_cli::LanguageArg;

/// Fills the workspace at `db` from the template `name` (a built-in key, or a path to a
/// `.json` file), writing `options.customers` made-up customers.
pub fn demo(
    db: &Path,
    name: &str,
    language: Option<LanguageArg>,
    options: DemoOptions,
) -> anyhow::Result<()> {
    let loaded;
    let template = if looks_like_a_file(name) {
        let text =
            std::fs::read_to_string(name).with_context(|| format!("cannot read the template {name}"))?;
        loaded = Template::parse(&text).with_context(|| format!("{name} cannot be used"))?;
        if let Some(asked) = language.map(Language::from)
            && asked != loaded.language
        {
            anyhow::bail!(
                "{name} is written in {}; a template file has one language, so leave out --language",
                loaded.language.native_name()
            );
        }
        &loaded
    } else {
        // The built-in templates keep the first demo's language unless asked otherwise.
        builtin(name, language.map_or(Language::Vietnamese, Language::from))?
    };
    let mut workspace = Workspace::open(db)?;
    if options.replace
        && let Some(backup) = workspace.backup_now(BackupReason::BeforeChange)?
    {
        eprintln!("Backed up the workspace to {} first", backup.path.display());
    }
    let summary = workspace.write_template(template, &options).map_err(|err| err.in_file(db))?;
    println!("{summary}");
    println!("Workspace: {}", db.display());
    Ok(())
}

/// A path (has a separator or ends in `.json`) rather than a built-in key; a key that
/// names an existing file in the current folder is still the built-in one.
fn looks_like_a_file(name: &str) -> bool {
    name.ends_with(".json") || name.contains(['/', '\\']) && !builtin_keys().contains(&name)
}
