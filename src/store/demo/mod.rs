//! A realistic demo workspace: "Cà Phê Sáng", a Vietnamese coffee chain, with four persona
//! cards, touchpoints and emotion entries at every stage, and customers whose journeys drop
//! off the way real ones do (heaviest between Kickoff and Accomplishment).
//!
//! Everything is deterministic given [`DemoOptions::seed`] and [`DemoOptions::today`], and
//! the customers go through the bulk write path shared with the importer (`store/bulk.rs`),
//! so a hundred thousand of them take seconds. `content` holds the cast (persona cards,
//! touchpoints, what customers said), `generate` makes up customers and emotion entries.

mod content;
mod generate;

use chrono::NaiveDate;
use rusqlite::TransactionBehavior;

use self::content::{PERSONAS, TOUCHPOINTS, demo_persona};
pub use self::generate::demo_customer_events;
use self::generate::demo_emotions;
use super::bulk::{bulk_write, existing_data};
use super::import::{EventBatch, write_event_batch};
use super::{Result, StoreError, Workspace, emotions, touchpoints, versions};
use crate::model::stage::Stage;
use crate::model::touchpoint::{Channel, Touchpoint};

/// What the demo writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoOptions {
    /// How many customers to make up.
    pub customers: u64,
    /// Seed of the random generator: the same seed and day give the same workspace.
    pub seed: u64,
    /// The last day of the demo's eighteen months of history.
    pub today: NaiveDate,
    /// Delete everything in the workspace first. Without it, a workspace holding any
    /// persona, touchpoint, emotion entry or customer is refused.
    pub replace: bool,
}

impl DemoOptions {
    pub const DEFAULT_CUSTOMERS: u64 = 2_000;
    pub const DEFAULT_SEED: u64 = 2_024;

    /// The default demo (2,000 customers, the default seed) ending on `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self { customers: Self::DEFAULT_CUSTOMERS, seed: Self::DEFAULT_SEED, today, replace: false }
    }
}

/// What the demo wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub personas: u64,
    pub touchpoints: u64,
    pub emotions: u64,
    pub customers: u64,
    pub events: u64,
}

impl std::fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let g = |n| crate::i18n::format::count(n, crate::model::Language::English);
        write!(
            f,
            "Demo workspace for Cà Phê Sáng: {} personas, {} touchpoints, {} emotion entries, {} customers with {} stage events.",
            g(self.personas),
            g(self.touchpoints),
            g(self.emotions),
            g(self.customers),
            g(self.events)
        )
    }
}

impl Workspace {
    /// Fills the workspace with the demo (see the module docs), in one transaction.
    /// Refuses a workspace that holds data unless [`DemoOptions::replace`], which deletes
    /// everything in it first.
    pub fn write_demo(&mut self, options: &DemoOptions) -> Result<DemoSummary> {
        let events = demo_customer_events(options.customers, options.seed, options.today);
        let mut batch = EventBatch::default();
        for (i, event) in events.iter().enumerate() {
            batch.push_event(i as u64 + 1, event);
        }
        let rows = events.len();
        drop(events);
        let path = self.path().to_path_buf();
        bulk_write(self.conn_mut(), rows, |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if let Some(detail) = existing_data(&tx)? {
                if !options.replace {
                    return Err(StoreError::NotEmpty { path, detail });
                }
                tx.execute_batch(
                    "DELETE FROM stage_events; DELETE FROM customers; DELETE FROM emotions;
                     DELETE FROM touchpoints; DELETE FROM personas;",
                )?;
            }
            // The demo's touchpoints belong to a fresh "Current" version.
            let version = versions::reset(&tx, Some(options.today))?;
            let mut summary = DemoSummary::default();
            // Cards and emotions have their own generator so they stay the same whatever the
            // number of customers.
            let mut rng = fastrand::Rng::with_seed(options.seed ^ 0x00C0_FFEE);
            for p in &PERSONAS {
                let id = super::personas::insert(&tx, None, &demo_persona(p))?;
                summary.personas += 1;
                for stage in Stage::ALL {
                    for &k in &p.touchpoints[stage.index()] {
                        let (channel, description) = TOUCHPOINTS[stage.index()][k];
                        touchpoints::insert(
                            &tx,
                            None,
                            &Touchpoint {
                                version,
                                persona: id,
                                stage,
                                channel: Channel::from_key(channel),
                                description: description.to_owned(),
                            },
                        )?;
                        summary.touchpoints += 1;
                    }
                }
                for entry in demo_emotions(&mut rng, p, id, options.today) {
                    emotions::insert(&tx, None, &entry)?;
                    summary.emotions += 1;
                }
            }
            let written = write_event_batch(&tx, batch)?;
            summary.customers = written.customers_created;
            summary.events = written.added;
            tx.commit()?;
            Ok(summary)
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, Timelike};

    use super::generate::HISTORY_DAYS;
    use super::*;
    use crate::model::funnel::Funnel;
    use crate::model::persona::PersonaId;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
    }

    #[test]
    fn personas_are_complete_and_valid() {
        let mut colors = std::collections::HashSet::new();
        for p in &PERSONAS {
            let persona = demo_persona(p);
            assert!(persona.validate().is_empty(), "{}", persona.name);
            for field in crate::model::persona::PersonaField::ALL {
                assert!(!persona.field(field).trim().is_empty(), "{} {field:?}", persona.name);
            }
            assert!(persona.avatar_png.as_ref().is_some_and(|png| png.starts_with(b"\x89PNG")));
            assert!(colors.insert(persona.color));
        }
        let shares: f64 = PERSONAS.iter().map(|p| p.share).sum();
        assert!((shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn customers_drop_off_like_real_ones() {
        let events = demo_customer_events(3_000, 7, today());
        assert_eq!(events, demo_customer_events(3_000, 7, today()), "deterministic");
        let funnel = Funnel::from_events(&events);
        assert_eq!(funnel.customers(), 3_000);
        let lost = |s: Stage| funnel.drop_off(s).unwrap_or(0);
        // The heaviest losses sit between Kickoff and Accomplishment, in customers and as
        // the report's biggest drop-off (by rate).
        let heavy = lost(Stage::Kickoff).max(lost(Stage::Acclimation));
        for s in [Stage::Evaluation, Stage::Acknowledgment, Stage::Validation, Stage::Adoption] {
            assert!(heavy > lost(s), "{s}: {:?}", funnel.reached);
        }
        let biggest = funnel.biggest_drop_off().map(|d| d.from);
        assert!(
            matches!(biggest, Some(Stage::Kickoff | Stage::Acclimation)),
            "{biggest:?} {:?}",
            funnel.reached
        );
        assert!(funnel.reached(Stage::Advocacy) > 0);
        // Dates stay within the eighteen months before `today`, during opening hours.
        let first = today() - Duration::days(HISTORY_DAYS);
        for e in &events {
            assert!(e.reached_at.date() >= first && e.reached_at.date() <= today(), "{e:?}");
            assert!((6..=21).contains(&e.reached_at.time().hour()), "{e:?}");
        }
        // Some customers skipped a stage: fewer events than stages reached.
        let reached: u64 = funnel.reached.iter().sum();
        assert!((events.len() as u64) < reached);
    }

    #[test]
    fn emotions_dip_at_validation() {
        let mut rng = fastrand::Rng::with_seed(1);
        let mut all = Vec::new();
        for (i, p) in PERSONAS.iter().enumerate() {
            all.extend(demo_emotions(&mut rng, p, PersonaId(i as i64), today()));
        }
        let mean = |stage: Stage| {
            let scores: Vec<f64> =
                all.iter().filter(|e| e.stage == stage).map(|e| f64::from(e.score.get())).collect();
            scores.iter().sum::<f64>() / scores.len() as f64
        };
        assert!(mean(Stage::Validation) < mean(Stage::Acknowledgment));
        assert!(mean(Stage::Validation) < 0.0);
        for stage in Stage::ALL {
            let scores: Vec<i8> = all.iter().filter(|e| e.stage == stage).map(|e| e.score.get()).collect();
            assert!(scores.len() >= 12, "{stage}");
            assert!(scores.iter().max() > scores.iter().min(), "highs and lows at {stage}");
        }
    }
}
