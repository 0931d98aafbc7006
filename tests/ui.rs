//! UI tests: drive the real app through egui_kittest as a user would, and check both what
//! the screen shows and what the workspace file holds.

#[path = "common/app.rs"]
mod app;

use app::{harness, harness_sized, settle, snapshot, type_date};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fanpath::model::date::parse_date_time;
use fanpath::model::{
    Channel, EmotionEntry, Language, Persona, PersonaId, Rgb, Score, Source, Stage, Touchpoint,
};
use fanpath::store::Workspace;
use fanpath::ui::FanpathApp;
use fanpath::ui::command::{Command, UiCommand};
use fanpath::ui::state::View;

fn temp_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journeys.sqlite");
    (dir, path)
}

/// Reads the file through a second connection: proof the change reached the disk.
fn on_disk(path: &Path) -> Workspace {
    Workspace::open(path).expect("reopen workspace")
}

/// Replaces the text of the field labelled `label` and presses Enter, like a user.
fn type_into(harness: &mut Harness<'_, FanpathApp>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::TextInput, label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    if !text.is_empty() {
        harness.get_by_role_and_label(Role::TextInput, label).type_text(text);
    }
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn date(text: &str) -> Option<chrono::NaiveDateTime> {
    Some(parse_date_time(text).expect("date"))
}

/// A small coffee-shop workspace with every kind of data the screens show.
fn sample_workspace(path: &Path) {
    let mut ws = Workspace::open(path).expect("create");
    let people = [
        ("Nguyễn Thị Hằng", "Dân văn phòng", Stage::Validation, Rgb::PALETTE[0]),
        ("Trần Minh Đức", "Sinh viên", Stage::Kickoff, Rgb::PALETTE[1]),
        ("Lê Thu Trang", "Chủ quán nhỏ", Stage::Advocacy, Rgb::PALETTE[2]),
    ];
    let mut ids: Vec<PersonaId> = Vec::new();
    for (name, segment, stage, color) in people {
        let mut p = Persona::named(name);
        p.segment = segment.into();
        p.age_range = "25–34".into();
        p.occupation = "Kế toán".into();
        p.location = "Hà Nội".into();
        p.income_band = "15–25 triệu/tháng".into();
        p.goals = "Một ly cà phê ngon, nhanh, trước giờ làm.".into();
        p.pain_points = "Xếp hàng lâu; ứng dụng đặt món khó dùng.".into();
        p.motivations = "Tiện lợi và được nhớ tên.".into();
        p.preferred_channels = "Zalo, Facebook".into();
        p.shopping_habits = "Mua mang đi mỗi sáng, trả bằng ví điện tử.".into();
        p.quote = "Tôi chỉ cần ly cà phê sẵn sàng khi tôi tới.".into();
        p.stage = Some(stage);
        p.color = color;
        ids.push(ws.create_persona(&p).expect("persona"));
    }
    let mut unplaced = Persona::named("Phạm Quốc Bảo");
    unplaced.segment = "Khách du lịch".into();
    unplaced.color = Rgb::PALETTE[3];
    ws.create_persona(&unplaced).expect("persona");

    let touch = [
        (0, Stage::Evaluation, Channel::Video, "Clip TikTok về quán"),
        (0, Stage::Acknowledgment, Channel::InPerson, "Chào khách ở quầy"),
        (0, Stage::Kickoff, Channel::Email, "Thư chào mừng thành viên"),
        (1, Stage::Evaluation, Channel::Other("Zalo".into()), "Nhóm Zalo sinh viên"),
        (2, Stage::Advocacy, Channel::Gift, "Túi cà phê tặng bạn bè"),
    ];
    let version = ws.first_version().expect("version");
    for (who, stage, channel, description) in touch {
        ws.add_touchpoint(&Touchpoint {
            version,
            persona: ids[who],
            stage,
            channel,
            description: description.into(),
        })
        .expect("touchpoint");
    }
    let feelings = [
        (0, Stage::Evaluation, 2, "hy vọng", "2026-01-05"),
        (0, Stage::Acknowledgment, 4, "phấn khích", "2026-01-06"),
        (0, Stage::Validation, -3, "hối tiếc sau mua", "2026-01-08"),
        (0, Stage::Validation, -1, "hoài nghi", "2026-01-09"),
        (1, Stage::Kickoff, 3, "háo hức", "2026-02-01"),
        (1, Stage::Acclimation, -2, "bối rối", "2026-02-10"),
        (2, Stage::Advocacy, 5, "tự hào", "2026-03-01"),
    ];
    for (who, stage, score, label, at) in feelings {
        ws.add_emotion(&EmotionEntry {
            persona: ids[who],
            stage,
            score: Score::new(score).expect("score"),
            label: label.into(),
            note: "Phỏng vấn tại quán".into(),
            touchpoint: "Quầy".into(),
            source: Source::Interview,
            logged_at: date(at),
        })
        .expect("emotion");
    }
}

#[test]
fn a_persona_from_creation_to_undo() {
    let (_dir, path) = temp_workspace();
    let mut h = harness(&path, Language::English);

    // Create a persona with a Vietnamese name.
    h.get_by_label("+ New persona").click();
    h.run();
    assert_eq!(h.state().selection.view, View::PersonaCard);
    type_into(&mut h, "Name", "Nguyễn Thị Hằng");
    let saved = on_disk(&path).personas().expect("personas");
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].persona.name, "Nguyễn Thị Hằng");
    let id = saved[0].id;
    // The list and the card header show it.
    assert!(h.query_all_by_label("Nguyễn Thị Hằng").count() >= 2);

    // Edit it.
    type_into(&mut h, "Segment", "Dân văn phòng");
    assert_eq!(on_disk(&path).persona(id).expect("persona").segment, "Dân văn phòng");

    // An empty name is refused beside the field, and nothing is saved.
    type_into(&mut h, "Name", "");
    h.get_by_label("A name is required.");
    assert_eq!(on_disk(&path).persona(id).expect("persona").name, "Nguyễn Thị Hằng");
    type_into(&mut h, "Name", "Nguyễn Thị Hằng");

    // Move it along the board: from the chip's context menu.
    h.get_by_label("Journey board").click();
    h.run();
    let header = h.get_by_label("3. Validation").rect();
    h.get_all_by_role_and_label(Role::Button, "Nguyễn Thị Hằng").last().expect("chip").click_secondary();
    h.run();
    h.get_by_label("Move to stage").click();
    h.run();
    assert_eq!(h.get_all_by_label("3. Validation").count(), 2, "the submenu is open");
    // The menu item, not the column header of the same name.
    h.get_all_by_label("3. Validation").find(|n| n.rect() != header).expect("menu item").click();
    h.run();
    assert_eq!(on_disk(&path).persona(id).expect("persona").stage, Some(Stage::Validation));

    // And by dragging the chip onto Kickoff.
    let chip = h.get_all_by_role_and_label(Role::Button, "Nguyễn Thị Hằng").last().expect("chip").rect();
    let kickoff = h.get_all_by_label("4. Kickoff").next().expect("column").rect();
    h.drag_at(chip.center());
    h.run();
    h.hover_at(kickoff.center() + egui::vec2(0.0, 60.0));
    h.run();
    h.drop_at(kickoff.center() + egui::vec2(0.0, 60.0));
    h.run();
    assert_eq!(on_disk(&path).persona(id).expect("persona").stage, Some(Stage::Kickoff));
    assert_eq!(h.state().data.persona(id).and_then(|r| r.persona.stage), Some(Stage::Kickoff));

    // Log an emotion at Validation.
    h.get_all_by_label("3. Validation").next().expect("column header").click();
    h.run();
    h.get_by_label("doubtful").click();
    h.run();
    type_into(&mut h, "Note", "Lo rằng thẻ thành viên không đáng tiền");
    h.get_by_role_and_label(Role::Button, "Log emotion").click();
    h.run();
    let logged = on_disk(&path).emotions(Some(id), Some(Stage::Validation)).expect("emotions");
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].1.label, "doubtful");
    assert_eq!(logged[0].1.note, "Lo rằng thẻ thành viên không đáng tiền");
    assert_eq!(logged[0].1.logged_at, date("2026-03-14"));
    assert!(h.query_by_label("1 emotion entry").is_some());

    // Undo takes the entry away, redo brings it back — on screen and on disk.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(on_disk(&path).emotions(Some(id), None).expect("emotions").is_empty());
    assert!(h.query_by_label("1 emotion entry").is_none());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(on_disk(&path).emotions(Some(id), None).expect("emotions").len(), 1);
    assert!(h.query_by_label("1 emotion entry").is_some());

    // Undo twice more: the emotion, then the drag back to Validation.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(on_disk(&path).persona(id).expect("persona").stage, Some(Stage::Validation));

    // Switch language: every label follows, and the choice is kept in the settings.
    h.get_by_label("Language").click();
    h.run();
    h.get_by_label("Tiếng Việt").click();
    h.run();
    assert_eq!(h.state().settings.language, Language::Vietnamese);
    h.get_by_label("Bảng hành trình");
    h.get_by_label("3. Xác nhận");
    assert!(h.query_by_label("Journey board").is_none());
}

#[test]
fn deleting_a_persona_asks_first_and_undo_restores_everything() {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, Language::English);
    let hang = on_disk(&path).persona_by_name("Nguyễn Thị Hằng").expect("query").expect("exists").id;
    h.state_mut().send(Command::AskDeletePersona(hang));
    h.run();
    h.get_by_label_contains("Its 4 emotion entries and 3 touchpoints");
    h.get_by_label("Delete").click();
    // The deletion waits for the backup, taken on another thread.
    settle(&mut h);
    assert!(on_disk(&path).persona_by_name("Nguyễn Thị Hằng").expect("query").is_none());
    assert_eq!(h.query_all_by_label("Nguyễn Thị Hằng").count(), 0);

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let disk = on_disk(&path);
    assert_eq!(disk.persona(hang).expect("restored").name, "Nguyễn Thị Hằng");
    assert_eq!(disk.emotions(Some(hang), None).expect("emotions").len(), 4);
    assert_eq!(disk.touchpoints(Some(hang)).expect("touchpoints").len(), 3);
}

#[test]
fn the_list_searches_without_diacritics_and_sorts_vietnamese() {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut ws = Workspace::open(&path).expect("open");
    ws.create_persona(&Persona::named("Dương Văn An")).expect("persona");
    ws.create_persona(&Persona::named("Đặng Thu Hà")).expect("persona");
    drop(ws);
    let mut h = harness(&path, Language::English);

    // Đ sorts after D: Dương before Đặng, both before Lê.
    let y =
        |h: &Harness<'_, FanpathApp>, name: &str| h.get_all_by_label(name).next().expect(name).rect().top();
    assert!(y(&h, "Dương Văn An") < y(&h, "Đặng Thu Hà"));
    assert!(y(&h, "Đặng Thu Hà") < y(&h, "Lê Thu Trang"));

    h.get_by_role_and_label(Role::TextInput, "Search personas").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search personas").type_text("hang");
    h.run();
    // Filtered in the list; the board still shows everyone's chips, so count list rows.
    let rows = |h: &Harness<'_, FanpathApp>, name: &str| {
        h.query_all_by_label(name).filter(|n| n.rect().left() < 300.0).count()
    };
    assert_eq!(rows(&h, "Nguyễn Thị Hằng"), 1);
    assert_eq!(rows(&h, "Lê Thu Trang"), 0);
}

#[test]
fn a_bad_workspace_keeps_the_current_one_open() {
    let (dir, path) = temp_workspace();
    sample_workspace(&path);
    let bogus = dir.path().join("notes.sqlite");
    std::fs::write(&bogus, "không phải cơ sở dữ liệu").expect("write");
    let mut h = harness(&path, Language::English);
    h.state_mut().send(Command::OpenWorkspaceAt(bogus.clone()));
    // The command is applied at the end of a frame and the dialog drawn in a later one.
    settle(&mut h);
    h.get_by_label_contains("is not a Fanpath workspace");
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(h.state().workspace().path(), path);
    assert_eq!(h.state().data.personas.len(), 4);
    assert_eq!(std::fs::read_to_string(&bogus).expect("read"), "không phải cơ sở dữ liệu");
}

fn snapshot_screens(language: Language, suffix: &str) {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, language);
    let hang = on_disk(&path).persona_by_name("Nguyễn Thị Hằng").expect("query").expect("exists").id;
    h.state_mut().send(Command::SelectPersona(Some(hang)));
    h.state_mut().send(Command::SelectStage(Stage::Validation));
    h.run();
    snapshot(&mut h, &format!("board_{suffix}"));
    h.state_mut().send(UiCommand::ShowView(View::PersonaCard));
    h.run();
    snapshot(&mut h, &format!("persona_editor_{suffix}"));
    h.state_mut().send(UiCommand::ShowView(View::EmotionLog));
    h.run();
    snapshot(&mut h, &format!("emotion_log_{suffix}"));
}

#[test]
fn snapshots_in_english() {
    snapshot_screens(Language::English, "en");
}

#[test]
fn snapshots_in_vietnamese() {
    snapshot_screens(Language::Vietnamese, "vi");
}

/// The default demo (2,000 customers) ending on a fixed day, so numbers never drift.
fn demo_workspace(path: &Path) {
    let mut ws = Workspace::open(path).expect("create");
    let today = NaiveDate::from_ymd_opt(2026, 3, 14).expect("date");
    ws.write_demo(&fanpath::store::DemoOptions::new(today)).expect("demo");
}

#[test]
fn analytics_follow_the_persona_filter() {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    let mut h = harness(&path, Language::English);
    h.get_by_label("Analytics").click();
    settle(&mut h);

    // The headline matches `fanpath report` for everyone...
    let tr = fanpath::i18n::Tr(Language::English);
    let overall = |report: &fanpath::store::Report| {
        let f = &report.funnel;
        tr.overall_conversion(
            f.conversion_from_start(Stage::Advocacy),
            f.reached(Stage::Advocacy),
            f.customers(),
        )
    };
    let everyone = on_disk(&path).report_for(None).expect("report");
    assert!(everyone.customers() > 1_000);
    h.get_by_label(&overall(&everyone));

    // ...and for one persona once the filter is switched in the combo box.
    let persona = on_disk(&path).personas().expect("personas").remove(0);
    h.get_by_role_and_label(Role::ComboBox, "Persona").click();
    h.run();
    h.get_all_by_label(&persona.persona.name).last().expect("menu item").click();
    settle(&mut h);
    let theirs = on_disk(&path).report_for(Some(persona.id)).expect("report");
    assert!(theirs.customers() < everyone.customers());
    h.get_by_label(&overall(&theirs));
    assert!(h.query_by_label(&overall(&everyone)).is_none());

    // The time chart shows the 100-day shares the store computed.
    h.get_by_label("Time to stage").click();
    h.run();
    let analytics = h.state().analytics().expect("computed").clone();
    let kickoff = analytics.first_100_days.kickoff;
    h.get_by_label(&tr.within_100_days(
        "Kickoff",
        kickoff.rate().unwrap_or(0.0),
        kickoff.customers,
        kickoff.of,
    ));

    // Findings are listed under the chart, naming their numbers.
    assert!(!analytics.findings.is_empty());
    h.get_by_label(&format!("• {}", analytics.findings[0].text(Language::English)));
}

#[test]
fn an_exported_chart_is_a_1600_pixel_png() {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    let ws = on_disk(&path);
    let options = fanpath::store::analytics::AnalyticsOptions {
        persona: None,
        stall_days: 30,
        reference_date: NaiveDate::from_ymd_opt(2026, 3, 14).expect("date"),
        stalled_list_limit: 200,
        launch: Some(demo_launch()),
        ..Default::default()
    };
    let analytics = ws.analytics(&options).expect("analytics");
    for chart in fanpath::ui::analytics::Chart::ALL {
        let png = fanpath::ui::analytics::export::chart_png(
            chart,
            &analytics,
            &Default::default(),
            Language::Vietnamese,
        )
        .expect("png");
        let image = image::load_from_memory(&png).expect("decodes");
        assert_eq!((image.width(), image.height()), (1600, 900), "{chart:?}");
        // Not a blank page: the bars, lines and text put many colours on it.
        let rgb = image.to_rgb8();
        let distinct: std::collections::HashSet<[u8; 3]> = rgb.pixels().map(|p| p.0).collect();
        assert!(distinct.len() > 50, "{chart:?} has only {} colours", distinct.len());
    }
}

#[test]
fn analytics_snapshots() {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    let mut h = harness(&path, Language::English);
    h.state_mut().send(UiCommand::ShowView(View::Analytics));
    settle(&mut h);
    for chart in fanpath::ui::analytics::Chart::ALL {
        h.state_mut().analytics_view_mut().chart = chart;
        h.run();
        snapshot(&mut h, &format!("analytics_{}", chart.key()));
    }
    h.state_mut().analytics_view_mut().chart = fanpath::ui::analytics::Chart::Funnel;
    h.state_mut().analytics_view_mut().options.by_persona = true;
    h.run();
    snapshot(&mut h, "analytics_funnel_by_persona");
}

#[test]
fn the_emotion_table_sorts_by_column_and_filters_by_persona() {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, Language::English);
    h.get_by_label("Emotion log").click();
    h.run();
    h.get_by_label("Showing 7 of 7 entries");
    let top = |h: &Harness<'_, FanpathApp>, label: &str| h.get_by_label(label).rect().top();

    // By date (the default), oldest first: +2 (5 Jan) above +5 (1 Mar).
    assert!(top(&h, "+2") < top(&h, "+5"));
    // By score, ascending: the lowest (-3) first, the highest (+5) last.
    h.get_by_label("Score").click();
    h.run();
    assert!(top(&h, "-3") < top(&h, "-2"));
    assert!(top(&h, "-2") < top(&h, "+5"));
    // Again: descending.
    h.get_by_label("Score ▲").click();
    h.run();
    assert!(top(&h, "+5") < top(&h, "-3"));

    // Only one persona's entries.
    h.get_by_role_and_label(Role::ComboBox, "Persona").click();
    h.run();
    // The menu item: a button outside the persona list on the left.
    h.get_all_by_role_and_label(Role::Button, "Trần Minh Đức")
        .find(|n| n.rect().left() > 210.0)
        .expect("menu item")
        .click();
    h.run();
    h.get_by_label("Showing 2 of 7 entries");
    assert!(h.query_by_label("+5").is_none());
}

#[test]
fn an_avatar_from_a_picture_is_stored_small_and_undoable() {
    let (dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, Language::English);
    let hang = on_disk(&path).persona_by_name("Nguyễn Thị Hằng").expect("query").expect("exists").id;
    let picture = dir.path().join("chân dung.jpg");
    image::RgbImage::from_pixel(640, 480, image::Rgb([200, 120, 40])).save(&picture).expect("write jpeg");

    let ctx = h.ctx.clone();
    assert!(h.state_mut().set_avatar_from_file(&ctx, hang, &picture));
    h.run();
    let png = on_disk(&path).persona(hang).expect("persona").avatar_png.expect("avatar stored");
    let avatar = image::load_from_memory(&png).expect("a PNG");
    assert_eq!((avatar.width(), avatar.height()), (128, 128));

    // Not a picture: a clear message naming the file, and the avatar stays.
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "customer_id,persona").expect("write");
    assert!(!h.state_mut().set_avatar_from_file(&ctx, hang, &text));
    assert!(
        matches!(&h.state().dialog, Some(fanpath::ui::state::Dialog::Error(m)) if m.contains("notes.png"))
    );
    assert!(on_disk(&path).persona(hang).expect("persona").avatar_png.is_some());

    // Undo takes the avatar away again.
    h.state_mut().dialog = None;
    h.state_mut().send(UiCommand::Undo);
    h.run();
    assert_eq!(on_disk(&path).persona(hang).expect("persona").avatar_png, None);
}

#[test]
fn keyboard_shortcuts_reach_their_commands() {
    let (_dir, path) = temp_workspace();
    let mut h = harness(&path, Language::English);
    // F1 (help) opens the stage playbook at the selected stage.
    let situation = |stage| fanpath::i18n::playbook::playbook(stage, Language::English).situation;
    h.state_mut().send(Command::SelectStage(Stage::Acclimation));
    h.run();
    assert!(h.query_by_label(situation(Stage::Acclimation)).is_none());
    h.key_press(Key::F1);
    h.run();
    h.get_by_label(situation(Stage::Acclimation));
    assert!(h.query_by_label(situation(Stage::Validation)).is_none());

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(on_disk(&path).personas().expect("personas").len(), 1);
    assert_eq!(h.state().selection.view, View::PersonaCard);
}

#[test]
fn undo_and_redo_from_the_keyboard_leave_text_fields_alone() {
    let (_dir, path) = temp_workspace();
    let mut h = harness(&path, Language::English);
    let personas = |path: &Path| on_disk(path).personas().expect("personas").len();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(personas(&path), 1);

    // The new persona's name field has focus: Ctrl+Z is the field's own undo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(personas(&path), 1);

    h.ctx.memory_mut(|memory| {
        if let Some(id) = memory.focused() {
            memory.surrender_focus(id);
        }
    });
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(personas(&path), 0);
    // Ctrl+Shift+Z redoes; were it taken for Ctrl+Z, there would be nothing to undo.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(personas(&path), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(personas(&path), 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(personas(&path), 1);
}

// Cohorts and the date range of the Analytics view (issue #8 §4).

/// The Cohorts tab lists the store's cohorts, the date boxes restrict every chart, the
/// period switch cuts weeks, and a wrong date is explained: in both languages.
#[test]
fn the_cohorts_chart_and_the_date_range_in_both_languages() {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    for language in [Language::English, Language::Vietnamese] {
        let words = |en: &'static str, vi: &'static str| if language == Language::English { en } else { vi };
        let tr = fanpath::i18n::Tr(language);
        let mut h = harness(&path, language);
        h.state_mut().send(UiCommand::ShowView(View::Analytics));
        settle(&mut h);
        h.get_by_label(words("Cohorts", "Nhóm theo kỳ")).click();
        settle(&mut h);
        // Every month of the demo with its customers, as the store counts them.
        let all = on_disk(&path)
            .cohort_table(None, &fanpath::model::DateRange::ALL, fanpath::model::CohortPeriod::Month)
            .expect("cohorts");
        assert!(all.cohorts.len() >= 3, "{}", all.cohorts.len());
        // The table scrolls: the oldest months are the ones on screen.
        let first = &all.cohorts[0];
        h.get_by_label(&first.start.format("%Y-%m").to_string());
        assert!(h.query_all_by_label(&tr.count(first.customers)).count() >= 1);

        // From the start of the last month but one: the older months go, the headline
        // counts only the customers who started since.
        let from = all.cohorts[all.cohorts.len() - 2].start;
        type_date(
            &mut h,
            words("First event from", "Sự kiện đầu tiên từ"),
            &from.format("%Y-%m-%d").to_string(),
        );
        settle(&mut h);
        let range = fanpath::model::DateRange { from: Some(from), to: None };
        let analytics = h.state().analytics().expect("computed").clone();
        assert_eq!(analytics.report.range, range);
        let report = on_disk(&path).report_in(None, &range).expect("report");
        assert_eq!(analytics.report.funnel, report.funnel);
        assert_eq!(analytics.cohorts.cohorts, all.cohorts[all.cohorts.len() - 2..]);
        assert!(h.query_by_label(&all.cohorts[0].start.format("%Y-%m").to_string()).is_none());
        // The funnel headline follows the range too.
        h.get_by_label(words("Drop-off funnel", "Phễu rơi rớt")).click();
        h.run();
        let f = &report.funnel;
        h.get_by_label(&tr.overall_conversion(
            f.conversion_from_start(Stage::Advocacy),
            f.reached(Stage::Advocacy),
            f.customers(),
        ));

        // Weeks, starting on Monday.
        h.get_by_label(words("Cohorts", "Nhóm theo kỳ")).click();
        h.run();
        h.get_by_label(words("By week (Monday to Sunday)", "Theo tuần (thứ Hai đến Chủ nhật)")).click();
        settle(&mut h);
        let weeks = h.state().analytics().expect("computed").cohorts.clone();
        assert_eq!(weeks.period, fanpath::model::CohortPeriod::Week);
        assert!(weeks.cohorts.len() > 4);
        for cohort in &weeks.cohorts {
            assert_eq!(chrono::Datelike::weekday(&cohort.start), chrono::Weekday::Mon);
        }
        h.get_by_label(&weeks.cohorts[0].start.format("%Y-%m-%d").to_string());

        // A date that is not one: said once the box is left, and the range stays.
        type_date(&mut h, words("to (not including)", "đến trước ngày"), "31/02/2026");
        settle(&mut h);
        h.get_by_label(words(
            "Not a date: write YYYY-MM-DD or DD/MM/YYYY",
            "Chưa đúng dạng ngày: hãy viết YYYY-MM-DD hoặc DD/MM/YYYY",
        ));
        assert_eq!(h.state().analytics().expect("computed").report.range, range);
        // The end before the start.
        type_date(
            &mut h,
            words("to (not including)", "đến trước ngày"),
            &from.format("%d/%m/%Y").to_string(),
        );
        settle(&mut h);
        h.get_by_label(words(
            "The end date must come after the start date",
            "Ngày kết thúc phải sau ngày bắt đầu",
        ));
        // Clearing both boxes brings everyone back.
        h.get_by_label(words("Clear dates", "Xoá khoảng ngày")).click();
        settle(&mut h);
        assert!(h.state().analytics().expect("computed").report.range.is_all());
    }
}

/// At 1280 × 720 the stalled list stays above the findings (it once ran over them), and
/// every chart of the view lays out; the stalled one is kept as a snapshot.
#[test]
fn analytics_fit_a_1280_by_720_window() {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    let mut h = harness_sized(&path, Language::English, [1280.0, 720.0]);
    h.state_mut().send(UiCommand::ShowView(View::Analytics));
    settle(&mut h);
    h.state_mut().analytics_view_mut().chart = fanpath::ui::analytics::Chart::Stalled;
    h.run();
    let findings_top = h.get_by_label_contains("Findings").rect().top();
    let analytics = h.state().analytics().expect("computed").clone();
    let rows: Vec<egui::Rect> = analytics
        .stalled
        .customers
        .iter()
        .filter_map(|c| h.query_by_label(&c.customer_id).map(|n| n.rect()))
        .collect();
    assert!(!rows.is_empty(), "some stalled customers are listed");
    // The table lays out the rows in its viewport plus the one entering it, clipped; the
    // viewport once reached a hundred points into the findings (a fixed minimum height).
    let below: Vec<&egui::Rect> = rows.iter().filter(|r| r.top() >= findings_top).collect();
    assert!(below.len() <= 1, "rows laid out over the findings at {findings_top}: {below:?}");
    let header = h.get_by_label("Customer").rect();
    assert!(header.bottom() <= findings_top, "{header:?} vs {findings_top}");
    snapshot(&mut h, "analytics_stalled_1280x720");
    h.state_mut().analytics_view_mut().chart = fanpath::ui::analytics::Chart::Cohorts;
    h.run();
    snapshot(&mut h, "analytics_cohorts_1280x720");

    // Before / after: both plots' titles readable, one above the other, above the findings
    // (rotated along the vertical axes they ran into each other).
    h.state_mut().analytics_view_mut().chart = fanpath::ui::analytics::Chart::BeforeAfterLaunch;
    settle(&mut h);
    let tr = fanpath::i18n::Tr(Language::English);
    let share = h.get_by_label(tr.t(fanpath::i18n::Text::PercentOfGroup)).rect();
    let change = h.get_by_label(tr.t(fanpath::i18n::Text::StepChangePoints)).rect();
    let findings_top = h.get_by_label_contains("Findings").rect().top();
    assert!(share.bottom() <= change.top(), "{share:?} vs {change:?}");
    // The funnels plot sits between the two titles: at least 60 points of it.
    assert!(change.top() - share.bottom() >= 60.0, "{share:?} vs {change:?}");
    assert!(change.bottom() < findings_top, "{change:?} vs {findings_top}");
    snapshot(&mut h, "analytics_launch_1280x720");
}

// Issue #10 §4–5 (H16): the stage playbook and before/after a launch.

/// The demo's launch as the before/after chart compares it (90 days each side).
fn demo_launch() -> fanpath::model::launch::LaunchWindow {
    let today = NaiveDate::from_ymd_opt(2026, 3, 14).expect("date");
    fanpath::model::launch::LaunchWindow {
        launch: today - chrono::Duration::days(fanpath::store::DEMO_LAUNCH_DAYS_AGO),
        window_days: 90,
        today,
    }
}

fn before_after_chart(language: Language) {
    let (_dir, path) = temp_workspace();
    demo_workspace(&path);
    let mut h = harness(&path, language);
    let tr = fanpath::i18n::Tr(language);
    h.get_by_label(tr.t(fanpath::i18n::Text::Analytics)).click();
    settle(&mut h);
    // The demo's to-be version has a launch date: the chart compares it.
    h.get_by_label(tr.t(fanpath::i18n::Text::BeforeAfterLaunch)).click();
    settle(&mut h);
    let analytics = h.state().analytics().expect("computed").clone();
    let comparison = analytics.launch.expect("compared");
    // The numbers on screen are the store's, for the same window.
    assert_eq!(comparison, on_disk(&path).launch_comparison(demo_launch(), None).expect("query"));
    h.get_by_label(&tr.launch_groups(&comparison));
    for step in &comparison.steps {
        h.get_by_label(&format!("• {}", tr.launch_step(step)));
    }
    let fixed = comparison.steps[Stage::Kickoff.index()];
    assert_eq!(fixed.verdict, fanpath::model::launch::Verdict::Improved, "{fixed:?}");

    // A narrower window is computed again, off the frame.
    h.state_mut().analytics_view_mut().launch_window_days = 60;
    settle(&mut h);
    let narrower = h.state().analytics().and_then(|a| a.launch.clone()).expect("compared");
    assert_eq!(narrower.window.window_days, 60);
    assert!(narrower.before.customers() < comparison.before.customers());
}

#[test]
fn before_after_launch_needs_a_launch_date() {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, Language::Vietnamese);
    let tr = fanpath::i18n::Tr(Language::Vietnamese);
    h.get_by_label(tr.t(fanpath::i18n::Text::Analytics)).click();
    settle(&mut h);
    h.get_by_label(tr.t(fanpath::i18n::Text::BeforeAfterLaunch)).click();
    h.run();
    h.get_by_label(tr.t(fanpath::i18n::Text::LaunchNeedsDate));
}

#[test]
fn before_after_launch_in_english() {
    before_after_chart(Language::English);
}

#[test]
fn before_after_launch_in_vietnamese() {
    before_after_chart(Language::Vietnamese);
}

fn playbook_beside_the_stage_detail(language: Language) {
    let (_dir, path) = temp_workspace();
    sample_workspace(&path);
    let mut h = harness(&path, language);
    let tr = fanpath::i18n::Tr(language);
    let book = fanpath::i18n::playbook::playbook(Stage::Acclimation, language);
    h.state_mut().send(Command::SelectStage(Stage::Acclimation));
    h.run();
    assert!(h.query_by_label(book.situation).is_none(), "folded at first");
    h.get_by_label(tr.t(fanpath::i18n::Text::ShowPlaybook)).click();
    h.run();
    h.get_by_label(book.situation);
    h.get_by_label(book.emotion);
    for question in book.questions {
        h.get_by_label(&format!("• {question}"));
    }
    for action in book.actions {
        h.get_by_label(action);
    }
    // "+ Opportunity" on the phone action sends its stage and words.
    // The panel sits low in the stage detail: bring the button into view first.
    h.get_all_by_label(tr.t(fanpath::i18n::Text::AddAsOpportunity)).nth(3).expect("phone row").scroll_to_me();
    h.run();
    h.get_all_by_label(tr.t(fanpath::i18n::Text::AddAsOpportunity)).nth(3).expect("phone row").click();
    h.run();
    // It lands in the backlog, as an idea at that stage.
    let added =
        h.state().data.opportunities.iter().find(|(_, o)| o.title == book.actions[3]).map(|(_, o)| o.clone());
    let added = added.unwrap_or_else(|| panic!("the action is in the backlog: {:?}", h.state().dialog));
    assert_eq!((added.stage, added.status), (Stage::Acclimation, fanpath::model::OpportunityStatus::Idea));

    // Help → Stage playbook opens the window at the selected stage.
    h.get_by_label(tr.t(fanpath::i18n::Text::Help)).click();
    h.run();
    // Its menu item carries its shortcut (F1) in its label.
    h.get_all_by_label_contains(tr.t(fanpath::i18n::Text::StagePlaybook))
        .find(|n| n.accesskit_node().role() == Role::Button)
        .expect("the Help menu's item")
        .click();
    h.run();
    assert_eq!(h.get_all_by_label(book.situation).count(), 2, "panel and window");
    let advocacy = fanpath::i18n::playbook::playbook(Stage::Advocacy, language);
    h.get_all_by_label(&Stage::Advocacy.numbered_name(language)).last().expect("stage tab").click();
    h.run();
    h.get_by_label(advocacy.situation);
}

#[test]
fn playbook_in_english() {
    playbook_beside_the_stage_detail(Language::English);
}

#[test]
fn playbook_in_vietnamese() {
    playbook_beside_the_stage_detail(Language::Vietnamese);
}
