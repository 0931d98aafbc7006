//! Cohorts: one row per month or week of first event, the share of each cohort that
//! reached each stage as a heat table, with the customers per cohort.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::i18n::{Text, Tr};
use crate::model::{CohortPeriod, Stage};
use crate::store::analytics::Analytics;

/// The hue of a full cell; lighter shades (more transparent) for smaller shares.
const HEAT: Color32 = Color32::from_rgb(0x1f, 0x5f, 0xa8);

/// Above this share the cell is dark enough that its text is drawn in white.
const LIGHT_TEXT_FROM: f64 = 0.55;

/// The cell's fill for a share 0–1: never fully transparent, so 0 % still reads as a cell.
fn heat(share: f64) -> Color32 {
    // Shares are 0–1, so the alpha stays within 16–240 and the cast cannot wrap.
    let alpha = (16.0 + share.clamp(0.0, 1.0) * 224.0).round() as u8;
    Color32::from_rgba_unmultiplied(HEAT.r(), HEAT.g(), HEAT.b(), alpha)
}

/// Draws the heat table. `still` is for export: no scrolling, rows squeezed to fit the page.
pub fn cohort_chart_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, still: bool) {
    let table = &analytics.cohorts;
    ui.label(RichText::new(tr.t(Text::CohortsExplained)).weak());
    ui.add_space(4.0);
    let body_height = ui.text_style_height(&egui::TextStyle::Body);
    let rows = table.cohorts.len();
    let row_height = if still {
        let fitted = ui.available_height() / (rows as f32 + 1.0);
        fitted.clamp(body_height * 0.9, body_height + 8.0)
    } else {
        body_height + 8.0
    };
    let first_column = match table.period {
        CohortPeriod::Month => Text::CohortMonth,
        CohortPeriod::Week => Text::CohortWeekOf,
    };
    let height = ui.available_height();
    TableBuilder::new(ui)
        .id_salt("cohort_table")
        .vscroll(!still)
        .min_scrolled_height(0.0)
        .max_scroll_height(height)
        .column(Column::exact(104.0))
        .column(Column::exact(96.0))
        .columns(Column::remainder().at_least(56.0).clip(true), 8)
        .header(row_height, |mut header| {
            header.col(|ui| {
                ui.strong(tr.t(first_column));
            });
            header.col(|ui| {
                ui.strong(tr.t(Text::Customers));
            });
            for stage in Stage::ALL {
                header.col(|ui| {
                    ui.strong(stage.numbered_name(tr.0)).on_hover_text(stage.name(tr.0));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows, |mut row| {
                let cohort = &table.cohorts[row.index()];
                row.col(|ui| {
                    let start = match table.period {
                        CohortPeriod::Month => cohort.start.format("%Y-%m"),
                        CohortPeriod::Week => cohort.start.format("%Y-%m-%d"),
                    };
                    ui.label(start.to_string());
                });
                row.col(|ui| {
                    ui.label(tr.count(cohort.customers));
                });
                for stage in Stage::ALL {
                    row.col(|ui| {
                        let share = cohort.share(stage).unwrap_or(0.0);
                        ui.painter().rect_filled(ui.max_rect().shrink(1.0), 2.0, heat(share));
                        let text = RichText::new(tr.percent(share));
                        let text = if share > LIGHT_TEXT_FROM { text.color(Color32::WHITE) } else { text };
                        let reached = cohort.reached[stage.index()];
                        ui.centered_and_justified(|ui| ui.label(text)).inner.on_hover_text(tr.cohort_cell(
                            stage.name(tr.0),
                            reached,
                            cohort.customers,
                        ));
                    });
                }
            });
        });
}
