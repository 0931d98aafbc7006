//! Before/after a launch in words: one plain sentence per funnel step.

use super::{Tr, format};
use crate::model::launch::{LaunchComparison, StepChange, Verdict};

impl Tr {
    /// "Kickoff → Acclimation improved from 53.0 % to 61.0 % (+8.0 points, unlikely to be
    /// chance)", or why nothing can be said.
    pub fn launch_step(self, step: &StepChange) -> String {
        let lang = self.0;
        let arrow = format!("{} → {}", step.from.name(lang), step.to.name(lang));
        let (Some(before), Some(after), Some(points)) =
            (step.before.rate(), step.after.rate(), step.difference_points)
        else {
            let from = step.from.name(lang);
            return self.pick(
                format!("{arrow}: nobody reached {from} in one of the groups, too few customers to tell"),
                format!("{arrow}: một trong hai nhóm không có ai tới {from}, quá ít khách hàng để kết luận"),
            );
        };
        let (b, a) = (self.percent(before), self.percent(after));
        let p = format::decimal(points, true, lang);
        match step.verdict {
            Verdict::Improved => self.pick(
                format!("{arrow} improved from {b} to {a} ({p} points, unlikely to be chance)"),
                format!("{arrow} tăng từ {b} lên {a} ({p} điểm, khó là ngẫu nhiên)"),
            ),
            Verdict::Worsened => self.pick(
                format!("{arrow} fell from {b} to {a} ({p} points, unlikely to be chance)"),
                format!("{arrow} giảm từ {b} xuống {a} ({p} điểm, khó là ngẫu nhiên)"),
            ),
            Verdict::NoClearChange => self.pick(
                format!("{arrow}: {b} before, {a} after ({p} points), no clear change"),
                format!("{arrow}: {b} trước, {a} sau ({p} điểm), chưa thấy thay đổi rõ"),
            ),
            Verdict::TooFew => self.pick(
                format!("{arrow}: {b} before, {a} after, too few customers to tell"),
                format!("{arrow}: {b} trước, {a} sau, quá ít khách hàng để kết luận"),
            ),
        }
    }

    /// Who is compared: "Before: 1,234 customers who started 2025-12-02 – 2026-02-28.
    /// After: …", with the age rule in words.
    pub fn launch_groups(self, comparison: &LaunchComparison) -> String {
        let w = comparison.window;
        let last_before = w.launch.pred_opt().unwrap_or(w.launch);
        let last_after = w.end().pred_opt().unwrap_or(w.launch).min(w.latest_counted_day());
        let (nb, na) = (self.count(comparison.before.customers()), self.count(comparison.after.customers()));
        let (start, launch, days) = (w.start(), w.launch, w.window_days);
        self.pick(
            format!(
                "Before: {nb} customers who started {start} – {last_before}. After: {na} who started {launch} – {last_after}. Only customers with at least {days} days since their first event count."
            ),
            format!(
                "Trước: {nb} khách hàng bắt đầu từ {start} đến {last_before}. Sau: {na} khách bắt đầu từ {launch} đến {last_after}. Chỉ tính khách đã có ít nhất {days} ngày kể từ sự kiện đầu tiên."
            ),
        )
    }

    /// The legend name of a group's bars: "Before 2026-03-01 (1,234)".
    pub fn launch_group_name(self, after: bool, launch: chrono::NaiveDate, customers: u64) -> String {
        let n = self.count(customers);
        match (after, self.0) {
            (false, crate::model::Language::English) => format!("Before {launch} ({n})"),
            (true, crate::model::Language::English) => format!("From {launch} ({n})"),
            (false, crate::model::Language::Vietnamese) => format!("Trước {launch} ({n})"),
            (true, crate::model::Language::Vietnamese) => format!("Từ {launch} ({n})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::analytics::Share;
    use crate::model::launch::compare_step;
    use crate::model::{Language, Stage};

    fn step(b: (u64, u64), a: (u64, u64)) -> StepChange {
        compare_step(
            Stage::Kickoff,
            Stage::Acclimation,
            Share { customers: b.0, of: b.1 },
            Share { customers: a.0, of: a.1 },
        )
    }

    #[test]
    fn sentences_in_both_languages() {
        let en = Tr(Language::English);
        let vi = Tr(Language::Vietnamese);
        let improved = step((530, 1000), (610, 1000));
        assert_eq!(
            en.launch_step(&improved),
            "Kickoff → Acclimation improved from 53.0 % to 61.0 % (+8.0 points, unlikely to be chance)"
        );
        assert_eq!(
            vi.launch_step(&improved),
            "Khởi động → Thích nghi tăng từ 53,0 % lên 61,0 % (+8,0 điểm, khó là ngẫu nhiên)"
        );
        assert!(
            en.launch_step(&step((610, 1000), (530, 1000)))
                .contains("fell from 61.0 % to 53.0 % (-8.0 points")
        );
        assert!(en.launch_step(&step((53, 100), (61, 100))).ends_with("no clear change"));
        assert!(en.launch_step(&step((2, 40), (3, 40))).ends_with("too few customers to tell"));
        assert!(vi.launch_step(&step((2, 40), (0, 0))).contains("quá ít khách hàng"));
    }
}
