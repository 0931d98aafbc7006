//! The undo history without egui: every kind of edit applied, undone and redone on a
//! workspace with data, comparing every row of every table.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::history::{History, PersonaChange};
use crate::model::{
    Channel, EmotionEntry, EmotionId, JourneyVersion, Persona, PersonaId, Score, Source, Stage, Touchpoint,
    TouchpointId, VersionId, VersionKind,
};
use crate::model::{Opportunity, OpportunityId, OpportunityStatus, Rating};
use crate::store::edit::Edit;
use crate::store::{DemoOptions, StoreError, Workspace};

/// Every row of every table, sorted, so two workspaces compare equal exactly when they
/// hold the same data (ids included).
fn dump(ws: &Workspace) -> BTreeMap<String, Vec<Vec<String>>> {
    let conn = ws.conn();
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").expect("tables");
    let tables: Vec<String> =
        stmt.query_map([], |r| r.get(0)).expect("query").collect::<Result<_, _>>().expect("names");
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).expect("select");
            let columns = stmt.column_count();
            let mut rows: Vec<Vec<String>> = stmt
                .query_map([], |r| {
                    (0..columns)
                        .map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}")))
                        .collect()
                })
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("values");
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
}

/// A small demo: personas with emotions, touchpoints, customers and their events, and one
/// opportunity of the busiest persona backed by the first emotion entry (so deleting that
/// persona or entry touches the backlog too).
fn workspace() -> Workspace {
    let mut ws = Workspace::open_in_memory().expect("open");
    ws.write_demo(&DemoOptions { customers: 60, ..DemoOptions::new(today()) }).expect("demo");
    let mut opportunity = new_opportunity();
    opportunity.persona = Some(busy_persona(&ws));
    opportunity.evidence_emotions = vec![first_emotion(&ws).0];
    ws.add_opportunity(&opportunity).expect("opportunity");
    ws
}

fn new_opportunity() -> Opportunity {
    let mut o = Opportunity::new(VersionId(1), "Tin nhắn chào mừng", Stage::Acknowledgment, today());
    o.value = Rating::new(4).expect("value");
    o.effort = Rating::new(2).expect("effort");
    o.owner = "Linh".into();
    o.evidence = "Khách hỏi lại giờ mở cửa".into();
    o
}

fn first_opportunity(ws: &Workspace) -> (OpportunityId, Opportunity) {
    ws.opportunities(None).expect("opportunities").into_iter().next().expect("an opportunity")
}

/// The persona with the most linked data, so deleting and restoring it touches every table.
fn busy_persona(ws: &Workspace) -> PersonaId {
    let records = ws.personas().expect("personas");
    let with_data = |id: PersonaId| {
        ws.emotions(Some(id), None).expect("emotions").len() + ws.touchpoints(Some(id)).expect("tp").len()
    };
    records.iter().map(|r| r.id).max_by_key(|id| with_data(*id)).expect("a persona")
}

fn first_emotion(ws: &Workspace) -> (EmotionId, EmotionEntry) {
    ws.emotions(None, None).expect("emotions").into_iter().next().expect("an entry")
}

fn first_touchpoint(ws: &Workspace) -> (TouchpointId, Touchpoint) {
    ws.touchpoints(None).expect("touchpoints").into_iter().next().expect("a touchpoint")
}

/// Which variant an edit is; exhaustive, so a new variant fails to compile here until it
/// has a case below.
fn variant(edit: &Edit) -> usize {
    match edit {
        Edit::CreatePersona(_) => 0,
        Edit::DuplicatePersona(_) => 1,
        Edit::UpdatePersona(..) => 2,
        Edit::MovePersona(..) => 3,
        Edit::DeletePersona(_) => 4,
        Edit::RestorePersona(_) => 5,
        Edit::AddEmotion(_) => 6,
        Edit::UpdateEmotion(..) => 7,
        Edit::DeleteEmotion(_) => 8,
        Edit::RestoreEmotion(..) => 9,
        Edit::AddTouchpoint(_) => 10,
        Edit::DeleteTouchpoint(_) => 11,
        Edit::RestoreTouchpoint(..) => 12,
        Edit::CreateVersion(..) => 13,
        Edit::UpdateVersion(..) => 14,
        Edit::DeleteVersion(_) => 15,
        Edit::RestoreVersion(_) => 16,
        Edit::SetTarget { .. } => 17,
        Edit::AddOpportunity(_) => 18,
        Edit::UpdateOpportunity(..) => 19,
        Edit::DeleteOpportunity(_) => 20,
        Edit::RestoreOpportunity(..) => 21,
    }
}
const VARIANTS: usize = 22;

/// One workspace and one edit of each kind to apply to it. Restores start from a
/// workspace where the thing was deleted.
fn cases() -> Vec<(Workspace, Edit)> {
    let mut cases = Vec::new();
    let ws = workspace();
    let persona = busy_persona(&ws);
    let (emotion, entry) = first_emotion(&ws);
    let (touchpoint, tp) = first_touchpoint(&ws);

    cases.push((workspace(), Edit::CreatePersona(Box::new(Persona::named("Zed")))));
    cases.push((workspace(), Edit::DuplicatePersona(persona)));
    let mut card = ws.persona(persona).expect("card");
    card.segment = "Changed segment".into();
    cases.push((workspace(), Edit::UpdatePersona(persona, Box::new(card))));
    let stage = match ws.persona(persona).expect("card").stage {
        Some(Stage::Advocacy) => Stage::Evaluation,
        _ => Stage::Advocacy,
    };
    cases.push((workspace(), Edit::MovePersona(persona, Some(stage))));
    cases.push((workspace(), Edit::DeletePersona(persona)));
    let mut deleted = workspace();
    let restore = Edit::DeletePersona(persona).apply(&mut deleted).expect("delete");
    cases.push((deleted, restore));

    let new_entry = EmotionEntry {
        persona,
        stage: Stage::Validation,
        score: Score::new(-4).expect("score"),
        label: "Lo lắng".into(),
        note: "a note".into(),
        touchpoint: "Zalo".into(),
        source: Source::Survey,
        logged_at: None,
    };
    cases.push((workspace(), Edit::AddEmotion(new_entry.clone())));
    cases
        .push((workspace(), Edit::UpdateEmotion(emotion, EmotionEntry { label: "Changed".into(), ..entry })));
    cases.push((workspace(), Edit::DeleteEmotion(emotion)));
    let mut deleted = workspace();
    let restore = Edit::DeleteEmotion(emotion).apply(&mut deleted).expect("delete");
    cases.push((deleted, restore));

    let new_tp = Touchpoint {
        version: tp.version,
        persona,
        stage: Stage::Kickoff,
        channel: Channel::Other("Zalo".into()),
        description: "chat".into(),
    };
    cases.push((workspace(), Edit::AddTouchpoint(new_tp)));
    cases.push((workspace(), Edit::DeleteTouchpoint(touchpoint)));
    let mut deleted = workspace();
    let restore = Edit::DeleteTouchpoint(touchpoint).apply(&mut deleted).expect("delete");
    assert_eq!(restore, Edit::RestoreTouchpoint(touchpoint, tp));
    cases.push((deleted, restore));

    let (opportunity, current) = first_opportunity(&ws);
    let mut added = new_opportunity();
    added.evidence_emotions = vec![emotion];
    cases.push((workspace(), Edit::AddOpportunity(Box::new(added))));
    let mut changed = current.clone();
    changed.status = OpportunityStatus::InProgress;
    changed.value = Rating::new(5).expect("value");
    changed.evidence_emotions.clear();
    cases.push((workspace(), Edit::UpdateOpportunity(opportunity, Box::new(changed))));
    cases.push((workspace(), Edit::DeleteOpportunity(opportunity)));
    let mut deleted = workspace();
    let restore = Edit::DeleteOpportunity(opportunity).apply(&mut deleted).expect("delete");
    assert_eq!(restore, Edit::RestoreOpportunity(opportunity, Box::new(current)));
    cases.push((deleted, restore));
    cases.extend(version_cases(persona));
    cases
}

/// A demo workspace with a second version, "To-be", copied from the first.
fn workspace_with_copy() -> (Workspace, VersionId, VersionId) {
    let mut ws = workspace();
    let current = ws.first_version().expect("current");
    let to_be = JourneyVersion {
        kind: VersionKind::ToBe,
        created_on: Some(today()),
        ..JourneyVersion::named("To-be")
    };
    let Edit::DeleteVersion(copy) =
        Edit::CreateVersion(Box::new(to_be), Some(current)).apply(&mut ws).expect("copy")
    else {
        panic!("the inverse of a creation is a deletion")
    };
    (ws, current, copy)
}

/// One edit of each journey-version kind (issue #10).
fn version_cases(persona: PersonaId) -> Vec<(Workspace, Edit)> {
    let mut cases = Vec::new();
    let (ws, current, copy) = workspace_with_copy();
    let card = JourneyVersion { created_on: Some(today()), ..JourneyVersion::named("Tết 2027") };
    cases.push((workspace(), Edit::CreateVersion(Box::new(card.clone()), None)));
    cases.push((workspace_with_copy().0, Edit::CreateVersion(Box::new(card), Some(copy))));
    let mut renamed = ws.version(copy).expect("copy");
    renamed.name = "Launch plan".into();
    renamed.note = "New welcome call".into();
    renamed.launch_date = NaiveDate::from_ymd_opt(2025, 9, 1);
    cases.push((workspace_with_copy().0, Edit::UpdateVersion(copy, Box::new(renamed))));
    let mut current_card = ws.version(current).expect("current");
    current_card.name = "Today".into();
    current_card.named_by_fanpath = false;
    cases.push((workspace_with_copy().0, Edit::UpdateVersion(current, Box::new(current_card))));
    cases.push((workspace_with_copy().0, Edit::DeleteVersion(copy)));
    let (mut deleted, ..) = workspace_with_copy();
    let restore = Edit::DeleteVersion(copy).apply(&mut deleted).expect("delete");
    cases.push((deleted, restore));
    let score = Some(Score::new(3).expect("score"));
    cases.push((
        workspace_with_copy().0,
        Edit::SetTarget { version: copy, persona, stage: Stage::Validation, score },
    ));
    // Clearing a target that was set: the inverse sets it again.
    let (mut with_target, ..) = workspace_with_copy();
    Edit::SetTarget { version: copy, persona, stage: Stage::Kickoff, score }
        .apply(&mut with_target)
        .expect("set");
    cases.push((with_target, Edit::SetTarget { version: copy, persona, stage: Stage::Kickoff, score: None }));
    cases
}

/// Asserts that `edit` had its effect on `ws` (which held `before` until it ran).
fn assert_applied(edit: &Edit, before: &Workspace, ws: &Workspace) {
    let personas = |w: &Workspace| w.personas().expect("personas").len();
    let emotions = |w: &Workspace| w.emotions(None, None).expect("emotions").len();
    let touchpoints = |w: &Workspace| w.touchpoints(None).expect("touchpoints").len();
    match edit {
        Edit::CreatePersona(persona) => {
            assert!(ws.persona_by_name(&persona.name).expect("find").is_some());
            assert_eq!(personas(ws), personas(before) + 1);
        }
        Edit::DuplicatePersona(source) => {
            let name = before.persona(*source).expect("source").name;
            assert!(ws.persona_by_name(&format!("{name} (2)")).expect("find").is_some());
            assert_eq!(personas(ws), personas(before) + 1);
        }
        Edit::UpdatePersona(id, persona) => {
            assert_eq!(ws.persona(*id).expect("card").segment, persona.segment)
        }
        Edit::MovePersona(id, stage) => assert_eq!(ws.persona(*id).expect("card").stage, *stage),
        Edit::DeletePersona(id) => {
            assert!(matches!(ws.persona(*id), Err(StoreError::NotFound(_))));
            assert!(ws.emotions(Some(*id), None).expect("emotions").is_empty());
            assert!(ws.touchpoints(Some(*id)).expect("touchpoints").is_empty());
            assert!(ws.opportunities(None).expect("list").iter().all(|(_, o)| o.persona != Some(*id)));
        }
        Edit::RestorePersona(deleted) => {
            assert_eq!(ws.persona(deleted.id).expect("back"), deleted.persona);
            assert_eq!(ws.emotions(Some(deleted.id), None).expect("emotions"), deleted.emotions);
            assert_eq!(ws.touchpoints(Some(deleted.id)).expect("touchpoints"), deleted.touchpoints);
            assert!(!deleted.opportunities.is_empty(), "the fixture's opportunity went with its persona");
            for (id, opportunity) in &deleted.opportunities {
                assert_eq!(ws.opportunity(*id).expect("back"), *opportunity);
            }
        }
        Edit::AddEmotion(entry) => {
            assert_eq!(emotions(ws), emotions(before) + 1);
            assert!(
                ws.emotions(Some(entry.persona), Some(entry.stage))
                    .expect("e")
                    .iter()
                    .any(|(_, e)| e == entry)
            );
        }
        Edit::UpdateEmotion(id, entry) => {
            assert_eq!(ws.emotion(*id).expect("entry"), *entry);
            assert_eq!(emotions(ws), emotions(before));
        }
        Edit::DeleteEmotion(id) => assert!(matches!(ws.emotion(*id), Err(StoreError::NotFound(_)))),
        Edit::RestoreEmotion(id, entry) => assert_eq!(ws.emotion(*id).expect("back"), *entry),
        Edit::AddTouchpoint(touchpoint) => {
            assert_eq!(touchpoints(ws), touchpoints(before) + 1);
            assert!(
                ws.touchpoints(Some(touchpoint.persona)).expect("tp").iter().any(|(_, t)| t == touchpoint)
            );
        }
        Edit::DeleteTouchpoint(id) => {
            assert!(ws.touchpoints(None).expect("tp").iter().all(|(t, _)| t != id));
            assert_eq!(touchpoints(ws), touchpoints(before) - 1);
        }
        Edit::RestoreTouchpoint(id, touchpoint) => {
            assert!(ws.touchpoints(None).expect("tp").iter().any(|(t, tp)| t == id && tp == touchpoint));
        }
        Edit::AddOpportunity(opportunity) => {
            let after = ws.opportunities(None).expect("list");
            assert_eq!(after.len(), before.opportunities(None).expect("list").len() + 1);
            assert_eq!(after.last().map(|(_, o)| o), Some(opportunity.as_ref()));
        }
        Edit::UpdateOpportunity(id, opportunity) | Edit::RestoreOpportunity(id, opportunity) => {
            assert_eq!(ws.opportunity(*id).expect("opportunity"), **opportunity);
        }
        Edit::DeleteOpportunity(id) => {
            assert!(matches!(ws.opportunity(*id), Err(StoreError::NotFound(_))));
        }
        Edit::CreateVersion(card, source) => {
            let versions = ws.versions().expect("versions");
            assert_eq!(versions.len(), before.versions().expect("before").len() + 1);
            let (id, created) = versions.last().expect("the new version goes last");
            assert_eq!(created.name, card.name);
            let copied = ws.version_touchpoints(*id, None).expect("copied");
            match source {
                Some(source) => {
                    let original = before.version_touchpoints(*source, None).expect("source");
                    assert_eq!(copied.len(), original.len());
                    assert!(!copied.is_empty(), "the demo version has touchpoints to copy");
                    assert_eq!(ws.targets(*id).expect("t"), before.targets(*source).expect("t"));
                }
                None => assert!(copied.is_empty()),
            }
        }
        Edit::UpdateVersion(id, card) => assert_eq!(ws.version(*id).expect("card"), **card),
        Edit::DeleteVersion(id) => {
            assert!(matches!(ws.version(*id), Err(StoreError::NotFound(_))));
            assert!(ws.version_touchpoints(*id, None).expect("tp").is_empty());
            assert!(ws.targets(*id).expect("targets").is_empty());
        }
        Edit::RestoreVersion(deleted) => {
            assert_eq!(ws.version(deleted.id).expect("back"), deleted.version);
            assert_eq!(ws.version_touchpoints(deleted.id, None).expect("tp"), deleted.touchpoints);
        }
        Edit::SetTarget { version, persona, stage, score } => {
            assert_eq!(ws.targets(*version).expect("targets").explicit(*persona, *stage), *score);
        }
    }
}

#[test]
fn every_edit_applies_undoes_and_redoes_exactly() {
    let cases = cases();
    let mut covered: Vec<usize> = cases.iter().map(|(_, edit)| variant(edit)).collect();
    covered.sort_unstable();
    covered.dedup();
    assert_eq!(covered, (0..VARIANTS).collect::<Vec<_>>(), "a kind of edit has no case");

    // The same cases again, left untouched, to check effects against (the demo is
    // deterministic, which the first assertion checks).
    for ((mut ws, edit), (before, _)) in cases.into_iter().zip(self::cases()) {
        let start = dump(&ws);
        assert_eq!(dump(&before), start);
        let mut history = History::default();
        history.apply(&mut ws, edit.clone(), 0.0).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        assert_applied(&edit, &before, &ws);
        let applied = dump(&ws);
        assert_ne!(applied, start, "{edit:?} changed nothing");

        assert!(history.undo(&mut ws, 5.0).expect("undo").is_some());
        assert_eq!(dump(&ws), start, "undoing {edit:?} did not restore every row");
        assert!(!history.can_undo() && history.can_redo());

        assert!(history.redo(&mut ws, 10.0).expect("redo").is_some());
        assert_applied(&edit, &before, &ws);
        assert_eq!(dump(&ws), applied, "redoing {edit:?} differs from applying it");
    }
}

#[test]
fn quick_card_edits_of_one_persona_undo_as_one_step() {
    let mut ws = workspace();
    let id = busy_persona(&ws);
    let original = ws.persona(id).expect("card");
    let mut history = History::default();
    let mut card = original.clone();
    for (i, at_seconds) in [0.0, 0.4, 0.8, 1.2].into_iter().enumerate() {
        card.notes = format!("draft {i}");
        history.apply(&mut ws, Edit::UpdatePersona(id, Box::new(card.clone())), at_seconds).expect("update");
    }
    // Each edit came within a second of the one before, so all four are one step.
    history.undo(&mut ws, 2.0).expect("undo");
    assert_eq!(ws.persona(id).expect("card"), original);
    assert!(!history.can_undo());

    // Edits further apart, or of another persona, stay separate.
    let mut history = History::default();
    card.notes = "first".into();
    history.apply(&mut ws, Edit::UpdatePersona(id, Box::new(card.clone())), 0.0).expect("first");
    card.notes = "second".into();
    history.apply(&mut ws, Edit::UpdatePersona(id, Box::new(card.clone())), 5.0).expect("second");
    history.undo(&mut ws, 6.0).expect("undo");
    assert_eq!(ws.persona(id).expect("card").notes, "first");
}

#[test]
fn a_new_edit_clears_redo() {
    let mut ws = workspace();
    let id = busy_persona(&ws);
    let mut history = History::default();
    history.apply(&mut ws, Edit::MovePersona(id, Some(Stage::Kickoff)), 0.0).expect("move");
    history.undo(&mut ws, 1.0).expect("undo");
    assert!(history.can_redo());
    history.apply(&mut ws, Edit::MovePersona(id, Some(Stage::Adoption)), 2.0).expect("move again");
    assert!(!history.can_redo());
    assert_eq!(history.redo(&mut ws, 3.0).expect("nothing to redo"), None);
}

#[test]
fn a_failed_undo_clears_the_history_and_reports_why() {
    let mut ws = workspace();
    let id = busy_persona(&ws);
    let mut history = History::default();
    history.apply(&mut ws, Edit::MovePersona(id, Some(Stage::Kickoff)), 0.0).expect("move");
    history.apply(&mut ws, Edit::DeletePersona(id), 5.0).expect("delete");
    history.undo(&mut ws, 6.0).expect("restore");
    // Deleted elsewhere (another window on the same file): the move can no longer be undone.
    Edit::DeletePersona(id).apply(&mut ws).expect("delete elsewhere");
    assert!(matches!(history.undo(&mut ws, 7.0), Err(StoreError::NotFound(_))));
    assert!(!history.can_undo() && !history.can_redo());
}

#[test]
fn a_failed_edit_leaves_the_history_alone() {
    let mut ws = workspace();
    let id = busy_persona(&ws);
    let mut history = History::default();
    history.apply(&mut ws, Edit::MovePersona(id, Some(Stage::Kickoff)), 0.0).expect("move");
    assert!(history.apply(&mut ws, Edit::DeleteEmotion(EmotionId(987_654)), 1.0).is_err());
    history.undo(&mut ws, 2.0).expect("the move is still undoable");
}

#[test]
fn the_selection_follows_personas_that_appear_and_go() {
    let mut ws = workspace();
    let mut history = History::default();
    let change =
        history.apply(&mut ws, Edit::CreatePersona(Box::new(Persona::named("Zed"))), 0.0).expect("create");
    let PersonaChange::Appeared(id) = change else { panic!("{change:?}") };
    assert_eq!(history.undo(&mut ws, 1.0).expect("undo"), Some(PersonaChange::Removed(id)));
    assert_eq!(history.redo(&mut ws, 2.0).expect("redo"), Some(PersonaChange::Appeared(id)));
    let move_change = history.apply(&mut ws, Edit::MovePersona(id, None), 3.0).expect("move");
    assert_eq!(move_change, PersonaChange::None);
}
