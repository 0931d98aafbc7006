//! The portable workspace file: every table of a workspace as one JSON document that
//! another tool, or a newer Fanpath, can read. Its shape is described by the JSON Schema in
//! `docs/workspace.schema.json`:
//!
//! ```json
//! {
//! "format": "fanpath-workspace",
//! "format_version": 1,
//! "generator": "fanpath 0.1.0",
//! "personas": [ {"id": 1, "name": "…", …, "avatar_png": "iVBORw0…", "stage": 4}, … ],
//! "touchpoints": [ … ],
//! "emotions": [ … ],
//! "customers": [ {"id": 1, "external_id": "KH000001", …, "events": [{"stage": 1, "reached_at": 1718000000}, …]}, … ],
//! "stage_rules": [ {"event": "order", "occurrence": 2, "stage": 5}, … ]
//! }
//! ```
//!
//! Values are as stored: row ids, dates as the workspace keeps them (event times in seconds
//! since 1970-01-01 00:00 of the local calendar, `logged_at` as text), avatars as base64
//! PNG. A customer's stage events sit inside it; their derived columns (days from the first
//! event, the customer's persona) are recomputed on import, as the CSV importer computes them.
//!
//! Both directions stream: export writes one row at a time from a read transaction, and
//! import inserts each row as the parser reaches it, in one transaction, so a million
//! customers never sit in memory at once.

mod opportunities;
mod read;
mod versions;
mod write;

use std::fmt;

use serde::{Deserialize, Serialize};

/// The value of the `format` key, which must come first.
pub const FORMAT: &str = "fanpath-workspace";
/// The version of the file's shape this build writes and the newest it reads.
///
/// 2 added journey versions (issue #10): the `versions` and `stage_targets` lists and each
/// touchpoint's `version_id`. A version 1 file reads as one "Current" version (id 1)
/// holding every touchpoint. The optional `opportunities` list (the backlog, issue #10 §3)
/// came later within version 2: a file without it reads with an empty backlog.
pub const FORMAT_VERSION: u64 = 2;

/// How many rows a workspace file held (import) or received (export).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkspaceFileSummary {
    pub personas: u64,
    pub touchpoints: u64,
    pub emotions: u64,
    pub customers: u64,
    pub events: u64,
}

impl fmt::Display for WorkspaceFileSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = |n| crate::i18n::format::count(n, crate::model::Language::English);
        write!(
            f,
            "{} personas, {} touchpoints, {} emotion entries, {} customers with {} stage events",
            g(self.personas),
            g(self.touchpoints),
            g(self.emotions),
            g(self.customers),
            g(self.events)
        )
    }
}

/// One row of `personas`; `name_key` is derived from the name and recomputed on import.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonaRow {
    id: i64,
    name: String,
    segment: String,
    age_range: String,
    occupation: String,
    location: String,
    income_band: String,
    shopping_habits: String,
    goals: String,
    pain_points: String,
    motivations: String,
    preferred_channels: String,
    quote: String,
    notes: String,
    color: String,
    /// The PNG, base64 (standard alphabet, padded).
    avatar_png: Option<String>,
    stage: Option<i64>,
}

/// One row of `touchpoints`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TouchpointRow {
    id: i64,
    /// Absent in format version 1 files: the touchpoint goes to version 1 ("Current").
    #[serde(default)]
    version_id: Option<i64>,
    persona_id: i64,
    stage: i64,
    channel: String,
    description: String,
}

/// One row of `emotions`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EmotionRow {
    id: i64,
    persona_id: i64,
    stage: i64,
    score: i64,
    label: String,
    note: String,
    touchpoint: String,
    source: String,
    logged_at: Option<String>,
}

/// One row of `customers`, with its rows of `stage_events`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomerRow {
    id: i64,
    external_id: String,
    persona_id: Option<i64>,
    first_at: i64,
    last_at: i64,
    furthest_stage: i64,
    events: Vec<EventRow>,
}

/// One row of `stage_rules`; the list's order is the rules' order.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StageRuleRow {
    event: String,
    occurrence: Option<i64>,
    stage: i64,
}

/// One row of `stage_events`, inside its customer.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventRow {
    stage: i64,
    reached_at: i64,
}

/// One row of `journey_versions`; `name_key` is derived from the name and recomputed on import.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionRow {
    id: i64,
    name: String,
    /// `as_is` or `to_be`.
    kind: String,
    note: String,
    /// `YYYY-MM-DD`.
    launch_date: Option<String>,
    position: i64,
    /// `YYYY-MM-DD`.
    created_on: Option<String>,
    named_by_fanpath: bool,
}

/// One row of `stage_targets`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetRow {
    version_id: i64,
    persona_id: i64,
    stage: i64,
    score: i64,
}
