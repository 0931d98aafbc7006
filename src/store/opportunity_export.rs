//! The opportunity backlog as CSV (`fanpath export opportunities`), apart from
//! `opportunities.rs` so the backlog's queries do not depend on the export code.

use super::PersonaRecord;
use crate::model::opportunity::{Opportunity, OpportunityId};
use crate::model::persona::PersonaId;

/// The backlog of one version as CSV, in the order given: English stage names, status
/// keys, persona names (empty for all personas), days as `YYYY-MM-DD`, text cells
/// [`formula_safe`](super::export::formula_safe). Evidence links to emotion entries are
/// not written (their ids mean nothing in another workspace); the evidence text is.
/// Starts with a UTF-8 BOM; CRLF line ends.
pub fn opportunities_csv(
    opportunities: &[(OpportunityId, Opportunity)],
    personas: &[PersonaRecord],
) -> String {
    use super::export::formula_safe;
    let persona_name = |id: Option<PersonaId>| {
        id.and_then(|id| personas.iter().find(|r| r.id == id)).map(|r| formula_safe(&r.persona.name))
    };
    let rows = opportunities.iter().map(|(_, o)| {
        vec![
            formula_safe(&o.title),
            o.stage.name_en().to_owned(),
            persona_name(o.persona).unwrap_or_default(),
            o.status.key().to_owned(),
            o.value.to_string(),
            o.effort.to_string(),
            formula_safe(&o.owner),
            formula_safe(&o.evidence),
            formula_safe(&o.note),
            o.created.format("%Y-%m-%d").to_string(),
        ]
    });
    // The importer's columns, in its order, so an export imports back.
    super::export::to_csv(super::ImportKind::Opportunities.columns(), rows)
}
