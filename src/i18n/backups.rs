//! Backups and workspace files in words: sizes, counts and the restore question.

use super::{Tr, format};
use crate::store::{BackupInfo, WorkspaceFileSummary};

impl Tr {
    /// A file size for people: "812 KB", "3.4 MB" ("3,4 MB" in Vietnamese).
    pub fn file_size(self, bytes: u64) -> String {
        const MB: f64 = 1024.0 * 1024.0;
        if bytes < 1024 * 1024 {
            format!("{} KB", self.count(bytes.div_ceil(1024)))
        } else {
            format!("{} MB", format::decimal(bytes as f64 / MB, false, self.0))
        }
    }

    /// When a backup was taken, as shown in the list ("2025-06-30 07:05").
    pub fn backup_time(self, info: &BackupInfo) -> String {
        info.taken_at.format("%Y-%m-%d %H:%M").to_string()
    }

    /// A count read from a backup, or "?" when the backup could not be read.
    pub fn maybe_count(self, n: Option<u64>) -> String {
        n.map_or_else(|| "?".to_owned(), |n| self.count(n))
    }

    pub fn restore_question(self, info: &BackupInfo) -> String {
        let at = self.backup_time(info);
        let (personas, customers) = (self.maybe_count(info.personas), self.maybe_count(info.customers));
        self.pick(
            format!("Restore the backup of {at} ({personas} personas, {customers} customers)?"),
            format!("Khôi phục bản sao lưu lúc {at} ({personas} chân dung, {customers} khách hàng)?"),
        )
    }

    /// What an imported or exported workspace file held.
    pub fn workspace_file_summary(self, s: &WorkspaceFileSummary) -> String {
        let (p, t, e, c) = (
            self.count(s.personas),
            self.count(s.touchpoints),
            self.count(s.emotions),
            self.count(s.customers),
        );
        self.pick(
            format!("{p} personas, {t} touchpoints, {e} emotion entries, {c} customers"),
            format!("{p} chân dung, {t} điểm chạm, {e} mục cảm xúc, {c} khách hàng"),
        )
    }

    /// The status line after importing a workspace file.
    pub fn imported_workspace_file(self, s: &WorkspaceFileSummary, file: &str) -> String {
        let summary = self.workspace_file_summary(s);
        self.pick(format!("Imported {summary} from {file}"), format!("Đã nhập {summary} từ {file}"))
    }

    /// The status line after exporting a workspace file.
    pub fn exported_workspace_file(self, s: &WorkspaceFileSummary, file: &str) -> String {
        let summary = self.workspace_file_summary(s);
        self.pick(format!("Wrote {summary} to {file}"), format!("Đã ghi {summary} vào {file}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn sizes_read_naturally_in_both_languages() {
        assert_eq!(Tr(Language::English).file_size(1), "1 KB");
        assert_eq!(Tr(Language::English).file_size(812 * 1024), "812 KB");
        assert_eq!(Tr(Language::English).file_size(3_565_158), "3.4 MB");
        assert_eq!(Tr(Language::Vietnamese).file_size(3_565_158), "3,4 MB");
        assert_eq!(Tr(Language::Vietnamese).file_size(1_000 * 1024), "1.000 KB");
    }
}
