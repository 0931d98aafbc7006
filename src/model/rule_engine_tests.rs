//! Tests of the rule engine, against hand-made examples and a naive implementation.

use std::collections::{BTreeMap, BTreeSet};

use super::*;
use crate::model::rules::{StageRule, event_key};

fn rules(rows: &[[&str; 3]]) -> StageRules {
    StageRules::parse_rows(rows.iter().copied()).expect("rules")
}

/// Runs `rules` on one customer's `(event, time)` rows.
fn run(rules: &StageRules, rows: &[(&str, i64)]) -> (StageTimes, EventLogSummary, EventNames) {
    let mut names = EventNames::default();
    let compiled = CompiledRules::new(rules, &mut names);
    let mut events: Vec<(EventId, i64)> = rows.iter().map(|(name, at)| (names.intern(name), *at)).collect();
    let mut summary = EventLogSummary::default();
    let times = compiled.stage_times(&mut events, &mut summary);
    (times, summary, names)
}

fn times(pairs: &[(Stage, i64)]) -> StageTimes {
    let mut array = [None; 8];
    for (stage, at) in pairs {
        array[stage.index()] = Some(*at);
    }
    StageTimes::from_array(array)
}

#[test]
fn the_earliest_time_wins_per_stage() {
    let rules = rules(&[["signup", "", "Acknowledgment"], ["order", "", "2"], ["view", "", "1"]]);
    let (got, summary, _) = run(&rules, &[("order", 300), ("signup", 200), ("view", 100), ("order", 150)]);
    assert_eq!(got, times(&[(Stage::Evaluation, 100), (Stage::Acknowledgment, 150)]));
    assert_eq!(got.first_seconds(), Some(100));
    assert_eq!(got.furthest(), Some(Stage::Acknowledgment));
    assert_eq!(
        summary.rule_stats(),
        [
            RuleStats { rows: 1, customers: 1 },
            RuleStats { rows: 2, customers: 1 },
            RuleStats { rows: 1, customers: 1 }
        ]
    );
    assert_eq!((summary.rows, summary.customers, summary.customers_with_stage), (4, 1, 1));
}

#[test]
fn the_nth_occurrence_counts_distinct_times() {
    let rules = rules(&[["order", "2", "Adoption"], ["order", "3", "Advocacy"], ["order", "", "Kickoff"]]);
    // Three lines of the first order at one time, two of the second: two orders, not five.
    let rows = [("order", 10), ("Order", 10), ("ORDER ", 10), ("order", 50), ("order", 50)];
    let (got, summary, _) = run(&rules, &rows);
    assert_eq!(got, times(&[(Stage::Kickoff, 10), (Stage::Adoption, 50)]));
    // The third order never happened: the rule matched rows but selected no time.
    assert_eq!(summary.rule_stats()[1], RuleStats { rows: 5, customers: 0 });
    assert_eq!(summary.rule_stats()[0], RuleStats { rows: 5, customers: 1 });
    let (got, _, _) = run(&rules, &[("order", 10), ("order", 70), ("order", 50), ("order", 10)]);
    assert_eq!(got, times(&[(Stage::Kickoff, 10), (Stage::Adoption, 50), (Stage::Advocacy, 70)]));
}

#[test]
fn star_treats_every_event_as_one() {
    let rules = rules(&[["*", "", "1"], ["*", "2", "Validation"], ["login", "", "Kickoff"]]);
    // view and click at the same second are one moment for `*`.
    let rows = [("click", 20), ("view", 20), ("login", 90), ("view", 40)];
    let (got, summary, _) = run(&rules, &rows);
    assert_eq!(got, times(&[(Stage::Evaluation, 20), (Stage::Validation, 40), (Stage::Kickoff, 90)]));
    assert_eq!(summary.rule_stats()[0], RuleStats { rows: 4, customers: 1 });
    // With a `*` rule nothing is unmatched.
    assert_eq!(summary.unmatched_rows(), 0);
    let (got, summary, _) = run(&rules, &[("view", 5), ("view", 5)]);
    assert_eq!(got, times(&[(Stage::Evaluation, 5)]));
    assert_eq!(summary.rule_stats()[1], RuleStats { rows: 2, customers: 0 });
}

#[test]
fn unmatched_events_are_counted_by_name() {
    let rules = rules(&[["purchase", "", "2"]]);
    let mut names = EventNames::default();
    let compiled = CompiledRules::new(&rules, &mut names);
    let mut summary = EventLogSummary::default();
    let customers: [&[(&str, i64)]; 3] = [
        &[("page view", 1), ("Page View", 2), ("purchase", 3), ("newsletter", 4)],
        &[("page view", 1), ("cart", 2), ("cart", 2)],
        &[("Newsletter", 9), ("cart", 1)],
    ];
    let mut created = 0;
    for rows in customers {
        let mut events: Vec<_> = rows.iter().map(|(name, at)| (names.intern(name), *at)).collect();
        created += usize::from(!compiled.stage_times(&mut events, &mut summary).is_empty());
    }
    // Only the first customer has a matched event; the others are not created.
    assert_eq!(created, 1);
    assert_eq!((summary.rows, summary.customers, summary.customers_with_stage), (9, 3, 1));
    assert_eq!(summary.unmatched_rows(), 8);
    // The name shown is the first spelling seen.
    assert_eq!(summary.top_unmatched(&names, 10), vec![("cart", 3), ("page view", 3), ("newsletter", 2)]);
    assert_eq!(summary.top_unmatched(&names, 1), vec![("cart", 3)]);
    let cart = names.get("cart").expect("interned");
    assert_eq!(summary.event_counts(cart), EventCounts { rows: 3, customers: 2 });
    let listed: Vec<(&str, u64, u64)> =
        summary.events_by_rows(&names).into_iter().map(|(_, name, n)| (name, n.rows, n.customers)).collect();
    assert_eq!(listed, vec![("cart", 3, 2), ("page view", 3, 2), ("newsletter", 2, 2), ("purchase", 1, 1)]);
    let newsletter = names.get(" NEWSLETTER").expect("interned");
    assert_eq!(summary.unmatched_rows_of(newsletter), 2);
    assert!(!compiled.matches(newsletter));
    assert!(compiled.matches(names.get("Purchase").expect("interned")));
}

#[test]
fn a_customer_without_a_matched_event_reaches_nothing() {
    let rules = rules(&[["order", "", "2"], ["order", "2", "7"]]);
    let (got, summary, _) = run(&rules, &[("view", 1), ("view", 2)]);
    assert!(got.is_empty());
    assert_eq!((got.first_seconds(), got.furthest()), (None, None));
    assert_eq!(summary.customers_with_stage, 0);
    let (got, summary, _) = run(&rules, &[]);
    assert!(got.is_empty());
    assert_eq!((summary.rows, summary.customers), (0, 1));
    let star = StageRules::new(vec![StageRule::parse("*", "", "1").expect("rule")]).expect("rules");
    assert!(run(&star, &[]).0.is_empty());
}

#[test]
fn furthest_ignores_time_order_and_iter_lists_stages() {
    let got = times(&[(Stage::Validation, 50), (Stage::Evaluation, 70)]);
    assert_eq!(got.furthest(), Some(Stage::Validation));
    assert_eq!(got.first_seconds(), Some(50));
    assert_eq!(got.iter().collect::<Vec<_>>(), vec![(Stage::Evaluation, 70), (Stage::Validation, 50)]);
}

#[test]
fn interning_ignores_case_spaces_and_composition() {
    let mut names = EventNames::default();
    let a = names.intern(" Đặt hàng ");
    assert_eq!(names.intern("ĐẶT HÀNG"), a);
    assert_eq!(names.intern("đa\u{0323}\u{0306}t ha\u{0300}ng"), a);
    assert_ne!(names.intern("dat hang"), a);
    assert_eq!(names.len(), 2);
    assert_eq!(names.name(a), "Đặt hàng");
    assert_eq!(names.get("đặt hàng"), Some(a));
    assert_eq!(names.get("unknown"), None);
}

#[test]
fn summaries_merge() {
    let rules = rules(&[["a", "", "1"]]);
    let (_, mut left, _) = run(&rules, &[("a", 1), ("b", 2)]);
    let (_, right, _) = run(&rules, &[("a", 1), ("a", 3), ("b", 2), ("b", 4)]);
    left.merge(&right);
    assert_eq!((left.rows, left.customers, left.customers_with_stage), (6, 2, 2));
    assert_eq!(left.rule_stats(), [RuleStats { rows: 3, customers: 2 }]);
    assert_eq!(left.unmatched_rows(), 3);
    let b = EventId(1);
    assert_eq!(left.event_counts(b), EventCounts { rows: 3, customers: 2 });
}

/// The semantics written out the slow, obvious way, on strings.
struct Naive {
    rows_per_rule: Vec<u64>,
    customers_per_rule: Vec<u64>,
    unmatched: BTreeMap<String, u64>,
    /// Per event key: rows and customers.
    events: BTreeMap<String, (u64, u64)>,
}

impl Naive {
    fn stage_times(&mut self, rules: &StageRules, rows: &[(String, i64)]) -> StageTimes {
        let mut array: [Option<i64>; 8] = [None; 8];
        for (index, rule) in rules.as_slice().iter().enumerate() {
            let matching: Vec<&(String, i64)> = rows
                .iter()
                .filter(|(name, _)| match &rule.event {
                    EventMatch::Any => true,
                    EventMatch::Name(wanted) => event_key(name) == event_key(wanted),
                })
                .collect();
            self.rows_per_rule[index] += matching.len() as u64;
            let distinct: BTreeSet<i64> = matching.iter().map(|(_, at)| *at).collect();
            let n = rule.occurrence.map_or(1, |n| n.get() as usize);
            if let Some(at) = distinct.iter().nth(n - 1) {
                self.customers_per_rule[index] += 1;
                let slot = &mut array[rule.stage.index()];
                *slot = Some(slot.map_or(*at, |known: i64| known.min(*at)));
            }
        }
        let keys: BTreeSet<String> = rows.iter().map(|(name, _)| event_key(name)).collect();
        for key in keys {
            self.events.entry(key).or_default().1 += 1;
        }
        for (name, _) in rows {
            self.events.entry(event_key(name)).or_default().0 += 1;
            let matched = rules.as_slice().iter().any(|rule| match &rule.event {
                EventMatch::Any => true,
                EventMatch::Name(wanted) => event_key(name) == event_key(wanted),
            });
            if !matched {
                *self.unmatched.entry(event_key(name)).or_default() += 1;
            }
        }
        StageTimes::from_array(array)
    }
}

#[test]
fn compiled_engine_agrees_with_a_naive_one() {
    let pool =
        ["view", "View", " VIEW ", "cart", "Cart", "order", "ORDER", "refund", "Đánh giá", "đánh GIÁ", "x"];
    let rule_events = ["view", "cart", "order", "review", "*", "đánh giá"];
    let mut rng = fastrand::Rng::with_seed(20_240_301);
    for round in 0..300 {
        let rule_rows: Vec<[String; 3]> = (0..rng.usize(1..=8))
            .map(|_| {
                let event = rule_events[rng.usize(..rule_events.len())].to_owned();
                let occurrence = match rng.u8(0..4) {
                    0 => String::new(),
                    n => n.to_string(),
                };
                [event, occurrence, rng.u8(1..=8).to_string()]
            })
            .collect();
        let rules =
            StageRules::parse_rows(rule_rows.iter().map(|[a, b, c]| [a.as_str(), b.as_str(), c.as_str()]))
                .expect("rules");
        let mut names = EventNames::default();
        let compiled = CompiledRules::new(&rules, &mut names);
        let mut summary = EventLogSummary::default();
        let mut naive = Naive {
            rows_per_rule: vec![0; rule_rows.len()],
            customers_per_rule: vec![0; rule_rows.len()],
            unmatched: BTreeMap::new(),
            events: BTreeMap::new(),
        };
        for customer in 0..20 {
            // Few distinct times, so same-time duplicates are common.
            let rows: Vec<(String, i64)> = (0..rng.usize(0..12))
                .map(|_| (pool[rng.usize(..pool.len())].to_owned(), rng.i64(-3..6) * 1_000))
                .collect();
            let mut events: Vec<_> = rows.iter().map(|(name, at)| (names.intern(name), *at)).collect();
            let got = compiled.stage_times(&mut events, &mut summary);
            assert_eq!(got, naive.stage_times(&rules, &rows), "round {round} customer {customer}: {rows:?}");
        }
        let got_rules: Vec<(u64, u64)> = summary.rule_stats().iter().map(|s| (s.rows, s.customers)).collect();
        let want_rules: Vec<(u64, u64)> =
            naive.rows_per_rule.iter().copied().zip(naive.customers_per_rule.iter().copied()).collect();
        assert_eq!(got_rules, want_rules, "round {round}");
        let got_unmatched: BTreeMap<String, u64> = summary
            .top_unmatched(&names, usize::MAX)
            .into_iter()
            .map(|(name, n)| (event_key(name), n))
            .collect();
        assert_eq!(got_unmatched, naive.unmatched, "round {round}");
        let got_events: BTreeMap<String, (u64, u64)> = summary
            .events_by_rows(&names)
            .into_iter()
            .map(|(_, name, n)| (event_key(name), (n.rows, n.customers)))
            .collect();
        assert_eq!(got_events, naive.events, "round {round}");
    }
}
