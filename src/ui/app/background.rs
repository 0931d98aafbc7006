//! The app's side of the worker: sending jobs, taking answers at the start of a frame,
//! and noticing when another process changed the workspace.

use std::sync::mpsc::TryRecvError;
use std::time::Duration;

use super::FanpathApp;
use super::worker::{AnalyticsKey, AnalyticsSlot, Done, Job, Worker};

use crate::store::Workspace;
use crate::ui::state::{Dialog, View};

/// How often a reload held back by typing is tried again.
const RELOAD_RETRY: Duration = Duration::from_millis(250);

impl FanpathApp {
    /// Starts the worker on the open workspace. A workspace in memory has no file for a
    /// second connection, and a worker that cannot start is not worth an error: either way
    /// jobs run inline, as before.
    pub(super) fn start_worker(&mut self, ctx: &egui::Context) {
        let in_memory = self.workspace.path().as_os_str() == ":memory:";
        self.worker = if in_memory { None } else { Worker::spawn(self.workspace.path(), ctx).ok() };
    }

    /// Puts `workspace` in place of the open one. The old worker stops first, so the old
    /// file's writer is the last connection to close (it then folds the WAL back in).
    pub(super) fn replace_workspace(&mut self, ctx: &egui::Context, workspace: Workspace) {
        self.worker = None;
        self.analytics = AnalyticsSlot::default();
        self.exports_in_flight = 0;
        self.workspace = workspace;
        self.start_worker(ctx);
    }

    /// Whether work sent to the worker is still out (tests and benchmarks wait on this).
    pub fn busy(&self) -> bool {
        self.analytics.computing()
            || self.exports_in_flight > 0
            || self.file_task.is_some()
            || self.import_wizard.busy()
    }

    pub(super) fn analytics_key(&self) -> AnalyticsKey {
        (
            self.data.generation,
            self.analytics_view.persona,
            self.analytics_view.stall_days,
            self.analytics_view.range,
            self.analytics_view.cohort_period,
            self.analytics_view.launch_window(self.today),
            self.board_version(),
        )
    }

    /// The journey version the board shows, whose touchpoints and targets the Analytics
    /// findings use (as `report --version NAME` does).
    pub(super) fn board_version(&self) -> Option<crate::model::VersionId> {
        self.data.shown_version(self.selection.version).map(|(id, _)| id)
    }

    /// Asks for the analytics of the current data and filter unless they are on show or on
    /// their way; meanwhile the view keeps the last result, with a spinner.
    pub(super) fn ensure_analytics(&mut self) {
        self.analytics_view.sync_launch(&self.data);
        let key = self.analytics_key();
        if !self.analytics.needs(key) {
            return;
        }
        self.analytics.ask(key);
        let options = self.analytics_view.query(self.today, self.board_version());
        self.submit(Job::Analytics { key, options });
    }

    /// Sends `job` to the worker, or runs it here when there is none.
    pub(super) fn submit(&mut self, job: Job) {
        if matches!(job, Job::Export { .. } | Job::ExportWorkspaceFile { .. }) {
            self.exports_in_flight += 1;
        }
        let job = match &self.worker {
            Some(worker) => match worker.send(job) {
                Ok(()) => return,
                Err(job) => {
                    self.worker = None;
                    job
                }
            },
            None => job,
        };
        let done = job.run(&self.workspace);
        self.receive(done);
    }

    /// Takes every answer that is ready, without waiting; reloads the cache when another
    /// process committed to the file (once no text field is being typed in).
    pub(super) fn take_answers(&mut self, ctx: &egui::Context) {
        let mut changed_elsewhere = false;
        while let Some(worker) = &self.worker {
            match worker.try_recv() {
                Ok(Done::DataChanged) => changed_elsewhere = true,
                Ok(done) => self.receive(done),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    // The thread is gone (a panic, already on stderr): carry on inline.
                    self.worker = None;
                    self.analytics.forget_asked();
                    self.exports_in_flight = 0;
                }
            }
        }
        // The worker's connection also sees this app's own commits; the app's connection
        // does not, so its `data_version` tells whether someone else wrote.
        if changed_elsewhere && self.workspace.data_version().ok() != self.seen_version {
            self.reload_waiting = true;
        }
        if !self.reload_waiting {
            return;
        }
        // A reload replaces the persona card's draft with the stored persona, and the card
        // saves a field when it loses focus: while one of its fields has focus, wait (its
        // save reloads anyway), so no typed text is lost. Other views keep their forms.
        if self.selection.view == View::PersonaCard && ctx.text_edit_focused() {
            ctx.request_repaint_after(RELOAD_RETRY);
        } else {
            self.refresh(ctx);
        }
    }

    fn receive(&mut self, done: Done) {
        let language = self.settings.language;
        match done {
            Done::Analytics { key, result } => {
                let current = self.analytics_key();
                self.analytics.arrive(
                    current,
                    key,
                    result.map(|analytics| *analytics).map_err(|err| err.message(language)),
                );
            }
            Done::Exported { result } => {
                self.exports_in_flight = self.exports_in_flight.saturating_sub(1);
                match result {
                    Ok(status) => self.status = Some(status),
                    Err(message) => self.dialog = Some(Dialog::Error(message)),
                }
            }
            // Only the worker's poll sends this; `take_answers` handles it.
            Done::DataChanged => {}
        }
    }
}
