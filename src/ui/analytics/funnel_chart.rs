//! The drop-off funnel: customers reaching each stage, the rate lost between neighbours,
//! the biggest drop-off highlighted.

use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, PlotPoint, Text as PlotText};

use super::chart::ChartOptions;
use super::plot::{chart_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::store::analytics::Analytics;
use crate::ui::style;

const BAR: Color32 = Color32::from_rgb(0x42, 0x7a, 0xb5);
const LEAK: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);

pub fn funnel_chart_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, options: &ChartOptions, still: bool) {
    let funnel = &analytics.report.funnel;
    let customers = funnel.customers();
    ui.label(
        RichText::new(tr.overall_conversion(
            funnel.conversion_from_start(Stage::Advocacy),
            funnel.reached(Stage::Advocacy),
            customers,
        ))
        .strong(),
    );
    let biggest = funnel.biggest_drop_off();
    let value = |reached: u64, of: u64| {
        if options.percent {
            if of == 0 { 0.0 } else { reached as f64 / of as f64 * 100.0 }
        } else {
            reached as f64
        }
    };
    let by_persona = options.by_persona && !analytics.report.personas.is_empty();
    let top = if by_persona {
        analytics.report.personas.iter().map(|p| p.customers).max().unwrap_or(0)
    } else {
        customers
    };
    let y_label = if options.percent { tr.t(Text::PercentOfStart) } else { tr.t(Text::Reached) };
    // One plot id per mode: egui_plot keeps a plot's bounds by id, and counts, percent
    // and per-persona bars each need their own scale.
    let scale = options.scale();
    chart_plot(ui, &format!("funnel_chart_{}_{}", options.percent, by_persona), tr, still, options, 1)
        .legend(Legend::default())
        .y_axis_label(y_label)
        // Counts never go below zero: no auto margin under the axis. Grouped bars scale to
        // the largest persona, not to everyone.
        .default_y_bounds(0.0, if options.percent { 108.0 } else { top.max(1) as f64 * 1.08 })
        .show(ui, |plot| {
            if by_persona {
                let groups = analytics.report.personas.len() as f64;
                let width = 0.8 / groups;
                for (i, persona) in analytics.report.personas.iter().enumerate() {
                    let color = style::color(persona.color);
                    let offset = -0.4 + width * (i as f64 + 0.5);
                    let bars = Stage::ALL
                        .iter()
                        .map(|s| {
                            Bar::new(x(*s) + offset, value(persona.reached[s.index()], persona.customers))
                                .width(width * 0.95)
                                .fill(color)
                        })
                        .collect();
                    plot.bar_chart(BarChart::new(persona.name.clone(), bars).color(color));
                }
                return;
            }
            let bars = Stage::ALL
                .iter()
                .map(|s| {
                    let leak = biggest.is_some_and(|b| b.from == *s || b.to == *s);
                    Bar::new(x(*s), value(funnel.reached(*s), customers)).width(0.6).fill(if leak {
                        LEAK
                    } else {
                        BAR
                    })
                })
                .collect();
            plot.bar_chart(BarChart::new(tr.t(Text::Reached), bars).color(BAR));
            // The rate lost between neighbours, written between their bars.
            for stage in Stage::ALL {
                let Some(rate) = funnel.drop_off_rate(stage) else { continue };
                let top = value(funnel.reached(stage), customers);
                let is_biggest = biggest.is_some_and(|b| b.from == stage);
                let text = RichText::new(format!("-{}", tr.percent(rate)))
                    .size(13.0 * scale)
                    .color(if is_biggest { LEAK } else { Color32::DARK_GRAY });
                let text = if is_biggest { text.strong() } else { text };
                // A slide's type is wider than the gap between two bars: there the rate
                // stands on the taller bar's top, in the gap, over nothing it could hide.
                let (at, anchor) = if options.slide_text_pt.is_some() {
                    (PlotPoint::new(x(stage) + 0.5, top), Align2::CENTER_BOTTOM)
                } else {
                    let y = top * 0.92 + if options.percent { 4.0 } else { customers as f64 * 0.04 };
                    (PlotPoint::new(x(stage) + 0.5, y), Align2::CENTER_CENTER)
                };
                // No name: the rates are labels, not legend entries.
                plot.text(PlotText::new("", at, text).anchor(anchor));
            }
        });
}
