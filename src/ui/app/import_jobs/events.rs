//! The event-log side of the wizard's jobs: reading the whole log with the chosen columns,
//! counting its events, the funnel a set of rules gives, and the import with those rules.

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Answer, FanpathApp, lines};
use crate::i18n::{Text, Tr};
use crate::model::Language;
use crate::model::rule_engine::EventId;
use crate::model::rules::StageRules;
use crate::store::{
    EventColumn, EventLogColumns, ImportOptions, ImportProgress, ParsedEventLog, PersonaSource, StoreError,
    Workspace, read_event_log,
};
use crate::ui::import_wizard::{
    EventColumnsDraft, EventCount, FunnelPreview, ImportWizard, Loading, LogFacts, PersonaMode,
    drafts_from_saved, rules_from_drafts,
};

/// An event log read once, shared by the preview jobs and the import.
pub(super) type ParsedLog = Arc<ParsedEventLog>;

impl FanpathApp {
    /// Reads and checks the whole event log with the chosen columns on a thread.
    pub(super) fn read_events(&mut self, ctx: &egui::Context) {
        let host = &mut self.import_wizard;
        let Some(wizard) = &mut host.wizard else {
            return;
        };
        let Some(path) = wizard.path.clone() else {
            return;
        };
        host.generation += 1;
        host.log = None;
        wizard.forget_log();
        wizard.log = Loading::Busy;
        let columns = event_log_columns(&wizard.columns);
        let generation = host.generation;
        host.spawn(ctx, move || {
            let result =
                read_event_log(&path, &columns, &ImportOptions::default(), &mut |_| {}).map(Arc::new);
            Answer::Log { generation, result }
        });
    }

    /// Computes the funnel the wizard's rules give on the log read, on a thread.
    pub(super) fn preview_funnel(&mut self, ctx: &egui::Context) {
        let language = self.settings.language;
        let host = &mut self.import_wizard;
        let (Some(wizard), Some(log)) = (&mut host.wizard, host.log.clone()) else {
            return;
        };
        let rules = match rules_from_drafts(&wizard.rules) {
            Ok(rules) => rules,
            Err(_) => {
                wizard.funnel = Loading::Failed(vec![Tr(language).t(Text::WizardNoRules).to_owned()]);
                return;
            }
        };
        wizard.funnel = Loading::Busy;
        let generation = wizard.rules_generation;
        host.spawn(ctx, move || Answer::Funnel { generation, result: Ok(funnel_preview(&log, &rules)) });
    }
}

/// The reader's columns from what the user picked.
fn event_log_columns(draft: &EventColumnsDraft) -> EventLogColumns {
    EventLogColumns {
        customer: draft.customer.clone(),
        event: if draft.every_row_is_one_event {
            EventColumn::EveryRowIs(draft.event_name.trim().to_owned())
        } else {
            EventColumn::Column(draft.event.clone())
        },
        time: draft.time.clone(),
        persona: match draft.persona_mode {
            PersonaMode::None => PersonaSource::None,
            PersonaMode::Column => PersonaSource::Column(draft.persona_column.clone()),
            PersonaMode::Fixed => PersonaSource::Fixed(draft.persona_name.trim().to_owned()),
        },
    }
}

/// Puts a log just read into the wizard: its facts and events, the rules pre-filled from
/// the saved ones; or, when it has invalid rows and the user did not ask to skip them, those
/// rows (nothing can be imported).
pub(super) fn take_log(
    wizard: &mut ImportWizard,
    log: &ParsedEventLog,
    saved: Option<&StageRules>,
    language: Language,
) {
    let invalid = StoreError::InvalidRows {
        path: log.path().to_path_buf(),
        count: log.invalid_rows(),
        rows: log.row_errors().to_vec(),
    };
    if log.invalid_rows() > 0 && !wizard.skip_invalid {
        wizard.log = Loading::Failed(lines(&invalid, language));
        return;
    }
    let events = event_counts(log);
    wizard.rules = drafts_from_saved(events.iter().map(|e| e.name.as_str()), saved);
    wizard.rules_changed();
    let skipped = log.row_errors().iter().map(|row| row.message(language)).collect();
    wizard.log = Loading::Ready(LogFacts {
        rows: log.rows_read(),
        customers: log.customer_count() as u64,
        events,
        skipped,
    });
}

/// Every distinct event with its rows and distinct customers, most rows first.
fn event_counts(log: &ParsedEventLog) -> Vec<EventCount> {
    let mut rows: FxHashMap<EventId, u64> = FxHashMap::default();
    let mut pairs: FxHashSet<(EventId, u32)> = FxHashSet::default();
    for row in log.rows() {
        *rows.entry(row.event).or_default() += 1;
        pairs.insert((row.event, row.customer));
    }
    let mut customers: FxHashMap<EventId, u64> = FxHashMap::default();
    for (event, _) in pairs {
        *customers.entry(event).or_default() += 1;
    }
    let mut counts: Vec<(EventId, u64)> = rows.into_iter().collect();
    counts.sort_by(|(a, x), (b, y)| y.cmp(x).then(a.cmp(b)));
    counts
        .into_iter()
        .map(|(event, rows)| EventCount {
            name: log.names().name(event).to_owned(),
            rows,
            customers: customers.get(&event).copied().unwrap_or(0),
        })
        .collect()
}

/// The funnel `rules` give on `log`, in memory.
fn funnel_preview(log: &ParsedEventLog, rules: &StageRules) -> FunnelPreview {
    let preview = log.preview(rules);
    FunnelPreview { funnel: preview.funnel, unmatched_rows: preview.unmatched_rows }
}

/// Imports `log` with `rules` (saving them in the same transaction); the summary in `language`.
pub(super) fn import_log(
    workspace: &mut Workspace,
    log: &ParsedEventLog,
    rules: &StageRules,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
    language: Language,
) -> Result<String, StoreError> {
    workspace.import_event_log(log, Some(rules), options, progress).map(|summary| summary.message(language))
}
