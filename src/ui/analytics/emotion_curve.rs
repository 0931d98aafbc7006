//! The emotion curve: per persona, the mean score per stage as a line, the highs and lows
//! as whiskers, every entry as a point, and the model's expected emotion as a dashed line.

use egui::{Color32, RichText, Stroke, Ui};
use egui_plot::{ColorConflictHandling, Corner, Legend, Line, LineStyle, MarkerShape, PlotPoints, Points};

use super::chart::ChartOptions;
use super::plot::{chart_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::store::analytics::{Analytics, EmotionCurve};
use crate::ui::style;

pub fn emotion_curve_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, options: &ChartOptions, still: bool) {
    let curves: Vec<(usize, &EmotionCurve)> = analytics
        .emotion_curves
        .iter()
        .filter(|c| options.curve_personas.is_empty() || options.curve_personas.contains(&c.persona))
        .enumerate()
        .collect();
    if curves.iter().all(|(_, c)| c.points.is_empty()) {
        ui.label(RichText::new(tr.t(Text::NoEntriesForCurve)).weak());
    }
    let count = curves.len().max(1) as f64;
    // Hovering an entry shows its label and note: find the entry at the hovered position.
    let lookup: Vec<(String, Vec<EntryNote>)> = curves
        .iter()
        .map(|(i, c)| {
            let offset = offset(*i, count);
            let notes = c
                .points
                .iter()
                .map(|p| {
                    let at = [x(p.stage) + offset, f64::from(p.score.get())];
                    (at, format!("{}\n{} ({}) {}", c.name, p.label, p.score, p.note).trim().to_owned())
                })
                .collect();
            (c.name.clone(), notes)
        })
        .collect();
    let scale = options.scale();
    chart_plot(ui, "emotion_curve", tr, still, options, 1)
        // A persona's line, whiskers and points share one legend entry in its colour.
        .legend(
            Legend::default()
                .color_conflict_handling(ColorConflictHandling::PickFirst)
                // At a slide's type the legend is large: bottom left, under Evaluation's
                // low scores, it hides no entry (top right hid the fans').
                .position(if options.slide_text_pt.is_some() {
                    Corner::LeftBottom
                } else {
                    Corner::RightTop
                }),
        )
        .y_axis_label(tr.t(Text::MeanEmotion))
        .include_y(-5.5)
        .include_y(5.5)
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint { plot_name, position, .. } => lookup
                .iter()
                .filter(|(name, _)| name == plot_name)
                .flat_map(|(_, notes)| notes)
                .find(|(at, _)| (at[0] - position.x).abs() < 1e-9 && (at[1] - position.y).abs() < 1e-9)
                .map(|(_, note)| note.clone()),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            let expected: Vec<[f64; 2]> =
                Stage::ALL.iter().map(|s| [x(*s), f64::from(s.expected_score())]).collect();
            plot.line(
                Line::new(tr.t(Text::ExpectedEmotion), PlotPoints::from(expected))
                    .color(Color32::GRAY)
                    .style(LineStyle::dashed_loose())
                    .width(1.5 * scale),
            );
            for (i, curve) in &curves {
                let color = style::color(curve.color);
                let offset = offset(*i, count);
                // The mean line breaks where a stage has no entries: a gap, not a zero.
                let mut run: Vec<[f64; 2]> = Vec::new();
                let mut runs: Vec<Vec<[f64; 2]>> = Vec::new();
                for stage in Stage::ALL {
                    match curve.stats[stage.index()].mean {
                        Some(mean) => run.push([x(stage) + offset, mean]),
                        None => runs.push(std::mem::take(&mut run)),
                    }
                }
                runs.push(run);
                for run in runs.into_iter().filter(|r| !r.is_empty()) {
                    if run.len() == 1 {
                        plot.points(
                            Points::new(curve.name.clone(), PlotPoints::from(run))
                                .color(color)
                                .radius(4.0 * scale)
                                .shape(MarkerShape::Diamond),
                        );
                    } else {
                        plot.line(
                            Line::new(curve.name.clone(), PlotPoints::from(run))
                                .color(color)
                                .width(2.5 * scale),
                        );
                    }
                }
                // Highs and lows as whiskers.
                for stage in Stage::ALL {
                    let stats = curve.stats[stage.index()];
                    if let (Some(low), Some(high)) = (stats.min, stats.max) {
                        let at = x(stage) + offset;
                        plot.line(
                            Line::new(
                                curve.name.clone(),
                                PlotPoints::from(vec![[at, f64::from(low)], [at, f64::from(high)]]),
                            )
                            .color(color.gamma_multiply(0.6))
                            .stroke(Stroke::new(scale, color.gamma_multiply(0.6))),
                        );
                    }
                }
                let points: Vec<[f64; 2]> =
                    curve.points.iter().map(|p| [x(p.stage) + offset, f64::from(p.score.get())]).collect();
                plot.points(
                    Points::new(curve.name.clone(), PlotPoints::from(points))
                        .color(color.gamma_multiply(0.7))
                        .radius(3.0 * scale)
                        .filled(true),
                );
            }
        });
}

/// Where an entry is drawn, and what hovering it says.
type EntryNote = ([f64; 2], String);

/// Personas sit side by side at a stage so their whiskers and points do not overlap.
fn offset(i: usize, count: f64) -> f64 {
    (i as f64 - (count - 1.0) / 2.0) * 0.08
}
