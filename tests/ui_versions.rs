//! Journey versions in the window (issue #10 §1, §2): a to-be version made as a copy of the
//! as-is one, edited without touching it, compared, and every step undone, in both
//! languages; a snapshot of the Compare view.

#[path = "common/app.rs"]
mod app;

use app::{harness, today};
use std::path::Path;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use fanpath::i18n::{Text, Tr};
use fanpath::model::{Language, Stage, VersionId};
use fanpath::store::{DemoOptions, Workspace};
use fanpath::ui::command::{Command, UiCommand};
use fanpath::ui::state::View;

fn demo(path: &Path) {
    let mut ws = Workspace::open(path).expect("open");
    ws.write_demo(&DemoOptions { customers: 200, ..DemoOptions::new(today()) }).expect("demo");
    // These tests start from one journey: the demo's own to-be version goes.
    let versions = ws.versions().expect("versions");
    for (id, _) in versions.into_iter().skip(1) {
        fanpath::store::edit::Edit::DeleteVersion(id).apply(&mut ws).expect("delete the demo's to-be");
    }
}

fn on_disk(path: &Path) -> Workspace {
    Workspace::open(path).expect("reopen")
}

/// Touchpoints of every version, by version id.
fn touchpoint_counts(path: &Path) -> Vec<(VersionId, usize)> {
    let ws = on_disk(path);
    let versions = ws.versions().expect("versions");
    versions.iter().map(|(id, _)| (*id, ws.version_touchpoints(*id, None).expect("tps").len())).collect()
}

fn copy_edit_compare_and_undo(language: Language) {
    let tr = Tr(language);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("versions.sqlite");
    demo(&path);
    let current = on_disk(&path).first_version().expect("current");
    let as_is = on_disk(&path).version_touchpoints(current, None).expect("tps");
    assert!(!as_is.is_empty());
    let mut h = harness(&path, language);
    // The board names its version, translated while Fanpath's own name is kept.
    let current_name = tr.version_name(&on_disk(&path).version(current).expect("card"));
    assert_eq!(
        current_name,
        fanpath::i18n::versions::CURRENT_NAMES[usize::from(language == Language::Vietnamese)]
    );
    h.get_by_role_and_label(Role::ComboBox, tr.t(Text::JourneyVersion));

    // 1. A to-be copy from the versions dialog (the name and the source are prefilled).
    h.get_by_label(tr.t(Text::ManageVersions)).click();
    h.run();
    h.get_by_label(tr.t(Text::CreateVersion)).click();
    h.run();
    let counts = touchpoint_counts(&path);
    assert_eq!(counts.len(), 2);
    let copy = counts[1].0;
    assert_eq!(counts[1].1, as_is.len(), "the copy has every touchpoint");
    let copy_card = on_disk(&path).version(copy).expect("copy");
    assert_eq!(copy_card.name, tr.t(Text::NewVersionName));
    assert_eq!(copy_card.kind, fanpath::model::VersionKind::ToBe);
    h.get_by_label(tr.t(Text::Close)).click();
    h.run();

    // 2. Edit the copy on the board: a target emotion and a new touchpoint.
    let persona = on_disk(&path).personas().expect("personas")[0].id;
    h.state_mut().send(Command::SelectPersona(Some(persona)));
    h.state_mut().send(Command::SelectStage(Stage::Validation));
    h.run();
    let combo = h.get_by_role_and_label(Role::ComboBox, tr.t(Text::TargetEmotion));
    let combo_x = combo.rect().x_range();
    combo.click();
    h.run();
    // The board's columns show "+3" means too: the item is the one in the popup, above the box.
    h.get_all_by_label("+3")
        .find(|item| combo_x.intersects(item.rect().x_range()))
        .expect("the +3 item")
        .click();
    h.run();
    let targets = |v| on_disk(&path).targets(v).expect("targets").explicit(persona, Stage::Validation);
    assert_eq!(targets(copy).map(fanpath::model::Score::get), Some(3));
    assert_eq!(targets(current), None, "the as-is version is untouched");

    // The form sits below the fold of the stage detail's column, as for a user: scroll first.
    h.get_by_label(tr.t(Text::AddTouchpoint)).scroll_to_me();
    h.run();
    // No channel is picked at first: "Other" asks for its name, and Add waits for one.
    for (field, text) in [(Text::ChannelName, "Zalo"), (Text::Description, "Video call")] {
        h.get_by_role_and_label(Role::TextInput, tr.t(field)).click();
        h.run();
        h.get_by_role_and_label(Role::TextInput, tr.t(field)).type_text(text);
        h.run();
    }
    h.get_by_label(tr.t(Text::AddTouchpoint)).click();
    h.run();
    let counts = touchpoint_counts(&path);
    assert_eq!(counts, vec![(current, as_is.len()), (copy, as_is.len() + 1)]);
    assert_eq!(on_disk(&path).version_touchpoints(current, None).expect("tps"), as_is);

    // 3. Compare: the copy adds one touchpoint at Validation and keeps the others.
    h.get_by_label(tr.t(Text::CompareVersions)).click();
    h.run();
    let kept = as_is.iter().filter(|(_, t)| t.stage == Stage::Validation).count();
    h.get_by_label(&tr.touchpoint_diff(1, 0, kept));

    // 4. Undo each step: the touchpoint, the target, the version.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(touchpoint_counts(&path), vec![(current, as_is.len()), (copy, as_is.len())]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(targets(copy), None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(touchpoint_counts(&path), vec![(current, as_is.len())]);
    // Redo brings the copy back under its id.
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    h.run();
    assert_eq!(touchpoint_counts(&path), vec![(current, as_is.len()), (copy, as_is.len())]);
}

#[test]
fn a_to_be_copy_is_edited_compared_and_undone_in_english() {
    copy_edit_compare_and_undo(Language::English);
}

#[test]
fn a_to_be_copy_is_edited_compared_and_undone_in_vietnamese() {
    copy_edit_compare_and_undo(Language::Vietnamese);
}

#[test]
fn deleting_a_version_asks_first_and_undo_restores_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("versions.sqlite");
    demo(&path);
    let tr = Tr(Language::English);
    let mut h = harness(&path, Language::English);
    h.state_mut().send(UiCommand::ManageVersions);
    h.run();
    h.get_by_label(tr.t(Text::CreateVersion)).click();
    h.run();
    let before = touchpoint_counts(&path);
    assert_eq!(before.len(), 2);
    // The dialog shows the new version; deleting it asks first, naming what goes with it.
    h.get_by_label(tr.t(Text::DeleteVersionEllipsis)).click();
    h.run();
    h.get_by_label(&tr.delete_version_consequences(before[1].1, 0));
    h.get_by_label(tr.t(Text::Delete)).click();
    // The deletion waits for the backup, taken on another thread.
    app::settle(&mut h);
    assert_eq!(touchpoint_counts(&path).len(), 1);
    assert_eq!(fanpath::store::list_backups(&path).expect("backups").len(), 1, "backed up first");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(touchpoint_counts(&path), before);
}

#[test]
fn compare_view_snapshot() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("versions.sqlite");
    demo(&path);
    {
        // A to-be copy that drops one touchpoint, adds one and raises the Validation target.
        let mut ws = on_disk(&path);
        let current = ws.first_version().expect("current");
        // One open opportunity at Kickoff, which the copy takes along.
        let idea = fanpath::model::Opportunity::new(current, "Gọi điện chào mừng", Stage::Kickoff, today());
        ws.add_opportunity(&idea).expect("opportunity");
        let card = fanpath::model::JourneyVersion {
            kind: fanpath::model::VersionKind::ToBe,
            created_on: Some(today()),
            ..fanpath::model::JourneyVersion::named("Tết 2027")
        };
        fanpath::store::edit::Edit::CreateVersion(Box::new(card), Some(current))
            .apply(&mut ws)
            .expect("copy");
        let copy = ws.versions().expect("versions")[1].0;
        // At Validation the copy gets one open idea and one dropped (not counted).
        for status in [fanpath::model::OpportunityStatus::Planned, fanpath::model::OpportunityStatus::Dropped]
        {
            let mut o =
                fanpath::model::Opportunity::new(copy, "Cuộc gọi hướng dẫn", Stage::Validation, today());
            o.status = status;
            ws.add_opportunity(&o).expect("opportunity");
        }
        let (first, mut touchpoint) = ws.version_touchpoints(copy, None).expect("tps").remove(0);
        ws.delete_touchpoint(first).expect("drop one");
        touchpoint.stage = Stage::Validation;
        touchpoint.description = "Cuộc gọi video hướng dẫn".into();
        ws.add_touchpoint(&touchpoint).expect("add one");
        for record in ws.personas().expect("personas") {
            let score = Some(fanpath::model::Score::new(1).expect("score"));
            fanpath::store::edit::Edit::SetTarget {
                version: copy,
                persona: record.id,
                stage: Stage::Validation,
                score,
            }
            .apply(&mut ws)
            .expect("target");
        }
    }
    let mut h = harness(&path, Language::English);
    h.state_mut().send(UiCommand::ShowView(View::Compare));
    h.run();
    h.get_by_label(&format!("{}: Tết 2027", Tr(Language::English).t(Text::TargetB)));
    // Open opportunities A / B: Kickoff's idea in both, Validation's planned one in B only;
    // the six other stages have none.
    h.get_by_label("1 / 1");
    h.get_by_label("0 / 1");
    assert_eq!(h.query_all_by_label("0 / 0").count(), 6);
    app::snapshot(&mut h, "compare_en");
}

/// Adds an empty to-be version "Tết 2027" after the first one and returns it.
fn empty_to_be(ws: &mut Workspace) -> VersionId {
    let card = fanpath::model::JourneyVersion {
        kind: fanpath::model::VersionKind::ToBe,
        ..fanpath::model::JourneyVersion::named("Tết 2027")
    };
    fanpath::store::edit::Edit::CreateVersion(Box::new(card), None).apply(ws).expect("to-be");
    ws.versions().expect("versions")[1].0
}

/// Opens Analytics, waits for its numbers and returns the findings, checking that the view
/// shows each of them.
fn findings_shown(
    h: &mut egui_kittest::Harness<'static, fanpath::ui::FanpathApp>,
) -> Vec<fanpath::model::analytics::Finding> {
    h.state_mut().send(UiCommand::ShowView(View::Analytics));
    app::settle(h);
    let findings = h.state().analytics().expect("analytics").findings.clone();
    for finding in &findings {
        h.get_by_label(&format!("• {}", finding.text(Language::English)));
    }
    findings
}

/// The stages where `persona` has no touchpoint in `version`, read from the file: what the
/// "no touchpoint" finding of that version must name.
fn stages_without_touchpoints(
    path: &Path,
    version: VersionId,
    persona: fanpath::model::PersonaId,
) -> Vec<Stage> {
    let touchpoints = on_disk(path).version_touchpoints(version, Some(persona)).expect("tps");
    Stage::ALL.into_iter().filter(|s| !touchpoints.iter().any(|(_, t)| t.stage == *s)).collect()
}

#[test]
fn analytics_findings_follow_the_version_on_the_board() {
    use fanpath::model::analytics::Finding;
    let tr = Tr(Language::English);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("versions.sqlite");
    let (current, to_be, lan) = {
        let mut ws = on_disk(&path);
        let lan = ws.create_persona(&fanpath::model::Persona::named("Lan")).expect("persona");
        // Lan felt -1 at Validation: her lowest point, compared with each version's target.
        let entry = fanpath::model::emotion::EmotionEntry {
            persona: lan,
            stage: Stage::Validation,
            score: fanpath::model::Score::new(-1).expect("score"),
            label: String::new(),
            note: String::new(),
            touchpoint: String::new(),
            source: fanpath::model::emotion::Source::Interview,
            logged_at: None,
        };
        ws.add_emotion(&entry).expect("emotion");
        let current = ws.first_version().expect("current");
        // The as-is version reaches Lan at Evaluation only; the to-be one at the first five
        // stages, and aims for +3 at Validation.
        let to_be = empty_to_be(&mut ws);
        let stages = [(current, &Stage::ALL[..1]), (to_be, &Stage::ALL[..5])];
        for (version, reached) in stages {
            for stage in reached {
                let touchpoint = fanpath::model::Touchpoint {
                    version,
                    persona: lan,
                    stage: *stage,
                    channel: fanpath::model::Channel::Email,
                    description: "Thư chào".into(),
                };
                ws.add_touchpoint(&touchpoint).expect("touchpoint");
            }
        }
        let score = Some(fanpath::model::Score::new(3).expect("score"));
        fanpath::store::edit::Edit::SetTarget {
            version: to_be,
            persona: lan,
            stage: Stage::Validation,
            score,
        }
        .apply(&mut ws)
        .expect("target");
        (current, to_be, lan)
    };
    // What each version's findings must say, from the file and the model's default level.
    let expected = |version: VersionId, target: i8| {
        vec![
            Finding::LowestEmotion {
                persona: Some("Lan".into()),
                stage: Stage::Validation,
                mean: -1.0,
                expected: target,
            },
            Finding::TouchpointGaps {
                persona: "Lan".into(),
                stages: stages_without_touchpoints(&path, version, lan),
            },
        ]
    };
    let as_is = expected(current, Stage::Validation.expected_score());
    let designed = expected(to_be, 3);
    assert_ne!(as_is, designed, "the two versions must tell apart");

    let mut h = harness(&path, Language::English);
    assert_eq!(findings_shown(&mut h), as_is, "the first version on the board");

    // Switch the board to the to-be version with its combo box, as a user would.
    h.state_mut().send(UiCommand::ShowView(View::Board));
    h.run();
    h.get_by_role_and_label(Role::ComboBox, tr.t(Text::JourneyVersion)).click();
    h.run();
    let kind = tr.version_kind(fanpath::model::VersionKind::ToBe);
    h.get_by_label(&format!("Tết 2027 ({kind})")).click();
    h.run();
    assert_eq!(findings_shown(&mut h), designed, "the to-be version's touchpoints and target");
    // The heading says whose touchpoints and targets these are.
    h.get_by_label("Findings, with the touchpoints and targets of “Tết 2027”");

    // And back.
    h.state_mut().send(Command::SelectVersion(current));
    assert_eq!(findings_shown(&mut h), as_is);
}

#[test]
fn compare_counts_the_open_opportunities_of_the_persona_chosen() {
    use fanpath::model::{Opportunity, OpportunityStatus, Persona};
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("versions.sqlite");
    let mut ws = on_disk(&path);
    let lan = ws.create_persona(&Persona::named("Lan")).expect("Lan");
    let minh = ws.create_persona(&Persona::named("Minh")).expect("Minh");
    let a = ws.first_version().expect("current");
    let b = empty_to_be(&mut ws);
    // (version, stage, persona, status) of every opportunity.
    let rows = [
        (a, Stage::Kickoff, Some(lan), OpportunityStatus::Idea),
        (a, Stage::Kickoff, Some(minh), OpportunityStatus::Planned),
        (a, Stage::Kickoff, None, OpportunityStatus::InProgress),
        (b, Stage::Kickoff, Some(minh), OpportunityStatus::Idea),
        (b, Stage::Validation, None, OpportunityStatus::Planned),
        (b, Stage::Validation, Some(lan), OpportunityStatus::Dropped),
    ];
    for (version, stage, persona, status) in rows {
        let mut o = Opportunity::new(version, "Gọi điện", stage, today());
        o.persona = persona;
        o.status = status;
        ws.add_opportunity(&o).expect("opportunity");
    }
    // The count by hand: open (not done, not dropped), and for Lan or for everyone.
    let expected = |version: VersionId, scope: Option<fanpath::model::PersonaId>| {
        let mut counts = [0_u64; 8];
        for (v, stage, persona, status) in rows {
            let open = !matches!(status, OpportunityStatus::Done | OpportunityStatus::Dropped);
            let in_scope = scope.is_none() || persona.is_none() || persona == scope;
            if v == version && open && in_scope {
                counts[stage.index()] += 1;
            }
        }
        counts
    };
    assert_eq!(expected(a, Some(lan))[Stage::Kickoff.index()], 2, "Lan's idea and everyone's");
    let language = Language::English;
    let mut h = harness(&path, language);
    h.state_mut().send(UiCommand::ShowView(View::Compare));
    for scope in [Some(lan), None, Some(minh)] {
        h.state_mut().compare_view_mut().persona = scope;
        h.run();
        let (in_a, in_b) = (expected(a, scope), expected(b, scope));
        let mut labels: Vec<String> =
            Stage::ALL.iter().map(|s| format!("{} / {}", in_a[s.index()], in_b[s.index()])).collect();
        labels.sort();
        labels.dedup();
        for label in labels {
            let shown = h.query_all_by_label(&label).count();
            let wanted = Stage::ALL
                .iter()
                .filter(|s| format!("{} / {}", in_a[s.index()], in_b[s.index()]) == label)
                .count();
            assert_eq!(shown, wanted, "{label} for {scope:?}");
        }
        // The PNG export reads the same counts from the file.
        let read =
            fanpath::ui::compare::export::read_comparison(h.state().workspace(), (a, b), scope, language)
                .expect("read");
        assert_eq!(read.open_opportunities, (in_a, in_b));
    }
}
