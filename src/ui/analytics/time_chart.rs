//! Time to stage: median days from a customer's first event to each stage, and how many
//! reached Kickoff and Accomplishment within the first 100 days.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, HLine, Legend, LineStyle};

use super::plot::{stage_plot, x};
use crate::i18n::{Text, Tr};
use crate::model::Stage;
use crate::store::analytics::Analytics;

const BAR: Color32 = Color32::from_rgb(0x2c, 0xa0, 0x2c);

pub fn time_chart_ui(ui: &mut Ui, tr: Tr, analytics: &Analytics, still: bool) {
    let first = &analytics.first_100_days;
    for (stage, share) in [(Stage::Kickoff, first.kickoff), (Stage::Accomplishment, first.accomplishment)] {
        let text =
            tr.within_100_days(stage.name(tr.0), share.rate().unwrap_or(0.0), share.customers, share.of);
        ui.label(RichText::new(text).strong());
    }
    let funnel = &analytics.report.funnel;
    stage_plot("time_chart", tr, still)
        // Bars grow to the right: the legend goes top left.
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .y_axis_label(format!("{} ({})", tr.t(Text::MedianDays), tr.t(Text::Days)))
        .default_y_bounds(
            0.0,
            funnel.median_days_from_start.iter().flatten().fold(110.0_f64, |a, b| a.max(*b)) * 1.08,
        )
        .show(ui, |plot| {
            let bars = Stage::ALL
                .iter()
                .filter_map(|s| funnel.median_days(*s).map(|days| Bar::new(x(*s), days).width(0.6).fill(BAR)))
                .collect();
            plot.bar_chart(BarChart::new(tr.t(Text::MedianDays), bars).color(BAR));
            plot.hline(
                HLine::new(tr.t(Text::HundredDayLine), 100.0)
                    .color(Color32::DARK_RED)
                    .style(LineStyle::dashed_loose()),
            );
        });
}
