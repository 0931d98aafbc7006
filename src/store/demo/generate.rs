//! A template's made-up customers and emotion entries, deterministic given a seed.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::model::customer::CustomerEvent;
use crate::model::emotion::{EmotionEntry, QUICK_LABELS, Score, Source};
use crate::model::persona::PersonaId;
use crate::model::stage::{Language, Stage};
use crate::model::template::{Template, TemplatePersona, builtin};

/// The template `fanpath demo` uses without `--template`, in Vietnamese.
pub const DEFAULT_TEMPLATE: &str = "coffee";

/// Days of history the demo spreads customers over (about eighteen months).
pub(super) const HISTORY_DAYS: i64 = 540;

/// Shortest and longest gap, in days, from stage `i + 1` to stage `i + 2`.
const GAP_DAYS: [(f64, f64); 7] =
    [(0.02, 5.0), (0.5, 4.0), (1.0, 10.0), (5.0, 21.0), (10.0, 40.0), (14.0, 45.0), (14.0, 60.0)];

/// The demo's to-be journey went live this many days before `today`: inside the
/// eighteen months, with 90 days on each side that are at least 90 days old.
pub const DEMO_LAUNCH_DAYS_AGO: i64 = 180;

/// The step the to-be journey set out to fix, as an index of `go_on`: Kickoff (stage 4)
/// → Acclimation, the demo's worst.
const FIXED_STEP: usize = 3;

/// Of the customers who started on or after the launch and would have stopped at the
/// fixed step, this share goes on: the redesign keeps more than half of those it lost
/// (enough for the default demo's few hundred customers a side to show it beyond chance).
const RESCUED_SHARE: f64 = 0.6;

/// Chance that a stage a customer went past left no event (a walk-in buyer never
/// evaluated; nobody asked how the first days felt).
const SKIP_CHANCE: [f64; 8] = [0.05, 0.02, 0.10, 0.03, 0.06, 0.02, 0.02, 0.0];

/// A random moment during opening hours (6:30–21:30) of `day`.
fn opening_hours(rng: &mut fastrand::Rng, day: NaiveDate) -> NaiveDateTime {
    let seconds = rng.u32(6 * 3600 + 1800..21 * 3600 + 1800);
    day.and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or(NaiveTime::MIN))
}

/// Picks a persona by the personas' shares.
fn pick_persona<'t>(rng: &mut fastrand::Rng, personas: &'t [TemplatePersona]) -> Option<&'t TemplatePersona> {
    let mut x = rng.f64();
    for p in personas {
        if x < p.share {
            return Some(p);
        }
        x -= p.share;
    }
    personas.last()
}

/// The default demo's (the Vietnamese coffee chain's) customers and the stages they
/// reached, deterministic given the arguments. Also used by benchmarks to make large
/// realistic CSV files.
pub fn demo_customer_events(customers: u64, seed: u64, today: NaiveDate) -> Vec<CustomerEvent> {
    // The built-in templates are checked by tests; a broken one gives no customers.
    let Ok(template) = builtin(DEFAULT_TEMPLATE, Language::Vietnamese) else { return Vec::new() };
    template_customer_events(template, customers, seed, today)
}

/// `template`'s customers and the stages they reached, deterministic given the arguments.
pub fn template_customer_events(
    template: &Template,
    customers: u64,
    seed: u64,
    today: NaiveDate,
) -> Vec<CustomerEvent> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let end = today.and_time(NaiveTime::MIN) + Duration::days(1);
    let mut events = Vec::with_capacity(usize::try_from(customers.saturating_mul(5)).unwrap_or(0));
    for n in 1..=customers {
        let Some(persona) = pick_persona(&mut rng, &template.personas) else { break };
        let customer_id = format!("{}{n:06}", template.customer_prefix);
        let start_day = today - Duration::days(rng.i64(0..HISTORY_DAYS));
        let mut at = opening_hours(&mut rng, start_day);
        // Walk the path until the customer stops or the next stage lies in the future.
        let mut reached = vec![(Stage::Evaluation, at)];
        for (i, &go_on) in persona.go_on.iter().enumerate() {
            if rng.f64() >= go_on {
                break;
            }
            let (low, high) = GAP_DAYS[i];
            // Skewed towards the short end: most people move on soon, a few take long.
            let days = (low + (high - low) * rng.f64().powf(1.7)) * persona.pace;
            let next = at + Duration::seconds((days * 86_400.0) as i64);
            // Nobody visits at night: night-time events move into opening hours.
            let next = match next.time().hour() {
                6..=21 => next,
                0..=5 => opening_hours(&mut rng, next.date()),
                _ => opening_hours(&mut rng, next.date() + Duration::days(1)),
            };
            if next >= end {
                break;
            }
            at = next;
            let Some(stage) = Stage::from_number(i as u8 + 2) else { break };
            reached.push((stage, at));
        }
        let launch = today - Duration::days(DEMO_LAUNCH_DAYS_AGO);
        // Stopped at the fixed step (by chance, or because the next event would lie in the
        // future: then the rescued walk stops at `end` too).
        let stopped_at_fixed_step = reached.len() == FIXED_STEP + 1;
        let last = reached.len() - 1;
        if start_day >= launch && stopped_at_fixed_step {
            // A second generator per customer, so rescuing one leaves every other customer
            // (and every customer before the launch) exactly as without the launch.
            let mut side = fastrand::Rng::with_seed(seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            if side.f64() < RESCUED_SHARE {
                rescue(&mut side, persona, &mut reached, end);
            }
        }
        for (k, (stage, at)) in reached.into_iter().enumerate() {
            // Stages after the original path were added by `rescue`: no skipping draw, so
            // the main generator's sequence stays as it was.
            if k < last && rng.f64() < SKIP_CHANCE[stage.index()] {
                continue;
            }
            events.push(CustomerEvent {
                customer_id: customer_id.clone(),
                persona: persona.name.clone(),
                stage,
                reached_at: at,
            });
        }
    }
    events
}

/// Walks a rescued customer on from the fixed step with `rng`, like the main walk.
fn rescue(
    rng: &mut fastrand::Rng,
    persona: &TemplatePersona,
    reached: &mut Vec<(Stage, NaiveDateTime)>,
    end: NaiveDateTime,
) {
    let Some(&(_, mut at)) = reached.last() else { return };
    let steps = persona.go_on.iter().zip(GAP_DAYS).enumerate().skip(FIXED_STEP);
    for (i, (&go_on, (low, high))) in steps {
        // The fixed step is passed; the later ones at the persona's usual odds.
        if i > FIXED_STEP && rng.f64() >= go_on {
            break;
        }
        let days = (low + (high - low) * rng.f64().powf(1.7)) * persona.pace;
        let next = at + Duration::seconds((days * 86_400.0) as i64);
        let next = match next.time().hour() {
            6..=21 => next,
            0..=5 => opening_hours(rng, next.date()),
            _ => opening_hours(rng, next.date() + Duration::days(1)),
        };
        if next >= end {
            break;
        }
        at = next;
        let Some(stage) = Stage::from_number(i as u8 + 2) else { break };
        reached.push((stage, at));
    }
}

/// Emotion entries for persona `index` of `template`: several per stage around the
/// expected curve, with the template's quotes as notes, in the template's language.
pub(super) fn template_emotions(
    rng: &mut fastrand::Rng,
    template: &Template,
    index: usize,
    persona: PersonaId,
    today: NaiveDate,
) -> Vec<EmotionEntry> {
    let Some(p) = template.personas.get(index) else { return Vec::new() };
    let language = template.language;
    let label = |(english, vietnamese): (&'static str, &'static str)| match language {
        Language::English => english,
        Language::Vietnamese => vietnamese,
    };
    let mut entries = Vec::new();
    for stage in Stage::ALL {
        let i = stage.index();
        for _ in 0..rng.usize(3..=6) {
            let noise = rng.i8(-2..=2);
            let value = (stage.expected_score() + p.mood[i] + noise).clamp(Score::MIN, Score::MAX);
            let score = Score::new(i64::from(value)).unwrap_or_default();
            let quotes = &template.quotes[i];
            let good = value > 0 || (value == 0 && rng.bool());
            let label = if stage == Stage::Validation && value < 0 && rng.bool() {
                label(QUICK_LABELS[11])
            } else if good {
                label(QUICK_LABELS[rng.usize(0..6)])
            } else {
                label(QUICK_LABELS[rng.usize(6..11)])
            };
            let note =
                rng.choice(if good { &quotes.highs } else { &quotes.lows }).cloned().unwrap_or_default();
            let picked = &p.touchpoints[i];
            let channel = picked
                .get(rng.usize(0..picked.len().max(1)))
                .and_then(|&k| template.touchpoints[i].get(k))
                .map(|t| t.channel())
                .unwrap_or(crate::model::touchpoint::Channel::InPerson);
            let source = match rng.u8(0..20) {
                0..=5 => Source::Interview,
                6..=12 => Source::Survey,
                13..=16 => Source::Observation,
                _ => Source::Assumption,
            };
            let logged_at = (rng.u8(0..10) > 0).then(|| {
                let day = today - Duration::days(rng.i64(0..HISTORY_DAYS));
                opening_hours(rng, day)
            });
            entries.push(EmotionEntry {
                persona,
                stage,
                score,
                label: label.to_owned(),
                note,
                touchpoint: channel.name(language).to_owned(),
                source,
                logged_at,
            });
        }
    }
    entries
}
