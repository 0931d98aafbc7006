//! Funnel maths, following the conventions of product-analytics funnels.
//!
//! A customer counts as having *reached* stage s when its furthest stage is s or later,
//! even if events for earlier stages are missing (a skipped stage still lies behind it).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::customer::CustomerEvent;
use super::date::{SECONDS_PER_DAY, to_epoch_seconds};
use super::stage::Stage;

/// Customers reaching each stage and the time it took them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Funnel {
    /// `reached[i]`: customers whose furthest stage ≥ stage `i + 1`.
    pub reached: [u64; 8],
    /// Median fractional days from a customer's earliest event to its event for stage `i + 1`,
    /// over the customers that have such an event.
    pub median_days_from_start: [Option<f64>; 8],
}

/// The stage transition that loses the largest share of customers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct DropOff {
    pub from: Stage,
    pub to: Stage,
    /// Customers who reached `from` and went no further.
    pub lost: u64,
    /// `lost / reached[from]`.
    pub rate: f64,
}

#[expect(clippy::cast_precision_loss, reason = "customer counts are far below 2^52")]
fn ratio(numerator: u64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

impl Funnel {
    /// Builds the `reached` counts from a histogram of furthest stages
    /// (`furthest[i]`: customers whose furthest stage is exactly stage `i + 1`).
    pub fn from_furthest(furthest: [u64; 8]) -> Self {
        let mut reached = [0; 8];
        let mut running = 0;
        for i in (0..8).rev() {
            running += furthest[i];
            reached[i] = running;
        }
        Self { reached, median_days_from_start: [None; 8] }
    }

    /// The reference implementation over events in memory. The store computes the same
    /// numbers in SQL; tests hold the two to each other.
    pub fn from_events(events: &[CustomerEvent]) -> Self {
        struct Customer {
            furthest: Stage,
            first: i64,
            at: [Option<i64>; 8],
        }
        let mut customers: HashMap<&str, Customer> = HashMap::new();
        for event in events {
            let t = to_epoch_seconds(event.reached_at);
            let c = customers.entry(&event.customer_id).or_insert(Customer {
                furthest: event.stage,
                first: t,
                at: [None; 8],
            });
            c.furthest = c.furthest.max(event.stage);
            c.first = c.first.min(t);
            // One event per customer and stage: the earliest wins, as in the store.
            let slot = &mut c.at[event.stage.index()];
            *slot = Some(slot.map_or(t, |old| old.min(t)));
        }
        let mut furthest = [0; 8];
        let mut days: [Vec<f64>; 8] = Default::default();
        for c in customers.values() {
            furthest[c.furthest.index()] += 1;
            for (i, at) in c.at.iter().enumerate() {
                if let Some(at) = at {
                    #[expect(clippy::cast_precision_loss, reason = "second offsets fit in f64")]
                    days[i].push((at - c.first) as f64 / SECONDS_PER_DAY);
                }
            }
        }
        let mut funnel = Self::from_furthest(furthest);
        for (slot, values) in funnel.median_days_from_start.iter_mut().zip(&mut days) {
            *slot = median(values);
        }
        funnel
    }

    /// Customers in the funnel (everyone reached stage 1).
    pub fn customers(&self) -> u64 {
        self.reached[0]
    }

    pub fn reached(&self, stage: Stage) -> u64 {
        self.reached[stage.index()]
    }

    /// Share of all customers that reached `stage`; 0 when there are no customers.
    pub fn conversion_from_start(&self, stage: Stage) -> f64 {
        ratio(self.reached(stage), self.customers()).unwrap_or(0.0)
    }

    /// Share of the previous stage's customers that reached `stage`; none for stage 1
    /// or when nobody reached the previous stage.
    pub fn step_conversion(&self, stage: Stage) -> Option<f64> {
        let previous = stage.previous()?;
        ratio(self.reached(stage), self.reached(previous))
    }

    /// Customers who reached `stage` and went no further; none for Advocacy.
    pub fn drop_off(&self, stage: Stage) -> Option<u64> {
        let next = stage.next()?;
        Some(self.reached(stage) - self.reached(next))
    }

    /// `drop_off / reached`; none for Advocacy or where nobody reached `stage`.
    pub fn drop_off_rate(&self, stage: Stage) -> Option<f64> {
        ratio(self.drop_off(stage)?, self.reached(stage))
    }

    pub fn median_days(&self, stage: Stage) -> Option<f64> {
        self.median_days_from_start[stage.index()]
    }

    /// The transition with the highest drop-off rate, ties to the earlier stage.
    /// None when no customer dropped off anywhere (including an empty funnel).
    pub fn biggest_drop_off(&self) -> Option<DropOff> {
        self.biggest_drop_off_up_to(Stage::Advocacy)
    }

    /// [`Self::biggest_drop_off`] among the transitions into stages up to `last`. A funnel
    /// built from rules that map no event past `last` has nobody beyond it by construction:
    /// its "100 % drop-off" there would say nothing about the customers.
    pub fn biggest_drop_off_up_to(&self, last: Stage) -> Option<DropOff> {
        let mut best: Option<DropOff> = None;
        for from in Stage::ALL {
            let (Some(rate), Some(lost), Some(to)) =
                (self.drop_off_rate(from), self.drop_off(from), from.next())
            else {
                continue;
            };
            if to > last {
                break;
            }
            if lost > 0 && best.is_none_or(|b| rate > b.rate) {
                best = Some(DropOff { from, to, lost, rate });
            }
        }
        best
    }
}

/// The median of `values` (reordered in place); the mean of the middle two for an even count.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) { (values[mid - 1] + values[mid]) / 2.0 } else { values[mid] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse_date_time;

    fn event(customer: &str, stage: u8, at: &str) -> CustomerEvent {
        CustomerEvent {
            customer_id: customer.to_owned(),
            persona: "P".to_owned(),
            stage: Stage::from_number(stage).expect("stage"),
            reached_at: parse_date_time(at).expect("date"),
        }
    }

    #[test]
    fn counts_rates_and_biggest_drop_off() {
        // Furthest stages: 10 stop at 1, 0 at 2, 20 at 3, 30 at 4, 40 at 8.
        let f = Funnel::from_furthest([10, 0, 20, 30, 0, 0, 0, 40]);
        assert_eq!(f.reached, [100, 90, 90, 70, 40, 40, 40, 40]);
        assert_eq!(f.customers(), 100);
        assert!((f.conversion_from_start(Stage::Kickoff) - 0.7).abs() < 1e-12);
        assert_eq!(f.step_conversion(Stage::Evaluation), None);
        assert_eq!(f.step_conversion(Stage::Acknowledgment), Some(0.9));
        assert_eq!(f.step_conversion(Stage::Validation), Some(1.0));
        assert_eq!(f.drop_off(Stage::Evaluation), Some(10));
        assert_eq!(f.drop_off(Stage::Acknowledgment), Some(0));
        assert_eq!(f.drop_off(Stage::Kickoff), Some(30));
        assert_eq!(f.drop_off(Stage::Advocacy), None);
        assert_eq!(f.drop_off_rate(Stage::Advocacy), None);
        let rate = f.drop_off_rate(Stage::Kickoff).expect("rate");
        assert!((rate - 30.0 / 70.0).abs() < 1e-12);
        let biggest = f.biggest_drop_off().expect("some drop-off");
        assert_eq!((biggest.from, biggest.to, biggest.lost), (Stage::Kickoff, Stage::Acclimation, 30));
    }

    #[test]
    fn ties_go_to_the_earlier_stage() {
        // 50 % lost at 1→2 and at 2→3; the rest reach Advocacy.
        let f = Funnel::from_furthest([4, 2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(f.reached, [8, 4, 2, 2, 2, 2, 2, 2]);
        let biggest = f.biggest_drop_off().expect("some");
        assert_eq!(biggest.from, Stage::Evaluation);
        assert_eq!((biggest.lost, biggest.rate), (4, 0.5));
        assert_eq!(f.drop_off_rate(Stage::Acknowledgment), Some(0.5));

        // A stage that loses everyone beats both; after it nobody is left to lose.
        let g = Funnel::from_furthest([4, 2, 2, 0, 0, 0, 0, 0]);
        assert_eq!(g.reached, [8, 4, 2, 0, 0, 0, 0, 0]);
        assert_eq!(g.biggest_drop_off().map(|b| (b.from, b.rate)), Some((Stage::Validation, 1.0)));
        assert_eq!(g.drop_off_rate(Stage::Kickoff), None);
        assert_eq!(g.step_conversion(Stage::Acclimation), None);
    }

    #[test]
    fn empty_and_perfect_funnels() {
        let empty = Funnel::from_furthest([0; 8]);
        assert_eq!(empty.conversion_from_start(Stage::Advocacy), 0.0);
        assert_eq!(empty.biggest_drop_off(), None);
        assert!(Stage::ALL.iter().all(|s| empty.drop_off_rate(*s).is_none()));
        let perfect = Funnel::from_furthest([0, 0, 0, 0, 0, 0, 0, 5]);
        assert_eq!(perfect.biggest_drop_off(), None);
        assert_eq!(perfect.conversion_from_start(Stage::Advocacy), 1.0);
    }

    #[test]
    fn events_with_skipped_stages_and_medians() {
        let events = [
            // a: 1 → 3 (skips 2), 1.5 days apart.
            event("a", 1, "2024-01-01"),
            event("a", 3, "2024-01-02T12:00:00"),
            // b: starts at 2, reaches 4 four days later.
            event("b", 2, "2024-01-10"),
            event("b", 4, "2024-01-14"),
            // c: only stage 1, logged twice: the earliest is kept.
            event("c", 1, "2024-02-01"),
            event("c", 1, "2024-01-20"),
            // d: 1 then 3 after 3.5 days; the CSV lists it out of order.
            event("d", 3, "2024-03-04T12:00:00"),
            event("d", 1, "2024-03-01"),
        ];
        let f = Funnel::from_events(&events);
        // Furthest stages: a 3, b 4, c 1, d 3.
        assert_eq!(f.reached, [4, 3, 3, 1, 0, 0, 0, 0]);
        // Stage 1: a, c, d at day 0 → 0.
        assert_eq!(f.median_days(Stage::Evaluation), Some(0.0));
        // Stage 2: only b, which starts there → 0.
        assert_eq!(f.median_days(Stage::Acknowledgment), Some(0.0));
        // Stage 3: a 1.5 and d 3.5 → mean of the two middle values = 2.5.
        assert_eq!(f.median_days(Stage::Validation), Some(2.5));
        assert_eq!(f.median_days(Stage::Kickoff), Some(4.0));
        assert_eq!(f.median_days(Stage::Acclimation), None);
    }

    #[test]
    fn medians() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
