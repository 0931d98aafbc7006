//! The kinds of chart and table the Analytics view shows and exports. Kept apart from the
//! view so commands can name a chart without importing the view.

use crate::i18n::Text;
use crate::model::PersonaId;

/// The charts of the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Chart {
    #[default]
    Funnel,
    EmotionCurve,
    EmotionVsDropOff,
    TimeToStage,
    Stalled,
    /// Customers by month or week of first event, share reaching each stage.
    Cohorts,
    /// Customers who started before a version's launch against those after it.
    BeforeAfterLaunch,
}

impl Chart {
    pub const ALL: [Self; 7] = [
        Self::Funnel,
        Self::EmotionCurve,
        Self::EmotionVsDropOff,
        Self::TimeToStage,
        Self::Stalled,
        Self::Cohorts,
        Self::BeforeAfterLaunch,
    ];

    pub fn text(self) -> Text {
        match self {
            Self::Funnel => Text::DropOffFunnel,
            Self::EmotionCurve => Text::EmotionCurve,
            Self::EmotionVsDropOff => Text::EmotionVsDropOff,
            Self::TimeToStage => Text::TimeToStage,
            Self::Stalled => Text::StalledCustomers,
            Self::Cohorts => Text::Cohorts,
            Self::BeforeAfterLaunch => Text::BeforeAfterLaunch,
        }
    }

    /// A file-name friendly key, also what the command line accepts.
    pub fn key(self) -> &'static str {
        match self {
            Self::Funnel => "funnel",
            Self::EmotionCurve => "emotion",
            Self::EmotionVsDropOff => "emotion-dropoff",
            Self::TimeToStage => "time",
            Self::Stalled => "stalled",
            Self::Cohorts => "cohorts",
            Self::BeforeAfterLaunch => "launch",
        }
    }
}

/// How the charts are drawn (beyond the data filter).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartOptions {
    /// Funnel bars as a share of stage 1 instead of counts.
    pub percent: bool,
    /// Funnel as grouped bars, one group per persona.
    pub by_persona: bool,
    /// Personas drawn on the emotion curve; empty means every curve available.
    pub curve_personas: Vec<PersonaId>,
    /// The name of the version whose launch the before/after chart compares.
    pub launch_version: String,
    /// The text size of a slide (trainer mode): the stage names, rates, lines and points
    /// of the funnel and emotion charts grow with it. None: the Analytics view's sizes.
    pub slide_text_pt: Option<f32>,
}

impl ChartOptions {
    /// The Analytics view's body text size, which the charts' sizes were chosen against.
    const VIEW_TEXT_PT: f32 = 14.0;

    /// How much bigger than in the Analytics view lines, points and labels are drawn.
    pub fn scale(&self) -> f32 {
        self.slide_text_pt.map_or(1.0, |pt| (pt / Self::VIEW_TEXT_PT).max(1.0))
    }
}

/// The tables that can be exported as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvTable {
    Funnel,
    Emotions,
    /// The Cohorts chart's table.
    Cohorts,
    /// Before/after the launch, one row per stage.
    Launch,
}

impl CsvTable {
    /// The button and save dialog title.
    pub fn text(self) -> Text {
        match self {
            Self::Funnel => Text::ExportFunnelCsv,
            Self::Emotions => Text::ExportEmotionsCsv,
            Self::Cohorts => Text::ExportCohortsCsv,
            Self::Launch => Text::ExportLaunchCsv,
        }
    }
}
