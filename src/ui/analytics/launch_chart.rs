//! Before / after launch: the funnels of the customers who started before a launch and
//! after it, side by side as a share of each group, the change in step conversion per
//! stage in points, and one plain sentence per step.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart};

use super::chart::ChartOptions;
use super::plot::{stage_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::model::launch::{LaunchComparison, Verdict};
use crate::store::analytics::Analytics;

const BEFORE: Color32 = Color32::from_rgb(0x9e, 0xa7, 0xb3);
const AFTER: Color32 = Color32::from_rgb(0x42, 0x7a, 0xb5);
const BETTER: Color32 = Color32::from_rgb(0x2c, 0xa0, 0x2c);
const WORSE: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);
const UNCLEAR: Color32 = Color32::from_rgb(0xbd, 0xbd, 0xbd);

/// The colour of a step's change: green or red only when it is unlikely to be chance.
fn verdict_color(verdict: Verdict) -> Color32 {
    match verdict {
        Verdict::Improved => BETTER,
        Verdict::Worsened => WORSE,
        Verdict::NoClearChange | Verdict::TooFew => UNCLEAR,
    }
}

/// Share of a group's customers that reached `stage`, in percent.
fn percent_reached(funnel: &crate::model::Funnel, stage: Stage) -> f64 {
    funnel.conversion_from_start(stage) * 100.0
}

pub fn launch_chart_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, options: &ChartOptions, still: bool) {
    let Some(comparison) = &analytics.launch else {
        ui.label(RichText::new(tr.t(Text::LaunchNeedsDate)).weak());
        return;
    };
    ui.label(tr.launch_groups(comparison));
    if comparison.before.customers() == 0 || comparison.after.customers() == 0 {
        ui.label(RichText::new(tr.t(Text::LaunchGroupEmpty)).strong().color(crate::ui::style::GAP));
    }
    // Everything below shares what is left above the findings, so nothing runs into them,
    // even at 1280 × 720. Each plot is titled on the line above it, not along its vertical
    // axis: a rotated title is centred on its plot and, on plots this short, ran past it into
    // the other one's. The group key sits on the first title line, not in a legend over the
    // bars, and the stage names once under the lower plot serve both (same x scale).
    let line = ui.text_style_height(&egui::TextStyle::Body) * 1.3;
    let title_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let available = ui.available_height() - 2.0 * title_height - 3.0 * ui.spacing().item_spacing.y;
    let sentences_height = (available * 0.3).clamp(2.0 * line, 7.0 * line).min(available * 0.5);
    let plots = (available - sentences_height).max(0.0);
    funnels_ui(ui, tr, comparison, options, still, plots * 0.55);
    changes_ui(ui, tr, comparison, still, plots * 0.45);
    egui::ScrollArea::vertical()
        .id_salt("launch_steps")
        .max_height(ui.available_height().max(line))
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for step in &comparison.steps {
                let text = RichText::new(format!("• {}", tr.launch_step(step)));
                ui.label(match step.verdict {
                    Verdict::Improved | Verdict::Worsened => text.strong().color(verdict_color(step.verdict)),
                    Verdict::NoClearChange | Verdict::TooFew => text,
                });
            }
        });
}

/// A plot's title, on the line above it.
fn plot_title_ui(ui: &mut Ui, title: &str) {
    ui.label(RichText::new(title).strong());
}

/// Both funnels side by side, as a percentage of each group's customers (the groups differ
/// in size; shares compare).
fn funnels_ui(ui: &mut Ui, tr: Tr, c: &LaunchComparison, options: &ChartOptions, still: bool, height: f32) {
    let launch = c.window.launch;
    let version = options.launch_version.as_str();
    let before_name = tr.launch_group_name(false, launch, c.before.customers());
    let after_name = format!("{version} · {}", tr.launch_group_name(true, launch, c.after.customers()));
    ui.horizontal(|ui| {
        plot_title_ui(ui, tr.t(Text::PercentOfGroup));
        for (name, color) in [(&before_name, BEFORE), (&after_name, AFTER)] {
            ui.add_space(12.0);
            ui.label(RichText::new("■").color(color));
            ui.label(name);
        }
    });
    stage_plot("launch_funnels", tr, still)
        .height(height)
        .show_axes([false, true])
        .default_y_bounds(0.0, 105.0)
        .show(ui, |plot| {
            for (name, funnel, color, offset) in
                [(before_name, &c.before, BEFORE, -0.2), (after_name, &c.after, AFTER, 0.2)]
            {
                let bars = Stage::ALL
                    .iter()
                    .map(|s| Bar::new(x(*s) + offset, percent_reached(funnel, *s)).width(0.38).fill(color))
                    .collect();
                plot.bar_chart(BarChart::new(name, bars).color(color));
            }
        });
}

/// The change in step conversion into each stage, in percentage points, coloured by verdict.
fn changes_ui(ui: &mut Ui, tr: Tr, c: &LaunchComparison, still: bool, height: f32) {
    let points: Vec<(Stage, f64, Verdict)> =
        c.steps.iter().filter_map(|s| Some((s.to, s.difference_points?, s.verdict))).collect();
    let reach = points.iter().fold(5.0_f64, |m, (_, p, _)| m.max(p.abs())) * 1.25;
    plot_title_ui(ui, tr.t(Text::StepChangePoints));
    stage_plot("launch_changes", tr, still).height(height).default_y_bounds(-reach, reach).show(ui, |plot| {
        let bars = points
            .iter()
            .map(|(stage, p, verdict)| Bar::new(x(*stage), *p).width(0.5).fill(verdict_color(*verdict)))
            .collect();
        plot.bar_chart(BarChart::new(tr.t(Text::StepChangePoints), bars).color(AFTER));
    });
}
