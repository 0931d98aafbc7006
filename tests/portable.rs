//! The portable workspace file: a round trip gives an equal workspace (every table, row by
//! row), the file has the documented shape, and a bad, foreign or newer file is refused
//! with the workspace unchanged.

#[path = "common/tables.rs"]
mod tables;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fanpath::model::PersonaId;
use fanpath::store::{DemoOptions, StoreError, Workspace};
use serde_json::Value;
use tables::{dump, row_counts};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

/// A demo workspace (avatars, emotions with and without dates, touchpoints, customers),
/// plus customers whose persona was deleted (a NULL persona) and a persona with no avatar
/// and no stage.
fn demo_workspace(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut ws = Workspace::open(&path).expect("open");
    ws.write_demo(&DemoOptions { customers: 400, ..DemoOptions::new(today()) }).expect("demo");
    let last = ws.personas().expect("personas").last().expect("a persona").id;
    ws.delete_persona(last).expect("delete");
    let first = ws.personas().expect("personas")[0].clone();
    let mut bare = first.persona.clone();
    bare.name = "Khách \"lẻ\" 😀".to_owned();
    bare.avatar_png = None;
    bare.stage = None;
    ws.in_test_create_persona(&bare);
    path
}

trait CreatePersona {
    fn in_test_create_persona(&mut self, persona: &fanpath::model::Persona);
}

impl CreatePersona for Workspace {
    fn in_test_create_persona(&mut self, persona: &fanpath::model::Persona) {
        let edit = fanpath::store::edit::Edit::CreatePersona(Box::new(persona.clone()));
        edit.apply(self).expect("create persona");
    }
}

#[test]
fn a_round_trip_gives_an_equal_workspace() {
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    let json = dir.path().join("shop.json");
    let exported = Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    assert_eq!((exported.personas, exported.customers), (4, 400), "{exported}");
    assert!(exported.events > exported.customers && exported.emotions > 40, "{exported}");

    let copy = dir.path().join("copy.sqlite");
    let imported = Workspace::open(&copy).expect("open").import_workspace_file(&json, false).expect("import");
    assert_eq!(imported, exported);
    let (before, after) = (dump(&source), dump(&copy));
    let counts = row_counts(&before);
    assert!(
        counts["personas"] == 4 && counts["stage_events"] > 400 && counts["touchpoints"] > 0,
        "{counts:?}"
    );
    assert!(before["customers"].iter().any(|row| row[2] == "Null"), "some customers lost their persona");
    assert!(before["emotions"].iter().any(|row| row[8] == "Null"), "some entries have no date");
    for table in before.keys() {
        assert_eq!(before[table], after[table], "table {table} differs after the round trip");
    }
    assert_eq!(before, after);

    // Exporting the copy gives the same file, byte for byte.
    let again = dir.path().join("again.json");
    Workspace::open(&copy).expect("open").export_workspace_file(&again).expect("export");
    assert_eq!(std::fs::read(&json).expect("read"), std::fs::read(&again).expect("read"));
}

#[test]
fn an_empty_workspace_round_trips() {
    let dir = tempfile::tempdir().expect("dir");
    let (empty, json, copy) =
        (dir.path().join("e.sqlite"), dir.path().join("e.json"), dir.path().join("c.sqlite"));
    Workspace::open(&empty).expect("open").export_workspace_file(&json).expect("export");
    let summary = Workspace::open(&copy).expect("open").import_workspace_file(&json, false).expect("import");
    assert_eq!(summary, fanpath::store::WorkspaceFileSummary::default());
    assert_eq!(dump(&empty), dump(&copy));
}

#[test]
fn a_workspace_with_data_is_refused_unless_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    let json = dir.path().join("shop.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");

    let target = dir.path().join("target.sqlite");
    let mut ws = Workspace::open(&target).expect("open");
    ws.write_demo(&DemoOptions { customers: 30, seed: 5, ..DemoOptions::new(today()) }).expect("demo");
    let before = dump(&target);
    let err = ws.import_workspace_file(&json, false).expect_err("refused");
    assert!(matches!(err, StoreError::WorkspaceNotEmpty { .. }), "{err}");
    assert!(err.to_string().contains("30 customers") && err.to_string().contains("--replace"), "{err}");
    assert_eq!(dump(&target), before, "unchanged");

    ws.import_workspace_file(&json, true).expect("replace");
    assert_eq!(dump(&target), dump(&source));
    // The replaced state was backed up first.
    let backups = fanpath::store::list_backups(&target).expect("list");
    assert_eq!(backups.len(), 1);
    assert_eq!(dump(&backups[0].path), before);
}

/// The exported file, as JSON, with `change` applied.
fn changed(json: &Path, change: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_slice(&std::fs::read(json).expect("read")).expect("json");
    change(&mut value);
    // serde_json's map keeps the keys in file order (preserve_order is not on, so they are
    // sorted): write them back in the documented order.
    let mut out = String::from("{");
    let object = value.as_object().expect("object");
    let mut keys: Vec<&String> = object.keys().collect();
    let order = [
        "format",
        "format_version",
        "generator",
        "personas",
        "versions",
        "touchpoints",
        "stage_targets",
        "opportunities",
        "emotions",
        "customers",
    ];
    keys.sort_by_key(|k| order.iter().position(|o| o == k).unwrap_or(order.len()));
    for (i, key) in keys.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&format!("{}:{}", Value::String((*key).clone()), object[*key]));
    }
    out.push('}');
    out
}

#[test]
fn bad_foreign_and_newer_files_are_refused_with_the_workspace_unchanged() {
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    let json = dir.path().join("shop.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    let good = std::fs::read_to_string(&json).expect("read");

    let cases: Vec<(&str, String, &str)> = vec![
        (
            "foreign JSON",
            r#"{"name": "a list of things", "items": [1, 2]}"#.to_owned(),
            "is not a Fanpath workspace file",
        ),
        ("a JSON array", "[1, 2, 3]".to_owned(), "is not a Fanpath workspace file"),
        (
            "a CSV file",
            "customer_id,persona,stage,reached_at\n1,A,1,2024-01-01\n".to_owned(),
            "is not a Fanpath workspace file",
        ),
        ("an empty file", String::new(), "is not a Fanpath workspace file"),
        (
            "another format",
            good.replacen("fanpath-workspace", "fanpath-report", 1),
            "is not a Fanpath workspace file",
        ),
        (
            "a newer format",
            changed(&json, |v| v["format_version"] = 3.into()),
            "was written by a newer Fanpath (format version 3; this version reads up to 2)",
        ),
        (
            "cut short",
            String::from_utf8_lossy(&good.as_bytes()[..good.len() * 2 / 3]).into_owned(),
            "EOF while parsing",
        ),
        ("trailing rubbish", format!("{good}xyz"), "trailing characters"),
        ("an unknown key", changed(&json, |v| v["extra"] = 1.into()), "unknown key \"extra\""),
        (
            "no customers list",
            changed(&json, |v| drop(v.as_object_mut().map(|o| o.remove("customers")))),
            "no \"customers\" list",
        ),
        ("a stage 9", changed(&json, |v| v["touchpoints"][2]["stage"] = 9.into()), "touchpoints[2]"),
        ("a score 42", changed(&json, |v| v["emotions"][0]["score"] = 42.into()), "CHECK constraint failed"),
        (
            "a missing key",
            changed(&json, |v| drop(v["personas"][1].as_object_mut().map(|o| o.remove("color")))),
            "missing field `color`",
        ),
        (
            "a wrong type",
            changed(&json, |v| v["customers"][5]["first_at"] = "yesterday".into()),
            "invalid type",
        ),
        (
            "bad base64",
            changed(&json, |v| v["personas"][0]["avatar_png"] = "not base64!".into()),
            "avatar_png is not base64",
        ),
        (
            "a dangling persona",
            changed(&json, |v| v["touchpoints"][0]["persona_id"] = 999.into()),
            "refers to a row of personas",
        ),
        (
            "a customer of no persona",
            changed(&json, |v| v["customers"][3]["persona_id"] = 777.into()),
            "a row of customers (id 4) refers to a row of personas",
        ),
        (
            "two events at one stage",
            changed(&json, |v| {
                let events = v["customers"][0]["events"].as_array_mut().expect("events");
                let first = events[0].clone();
                events.push(first);
            }),
            "UNIQUE constraint failed",
        ),
        (
            "a duplicate persona name",
            changed(&json, |v| v["personas"][1]["name"] = v["personas"][0]["name"].clone()),
            "UNIQUE constraint failed: personas.name_key",
        ),
        (
            // The same name in decomposed Unicode with a zero-width joiner: it looks the
            // same, so it is the same persona and must clash like any duplicate.
            "a look-alike persona name",
            changed(&json, |v| {
                let name = v["personas"][0]["name"].as_str().expect("name").to_owned();
                let look_alike: String =
                    unicode_normalization::UnicodeNormalization::nfd(name.as_str()).collect();
                v["personas"][1]["name"] = format!("\u{200d}{look_alike} ").into();
            }),
            "UNIQUE constraint failed: personas.name_key",
        ),
        (
            "an invisible persona name",
            changed(&json, |v| v["personas"][1]["name"] = "\u{200b} \u{feff}".into()),
            "name is empty",
        ),
        (
            "a persona name too long",
            changed(&json, |v| v["personas"][1]["name"] = "ằ".repeat(201).into()),
            "name is longer than 200 characters",
        ),
    ];
    // A workspace with data, replaced: the failed import must roll the deletion back too.
    let target = dir.path().join("target.sqlite");
    let mut ws = Workspace::open(&target).expect("open");
    ws.write_demo(&DemoOptions { customers: 25, seed: 3, ..DemoOptions::new(today()) }).expect("demo");
    let before = dump(&target);
    for (what, contents, expected) in cases {
        let file = dir.path().join("bad.json");
        std::fs::write(&file, contents).expect("write");
        let err = ws.import_workspace_file(&file, true).expect_err(what);
        let message = err.to_string();
        assert!(message.contains(expected), "{what}: {message}");
        assert!(message.contains("bad.json"), "{what}: names the file: {message}");
        assert!(message.contains("nothing was imported"), "{what}: {message}");
        assert_eq!(dump(&target), before, "{what}: the workspace changed");
    }
    // The workspace still works afterwards.
    assert_eq!(ws.personas().expect("personas").len(), 4);
    assert!(ws.persona(PersonaId(1)).is_ok());
}

/// Checks `value` against the subset of JSON Schema that docs/workspace.schema.json uses:
/// `type`, `const`, `enum`, `required`, `properties`, `additionalProperties: false`,
/// `items`, `minimum`, `maximum`, `pattern` (only `^#[0-9a-fA-F]{6}$`), `anyOf`, `$ref`.
fn validate(schema: &Value, root: &Value, value: &Value, at: &str) -> Result<(), String> {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.strip_prefix("#/$defs/").ok_or(format!("unsupported $ref {reference}"))?;
            &root["$defs"][name]
        }
        None => schema,
    };
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array)
        && !any.iter().any(|s| validate(s, root, value, at).is_ok())
    {
        return Err(format!("{at}: {value} matches no anyOf branch"));
    }
    if let Some(expected) = schema.get("const")
        && expected != value
    {
        return Err(format!("{at}: {value} is not {expected}"));
    }
    if let Some(types) = schema.get("type") {
        let types: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return Err(format!("{at}: bad type in schema")),
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let integer_as_number = actual == "integer" && types.contains(&"number");
        if !types.contains(&actual) && !integer_as_number {
            return Err(format!("{at}: {actual} where the schema wants {types:?}"));
        }
    }
    if let Some(n) = value.as_i64() {
        if schema.get("minimum").and_then(Value::as_i64).is_some_and(|min| n < min) {
            return Err(format!("{at}: {n} below the minimum"));
        }
        if schema.get("maximum").and_then(Value::as_i64).is_some_and(|max| n > max) {
            return Err(format!("{at}: {n} above the maximum"));
        }
    }
    if let (Some(pattern), Some(text)) = (schema.get("pattern").and_then(Value::as_str), value.as_str()) {
        assert_eq!(pattern, "^#[0-9a-fA-F]{6}$", "the test knows one pattern");
        let ok = text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !ok {
            return Err(format!("{at}: {text} does not match {pattern}"));
        }
    }
    if let Some(object) = value.as_object() {
        for key in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let key = key.as_str().ok_or("bad required")?;
            if !object.contains_key(key) {
                return Err(format!("{at}: required key {key} missing"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(property) => validate(property, root, item, &format!("{at}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return Err(format!("{at}: key {key} is not in the schema"));
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(items, root, item, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

#[test]
fn the_exported_file_has_the_shape_of_the_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    let json = dir.path().join("shop.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/workspace.schema.json"))
            .expect("schema"),
    )
    .expect("the schema is JSON");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("read")).expect("JSON");
    validate(&schema, &schema, &file, "$").expect("valid");
    // The validator does catch what the schema forbids.
    for (change, wanted) in [
        (serde_json::json!({"format_version": 3}), "above the maximum"),
        (serde_json::json!({"format": "other"}), "is not"),
        (serde_json::json!({"extra": true}), "not in the schema"),
    ] {
        let mut bad = file.clone();
        for (k, v) in change.as_object().expect("object") {
            bad[k] = v.clone();
        }
        let err = validate(&schema, &schema, &bad, "$").expect_err("invalid");
        assert!(err.contains(wanted), "{err}");
    }
    let mut bad = file.clone();
    bad["customers"][0]["events"][0]["stage"] = 0.into();
    assert!(validate(&schema, &schema, &bad, "$").is_err());
    // The avatars are base64 PNG.
    use base64::Engine as _;
    let avatar = file["personas"][0]["avatar_png"].as_str().expect("an avatar");
    let png = base64::engine::general_purpose::STANDARD.decode(avatar).expect("base64");
    assert!(png.starts_with(b"\x89PNG"));
    // format comes first, as importers rely on.
    let text = std::fs::read_to_string(&json).expect("read");
    assert!(
        text.starts_with("{\n\"format\": \"fanpath-workspace\",\n\"format_version\": 2,"),
        "{}",
        &text[..80]
    );
}

// Journey versions (issue #10): format version 2.

#[test]
fn versions_and_targets_round_trip_and_a_version_1_file_reads_as_current() {
    use fanpath::model::{JourneyVersion, Score, Stage, VersionKind};
    use fanpath::store::edit::Edit;
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    {
        let mut ws = Workspace::open(&source).expect("open");
        let current = ws.first_version().expect("current");
        let card = JourneyVersion {
            kind: VersionKind::ToBe,
            note: "Gọi video chào mừng".into(),
            launch_date: NaiveDate::from_ymd_opt(2027, 1, 15),
            ..JourneyVersion::named("Tết 2027")
        };
        Edit::CreateVersion(Box::new(card), Some(current)).apply(&mut ws).expect("copy");
        let to_be = ws.version_named("Tết 2027", &[]).expect("found");
        let persona = ws.personas().expect("personas")[1].id;
        let score = Some(Score::new(-1).expect("score"));
        Edit::SetTarget { version: to_be, persona, stage: Stage::Kickoff, score }
            .apply(&mut ws)
            .expect("target");
    }
    let json = dir.path().join("versions.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    let copy = dir.path().join("copy.sqlite");
    Workspace::open(&copy).expect("open").import_workspace_file(&json, false).expect("import");
    let (before, after) = (dump(&source), dump(&copy));
    // Current, the demo's to-be version and ours.
    assert_eq!(row_counts(&before)["journey_versions"], 3);
    assert_eq!(row_counts(&before)["stage_targets"], 1);
    assert_eq!(before, after);

    // A version 1 file: no version lists, no version_id on touchpoints.
    let old = changed(&json, |v| {
        v["format_version"] = 1.into();
        let object = v.as_object_mut().expect("object");
        object.remove("versions");
        object.remove("stage_targets");
        let touchpoints = object["touchpoints"].as_array_mut().expect("touchpoints");
        touchpoints.retain(|t| t["version_id"] == 1);
        for t in touchpoints {
            t.as_object_mut().expect("row").remove("version_id");
        }
    });
    let old_file = dir.path().join("old.json");
    std::fs::write(&old_file, old).expect("write");
    let from_old = dir.path().join("old.sqlite");
    let mut ws = Workspace::open(&from_old).expect("open");
    ws.import_workspace_file(&old_file, false).expect("import a version 1 file");
    let versions = ws.versions().expect("versions");
    assert_eq!(versions.len(), 1);
    assert!(versions[0].1.named_by_fanpath && versions[0].1.name == "Current");
    assert_eq!(
        ws.version_touchpoints(versions[0].0, None).expect("tps").len(),
        Workspace::open_read_only(&source)
            .and_then(|ws| ws.version_touchpoints(ws.first_version()?, None))
            .expect("source touchpoints")
            .len(),
        "every touchpoint of Current is in Current"
    );
}

// The opportunity backlog (issue #10 §3).

#[test]
fn opportunities_and_their_evidence_round_trip_and_files_without_them_read_empty() {
    use fanpath::model::{Opportunity, OpportunityStatus, Rating, Stage};
    let dir = tempfile::tempdir().expect("dir");
    let source = demo_workspace(dir.path(), "source.sqlite");
    {
        let mut ws = Workspace::open(&source).expect("open");
        let current = ws.first_version().expect("current");
        // A persona with entries (the test's bare persona has none).
        let persona = ws.emotions(None, None).expect("entries")[0].1.persona;
        let evidence: Vec<_> = ws
            .emotions(Some(persona), None)
            .expect("entries")
            .into_iter()
            .take(2)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(evidence.len(), 2);
        let mut for_one = Opportunity::new(current, "Gọi điện chào mừng", Stage::Kickoff, today());
        for_one.persona = Some(persona);
        for_one.status = OpportunityStatus::InProgress;
        for_one.value = Rating::new(5).expect("value");
        for_one.effort = Rating::new(1).expect("effort");
        for_one.owner = "Lan".into();
        for_one.evidence = "\"Không ai gọi lại\"".into();
        for_one.evidence_emotions = evidence;
        ws.add_opportunity(&for_one).expect("add");
        let mut for_all = Opportunity::new(current, "Thẻ thành viên", Stage::Advocacy, today());
        for_all.status = OpportunityStatus::Dropped;
        for_all.note = "Sau Tết".into();
        ws.add_opportunity(&for_all).expect("add");
    }
    let json = dir.path().join("backlog.json");
    Workspace::open(&source).expect("open").export_workspace_file(&json).expect("export");
    let copy = dir.path().join("copy.sqlite");
    Workspace::open(&copy).expect("open").import_workspace_file(&json, false).expect("import");
    let (before, after) = (dump(&source), dump(&copy));
    assert_eq!(row_counts(&before)["opportunities"], 2);
    assert_eq!(row_counts(&before)["opportunity_evidence"], 2);
    assert_eq!(before, after);

    // The file has the schema's shape, opportunities included.
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/workspace.schema.json"))
            .expect("schema"),
    )
    .expect("the schema is JSON");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&json).expect("read")).expect("JSON");
    assert_eq!(file["opportunities"].as_array().map(Vec::len), Some(2));
    validate(&schema, &schema, &file, "$").expect("valid");

    // A file from before the backlog reads with an empty one; a bad status is refused.
    let old = changed(&json, |v| {
        v.as_object_mut().expect("object").remove("opportunities");
    });
    let old_file = dir.path().join("old.json");
    std::fs::write(&old_file, old).expect("write");
    let from_old = dir.path().join("old.sqlite");
    let mut ws = Workspace::open(&from_old).expect("open");
    ws.import_workspace_file(&old_file, false).expect("import a file without opportunities");
    assert!(ws.opportunities(None).expect("list").is_empty());
    let bad = changed(&json, |v| v["opportunities"][0]["status"] = "Ý tưởng".into());
    let bad_file = dir.path().join("bad.json");
    std::fs::write(&bad_file, bad).expect("write");
    let target = dir.path().join("bad.sqlite");
    let err =
        Workspace::open(&target).expect("open").import_workspace_file(&bad_file, false).expect_err("refused");
    assert!(err.to_string().contains("opportunities[0]"), "{err}");
    assert!(Workspace::open(&target).expect("open").personas().expect("personas").is_empty());
}
