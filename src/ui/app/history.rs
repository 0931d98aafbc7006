//! The undo history: a stack of [`Edit`]s that undo what was done, and one that redoes
//! what was undone. No egui here: the time comes in as seconds, so it is tested without
//! a window.

#![warn(clippy::wildcard_enum_match_arm)]

use crate::model::PersonaId;
use crate::store::edit::Edit;
use crate::store::{Result, Workspace};

/// Card edits of one persona closer together than this undo as one step.
pub const MERGE_SECONDS: f64 = 1.0;

/// One undoable step: the edit that reverses it, and what lets quick successive edits
/// of the same persona (a colour drag, typing field after field) merge into one step.
#[derive(Debug)]
struct Step {
    inverse: Edit,
    merge_key: Option<PersonaId>,
    at_seconds: f64,
}

/// What an applied edit did to the list of personas, so the selection can follow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonaChange {
    /// A persona was created, duplicated or restored: select it.
    Appeared(PersonaId),
    /// A persona was deleted: drop it from the selection.
    Removed(PersonaId),
    /// The list of personas is the same.
    None,
}

impl PersonaChange {
    /// Read from the inverse, which names what the edit added or removed.
    fn from_inverse(inverse: &Edit) -> Self {
        match inverse {
            Edit::DeletePersona(id) => Self::Appeared(*id),
            Edit::RestorePersona(deleted) => Self::Removed(deleted.id),
            Edit::CreatePersona(_)
            | Edit::DuplicatePersona(_)
            | Edit::UpdatePersona(..)
            | Edit::MovePersona(..)
            | Edit::AddEmotion(_)
            | Edit::UpdateEmotion(..)
            | Edit::DeleteEmotion(_)
            | Edit::RestoreEmotion(..)
            | Edit::AddTouchpoint(_)
            | Edit::DeleteTouchpoint(_)
            | Edit::RestoreTouchpoint(..)
            | Edit::AddOpportunity(_)
            | Edit::UpdateOpportunity(..)
            | Edit::DeleteOpportunity(_)
            | Edit::RestoreOpportunity(..)
            | Edit::CreateVersion(..)
            | Edit::UpdateVersion(..)
            | Edit::DeleteVersion(_)
            | Edit::RestoreVersion(_)
            | Edit::SetTarget { .. } => Self::None,
        }
    }
}

/// Undo and redo stacks for one workspace.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Applies a new edit and records its inverse; a new edit clears what could be redone.
    /// On an error nothing was written and the history is unchanged.
    pub fn apply(&mut self, ws: &mut Workspace, edit: Edit, now_seconds: f64) -> Result<PersonaChange> {
        let merge_key = edit.merge_key();
        let inverse = edit.apply(ws)?;
        let change = PersonaChange::from_inverse(&inverse);
        let merges = self.undo.last_mut().filter(|last| {
            merge_key.is_some()
                && last.merge_key == merge_key
                && now_seconds - last.at_seconds < MERGE_SECONDS
        });
        match merges {
            // The older inverse already undoes both edits.
            Some(last) => last.at_seconds = now_seconds,
            None => self.undo.push(Step { inverse, merge_key, at_seconds: now_seconds }),
        }
        self.redo.clear();
        Ok(change)
    }

    /// Undoes the last step; `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self, ws: &mut Workspace, now_seconds: f64) -> Result<Option<PersonaChange>> {
        self.step(ws, now_seconds, true)
    }

    /// Redoes the last undone step; `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self, ws: &mut Workspace, now_seconds: f64) -> Result<Option<PersonaChange>> {
        self.step(ws, now_seconds, false)
    }

    fn step(&mut self, ws: &mut Workspace, now_seconds: f64, undo: bool) -> Result<Option<PersonaChange>> {
        let popped = if undo { self.undo.pop() } else { self.redo.pop() };
        let Some(step) = popped else { return Ok(None) };
        match step.inverse.apply(ws) {
            Ok(inverse) => {
                let change = PersonaChange::from_inverse(&inverse);
                let step = Step { inverse, merge_key: None, at_seconds: now_seconds };
                if undo {
                    self.redo.push(step);
                } else {
                    self.undo.push(step);
                }
                Ok(Some(change))
            }
            Err(err) => {
                // The history no longer matches the file (edited elsewhere?): start afresh
                // rather than undo the wrong thing.
                self.clear();
                Err(err)
            }
        }
    }

    /// Forgets everything, as when another workspace is opened.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
