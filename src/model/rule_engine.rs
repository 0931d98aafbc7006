//! The rule engine: from one customer's events to the time each stage was reached.
//!
//! Built for an event log of a million rows: event names are interned once into
//! [`EventId`]s ([`EventNames`]), the rules are compiled once against them
//! ([`CompiledRules`]), and the per-customer work ([`CompiledRules::stage_times`]) is a
//! small in-place sort and integer compares, with no allocation (the summary's per-event
//! counters grow only when a new event name appears).
//!
//! Measured on a million rows (250,000 customers, 12 event names, 8 rules, optimised build,
//! `million_rows` in the tests): interning the names 50 ms, the rules 61 ms.
//!
//! ```
//! use fanpath::model::rule_engine::{CompiledRules, EventLogSummary, EventNames};
//! use fanpath::model::rules::StageRules;
//! use fanpath::model::Stage;
//!
//! let rules = StageRules::parse_rows([["view", "", "1"], ["order", "", "2"], ["order", "2", "7"]])?;
//! let mut names = EventNames::default();
//! let compiled = CompiledRules::new(&rules, &mut names);
//! let mut summary = EventLogSummary::default();
//! // One customer's rows, in any order; two lines of one order on the same time are one order.
//! let mut rows = vec![
//!     (names.intern("Order"), 500),
//!     (names.intern("order"), 500),
//!     (names.intern("view"), 100),
//!     (names.intern("ORDER"), 900),
//!     (names.intern("newsletter"), 50),
//! ];
//! let times = compiled.stage_times(&mut rows, &mut summary);
//! assert_eq!(times.get(Stage::Evaluation), Some(100));
//! assert_eq!(times.get(Stage::Acknowledgment), Some(500));
//! assert_eq!(times.get(Stage::Adoption), Some(900));
//! assert_eq!(summary.top_unmatched(&names, 10), vec![("newsletter", 1)]);
//! # Ok::<(), fanpath::model::rules::RuleRowError>(())
//! ```

use rustc_hash::FxHashMap;

use super::rules::{EventMatch, StageRules, event_key};
use super::stage::Stage;

/// A small id standing for one event name (all spellings with the same [`event_key`]).
/// Only meaningful with the [`EventNames`] that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventId(u32);

impl EventId {
    /// Position in [`EventNames`], for indexing per-event arrays.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Interns event names: every spelling of an event (`"Order"`, `" order "`, `"ORDER"`)
/// gets the same [`EventId`]. A spelling seen before costs one hash lookup and no
/// allocation, which is what a million rows with a dozen event names need.
#[derive(Clone, Debug, Default)]
pub struct EventNames {
    by_spelling: FxHashMap<Box<str>, EventId>,
    by_key: FxHashMap<String, EventId>,
    /// The first spelling seen of each event (trimmed), for showing it to the user.
    names: Vec<String>,
}

impl EventNames {
    /// The id of `spelling`'s event, creating it on first sight.
    pub fn intern(&mut self, spelling: &str) -> EventId {
        if let Some(&id) = self.by_spelling.get(spelling) {
            return id;
        }
        let key = event_key(spelling);
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                // More than four billion distinct event names cannot fit in memory anyway.
                let id = EventId(u32::try_from(self.names.len()).unwrap_or(u32::MAX));
                self.names.push(spelling.trim().to_owned());
                self.by_key.insert(key, id);
                id
            }
        };
        self.by_spelling.insert(spelling.into(), id);
        id
    }

    /// The id of `spelling`'s event if it was interned, without creating it.
    pub fn get(&self, spelling: &str) -> Option<EventId> {
        self.by_spelling.get(spelling).or_else(|| self.by_key.get(&event_key(spelling))).copied()
    }

    /// The event's name as first seen (trimmed); empty for an id from another `EventNames`.
    pub fn name(&self, id: EventId) -> &str {
        self.names.get(id.index()).map_or("", String::as_str)
    }

    /// Every event with its name as first seen, in order of first sight (by id).
    pub fn iter(&self) -> impl Iterator<Item = (EventId, &str)> + '_ {
        // Ids are positions, and fewer than 2³² names fit in memory.
        (0_u32..).zip(&self.names).map(|(id, name)| (EventId(id), name.as_str()))
    }

    /// How many distinct events there are.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no event was interned yet.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// For each of the eight stages, when one customer reached it (UTC epoch seconds), if at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StageTimes([Option<i64>; 8]);

impl StageTimes {
    /// Builds from times indexed by [`Stage::index`].
    pub fn from_array(times: [Option<i64>; 8]) -> Self {
        Self(times)
    }

    /// The times, indexed by [`Stage::index`].
    pub fn as_array(&self) -> &[Option<i64>; 8] {
        &self.0
    }

    /// When `stage` was reached.
    pub fn get(&self, stage: Stage) -> Option<i64> {
        self.0[stage.index()]
    }

    /// Whether no stage was reached: such a customer is not created.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The earliest stage time: the customer's first event, where "days from start" and
    /// cohorts begin.
    pub fn first_seconds(&self) -> Option<i64> {
        self.0.iter().flatten().min().copied()
    }

    /// The highest stage reached, whatever the order of the times.
    pub fn furthest(&self) -> Option<Stage> {
        Stage::ALL.into_iter().rev().find(|stage| self.get(*stage).is_some())
    }

    /// The reached stages with their times, in stage order.
    pub fn iter(&self) -> impl Iterator<Item = (Stage, i64)> + '_ {
        Stage::ALL.into_iter().filter_map(|stage| Some((stage, self.get(stage)?)))
    }

    /// Records `seconds` for `stage` unless an earlier time is already there.
    fn offer(&mut self, stage: Stage, seconds: i64) {
        let slot = &mut self.0[stage.index()];
        if slot.is_none_or(|known| seconds < known) {
            *slot = Some(seconds);
        }
    }
}

/// What one rule did over the whole file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleStats {
    /// Rows whose event the rule matches (every row for `*`), whatever their occurrence.
    pub rows: u64,
    /// Customers for whom the rule selected a time: they have the rule's occurrence of its
    /// event. The time counts even when another rule gave the stage an earlier one.
    pub customers: u64,
}

/// How often one event occurs in the file: for the wizard's list of events and the summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventCounts {
    /// Rows of the event.
    pub rows: u64,
    /// Customers with at least one row of the event.
    pub customers: u64,
}

/// Counts over an event log as the engine goes through it, for the import summary.
/// Start from `default()`; one summary can be fed by several [`CompiledRules`] only if
/// they were compiled from the same rules.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLogSummary {
    /// Rows seen.
    pub rows: u64,
    /// Customers seen, with or without a matched event.
    pub customers: u64,
    /// Customers who reached at least one stage (the ones an import creates or updates).
    pub customers_with_stage: u64,
    /// Per rule, in the rules' order.
    rules: Vec<RuleStats>,
    /// Rows no rule matches, indexed by [`EventId::index`].
    unmatched: Vec<u64>,
    /// Every event's counts, matched or not, indexed by [`EventId::index`].
    events: Vec<EventCounts>,
}

impl EventLogSummary {
    /// Per-rule counts, in the rules' order (empty before the first customer).
    pub fn rule_stats(&self) -> &[RuleStats] {
        &self.rules
    }

    /// Rows whose event no rule matches.
    pub fn unmatched_rows(&self) -> u64 {
        self.unmatched.iter().sum()
    }

    /// Rows of `event` that no rule matched (0 when a rule matches the event).
    pub fn unmatched_rows_of(&self, event: EventId) -> u64 {
        self.unmatched.get(event.index()).copied().unwrap_or(0)
    }

    /// The `limit` unmatched events with the most rows, most first (ties by name), with
    /// their row counts: the "ten most frequent unmatched events" of the summary.
    pub fn top_unmatched<'n>(&self, names: &'n EventNames, limit: usize) -> Vec<(&'n str, u64)> {
        let mut counts: Vec<(&str, u64)> = self
            .unmatched
            .iter()
            .enumerate()
            .filter(|(_, rows)| **rows > 0)
            .map(|(index, rows)| (names.names.get(index).map_or("", String::as_str), *rows))
            .collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts.truncate(limit);
        counts
    }

    /// How often `event` occurs, matched by a rule or not.
    pub fn event_counts(&self, event: EventId) -> EventCounts {
        self.events.get(event.index()).copied().unwrap_or_default()
    }

    /// Every event seen, with its name and counts, most rows first (ties by name): the list
    /// of events a user assigns stages to.
    pub fn events_by_rows<'n>(&self, names: &'n EventNames) -> Vec<(EventId, &'n str, EventCounts)> {
        let mut events: Vec<(EventId, &str, EventCounts)> = (0..self.events.len())
            .filter_map(|index| {
                let id = EventId(u32::try_from(index).ok()?);
                let counts = self.events[index];
                (counts.rows > 0).then(|| (id, names.name(id), counts))
            })
            .collect();
        events.sort_unstable_by(|a, b| b.2.rows.cmp(&a.2.rows).then_with(|| a.1.cmp(b.1)));
        events
    }

    /// Adds another summary's counts (from a worker that went through other customers).
    pub fn merge(&mut self, other: &Self) {
        self.rows += other.rows;
        self.customers += other.customers;
        self.customers_with_stage += other.customers_with_stage;
        grow(&mut self.rules, other.rules.len());
        for (mine, theirs) in self.rules.iter_mut().zip(&other.rules) {
            mine.rows += theirs.rows;
            mine.customers += theirs.customers;
        }
        grow(&mut self.unmatched, other.unmatched.len());
        for (mine, theirs) in self.unmatched.iter_mut().zip(&other.unmatched) {
            *mine += theirs;
        }
        grow(&mut self.events, other.events.len());
        for (mine, theirs) in self.events.iter_mut().zip(&other.events) {
            mine.rows += theirs.rows;
            mine.customers += theirs.customers;
        }
    }
}

fn grow<T: Default + Clone>(values: &mut Vec<T>, len: usize) {
    if values.len() < len {
        values.resize(len, T::default());
    }
}

/// One rule, reduced to what the engine needs.
#[derive(Clone, Copy, Debug)]
struct Target {
    stage: Stage,
    /// Which distinct time (1 = earliest).
    nth: u32,
}

/// Stage rules ready to run: each named rule is attached to its [`EventId`].
#[derive(Clone, Debug)]
pub struct CompiledRules {
    /// Per rule, in the rules' order.
    targets: Vec<Target>,
    /// Indexed by [`EventId::index`]: the named rules matching that event.
    by_event: Vec<Vec<usize>>,
    /// The `*` rules.
    any: Vec<usize>,
    /// The highest occurrence a `*` rule asks for (0 without `*` rules).
    any_max_nth: u32,
}

impl CompiledRules {
    /// Compiles `rules`, interning their event names in `names`. Rows must be interned in the
    /// same `names`; events interned later are simply matched by no named rule.
    pub fn new(rules: &StageRules, names: &mut EventNames) -> Self {
        let mut compiled =
            Self { targets: Vec::new(), by_event: Vec::new(), any: Vec::new(), any_max_nth: 0 };
        for (index, rule) in rules.into_iter().enumerate() {
            compiled.targets.push(Target { stage: rule.stage, nth: rule.nth() });
            match &rule.event {
                EventMatch::Any => {
                    compiled.any.push(index);
                    compiled.any_max_nth = compiled.any_max_nth.max(rule.nth());
                }
                EventMatch::Name(name) => {
                    let id = names.intern(name);
                    grow(&mut compiled.by_event, id.index() + 1);
                    compiled.by_event[id.index()].push(index);
                }
            }
        }
        compiled
    }

    /// How many rules there are.
    pub fn rule_count(&self) -> usize {
        self.targets.len()
    }

    /// Whether some rule matches rows of `event`.
    pub fn matches(&self, event: EventId) -> bool {
        !self.any.is_empty() || !self.named_rules(event).is_empty()
    }

    fn named_rules(&self, event: EventId) -> &[usize] {
        self.by_event.get(event.index()).map_or(&[], Vec::as_slice)
    }

    /// Applies the rules to all rows of one customer, `(event, UTC epoch seconds)` in any
    /// order (the slice is sorted in place), and adds to `summary`.
    ///
    /// Each rule that finds its occurrence gives its stage a time; several for one stage:
    /// the earliest wins. Rows no rule matches are only counted.
    pub fn stage_times(&self, events: &mut [(EventId, i64)], summary: &mut EventLogSummary) -> StageTimes {
        grow(&mut summary.rules, self.targets.len());
        summary.rows += events.len() as u64;
        summary.customers += 1;
        let mut times = StageTimes::default();
        // By event, then time: each event's rows are one run, its distinct times in order.
        events.sort_unstable();
        let mut earliest = i64::MAX;
        let mut rest: &[(EventId, i64)] = events;
        while let Some(&(event, first)) = rest.first() {
            let run_len = rest.iter().position(|row| row.0 != event).unwrap_or(rest.len());
            let (run, tail) = rest.split_at(run_len);
            rest = tail;
            earliest = earliest.min(first);
            grow(&mut summary.events, event.index() + 1);
            let counts = &mut summary.events[event.index()];
            counts.rows += run.len() as u64;
            counts.customers += 1;
            let rules = self.named_rules(event);
            if rules.is_empty() && self.any.is_empty() {
                grow(&mut summary.unmatched, event.index() + 1);
                summary.unmatched[event.index()] += run.len() as u64;
            }
            for &rule in rules {
                let target = self.targets[rule];
                summary.rules[rule].rows += run.len() as u64;
                if let Some(at) = nth_distinct(run.iter().map(|row| row.1), target.nth) {
                    summary.rules[rule].customers += 1;
                    times.offer(target.stage, at);
                }
            }
        }
        if !self.any.is_empty() && !events.is_empty() {
            self.apply_any_rules(events, earliest, &mut times, summary);
        }
        summary.customers_with_stage += u64::from(!times.is_empty());
        times
    }

    /// `*` rules see the customer's times of any event as one event's.
    fn apply_any_rules(
        &self,
        events: &mut [(EventId, i64)],
        earliest: i64,
        times: &mut StageTimes,
        summary: &mut EventLogSummary,
    ) {
        // Re-sorting by time is only needed for a second or later occurrence.
        if self.any_max_nth > 1 {
            events.sort_unstable_by_key(|row| row.1);
        }
        for &rule in &self.any {
            let target = self.targets[rule];
            summary.rules[rule].rows += events.len() as u64;
            let at = if target.nth == 1 {
                Some(earliest)
            } else {
                nth_distinct(events.iter().map(|row| row.1), target.nth)
            };
            if let Some(at) = at {
                summary.rules[rule].customers += 1;
                times.offer(target.stage, at);
            }
        }
    }
}

/// The `nth` (1-based) distinct value of ascending `times`.
fn nth_distinct(times: impl Iterator<Item = i64>, nth: u32) -> Option<i64> {
    let mut seen = 0;
    let mut previous = None;
    for at in times {
        if previous != Some(at) {
            seen += 1;
            if seen == nth {
                return Some(at);
            }
            previous = Some(at);
        }
    }
    None
}

#[cfg(test)]
#[path = "rule_engine_tests.rs"]
mod tests;
