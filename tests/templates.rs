//! Templates (issue #11 §2): every built-in template loads, validates, renders with the
//! bundled font and makes the workspace its file describes; `fanpath demo --template`
//! as a process, with a trainer's own copy and with broken files.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;
use common::{assert_fails, fanpath, stdout};
use fanpath::model::template::{BUILTIN, Template, builtin, builtin_keys};
use fanpath::model::{Language, Stage};
use fanpath::store::{DemoOptions, Workspace};

const FONT: &[u8] = include_bytes!("../assets/NotoSans-Regular.ttf");
const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/templates");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 14).expect("date")
}

fn templates() -> Vec<&'static Template> {
    BUILTIN.iter().map(|(key, language, _)| builtin(key, *language).expect("built-in template")).collect()
}

#[test]
fn at_least_four_templates_each_in_english_and_vietnamese() {
    let keys = builtin_keys();
    assert!(keys.len() >= 4, "{keys:?}");
    for key in ["coffee", "saas", "clinic", "fitness"] {
        assert!(keys.contains(&key), "{key} missing from {keys:?}");
    }
    for key in keys {
        for language in Language::ALL {
            let template = builtin(key, language).expect("template");
            assert_eq!(template.key, key);
            assert_eq!(template.language, language, "{key}");
        }
    }
    // Every file in the folder is built in (none forgotten), and the other way round.
    let on_disk: BTreeSet<String> = std::fs::read_dir(FOLDER)
        .expect("assets/templates")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    let built_in: BTreeSet<String> = BUILTIN
        .iter()
        .map(|(key, language, _)| {
            format!("{key}.{}.json", fanpath::model::template::language_code(*language))
        })
        .collect();
    assert_eq!(on_disk, built_in);
}

#[test]
fn every_template_is_valid_and_every_character_has_a_glyph() {
    let face = rustybuzz::Face::from_slice(FONT, 0).expect("bundled font");
    for (key, language, json) in BUILTIN {
        let template = Template::parse(json).unwrap_or_else(|err| panic!("{key} {language:?}: {err}"));
        assert!(template.problems().is_empty());
        let missing: BTreeSet<char> =
            json.chars().filter(|&c| !c.is_control() && face.glyph_index(c).is_none()).collect();
        assert!(missing.is_empty(), "{key} {language:?}: no glyph for {missing:?}");
        // Written for its reader: the Vietnamese files are full of Vietnamese letters, the
        // English quotes have none (a quote left untranslated would show here).
        let vietnamese = |text: &str| {
            text.chars().any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains(c))
        };
        let quotes: Vec<&String> =
            template.quotes.iter().flat_map(|q| q.highs.iter().chain(&q.lows)).collect();
        match language {
            Language::Vietnamese => {
                assert!(quotes.iter().filter(|q| vietnamese(q)).count() * 10 >= quotes.len() * 9, "{key}");
                assert!(
                    template.personas.iter().all(|p| vietnamese(&p.quote) || vietnamese(&p.goals)),
                    "{key}"
                );
            }
            Language::English => {
                assert!(quotes.iter().all(|q| !vietnamese(q)), "{key}: {quotes:?}");
            }
        }
        assert!(!json.contains("First 100 Days"), "{key}: the trademark, in running text");
    }
}

#[test]
fn a_template_makes_the_workspace_its_file_describes() {
    for template in templates() {
        let mut ws = Workspace::open_in_memory().expect("workspace");
        let options = DemoOptions { customers: 400, ..DemoOptions::new(today()) };
        let summary = ws.write_template(template, &options).expect("write");
        let title = &template.title;
        assert_eq!(summary.title, *title);
        assert_eq!(summary.customers, 400, "{title}");

        // The personas, as the file spells them, each with an avatar and its stage.
        let personas = ws.personas().expect("personas");
        let names: BTreeSet<&str> = personas.iter().map(|r| r.persona.name.as_str()).collect();
        let expected: BTreeSet<&str> = template.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, expected, "{title}");
        for record in &personas {
            let p = template.personas.iter().find(|p| p.name == record.persona.name).expect("persona");
            assert_eq!(record.persona.stage, Some(p.stage));
            assert_eq!(record.persona.quote, p.quote);
            assert!(record.persona.avatar_png.is_some());
        }

        // Two versions: "Current" with the personas' picks, and the to-be one with the
        // redesign's touchpoints added for every persona, launched before today.
        let versions = ws.versions().expect("versions");
        assert_eq!(versions.len(), 2, "{title}");
        let (current, to_be) = (versions[0].0, &versions[1]);
        assert_eq!(to_be.1.name, template.to_be.name);
        assert!(to_be.1.launch_date.is_some_and(|d| d < today()));
        let touchpoints = ws.touchpoints(None).expect("touchpoints");
        let picks: usize = template.personas.iter().flat_map(|p| &p.touchpoints).map(Vec::len).sum();
        let in_current = touchpoints.iter().filter(|(_, t)| t.version == current).count();
        assert_eq!(in_current, picks, "{title}");
        let in_to_be = touchpoints.iter().filter(|(_, t)| t.version == to_be.0).count();
        assert_eq!(in_to_be, picks + template.personas.len() * template.to_be.touchpoints.len(), "{title}");
        for (_, t) in &touchpoints {
            let offered = &template.touchpoints[t.stage.index()];
            let added =
                template.to_be.touchpoints.iter().any(|r| r.stage == t.stage && r.text == t.description);
            assert!(offered.iter().any(|o| o.text == t.description) || added, "{title}: {t:?}");
        }

        // Emotion entries at every stage for every persona; the funnel narrows.
        let emotions = ws.emotions(None, None).expect("emotions");
        assert_eq!(emotions.len() as u64, summary.emotions);
        for stage in Stage::ALL {
            assert!(
                emotions.iter().filter(|(_, e)| e.stage == stage).count() >= 3 * personas.len(),
                "{title}"
            );
        }
        let report = ws.report(None).expect("report");
        assert_eq!(report.funnel.customers(), 400, "{title}");
        let reached: Vec<u64> = Stage::ALL.iter().map(|&s| report.funnel.reached(s)).collect();
        assert!(reached.windows(2).all(|w| w[0] >= w[1]), "{title}: {reached:?}");
        assert!(reached[7] > 0 && reached[7] < reached[0] / 3, "{title}: {reached:?}");
    }
}

fn temp_db(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join(name)
}

#[test]
fn cli_makes_a_workspace_from_a_built_in_template_in_either_language() {
    let dir = tempfile::tempdir().expect("dir");
    for (language, code) in [(Language::English, "en"), (Language::Vietnamese, "vi")] {
        let template = builtin("clinic", language).expect("template");
        let db = temp_db(dir.path(), &format!("clinic-{code}.sqlite"));
        let out = fanpath(&db, &["demo", "--template", "clinic", "--language", code, "--customers", "300"]);
        assert!(out.status.success(), "{}", common::stderr(&out));
        assert!(stdout(&out).contains(&template.title), "{}", stdout(&out));
        let report = stdout(&fanpath(&db, &["report", "--format", "json"]));
        for p in &template.personas {
            assert!(report.contains(&p.name), "{} not in the report", p.name);
        }
        let json: serde_json::Value = serde_json::from_str(&report).expect("json");
        assert_eq!(json["customers"], 300, "{report}");
    }
    // Without --template: the coffee chain, in Vietnamese, as the first demo was.
    let db = temp_db(dir.path(), "default.sqlite");
    let out = fanpath(&db, &["demo", "--customers", "100"]);
    assert!(stdout(&out).contains("Cà Phê Sáng"), "{}", stdout(&out));
}

#[test]
fn cli_reads_a_trainers_own_copy_of_a_template() {
    let dir = tempfile::tempdir().expect("dir");
    let mut template = builtin("fitness", Language::Vietnamese).expect("template").clone();
    template.title = "Phòng tập Sông Hàn — câu lạc bộ thể hình".into();
    template.personas[0].name = "Huỳnh Thị Ánh Tuyết".into();
    let file = dir.path().join("song-han.vi.json");
    std::fs::write(&file, serde_json::to_string_pretty(&template).expect("json")).expect("write");
    let db = temp_db(dir.path(), "own.sqlite");
    let out = fanpath(&db, &["demo", "--template", file.to_str().expect("path"), "--customers", "200"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(stdout(&out).contains("Phòng tập Sông Hàn"));
    let ws = Workspace::open_read_only(&db).expect("open");
    assert!(ws.personas().expect("personas").iter().any(|r| r.persona.name == "Huỳnh Thị Ánh Tuyết"));
    // A file has one language: asking for another is refused.
    let other = temp_db(dir.path(), "other.sqlite");
    let out = fanpath(&other, &["demo", "--template", file.to_str().expect("path"), "--language", "en"]);
    assert_fails(&out, &["Tiếng Việt", "--language"]);
}

#[test]
fn cli_refuses_a_broken_template_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let good = serde_json::to_value(builtin("saas", Language::English).expect("template")).expect("json");
    let broken = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = good.clone();
        change(&mut value);
        value.to_string()
    };
    let cases: Vec<(String, Vec<&str>)> = vec![
        (broken(&|v| v["personas"][0]["share"] = 0.9.into()), vec!["shares add up to"]),
        (
            broken(&|v| v["personas"][1]["stage"] = "Stage nine".into()),
            vec!["\"Stage nine\" is not one of the eight stages", "line"],
        ),
        (
            broken(&|v| v["personas"][2]["touchpoints"][3] = serde_json::json!([0, 7])),
            vec!["touchpoint 7 at Kickoff"],
        ),
        (
            broken(&|v| v["quotes"][2]["lows"] = serde_json::json!([])),
            vec!["Validation needs at least one high and one low"],
        ),
        (broken(&|v| v["personas"][0]["go_on"] = serde_json::json!([0.9, 0.9])), vec!["invalid length 2"]),
        ("{ not json".to_owned(), vec!["not a Fanpath template"]),
    ];
    for (i, (json, expected)) in cases.iter().enumerate() {
        let file = dir.path().join(format!("broken-{i}.json"));
        std::fs::write(&file, json).expect("write");
        let db = temp_db(dir.path(), &format!("broken-{i}.sqlite"));
        let out = fanpath(&db, &["demo", "--template", file.to_str().expect("path")]);
        assert_fails(&out, expected);
        // Checked before the workspace is even opened: no file was made.
        assert!(!db.exists(), "case {i} created {}", db.display());
    }
    let db = temp_db(dir.path(), "unknown.sqlite");
    assert_fails(
        &fanpath(&db, &["demo", "--template", "bakery"]),
        &["bakery", "coffee", "saas", "clinic", "fitness"],
    );
}
