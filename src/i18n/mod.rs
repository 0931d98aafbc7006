//! One home for words and numbers: every user-facing text, in English and Vietnamese.
//!
//! - [`text`]: the table of fixed UI texts ([`Text`]).
//! - [`Tr`]: the translator for one language, with the sentences that carry numbers.
//! - [`format`]: the one number formatter (counts, percentages, signed scores).
//! - `findings`: the Analytics findings as sentences (`Finding::text`).
//! - `errors`: the store's errors as sentences (`StoreError::message`, `PersonaError::message`).

mod backlog;
mod backups;
mod cohorts;
mod errors;
pub mod events;
mod findings;
pub mod format;
mod handout;
pub mod import;
mod launch;
pub mod playbook;
mod present;
mod templates;
// The presenter notes' clock (H21).
mod present_notes;
mod text;
// The import wizard's sentences (H12).
mod wizard;
// The names of the wizard's per-event combo boxes (H20).
mod wizard_names;
// The funnel preview's stages without a rule (H25).
mod wizard_unmapped;

pub use present::NotesFor;
// Journey versions (issue #10).
pub mod versions;

pub use text::Text;

use crate::model::Language;
use crate::model::persona::PersonaError;

/// The translator for one language; cheap to copy into every view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Language);

impl Tr {
    pub fn t(self, text: Text) -> &'static str {
        match self.0 {
            Language::English => text.english(),
            Language::Vietnamese => text.vietnamese(),
        }
    }

    fn pick(self, english: String, vietnamese: String) -> String {
        match self.0 {
            Language::English => english,
            Language::Vietnamese => vietnamese,
        }
    }

    /// A share as a percentage, with the decimal mark of the language ("38.5 %", "38,5 %"),
    /// formatted as the findings are.
    pub fn percent(self, rate: f64) -> String {
        format::percent(rate, self.0)
    }

    /// A whole number with thousands grouped ("12,345" / "12.345").
    pub fn count(self, n: u64) -> String {
        format::count(n, self.0)
    }

    pub fn overall_conversion(self, rate: f64, reached: u64, customers: u64) -> String {
        let (p, r, c) = (self.percent(rate), self.count(reached), self.count(customers));
        self.pick(
            format!("Overall conversion: {p} of customers reached Advocacy ({r} of {c})."),
            format!("Chuyển đổi toàn hành trình: {p} khách hàng tới Ủng hộ ({r} trên {c})."),
        )
    }

    pub fn within_100_days(self, stage: &str, rate: f64, reached: u64, customers: u64) -> String {
        let (p, r, c) = (self.percent(rate), self.count(reached), self.count(customers));
        self.pick(
            format!("Reached {stage} within 100 days of their first event: {p} ({r} of {c})"),
            format!("Tới {stage} trong vòng 100 ngày đầu: {p} ({r} trên {c})"),
        )
    }

    pub fn stalled_total(self, n: u64, days: u32) -> String {
        let n = self.count(n);
        self.pick(
            format!("{n} customers have had no stage event for more than {days} days and have not reached Advocacy."),
            format!("{n} khách hàng không có sự kiện giai đoạn nào trong hơn {days} ngày và chưa tới Ủng hộ."),
        )
    }

    pub fn showing_first(self, shown: usize, total: u64) -> String {
        let total = self.count(total);
        self.pick(
            format!("The {shown} longest stalled of {total}"),
            format!("{shown} khách chững lâu nhất trên {total}"),
        )
    }

    pub fn entries_count(self, n: u64) -> String {
        self.pick(
            if n == 1 { "1 emotion entry".to_owned() } else { format!("{n} emotion entries") },
            format!("{n} mục cảm xúc"),
        )
    }

    pub fn showing_entries(self, shown: usize, total: usize) -> String {
        self.pick(
            format!("Showing {shown} of {total} entries"),
            format!("Đang hiện {shown} trên {total} mục"),
        )
    }

    pub fn delete_persona_question(self, name: &str) -> String {
        self.pick(format!("Delete “{name}”?"), format!("Xoá “{name}”?"))
    }

    pub fn delete_persona_consequences(self, emotions: usize, touchpoints: usize) -> String {
        self.pick(
            format!("Its {emotions} emotion entries and {touchpoints} touchpoints are deleted with it, and its customers are unlinked. Edit → Undo brings everything back."),
            format!("{emotions} mục cảm xúc và {touchpoints} điểm chạm của chân dung này sẽ bị xoá theo, và khách hàng của nó được tách ra. Sửa → Hoàn tác sẽ khôi phục tất cả."),
        )
    }

    pub fn bad_date(self, typed: &str) -> String {
        self.pick(
            format!("“{typed}” is not a date: use YYYY-MM-DD or DD/MM/YYYY, or leave it empty."),
            format!("“{typed}” không phải là ngày: hãy dùng YYYY-MM-DD hoặc DD/MM/YYYY, hoặc để trống."),
        )
    }

    /// Why a persona card cannot be saved, as shown beside the field.
    pub fn persona_error(self, error: &PersonaError) -> String {
        error.message(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_exists_in_both_languages() {
        for text in Text::ALL {
            assert!(!text.english().trim().is_empty(), "{text:?}");
            assert!(!text.vietnamese().trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn vietnamese_is_translated() {
        // Identical strings are fine only for loan words and symbols.
        let same: Vec<_> = Text::ALL.iter().filter(|t| t.english() == t.vietnamese()).collect();
        assert_eq!(same, vec![&Text::CsvFiles, &Text::Ok]);
    }
}
