//! Industry templates (issue #11 §2): a complete starting workspace described as data, so a
//! trainer can copy one of the files under `assets/templates/`, adapt it to the business in
//! the room and load it with `fanpath demo --template FILE`.
//!
//! A template holds the cast (persona cards and how their customers behave), the touchpoints
//! of each stage, what customers said there, and the redesign a to-be version brings. The
//! store turns it into a workspace with made-up customers (`store/demo`). Parsing and
//! checking live here because they need neither SQL nor egui.

mod builtin;

use serde::{Deserialize, Serialize};

pub use self::builtin::{BUILTIN, builtin, builtin_keys};
use super::persona::{Persona, PersonaField, Rgb};
use super::stage::{Language, Stage};
use super::touchpoint::Channel;

/// The `format` every template file carries; a later, incompatible layout gets a new one.
pub const FORMAT: u32 = 1;

/// Most personas a template may hold: one per palette colour.
pub const MAX_PERSONAS: usize = Rgb::PALETTE.len();

/// A whole template file. Field order is the order a trainer reads the file in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Always [`FORMAT`].
    pub format: u32,
    /// Short name used on the command line (`--template coffee`); both languages share it.
    pub key: String,
    /// The language every text of the file is written in.
    #[serde(with = "language_code")]
    pub language: Language,
    /// The business, as the dialog and the demo summary name it.
    pub title: String,
    /// Two or three sentences for the dialog: who the customers are, what the data shows.
    pub summary: String,
    /// Customer ids are this prefix and a six-digit number.
    pub customer_prefix: String,
    pub personas: Vec<TemplatePersona>,
    /// The touchpoints a business offers at each stage; personas pick from them by index.
    pub touchpoints: [Vec<TemplateTouchpoint>; 8],
    /// What customers said at each stage, for the emotion log.
    pub quotes: [StageQuotes; 8],
    /// The redesigned journey: a to-be version that went live half a year before "today".
    pub to_be: TemplateRedesign,
}

/// A persona card and how the template's made-up customers of that persona behave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplatePersona {
    pub name: String,
    pub segment: String,
    pub age_range: String,
    pub occupation: String,
    pub location: String,
    pub income_band: String,
    pub shopping_habits: String,
    pub goals: String,
    pub pain_points: String,
    pub motivations: String,
    pub preferred_channels: String,
    pub quote: String,
    pub notes: String,
    /// Where the persona card stands on the path.
    #[serde(with = "stage_name")]
    pub stage: Stage,
    /// Share of the customers (all shares add up to 1).
    pub share: f64,
    /// Chance of going on from stage `i + 1` to stage `i + 2`.
    pub go_on: [f64; 7],
    /// How much slower than usual these customers move between stages (1 = usual).
    pub pace: f64,
    /// Added to the model's expected emotion at each stage.
    pub mood: [i8; 8],
    /// Which of the stage's touchpoints (indices into [`Template::touchpoints`]) this persona meets.
    pub touchpoints: [Vec<usize>; 8],
}

/// One touchpoint: a channel (`in_person`, `email`, `mail`, `phone`, `video`, `gift`, or any
/// other name such as an app) and what happens there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateTouchpoint {
    pub channel: String,
    pub text: String,
}

impl TemplateTouchpoint {
    pub fn channel(&self) -> Channel {
        Channel::from_key(&self.channel)
    }
}

/// Good and bad moments customers reported at one stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageQuotes {
    pub highs: Vec<String>,
    pub lows: Vec<String>,
}

/// The to-be version: its name, what it changes, and the touchpoints it adds for every persona.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRedesign {
    pub name: String,
    pub note: String,
    pub touchpoints: Vec<RedesignTouchpoint>,
}

/// A touchpoint the redesign adds at a stage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedesignTouchpoint {
    #[serde(with = "stage_name")]
    pub stage: Stage,
    pub channel: String,
    pub text: String,
}

/// Why a template file cannot be used.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum TemplateError {
    /// Not JSON, or not the layout above; serde's message names the line and column.
    #[error("not a Fanpath template: {0}")]
    Layout(String),
    /// The layout is right but the content is not usable; every problem is listed.
    #[error("the template has {} problem(s):\n  {}", .0.len(), .0.join("\n  "))]
    Invalid(Vec<String>),
    /// No built-in template of that name.
    #[error("no template named \"{name}\"; the templates are: {known}")]
    Unknown { name: String, known: String },
}

impl Template {
    /// Reads a template from its JSON text and checks it ([`Self::problems`]).
    pub fn parse(json: &str) -> Result<Self, TemplateError> {
        let template: Self =
            serde_json::from_str(json).map_err(|err| TemplateError::Layout(err.to_string()))?;
        let problems = template.problems();
        if problems.is_empty() { Ok(template) } else { Err(TemplateError::Invalid(problems)) }
    }

    /// Everything that would make the workspace incomplete or the made-up customers
    /// meaningless, in plain sentences naming the place (empty when the template is usable).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut need = |ok: bool, problem: String| {
            if !ok {
                problems.push(problem);
            }
        };
        need(
            self.format == FORMAT,
            format!("format is {}, this version of Fanpath reads {FORMAT}", self.format),
        );
        need(
            !self.key.is_empty()
                && self.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            format!("key \"{}\" must be lowercase letters, digits and '-'", self.key),
        );
        need(!self.title.trim().is_empty(), "title is empty".to_owned());
        need(!self.summary.trim().is_empty(), "summary is empty".to_owned());
        need(
            !self.customer_prefix.is_empty()
                && self.customer_prefix.chars().all(|c| c.is_ascii_alphanumeric()),
            format!("customer_prefix \"{}\" must be letters or digits", self.customer_prefix),
        );
        need(
            (2..=MAX_PERSONAS).contains(&self.personas.len()),
            format!("{} personas: a template holds 2 to {MAX_PERSONAS}", self.personas.len()),
        );
        let shares: f64 = self.personas.iter().map(|p| p.share).sum();
        need((shares - 1.0).abs() < 1e-6, format!("the personas' shares add up to {shares}, not 1"));
        let mut names = std::collections::HashSet::new();
        for (i, p) in self.personas.iter().enumerate() {
            let at = format!("persona {} ({})", i + 1, p.name);
            let card = self.persona(i);
            for field in PersonaField::ALL {
                need(!card.field(field).trim().is_empty(), format!("{at}: {field:?} is empty"));
            }
            for error in card.validate() {
                need(false, format!("{at}: {error:?}"));
            }
            need(names.insert(Persona::clean_name(&p.name)), format!("{at}: the name is used twice"));
            need(p.share > 0.0 && p.share <= 1.0, format!("{at}: share {} is not in (0, 1]", p.share));
            need(p.pace > 0.0 && p.pace <= 5.0, format!("{at}: pace {} is not in (0, 5]", p.pace));
            for (step, &chance) in p.go_on.iter().enumerate() {
                need(
                    (0.0..=1.0).contains(&chance),
                    format!("{at}: go_on[{step}] = {chance} is not a chance between 0 and 1"),
                );
            }
            for (stage, &mood) in Stage::ALL.iter().zip(&p.mood) {
                need((-5..=5).contains(&mood), format!("{at}: mood at {stage} is {mood}, not in -5..5"));
            }
            for (stage, picked) in Stage::ALL.iter().zip(&p.touchpoints) {
                let offered = self.touchpoints[stage.index()].len();
                need(!picked.is_empty(), format!("{at}: no touchpoint at {stage}"));
                for &k in picked {
                    need(
                        k < offered,
                        format!("{at}: touchpoint {k} at {stage}, but the stage has {offered}"),
                    );
                }
            }
        }
        for stage in Stage::ALL {
            let offered = &self.touchpoints[stage.index()];
            need(!offered.is_empty(), format!("no touchpoints at {stage}"));
            for t in offered {
                need(
                    !t.channel.trim().is_empty() && !t.text.trim().is_empty(),
                    format!("a touchpoint at {stage} has an empty channel or text"),
                );
            }
            let quotes = &self.quotes[stage.index()];
            need(
                !quotes.highs.is_empty() && !quotes.lows.is_empty(),
                format!("{stage} needs at least one high and one low quote"),
            );
            for quote in quotes.highs.iter().chain(&quotes.lows) {
                need(!quote.trim().is_empty(), format!("an empty quote at {stage}"));
            }
        }
        need(!self.to_be.name.trim().is_empty(), "to_be.name is empty".to_owned());
        need(!self.to_be.touchpoints.is_empty(), "to_be adds no touchpoint".to_owned());
        for t in &self.to_be.touchpoints {
            need(
                !t.channel.trim().is_empty() && !t.text.trim().is_empty(),
                format!("a to_be touchpoint at {} has an empty channel or text", t.stage),
            );
        }
        problems
    }

    /// The card of persona `index` as the workspace stores it (colour from the palette; no
    /// avatar: the store draws one).
    pub fn persona(&self, index: usize) -> Persona {
        let Some(p) = self.personas.get(index) else { return Persona::default() };
        Persona {
            name: p.name.clone(),
            segment: p.segment.clone(),
            age_range: p.age_range.clone(),
            occupation: p.occupation.clone(),
            location: p.location.clone(),
            income_band: p.income_band.clone(),
            shopping_habits: p.shopping_habits.clone(),
            goals: p.goals.clone(),
            pain_points: p.pain_points.clone(),
            motivations: p.motivations.clone(),
            preferred_channels: p.preferred_channels.clone(),
            quote: p.quote.clone(),
            notes: p.notes.clone(),
            color: Rgb::PALETTE[index % MAX_PERSONAS],
            avatar_png: None,
            stage: Some(p.stage),
        }
    }

    /// How many touchpoints the current version gets (before the redesign adds its own).
    pub fn touchpoint_count(&self) -> usize {
        self.personas.iter().flat_map(|p| &p.touchpoints).map(Vec::len).sum()
    }

    /// How many quotes the file holds.
    pub fn quote_count(&self) -> usize {
        self.quotes.iter().map(|q| q.highs.len() + q.lows.len()).sum()
    }
}

/// `"en"` / `"vi"` in the file.
mod language_code {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::model::stage::Language;

    pub fn serialize<S: Serializer>(language: &Language, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(super::language_code(*language))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
        let code = String::deserialize(d)?;
        super::parse_language(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("language \"{code}\" is not \"en\" or \"vi\"")))
    }
}

/// A stage written any way the importer accepts (number, English, verb, Vietnamese).
mod stage_name {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::model::stage::Stage;

    pub fn serialize<S: Serializer>(stage: &Stage, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(stage.name_en())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|_| serde::de::Error::custom(format!("\"{text}\" is not one of the eight stages")))
    }
}

/// The two-letter code of a language, as in template files and `--language`.
pub fn language_code(language: Language) -> &'static str {
    match language {
        Language::English => "en",
        Language::Vietnamese => "vi",
    }
}

/// Reads `en` / `vi` (any case, spaces around ignored).
pub fn parse_language(code: &str) -> Option<Language> {
    match code.trim().to_ascii_lowercase().as_str() {
        "en" => Some(Language::English),
        "vi" => Some(Language::Vietnamese),
        _ => None,
    }
}
