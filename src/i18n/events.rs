//! The words of an event-log import and of stage rules, in English and Vietnamese: why a
//! rule is refused, and what an import did (rows, customers, stage events, what each rule
//! matched, the events no rule matched).

use std::fmt::Write as _;

use super::format::{count, shown_value};
use super::import::row_error_lines;
use crate::model::Language;
use crate::model::rules::{RuleError, StageRule};
use crate::store::EventImportSummary;

impl RuleError {
    /// Why a rule cannot be used, naming the field and the value as written.
    pub fn message(&self, language: Language) -> String {
        let en = language == Language::English;
        match self {
            Self::EmptyEvent => if en {
                "event is empty: write an event name as it appears in the file, or * for any event"
            } else {
                "cột event đang trống: hãy ghi tên sự kiện đúng như trong tệp, hoặc * cho mọi sự kiện"
            }
            .to_owned(),
            Self::Occurrence(value) => {
                let value = shown_value(value);
                if en {
                    format!(
                        "occurrence \"{value}\" is not empty (the earliest time) or a whole number 1, 2, 3 …"
                    )
                } else {
                    format!(
                        "lần \"{value}\" (occurrence) phải để trống (lần sớm nhất) hoặc là số nguyên 1, 2, 3 …"
                    )
                }
            }
            Self::Stage(value) => {
                let value = shown_value(value);
                if en {
                    format!(
                        "stage \"{value}\" is unknown: use 1–8 or a stage name such as Evaluation, Affirm or Xác nhận"
                    )
                } else {
                    format!(
                        "không có giai đoạn \"{value}\": hãy dùng số 1–8 hoặc tên giai đoạn, ví dụ Xác nhận hay Evaluation"
                    )
                }
            }
            Self::NoRules => if en {
                "there are no rules: give at least one event,occurrence,stage row"
            } else {
                "chưa có quy tắc nào: hãy ghi ít nhất một dòng event,occurrence,stage"
            }
            .to_owned(),
        }
    }
}

/// A rule as one reads it: "order (2nd) → 4 Acclimation" / "order (lần 2) → 4 Thích nghi".
pub fn rule_text(rule: &StageRule, language: Language) -> String {
    let event = shown_value(rule.event.as_str());
    let stage = rule.stage.numbered_name(language);
    match (rule.occurrence, language) {
        (None, Language::English) => format!("{event} (earliest) → {stage}"),
        (None, Language::Vietnamese) => format!("{event} (lần sớm nhất) → {stage}"),
        (Some(n), Language::English) => format!("{event} (time {n}) → {stage}"),
        (Some(n), Language::Vietnamese) => format!("{event} (lần {n}) → {stage}"),
    }
}

impl EventImportSummary {
    /// What the import did: rows and customers, stage events, each rule's rows, the most
    /// frequent unmatched events, personas, then the skipped rows.
    pub fn message(&self, language: Language) -> String {
        let n = |value: u64| count(value, language);
        let s = &self.import;
        let en = language == Language::English;
        let mut text = String::new();
        if en {
            _ = write!(
                text,
                "{} rows read: {} customers created, {} updated; {} stage events added, {} moved to an earlier date, {} already there.",
                n(s.rows),
                n(s.customers_created),
                n(s.customers_updated),
                n(s.added),
                n(s.updated),
                n(s.unchanged)
            );
            if self.customers_without_stage > 0 {
                _ = write!(
                    text,
                    "\n{} customers matched no rule and were not created.",
                    n(self.customers_without_stage)
                );
            }
            text.push_str("\nRows matched per rule:");
        } else {
            _ = write!(
                text,
                "Đã đọc {} dòng: tạo {} khách hàng mới, cập nhật {} khách hàng; thêm {} sự kiện giai đoạn, {} sự kiện được dời về ngày sớm hơn, {} sự kiện đã có sẵn.",
                n(s.rows),
                n(s.customers_created),
                n(s.customers_updated),
                n(s.added),
                n(s.updated),
                n(s.unchanged)
            );
            if self.customers_without_stage > 0 {
                _ = write!(
                    text,
                    "\n{} khách hàng không khớp quy tắc nào nên không được tạo.",
                    n(self.customers_without_stage)
                );
            }
            text.push_str("\nSố dòng khớp với từng quy tắc:");
        }
        for (rule, stats) in &self.rule_stats {
            let rule = rule_text(rule, language);
            if en {
                _ = write!(text, "\n  {rule}: {} rows, {} customers", n(stats.rows), n(stats.customers));
            } else {
                _ = write!(text, "\n  {rule}: {} dòng, {} khách hàng", n(stats.rows), n(stats.customers));
            }
        }
        if !self.top_unmatched.is_empty() {
            let rows = n(self.unmatched_rows);
            if en {
                _ = write!(text, "\n{rows} rows matched no rule; the most frequent events among them:");
            } else {
                _ = write!(
                    text,
                    "\n{rows} dòng không khớp quy tắc nào; các sự kiện gặp nhiều nhất trong đó:"
                );
            }
            for (name, rows) in &self.top_unmatched {
                _ = write!(text, "\n  {}: {}", shown_value(name), n(*rows));
            }
        }
        if self.customers_with_other_persona > 0 {
            let c = n(self.customers_with_other_persona);
            if en {
                _ = write!(
                    text,
                    "\n{c} customers have rows naming another persona; each keeps the persona of its earliest row."
                );
            } else {
                _ = write!(
                    text,
                    "\n{c} khách hàng có dòng ghi chân dung khác; mỗi khách giữ chân dung của dòng sớm nhất."
                );
            }
        }
        if !s.personas_created.is_empty() {
            let names = s.personas_created.iter().map(|p| shown_value(p)).collect::<Vec<_>>().join(", ");
            if en {
                _ = write!(text, "\nNew personas: {names}.");
            } else {
                _ = write!(text, "\nChân dung mới: {names}.");
            }
        }
        if self.rules_saved {
            text.push_str(if en {
                "\nThe rules were saved in the workspace."
            } else {
                "\nCác quy tắc đã được lưu vào không gian làm việc."
            });
        }
        if s.skipped > 0 {
            if en {
                _ = write!(text, "\nSkipped {} invalid rows:", n(s.skipped));
            } else {
                _ = write!(text, "\nĐã bỏ qua {} dòng không hợp lệ:", n(s.skipped));
            }
            text.push_str(&row_error_lines(&s.skipped_rows, s.skipped, language));
        }
        text
    }
}

impl std::fmt::Display for EventImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::English))
    }
}
