//! What the views read: query results cached after each command, never per frame.

use std::collections::HashMap;

use crate::model::{
    EmotionEntry, EmotionId, EmotionStats, JourneyVersion, PersonaId, Stage, Targets, Touchpoint,
    TouchpointId, VersionId,
};
use crate::model::{Opportunity, OpportunityId};
use crate::store::{PersonaRecord, Result, Workspace};

/// A snapshot of the workspace for drawing.
#[derive(Debug, Default)]
pub struct ViewData {
    /// All personas, in Vietnamese name order.
    pub personas: Vec<PersonaRecord>,
    /// All emotion entries, oldest first.
    pub emotions: Vec<(EmotionId, EmotionEntry)>,
    /// All touchpoints of every version, by stage.
    pub touchpoints: Vec<(TouchpointId, Touchpoint)>,
    /// Every journey version, in switcher order (never empty once loaded).
    pub versions: Vec<(VersionId, JourneyVersion)>,
    /// The targets set in each version.
    pub targets: HashMap<VersionId, Targets>,
    /// Per-stage emotion statistics for everyone (`None`) and for each persona.
    stats: HashMap<Option<PersonaId>, [EmotionStats; 8]>,
    /// Bumped on every reload, so views can cache what they derive from the data.
    pub generation: u64,
    // The opportunity backlog (issue #10 §3).
    /// The opportunities of every version, in the order they were added.
    pub opportunities: Vec<(OpportunityId, Opportunity)>,
}

impl ViewData {
    /// Reads everything the views show. Emotion entries and touchpoints are hand-logged,
    /// so they stay small enough to keep in memory; customer events are never loaded here.
    pub fn load(workspace: &Workspace) -> Result<Self> {
        let personas = workspace.personas()?;
        let emotions = workspace.emotions(None, None)?;
        let touchpoints = workspace.touchpoints(None)?;
        let mut stats = HashMap::new();
        stats.insert(None, stats_by_stage(emotions.iter().map(|(_, e)| e)));
        for record in &personas {
            let own = emotions.iter().map(|(_, e)| e).filter(|e| e.persona == record.id);
            stats.insert(Some(record.id), stats_by_stage(own));
        }
        let versions = workspace.versions()?;
        let targets =
            versions.iter().map(|(id, _)| Ok((*id, workspace.targets(*id)?))).collect::<Result<_>>()?;
        let opportunities = workspace.opportunities(None)?;
        Ok(Self { personas, emotions, touchpoints, versions, targets, stats, generation: 0, opportunities })
    }

    /// The open opportunities of `version` at `stage`, for one persona's scope (`None`: all
    /// of them; an opportunity for all personas counts in every scope).
    pub fn open_opportunities_at(&self, version: VersionId, persona: Option<PersonaId>, stage: Stage) -> u64 {
        self.opportunities
            .iter()
            .filter(|(_, o)| o.version == version && o.stage == stage && o.status.is_open())
            .filter(|(_, o)| o.concerns(persona))
            .count() as u64
    }

    pub fn persona(&self, id: PersonaId) -> Option<&PersonaRecord> {
        self.personas.iter().find(|r| r.id == id)
    }

    /// Emotion statistics at `stage`, for one persona or everyone.
    pub fn stats(&self, persona: Option<PersonaId>, stage: Stage) -> EmotionStats {
        self.stats.get(&persona).map(|s| s[stage.index()]).unwrap_or_default()
    }

    /// The touchpoints of `version` at `stage`, of one persona or all.
    pub fn touchpoints_at(
        &self,
        version: VersionId,
        persona: Option<PersonaId>,
        stage: Stage,
    ) -> impl Iterator<Item = &(TouchpointId, Touchpoint)> {
        self.touchpoints.iter().filter(move |(_, t)| {
            t.version == version && t.stage == stage && persona.is_none_or(|p| t.persona == p)
        })
    }

    /// The version the board shows: the chosen one while it exists, else the first.
    pub fn shown_version(&self, chosen: Option<VersionId>) -> Option<(VersionId, &JourneyVersion)> {
        let found = chosen.and_then(|id| self.versions.iter().find(|(v, _)| *v == id));
        found.or_else(|| self.versions.first()).map(|(id, v)| (*id, v))
    }

    /// The targets of `version` (empty, so every pair at the model's level, if unknown).
    pub fn targets_of(&self, version: VersionId) -> Targets {
        self.targets.get(&version).cloned().unwrap_or_default()
    }

    /// The touchpoints of one version, for the Compare view.
    pub fn version_touchpoints(&self, version: VersionId) -> Vec<Touchpoint> {
        self.touchpoints.iter().filter(|(_, t)| t.version == version).map(|(_, t)| t.clone()).collect()
    }

    pub fn emotions_at(
        &self,
        persona: PersonaId,
        stage: Stage,
    ) -> impl Iterator<Item = &(EmotionId, EmotionEntry)> {
        self.emotions.iter().filter(move |(_, e)| e.persona == persona && e.stage == stage)
    }

    /// How many emotion entries and touchpoints a persona has, for the delete confirmation.
    pub fn persona_counts(&self, persona: PersonaId) -> (usize, usize) {
        (
            self.emotions.iter().filter(|(_, e)| e.persona == persona).count(),
            self.touchpoints.iter().filter(|(_, t)| t.persona == persona).count(),
        )
    }
}

fn stats_by_stage<'a>(entries: impl Iterator<Item = &'a EmotionEntry> + Clone) -> [EmotionStats; 8] {
    Stage::ALL
        .map(|stage| EmotionStats::from_scores(entries.clone().filter(|e| e.stage == stage).map(|e| e.score)))
}
