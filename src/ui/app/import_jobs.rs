//! The import wizard's slow work, off the frame: reading a file's head, reading and checking
//! a whole event log, computing the funnel a set of rules gives, and the import itself.
//! Each job runs on a thread of its own (they are rare and long, unlike the worker's
//! queries) and answers through one channel that the frame drains without waiting.
//!
//! The import writes through a connection of its own to the workspace file, so the window
//! keeps drawing from its own; once it committed, the app reloads its cache as after any
//! data change.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustc_hash::{FxHashMap, FxHashSet};

use super::FanpathApp;
use crate::i18n::{Text, Tr};
use crate::model::Language;
use crate::model::rule_engine::EventId;
use crate::model::rules::StageRules;
use crate::store::{
    EventColumn, EventLogColumns, ImportOptions, ImportProgress, ParsedEventLog, PersonaSource, StoreError,
    Workspace, preview_csv, read_event_log,
};
use crate::ui::import_wizard::{
    EventColumnsDraft, EventCount, FunnelPreview, ImportWizard, Loading, LogFacts, MappedStages,
    PREVIEW_ROWS, PersonaMode, RunState, WizardRequest, drafts_from_saved, import_wizard_window_ui,
    rules_from_drafts,
};

use super::import_host::{Answer, ImportJob, forget_log};

impl FanpathApp {
    /// The open wizard, if any (tests read its state).
    pub fn import_wizard(&self) -> Option<&ImportWizard> {
        self.import_wizard.wizard.as_ref()
    }

    /// The open wizard, to set what a user would choose (tests).
    pub fn import_wizard_mut(&mut self) -> Option<&mut ImportWizard> {
        self.import_wizard.wizard.as_mut()
    }

    /// Draws the wizard's window when it is open, below `menu_bottom` (the menu bar's edge).
    pub(super) fn import_wizard_ui(&mut self, ctx: &egui::Context, menu_bottom: f32) {
        let tr = Tr(self.settings.language);
        if let Some(wizard) = &mut self.import_wizard.wizard {
            let content = ctx.content_rect();
            let below_menu = egui::Rect::from_min_max(egui::pos2(content.left(), menu_bottom), content.max);
            import_wizard_window_ui(ctx, tr, wizard, below_menu, &mut self.commands);
        }
    }

    /// A file dropped onto the window opens the wizard on it.
    pub(super) fn take_dropped_file(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|file| file.path().to_path_buf()));
        if let Some(path) = dropped {
            self.commands.send(WizardRequest::Open(Some(path)));
        }
    }

    /// Carries out a wizard request; returns whether workspace data changed.
    pub(super) fn apply_wizard_request(&mut self, ctx: &egui::Context, request: WizardRequest) -> bool {
        match request {
            WizardRequest::Open(path) => {
                if self.import_wizard.importing {
                    return false;
                }
                self.import_wizard.wizard.get_or_insert_with(|| ImportWizard::new(None));
                if let Some(path) = path {
                    self.set_wizard_file(ctx, path);
                }
            }
            WizardRequest::ChooseFile => {
                let tr = Tr(self.settings.language);
                if let Some(path) = rfd::FileDialog::new()
                    .set_title(tr.t(Text::ImportData))
                    .add_filter(tr.t(Text::WizardCsvFiles), &["csv", "txt", "tsv"])
                    .pick_file()
                {
                    self.set_wizard_file(ctx, path);
                }
            }
            WizardRequest::SetFile(path) => self.set_wizard_file(ctx, path),
            WizardRequest::ReadEvents => self.read_events(ctx),
            WizardRequest::PreviewFunnel => self.preview_funnel(ctx),
            WizardRequest::Start => self.start_import(ctx),
            WizardRequest::Cancel => self.cancel_import(),
            WizardRequest::Close => {
                self.cancel_import();
                self.import_wizard.wizard = None;
                forget_log(&mut self.import_wizard.log);
                self.import_wizard.generation += 1;
            }
        }
        false
    }

    /// Takes the file and reads its head on a thread.
    fn set_wizard_file(&mut self, ctx: &egui::Context, path: PathBuf) {
        let host = &mut self.import_wizard;
        let Some(wizard) = &mut host.wizard else {
            return;
        };
        if matches!(wizard.run, RunState::Running { .. }) {
            return;
        }
        host.generation += 1;
        forget_log(&mut host.log);
        wizard.forget_file();
        wizard.step = crate::ui::import_wizard::Step::Source;
        wizard.path = Some(path.clone());
        wizard.head = Loading::Busy;
        let generation = host.generation;
        host.spawn(ctx, move || Answer::Head { generation, result: preview_csv(&path, PREVIEW_ROWS) });
    }

    /// Stops the running import: its transaction rolls back, nothing is written.
    fn cancel_import(&mut self) {
        if let Some(cancel) = &self.import_wizard.cancel {
            cancel.store(true, Ordering::Relaxed);
        }
        if let Some(wizard) = &mut self.import_wizard.wizard
            && let RunState::Running { cancelling, .. } = &mut wizard.run
        {
            *cancelling = true;
        }
    }

    /// Starts the import of the wizard's file on a thread, with a connection of its own.
    fn start_import(&mut self, ctx: &egui::Context) {
        let language = self.settings.language;
        let workspace_path = self.workspace.path().to_path_buf();
        let host = &mut self.import_wizard;
        let Some(wizard) = &mut host.wizard else {
            return;
        };
        let Some(path) = wizard.path.clone() else {
            return;
        };
        let cancel = Arc::new(AtomicBool::new(false));
        let options = ImportOptions { skip_invalid: wizard.skip_invalid, cancel: Some(Arc::clone(&cancel)) };
        let job: ImportJob = match wizard.kind.csv_kind() {
            Some(kind) => Box::new(move |workspace, progress| {
                workspace.import_csv(kind, &path, options, progress).map(|summary| summary.message(language))
            }),
            None => {
                let Some(log) = host.log.clone() else {
                    return;
                };
                let rules = match rules_from_drafts(&wizard.rules) {
                    Ok(rules) => rules,
                    Err(err) => {
                        wizard.run = RunState::Failed(vec![err.to_string()]);
                        return;
                    }
                };
                Box::new(move |workspace, progress| {
                    import_log(workspace, &log, &rules, &options, progress, language)
                })
            }
        };
        wizard.run = RunState::Running { progress: None, cancelling: false };
        host.cancel = Some(cancel);
        host.importing = true;
        if in_memory(&workspace_path) {
            // No file a second connection could open: import here (tests of small files).
            let result = job(&mut self.workspace, &mut |_| {});
            self.take_import_answer(ctx, Answer::Imported(result));
            return;
        }
        let sender = host.sender.clone();
        let progress_ctx = ctx.clone();
        host.spawn(ctx, move || {
            let mut progress = |p: ImportProgress| {
                _ = sender.send(Answer::Progress(p));
                progress_ctx.request_repaint();
            };
            let result =
                Workspace::open(&workspace_path).and_then(|mut workspace| job(&mut workspace, &mut progress));
            Answer::Imported(result)
        });
    }

    /// Takes every wizard answer that is ready, without waiting.
    pub(super) fn take_wizard_answers(&mut self, ctx: &egui::Context) {
        while let Ok(answer) = self.import_wizard.answers.try_recv() {
            self.take_import_answer(ctx, answer);
        }
    }

    fn take_import_answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let language = self.settings.language;
        let host = &mut self.import_wizard;
        if let Answer::Imported(result) = answer {
            host.importing = false;
            host.cancel = None;
            let run = match result {
                Ok(summary) => {
                    // The import is not an undoable edit; edits recorded before it could
                    // no longer be undone faithfully over the new data.
                    self.history.clear();
                    self.refresh(ctx);
                    RunState::Done(summary)
                }
                Err(StoreError::Cancelled) => RunState::Cancelled,
                Err(err) => RunState::Failed(lines(&err, language)),
            };
            if let Some(wizard) = &mut self.import_wizard.wizard {
                wizard.run = run;
            }
            return;
        }
        let Some(wizard) = &mut host.wizard else {
            return;
        };
        match answer {
            Answer::Head { generation, result } if generation == host.generation => {
                wizard.head = match result {
                    Ok(head) => {
                        wizard.columns = EventColumnsDraft::guessed_from(&head);
                        Loading::Ready(head)
                    }
                    Err(err) => Loading::Failed(lines(&err, language)),
                };
            }
            Answer::Log { generation, result } if generation == host.generation => match result {
                Ok((parsed, events)) => {
                    let saved = self.workspace.stage_rules().ok().flatten();
                    take_log(wizard, &parsed, events, saved.as_ref(), language);
                    host.log = Some(parsed);
                    self.commands.send(WizardRequest::PreviewFunnel);
                }
                Err(err) => wizard.log = Loading::Failed(lines(&err, language)),
            },
            Answer::Funnel { generation, result } if generation == wizard.rules_generation => {
                wizard.funnel = match result {
                    Ok(funnel) => Loading::Ready(funnel),
                    Err(err) => Loading::Failed(lines(&err, language)),
                };
            }
            Answer::Progress(progress) => {
                if let RunState::Running { progress: shown, .. } = &mut wizard.run {
                    *shown = Some(progress);
                }
            }
            Answer::Head { .. } | Answer::Log { .. } | Answer::Funnel { .. } | Answer::Imported(_) => {}
        }
    }
}

/// Whether the workspace lives in memory (no file for a second connection).
fn in_memory(path: &Path) -> bool {
    path.as_os_str() == ":memory:"
}

/// A store error as lines: the message, then each bad row.
fn lines(err: &StoreError, language: Language) -> Vec<String> {
    err.message(language).lines().map(str::to_owned).collect()
}

// ---------------------------------------------------------------------------------------
// Event logs: reading with the chosen columns, counting events, the funnel, the import.

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
        forget_log(&mut host.log);
        wizard.forget_log();
        wizard.log = Loading::Busy;
        let columns = event_log_columns(&wizard.columns);
        let generation = host.generation;
        host.spawn(ctx, move || {
            let result = read_event_log(&path, &columns, &ImportOptions::default(), &mut |_| {}).map(|log| {
                let events = event_counts(&log);
                (Arc::new(log), events)
            });
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

/// Puts a log just read into the wizard: its facts and `events` (counted off the frame), the
/// rules pre-filled from the saved ones; or, when it has invalid rows and the user did not
/// ask to skip them, those rows (nothing can be imported).
fn take_log(
    wizard: &mut ImportWizard,
    log: &ParsedEventLog,
    events: Vec<EventCount>,
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
    FunnelPreview {
        funnel: preview.funnel,
        unmatched_rows: preview.unmatched_rows,
        mapped: MappedStages::from_rules(rules),
    }
}

/// Imports `log` with `rules` (saving them in the same transaction); the summary in `language`.
fn import_log(
    workspace: &mut Workspace,
    log: &ParsedEventLog,
    rules: &StageRules,
    options: &ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
    language: Language,
) -> Result<String, StoreError> {
    workspace.import_event_log(log, Some(rules), options, progress).map(|summary| summary.message(language))
}
