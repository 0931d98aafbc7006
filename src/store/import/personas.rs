//! Persona names met in a file: numbered slots first, matched against the workspace's
//! personas (by [`Persona::name_key`]) only once the whole file is read.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use rustc_hash::FxHashMap;

use super::errors::RowProblem;
use crate::model::persona::{NAME_MAX_CHARS, Persona, Rgb};
use crate::store::Result;

/// A persona named by the rows, before the database is consulted.
#[derive(Clone, Debug)]
pub(super) struct PersonaSlot {
    /// The name as first written in the file, trimmed.
    pub(super) name: String,
    key: String,
    /// Set when resolved: the existing persona with this key, or the one just created.
    pub(super) id: Option<i64>,
}

/// Persona names → slots, matching names by [`Persona::name_key`].
#[derive(Clone, Debug, Default)]
pub(super) struct PersonaSlots {
    pub(super) slots: Vec<PersonaSlot>,
    by_key: FxHashMap<String, u32>,
    /// Exact text → slot, so the common case costs one lookup and no allocation.
    by_text: FxHashMap<Box<str>, u32>,
}

impl PersonaSlots {
    /// The slot of a (trimmed, non-empty) persona name, or a problem with the name.
    pub(super) fn slot(&mut self, name: &str) -> Result<u32, RowProblem> {
        if let Some(&slot) = self.by_text.get(name) {
            return Ok(slot);
        }
        // NFC, without invisible characters: the name the workspace would store.
        let cleaned = Persona::clean_name(name);
        if cleaned.is_empty() {
            return Err(RowProblem::EmptyField { field: "persona" });
        }
        let chars = cleaned.chars().count();
        if chars > NAME_MAX_CHARS {
            return Err(RowProblem::PersonaNameTooLong { chars, max_chars: NAME_MAX_CHARS });
        }
        let key = cleaned.to_lowercase();
        let slot = match self.by_key.get(&key) {
            Some(&slot) => slot,
            None => {
                let slot = u32::try_from(self.slots.len()).map_err(|_| RowProblem::TooManyPersonas)?;
                self.slots.push(PersonaSlot { name: cleaned, key: key.clone(), id: None });
                self.by_key.insert(key, slot);
                slot
            }
        };
        self.by_text.insert(name.into(), slot);
        Ok(slot)
    }

    pub(super) fn name(&self, slot: u32) -> &str {
        self.slots.get(slot as usize).map_or("", |s| s.name.as_str())
    }

    /// The workspace's persona of a resolved slot.
    pub(super) fn id(&self, slot: u32) -> Option<i64> {
        self.slots.get(slot as usize).and_then(|s| s.id)
    }

    /// Looks every slot up among the workspace's personas.
    pub(super) fn resolve(&mut self, conn: &Connection) -> Result<()> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM personas WHERE name_key = ?1")?;
        for slot in &mut self.slots {
            if let Some((id, name)) = stmt
                .query_row([&slot.key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
                .optional()?
            {
                // Messages then use the workspace's spelling of the name.
                slot.id = Some(id);
                slot.name = name;
            }
        }
        Ok(())
    }

    /// Creates the personas of the slots marked `used` that do not exist yet, with colours
    /// from the palette continuing after the existing personas; returns their names.
    pub(super) fn create_used(&mut self, tx: &Transaction<'_>, used: &[bool]) -> Result<Vec<String>> {
        let mut created = Vec::new();
        let existing: i64 = tx.query_row("SELECT count(*) FROM personas", [], |r| r.get(0))?;
        let existing = usize::try_from(existing).unwrap_or(0);
        let mut insert =
            tx.prepare_cached("INSERT INTO personas (name, name_key, color) VALUES (?1, ?2, ?3)")?;
        let new_slots = self.slots.iter_mut().zip(used).filter(|(s, used)| **used && s.id.is_none());
        for (k, (slot, _)) in new_slots.enumerate() {
            let color = Rgb::PALETTE[(existing + k) % Rgb::PALETTE.len()];
            insert.execute(params![slot.name, slot.key, color.to_hex()])?;
            slot.id = Some(tx.last_insert_rowid());
            created.push(slot.name.clone());
        }
        Ok(created)
    }
}

/// The name of a workspace persona, for messages; `#id` if it is gone.
pub(super) fn persona_name(conn: &Connection, id: i64) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM personas WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| format!("#{id}")))
}
