//! The words of an import: why a row was rejected, what an import did, how far it got.
//!
//! The store describes these as data ([`RowProblem`], [`ImportSummary`], [`ImportProgress`]);
//! this file says them in English and Vietnamese. Column names and the keys a file may hold
//! (`customer_id`, `interview` …) stay as they are written in the file, in both languages.

use std::fmt::Write as _;

use super::format::{count, shown_value};
use crate::model::Language;
use crate::store::{ImportKind, ImportProgress, ImportSummary, ROW_ERRORS_SHOWN, RowError, RowProblem};

impl RowProblem {
    /// The problem as a clause ("unknown stage \"9\": …"), without the line.
    pub fn message(&self, language: Language) -> String {
        let english = language == Language::English;
        // Values come from the file: short and without control characters on screen.
        let v = |value: &str| shown_value(value);
        match self {
            Self::MissingField { field } => {
                if english {
                    format!("missing {field}")
                } else {
                    format!("thiếu cột {field}")
                }
            }
            Self::EmptyField { field } => {
                if english {
                    format!("{field} is empty")
                } else {
                    format!("cột {field} đang trống")
                }
            }
            Self::UnknownStage { value } => {
                let value = v(value);
                if english {
                    format!(
                        "unknown stage \"{value}\": use 1–8 or a stage name such as Evaluation, Affirm or Xác nhận"
                    )
                } else {
                    format!(
                        "không có giai đoạn \"{value}\": hãy dùng số 1–8 hoặc tên giai đoạn, ví dụ Xác nhận hay Evaluation"
                    )
                }
            }
            Self::BadDate { value } => {
                let value = v(value);
                if english {
                    format!("date \"{value}\" is not YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS or DD/MM/YYYY")
                } else {
                    format!("ngày \"{value}\" không đúng dạng YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS hay DD/MM/YYYY")
                }
            }
            Self::StrayQuote => if english {
                "stray or unbalanced quote (\"); a field with a quote, comma or line break must be wrapped in quotes, with quotes inside doubled (\"\")"
            } else {
                "dấu ngoặc kép (\") lạc hoặc không khép; ô có dấu ngoặc kép, dấu phẩy hay xuống dòng phải nằm trong ngoặc kép, dấu ngoặc kép bên trong viết đôi (\"\")"
            }
            .to_owned(),
            Self::BadScore { value } => {
                let value = v(value);
                if english {
                    format!("score \"{value}\" must be a whole number from -5 to +5")
                } else {
                    format!("điểm \"{value}\" phải là số nguyên từ -5 đến +5")
                }
            }
            Self::UnknownSource { value } => {
                let value = v(value);
                if english {
                    format!("unknown source \"{value}\": use interview, survey, observation or assumption")
                } else {
                    format!(
                        "không có nguồn \"{value}\": hãy dùng interview, survey, observation hoặc assumption"
                    )
                }
            }
            Self::PersonaNameTooLong { chars, max_chars } => {
                let (chars, max) = (count(*chars as u64, language), count(*max_chars as u64, language));
                if english {
                    format!("persona name is {chars} characters long; the limit is {max}")
                } else {
                    format!("tên chân dung dài {chars} ký tự, vượt mức tối đa {max}")
                }
            }
            Self::TooLong { field, chars, max_chars } => {
                let (chars, max) = (count(*chars as u64, language), count(*max_chars as u64, language));
                if english {
                    format!("{field} is {chars} characters long; the limit is {max}")
                } else {
                    format!("cột {field} dài {chars} ký tự, vượt mức tối đa {max}")
                }
            }
            Self::TooManyPersonas => {
                if english { "too many personas" } else { "quá nhiều chân dung" }.to_owned()
            }
            Self::TooManyCustomers => if english {
                "too many customers in one import"
            } else {
                "quá nhiều khách hàng trong một lần nhập"
            }
            .to_owned(),
            Self::PersonaConflict { customer, first_persona, first_line, persona } => {
                let (customer, first_persona, persona) = (v(customer), v(first_persona), v(persona));
                if english {
                    format!(
                        "customer \"{customer}\" is persona \"{first_persona}\" on line {first_line}, not \"{persona}\""
                    )
                } else {
                    format!(
                        "khách hàng \"{customer}\" thuộc chân dung \"{first_persona}\" ở dòng {first_line}, không phải \"{persona}\""
                    )
                }
            }
            Self::WorkspacePersonaConflict { customer, workspace_persona, persona } => {
                let (customer, workspace_persona, persona) = (v(customer), v(workspace_persona), v(persona));
                if english {
                    format!(
                        "customer \"{customer}\" belongs to persona \"{workspace_persona}\" in the workspace, not \"{persona}\""
                    )
                } else {
                    format!(
                        "trong không gian làm việc, khách hàng \"{customer}\" thuộc chân dung \"{workspace_persona}\", không phải \"{persona}\""
                    )
                }
            }
            Self::EmptyValue { column } => {
                let column = v(column);
                if english { format!("{column} is empty") } else { format!("cột {column} đang trống") }
            }
            Self::BadTime { value } => {
                let value = v(value);
                if english {
                    format!(
                        "time \"{value}\" is not a date or time such as 2024-03-01, 2024-03-01 08:00:00, 2024-03-01T08:00:00+07:00, 01/03/2024 or 20240301"
                    )
                } else {
                    format!(
                        "thời điểm \"{value}\" không phải ngày giờ dạng 2024-03-01, 2024-03-01 08:00:00, 2024-03-01T08:00:00+07:00, 01/03/2024 hay 20240301"
                    )
                }
            }
            Self::UnknownPersona { value } => {
                let value = v(value);
                if english {
                    format!("no persona is named \"{value}\": create it first, or leave persona empty for all personas")
                } else {
                    format!(
                        "không có chân dung nào tên \"{value}\": hãy tạo chân dung trước, hoặc để trống cột persona cho mọi chân dung"
                    )
                }
            }
            Self::UnknownStatus { value } => {
                let value = v(value);
                if english {
                    format!("unknown status \"{value}\": use idea, planned, in progress, done or dropped")
                } else {
                    format!(
                        "không có trạng thái \"{value}\": hãy dùng idea, planned, in progress, done hoặc dropped (hay Ý tưởng, Đang làm…)"
                    )
                }
            }
            Self::BadRating { field, value } => {
                let value = v(value);
                if english {
                    format!("{field} \"{value}\" must be a whole number from 1 to 5")
                } else {
                    format!("cột {field} \"{value}\" phải là số nguyên từ 1 đến 5")
                }
            }
        }
    }
}

impl RowError {
    /// "line 4: unknown stage \"9\": …; score \"x\" …".
    pub fn message(&self, language: Language) -> String {
        let mut text = match language {
            Language::English => format!("line {}: ", self.line),
            Language::Vietnamese => format!("dòng {}: ", self.line),
        };
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            text.push_str(&problem.message(language));
        }
        text
    }
}

/// The lines of a row-error list, each on its own indented line: the first
/// [`ROW_ERRORS_SHOWN`] of `rows`, then "… and N more" when `count` is larger.
pub fn row_error_lines(rows: &[RowError], total: u64, language: Language) -> String {
    let mut text = String::new();
    for row in rows.iter().take(ROW_ERRORS_SHOWN) {
        text.push_str("\n  ");
        text.push_str(&row.message(language));
    }
    let shown = rows.len().min(ROW_ERRORS_SHOWN) as u64;
    if total > shown {
        let more = count(total - shown, language);
        match language {
            Language::English => _ = write!(text, "\n  … and {more} more"),
            Language::Vietnamese => _ = write!(text, "\n  … và {more} dòng khác"),
        }
    }
    text
}

impl ImportSummary {
    /// What the import did, in one sentence, then the new personas and the skipped rows.
    pub fn message(&self, language: Language) -> String {
        let n = |value: u64| count(value, language);
        let customers = self.kind == ImportKind::Customers;
        let mut text = String::new();
        match language {
            Language::English => {
                let noun = match self.kind {
                    ImportKind::Customers => "events",
                    ImportKind::Emotions => "emotion entries",
                    ImportKind::Opportunities => "opportunities",
                };
                _ = write!(text, "{} rows read: {} {noun} added", n(self.rows), n(self.added));
                if customers {
                    _ = write!(text, ", {} moved to an earlier date", n(self.updated));
                }
                _ = write!(text, ", {} already there", n(self.unchanged));
                if customers {
                    _ = write!(text, "; {} new customers", n(self.customers_created));
                }
                text.push('.');
                if !self.personas_created.is_empty() {
                    _ = write!(text, "\nNew personas: {}.", self.personas_created.join(", "));
                }
                if self.skipped > 0 {
                    _ = write!(text, "\nSkipped {} invalid rows:", n(self.skipped));
                }
            }
            Language::Vietnamese => {
                let noun = match self.kind {
                    ImportKind::Customers => "sự kiện",
                    ImportKind::Emotions => "mục cảm xúc",
                    ImportKind::Opportunities => "cơ hội",
                };
                _ = write!(text, "Đã đọc {} dòng: thêm {} {noun}", n(self.rows), n(self.added));
                if customers {
                    _ = write!(text, ", {} sự kiện được dời về ngày sớm hơn", n(self.updated));
                }
                _ = write!(text, ", {} dòng đã có sẵn", n(self.unchanged));
                if customers {
                    _ = write!(text, "; {} khách hàng mới", n(self.customers_created));
                }
                text.push('.');
                if !self.personas_created.is_empty() {
                    _ = write!(text, "\nChân dung mới: {}.", self.personas_created.join(", "));
                }
                if self.skipped > 0 {
                    _ = write!(text, "\nĐã bỏ qua {} dòng không hợp lệ:", n(self.skipped));
                }
            }
        }
        if self.skipped > 0 {
            text.push_str(&row_error_lines(&self.skipped_rows, self.skipped, language));
        }
        text
    }
}

impl ImportProgress {
    /// A progress line: "read 100,000 rows", "wrote 200,000 of 1,000,000 rows".
    pub fn message(&self, language: Language) -> String {
        match (*self, language) {
            (Self::Read(rows), Language::English) => format!("read {} rows", count(rows, language)),
            (Self::Read(rows), Language::Vietnamese) => format!("đã đọc {} dòng", count(rows, language)),
            (Self::Written { done, total }, Language::English) => {
                format!("wrote {} of {} rows", count(done, language), count(total, language))
            }
            (Self::Written { done, total }, Language::Vietnamese) => {
                format!("đã ghi {} trên {} dòng", count(done, language), count(total, language))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Language = Language::English;
    const VI: Language = Language::Vietnamese;

    fn conflict() -> RowProblem {
        RowProblem::PersonaConflict {
            customer: "c1".into(),
            first_persona: "Hằng".into(),
            first_line: 2,
            persona: "Khoa".into(),
        }
    }

    #[test]
    fn row_errors_read_in_both_languages() {
        let row = RowError {
            line: 4,
            problems: vec![
                RowProblem::UnknownStage { value: "9".into() },
                RowProblem::EmptyField { field: "reached_at" },
            ],
        };
        assert_eq!(
            row.message(EN),
            "line 4: unknown stage \"9\": use 1–8 or a stage name such as Evaluation, Affirm or Xác nhận; reached_at is empty"
        );
        assert_eq!(row.to_string(), row.message(EN));
        let vi = row.message(VI);
        assert!(vi.starts_with("dòng 4: không có giai đoạn \"9\""), "{vi}");
        assert!(vi.ends_with("; cột reached_at đang trống"), "{vi}");
        assert_eq!(conflict().message(EN), "customer \"c1\" is persona \"Hằng\" on line 2, not \"Khoa\"");
        assert_eq!(
            conflict().message(VI),
            "khách hàng \"c1\" thuộc chân dung \"Hằng\" ở dòng 2, không phải \"Khoa\""
        );
    }

    #[test]
    fn every_problem_is_translated() {
        let problems = [
            RowProblem::MissingField { field: "stage" },
            RowProblem::EmptyField { field: "stage" },
            RowProblem::UnknownStage { value: "x".into() },
            RowProblem::BadDate { value: "x".into() },
            RowProblem::BadScore { value: "x".into() },
            RowProblem::UnknownSource { value: "x".into() },
            RowProblem::PersonaNameTooLong { chars: 1_234, max_chars: 120 },
            RowProblem::TooManyPersonas,
            RowProblem::TooManyCustomers,
            conflict(),
            RowProblem::WorkspacePersonaConflict {
                customer: "c".into(),
                workspace_persona: "A".into(),
                persona: "B".into(),
            },
        ];
        for problem in problems {
            let (en, vi) = (problem.message(EN), problem.message(VI));
            assert!(!en.is_empty() && !vi.is_empty(), "{problem:?}");
            assert_ne!(en, vi, "{problem:?}");
        }
        let long = RowProblem::PersonaNameTooLong { chars: 1_234, max_chars: 120 };
        assert!(long.message(VI).contains("1.234"), "Vietnamese groups with dots");
    }

    #[test]
    fn summaries_count_in_the_language() {
        let mut summary = ImportSummary::new(ImportKind::Customers);
        summary.rows = 1_234_567;
        summary.added = 1_000_000;
        summary.unchanged = 234_567;
        summary.customers_created = 250_000;
        summary.personas_created = vec!["Hằng".into()];
        summary.skipped = 25;
        summary.skipped_rows =
            (2..27).map(|line| RowError { line, problems: vec![RowProblem::TooManyPersonas] }).collect();
        let en = summary.message(EN);
        assert!(
            en.starts_with(
                "1,234,567 rows read: 1,000,000 events added, 0 moved to an earlier date, 234,567 already there; 250,000 new customers.\nNew personas: Hằng.\nSkipped 25 invalid rows:\n  line 2: too many personas"
            ),
            "{en}"
        );
        assert!(en.ends_with("\n  … and 5 more"), "{en}");
        assert_eq!(summary.to_string(), en);
        let vi = summary.message(VI);
        assert!(vi.starts_with("Đã đọc 1.234.567 dòng: thêm 1.000.000 sự kiện"), "{vi}");
        assert!(vi.contains("\nChân dung mới: Hằng."), "{vi}");
        assert!(vi.contains("\nĐã bỏ qua 25 dòng không hợp lệ:\n  dòng 2: quá nhiều chân dung"), "{vi}");
        assert!(vi.ends_with("\n  … và 5 dòng khác"), "{vi}");
        let emotions = ImportSummary::new(ImportKind::Emotions);
        assert_eq!(emotions.message(EN), "0 rows read: 0 emotion entries added, 0 already there.");
    }

    #[test]
    fn progress_lines() {
        assert_eq!(ImportProgress::Read(100_000).message(EN), "read 100,000 rows");
        assert_eq!(
            ImportProgress::Written { done: 200_000, total: 1_000_000 }.message(VI),
            "đã ghi 200.000 trên 1.000.000 dòng"
        );
    }
}
