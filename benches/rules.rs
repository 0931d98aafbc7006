//! The pure parts of "bring your own data" on a million rows: event-time parsing and the
//! stage-rule engine. Run in release: `cargo bench --bench rules`.
//!
//! The store's events import (and its comparison with sqlite3's `.import`) builds on
//! these; here they are measured alone, without CSV reading or SQLite.

use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::ItemsCount;
use fanpath::model::date::{from_epoch_seconds, parse_event_time};
use fanpath::model::{CompiledRules, EventId, EventLogSummary, EventNames, StageRules};

fn main() {
    divan::main();
}

const ROWS: usize = 1_000_000;
const CUSTOMERS: usize = 250_000;
const EVENTS: [&str; 12] = [
    "visit",
    "signup",
    "order",
    "Order",
    "review",
    "onboarding",
    "referral",
    "search",
    "cart",
    "wishlist",
    "support",
    "logout",
];

/// Eight rules over the twelve events, as a shop would write them.
fn rules() -> StageRules {
    let rows: [[&str; 3]; 8] = [
        ["visit", "", "1"],
        ["signup", "", "2"],
        ["order", "", "2"],
        ["review", "", "3"],
        ["onboarding", "", "4"],
        ["order", "2", "5"],
        ["order", "3", "7"],
        ["referral", "", "8"],
    ];
    StageRules::parse_rows(rows.iter().copied()).unwrap_or_else(|err| panic!("bench rules: {err}"))
}

/// A million `(customer, event, time)` rows, a fixed seed.
static LOG: LazyLock<Vec<(usize, &'static str, i64)>> = LazyLock::new(|| {
    let mut rng = fastrand::Rng::with_seed(1);
    (0..ROWS)
        .map(|_| {
            (rng.usize(..CUSTOMERS), EVENTS[rng.usize(..EVENTS.len())], rng.i64(1_600_000_000..1_700_000_000))
        })
        .collect()
});

/// A million event times in the three shapes exports use most.
static TIMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut rng = fastrand::Rng::with_seed(2);
    (0..ROWS)
        .map(|i| {
            let t = from_epoch_seconds(rng.i64(1_600_000_000..1_700_000_000));
            match i % 3 {
                0 => t.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                1 => t.format("%Y-%m-%d %H:%M:%S +0700").to_string(),
                _ => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            }
        })
        .collect()
});

/// Intern, group by customer and run the rules: the whole engine on a million rows.
#[divan::bench(sample_count = 5)]
fn rule_engine_million_rows(bencher: Bencher) {
    let rules = rules();
    let log = &*LOG;
    bencher.counter(ItemsCount::new(ROWS)).bench(|| {
        let mut names = EventNames::default();
        let compiled = CompiledRules::new(&rules, &mut names);
        let mut interned: Vec<(usize, EventId, i64)> =
            log.iter().map(|(customer, name, at)| (*customer, names.intern(name), *at)).collect();
        interned.sort_unstable_by_key(|row| row.0);
        let mut summary = EventLogSummary::default();
        let mut events = Vec::new();
        let mut reached = [0_u64; 8];
        for customer in interned.chunk_by(|a, b| a.0 == b.0) {
            events.clear();
            events.extend(customer.iter().map(|row| (row.1, row.2)));
            for (stage, _) in compiled.stage_times(&mut events, &mut summary).iter() {
                reached[stage.index()] += 1;
            }
        }
        assert_eq!(summary.rows, ROWS as u64);
        reached
    });
}

/// `parse_event_time` on a million times (with and without a zone).
#[divan::bench(sample_count = 5)]
fn parse_event_time_million(bencher: Bencher) {
    let times = &*TIMES;
    bencher
        .counter(ItemsCount::new(ROWS))
        .bench(|| times.iter().map(|text| parse_event_time(text).unwrap_or(0)).sum::<i64>());
}

/// chrono's format parser on the same times, the yardstick the fast path is measured against.
#[divan::bench(sample_count = 5)]
fn chrono_format_parser_million(bencher: Bencher) {
    let times = &*TIMES;
    bencher.counter(ItemsCount::new(ROWS)).bench(|| {
        times
            .iter()
            .map(|text| {
                chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%#z")
                    .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z"))
                    .map(|t| t.timestamp())
                    .or_else(|_| {
                        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S")
                            .map(|t| t.and_utc().timestamp())
                    })
                    .unwrap_or(0)
            })
            .sum::<i64>()
    });
}
