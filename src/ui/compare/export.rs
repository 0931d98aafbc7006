//! The Compare view into a 1600 × 900 PNG, for the view's "Export PNG…" and for
//! `fanpath export chart compare`.

use egui::RichText;

use super::chart::{CompareShown, compare_body_ui};
use crate::i18n::{Text, Tr};
use crate::model::{Language, PersonaId, VersionId};
use crate::store::{Result, Workspace};
use crate::ui::analytics::export::{EXPORT_SCALE, EXPORT_SIZE};
use crate::ui::{raster, style};

/// Draws `shown` titled, as the view shows it, into a PNG.
pub fn compare_png(shown: &CompareShown, language: Language) -> Result<Vec<u8>, image::ImageError> {
    let tr = Tr(language);
    let title = format!("{}: {}", tr.t(Text::CompareTitle), shown.title());
    let image = raster::render(EXPORT_SIZE, EXPORT_SCALE, style::install, |ui| {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.label(RichText::new(&title).heading());
            compare_body_ui(ui, tr, shown, true);
        });
    });
    raster::png_bytes(&image)
}

/// Reads the comparison of versions `a` and `b` (one persona or all) from the workspace,
/// with the names it is shown under in `language`.
pub fn read_comparison(
    workspace: &Workspace,
    (a, b): (VersionId, VersionId),
    persona: Option<PersonaId>,
    language: Language,
) -> Result<CompareShown> {
    let tr = Tr(language);
    let persona_name = match persona {
        Some(id) => Some(workspace.persona(id)?.name),
        None => None,
    };
    Ok(CompareShown {
        a: tr.version_name(&workspace.version(a)?),
        b: tr.version_name(&workspace.version(b)?),
        persona: persona_name,
        comparison: workspace.compare_versions(a, b, persona)?,
        open_opportunities: (
            workspace.open_opportunities_per_stage(a, persona)?,
            workspace.open_opportunities_per_stage(b, persona)?,
        ),
    })
}
