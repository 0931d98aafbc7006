//! A hand-out as a job of the worker: which one, and how its bytes are made (apart from
//! `handouts.rs`, which starts the jobs, so the worker and the app shell do not import each
//! other).

use crate::handout::{self, JourneyMap, WorkshopPack};
use crate::model::{Language, PersonaId, VersionId};
use crate::store::Workspace;
use crate::ui::handout_png::journey_map_png;

/// A hand-out the worker reads from the workspace and draws.
pub(super) enum Handout {
    /// A persona's poster, as PDF or (with `png`) as PNG.
    JourneyMap {
        persona: PersonaId,
        png: bool,
        /// The journey version the board shows.
        version: Option<VersionId>,
    },
    WorkshopPack {
        version: Option<VersionId>,
    },
}

impl Handout {
    /// The file's bytes, or the error in `language`.
    pub(super) fn bytes(self, workspace: &Workspace, language: Language) -> Result<Vec<u8>, String> {
        let message = |err: handout::HandoutError| err.message(language);
        match self {
            Self::JourneyMap { persona, png, version } => {
                let map = JourneyMap::load(workspace, persona, version, language)
                    .map_err(|err| err.message(language))?;
                if png {
                    journey_map_png(&map, language).map_err(|err| err.to_string())
                } else {
                    handout::journey_map_pdf(&map, language).map(|w| w.bytes).map_err(message)
                }
            }
            Self::WorkshopPack { version } => {
                let pack =
                    WorkshopPack::load(workspace, version, language).map_err(|err| err.message(language))?;
                handout::workshop_pack_pdf(&pack, language).map(|w| w.bytes).map_err(message)
            }
        }
    }
}
