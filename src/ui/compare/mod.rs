//! The Compare view (issue #10 §2): two journey versions side by side per stage. Which
//! touchpoints version B adds, removes or keeps against version A (for one persona or
//! all), and both versions' target emotions against the mean emotion customers logged.
//!
//! The numbers come from [`crate::model::compare`], computed once per data change from
//! the cached data, with the count of open opportunities per stage of both versions
//! (issue #10 §3).

pub mod chart;
pub mod export;

use egui::{RichText, Ui};

use self::chart::{CompareShown, compare_body_ui};
use super::command::{Command, Commands};
use super::context::ViewContext;
use super::data::ViewData;
use super::widgets::persona_filter_ui;
use crate::i18n::{Text, Tr};
use crate::model::compare::Comparison;
use crate::model::{Language, PersonaId, VersionId};

/// What the shown comparison was computed from: the data generation, the choices and
/// the language of the names.
type Key = (u64, VersionId, VersionId, Option<PersonaId>, Language);

/// The two versions and the persona compared, and the comparison computed for them.
#[derive(Debug, Default)]
pub struct CompareView {
    /// Version A ("before"); `None` is the first version.
    pub a: Option<VersionId>,
    /// Version B ("after"); `None` is the last version.
    pub b: Option<VersionId>,
    pub persona: Option<PersonaId>,
    cached: Option<(Key, CompareShown)>,
}

impl CompareView {
    /// The versions compared: the chosen ones while they exist, else the first and the last.
    pub fn versions(&self, data: &ViewData) -> Option<(VersionId, VersionId)> {
        let exists = |id: &VersionId| data.versions.iter().any(|(v, _)| v == id);
        let a = self.a.filter(exists).or_else(|| data.versions.first().map(|(id, _)| *id))?;
        let b = self.b.filter(exists).or_else(|| data.versions.last().map(|(id, _)| *id))?;
        Some((a, b))
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        let Some((a, b)) = self.versions(data) else { return };
        if self.persona.is_some_and(|p| data.persona(p).is_none()) {
            self.persona = None;
        }
        ui.horizontal(|ui| {
            self.a = Some(version_pick_ui(ui, tr, data, ("compare_a", Text::VersionA), a));
            self.b = Some(version_pick_ui(ui, tr, data, ("compare_b", Text::VersionB), b));
            persona_filter_ui(ui, tr, "compare_scope", Text::ShowFor, data, &mut self.persona);
            if ui.button(tr.t(Text::ExportPng)).clicked() {
                out.send(Command::ExportCompare { a, b, persona: self.persona });
            }
        });
        ui.separator();
        let key = (data.generation, a, b, self.persona, tr.0);
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cached = Some((key, shown(tr, data, (a, b), self.persona)));
        }
        if let Some((_, shown)) = &self.cached {
            compare_body_ui(ui, tr, shown, false);
        }
    }
}

/// A version combo box; returns the version chosen.
fn version_pick_ui(
    ui: &mut Ui,
    tr: Tr,
    data: &ViewData,
    (id_salt, text): (&str, Text),
    current: VersionId,
) -> VersionId {
    let mut chosen = current;
    let label = ui.label(tr.t(text));
    let name = |id: VersionId| {
        data.versions.iter().find(|(v, _)| *v == id).map_or_else(String::new, |(_, v)| tr.version_name(v))
    };
    egui::ComboBox::from_id_salt(id_salt)
        .selected_text(RichText::new(name(current)).strong())
        .width(160.0)
        .show_ui(ui, |ui| {
            for (id, v) in &data.versions {
                ui.selectable_value(&mut chosen, *id, tr.version_name(v));
            }
        })
        .response
        .labelled_by(label.id);
    chosen
}

/// The comparison of `a` and `b` from the cached data.
fn shown(
    tr: Tr,
    data: &ViewData,
    (a, b): (VersionId, VersionId),
    persona: Option<PersonaId>,
) -> CompareShown {
    let personas: Vec<PersonaId> = data.personas.iter().map(|r| r.id).collect();
    let observed = crate::model::Stage::ALL.map(|stage| data.stats(persona, stage));
    let comparison = Comparison::new(
        (&data.version_touchpoints(a), &data.targets_of(a)),
        (&data.version_touchpoints(b), &data.targets_of(b)),
        persona,
        &personas,
        &observed,
    );
    let name = |id: VersionId| {
        data.versions.iter().find(|(v, _)| *v == id).map_or_else(String::new, |(_, v)| tr.version_name(v))
    };
    CompareShown {
        a: name(a),
        b: name(b),
        persona: persona.and_then(|p| data.persona(p)).map(|r| r.persona.name.clone()),
        comparison,
        open_opportunities: (open_per_stage(data, a, persona), open_per_stage(data, b, persona)),
    }
}

/// Open opportunities per stage of `version` for the persona compared (or everyone), from
/// the cached backlog (the same count as
/// [`crate::store::Workspace::open_opportunities_per_stage`]).
fn open_per_stage(data: &ViewData, version: VersionId, persona: Option<PersonaId>) -> [u64; 8] {
    crate::model::opportunity::open_per_stage(
        data.opportunities
            .iter()
            .filter(|(_, o)| o.version == version && o.concerns(persona))
            .map(|(_, o)| o),
    )
}
