//! Sentences with numbers on the hand-outs (journey map poster, workshop pack).

use super::Tr;

impl Tr {
    /// The funnel page's line above its title: "1,200 customers".
    pub fn overall_customers(self, customers: u64) -> String {
        let n = self.count(customers);
        self.pick(
            if customers == 1 { "1 customer".to_owned() } else { format!("{n} customers") },
            format!("{n} khách hàng"),
        )
    }

    /// Under a funnel bar: how many went no further than this stage.
    pub fn dropped_before_next(self, lost: u64, rate: f64) -> String {
        let (n, p) = (self.count(lost), self.percent(rate));
        self.pick(format!("{n} ({p}) went no further"), format!("{n} khách ({p}) không đi tiếp"))
    }
}
