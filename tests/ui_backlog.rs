//! The Backlog view through egui_kittest, in both languages: adding opportunities from the
//! form, their ranking, clicking a dot of the matrix to select its row, editing and
//! deleting, and undo of each; the board's open counts; a snapshot of the matrix.

#[path = "common/app.rs"]
mod app;

use app::{harness, snapshot, today};
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fanpath::i18n::{Text, Tr};
use fanpath::model::{Language, Opportunity, OpportunityStatus, Persona, Rating, Stage};
use fanpath::store::Workspace;
use fanpath::store::edit::Edit;
use fanpath::ui::FanpathApp;
use fanpath::ui::command::{Command, UiCommand};

fn workspace(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("backlog.sqlite");
    let mut ws = Workspace::open(&path).expect("open");
    ws.create_persona(&Persona::named("Nguyễn Thị Hằng")).expect("persona");
    ws.create_persona(&Persona::named("Trần Minh Đức")).expect("persona");
    path
}

fn titles_on_disk(path: &Path) -> Vec<String> {
    let ws = Workspace::open(path).expect("reopen");
    ws.opportunities(None).expect("list").into_iter().map(|(_, o)| o.title).collect()
}

/// Replaces the text of the field labelled `label`.
fn type_into(h: &mut Harness<'_, FanpathApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.get_by_role_and_label(Role::TextInput, label).type_text(text);
    h.run();
}

/// Picks `choice` in the menu labelled `label`.
fn choose(h: &mut Harness<'_, FanpathApp>, label: &str, choice: &str) {
    // The form is right of the filters, which may have a menu with the same name.
    let combo = h
        .get_all_by_role_and_label(Role::ComboBox, label)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()));
    combo.expect("the menu").click();
    h.run();
    h.get_by_role_and_label(Role::Button, choice).click();
    h.run();
}

fn add_from_form(h: &mut Harness<'_, FanpathApp>, tr: Tr, title: &str, value: &str, effort: &str) {
    type_into(h, tr.t(Text::OpportunityTitle), title);
    choose(h, tr.t(Text::Value), value);
    choose(h, tr.t(Text::Effort), effort);
    h.get_by_label(tr.t(Text::AddOpportunity)).click();
    h.run();
}

fn undo(h: &mut Harness<'_, FanpathApp>) {
    h.state_mut().send(UiCommand::Undo);
    h.run();
}

/// Clicks the matrix dot of the opportunity titled `title`.
fn click_dot(h: &mut Harness<'_, FanpathApp>, title: &str) {
    let id = h.state().data.opportunities.iter().find(|(_, o)| o.title == title).expect("listed").0;
    let at = h.state().backlog_view().dot_at(id).expect("a dot");
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.drop_at(at);
    h.run();
    assert_eq!(h.state().backlog_view().selected(), Some(id), "the dot of {title} selects its row");
}

fn add_rank_select_edit_delete_and_undo(language: Language) {
    let tr = Tr(language);
    let dir = tempfile::tempdir().expect("dir");
    let path = workspace(dir.path());
    let mut h = harness(&path, language);
    h.get_by_label(tr.t(Text::Backlog)).click();
    h.run();
    h.get_by_label(tr.t(Text::NoOpportunitiesYet));

    add_from_form(&mut h, tr, "Thẻ thành viên", "2", "4");
    add_from_form(&mut h, tr, "Gọi điện chào mừng", "5", "1");
    assert_eq!(titles_on_disk(&path), ["Thẻ thành viên", "Gọi điện chào mừng"]);
    h.get_by_label(&tr.showing_opportunities(2, 2));
    // Ranked by priority: 5/1 above 2/4, though added later.
    let top = |h: &Harness<'_, FanpathApp>, label: &str| h.get_by_label(label).rect().top();
    assert!(top(&h, "Gọi điện chào mừng") < top(&h, "Thẻ thành viên"));
    // Sorting by title puts "Gọi" above "Thẻ" too; by title again reverses it.
    h.get_by_role_and_label(Role::Button, tr.t(Text::OpportunityTitle)).click();
    h.run();
    h.get_by_role_and_label(Role::Button, &format!("{} ▲", tr.t(Text::OpportunityTitle))).click();
    h.run();
    assert!(top(&h, "Thẻ thành viên") < top(&h, "Gọi điện chào mừng"));

    // Undo the second add.
    undo(&mut h);
    assert_eq!(titles_on_disk(&path), ["Thẻ thành viên"]);
    assert!(h.query_by_label("Gọi điện chào mừng").is_none());

    // A dot selects its row and opens it in the form; saving a change is one step.
    click_dot(&mut h, "Thẻ thành viên");
    h.get_by_label(tr.t(Text::EditOpportunity));
    type_into(&mut h, tr.t(Text::OpportunityTitle), "Thẻ tích điểm");
    h.get_by_label(tr.t(Text::SaveChanges)).click();
    h.run();
    assert_eq!(titles_on_disk(&path), ["Thẻ tích điểm"]);
    undo(&mut h);
    assert_eq!(titles_on_disk(&path), ["Thẻ thành viên"]);

    // Delete (as the form's Delete button sends it), then undo.
    click_dot(&mut h, "Thẻ thành viên");
    let id = h.state().backlog_view().selected().expect("selected");
    h.state_mut().send(Edit::DeleteOpportunity(id));
    h.run();
    assert!(titles_on_disk(&path).is_empty());
    assert_eq!(h.state().backlog_view().selected(), None);
    undo(&mut h);
    assert_eq!(titles_on_disk(&path), ["Thẻ thành viên"]);
    h.get_by_label(&tr.showing_opportunities(1, 1));
}

#[test]
fn add_rank_select_edit_delete_and_undo_in_english() {
    add_rank_select_edit_delete_and_undo(Language::English);
}

#[test]
fn add_rank_select_edit_delete_and_undo_in_vietnamese() {
    add_rank_select_edit_delete_and_undo(Language::Vietnamese);
}

/// A backlog of five ideas over three stages.
fn backlog_workspace(dir: &Path) -> std::path::PathBuf {
    let path = workspace(dir);
    let mut ws = Workspace::open(&path).expect("open");
    let version = ws.first_version().expect("a version");
    let hang = ws.personas().expect("personas")[0].id;
    for (title, stage, value, effort, status) in [
        ("Gọi điện chào mừng", Stage::Kickoff, 5, 1, OpportunityStatus::InProgress),
        ("Tin nhắn cảm ơn", Stage::Acknowledgment, 4, 2, OpportunityStatus::Idea),
        ("Ứng dụng đặt món", Stage::Kickoff, 5, 5, OpportunityStatus::Planned),
        ("Đổi màu cốc", Stage::Evaluation, 1, 2, OpportunityStatus::Idea),
        ("Thẻ thành viên kim loại", Stage::Kickoff, 2, 5, OpportunityStatus::Dropped),
    ] {
        let mut o = Opportunity::new(version, title, stage, today());
        o.value = Rating::new(value).expect("value");
        o.effort = Rating::new(effort).expect("effort");
        o.status = status;
        o.persona = (stage == Stage::Kickoff).then_some(hang);
        ws.add_opportunity(&o).expect("add");
    }
    path
}

#[test]
fn the_board_counts_open_opportunities_and_the_stage_detail_adds_one() {
    let dir = tempfile::tempdir().expect("dir");
    let path = backlog_workspace(dir.path());
    let tr = Tr(Language::English);
    let mut h = harness(&path, Language::English);
    let count = |h: &Harness<'_, FanpathApp>, n: u64| h.query_all_by_label(&tr.open_opportunities(n)).count();
    // Kickoff's column: two open (the dropped one is not counted); Acknowledgment's and
    // Evaluation's one each, and the stage detail (Evaluation until a stage is chosen) one.
    assert_eq!((count(&h, 2), count(&h, 1)), (1, 3));

    // The stage detail lists Kickoff's open ones and adds a new idea in one line.
    h.state_mut().send(Command::SelectStage(Stage::Kickoff));
    h.run();
    assert_eq!(count(&h, 2), 2, "the column and the detail");
    h.get_by_label_contains("Ứng dụng đặt món");
    h.get_by_role_and_label(Role::TextInput, tr.t(Text::AddOpportunity)).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, tr.t(Text::AddOpportunity)).type_text("Lịch hẹn đầu tiên");
    h.run();
    h.get_by_label(tr.t(Text::QuickAdd)).click();
    h.run();
    assert_eq!(count(&h, 3), 2);
    let titles = titles_on_disk(&path);
    assert_eq!(titles.last().map(String::as_str), Some("Lịch hẹn đầu tiên"));
    undo(&mut h);
    assert_eq!((count(&h, 3), count(&h, 2)), (0, 2));
}

#[test]
fn backlog_matrix_snapshots() {
    for (language, suffix) in [(Language::English, "en"), (Language::Vietnamese, "vi")] {
        let dir = tempfile::tempdir().expect("dir");
        let path = backlog_workspace(dir.path());
        let mut h = harness(&path, language);
        h.get_by_label(Tr(language).t(Text::Backlog)).click();
        h.run();
        click_dot(&mut h, "Tin nhắn cảm ơn");
        snapshot(&mut h, &format!("backlog_{suffix}"));
    }
}
