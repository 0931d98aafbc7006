//! The import wizard's sentences with numbers (File → Import data…).

use super::Tr;
use crate::model::Stage;

impl Tr {
    /// "2.4 MB · 4 columns · delimiter ;".
    pub fn wizard_file_facts(self, file_bytes: u64, columns: usize, delimiter: u8) -> String {
        let (size, n, d) = (self.file_size(file_bytes), self.count(columns as u64), char::from(delimiter));
        self.pick(
            format!("{size} · {n} columns · delimiter {d}"),
            format!("{size} · {n} cột · dấu phân cách {d}"),
        )
    }

    /// "The file has no column customer_id, time."
    pub fn wizard_missing_columns(self, missing: &[String]) -> String {
        let list = missing.join(", ");
        self.pick(format!("The file has no column {list}."), format!("Tệp không có cột {list}."))
    }

    /// "12,000 rows, 3,000 customers, 6 distinct events."
    pub fn wizard_log_facts(self, rows: u64, customers: u64, events: usize) -> String {
        let (r, c, e) = (self.count(rows), self.count(customers), self.count(events as u64));
        self.pick(
            format!("{r} rows, {c} customers, {e} distinct events."),
            format!("{r} dòng, {c} khách hàng, {e} sự kiện khác nhau."),
        )
    }

    /// "3 invalid rows left out".
    pub fn wizard_skipped_rows(self, rows: usize) -> String {
        let n = self.count(rows as u64);
        self.pick(format!("{n} invalid rows left out"), format!("Bỏ qua {n} dòng không hợp lệ"))
    }

    /// The occurrence of a rule: 0 and 1 are the earliest time, N the N-th distinct time.
    pub fn wizard_occurrence(self, n: u32) -> String {
        match n {
            0 | 1 => self.pick("earliest time".to_owned(), "lần sớm nhất".to_owned()),
            2 => self.pick("2nd time".to_owned(), "lần thứ 2".to_owned()),
            3 => self.pick("3rd time".to_owned(), "lần thứ 3".to_owned()),
            n => self.pick(format!("{n}th time"), format!("lần thứ {n}")),
        }
    }

    /// "1,234 customers would reach at least one stage:".
    pub fn wizard_funnel_customers(self, customers: u64) -> String {
        let n = self.count(customers);
        self.pick(
            format!("{n} customers would reach at least one stage:"),
            format!("{n} khách hàng sẽ đạt ít nhất một giai đoạn:"),
        )
    }

    /// "Biggest drop-off: 2. Acknowledgment → 3. Validation, 120 customers (40 %) go no further."
    pub fn wizard_biggest_drop(self, from: Stage, to: Stage, lost: u64, rate: f64) -> String {
        let (f, t) = (from.numbered_name(self.0), to.numbered_name(self.0));
        let (n, p) = (self.count(lost), self.percent(rate));
        self.pick(
            format!("Biggest drop-off: {f} → {t}, {n} customers ({p}) go no further."),
            format!("Rơi rụng lớn nhất: {f} → {t}, {n} khách hàng ({p}) dừng lại ở đây."),
        )
    }

    /// "4,321 rows match no rule and are left out."
    pub fn wizard_unmatched_rows(self, rows: u64) -> String {
        let n = self.count(rows);
        self.pick(
            format!("{n} rows match no rule and are left out."),
            format!("{n} dòng không khớp quy tắc nào nên không được nhập."),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn sentences_read_in_both_languages() {
        let (en, vi) = (Tr(Language::English), Tr(Language::Vietnamese));
        assert_eq!(en.wizard_log_facts(12_000, 3_000, 6), "12,000 rows, 3,000 customers, 6 distinct events.");
        assert_eq!(
            vi.wizard_log_facts(12_000, 3_000, 6),
            "12.000 dòng, 3.000 khách hàng, 6 sự kiện khác nhau."
        );
        assert_eq!(en.wizard_occurrence(0), en.wizard_occurrence(1));
        assert_eq!(vi.wizard_occurrence(4), "lần thứ 4");
        assert_eq!(en.wizard_file_facts(2_048, 4, b';'), "2 KB · 4 columns · delimiter ;");
        let drop = vi.wizard_biggest_drop(Stage::Acknowledgment, Stage::Validation, 1_200, 0.4);
        assert!(drop.starts_with("Rơi rụng lớn nhất: 2."), "{drop}");
        assert!(drop.contains("1.200 khách hàng"), "{drop}");
    }
}
