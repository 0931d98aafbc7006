//! What the hand-outs show, gathered from the workspace by store queries into plain values,
//! so the layouts draw without touching the database (and tests can build them by hand).

use crate::i18n::Tr;
use crate::model::analytics::Finding;
use crate::model::emotion::EmotionEntry;
use crate::model::{Language, Persona, PersonaId, Stage, VersionId};
use crate::store::Report;
use crate::store::analytics::AnalyticsOptions;
use crate::store::{Result, Workspace};

/// How many quotes a stage column of the poster holds at most.
pub const QUOTES_PER_STAGE: usize = 3;
/// How many pain points a stage column lists at most.
pub const PAINS_PER_STAGE: usize = 4;
/// A score at or below this is a pain point.
pub const PAIN_SCORE_MAX: i8 = -1;

/// One stage column of a journey map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageLane {
    /// "Channel: description" of each touchpoint, in the order they were added.
    pub touchpoints: Vec<String>,
    /// Mean score of the persona's emotion entries here; none without entries.
    pub observed_mean: Option<f64>,
    /// How many entries the mean is over.
    pub entries: u64,
    /// Notes from the emotion log, strongest feelings first.
    pub quotes: Vec<String>,
    /// Low moments: "label (touchpoint)", most frequent first.
    pub pain_points: Vec<String>,
    /// Ideas for improving this stage; see [`opportunities`].
    pub opportunities: Vec<String>,
}

/// Everything on one persona's journey map poster.
#[derive(Clone, Debug, PartialEq)]
pub struct JourneyMap {
    pub persona: Persona,
    /// The journey version the touchpoints and opportunities are of, as shown, when the
    /// workspace has more than one (the poster then names it).
    pub version: Option<String>,
    /// The eight stage columns, in path order.
    pub stages: [StageLane; 8],
}

/// Everything in the workshop pack.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkshopPack {
    /// The workspace's name, for the cover.
    pub title: String,
    /// One journey map per persona (the persona card is in it), in the workspace's order.
    pub maps: Vec<JourneyMap>,
    /// The funnel of every customer.
    pub report: Report,
    /// The Analytics view's findings, most important first.
    pub findings: Vec<Finding>,
}

/// The opportunities lane of `persona` at `stage`: the open backlog items of `version`
/// for that persona or for all personas.
pub fn opportunities(
    workspace: &Workspace,
    persona: PersonaId,
    version: VersionId,
    stage: Stage,
) -> Result<Vec<String>> {
    Ok(workspace
        .opportunities(Some(version))?
        .into_iter()
        .map(|(_, o)| o)
        .filter(|o| o.stage == stage && o.status.is_open() && o.persona.is_none_or(|p| p == persona))
        .map(|o| o.title)
        .collect())
}

impl JourneyMap {
    /// Reads the journey map of `persona` in `version` (none: the first, the journey as it
    /// is); channel names in `language`.
    pub fn load(
        workspace: &Workspace,
        persona: PersonaId,
        version: Option<VersionId>,
        language: Language,
    ) -> Result<Self> {
        let card = workspace.persona(persona)?;
        let versions = workspace.versions()?;
        let version = version.filter(|v| versions.iter().any(|(id, _)| id == v));
        let version = match version {
            Some(version) => version,
            None => workspace.first_version()?,
        };
        let version_name = (versions.len() > 1)
            .then(|| {
                versions.iter().find(|(id, _)| *id == version).map(|(_, v)| Tr(language).version_name(v))
            })
            .flatten();
        let touchpoints = workspace.version_touchpoints(version, Some(persona))?;
        let emotions: Vec<EmotionEntry> =
            workspace.emotions(Some(persona), None)?.into_iter().map(|(_, entry)| entry).collect();
        let mut stages: [StageLane; 8] = Default::default();
        for stage in Stage::ALL {
            let lane = &mut stages[stage.index()];
            lane.touchpoints = touchpoints
                .iter()
                .filter(|(_, t)| t.stage == stage)
                .map(|(_, t)| {
                    let channel = t.channel.name(language);
                    if t.description.trim().is_empty() {
                        channel.to_owned()
                    } else {
                        format!("{channel}: {}", t.description.trim())
                    }
                })
                .collect();
            let here: Vec<&EmotionEntry> = emotions.iter().filter(|e| e.stage == stage).collect();
            let (quotes, pains, mean) = emotion_lanes(&here);
            lane.entries = here.len() as u64;
            lane.observed_mean = mean;
            lane.quotes = quotes;
            lane.pain_points = pains;
            lane.opportunities = opportunities(workspace, persona, version, stage)?;
        }
        Ok(Self { persona: card, version: version_name, stages })
    }
}

/// Quotes, pain points and the mean score of one stage's entries.
fn emotion_lanes(entries: &[&EmotionEntry]) -> (Vec<String>, Vec<String>, Option<f64>) {
    #[expect(clippy::cast_precision_loss, reason = "entry counts are far below 2^52")]
    let mean = (!entries.is_empty())
        .then(|| entries.iter().map(|e| f64::from(e.score.get())).sum::<f64>() / entries.len() as f64);
    // Strongest feelings first (either way), then the order logged; each note once.
    let mut by_strength: Vec<&&EmotionEntry> = entries.iter().filter(|e| !e.note.trim().is_empty()).collect();
    by_strength.sort_by_key(|e| std::cmp::Reverse(e.score.get().unsigned_abs()));
    let mut quotes: Vec<String> = Vec::new();
    for entry in by_strength {
        let note = entry.note.trim().to_owned();
        if !quotes.contains(&note) && quotes.len() < QUOTES_PER_STAGE {
            quotes.push(note);
        }
    }
    // Pain points: low moments grouped by label and touchpoint, most frequent first.
    let mut pains: Vec<(String, usize)> = Vec::new();
    for entry in entries.iter().filter(|e| e.score.get() <= PAIN_SCORE_MAX) {
        let label = entry.label.trim();
        let label = if label.is_empty() { entry.note.trim() } else { label };
        if label.is_empty() {
            continue;
        }
        let text = match entry.touchpoint.trim() {
            "" => label.to_owned(),
            touchpoint => format!("{label} ({touchpoint})"),
        };
        match pains.iter_mut().find(|(t, _)| *t == text) {
            Some((_, n)) => *n += 1,
            None => pains.push((text, 1)),
        }
    }
    pains.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let pains = pains
        .into_iter()
        .take(PAINS_PER_STAGE)
        .map(|(text, n)| if n > 1 { format!("{text} ×{n}") } else { text })
        .collect();
    (quotes, pains, mean)
}

impl WorkshopPack {
    /// Reads every persona's journey map in `version` (none: the first), the funnel and
    /// the findings (with that version's touchpoints and targets).
    pub fn load(workspace: &Workspace, version: Option<VersionId>, language: Language) -> Result<Self> {
        let analytics = workspace.analytics(&AnalyticsOptions { version, ..AnalyticsOptions::default() })?;
        let maps = workspace
            .personas()?
            .into_iter()
            .map(|record| JourneyMap::load(workspace, record.id, version, language))
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            title: workspace.display_name(),
            maps,
            report: analytics.report,
            findings: analytics.findings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::emotion::{Score, Source};
    use crate::model::touchpoint::{Channel, Touchpoint};

    fn entry(persona: PersonaId, stage: Stage, score: i64, label: &str, note: &str) -> EmotionEntry {
        EmotionEntry {
            persona,
            stage,
            score: Score::new(score).unwrap_or_default(),
            label: label.to_owned(),
            note: note.to_owned(),
            touchpoint: "App".to_owned(),
            source: Source::Interview,
            logged_at: None,
        }
    }

    #[test]
    fn a_journey_map_holds_each_stages_touchpoints_mean_quotes_and_pains() {
        let mut ws = Workspace::open_in_memory().expect("workspace");
        let lan = ws.create_persona(&Persona::named("Lan")).expect("persona");
        let other = ws.create_persona(&Persona::named("Minh")).expect("persona");
        ws.add_touchpoint(&Touchpoint {
            version: ws.first_version().expect("version"),
            persona: lan,
            stage: Stage::Kickoff,
            channel: Channel::Email,
            description: "Welcome mail".to_owned(),
        })
        .expect("touchpoint");
        let entries = [
            entry(lan, Stage::Validation, -3, "anxious", "Mình có mua vội quá không?"),
            entry(lan, Stage::Validation, -1, "anxious", "Hơi lo"),
            entry(lan, Stage::Validation, 2, "relieved", ""),
            entry(lan, Stage::Validation, 4, "excited", "Mình có mua vội quá không?"),
            entry(other, Stage::Validation, -5, "furious", "not Lan's"),
        ];
        for e in &entries {
            ws.add_emotion(e).expect("entry");
        }
        let map = JourneyMap::load(&ws, lan, None, Language::English).expect("map");
        assert_eq!(map.persona.name, "Lan");
        assert_eq!(map.version, None, "one version: nothing to name");
        assert_eq!(map.stages[Stage::Kickoff.index()].touchpoints, ["Email: Welcome mail"]);
        let validation = &map.stages[Stage::Validation.index()];
        assert_eq!(validation.entries, 4);
        // (-3 - 1 + 2 + 4) / 4, Minh's entry left out.
        assert_eq!(validation.observed_mean, Some(0.5));
        // The strongest feeling first, each note once, empty notes skipped.
        assert_eq!(validation.quotes, ["Mình có mua vội quá không?", "Hơi lo"]);
        assert_eq!(validation.pain_points, ["anxious (App) ×2"]);
        assert!(validation.opportunities.is_empty(), "no opportunities table yet");
        assert_eq!(map.stages[Stage::Evaluation.index()].observed_mean, None);
    }

    /// A to-be version's poster has its touchpoints, not the as-is ones, and says which
    /// version it is; the emotions (what customers felt) are the same in both.
    #[test]
    fn a_journey_map_of_another_version_has_its_touchpoints_and_names_it() {
        use crate::model::version::{JourneyVersion, VersionKind};
        use crate::store::edit::Edit;
        let mut ws = Workspace::open_in_memory().expect("workspace");
        let lan = ws.create_persona(&Persona::named("Lan")).expect("persona");
        let current = ws.first_version().expect("version");
        let touchpoint = |version, description: &str| Touchpoint {
            version,
            persona: lan,
            stage: Stage::Kickoff,
            channel: Channel::Phone,
            description: description.to_owned(),
        };
        ws.add_touchpoint(&touchpoint(current, "Welcome call")).expect("touchpoint");
        let card = JourneyVersion { kind: VersionKind::ToBe, ..JourneyVersion::named("Tết 2027") };
        let Edit::DeleteVersion(to_be) =
            Edit::CreateVersion(Box::new(card), None).apply(&mut ws).expect("create")
        else {
            panic!("creating a version is undone by deleting it")
        };
        ws.add_touchpoint(&touchpoint(to_be, "Onboarding video call")).expect("touchpoint");
        ws.add_emotion(&entry(lan, Stage::Kickoff, 3, "relieved", "Finally set up")).expect("entry");

        let as_is = JourneyMap::load(&ws, lan, None, Language::English).expect("map");
        let designed = JourneyMap::load(&ws, lan, Some(to_be), Language::Vietnamese).expect("map");
        assert_eq!(as_is.stages[Stage::Kickoff.index()].touchpoints, ["Phone: Welcome call"]);
        assert_eq!(
            designed.stages[Stage::Kickoff.index()].touchpoints,
            ["Điện thoại: Onboarding video call"]
        );
        assert_eq!(as_is.version.as_deref(), Some("Current"));
        assert_eq!(designed.version.as_deref(), Some("Tết 2027"));
        assert_eq!(
            as_is.stages[Stage::Kickoff.index()].quotes,
            designed.stages[Stage::Kickoff.index()].quotes
        );
    }
}
