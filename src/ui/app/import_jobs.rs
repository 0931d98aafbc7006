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
use std::sync::mpsc::{self, Receiver, Sender};

use super::FanpathApp;
use crate::i18n::{Text, Tr};
use crate::model::Language;
use crate::store::{CsvPreview, ImportOptions, ImportProgress, StoreError, Workspace, preview_csv};
use crate::ui::import_wizard::{
    EventColumnsDraft, ImportWizard, Loading, PREVIEW_ROWS, RunState, WizardRequest, import_wizard_window_ui,
};

mod events;

use self::events::ParsedLog;

/// An answer from a wizard job.
enum Answer {
    Head {
        generation: u64,
        result: Result<CsvPreview, StoreError>,
    },
    Log {
        generation: u64,
        result: Result<ParsedLog, StoreError>,
    },
    Funnel {
        generation: u64,
        result: Result<crate::ui::import_wizard::FunnelPreview, StoreError>,
    },
    Progress(ImportProgress),
    /// The import ended: its summary in the UI language, or why nothing was written.
    Imported(Result<String, StoreError>),
}

/// An import to run on a connection, reporting progress; its summary in the UI language.
type ImportJob =
    Box<dyn FnOnce(&mut Workspace, &mut dyn FnMut(ImportProgress)) -> Result<String, StoreError> + Send>;

/// The wizard, if open, and the channel its jobs answer on.
pub(super) struct WizardHost {
    wizard: Option<ImportWizard>,
    sender: Sender<Answer>,
    answers: Receiver<Answer>,
    /// Bumped for every new file or new columns: a late answer about older ones is dropped.
    generation: u64,
    /// The event log read with the current columns, kept for previews and the import.
    log: Option<ParsedLog>,
    /// The running import's cancel flag.
    cancel: Option<Arc<AtomicBool>>,
    /// An import is running (it may outlive a closed wizard; its commit still reloads).
    importing: bool,
}

impl Default for WizardHost {
    fn default() -> Self {
        let (sender, answers) = mpsc::channel();
        Self { wizard: None, sender, answers, generation: 0, log: None, cancel: None, importing: false }
    }
}

impl WizardHost {
    /// Whether a job is out (tests wait for this).
    pub(super) fn busy(&self) -> bool {
        self.importing || self.wizard.as_ref().is_some_and(ImportWizard::busy)
    }

    /// Runs `job` on a thread of its own; its answer wakes the window.
    fn spawn(&self, ctx: &egui::Context, job: impl FnOnce() -> Answer + Send + 'static) {
        let (sender, ctx) = (self.sender.clone(), ctx.clone());
        std::thread::spawn(move || {
            // The wizard may be gone by now: then nobody listens, which is fine.
            _ = sender.send(job());
            ctx.request_repaint();
        });
    }
}

impl FanpathApp {
    /// The open wizard, if any (tests read its state).
    pub fn import_wizard(&self) -> Option<&ImportWizard> {
        self.import_wizard.wizard.as_ref()
    }

    /// The open wizard, to set what a user would choose (tests).
    pub fn import_wizard_mut(&mut self) -> Option<&mut ImportWizard> {
        self.import_wizard.wizard.as_mut()
    }

    /// Draws the wizard's window when it is open.
    pub(super) fn import_wizard_ui(&mut self, ctx: &egui::Context) {
        let tr = Tr(self.settings.language);
        if let Some(wizard) = &mut self.import_wizard.wizard {
            import_wizard_window_ui(ctx, tr, wizard, &mut self.commands);
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
                self.import_wizard.log = None;
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
        host.log = None;
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
                let rules = match crate::ui::import_wizard::rules_from_drafts(&wizard.rules) {
                    Ok(rules) => rules,
                    Err(err) => {
                        wizard.run = RunState::Failed(vec![err.to_string()]);
                        return;
                    }
                };
                Box::new(move |workspace, progress| {
                    events::import_log(workspace, &log, &rules, &options, progress, language)
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
                Ok(parsed) => {
                    let saved = self.workspace.stage_rules().ok().flatten();
                    events::take_log(wizard, &parsed, saved.as_ref(), language);
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
