//! The Analytics view: where customers leave, and how they feel there.
//!
//! Every chart is one function drawing from an [`Analytics`] computed by the store (the
//! same code path as `fanpath report`), so the window, the PNG export and the command
//! line all show the same numbers.

#![warn(clippy::wildcard_enum_match_arm)]

pub mod chart;
mod cohort_chart;
pub mod date_range;
mod emotion_curve;
pub mod export;
mod funnel_chart;
mod launch_chart;
mod leak_chart;
pub(crate) mod plot;
mod stalled;
mod time_chart;

use egui::{RichText, Ui};

pub use chart::{Chart, ChartOptions, CsvTable};

use super::command::{Command, Commands};
use super::context::ViewContext;
use super::data::ViewData;
use super::style;
use super::widgets::persona_filter_ui;
use crate::i18n::{Text, Tr};
use crate::model::launch::{DEFAULT_WINDOW_DAYS, LaunchWindow};
use crate::model::{CohortPeriod, DateRange, PersonaId, VersionId};
use crate::store::analytics::{Analytics, AnalyticsOptions};

/// State of the Analytics view: filter, chart on show, chart options.
#[derive(Clone, Debug)]
pub struct AnalyticsView {
    pub persona: Option<PersonaId>,
    pub stall_days: u32,
    pub chart: Chart,
    pub options: ChartOptions,
    /// Only customers whose first event falls in it, in every chart.
    pub range: DateRange,
    /// The from / to boxes behind `range`.
    pub range_input: date_range::DateRangeInput,
    /// Cohorts by month or by week.
    pub cohort_period: CohortPeriod,
    /// The version whose launch [`Chart::BeforeAfterLaunch`] compares before and after.
    pub launch_version: Option<VersionId>,
    /// Its launch day (its name is in `options.launch_version`); none when no version has
    /// a launch date.
    pub launch_date: Option<chrono::NaiveDate>,
    /// Every version with a launch date, as `sync_launch` last saw them.
    launches: Vec<(VersionId, String, chrono::NaiveDate)>,
    /// The data generation `launches` was read from: re-read only when the data changed.
    launches_generation: Option<u64>,
    /// Days on each side of the launch (and the least age of a counted customer).
    pub launch_window_days: u32,
    /// Set by the app each frame: the numbers for the current filter are being computed
    /// off the frame, so the view shows the last ones (or a spinner) and holds exports.
    pub computing: bool,
}

impl Default for AnalyticsView {
    fn default() -> Self {
        Self {
            persona: None,
            stall_days: 30,
            chart: Chart::default(),
            options: ChartOptions::default(),
            range: DateRange::ALL,
            range_input: date_range::DateRangeInput::default(),
            cohort_period: CohortPeriod::Month,
            launch_version: None,
            launch_date: None,
            launches: Vec::new(),
            launches_generation: None,
            launch_window_days: DEFAULT_WINDOW_DAYS,
            computing: false,
        }
    }
}

impl AnalyticsView {
    /// What to ask the store for; the app recomputes only when this (or the data) changes.
    /// `version` is the journey version on the board: the findings use its touchpoints and
    /// targets (`None`: the first version).
    pub fn query(&self, today: chrono::NaiveDate, version: Option<VersionId>) -> AnalyticsOptions {
        AnalyticsOptions {
            persona: self.persona,
            stall_days: self.stall_days,
            reference_date: today,
            stalled_list_limit: 200,
            range: self.range,
            cohort_period: self.cohort_period,
            version,
            launch: self.launch_window(today),
        }
    }

    /// Keeps the compared launch in step with the versions: the chosen version while it has
    /// a launch date, otherwise the one launched last. The app calls it each frame the
    /// Analytics view is on show; it reads the versions again only after a data change.
    pub fn sync_launch(&mut self, data: &ViewData) {
        if self.launches_generation == Some(data.generation) {
            return;
        }
        self.launches_generation = Some(data.generation);
        self.launches.clear();
        self.launches
            .extend(data.versions.iter().filter_map(|(id, v)| Some((*id, v.name.clone(), v.launch_date?))));
        let chosen = self
            .launch_version
            .and_then(|id| self.launches.iter().find(|(v, ..)| *v == id))
            .or_else(|| self.launches.iter().max_by_key(|(_, _, day)| *day));
        let chosen = chosen.cloned();
        self.choose_launch(chosen);
    }

    fn choose_launch(&mut self, chosen: Option<(VersionId, String, chrono::NaiveDate)>) {
        if let Some((id, name, day)) = chosen {
            self.launch_version = Some(id);
            self.launch_date = Some(day);
            self.options.launch_version = name;
        } else {
            self.launch_version = None;
            self.launch_date = None;
        }
    }

    /// The before/after window for `today`, when a launch is chosen.
    pub fn launch_window(&self, today: chrono::NaiveDate) -> Option<LaunchWindow> {
        let launch = self.launch_date?;
        Some(LaunchWindow { launch, window_days: self.launch_window_days, today })
    }

    /// Draws the filter, the chart tabs, the chart on show and the findings.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>, out: &mut Commands) {
        let (tr, data) = (ctx.tr, ctx.data);
        // The spinner goes beside the filter when the last numbers stay on show, and in
        // their place when there are none yet.
        self.controls_ui(ui, tr, data, out, self.computing && ctx.analytics.is_some());
        ui.separator();
        let Some(result) = ctx.analytics else {
            // Nothing computed yet: the spinner in place of the charts.
            ui.add_space(24.0);
            computing_ui(ui, tr);
            return;
        };
        let analytics = match result {
            Ok(analytics) => analytics,
            Err(message) => {
                ui.label(
                    RichText::new(format!("{}: {message}", tr.t(Text::CannotCompute))).color(style::GAP),
                );
                return;
            }
        };
        ui.horizontal(|ui| {
            for chart in Chart::ALL {
                if ui.selectable_label(self.chart == chart, tr.t(chart.text())).clicked() {
                    self.chart = chart;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                // Exports wait for the numbers of the filter on show.
                if ui.add_enabled(!self.computing, egui::Button::new(tr.t(Text::ExportPng))).clicked() {
                    out.send(Command::ExportChart(self.chart));
                }
            });
        });
        self.chart_options_ui(ui, tr, analytics, out);
        // Touchpoint gaps and expected values are the board's version's: say which, when
        // there is a choice.
        let version = (data.versions.len() > 1)
            .then(|| data.shown_version(ctx.selection.version))
            .flatten()
            .map(|(_, v)| tr.version_name(v));
        // Findings below, in their own resizable, scrolling panel; the chart fills the rest.
        let wanted = ui.text_style_height(&egui::TextStyle::Body)
            * (analytics.findings.len().max(1) as f32 + 1.0)
            * 1.35
            + 16.0;
        egui::Panel::bottom("analytics_findings")
            .resizable(true)
            .default_size(wanted.min(ui.available_height() * 0.4))
            .size_range(60.0..=600.0)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| findings_ui(ui, tr, analytics, version.as_deref()));
            });
        chart_ui(ui, tr, self.chart, analytics, &self.options, false);
    }

    fn controls_ui(&mut self, ui: &mut Ui, tr: Tr, data: &ViewData, out: &mut Commands, spinner: bool) {
        ui.horizontal_wrapped(|ui| {
            let mut changed =
                persona_filter_ui(ui, tr, "analytics_persona", Text::Persona, data, &mut self.persona);
            let label = ui.label(tr.t(Text::StalledAfter));
            changed |= ui
                .add(egui::DragValue::new(&mut self.stall_days).range(1..=3650))
                .labelled_by(label.id)
                .changed();
            ui.separator();
            changed |= self.range_input.range_ui(ui, tr, &mut self.range);
            if changed {
                // The next frame sends the new filter to the worker; make sure it comes.
                ui.ctx().request_repaint();
            }
            ui.separator();
            let launch = (self.chart == Chart::BeforeAfterLaunch && self.launch_date.is_some())
                .then_some(CsvTable::Launch);
            for table in [CsvTable::Funnel, CsvTable::Emotions].into_iter().chain(launch) {
                if ui.add_enabled(!self.computing, egui::Button::new(tr.t(table.text()))).clicked() {
                    out.send(Command::ExportCsv(table));
                }
            }
            if spinner {
                ui.separator();
                computing_ui(ui, tr);
            }
        });
    }

    fn chart_options_ui(&mut self, ui: &mut Ui, tr: Tr, analytics: &Analytics, out: &mut Commands) {
        match self.chart {
            Chart::Funnel => {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut self.options.percent, false, tr.t(Text::Counts));
                    ui.radio_value(&mut self.options.percent, true, tr.t(Text::PercentOfStart));
                    ui.separator();
                    ui.checkbox(&mut self.options.by_persona, tr.t(Text::ByPersona));
                });
            }
            Chart::EmotionCurve => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr.t(Text::PersonasOnCurve));
                    for curve in &analytics.emotion_curves {
                        let shown = self.options.curve_personas.is_empty()
                            || self.options.curve_personas.contains(&curve.persona);
                        let mut checked = shown;
                        let text = RichText::new(&curve.name).color(style::color(curve.color));
                        if ui.checkbox(&mut checked, text).changed() {
                            let all: Vec<PersonaId> =
                                analytics.emotion_curves.iter().map(|c| c.persona).collect();
                            let selected = if self.options.curve_personas.is_empty() {
                                all
                            } else {
                                self.options.curve_personas.clone()
                            };
                            self.options.curve_personas =
                                selected.into_iter().filter(|p| *p != curve.persona || checked).collect();
                            if checked && !self.options.curve_personas.contains(&curve.persona) {
                                self.options.curve_personas.push(curve.persona);
                            }
                        }
                    }
                });
            }
            Chart::Cohorts => {
                ui.horizontal(|ui| {
                    let before = self.cohort_period;
                    ui.radio_value(&mut self.cohort_period, CohortPeriod::Month, tr.t(Text::ByMonth));
                    ui.radio_value(&mut self.cohort_period, CohortPeriod::Week, tr.t(Text::ByWeek));
                    if self.cohort_period != before {
                        ui.ctx().request_repaint();
                    }
                    ui.separator();
                    let table = CsvTable::Cohorts;
                    if ui.add_enabled(!self.computing, egui::Button::new(tr.t(table.text()))).clicked() {
                        out.send(Command::ExportCsv(table));
                    }
                });
            }
            Chart::BeforeAfterLaunch => self.launch_options_ui(ui, tr),
            Chart::EmotionVsDropOff | Chart::TimeToStage | Chart::Stalled => {}
        }
    }
}

impl AnalyticsView {
    /// The window in days for the before/after chart; the version compared is named.
    fn launch_options_ui(&mut self, ui: &mut Ui, tr: Tr) {
        if self.launch_date.is_none() {
            return;
        }
        ui.horizontal(|ui| {
            let label = ui.label(tr.t(Text::LaunchVersion));
            let mut picked = None;
            let _ = egui::ComboBox::from_id_salt("launch_version")
                .selected_text(&self.options.launch_version)
                .show_ui(ui, |ui| {
                    for (id, name, day) in &self.launches {
                        let text = format!("{name} ({day})");
                        if ui.selectable_label(self.launch_version == Some(*id), text).clicked() {
                            picked = Some((*id, name.clone(), *day));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if picked.is_some() {
                self.choose_launch(picked);
                ui.ctx().request_repaint();
            }
            ui.separator();
            let label = ui.label(tr.t(Text::LaunchWindowDays));
            let changed = ui
                .add(egui::DragValue::new(&mut self.launch_window_days).range(7..=730))
                .labelled_by(label.id)
                .changed();
            if changed {
                ui.ctx().request_repaint();
            }
        });
    }
}

/// Draws `chart`. `still` is for export: no hover, no interaction.
pub fn chart_ui(
    ui: &mut Ui,
    tr: Tr,
    chart: Chart,
    analytics: &Analytics,
    options: &ChartOptions,
    still: bool,
) {
    // The before/after chart says itself why it has nothing to show (no launch date, or
    // an empty group).
    if analytics.report.customers() == 0 && !matches!(chart, Chart::EmotionCurve | Chart::BeforeAfterLaunch) {
        let why =
            if analytics.report.range.is_all() { Text::NoCustomersYet } else { Text::NoCustomersInRange };
        ui.label(RichText::new(tr.t(why)).weak());
        return;
    }
    match chart {
        Chart::Funnel => funnel_chart::funnel_chart_ui(ui, tr, analytics, options, still),
        Chart::EmotionCurve => emotion_curve::emotion_curve_ui(ui, tr, analytics, options, still),
        Chart::EmotionVsDropOff => leak_chart::leak_chart_ui(ui, tr, analytics, options, still),
        Chart::TimeToStage => time_chart::time_chart_ui(ui, tr, analytics, still),
        Chart::Stalled => stalled::stalled_ui(ui, tr, analytics, still),
        Chart::Cohorts => cohort_chart::cohort_chart_ui(ui, tr, analytics, still),
        Chart::BeforeAfterLaunch => launch_chart::launch_chart_ui(ui, tr, analytics, options, still),
    }
}

/// A spinner with its words, while the worker computes.
fn computing_ui(ui: &mut Ui, tr: Tr) {
    ui.horizontal(|ui| {
        ui.add(egui::Spinner::new());
        ui.label(RichText::new(tr.t(Text::Computing)).weak());
    });
}

fn findings_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, version: Option<&str>) {
    ui.add_space(6.0);
    let heading =
        version.map_or_else(|| tr.t(Text::Findings).to_owned(), |name| tr.findings_for_version(name));
    ui.label(RichText::new(heading).strong());
    if analytics.findings.is_empty() {
        ui.label(RichText::new(tr.t(Text::NoFindings)).weak());
    }
    for finding in &analytics.findings {
        ui.label(format!("• {}", finding.text(tr.0)));
    }
}
