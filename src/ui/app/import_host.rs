//! The import wizard's host: the wizard, if open, and the channel its jobs answer on.
//! Apart from `import_jobs.rs` (which runs the jobs on the app) so the app's struct can hold
//! it without the two files importing each other.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::store::{CsvPreview, ImportProgress, ParsedEventLog, StoreError, Workspace};
use crate::ui::import_wizard::{EventCount, FunnelPreview, ImportWizard};

/// An event log read once, shared by the preview jobs and the import.
pub(super) type ParsedLog = Arc<ParsedEventLog>;

/// An answer from a wizard job.
pub(super) enum Answer {
    Head {
        generation: u64,
        result: Result<CsvPreview, StoreError>,
    },
    /// The log read, with its distinct events counted on the same thread (a pass over
    /// every row: tens of milliseconds at a million rows, too long for a frame).
    Log {
        generation: u64,
        result: Result<(ParsedLog, Vec<EventCount>), StoreError>,
    },
    Funnel {
        generation: u64,
        result: Result<FunnelPreview, StoreError>,
    },
    Progress(ImportProgress),
    /// The import ended: its summary in the UI language, or why nothing was written.
    Imported(Result<String, StoreError>),
}

/// An import to run on a connection, reporting progress; its summary in the UI language.
pub(super) type ImportJob =
    Box<dyn FnOnce(&mut Workspace, &mut dyn FnMut(ImportProgress)) -> Result<String, StoreError> + Send>;

/// The wizard, if open, and the channel its jobs answer on.
pub(super) struct WizardHost {
    pub(super) wizard: Option<ImportWizard>,
    pub(super) sender: Sender<Answer>,
    pub(super) answers: Receiver<Answer>,
    /// Bumped for every new file or new columns: a late answer about older ones is dropped.
    pub(super) generation: u64,
    /// The event log read with the current columns, kept for previews and the import.
    pub(super) log: Option<ParsedLog>,
    /// The running import's cancel flag.
    pub(super) cancel: Option<Arc<AtomicBool>>,
    /// An import is running (it may outlive a closed wizard; its commit still reloads).
    pub(super) importing: bool,
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
    pub(super) fn spawn(&self, ctx: &egui::Context, job: impl FnOnce() -> Answer + Send + 'static) {
        let (sender, ctx) = (self.sender.clone(), ctx.clone());
        std::thread::spawn(move || {
            // The wizard may be gone by now: then nobody listens, which is fine.
            _ = sender.send(job());
            ctx.request_repaint();
        });
    }
}

/// Lets go of the event log read (`host.log`, passed alone so that the wizard beside it can
/// stay borrowed). The last holder frees it, and freeing a million rows and a quarter of a
/// million customer ids took 12 ms of a frame (`benches/import_wizard`): when that is the
/// frame, it happens on a thread of its own.
pub(super) fn forget_log(log: &mut Option<ParsedLog>) {
    if let Some(log) = log.take() {
        std::thread::spawn(move || drop(log));
    }
}
