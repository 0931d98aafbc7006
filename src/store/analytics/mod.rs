//! The numbers behind the Analytics view: the funnel report, how many customers get far
//! within their first hundred days, who has stalled, each persona's emotion curve, and
//! the findings drawn from them.
//!
//! Built on [`Workspace::report_for`], so the funnel matches `fanpath report` for the same
//! filter, and aggregated in SQL like it: stage events never leave the database.

mod curves;
mod customers;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use super::report::Report;
use super::{Result, Workspace};
use crate::model::persona::PersonaId;
use crate::model::version::VersionId;

pub use crate::model::analytics::{
    EmotionCurve, EmotionPoint, FIRST_DAYS, Finding, FirstHundredDays, Share, Stalled, StalledCustomer,
    TouchpointCoverage,
};
use crate::model::analytics::{FindingInputs, findings};

/// Options of one Analytics computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AnalyticsOptions {
    /// Only this persona's customers and emotion entries; none for everyone.
    pub persona: Option<PersonaId>,
    /// A customer whose latest stage event is more than this many days before the start of
    /// `reference_date` has stalled.
    pub stall_days: u32,
    /// "Today" for stalls. Defaults to the local date; tests pass a fixed one.
    pub reference_date: NaiveDate,
    /// At most this many stalled customers are listed (all are counted).
    pub stalled_list_limit: usize,
    /// The journey version whose touchpoints (gaps) and targets ("expected") the findings
    /// use; none for the first version.
    pub version: Option<VersionId>,
}

impl AnalyticsOptions {
    /// The default stall threshold, in days.
    pub const DEFAULT_STALL_DAYS: u32 = 30;
    /// The default length of the stalled-customer list.
    pub const DEFAULT_STALLED_LIST_LIMIT: usize = 200;
}

impl Default for AnalyticsOptions {
    /// Everyone, 30 days, today, 200 listed.
    fn default() -> Self {
        Self {
            persona: None,
            stall_days: Self::DEFAULT_STALL_DAYS,
            reference_date: chrono::Local::now().date_naive(),
            stalled_list_limit: Self::DEFAULT_STALLED_LIST_LIMIT,
            version: None,
        }
    }
}

/// Everything the Analytics view shows, for one persona or everyone.
#[derive(Clone, Debug, PartialEq)]
pub struct Analytics {
    /// Exactly what [`Workspace::report_for`] returns for the same persona.
    pub report: Report,
    pub first_100_days: FirstHundredDays,
    pub stalled: Stalled,
    /// Every persona that has emotion entries (only the filtered one, if it has any), in
    /// Vietnamese name order.
    pub emotion_curves: Vec<EmotionCurve>,
    /// Plain-language findings, most important first; see [`crate::model::analytics::findings`].
    pub findings: Vec<Finding>,
}

impl Workspace {
    /// Computes the Analytics view's numbers. Fails with [`super::StoreError::NotFound`]
    /// when `options.persona` is not in the workspace.
    pub fn analytics(&self, options: &AnalyticsOptions) -> Result<Analytics> {
        // One read transaction, so every number comes from the same snapshot even while
        // another process (a CLI import) writes. Dropping it rolls back: nothing is written.
        let _snapshot = self.conn().unchecked_transaction()?;
        let report = self.report_for(options.persona)?;
        let first_100_days = self.first_hundred_days(options.persona, report.customers())?;
        let stalled = self.stalled(
            options.persona,
            options.stall_days,
            options.reference_date,
            options.stalled_list_limit,
        )?;
        let emotion_curves = self.emotion_curves(options.persona)?;
        let version = match options.version {
            Some(version) => version,
            None => self.first_version()?,
        };
        let touchpoints = self.touchpoint_coverage(options.persona, version)?;
        let targets = self.targets(version)?;
        let personas: Vec<PersonaId> = match options.persona {
            Some(persona) => vec![persona],
            None => self.personas()?.into_iter().map(|r| r.id).collect(),
        };
        let findings = findings(&FindingInputs {
            targets: &targets,
            personas: &personas,
            funnel: &report.funnel,
            emotions: &report.emotions,
            curves: &emotion_curves,
            stalled: &stalled,
            first_100_days: &first_100_days,
            touchpoints: &touchpoints,
        });
        Ok(Analytics { report, first_100_days, stalled, emotion_curves, findings })
    }
}
