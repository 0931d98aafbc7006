//! The Compare view's numbers read from the workspace (issue #10 §2): both versions'
//! touchpoints and targets with the logged emotions of the same scope, computed by
//! [`Comparison::new`]. The CLI's `export chart compare` and the app's PNG export use it;
//! the window computes the same from its cached data.

use super::{Result, Workspace};
use crate::model::compare::Comparison;
use crate::model::persona::PersonaId;
use crate::model::touchpoint::Touchpoint;
use crate::model::version::VersionId;

impl Workspace {
    /// Version `a` against version `b`, for one persona or (`None`) every persona.
    pub fn compare_versions(
        &self,
        a: VersionId,
        b: VersionId,
        persona: Option<PersonaId>,
    ) -> Result<Comparison> {
        self.version(a)?;
        self.version(b)?;
        let touchpoints = |v| -> Result<Vec<Touchpoint>> {
            Ok(self.version_touchpoints(v, persona)?.into_iter().map(|(_, t)| t).collect())
        };
        let personas: Vec<PersonaId> = self.personas()?.into_iter().map(|r| r.id).collect();
        let observed = self.emotion_stats_by_stage(persona)?;
        Ok(Comparison::new(
            (&touchpoints(a)?, &self.targets(a)?),
            (&touchpoints(b)?, &self.targets(b)?),
            persona,
            &personas,
            &observed,
        ))
    }
}
