//! File → Export journey map… and Export workshop pack…: a save dialog on the frame, the
//! reading and drawing on the worker (a pack of many personas takes a moment to draw).

use std::path::PathBuf;

use super::FanpathApp;
use super::handout_job::Handout;
use super::worker::{Export, Job};
use crate::i18n::{Text, Tr};
use crate::model::PersonaId;

impl FanpathApp {
    /// Asks where to write the selected persona's journey map (PDF or PNG) and writes it.
    pub(super) fn export_journey_map(&mut self) {
        let tr = Tr(self.settings.language);
        let Some(persona) = self.selection.persona else {
            self.status = Some(tr.t(Text::SelectPersonaForMap).to_owned());
            return;
        };
        let name =
            self.data.personas.iter().find(|p| p.id == persona).map_or("", |p| p.persona.name.as_str());
        let dialog = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportJourneyMap))
            .add_filter(tr.t(Text::PdfFiles), &["pdf"])
            .add_filter(tr.t(Text::Images), &["png"])
            .set_file_name(format!("{} — {name}.pdf", tr.t(Text::HandoutJourneyMap)));
        let Some(path) = self.save_file(dialog) else { return };
        self.export_journey_map_to(persona, path);
    }

    /// Writes `persona`'s journey map at `path` off the frame: PNG if the name ends in .png,
    /// otherwise PDF.
    pub fn export_journey_map_to(&mut self, persona: PersonaId, path: PathBuf) {
        let png = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png"));
        // The journey the board shows: a to-be version's map is handed out as designed.
        let version = self.board_version();
        let export = Export::Handout(Handout::JourneyMap { persona, png, version });
        self.submit(Job::Export { path, export, language: self.settings.language });
    }

    /// Asks where to write the workshop pack and writes it.
    pub(super) fn export_workshop_pack(&mut self) {
        let tr = Tr(self.settings.language);
        let dialog = rfd::FileDialog::new()
            .set_title(tr.t(Text::ExportWorkshopPack))
            .add_filter(tr.t(Text::PdfFiles), &["pdf"])
            .set_file_name(format!(
                "{} — {}.pdf",
                tr.t(Text::HandoutWorkshopPack),
                self.workspace.display_name()
            ));
        let Some(path) = self.save_file(dialog) else { return };
        self.export_workshop_pack_to(path);
    }

    /// Writes the workshop pack at `path`, off the frame.
    pub fn export_workshop_pack_to(&mut self, path: PathBuf) {
        let export = Export::Handout(Handout::WorkshopPack { version: self.board_version() });
        self.submit(Job::Export { path, export, language: self.settings.language });
    }
}
