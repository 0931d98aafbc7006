//! Sentences with numbers of the opportunity backlog (issue #10 §3).

use super::Tr;

impl Tr {
    /// The board column's badge: "3 open" / "3 đang mở".
    pub fn open_opportunities(self, n: u64) -> String {
        let n = self.count(n);
        self.pick(format!("{n} open"), format!("{n} đang mở"))
    }

    /// Above the backlog table: "Showing 4 of 9 opportunities".
    pub fn showing_opportunities(self, shown: usize, total: usize) -> String {
        let (shown, total) = (self.count(shown as u64), self.count(total as u64));
        self.pick(
            format!("Showing {shown} of {total} opportunities"),
            format!("Đang hiện {shown} trên {total} cơ hội"),
        )
    }

    /// Value per unit of effort, as the table's priority cell: "2.5" / "2,5".
    pub fn priority_ratio(self, ratio: f64) -> String {
        super::format::decimal(ratio, false, self.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Tr;
    use crate::model::Language;

    #[test]
    fn backlog_sentences_in_both_languages() {
        let (en, vi) = (Tr(Language::English), Tr(Language::Vietnamese));
        assert_eq!(en.open_opportunities(1_200), "1,200 open");
        assert_eq!(vi.open_opportunities(1_200), "1.200 đang mở");
        assert_eq!(en.showing_opportunities(4, 9), "Showing 4 of 9 opportunities");
        assert_eq!(vi.showing_opportunities(4, 9), "Đang hiện 4 trên 9 cơ hội");
        assert_eq!(en.priority_ratio(2.5), "2.5");
        assert_eq!(vi.priority_ratio(2.5), "2,5");
    }
}
