//! File → New from template… through the window (issue #11 §2): the dialog shows what each
//! template holds in the chosen language, and the workspace it makes opens with the
//! template's personas on the board.

#[path = "common/app.rs"]
mod app;

use app::{harness, settle, snapshot};
use egui_kittest::kittest::Queryable;
use fanpath::model::Language;
use fanpath::model::template::builtin;

#[test]
fn a_new_workspace_from_a_template_opens_with_its_personas() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = dir.path().join("empty.sqlite");
    let mut harness = harness(&empty, Language::English);

    // An empty workspace offers a template where the personas would be.
    harness.get_by_label("Start from a template…").click();
    settle(&mut harness);
    let coffee = builtin("coffee", Language::English).expect("template");
    harness.get_by_label(&coffee.title);
    harness.get_by_label(&coffee.summary);
    for p in &coffee.personas {
        harness.get_by_label(&p.name);
    }
    snapshot(&mut harness, "template_dialog_en");

    // The content in Vietnamese, and another business.
    harness.get_by_label("Tiếng Việt").click();
    settle(&mut harness);
    let clinic = builtin("clinic", Language::Vietnamese).expect("template");
    let name = clinic.title.split(" — ").next().expect("name");
    harness.get_by_label_contains(name).click();
    settle(&mut harness);
    harness.get_by_label(&clinic.title);
    for p in &clinic.personas {
        harness.get_by_label(&p.name);
    }
    snapshot(&mut harness, "template_dialog_vi");

    // Create asks where to save (a native dialog); the test answers it beforehand.
    let choice = harness.state_mut().template_dialog_mut().choice();
    assert_eq!((choice.key, choice.language), ("clinic", Language::Vietnamese));
    let made = dir.path().join("clinic.sqlite");
    harness.state_mut().answer_next_save_dialog(made.clone());
    harness.get_by_label("Create…").click();
    settle(&mut harness);
    assert!(harness.state().workspace().is_same_file(&made), "the new workspace is open");
    for p in &clinic.personas {
        // In the persona list and on the board.
        assert!(harness.query_all_by_label_contains(&p.name).count() >= 1, "{} shown", p.name);
    }
    harness.get_by_label_contains("Made from the template");
    let report = harness.state().workspace().report(None).expect("report");
    assert_eq!(report.funnel.customers(), fanpath::store::DemoOptions::DEFAULT_CUSTOMERS);
    // The workspace that was open is untouched and still empty.
    let before = fanpath::store::Workspace::open_read_only(&empty).expect("open");
    assert!(before.personas().expect("personas").is_empty());
}

#[test]
fn the_dialog_in_vietnamese_and_cancel() {
    let dir = tempfile::tempdir().expect("dir");
    let mut harness = harness(&dir.path().join("w.sqlite"), Language::Vietnamese);
    harness.get_by_label("Tệp").click();
    harness.run();
    harness.get_by_label("Tạo mới từ mẫu…").click();
    settle(&mut harness);
    // Opened in the app's language.
    let coffee = builtin("coffee", Language::Vietnamese).expect("template");
    harness.get_by_label(&coffee.title);
    harness.get_by_label_contains("4 chân dung · 64 điểm chạm");
    harness.get_by_label("Huỷ").click();
    settle(&mut harness);
    assert!(harness.query_by_label(&coffee.title).is_none(), "closed");
    assert!(harness.state().workspace().personas().expect("personas").is_empty(), "nothing made");
}
