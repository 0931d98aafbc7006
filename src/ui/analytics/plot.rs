//! The plot frame every chart shares: the eight stages on the x axis, one grid line each.

use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use crate::i18n::Tr;
use crate::model::Stage;

/// A plot with the eight stages on the x axis, locked in place (a chart for a meeting,
/// not an explorer).
pub(crate) fn stage_plot(id: &str, tr: Tr, still: bool) -> Plot<'static> {
    let language = tr.0;
    Plot::new(id)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .show_x(false)
        .show_y(false)
        .sense(if still { egui::Sense::hover() } else { egui::Sense::click_and_drag() })
        .x_grid_spacer(stage_marks)
        .custom_x_axes(vec![AxisHints::new_x().tick_label_font(egui::FontId::proportional(12.5)).formatter(
            move |mark: GridMark, _range| {
                let n = mark.value.round();
                if (mark.value - n).abs() > 1e-6 {
                    return String::new();
                }
                // egui_plot drops a tick label wider than the tick spacing: names only,
                // in a slightly smaller font, so "Acknowledgment" fits at 1280 px.
                Stage::from_number(n as u8).map_or_else(String::new, |s| s.name(language).to_owned())
            },
        )])
        .y_axis_min_width(52.0)
        .include_x(0.5)
        .include_x(8.5)
}

/// One grid line per stage.
fn stage_marks(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    (1..=8)
        .map(f64::from)
        .filter(|v| *v >= lo && *v <= hi)
        .map(|value| GridMark { value, step_size: 1.0 })
        .collect()
}

pub(crate) fn x(stage: Stage) -> f64 {
    f64::from(stage.number())
}
