//! The domain: the eight stages, personas, emotions, customers and the funnel maths.
//!
//! Nothing in here knows about egui or SQL, so every number the app shows can be
//! computed and tested on plain values.

pub mod analytics;
pub mod collate;
pub mod customer;
pub mod date;
pub mod emotion;
pub mod funnel;
pub mod persona;
pub mod stage;
pub mod touchpoint;

pub use customer::{CustomerEvent, PersonaFunnel};
pub use emotion::{EmotionEntry, EmotionId, EmotionStats, Score, Source};
pub use funnel::{DropOff, Funnel};
pub use persona::{Persona, PersonaField, PersonaId, Rgb};
pub use stage::{Language, ParseStageError, Stage};
pub use touchpoint::{Channel, Touchpoint, TouchpointId};

// Bring your own data (issue #8): stage rules, the rule engine and cohorts.
pub mod cohort;
pub mod rule_engine;
pub mod rules;

pub use cohort::{
    Cohort, CohortPeriod, CohortTable, DateRange, DayError, cohorts_from_days, parse_day, period_start,
};
pub use rule_engine::{
    CompiledRules, EventCounts, EventId, EventLogSummary, EventNames, RuleStats, StageTimes,
};
pub use rules::{EventMatch, RuleError, RuleRowError, StageRule, StageRules};

// Journey versions (issue #10 §1, §2): as-is / to-be, targets and the Compare numbers.
pub mod compare;
pub mod version;

pub use version::{JourneyVersion, Targets, VersionId, VersionKind};

// Design the future journey (issue #10): the stage playbook and before/after a launch.
pub mod launch;
pub mod playbook;
// The opportunity backlog (issue #10 §3).
pub mod opportunity;

pub use opportunity::{Opportunity, OpportunityId, OpportunityStatus, Quadrant, Rating};

// Trainer mode (issue #11 §2): industry templates as data files.
pub mod template;

pub use template::{Template, TemplateError};
