//! The daily integrity check: SQLite's full `PRAGMA integrity_check` reads every page, so
//! it never runs on the way to the first frame. After the window opens a workspace, a
//! background thread checks it through its own read-only connection, at most once a day
//! per workspace; a real corruption is shown in a dialog, and the file is never touched.

use std::sync::mpsc::TryRecvError;

use super::FanpathApp;
use crate::store::{StoreError, Workspace};
use crate::ui::state::Dialog;

impl FanpathApp {
    /// Starts the background check of the open workspace unless it was checked today.
    pub(super) fn start_integrity_check(&mut self, ctx: &egui::Context) {
        let path = self.workspace.path().to_path_buf();
        if self.workspace.path() == std::path::Path::new(":memory:")
            || self.settings.integrity_checked.get(&path) == Some(&self.today)
        {
            return;
        }
        let (send, answer) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        let file = path.clone();
        let spawned = std::thread::Builder::new().name("integrity-check".into()).spawn(move || {
            let result = Workspace::open_read_only(&file).and_then(|workspace| workspace.check_integrity());
            // The window may have closed meanwhile; then nobody needs the answer.
            let _ = send.send(result);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.settings.remember_integrity_check(&path, self.today);
            self.integrity_check = Some((path, answer));
        }
    }

    /// Shows the answer of the background check once it has arrived (called every frame,
    /// it never waits). Only a real corruption is shown; a file that was busy or could not
    /// be read is checked again the next time it opens.
    pub(super) fn poll_integrity_check(&mut self) {
        let Some((checked, answer)) = &self.integrity_check else { return };
        let result = match answer.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Ok(()),
        };
        let checked = checked.clone();
        self.integrity_check = None;
        match result {
            Ok(()) => {}
            Err(err @ (StoreError::FailedCheck { .. } | StoreError::Damaged { .. })) => {
                // A dialog already open (an error, a question) is not replaced.
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::Error(err.message(self.settings.language)));
                }
            }
            Err(_) => self.settings.forget_integrity_check(&checked),
        }
    }

    /// Whether a background check is still running (tests wait for it).
    pub fn integrity_check_running(&self) -> bool {
        self.integrity_check.is_some()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::time::{Duration, Instant};

    use chrono::NaiveDate;

    use super::*;
    use crate::model::Language;
    use crate::store::DemoOptions;
    use crate::ui::Settings;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 31).expect("date")
    }

    fn demo_workspace(path: &Path) {
        let mut workspace = Workspace::open(path).expect("create");
        let mut options = DemoOptions::new(today());
        options.customers = 300;
        workspace.write_demo(&options).expect("demo");
    }

    /// Overwrites one page of an index: the file still opens (its first page is intact),
    /// only reading every page finds the damage.
    fn damage_an_index(path: &Path) {
        let conn = rusqlite::Connection::open(path).expect("raw");
        let (root, page_size): (i64, i64) = conn
            .query_row(
                "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master WHERE name = 'stage_events_by_stage'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("root page");
        drop(conn);
        let mut bytes = std::fs::read(path).expect("read");
        let start = usize::try_from((root - 1) * page_size).expect("offset");
        bytes[start..start + 64].fill(0x55);
        std::fs::write(path, bytes).expect("write");
    }

    fn app_after_check(path: &Path, settings: Settings) -> FanpathApp {
        let workspace = Workspace::open(path).expect("a damaged index does not stop the open");
        let mut app = FanpathApp::with_today(workspace, settings, today());
        app.start_integrity_check(&egui::Context::default());
        let started = Instant::now();
        while app.integrity_check_running() {
            assert!(started.elapsed() < Duration::from_secs(20), "the check never finished");
            std::thread::sleep(Duration::from_millis(5));
            app.poll_integrity_check();
        }
        app
    }

    #[test]
    fn a_damaged_workspace_is_shown_in_the_ui_language_and_left_untouched() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("cửa hàng.sqlite");
        demo_workspace(&path);
        damage_an_index(&path);
        let before = std::fs::read(&path).expect("read");
        let settings = Settings { language: Language::Vietnamese, ..Settings::default() };
        let app = app_after_check(&path, settings);
        let Some(Dialog::Error(message)) = &app.dialog else { panic!("no dialog: {:?}", app.dialog) };
        assert!(message.contains("cửa hàng.sqlite bị hỏng"), "{message}");
        assert!(message.contains("kiểm tra toàn vẹn"), "{message}");
        drop(app);
        assert_eq!(std::fs::read(&path).expect("read"), before, "the check never writes");
    }

    #[test]
    fn an_intact_workspace_is_checked_once_a_day() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("ws.sqlite");
        demo_workspace(&path);
        let app = app_after_check(&path, Settings::default());
        assert!(app.dialog.is_none(), "{:?}", app.dialog);
        assert_eq!(app.settings.integrity_checked.get(&path), Some(&today()));

        // Damaged since, but already checked today: no second check until tomorrow.
        let settings = app.settings.clone();
        drop(app);
        damage_an_index(&path);
        let app = app_after_check(&path, settings);
        assert!(app.dialog.is_none(), "{:?}", app.dialog);
        let mut settings = app.settings.clone();
        settings.integrity_checked.insert(path.clone(), today().pred_opt().expect("yesterday"));
        let app = app_after_check(&path, settings);
        assert!(
            matches!(&app.dialog, Some(Dialog::Error(m)) if m.contains("integrity check found")),
            "{:?}",
            app.dialog
        );
    }
}
