//! Cohorts in words: the hover text of one cell of the Cohorts chart.

use super::Tr;

impl Tr {
    /// "412 of 1,030 customers (40.0 %) reached Evaluation".
    pub fn cohort_cell(self, stage: &str, reached: u64, customers: u64) -> String {
        let (r, c) = (self.count(reached), self.count(customers));
        let share = if customers == 0 { 0.0 } else { reached as f64 / customers as f64 };
        let p = self.percent(share);
        self.pick(
            format!("{r} of {c} customers ({p}) reached {stage}"),
            format!("{r} trên {c} khách hàng ({p}) đã tới {stage}"),
        )
    }
}
