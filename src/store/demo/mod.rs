//! Workspaces made from a template (issue #11 §2): the personas with full cards and
//! avatars, touchpoints and emotion entries at every stage, customers whose journeys drop
//! off the way real ones do (heaviest between Kickoff and Accomplishment), and a to-be
//! version launched half a year ago after which new customers go on from Kickoff more often.
//!
//! The default demo is the built-in Vietnamese coffee chain, "Cà Phê Sáng". Everything is
//! deterministic given [`DemoOptions::seed`] and [`DemoOptions::today`], and the customers
//! go through the bulk write path shared with the importer (`store/bulk.rs`), so a hundred
//! thousand of them take seconds. `content` turns the cast into persona cards, `generate`
//! makes up customers and emotion entries.

mod content;
mod generate;

use chrono::NaiveDate;
use rusqlite::TransactionBehavior;

use self::content::template_persona;
use self::generate::template_emotions;
pub use self::generate::{
    DEFAULT_TEMPLATE, DEMO_LAUNCH_DAYS_AGO, demo_customer_events, template_customer_events,
};
use super::bulk::{bulk_write, existing_data};
use super::import::{EventBatch, write_event_batch};
use super::{Result, StoreError, Workspace, emotions, touchpoints, versions};
use crate::model::persona::PersonaId;
use crate::model::stage::{Language, Stage};
use crate::model::template::{Template, builtin};
use crate::model::touchpoint::Touchpoint;
use crate::model::version::{JourneyVersion, VersionId, VersionKind};

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
    /// Most customers a template workspace is made with (the dialog and the CLI agree).
    pub const MAX_CUSTOMERS: u64 = 1_000_000;

    /// The default demo (2,000 customers, the default seed) ending on `today`.
    pub fn new(today: NaiveDate) -> Self {
        Self { customers: Self::DEFAULT_CUSTOMERS, seed: Self::DEFAULT_SEED, today, replace: false }
    }
}

/// What the demo wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DemoSummary {
    /// The template's title (the business).
    pub title: String,
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
            "Workspace made from the template \"{}\": {} personas, {} touchpoints, {} emotion entries, {} customers with {} stage events.",
            self.title,
            g(self.personas),
            g(self.touchpoints),
            g(self.emotions),
            g(self.customers),
            g(self.events)
        )
    }
}

impl Workspace {
    /// Fills the workspace with the default demo, the Vietnamese coffee chain
    /// ([`Self::write_template`]).
    pub fn write_demo(&mut self, options: &DemoOptions) -> Result<DemoSummary> {
        let template = builtin(DEFAULT_TEMPLATE, Language::Vietnamese)?;
        self.write_template(template, options)
    }

    /// Fills the workspace from `template` (see the module docs), in one transaction.
    /// Refuses a workspace that holds data unless [`DemoOptions::replace`], which deletes
    /// everything in it first.
    pub fn write_template(&mut self, template: &Template, options: &DemoOptions) -> Result<DemoSummary> {
        let events = template_customer_events(template, options.customers, options.seed, options.today);
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
            // The template's touchpoints belong to a fresh "Current" version.
            let version = versions::reset(&tx, Some(options.today))?;
            let mut summary = DemoSummary { title: template.title.clone(), ..DemoSummary::default() };
            // Cards and emotions have their own generator so they stay the same whatever the
            // number of customers.
            let mut rng = fastrand::Rng::with_seed(options.seed ^ 0x00C0_FFEE);
            for (index, p) in template.personas.iter().enumerate() {
                let id = super::personas::insert(&tx, None, &template_persona(template, index))?;
                summary.personas += 1;
                for stage in Stage::ALL {
                    let offered = &template.touchpoints[stage.index()];
                    for t in p.touchpoints[stage.index()].iter().filter_map(|&k| offered.get(k)) {
                        touchpoints::insert(
                            &tx,
                            None,
                            &Touchpoint {
                                version,
                                persona: id,
                                stage,
                                channel: t.channel(),
                                description: t.text.clone(),
                            },
                        )?;
                        summary.touchpoints += 1;
                    }
                }
                for entry in template_emotions(&mut rng, template, index, id, options.today) {
                    emotions::insert(&tx, None, &entry)?;
                    summary.emotions += 1;
                }
            }
            to_be_version(&tx, template, version, options.today)?;
            let written = write_event_batch(&tx, batch)?;
            summary.customers = written.customers_created;
            summary.events = written.added;
            tx.commit()?;
            Ok(summary)
        })
    }
}

/// The template's redesign: a to-be copy of `current` with the touchpoints it adds for
/// every persona, launched [`DEMO_LAUNCH_DAYS_AGO`] days before `today`; the customers who
/// started since then go on from Kickoff more often (`generate.rs`), so Analytics →
/// Before / after launch has a real change to show.
fn to_be_version(
    conn: &rusqlite::Connection,
    template: &Template,
    current: VersionId,
    today: NaiveDate,
) -> Result<VersionId> {
    let card = JourneyVersion {
        kind: VersionKind::ToBe,
        note: template.to_be.note.clone(),
        launch_date: Some(today - chrono::Duration::days(DEMO_LAUNCH_DAYS_AGO)),
        position: 1,
        created_on: Some(today - chrono::Duration::days(DEMO_LAUNCH_DAYS_AGO + 30)),
        ..JourneyVersion::named(&template.to_be.name)
    };
    let to_be = versions::insert(conn, None, &card)?;
    versions::copy_version_children(conn, current, to_be)?;
    let personas: Vec<PersonaId> = conn
        .prepare("SELECT id FROM personas ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for persona in personas {
        for t in &template.to_be.touchpoints {
            touchpoints::insert(
                conn,
                None,
                &Touchpoint {
                    version: to_be,
                    persona,
                    stage: t.stage,
                    channel: crate::model::touchpoint::Channel::from_key(&t.channel),
                    description: t.text.clone(),
                },
            )?;
        }
    }
    Ok(to_be)
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

    /// Every built-in template, parsed.
    fn templates() -> Vec<&'static Template> {
        crate::model::template::BUILTIN
            .iter()
            .map(|(key, language, _)| builtin(key, *language).expect("a built-in template"))
            .collect()
    }

    #[test]
    fn personas_are_complete_and_valid() {
        for template in templates() {
            let mut colors = std::collections::HashSet::new();
            for index in 0..template.personas.len() {
                let persona = template_persona(template, index);
                assert!(persona.validate().is_empty(), "{}", persona.name);
                for field in crate::model::persona::PersonaField::ALL {
                    assert!(!persona.field(field).trim().is_empty(), "{} {field:?}", persona.name);
                }
                assert!(persona.avatar_png.as_ref().is_some_and(|png| png.starts_with(b"\x89PNG")));
                assert!(colors.insert(persona.color));
            }
        }
    }

    #[test]
    fn customers_drop_off_like_real_ones() {
        for template in templates() {
            let title = &template.title;
            let events = template_customer_events(template, 3_000, 7, today());
            assert_eq!(events, template_customer_events(template, 3_000, 7, today()), "deterministic");
            let funnel = Funnel::from_events(&events);
            assert_eq!(funnel.customers(), 3_000, "{title}");
            let lost = |s: Stage| funnel.drop_off(s).unwrap_or(0);
            // The heaviest losses sit between Kickoff and Accomplishment, in customers and as
            // the report's biggest drop-off (by rate).
            let heavy = lost(Stage::Kickoff).max(lost(Stage::Acclimation));
            for s in [Stage::Evaluation, Stage::Acknowledgment, Stage::Validation, Stage::Adoption] {
                assert!(heavy > lost(s), "{title} {s}: {:?}", funnel.reached);
            }
            let biggest = funnel.biggest_drop_off().map(|d| d.from);
            assert!(
                matches!(biggest, Some(Stage::Kickoff | Stage::Acclimation)),
                "{title}: {biggest:?} {:?}",
                funnel.reached
            );
            assert!(funnel.reached(Stage::Advocacy) > 0, "{title}");
            // Dates stay within the eighteen months before `today`, during opening hours.
            let first = today() - Duration::days(HISTORY_DAYS);
            for e in &events {
                assert!(e.reached_at.date() >= first && e.reached_at.date() <= today(), "{e:?}");
                assert!((6..=21).contains(&e.reached_at.time().hour()), "{e:?}");
                assert!(e.customer_id.starts_with(&template.customer_prefix), "{e:?}");
            }
            // Some customers skipped a stage: fewer events than stages reached.
            let reached: u64 = funnel.reached.iter().sum();
            assert!((events.len() as u64) < reached, "{title}");
        }
    }

    #[test]
    fn emotions_dip_at_validation() {
        for template in templates() {
            let mut rng = fastrand::Rng::with_seed(1);
            let mut all = Vec::new();
            for i in 0..template.personas.len() {
                all.extend(template_emotions(&mut rng, template, i, PersonaId(i as i64), today()));
            }
            let mean = |stage: Stage| {
                let scores: Vec<f64> =
                    all.iter().filter(|e| e.stage == stage).map(|e| f64::from(e.score.get())).collect();
                scores.iter().sum::<f64>() / scores.len() as f64
            };
            let title = &template.title;
            assert!(mean(Stage::Validation) < mean(Stage::Acknowledgment), "{title}");
            assert!(mean(Stage::Validation) < 0.0, "{title}");
            for stage in Stage::ALL {
                let entries: Vec<&crate::model::EmotionEntry> =
                    all.iter().filter(|e| e.stage == stage).collect();
                assert!(entries.len() >= 3 * template.personas.len(), "{title} {stage}");
                let scores: Vec<i8> = entries.iter().map(|e| e.score.get()).collect();
                assert!(scores.iter().max() > scores.iter().min(), "{title}: highs and lows at {stage}");
                // Notes are the template's own quotes of that stage, labels in its language.
                let quotes = &template.quotes[stage.index()];
                for e in entries {
                    assert!(quotes.highs.contains(&e.note) || quotes.lows.contains(&e.note), "{e:?}");
                    let labels = crate::model::emotion::QUICK_LABELS;
                    let known = labels.iter().any(|(en, vi)| match template.language {
                        Language::English => e.label == *en,
                        Language::Vietnamese => e.label == *vi,
                    });
                    assert!(known, "{title}: {}", e.label);
                }
            }
        }
    }

    /// Customers who started in the 90 days from the launch reach Acclimation from Kickoff
    /// clearly more often than those of the 90 days before; counted here from the events
    /// with the window rule, independently of the store's query.
    #[test]
    fn customers_after_the_launch_convert_better_at_the_fixed_step() {
        use crate::model::launch::{LaunchGroup, LaunchWindow, Verdict, compare_step};
        for template in templates() {
            let events = template_customer_events(template, 2_000, DemoOptions::DEFAULT_SEED, today());
            let window = LaunchWindow {
                launch: today() - Duration::days(DEMO_LAUNCH_DAYS_AGO),
                window_days: 90,
                today: today(),
            };
            let mut first: std::collections::HashMap<&str, (NaiveDate, Stage)> =
                std::collections::HashMap::new();
            for e in &events {
                let entry = first.entry(e.customer_id.as_str()).or_insert((e.reached_at.date(), e.stage));
                entry.0 = entry.0.min(e.reached_at.date());
                entry.1 = entry.1.max(e.stage);
            }
            let (mut before, mut after) = ([0_u64; 8], [0_u64; 8]);
            for (day, furthest) in first.values() {
                match window.group(*day) {
                    Some(LaunchGroup::Before) => before[furthest.index()] += 1,
                    Some(LaunchGroup::After) => after[furthest.index()] += 1,
                    None => {}
                }
            }
            let (b, a) = (Funnel::from_furthest(before), Funnel::from_furthest(after));
            let share = |f: &Funnel, s: Stage| crate::model::analytics::Share {
                customers: f.reached(s.next().unwrap_or(s)),
                of: f.reached(s),
            };
            let step = compare_step(
                Stage::Kickoff,
                Stage::Acclimation,
                share(&b, Stage::Kickoff),
                share(&a, Stage::Kickoff),
            );
            assert_eq!(step.verdict, Verdict::Improved, "{}: {step:?}", template.title);
            assert!(step.difference_points.is_some_and(|p| p > 8.0), "{step:?}");
            // Enough customers on both sides for the chart to say something.
            assert!(step.before.of > 100 && step.after.of > 100, "{step:?}");
        }
    }
}
