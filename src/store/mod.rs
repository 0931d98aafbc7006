//! The SQLite layer: one file is one workspace.
//!
//! [`Workspace`] owns the connection. Every user change runs in one transaction, the
//! schema is versioned through `PRAGMA user_version`, and a file that is not ours,
//! is damaged, or comes from a newer Fanpath is refused before anything is written.
//!
//! This file only declares the modules and re-exports their public names; no store file
//! uses another in a cycle (`workspace` and `error` at the bottom, `sql` beside them).

pub mod analytics;
pub mod avatar;
pub mod backup;
mod bulk;
// Cohorts and date ranges (issue #8 §2, §4).
mod cohorts;
mod compare;
mod demo;
pub mod edit;
mod emotions;
mod error;
pub mod export;
mod import;
mod launch;
pub mod launch_export;
mod migrations;
mod opportunities;
mod opportunity_export;
mod personas;
pub mod portable;
mod report;
mod sql;
mod stage_rules;
mod touchpoints;
mod versions;
mod workspace;

pub use analytics::{Analytics, AnalyticsOptions};
pub use demo::{DEMO_LAUNCH_DAYS_AGO, DemoOptions, DemoSummary, demo_customer_events};
pub use error::{Result, StoreError};
pub use import::{
    ImportKind, ImportOptions, ImportProgress, ImportSummary, PROGRESS_EVERY, ROW_ERRORS_KEPT,
    ROW_ERRORS_SHOWN, RowError, RowProblem,
};
pub use migrations::APPLICATION_ID;
pub use personas::{DeletedPersona, PersonaRecord};
pub use report::{Report, StageReport};
pub use workspace::Workspace;

// Event logs and stage rules.
pub use import::{
    EventColumn, EventImportSummary, EventLogColumns, EventLogPreview, EventLogRow, EventPreview,
    ParsedEventLog, PersonaSource, RULES_HEADER, TOP_UNMATCHED, read_event_log, read_event_log_bytes,
    read_stage_rules_bytes, read_stage_rules_file, stage_rules_csv,
};
// The opportunity backlog (issue #10 §3).
pub use opportunity_export::opportunities_csv;

// Backups and the portable workspace file.
pub use backup::{BackupInfo, BackupReason, list_backups, restore_backup};
pub use portable::WorkspaceFileSummary;

// The import wizard (issue #8 §3).
pub use import::{CsvPreview, preview_csv};
// Journey versions (issue #10).
pub use versions::DeletedVersion;
