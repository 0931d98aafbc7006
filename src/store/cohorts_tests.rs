//! Date ranges and cohorts through the store, checked against a plain computation over the
//! same events written here.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate, NaiveTime};

use super::*;
use crate::model::CustomerEvent;
use crate::model::cohort::Cohort;
use crate::model::date::parse_date_time;
use crate::model::emotion::{EmotionEntry, Score, Source};
use crate::model::persona::Persona;
use crate::store::analytics::AnalyticsOptions;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn range(from: Option<&str>, to: Option<&str>) -> DateRange {
    DateRange { from: from.map(day), to: to.map(day) }
}

/// One customer as the test sees it: persona, first event, furthest stage, and the time of
/// each stage reached (seconds).
struct Customer {
    persona: String,
    first: i64,
    last: i64,
    furthest: Stage,
    at: [Option<i64>; 8],
}

fn customers_of(events: &[CustomerEvent]) -> HashMap<String, Customer> {
    let mut customers: HashMap<String, Customer> = HashMap::new();
    for e in events {
        let t = to_epoch_seconds(e.reached_at);
        let c = customers.entry(e.customer_id.clone()).or_insert(Customer {
            persona: e.persona.clone(),
            first: t,
            last: t,
            furthest: e.stage,
            at: [None; 8],
        });
        c.first = c.first.min(t);
        c.furthest = c.furthest.max(e.stage);
        let slot = &mut c.at[e.stage.index()];
        *slot = Some(slot.map_or(t, |old| old.min(t)));
        c.last = c.at.iter().flatten().copied().max().unwrap_or(t);
    }
    customers
}

/// The first day of the month or of the Monday-to-Sunday week, written out again here
/// (not `period_start`), so the store is checked against something it does not call.
fn expected_start(first: NaiveDate, period: CohortPeriod) -> NaiveDate {
    match period {
        CohortPeriod::Month => NaiveDate::from_ymd_opt(first.year(), first.month(), 1).expect("day 1"),
        CohortPeriod::Week => {
            first - chrono::Duration::days(i64::from(first.weekday().number_from_monday()) - 1)
        }
    }
}

fn in_range(range: &DateRange, seconds: i64) -> bool {
    let start = |d: NaiveDate| to_epoch_seconds(d.and_time(NaiveTime::MIN));
    range.from.is_none_or(|f| seconds >= start(f)) && range.to.is_none_or(|t| seconds < start(t))
}

fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

#[test]
fn ranges_and_cohorts_match_a_plain_computation_on_demo_data() {
    let today = day("2024-06-30");
    let events = crate::store::demo_customer_events(1200, 11, today);
    let mut ws = Workspace::open_in_memory().expect("ws");
    ws.import_customer_events(events.clone()).expect("import");
    let customers = customers_of(&events);
    let firsts: Vec<NaiveDate> = customers.values().map(|c| epoch_day(c.first)).collect();
    let (earliest, latest) =
        (firsts.iter().min().copied().expect("some"), firsts.iter().max().copied().expect("some"));
    let middle = earliest + (latest - earliest) / 2;
    let ranges = [
        DateRange::ALL,
        DateRange { from: Some(middle), to: None },
        DateRange { from: None, to: Some(middle) },
        DateRange { from: Some(earliest + chrono::Duration::days(20)), to: Some(middle) },
        // Nobody started after the last first event.
        DateRange { from: Some(latest + chrono::Duration::days(1)), to: None },
    ];
    let mut personas: Vec<Option<String>> = customers.values().map(|c| Some(c.persona.clone())).collect();
    personas.sort();
    personas.dedup();
    personas.truncate(2);
    personas.push(None);
    let mut checked_nonempty = 0;
    for range in ranges {
        for persona in &personas {
            let scope: Vec<&Customer> = customers
                .values()
                .filter(|c| persona.as_ref().is_none_or(|p| *p == c.persona) && in_range(&range, c.first))
                .collect();
            let pid = persona.as_ref().map(|p| ws.persona_by_name(p).expect("query").expect("persona").id);
            let context = format!("{range:?} {persona:?}");

            // The funnel: customers reaching each stage (a furthest stage at least that far).
            let report = ws.report_in(pid, &range).expect("report");
            let reached: [u64; 8] =
                Stage::ALL.map(|s| scope.iter().filter(|c| c.furthest >= s).count() as u64);
            assert_eq!(report.funnel.reached, reached, "{context}");
            assert_eq!(report.range, range);
            // Median days from the first event, over the events of the customers in range.
            let medians = Stage::ALL.map(|s| {
                median(
                    scope
                        .iter()
                        .filter_map(|c| c.at[s.index()].map(|t| (t - c.first) as f64 / 86_400.0))
                        .collect(),
                )
            });
            assert_eq!(report.funnel.median_days_from_start, medians, "{context}");

            // The cohorts, both ways of cutting them.
            for period in CohortPeriod::ALL {
                let mut expected: BTreeMap<NaiveDate, Cohort> = BTreeMap::new();
                for c in &scope {
                    let start = expected_start(epoch_day(c.first), period);
                    let cohort =
                        expected.entry(start).or_insert(Cohort { start, customers: 0, reached: [0; 8] });
                    cohort.customers += 1;
                    for s in Stage::ALL.into_iter().filter(|s| *s <= c.furthest) {
                        cohort.reached[s.index()] += 1;
                    }
                }
                let table = ws.cohort_table(pid, &range, period).expect("cohorts");
                assert_eq!(table.period, period);
                assert_eq!(table.cohorts, expected.into_values().collect::<Vec<_>>(), "{context} {period}");
            }

            // The Analytics view: the same funnel, and stalls among the same customers.
            let options = AnalyticsOptions {
                persona: pid,
                stall_days: 21,
                reference_date: today,
                stalled_list_limit: 10,
                range,
                cohort_period: CohortPeriod::Week,
                version: None,
                launch: None,
            };
            let analytics = ws.analytics(&options).expect("analytics");
            assert_eq!(analytics.report.funnel, report.funnel, "{context}");
            let cutoff = to_epoch_seconds(today.and_time(NaiveTime::MIN)) - 21 * 86_400;
            let stalled: u64 =
                scope.iter().filter(|c| c.furthest != Stage::Advocacy && c.last < cutoff).count() as u64;
            assert_eq!(analytics.stalled.total, stalled, "{context}");
            let window = 100 * 86_400;
            let kickoff = scope
                .iter()
                .filter(|c| c.at[Stage::Kickoff.index()..].iter().flatten().any(|t| t - c.first <= window))
                .count() as u64;
            assert_eq!(analytics.first_100_days.kickoff.customers, kickoff, "{context}");
            assert_eq!(analytics.first_100_days.kickoff.of, scope.len() as u64, "{context}");
            assert_eq!(analytics.cohorts, ws.cohort_table(pid, &range, CohortPeriod::Week).expect("cohorts"));
            if !scope.is_empty() {
                checked_nonempty += 1;
            }
        }
    }
    // The ranges above split the demo's customers; most combinations hold some.
    assert!(checked_nonempty >= 9, "{checked_nonempty}");
}

#[test]
fn emotions_count_by_logged_at_and_undated_ones_only_without_a_range() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let anh = ws.create_persona(&Persona::named("Anh")).expect("persona");
    let entry = |score: i64, at: Option<&str>| EmotionEntry {
        persona: anh,
        stage: Stage::Evaluation,
        score: Score::new(score).expect("score"),
        label: String::new(),
        note: String::new(),
        touchpoint: String::new(),
        source: Source::Survey,
        logged_at: at.map(|t| parse_date_time(t).expect("date")),
    };
    for e in [
        entry(-3, Some("2024-02-29T23:59:59")),
        entry(2, Some("2024-03-01T00:00:00")),
        entry(4, Some("2024-03-31T23:59:59")),
        entry(-1, Some("2024-04-01T00:00:00")),
        entry(5, None),
    ] {
        ws.add_emotion(&e).expect("add");
    }
    let stats = |r: DateRange| ws.emotion_stats_in(None, &r).expect("stats")[Stage::Evaluation.index()];
    let all = stats(DateRange::ALL);
    assert_eq!((all.entries, all.min, all.max), (5, Some(-3), Some(5)));
    let march = stats(range(Some("2024-03-01"), Some("2024-04-01")));
    assert_eq!((march.entries, march.mean, march.min, march.max), (2, Some(3.0), Some(2), Some(4)));
    let from_march = stats(range(Some("2024-03-01"), None));
    assert_eq!((from_march.entries, from_march.min, from_march.max), (3, Some(-1), Some(4)));
    let before_march = stats(range(None, Some("2024-03-01")));
    assert_eq!((before_march.entries, before_march.mean), (1, Some(-3.0)));
    // The report and the emotion curve take the same entries.
    let report = ws.report_in(None, &range(Some("2024-03-01"), Some("2024-04-01"))).expect("report");
    assert_eq!(report.emotions[Stage::Evaluation.index()], march);
    let curves = ws
        .analytics(&AnalyticsOptions {
            range: range(Some("2024-03-01"), Some("2024-04-01")),
            ..AnalyticsOptions::default()
        })
        .expect("analytics")
        .emotion_curves;
    assert_eq!(curves.len(), 1);
    assert_eq!(curves[0].points.iter().map(|p| p.score.get()).collect::<Vec<_>>(), [2, 4]);
}

#[test]
fn a_customer_on_the_boundary_day_is_in_the_range_that_starts_there() {
    let event = |id: &str, stage: u8, at: &str| CustomerEvent {
        customer_id: id.to_owned(),
        persona: "Anh".to_owned(),
        stage: Stage::from_number(stage).expect("stage"),
        reached_at: parse_date_time(at).expect("date"),
    };
    let mut ws = Workspace::open_in_memory().expect("ws");
    ws.import_customer_events([
        event("a", 1, "2024-02-29T23:59:59"),
        event("a", 3, "2024-03-02"),
        event("b", 1, "2024-03-01T00:00:00"),
        event("c", 2, "2024-03-31T23:59:59"),
        event("d", 1, "2024-04-01"),
    ])
    .expect("import");
    let march = range(Some("2024-03-01"), Some("2024-04-01"));
    assert_eq!(ws.report_in(None, &march).expect("report").customers(), 2);
    let table = ws.cohort_table(None, &DateRange::ALL, CohortPeriod::Month).expect("cohorts");
    assert_eq!(
        table.cohorts,
        [
            Cohort { start: day("2024-02-01"), customers: 1, reached: [1, 1, 1, 0, 0, 0, 0, 0] },
            Cohort { start: day("2024-03-01"), customers: 2, reached: [2, 1, 0, 0, 0, 0, 0, 0] },
            Cohort { start: day("2024-04-01"), customers: 1, reached: [1, 0, 0, 0, 0, 0, 0, 0] },
        ]
    );
    // 2024-02-26 is a Monday: a and b start the same week, c and d later ones.
    let weeks = ws.cohort_table(None, &DateRange::ALL, CohortPeriod::Week).expect("cohorts");
    let starts: Vec<(NaiveDate, u64)> = weeks.cohorts.iter().map(|c| (c.start, c.customers)).collect();
    assert_eq!(starts, [(day("2024-02-26"), 2), (day("2024-03-25"), 1), (day("2024-04-01"), 1)]);
}

/// `report` opens files read-only without upgrading them, so a file from before the
/// first-event index must still give cohorts and the launch comparison (the queries name
/// the index only where it exists), and the same numbers.
#[test]
fn files_without_the_first_event_index_still_answer() {
    use crate::model::launch::LaunchWindow;
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("old.sqlite");
    let today = day("2024-06-30");
    let window = LaunchWindow { launch: day("2024-01-01"), window_days: 60, today };
    let (cohorts, launch) = {
        let mut ws = Workspace::open(&path).expect("ws");
        ws.import_customer_events(crate::store::demo_customer_events(600, 5, today)).expect("import");
        let answers = (
            ws.cohort_table(None, &DateRange::ALL, CohortPeriod::Month).expect("cohorts"),
            ws.launch_comparison(window, None).expect("launch"),
        );
        ws.conn().execute_batch("DROP INDEX customers_by_first").expect("drop");
        answers
    };
    let old = Workspace::open_read_only(&path).expect("read only");
    assert_eq!(old.cohort_table(None, &DateRange::ALL, CohortPeriod::Month).expect("cohorts"), cohorts);
    assert_eq!(old.launch_comparison(window, None).expect("launch"), launch);
    assert!(cohorts.cohorts.iter().map(|c| c.customers).sum::<u64>() > 0);
}
