//! Every change a user makes to the journey data, as a value that applies itself in one
//! transaction and hands back its own inverse. The undo history is a list of these.

#![warn(clippy::wildcard_enum_match_arm)]

use super::{DeletedPersona, DeletedVersion, Result, Workspace};
use crate::model::{
    EmotionEntry, EmotionId, JourneyVersion, Persona, PersonaId, Score, Stage, Touchpoint, TouchpointId,
    VersionId,
};
use crate::model::{Opportunity, OpportunityId};

/// One change to the workspace. [`Edit::apply`] returns the edit that reverses it, so
/// undo and redo are the same operation on two stacks.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Saves a new persona (its name already made unique by the caller).
    CreatePersona(Box<Persona>),
    /// Copies a persona's card under a free name ("Hằng (2)").
    DuplicatePersona(PersonaId),
    /// Replaces every field of a persona's card.
    UpdatePersona(PersonaId, Box<Persona>),
    /// Places a persona on a stage, or takes it off the path with `None`.
    MovePersona(PersonaId, Option<Stage>),
    /// Deletes a persona with its emotions and touchpoints and unlinks its customers.
    DeletePersona(PersonaId),
    /// Puts a deleted persona back exactly as it was, ids and customer links included.
    RestorePersona(Box<DeletedPersona>),
    /// Logs a new emotion entry.
    AddEmotion(EmotionEntry),
    /// Replaces an entry in one statement: a failure leaves the old entry in place.
    UpdateEmotion(EmotionId, EmotionEntry),
    /// Deletes an entry.
    DeleteEmotion(EmotionId),
    /// Puts a deleted entry back under its old id.
    RestoreEmotion(EmotionId, EmotionEntry),
    /// Records a channel used at a stage.
    AddTouchpoint(Touchpoint),
    /// Deletes a touchpoint.
    DeleteTouchpoint(TouchpointId),
    /// Puts a deleted touchpoint back under its old id.
    RestoreTouchpoint(TouchpointId, Touchpoint),
    // The opportunity backlog (issue #10 §3).
    /// Adds an opportunity to its version's backlog.
    AddOpportunity(Box<Opportunity>),
    /// Replaces every field of an opportunity, evidence links included.
    UpdateOpportunity(OpportunityId, Box<Opportunity>),
    /// Deletes an opportunity.
    DeleteOpportunity(OpportunityId),
    /// Puts a deleted opportunity back under its old id.
    RestoreOpportunity(OpportunityId, Box<Opportunity>),

    // Journey versions (issue #10).
    /// Creates a version, empty or (with a source) as a copy of that version's touchpoints
    /// and targets; it goes last in the switcher.
    CreateVersion(Box<JourneyVersion>, Option<VersionId>),
    /// Replaces a version's card (rename, kind, note, launch date).
    UpdateVersion(VersionId, Box<JourneyVersion>),
    /// Deletes a version with everything it owns (refused for the last one).
    DeleteVersion(VersionId),
    /// Puts a deleted version back exactly as it was, ids included.
    RestoreVersion(Box<DeletedVersion>),
    /// Sets the target emotion of a persona at a stage in a version; `None` returns it to
    /// the model's expected level.
    SetTarget { version: VersionId, persona: PersonaId, stage: Stage, score: Option<Score> },
}

impl Edit {
    /// Carries out the edit in one transaction and returns the edit that undoes it. On an
    /// error nothing was written.
    pub fn apply(self, ws: &mut Workspace) -> Result<Edit> {
        ws.in_transaction(|ws| self.apply_in(ws))
    }

    /// The persona whose card this edit replaces: quick successive card edits of the same
    /// persona (a colour drag, typing field after field) undo as one step.
    pub fn merge_key(&self) -> Option<PersonaId> {
        match self {
            Self::UpdatePersona(id, _) => Some(*id),
            Self::CreatePersona(_)
            | Self::DuplicatePersona(_)
            | Self::MovePersona(..)
            | Self::DeletePersona(_)
            | Self::RestorePersona(_)
            | Self::AddEmotion(_)
            | Self::UpdateEmotion(..)
            | Self::DeleteEmotion(_)
            | Self::RestoreEmotion(..)
            | Self::AddTouchpoint(_)
            | Self::DeleteTouchpoint(_)
            | Self::RestoreTouchpoint(..)
            | Self::AddOpportunity(_)
            | Self::UpdateOpportunity(..)
            | Self::DeleteOpportunity(_)
            | Self::RestoreOpportunity(..)
            | Self::CreateVersion(..)
            | Self::UpdateVersion(..)
            | Self::DeleteVersion(_)
            | Self::RestoreVersion(_)
            | Self::SetTarget { .. } => None,
        }
    }

    fn apply_in(self, ws: &mut Workspace) -> Result<Edit> {
        Ok(match self {
            Self::CreatePersona(persona) => Self::DeletePersona(ws.create_persona(&persona)?),
            Self::DuplicatePersona(source) => {
                let mut persona = ws.persona(source)?;
                persona.name = ws.free_persona_name(&persona.name)?;
                Self::DeletePersona(ws.create_persona(&persona)?)
            }
            Self::UpdatePersona(id, persona) => {
                let old = ws.persona(id)?;
                ws.update_persona(id, &persona)?;
                Self::UpdatePersona(id, Box::new(old))
            }
            Self::MovePersona(id, stage) => {
                let old = ws.persona(id)?.stage;
                ws.set_persona_stage(id, stage)?;
                Self::MovePersona(id, old)
            }
            Self::DeletePersona(id) => Self::RestorePersona(Box::new(super::personas::delete(ws, id)?)),
            Self::RestorePersona(deleted) => {
                super::personas::restore(ws.conn(), &deleted)?;
                Self::DeletePersona(deleted.id)
            }
            Self::AddEmotion(entry) => Self::DeleteEmotion(ws.add_emotion(&entry)?),
            Self::UpdateEmotion(id, entry) => {
                let old = ws.emotion(id)?;
                ws.update_emotion(id, &entry)?;
                Self::UpdateEmotion(id, old)
            }
            Self::DeleteEmotion(id) => Self::RestoreEmotion(id, ws.delete_emotion(id)?),
            Self::RestoreEmotion(id, entry) => {
                ws.restore_emotion(id, &entry)?;
                Self::DeleteEmotion(id)
            }
            Self::AddTouchpoint(touchpoint) => Self::DeleteTouchpoint(ws.add_touchpoint(&touchpoint)?),
            Self::DeleteTouchpoint(id) => Self::RestoreTouchpoint(id, ws.delete_touchpoint(id)?),
            Self::RestoreTouchpoint(id, touchpoint) => {
                ws.restore_touchpoint(id, &touchpoint)?;
                Self::DeleteTouchpoint(id)
            }
            Self::AddOpportunity(opportunity) => Self::DeleteOpportunity(ws.add_opportunity(&opportunity)?),
            Self::UpdateOpportunity(id, opportunity) => {
                let old = ws.opportunity(id)?;
                ws.update_opportunity(id, &opportunity)?;
                Self::UpdateOpportunity(id, Box::new(old))
            }
            Self::DeleteOpportunity(id) => Self::RestoreOpportunity(id, Box::new(ws.delete_opportunity(id)?)),
            Self::RestoreOpportunity(id, opportunity) => {
                ws.restore_opportunity(id, &opportunity)?;
                Self::DeleteOpportunity(id)
            }
            Self::CreateVersion(version, source) => {
                Self::DeleteVersion(super::versions::create(ws, &version, source)?)
            }
            Self::UpdateVersion(id, version) => {
                let old = ws.version(id)?;
                ws.update_version(id, &version)?;
                Self::UpdateVersion(id, Box::new(old))
            }
            Self::DeleteVersion(id) => Self::RestoreVersion(Box::new(super::versions::delete(ws, id)?)),
            Self::RestoreVersion(deleted) => {
                super::versions::restore(ws.conn(), &deleted)?;
                Self::DeleteVersion(deleted.id)
            }
            Self::SetTarget { version, persona, stage, score } => {
                ws.version(version)?;
                let old = super::versions::set_target(ws.conn(), version, persona, stage, score)?;
                Self::SetTarget { version, persona, stage, score: old }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn entry(persona: PersonaId, score: i64) -> EmotionEntry {
        EmotionEntry {
            persona,
            stage: Stage::Evaluation,
            score: Score::new(score).expect("score"),
            label: "ok".into(),
            note: String::new(),
            touchpoint: String::new(),
            source: Source::Interview,
            logged_at: None,
        }
    }

    #[test]
    fn a_failed_emotion_update_keeps_the_entry() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let persona = ws.create_persona(&Persona::named("Hằng")).expect("persona");
        let id = ws.add_emotion(&entry(persona, 2)).expect("add");
        // Pointing the entry at a persona that does not exist breaks the foreign key.
        let broken = entry(PersonaId(999), -3);
        assert!(Edit::UpdateEmotion(id, broken).apply(&mut ws).is_err());
        assert_eq!(ws.emotion(id).expect("still there"), entry(persona, 2));
        assert!(ws.conn().is_autocommit(), "the failed edit left a transaction open");
    }

    #[test]
    fn a_failed_edit_rolls_back_what_it_wrote() {
        let mut ws = Workspace::open_in_memory().expect("open");
        let a = ws.create_persona(&Persona::named("A")).expect("a");
        ws.create_persona(&Persona::named("B")).expect("b");
        // The update fails on the duplicate name after nothing else was written; the
        // persona keeps its card and the next edit can start its own transaction.
        assert!(Edit::UpdatePersona(a, Box::new(Persona::named("b"))).apply(&mut ws).is_err());
        assert_eq!(ws.persona(a).expect("a").name, "A");
        assert!(Edit::MovePersona(a, Some(Stage::Validation)).apply(&mut ws).is_ok());
    }
}
