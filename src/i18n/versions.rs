//! Journey versions in words (issue #10 §1, §2): version names as shown, their errors, and
//! the sentences with numbers of the version dialog and the Compare view.

use super::Tr;
use super::format::{count, shown_value};
use crate::model::Language;
use crate::model::version::{JourneyVersion, VersionError, VersionKind};

/// The names the version Fanpath named is shown under, in every language: what the CLI's
/// `--version` accepts besides its stored name.
pub const CURRENT_NAMES: [&str; 2] = ["Current", "Hiện tại"];

impl VersionError {
    /// Why a version cannot be saved, deleted or found, in `language`.
    pub fn message(&self, language: Language) -> String {
        let en = language == Language::English;
        match self {
            Self::EmptyName => if en {
                "A version needs a name. Not saved."
            } else {
                "Phiên bản cần có tên. Chưa lưu."
            }
            .to_owned(),
            Self::DuplicateName(name) => {
                let name = shown_value(name);
                if en {
                    format!("Another version is already called “{name}”. Not saved.")
                } else {
                    format!("Đã có phiên bản khác tên “{name}”. Chưa lưu.")
                }
            }
            Self::LastVersion => if en {
                "The only version of a workspace cannot be deleted: create another one first."
            } else {
                "Không thể xoá phiên bản duy nhất của không gian làm việc: hãy tạo một phiên bản khác trước."
            }
            .to_owned(),
            Self::Unknown { name, known } => {
                let name = shown_value(name);
                let list = known.iter().map(|k| shown_value(k)).collect::<Vec<_>>().join(", ");
                if en {
                    format!("there is no journey version called \"{name}\"; the versions are {list}")
                } else {
                    format!("không có phiên bản hành trình nào tên “{name}”; các phiên bản hiện có: {list}")
                }
            }
        }
    }
}

impl Tr {
    /// A version's name as shown: the stored name, or "Current"/"Hiện tại" for the
    /// version Fanpath named until the user renames it.
    /// The Analytics findings' heading when the workspace has several versions.
    pub fn findings_for_version(self, name: &str) -> String {
        let name = shown_value(name);
        self.pick(
            format!("Findings, with the touchpoints and targets of “{name}”"),
            format!("Phát hiện, theo điểm chạm và mục tiêu của “{name}”"),
        )
    }

    pub fn version_name(self, version: &JourneyVersion) -> String {
        if version.named_by_fanpath {
            return match self.0 {
                Language::English => CURRENT_NAMES[0],
                Language::Vietnamese => CURRENT_NAMES[1],
            }
            .to_owned();
        }
        version.name.clone()
    }

    /// "As-is" / "To-be" in the language.
    pub fn version_kind(self, kind: VersionKind) -> &'static str {
        match (kind, self.0) {
            (VersionKind::AsIs, Language::English) => "As-is",
            (VersionKind::ToBe, Language::English) => "To-be",
            (VersionKind::AsIs, Language::Vietnamese) => "Hiện trạng",
            (VersionKind::ToBe, Language::Vietnamese) => "Mục tiêu",
        }
    }

    /// What deleting a version takes with it, for the confirmation.
    pub fn delete_version_consequences(self, touchpoints: usize, targets: usize) -> String {
        let (t, g) = (count(touchpoints as u64, self.0), count(targets as u64, self.0));
        self.pick(
            format!(
                "Its {t} touchpoints and {g} target emotions are deleted with it; personas, the emotion log and customers stay. Edit → Undo brings it back."
            ),
            format!(
                "{t} điểm chạm và {g} cảm xúc mục tiêu của phiên bản này sẽ bị xoá theo; chân dung, nhật ký cảm xúc và khách hàng vẫn giữ nguyên. Sửa → Hoàn tác sẽ khôi phục lại."
            ),
        )
    }

    /// The board's heading: which version it shows and edits.
    pub fn board_version(self, name: &str, kind: VersionKind) -> String {
        let kind = self.version_kind(kind);
        self.pick(
            format!("Journey version: {name} ({kind})"),
            format!("Phiên bản hành trình: {name} ({kind})"),
        )
    }

    /// The Compare view's touchpoint counts of one stage.
    pub fn touchpoint_diff(self, added: usize, removed: usize, kept: usize) -> String {
        let [a, r, k] = [added, removed, kept].map(|n| count(n as u64, self.0));
        self.pick(format!("+{a} added · −{r} removed · {k} kept"), format!("+{a} thêm · −{r} bỏ · {k} giữ"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_error_has_both_languages() {
        let errors = [
            VersionError::EmptyName,
            VersionError::DuplicateName("Tết".into()),
            VersionError::LastVersion,
            VersionError::Unknown { name: "X".into(), known: vec!["Current".into()] },
        ];
        for error in errors {
            let (en, vi) = (error.message(Language::English), error.message(Language::Vietnamese));
            assert!(!en.is_empty() && !vi.is_empty());
            assert_ne!(en, vi);
        }
    }

    #[test]
    fn the_version_fanpath_named_is_translated_until_renamed() {
        let mut current = JourneyVersion::named("Current");
        current.named_by_fanpath = true;
        assert_eq!(Tr(Language::Vietnamese).version_name(&current), "Hiện tại");
        assert_eq!(Tr(Language::English).version_name(&current), "Current");
        current.named_by_fanpath = false;
        assert_eq!(Tr(Language::Vietnamese).version_name(&current), "Current");
    }
}
