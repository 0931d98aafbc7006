//! A deterministic fuzz test of every import: thousands of mutated files (byte flips,
//! truncations, stray quotes, NULs, invalid UTF-8, huge fields) go through each import on a
//! workspace file that already holds data. None may panic, and an import that fails must
//! leave every table exactly as it was.

#[path = "common/tables.rs"]
mod tables;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use chrono::NaiveDate;
use fanpath::store::{
    DemoOptions, EventColumn, EventLogColumns, ImportKind, ImportOptions, PersonaSource, Workspace,
    read_event_log_bytes, read_stage_rules_bytes,
};
use tables::dump;

/// Inputs per import: together well over 10,000, yet the test runs in seconds.
const INPUTS_PER_IMPORT: usize = 6_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

/// One random change to `bytes`.
fn mutate(rng: &mut fastrand::Rng, bytes: &mut Vec<u8>) {
    let at = if bytes.is_empty() { 0 } else { rng.usize(0..=bytes.len()) };
    match rng.u8(0..10) {
        0 if !bytes.is_empty() => {
            let i = rng.usize(0..bytes.len());
            bytes[i] ^= 1 << rng.u8(0..8);
        }
        1 => bytes.truncate(at),
        2 => bytes.insert(at, b'"'),
        3 => bytes.insert(at, 0),
        4 => {
            let bad: &[u8] =
                rng.choice([&[0xFF_u8][..], &[0xC3], &[0xE2, 0x82], &[0xED, 0xA0, 0x80]]).expect("one");
            bytes.splice(at..at, bad.iter().copied());
        }
        5 => {
            let huge = vec![*rng.choice(b"x9-\",;\n ".iter()).expect("one"); rng.usize(100..3_000)];
            bytes.splice(at..at, huge);
        }
        6 => bytes.insert(at, *rng.choice(b",;\n\r\t\x1b".iter()).expect("one")),
        7 if !bytes.is_empty() => {
            let end = (at + rng.usize(1..20)).min(bytes.len());
            bytes.drain(at.min(end)..end);
        }
        8 => {
            // A line repeated, or moved: duplicates and out-of-order rows.
            let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |i| at + i + 1);
            let line = bytes[start..end].to_vec();
            let to = rng.usize(0..=bytes.len());
            bytes.splice(to..to, line);
        }
        _ => {
            let text = rng
                .choice([
                    "+-1",
                    "-0001-01-01",
                    "01/01/24",
                    "9999-99-99",
                    "\u{200b}",
                    "e\u{301}",
                    "\"\"",
                    "NaN",
                ])
                .expect("one");
            bytes.splice(at..at, text.bytes());
        }
    }
}

/// Valid files of `kind` naming the workspace's personas, to mutate.
fn seeds(kind: ImportKind, personas: &[String]) -> Vec<Vec<u8>> {
    let (a, b) = (&personas[0], &personas[personas.len() - 1]);
    let text = match kind {
        ImportKind::Customers => vec![
            format!(
                "customer_id,persona,stage,reached_at\nc-1,{a},awareness,2024-01-02\nc-1,{a},consideration,2024-01-05 10:30\nc-2,\"{b}\",purchase,2024-03-01T08:00:00\n"
            ),
            format!(
                "customer_id;persona;stage;reached_at\r\nz9;{b};retention;02/03/2024\r\nz9;{b};advocacy;2024-04-04\r\n"
            ),
        ],
        ImportKind::Emotions => vec![
            format!(
                "persona,stage,score,label,note,touchpoint,source,logged_at\n{a},awareness,2,Happy,\"a \"\"quoted\"\" note\",Web,interview,2024-01-02\n{b},purchase,-3,Angry,,,survey,\n"
            ),
            format!("persona,stage,score\n{a},loyalty,+1\n{b},onboarding,0\n"),
        ],
        ImportKind::Opportunities => vec![
            format!(
                "title,stage,persona,status,value,effort,owner,evidence,note,created\nWelcome call,kickoff,{a},planned,5,2,Linh,\"three \"\"lost\"\" customers\",,2024-01-02\n\"Loyalty, card\",8,,in progress,3,4,,,\"two\nlines\",\n"
            ),
            format!("title;stage;persona\r\nMenu board;Evaluation;\"{b}\"\r\nGift;2;\r\n"),
        ],
    };
    text.into_iter().map(String::into_bytes).collect()
}

/// Runs `INPUTS_PER_IMPORT` mutated files of `kind` through the import of a demo workspace.
fn fuzz(kind: ImportKind, seed: u64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fuzz.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    ws.write_demo(&DemoOptions { customers: 12, seed: 7, ..DemoOptions::new(today()) }).expect("demo");
    let personas: Vec<String> =
        ws.personas().expect("personas").into_iter().map(|p| p.persona.name).collect();
    let seeds = seeds(kind, &personas);
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut before = dump(&path);
    let mut panics = Vec::new();
    let mut failures = 0;
    for n in 0..INPUTS_PER_IMPORT {
        let mut input = rng.choice(&seeds).expect("a seed").clone();
        for _ in 0..rng.usize(1..=4) {
            mutate(&mut rng, &mut input);
        }
        let skip_invalid = rng.u8(0..4) == 0;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            ws.import_csv_from(
                kind,
                input.as_slice(),
                Path::new("fuzz.csv"),
                ImportOptions { skip_invalid, ..ImportOptions::default() },
                &mut |_| {},
            )
        }));
        match outcome {
            Err(_) => panics.push(format!("input {n}: {:?}", String::from_utf8_lossy(&input))),
            Ok(Err(err)) => {
                failures += 1;
                let after = dump(&path);
                assert!(
                    before == after,
                    "{kind:?} input {n} failed ({err}) yet changed the workspace: {:?}",
                    String::from_utf8_lossy(&input)
                );
            }
            Ok(Ok(_)) => before = dump(&path),
        }
    }
    assert!(panics.is_empty(), "{kind:?}: {} inputs panicked:\n{}", panics.len(), panics.join("\n"));
    // The mutations must reach both outcomes, or the test proves little.
    assert!(failures > INPUTS_PER_IMPORT / 10, "{kind:?}: only {failures} inputs failed");
    assert!(failures < INPUTS_PER_IMPORT, "{kind:?}: every input failed");
}

#[test]
fn mutated_customer_files_never_panic_and_failures_change_nothing() {
    fuzz(ImportKind::Customers, 0x5eed_0001);
}

#[test]
fn mutated_emotion_files_never_panic_and_failures_change_nothing() {
    fuzz(ImportKind::Emotions, 0x5eed_0002);
}

#[test]
fn mutated_opportunity_files_never_panic_and_failures_change_nothing() {
    fuzz(ImportKind::Opportunities, 0x5eed_0003);
}

/// Mutated portable workspace files through `import_workspace_file` (replacing a workspace
/// that holds data): none may panic, and a refused file leaves every table as it was.
#[test]
fn mutated_workspace_files_never_panic_and_failures_change_nothing() {
    const INPUTS: usize = 1_500;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fuzz.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    ws.write_demo(&DemoOptions { customers: 4, seed: 3, ..DemoOptions::new(today()) }).expect("demo");
    let exported = dir.path().join("seed.json");
    ws.export_workspace_file(&exported).expect("export");
    let seed = std::fs::read(&exported).expect("read");
    let input_path = dir.path().join("input.json");
    let mut rng = fastrand::Rng::with_seed(0x5eed_0003);
    let mut before = dump(&path);
    let (mut panics, mut failures) = (Vec::new(), 0);
    for n in 0..INPUTS {
        let mut input = seed.clone();
        for _ in 0..rng.usize(1..=3) {
            mutate(&mut rng, &mut input);
        }
        std::fs::write(&input_path, &input).expect("write input");
        match catch_unwind(AssertUnwindSafe(|| ws.import_workspace_file(&input_path, true))) {
            Err(_) => panics.push(format!("input {n}: {:?}", String::from_utf8_lossy(&input))),
            Ok(Err(err)) => {
                failures += 1;
                assert!(
                    before == dump(&path),
                    "workspace file input {n} failed ({err}) yet changed the workspace"
                );
            }
            Ok(Ok(_)) => before = dump(&path),
        }
    }
    assert!(panics.is_empty(), "{} workspace files panicked:\n{}", panics.len(), panics.join("\n"));
    assert!(failures > INPUTS / 10 && failures < INPUTS, "{failures} of {INPUTS} failed");
}

/// Mutated event logs (with and without a persona column, an order export without an event
/// column) through `read_event_log_bytes` and `import_event_log` on a workspace with data:
/// none may panic, and a refused log leaves every table as it was.
#[test]
fn mutated_event_logs_never_panic_and_failures_change_nothing() {
    const INPUTS: usize = 3_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fuzz.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    ws.write_demo(&DemoOptions { customers: 12, seed: 7, ..DemoOptions::new(today()) }).expect("demo");
    let rules = read_stage_rules_bytes(
        b"event,occurrence,stage\nview,,1\norder,,4\norder,2,5\n*,3,adoption\n",
        Path::new("rules.csv"),
    )
    .expect("rules");
    let web =
        EventLogColumns { persona: PersonaSource::Column("segment".into()), ..EventLogColumns::default() };
    let orders = EventLogColumns {
        customer: "Customer".into(),
        event: EventColumn::EveryRowIs("order".into()),
        time: "date".into(),
        persona: PersonaSource::Fixed("Khách lẻ".into()),
    };
    let seeds: [(&[u8], &EventLogColumns); 2] = [
        (
            b"customer_id,event,timestamp,segment\nu1,view,2024-03-01T08:00:00Z,A\nu1,Order,2024-03-02 08:00:00 +0700,\nu2,\"view\",20240305,B\nu1,order,01/04/2024,A\n",
            &web,
        ),
        (b"Customer;date;amount\r\nKH1;2024-03-01;10\r\nKH1;2024-03-01;5\r\nKH2;2024-03-04;7\r\n", &orders),
    ];
    let mut rng = fastrand::Rng::with_seed(0x5eed_0004);
    let mut before = dump(&path);
    let (mut panics, mut failures) = (Vec::new(), 0);
    for n in 0..INPUTS {
        let (seed, columns) = *rng.choice(&seeds).expect("a seed");
        let mut input = seed.to_vec();
        for _ in 0..rng.usize(1..=4) {
            mutate(&mut rng, &mut input);
        }
        let options = ImportOptions { skip_invalid: rng.u8(0..4) == 0, ..ImportOptions::default() };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let log = read_event_log_bytes(&input, Path::new("fuzz.csv"), columns, &options, &mut |_| {})?;
            ws.import_event_log(&log, Some(&rules), &options, &mut |_| {})
        }));
        match outcome {
            Err(_) => panics.push(format!("input {n}: {:?}", String::from_utf8_lossy(&input))),
            Ok(Err(err)) => {
                failures += 1;
                assert!(
                    before == dump(&path),
                    "event log input {n} failed ({err}) yet changed the workspace"
                );
            }
            Ok(Ok(_)) => before = dump(&path),
        }
    }
    assert!(panics.is_empty(), "{} event logs panicked:\n{}", panics.len(), panics.join("\n"));
    assert!(failures > INPUTS / 10 && failures < INPUTS, "{failures} of {INPUTS} failed");
}
