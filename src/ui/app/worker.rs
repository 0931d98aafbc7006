//! Slow work off the frame (rerun's habit): the Analytics queries and the Analytics view's
//! exports run on one worker thread with its own read-only connection to the workspace.
//! The frame sends a [`Job`] and goes on drawing what it had; the worker wakes the window
//! when the answer is ready. Between jobs it watches the file for commits made by another
//! process (a second window, a command-line import).
//!
//! Nothing here knows the app: `background.rs` connects it to [`super::FanpathApp`].

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::i18n::{Text, Tr};
use crate::model::launch::LaunchWindow;
use crate::model::{CohortPeriod, DateRange, Language, PersonaId, VersionId};
use crate::store::analytics::{Analytics, AnalyticsOptions};
use crate::store::{self, StoreError, Workspace};
use crate::ui::analytics::chart::{Chart, ChartOptions};
use crate::ui::analytics::export;
pub(super) use crate::ui::app::handout_job::Handout;

/// How often the worker asks SQLite whether another connection committed. `PRAGMA
/// data_version` reads the WAL index only, so once a second costs nothing measurable.
pub(super) const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// How long closing the app (or switching workspace) waits for a running job, so the
/// worker's connection closes before the writer's and the writer, closing last, folds the
/// WAL back into the file. A job still running after this is left to finish on its own.
const SHUTDOWN_WAIT: Duration = Duration::from_secs(3);

/// What an analytics result depends on: the data generation, persona filter, stall days,
/// date range of first events, cohort period, the launch compared before/after (if any) and
/// the journey version on the board (its touchpoints and targets shape the findings).
pub(super) type AnalyticsKey =
    (u64, Option<PersonaId>, u32, DateRange, CohortPeriod, Option<LaunchWindow>, Option<VersionId>);

/// Work for the worker (or, without one, for the frame itself).
pub(super) enum Job {
    /// The Analytics view's numbers for `key`.
    Analytics { key: AnalyticsKey, options: AnalyticsOptions },
    /// Writes an export to `path`; error messages come back in `language`.
    Export { path: PathBuf, export: Export, language: Language },
    /// Streams the whole workspace into a workspace file (seconds at a million customers).
    ExportWorkspaceFile { path: PathBuf, language: Language },
}

/// What an export writes.
pub(super) enum Export {
    /// Bytes already made on the frame (the funnel CSV: eight rows from the cached report).
    Bytes(Vec<u8>),
    /// The emotion entries as CSV, read from the workspace: the persona's, logged in the
    /// range (the Analytics view's filter and from / to).
    EmotionsCsv { persona: Option<PersonaId>, range: DateRange },
    /// A chart drawn off screen into a PNG (hundreds of milliseconds of rasterising).
    ChartPng { chart: Chart, analytics: Box<Analytics>, options: ChartOptions },
    /// The Compare view of two journey versions, read and drawn off the frame.
    ComparePng { a: VersionId, b: VersionId, persona: Option<PersonaId> },
    /// A hand-out (journey map poster, workshop pack), read and drawn here.
    Handout(Handout),
}

/// An answer from the worker.
pub(super) enum Done {
    /// Boxed: the numbers are large beside the other answers.
    Analytics { key: AnalyticsKey, result: Result<Box<Analytics>, StoreError> },
    /// An export finished: what to say in the status bar, or why it failed (both in the
    /// job's language).
    Exported { result: Result<String, String> },
    /// Another connection committed to the file since the last poll. It may be the app's own
    /// connection: the app tells the two apart with its own `data_version`.
    DataChanged,
}

impl Job {
    /// Does the work on `workspace`: the worker's reader, or the app's own connection when
    /// there is no worker (a workspace in memory has no file a second connection could open).
    pub(super) fn run(self, workspace: &Workspace) -> Done {
        match self {
            Self::Analytics { key, options } => {
                Done::Analytics { key, result: workspace.analytics(&options).map(Box::new) }
            }
            Self::Export { path, export, language } => {
                let result = export.contents(workspace, language).and_then(|bytes| {
                    store::export::write_export(&path, bytes).map_err(|err| err.message(language))
                });
                let tr = Tr(language);
                Done::Exported {
                    result: result.map(|()| format!("{} {}", tr.t(Text::ExportedTo), path.display())),
                }
            }
            Self::ExportWorkspaceFile { path, language } => {
                let tr = Tr(language);
                let result = workspace
                    .export_workspace_file(&path)
                    .map(|summary| tr.exported_workspace_file(&summary, &path.display().to_string()))
                    .map_err(|err| err.message(language));
                Done::Exported { result }
            }
        }
    }
}

impl Export {
    fn contents(self, workspace: &Workspace, language: Language) -> Result<Vec<u8>, String> {
        match self {
            Self::Bytes(bytes) => Ok(bytes),
            Self::EmotionsCsv { persona, range } => {
                store::export::emotions_csv_in(workspace, persona, &range)
                    .map(String::into_bytes)
                    .map_err(|err| err.message(language))
            }
            Self::ChartPng { chart, analytics, options } => {
                export::chart_png(chart, &analytics, &options, language).map_err(|err| err.to_string())
            }
            Self::ComparePng { a, b, persona } => {
                let shown = crate::ui::compare::export::read_comparison(workspace, (a, b), persona, language)
                    .map_err(|err| err.message(language))?;
                crate::ui::compare::export::compare_png(&shown, language).map_err(|err| err.to_string())
            }
            Self::Handout(handout) => handout.bytes(workspace, language),
        }
    }
}

/// The worker thread and the two queues to it and back.
pub(super) struct Worker {
    /// `None` once closing: dropping the sender is what tells the thread to stop.
    jobs: Option<Sender<Job>>,
    done: Receiver<Done>,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    /// Opens a read-only connection to `path` and starts the thread on it; `ctx` is woken
    /// whenever an answer is ready.
    pub(super) fn spawn(path: &Path, ctx: &egui::Context) -> Result<Self, StoreError> {
        let reader = Workspace::open_reader(path)?;
        let (jobs, job_queue) = mpsc::channel();
        let (answers, done) = mpsc::channel();
        let ctx = ctx.clone();
        let thread = std::thread::Builder::new()
            .name("fanpath-worker".to_owned())
            .spawn(move || work(&reader, &job_queue, &answers, &ctx))
            .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
        Ok(Self { jobs: Some(jobs), done, thread: Some(thread) })
    }

    /// Queues `job`; gives it back when the worker has stopped, so the caller can run it.
    // The job comes back by value only when the worker has stopped, once: boxing every
    // job for that would cost more than the large error.
    #[allow(clippy::result_large_err)]
    pub(super) fn send(&self, job: Job) -> Result<(), Job> {
        match &self.jobs {
            Some(jobs) => jobs.send(job).map_err(|err| err.0),
            None => Err(job),
        }
    }

    /// The next answer if one is ready; never waits. `Disconnected` means the thread died.
    pub(super) fn try_recv(&self) -> Result<Done, TryRecvError> {
        self.done.try_recv()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.jobs = None;
        let deadline = Instant::now() + SHUTDOWN_WAIT;
        loop {
            match self.done.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                // Answers nobody waits for any more.
                Ok(_) => {}
                // The thread dropped its end: it is returning; joining is immediate.
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => return,
            }
        }
        if let Some(thread) = self.thread.take() {
            // A panic in the worker was already reported on stderr by the panic hook.
            let _ = thread.join();
        }
    }
}

/// The worker's loop: jobs as they come, and a look at `data_version` about once a second.
fn work(reader: &Workspace, jobs: &Receiver<Job>, answers: &Sender<Done>, ctx: &egui::Context) {
    let mut seen = reader.data_version().ok();
    let mut next_poll = Instant::now() + POLL_INTERVAL;
    loop {
        match jobs.recv_timeout(next_poll.saturating_duration_since(Instant::now())) {
            Ok(job) => {
                let queued = std::iter::once(job).chain(jobs.try_iter()).collect();
                for job in latest_analytics_only(queued) {
                    if answers.send(job.run(reader)).is_err() {
                        return;
                    }
                    ctx.request_repaint();
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        if Instant::now() >= next_poll {
            next_poll = Instant::now() + POLL_INTERVAL;
            let version = reader.data_version().ok();
            if version != seen {
                seen = version;
                if answers.send(Done::DataChanged).is_err() {
                    return;
                }
                ctx.request_repaint();
            }
        }
    }
}

/// Of several analytics jobs waiting, only the newest still matters (the filter moved on
/// while the worker was busy); every export runs, in the order asked.
fn latest_analytics_only(queued: Vec<Job>) -> Vec<Job> {
    let last = queued.iter().rposition(|job| matches!(job, Job::Analytics { .. }));
    queued
        .into_iter()
        .enumerate()
        .filter(|(index, job)| !matches!(job, Job::Analytics { .. }) || Some(*index) == last)
        .map(|(_, job)| job)
        .collect()
}

/// The analytics on show, and the key of the one being computed.
#[derive(Default)]
pub(super) struct AnalyticsSlot {
    shown: Option<(AnalyticsKey, Result<Analytics, String>)>,
    asked: Option<AnalyticsKey>,
}

impl AnalyticsSlot {
    /// Whether a job must be sent for `key`: neither on show nor already asked for.
    pub(super) fn needs(&self, key: AnalyticsKey) -> bool {
        self.asked != Some(key) && self.shown.as_ref().is_none_or(|(shown, _)| *shown != key)
    }

    pub(super) fn ask(&mut self, key: AnalyticsKey) {
        self.asked = Some(key);
    }

    /// Takes a result computed for `key` when it is still `current`, and drops it when the
    /// filter or the data moved on meanwhile. Returns whether it is now on show.
    pub(super) fn arrive(
        &mut self,
        current: AnalyticsKey,
        key: AnalyticsKey,
        result: Result<Analytics, String>,
    ) -> bool {
        if self.asked == Some(key) {
            self.asked = None;
        }
        if key != current {
            return false;
        }
        self.shown = Some((key, result));
        true
    }

    /// Forgets the job in flight (the worker stopped), so the next frame asks again.
    pub(super) fn forget_asked(&mut self) {
        self.asked = None;
    }

    /// Whether a result is awaited; the view shows a spinner meanwhile.
    pub(super) fn computing(&self) -> bool {
        self.asked.is_some()
    }

    /// The last result, possibly for an earlier filter while a new one is computed.
    pub(super) fn shown(&self) -> Option<&Result<Analytics, String>> {
        self.shown.as_ref().map(|(_, result)| result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analytics(date: chrono::NaiveDate) -> Result<Analytics, String> {
        let ws = Workspace::open_in_memory().map_err(|err| err.to_string())?;
        let options =
            AnalyticsOptions { reference_date: date, stalled_list_limit: 10, ..AnalyticsOptions::default() };
        ws.analytics(&options).map_err(|err| err.to_string())
    }

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap_or_default()
    }

    #[test]
    fn a_result_for_an_outdated_filter_is_dropped() {
        let mut slot = AnalyticsSlot::default();
        let all = (DateRange::ALL, CohortPeriod::Month);
        let (old, new) =
            ((1, None, 30, all.0, all.1, None, None), (1, Some(PersonaId(7)), 30, all.0, all.1, None, None));
        slot.ask(old);
        slot.ask(new);
        assert!(!slot.arrive(new, old, analytics(day())), "the old filter's numbers are not shown");
        assert!(slot.shown().is_none());
        assert!(slot.computing(), "still waiting for the new filter");
        assert!(slot.arrive(new, new, analytics(day())));
        assert!(!slot.computing());
        assert!(!slot.needs(new), "on show: nothing to ask");
        assert!(slot.needs(old), "going back asks again");
    }

    #[test]
    fn a_key_already_asked_for_is_not_asked_twice() {
        let mut slot = AnalyticsSlot::default();
        let key = (3, None, 30, DateRange::ALL, CohortPeriod::Month, None, None);
        assert!(slot.needs(key));
        slot.ask(key);
        assert!(!slot.needs(key));
        // Another range or cohort period is another question.
        let march = DateRange { from: chrono::NaiveDate::from_ymd_opt(2026, 3, 1), to: None };
        assert!(slot.needs((3, None, 30, march, CohortPeriod::Month, None, None)));
        assert!(slot.needs((3, None, 30, DateRange::ALL, CohortPeriod::Week, None, None)));
        // So is another journey version on the board (its touchpoints and targets).
        assert!(slot.needs((3, None, 30, DateRange::ALL, CohortPeriod::Month, None, Some(VersionId(2)))));
        slot.forget_asked();
        assert!(slot.needs(key), "a stopped worker's job is asked again");
    }

    #[test]
    fn only_the_newest_analytics_job_of_a_queue_runs_and_every_export_does() {
        let job = |persona: u32| Job::Analytics {
            key: (
                1,
                Some(PersonaId(i64::from(persona))),
                30,
                DateRange::ALL,
                CohortPeriod::Month,
                None,
                None,
            ),
            options: AnalyticsOptions {
                reference_date: day(),
                stalled_list_limit: 10,
                ..AnalyticsOptions::default()
            },
        };
        let export = |name: &str| Job::Export {
            path: PathBuf::from(name),
            export: Export::Bytes(Vec::new()),
            language: Language::English,
        };
        let kept = latest_analytics_only(vec![job(1), export("a"), job(2), export("b"), job(3)]);
        let names: Vec<String> = kept
            .iter()
            .map(|job| match job {
                Job::Analytics { key, .. } => format!("analytics {:?}", key.1),
                Job::Export { path, .. } | Job::ExportWorkspaceFile { path, .. } => {
                    path.display().to_string()
                }
            })
            .collect();
        assert_eq!(names, ["a", "b", "analytics Some(PersonaId(3))"]);
    }

    #[test]
    fn the_worker_answers_on_its_own_connection_and_sees_commits_from_elsewhere() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("w.sqlite");
        let mut writer = Workspace::open(&path).expect("open");
        let ctx = egui::Context::default();
        let worker = Worker::spawn(&path, &ctx).expect("spawn");
        let key = (1, None, 30, DateRange::ALL, CohortPeriod::Month, None, None);
        let options =
            AnalyticsOptions { reference_date: day(), stalled_list_limit: 10, ..AnalyticsOptions::default() };
        assert!(worker.send(Job::Analytics { key, options }).is_ok());
        let wait = |worker: &Worker| {
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                match worker.try_recv() {
                    Ok(done) => return done,
                    Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
                    Err(err) => panic!("no answer: {err}"),
                }
            }
        };
        let Done::Analytics { key: answered, result } = wait(&worker) else { panic!("analytics expected") };
        assert_eq!(answered, key);
        assert_eq!(result.expect("computed").report.customers(), 0);

        writer.create_persona(&crate::model::Persona::named("Lan")).expect("persona");
        assert!(matches!(wait(&worker), Done::DataChanged));
        drop(worker);
        drop(writer);
        assert!(!dir.path().join("w.sqlite-wal").exists(), "the writer closed last and removed the WAL");
    }
}
