//! Emotion × drop-off: the funnel as bars and the mean emotion as a line on a second axis,
//! so a low and a leak at the same stage stand out together.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, Bar, BarChart, HPlacement, Legend, Line, LineStyle, PlotPoints, Points};

use super::chart::ChartOptions;
use super::plot::{chart_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::store::analytics::Analytics;

const BAR: Color32 = Color32::from_rgb(0x9e, 0xc5, 0xe8);
const EMOTION: Color32 = Color32::from_rgb(0xe4, 0x57, 0x1c);

/// Emotion −5…+5 drawn on the 0…100 scale of the bars.
fn to_bar_scale(score: f64) -> f64 {
    (score + 5.0) * 10.0
}

pub fn leak_chart_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, options: &ChartOptions, still: bool) {
    let scale = options.scale();
    let funnel = &analytics.report.funnel;
    let customers = funnel.customers();
    let mut left = AxisHints::new_y().label(tr.t(Text::PercentOfStart)).min_thickness(58.0 * scale);
    if options.slide_text_pt.is_some() {
        // The room above 100 % holds the slide's legend, not shares.
        left = left.formatter(|mark, _| {
            if mark.value > 100.0 + 1e-6 || (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            format!("{:.0}", mark.value)
        });
    }
    let right = AxisHints::new_y()
        .label(tr.t(Text::MeanEmotion))
        .min_thickness(58.0 * scale)
        .placement(HPlacement::Right)
        .formatter(|mark, _| {
            let score = mark.value / 10.0 - 5.0;
            if (score - score.round()).abs() > 1e-6 || !(-5.0..=5.0).contains(&score) {
                return String::new();
            }
            format!("{score:+.0}")
        });
    chart_plot(ui, "leak_chart", tr, still, options, 2)
        .legend(Legend::default())
        .custom_y_axes(vec![left, right])
        // At a slide's type the legend is large: room above the bars keeps it off them.
        .default_y_bounds(0.0, if options.slide_text_pt.is_some() { 132.0 } else { 105.0 })
        .show(ui, |plot| {
            let bars = Stage::ALL
                .iter()
                .map(|s| Bar::new(x(*s), funnel.conversion_from_start(*s) * 100.0).width(0.6).fill(BAR))
                .collect();
            let _ = customers;
            plot.bar_chart(BarChart::new(tr.t(Text::Reached), bars).color(BAR));
            let expected: Vec<[f64; 2]> =
                Stage::ALL.iter().map(|s| [x(*s), to_bar_scale(f64::from(s.expected_score()))]).collect();
            plot.line(
                Line::new(tr.t(Text::ExpectedEmotion), PlotPoints::from(expected))
                    .color(Color32::GRAY)
                    .style(LineStyle::dashed_loose())
                    .width(1.5 * scale),
            );
            let mut run: Vec<[f64; 2]> = Vec::new();
            let mut runs = Vec::new();
            for stage in Stage::ALL {
                match analytics.report.emotions[stage.index()].mean {
                    Some(mean) => run.push([x(stage), to_bar_scale(mean)]),
                    None => runs.push(std::mem::take(&mut run)),
                }
            }
            runs.push(run);
            for run in runs.into_iter().filter(|r| !r.is_empty()) {
                plot.points(
                    Points::new(tr.t(Text::MeanEmotion), PlotPoints::from(run.clone()))
                        .color(EMOTION)
                        .radius(4.0 * scale),
                );
                plot.line(
                    Line::new(tr.t(Text::MeanEmotion), PlotPoints::from(run))
                        .color(EMOTION)
                        .width(2.5 * scale),
                );
            }
        });
}
