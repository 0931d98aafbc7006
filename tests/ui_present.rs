//! Trainer mode (issue #11, §1): F5 presents the workspace as slides; every key a trainer
//! or a clicker sends is stepped through here, and what each slide shows is checked
//! against numbers computed in the test from the workspace itself.

#[path = "common/app.rs"]
mod app;

use app::{settle, snapshot};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fanpath::i18n::format::{count, percent, signed_mean};
use fanpath::model::{Language, Stage};
use fanpath::store::Workspace;
use fanpath::ui::FanpathApp;
use fanpath::ui::command::{Command, UiCommand};
use fanpath::ui::state::View;

/// A projector's size: every test runs at 1280 × 720.
fn harness(path: &Path, language: Language) -> Harness<'static, FanpathApp> {
    app::harness_sized(path, language, [1280.0, 720.0])
}

/// The default demo (2,000 customers, personas, touchpoints, emotion entries) on a fixed day.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("coffee.sqlite");
    let mut ws = Workspace::open(&path).expect("create");
    let today = NaiveDate::from_ymd_opt(2026, 3, 14).expect("date");
    ws.write_demo(&fanpath::store::DemoOptions::new(today)).expect("demo");
    (dir, path)
}

fn press(h: &mut Harness<'_, FanpathApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn slide(h: &Harness<'_, FanpathApp>) -> usize {
    h.state().presentation().expect("presenting").index
}

/// "38.5 % did not go on to Kickoff (1,234 customers)", from the reached counts alone.
fn expected_drop_off(path: &Path, persona: Option<&str>, stage: Stage, language: Language) -> String {
    let report = Workspace::open(path).expect("open").report(persona).expect("report");
    let reached = report.funnel.reached;
    let (here, next) = (reached[stage.index()], reached[stage.index() + 1]);
    let lost = here - next;
    let rate = lost as f64 / here as f64;
    let next = Stage::from_number(stage.number() + 1).expect("next stage");
    match language {
        Language::English => format!(
            "{} did not go on to {} ({} customers)",
            percent(rate, language),
            next.name(language),
            count(lost, language)
        ),
        Language::Vietnamese => format!(
            "{} không đi tiếp tới {} ({} khách hàng)",
            percent(rate, language),
            next.name(language),
            count(lost, language)
        ),
    }
}

#[test]
fn every_key_steps_through_the_deck() {
    let (_dir, path) = demo();
    let mut h = harness(&path, Language::English);
    h.state_mut().send(UiCommand::ShowView(View::EmotionLog));
    h.run();

    // F5 starts on the title slide.
    press(&mut h, Key::F5);
    assert_eq!(slide(&h), 0);
    settle(&mut h);
    h.get_by_label("coffee");
    h.get_by_label("Present for");
    let customers = Workspace::open(&path).expect("open").report(None).expect("report").customers();
    h.get_by_label_contains(&format!("{} customers", count(customers, Language::English)));
    // The editing panels are gone.
    assert!(h.query_by_label("Journey board").is_none());

    // A clicker's PageDown, then Space and → go forward; PageUp and ← go back.
    press(&mut h, Key::PageDown);
    h.get_by_label("The eight-stage path");
    press(&mut h, Key::Space);
    h.get_by_label("1. Evaluation");
    h.get_by_label("Assess");
    press(&mut h, Key::ArrowRight);
    h.get_by_label("2. Acknowledgment");
    press(&mut h, Key::PageUp);
    h.get_by_label("1. Evaluation");
    press(&mut h, Key::ArrowLeft);
    h.get_by_label("The eight-stage path");

    // Digits jump to a stage: its story, expectation and the drop-off into the next.
    press(&mut h, Key::Num3);
    h.get_by_label("3. Validation");
    h.get_by_label_contains("Did I make a mistake?");
    h.get_by_label("doubtful (buyer's remorse)");
    h.get_by_label(&expected_drop_off(&path, None, Stage::Validation, Language::English));
    assert!(h.query_by_label("?").is_none(), "outside reveal mode nothing is hidden");
    press(&mut h, Key::Num8);
    h.get_by_label("8. Advocacy");
    h.get_by_label("The end of the path: these are your fans");

    // A click anywhere on the slide is "next".
    press(&mut h, Key::Num4);
    h.get_by_label_contains("Let's get started.").click();
    h.run();
    h.get_by_label("5. Acclimation");

    // Home and End.
    press(&mut h, Key::End);
    let findings = h.state().analytics().expect("analytics").findings.len();
    assert!(findings > 0, "the demo has findings");
    h.get_by_label(&format!("Finding {findings} of {findings}"));
    h.get_by_label_contains(
        &h.state().analytics().expect("analytics").findings[findings - 1].text(Language::English),
    );
    press(&mut h, Key::Home);
    assert_eq!(slide(&h), 0);

    // The charts follow the stages: the funnel is slide 11.
    for _ in 0..10 {
        press(&mut h, Key::PageDown);
    }
    h.get_by_label("Drop-off funnel");

    // P: presenter notes with the next slide's name; P again hides them.
    press(&mut h, Key::P);
    h.get_by_label("Presenter notes");
    h.get_by_label("Next: Emotion curve");
    press(&mut h, Key::P);
    assert!(h.query_by_label("Presenter notes").is_none());

    // B blanks the screen; the next key brings the same slide back.
    press(&mut h, Key::B);
    assert!(h.query_by_label("Drop-off funnel").is_none());
    press(&mut h, Key::PageDown);
    h.get_by_label("Drop-off funnel");

    // T switches the projector theme, a setting kept between runs.
    assert!(!h.state().settings.present.dark);
    press(&mut h, Key::T);
    assert!(h.state().settings.present.dark);

    // Esc leaves, back on the view shown before.
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
    assert_eq!(h.state().selection.view, View::EmotionLog);
    h.get_by_label("Journey board");
}

#[test]
fn reveal_mode_keeps_the_observed_numbers_for_the_room_to_guess() {
    let (_dir, path) = demo();
    let mut h = harness(&path, Language::English);
    h.state_mut().send(UiCommand::ToggleRevealMode);
    h.state_mut().send(UiCommand::Present);
    h.run();
    settle(&mut h);
    press(&mut h, Key::Num3);
    let drop_off = expected_drop_off(&path, None, Stage::Validation, Language::English);
    // The observed emotion and the drop-off are a "?" each.
    assert_eq!(h.query_all_by_label("?").count(), 2);
    assert!(h.query_by_label(&drop_off).is_none());
    h.get_by_label("What do you expect? Press R to reveal");

    // R reveals: the mean of the entries logged at Validation, and the drop-off.
    press(&mut h, Key::R);
    h.get_by_label(&drop_off);
    let entries: Vec<i8> = Workspace::open(&path)
        .expect("open")
        .emotions(None, None)
        .expect("emotions")
        .into_iter()
        .filter(|(_, e)| e.stage == Stage::Validation)
        .map(|(_, e)| e.score.get())
        .collect();
    assert!(!entries.is_empty(), "the demo logs feelings at Validation");
    let mean = entries.iter().map(|s| f64::from(*s)).sum::<f64>() / entries.len() as f64;
    h.get_by_label(&format!(
        "{} on average over {} entries",
        signed_mean(mean, Language::English),
        entries.len()
    ));
    // R again hides (a reveal pressed too early).
    press(&mut h, Key::R);
    assert_eq!(h.query_all_by_label("?").count(), 2);

    // A clicker has no R: its PageDown reveals first, then moves on.
    press(&mut h, Key::PageDown);
    assert_eq!(slide(&h), 4);
    h.get_by_label(&drop_off);
    press(&mut h, Key::PageDown);
    h.get_by_label("4. Kickoff");
    assert_eq!(h.query_all_by_label("?").count(), 2);
}

#[test]
fn the_persona_filter_holds_for_the_whole_presentation() {
    let (_dir, path) = demo();
    let personas = Workspace::open(&path).expect("open").personas().expect("personas");
    let chosen = &personas[0];
    let mut h = harness(&path, Language::English);
    press(&mut h, Key::F5);
    h.state_mut().send(Command::PresentFor(Some(chosen.id)));
    h.run();
    settle(&mut h);
    // The title shows the chosen persona only.
    assert!(h.query_all_by_label(&chosen.persona.name).count() >= 1);
    assert!(h.query_by_label(&personas[1].persona.name).is_none());
    // The stage funnel is that persona's customers'.
    press(&mut h, Key::Num2);
    h.get_by_label(&expected_drop_off(
        &path,
        Some(&chosen.persona.name),
        Stage::Acknowledgment,
        Language::English,
    ));
}

fn snapshot_slides(language: Language, suffix: &str) {
    let (_dir, path) = demo();
    let mut h = harness(&path, language);
    h.state_mut().send(UiCommand::ToggleRevealMode);
    h.state_mut().send(UiCommand::Present);
    h.run();
    settle(&mut h);
    snapshot(&mut h, &format!("present_title_{suffix}"));
    press(&mut h, Key::Num3);
    snapshot(&mut h, &format!("present_stage_hidden_{suffix}"));
    press(&mut h, Key::R);
    h.get_by_label(&expected_drop_off(&path, None, Stage::Validation, language));
    snapshot(&mut h, &format!("present_stage_revealed_{suffix}"));
    // Reveal mode off, so PageDown moves through the stages at once.
    h.state_mut().send(UiCommand::ToggleRevealMode);
    press(&mut h, Key::Home);
    for _ in 0..10 {
        press(&mut h, Key::PageDown);
    }
    assert_eq!(slide(&h), 10);
    snapshot(&mut h, &format!("present_funnel_{suffix}"));
    // The other two charts, drawn at the slide's type as the funnel is.
    press(&mut h, Key::PageDown);
    snapshot(&mut h, &format!("present_emotion_curve_{suffix}"));
    press(&mut h, Key::PageDown);
    snapshot(&mut h, &format!("present_emotion_dropoff_{suffix}"));
}

#[test]
fn slide_snapshots_in_english() {
    snapshot_slides(Language::English, "en");
}

#[test]
fn slide_snapshots_in_vietnamese() {
    snapshot_slides(Language::Vietnamese, "vi");
}

/// P cycles the presenter notes: a second window, below the slide, off. kittest embeds
/// viewports, so P goes straight below; told it can open windows, the notes window comes
/// first (kittest draws it as an embedded window with the viewport's title).
#[test]
fn p_cycles_the_notes_window_below_the_slide_and_off() {
    use fanpath::i18n::{NotesFor, Tr};
    use fanpath::ui::present::NotesMode;

    let (_dir, path) = demo();
    let mut h = harness(&path, Language::English);
    press(&mut h, Key::F5);
    settle(&mut h);
    press(&mut h, Key::Num3);
    let window_title = "Fanpath — presenter notes";
    let speaking = Tr(Language::English).presenter_notes(NotesFor::Stage(Stage::Validation));
    let questions = fanpath::i18n::playbook::playbook(Stage::Validation, Language::English).questions;
    let notes = |h: &Harness<'_, FanpathApp>| h.state().presentation().expect("presenting").notes;

    // Without a second window: below, then off.
    assert!(h.ctx.embed_viewports(), "kittest cannot open native windows");
    press(&mut h, Key::P);
    assert_eq!(notes(&h), NotesMode::Below);
    h.get_by_label(speaking);
    h.get_by_label("Next: 4. Kickoff");
    h.get_by_label_contains("Elapsed 0:");
    // The stage playbook's questions, on one line below the slide.
    h.get_by_label(&format!("Stage playbook: {}", questions.join("  •  ")));
    assert!(h.query_by_label(window_title).is_none());
    press(&mut h, Key::P);
    assert_eq!(notes(&h), NotesMode::Off);
    assert!(h.query_by_label(speaking).is_none());

    // With a second window: the window, then below, then off.
    h.ctx.set_embed_viewports(false);
    press(&mut h, Key::P);
    assert_eq!(notes(&h), NotesMode::Window);
    h.get_by_label(window_title);
    h.get_by_label(speaking);
    for question in questions {
        h.get_by_label(&format!("• {question}"));
    }
    h.get_by_label("Next: 4. Kickoff");
    let deck_len = h.query_all_by_label_contains("Slide 5 of ").count();
    assert_eq!(deck_len, 2, "the slide's counter and the window's");
    assert_eq!(h.query_all_by_label("Presenter notes").count(), 1, "not below the slide as well");
    // The slide moves on under the window, and the window follows.
    press(&mut h, Key::PageDown);
    h.get_by_label("Next: 5. Acclimation");
    press(&mut h, Key::P);
    assert_eq!(notes(&h), NotesMode::Below);
    assert!(h.query_by_label(window_title).is_none());
    h.get_by_label(Tr(Language::English).presenter_notes(NotesFor::Stage(Stage::Kickoff)));
    press(&mut h, Key::P);
    assert_eq!(notes(&h), NotesMode::Off);
    assert!(h.query_by_label("Presenter notes").is_none());
}
