//! The one context every view receives: what it needs to draw, read-only.

use std::collections::HashMap;

use egui::TextureHandle;

use super::data::ViewData;
use super::state::Selection;
use crate::i18n::Tr;
use crate::model::{PersonaId, VersionId};
use crate::store::analytics::Analytics;

/// Common things needed by many views (rerun's `ViewerContext` idea): instead of five
/// loose parameters, each view's `ui` takes this and its command queue.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    pub tr: Tr,
    /// The cached workspace data; never queried per frame.
    pub data: &'a ViewData,
    pub selection: &'a Selection,
    /// Persona pictures, uploaded once per data refresh.
    pub avatars: &'a HashMap<PersonaId, TextureHandle>,
    /// The last analytics computed for the Analytics view, if it is on show.
    pub analytics: Option<&'a Result<Analytics, String>>,
    /// The reference date for new entries; pinned in tests.
    pub today: chrono::NaiveDate,
}

impl ViewContext<'_> {
    /// The journey version the board shows and edits: the chosen one while it exists,
    /// else the first (an id no row has while nothing is loaded).
    pub fn version(&self) -> VersionId {
        self.data.shown_version(self.selection.version).map_or(VersionId(0), |(id, _)| id)
    }
}
