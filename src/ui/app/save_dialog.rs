//! The native save dialog, with a way for tests to answer it: kittest drives egui, not the
//! system's file chooser, so a test says beforehand where the next "save as" writes.

use std::path::PathBuf;

use super::FanpathApp;

impl FanpathApp {
    /// The next save dialog the app would show answers `path` instead (for tests that
    /// click File → Export …).
    pub fn answer_next_save_dialog(&mut self, path: PathBuf) {
        self.next_save_path = Some(path);
    }

    /// Where to save: the test's answer if one is waiting, otherwise the user's choice in
    /// `dialog` (None when cancelled).
    pub(super) fn save_file(&mut self, dialog: rfd::FileDialog) -> Option<PathBuf> {
        self.next_save_path.take().or_else(|| dialog.save_file())
    }
}
