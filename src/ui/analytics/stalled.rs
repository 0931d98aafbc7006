//! Stalled customers: no stage event for longer than the chosen number of days and not yet
//! at Advocacy, counted per stage, with the list of them.

use egui::{Color32, RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart};

use super::plot::{stage_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::store::analytics::Analytics;

const BAR: Color32 = Color32::from_rgb(0xbc, 0x8a, 0x00);

pub fn stalled_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, still: bool) {
    let stalled = &analytics.stalled;
    ui.label(RichText::new(tr.stalled_total(stalled.total, stalled.days)).strong());
    // The chart and the list share what is left above the findings: the chart half of it
    // (never less than a readable 120 points unless the space itself is smaller), the list
    // the rest, scrolling inside it. A fixed minimum here once pushed the list over the
    // findings at 1280 × 800.
    let available = ui.available_height();
    let chart_height = if still { available } else { (available * 0.5).max(120.0_f32.min(available)) };
    ui.allocate_ui(egui::vec2(ui.available_width(), chart_height), |ui| {
        let top = stalled.per_stage.iter().copied().max().unwrap_or(0).max(1) as f64 * 1.1;
        stage_plot("stalled_chart", tr, still).default_y_bounds(0.0, top).show(ui, |plot| {
            let bars = Stage::ALL
                .iter()
                .take(7)
                .map(|s| Bar::new(x(*s), stalled.per_stage[s.index()] as f64).width(0.6).fill(BAR))
                .collect();
            plot.bar_chart(BarChart::new(tr.t(Text::StalledCustomers), bars).color(BAR));
        });
    });
    if still || stalled.customers.is_empty() {
        return;
    }
    ui.label(RichText::new(tr.showing_first(stalled.customers.len(), stalled.total)).small().weak());
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    // What is left for the rows under the header; the table's own default minimum (200
    // points) would overflow a short window.
    let height = (ui.available_height() - row_height).max(0.0);
    TableBuilder::new(ui)
        .id_salt("stalled_table")
        .striped(true)
        .min_scrolled_height(0.0)
        .max_scroll_height(height)
        .column(Column::auto().at_least(120.0))
        .column(Column::auto().at_least(160.0))
        .column(Column::auto().at_least(150.0))
        .column(Column::auto().at_least(150.0))
        .column(Column::remainder())
        .header(row_height, |mut header| {
            for text in [Text::CustomerId, Text::Persona, Text::Stage, Text::LastEvent, Text::DaysSince] {
                header.col(|ui| {
                    ui.strong(tr.t(text));
                });
            }
        })
        .body(|body| {
            body.rows(row_height, stalled.customers.len(), |mut row| {
                let customer = &stalled.customers[row.index()];
                row.col(|ui| {
                    ui.label(&customer.customer_id);
                });
                row.col(|ui| {
                    ui.label(customer.persona.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    ui.label(customer.stage.numbered_name(tr.0));
                });
                row.col(|ui| {
                    ui.label(customer.last_event.format("%Y-%m-%d").to_string());
                });
                row.col(|ui| {
                    ui.label(format!("{:.0}", customer.days_since));
                });
            });
        });
}
