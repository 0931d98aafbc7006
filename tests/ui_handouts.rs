//! File → Export journey map… and File → Export workshop pack… driven through the menu
//! (issue #11 §3): the map waits for a persona; with one, the menu item writes the PDF on
//! the worker, and poppler's `pdftotext` reads the persona's name back, diacritics and all.
//! kittest cannot click the system's file chooser: the test answers it beforehand.

#[path = "common/app.rs"]
mod app;

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use app::{harness, settle, today};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use fanpath::i18n::{Text, Tr};
use fanpath::model::Language;
use fanpath::store::Workspace;
use fanpath::ui::FanpathApp;
use fanpath::ui::command::Command;

/// The demo workspace (four personas with Vietnamese names) in a temporary folder.
fn demo() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("coffee.sqlite");
    let mut ws = Workspace::open(&path).expect("create");
    ws.write_demo(&fanpath::store::DemoOptions::new(today())).expect("demo");
    (dir, path)
}

/// Opens the File menu and returns whether `item` is enabled in it.
fn file_menu_item_enabled(h: &mut Harness<'_, FanpathApp>, item: &str) -> bool {
    let file = Tr(h.state().settings.language).t(Text::File);
    h.get_by_label(file).click();
    h.run();
    !h.get_by_label(item).accesskit_node().is_disabled()
}

/// Clicks `item` in the (open) File menu, then waits for the export on the worker.
fn click_and_wait(h: &mut Harness<'_, FanpathApp>, item: &str) {
    h.get_by_label(item).click();
    h.run();
    settle(h);
}

/// The PDF's text, or None (with a notice) where poppler-utils is missing.
fn pdf_text(pdf: &Path) -> Option<String> {
    let Ok(out) = Process::new("pdftotext").args(["-enc", "UTF-8"]).arg(pdf).arg("-").output() else {
        println!("pdftotext not found (install poppler-utils): PDF text not checked");
        return None;
    };
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A PDF file: its magic number and more than an empty page's worth of bytes.
fn assert_pdf(path: &Path) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(bytes.starts_with(b"%PDF-"), "{} is not a PDF", path.display());
    assert!(bytes.len() > 10_000, "{} holds only {} bytes", path.display(), bytes.len());
}

#[test]
fn the_journey_map_waits_for_a_persona_then_writes_its_pdf() {
    let (dir, path) = demo();
    let personas = Workspace::open(&path).expect("open").personas().expect("personas");
    let chosen = &personas[1];
    // The names are Vietnamese: the PDF must keep their diacritics.
    assert!(!chosen.persona.name.is_ascii(), "{}", chosen.persona.name);
    let mut h = harness(&path, Language::English);
    let pdf = dir.path().join("map.pdf");
    const MAP_ITEM: &str = "Export journey map…";

    // No persona selected: the item is there but disabled, and clicking it writes nothing.
    assert_eq!(h.state().selection.persona, None);
    assert!(!file_menu_item_enabled(&mut h, MAP_ITEM));
    h.state_mut().answer_next_save_dialog(pdf.clone());
    click_and_wait(&mut h, MAP_ITEM);
    assert!(!pdf.exists(), "a disabled item wrote {}", pdf.display());

    // With a persona: File → Export journey map… writes that persona's poster.
    h.state_mut().send(Command::SelectPersona(Some(chosen.id)));
    h.run();
    assert!(file_menu_item_enabled(&mut h, MAP_ITEM));
    click_and_wait(&mut h, MAP_ITEM);
    assert_pdf(&pdf);
    h.get_by_label_contains(&format!("Exported to {}", pdf.display()));
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains(&chosen.persona.name), "{} not in:\n{text}", chosen.persona.name);
        for other in personas.iter().filter(|p| p.id != chosen.id) {
            assert!(
                !text.contains(&other.persona.name),
                "the map is one persona's, not {}",
                other.persona.name
            );
        }
    }
}

#[test]
fn the_workshop_pack_writes_every_persona_into_one_pdf() {
    let (dir, path) = demo();
    let personas = Workspace::open(&path).expect("open").personas().expect("personas");
    let mut h = harness(&path, Language::Vietnamese);
    let pdf = dir.path().join("pack.pdf");
    let pack_item = "Xuất bộ tài liệu hội thảo…";

    // The pack holds every persona: it needs none selected.
    assert_eq!(h.state().selection.persona, None);
    assert!(file_menu_item_enabled(&mut h, pack_item));
    h.state_mut().answer_next_save_dialog(pdf.clone());
    click_and_wait(&mut h, pack_item);
    assert_pdf(&pdf);
    if let Some(text) = pdf_text(&pdf) {
        for record in &personas {
            assert!(text.contains(&record.persona.name), "{} not in the pack", record.persona.name);
        }
        // Written in the UI language: the Vietnamese title of the eight stages.
        assert!(text.contains("Tám giai đoạn"), "{text}");
    }
}
