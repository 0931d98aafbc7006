//! The store's errors in words, in English and Vietnamese: what the CLI prints (English,
//! through `Display`) and what the window's error dialogs show (in the app's language).

use std::path::Path;

use super::format::{count, escape_controls, shown_value};
use crate::model::Language;
use crate::model::persona::PersonaError;
use crate::store::StoreError;

impl StoreError {
    /// What went wrong, in `language`, naming the file where one is involved. Control
    /// characters from file names, values and details are escaped: this reaches terminals.
    pub fn message(&self, language: Language) -> String {
        escape_controls(&self.words(language), true)
    }

    fn words(&self, language: Language) -> String {
        let en = language == Language::English;
        let pick = |english: String, vietnamese: String| if en { english } else { vietnamese };
        let file = |path: &Path| path.display().to_string();
        match self {
            Self::NotAWorkspace { path } => {
                let p = file(path);
                pick(
                    format!("{p} is not a Fanpath workspace"),
                    format!("{p} không phải là không gian làm việc Fanpath"),
                )
            }
            Self::Damaged { path, detail } => {
                let p = file(path);
                pick(
                    format!("{p} is damaged ({detail}); it was left untouched"),
                    format!("{p} bị hỏng ({detail}); tệp được giữ nguyên, không bị thay đổi"),
                )
            }
            Self::NoWorkspace { path, empty } => {
                let p = file(path);
                match (en, empty) {
                    (true, false) => format!("{p} does not exist: there is no workspace there yet"),
                    (true, true) => format!("{p} is empty: there is no workspace in it yet"),
                    (false, false) => format!("{p} không tồn tại: ở đó chưa có không gian làm việc nào"),
                    (false, true) => format!("{p} là tệp rỗng: trong đó chưa có không gian làm việc nào"),
                }
            }
            Self::ReadOnly { path } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} is read-only (the file or its folder cannot be written): it can be viewed, not changed"
                    ),
                    format!(
                        "{p} chỉ đọc (không ghi được vào tệp hoặc thư mục chứa tệp): có thể xem nhưng không thay đổi được"
                    ),
                )
            }
            Self::Locked { path } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} is in use by another Fanpath (a window or a command) that is still writing to it; try again when it has finished"
                    ),
                    format!(
                        "{p} đang được một Fanpath khác (một cửa sổ hoặc một lệnh) ghi vào; hãy thử lại khi việc đó xong"
                    ),
                )
            }
            Self::FailedCheck { path, problems } => {
                let p = file(path);
                let n = count(problems.len() as u64, language);
                let first = problems.first().map_or("", String::as_str);
                pick(
                    format!(
                        "{p} is damaged: SQLite's integrity check found {n} problem{} (the first: {first}). The file was left untouched; keep a copy of it before changing anything",
                        if problems.len() == 1 { "" } else { "s" }
                    ),
                    format!(
                        "{p} bị hỏng: bước kiểm tra toàn vẹn của SQLite tìm thấy {n} lỗi (lỗi đầu tiên: {first}). Tệp được giữ nguyên; hãy sao lưu tệp trước khi thay đổi bất cứ điều gì"
                    ),
                )
            }
            Self::CopyOntoItself { path } => {
                let p = file(path);
                pick(
                    format!("{p} is the workspace you have open; choose another file for the copy"),
                    format!("{p} là không gian làm việc đang mở; hãy chọn tệp khác để lưu bản sao"),
                )
            }
            Self::NewerVersion { path, found, supported } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} was written by a newer Fanpath (schema version {found}; this version reads up to {supported}). Update Fanpath to open it; the file was left untouched"
                    ),
                    format!(
                        "{p} được tạo bởi một phiên bản Fanpath mới hơn (phiên bản lược đồ {found}; bản Fanpath này chỉ đọc được tới phiên bản {supported}). Hãy cập nhật Fanpath để mở tệp; tệp được giữ nguyên, không bị thay đổi"
                    ),
                )
            }
            Self::Io { path, source } => {
                let p = file(path);
                pick(format!("cannot use {p}: {source}"), format!("không dùng được {p}: {source}"))
            }
            Self::Persona(error) => error.message(language),
            Self::Version(error) => error.message(language),
            // The problems themselves stay in English: they name the file's JSON fields.
            Self::Template(error) => pick(error.to_string(), format!("không dùng được mẫu này: {error}")),
            Self::NotFound(id) => pick(
                format!("nothing with id {id} in this workspace"),
                format!("không có mục nào mang mã {id} trong không gian làm việc này"),
            ),
            Self::Sqlite(error) => {
                pick(format!("database error: {error}"), format!("lỗi cơ sở dữ liệu: {error}"))
            }
            Self::DamagedRow { table, id, column, value } => pick(
                format!(
                    "the workspace is damaged: row {id} of table {table} holds {value} in column {column}, which Fanpath cannot read"
                ),
                format!(
                    "không gian làm việc bị hỏng: dòng {id} của bảng {table} có giá trị {value} ở cột {column}, Fanpath không đọc được giá trị này"
                ),
            ),
            Self::Csv { path, detail } => {
                let p = file(path);
                pick(format!("cannot import {p}: {detail}"), format!("không nhập được {p}: {detail}"))
            }
            Self::MissingColumns { path, missing, expected } => {
                let p = file(path);
                let columns = missing.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
                pick(
                    format!(
                        "cannot import {p}: the header has no {columns} column (expected {expected}, in any order and case)"
                    ),
                    format!(
                        "không nhập được {p}: dòng tiêu đề thiếu cột {columns} (cần có {expected}, theo thứ tự bất kỳ, chữ hoa hay thường đều được)"
                    ),
                )
            }
            Self::InvalidRows { path, count: invalid, rows } => {
                let (p, n) = (file(path), count(*invalid, language));
                let lines = super::import::row_error_lines(rows, *invalid, language);
                pick(
                    format!(
                        "cannot import {p}: {n} invalid row{}, so nothing was imported:{lines}",
                        if *invalid == 1 { "" } else { "s" }
                    ),
                    format!(
                        "không nhập được {p}: có {n} dòng không hợp lệ nên không có gì được nhập:{lines}"
                    ),
                )
            }
            Self::UnknownPersona { path, name, known } => {
                let (p, name) = (file(path), shown_value(name));
                let list = known.iter().map(|k| shown_value(k)).collect::<Vec<_>>().join(", ");
                match (en, known.is_empty()) {
                    (true, true) => format!("{p} has no persona called \"{name}\" (it has no personas)"),
                    (true, false) => format!("{p} has no persona called \"{name}\"; its personas are {list}"),
                    (false, true) => {
                        format!("{p} không có chân dung nào tên “{name}” (tệp chưa có chân dung nào)")
                    }
                    (false, false) => {
                        format!("{p} không có chân dung nào tên “{name}”; các chân dung hiện có: {list}")
                    }
                }
            }
            Self::NotEmpty { path, detail } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} already holds data ({detail}); the demo would mix with it. Use the replace option (fanpath demo --replace) to delete everything in it and write the demo instead"
                    ),
                    format!(
                        "{p} đã có dữ liệu ({detail}); dữ liệu mẫu sẽ lẫn vào đó. Hãy dùng tuỳ chọn thay thế (fanpath demo --replace) để xoá mọi thứ trong tệp và ghi dữ liệu mẫu vào"
                    ),
                )
            }
            // Backups and workspace files.
            Self::SameFile { path } => {
                let p = file(path);
                pick(
                    format!("{p} is the workspace itself; choose another file"),
                    format!("{p} chính là không gian làm việc này; hãy chọn một tệp khác"),
                )
            }
            Self::NotAWorkspaceFile { path } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} is not a Fanpath workspace file (it does not start with \"format\": \"fanpath-workspace\"); nothing was imported"
                    ),
                    format!(
                        "{p} không phải là tệp không gian làm việc Fanpath (tệp không bắt đầu bằng \"format\": \"fanpath-workspace\"); không có gì được nhập"
                    ),
                )
            }
            Self::NewerWorkspaceFile { path, found, supported } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} was written by a newer Fanpath (format version {found}; this version reads up to {supported}). Update Fanpath to import it; nothing was imported"
                    ),
                    format!(
                        "{p} được tạo bởi một phiên bản Fanpath mới hơn (phiên bản định dạng {found}; bản Fanpath này chỉ đọc được tới phiên bản {supported}). Hãy cập nhật Fanpath để nhập tệp; không có gì được nhập"
                    ),
                )
            }
            Self::BadWorkspaceFile { path, detail } => {
                let p = file(path);
                pick(
                    format!("cannot import {p}: {detail}; nothing was imported, the workspace is unchanged"),
                    format!(
                        "không nhập được {p}: {detail}; không có gì được nhập, không gian làm việc giữ nguyên"
                    ),
                )
            }
            Self::WorkspaceNotEmpty { path, detail } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} already holds data ({detail}); the imported workspace would mix with it. Use the replace option (fanpath import workspace --replace) to replace everything in it; the current state is backed up first"
                    ),
                    format!(
                        "{p} đã có dữ liệu ({detail}); dữ liệu nhập vào sẽ lẫn vào đó. Hãy dùng tuỳ chọn thay thế (fanpath import workspace --replace) để thay toàn bộ dữ liệu; trạng thái hiện tại được sao lưu trước"
                    ),
                )
            }
            // Event logs and stage rules.
            Self::Cancelled => pick(
                "the import was cancelled; nothing was written".to_owned(),
                "đã huỷ việc nhập; không có gì được ghi".to_owned(),
            ),
            Self::MissingEventColumns { path, missing, found } => {
                let p = file(path);
                let missing = missing.iter().map(|c| shown_value(c)).collect::<Vec<_>>().join(", ");
                let found = found.iter().map(|c| shown_value(c)).collect::<Vec<_>>().join(", ");
                pick(
                    format!(
                        "{p} has no column {missing}; its columns are {found}. Name the columns to read (--customer, --event or --event-name, --time)"
                    ),
                    format!(
                        "{p} không có cột {missing}; các cột của tệp là {found}. Hãy chỉ rõ cột cần đọc (--customer, --event hoặc --event-name, --time)"
                    ),
                )
            }
            Self::NoStageRules { path } => {
                let p = file(path);
                pick(
                    format!(
                        "{p} has no stage rules saved; give a rules file (--rules RULES.csv with the header event,occurrence,stage) to say which events mean which stage"
                    ),
                    format!(
                        "{p} chưa lưu quy tắc giai đoạn nào; hãy đưa tệp quy tắc (--rules RULES.csv với dòng tiêu đề event,occurrence,stage) để cho biết sự kiện nào ứng với giai đoạn nào"
                    ),
                )
            }
            Self::BadRules { path, line, error } => {
                let p = file(path);
                let what = error.message(language);
                match (en, *line) {
                    (true, 0) => format!("{p}: {what}; the rules were not used"),
                    (true, line) => format!("{p}, line {line}: {what}; the rules were not used"),
                    (false, 0) => format!("{p}: {what}; các quy tắc chưa được dùng"),
                    (false, line) => format!("{p}, dòng {line}: {what}; các quy tắc chưa được dùng"),
                }
            }
        }
    }
}

impl PersonaError {
    /// Why the persona card cannot be saved, in `language`, as shown beside the field.
    pub fn message(&self, language: Language) -> String {
        let en = language == Language::English;
        match self {
            Self::EmptyName => if en { "A name is required." } else { "Cần có tên." }.to_owned(),
            Self::TooLong { chars, max, .. } => {
                if en {
                    format!("Too long: {chars} characters, at most {max}. Not saved.")
                } else {
                    format!("Quá dài: {chars} ký tự, tối đa {max}. Chưa lưu.")
                }
            }
            Self::DuplicateName(name) => {
                let name = shown_value(name);
                if en {
                    format!("Another persona is already called “{name}”. Not saved.")
                } else {
                    format!("Đã có chân dung khác tên “{name}”. Chưa lưu.")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::model::rules::RuleError;
    use crate::store::{RowError, RowProblem};

    fn path() -> PathBuf {
        PathBuf::from("/tmp/cửa hàng.sqlite")
    }

    /// One of every variant, so a new one fails to compile here until it has words.
    fn every_error() -> Vec<StoreError> {
        let all = [
            StoreError::NotAWorkspace { path: path() },
            StoreError::Damaged { path: path(), detail: "file is not a database".into() },
            StoreError::NoWorkspace { path: path(), empty: false },
            StoreError::ReadOnly { path: path() },
            StoreError::Locked { path: path() },
            StoreError::FailedCheck { path: path(), problems: vec!["row 3 missing from index x".into()] },
            StoreError::CopyOntoItself { path: path() },
            StoreError::NewerVersion { path: path(), found: 9, supported: 2 },
            StoreError::Io { path: path(), source: std::io::Error::other("disk full") },
            StoreError::Persona(PersonaError::EmptyName),
            StoreError::NotFound(7),
            StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows),
            StoreError::DamagedRow { table: "emotions", id: 3, column: "stage".into(), value: "9".into() },
            StoreError::Csv { path: path(), detail: "read error".into() },
            StoreError::MissingColumns { path: path(), missing: vec!["stage"], expected: "a,b".into() },
            StoreError::InvalidRows {
                path: path(),
                count: 1,
                rows: vec![RowError { line: 2, problems: vec![RowProblem::EmptyField { field: "stage" }] }],
            },
            StoreError::UnknownPersona { path: path(), name: "Ai".into(), known: Vec::new() },
            StoreError::NotEmpty { path: path(), detail: "4 personas".into() },
            StoreError::SameFile { path: path() },
            StoreError::NotAWorkspaceFile { path: path() },
            StoreError::NewerWorkspaceFile { path: path(), found: 2, supported: 1 },
            StoreError::BadWorkspaceFile { path: path(), detail: "personas[0]: x".into() },
            StoreError::WorkspaceNotEmpty { path: path(), detail: "4 personas".into() },
            StoreError::Cancelled,
            StoreError::MissingEventColumns {
                path: path(),
                missing: vec!["user".into()],
                found: vec!["a".into()],
            },
            StoreError::NoStageRules { path: path() },
            StoreError::BadRules { path: path(), line: 3, error: RuleError::Stage("nine".into()) },
            StoreError::Version(crate::model::version::VersionError::LastVersion),
            StoreError::Template(crate::model::template::TemplateError::Invalid(vec![
                "title is empty".into(),
            ])),
        ];
        for error in &all {
            match error {
                StoreError::NotAWorkspace { .. }
                | StoreError::Damaged { .. }
                | StoreError::NoWorkspace { .. }
                | StoreError::ReadOnly { .. }
                | StoreError::Locked { .. }
                | StoreError::FailedCheck { .. }
                | StoreError::CopyOntoItself { .. }
                | StoreError::NewerVersion { .. }
                | StoreError::Io { .. }
                | StoreError::Persona(_)
                | StoreError::NotFound(_)
                | StoreError::Sqlite(_)
                | StoreError::DamagedRow { .. }
                | StoreError::Csv { .. }
                | StoreError::MissingColumns { .. }
                | StoreError::InvalidRows { .. }
                | StoreError::UnknownPersona { .. }
                | StoreError::NotEmpty { .. }
                | StoreError::SameFile { .. }
                | StoreError::NotAWorkspaceFile { .. }
                | StoreError::NewerWorkspaceFile { .. }
                | StoreError::BadWorkspaceFile { .. }
                | StoreError::WorkspaceNotEmpty { .. }
                | StoreError::Cancelled
                | StoreError::MissingEventColumns { .. }
                | StoreError::NoStageRules { .. }
                | StoreError::BadRules { .. }
                | StoreError::Version(_)
                | StoreError::Template(_) => {}
            }
        }
        all.into()
    }

    #[test]
    fn every_error_has_both_languages_and_names_its_file() {
        for error in every_error() {
            let (english, vietnamese) =
                (error.message(Language::English), error.message(Language::Vietnamese));
            assert_eq!(error.to_string(), english, "Display is the English message");
            assert_ne!(english, vietnamese, "{english}");
            if english.contains("cửa hàng.sqlite") {
                assert!(vietnamese.contains("/tmp/cửa hàng.sqlite"), "{vietnamese}");
            }
        }
    }

    #[test]
    fn english_wording_is_what_the_cli_always_printed() {
        let p = path().display().to_string();
        let unknown = StoreError::UnknownPersona {
            path: path(),
            name: "Nobody".into(),
            known: vec!["A".into(), "B".into()],
        };
        assert_eq!(
            unknown.to_string(),
            format!("{p} has no persona called \"Nobody\"; its personas are A, B")
        );
        let missing = StoreError::MissingColumns {
            path: path(),
            missing: vec!["stage", "reached_at"],
            expected: "customer_id,persona,stage,reached_at".into(),
        };
        assert_eq!(
            missing.to_string(),
            format!(
                "cannot import {p}: the header has no \"stage\", \"reached_at\" column (expected customer_id,persona,stage,reached_at, in any order and case)"
            )
        );
        let absent = StoreError::NoWorkspace { path: path(), empty: false };
        assert_eq!(absent.to_string(), format!("{p} does not exist: there is no workspace there yet"));
    }

    #[test]
    fn sqlite_errors_name_the_file_once_classified() {
        let sqlite =
            |code| StoreError::Sqlite(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None));
        let busy = sqlite(rusqlite::ffi::SQLITE_BUSY).in_file(&path());
        assert!(matches!(busy, StoreError::Locked { .. }), "{busy:?}");
        assert!(busy.to_string().contains("cửa hàng.sqlite is in use by another Fanpath"), "{busy}");
        let corrupt = sqlite(rusqlite::ffi::SQLITE_CORRUPT).in_file(&path());
        assert!(matches!(corrupt, StoreError::Damaged { .. }), "{corrupt:?}");
        let read_only = sqlite(rusqlite::ffi::SQLITE_READONLY).in_file(&path());
        assert!(matches!(read_only, StoreError::ReadOnly { .. }), "{read_only:?}");
        let full = sqlite(rusqlite::ffi::SQLITE_FULL).in_file(&path());
        assert!(matches!(full, StoreError::Sqlite(_)), "{full:?}");
    }

    #[test]
    fn invalid_rows_list_twenty_then_the_rest_in_the_language() {
        let rows: Vec<RowError> = (2..30)
            .map(|line| RowError { line, problems: vec![RowProblem::EmptyField { field: "stage" }] })
            .collect();
        let error = StoreError::InvalidRows { path: path(), count: 1500, rows };
        let english = error.message(Language::English);
        assert!(english.contains("1,500 invalid rows, so nothing was imported:\n  line 2: "), "{english}");
        assert!(english.contains("line 21: ") && !english.contains("line 22:"), "{english}");
        assert!(english.ends_with("\n  … and 1,480 more"), "{english}");
        let vietnamese = error.message(Language::Vietnamese);
        assert!(vietnamese.contains("có 1.500 dòng không hợp lệ"), "{vietnamese}");
        assert!(vietnamese.ends_with("\n  … và 1.480 dòng khác"), "{vietnamese}");
        let one = StoreError::InvalidRows { path: path(), count: 1, rows: Vec::new() };
        assert!(one.to_string().contains("1 invalid row, so"), "{one}");
    }

    #[test]
    fn persona_errors_read_as_in_the_editor() {
        let error = StoreError::from(PersonaError::DuplicateName("Đức".into()));
        assert_eq!(error.to_string(), "Another persona is already called “Đức”. Not saved.");
        assert_eq!(error.message(Language::Vietnamese), "Đã có chân dung khác tên “Đức”. Chưa lưu.");
    }
}
