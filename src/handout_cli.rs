//! `fanpath export map|persona|pack`: the hand-outs (journey map poster, persona one-pager,
//! workshop pack) from the command line.

use std::path::Path;

use anyhow::Context;
use fanpath::handout::{self, JourneyMap, WorkshopPack};
use fanpath::model::{Language, PersonaId};
use fanpath::store::Workspace;
use fanpath::store::export::write_export;

use crate::open_existing;

/// The persona called `name` (in any case), or an error naming the workspace.
fn persona_id(workspace: &Workspace, db: &Path, name: &str) -> anyhow::Result<PersonaId> {
    Ok(workspace
        .persona_by_name(name)?
        .ok_or_else(|| anyhow::anyhow!("there is no persona called \"{name}\" in {}", db.display()))?
        .id)
}

/// Whether `file` names a PNG (by extension, any case); otherwise it must be a PDF.
fn is_png(file: &Path) -> anyhow::Result<bool> {
    let extension = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("png") => Ok(true),
        Some("pdf") => Ok(false),
        _ => anyhow::bail!("{} must end in .pdf or .png", file.display()),
    }
}

/// `fanpath export map FILE.pdf|FILE.png --persona NAME`.
pub fn map(
    db: &Path,
    file: &Path,
    persona: &str,
    version: Option<&str>,
    language: Language,
) -> anyhow::Result<()> {
    let png = is_png(file)?;
    let workspace = open_existing(db)?;
    let id = persona_id(&workspace, db, persona)?;
    let version = crate::versions_cli::version_id(&workspace, version)?;
    let map = JourneyMap::load(&workspace, id, Some(version), language).map_err(|err| err.in_file(db))?;
    let bytes = if png {
        fanpath::ui::handout_png::journey_map_png(&map, language).context("could not draw the poster")?
    } else {
        handout::journey_map_pdf(&map, language)?.bytes
    };
    write_export(file, bytes)?;
    println!("Wrote the journey map of {} to {}", map.persona.name, file.display());
    Ok(())
}

/// `fanpath export persona FILE.pdf --persona NAME`.
pub fn persona(db: &Path, file: &Path, persona: &str, language: Language) -> anyhow::Result<()> {
    if is_png(file)? {
        anyhow::bail!("the persona one-pager is a PDF: name the file .pdf");
    }
    let workspace = open_existing(db)?;
    let id = persona_id(&workspace, db, persona)?;
    let card = workspace.persona(id).map_err(|err| err.in_file(db))?;
    write_export(file, handout::persona_pdf(&card, language)?.bytes)?;
    println!("Wrote the persona card of {} to {}", card.name, file.display());
    Ok(())
}

/// `fanpath export pack FILE.pdf`.
pub fn pack(db: &Path, file: &Path, version: Option<&str>, language: Language) -> anyhow::Result<()> {
    if is_png(file)? {
        anyhow::bail!("the workshop pack is a PDF: name the file .pdf");
    }
    let workspace = open_existing(db)?;
    let version = crate::versions_cli::version_id(&workspace, version)?;
    let pack = WorkshopPack::load(&workspace, Some(version), language).map_err(|err| err.in_file(db))?;
    let written = handout::workshop_pack_pdf(&pack, language)?;
    write_export(file, written.bytes)?;
    let personas = pack.maps.len();
    let noun = if personas == 1 { "persona" } else { "personas" };
    println!("Wrote the workshop pack ({} pages, {personas} {noun}) to {}", written.pages, file.display());
    Ok(())
}
