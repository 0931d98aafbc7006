//! The Analytics numbers, checked through `Workspace::analytics` on small hand-made
//! workspaces and against an in-memory reference on the demo data.

use std::collections::HashMap;

use chrono::NaiveTime;

use super::*;
use crate::model::CustomerEvent;
use crate::model::date::parse_date_time;
use crate::model::date::to_epoch_seconds;
use crate::model::emotion::{EmotionEntry, Source};
use crate::model::emotion::{EmotionStats, Score};
use crate::model::persona::Persona;
use crate::model::persona::Rgb;
use crate::model::stage::Language;
use crate::model::stage::Stage;
use crate::model::touchpoint::{Channel, Touchpoint};
use crate::store::StoreError;

fn event(customer: &str, persona: &str, stage: u8, at: &str) -> CustomerEvent {
    CustomerEvent {
        customer_id: customer.to_owned(),
        persona: persona.to_owned(),
        stage: Stage::from_number(stage).expect("stage"),
        reached_at: parse_date_time(at).expect("date"),
    }
}

fn workspace(events: Vec<CustomerEvent>) -> Workspace {
    let mut ws = Workspace::open_in_memory().expect("ws");
    ws.import_customer_events(events).expect("import");
    ws
}

fn id(ws: &Workspace, name: &str) -> PersonaId {
    ws.persona_by_name(name).expect("query").expect("persona").id
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn options(persona: Option<PersonaId>, stall_days: u32, limit: usize) -> AnalyticsOptions {
    AnalyticsOptions {
        persona,
        stall_days,
        reference_date: date("2024-06-30"),
        stalled_list_limit: limit,
        version: None,
    }
}

fn share(customers: u64, of: u64) -> Share {
    Share { customers, of }
}

#[test]
fn first_hundred_days_counts_skips_and_the_boundary() {
    let ws = workspace(vec![
        // Kickoff exactly 100 days after the first event (2024 is a leap year): counts.
        event("c1", "Anh", 1, "2024-01-01"),
        event("c1", "Anh", 4, "2024-04-10"),
        // One second later: does not; nor does Accomplishment in May.
        event("c2", "Anh", 1, "2024-01-01"),
        event("c2", "Anh", 4, "2024-04-10T00:00:01"),
        event("c2", "Anh", 6, "2024-05-01"),
        // Skips 2–5 straight to Accomplishment on day 10: counts for both.
        event("c3", "Bình", 1, "2024-02-01"),
        event("c3", "Bình", 6, "2024-02-11"),
        // Starts at Acknowledgment; Acclimation (≥ Kickoff) on day 1.
        event("c4", "Bình", 2, "2024-03-01"),
        event("c4", "Bình", 5, "2024-03-02"),
        // Never gets past Evaluation.
        event("c5", "Anh", 1, "2024-01-01"),
        // Advocacy on day 4: counts for both.
        event("c6", "Anh", 1, "2024-01-01"),
        event("c6", "Anh", 8, "2024-01-05"),
    ]);
    let all = ws.analytics(&options(None, 30, 10)).expect("analytics");
    assert_eq!(all.first_100_days, FirstHundredDays { kickoff: share(4, 6), accomplishment: share(2, 6) });
    assert_eq!(all.first_100_days.kickoff.rate(), Some(4.0 / 6.0));
    let anh = ws.analytics(&options(Some(id(&ws, "Anh")), 30, 10)).expect("analytics");
    assert_eq!(anh.first_100_days, FirstHundredDays { kickoff: share(2, 4), accomplishment: share(1, 4) });
    let binh = ws.analytics(&options(Some(id(&ws, "bình")), 30, 10)).expect("analytics");
    assert_eq!(binh.first_100_days, FirstHundredDays { kickoff: share(2, 2), accomplishment: share(1, 2) });
}

fn stalled_workspace() -> Workspace {
    workspace(vec![
        // 30 days and 1 second before 2024-06-30T00:00: stalled at Evaluation.
        event("s1", "A", 1, "2024-05-30T23:59:59"),
        // Exactly 30 days: not stalled.
        event("s2", "A", 1, "2024-05-31"),
        // Validation on 1 February, 150 days before: stalled.
        event("s3", "A", 1, "2024-01-01"),
        event("s3", "A", 3, "2024-02-01"),
        // At Advocacy: never stalled, however old.
        event("s4", "A", 1, "2024-01-01"),
        event("s4", "A", 8, "2024-01-15"),
        // Yesterday.
        event("s5", "A", 1, "2024-06-29T12:00:00"),
        // Persona B, Kickoff on 10 March, 112 days before: stalled.
        event("s6", "B", 1, "2024-03-01"),
        event("s6", "B", 4, "2024-03-10"),
    ])
}

#[test]
fn stalls_exclude_advocacy_and_respect_the_day_boundary() {
    let ws = stalled_workspace();
    let stalled = ws.analytics(&options(None, 30, 200)).expect("analytics").stalled;
    assert_eq!(stalled.days, 30);
    assert_eq!(stalled.per_stage, [1, 0, 1, 1, 0, 0, 0, 0]);
    assert_eq!(stalled.total, 3);
    let listed: Vec<(&str, Stage, f64)> =
        stalled.customers.iter().map(|c| (c.customer_id.as_str(), c.stage, c.days_since)).collect();
    assert_eq!(
        listed,
        [
            ("s3", Stage::Validation, 150.0),
            ("s6", Stage::Kickoff, 112.0),
            ("s1", Stage::Evaluation, 30.0 + 1.0 / 86_400.0),
        ]
    );
    assert_eq!(
        stalled.customers[0],
        StalledCustomer {
            customer_id: "s3".into(),
            persona: Some("A".into()),
            stage: Stage::Validation,
            last_event: parse_date_time("2024-02-01").expect("date"),
            days_since: 150.0,
        }
    );

    // The list is cut at the limit; the counts are not.
    let short = ws.analytics(&options(None, 30, 2)).expect("analytics").stalled;
    assert_eq!((short.total, short.customers.len()), (3, 2));
    assert_eq!(short.customers[1].customer_id, "s6");
    let none = ws.analytics(&options(None, 30, 0)).expect("analytics").stalled;
    assert_eq!((none.total, none.customers.len()), (3, 0));

    // One persona.
    let b = ws.analytics(&options(Some(id(&ws, "B")), 30, 200)).expect("analytics").stalled;
    assert_eq!((b.per_stage, b.total), ([0, 0, 0, 1, 0, 0, 0, 0], 1));
    assert_eq!(b.customers[0].persona.as_deref(), Some("B"));

    // Zero days: anything before today's midnight, s2 and s5 included.
    let now = ws.analytics(&options(None, 0, 200)).expect("analytics").stalled;
    assert_eq!((now.per_stage, now.total), ([3, 0, 1, 1, 0, 0, 0, 0], 5));
    // 112 days: s3 only (s6 is exactly 112 days old).
    let long = ws.analytics(&options(None, 112, 200)).expect("analytics").stalled;
    assert_eq!((long.per_stage, long.total), ([0, 0, 1, 0, 0, 0, 0, 0], 1));
}

#[test]
fn a_customer_without_persona_is_listed_without_one() {
    let mut ws = stalled_workspace();
    let b = id(&ws, "B");
    ws.delete_persona(b).expect("delete");
    let stalled = ws.analytics(&options(None, 30, 200)).expect("analytics").stalled;
    assert_eq!(stalled.total, 3);
    assert_eq!(stalled.customers[1].customer_id, "s6");
    assert_eq!(stalled.customers[1].persona, None);
}

fn emotion(persona: PersonaId, stage: Stage, score: i64, label: &str, at: Option<&str>) -> EmotionEntry {
    EmotionEntry {
        persona,
        stage,
        score: Score::new(score).expect("score"),
        label: label.to_owned(),
        note: format!("ghi chú {label}"),
        touchpoint: String::new(),
        source: Source::Interview,
        logged_at: at.map(|t| parse_date_time(t).expect("date")),
    }
}

#[test]
fn emotion_curves_per_persona_in_vietnamese_order() {
    let mut ws = Workspace::open_in_memory().expect("ws");
    let binh = ws.create_persona(&Persona { color: Rgb([1, 2, 3]), ..Persona::named("Bình") }).expect("p");
    let duc = ws.create_persona(&Persona::named("Đức")).expect("p");
    let anh = ws.create_persona(&Persona::named("Anh")).expect("p");
    let _silent = ws.create_persona(&Persona::named("Chi")).expect("p");
    for e in [
        emotion(binh, Stage::Validation, -3, "hoài nghi", Some("2024-05-02")),
        emotion(binh, Stage::Validation, -1, "lo lắng", Some("2024-05-01")),
        emotion(binh, Stage::Validation, 2, "nhẹ nhõm", None),
        emotion(binh, Stage::Evaluation, 1, "hy vọng", Some("2024-06-01")),
        emotion(duc, Stage::Advocacy, 5, "nhiệt tình", None),
        emotion(anh, Stage::Kickoff, -2, "bối rối", None),
        emotion(anh, Stage::Kickoff, 4, "phấn khích", None),
    ] {
        ws.add_emotion(&e).expect("add");
    }
    let curves = ws.analytics(&options(None, 30, 10)).expect("analytics").emotion_curves;
    let names: Vec<&str> = curves.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Anh", "Bình", "Đức"], "Chi has no entries");

    let b = &curves[1];
    assert_eq!((b.persona, b.color), (binh, Rgb([1, 2, 3])));
    assert_eq!(
        b.stats[Stage::Validation.index()],
        EmotionStats { entries: 3, mean: Some(-2.0 / 3.0), min: Some(-3), max: Some(2) }
    );
    assert_eq!(
        b.stats[Stage::Evaluation.index()],
        EmotionStats { entries: 1, mean: Some(1.0), min: Some(1), max: Some(1) }
    );
    assert_eq!(b.stats[Stage::Kickoff.index()], EmotionStats::default());
    // By stage, then oldest first, undated last.
    let points: Vec<(Stage, i8, &str)> =
        b.points.iter().map(|p| (p.stage, p.score.get(), p.label.as_str())).collect();
    assert_eq!(
        points,
        [
            (Stage::Evaluation, 1, "hy vọng"),
            (Stage::Validation, -1, "lo lắng"),
            (Stage::Validation, -3, "hoài nghi"),
            (Stage::Validation, 2, "nhẹ nhõm"),
        ]
    );
    assert_eq!(b.points[0].note, "ghi chú hy vọng");
    assert_eq!(curves[0].stats[Stage::Kickoff.index()].mean, Some(1.0));
    assert_eq!(curves[0].points.len(), 2);

    // The SQL statistics equal the in-memory reference.
    for curve in &curves {
        for stage in Stage::ALL {
            let scores = curve.points.iter().filter(|p| p.stage == stage).map(|p| p.score);
            assert_eq!(curve.stats[stage.index()], EmotionStats::from_scores(scores));
        }
    }

    let only = ws.analytics(&options(Some(binh), 30, 10)).expect("analytics").emotion_curves;
    assert_eq!(only, vec![curves[1].clone()]);
    let chi = id(&ws, "Chi");
    assert_eq!(ws.analytics(&options(Some(chi), 30, 10)).expect("analytics").emotion_curves, vec![]);
}

#[test]
fn report_is_report_for_and_findings_use_it() {
    let mut ws = workspace(vec![
        event("1", "Hằng", 1, "2024-03-01"),
        event("1", "Hằng", 2, "2024-03-03"),
        event("1", "Hằng", 3, "2024-03-04"),
        event("2", "Khoa", 1, "2024-03-01"),
        event("2", "Khoa", 2, "2024-03-02"),
        event("3", "Khoa", 1, "2024-03-05"),
    ]);
    let hang = id(&ws, "Hằng");
    let khoa = id(&ws, "Khoa");
    ws.add_emotion(&emotion(hang, Stage::Validation, -4, "hối tiếc sau mua", None)).expect("add");
    ws.add_emotion(&emotion(khoa, Stage::Acknowledgment, 3, "phấn khích", None)).expect("add");
    for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::Kickoff) {
        let version = ws.first_version().expect("version");
        let t =
            Touchpoint { version, persona: khoa, stage, channel: Channel::Email, description: String::new() };
        ws.add_touchpoint(&t).expect("touchpoint");
    }
    for persona in [None, Some(hang), Some(khoa)] {
        let analytics = ws.analytics(&options(persona, 30, 10)).expect("analytics");
        assert_eq!(analytics.report, ws.report_for(persona).expect("report"));
    }

    let all = ws.analytics(&options(None, 30, 10)).expect("analytics");
    // Reached: 3, 2, 1, 0 …: Validation → Kickoff loses 1 of 1 (100 %), the worst step,
    // and Validation's mean emotion is -4: a leak that meets a low.
    // All three customers last moved in March: stalled at Evaluation (1),
    // Acknowledgment (1) and Validation (1); the tie goes to Evaluation.
    let texts: Vec<String> = all.findings.iter().map(|f| f.text(Language::English)).collect();
    assert_eq!(
        texts,
        [
            "The biggest drop-off is Validation → Kickoff: 100.0 % of customers who reached Validation (1 of 1) went no further.",
            "Where customers leave most, they also feel worse than expected: the mean emotion at Validation is -4.0 (expected -2), and 100.0 % of those who reach it go no further. Start there.",
            "1 customer has been stalled at Evaluation for more than 30 days (3 stalled across all stages).",
            "Validation has the lowest mean emotion (-4.0) for persona Hằng, below the expected level (-2).",
            "Acknowledgment has the lowest mean emotion (+3.0) for persona Khoa, below the expected level (+4).",
            "In their first 100 days, 0.0 % of customers (0 of 3) reached Kickoff.",
            "In their first 100 days, 0.0 % of customers (0 of 3) reached Accomplishment.",
            "Persona Hằng has no touchpoints yet.",
            "Persona Khoa has no touchpoint at Kickoff.",
        ]
    );
    let khoa_only = ws.analytics(&options(Some(khoa), 30, 10)).expect("analytics");
    assert!(khoa_only.findings.iter().all(|f| !f.text(Language::English).contains("Hằng")));
    assert!(
        khoa_only
            .findings
            .contains(&Finding::TouchpointGaps { persona: "Khoa".into(), stages: vec![Stage::Kickoff] })
    );

    let missing = PersonaId(999);
    assert!(matches!(ws.analytics(&options(Some(missing), 30, 10)), Err(StoreError::NotFound(999))));
}

#[test]
fn an_empty_workspace_has_no_findings() {
    let ws = Workspace::open_in_memory().expect("ws");
    let analytics = ws.analytics(&AnalyticsOptions::default()).expect("analytics");
    assert_eq!(analytics.report, ws.report_for(None).expect("report"));
    assert_eq!(
        analytics.first_100_days,
        FirstHundredDays { kickoff: share(0, 0), accomplishment: share(0, 0) }
    );
    assert_eq!(analytics.stalled, Stalled { days: 30, ..Stalled::default() });
    assert!(analytics.emotion_curves.is_empty());
    assert!(analytics.findings.is_empty());
    let defaults = AnalyticsOptions::default();
    assert_eq!((defaults.persona, defaults.stall_days, defaults.stalled_list_limit), (None, 30, 200));
}

/// The SQL numbers equal a straightforward computation over the demo's events.
#[test]
fn sql_matches_an_in_memory_reference_on_demo_data() {
    let today = date("2024-06-30");
    let events = crate::store::demo_customer_events(1500, 7, today);
    let mut ws = Workspace::open_in_memory().expect("ws");
    ws.import_customer_events(events.clone()).expect("import");

    struct Customer {
        persona: String,
        first: i64,
        last: i64,
        furthest: Stage,
        at: [Option<i64>; 8],
    }
    let mut customers: HashMap<&str, Customer> = HashMap::new();
    for e in &events {
        let t = to_epoch_seconds(e.reached_at);
        let c = customers.entry(&e.customer_id).or_insert(Customer {
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
    let window = i64::from(FIRST_DAYS) * 86_400;
    let reference = to_epoch_seconds(today.and_time(NaiveTime::MIN));
    let mut personas: Vec<Option<String>> = customers.values().map(|c| Some(c.persona.clone())).collect();
    personas.sort();
    personas.dedup();
    personas.push(None);
    for persona in personas {
        let scope: Vec<&Customer> =
            customers.values().filter(|c| persona.as_ref().is_none_or(|p| *p == c.persona)).collect();
        let within = |stage: Stage| {
            let n = scope
                .iter()
                .filter(|c| c.at[stage.index()..].iter().flatten().any(|t| t - c.first <= window))
                .count();
            Share { customers: n as u64, of: scope.len() as u64 }
        };
        let mut per_stage = [0; 8];
        let mut stale_lasts = Vec::new();
        for c in &scope {
            if c.furthest != Stage::Advocacy && c.last < reference - 21 * 86_400 {
                per_stage[c.furthest.index()] += 1;
                stale_lasts.push(c.last);
            }
        }
        stale_lasts.sort_unstable();
        stale_lasts.truncate(50);
        let pid = persona.as_ref().map(|p| id(&ws, p));
        let analytics = ws.analytics(&options(pid, 21, 50)).expect("analytics");
        assert_eq!(
            analytics.first_100_days,
            FirstHundredDays {
                kickoff: within(Stage::Kickoff),
                accomplishment: within(Stage::Accomplishment)
            },
            "{persona:?}"
        );
        assert_eq!(analytics.stalled.per_stage, per_stage, "{persona:?}");
        assert_eq!(analytics.stalled.total, per_stage.iter().sum::<u64>());
        let stale = &analytics.stalled.customers;
        assert_eq!(stale.len(), 50.min(per_stage.iter().sum::<u64>() as usize));
        let listed: Vec<i64> = stale.iter().map(|c| to_epoch_seconds(c.last_event)).collect();
        assert_eq!(listed, stale_lasts, "the most stale first");
        assert!(stale.iter().all(|c| c.stage != Stage::Advocacy && c.days_since > 21.0));
    }
}
