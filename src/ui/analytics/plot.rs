//! The plot frame every chart shares: the eight stages on the x axis, one grid line each.

use egui::{Color32, FontId, Ui};
use egui_plot::{AxisHints, GridInput, GridMark, Plot};

use super::chart::ChartOptions;
use crate::i18n::Tr;
use crate::model::Stage;

/// The stage names under the x axis in the Analytics view: egui_plot drops a tick label
/// wider than the tick spacing, and at 12.5 points "Acknowledgment" fits at 1280 px.
pub(crate) const STAGE_NAME_PT: f32 = 12.5;

/// A plot with the eight stages on the x axis, locked in place (a chart for a meeting,
/// not an explorer), with the stage names at the Analytics view's size.
pub(crate) fn stage_plot(id: &str, tr: Tr, still: bool) -> Plot<'static> {
    stage_plot_sized(id, tr, still, STAGE_NAME_PT)
}

/// A plot that neither zooms nor pans nor shows a crosshair: every chart of the app is a
/// picture to read (and export), not a data explorer.
pub(crate) fn locked_plot(id: &str) -> Plot<'static> {
    Plot::new(id)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .show_x(false)
        .show_y(false)
}

/// [`stage_plot`] with the stage names at `stage_name_pt` (a slide's larger type; see
/// [`fitting_stage_name_pt`]).
pub(crate) fn stage_plot_sized(id: &str, tr: Tr, still: bool, stage_name_pt: f32) -> Plot<'static> {
    let language = tr.0;
    locked_plot(id)
        .sense(if still { egui::Sense::hover() } else { egui::Sense::click_and_drag() })
        .x_grid_spacer(stage_marks)
        .custom_x_axes(vec![
            AxisHints::new_x().tick_label_font(FontId::proportional(stage_name_pt)).formatter(
                move |mark: GridMark, _range| {
                    let n = mark.value.round();
                    if (mark.value - n).abs() > 1e-6 {
                        return String::new();
                    }
                    // egui_plot drops a tick label wider than the tick spacing: names only,
                    // in a size that fits (see `STAGE_NAME_PT`, `fitting_stage_name_pt`).
                    Stage::from_number(n as u8).map_or_else(String::new, |s| s.name(language).to_owned())
                },
            ),
        ])
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

/// The plot of a chart drawn with `options`, `y_axes` y axes beside it: on a slide the
/// stage names take the slide's text size, or the largest that fits.
pub(crate) fn chart_plot(
    ui: &Ui,
    id: &str,
    tr: Tr,
    still: bool,
    options: &ChartOptions,
    y_axes: u8,
) -> Plot<'static> {
    let Some(text_pt) = options.slide_text_pt else { return stage_plot(id, tr, still) };
    // A y axis holds its tick labels ("2000") and its title, both at body size: measured
    // 94 points wide at 22-point text.
    let y_axes_pt = f32::from(y_axes) * 4.3 * text_pt;
    stage_plot_sized(id, tr, still, fitting_stage_name_pt(ui, tr, text_pt, y_axes_pt))
}

/// The largest size up to `wanted_pt` at which every stage name fits between two grid lines
/// of a plot as wide as `ui`'s available width, less `y_axes_pt` for its y axes: egui_plot
/// leaves out a name that does not fit, and a slide's type would lose "Acknowledgment".
pub(crate) fn fitting_stage_name_pt(ui: &Ui, tr: Tr, wanted_pt: f32, y_axes_pt: f32) -> f32 {
    let widest_pt = Stage::ALL
        .iter()
        .map(|s| {
            let font = FontId::proportional(wanted_pt);
            ui.painter().layout_no_wrap(s.name(tr.0).to_owned(), font, Color32::PLACEHOLDER).size().x
        })
        .fold(0.0_f32, f32::max);
    // The x range runs from 0.5 to 8.5 with egui_plot's margin of a twentieth on either
    // side: 8.8 stage widths. A few points to spare between neighbours.
    let spacing_pt = (ui.available_width() - y_axes_pt) / 8.8 - 6.0;
    if widest_pt <= spacing_pt || widest_pt <= 0.0 {
        return wanted_pt;
    }
    (wanted_pt * spacing_pt / widest_pt).floor().max(STAGE_NAME_PT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    /// Runs `f` on a root ui `width_pt` wide, with egui's own fonts.
    fn with_ui<R>(width_pt: f32, mut f: impl FnMut(&mut Ui) -> R) -> R {
        let ctx = egui::Context::default();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(width_pt, 720.0))),
            ..egui::RawInput::default()
        };
        let mut out = None;
        // No renderer takes the font atlas: drop it on purpose.
        ctx.run_ui(input, |ui| out = Some(f(ui))).textures_delta.clear();
        out.expect("one pass")
    }

    /// The widest stage name at `pt`, measured again here.
    fn widest(ui: &Ui, tr: Tr, pt: f32) -> f32 {
        Stage::ALL
            .iter()
            .map(|s| {
                let galley = ui.painter().layout_no_wrap(
                    s.name(tr.0).to_owned(),
                    FontId::proportional(pt),
                    Color32::PLACEHOLDER,
                );
                galley.size().x
            })
            .fold(0.0, f32::max)
    }

    #[test]
    fn stage_names_get_the_largest_size_that_fits_between_two_grid_lines() {
        let tr = Tr(Language::English);
        let (pt, fits, one_more_fits, spacing) = with_ui(1280.0, |ui| {
            let pt = fitting_stage_name_pt(ui, tr, 22.0, 94.0);
            let spacing = (ui.available_width() - 94.0) / 8.8 - 6.0;
            (pt, widest(ui, tr, pt) <= spacing, widest(ui, tr, pt + 1.0) <= spacing, spacing)
        });
        assert!(pt < 22.0, "\"Acknowledgment\" at 22 pt is wider than {spacing} pt");
        assert!(fits, "{pt} pt fits in {spacing} pt");
        assert!(!one_more_fits, "{pt} is the largest whole size that fits");
        // Room enough: the wanted size as it is.
        assert_eq!(with_ui(4000.0, |ui| fitting_stage_name_pt(ui, tr, 22.0, 94.0)), 22.0);
        // Never below the Analytics view's own size, however narrow.
        assert_eq!(with_ui(300.0, |ui| fitting_stage_name_pt(ui, tr, 22.0, 94.0)), STAGE_NAME_PT);
    }
}
